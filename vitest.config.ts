import { defineConfig } from 'vitest/config';

// API and rules tests. FAZHI_TEST_DB=postgres runs the same tests on the PostgreSQL server.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'demo/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { NODE_ENV: 'test' },
  },
});
