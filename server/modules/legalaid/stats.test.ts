import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';

/*
 * Hand-computed data (unit 区司法局, 2020; working days from the shared calendar — 2020 Spring Festival with
 * its extension: 01-24..02-02 off; 01-19 and 02-01 were not worked either):
 *   A civil application, received 01-21 → decision due 02-07 (01-22, 01-23, 02-03..02-07); granted 02-07 (on time);
 *     assignment due 3 WD after 02-07 = 02-12; assigned 02-12 (on time).
 *   B criminal application, received 01-21 → due 02-07; refused 02-10 with the late reason (late).
 *   C administrative application, received 01-20 → due 02-06 (01-21, 01-22, 01-23, 02-03..02-06); granted 01-22 (on time);
 *     assignment due 3 WD after 01-22 = 02-04 (01-23, 02-03, 02-04: across the festival); assigned 02-05 (late).
 *   D criminal notification by the police 03-02 → assignment due 03-05; assigned 03-05 (on time).
 *   E criminal notification by the court 03-02 → due 03-05; assigned 03-04 (on time).
 *   F civil application received 03-02, not decided.
 * Decisions 2020: A, B, C → 2 on time of 3 = 66.7 %. Assignments 2020: A, C, D, E → 3 of 4 = 75.0 %.
 */
let t: TestApp;
let ids: Record<string, string>;
let aid: Client;
let office: Client;
let street: Client;
let officeJf: Client;
let lawyer: string;
const caseIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  [aid, office, street, officeJf] = await Promise.all(['aid', 'office', 'street', 'office_jf'].map((u) => t.as(u)));
  const l = await office.post('/api/v1/legalaid/lawyers', { unitId: ids['区司法局'], name: '周律师', firm: '河南善博律师事务所', licenceNo: '14108201510333333', practiceSince: '2015-06-01' });
  expect(l.status).toBe(201);
  lawyer = l.body.id;
  const app = (k: string, caseType: string, receivedOn: string) => aid.post('/api/v1/legalaid/cases/applications', {
    unitId: ids['区司法局'], caseType, serviceForm: caseType === 'criminal' ? 'criminal_defence' : 'litigation', personName: `${k}某`, matter: '追索劳动报酬', receivedOn,
  });
  const notice = (k: string, organ: string, notifiedOn: string) => aid.post('/api/v1/legalaid/cases/notifications', {
    unitId: ids['区司法局'], caseType: 'criminal', serviceForm: 'criminal_defence', personName: `${k}某`, matter: '涉嫌盗窃罪', notifyingOrgan: organ,
    notifyingOrganName: organ === 'police' ? '焦作市公安局中站分局' : '焦作市中站区人民法院', mandatoryCategory: 'minor', notifiedOn,
  });
  const ok = (r: { status: number; body: any }) => {
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  };
  const grant = (id: string, decidedOn: string, extra: Record<string, unknown> = {}) =>
    aid.post(`/api/v1/legalaid/cases/${id}/decision`, { decidedOn, granted: true, hardshipBasis: 'art42', exemption: 'migrant_wages', ...extra });
  const assign = (id: string, assignedOn: string) => aid.post(`/api/v1/legalaid/cases/${id}/assign`, { lawyerId: lawyer, assignedOn });

  caseIds.A = ok(await app('甲', 'civil', '2020-01-21')).case.id;
  caseIds.B = ok(await app('乙', 'criminal', '2020-01-21')).case.id;
  caseIds.C = ok(await app('丙', 'administrative', '2020-01-20')).case.id;
  caseIds.D = ok(await notice('丁', 'police', '2020-03-02')).case.id;
  caseIds.E = ok(await notice('戊', 'court', '2020-03-02')).case.id;
  caseIds.F = ok(await app('己', 'civil', '2020-03-02')).case.id;
  const a = ok(await grant(caseIds.A, '2020-02-07'));
  expect(a.case.assignmentDue).toBe('2020-02-12');
  ok(await aid.post(`/api/v1/legalaid/cases/${caseIds.B}/decision`, { decidedOn: '2020-02-10', granted: false, hardshipBasis: 'art42', exemption: 'migrant_wages', refusalReasons: '不属于法律援助事项范围', lateReason: '疫情期间材料补正' }));
  const c = ok(await grant(caseIds.C, '2020-01-22'));
  expect(c.case.decisionDue).toBe('2020-02-06');
  expect(c.case.assignmentDue).toBe('2020-02-04');
  ok(await assign(caseIds.A, '2020-02-12'));
  ok(await assign(caseIds.C, '2020-02-05'));
  ok(await assign(caseIds.D, '2020-03-05'));
  ok(await assign(caseIds.E, '2020-03-04'));
  ok(await aid.post('/api/v1/legalaid/help', { unitId: ids['区司法局'], servedOn: '2020-03-10', channel: 'hotline', form: 'consultation', matterType: 'labour', summary: '咨询欠薪维权途径' }));
  ok(await aid.post('/api/v1/legalaid/help', { unitId: ids['区司法局'], servedOn: '2020-01-15', channel: 'window', form: 'drafting', matterType: 'family', summary: '代写离婚起诉状' }));
});
afterAll(async () => t.close());

