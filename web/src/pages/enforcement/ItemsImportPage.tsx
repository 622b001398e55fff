import { useCurrentOrg } from '../../currentOrg';
import { useEnforcementMeta } from '../../enforcement/queries';
import { ImportWizard } from '../../ledger/ImportWizard';

export default function ItemsImportPage() {
  const { code } = useCurrentOrg();
  const meta = useEnforcementMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="enforcement"
      listPath="/enforcement/items"
      heading="导入执法事项清单"
      intro="按模板整理的执法事项清单（.xlsx）可一次导入：每行一个事项，写明清单类别、事项类型、设定依据和生效日期。编码已存在的事项按新版本导入，已立案的案件仍按原版本办理。文件中任一行有错误时，整个文件都不会导入。"
      orgHelp="县级清单对所辖乡镇(街道)适用；乡镇(街道)可导入本级事项"
    />
  );
}
