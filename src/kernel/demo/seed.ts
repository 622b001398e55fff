import { count } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import { createUser, type NewUser } from '../auth/service.js';
import type { Tx } from '../db/client.js';
import { users } from '../db/schema.js';
import type { ModuleManifest } from '../module.js';
import { createOrgs, type NewOrg } from '../orgs/service.js';
import { type Rng, rng } from './random.js';
import { type DemoWindow, demoWindow } from './window.js';

export const DEMO_PASSWORD = 'Fazhi@2024';
export const DEMO_COUNTY = { code: '510626000000', name: '安和县' };

const PLACE_A =
  '青石白云金桂清河龙泉柳溪桃源松林凤鸣双河石桥永安长乐太平新华红岩黄坪杨柳竹园莲花马鞍梨花花园仁和福田';
const PLACE_B = '山坪湾岭坝桥沟塘溪岗滩堰冲口河坡园林湖';
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰红霞建国志强晓东春梅海燕玉兰文波德明永红';
const OFFICES = ['党政办', '司法所', '综治中心', '综合行政执法队', '信访办'];

function chars(s: string): string[] {
  return [...s];
}

function uniqueName(r: Rng, used: Set<string>, suffix: string): string {
  const a = chars(PLACE_A);
  const b = chars(PLACE_B);
  for (let i = 0; i < 1000; i++) {
    const start = r.int(0, a.length / 2 - 1) * 2;
    const name = r.chance(0.5) ? `${a[start]}${a[start + 1]}${suffix}` : `${a[start]}${r.pick(b)}${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('name space exhausted');
}

export function personName(r: Rng): string {
  const given = chars(GIVEN);
  return r.pick(chars(SURNAMES)) + r.pick(given) + (r.chance(0.6) ? r.pick(given) : '');
}

export function phoneNumber(r: Rng): string {
  return `1${r.pick(['38', '39', '58', '59', '80', '87', '89', '35', '36', '77'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

export interface DemoOrgs {
  county: string;
  townships: { code: string; name: string; seq: number; villages: string[] }[];
}

export function buildDemoOrgs(seed: number): { list: NewOrg[]; shape: DemoOrgs } {
  const r = rng(seed);
  const list: NewOrg[] = [
    { code: '510000000000', name: '四川省' },
    { code: '510600000000', name: '德阳市' },
    { code: DEMO_COUNTY.code, name: DEMO_COUNTY.name },
  ];
  const used = new Set<string>();
  const shape: DemoOrgs = { county: DEMO_COUNTY.code, townships: [] };
  // GB/T 10114: 街道 001–099, 镇 100–199, 乡 200–399; villages: 社区 001–199, 村 200–399.
  const kinds = [
    ...Array.from({ length: 3 }, (_, i) => ({
      seg: 1 + i,
      suffix: '街道',
      communities: [8, 11],
      villages: [0, 0],
    })),
    ...Array.from({ length: 12 }, (_, i) => ({
      seg: 100 + i,
      suffix: '镇',
      communities: [1, 3],
      villages: [9, 14],
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      seg: 200 + i,
      suffix: '乡',
      communities: [0, 1],
      villages: [8, 11],
    })),
  ];
  kinds.forEach((k, idx) => {
    const code = `510626${String(k.seg).padStart(3, '0')}000`;
    const name = uniqueName(r, used, k.suffix);
    list.push({ code, name });
    OFFICES.forEach((office, i) => {
      list.push({ code: `${code}K${String(i + 1).padStart(2, '0')}`, name: office });
    });
    const villages: string[] = [];
    const nCommunities = r.int(k.communities[0]!, k.communities[1]!);
    const nVillages = r.int(k.villages[0]!, k.villages[1]!);
    const add = (seg: number, suffix: string) => {
      const vcode = `${code.slice(0, 9)}${String(seg).padStart(3, '0')}`;
      list.push({ code: vcode, name: uniqueName(r, used, suffix) });
      villages.push(vcode);
      const grids = r.int(2, 4);
      for (let g = 1; g <= grids; g++) {
        list.push({ code: `${vcode}W${String(g).padStart(3, '0')}`, name: `第${'一二三四'[g - 1]}网格` });
      }
    };
    for (let i = 1; i <= nCommunities; i++) add(i, '社区');
    for (let i = 1; i <= nVillages; i++) add(200 + i - 1, '村');
    shape.townships.push({ code, name, seq: idx + 1, villages });
  });
  return { list, shape };
}

/** The demo county: orgs, one account per role and place, then each module's demo ledgers. */
export async function seedDemo(
  tx: Tx,
  seed: number,
  modules: ModuleManifest[],
  window: DemoWindow = demoWindow(),
): Promise<DemoOrgs> {
  const { list, shape } = buildDemoOrgs(seed);
  await createOrgs(tx, list);
  const r = rng(seed + 1);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: NewUser[] = [
    {
      username: 'admin.demo',
      displayName: '系统管理员(演示)',
      passwordHash,
      grants: [{ role: '系统管理员', orgCode: shape.county }],
    },
    {
      username: 'xian.jiandu',
      displayName: personName(r),
      passwordHash,
      grants: [{ role: '县级监督', orgCode: shape.county }],
    },
    {
      username: 'xian.lingdao',
      displayName: personName(r),
      passwordHash,
      grants: [{ role: '领导', orgCode: shape.county }],
    },
  ];
  for (const t of shape.townships) {
    const n = String(t.seq).padStart(2, '0');
    const role = (suffix: string, roleName: string, officeCode: string | null = null) =>
      accounts.push({
        username: `zhen${n}.${suffix}`,
        displayName: personName(r),
        passwordHash,
        phone: phoneNumber(r),
        officeCode,
        grants: [{ role: roleName, orgCode: t.code }],
      });
    role('admin', '镇级管理员', `${t.code}K01`);
    role('jingban', '经办人', `${t.code}K02`);
    role('lingdao', '领导');
    role('guwen', '法律顾问');
    t.villages.forEach((v, i) => {
      const vn = `cun${n}${String(i + 1).padStart(2, '0')}`;
      accounts.push(
        {
          username: `${vn}.tiaojie`,
          displayName: personName(r),
          passwordHash,
          phone: phoneNumber(r),
          grants: [{ role: '调解员', orgCode: v }],
        },
        {
          username: `${vn}.wangge`,
          displayName: personName(r),
          passwordHash,
          phone: phoneNumber(r),
          grants: [{ role: '网格员', orgCode: v }],
        },
      );
    });
  }
  for (const a of accounts) await createUser(tx, a);
  for (const m of modules) if (m.seedDemo) await m.seedDemo(tx, { seed, countyCode: shape.county, window });
  return shape;
}

export async function isEmpty(tx: Tx): Promise<boolean> {
  const [row] = await tx.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) === 0;
}
