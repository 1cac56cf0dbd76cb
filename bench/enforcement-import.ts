/**
 * A 10,000-case ledger import for one district of a province (issue #11): dry run and commit of the
 * enforcement case ledger (server/modules/enforcement/excel.ts), timed; then a file with bad cells,
 * which must write nothing and name every one. Each case is filed under the form's rules: two officers
 * of the unit whose enforcement certificates are valid on the filing day (行政处罚法 第四十二条).
 *
 * The province generator creates officers but no certificates, so the bench issues two (through the
 * service, audited) and removes everything it wrote afterwards (the audit entries stay: the chain is
 * append-only).
 *
 * Part of `bench/province.ts` (section 4b). Run alone on a small generated province:
 * `npx tsx bench/enforcement-import.ts` (TEST_PG_URL, BENCH_ROWS default 10000).
 */
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { openDatabase, type Database } from '../server/db/index.js';
import { buildActor } from '../server/core/scope/index.js';
import { runImport } from '../server/core/excel/routes.js';
import { caseImport } from '../server/modules/enforcement/excel.js';
import { issueCertificate } from '../server/modules/enforcement/service.js';
import { generateProvince, type GenRegion } from '../demo/province/generate.js';

const YEAR = 2020;
const CASE_PREFIX = 'BENCH导入';

export interface EnforcementImportResult {
  rows: number; dryMs: number; commitMs: number; dryErrors: number; committed: number; inDatabase: number;
  refusedCommitted: number; named: string[]; expectedBad: number;
  /** Imported case numbers that do not read back as written (e.g. a character garbled by the xlsx reader). */
  garbled: string[];
}

