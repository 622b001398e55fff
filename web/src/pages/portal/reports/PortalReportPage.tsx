import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageError } from '../../../components/PageState';
import { portalDocxHref, usePortalReport } from '../../../reports/queries';
import { ReportDocumentView } from '../../../reports/ReportDocumentView';
import '../../../reports/reports.css';

/** One published annual report, laid out as the official document, with its Word file. */
export default function PortalReportPage() {
  const { id } = useParams();
  const report = usePortalReport(id);

  return (
    <Flex vertical gap={16} className="portal-page">
      <Flex align="center" gap={8} wrap="wrap" justify="space-between">
        <Link to="/portal/reports">
          <ArrowLeftOutlined aria-hidden /> 返回年度报告列表
        </Link>
        {report.data && (
          <Button type="primary" icon={<FileWordOutlined />} href={portalDocxHref(report.data.id)} download>
            下载 Word
          </Button>
        )}
      </Flex>
      {report.isError && (
        <PageError title="报告加载失败" error={report.error} onRetry={() => report.refetch()} />
      )}
      {report.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {report.data && (
        <>
          <Typography.Text type="secondary">
            {report.data.orgName} · {report.data.year}年度 · 公开日期 {report.data.publishedOn ?? '—'}
          </Typography.Text>
          <ReportDocumentView
            document={report.data.document}
            figureLinks={false}
            titleLevel={1}
            testId="portal-report"
          />
        </>
      )}
    </Flex>
  );
}
