import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  { value: '/portal/law-enforcement/publications', label: '执法决定公示' },
  { value: '/portal/law-enforcement/officers', label: '执法人员公示' },
  { value: '/portal/law-enforcement/inspections', label: '双随机抽查' },
];

/** The three 执法公示 pages of the portal. */
export function EnforcementPortalNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((t) => pathname.startsWith(t.value))?.value ?? TABS[0]!.value;
  return (
    <nav aria-label="执法公示">
      <Segmented value={current} options={TABS} onChange={(value) => navigate(String(value))} />
    </nav>
  );
}
