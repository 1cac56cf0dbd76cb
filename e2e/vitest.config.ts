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
    pool: 'forks',
    maxWorkers: 2,
    env: { NODE_ENV: 'test' },
  },
});
