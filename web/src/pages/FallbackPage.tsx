import { Button, Result } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { PageSpin } from '../components/PageState';
import { useModules } from '../queries';

/** Any path not handled by a built-in page: a module from /api/modules not yet built, or a 404. */
export default function FallbackPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const modules = useModules();
  if (modules.isPending) return <PageSpin />;
  const module = modules.data?.modules.find(
    (m) => location.pathname === m.path || location.pathname.startsWith(`${m.path}/`),
  );
  if (module) {
    return <Result status="info" title={module.title} subTitle="该功能模块正在建设中，敬请期待。" />;
  }
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
