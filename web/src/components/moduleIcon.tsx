import {
  AimOutlined,
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  IdcardOutlined,
  MailOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

const ICONS: Record<string, ReactNode> = {
  aim: <AimOutlined />,
  alert: <AlertOutlined />,
  appstore: <AppstoreOutlined />,
  audit: <AuditOutlined />,
  'bar-chart': <BarChartOutlined />,
  book: <BookOutlined />,
  calendar: <CalendarOutlined />,
  'file-protect': <FileProtectOutlined />,
  'file-text': <FileTextOutlined />,
  'folder-open': <FolderOpenOutlined />,
  idcard: <IdcardOutlined />,
  mail: <MailOutlined />,
  profile: <ProfileOutlined />,
  safety: <SafetyOutlined />,
  'safety-certificate': <SafetyCertificateOutlined />,
  schedule: <ScheduleOutlined />,
  solution: <SolutionOutlined />,
  team: <TeamOutlined />,
};

/** Accepts 'file-text', 'FileText' or 'FileTextOutlined'; unknown names get a generic icon. */
export function moduleIcon(name: string | undefined): ReactNode {
  if (!name) return <AppstoreOutlined />;
  const kebab = name
    .replace(/(Outlined|Filled|TwoTone)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
  return ICONS[kebab] ?? <AppstoreOutlined />;
}