describe('on-time decision and assignment rates (法律援助法 第四十三条、第三十六条)', () => {
  it('count a decision on time when made by the 7-working-day limit across Spring Festival: 2 of 3 in 2020, 1 of 2 in February', async () => {
    const zz = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const scope = await metricScopeOf(t.db, zz.id);
    const m = getMetric('legalaid.onTimeDecisionRate')!;
    expect(await m.compute(t.db, scope, yearPeriod(2020))).toBe(66.7);
    expect(await m.compute(t.db, scope, { from: '2020-02-01', to: '2020-02-29' })).toBe(50);
    expect(await m.compute(t.db, scope, { from: '2020-01-01', to: '2020-01-31' })).toBe(100);
    // No decision in March: no data, not 0 %.
    expect(await m.compute(t.db, scope, { from: '2020-03-01', to: '2020-03-31' })).toBeNull();
    const recs = await m.records(t.db, scope, yearPeriod(2020));
    expect(recs.map((r) => [r.id, r.date, r.label.replace(/^\S+ /, '')])).toEqual([
      [caseIds.C, '2020-01-22', '丙某（期限内，期限2020-02-06）'],
      [caseIds.A, '2020-02-07', '甲某（期限内，期限2020-02-07）'],
      [caseIds.B, '2020-02-10', '乙某（超期，期限2020-02-07）'],
    ]);
    expect(await m.breakdown!(t.db, scope, yearPeriod(2020), 'caseType')).toEqual([
      { key: 'administrative', label: '行政', value: 100 }, { key: 'civil', label: '民事', value: 100 }, { key: 'criminal', label: '刑事', value: 0 },
    ]);
  });
  it('count an assignment on time when made within 3 working days of the grant or notification: 3 of 4 in 2020', async () => {
    const zz = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const scope = await metricScopeOf(t.db, zz.id);
    const m = getMetric('legalaid.onTimeAssignmentRate')!;
    expect(await m.compute(t.db, scope, yearPeriod(2020))).toBe(75);
    expect(await m.compute(t.db, scope, { from: '2020-02-01', to: '2020-02-29' })).toBe(50);
    const recs = await m.records(t.db, scope, yearPeriod(2020));
    expect(recs.find((r) => r.id === caseIds.C)!.label).toContain('（超期，期限2020-02-04）');
    expect(recs.filter((r) => r.label.includes('期限内')).map((r) => r.id).sort()).toEqual([caseIds.A, caseIds.D, caseIds.E].sort());
    // Another district's scope holds none of them.
    const jf = await t.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow();
    expect(await m.compute(t.db, await metricScopeOf(t.db, jf.id), yearPeriod(2020))).toBeNull();
  });
});

/** The monthly table's lines as { item → [本月, 本年累计] }, and the heading line. */
async function monthly(c: Client, query: string) {
  const r = await t.app.inject({ method: 'GET', url: `/api/v1/legalaid/stats/monthly?${query}`, headers: { cookie: c.cookie } });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  expect(r.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as never);
  const ws = wb.worksheets[0];
  expect(ws.getRow(1).values).toEqual([undefined, '指标名称', '计量单位', '行次', '本月', '本年累计']);
  const cells = new Map<string, [unknown, unknown]>();
  ws.eachRow((row, i) => {
    if (i > 2) cells.set(String(row.getCell(1).value).trim(), [row.getCell(4).value, row.getCell(5).value]);
  });
  return { heading: String(ws.getRow(2).getCell(1).value), cells, name: decodeURIComponent(String(r.headers['content-disposition'])) };
}

