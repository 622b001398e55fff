// The module's tables (prefix `publicity_`).
import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgCode } from '../../kernel/db/columns.js';

const day = (name: string) => date(name, { mode: 'string' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 谁执法谁普法 责任清单: one responsible unit (the township or an office/站所 such as 综合行政执法队)
 * for one year, the laws/areas it must publicise and how many activities it plans.
 */
export const publicityDuties = pgTable(
  'publicity_duty',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // the responsible unit (township or office)
    year: integer('year').notNull(),
    unitName: text('unit_name').notNull(),
    duties: text('duties').notNull(), // 普法责任: the laws and areas to publicise
    planned: integer('planned').notNull(), // 计划开展普法活动场次
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('publicity_duty_org_idx').on(t.orgCode, t.year),
    uniqueIndex('publicity_duty_unique').on(t.orgCode, t.year, t.unitName),
  ],
);

/** 普法宣传活动: one activity held by an org (township, office or village). */
export const publicityActivities = pgTable(
  'publicity_activity',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(),
    heldOn: day('held_on').notNull(),
    title: text('title').notNull(),
    themes: text('themes').array().notNull(), // 宪法宣传, 民法典, 禁毒 … or free text
    form: text('form').notNull(), // 法治讲座 | 集中宣传 | 广播 | 新媒体 | 以案释法 | 文艺演出 | 法律咨询 | 其他
    venueType: text('venue_type').notNull(), // 法律“六进/十进”: 进机关 | 进乡村 | 进社区 | 进学校 …
    venueName: text('venue_name'),
    reach: integer('reach').notNull().default(0), // 受众人次
    materials: integer('materials').notNull().default(0), // 发放宣传资料(份)
    dutyId: integer('duty_id').references(() => publicityDuties.id),
    organiser: text('organiser'), // 主办单位
    note: text('note'),
    source: text('source').notNull().default('staff'), // staff | import | demo
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('publicity_activity_org_idx').on(t.orgCode, t.heldOn),
    index('publicity_activity_duty_idx').on(t.dutyId, t.heldOn),
  ],
);

/** Photos (kernel files) kept as evidence of an activity. */
export const publicityPhotos = pgTable(
  'publicity_photo',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => publicityActivities.id, { onDelete: 'cascade' }),
    orgCode: orgCode('org_code').notNull(),
    fileId: integer('file_id').notNull(),
    sha256: text('sha256').notNull(),
    caption: text('caption'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('publicity_photo_org_idx').on(t.orgCode),
    index('publicity_photo_activity_idx').on(t.activityId),
  ],
);

/** 法治宣传阵地: 法治公园, 法治文化广场, 法治长廊, 宣传栏, 法治书屋, and 民主法治示范村(社区) honours. */
export const publicitySites = pgTable(
  'publicity_site',
  {
    id: serial('id').primaryKey(),
    orgCode: orgCode('org_code').notNull(), // usually a village
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    builtOn: day('built_on'), // 建成 (阵地) or 命名 (示范村) date
    honourLevel: text('honour_level'), // 示范村: 全国 | 省级 | 市级 | 县级
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('publicity_site_org_idx').on(t.orgCode, t.kind)],
);
