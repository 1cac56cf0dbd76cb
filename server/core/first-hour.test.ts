import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { setDeadline } from './deadlines/index.js';
import { addDays, today } from './calendar/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the leader’s figures in one request', () => {
  it('answers every registered figure with its module, the same as asking one by one', async () => {
    const leader = await t.as('leader');
    expect((await t.anon().get('/api/v1/metrics/values?region=410803&year=2020')).status).toBe(401);
    expect((await leader.get('/api/v1/metrics/values?region=410803')).status).toBe(400);
    const all = await leader.get('/api/v1/metrics/values?region=410803&year=2020&compare=1');
    expect(all.status).toBe(200);
    const list = await leader.get('/api/v1/metrics');
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual(list.body.items.map((m: { id: string }) => m.id));
    for (const m of all.body.items.slice(0, 3)) {
      const one = await leader.get(`/api/v1/metrics/${m.id}?region=410803&year=2020`);
      expect(m.value).toEqual(one.body.value);
      expect(typeof m.module).toBe('string');
      expect('previous' in m).toBe(true);
    }
  });
});

describe('what is late, by unit', () => {
  it('counts overdue and due-soon deadlines per unit and module in the reader’s scope only', async () => {
    const region = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const units = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
    const now = today();
    const put = (unit: string, n: number, id: string) =>
      t.db.transaction().execute((trx) =>
        setDeadline(trx, { module: 'plan', entity: 'unit', entityId: id, kind: `late${n}`, title: '测试期限', regionId: region.id, unitId: units[unit], spec: { from: addDays(now, n), unit: 'ND', n: 0 }, basis: '测试' }),
      );
    await put('区城市管理局', -10, units['区城市管理局']);
    await put('区城市管理局', -2, units['区城市管理局']);
    await put('区城市管理局', 1, units['区城市管理局']);
    await put('区市场监督管理局', -1, units['区市场监督管理局']);
    await put('区市场监督管理局', 30, units['区市场监督管理局']); // not due soon: left out
    const leader = await t.as('leader');
    const r = await leader.get('/api/v1/todos/late-by-unit');
    expect(r.status).toBe(200);
    const cg = r.body.items.find((i: { unitName: string; module: string }) => i.unitName === '区城市管理局' && i.module === 'plan');
    expect(cg).toMatchObject({ overdue: 2, dueSoon: 1, oldest: addDays(now, -10) });
    const sj = r.body.items.find((i: { unitName: string; module: string }) => i.unitName === '区市场监督管理局' && i.module === 'plan');
    expect(sj).toMatchObject({ overdue: 1, dueSoon: 0 });
    // A unit's liaison sees its own unit only.
    const liaison2 = await t.as('liaison2');
    const own = (await liaison2.get('/api/v1/todos/late-by-unit')).body.items;
    expect(own.every((i: { unitName: string }) => i.unitName === '区市场监督管理局')).toBe(true);
  });
});

describe('form errors in the request’s language', () => {
  it('names the missing fields of an empty reconsideration in zh and en', async () => {
    const office = await t.as('office');
    const zh = await office.post('/api/v1/disputes/reconsiderations', {});
    expect(zh.status).toBe(400);
    expect(zh.body.error.details.fields).toEqual(expect.arrayContaining([{ path: 'respondentUnitId', message: '请选择被申请人' }, { path: 'applicantName', message: '请填写申请人' }]));
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/disputes/reconsiderations', payload: {}, headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, 'accept-language': 'en' } });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details.fields).toEqual(expect.arrayContaining([{ path: 'respondentUnitId', message: 'Select the respondent' }, { path: 'applicantName', message: 'Enter the applicant' }]));
  });
});
