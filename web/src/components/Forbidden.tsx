import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** Shown on a page whose action the user's role may not do at the current org (the API would refuse it). */
export function Forbidden(props: { title: string; back: string; backLabel?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={props.title}
      subTitle="当前角色在所选机构没有此项权限，如需办理请联系本单位管理员。"
      extra={<Button onClick={() => navigate(props.back)}>{props.backLabel ?? '返回台账'}</Button>}
    />
  );
}
