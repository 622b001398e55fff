import { useCurrentOrg } from '../../currentOrg';
import { ImportWizard } from '../../ledger/ImportWizard';
import { useDisclosureMeta } from './shared';

export default function ItemImportPage() {
  const { code } = useCurrentOrg();
  const meta = useDisclosureMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="disclosure"
      listPath="/disclosure/items"
      heading="导入政府信息主动公开台账"
      intro="按模板整理的主动公开台账（.xlsx）可一次导入：每行一条信息（索引号、信息名称、公开类别、生成日期、公开日期、公开渠道）。未填写索引号的按本单位当年顺序编号；公开期限按生成日期起20个工作日计算。文件中任一行有错误时，整个文件都不会导入。"
      orgHelp="导入到县、乡镇(街道)或其科室"
    />
  );
}
