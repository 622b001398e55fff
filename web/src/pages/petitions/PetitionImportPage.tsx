import { useCurrentOrg } from '../../currentOrg';
import { ImportWizard } from '../../ledger/ImportWizard';
import { usePetitionsMeta } from '../../petitions/queries';

export default function PetitionImportPage() {
  const { code } = useCurrentOrg();
  const meta = usePetitionsMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="petitions"
      listPath="/petitions"
      heading="导入信访台账"
      intro="按模板整理的信访台账（.xlsx）可一次导入：有“办结日期”的按已办结、有“受理告知日期”的按办理中、都没有的按登记导入，并按《信访工作条例》计算各环节期限。文件中任一行有错误时，整个文件都不会导入，请按提示修改后重新上传。"
      orgHelp="台账中的“村(社区)”须属于该单位"
    />
  );
}
