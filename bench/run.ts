/**
 * `npm run bench`: speed and size targets, measured — never asserted in timed tests.
 * 1. Sign-in and a scoped list endpoint under autocannon, next to the same query run directly on the
 *    database (ratio = HTTP stack overhead), on PGlite and (when reachable) PostgreSQL.
 * 2. District report rendering in each format.
 * 3. The production web build's JS/CSS sizes (gzip), when dist/web exists.
 * 4. The speed budgets at province scale (bench/province.ts), each printed with its ratio or number.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase, type OpenDatabase } from '../server/db/index.js';
import { loadDemo } from '../demo/index.js';
import { buildActor } from '../server/core/scope/index.js';
import { listUnits } from '../server/modules/org/service.js';
import { registerAllMetrics } from '../server/modules/index.js';
import { renderDefault } from '../server/modules/report/service.js';
import { exportReport } from '../server/modules/report/export.js';
import { findSoffice } from '../server/modules/report/render/pdf.js';

const cfg = loadConfig({ NODE_ENV: 'production', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', FAZHI_DEMO: '1' });
const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function cannon(url: string, opts: Partial<autocannon.Options>) {
  const r = await autocannon({ url, connections: 10, duration: 5, ...opts });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function direct(o: OpenDatabase, n: number) {
  const user = await o.db.selectFrom('users').selectAll().where('username', '=', 'office').executeTakeFirstOrThrow();
  const actor = await buildActor(o.db, user, '127.0.0.1');
  const t = performance.now();
  for (let i = 0; i < n; i++)
    await listUnits(o.db, actor); // the service call the endpoint makes: same SQL
  const ms = (performance.now() - t) / n;
  return { perQueryMs: Math.round(ms * 100) / 100, rps: Math.round(1000 / ms) };
}

async function httpBench(label: string, o: OpenDatabase) {
  await loadDemo(o.db, cfg);
  const app = await buildApp({ db: o.db, cfg, webDir: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'office', password: 'Demo@2020' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  // Sign-in is deliberately slow (scrypt N=2^15): measure it with few connections.
  const signIn = await cannon(`${base}/api/v1/auth/login`, {
    method: 'POST', connections: 2, duration: 5, headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'leader', password: 'Demo@2020' }),
  });
  const list = await cannon(`${base}/api/v1/units`, { headers: { cookie } });
  const db = await direct(o, 300);
  await app.close();
  console.log(`\n[${label}] sign-in: ${signIn.rps} req/s, p50 ${signIn.p50} ms, p99 ${signIn.p99} ms, errors ${signIn.errors}`);
  console.log(`[${label}] GET /api/v1/units (scoped, office): ${list.rps} req/s, p50 ${list.p50} ms, p99 ${list.p99} ms, errors ${list.errors}`);
  console.log(`[${label}] same scoped query directly on the database: ${db.rps} q/s (${db.perQueryMs} ms each); HTTP/DB throughput ratio ${(list.rps / db.rps).toFixed(2)}`);
}

async function reportBench(o: OpenDatabase) {
  registerAllMetrics();
  const formats = ['json', 'md', 'html', 'docx'] as const;
  for (const f of formats) {
    await exportReport(await renderDefault(o.db, '410803', 2020), f); // warm
    const n = 10;
    const t = performance.now();
    for (let i = 0; i < n; i++) await exportReport(await renderDefault(o.db, '410803', 2020), f);
    console.log(`report 410803/2020 → ${f}: ${((performance.now() - t) / n).toFixed(1)} ms (evaluate + render)`);
  }
  if (await findSoffice()) {
    const t = performance.now();
    await exportReport(await renderDefault(o.db, '410803', 2020), 'pdf');
    console.log(`report → pdf (LibreOffice): ${(performance.now() - t).toFixed(0)} ms`);
  }
}

async function main() {
  const embedded = await openDatabase({ dataDir: 'memory://' });
  await httpBench('PGlite', embedded);
  await reportBench(embedded);
  await embedded.close();

  const c = new pg.Client({ connectionString: PG_URL });
  try {
    await c.connect();
    const name = `fazhi_bench_${Date.now()}`;
    await c.query(`create database ${name}`);
    const o = await openDatabase({ databaseUrl: PG_URL.replace(/\/[^/]*$/, `/${name}`) });
    await httpBench('PostgreSQL', o);
    await o.close();
    await new Promise((r) => setTimeout(r, 300));
    await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
  } catch (e) {
    console.log(`PostgreSQL bench skipped: ${(e as Error).message}`);
  } finally {
    await c.end().catch(() => undefined);
  }

  if (fs.existsSync('dist/web/index.html') && fs.existsSync('bench/web-size.ts')) {
    const { webSizes } = (await import(String('./web-size.js'))) as { webSizes: () => Promise<{ initialJsGzip: number; initialCssGzip: number; chunks: { file: string; gzip: number }[] }> };
    const s = await webSizes();
    console.log(`\nweb: initial JS ${(s.initialJsGzip / 1024).toFixed(1)} KB gzip, initial CSS ${(s.initialCssGzip / 1024).toFixed(1)} KB gzip, ${s.chunks.length} chunks`);
  }

  // Scope at province scale: a provincial office over 150 districts vs one district office (BENCH_SCOPE=0 skips).
  if (process.env.BENCH_SCOPE !== '0') {
    const { scopeBench } = await import('./scope.js');
    await scopeBench(PG_URL);
  }

  // Speed budgets at province scale on PostgreSQL, side by side (BENCH_PROVINCE=0 skips; see bench/province.ts).
  if (process.env.BENCH_PROVINCE !== '0') {
    const { provinceBench } = await import('./province.js');
    await provinceBench(PG_URL).catch((e) => console.log(`province bench failed: ${(e as Error).stack}`));
  }

  // Plan module at scale (150 districts × 40 tasks × 12 entries; BENCH_PLAN=0 skips, BENCH_DISTRICTS sizes it).
  if (process.env.BENCH_PLAN !== '0') {
    const { planBench } = await import('./plan.js');
    await planBench('PGlite');
  }
}

await main();
