import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { multipart } from '../test/xlsx.js';
import { buildApp } from '../app.js';
import { MemoryStorage } from './files/index.js';
import type { Database } from '../db/index.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');


let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('bad input is a 400, never a 500', () => {
  it('refuses a NUL byte in a body, a query and a path with 400 naming the field', async () => {
    const office = await t.as('office');
    const body = await office.post('/api/v1/units', { name: '区测试\u0000局', type: 'department', regionId: '00000000-0000-4000-8000-000000000000' });
    expect(body.status).toBe(400);
    expect(body.body.error.code).toBe('INPUT_CONTAINS_NUL');
    expect(body.body.error.details.fields[0].path).toBe('name');
    const query = await office.get('/api/v1/units?q=%00');
    expect(query.status).toBe(400);
    expect(query.body.error.message).toContain('查询参数');
    expect((await office.get('/api/v1/metrics/a%00b?region=410803&year=2020')).status).toBe(400);
  });

  it('answers 401 before looking at the input of an anonymous call', async () => {
    expect((await t.anon().get('/api/v1/units?q=%00')).status).toBe(401);
  });

  it('refuses JSON nested deeper than any form needs', async () => {
    const admin = await t.as('admin');
    const payload = `{"value":${'['.repeat(50_000)}"x"${']'.repeat(50_000)}}`;
    const r = await t.app.inject({
      method: 'PUT', url: '/api/v1/settings/site.name', payload,
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('INPUT_TOO_DEEP');
  });

  it('refuses years 0000 and 9999 with a message naming the range', async () => {
    const admin = await t.as('admin');
    for (const day of ['0000-01-01', '9999-12-31']) {
      const r = await admin.put(`/api/v1/calendar/overrides/${day}`, { kind: 'holiday', reason: '测试调整' });
      expect(r.status).toBe(400);
      expect(r.body.error.details.fields[0].message).toBe('日期超出范围，应在1900年至2100年之间');
    }
    const c = await admin.post('/api/v1/calendar/compute', { from: '9999-12-31', unit: 'WD', n: 5 });
    expect(c.status).toBe(400);
  });

  it('refuses prototype names as sort keys', async () => {
    const office = await t.as('office');
    for (const sort of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const r = await office.get(`/api/v1/plan/plans?sort=${sort}`);
      expect(r.status, sort).toBe(400);
      expect(r.body.error.code).toBe('BAD_SORT');
    }
  });
});

describe('attachments', () => {
  it('refuses an upload whose name holds a NUL byte before storing any byte, and answers 404 when stored bytes are lost', async () => {
    const storage = new MemoryStorage();
    const app = await buildApp({ db: t.db, cfg: t.cfg, storage, webDir: null });
    try {
      const office = await t.as('office');
      const unit = await t.db.selectFrom('units').select('id').where('name', '=', '区城市管理局').executeTakeFirstOrThrow();
      const up = (name: string) => {
        const mp = multipart(PNG, name, 'application/octet-stream');
        return app.inject({ method: 'POST', url: `/api/v1/files/unit/${unit.id}`, payload: mp.payload, headers: { ...mp.headers, cookie: office.cookie, 'x-csrf-token': office.csrf } });
      };
      const bad = await up('照片\u0000.png');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('FILE_NAME_INVALID');
      const ok = await up('照片.png');
      expect(ok.statusCode).toBe(201);
      const get = () => app.inject({ method: 'GET', url: `/api/v1/file/${ok.json().id}`, headers: { cookie: office.cookie } });
      expect((await get()).statusCode).toBe(200);
      await storage.remove(ok.json().sha256);
      const lost = await get();
      expect(lost.statusCode).toBe(404);
      expect(lost.json().error).toMatchObject({ code: 'FILE_CONTENT_MISSING', message: '该文件的内容已缺失，请联系系统管理员从备份中恢复' });
    } finally {
      await app.close();
    }
  });
});

describe('database unreachable', () => {
  it('answers 503 with Retry-After, not 500', async () => {
    // Port 9 (discard) on loopback: nothing listens, so every connection is refused at once.
    const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:9/none', connectionTimeoutMillis: 2000 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const app = await buildApp({ db, cfg: t.cfg, storage: new MemoryStorage(), webDir: null });
    try {
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(503);
      expect(health.headers['retry-after']).toBe('10');
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: 'x' } });
      expect(login.statusCode).toBe(503);
      expect(login.json().error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法连接，请稍后重试' });
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});

describe('response headers', () => {
  it('marks API answers no-store and sends HSTS only over HTTPS', async () => {
    const office = await t.as('office');
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: office.cookie } });
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['strict-transport-security']).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units' })).headers['cache-control']).toBe('no-store'); // errors too
    const https = await buildApp({ db: t.db, cfg: { ...t.cfg, secureCookies: true }, storage: new MemoryStorage(), webDir: null });
    try {
      expect((await https.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await https.close();
    }
  });

  it('serves /api/docs unless API_DOCS=0', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
    const off = await buildApp({ db: t.db, cfg: { ...t.cfg, apiDocs: false }, storage: new MemoryStorage(), webDir: null });
    try {
      expect((await off.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(404);
      expect((await off.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});
