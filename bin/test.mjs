#!/usr/bin/env node
// `npm test`: typecheck and lint, then the API/rules tests on the embedded database (PGlite) and on the
// PostgreSQL server, then the browser journeys. Prints one closing line: "tests: N passed, M failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import pg from 'pg';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
mkdirSync('.tmp', { recursive: true });
let passed = 0;
let failed = 0;
let ok = true;
const failures = [];

function run(label, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) ok = false;
  return r.status === 0;
}
function count(file) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  passed += j.numPassedTests ?? 0;
  failed += (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0);
  // Name each failure again at the very end: a CI log is often read from its tail only.
  for (const f of j.testResults ?? []) {
    const name = f.name?.replace(process.cwd() + '/', '') ?? '?';
    if (f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'))
      failures.push(`${file}: ${name}: ${(f.message ?? '').split('\n')[0].slice(0, 300)}`);
    for (const a of f.assertionResults ?? [])
      if (a.status === 'failed')
        failures.push(`${file}: ${name} > ${a.fullName}: ${String(a.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)}`);
  }
}
function vitest(label, out, env, extra = []) {
  run(label, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], env);
  count(out);
}

async function pgReachable() {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const only = process.argv[2];
if (!only || only === 'typecheck') {
  if (!run('typecheck', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'])) failed++;
  if (!run('lint', ['node_modules/eslint/bin/eslint.js', '.'])) failed++;
}
if (!only || only === 'pglite') vitest('API and rules tests on PGlite (embedded)', '.tmp/vitest-pglite.json', { FAZHI_TEST_DB: 'pglite' });
if (!only || only === 'postgres') {
  if (await pgReachable()) vitest('API and rules tests on PostgreSQL', '.tmp/vitest-postgres.json', { FAZHI_TEST_DB: 'postgres', TEST_PG_URL: pgUrl }, ['server']);
  else if (ci) {
    console.error(`PostgreSQL is not reachable at ${pgUrl}; the PostgreSQL run is required in CI.`);
    failed++;
    ok = false;
  } else console.warn(`\n!!! PostgreSQL not reachable at ${pgUrl}: PostgreSQL run skipped (required in CI).`);
}
if (!only || only === 'e2e') {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) {
    if (!run('build web', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'])) failed++;
    vitest('browser journeys (Chromium)', '.tmp/vitest-e2e.json', { CHROMIUM_PATH: chromium }, ['--config', 'e2e/vitest.config.ts']);
  } else if (ci) {
    console.error(`Chromium not found at ${chromium}; browser journeys are required in CI.`);
    failed++;
    ok = false;
  } else console.warn(`\n!!! ${chromium} not found: browser journeys skipped (apt-get install chromium).`);
}
if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
