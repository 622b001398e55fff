import { SolutionOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { CoverageTable } from '../../advisers/parts';
import { useCurrentOrg } from '../../currentOrg';

/** The villages behind the coverage figures (indicator drill-down) or the plain coverage table. */
export default function CoveragePage() {
  const { code } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={12} className="page-heading">
        <SolutionOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          村(社区)法律顾问覆盖
        </Typography.Title>
      </Flex>
      <CoverageTable
        params={{
          org: get('org') ?? code ?? undefined,
          on: get('on'),
          covered: get('covered'),
          indicator: get('indicator'),
          part: get('part'),
          from: get('from'),
          to: get('to'),
        }}
        onChange={set}
      />
    </Flex>
  );
}
