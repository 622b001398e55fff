import { useCurrentOrg } from '../../currentOrg';
import { ImportWizard } from '../../ledger/ImportWizard';
import { usePublicityMeta } from './queries';

export default function ImportPage() {
  const { code } = useCurrentOrg();
  const meta = usePublicityMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="publicity"
      listPath="/publicity"
      heading="导入普法宣传活动台账"
      intro="按模板整理的普法活动台账（.xlsx）可一次导入：每行一场活动，含活动日期、名称、宣传主题、形式、法律六进类型、村(社区)、受众人次、发放资料份数；“约300人”“5000余份”“赶集宣传”“进农村”等写法均可识别，填写“普法责任单位”时按当年谁执法谁普法责任清单匹配。文件中任一行有错误时，整个文件都不会导入。"
      orgHelp="台账中的“村(社区)”须属于该单位；留空时记为该单位本级开展"
    />
  );
}
