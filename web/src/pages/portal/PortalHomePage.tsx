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
import { Link } from 'react-router';
import { PORTAL_NAME } from './PortalLayout';

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
        <Col xs={24} md={12}>
          <Link to="/portal/request" className="portal-entry">
            <Card hoverable>
              <Flex gap={16} align="center">
                <SolutionOutlined aria-hidden className="portal-entry-icon" />
                <Flex vertical gap={4}>
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    申请调解 / 法律咨询
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    填写联系方式和情况说明，村(社区)调解员会尽快联系您
                  </Typography.Text>
                </Flex>
              </Flex>
            </Card>
          </Link>
        </Col>
        <Col xs={24} md={12}>
          <Link to="/portal/track" className="portal-entry">
            <Card hoverable>
              <Flex gap={16} align="center">
                <FileSearchOutlined aria-hidden className="portal-entry-icon" />
                <Flex vertical gap={4}>
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    查询办理进度
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    输入查询码和提交时的手机号，查看受理、调解情况或咨询答复
                  </Typography.Text>
                </Flex>
              </Flex>
            </Card>
          </Link>
        </Col>
        <Col xs={24}>
          <Link to="/portal/consultations" className="portal-entry">
            <Card hoverable>
              <Flex gap={16} align="center">
                <CommentOutlined aria-hidden className="portal-entry-icon" />
                <Flex vertical gap={4}>
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    公开征求意见
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    重大行政决策、行政规范性文件草案公开征求意见，可对全文或某一段落提出意见，结束后公布采纳情况
                  </Typography.Text>
                </Flex>
              </Flex>
            </Card>
          </Link>
        </Col>
        <Col xs={24}>
          <Link to="/portal/reports" className="portal-entry">
            <Card hoverable>
              <Flex gap={16} align="center">
                <FileTextOutlined aria-hidden className="portal-entry-icon" />
                <Flex vertical gap={4}>
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    法治政府建设年度报告
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    查阅县(区)、乡镇(街道)人民政府向社会公开的年度法治政府建设情况报告
                  </Typography.Text>
                </Flex>
              </Flex>
            </Card>
          </Link>
        </Col>
        <Col xs={24}>
          <Link to="/portal/law-enforcement/publications" className="portal-entry">
            <Card hoverable>
              <Flex gap={16} align="center">
                <SafetyOutlined aria-hidden className="portal-entry-icon" />
                <Flex vertical gap={4}>
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    行政执法公示
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    行政处罚等执法决定、持证执法人员和双随机抽查结果向社会公开
                  </Typography.Text>
                </Flex>
              </Flex>
            </Card>
          </Link>
        </Col>
        <Col xs={24}>
          <Link to="/portal/major-decisions" className="portal-entry">
            <Card hoverable>
              <Flex gap={16} align="center">
                <ScheduleOutlined aria-hidden className="portal-entry-icon" />
                <Flex vertical gap={4}>
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    重大行政决策
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    年度决策事项目录、已公布的重大行政决策及公众意见采纳情况
                  </Typography.Text>
                </Flex>
              </Flex>
            </Card>
          </Link>
        </Col>
        <Col xs={24}>
          <Link to="/portal/documents" className="portal-entry">
            <Card hoverable>
              <Flex gap={16} align="center">
                <FileProtectOutlined aria-hidden className="portal-entry-icon" />
                <Flex vertical gap={4}>
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    行政规范性文件
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    现行有效的行政规范性文件及其修改、废止情况;可对文件提出审查建议
                  </Typography.Text>
                </Flex>
              </Flex>
            </Card>
          </Link>
        </Col>
        <Col xs={24}>
          <Link to="/portal/legal-advisers" className="portal-entry">
            <Card hoverable>
              <Flex gap={16} align="center">
                <TeamOutlined aria-hidden className="portal-entry-icon" />
                <Flex vertical gap={4}>
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    村(社区)法律顾问
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    每个村(社区)的法律顾问、所在律师事务所和坐班安排
                  </Typography.Text>
                </Flex>
              </Flex>
            </Card>
          </Link>
        </Col>
      </Row>
    </Flex>
  );
}
