import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  DownOutlined,
  FileTextOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  App,
  Avatar,
  Button,
  Drawer,
  Dropdown,
  Flex,
  Layout,
  Menu,
  type MenuProps,
  Result,
  Typography,
} from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../api';
import { CurrentOrgProvider } from '../currentOrg';
import { logout, useModules, useOrgTree } from '../queries';
import { FullPageSpin, useSession } from '../session';
import type { Me, ModuleEntry } from '../types';
import { useIsMobile } from '../useIsMobile';
import { moduleIcon } from './moduleIcon';
import { OrgSwitcher } from './OrgSwitcher';
import { PageSpin } from './PageState';

const { Header, Sider, Content } = Layout;

export const PRODUCT_NAME = '法治政府建设数字化平台';

const BASE_ITEMS = [
  { key: '/', icon: <HomeOutlined />, label: '首页' },
  { key: '/dashboard', icon: <DashboardOutlined />, label: '数据看板' },
  { key: '/reports', icon: <FileTextOutlined />, label: '年度报告' },
  { key: '/reports/check', icon: <AuditOutlined />, label: '报告核查' },
  { key: '/orgs', icon: <ApartmentOutlined />, label: '组织机构' },
  { key: '/supervision', icon: <AlertOutlined />, label: '督办事项' },
];

function menuItems(modules: ModuleEntry[]): NonNullable<MenuProps['items']> {
  if (modules.length === 0) return BASE_ITEMS;
  return [
    ...BASE_ITEMS,
    { type: 'divider' },
    {
      type: 'group',
      key: 'modules',
      label: '业务模块',
      children: modules.map((m) => ({ key: m.path, icon: moduleIcon(m.icon), label: m.title })),
    },
  ];
}

/** The menu key that best matches the current path (longest prefix). */
function selectedKey(pathname: string, keys: string[]): string | undefined {
  let best: string | undefined;
  for (const key of keys) {
    const matches = key === '/' ? pathname === '/' : pathname === key || pathname.startsWith(`${key}/`);
    if (matches && (!best || key.length > best.length)) best = key;
  }
  return best;
}

function rolesOf(me: Me): string[] {
  const seen = new Set<string>();
  for (const grant of me.grants) seen.add(`${grant.role}（${grant.orgName}）`);
  return [...seen];
}

function UserMenu(props: { compact: boolean }) {
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const roles = rolesOf(me);
  const roleText = me.grants.map((g) => g.role).filter((r, i, all) => all.indexOf(r) === i);

  const items: MenuProps['items'] = [
    {
      key: 'info',
      disabled: true,
      label: (
        <div className="user-menu-info">
          <Typography.Text strong>{me.displayName}</Typography.Text>
          <Typography.Text type="secondary" className="user-menu-username">
            {me.username}
          </Typography.Text>
          {roles.map((role) => (
            <Typography.Text key={role} type="secondary" className="user-menu-role">
              {role}
            </Typography.Text>
          ))}
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];

  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password') {
      navigate('/account/password');
    } else if (key === 'logout') {
      try {
        await logout();
      } catch (err) {
        message.error(errorMessage(err));
      }
      navigate('/login', { replace: true, state: { notice: '您已退出登录' } });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        className="user-button"
        aria-label={`用户菜单：${me.displayName}`}
        aria-haspopup="menu"
      >
        <Avatar size="small" icon={<UserOutlined />} aria-hidden />
        {!props.compact && (
          <span className="user-button-text">
            <span className="user-button-name">{me.displayName}</span>
            {roleText.length > 0 && <span className="user-button-role">{roleText.join('、')}</span>}
          </span>
        )}
        <DownOutlined aria-hidden style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}

export function AppLayout() {
  const me = useSession();
  const tree = useOrgTree();

  if (tree.isPending) return <FullPageSpin label="正在加载组织机构…" />;
  if (tree.isError) {
    return (
      <Result
        status="error"
        title="无法加载组织机构"
        subTitle={errorMessage(tree.error)}
        extra={
          <Button type="primary" onClick={() => tree.refetch()}>
            重试
          </Button>
        }
      />
    );
  }

  return (
    <CurrentOrgProvider username={me.username} homeOrg={me.homeOrg} roots={tree.data.roots}>
      <Shell />
    </CurrentOrgProvider>
  );
}

function Shell() {
  const isMobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const modules = useModules();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const moduleList = useMemo(() => modules.data?.modules ?? [], [modules.data]);
  const items = useMemo(() => menuItems(moduleList), [moduleList]);
  const keys = useMemo(
    () => [...BASE_ITEMS.map((i) => i.key), ...moduleList.map((m) => m.path)],
    [moduleList],
  );
  const current = selectedKey(location.pathname, keys);

  const nav = (
    <nav aria-label="主导航">
      <Menu
        mode="inline"
        items={items}
        selectedKeys={current ? [current] : []}
        onClick={({ key }) => {
          setDrawerOpen(false);
          navigate(key);
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main-content">
        跳到主要内容
      </a>
      <Header className="app-header">
        {isMobile && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label="打开菜单"
            aria-expanded={drawerOpen}
            aria-controls="app-nav-drawer"
            onClick={() => setDrawerOpen(true)}
            className="header-icon-button"
          />
        )}
        <Flex align="center" gap={8} className="app-brand">
          <BankOutlined aria-hidden className="app-brand-icon" />
          <span className="app-brand-name">{PRODUCT_NAME}</span>
        </Flex>
        {!isMobile && (
          <Flex align="center" gap={8} className="org-switcher-wrap">
            <label htmlFor="current-org" className="org-switcher-label">
              当前机构
            </label>
            <OrgSwitcher id="current-org" width={280} />
          </Flex>
        )}
        <div className="header-spacer" />
        <UserMenu compact={isMobile} />
      </Header>
      {isMobile && (
        <div className="mobile-org-bar">
          <label htmlFor="current-org" className="org-switcher-label">
            当前机构
          </label>
          <OrgSwitcher id="current-org" width="100%" />
        </div>
      )}
      <Layout>
        {isMobile ? (
          <Drawer
            id="app-nav-drawer"
            title={PRODUCT_NAME}
            placement="left"
            size={260}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            styles={{ body: { padding: 0 } }}
          >
            {nav}
          </Drawer>
        ) : (
          <Sider width={200} theme="light" className="app-sider" breakpoint="lg" collapsedWidth={64}>
            {nav}
          </Sider>
        )}
        <Content id="main-content" tabIndex={-1} className="app-content">
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
