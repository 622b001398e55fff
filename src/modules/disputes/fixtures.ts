import ExcelJS from 'exceljs';

/**
 * A ledger as townships really keep it: a merged title, a 填报单位 line, a blank row, a 序号 column,
 * dates in five spellings (one an Excel serial), full-width digits, trailing spaces, a 合计 row.
 */
export async function messyLedger(opts: { badRow?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2024年台账');
  ws.mergeCells('A1:K1');
  ws.getCell('A1').value = '甲镇2024年矛盾纠纷排查化解工作台账';
  ws.getCell('A2').value = '填报单位：甲镇综治中心（盖章）            填报日期：2024年12月31日';
  ws.addRow([]);
  ws.addRow([
    '序号',
    '受理日期',
    '村（社区）',
    '纠纷类型',
    '当事人(申请人)',
    '身份证号码',
    '联系电话',
    '被申请人',
    '矛盾纠纷简要情况',
    '调处结果',
    '办结日期',
  ]);
  const data: unknown[][] = [
    [
      1,
      new Date(Date.UTC(2024, 2, 5)),
      '甲一村',
      '邻里',
      '张三 ',
      '51062619800101001X',
      '138 1234 5678',
      '李四',
      '排水沟堵塞雨水倒灌',
      '调解成功',
      '2024.3.9',
    ],
    [
      2,
      45366,
      '甲一村委会',
      '婚姻家庭',
      '王芳',
      null,
      null,
      '刘强',
      '夫妻因家庭琐事争吵要求离婚',
      '未化解',
      '2024/3/30',
    ],
    [
      3,
      '2024年5月6日',
      '甲二村',
      '合同',
      '陈明',
      null,
      '0838-6212345',
      null,
      '农资货款结算争议',
      '正在调解',
      null,
    ],
    [
      4,
      '２０２４．６．１',
      '甲二',
      '房屋宅基地',
      '赵六',
      null,
      null,
      '钱七',
      '宅基地界址不清',
      '已化解',
      '2024年6月20日',
    ],
    [5, '2024-07-08', '甲镇', '劳动争议', '孙八', null, null, null, '务工人员被拖欠工资三个月', '', null],
  ];
  if (opts.badRow) {
    data.splice(2, 0, [
      3,
      '2024.2.30',
      '甲一村',
      '邻里',
      '周九',
      '510626198001010010',
      null,
      null,
      '邻里纠纷',
      '调解成功',
      '2024.3.1',
    ]);
  }
  for (const r of data) ws.addRow(r);
  ws.addRow(['合计', null, null, null, null, null, null, null, `共${data.length}起`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
