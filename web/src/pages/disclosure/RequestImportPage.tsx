import { useCurrentOrg } from '../../currentOrg';
import { ImportWizard } from '../../ledger/ImportWizard';
import { useDisclosureMeta } from './shared';

export default function RequestImportPage() {
  const { code } = useCurrentOrg();
  const meta = useDisclosureMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="disclosure/requests"
      listPath="/disclosure/requests"
      heading="导入政府信息公开申请登记台账"
      intro="按模板整理的依申请公开登记台账（.xlsx）可一次导入：每行一件申请（申请人、申请人类型、申请方式、收到申请日期、申请内容；已办结的填写答复日期、答复类型和理由）。答复期限按收到申请（补正）之日起20个工作日加延期计算。文件中任一行有错误时，整个文件都不会导入。"
      orgHelp="导入到县、乡镇(街道)或其科室"
    />
  );
}
