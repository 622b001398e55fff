import { useCurrentOrg } from '../../currentOrg';
import { ImportWizard } from '../../ledger/ImportWizard';
import { useLearningMeta } from './queries';

export default function ImportPage() {
  const { code } = useCurrentOrg();
  const meta = useLearningMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="learning"
      listPath="/learning/sessions"
      heading="导入学法活动台账"
      intro="按模板整理的学法活动台账（.xlsx）可一次导入：每行一次学法活动，“学法形式”可写中心组学习、常务会前学法、法治讲座、专题培训等。文件中任一行有错误时，整个文件都不会导入。"
      orgHelp="台账中的学法活动记在该单位名下"
    />
  );
}
