import {
  CommentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PORTAL_NAME } from './PortalLayout';

/** The portal's entries: public services first, then what the law says must be public. */
const ENTRIES: { to: string; icon: ReactNode; title: string; text: string; half?: boolean }[] = [
  {
    to: '/portal/request',
    icon: <SolutionOutlined aria-hidden className="portal-entry-icon" />,
    title: '申请调解 / 法律咨询',
    text: '填写联系方式和情况说明，村(社区)调解员会尽快联系您',
    half: true,
  },
  {
    to: '/portal/track',
    icon: <FileSearchOutlined aria-hidden className="portal-entry-icon" />,
    title: '查询办理进度',
    text: '输入查询码和提交时的手机号，查看受理、调解情况或咨询答复',
    half: true,
  },
  {
    to: '/portal/consultations',
    icon: <CommentOutlined aria-hidden className="portal-entry-icon" />,
    title: '公开征求意见',
    text: '重大行政决策、行政规范性文件草案公开征求意见，可对全文或某一段落提出意见，结束后公布采纳情况',
  },
  {
    to: '/portal/reports',
    icon: <FileTextOutlined aria-hidden className="portal-entry-icon" />,
    title: '法治政府建设年度报告',
    text: '查阅县(区)、乡镇(街道)人民政府向社会公开的年度法治政府建设情况报告',
  },
  {
    to: '/portal/law-enforcement/publications',
    icon: <SafetyOutlined aria-hidden className="portal-entry-icon" />,
    title: '行政执法公示',
    text: '行政处罚等执法决定、持证执法人员和双随机抽查结果向社会公开',
  },
  {
    to: '/portal/major-decisions',
    icon: <ScheduleOutlined aria-hidden className="portal-entry-icon" />,
    title: '重大行政决策',
    text: '年度决策事项目录、已公布的重大行政决策及公众意见采纳情况',
  },
  {
    to: '/portal/documents',
    icon: <FileProtectOutlined aria-hidden className="portal-entry-icon" />,
    title: '行政规范性文件',
    text: '现行有效的行政规范性文件及其修改、废止情况;可对文件提出审查建议',
  },
  {
    to: '/portal/legal-advisers',
    icon: <TeamOutlined aria-hidden className="portal-entry-icon" />,
    title: '村(社区)法律顾问',
    text: '每个村(社区)的法律顾问、所在律师事务所和坐班安排',
  },
  {
    to: '/portal/law-publicity',
    icon: <ScheduleOutlined aria-hidden className="portal-entry-icon" />,
    title: '普法宣传',
    text: '各乡镇(街道)近期开展的普法宣传活动和法治公园、民主法治示范村等法治宣传阵地',
  },
  {
    to: '/portal/open-government',
    icon: <FileSearchOutlined aria-hidden className="portal-entry-icon" />,
    title: '政府信息公开',
    text: '按主动公开目录查阅政府信息;在线申请政府信息公开并凭查询码查询办理进度',
  },
];

export default function PortalHomePage() {
  return (
    <Flex vertical gap={24} className="portal-page">
      <section className="portal-hero" aria-labelledby="portal-title">
        <Typography.Title level={1} id="portal-title" className="portal-hero-title">
          {PORTAL_NAME}
        </Typography.Title>
        <Typography.Paragraph className="portal-hero-text">
          邻里、婚姻家庭、土地、劳务等矛盾纠纷可在网上申请人民调解；遇到法律问题可向法律顾问咨询。提交后凭查询码和手机号随时查看办理进度。
        </Typography.Paragraph>
      </section>
      <Row gutter={[16, 16]}>
        {ENTRIES.map((e) => (
          <Col key={e.to} xs={24} md={e.half ? 12 : 24}>
            <Link to={e.to} className="portal-entry">
              <Card hoverable>
                <Flex gap={16} align="center">
                  {e.icon}
                  <Flex vertical gap={4}>
                    <Typography.Title level={3} style={{ margin: 0 }}>
                      {e.title}
                    </Typography.Title>
                    <Typography.Text type="secondary">{e.text}</Typography.Text>
                  </Flex>
                </Flex>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
