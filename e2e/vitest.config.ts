import { defineConfig } from 'vitest/config';

// Browser journeys: the real server (fresh data directory with the demo) driven by Debian's Chromium.
// Run after `vite build`: `CHROMIUM_PATH=/usr/bin/chromium npx vitest run --config e2e/vitest.config.ts`.
export default defineConfig({
  test: {
    root: '.',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    globalSetup: ['e2e/global-setup.ts'],
    setupFiles: ['e2e/setup.ts'],
    pool: 'forks',
    // One journey file at a time: parallel files on a 2-core machine made waits flaky.
    maxWorkers: 1,
    env: { NODE_ENV: 'test' },
  },
});
