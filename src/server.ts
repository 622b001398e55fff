import { seedDemoCounty } from './demo.js';
import { firstStart, openContext, printFirstStart } from './kernel/bootstrap.js';
import { today } from './kernel/calendar.js';
import { loadConfig } from './kernel/config.js';
import { sweepDeadlines } from './kernel/deadlines.js';
import { buildApp } from './kernel/http/app.js';
import { modules } from './modules.js';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const ctx = await openContext(config, { role: 'server', port: config.port });
  printFirstStart(await firstStart(ctx, seedDemoCounty));
  const app = await buildApp(ctx, modules);

  const sweep = async () => {
    try {
      const r = await sweepDeadlines(ctx.database.db, today());
      if (r.reminders || r.supervision) app.log.info(r, 'deadline sweep');
    } catch (err) {
      app.log.error({ err }, 'deadline sweep failed');
    }
  };
  await sweep();
  const timer = config.sweepMinutes > 0 ? setInterval(sweep, config.sweepMinutes * 60_000) : null;
  timer?.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    if (timer) clearInterval(timer);
    await app.close();
    await ctx.database.close(); // PGlite flushes and releases the data directory
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = ctx.database.kind === 'pglite' ? `内置数据库 ${config.dataDir}` : 'PostgreSQL';
  console.log(
    `fazhi 已启动: http://localhost:${config.port} (${where},用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒)`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
