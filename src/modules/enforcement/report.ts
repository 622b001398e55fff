import type { ReportParagraph } from '../../kernel/module.js';

/** The sentences the 行政执法 ledgers add to the annual report; `{id}` becomes the linked figure. */
export function enforcementReport(figures: ReadonlyMap<string, { value: number | null }>): ReportParagraph[] {
  const n = (id: string) => figures.get(id)?.value ?? 0;
  const rate = (id: string) => figures.get(id)?.value ?? null;
  const out: ReportParagraph[] = [];

  if (n('enforcement.cases') > 0 || n('enforcement.decisions') > 0) {
    // One figure per clause and no 其中: the report checker would read "N件,其中…M件" as a total and its parts.
    const sentences = ['全年共办理行政执法案件{enforcement.cases}件'];
    if (n('enforcement.simpleCases') > 0) sentences[0] += ',适用简易程序当场处罚{enforcement.simpleCases}件';
    if (rate('enforcement.onTimeRate') !== null)
      sentences[0] += ',执法案件按期办结率{enforcement.onTimeRate}';
    if (n('enforcement.penalties') > 0) {
      sentences.push(
        n('enforcement.fines') > 0
          ? '作出行政处罚决定{enforcement.penalties}件,罚款{enforcement.fines}元'
          : '作出行政处罚决定{enforcement.penalties}件',
      );
    }
    out.push({
      section: 'achievements',
      heading: '严格规范公正文明执法',
      template: `坚持严格规范公正文明执法,依法履行行政执法职责。${sentences.join('。')}。`,
    });
  }

  // 三项制度: 公示、全过程记录、重大执法决定法制审核.
  const three: string[] = [];
  if (n('enforcement.published') > 0) {
    three.push(
      rate('enforcement.publishOnTimeRate') !== null
        ? '公示执法决定信息{enforcement.published}条,公示及时率{enforcement.publishOnTimeRate}'
        : '公示执法决定信息{enforcement.published}条',
    );
  }
  if (n('enforcement.majorDecisions') > 0) {
    three.push(
      '作出重大执法决定{enforcement.majorDecisions}件,重大执法决定法制审核率{enforcement.majorReviewRate}',
    );
  }
  if (three.length) {
    out.push({
      section: 'achievements',
      heading: '落实行政执法“三项制度”',
      template: `全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度,${three.join(',')}。`,
    });
  }

  const team: string[] = [];
  if (n('enforcement.officers') > 0) {
    team.push(
      '在岗执法人员{enforcement.officers}人,持证{enforcement.certifiedOfficers}人,持证率{enforcement.certifiedRate}',
    );
  }
  if (n('enforcement.reviews') > 0)
    team.push('评查行政执法案卷{enforcement.reviews}件,案卷评查合格率{enforcement.reviewPassRate}');
  if (n('enforcement.inspectionsPlanned') > 0) {
    team.push('开展“双随机、一公开”抽查{enforcement.inspectionsDone}次');
  }
  if (team.length) {
    out.push({
      section: 'achievements',
      heading: '加强行政执法队伍建设和执法监督',
      template: `严格执行执法人员持证上岗和资格管理制度。${team.join(';')}。`,
    });
  }

  const publish = rate('enforcement.publishOnTimeRate');
  if (publish !== null && publish < 100) {
    out.push({
      section: 'shortcomings',
      heading: '行政执法公示不够及时',
      template:
        '部分执法决定未在规定的工作日内公示,公示及时率为{enforcement.publishOnTimeRate},执法信息公示制度落实仍有差距。',
    });
  }
  const review = rate('enforcement.majorReviewRate');
  if (review !== null && review < 100) {
    out.push({
      section: 'shortcomings',
      heading: '重大执法决定法制审核制度落实不到位',
      template:
        '个别重大执法决定未经法制审核或审核晚于决定,重大执法决定法制审核率为{enforcement.majorReviewRate}。',
    });
  }
  const certified = rate('enforcement.certifiedRate');
  if (certified !== null && certified < 95) {
    out.push({
      section: 'shortcomings',
      heading: '执法人员持证上岗有待加强',
      template: '部分执法人员未取得执法证或证件已过期,持证率为{enforcement.certifiedRate},低于95%。',
    });
  }
  const onTime = rate('enforcement.onTimeRate');
  if (onTime !== null && onTime < 90) {
    out.push({
      section: 'shortcomings',
      heading: '执法办案时效有待提高',
      template: '部分执法案件未在法定期限内作出决定,执法案件按期办结率为{enforcement.onTimeRate},低于90%。',
    });
  }
  const pass = rate('enforcement.reviewPassRate');
  if (pass !== null && pass < 90) {
    out.push({
      section: 'shortcomings',
      heading: '执法案卷质量有待提升',
      template: '案卷评查中发现部分案卷程序不规范、证据不充分,案卷评查合格率为{enforcement.reviewPassRate}。',
    });
  }
  return out;
}
