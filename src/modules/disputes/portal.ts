import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../kernel/audit.js';
import { today } from '../../kernel/calendar.js';
import { orgs } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors.js';
import type { KernelContext } from '../../kernel/module.js';
import { levelOf } from '../../kernel/orgs/codes.js';
import { isValidPhone, normalizePhone } from '../../kernel/validate.js';
import { STATUS_LABELS, type Status, ZPortalRequest } from './model.js';
import { disputeCases, disputeConsultations } from './schema.js';
import { createDispute, newTrackingCode } from './service.js';

const PUBLIC = { public: true } as const;
const NOT_FOUND_MESSAGE = '未找到该申请,请核对查询码和手机号';

/** Citizens, no login: submit a dispute or a legal-consultation request, then follow it with code + phone. */
export async function disputePortalRoutes(base: FastifyInstance, ctx: KernelContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/places', { config: { access: PUBLIC } }, async () => {
    const list = await db
      .select({ code: orgs.code, name: orgs.name, level: orgs.level, parentCode: orgs.parentCode })
      .from(orgs)
      .where(inArray(orgs.level, ['county', 'township', 'village']))
      .orderBy(asc(orgs.sort), asc(orgs.code));
    return { places: list };
  });

  app.post(
    '/requests',
    {
      config: { access: PUBLIC, rateLimit: { max: 5, timeWindow: '10 minutes' } },
      schema: { body: ZPortalRequest },
    },
    async (req, reply) => {
      const b = req.body;
      if (levelOf(b.villageCode) !== 'village') throw new AppError('VALIDATION_FAILED', '请选择所在村(社区)');
      const [village] = await db.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, b.villageCode));
      if (!village) throw new AppError('VALIDATION_FAILED', '所选村(社区)不存在');
      if (!isValidPhone(b.phone)) throw new AppError('VALIDATION_FAILED', '联系电话格式不正确');
      const phone = normalizePhone(b.phone) ?? b.phone;
      const trackingCode = newTrackingCode();
      const actor = { id: null, name: `群众:${b.name}` };
      await db.transaction(async (tx) => {
        if (b.kind === 'dispute') {
          const row = await createDispute(
            tx,
            {
              orgCode: b.villageCode,
              receivedOn: today(),
              source: '群众来访',
              category: '其他',
              summary: b.description,
              riskLevel: '低',
              parties: [{ name: b.name, phone, role: '申请人' }],
            },
            actor,
            { channel: 'portal', trackingCode, contactPhone: phone },
          );
          await appendAudit(tx, {
            actor,
            orgCode: b.villageCode,
            action: 'disputes.portal',
            entity: 'disputes.case',
            entityId: row.id,
            after: { ip: req.ip },
          });
        } else {
          const [row] = await tx
            .insert(disputeConsultations)
            .values({ orgCode: b.villageCode, name: b.name, phone, description: b.description, trackingCode })
            .returning({ id: disputeConsultations.id });
          await appendAudit(tx, {
            actor,
            orgCode: b.villageCode,
            action: 'disputes.consultation.portal',
            entity: 'disputes.consultation',
            entityId: row!.id,
            after: { description: b.description, ip: req.ip },
          });
        }
      });
      return reply.status(201).send({
        trackingCode,
        message:
          b.kind === 'dispute'
            ? '已登记,我们将尽快与您联系。请保存查询码。'
            : '咨询已提交,法律顾问将尽快答复。请保存查询码。',
      });
    },
  );

  app.get(
    '/requests/:code',
    {
      config: { access: PUBLIC, rateLimit: { max: 30, timeWindow: '10 minutes' } },
      schema: {
        params: z.strictObject({
          code: z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^[A-Z0-9]{10}$/, '查询码为10位字母或数字'),
        }),
        querystring: z.strictObject({ phone: z.string().trim().min(5, '请填写提交时的手机号') }),
      },
    },
    async (req) => {
      const phone = normalizePhone(req.query.phone) ?? req.query.phone;
      const [c] = await db.select().from(disputeCases).where(eq(disputeCases.trackingCode, req.params.code));
      if (c) {
        if (c.contactPhone !== phone) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
        const steps = [
          ['登记', c.receivedOn],
          ['受理', c.acceptedOn],
          ['不予受理', c.rejectedOn],
          ['开始调解', c.mediationOn],
          ['已化解', c.resolvedOn],
          ['调解不成', c.failedOn],
        ].filter(([, on]) => on);
        return {
          kind: 'dispute',
          status: STATUS_LABELS[c.status as Status],
          receivedOn: c.receivedOn,
          steps: steps.map(([label, on]) => ({ label, on })),
          note:
            c.status === 'rejected'
              ? c.rejectReason
              : c.status === 'failed'
                ? `已引导至:${c.transferTo ?? ''}${c.transferTarget ? ` ${c.transferTarget}` : ''}`
                : null,
        };
      }
      const [k] = await db
        .select()
        .from(disputeConsultations)
        .where(eq(disputeConsultations.trackingCode, req.params.code));
      if (!k || k.phone !== phone) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
      return {
        kind: 'consultation',
        status: k.status === 'answered' ? '已答复' : '待答复',
        answer: k.answer,
        answeredOn: k.answeredOn,
      };
    },
  );
}
