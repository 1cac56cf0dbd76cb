import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DB, type TestApp } from '../../test/harness.js';
import { parseXlsx } from './index.js';
import { unitsSheet } from '../../modules/org/excel.js';
import { openDatabase } from '../../db/index.js';

async function workbook(rows: (string | number | Date | null)[][], headers = ['单位名称', '简称', '单位类型', '行政区划代码', '设立日期']) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(buf: Buffer, name = 'units.xlsx') {
  const boundary = '----fazhi' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, buf, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('Excel import (all or nothing)', () => {
  it('lists every bad row and cell, not just the first', async () => {
    const buf = await workbook([
      ['区新甲局', '', '政府部门', '410803', '2020-01-01'],
      ['乙', '', '不存在的类型', '4108', '2020/13/01'],
      ['区新丙局', '', '政府部门', '410899', ''],
    ]);
    const parsed = await parseXlsx(unitsSheet, buf);
    expect(parsed.rows.length).toBe(2);
    expect(parsed.errors.filter((e) => e.row === 3).map((e) => e.column).sort()).toEqual(['单位名称', '单位类型', '行政区划代码', '设立日期'].sort());
  });

  it('dry run shows the bad rows and a commit with a bad row writes nothing', async () => {
    const office = await t.as('office');
    const buf = await workbook([
      ['区新甲局', '', '政府部门', '410803', '2020-01-01'],
      ['区城市管理局', '', '政府部门', '410803', ''], // exists already
      ['解放区新局', '', '政府部门', '410802', ''], // another district: out of scope
    ]);
    const before = await t.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const mp = multipart(buf);
    const dry = await t.app.inject({ method: 'POST', url: '/api/v1/units/import?dryRun=1', payload: mp.payload, headers: { ...mp.headers, cookie: office.cookie, 'x-csrf-token': office.csrf } });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    const commit = await t.app.inject({ method: 'POST', url: '/api/v1/units/import?dryRun=0', payload: mp.payload, headers: { ...mp.headers, cookie: office.cookie, 'x-csrf-token': office.csrf } });
    expect(commit.json().committed).toBe(0);
    const after = await t.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('commits a clean file with an audit entry per row', async () => {
    const office = await t.as('office');
    const mp = multipart(await workbook([['区新甲局', '新甲', '政府部门', '410803', '2020-01-01'], ['区新乙局', '', '政府部门', '410803002', '']]));
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/units/import?dryRun=0', payload: mp.payload, headers: { ...mp.headers, cookie: office.cookie, 'x-csrf-token': office.csrf } });
    expect(r.json()).toMatchObject({ committed: 2, errors: [] });
    const audits = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'import').execute();
    expect(audits.length).toBe(2);
  });

  it('exports the units of the caller’s scope as xlsx that imports back', async () => {
    const liaison = await t.as('liaison');
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/units/export', headers: { cookie: liaison.cookie } });
    expect(r.statusCode).toBe(200);
    const parsed = await parseXlsx(unitsSheet, r.rawPayload);
    expect(parsed.rows.map((x) => x.value.name)).toEqual(['区城市管理局']);
  });
});

describe.runIf(TEST_DB === 'pglite')('killing the process during an import', () => {
  it('commits nothing of it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-kill-'));
    const seed = await openDatabase({ dataDir: dir });
    const { seedTestWorld } = await import('../../test/fixtures.js');
    const { loadConfig } = await import('../../config.js');
    await seedTestWorld(seed.db, loadConfig({ NODE_ENV: 'test' }));
    const before = (await seed.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    await seed.close();
    const rows = Array.from({ length: 40 }, (_, i) => [`区批量${i}局`, '', '政府部门', '410803', '']);
    const file = path.join(dir, 'import.xlsx');
    fs.writeFileSync(file, await workbook(rows));
    const script = path.resolve('server/test/import-child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, file], {
      env: { ...process.env, NODE_ENV: 'test', FAZHI_TEST_IMPORT_DELAY_MS: '100' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('importing') && resolve()));
    await new Promise((r) => setTimeout(r, 1500)); // some rows inserted inside the open transaction
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const after = await openDatabase({ dataDir: dir });
    const n = (await after.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const imported = await after.db.selectFrom('units').select('id').where('name', 'like', '区批量%').execute();
    await after.close();
    expect(imported.length).toBe(0);
    expect(n).toBe(before);
  }, 180_000);
});
