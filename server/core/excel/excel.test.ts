import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DB, type TestApp } from '../../test/harness.js';
import { multipart, workbook } from '../../test/xlsx.js';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { defineSheet, parseXlsx } from './index.js';
import { unitsSheet } from '../../modules/org/excel.js';
import { openDatabase } from '../../db/index.js';

/** A units sheet (单位) with these rows. */
const unitsBook = (rows: (string | number | Date | null)[][], headers = ['单位名称', '简称', '单位类型', '行政区划代码', '设立日期']) => workbook('单位', headers, rows);


let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('Excel import (all or nothing)', () => {
  it('lists every bad row and cell, not just the first', async () => {
    const buf = await unitsBook([
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
    const buf = await unitsBook([
      ['区新甲局', '', '政府部门', '410803', '2020-01-01'],
      ['区城市管理局', '', '政府部门', '410803', ''], // exists already
      ['解放区新局', '', '政府部门', '410802', ''], // another district: out of scope
    ]);
    const before = await t.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const mp = multipart(buf, 'units.xlsx');
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
    const mp = multipart(await unitsBook([['区新甲局', '新甲', '政府部门', '410803', '2020-01-01'], ['区新乙局', '', '政府部门', '410803002', '']]), 'units.xlsx');
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
    fs.writeFileSync(file, await unitsBook(rows));
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
  }, 240_000);
});

describe('Excel import reads cells as an official would expect', () => {
  const sheet = defineSheet<{ title: string; count?: number }>({
    name: '事项',
    columns: [
      { key: 'title', header: '事项', headerEn: 'Matter' },
      { key: 'count', header: '件数', headerEn: 'Count', type: 'integer' },
    ],
    row: z.object({ title: z.string({ message: '事项必填' }).min(2).max(200), count: z.number().int().optional() }) as never,
  });
  async function book(rows: unknown[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('事项');
    ws.addRow(['事项', '件数']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reports a too-long text as too long, a formula without a saved result as such, and speaks the request language', async () => {
    const buf = await book([
      ['甲'.repeat(300), 1],
      [{ formula: 'A1&"x"' }, 2], // written by a program: no cached value
      [{ formula: '"合计"&"事项"', result: '合计事项' }, { formula: '2+3', result: 5 }], // saved by Excel: the value is used
      [null, 'abc'],
    ]);
    const zh = await parseXlsx(sheet, buf, 100, { lang: 'zh' });
    const byRow = (p: typeof zh, row: number) => p.errors.filter((e) => e.row === row).map((e) => e.message);
    expect(byRow(zh, 2)).toEqual(['事项过长：最多200个字，现有300个字']);
    expect(byRow(zh, 3)[0]).toMatch(/没有计算结果的公式/);
    expect(byRow(zh, 3)).toHaveLength(1);
    expect(zh.rows.map((r) => r.value)).toEqual([{ title: '合计事项', count: 5 }]);
    expect(byRow(zh, 5)).toHaveLength(2);
    expect(byRow(zh, 5)[0]).toBe('事项必填');
    expect(byRow(zh, 5)[1]).toMatch(/[\u4e00-\u9fff]/); // zod's own message for the number, in Chinese
    expect(zh.rows.some((r) => String(r.value.title).includes('[object Object]'))).toBe(false);
    const en = await parseXlsx(sheet, buf, 100, { lang: 'en' });
    expect(byRow(en, 2)).toEqual(['Matter is too long: at most 200 characters, 300 given']);
    expect(byRow(en, 3)[0]).toMatch(/formula with no saved result/);
    expect(byRow(en, 5)[0]).toBe('Matter is required');
    expect(byRow(en, 5)[1]).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a file over the row limit while reading it', async () => {
    const buf = await book(Array.from({ length: 120 }, (_, i) => [`事项${i}`, i]));
    await expect(parseXlsx(sheet, buf, 100)).rejects.toMatchObject({ code: 'EXCEL_TOO_MANY_ROWS' });
    await expect(parseXlsx(sheet, Buffer.from('not a workbook'), 100)).rejects.toMatchObject({ code: 'EXCEL_UNREADABLE' });
  });
});

describe('a 200,000-row spreadsheet', () => {
  it('is refused quickly, without the memory of the whole workbook, while /healthz keeps answering', async () => {
    // 200,000 rows ≈ 5.5 MB of xlsx: the size that froze every user for 8.7 s and took RSS to 1.4 GB.
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (d: Buffer) => parts.push(d));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const ws = wb.addWorksheet('单位');
    ws.addRow(['单位名称', '简称', '单位类型', '行政区划代码', '设立日期']).commit();
    for (let i = 0; i < 200_000; i++) ws.addRow([`区批量第${i}局`, '', '政府部门', '410803', '2020-01-01']).commit();
    ws.commit();
    await wb.commit();
    const buf = Buffer.concat(parts);
    expect(buf.length).toBeGreaterThan(3_000_000);
    const office = await t.as('office');
    const mp = multipart(buf, 'units.xlsx');
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    let worst = 0;
    let probes = 0;
    let running = true;
    const prober = (async () => {
      while (running) {
        const t0 = performance.now();
        await t.app.inject({ method: 'GET', url: '/healthz' });
        worst = Math.max(worst, performance.now() - t0);
        peak = Math.max(peak, process.memoryUsage().rss);
        probes++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/units/import?dryRun=1', payload: mp.payload, headers: { ...mp.headers, cookie: office.cookie, 'x-csrf-token': office.csrf } });
    const took = performance.now() - t0;
    running = false;
    await prober;
    console.log(`200k-row import: ${r.statusCode} in ${Math.round(took)} ms; RSS +${Math.round((peak - rss0) / 1048576)} MB; /healthz worst ${Math.round(worst)} ms over ${probes} probes`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('EXCEL_TOO_MANY_ROWS');
    // Bounds with room for a loaded 2-core CI machine; before the fix: 10.7 s, +877 MB, /healthz stalled 8.7 s.
    expect(peak - rss0).toBeLessThan(300 * 1048576);
    expect(worst).toBeLessThan(1000);
    expect(probes).toBeGreaterThan(3);
  }, 240_000);
});
