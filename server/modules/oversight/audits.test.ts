import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client, liaison: Client, liaison2: Client, officeJf: Client;
const NIL = '00000000-0000-4000-8000-000000000000';
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  [office, liaison, liaison2, officeJf] = await Promise.all(['office', 'liaison', 'liaison2', 'office_jf'].map((u) => t.as(u)));
});
afterAll(async () => t.close());

const project = (over: Record<string, unknown> = {}) => ({
  kind: 'investment', auditNo: `中审投〔2020〕${++seq}号`, title: '道路改造工程结算审计', unitId: ids['区城市管理局'], startOn: '2020-05-11',
  projectName: `中站区龙翔路改造工程${seq}`, submittedAmount: 1_000_000, ...over,
});
async function created(over: Record<string, unknown> = {}) {
  const r = await office.post('/api/v1/oversight/audits', project(over));
  expect(r.status).toBe(201);
  return r.body;
}
/** An audit taken to 'reported' with the report sent on the given date. */
async function reported(sentOn = '2020-06-01', over: Record<string, unknown> = {}) {
  const a = await created(over);
  expect((await office.post(`/api/v1/oversight/audits/${a.id}/notice`, { noticeOn: '2020-05-06' })).status).toBe(200);
  const r = await office.post(`/api/v1/oversight/audits/${a.id}/report`, { reportSentOn: sentOn });
  expect(r.status).toBe(200);
  return r.body;
}

describe('audits: boundaries', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon().get('/api/v1/oversight/audits')).status).toBe(401);
    expect((await t.anon().post('/api/v1/oversight/audits', {})).status).toBe(401);
  });
  it('answers 400 naming the fields each kind needs', async () => {
    let r = await office.post('/api/v1/oversight/audits', { kind: 'investment', auditNo: 'X-1', title: '审计', unitId: ids['区城市管理局'], startOn: '2020-05-11' });
    expect(r.body.error.details.fields.map((f: any) => f.path).sort()).toEqual(['projectName', 'submittedAmount']);
    r = await office.post('/api/v1/oversight/audits', { kind: 'economic_responsibility', auditNo: 'X-2', title: '审计', unitId: ids['区城市管理局'], startOn: '2020-05-11', periodFrom: '2019-01-01', periodTo: '2018-01-01' });
    expect(r.body.error.details.fields.map((f: any) => f.path).sort()).toEqual(['periodTo', 'personName', 'post']);
  });
  it('answers 403 to a unit entering an audit and 404 to another unit or district', async () => {
    expect((await liaison.post('/api/v1/oversight/audits', project())).status).toBe(403);
    const a = await created();
    expect((await liaison.get(`/api/v1/oversight/audits/${a.id}`)).status).toBe(200); // the audited unit reads its own
    expect((await liaison.post(`/api/v1/oversight/audits/${a.id}/notice`, { noticeOn: '2020-05-06' })).status).toBe(403);
    const unknown = await liaison2.get(`/api/v1/oversight/audits/${NIL}`);
    const other = await liaison2.get(`/api/v1/oversight/audits/${a.id}`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    expect((await officeJf.get(`/api/v1/oversight/audits/${a.id}`)).status).toBe(404);
    expect((await liaison2.get('/api/v1/oversight/audits')).body.total).toBe(0);
  });
});

