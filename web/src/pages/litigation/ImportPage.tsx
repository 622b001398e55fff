import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useCurrentOrg } from '../../currentOrg';
import { ImportWizard } from '../../ledger/ImportWizard';
import { BASE, useLitigationMeta } from './queries';

export default function LitigationImportPage() {
  const { code } = useCurrentOrg();
  const meta = useLitigationMeta(code);
  return (
    <Flex vertical gap={8}>
      <ImportWizard
        allowed={meta.data?.can.import}
        module="litigation"
        listPath="/litigation/lawsuits"
        heading="导入行政应诉/行政复议案件台账"
        intro="可导入行政应诉案件台账（列含“受诉法院”“原告”“收到起诉状副本日期”，可带开庭日期、负责人是否出庭、裁判结果），或行政复议案件台账（列含“复议机关”“申请人”“收到申请书副本日期”）：系统按表头识别。“被告/被申请人”一列写乡镇名称的，归入该乡镇；不填的归入所选单位。文件中任一行有错误时，整个文件都不会导入。"
        orgHelp="台账中的被告、被申请人须属于该单位"
      />
      <Flex>
        <Button icon={<DownloadOutlined />} href={`${BASE}/reconsiderations/template.xlsx`} download>
          下载行政复议案件台账模板
        </Button>
      </Flex>
    </Flex>
  );
}
