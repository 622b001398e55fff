import { defineConfig } from 'vitest/config';

const onPostgres = Boolean(process.env.DATABASE_URL);

// Every test runs on embedded PGlite; with DATABASE_URL set, the suite runs a second time on PostgreSQL.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts'],
          env: { FAZHI_TEST_DB: 'pglite' },
          globalSetup: ['src/test/global-setup.ts'],
        },
      },
      ...(onPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['src/**/*.test.ts'],
                env: { FAZHI_TEST_DB: 'postgres' },
                globalSetup: ['src/test/global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
