/**
 * Plan module at scale: 150 districts × 40 tasks × 12 ledger entries (monthly tasks, 72,000 entries).
 * Measures: recomputing every task's ledger facts, the scoped ledger list (city office over all
 * districts, a district office, a liaison), the office's to-dos, assessment scoring of every district,
 * and the import of a large plan spreadsheet. Run: `npx tsx bench/plan.ts` (PGlite) or with
 * `DATABASE_URL=postgres://…` (PostgreSQL); `npm run bench` runs it after the core benches.
 */
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Database } from '../server/db/index.js';
import { loadConfig } from '../server/config.js';
import { hashPassword } from '../server/core/auth/password.js';
import { buildActor, type Actor } from '../server/core/scope/index.js';
import { loadCalendar } from '../server/core/calendar/index.js';
import { runImport } from '../server/core/excel/routes.js';
import { listTasks, planTodos, refreshTask, createPlan } from '../server/modules/plan/service.js';
import { computeRound, createScheme, verifyRound } from '../server/modules/plan/assess.js';
import { planImport } from '../server/modules/plan/excel.js';
import '../server/modules/plan/schema.js';

const DISTRICTS = Number(process.env.BENCH_DISTRICTS ?? 150);
const TASKS = 40;
const ENTRIES = 12;
const UNITS = 10;

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
async function median(n: number, f: () => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  return `${xs[Math.floor(n / 2)].toFixed(1)} ms (median of ${n})`;
}
async function chunks<T>(rows: T[], size: number, f: (c: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await f(rows.slice(i, i + size));
}

async function user(db: Kysely<Database>, username: string, role: string, grant: { regionId?: string; unitId?: string }): Promise<Actor> {
  const hash = await hashPassword('Bench@2020x', 1024);
  const u = await db.insertInto('users').values({ username, display_name: username, unit_id: grant.unitId ?? null, password_hash: hash }).returningAll().executeTakeFirstOrThrow();
  await db.insertInto('role_assignments').values({ user_id: u.id, role, region_id: grant.regionId ?? null, unit_id: grant.unitId ?? null }).execute();
  return buildActor(db, u, 'bench');
}

/** Generates the scale data directly (a generator, not the demo) and measures the plan module on it. */
export async function planBench(label: string, databaseUrl?: string) {
  const o = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: 'memory://' });
  const db = o.db;
  console.log(`\n[plan bench, ${label}] ${DISTRICTS} districts × ${TASKS} tasks × ${ENTRIES} entries`);
  let t = performance.now();
  const prov = await db.insertInto('regions').values({ code: '990000', name: '基准省', level: 'province', parent_id: null, path: '990000' }).returningAll().executeTakeFirstOrThrow();
  const city = await db.insertInto('regions').values({ code: '990100', name: '基准市', level: 'city', parent_id: prov.id, path: `${prov.path}/990100` }).returningAll().executeTakeFirstOrThrow();
  const districts = await db.insertInto('regions')
    .values(Array.from({ length: DISTRICTS }, (_, i) => ({ code: `99${String(1000 + i).padStart(4, '0')}`, name: `基准区${i + 1}`, level: 'district' as const, parent_id: city.id, path: `${city.path}/99${String(1000 + i).padStart(4, '0')}` })))
    .returningAll().execute();
  const units = await db.insertInto('units')
    .values(districts.flatMap((d) => Array.from({ length: UNITS }, (_, j) => ({ name: `区第${j + 1}局`, type: 'department', region_id: d.id, sort: j }))))
    .returning(['id', 'region_id']).execute();
  const unitsOf = new Map<string, string[]>();
  for (const u of units) unitsOf.set(u.region_id, [...(unitsOf.get(u.region_id) ?? []), u.id]);
  const cityOffice = await user(db, 'bench_city', 'office', { regionId: city.id });
  const d0Office = await user(db, 'bench_d0', 'office', { regionId: districts[0].id });
  const liaison = await user(db, 'bench_liaison', 'liaison', { unitId: unitsOf.get(districts[0].id)![0] });

  const plans = await db.insertInto('plan_plans')
    .values(districts.map((d) => ({ region_id: d.id, year: 2020, kind: 'gov_work' as const, kind_label: null, title: `${d.name}2020年度法治政府建设工作安排`, doc_no: null, status: 'published' as const, published_at: new Date(), published_by: cityOffice.userId, created_by: cityOffice.userId })))
    .returningAll().execute();
  const kws = await db.insertInto('plan_key_works')
    .values(plans.flatMap((p) => Array.from({ length: 10 }, (_, k) => ({ plan_id: p.id, region_id: p.region_id, seq: k + 1, title: `重点工作${k + 1}`, area: null }))))
    .returning(['id', 'plan_id', 'region_id', 'seq']).execute();
  const taskRows = kws.flatMap((kw) => Array.from({ length: TASKS / 10 }, (_, s) => ({
    plan_id: kw.plan_id, key_work_id: kw.id, region_id: kw.region_id, unit_id: unitsOf.get(kw.region_id)![(kw.seq + s) % UNITS], seq: s + 1, ord: kw.seq * 1000 + s + 1,
    title: `重点任务${kw.seq}.${s + 1}`, content: null, expected_outcome: null, leader: null, recurrence: 'monthly' as const, due_date: '2020-12-31', current_due: null, done_date: null, latest_review: null,
  })));
  const tasks: { id: string; region_id: string; unit_id: string }[] = [];
  await chunks(taskRows, 1000, async (c) => tasks.push(...(await db.insertInto('plan_tasks').values(c).returning(['id', 'region_id', 'unit_id']).execute())));
  const entryRows = tasks.flatMap((tk, i) => Array.from({ length: ENTRIES }, (_, m) => {
    const late = (i + m) % 7 === 0;
    const day = late ? 10 : 25;
    const month = late ? m + 2 : m + 1;
    const date = month > 12 ? '2020-12-31' : `2020-${String(month).padStart(2, '0')}-${day}`;
    return { task_id: tk.id, region_id: tk.region_id, unit_id: tk.unit_id, entry_date: date, text: `第${m + 1}月进展`, claimed_status: (m === ENTRIES - 1 && i % 5 !== 0 ? 'done' : 'in_progress') as 'done' | 'in_progress', review: 'accepted' as const, review_comment: null, reviewed_by: cityOffice.userId, reviewed_at: new Date(), created_by: cityOffice.userId };
  }));
  await chunks(entryRows, 2000, (c) => db.insertInto('plan_entries').values(c).execute());
  console.log(`generate: ${districts.length} districts, ${tasks.length} tasks, ${entryRows.length} entries in ${ms(t)}`);

  t = performance.now();
  const cal = await loadCalendar(db);
  await chunks(tasks, 500, (c) => db.transaction().execute(async (trx) => { for (const tk of c) await refreshTask(trx, tk.id, cal); }));
  console.log(`recompute ledger facts and deadlines of ${tasks.length} tasks: ${ms(t)} (${((performance.now() - t) / tasks.length).toFixed(2)} ms/task)`);
  const statuses = await db.selectFrom('plan_tasks').select(['done_date']).execute();
  console.log(`  ${statuses.filter((s) => s.done_date).length} done, ${statuses.filter((s) => !s.done_date).length} open`);

  const q = { page: 1, pageSize: 20, order: 'asc' as const };
  console.log(`ledger list, city office over ${tasks.length} tasks, page 1: ${await median(21, () => listTasks(db, cityOffice, q))}`);
  console.log(`ledger list, city office, status=overdue: ${await median(21, () => listTasks(db, cityOffice, { ...q, status: 'overdue' }))}`);
  console.log(`ledger list, city office, q=重点任务3, sort by unit: ${await median(21, () => listTasks(db, cityOffice, { ...q, q: '重点任务3', sort: 'unit' }))}`);
  console.log(`ledger list, district office (40 tasks): ${await median(21, () => listTasks(db, d0Office, q))}`);
  console.log(`ledger list, liaison (own unit): ${await median(21, () => listTasks(db, liaison, q))}`);
  console.log(`to-dos of the city office (plan hook): ${await median(21, () => planTodos(db, cityOffice))}`);

  t = performance.now();
  const rounds: string[] = [];
  for (const d of districts) {
    const s = await createScheme(db, cityOffice, {
      regionId: d.id, year: 2020, title: '考核细则',
      indicators: [{ title: '组织领导', children: [{ title: '台账', items: [
        { title: '按时报送台账', method: 'auto', measure: 'plan.onTimeEntryRate', points: 20 },
        { title: '重点任务按期完成', method: 'auto', measure: 'plan.completionRate', points: 30 },
        { title: '第一责任人职责', method: 'manual', points: 50 },
        { title: '否决项', method: 'veto' },
      ] }] }],
      rounds: [{ kind: 'year_end', title: '年终考评', periodFrom: '2020-01-01', periodTo: '2020-12-31', weight: 100 }],
    });
    rounds.push((await db.selectFrom('plan_assess_rounds').select('id').where('scheme_id', '=', s.id).executeTakeFirstOrThrow()).id);
  }
  console.log(`create ${districts.length} assessment schemes: ${ms(t)}`);
  t = performance.now();
  for (const r of rounds) await computeRound(db, cityOffice, r);
  const all = performance.now() - t;
  console.log(`assessment scoring (auto items from the ledger) of all ${districts.length} districts: ${all.toFixed(0)} ms (${(all / districts.length).toFixed(1)} ms per district of ${UNITS} units × 480 obligations)`);
  t = performance.now();
  const v = await verifyRound(db, cityOffice, rounds[0]);
  console.log(`reproducibility check of one district: ${ms(t)}, consistent=${v.consistent}`);

  // Plan import of a large ledger spreadsheet into a draft plan (core runImport: parse, check, commit, all-or-nothing).
  for (const n of [10_000, 5_000]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('重点任务');
    ws.addRow(['重点工作', '纲要领域', '重点任务', '工作措施', '牵头单位', '配合单位', '责任领导', '完成时限', '预期成果']);
    for (let i = 0; i < n; i++) ws.addRow([`重点工作${(i % 50) + 1}`, '', `导入任务${i + 1}`, '措施', '区第1局', '区第2局、区第3局', '副区长', i % 3 ? '2020-06-30' : '每季度', '成果']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const draft = await createPlan(db, d0Office, { year: 2020, kind: 'custom', kindLabel: '导入测试', title: `导入${n}行` });
    try {
      t = performance.now();
      const dry = await runImport(db, d0Office, planImport(draft.id), buf, true);
      const dryMs = ms(t);
      t = performance.now();
      const res = await runImport(db, d0Office, planImport(draft.id), buf, false);
      console.log(`plan import of ${n} rows: dry run ${dryMs} (${dry.errors.length} errors), commit ${ms(t)} (${res.committed} tasks)`);
    } catch (e) {
      console.log(`plan import of ${n} rows refused: ${(e as Error).message}`);
    } finally {
      // The draft and its tasks go again, so nothing measured after this sees them.
      await db.deleteFrom('plan_plans').where('id', '=', draft.id).execute();
    }
  }
  const size = await sql<{ n: string }>`select count(*) as n from audit_log`.execute(db);
  console.log(`audit events written: ${size.rows[0].n}`);
  await o.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadConfig({ NODE_ENV: 'production', DATA_DIR: 'memory://' });
  await planBench(process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite', process.env.DATABASE_URL);
}
