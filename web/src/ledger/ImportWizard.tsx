import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Result,
  Steps,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { apiUpload, errorMessage } from '../api';
import { Forbidden } from '../components/Forbidden';
import { OrgPicker } from '../components/OrgPicker';
import { useCurrentOrg } from '../currentOrg';
import type { OrgLevel } from '../types';
import { useIsMobile } from '../useIsMobile';
import { moduleBase } from './queries';
import type { ImportResult, RowProblem } from './types';

const problemColumns: TableColumnsType<RowProblem> = [
  // Row 0 / no column: a problem with the whole file (not a workbook, no data rows …).
  { title: '行', dataIndex: 'row', key: 'row', width: 64, render: (row: number) => (row > 0 ? row : '—') },
  { title: '列', dataIndex: 'column', key: 'column', width: 140, render: (column: string) => column || '—' },
  { title: '问题', dataIndex: 'message', key: 'message' },
];

const IMPORT_LEVELS: ReadonlySet<OrgLevel> = new Set(['county', 'township', 'village', 'grid']);
const importable = (level: OrgLevel) => IMPORT_LEVELS.has(level);

function ProblemTable(props: { rows: RowProblem[]; label: string }) {
  return (
    <Table<RowProblem>
      rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
      size="small"
      columns={problemColumns}
      dataSource={props.rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 480 }}
      aria-label={props.label}
    />
  );
}

/**
 * 导入台账: pick the org, pick the .xlsx, see the result. `POST /api/<module>/import?org=` answers 200
 * with the count, or 422 with the rows it refused (nothing is imported then).
 */
export function ImportWizard(props: {
  module: string;
  /** Where 查看台账 goes, e.g. `/petitions`. */
  listPath: string;
  heading: string;
  intro: ReactNode;
  /** Help under 导入到. */
  orgHelp: string;
  /** false: the user may not import at the current org (from the module's meta `can.import`). */
  allowed?: boolean;
}) {
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const base = moduleBase(props.module);
  const { code, org } = useCurrentOrg();
  const [target, setTarget] = useState<string | undefined>(
    org && importable(org.level) ? (code ?? undefined) : undefined,
  );
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const file = files[0]?.originFileObj;
  const stepIndex = result ? 2 : file ? 1 : 0;

  const upload = async () => {
    if (!target || !file) return;
    setUploading(true);
    setError(null);
    setResult(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const { data } = await apiUpload<ImportResult>(
        `${base}/import?org=${encodeURIComponent(target)}`,
        form,
        { acceptStatuses: [422] },
      );
      setResult(data);
      if (data.imported > 0) {
        void queryClient.invalidateQueries({
          predicate: (q) => q.queryKey[0] === props.module || q.queryKey[0] === 'indicators',
        });
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setUploading(false);
    }
  };

  const reset = () => {
    setFiles([]);
    setResult(null);
    setError(null);
  };

  const failed = result !== null && result.errors.length > 0;

  if (props.allowed === false) return <Forbidden title="不能导入台账" back={props.listPath} />;

  return (
    <Flex vertical gap={16} className="page page-narrow">
      <Flex align="center" gap={12} wrap="wrap" className="page-heading">
        <UploadOutlined aria-hidden className="page-heading-icon" />
        <Typography.Title level={2} style={{ margin: 0 }}>
          {props.heading}
        </Typography.Title>
      </Flex>

      <Steps
        size="small"
        current={stepIndex}
        orientation={isMobile ? 'vertical' : 'horizontal'}
        items={[{ title: '选择导入单位' }, { title: '选择 Excel 文件' }, { title: '查看导入结果' }]}
      />

      <Card size="small">
        <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
        <Form layout="vertical" onFinish={upload}>
          <Form.Item label="导入到" required htmlFor="import-org" help={props.orgHelp}>
            <OrgPicker
              id="import-org"
              aria-label="导入到"
              value={target}
              onChange={(value) => {
                setTarget(value);
                setResult(null);
              }}
              selectable={importable}
            />
          </Form.Item>
          <Form.Item label="台账文件" required>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => {
                setFiles(fileList.slice(-1));
                setResult(null);
                setError(null);
              }}
              aria-label="选择台账文件"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖入 .xlsx 文件</p>
              <p className="ant-upload-hint">单个文件，仅限 Excel 2007 及以上格式</p>
            </Upload.Dragger>
          </Form.Item>
          <Flex gap={8} wrap="wrap">
            <Button
              type="primary"
              htmlType="submit"
              icon={<UploadOutlined />}
              loading={uploading}
              disabled={!target || !file}
            >
              开始导入
            </Button>
            <Button icon={<DownloadOutlined />} href={`${base}/template.xlsx`} download>
              下载模板
            </Button>
          </Flex>
        </Form>
      </Card>

      {error && <Alert type="error" showIcon role="alert" title="导入失败" description={error} />}

      {result && !failed && (
        <Card size="small" data-testid="import-result">
          <Result
            status="success"
            title={`成功导入 ${result.imported} 条记录`}
            subTitle={
              result.warnings.length > 0 ? `另有 ${result.warnings.length} 条提示，请核对` : undefined
            }
            extra={[
              <Button type="primary" key="list" onClick={() => navigate(props.listPath)}>
                查看台账
              </Button>,
              <Button key="again" onClick={reset}>
                继续导入
              </Button>,
            ]}
          />
          {result.warnings.length > 0 && <ProblemTable rows={result.warnings} label="导入提示" />}
        </Card>
      )}

      {result && failed && (
        <Card size="small" data-testid="import-result">
          <Alert
            type="error"
            showIcon
            role="alert"
            title="未导入任何记录"
            description={`文件中有 ${result.errors.length} 处错误，请修改后重新上传。`}
            style={{ marginBottom: 12 }}
          />
          <ProblemTable rows={result.errors} label="错误列表" />
          {result.warnings.length > 0 && (
            <>
              <Typography.Title level={5}>提示</Typography.Title>
              <ProblemTable rows={result.warnings} label="导入提示" />
            </>
          )}
        </Card>
      )}
    </Flex>
  );
}
