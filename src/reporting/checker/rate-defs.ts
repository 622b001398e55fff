/**
 * The rates a report states and the words that mark their counts (DOMAIN.md §6–§13):
 * a count whose nearest marker word is a numerator word is a candidate numerator, and so on.
 * Rates with no entry here are reported but never paired (their counts are too ambiguous).
 */

export interface RateDef {
  /** Normalised metric name. */
  metric: string;
  /** Stated rate words that mean this metric (matched as the end of the word before 率's value). */
  names: string[];
  /** Marker words, most specific first: [regex source, role]; 'none' consumes a word that is neither (不满意). */
  markers: Array<[string, 'num' | 'den' | 'none']>;
}

const EXAM = '(?:参加|参与)[^,，、;；。]{0,8}考试';

export const RATE_DEFS: RateDef[] = [
  {
    metric: '调解成功率',
    names: ['调解成功率', '调解率', '成功率'],
    markers: [
      ['调解成功', 'num'],
      ['成功调解', 'num'],
      ['调解成', 'num'],
      ['达成[^,，、;；。]{0,4}协议', 'num'],
      ['成功', 'num'],
      ['受理', 'den'],
      ['排查', 'den'],
      ['调解', 'den'],
      ['收到', 'den'],
      ['接待', 'den'],
    ],
  },
  {
    metric: '化解率',
    names: ['化解率', '调处率', '调处化解率', '化解成功率', '调处成功率', '排查化解率'],
    markers: [
      ['排查化解', 'den'],
      ['成功化解', 'num'],
      ['调处化解', 'num'],
      ['化解成功', 'num'],
      ['调解成功', 'num'],
      ['成功调处', 'num'],
      ['成功调解', 'num'],
      ['化解', 'num'],
      ['调处', 'num'],
      ['解决', 'num'],
      ['成功', 'num'],
      ['受理', 'den'],
      ['排查', 'den'],
      ['摸排', 'den'],
      ['办理', 'den'],
      ['发现', 'den'],
      ['收到', 'den'],
      ['接到', 'den'],
      ['登记', 'den'],
      ['交办', 'den'],
      ['调解', 'den'],
    ],
  },
  {
    // On time is not the same as closed: its denominator is the closed (and overdue) ones, so it
    // pairs only with an explicit 按期办结 count.
    metric: '按期办结率',
    names: ['按期办结率', '及时办结率', '按时办结率'],
    markers: [
      ['按期办结', 'num'],
      ['按时办结', 'num'],
      ['及时办结', 'num'],
      ['期限内办结', 'num'],
      ['办结', 'den'],
      ['受理', 'den'],
      ['办理', 'den'],
      ['收到', 'den'],
      ['接收', 'den'],
      ['登记', 'den'],
      ['交办', 'den'],
      ['接到', 'den'],
    ],
  },
  {
    metric: '办结率',
    names: ['办结率', '结案率', '审结率'],
    markers: [
      ['办理完毕', 'num'],
      ['处理完毕', 'num'],
      ['办结', 'num'],
      ['结案', 'num'],
      ['审结', 'num'],
      ['受理', 'den'],
      ['办理', 'den'],
      ['收到', 'den'],
      ['接收', 'den'],
      ['登记', 'den'],
      ['交办', 'den'],
      ['转办', 'den'],
      ['接到', 'den'],
      ['新收', 'den'],
    ],
  },
  {
    metric: '参考率',
    names: ['参考率', '参考人数比例'],
    markers: [
      [`应${EXAM}`, 'den'],
      ['应参考', 'den'],
      ['应考', 'den'],
      ['实考', 'num'],
      ['参考', 'num'],
      [EXAM, 'num'],
    ],
  },
  {
    metric: '参学率',
    names: ['参学率'],
    markers: [
      ['应参[加与]?学', 'den'],
      ['应学', 'den'],
      ['参学', 'num'],
      ['参[加与]?学习', 'num'],
    ],
  },
  {
    metric: '合格率',
    names: ['合格率', '通过率', '及格率'],
    markers: [
      ['合格', 'num'],
      ['通过', 'num'],
      ['及格', 'num'],
      ['实考', 'den'],
      ['参考', 'den'],
      [EXAM, 'den'],
    ],
  },
  {
    metric: '优秀率',
    names: ['优秀率'],
    markers: [
      ['优秀', 'num'],
      ['实考', 'den'],
      ['参考', 'den'],
      [EXAM, 'den'],
    ],
  },
  {
    metric: '出庭应诉率',
    names: ['出庭应诉率', '出庭率'],
    markers: [
      ['应出庭', 'den'],
      ['出庭', 'num'],
      ['开庭', 'den'],
    ],
  },
  {
    metric: '纠错率',
    names: ['纠错率', '直接纠错率', '综合纠错率'],
    markers: [
      ['纠错', 'num'],
      ['纠正', 'num'],
      ['审结', 'den'],
      ['办结', 'den'],
    ],
  },
  {
    metric: '败诉率',
    names: ['败诉率'],
    markers: [
      ['败诉', 'num'],
      ['审结', 'den'],
      ['判决', 'den'],
      ['结案', 'den'],
    ],
  },
  {
    metric: '报备及时率',
    names: ['报备及时率', '备案及时率'],
    markers: [
      ['按[时期]报备', 'num'],
      ['及时报备', 'num'],
      ['按[时期]报送', 'num'],
      ['应报备', 'den'],
      ['报备', 'den'],
      ['备案', 'den'],
    ],
  },
  {
    metric: '报备率',
    names: ['报备率', '备案率'],
    markers: [
      ['应报备', 'den'],
      ['应备案', 'den'],
      ['报备', 'num'],
      ['备案', 'num'],
    ],
  },
  {
    metric: '满意率',
    names: ['满意率', '满意度'],
    markers: [
      ['不满意', 'none'],
      ['满意', 'num'],
      ['回访', 'den'],
      ['参评', 'den'],
      ['评价', 'den'],
      ['测评', 'den'],
    ],
  },
  {
    metric: '答复率',
    names: ['答复率', '按期答复率', '按时答复率'],
    markers: [
      ['答复', 'num'],
      ['收到', 'den'],
      ['受理', 'den'],
      ['申请', 'den'],
    ],
  },
  {
    metric: '履行率',
    names: ['履行率', '协议履行率'],
    markers: [
      ['履行', 'num'],
      ['达成[^,，、;；。]{0,4}协议', 'den'],
    ],
  },
  {
    metric: '持证率',
    names: ['持证率', '持证上岗率'],
    markers: [
      ['持证', 'num'],
      ['取得[^,，、;；。]{0,4}执法证', 'num'],
      ['执法人员', 'den'],
    ],
  },
  {
    metric: '公开率',
    names: ['公开率', '公示率'],
    markers: [
      ['应公[开示]', 'den'],
      ['公[开示]', 'num'],
    ],
  },
];

/** Other rate words recognised for normalisation only (never paired). */
export const OTHER_RATE_NAMES = [
  '覆盖率',
  '报备合格率',
  '报备规范率',
  '参与率',
  '知晓率',
  '配备率',
  '签约率',
  '审查率',
  '合法性审查率',
  '受理率',
  '上网率',
  '网办率',
  '增长率',
  '占有率',
];
