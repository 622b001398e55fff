import { appendAudit, SYSTEM_ACTOR } from './audit.js';
import { generatePassword } from './auth/password.js';
import { createUser } from './auth/service.js';
import type { Config } from './config.js';
import { openDatabase, type Tx } from './db/client.js';
import { DEMO_COUNTY, DEMO_PASSWORD, isEmpty } from './demo/seed.js';
import { FileStore } from './files.js';
import type { KernelContext } from './module.js';
import { createOrgs } from './orgs/service.js';

export async function openContext(
  config: Config,
  holder: { role: string; port?: number },
): Promise<KernelContext> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    lockHolder: holder,
  });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  return { database, config, files: new FileStore(config.filesDir, config.maxUploadMb * 1048576) };
}

export interface FirstStart {
  seeded: boolean;
  admin?: { username: string; password: string; orgCode: string };
}

/**
 * On an empty database: the demo county (unless FAZHI_DEMO=0), and the first administrator,
 * whose password is generated here and shown once — there is no fixed default password.
 */
export async function firstStart(
  ctx: KernelContext,
  seedDemoData: (tx: Tx, seed: number) => Promise<unknown>,
  env = process.env,
): Promise<FirstStart> {
  const db = ctx.database.db;
  if (!(await isEmpty(db))) return { seeded: false };
  let rootOrg: string;
  const demo = ctx.config.demo === '1';
  const password = generatePassword();
  await db.transaction(async (tx) => {
    if (demo) {
      await seedDemoData(tx, Number(env.FAZHI_DEMO_SEED ?? 2024));
      rootOrg = DEMO_COUNTY.code;
    } else {
      const root = (env.FAZHI_ROOT_ORG ?? '').trim().split(/\s+/);
      if (root.length < 2) {
        throw new Error(
          '数据库为空且未启用演示数据:请设置 FAZHI_ROOT_ORG="<12位区划代码> <名称>" 指定本系统的顶层组织(如县/区)',
        );
      }
      await createOrgs(tx, [{ code: root[0]!, name: root.slice(1).join(' ') }]);
      rootOrg = root[0]!;
    }
    await createUser(tx, {
      username: 'admin',
      displayName: '系统管理员',
      password,
      grants: [{ role: '系统管理员', orgCode: rootOrg }],
    });
    await appendAudit(tx, {
      actor: SYSTEM_ACTOR,
      orgCode: rootOrg,
      action: 'system.first_start',
      entity: 'system',
      entityId: null,
      after: { demo },
    });
  });
  return { seeded: demo, admin: { username: 'admin', password, orgCode: rootOrg! } };
}

export function printFirstStart(fs: FirstStart, out: (line: string) => void = console.log): void {
  if (!fs.admin) return;
  out('');
  out('================ fazhi 首次启动 ================');
  out(`系统管理员账户: ${fs.admin.username}`);
  out(`初始密码(仅显示这一次,请登录后立即修改): ${fs.admin.password}`);
  if (fs.seeded) {
    out(`已生成演示数据:${DEMO_COUNTY.name}。演示账户密码均为 ${DEMO_PASSWORD}(见 README「演示账户」)`);
  }
  out('================================================');
  out('');
}