describe('audits: rules', () => {
  it('serves the notice at least 3 days before the audit (审计法 第四十二条)', async () => {
    const a = await created({ startOn: '2020-05-11' });
    let r = await office.post(`/api/v1/oversight/audits/${a.id}/notice`, { noticeOn: '2020-05-09' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].path).toBe('noticeOn');
    r = await office.post(`/api/v1/oversight/audits/${a.id}/notice`, { noticeOn: '2020-05-08' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('noticed');
  });

  it('gives the auditee 10 days for comments, rolled over National Day, on its to-do list', async () => {
    const a = await reported('2020-09-25');
    // 2020-09-25 + 10 days = 10-05, inside the holiday 10-01..10-08 → 10-09 (审计法 第四十四条).
    expect(a.commentsDue).toBe('2020-10-09');
    const todo = await liaison.get('/api/v1/todos');
    expect(JSON.stringify(todo.body)).toContain('对审计报告提出书面意见');
    let r = await liaison.post(`/api/v1/oversight/audits/${a.id}/comments`, { commentsOn: '2020-10-10', comments: '对审减金额无异议' });
    expect(r.body.error.code).toBe('COMMENTS_WINDOW_PASSED');
    // Without comments the office waits for the window to end (视同无异议).
    r = await office.post(`/api/v1/oversight/audits/${a.id}/conclude`, { concludedOn: '2020-10-09', findings: '结算多计工程量', approvedAmount: 900_000 });
    expect(r.body.error.code).toBe('COMMENTS_WINDOW_OPEN');
    r = await liaison.post(`/api/v1/oversight/audits/${a.id}/comments`, { commentsOn: '2020-10-09', comments: '对审减金额无异议' });
    expect(r.status).toBe(200);
    r = await office.post(`/api/v1/oversight/audits/${a.id}/conclude`, { concludedOn: '2020-10-09', findings: '结算多计工程量', approvedAmount: 900_000 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'concluded', approvedAmount: 900_000, reduction: 100_000, reductionRate: 10 });
  });

  it('refuses an approved amount above the submitted one unless marked as an increase', async () => {
    const a = await reported('2020-06-01');
    let r = await office.post(`/api/v1/oversight/audits/${a.id}/conclude`, { concludedOn: '2020-06-20', findings: '少计签证变更', approvedAmount: 1_050_000 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('APPROVED_ABOVE_SUBMITTED');
    expect(r.body.error.details.fields[0].path).toBe('approvedAmount');
    expect((await office.get(`/api/v1/oversight/audits/${a.id}`)).body.status).toBe('reported');
    r = await office.post(`/api/v1/oversight/audits/${a.id}/conclude`, { concludedOn: '2020-06-20', findings: '少计签证变更', approvedAmount: 1_050_000, isIncrease: true });
    expect(r.body).toMatchObject({ reduction: -50_000, isIncrease: true });
  });

  it('tracks rectification items to the audited unit and publishes the results', async () => {
    const a = await reported('2020-06-01');
    await office.post(`/api/v1/oversight/audits/${a.id}/conclude`, { concludedOn: '2020-06-20', findings: '未按规定办理竣工验收备案', approvedAmount: 950_000 });
    let r = await office.post(`/api/v1/oversight/audits/${a.id}/rectifications`, { issue: '未办理竣工验收备案', requirement: '限期补办', dueOn: '2020-08-20' });
    expect(r.status).toBe(200);
    const rect = r.body.rectifications[0];
    expect(rect).toMatchObject({ status: 'open', unitName: '区城市管理局', canReport: true });
    const d = await t.db.selectFrom('deadlines').select(['due_date', 'unit_id']).where('entity_id', '=', rect.id).executeTakeFirstOrThrow();
    expect(d).toEqual({ due_date: '2020-08-20', unit_id: ids['区城市管理局'] });
    r = await liaison.post(`/api/v1/oversight/rectifications/${rect.id}/report`, { reportedOn: '2020-08-10', report: '已补办竣工验收备案手续' });
    expect(r.status).toBe(200);
    expect(r.body.rectifications[0].status).toBe('done');
    expect((await liaison2.post(`/api/v1/oversight/rectifications/${rect.id}/report`, { reportedOn: '2020-08-10', report: '已补办' })).status).toBe(404);
    r = await office.post(`/api/v1/oversight/audits/${a.id}/publish`, { publishedOn: '2020-09-01', publicationRef: '中站区人民政府网站·审计结果公告' });
    expect(r.body.status).toBe('published');
  });
});

describe('audits: metrics on hand-computed data', () => {
  it('counts concluded audits, sums reductions in 万元 and rates rectifications', async () => {
    const city = await t.db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410800').executeTakeFirstOrThrow();
    const rg = await t.db.insertInto('regions').values({ code: '410811', name: '山阳区', level: 'district', parent_id: city.id, path: `${city.path}/410811` }).returning('id').executeTakeFirstOrThrow();
    const u = await t.db.insertInto('units').values({ name: '山阳区住建局', type: 'department', region_id: rg.id }).returning('id').executeTakeFirstOrThrow();
    const scope = await metricScopeOf(t.db, rg.id);
    const p = yearPeriod(2020);
    const m = (id: string) => getMetric(id)!.compute(t.db, scope, p);
    expect(await m('oversight.auditProjects')).toBeNull();
    expect(await m('oversight.auditReductionWan')).toBeNull();
    expect(await m('oversight.rectificationRate')).toBeNull();
    const inv = (no: string, submitted: number, approved: number | null, concluded: string | null) => ({
      region_id: rg.id, kind: 'investment' as const, audit_no: no, title: '审计', unit_id: u.id, start_on: '2020-03-01', project_name: no,
      submitted_amount: submitted, approved_amount: approved, is_increase: approved !== null && approved > submitted, concluded_on: concluded, status: concluded ? 'concluded' as const : 'reported' as const,
    });
    await t.db.insertInto('audits').values([
      inv('A1', 1_000_000, 900_000, '2020-04-01'), // −100 000
      inv('A2', 300_000, 276_600, '2020-12-31'), // −23 400
      inv('A3', 100_000, 110_000, '2020-06-01'), // +10 000 increase
      inv('A4', 500_000, 400_000, '2021-01-02'), // next year
      inv('A5', 500_000, null, null), // not concluded
      { region_id: rg.id, kind: 'economic_responsibility', audit_no: 'E1', title: '经责', unit_id: u.id, start_on: '2020-03-01', person_name: '王某', post: '局长', period_from: '2017-01-01', period_to: '2019-12-31', concluded_on: '2020-09-01', status: 'concluded' },
    ]).execute();
    expect(await m('oversight.auditProjects')).toBe(3);
    // (100 000 + 23 400 − 10 000) yuan = 11.34 万元
    expect(await m('oversight.auditReductionWan')).toBe(11.34);
    expect(await m('oversight.economicResponsibilityAudits')).toBe(1);
    const a1 = await t.db.selectFrom('audits').select('id').where('audit_no', '=', 'A1').executeTakeFirstOrThrow();
    await t.db.insertInto('audit_rectifications').values([
      { audit_id: a1.id, region_id: rg.id, unit_id: u.id, issue: '一', due_on: '2020-06-30', status: 'done', reported_on: '2020-06-20', report: '已整改' },
      { audit_id: a1.id, region_id: rg.id, unit_id: u.id, issue: '二', due_on: '2020-06-30', status: 'done', reported_on: '2020-07-20', report: '逾期整改' },
      { audit_id: a1.id, region_id: rg.id, unit_id: u.id, issue: '三', due_on: '2020-07-30', status: 'open' },
      { audit_id: a1.id, region_id: rg.id, unit_id: u.id, issue: '四', due_on: '2020-08-30', status: 'done', reported_on: '2020-08-01', report: '已整改' },
    ]).execute();
    expect(await m('oversight.rectificationRate')).toBe(50);
    expect((await getMetric('oversight.auditReductionWan')!.records(t.db, scope, p)).map((r) => r.label)).toEqual(['A1（审减100000.00元）', 'A3（审增10000.00元）', 'A2（审减23400.00元）']);
  });
});
