import path from 'node:path';
import { z } from 'zod';

const ZConfig = z.object({
  port: z.coerce.number().int().min(1).max(65535).default(3000),
  host: z.string().default('0.0.0.0'),
  dataDir: z.string().default('./data'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头')
    .optional(),
  filesDir: z.string().optional(),
  demo: z.enum(['0', '1']).default('1'),
  secureCookie: z.enum(['0', '1']).default('0'),
  maxUploadMb: z.coerce.number().positive().max(1024).default(50),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  sweepMinutes: z.coerce.number().int().min(0).default(60),
});

export type Config = z.infer<typeof ZConfig> & { dataDir: string; filesDir: string };

/** One validated configuration, read from the environment; fails fast with a Chinese message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse({
    port: env.PORT || undefined,
    host: env.HOST || undefined,
    dataDir: env.FAZHI_DATA_DIR || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    filesDir: env.FAZHI_FILES_DIR || undefined,
    demo: env.FAZHI_DEMO || undefined,
    secureCookie: env.FAZHI_SECURE_COOKIE || undefined,
    maxUploadMb: env.FAZHI_MAX_UPLOAD_MB || undefined,
    logLevel: env.LOG_LEVEL || undefined,
    sweepMinutes: env.FAZHI_SWEEP_MINUTES || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误:\n${lines.join('\n')}`);
  }
  const dataDir = path.resolve(parsed.data.dataDir);
  return {
    ...parsed.data,
    dataDir,
    filesDir: path.resolve(parsed.data.filesDir ?? path.join(dataDir, 'files')),
  };
}
