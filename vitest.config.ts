import { defineConfig } from 'vitest/config';

// API and rules tests. FAZHI_TEST_DB=postgres runs the same tests on the PostgreSQL server.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'demo/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx'],
    globalSetup: ['server/test/global-setup.ts'],
    // Generous: a whole-database restore or a 10,000-row import takes 50 s on a busy 2-core machine, and a
    // timeout is not a speed target (those are in `npm run bench`). A hung test still fails.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { NODE_ENV: 'test' },
  },
});
