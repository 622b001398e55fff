import { ArrowLeftOutlined, CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Flex, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageError } from '../../../components/PageState';
import { InspectionDraw } from '../../../enforcement/InspectionDraw';
import { usePortalInspection } from '../../../enforcement/queries';

/** One published 双随机 inspection with its seed and the server's re-draw check (核验). */
export default function PortalInspectionPage() {
  const { id } = useParams();
  const q = usePortalInspection(id);
  const d = q.data;
  return (
    <Flex vertical gap={16} className="portal-page">
      <Link to="/portal/law-enforcement/inspections" className="back-link">
        <ArrowLeftOutlined /> 返回抽查列表
      </Link>
      {q.isError && <PageError title="加载失败" error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {d && (
        <>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {d.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {d.orgName ?? ''} · 计划 {d.plannedOn} · 公开日期 {d.publishedOn ?? '—'}
          </Typography.Text>
          {d.verified !== undefined && d.verified !== null && (
            <Alert
              data-testid="inspection-verified"
              type={d.verified ? 'success' : 'error'}
              showIcon
              icon={d.verified ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
              title={d.verified ? '核验一致' : '核验不一致'}
              description={
                d.verified
                  ? '平台用公开的随机种子对名录快照重新抽取，结果与公布的抽取结果一致。'
                  : '用公开的随机种子重新抽取的结果与公布的不一致，请向监督机关反映。'
              }
            />
          )}
          <InspectionDraw detail={d} />
        </>
      )}
    </Flex>
  );
}
