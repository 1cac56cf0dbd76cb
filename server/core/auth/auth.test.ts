import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('sign-in', () => {
  it('signs in with the right password, sets an HttpOnly SameSite session cookie, and answers me', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: 'Demo@2020' } });
    expect(res.statusCode).toBe(200);
    const sid = res.cookies.find((c) => c.name === 'fazhi_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Strict');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `fazhi_sid=${sid.value}` } });
    expect(me.json()).toMatchObject({ username: 'office', regionName: '中站区', unitName: '区司法局' });
  });

  it('answers 400 naming the missing fields, 401 for a wrong password and for unknown users alike', async () => {
    const a = t.anon();
    const bad = await a.post('/api/v1/auth/login', { username: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['username', 'password']);
    const wrong = await a.post('/api/v1/auth/login', { username: 'leader', password: 'nope' });
    const unknown = await a.post('/api/v1/auth/login', { username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('locks an account after 5 consecutive failures, even for the right password', async () => {
    const a = t.anon();
    for (let i = 0; i < 5; i++) expect((await a.post('/api/v1/auth/login', { username: 'street', password: 'wrong' })).status).toBe(401);
    const locked = await a.post('/api/v1/auth/login', { username: 'street', password: 'Demo@2020' });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.error.message).toContain('锁定');
  });

  it('throttles an IP after 20 failures in 15 minutes', async () => {
    const inject = (username: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: '10.9.9.9' });
    for (let i = 0; i < 20; i++) await inject(`ghost${i}`, 'x');
    const r = await inject('leader', 'Demo@2020');
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe('LOGIN_THROTTLED');
  });

  it('checks at most 5 of 25 concurrent wrong passwords and then refuses the right one too', async () => {
    // From 25 addresses, so the per-address throttle does not mask the account's lock.
    const attempt = (password: string, i: number) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'advisor', password }, remoteAddress: `10.7.7.${i}` });
    const burst = await Promise.all(Array.from({ length: 25 }, (_, i) => attempt(`wrong-${i}`, i)));
    const codes = burst.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c !== 401 && c !== 423)).toEqual([]);
    expect((await attempt('Demo@2020', 99)).statusCode).toBe(423);
    const advisor = await t.db.selectFrom('users').select('id').where('username', '=', 'advisor').executeTakeFirstOrThrow();
    const locks = await t.db.selectFrom('audit_log').select('seq').where('action', '=', 'lock').where('entity_id', '=', advisor.id).execute();
    expect(locks.length).toBe(1); // one lock decided, not one per concurrent failure
  });

  it('checks at most 20 of 40 concurrent guesses from one address', async () => {
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `nobody${i}`, password: 'x' }, remoteAddress: '10.8.8.8' }),
      ),
    );
    expect(burst.filter((r) => r.statusCode === 401).length).toBe(20);
    expect(burst.filter((r) => r.statusCode === 429).length).toBe(20);
  });

  it('throttles by the forwarded client address only when TRUST_PROXY says so', async () => {
    const { buildApp } = await import('../../app.js');
    const { MemoryStorage } = await import('../files/index.js');
    const behindProxy = await buildApp({ db: t.db, cfg: { ...t.cfg, trustProxy: '10.0.0.1' }, storage: new MemoryStorage(), webDir: null });
    try {
      const via = (app: typeof t.app, client: string, username: string, password: string) =>
        app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': client } });
      // A client cannot choose its address by sending its own X-Forwarded-For: the proxy appends the real one.
      for (let i = 0; i < 20; i++) await via(behindProxy, `198.51.100.${i}, 203.0.113.5`, `ghost${i}`, 'x');
      expect((await via(behindProxy, '203.0.113.5', 'leader', 'Demo@2020')).statusCode).toBe(429);
      expect((await via(behindProxy, '203.0.113.6', 'leader', 'Demo@2020')).statusCode).toBe(200); // a colleague behind the same proxy
      // Without TRUST_PROXY the header is ignored: the proxy's own address is the client.
      for (let i = 0; i < 20; i++) await via(t.app, `203.0.113.${100 + i}`, `ghost${i}`, 'x');
      expect((await via(t.app, '203.0.113.200', 'leader', 'Demo@2020')).statusCode).toBe(429);
    } finally {
      await behindProxy.close();
    }
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const c = await t.as('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: c.cookie }, payload: { code: '410899', name: 'X区', level: 'district', parentId: null } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('expires an idle session with SESSION_EXPIRED', async () => {
    const c = await t.as('leader');
    await t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 3 * 3600_000) }).execute();
    const r = await c.get('/api/v1/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('changes the password under the policy and ends the other sessions', async () => {
    const c1 = await t.as('liaison2');
    const c2 = await t.as('liaison2');
    const weak = await c1.post('/api/v1/auth/password', { currentPassword: 'Demo@2020', newPassword: 'abc' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('PASSWORD_POLICY');
    const wrong = await c1.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'Better#2021x' });
    expect(wrong.status).toBe(400);
    expect((await c1.post('/api/v1/auth/password', { currentPassword: 'Demo@2020', newPassword: 'Better#2021x' })).status).toBe(204);
    expect((await c1.get('/api/v1/auth/me')).status).toBe(200);
    expect((await c2.get('/api/v1/auth/me')).status).toBe(401);
    await t.as('liaison2', 'Better#2021x');
  });

  it('logs out and the session stops working', async () => {
    const c = await t.as('head');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('answers errors in English when asked', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toBe('Please sign in');
  });
});
