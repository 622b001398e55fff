import { useCurrentOrg } from '../../currentOrg';
import { useDisputesMeta } from '../../disputes/queries';
import { ImportWizard } from '../../ledger/ImportWizard';

export default function DisputeImportPage() {
  const { code } = useCurrentOrg();
  const meta = useDisputesMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="disputes"
      listPath="/disputes"
      heading="导入台账"
      intro="按模板整理的《矛盾纠纷排查化解台账》（.xlsx）可一次导入。文件中任一行有错误时，整个文件都不会导入，请按提示修改后重新上传。"
      orgHelp="台账中的“村(社区)”须属于该单位"
    />
  );
}
