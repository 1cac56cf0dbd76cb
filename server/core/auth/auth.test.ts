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
