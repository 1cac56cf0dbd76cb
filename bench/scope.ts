/**
 * Scope at province scale: one table, read as a provincial office (150 districts under it) and as one
 * district office, through the API and as the bare SQL of each — side by side in one run.
 * Prints API / bare SQL (the HTTP and record-core overhead) and province / district (what the wider
 * scope costs: with scope as a handful of region-path prefixes it should stay close to 1 for a page).
 *
 * Data: ~18 cities × ~8 districts (150 districts), 12 units each, BENCH_SCOPE_ROWS learning activities
 * per district (default 400 → 60,000 rows), written with generate_series in a few statements.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase, type OpenDatabase } from '../server/db/index.js';
import { seedDemoOrg, DEMO_PASSWORD } from '../demo/org.js';
import { hashPassword } from '../server/core/auth/password.js';

const cfg = loadConfig({ NODE_ENV: 'production', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', FAZHI_DEMO: '0' });
const PER_DISTRICT = Number(process.env.BENCH_SCOPE_ROWS ?? 400);

/** Adds 149 districts (150 with 中站区) under 18 cities of the demo province, with units and activities. */
async function seedProvince(o: OpenDatabase) {
  await seedDemoOrg(o.db, cfg);
  await sql`
    insert into regions (code, name, level, parent_id, path)
    select '41' || (10 + c) || '00', '测试市' || c, 'city', p.id, p.path || '/41' || (10 + c) || '00'
    from regions p, generate_series(1, 17) c where p.code = '410000';
    insert into regions (code, name, level, parent_id, path)
    select substr(c.code, 1, 4) || lpad(d::text, 2, '0'), c.name || '第' || d || '区', 'district', c.id, c.path || '/' || substr(c.code, 1, 4) || lpad(d::text, 2, '0')
    from regions c, generate_series(1, 9) d where c.level = 'city' and c.code <> '410800' limit 149;
    insert into units (region_id, name, type)
    select r.id, '测试单位' || u, 'department' from regions r, generate_series(1, 12) u where r.level = 'district';
  `.execute(o.db);
  await sql`
    insert into learning_activities (region_id, unit_id, kind, activity_date, topic, participant_count)
    select u.region_id, u.id, 'lecture', date '2020-01-01' + ((g * 7 + length(u.id::text)) % 366), '专题学法讲座' || g, 30
    from (select distinct on (region_id) id, region_id from units order by region_id, id) u, generate_series(1, ${PER_DISTRICT}) g
    where u.region_id in (select id from regions where level = 'district');
  `.execute(o.db);
  // A provincial office.
  const hash = await hashPassword(DEMO_PASSWORD, cfg.scryptN);
  const prov = await o.db.selectFrom('regions').select('id').where('code', '=', '410000').executeTakeFirstOrThrow();
  const u = await o.db.insertInto('users').values({ username: 'province', display_name: '省依法治省办', password_hash: hash }).returning('id').executeTakeFirstOrThrow();
  await o.db.insertInto('role_assignments').values({ user_id: u.id, role: 'office', region_id: prov.id }).execute();
  await sql`analyze`.execute(o.db);
}

/** The bare SQL of one page of the list, with its count, for a region path. */
async function bare(o: OpenDatabase, path: string) {
  await sql`
    select a.id, a.kind, a.activity_date, a.topic, un.name
    from learning_activities a join units un on un.id = a.unit_id
    join regions r on r.id = a.region_id
    where r.path = ${path} or r.path like ${`${path}/%`}
    order by a.activity_date desc, a.id limit 20`.execute(o.db);
  await sql`select count(*) from learning_activities a join regions r on r.id = a.region_id where r.path = ${path} or r.path like ${`${path}/%`}`.execute(o.db);
}

async function timed(n: number, f: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await f(); // warm
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  return (performance.now() - t) / n;
}

async function run(label: string, o: OpenDatabase) {
  const t0 = performance.now();
  await seedProvince(o);
  const rows = await o.db.selectFrom('learning_activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  console.log(`\n[${label}] scope bench data: 150 districts, ${rows.n} activities (${((performance.now() - t0) / 1000).toFixed(1)} s to load)`);
  const app = await buildApp({ db: o.db, cfg, webDir: null });
  await app.ready();
  const cookieOf = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
    return `fazhi_sid=${res.cookies.find((c) => c.name === 'fazhi_sid')!.value}`;
  };
  const who = [
    { name: 'province office', username: 'province', path: '410000' },
    { name: 'district office', username: 'office', path: '410000/410800/410803' },
  ];
  const n = Number(process.env.BENCH_SCOPE_N ?? 40);
  const out: Record<string, { api: number; sql: number; total: number }> = {};
  for (const w of who) {
    const cookie = await cookieOf(w.username);
    let total = 0;
    const api = await timed(n, async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/learning/activities?page=1&pageSize=20', headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${w.username}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      total = JSON.parse(res.body).total;
    });
    const bareMs = await timed(n, () => bare(o, w.path));
    out[w.name] = { api, sql: bareMs, total };
    console.log(`[${label}] ${w.name.padEnd(16)} ${String(total).padStart(6)} rows in scope: API ${api.toFixed(1)} ms/page, bare SQL ${bareMs.toFixed(1)} ms, API/SQL ${(api / bareMs).toFixed(2)}`);
  }
  const p = out['province office'];
  const d = out['district office'];
  console.log(`[${label}] province/district: API ${(p.api / d.api).toFixed(2)}, bare SQL ${(p.sql / d.sql).toFixed(2)}`);
  await app.close();
}

/** Runs the scope bench on PGlite and, when reachable, on PostgreSQL. */
export async function scopeBench(pgUrl: string) {
  const embedded = await openDatabase({ dataDir: 'memory://' });
  await run('PGlite', embedded);
  await embedded.close();
  const c = new pg.Client({ connectionString: pgUrl });
  try {
    await c.connect();
    const name = `fazhi_bench_scope_${Date.now()}`;
    await c.query(`create database ${name}`);
    const o = await openDatabase({ databaseUrl: pgUrl.replace(/\/[^/]*$/, `/${name}`) });
    await run('PostgreSQL', o);
    await o.close();
    await new Promise((r) => setTimeout(r, 300));
    await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
  } catch (e) {
    console.log(`PostgreSQL scope bench skipped: ${(e as Error).message}`);
  } finally {
    await c.end().catch(() => undefined);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await scopeBench(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
