import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload as uploadXlsx } from '../../test/xlsx.js';
import { exportXlsx } from '../../core/excel/index.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';
import { powerSheet, type PowerSheetRow } from './excel.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client, liaison: Client, officeJf: Client;
const NIL = '00000000-0000-4000-8000-000000000000';
const approval = { approvalRef: '中站编〔2020〕5号', approvedOn: '2020-03-01', effectiveOn: '2020-03-10' };

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  [office, liaison, officeJf] = await Promise.all(['office', 'liaison', 'office_jf'].map((u) => t.as(u)));
});
afterAll(async () => t.close());

let seq = 0;
const item = (over: Record<string, unknown> = {}) => ({
  unitId: ids['区城市管理局'], code: `CG-${++seq}`, name: '对在城市道路上擅自设置户外广告的处罚', category: 'penalty',
  basis: '《城市市容和环境卫生管理条例》第三十六条', responsibility: '立案、调查、审查、决定、送达、执行', accountability: '不履行或不正确履行职责的依法追责', ...approval, ...over,
});
async function added(over: Record<string, unknown> = {}) {
  const r = await office.post('/api/v1/powers', item(over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
async function upload(c: Client, url: string, rows: PowerSheetRow[]) {
  return uploadXlsx(t, c, url, await exportXlsx(powerSheet, rows), { name: 'list.xlsx' });
}

describe('power list: boundaries', () => {
  it('answers 401 without a session, except the public query', async () => {
    for (const url of ['/api/v1/powers', `/api/v1/powers/${NIL}`]) expect((await t.anon().get(url)).status).toBe(401);
    expect((await t.anon().post('/api/v1/powers', item())).status).toBe(401);
    expect((await t.anon().get('/api/v1/public/powers?region=410803')).status).toBe(200);
  });
  it('refuses a change without approval or effective date, naming the fields and saving nothing', async () => {
    const { approvalRef: _a, effectiveOn: _e, ...rest } = item();
    const r = await office.post('/api/v1/powers', rest);
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields.map((f: any) => f.path).sort()).toEqual(['approvalRef', 'effectiveOn']);
    const r2 = await office.post('/api/v1/powers', item({ category: '行政审批', effectiveOn: '2020-02-01' }));
    expect(r2.body.error.details.fields.map((f: any) => f.path)).toEqual(['category']);
    const r3 = await office.post('/api/v1/powers', item({ effectiveOn: '2020-02-01' }));
    expect(r3.body.error.details.fields.map((f: any) => f.path)).toEqual(['effectiveOn']);
    expect((await t.db.selectFrom('power_items').select('id').execute()).length).toBe(0);
  });
  it('refuses a duplicate code within a unit with a clear 409, but not across units', async () => {
    await added({ code: 'DUP-1' });
    const r = await office.post('/api/v1/powers', item({ code: 'DUP-1' }));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('POWER_CODE_TAKEN');
    await added({ code: 'DUP-1', unitId: ids['区市场监督管理局'] });
  });
  it('answers 403 to a unit changing the list and 404 across districts', async () => {
    expect((await liaison.post('/api/v1/powers', item())).status).toBe(403);
    const p = await added();
    expect((await liaison.get(`/api/v1/powers/${p.id}`)).status).toBe(200); // its own unit's item
    expect((await liaison.post(`/api/v1/powers/${p.id}/remove`, { ...approval, effectiveOn: '2020-06-01' })).status).toBe(403);
    expect((await officeJf.get(`/api/v1/powers/${p.id}`)).status).toBe(404);
    expect((await officeJf.post(`/api/v1/powers/${p.id}/remove`, { ...approval, effectiveOn: '2020-06-01' })).status).toBe(404);
    expect((await officeJf.post('/api/v1/powers', item())).body.error.details.fields[0].path).toBe('unitId');
  });
});

describe('power list: versions, the list as of a date, the public query', () => {
  it('shows the list as of 2020-06-30 differently from after a dated transfer, amendment and removal', async () => {
    const a = await added({ code: 'V-1', name: '对占道经营的处罚' });
    const b = await added({ code: 'V-2', name: '对乱倒垃圾的处罚' });
    const c = await added({ code: 'V-3', name: '城市道路挖掘许可', category: 'licensing' });
    const change = { approvalRef: '中站编〔2020〕18号', approvedOn: '2020-08-20', effectiveOn: '2020-09-01', reason: '街道综合行政执法改革' };
    let r = await office.post(`/api/v1/powers/${a.id}/transfer`, { ...change, toUnitId: ids['府城街道办事处'] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ unitName: '府城街道办事处', level: 'subdistrict', version: 2, effectiveFrom: '2020-09-01' });
    r = await office.post(`/api/v1/powers/${b.id}/amend`, { ...change, basis: '《城市市容和环境卫生管理条例》第三十四条' });
    expect(r.body.history.map((h: any) => h.kind)).toEqual(['add', 'amend']);
    await office.post(`/api/v1/powers/${c.id}/remove`, change);
    // An amended version can no longer be changed.
    expect((await office.post(`/api/v1/powers/${b.id}/remove`, change)).body.error.code).toBe('POWER_NOT_CURRENT');
    const codes = async (asOf: string) => (await office.get(`/api/v1/powers?asOf=${asOf}&q=V-&pageSize=50`)).body.items.map((x: any) => `${x.code}@${x.unitName}`).sort();
    expect(await codes('2020-06-30')).toEqual(['V-1@区城市管理局', 'V-2@区城市管理局', 'V-3@区城市管理局']);
    expect(await codes('2020-09-01')).toEqual(['V-1@府城街道办事处', 'V-2@区城市管理局']);
  });

  it('lets the public find an item by keyword and see its basis', async () => {
    await added({ code: 'PUB-1', name: '对擅自占用城市绿地的处罚', basis: '《城市绿化条例》第二十七条' });
    const r = await t.anon().get(`/api/v1/public/powers?region=410803&q=${encodeURIComponent('城市绿地')}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({ name: '对擅自占用城市绿地的处罚', basis: '《城市绿化条例》第二十七条', unitName: '区城市管理局' });
    expect((await t.anon().get('/api/v1/public/powers?region=999999')).status).toBe(404);
    expect((await t.anon().get('/api/v1/public/powers?region=41')).status).toBe(400);
  });

  it('imports an existing Excel list all-or-nothing, mapping legacy categories and listing every bad cell', async () => {
    const row = (over: Partial<PowerSheetRow>): PowerSheetRow => ({
      unit: '区市场监督管理局', code: 'IMP-1', name: '食品经营许可', category: '行政审批', basis: '《食品安全法》第三十五条', approvalRef: '中站编〔2019〕9号', approvedOn: '2019-12-20', effectiveOn: '2020-01-01', ...over,
    });
    let r = await upload(office, '/api/v1/powers/import?dryRun=0', [row({}), row({ code: 'IMP-1' }), row({ code: 'IMP-3', unit: '不存在的局' }), row({ code: 'IMP-4', category: '行政指导' })]);
    expect(r.status).toBe(200);
    expect(r.body.committed).toBe(0);
    expect(r.body.errors.map((e: any) => [e.row, e.column])).toEqual([[3, '事项编码'], [4, '实施主体'], [5, '事项类别']]);
    r = await upload(office, '/api/v1/powers/import?dryRun=0', [row({}), row({ code: 'IMP-2', category: '行政监督', name: '食品安全监督检查' })]);
    expect(r.body.committed).toBe(2);
    const list = (await office.get('/api/v1/powers?q=IMP-&sort=code')).body.items;
    expect(list.map((x: any) => [x.code, x.category])).toEqual([['IMP-1', 'licensing'], ['IMP-2', 'inspection']]);
    expect((await upload(liaison, '/api/v1/powers/import?dryRun=1', [row({ code: 'IMP-9' })])).status).toBe(403);
  });
});

describe('power list: metrics on hand-computed data', () => {
  it('counts the lists in force at the end of the year by level, services apart, null when there is no list', async () => {
    const city = await t.db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410800').executeTakeFirstOrThrow();
    const rg = await t.db.insertInto('regions').values({ code: '410811', name: '山阳区', level: 'district', parent_id: city.id, path: `${city.path}/410811` }).returning(['id', 'path']).executeTakeFirstOrThrow();
    const st = await t.db.insertInto('regions').values({ code: '410811001', name: '某街道', level: 'subdistrict', parent_id: rg.id, path: `${rg.path}/410811001` }).returning('id').executeTakeFirstOrThrow();
    const dept = await t.db.insertInto('units').values({ name: '山阳区城管局', type: 'department', region_id: rg.id }).returning('id').executeTakeFirstOrThrow();
    const sub = await t.db.insertInto('units').values({ name: '某街道办事处', type: 'subdistrict', region_id: st.id }).returning('id').executeTakeFirstOrThrow();
    const scope = await metricScopeOf(t.db, rg.id);
    const m = (id: string, y = 2020) => getMetric(id)!.compute(t.db, scope, yearPeriod(y));
    expect(await m('powers.departmentItems')).toBeNull();
    const mk = (unit: string, region: string, level: 'department' | 'subdistrict', code: string, category: string, from: string, to: string | null = null) =>
      ({ region_id: region, unit_id: unit, list_level: level, code, name: code, category: category as 'penalty', basis: '依据', effective_from: from, effective_to: to });
    await t.db.insertInto('power_items').values([
      mk(dept.id, rg.id, 'department', 'D1', 'penalty', '2019-01-01'),
      mk(dept.id, rg.id, 'department', 'D2', 'licensing', '2020-12-31'),
      mk(dept.id, rg.id, 'department', 'D3', 'penalty', '2019-01-01', '2020-12-31'), // removed on the last day: not in force
      mk(dept.id, rg.id, 'department', 'D4', 'penalty', '2021-01-01'), // not yet
      mk(dept.id, rg.id, 'department', 'D5', 'public_service', '2019-01-01'), // a service, not a power
      mk(sub.id, st.id, 'subdistrict', 'S1', 'penalty', '2020-05-01'),
      mk(sub.id, st.id, 'subdistrict', 'S2', 'public_service', '2020-05-01'),
    ]).execute();
    expect(await m('powers.departmentItems')).toBe(2);
    expect(await m('powers.departmentItems', 2021)).toBe(3);
    expect(await m('powers.subdistrictItems')).toBe(1);
    expect(await m('powers.subdistrictPublicServices')).toBe(1);
    const byCat = await getMetric('powers.departmentItems')!.breakdown!(t.db, scope, yearPeriod(2020), 'category');
    expect(byCat.map((b) => [b.label, b.value])).toEqual([['行政许可', 1], ['行政处罚', 1]]);
  });
});
