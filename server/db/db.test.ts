import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError } from './index.js';
import { testDatabase, TEST_DB } from '../test/harness.js';

describe(`data layer on ${TEST_DB}`, () => {
  it('returns numbers for counts and numeric, and plain strings for dates', async () => {
    const o = await testDatabase();
    try {
      const r = await sql<{ c: number; n: number; d: string; t: Date }>`select count(*) as c, 12345.67::numeric as n, date '2020-10-08' as d, now() as t from calendar_overrides`.execute(o.db);
      expect(r.rows[0]).toMatchObject({ c: 0, n: 12345.67, d: '2020-10-08' });
      expect(r.rows[0].t).toBeInstanceOf(Date);
    } finally {
      await o.close();
    }
  });

  it('refuses updates and deletes on the audit log', async () => {
    const o = await testDatabase();
    try {
      await expect(sql`update audit_log set action = 'x'`.execute(o.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(o.db)).rejects.toThrow(/append-only/);
    } finally {
      await o.close();
    }
  });
});

describe('embedded data directory lock', () => {
  it('gives a second opener a clear error while the first holds the directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-lock-'));
    const release = acquireDirLock(dir);
    expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError); // the same process twice
    release();
    expect(fs.existsSync(path.join(dir, 'fazhi.lock'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'fazhi.lock'), String(process.ppid)); // a live process other than us
    expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDirLock(dir)).toThrow(/另一个进程/);
    fs.writeFileSync(path.join(dir, 'fazhi.lock'), '999999'); // dead pid: stale lock is taken over
    const again = acquireDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'fazhi.lock'), 'utf8')).toBe(String(process.pid));
    again();
    expect(fs.readdirSync(dir)).toEqual([]); // no reaper or private files left behind
  });
});

describe('embedded data directory lock under a race', () => {
  it('never lets two of six processes hold the directory at once while stale locks are taken over', async () => {
    const { spawn, spawnSync } = await import('node:child_process');
    // A pid that is certainly dead: a process that has already exited.
    const dead = String(spawnSync(process.execPath, ['-e', '']).pid);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-lockrace-'));
    fs.writeFileSync(path.join(dir, 'fazhi.lock'), dead);
    const goFile = path.join(os.tmpdir(), `fazhi-lockrace-go-${process.pid}-${Date.now()}`);
    const script = path.resolve('server/test/lock-child.ts');
    let ready = 0;
    const outs = Promise.all(
      Array.from({ length: 6 }, () =>
        new Promise<string>((resolve) => {
          const c = spawn(process.execPath, ['--import', 'tsx', script, dir, goFile, dead], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          c.stdout.on('data', (d: Buffer) => {
            if (!out.includes('ready') && (out + d.toString()).includes('ready')) ready++;
            out += d.toString();
          });
          c.on('exit', () => resolve(out.replace('ready\n', '')));
        }),
      ),
    );
    // Children take 1–5 s to start on a loaded 2-core machine; once all are up they churn for 3 s together.
    while (ready < 6) await new Promise((r) => setTimeout(r, 50));
    fs.writeFileSync(`${goFile}.tmp`, String(Date.now() + 3000));
    fs.renameSync(`${goFile}.tmp`, goFile); // appears with its content, never empty
    const holds = (await outs)
      .flatMap((o) => o.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { pid: number; from: number; to: number; error?: string }))
      .sort((a, b) => a.from - b.from);
    const errors = holds.filter((h) => h.error);
    const wins = holds.filter((h) => !h.error);
    expect(new Set(wins.map((h) => h.pid)).size, 'several processes took the stale lock over').toBeGreaterThan(1);
    const overlaps = wins.filter((h, i) => i > 0 && h.from < wins[i - 1].to);
    expect({ overlaps: overlaps.length, errors: errors.slice(0, 3) }, `${wins.length} takeovers`).toEqual({ overlaps: 0, errors: [] });
    fs.rmSync(goFile, { force: true });
  }, 240_000);
});
