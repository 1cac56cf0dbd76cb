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
    fs.writeFileSync(path.join(dir, 'fazhi.lock'), String(process.ppid)); // a live process other than us
    expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDirLock(dir)).toThrow(/另一个进程/);
    fs.writeFileSync(path.join(dir, 'fazhi.lock'), '999999'); // dead pid: stale lock is taken over
    const again = acquireDirLock(dir);
    again();
    release();
  });
});