describe('法律援助工作统计月报表', () => {
  it('gives March 2020 and the year to date, cell by cell as computed by hand', async () => {
    const { heading, cells, name } = await monthly(office, 'region=410803&month=2020-03');
    expect(name).toContain('法律援助工作统计月报表（2020年3月）');
    expect(heading).toBe('填报范围：中站区（全辖区）；统计期：2020年3月（本年累计为2020年1月至3月）');
    const v = (item: string) => cells.get(item);
    expect(v('受理指派法律援助案件合计')).toEqual([2, 4]);
    expect(v('其中：民事案件')).toEqual([0, 1]);
    expect(v('其中：刑事案件')).toEqual([2, 2]);
    expect(v('其中：行政案件')).toEqual([0, 1]);
    expect(v('按来源：依申请')).toEqual([0, 2]);
    expect(v('通知辩护（代理）')).toEqual([2, 2]);
    expect(v('其中：公安机关通知')).toEqual([1, 1]);
    expect(v('其中：人民法院通知')).toEqual([1, 1]);
    expect(v('按形式：刑事辩护与代理')).toEqual([2, 2]);
    expect(v('收到法律援助申请')).toEqual([1, 4]);
    expect(v('作出审查决定')).toEqual([0, 3]);
    expect(v('其中：决定给予法律援助')).toEqual([0, 2]);
    expect(v('决定不予法律援助')).toEqual([0, 1]);
    expect(v('七日内作出审查决定（第四十三条）')).toEqual([0, 2]);
    expect(v('按期审查决定率')).toEqual(['—', 66.7]);
    expect(v('三日内指派律师（第三十六条、第四十三条）')).toEqual([2, 3]);
    expect(v('按期指派率')).toEqual([100, 75]);
    expect(v('提供法律帮助合计')).toEqual([1, 2]);
    expect(v('按渠道：12348热线')).toEqual([1, 1]);
    expect(v('按渠道：窗口')).toEqual([0, 1]);
    expect(v('按形式：代拟法律文书')).toEqual([0, 1]);
  });
  it('answers a subdistrict liaison with their own unit\'s figures (none of the centre\'s cases), the office of the region by default', async () => {
    const own = await monthly(street, 'month=2020-03');
    expect(own.heading).toContain('府城街道办事处');
    expect(own.cells.get('受理指派法律援助案件合计')).toEqual([0, 0]);
    const byDefault = await monthly(office, 'month=2020-03');
    expect(byDefault.cells.get('受理指派法律援助案件合计')).toEqual([2, 4]);
  });
  it('answers 401, 400 for a bad month, 404 for another district\'s region, 403 to roles without legal aid', async () => {
    expect((await t.anon().get('/api/v1/legalaid/stats/monthly?month=2020-03')).status).toBe(401);
    const bad = await office.get('/api/v1/legalaid/stats/monthly?month=2020-13');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('month');
    expect((await officeJf.get('/api/v1/legalaid/stats/monthly?region=410803&month=2020-03')).status).toBe(404);
    // An enforcement officer and a legal advisor do not see legal aid (legalaid.view): 403.
    for (const who of ['officer', 'advisor']) expect((await (await t.as(who)).get('/api/v1/legalaid/stats/monthly?month=2020-03')).status).toBe(403);
    // The administrator names the region (no own region to default to).
    expect((await (await t.as('admin')).get('/api/v1/legalaid/stats/monthly?region=410803&month=2020-03')).status).toBe(200);
  });
});

describe('deadlines in the reader\'s language', () => {
  it('shows the pending decision of F with its title and computation in English to an English reader, in Chinese otherwise', async () => {
    const get = async (lang: string) => JSON.parse((await t.app.inject({ method: 'GET', url: `/api/v1/legalaid/cases/${caseIds.F}`, headers: { cookie: aid.cookie, 'accept-language': lang } })).body);
    const en = (await get('en')).deadlines[0];
    expect(en).toMatchObject({ kind: 'decision', title: `Decide the legal aid application: 己某 (${(await get('zh')).case.caseNo})`, dueDate: '2020-03-11', status: 'open' });
    expect(en.explain).not.toMatch(/[\u4e00-\u9fff]{4}/);
    expect((await get('zh')).deadlines[0].title).toMatch(/^法律援助申请审查决定：己某/);
  });
});
