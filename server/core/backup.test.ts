import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, TEST_DB, PG_ADMIN_URL } from '../test/harness.js';
import { multipart } from '../test/xlsx.js';
import { openDatabase, type OpenDatabase } from '../db/index.js';
import { migrateToLatest } from '../db/migrator.js';
import { buildApp } from '../app.js';
import { MemoryStorage } from './files/index.js';
import { verifyAudit } from './audit/index.js';
import { contentHashes, restoreBackup, verifyBackup, writeBackup } from './backup.js';
import { demoSeeds } from '../../demo/index.js';
import { seedDemoReport } from '../../demo/report.js';
import { registerAllMetrics } from '../modules/index.js';
import { renderDefault } from '../modules/report/service.js';
import { exportReport } from '../modules/report/export.js';
import type { Config } from '../config.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3 * 1024 * 1024 + 17), Buffer.from('\n%%EOF\n')]); // spans several 1 MiB chunks


async function reportJson(o: { db: OpenDatabase['db'] }) {
  return (await exportReport(await renderDefault(o.db, '410803', 2020), 'json')).data.toString('utf8');
}

async function pgReachable() {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

let src: OpenDatabase & { cfg: Config };
const storage = new MemoryStorage();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-backup-'));
const file = path.join(dir, 'demo.bak');
const fileIds: { id: string; sha256: string }[] = [];
let expectedReport: string;

beforeAll(async () => {
  // The full demo district (every module's 2020 records, document events included) plus attachments.
  src = await testDatabase();
  for (const s of demoSeeds) await s.seed(src.db, src.cfg);
  await seedDemoReport(src.db);
  const app = await buildApp({ db: src.db, cfg: src.cfg, storage, webDir: null });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: 'Demo@2020' } });
  const cookie = `fazhi_sid=${login.cookies.find((c) => c.name === 'fazhi_sid')!.value}`;
  const csrf = login.json().csrfToken as string;
  const unit = await src.db.selectFrom('units').select('id').where('name', '=', '区城市管理局').executeTakeFirstOrThrow();
  for (const [buf, name] of [[PNG, '现场照片.png'], [PDF, '整改报告.pdf']] as const) {
    const mp = multipart(buf, name, 'application/octet-stream');
    const r = await app.inject({ method: 'POST', url: `/api/v1/files/unit/${unit.id}`, payload: mp.payload, headers: { ...mp.headers, cookie, 'x-csrf-token': csrf } });
    expect(r.statusCode).toBe(201);
    fileIds.push(r.json());
  }
  await app.close();
  registerAllMetrics();
  expectedReport = await reportJson(src);
}, 600_000); // the whole demo district, loaded on the embedded database (about 2–5 min on 2 cores)
afterAll(async () => {
  await src?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Restores the backup into `target` and proves it equal to the source: tables, files, report, audit chain. */
async function restoreAndCompare(target: OpenDatabase) {
  const restoredFiles = new MemoryStorage();
  const r = await restoreBackup(target.db, file, { storage: restoredFiles });
  await migrateToLatest(target.db);
  expect(r.files).toBe(2);
  expect(r.perTable.find((t) => t.name === 'normative_doc_events')!.rows).toBeGreaterThan(0); // the identity column that broke restores
  expect(await contentHashes(target.db)).toEqual(await contentHashes(src.db));
  for (const f of fileIds) expect((await restoredFiles.get(f.sha256)).equals(await storage.get(f.sha256))).toBe(true);
  expect(await reportJson(target)).toBe(expectedReport);
  expect((await verifyAudit(target.db)).ok).toBe(true);
  return r;
}

describe(`backup of the demo district with attachments (source: ${TEST_DB})`, () => {
  it('writes one file holding every table and every referenced file, verified after writing', async () => {
    const s = await writeBackup(src.db, storage, file);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const hashes = await contentHashes(src.db);
    expect(Object.fromEntries(s.manifest.tables.map((t) => [t.name, { rows: t.rows, sha256: t.sha256 }]))).toEqual(hashes);
    expect(s.manifest.files.map((f) => f.sha256).sort()).toEqual(fileIds.map((f) => f.sha256).sort());
    expect(s.fileBytes).toBe(PNG.length + PDF.length);
    expect(s.manifest.missingFiles).toEqual([]);
  });

  it('restores into an empty embedded database: same tables, files, report JSON and audit chain', async () => {
    const target = await openDatabase({ dataDir: 'memory://', migrate: false });
    try {
      await restoreAndCompare(target);
    } finally {
      await target.close();
    }
  }, 240_000);

  it('restores into a fresh PostgreSQL database the same way', async (ctx) => {
    if (!(await pgReachable())) ctx.skip();
    const name = `fazhi_restore_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const target = await openDatabase({ databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`), migrate: false });
    try {
      await restoreAndCompare(target);
    } finally {
      await target.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 240_000);

  it('refuses a target that has data, changing nothing, and replaces it when forced', async () => {
    const target = await testDatabase(); // the test world: has users, units, audit entries
    try {
      const before = await contentHashes(target.db);
      await expect(restoreBackup(target.db, file)).rejects.toThrow(/不是空库.*--force/s);
      expect(await contentHashes(target.db)).toEqual(before);
      const r = await restoreBackup(target.db, file, { force: true });
      expect(r.replaced).toBe(true);
      expect(await contentHashes(target.db)).toEqual(await contentHashes(src.db));
    } finally {
      await target.close();
    }
  }, 240_000);

  it('detects a damaged or truncated backup before touching the database', async () => {
    const data = fs.readFileSync(file);
    await expect(verifyBackup(data.subarray(0, Math.floor(data.length * 0.6)))).rejects.toThrow(/损坏或不完整/);
    const flipped = Buffer.from(data);
    flipped[Math.floor(flipped.length / 2)] ^= 0xff;
    await expect(verifyBackup(flipped)).rejects.toThrow();
  });
});
