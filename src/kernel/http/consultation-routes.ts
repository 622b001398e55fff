/**
 * 公开征求意见 and 合法性审核, kernel routes shared by the decisions and normdocs modules.
 * Staff under /api (consultations, comments, legal-reviews); the public under /portal/api/consultations.
 * Opening a consultation and submitting/recording a legal review happen in the modules' own routes.
 */
import { and, asc, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../calendar.js';
import {
  answerComment,
  COMMENT_DECISIONS,
  CONSULTATION_STATUS_LABELS,
  type ConsultationRow,
  commentsOf,
  consultationStatus,
  getConsultation,
  publishConsultationResults,
  submitComment,
} from '../consultation.js';
import { comments, consultations, orgs } from '../db/schema.js';
import { AppError } from '../errors.js';
import { legalReviewsOf } from '../legal-review.js';
import type { KernelContext } from '../module.js';
import { isOrgCode } from '../orgs/codes.js';
import { inSubtree } from '../scope.js';
import { maskName, maskPhone } from '../validate.js';
import { actorOf, authed } from './access.js';

const ZId = z.strictObject({ id: z.string().regex(/^\d{1,9}$/, '编号应为数字') });
const PAGE_SIZE = 20;
const PUBLIC = { public: true } as const;
const SHANGHAI_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }); // YYYY-MM-DD

const counted = {
  commentCount: sql<number>`(SELECT count(*)::int FROM kernel_comment c WHERE c.consultation_id = ${consultations.id})`,
  answeredCount: sql<number>`(SELECT count(*)::int FROM kernel_comment c WHERE c.consultation_id = ${consultations.id} AND c.decision IS NOT NULL)`,
};

function statusCondition(status: 'open' | 'closed' | 'all', asOf: string): SQL | undefined {
  if (status === 'open') return gte(consultations.closesOn, asOf);
  if (status === 'closed') return lt(consultations.closesOn, asOf);
  return undefined;
}

function withStatus<T extends Pick<ConsultationRow, 'opensOn' | 'closesOn' | 'resultsPublishedOn'>>(
  row: T,
  asOf: string,
) {
  const status = consultationStatus(row, asOf);
  return { ...row, status, statusLabel: CONSULTATION_STATUS_LABELS[status] };
}

export async function consultationRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/consultations',
    {
      config: { access: { perm: 'consultations.read', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          module: z.string().max(40).optional(),
          entity: z.string().max(80).optional(),
          entityId: z.string().max(40).optional(),
          status: z.enum(['open', 'closed', 'all']).default('all'),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
        }),
      },
    },
    async (req) => {
      const asOf = today();
      const q = req.query;
      const where = and(
        inSubtree(consultations.orgCode, req.targetOrg!),
        q.module ? eq(consultations.module, q.module) : undefined,
        q.entity ? eq(consultations.entity, q.entity) : undefined,
        q.entityId ? eq(consultations.entityId, q.entityId) : undefined,
        statusCondition(q.status, asOf),
      );
      const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(consultations).where(where);
      const list = await db
        .select({
          id: consultations.id,
          orgCode: consultations.orgCode,
          orgName: orgs.name,
          module: consultations.module,
          entity: consultations.entity,
          entityId: consultations.entityId,
          title: consultations.title,
          opensOn: consultations.opensOn,
          closesOn: consultations.closesOn,
          shortenedReason: consultations.shortenedReason,
          resultsPublishedOn: consultations.resultsPublishedOn,
          ...counted,
        })
        .from(consultations)
        .leftJoin(orgs, eq(orgs.code, consultations.orgCode))
        .where(where)
        .orderBy(desc(consultations.opensOn), desc(consultations.id))
        .limit(PAGE_SIZE)
        .offset((q.page - 1) * PAGE_SIZE);
      return {
        items: list.map((r) => withStatus(r, asOf)),
        total: Number(total?.n ?? 0),
        page: q.page,
        pageSize: PAGE_SIZE,
      };
    },
  );

  app.get(
    '/consultations/:id',
    {
      config: {
        access: { perm: 'consultations.read', org: { resource: 'kernel.consultation', param: 'id' } },
      },
      schema: { params: ZId },
    },
    async (req) => {
      const c = await getConsultation(db, Number(req.params.id));
      if (!c) throw new AppError('NOT_FOUND');
      const scope = authed(req).scope;
      const seesPersonal = scope.can('consultations.personal', c.orgCode);
      const list = await commentsOf(db, c.id);
      return {
        ...withStatus(c, today()),
        today: today(),
        can: { manage: scope.can('consultations.manage', c.orgCode), personal: seesPersonal },
        counts: { comments: list.length, answered: list.filter((x) => x.decision).length },
        comments: list.map((x) => ({
          ...x,
          contact: x.contact && !seesPersonal ? maskPhone(x.contact) : x.contact,
        })),
      };
    },
  );

  app.post(
    '/comments/:id/answer',
    {
      config: { access: { perm: 'consultations.manage', org: { resource: 'kernel.comment', param: 'id' } } },
      schema: {
        params: ZId,
        body: z.strictObject({
          decision: z.enum(COMMENT_DECISIONS, '采纳情况应为 采纳、部分采纳 或 不采纳'),
          reason: z.string().trim().max(2000).optional(),
        }),
      },
    },
    async (req) => {
      const row = await db.transaction((tx) =>
        answerComment(tx, Number(req.params.id), req.body, actorOf(req), today()),
      );
      return { id: row.id, decision: row.decision, reason: row.reason, answeredOn: row.answeredOn };
    },
  );

  app.post(
    '/consultations/:id/results',
    {
      config: {
        access: { perm: 'consultations.manage', org: { resource: 'kernel.consultation', param: 'id' } },
      },
      schema: {
        params: ZId,
        body: z.strictObject({
          adoptionNote: z.string().trim().min(1, '请填写意见采纳情况说明').max(5000),
        }),
      },
    },
    async (req) => {
      const row = await db.transaction((tx) =>
        publishConsultationResults(tx, Number(req.params.id), req.body, actorOf(req), today()),
      );
      return { id: row.id, resultsPublishedOn: row.resultsPublishedOn };
    },
  );

  app.get(
    '/legal-reviews',
    {
      config: { access: { perm: 'consultations.read', org: { query: 'org' } } },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          module: z.string().min(1).max(40),
          entity: z.string().min(1).max(80),
          entityId: z.string().min(1).max(40),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      return {
        items: await legalReviewsOf(db, req.targetOrg!, q.module, q.entity, q.entityId),
        today: today(),
      };
    },
  );
}

