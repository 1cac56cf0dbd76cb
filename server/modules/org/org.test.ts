import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
});
afterAll(async () => t.close());

describe('organisation endpoints: boundaries', () => {
  const endpoints: [string, string, unknown?][] = [
    ['get', '/api/v1/regions'],
    ['get', '/api/v1/units'],
    ['get', '/api/v1/users'],
    ['post', '/api/v1/units', {}],
    ['post', '/api/v1/users', {}],
    ['post', '/api/v1/regions', {}],
  ];
  it.each(endpoints)('%s %s answers 401 without a session', async (m, url, body) => {
    const a = t.anon();
    const r = m === 'get' ? await a.get(url) : await a.post(url, body);
    expect(r.status).toBe(401);
  });

  it('answers 400 naming each bad field of a unit', async () => {
    const c = await t.as('office');
    const r = await c.post('/api/v1/units', { name: 'x', type: 'nonsense', regionId: 'not-a-uuid' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['name', 'regionId', 'type']);
  });

  it('answers 403 when a liaison tries to create a unit or a user', async () => {
    const c = await t.as('liaison');
    const region = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    expect((await c.post('/api/v1/units', { name: '新单位', type: 'department', regionId: region.id })).status).toBe(403);
    expect((await c.post('/api/v1/users', { username: 'zzz', displayName: 'Z', password: 'Demo@2020x' })).status).toBe(403);
  });
});

describe('scope', () => {
  it('shows a liaison only their own unit, and another unit answers 404', async () => {
    const c = await t.as('liaison');
    const list = await c.get('/api/v1/units');
    expect(list.body.items.map((u: { name: string }) => u.name)).toEqual(['区城市管理局']);
    expect((await c.get(`/api/v1/units/${ids['区城市管理局']}`)).status).toBe(200);
    const other = await c.get(`/api/v1/units/${ids['区市场监督管理局']}`);
    expect(other.status).toBe(404);
    const unknown = await c.get('/api/v1/units/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
  });

  it('refuses a liaison editing another unit with 404', async () => {
    const c = await t.as('liaison');
    const region = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const r = await c.put(`/api/v1/units/${ids['区市场监督管理局']}`, { name: '改名', type: 'department', regionId: region.id });
    expect(r.status).toBe(404);
  });

  it('shows the office every unit of its district and its subdistricts, and nothing of another district', async () => {
    const c = await t.as('office');
    const names = (await c.get('/api/v1/units')).body.items.map((u: { name: string }) => u.name);
    expect(names).toContain('区城市管理局');
    expect(names).toContain('府城街道办事处');
    expect(names).not.toContain('解放区司法局');
    expect((await c.get(`/api/v1/units/${ids['解放区司法局']}`)).status).toBe(404);
    const jf = await t.as('office_jf');
    const jfNames = (await jf.get('/api/v1/units')).body.items.map((u: { name: string }) => u.name);
    expect(jfNames).toEqual(['解放区司法局']);
  });

  it('lets the city viewer read both districts but write nothing', async () => {
    const c = await t.as('city');
    const names = (await c.get('/api/v1/units')).body.items.map((u: { name: string }) => u.name);
    expect(names).toContain('解放区司法局');
    expect(names).toContain('区城市管理局');
    const region = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    expect((await c.post('/api/v1/units', { name: '新单位', type: 'department', regionId: region.id })).status).toBe(403);
  });
});

describe('admin manages units and users', () => {
  it('creates a unit and a user who must change the password at first sign-in', async () => {
    const admin = await t.as('admin');
    const region = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const unit = await admin.post('/api/v1/units', { name: '区数据局', type: 'department', regionId: region.id });
    expect(unit.status).toBe(201);
    const dup = await admin.post('/api/v1/units', { name: '区数据局', type: 'department', regionId: region.id });
    expect(dup.status).toBe(409);
    const user = await admin.post('/api/v1/users', {
      username: 'shuju', displayName: '数据局联络员', unitId: unit.body.id, password: 'Init#2020a', grants: [{ role: 'liaison', unitId: unit.body.id }],
    });
    expect(user.status).toBe(201);
    const u = await t.as('shuju', 'Init#2020a');
    expect((await u.get('/api/v1/units')).status).toBe(403); // must change password first
    expect((await u.post('/api/v1/auth/password', { currentPassword: 'Init#2020a', newPassword: 'Mine#2020b' })).status).toBe(204);
    const again = await t.as('shuju', 'Mine#2020b');
    expect((await again.get('/api/v1/units')).body.items.map((x: { name: string }) => x.name)).toEqual(['区数据局']);
    const audit = await t.db.selectFrom('audit_log').select(['entity', 'action']).where('entity_id', 'in', [unit.body.id, user.body.id]).execute();
    expect(audit).toEqual(expect.arrayContaining([{ entity: 'unit', action: 'create' }, { entity: 'user', action: 'create' }]));
  });

  it('applies a revoked role at the next request (no stale session cache)', async () => {
    const admin = await t.as('admin');
    const street = await t.as('street');
    expect((await street.get('/api/v1/units')).body.items.length).toBe(1);
    const users = (await admin.get('/api/v1/users?q=street')).body.items;
    const grant = users[0].grants[0];
    expect((await admin.del(`/api/v1/users/${users[0].id}/grants/${grant.id}`)).status).toBe(204);
    expect((await street.get('/api/v1/units')).body.items.length).toBe(0);
  });

  it('rejects a grant without the scope its role needs', async () => {
    const admin = await t.as('admin');
    const r = await admin.post('/api/v1/users', { username: 'badgrant', displayName: 'B', password: 'Init#2020a', grants: [{ role: 'office', unitId: ids['区司法局'] }] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('GRANT_NEEDS_REGION');
  });
});
