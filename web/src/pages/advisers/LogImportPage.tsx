import { useAdvisersMeta } from '../../advisers/queries';
import { useCurrentOrg } from '../../currentOrg';
import { ImportWizard } from '../../ledger/ImportWizard';

export default function LogImportPage() {
  const { code } = useCurrentOrg();
  const meta = useAdvisersMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="advisers"
      listPath="/advisers/log"
      heading="导入法律顾问月度工作台账"
      intro="按模板整理的月度工作台账（.xlsx）可一次导入：每行一条坐班、法律咨询、法治讲座或参与调解记录，按“法律顾问”（同名时加“执业证号”）、日期和村(社区)匹配当日有效的聘用合同。文件中任一行有错误时，整个文件都不会导入。"
      orgHelp="台账中的“村(社区)”须属于该单位"
    />
  );
}
