// Our platform as a target of the peer benchmark (bench/peer-measure.mjs --target fazhi): the same four
// operations as ../shared/bench-peer/measure.mjs's Directus target, through our real HTTP API.
//
// Sessions (written by bench/peer.sh after POST /api/auth/login of real, non-admin users):
//   { "reader": { "cookie": "fazhi_sid=…", "csrf": "…", "user": "…", "role": "县级监督", "org": "330106000000" },
//     "clerks": { "330106001": { "cookie": …, "csrf": …, "user": …, "role": "经办人", "org": "330106001000" }, … } }
// Reads go as the county-level 县级监督; a 县级监督 may not register (disputes.register), so each create goes as
// the 经办人 of the township the generated row belongs to.

// gen.mjs's categories → ours (src/modules/disputes/model.ts CATEGORIES); the same map bench/peer.sh loads with.
export const CATEGORY_MAP = {
  婚姻家庭: '婚姻家庭',
  邻里纠纷: '邻里',
  土地承包: '山林土地',
  宅基地: '房屋宅基地',
  山林权属: '山林土地',
  劳动争议: '劳动争议',
  拖欠工资: '劳动争议',
  物业纠纷: '物业',
  医疗纠纷: '医疗',
  交通事故: '道路交通',
  消费纠纷: '合同',
  征地拆迁: '征地拆迁',
};

/** gen.mjs statuses → ours. */
export const STATUS_MAP = { 受理: 'accepted', 调解中: 'mediating', 已化解: 'resolved', 未化解: 'failed' };

const sessionHeaders = (s) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

export function fazhiTarget({ sessions, Q1, Y2024, qs }) {
  const township = (prefix) => `${prefix}000`;
  return {
    headers: () => sessionHeaders(sessions.reader),
    get_by_id: (id) => ({ method: 'GET', path: `/api/disputes/cases/${id}` }),
    list_filtered: (prefix) => ({
      method: 'GET',
      path:
        '/api/disputes/cases?' +
        qs([
          ['org', township(prefix)],
          ['status', 'resolved'],
          ['from', Q1[0]],
          ['to', Q1[1]],
          ['pageSize', '20'],
        ]),
    }),
    // The count-by-status aggregate: indicator disputes.screened (cases registered in the period) by 状态.
    aggregate: (prefix) => ({
      method: 'GET',
      path:
        '/api/indicators/breakdown?' +
        qs([
          ['id', 'disputes.screened'],
          ['by', '状态'],
          ['org', township(prefix)],
          ['from', Y2024[0]],
          ['to', Y2024[1]],
        ]),
    }),
    // 登记 with one party, by the township's 经办人. gen.mjs masks phone numbers (138****1234); ours validates
    // the format, so the mask becomes 0000.
    create: (row) => {
      const clerk = sessions.clerks[row.org_code.slice(0, 9)];
      if (!clerk) throw new Error(`no 经办人 session for ${row.org_code}`);
      const p = row.parties[0];
      return {
        method: 'POST',
        path: '/api/disputes/cases',
        headers: { 'content-type': 'application/json', ...sessionHeaders(clerk) },
        body: JSON.stringify({
          orgCode: row.org_code,
          receivedOn: row.received_on,
          source: '排查发现',
          category: CATEGORY_MAP[row.category],
          summary: row.summary,
          parties: [{ name: p.name, phone: p.phone.replace('****', '0000'), role: '申请人' }],
        }),
      };
    },
    check: {
      get_by_id: (j, id) => j?.id === id,
      list_filtered: (j, p) =>
        Array.isArray(j?.items) &&
        j.items.length === 20 &&
        j.items.every(
          (r) =>
            r.orgCode.startsWith(p) &&
            r.status === 'resolved' &&
            r.receivedOn >= Q1[0] &&
            r.receivedOn <= Q1[1],
        ),
      aggregate: (j) => Array.isArray(j?.items) && j.items.length === 4 && j.items.every((g) => g.value > 0),
      create: (j) => Number(j?.id) > 0,
    },
  };
}
