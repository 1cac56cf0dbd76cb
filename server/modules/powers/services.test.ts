import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client, liaison: Client, officeJf: Client, leader: Client;
const NIL = '00000000-0000-4000-8000-000000000000';
const approval = { approvalRef: '中站编〔2020〕5号', approvedOn: '2020-03-01', effectiveOn: '2020-03-10' };
let seq = 0;
let taskId: string;

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  [office, liaison, officeJf, leader] = await Promise.all(['office', 'liaison', 'office_jf', 'leader'].map((u) => t.as(u)));
  // A reform task of the plan, created through the plan's API.
  const plan = await office.post('/api/v1/plan/plans', { year: 2020, kind: 'reform', title: '推进“放管服”改革2020年重点工作' });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  const kw = await office.post(`/api/v1/plan/plans/${plan.body.id}/key-works`, { title: '推进“一件事”集成服务改革' });
  expect(kw.status, JSON.stringify(kw.body)).toBe(201);
  const task = await office.post('/api/v1/plan/tasks', { keyWorkId: kw.body.id, title: '推行企业开办“一件事”', unitId: ids['区市场监督管理局'], dueDate: '2020-12-31' });
  expect(task.status, JSON.stringify(task.body)).toBe(201);
  taskId = task.body.id ?? task.body.task?.id;
});
afterAll(async () => t.close());

async function power(unit: string, name: string, over: Record<string, unknown> = {}) {
  const r = await office.post('/api/v1/powers', { unitId: ids[unit], code: `YJ-${++seq}`, name, category: 'licensing', basis: '《行政许可法》第十二条', ...approval, ...over });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; code: string };
}
let svcSeq = 0;
const service = (itemIds: string[], over: Record<string, unknown> = {}) => ({
  code: `YJS-${++svcSeq}`, name: '企业开办', leadUnitId: ids['区市场监督管理局'], window: '区政务服务中心一楼企业开办专区', documents: ['企业开办申请表', '经营场所证明'],
  promisedDays: 1, powerItemIds: itemIds, taskIds: [], ...over,
});

