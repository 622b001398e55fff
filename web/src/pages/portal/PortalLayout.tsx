import { BankOutlined } from '@ant-design/icons';
import { Flex, Layout } from 'antd';
import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { PageSpin } from '../../components/PageState';

export const PORTAL_NAME = '法治政府建设公开平台';

/** The public portal's frame: no login, no org switcher, its own header and footer. */
export default function PortalLayout() {
  return (
    <Layout className="portal-layout">
      <a className="skip-link" href="#portal-main">
        跳到主要内容
      </a>
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to="/portal" className="portal-brand">
            <BankOutlined aria-hidden className="portal-brand-icon" />
            <span>{PORTAL_NAME}</span>
          </Link>
          <nav aria-label="公开平台导航" className="portal-nav">
            <NavLink to="/portal" end>
              首页
            </NavLink>
            <NavLink to="/portal/request">申请调解/咨询</NavLink>
            <NavLink to="/portal/track">查询进度</NavLink>
            <NavLink to="/portal/consultations">征求意见</NavLink>
            <NavLink to="/portal/reports">年度报告</NavLink>
            <NavLink to="/portal/law-enforcement">执法公示</NavLink>
            <NavLink to="/portal/major-decisions">重大决策</NavLink>
            <NavLink to="/portal/documents">规范性文件</NavLink>
            <NavLink to="/portal/legal-advisers">法律顾问</NavLink>
            <NavLink to="/portal/law-publicity">普法宣传</NavLink>
            <NavLink to="/portal/open-government">政府信息公开</NavLink>
          </nav>
        </div>
      </header>
      <main id="portal-main" tabIndex={-1} className="portal-main">
        <Suspense fallback={<PageSpin />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">
        <Flex vertical align="center" gap={4}>
          <span>个人信息仅用于办理您的申请，依法予以保护。</span>
          <Link to="/login">工作人员登录</Link>
        </Flex>
      </footer>
    </Layout>
  );
}
