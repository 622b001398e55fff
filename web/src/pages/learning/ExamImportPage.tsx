import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Flex,
  Result,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { apiUpload, errorMessage } from '../../api';
import { Forbidden } from '../../components/Forbidden';
import { useCurrentOrg } from '../../currentOrg';
import type { ImportResult, RowProblem } from '../../ledger/types';
import { Heading } from './parts';
import { BASE, MODULE, useExam, useLearningMeta } from './queries';

const problemColumns: TableColumnsType<RowProblem> = [
  { title: '行', dataIndex: 'row', key: 'row', width: 64, render: (row: number) => (row > 0 ? row : '—') },
  { title: '列', dataIndex: 'column', key: 'column', width: 120, render: (c: string) => c || '—' },
  { title: '问题', dataIndex: 'message', key: 'message' },
];

/**
 * 导入考试成绩: the exam platform's export (.xlsx). People are matched to the roster by 身份证号 (or 姓名);
 * people not on it are added; the roster's people missing from the file stay 未参考. All or nothing.
 */
export default function ExamImportPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { code } = useCurrentOrg();
  const meta = useLearningMeta(code);
  const exam = useExam(id);
  const client = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  if (meta.data && !meta.data.can.import)
    return <Forbidden title="不能导入考试成绩" back={`/learning/exams/${id}`} />;
  const file = files[0]?.originFileObj;
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const r = await apiUpload<ImportResult>(`${BASE}/exams/${id}/import`, form, { acceptStatuses: [422] });
      setResult(r.data);
      if (r.status === 200) await client.invalidateQueries({ predicate: (q) => q.queryKey[0] === MODULE });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const ok = result && result.errors.length === 0;
  return (
    <Flex vertical gap={16} className="page">
      <Heading icon={<UploadOutlined />} title="导入考试成绩" org={exam.data?.name} />
      <Card>
        <Typography.Paragraph type="secondary">
          上传考试平台导出的成绩表（.xlsx）。可识别的列：姓名、身份证号、单位（所在单位）、职务（人员类别）、参考状态（是否参考：已参考/未参考/缺考/免考）、成绩（最高分）、考试次数、补考成绩、学习学时、考试时间。
          按身份证号（无身份证号时按姓名）与名册匹配；名册中没有的人员自动加入名册；名册中有、文件中没有的人员保持“未参考”。文件中任一行有错误时，整个文件都不会导入。
        </Typography.Paragraph>
        <Flex vertical gap={12}>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={(info) => {
              setFiles(info.fileList.slice(-1));
              setResult(null);
            }}
            aria-label="选择成绩文件"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入 .xlsx 文件</p>
          </Upload.Dragger>
          <Flex gap={8} wrap="wrap">
            <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={busy} onClick={upload}>
              开始导入
            </Button>
            <Button icon={<DownloadOutlined />} href={`${BASE}/exams/${id}/template.xlsx`} download>
              下载成绩模板
            </Button>
            <Button onClick={() => navigate(`/learning/exams/${id}`)}>返回考试</Button>
          </Flex>
          {error && <Alert type="error" showIcon title={error} />}
        </Flex>
      </Card>
      {result && ok && (
        <Result
          status="success"
          title={`已导入 ${result.imported} 人的成绩`}
          extra={
            <Button type="primary" onClick={() => navigate(`/learning/exams/${id}`)}>
              查看名册及成绩
            </Button>
          }
        />
      )}
      {result && !ok && (
        <Alert
          type="error"
          showIcon
          title={`有 ${result.errors.length} 处问题，整个文件未导入，请修改后重新上传`}
        />
      )}
      {result && result.errors.length > 0 && (
        <Card size="small" title="错误">
          <Table<RowProblem>
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            size="small"
            columns={problemColumns}
            dataSource={result.errors}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            aria-label="错误"
          />
        </Card>
      )}
      {result && result.warnings.length > 0 && (
        <Card size="small" title="提示">
          <Table<RowProblem>
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            size="small"
            columns={problemColumns}
            dataSource={result.warnings}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            aria-label="提示"
          />
        </Card>
      )}
    </Flex>
  );
}