describe('integrated services: boundaries', () => {
  it('answers 401 without a session on every office endpoint', async () => {
    for (const [m, url] of [['get', '/api/v1/powers/services'], ['post', '/api/v1/powers/services'], ['get', `/api/v1/powers/services/${NIL}`], ['post', `/api/v1/powers/services/${NIL}/publish`]] as const)
      expect((m === 'get' ? await t.anon().get(url) : await t.anon().post(url, {})).status).toBe(401);
  });

  it('refuses bad input naming each field, and saves nothing', async () => {
    const a = await power('区市场监督管理局', '企业设立登记');
    const before = Number((await t.db.selectFrom('power_services').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    let r = await office.post('/api/v1/powers/services', { ...service([a.id]), promisedDays: 0, documents: [], window: '' });
    expect(r.status).toBe(400);
    expect([...new Set(r.body.error.details.fields.map((f: { path: string }) => f.path))].sort()).toEqual(['documents', 'powerItemIds', 'promisedDays', 'window']);
    r = await office.post('/api/v1/powers/services', service([a.id, a.id]));
    expect(r.body.error.details.fields.map((f: { path: string }) => f.path)).toContain('powerItemIds');
    // An unknown item, an item of another district, an unknown task: named by position.
    const jf = await officeJf.post('/api/v1/powers', { unitId: ids['解放区司法局'], code: 'JF-1', name: '解放区事项', category: 'licensing', basis: '依据条款', ...approval });
    expect(jf.status).toBe(201);
    r = await office.post('/api/v1/powers/services', service([a.id, NIL, jf.body.id], { taskIds: [NIL] }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('SERVICE_LINKS_INVALID');
    expect(r.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['powerItemIds.1', 'powerItemIds.2', 'taskIds.0']);
    const after = Number((await t.db.selectFrom('power_services').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before);
  });

  it('refuses an item that is no longer current in the list, in English too', async () => {
    const a = await power('区市场监督管理局', '食品经营许可');
    const b = await power('焦作市公安局中站分局', '公章刻制备案', { category: 'other' });
    const amended = await office.post(`/api/v1/powers/${b.id}/amend`, { name: '印章刻制备案', approvalRef: '中站编〔2020〕9号', approvedOn: '2020-05-01', effectiveOn: '2020-06-01' });
    expect(amended.status).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/powers/services', payload: service([a.id, b.id]), headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, 'accept-language': 'en' } });
    const r = { status: res.statusCode, body: JSON.parse(res.body) };
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].path).toBe('powerItemIds.1');
    expect(r.body.error.message).toMatch(/no longer current/);
    // Its current version is accepted.
    expect((await office.post('/api/v1/powers/services', service([a.id, amended.body.id]))).status).toBe(201);
  });

  it('answers 403 to units and leaders, 404 across districts, and a clear 409 for a duplicate code', async () => {
    const a = await power('区市场监督管理局', '个体工商户登记');
    const b = await power('区人力资源和社会保障局', '用人单位社会保险登记', { category: 'confirmation' });
    expect((await liaison.post('/api/v1/powers/services', service([a.id, b.id]))).status).toBe(403);
    expect((await leader.post('/api/v1/powers/services', service([a.id, b.id]))).status).toBe(403);
    const s = await office.post('/api/v1/powers/services', service([a.id, b.id], { code: 'DUP-1' }));
    expect(s.status).toBe(201);
    expect((await leader.get(`/api/v1/powers/services/${s.body.id}`)).status).toBe(200);
    expect((await officeJf.get(`/api/v1/powers/services/${s.body.id}`)).status).toBe(404);
    expect((await officeJf.post(`/api/v1/powers/services/${s.body.id}/publish`, { publishedOn: '2020-07-01' })).status).toBe(404);
    expect((await leader.post(`/api/v1/powers/services/${s.body.id}/publish`, { publishedOn: '2020-07-01' })).status).toBe(403);
    const dup = await office.post('/api/v1/powers/services', service([a.id, b.id], { code: 'DUP-1' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('SERVICE_CODE_TAKEN');
  });
});

describe('integrated services: the catalogue', () => {
  it('drafts, links a reform task, publishes, shows in the public catalogue, exports, and withdraws', async () => {
    const a = await power('区市场监督管理局', '企业设立、变更、注销登记');
    const b = await power('焦作市公安局中站分局', '印章刻制业务备案', { category: 'other' });
    const c = await power('区人力资源和社会保障局', '参保单位社会保险登记', { category: 'confirmation' });
    let r = await office.post('/api/v1/powers/services', service([a.id, b.id, c.id], { code: 'QYKB-1', name: '企业开办“一件事”', taskIds: [taskId], documents: ['企业开办一表通申请表', '全体股东身份证明', '住所使用证明'] }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'draft', itemCount: 3, unitCount: 3, documentCount: 3, promisedDays: 1, abilities: { edit: true, publish: true, withdraw: false } });
    expect(r.body.items.map((i: { code: string }) => i.code)).toEqual([a.code, b.code, c.code]);
    expect(r.body.tasks).toEqual([expect.objectContaining({ id: taskId, title: '推行企业开办“一件事”', unitName: '区市场监督管理局' })]);
    const id = r.body.id;
    // The services a reform task delivers.
    expect((await office.get(`/api/v1/powers/services?taskId=${taskId}`)).body.items.map((x: { code: string }) => x.code)).toEqual(['QYKB-1']);
    // Not public before publication.
    const pub = async () => (await t.anon().get('/api/v1/public/services?region=410803&q=' + encodeURIComponent('企业开办'))).body;
    expect((await pub()).items.map((x: { code: string }) => x.code)).not.toContain('QYKB-1');
    // Publication before the items are in force is refused.
    r = await office.post(`/api/v1/powers/services/${id}/publish`, { publishedOn: '2020-03-01' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].path).toBe('powerItemIds.0');
    r = await office.post(`/api/v1/powers/services/${id}/publish`, { publishedOn: '2020-07-01' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'published', publishedOn: '2020-07-01', abilities: { publish: false, withdraw: true } });
    const p = await pub();
    const row = p.items.find((x: { code: string }) => x.code === 'QYKB-1');
    expect(row).toMatchObject({ name: '企业开办“一件事”', window: '区政务服务中心一楼企业开办专区', documents: ['企业开办一表通申请表', '全体股东身份证明', '住所使用证明'], promisedDays: 1 });
    expect(row.items).toHaveLength(3);
    expect(row.items[0]).not.toHaveProperty('current');
    // Found by an item's name too.
    expect((await t.anon().get('/api/v1/public/services?region=410803&q=' + encodeURIComponent('印章刻制业务'))).body.items.map((x: { code: string }) => x.code)).toEqual(['QYKB-1']);
    expect((await t.anon().get('/api/v1/public/services?region=999999')).status).toBe(404);
    // The catalogue spreadsheet.
    const x = await t.app.inject({ method: 'GET', url: '/api/v1/powers/services/export?q=QYKB', headers: { cookie: office.cookie } });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    // Audited.
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'power_service').where('entity_id', '=', id).orderBy('seq').execute();
    expect(audits.map((a) => a.action)).toEqual(['create', 'links', 'publish']);
    // Withdrawal needs a reason and a date not before publication.
    r = await office.post(`/api/v1/powers/services/${id}/withdraw`, { withdrawnOn: '2020-06-01', reason: '合并至新版企业开办' });
    expect(r.body.error.details.fields[0].path).toBe('withdrawnOn');
    r = await office.post(`/api/v1/powers/services/${id}/withdraw`, { withdrawnOn: '2021-03-01', reason: '合并至新版企业开办' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('withdrawn');
    expect((await office.put(`/api/v1/powers/services/${id}`, service([a.id, b.id], { code: 'QYKB-1' }))).body.error.code).toBe('SERVICE_WITHDRAWN');
  });
});

describe('integrated services: metrics on hand-computed data', () => {
  it('counts the services in the catalogue at the end of the period and the distinct items they bundle', async () => {
    const city = await t.db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410800').executeTakeFirstOrThrow();
    const rg = await t.db.insertInto('regions').values({ code: '410812', name: '测试区', level: 'district', parent_id: city.id, path: `${city.path}/410812` }).returning(['id', 'path']).executeTakeFirstOrThrow();
    const u1 = await t.db.insertInto('units').values({ name: '测试区市场监管局', type: 'department', region_id: rg.id }).returning('id').executeTakeFirstOrThrow();
    const u2 = await t.db.insertInto('units').values({ name: '测试区人社局', type: 'department', region_id: rg.id }).returning('id').executeTakeFirstOrThrow();
    const scope = await metricScopeOf(t.db, rg.id);
    const m = (id: string, y = 2020) => getMetric(id)!.compute(t.db, scope, yearPeriod(y));
    expect(await m('powers.servicesPublished')).toBeNull();
    expect(await m('powers.serviceItemsBundled')).toBeNull();
    const item = (unit: string, code: string) => ({ region_id: rg.id, unit_id: unit, list_level: 'department' as const, code, name: code, category: 'licensing' as const, basis: '依据', effective_from: '2020-01-01' });
    const [i1, i2, i3] = await t.db.insertInto('power_items').values([item(u1.id, 'I1'), item(u1.id, 'I2'), item(u2.id, 'I3')]).returning('id').execute();
    const svc = (code: string, status: 'draft' | 'published' | 'withdrawn', published: string | null, withdrawn: string | null = null) => ({
      region_id: rg.id, code, name: code, lead_unit_id: u1.id, service_window: '窗口', documents: '[]', promised_days: 3, status, published_on: published, withdrawn_on: withdrawn,
    });
    const rows = await t.db.insertInto('power_services').values([
      svc('S1', 'published', '2020-03-01'), // in the catalogue all year: items I1, I2
      svc('S2', 'published', '2020-12-31'), // published on the last day: counts; items I2 (again), I3
      svc('S3', 'withdrawn', '2020-02-01', '2020-10-01'), // withdrawn before the end: not counted
      svc('S4', 'draft', null), // a draft: not counted
      svc('S5', 'published', '2021-01-05'), // published next year
    ]).returning('id').execute();
    await t.db.insertInto('power_service_items').values([
      { service_id: rows[0].id, power_item_id: i1.id, seq: 0 }, { service_id: rows[0].id, power_item_id: i2.id, seq: 1 },
      { service_id: rows[1].id, power_item_id: i2.id, seq: 0 }, { service_id: rows[1].id, power_item_id: i3.id, seq: 1 },
      { service_id: rows[2].id, power_item_id: i3.id, seq: 0 }, { service_id: rows[3].id, power_item_id: i1.id, seq: 0 },
    ]).execute();
    expect(await m('powers.servicesPublished')).toBe(2);
    expect(await m('powers.serviceItemsBundled')).toBe(3);
    expect(await m('powers.servicesPublished', 2021)).toBe(3);
    expect(await m('powers.servicesPublished', 2019)).toBe(0);
    expect(await m('powers.serviceItemsBundled', 2019)).toBe(0);
    const recs = await getMetric('powers.servicesPublished')!.records!(t.db, scope, yearPeriod(2020));
    expect(recs.map((r) => r.label)).toEqual(['S1 S1', 'S2 S2']);
  });
});
