import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../kernel/calendar.js';
import { AppError } from '../../kernel/errors.js';
import { actorOf, authed } from '../../kernel/http/access.js';
import { sendDownload } from '../../kernel/http/download.js';
import { runImport } from '../../kernel/imports.js';
import type { KernelContext } from '../../kernel/module.js';
import { exportRows } from '../../kernel/xlsx/export.js';
import { buildTemplate } from '../../kernel/xlsx/template.js';
import { drillCondition } from '../../reporting/indicators.js';
import { importResults } from './import.js';
import { learningIndicators } from './indicators.js';
import {
  EVALUATIONS,
  EXAM_KINDS,
  GRADES,
  REPORT_OCCASIONS,
  RESULT_LEDGER,
  ROLES,
  ROSTER_EXPORT,
  SESSION_KINDS,
  SESSION_LEDGER,
  STATUSES,
  TRAINING_EXPORT,
  TRAINING_MIN_HOURS,
  ZEntry,
  ZEntryQuery,
  ZExam,
  ZExamQuery,
  ZId,
  ZOfficerQuery,
  ZReport,
  ZReportQuery,
  ZResult,
  ZSession,
  ZSessionQuery,
  ZTraining,
  ZTrainingQuery,
} from './model.js';
import {
  addEntry,
  addReport,
  addTraining,
  createExam,
  createSession,
  getExam,
  getSession,
  listEntries,
  listExams,
  listReports,
  listSessions,
  listTrainings,
  officerChoices,
  officerHours,
  removeSession,
  rosterRows,
  setResult,
} from './service.js';

const CAN = ['manage', 'import', 'personal'] as const;
const EXPORT_MAX = 10_000;

