import { useCurrentOrg } from '../../currentOrg';
import { ImportWizard } from '../../ledger/ImportWizard';
import { useNormdocsMeta } from '../../normdocs/queries';

export default function NormdocsImportPage() {
  const { code } = useCurrentOrg();
  const meta = useNormdocsMeta(code);
  return (
    <ImportWizard
      allowed={meta.data?.can.import}
      module="normdocs"
      listPath="/normdocs"
      heading="导入发文台账"
      intro="已有的行政规范性文件发文台账（.xlsx）可一次导入：每行一件文件，写明文件名称、发文字号、公布日期；已有统一登记号的照录，没有的不补发编号。施行日期、有效期未填的按本地规则计算，报备日期用于计算报备及时率。文件中任一行有错误时，整个文件都不会导入。"
      orgHelp="导入到制定机关(乡镇或县级机关)"
    />
  );
}
