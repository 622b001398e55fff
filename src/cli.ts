import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { seedDemoCounty } from './demo.js';
import { verifyAudit } from './kernel/audit.js';
import { isRole, ROLES } from './kernel/auth/roles.js';
import { createUser } from './kernel/auth/service.js';
import { firstStart, openContext, printFirstStart } from './kernel/bootstrap.js';
import { addCalendarDays, addWorkdays, isValidDate, today } from './kernel/calendar.js';
import { loadConfig } from './kernel/config.js';
import { orgs } from './kernel/db/schema.js';
import { sweepDeadlines } from './kernel/deadlines.js';
import { isEmpty } from './kernel/demo/seed.js';
import { AppError } from './kernel/errors.js';
import { runImport } from './kernel/imports.js';
import type { KernelContext } from './kernel/module.js';
import { isOrgCode } from './kernel/orgs/codes.js';
import { createOrgs, orgTree } from './kernel/orgs/service.js';
import { modules } from './modules.js';
import { composeReport, ensureReport } from './reporting/annual.js';
import { type Claim, checkReportText, readReportFile } from './reporting/checker/index.js';
import { compareWithLedger, type LedgerComparison } from './reporting/checker/ledger.js';
import { renderReportDocx } from './reporting/docx.js';
import { computeFigures } from './reporting/indicators.js';
import { docxToPdf } from './reporting/pdf.js';
import { period } from './reporting/routes.js';

const importers = () => modules.filter((m) => m.importLedger).map((m) => m.id);

const HELP = `fazhi — 法治政府建设数字化平台 命令行

用法: npx fazhi <命令> [选项]

  migrate                              应用数据库迁移
  seed-demo [--seed N]                 在空数据库中生成演示县(相同 seed 结果相同)
  orgs [--json] [--root CODE]          输出组织机构树
  orgs add --code CODE --name 名称      添加组织(上级须已存在)
  user add --username U --password P --role 角色 --org CODE [--name 姓名]
                                       创建账户(角色: ${ROLES.join('、')})
  calendar due --from YYYY-MM-DD (--days N | --workdays N)
                                       计算法定期限届满日
  import <模块> <文件.xlsx> --org CODE [--json]
                                       导入台账(全部成功或全部不导入;模块: ${importers().join('、')})
  indicators --org CODE (--year YYYY | --from D --to D) [--json]
                                       计算各模块指标
  report --org CODE --year YYYY --out 文件.docx [--pdf 文件.pdf]
                                       由台账生成法治政府建设年度报告(GB/T 9704 格式)
  check-report <文件.txt|文件.docx> [--org CODE --year YYYY] [--json]
                                       检查报告中的数字是否自洽,并与台账比对
  sweep [--date YYYY-MM-DD]            运行期限巡检:到期提醒与逾期督办(幂等)
  verify-audit                         校验审计日志哈希链

环境变量: FAZHI_DATA_DIR(默认 ./data)、DATABASE_URL(使用 PostgreSQL 服务器)`;

class UsageError extends Error {}

function int(value: string | undefined, name: string): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`--${name} 须为非负整数`);
  return Number(value);
}

