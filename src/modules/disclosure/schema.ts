// The module's tables (prefix `disclosure_`).
import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgCode } from '../../kernel/db/columns.js';

const day = (name: string) => date(name, { mode: 'string' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 主动公开 (《政府信息公开条例》第二十、二十一、二十六条): one item of the 政府信息公开目录 (索引号, 名称,
 * 内容概述, 生成日期 — 第十二条), due 20 工作日 after it was formed or changed.
 */
export const disclosureItems = pgTable(
  'disclosure_item',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    indexNo: text('index_no').notNull(), // 索引号, from the org's sequence per year
    title: text('title').notNull(),
    category: text('category').notNull(), // 主动公开目录
    formedOn: day('formed_on').notNull(), // 生成/变更日期
    dueOn: day('due_on').notNull(), // formed_on + 20 工作日
    publishedOn: day('published_on'),
    channel: text('channel'), // 政府网站 | 政务公开栏 | 政务新媒体 | 其他
    summary: text('summary'),
    url: text('url'),
    source: text('source').notNull().default('staff'), // staff | import | demo
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('disclosure_item_index_no_unique').on(t.indexNo),
    index('disclosure_item_org_idx').on(t.orgCode, t.formedOn),
    index('disclosure_item_published_idx').on(t.orgCode, t.publishedOn),
  ],
);

/**
 * 依申请公开 (第二十七至四十五条). `received_on` is derived from the channel's evidence date (第三十一条);
 * `due_on` is the one pure function `replyDue` of the row (rules.ts), stored for lists and figures.
 */
export const disclosureRequests = pgTable(
  'disclosure_request',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    requestNo: text('request_no').notNull(),
    trackingCode: text('tracking_code').notNull(), // 查询码 (portal)
    applicantKind: text('applicant_kind').notNull(), // 自然人 | 法人或其他组织
    applicantSubKind: text('applicant_sub_kind'), // 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他
    applicantName: text('applicant_name').notNull(), // personal for 自然人
    idNo: text('id_no'), // 身份证号 / 统一社会信用代码, personal
    phone: text('phone'), // personal
    address: text('address'), // personal
    channel: text('channel').notNull(), // 当面 | 邮寄 | 网络 | 传真 | 其他
    mailKind: text('mail_kind'), // 邮寄: 挂号/快递 | 平信
    submittedOn: day('submitted_on').notNull(), // handed in / posted / sent
    signedOn: day('signed_on'), // 邮寄: 签收日
    confirmedOn: day('confirmed_on'), // 网络/传真/平信/其他: 双方确认之日
    receivedOn: day('received_on'), // 第三十一条, derived
    content: text('content').notNull(), // 所需政府信息的名称、文号或者便于查询的其他特征性描述
    purpose: text('purpose'),
    status: text('status').notNull(), // submitted | received | correcting | consulting | closed
    correctionRequestedOn: day('correction_requested_on'),
    correctionItems: text('correction_items'),
    correctionDueOn: day('correction_due_on'), // 补正期限 set for the applicant
    correctionReceivedOn: day('correction_received_on'),
    thirdParty: text('third_party'),
    thirdPartySentOn: day('third_party_sent_on'),
    thirdPartyRepliedOn: day('third_party_replied_on'),
    thirdPartyOpinion: text('third_party_opinion'),
    pausedWorkdays: integer('paused_workdays').notNull().default(0),
    extendedDays: integer('extended_days'),
    extensionReason: text('extension_reason'),
    extensionApprover: text('extension_approver'), // 机构负责人
    extensionApprovedOn: day('extension_approved_on'),
    extensionNotifiedOn: day('extension_notified_on'),
    dueOn: day('due_on'), // null while waiting for receipt or for a correction
    answerType: text('answer_type'), // 予以公开 | 部分公开 | 不予公开 | 无法提供 | 不予处理 | 其他处理
    answerReason: text('answer_reason'), // the annual report's sub-reason
    answerText: text('answer_text'),
    answeredOn: day('answered_on'), // 答复 (or 视为放弃) = 办结
    source: text('source').notNull().default('staff'), // staff | portal | import | demo
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('disclosure_request_no_unique').on(t.requestNo),
    uniqueIndex('disclosure_request_tracking_unique').on(t.trackingCode),
    index('disclosure_request_org_idx').on(t.orgCode, t.receivedOn),
    index('disclosure_request_org_answered_idx').on(t.orgCode, t.answeredOn),
  ],
);