/** The period of a year filter, a drill-down (from/to) or the current year. */
function periodOf(q: { year?: number; from?: string; to?: string }, now: string) {
  if (q.from && q.to) return { from: q.from, to: q.to };
  const y = q.year ?? Number(now.slice(0, 4));
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** 学法用法: study sessions, exams with rosters and results, officer training and 述法. */
export async function learningRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const read = { perm: 'learning.read', org: { query: 'org' } } as const;
  const personal = (req: Parameters<typeof authed>[0]) =>
    authed(req).scope.can('learning.personal', req.targetOrg!);

  app.get(
    '/meta',
    { config: { access: read }, schema: { querystring: z.strictObject({ org: z.string().optional() }) } },
    async (req) => ({
      can: Object.fromEntries(CAN.map((p) => [p, authed(req).scope.can(`learning.${p}`, req.targetOrg!)])),
      sessionKinds: SESSION_KINDS,
      examKinds: EXAM_KINDS,
      roles: ROLES,
      statuses: STATUSES,
      grades: GRADES,
      occasions: REPORT_OCCASIONS,
      evaluations: EVALUATIONS,
      trainingMinHours: TRAINING_MIN_HOURS,
      today: today(),
      indicators: learningIndicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        formula: i.formula,
      })),
    }),
  );

  // --- 学法活动
  app.get('/sessions', { config: { access: read }, schema: { querystring: ZSessionQuery } }, async (req) => {
    const q = req.query;
    const extra = drillCondition(learningIndicators, q, req.targetOrg!, today());
    return listSessions(
      db,
      req.targetOrg!,
      q.indicator ? { ...q, from: undefined, to: undefined } : q,
      extra,
    );
  });

  app.get(
    '/sessions/export.xlsx',
    { config: { access: read }, schema: { querystring: ZSessionQuery } },
    async (req, reply) => {
      const q = req.query;
      const extra = drillCondition(learningIndicators, q, req.targetOrg!, today());
      const list = await listSessions(
        db,
        req.targetOrg!,
        { ...(q.indicator ? { ...q, from: undefined, to: undefined } : q), page: 1, pageSize: EXPORT_MAX },
        extra,
      );
      const buf = await exportRows(SESSION_LEDGER, list.items as Record<string, unknown>[], {
        title: '学法活动台账',
      });
      return sendDownload(reply, '学法活动台账.xlsx', buf);
    },
  );

  app.post(
    '/sessions',
    { config: { access: { perm: 'learning.manage', org: { body: 'orgCode' } } }, schema: { body: ZSession } },
    async (req, reply) => {
      const row = await db.transaction((tx) => createSession(tx, req.body, actorOf(req), today()));
      return reply.status(201).send(row);
    },
  );

  app.get(
    '/sessions/:id',
    {
      config: { access: { perm: 'learning.read', org: { resource: 'learning.session', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }) },
    },
    async (req) => getSession(db, Number(req.params.id)),
  );

  app.post(
    '/sessions/:id/remove',
    {
      config: { access: { perm: 'learning.manage', org: { resource: 'learning.session', param: 'id' } } },
      schema: {
        params: z.strictObject({ id: ZId }),
        body: z.strictObject({ reason: z.string().trim().min(2, '请填写删除原因').max(500) }),
      },
    },
    async (req) =>
      db.transaction((tx) => removeSession(tx, Number(req.params.id), req.body.reason, actorOf(req))),
  );

  // --- 考试
  app.get('/exams', { config: { access: read }, schema: { querystring: ZExamQuery } }, async (req) =>
    listExams(db, req.targetOrg!, req.query),
  );

  app.post(
    '/exams',
    { config: { access: { perm: 'learning.manage', org: { body: 'orgCode' } } }, schema: { body: ZExam } },
    async (req, reply) => {
      const row = await db.transaction((tx) => createExam(tx, req.body, actorOf(req)));
      return reply.status(201).send({ id: row.id });
    },
  );

  const examAccess = (perm: string) => ({ perm, org: { resource: 'learning.exam', param: 'id' } }) as const;

  app.get(
    '/exams/:id',
    { config: { access: examAccess('learning.read') }, schema: { params: z.strictObject({ id: ZId }) } },
    async (req) => getExam(db, Number(req.params.id), req.targetOrg!, personal(req)),
  );

  app.post(
    '/exams/:id/entries',
    {
      config: { access: examAccess('learning.manage') },
      schema: { params: z.strictObject({ id: ZId }), body: ZEntry },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => addEntry(tx, Number(req.params.id), req.body, actorOf(req)));
      return reply.status(201).send(row);
    },
  );

  app.get(
    '/exams/:id/roster.xlsx',
    { config: { access: examAccess('learning.read') }, schema: { params: z.strictObject({ id: ZId }) } },
    async (req, reply) => {
      const { exam, rows } = await rosterRows(db, Number(req.params.id), req.targetOrg!, personal(req));
      const buf = await exportRows(ROSTER_EXPORT, rows as Record<string, unknown>[], {
        title: `${exam.name}名册及成绩`,
      });
      return sendDownload(reply, `${exam.name}-名册及成绩.xlsx`, buf);
    },
  );

  app.get(
    '/exams/:id/template.xlsx',
    { config: { access: examAccess('learning.read') }, schema: { params: z.strictObject({ id: ZId }) } },
    async (_req, reply) =>
      sendDownload(reply, '考试成绩-模板.xlsx', await buildTemplate(RESULT_LEDGER, { title: '考试成绩' })),
  );

  app.post(
    '/exams/:id/import',
    { config: { access: examAccess('learning.import') }, schema: { params: z.strictObject({ id: ZId }) } },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
      const part = await req.file();
      if (!part) throw new AppError('VALIDATION_FAILED', '没有收到文件');
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('FILE_TOO_LARGE');
      const examId = Number(req.params.id);
      const result = await runImport(
        db,
        (tx, buf, _org, actor) => importResults(tx, examId, buf, actor),
        data,
        req.targetOrg!,
        actorOf(req),
      );
      return reply.status(result.errors.length ? 422 : 200).send(result);
    },
  );

  app.post(
    '/entries/:id/result',
    {
      config: { access: { perm: 'learning.manage', org: { resource: 'learning.entry', param: 'id' } } },
      schema: { params: z.strictObject({ id: ZId }), body: ZResult },
    },
    async (req) =>
      db.transaction((tx) => setResult(tx, Number(req.params.id), req.body, actorOf(req), today())),
  );

  app.get('/entries', { config: { access: read }, schema: { querystring: ZEntryQuery } }, async (req) => {
    const q = req.query;
    const extra = drillCondition(learningIndicators, q, req.targetOrg!, today());
    return listEntries(db, req.targetOrg!, q, extra, personal(req));
  });

  // --- 执法人员培训
  app.get(
    '/trainings',
    { config: { access: read }, schema: { querystring: ZTrainingQuery } },
    async (req) => {
      const q = req.query;
      const extra = drillCondition(learningIndicators, q, req.targetOrg!, today());
      return listTrainings(db, req.targetOrg!, q.indicator ? { ...q, year: undefined } : q, extra);
    },
  );

  app.get(
    '/trainings/export.xlsx',
    { config: { access: read }, schema: { querystring: ZTrainingQuery } },
    async (req, reply) => {
      const list = await listTrainings(db, req.targetOrg!, { ...req.query, page: 1, pageSize: EXPORT_MAX });
      const buf = await exportRows(TRAINING_EXPORT, list.items as Record<string, unknown>[], {
        title: '执法人员培训台账',
      });
      return sendDownload(reply, '执法人员培训台账.xlsx', buf);
    },
  );

  app.post(
    '/trainings',
    {
      config: { access: { perm: 'learning.manage', org: { body: 'orgCode' } } },
      schema: { body: ZTraining },
    },
    async (req, reply) => {
      const row = await db.transaction((tx) => addTraining(tx, req.body, actorOf(req), today()));
      return reply.status(201).send(row);
    },
  );

  app.get('/officers', { config: { access: read }, schema: { querystring: ZOfficerQuery } }, async (req) => {
    const q = req.query;
    const now = today();
    const { from, to } = periodOf(q, now);
    const extra = drillCondition(learningIndicators, q, req.targetOrg!, now);
    return officerHours(db, req.targetOrg!, from, to, { below: q.below === '1', extra });
  });

  app.get(
    '/officer-choices',
    {
      config: { access: { perm: 'learning.manage', org: { query: 'org' } } },
      schema: { querystring: z.strictObject({ org: z.string().optional() }) },
    },
    async (req) => officerChoices(db, req.targetOrg!),
  );

  // --- 述法
  app.get('/reports', { config: { access: read }, schema: { querystring: ZReportQuery } }, async (req) => {
    const q = req.query;
    const extra = drillCondition(learningIndicators, q, req.targetOrg!, today());
    return listReports(db, req.targetOrg!, q.indicator ? { ...q, year: undefined } : q, extra);
  });

  app.post(
    '/reports',
    { config: { access: { perm: 'learning.manage', org: { body: 'orgCode' } } }, schema: { body: ZReport } },
    async (req, reply) => {
      const row = await db.transaction((tx) => addReport(tx, req.body, actorOf(req), today()));
      return reply.status(201).send({ id: row.id });
    },
  );
}
