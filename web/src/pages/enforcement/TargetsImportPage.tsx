import { useCurrentOrg } from '../../currentOrg';
import { useEnforcementMeta } from '../../enforcement/queries';
import { ImportWizard } from '../../ledger/ImportWizard';

export default function TargetsImportPage() {
  const { code } = useCurrentOrg();
  const meta = useEnforcementMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="enforcement/targets"
      listPath="/enforcement/inspections"
      heading="导入检查对象名录库"
      intro="按模板整理的检查对象名录（.xlsx）可一次导入：名称、统一社会信用代码、类别、行业、地址。名录是双随机抽取的对象池。文件中任一行有错误时，整个文件都不会导入。"
      orgHelp="检查对象所在乡镇(街道)"
    />
  );
}