/** The public side: drafts open for comment, their paragraphs, and the answers once published. */
export async function consultationPortalRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get(
    '/consultations',
    {
      config: { access: PUBLIC },
      schema: {
        querystring: z.strictObject({
          org: z.string().optional(),
          status: z.enum(['open', 'closed']).optional(),
        }),
      },
    },
    async (req) => {
      const asOf = today();
      const org = req.query.org?.trim();
      if (org && !isOrgCode(org)) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${org}`);
      const list = await db
        .select({
          id: consultations.id,
          orgCode: consultations.orgCode,
          orgName: orgs.name,
          module: consultations.module,
          title: consultations.title,
          summary: consultations.summary,
          opensOn: consultations.opensOn,
          closesOn: consultations.closesOn,
          resultsPublishedOn: consultations.resultsPublishedOn,
          commentCount: counted.commentCount,
        })
        .from(consultations)
        .leftJoin(orgs, eq(orgs.code, consultations.orgCode))
        .where(
          and(
            lte(consultations.opensOn, asOf),
            org ? inSubtree(consultations.orgCode, org) : undefined,
            req.query.status ? statusCondition(req.query.status, asOf) : undefined,
          ),
        )
        .orderBy(desc(consultations.opensOn), desc(consultations.id))
        .limit(200);
      return { items: list.map((r) => withStatus(r, asOf)), today: asOf };
    },
  );

  app.get('/consultations/:id', { config: { access: PUBLIC }, schema: { params: ZId } }, async (req) => {
    const asOf = today();
    const c = await getConsultation(db, Number(req.params.id));
    if (!c || c.opensOn > asOf) throw new AppError('NOT_FOUND', '征求意见稿不存在或尚未公开');
    const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.code, c.orgCode));
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(comments)
      .where(eq(comments.consultationId, c.id));
    const published = Boolean(c.resultsPublishedOn);
    // Comments appear only with their answers, once the results are published; never the contact.
    const list = published
      ? await db
          .select({
            id: comments.id,
            paragraphNo: comments.paragraphNo,
            text: comments.text,
            authorName: comments.authorName,
            submittedAt: comments.submittedAt,
            decision: comments.decision,
            reason: comments.reason,
          })
          .from(comments)
          .where(eq(comments.consultationId, c.id))
          .orderBy(sql`${comments.paragraphNo} ASC NULLS FIRST`, asc(comments.id))
      : [];
    return {
      ...withStatus(
        {
          id: c.id,
          orgCode: c.orgCode,
          orgName: org?.name ?? null,
          module: c.module,
          title: c.title,
          summary: c.summary,
          paragraphs: c.paragraphs,
          opensOn: c.opensOn,
          closesOn: c.closesOn,
          shortenedReason: c.shortenedReason,
          resultsPublishedOn: c.resultsPublishedOn,
          adoptionNote: published ? c.adoptionNote : null,
        },
        asOf,
      ),
      commentCount: Number(n?.n ?? 0),
      comments: list.map(({ submittedAt, ...x }) => ({
        ...x,
        authorName: x.authorName ? maskName(x.authorName) : '匿名',
        submittedOn: SHANGHAI_DATE.format(submittedAt),
      })),
    };
  });

  app.post(
    '/consultations/:id/comments',
    {
      config: { access: PUBLIC, rateLimit: { max: 5, timeWindow: '10 minutes' } },
      schema: {
        params: ZId,
        body: z.strictObject({
          paragraphNo: z.number().int().min(1).max(100_000).nullable().optional(),
          text: z.string().trim().min(2, '请填写意见内容').max(5000, '意见内容不能超过5000字'),
          authorName: z.string().trim().max(50).optional(),
          contact: z.string().trim().max(100).optional(),
        }),
      },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => submitComment(tx, Number(req.params.id), req.body, today()));
      return reply
        .status(201)
        .send({ id: row.id, message: '意见已提交。征求意见结束后,将公布意见采纳情况。' });
    },
  );
}
