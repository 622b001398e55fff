import { useCurrentOrg } from '../../currentOrg';
import { useEnforcementMeta } from '../../enforcement/queries';
import { ImportWizard } from '../../ledger/ImportWizard';

export default function OfficersImportPage() {
  const { code } = useCurrentOrg();
  const meta = useEnforcementMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="enforcement/officers"
      listPath="/enforcement/officers"
      heading="导入执法人员"
      intro="按模板整理的执法人员名单（.xlsx）可一次导入，写明执法证号、发证机关、执法区域和有效期。证号已存在的按换证更新，到期提醒随之更新。文件中任一行有错误时，整个文件都不会导入。"
      orgHelp="执法人员所在单位"
    />
  );
}
