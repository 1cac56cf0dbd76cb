import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { setDeadline, setDeadlinePre0800 } from './deadlines/index.js';
import { addDays, today } from './calendar/index.js';
import { modules } from '../modules/index.js';
import { MODULE_LABELS } from '../../common/labels.js';

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
        setDeadline(trx, { module: 'plan', entity: 'unit', entityId: id, kind: `late${n}`, title: { zh: '测试期限', en: 'Test deadline' }, regionId: region.id, unitId: units[unit], spec: { from: addDays(now, n), unit: 'ND', n: 0 }, basis: '测试' }),
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

describe('the order of the to-do list', () => {
  it('puts alerts first, then every deadline by date (the longest overdue at the top), the priority only between deadlines due the same day', async () => {
    const region = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const unit = await t.db.selectFrom('units').select('id').where('name', '=', '区司法局').executeTakeFirstOrThrow();
    const now = today();
    const put = (kind: string, days: number, priority: number) =>
      setDeadline(t.db, { module: 'core', entity: 'order_test', entityId: unit.id, kind, title: { zh: `排序${kind}`, en: `Order ${kind}` }, regionId: region.id, unitId: unit.id, spec: { from: addDays(now, days), unit: 'ND', n: 0 }, basis: '测试', priority });
    await put('overdue-low', -5, 1);
    await put('soon-high', 2, 2);
    await put('alert-later', 10, 100);
    await put('soon-low', 2, 0);
    const list = (await (await t.as('office')).get('/api/v1/todos')).body.deadlines as { title: string }[];
    expect(list.map((d) => d.title).filter((x) => x.startsWith('排序'))).toEqual(['排序alert-later', '排序overdue-low', '排序soon-high', '排序soon-low']);
    await t.db.deleteFrom('deadlines').where('entity', '=', 'order_test').execute();
  });
});

describe('module names', () => {
  it('every module has a name in both languages (the late-by-unit summary and the roll-up show it, never the id)', () => {
    const missing = modules.map((m) => m.name).filter((n) => !MODULE_LABELS[n]?.zh || !MODULE_LABELS[n]?.en);
    expect(missing).toEqual([]);
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

describe('deadline titles in the reader’s language', () => {
  it('shows a deadline’s title in zh or en on the to-do list, and a title stored in Chinese only in Chinese for both', async () => {
    const region = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const unit = await t.db.selectFrom('units').select('id').where('name', '=', '区城市管理局').executeTakeFirstOrThrow();
    const due = addDays(today(), 1);
    await t.db.transaction().execute(async (trx) => {
      await setDeadline(trx, { module: 'plan', entity: 'unit', entityId: unit.id, kind: 'both', title: { zh: '报送本月进展：测试任务', en: 'Report this month’s progress: 测试任务' }, regionId: region.id, unitId: unit.id, spec: { from: due, unit: 'ND', n: 0 }, basis: '测试', priority: 9 });
      await setDeadlinePre0800(trx, { module: 'plan', entity: 'unit', entityId: unit.id, kind: 'zh_only', title: '旧期限', regionId: region.id, unitId: unit.id, spec: { from: due, unit: 'ND', n: 0 }, basis: '测试', priority: 9 });
    });
    const office = await t.as('office');
    const inLang = async (lang: string) => {
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/todos', headers: { cookie: office.cookie, 'accept-language': lang } });
      expect(r.statusCode).toBe(200);
      return r.json().deadlines.filter((d: { entityId: string; kind: string }) => d.entityId === unit.id && ['both', 'zh_only'].includes(d.kind)).map((d: { kind: string; title: string }) => `${d.kind}:${d.title}`).sort();
    };
    expect(await inLang('zh-CN')).toEqual(['both:报送本月进展：测试任务', 'zh_only:旧期限']);
    expect(await inLang('en')).toEqual(['both:Report this month’s progress: 测试任务', 'zh_only:旧期限']);
  });
});