async function withContext<T>(fn: (ctx: KernelContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig(), { role: `命令 ${process.argv.slice(2).join(' ')}` });
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;

    case 'migrate':
      await withContext(async () => {});
      console.log('数据库迁移已完成');
      return 0;

    case 'seed-demo': {
      const { values } = parseArgs({ args: rest, options: { seed: { type: 'string' } } });
      const seed = values.seed === undefined ? 2024 : int(values.seed, 'seed');
      return withContext(async (ctx) => {
        if (!(await isEmpty(ctx.database.db))) {
          console.error('数据库中已有账户,演示数据只能生成在空数据库中(可另设 FAZHI_DATA_DIR 指向新目录)');
          return 1;
        }
        const shape = await ctx.database.db.transaction((tx) => seedDemoCounty(tx, seed));
        const villages = shape.townships.reduce((n, t) => n + t.villages.length, 0);
        console.log(`已生成演示县:${shape.townships.length} 个乡镇/街道,${villages} 个村/社区(seed=${seed})`);
        return 0;
      });
    }

    case 'orgs': {
      if (rest[0] === 'add') {
        const { values } = parseArgs({
          args: rest.slice(1),
          options: { code: { type: 'string' }, name: { type: 'string' } },
        });
        if (!values.code || !values.name)
          throw new UsageError('用法: npx fazhi orgs add --code CODE --name 名称');
        const { code, name } = values;
        return withContext(async (ctx) => {
          await ctx.database.db.transaction((tx) => createOrgs(tx, [{ code, name }]));
          console.log(`已添加 ${code} ${name}`);
          return 0;
        });
      }
      const { values } = parseArgs({
        args: rest,
        options: { json: { type: 'boolean' }, root: { type: 'string' } },
      });
      return withContext(async (ctx) => {
        let root = values.root;
        if (!root) {
          const top = await ctx.database.db.query.orgs.findFirst({
            where: (o, { isNull }) => isNull(o.parentCode),
          });
          root = top?.code;
        }
        if (!root) {
          console.error('组织机构为空');
          return 1;
        }
        if (!isOrgCode(root)) throw new UsageError(`组织代码无效: ${root}`);
        const tree = await orgTree(ctx.database.db, root);
        if (!tree) {
          console.error(`组织 ${root} 不存在`);
          return 1;
        }
        if (values.json) {
          console.log(JSON.stringify(tree));
        } else {
          const print = (n: typeof tree, depth: number) => {
            console.log(`${'  '.repeat(depth)}${n.code} ${n.name}`);
            for (const c of n.children) print(c, depth + 1);
          };
          print(tree, 0);
        }
        return 0;
      });
    }

    case 'user': {
      const [sub, ...args] = rest;
      if (sub !== 'add')
        throw new UsageError('用法: npx fazhi user add --username U --password P --role 角色 --org CODE');
      const { values } = parseArgs({
        args,
        options: {
          username: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string' },
          org: { type: 'string' },
          name: { type: 'string' },
        },
      });
      if (!values.username || !values.password || !values.role || !values.org) {
        throw new UsageError('需要 --username、--password、--role 和 --org');
      }
      if (!isRole(values.role)) throw new UsageError(`未知角色「${values.role}」,可选:${ROLES.join('、')}`);
      const { username, password, role, org, name } = values;
      return withContext(async (ctx) => {
        const id = await ctx.database.db.transaction((tx) =>
          createUser(tx, {
            username,
            password,
            displayName: name ?? username,
            grants: [{ role, orgCode: org }],
          }),
        );
        console.log(`已创建账户 ${username}(编号 ${id},${role},${org})`);
        return 0;
      });
    }

    case 'calendar': {
      const [sub, ...args] = rest;
      if (sub !== 'due')
        throw new UsageError('用法: npx fazhi calendar due --from YYYY-MM-DD (--days N | --workdays N)');
      const { values } = parseArgs({
        args,
        options: {
          from: { type: 'string' },
          days: { type: 'string' },
          workdays: { type: 'string' },
          json: { type: 'boolean' },
        },
      });
      if (!values.from || !isValidDate(values.from)) throw new UsageError('--from 须为有效日期 YYYY-MM-DD');
      if ((values.days === undefined) === (values.workdays === undefined))
        throw new UsageError('请指定 --days 或 --workdays 之一');
      const result =
        values.days !== undefined
          ? addCalendarDays(values.from, int(values.days, 'days'))
          : addWorkdays(values.from, int(values.workdays, 'workdays'));
      if (values.json) console.log(JSON.stringify(result));
      else {
        console.log(result.due);
        if (result.provisional) console.error('注意:该日期所在年度的节假日安排尚未公布,结果为暂定');
      }
      return 0;
    }

    case 'sweep': {
      const { values } = parseArgs({ args: rest, options: { date: { type: 'string' } } });
      if (values.date && !isValidDate(values.date)) throw new UsageError('--date 须为有效日期 YYYY-MM-DD');
      return withContext(async (ctx) => {
        const r = await sweepDeadlines(ctx.database.db, values.date ?? today());
        console.log(JSON.stringify(r));
        return 0;
      });
    }

    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { org: { type: 'string' }, json: { type: 'boolean' } },
      });
      const [moduleId, file] = positionals;
      const run = modules.find((m) => m.id === moduleId)?.importLedger;
      if (!run || !file)
        throw new UsageError(
          `用法: npx fazhi import <${importers().join('|')}> <文件.xlsx> --org CODE [--json]`,
        );
      if (!values.org || !isOrgCode(values.org)) throw new UsageError('--org 须为有效的组织代码');
      if (!fs.existsSync(file)) throw new UsageError(`文件不存在: ${file}`);
      const data = fs.readFileSync(file);
      const org = values.org;
      return withContext(async (ctx) => {
        const [target] = await ctx.database.db
          .select({ code: orgs.code })
          .from(orgs)
          .where(eq(orgs.code, org));
        if (!target) throw new UsageError(`组织 ${org} 不存在`);
        const result = await runImport(ctx.database.db, run, data, org, {
          id: null,
          name: `命令行导入 ${path.basename(file)}`,
        });
        if (values.json)
          console.log(
            JSON.stringify({ imported: result.imported, errors: result.errors, warnings: result.warnings }),
          );
        else {
          if (result.errors.length) {
            console.error(`导入失败,未导入任何记录。共 ${result.errors.length} 处错误:`);
            for (const e of result.errors) console.error(`  第${e.row}行 ${e.column}:${e.message}`);
          } else console.log(`已导入 ${result.imported} 条`);
          for (const w of result.warnings) console.error(`  提示 第${w.row}行 ${w.column}:${w.message}`);
        }
        return result.errors.length ? 1 : 0;
      });
    }

    case 'indicators': {
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          year: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          json: { type: 'boolean' },
        },
      });
      if (!values.org || !isOrgCode(values.org)) throw new UsageError('--org 须为有效的组织代码');
      const range = period({
        from: values.from,
        to: values.to,
        year: values.year ? int(values.year, 'year') : undefined,
      });
      const org = values.org;
      return withContext(async (ctx) => {
        const figures = await computeFigures(ctx.database.db, modules, {
          orgCode: org,
          ...range,
          asOf: today(),
        });
        if (values.json) {
          console.log(
            JSON.stringify(
              figures.map((f) => ({
                module: f.module,
                id: f.id,
                name: f.name,
                value: f.value,
                unit: f.unit,
                ...(f.numerator === undefined ? {} : { numerator: f.numerator, denominator: f.denominator }),
              })),
            ),
          );
        } else {
          for (const f of figures) {
            const detail = f.numerator === undefined ? '' : `(${f.numerator}/${f.denominator})`;
            console.log(`${f.name}\t${f.value ?? '—'}${f.unit === '%' ? '%' : f.unit}${detail}`);
          }
        }
        return 0;
      });
    }

    case 'report': {
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          year: { type: 'string' },
          out: { type: 'string' },
          pdf: { type: 'string' },
        },
      });
      if (!values.org || !isOrgCode(values.org)) throw new UsageError('--org 须为有效的组织代码');
      if (!values.out) throw new UsageError('--out 须指定输出的 .docx 文件');
      const year = int(values.year, 'year');
      const { org, out, pdf } = values;
      return withContext(async (ctx) => {
        const started = Date.now();
        const row = await ctx.database.db.transaction((tx) =>
          ensureReport(tx, org, year, { id: null, name: '命令行' }),
        );
        const report = await composeReport(ctx.database.db, row, modules);
        const docx = await renderReportDocx(report.document);
        fs.writeFileSync(out, docx);
        console.log(
          `已生成 ${out}(${report.title},${report.figures.length} 项指标,用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒)`,
        );
        if (report.missingSections.length)
          console.error(`提示:以下部分尚无内容,请在系统中补充:${report.missingSections.join(';')}`);
        if (pdf) {
          const converted = await docxToPdf(docx);
          if (!converted) {
            console.error('未安装 LibreOffice,未生成 PDF(.docx 已生成)');
            return 1;
          }
          fs.writeFileSync(pdf, converted);
          console.log(`已生成 ${pdf}`);
        }
        return 0;
      });
    }

    case 'check-report': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { org: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } },
      });
      const file = positionals[0];
      if (!file)
        throw new UsageError(
          '用法: npx fazhi check-report <文件.txt|文件.docx> [--org CODE --year YYYY] [--json]',
        );
      if (!fs.existsSync(file)) throw new UsageError(`文件不存在: ${file}`);
      if (Boolean(values.org) !== Boolean(values.year)) throw new UsageError('--org 与 --year 须同时提供');
      if (values.org && !isOrgCode(values.org)) throw new UsageError('--org 须为有效的组织代码');
      const result: Record<string, unknown> = { ...checkReportText(await readReportFile(file)) };
      if (values.org && values.year) {
        const org = values.org;
        const range = period({ year: int(values.year, 'year') });
        const figures = await withContext((ctx) =>
          computeFigures(ctx.database.db, modules, { orgCode: org, ...range, asOf: today() }),
        );
        result.ledger = compareWithLedger(
          result.claims as Claim[],
          figures,
          modules.flatMap((m) => m.reportClaims ?? []),
        );
      }
      if (values.json) console.log(JSON.stringify(result));
      else {
        const r = result as unknown as ReturnType<typeof checkReportText> & { ledger?: LedgerComparison[] };
        const missing = Object.entries(r.sections).filter(([, s]) => !s.found).length;
        console.log(
          `找到 ${5 - missing}/5 个必备部分,${r.claims.length} 处数字表述,${r.mismatches.length} 处不自洽`,
        );
        for (const m of r.mismatches) console.log(`  ✗ ${m.text}:${m.note ?? ''}`);
        for (const l of r.ledger ?? []) console.log(`  ${l.consistent ? '✓' : '✗'} ${l.text}:${l.note}`);
      }
      return 0;
    }

    case 'verify-audit':
      return withContext(async (ctx) => {
        const r = await verifyAudit(ctx.database.db);
        if (r.ok) {
          console.log(`审计日志完整:共 ${r.entries} 条`);
          return 0;
        }
        const b = r.brokenAt!;
        console.error(
          `审计日志已被破坏:第 ${b.position} 条(id=${b.id}):${b.reason};此前 ${r.entries} 条完好`,
        );
        return 1;
      });

    case 'first-start':
      return withContext(async (ctx) => {
        printFirstStart(await firstStart(ctx, seedDemoCounty));
        return 0;
      });

    default:
      throw new UsageError(`未知命令「${command}」\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError) {
      console.error(err.message);
      process.exit(2);
    }
    if (err instanceof AppError) {
      console.error(err.message);
      process.exit(err.code === 'DATA_DIR_LOCKED' ? 3 : 1);
    }
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