export async function enforcementImportBench(db: Kysely<Database>, district: Pick<GenRegion, 'id' | 'code'>, rows = 10_000): Promise<EnforcementImportResult> {
  const office = await db.selectFrom('users').selectAll().where('username', '=', `o${district.code}`).executeTakeFirstOrThrow();
  const actor = await buildActor(db, office, 'bench');
  // An enforcement unit of the district with two officers whose names are unique in it.
  const officers = await db.selectFrom('enforcement_officers as o').innerJoin('units as u', 'u.id', 'o.unit_id')
    .select(['o.id', 'o.name', 'o.unit_id', 'u.name as unit_name', 'u.sort'])
    .where('o.region_id', '=', district.id).where('o.active', '=', true).orderBy('u.sort').orderBy('o.name').orderBy('o.id').execute();
  const count = new Map<string, number>();
  for (const o of officers) count.set(`${o.unit_id}|${o.name}`, (count.get(`${o.unit_id}|${o.name}`) ?? 0) + 1);
  const unique = officers.filter((o) => count.get(`${o.unit_id}|${o.name}`) === 1);
  const unitId = unique.find((o) => unique.filter((x) => x.unit_id === o.unit_id).length >= 2)?.unit_id;
  if (!unitId) throw new Error(`no unit of ${district.code} has two officers with unique names`);
  const [a, b] = unique.filter((o) => o.unit_id === unitId);
  const unitName = a.unit_name;

  const certIds: string[] = [];
  const stamp = Date.now().toString(36).toUpperCase();
  try {
    for (const [i, o] of [a, b].entries()) {
      const c = await issueCertificate(db, actor, o.id, { certNo: `BENCH${stamp}${i}`, kind: 'enforcement', field: '综合行政执法', issuedOn: `${YEAR}-01-01`, expiresOn: `${YEAR + 5}-12-31` });
      certIds.push(c.id);
    }
    const bad = { unit: Math.floor(rows * 0.3), officer: Math.floor(rows * 0.6), beforeCert: Math.floor(rows * 0.9), duplicate: rows - 1 };
    const book = async (withBad: boolean) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('执法案件立案');
      ws.addRow(['办案单位', '执法类别', '案号', '案件名称', '当事人', '当事人类型', '案由', '立案日期', '执法人员（两人以上，顿号分隔）']);
      for (let i = 0; i < rows; i++) {
        const day = `${YEAR}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        ws.addRow([
          withBad && i === bad.unit ? '不存在的执法局' : unitName,
          i % 5 ? '行政处罚' : '行政检查',
          `${CASE_PREFIX}〔${YEAR}〕${withBad && i === bad.duplicate ? 1 : i + 1}号`,
          `违法占道经营案（${i + 1}）`,
          i % 2 ? `某某商贸有限公司${i}` : `王某${i}`,
          i % 2 ? '法人或其他组织' : '自然人',
          '未经批准擅自占用城市道路从事经营活动',
          withBad && i === bad.beforeCert ? `${YEAR - 1}-06-01` : day,
          withBad && i === bad.officer ? `${a.name}、查无此人` : `${a.name}、${b.name}`,
        ]);
      }
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const badFile = await book(true);
    const refused = await runImport(db, actor, caseImport, badFile, false);
    const named = refused.errors.map((e) => `row ${e.row} ${e.column}`);
    const buf = await book(false);
    const t = performance.now();
    const dry = await runImport(db, actor, caseImport, buf, true);
    const dryMs = performance.now() - t;
    const t2 = performance.now();
    const res = await runImport(db, actor, caseImport, buf, false);
    const commitMs = performance.now() - t2;
    const filed = await db.selectFrom('enforcement_cases as c').innerJoin('enforcement_case_officers as co', 'co.case_id', 'c.id')
      .select(['c.id', 'c.case_no', 'c.region_id']).distinct().where('co.certificate_id', 'in', certIds).execute();
    const inDatabase = filed.length;
    // Every case number must read back exactly as written in the file.
    const written = new Set(Array.from({ length: rows }, (_, i) => `${CASE_PREFIX}〔${YEAR}〕${i + 1}号`));
    const garbled = filed.filter((c) => c.region_id !== district.id || !written.has(c.case_no)).map((c) => c.case_no);
    // unknown unit 1, unknown officer 1, both officers without a valid certificate before it was issued 2, duplicate case no. 1
    return { rows, dryMs, commitMs, dryErrors: dry.errors.length, committed: res.committed, inDatabase, refusedCommitted: refused.committed, named, expectedBad: 5, garbled };
  } catch (e) {
    console.log(`enforcement import bench failed: ${(e as Error).stack}`);
    throw e;
  } finally {
    // The bench's cases are exactly those handled under its two certificates.
    const ids = certIds.length ? [...new Set((await db.selectFrom('enforcement_case_officers').select('case_id').where('certificate_id', 'in', certIds).execute()).map((r) => r.case_id))] : [];
    for (let i = 0; i < ids.length; i += 5000) {
      const part = ids.slice(i, i + 5000);
      await db.deleteFrom('deadlines').where('entity', '=', 'enforcement_case').where('entity_id', 'in', part).execute();
      await db.deleteFrom('enforcement_cases').where('id', 'in', part).execute(); // case officers cascade
    }
    if (certIds.length) await db.deleteFrom('enforcement_certificates').where('id', 'in', certIds).execute();
  }
}

export const describeEnforcementImport = (r: EnforcementImportResult, fmt: (ms: number) => string) =>
  `${r.rows.toLocaleString('en')}-case ledger import: dry run ${fmt(r.dryMs)} (${r.dryErrors} errors), commit ${fmt(r.commitMs)} ` +
  `(${r.committed} cases filed, ${r.inDatabase} in the database, ${Math.round(r.rows / ((r.dryMs + r.commitMs) / 1000))} rows/s dry run + commit, ` +
  `${Math.round(r.rows / (r.commitMs / 1000))} rows/s commit); a file with ${r.expectedBad} bad cells wrote ${r.refusedCommitted} and named: ${r.named.join(', ')}` +
  (r.garbled.length ? `; ${r.garbled.length} case number(s) read back garbled: ${r.garbled.slice(0, 3).join(', ')}` : '; every case number read back exactly');

export const enforcementImportOk = (r: EnforcementImportResult) =>
  r.dryErrors === 0 && r.committed === r.rows && r.inDatabase === r.rows && r.refusedCommitted === 0 && r.named.length === r.expectedBad && r.garbled.length === 0;

if (import.meta.url === `file://${process.argv[1]}`) {
  const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const name = `fazhi_bench_enfimport_${Date.now()}`;
  await admin.query(`create database ${name}`);
  const o = await openDatabase({ databaseUrl: PG_URL.replace(/\/[^/]*$/, `/${name}`) });
  try {
    const t = performance.now();
    const g = await generateProvince(o.db, { seed: 1, cities: 1, districts: 2, volume: 0.01, scryptN: 1024 });
    console.log(`data: ${g.districts.length} districts generated in ${((performance.now() - t) / 1000).toFixed(1)} s (${g.counts.enforcement_cases} cases)`);
    const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
    const r = await enforcementImportBench(o.db, g.districts[0], Number(process.env.BENCH_ROWS ?? 10_000));
    console.log(`${enforcementImportOk(r) ? 'OK  ' : 'MISS'} ${describeEnforcementImport(r, fmt)}`);
    const left = Number((await o.db.selectFrom('enforcement_cases').select((eb) => eb.fn.countAll().as('n')).where('case_no', 'like', `${CASE_PREFIX}%`).executeTakeFirstOrThrow()).n);
    console.log(`after cleanup: ${left} imported cases left`);
  } finally {
    await o.close();
    await new Promise((r) => setTimeout(r, 300));
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
