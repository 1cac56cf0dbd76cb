import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload as uploadXlsx } from '../../test/xlsx.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';
import { putSetting } from '../../core/settings.js';
import { buildActor } from '../../core/scope/index.js';
import { idCheckDigit, validIdNumber } from '../../../common/idcard.js';
import { hasThreeYears } from './service.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client;
let leader: Client;
let liaison: Client;
let officeJf: Client;
let street: Client;
let junior: string;
let senior: string;

const idNo = (first17: string) => first17 + idCheckDigit(first17);
const ID1 = idNo('41080319800101123');
const X = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  [office, leader, liaison, officeJf, street] = await Promise.all(['office', 'leader', 'liaison', 'office_jf', 'street'].map((u) => t.as(u)));
  const adminUser = await t.db.selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
  await putSetting(t.db, await buildActor(t.db, adminUser, null), 'legalaid.hardshipStandard', [{ from: '2020-01-01', monthlyIncome: 1200, source: '测试标准' }]);
  const j = await office.post('/api/v1/legalaid/lawyers', { unitId: ids['区司法局'], name: '钱律师', firm: '河南善博律师事务所', licenceNo: '14108201810111111', practiceSince: '2018-03-01' });
  expect(j.status).toBe(201);
  junior = j.body.id;
  const s = await office.post('/api/v1/legalaid/lawyers', { unitId: ids['区司法局'], name: '孙律师', firm: '河南纳圣律师事务所', licenceNo: '14108201510222222', practiceSince: '2015-06-01' });
  senior = s.body.id;
});
afterAll(async () => t.close());

const application = (over: Record<string, unknown> = {}) => ({
  unitId: ids['区司法局'], caseType: 'civil', serviceForm: 'litigation', personName: '张某', idNumber: ID1, phone: '13912345678',
  matter: '追索劳动报酬', receivedOn: '2020-01-21', ...over,
});
const notification = (over: Record<string, unknown> = {}) => ({
  unitId: ids['区司法局'], caseType: 'criminal', serviceForm: 'criminal_defence', personName: '李某', matter: '涉嫌盗窃罪',
  notifyingOrgan: 'police', notifyingOrganName: '焦作市公安局中站分局', mandatoryCategory: 'minor', notifiedOn: '2020-09-30', ...over,
});
const due = (body: { deadlines: { kind: string; dueDate: string }[] }, kind: string) => body.deadlines.find((d) => d.kind === kind)?.dueDate;

describe('ID numbers', () => {
  it('accepts a number whose check digit matches and refuses one that does not', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('110105194912310021')).toBe(false);
    expect(validIdNumber(ID1)).toBe(true);
  });
  it('counts three years of practice from the first day of practice', () => {
    expect(hasThreeYears('2017-10-09', '2020-10-09')).toBe(true);
    expect(hasThreeYears('2017-10-10', '2020-10-09')).toBe(false);
  });
});

describe('legal aid endpoints: boundaries', () => {
  it('answers 401 to anonymous callers', async () => {
    for (const u of ['/api/v1/legalaid/cases', '/api/v1/legalaid/help', '/api/v1/legalaid/teams', '/api/v1/legalaid/lawyers'])
      expect((await t.anon().get(u)).status).toBe(401);
    expect((await t.anon().post('/api/v1/legalaid/cases/applications', application())).status).toBe(401);
  });
  it('names the bad fields: an ID number with a bad check digit, a missing matter', async () => {
    const r = await office.post('/api/v1/legalaid/cases/applications', application({ idNumber: '410803198001011230', matter: '' }));
    expect(r.status).toBe(400);
    const paths = JSON.stringify(r.body);
    expect(paths).toContain('idNumber');
    expect(paths).toContain('matter');
    expect(await t.db.selectFrom('legalaid_cases').select('id').execute()).toHaveLength(0);
  });
  it('refuses a leader (read-only) and another unit\'s liaison writing at the legal-aid centre', async () => {
    expect((await leader.post('/api/v1/legalaid/cases/applications', application())).status).toBe(403);
    expect((await liaison.post('/api/v1/legalaid/cases/applications', application())).status).toBe(403);
  });
  it('answers 404 for an unknown case', async () => {
    expect((await office.get(`/api/v1/legalaid/cases/${X}`)).status).toBe(404);
  });
});

describe('an application across the 2020 Spring Festival', () => {
  let id: string;
  it('puts the 7-day decision deadline on 2020-02-07 (7 working days after 01-21; 01-24..02-02 not counted)', async () => {
    const r = await office.post('/api/v1/legalaid/cases/applications', application());
    expect(r.status).toBe(201);
    id = r.body.case.id;
    expect(r.body.case.status).toBe('received');
    expect(due(r.body, 'decision')).toBe('2020-02-07');
    expect(r.body.deadlines[0].basis).toContain('第四十三条');
    const todo = await t.db.selectFrom('deadlines').select(['due_date', 'status']).where('entity_id', '=', id).where('kind', '=', 'decision').executeTakeFirstOrThrow();
    expect(todo).toEqual({ due_date: '2020-02-07', status: 'open' });
  });
  it('refuses an assignment before the aid decision, and saves nothing', async () => {
    const r = await office.post(`/api/v1/legalaid/cases/${id}/assign`, { lawyerId: junior, assignedOn: '2020-02-03' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ASSIGN_BEFORE_DECISION');
    expect((await office.get(`/api/v1/legalaid/cases/${id}`)).body.case.lawyerName).toBeNull();
  });
  it('refuses a decision after 02-07 without the reason for the delay', async () => {
    const r = await office.post(`/api/v1/legalaid/cases/${id}/decision`, { decidedOn: '2020-02-10', granted: true, hardshipBasis: 'checked', monthlyIncome: 800 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('DECISION_LATE_REASON_REQUIRED');
    expect(JSON.stringify(r.body)).toContain('lateReason');
  });
  it('refuses to grant aid when the income is above the province standard in force', async () => {
    const r = await office.post(`/api/v1/legalaid/cases/${id}/decision`, { decidedOn: '2020-02-06', granted: true, hardshipBasis: 'checked', monthlyIncome: 1500 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('HARDSHIP_NOT_MET');
  });
  it('grants on the checked income, keeps the standard applied, and starts the 3-day assignment clock (02-06 → 02-11)', async () => {
    const r = await office.post(`/api/v1/legalaid/cases/${id}/decision`, { decidedOn: '2020-02-06', granted: true, hardshipBasis: 'checked', monthlyIncome: 800 });
    expect(r.status).toBe(200);
    expect(r.body.case).toMatchObject({ status: 'granted', standardApplied: 1200, monthlyIncome: 800, lateReason: null });
    expect(r.body.deadlines.find((d: { kind: string }) => d.kind === 'decision').status).toBe('done');
    expect(due(r.body, 'assignment')).toBe('2020-02-11');
  });
  it('assigns a lawyer, closing the assignment deadline; then progress, closing with materials and quality review', async () => {
    const a = await office.post(`/api/v1/legalaid/cases/${id}/assign`, { lawyerId: junior, assignedOn: '2020-02-10' });
    expect(a.status).toBe(200);
    expect(a.body.case).toMatchObject({ status: 'assigned', lawyerName: '钱律师' });
    expect(a.body.deadlines.every((d: { status: string }) => d.status === 'done')).toBe(true);
    expect((await office.post(`/api/v1/legalaid/cases/${id}/progress`, { on: '2020-03-02', note: '已向劳动仲裁委提交仲裁申请' })).status).toBe(200);
    expect((await office.post(`/api/v1/legalaid/cases/${id}/close`, { closedOn: '2020-05-20', result: '调解结案', materialsComplete: false })).status).toBe(400);
    expect((await office.post(`/api/v1/legalaid/cases/${id}/close`, { closedOn: '2020-05-20', result: '仲裁调解结案，追回工资2.3万元', materialsComplete: true })).status).toBe(200);
    expect((await office.post(`/api/v1/legalaid/cases/${id}/quality`, { reviewedOn: '2020-06-01', grade: 'fail', subsidy: 800 })).status).toBe(400);
    const q = await office.post(`/api/v1/legalaid/cases/${id}/quality`, { reviewedOn: '2020-06-01', grade: 'good', subsidy: 800 });
    expect(q.status).toBe(200);
    expect(q.body.case).toMatchObject({ status: 'closed', qualityGrade: 'good', subsidy: 800 });
    expect(q.body.progress).toHaveLength(1);
  });
  it('shows the ID number and phone in full to the handling staff, masked to a leader, and audits who opened the case', async () => {
    expect((await office.get(`/api/v1/legalaid/cases/${id}`)).body.case.idNumber).toBe(ID1);
    const l = await leader.get('/api/v1/legalaid/cases');
    expect(l.status).toBe(200);
    const row = l.body.items.find((c: { id: string }) => c.id === id);
    expect(row.idNumber).toBe('410803********' + ID1.slice(-4));
    expect(row.phone).toBe('139****5678');
    expect(row.canEdit).toBe(false);
    await leader.get(`/api/v1/legalaid/cases/${id}`);
    const opens = await t.db.selectFrom('audit_log').select('actor_name').where('entity', '=', 'legalaid_case').where('entity_id', '=', id).where('action', '=', 'open').execute();
    expect(opens.map((o) => o.actor_name)).toEqual(expect.arrayContaining(['王晓丽', '赵红兵']));
  });
  it('hides the case from another district and another unit (404)', async () => {
    expect((await officeJf.get(`/api/v1/legalaid/cases/${id}`)).status).toBe(404);
    expect((await liaison.get(`/api/v1/legalaid/cases/${id}`)).status).toBe(404);
    expect((await street.get(`/api/v1/legalaid/cases/${id}`)).status).toBe(404);
    expect((await officeJf.get('/api/v1/legalaid/cases')).body.total).toBe(0);
    expect((await officeJf.post(`/api/v1/legalaid/cases/${id}/progress`, { on: '2020-03-03', note: 'x' })).status).toBe(404);
  });
});

describe('decisions and objections around National Day 2020', () => {
  it('puts the decision on 09-30 and the assignment, from a 09-29 decision, on the 调休 Saturday 10-10', async () => {
    const r = await office.post('/api/v1/legalaid/cases/applications', application({ personName: '王某', receivedOn: '2020-09-22', idNumber: null }));
    expect(due(r.body, 'decision')).toBe('2020-09-30');
    const d = await office.post(`/api/v1/legalaid/cases/${r.body.case.id}/decision`, { decidedOn: '2020-09-29', granted: true, hardshipBasis: 'art42', exemption: 'migrant_wages' });
    expect(d.status).toBe(200);
    expect(d.body.case).toMatchObject({ hardshipBasis: 'art42', exemption: 'migrant_wages', standardApplied: null });
    expect(due(d.body, 'assignment')).toBe('2020-10-10');
    expect((await office.post(`/api/v1/legalaid/cases/${r.body.case.id}/assign`, { lawyerId: junior, assignedOn: '2020-10-09' })).status).toBe(200);
  });
  it('requires the art. 32 category when the means test is skipped under art. 32', async () => {
    const r = await office.post('/api/v1/legalaid/cases/applications', application({ personName: '赵某', receivedOn: '2020-09-22' }));
    const d = await office.post(`/api/v1/legalaid/cases/${r.body.case.id}/decision`, { decidedOn: '2020-09-23', granted: true, hardshipBasis: 'art32' });
    expect(d.status).toBe(400);
    expect(JSON.stringify(d.body)).toContain('exemption');
  });
  it('refuses in writing, takes the objection with a 5-day review due 10-12, and an upheld objection starts the assignment clock (10-09 → 10-13)', async () => {
    const r = await office.post('/api/v1/legalaid/cases/applications', application({ personName: '周某', receivedOn: '2020-09-21', caseType: 'administrative' }));
    const id = r.body.case.id;
    const noReason = await office.post(`/api/v1/legalaid/cases/${id}/decision`, { decidedOn: '2020-09-25', granted: false, hardshipBasis: 'checked', monthlyIncome: 2600 });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('refusalReasons');
    const refused = await office.post(`/api/v1/legalaid/cases/${id}/decision`, { decidedOn: '2020-09-25', granted: false, hardshipBasis: 'checked', monthlyIncome: 2600, refusalReasons: '家庭人均月收入高于经济困难标准' });
    expect(refused.body.case.status).toBe('refused');
    const o = await office.post(`/api/v1/legalaid/cases/${id}/objection`, { objectedOn: '2020-09-28', reasons: '家庭有重病成员，实际支出大' });
    expect(o.status).toBe(200);
    expect(due(o.body, 'objection')).toBe('2020-10-12');
    expect((await office.post(`/api/v1/legalaid/cases/${id}/objection`, { objectedOn: '2020-09-28', reasons: '再次异议' })).status).toBe(409);
    const rv = await office.post(`/api/v1/legalaid/cases/${id}/objection-review`, { reviewedOn: '2020-10-09', upheld: true, opinion: '异议成立，责令给予法律援助' });
    expect(rv.status).toBe(200);
    expect(rv.body.case.status).toBe('granted');
    expect(due(rv.body, 'assignment')).toBe('2020-10-13');
  });
});

describe('notification cases', () => {
  it('need no decision; the 3-day assignment clock runs from the notification (09-30 → 10-12)', async () => {
    const r = await office.post('/api/v1/legalaid/cases/notifications', notification());
    expect(r.status).toBe(201);
    expect(r.body.case).toMatchObject({ status: 'granted', origin: 'notification' });
    expect(due(r.body, 'assignment')).toBe('2020-10-12');
    expect(r.body.deadlines[0].basis).toContain('第三十六条');
    expect((await office.post(`/api/v1/legalaid/cases/${r.body.case.id}/assign`, { lawyerId: junior, assignedOn: '2020-10-09' })).status).toBe(200);
  });
  it('refuse a lawyer with under three years of practice for a possible life sentence, and take a senior one', async () => {
    const r = await office.post('/api/v1/legalaid/cases/notifications', notification({ personName: '陈某', matter: '涉嫌故意杀人罪', mandatoryCategory: 'life_or_death', notifyingOrgan: 'procuratorate', notifyingOrganName: '中站区人民检察院' }));
    const id = r.body.case.id;
    const bad = await office.post(`/api/v1/legalaid/cases/${id}/assign`, { lawyerId: junior, assignedOn: '2020-10-09' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('LAWYER_NOT_QUALIFIED');
    const ok = await office.post(`/api/v1/legalaid/cases/${id}/assign`, { lawyerId: senior, assignedOn: '2020-10-09' });
    expect(ok.status).toBe(200);
    expect(ok.body.case.possibleSentence).toBe('life');
  });
  it('are for criminal cases', async () => {
    const r = await office.post('/api/v1/legalaid/cases/notifications', notification({ caseType: 'civil' }));
    expect(r.status).toBe(400);
  });
});

describe('legal help, teams and check-ups', () => {
  it('records legal help person-times by channel, at a subdistrict too', async () => {
    for (const [channel, servedOn] of [['window', '2020-03-02'], ['hotline', '2020-03-03'], ['online', '2019-12-30']] as const)
      expect((await office.post('/api/v1/legalaid/help', { unitId: ids['区司法局'], servedOn, channel, form: 'consultation', matterType: 'labour', summary: '咨询拖欠工资' })).status).toBe(201);
    const s = await street.post('/api/v1/legalaid/help', { unitId: ids['府城街道办事处'], servedOn: '2020-04-01', channel: 'window', form: 'drafting', matterType: 'family', summary: '代写离婚协议' });
    expect(s.status).toBe(201);
    expect((await street.post('/api/v1/legalaid/help', { unitId: ids['区司法局'], servedOn: '2020-04-01', channel: 'window', form: 'drafting', matterType: 'family', summary: 'x' })).status).toBe(403);
    expect((await street.get('/api/v1/legalaid/help')).body.total).toBe(1);
  });
  it('forms teams and records check-ups, one enterprise kept once', async () => {
    const a = await office.post('/api/v1/legalaid/teams', { unitId: ids['区司法局'], name: '第一律师服务团', formedOn: '2020-04-01', lawyerIds: [junior, senior] });
    expect(a.status).toBe(201);
    expect(a.body.lawyers).toHaveLength(2);
    const b = await office.post('/api/v1/legalaid/teams', { unitId: ids['区司法局'], name: '第二律师服务团', formedOn: '2020-04-01', lawyerIds: [senior] });
    const c = await office.post('/api/v1/legalaid/teams', { unitId: ids['区司法局'], name: '第三律师服务团', formedOn: '2020-04-01', lawyerIds: [junior] });
    expect((await office.post('/api/v1/legalaid/teams', { unitId: ids['区司法局'], name: '第三律师服务团', formedOn: '2020-04-01', lawyerIds: [junior] })).status).toBe(409);
    const check = (teamId: string, name: string, code: string, ownership: string, checkedOn: string) =>
      office.post('/api/v1/legalaid/checkups', { teamId, checkedOn, enterpriseName: name, creditCode: code, ownership, issuesFound: '劳动合同不规范', recommendations: '修订劳动合同范本' });
    expect((await check(a.body.id, '焦作甲公司', '91410803MA00000001', 'private', '2020-05-06')).status).toBe(201);
    expect((await check(a.body.id, '焦作甲公司', '91410803MA00000001', 'private', '2020-09-06')).status).toBe(201);
    expect((await check(b.body.id, '焦作乙公司', '91410803MA00000002', 'private', '2020-06-06')).status).toBe(201);
    expect((await check(b.body.id, '焦作丙公司', '91410803MA00000003', 'state', '2020-06-07')).status).toBe(201);
    expect((await check(c.body.id, '焦作丁公司', '91410803MA00000004', 'private', '2020-03-01')).status).toBe(400); // before the team was formed
    expect((await check(a.body.id, '焦作丁公司', 'BAD', 'private', '2020-05-06')).status).toBe(400);
  });
});

describe('legal aid metrics on the cases above', () => {
  // Assigned in 2020: the Spring Festival civil case, the National Day civil case, the minor's and the
  // life-sentence criminal notifications = 4 (2 civil, 2 criminal). The objection case is granted, not assigned.
  it('count assigned cases by type, legal help person-times by channel, teams and private enterprises checked', async () => {
    const zz = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const scope = await metricScopeOf(t.db, zz.id);
    const p = yearPeriod(2020);
    const v = async (id: string) => getMetric(id)!.compute(t.db, scope, p);
    expect(await v('legalaid.casesAssigned')).toBe(4);
    expect(await v('legalaid.civilCases')).toBe(2);
    expect(await v('legalaid.criminalCases')).toBe(2);
    expect(await v('legalaid.legalHelpPersonTimes')).toBe(3);
    expect(await v('legalaid.lawyerTeams')).toBe(2);
    expect(await v('legalaid.enterprisesChecked')).toBe(2);
    expect(await getMetric('legalaid.casesAssigned')!.breakdown!(t.db, scope, p, 'caseType')).toEqual([
      { key: 'civil', label: '民事', value: 2 }, { key: 'criminal', label: '刑事', value: 2 },
    ]);
    expect(await getMetric('legalaid.legalHelpPersonTimes')!.breakdown!(t.db, scope, p, 'channel')).toEqual([
      { key: 'window', label: '窗口', value: 2 }, { key: 'hotline', label: '12348热线', value: 1 },
    ]);
    const jf = await t.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow();
    expect(await getMetric('legalaid.casesAssigned')!.compute(t.db, await metricScopeOf(t.db, jf.id), p)).toBeNull();
  });
});

describe('the case ledger in Excel', () => {
  async function xlsx(rows: Record<string, unknown>[]) {
    const { exportXlsx } = await import('../../core/excel/index.js');
    const { caseLedgerSheet } = await import('./excel.js');
    return exportXlsx(caseLedgerSheet, rows as never[]);
  }
  const upload = (c: Client, buf: Buffer, dryRun: 0 | 1) => uploadXlsx(t, c, `/api/v1/legalaid/cases/import?dryRun=${dryRun}`, buf, { name: 'cases.xlsx' });
  const row = (over: Record<string, unknown> = {}) => ({
    origin: '申请', caseType: '民事', serviceForm: '民事、行政、国家赔偿案件诉讼代理', personName: '冯某', idNumber: idNo('41080319750505123'), phone: '13700001111',
    matter: '请求给付赡养费', receivedOn: '2020-12-28', unit: '区司法局', ...over,
  });
  const count = async () => Number((await t.db.selectFrom('legalaid_cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  it('names every bad cell and saves nothing: bad check digit, unknown unit, another unit, a notification without its organ, a civil notification', async () => {
    const before = await count();
    const r = await upload(office, await xlsx([
      row(),
      row({ idNumber: '410803197505051230', personName: '甲' }),
      row({ unit: '不存在的单位', personName: '乙' }),
      row({ origin: '通知', caseType: '刑事', serviceForm: '刑事辩护与代理', personName: '丙', notifyingOrganName: '中站区人民法院', mandatoryCategory: '未成年人' }),
      row({ origin: '通知', personName: '丁', notifyingOrgan: '人民法院', notifyingOrganName: '中站区人民法院', mandatoryCategory: '未成年人' }),
      row({ caseType: '家事', personName: '戊' }),
      row({ personName: '冯某' }),
    ]), 0);
    expect(r.status).toBe(200);
    expect(r.body.committed).toBe(0);
    expect(r.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '3:身份证号码', '4:承办单位', '5:通知机关类别', '6:案件类型', '7:案件类型', '8:受援人',
    ]);
    expect(r.body.errors[0].message).toContain('校验位');
    expect(await count()).toBe(before);
    // Another district's office finds no 区司法局 in its own region.
    const jf = await upload(officeJf, await xlsx([row()]), 1);
    expect(jf.body.errors).toEqual([expect.objectContaining({ row: 2, column: '承办单位', message: expect.stringContaining('不在您的区域内') })]);
    // A subdistrict's liaison looks inside the subdistrict; another department's liaison finds the unit but may not write there.
    expect((await upload(street, await xlsx([row()]), 1)).body.errors).toEqual([expect.objectContaining({ column: '承办单位', message: expect.stringContaining('不在您的区域内') })]);
    expect((await upload(liaison, await xlsx([row()]), 1)).body.errors).toEqual([expect.objectContaining({ column: '承办单位', message: expect.stringContaining('无权登记') })]);
    expect((await upload(leader, await xlsx([row()]), 1)).status).toBe(403);
  });
  it('receives a clean ledger through the services: the 7-day decision of an application received 2020-12-28 is due 2021-01-07 (New Year\'s Day not counted); a notification of 12-30 is to be assigned by 2021-01-05', async () => {
    const r = await upload(office, await xlsx([
      row(),
      row({ origin: '通知', caseType: '刑事', serviceForm: '刑事辩护与代理', personName: '卫某', idNumber: undefined, phone: undefined, matter: '涉嫌抢劫罪', receivedOn: '2020-12-30',
        notifyingOrgan: '人民检察院', notifyingOrganName: '焦作市中站区人民检察院', mandatoryCategory: '未成年人' }),
    ]), 0);
    expect(r.body).toMatchObject({ errors: [], committed: 2 });
    const list = (await office.get('/api/v1/legalaid/cases?q=%E5%86%AF%E6%9F%90')).body.items;
    expect(list[0]).toMatchObject({ status: 'received', decisionDue: '2021-01-07', origin: 'application' });
    const n = (await office.get('/api/v1/legalaid/cases?q=%E5%8D%AB%E6%9F%90')).body.items[0];
    expect(n).toMatchObject({ status: 'granted', assignmentDue: '2021-01-05', notifyingOrgan: 'procuratorate' });
  });
  it('exports the cases with ID numbers and phones in full to the handling staff and masked to a leader', async () => {
    const read = async (c: Client) => {
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/legalaid/cases/export?year=2020&q=%E5%86%AF%E6%9F%90', headers: { cookie: c.cookie } });
      expect(r.statusCode).toBe(200);
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as never);
      const ws = wb.worksheets[0];
      const header = (ws.getRow(1).values as string[]);
      const cell = (name: string) => String(ws.getRow(2).getCell(header.indexOf(name)).value);
      return { id: cell('身份证号码'), phone: cell('联系电话'), next: ws.getRow(3).getCell(header.indexOf('受援人')).value ?? null };
    };
    const full = await read(office);
    expect(full).toMatchObject({ id: idNo('41080319750505123'), phone: '13700001111', next: null });
    const masked = await read(leader);
    expect(masked.id).toMatch(/^4108\*+\w{4}$|^410803\*+/);
    expect(masked.id).not.toContain('19750505');
    expect(masked.phone).not.toBe('13700001111');
    expect((await t.anon().get('/api/v1/legalaid/cases/export')).status).toBe(401);
  });
});

describe('the to-do list ranks statutory time limits alike', () => {
  it('puts an older overdue statutory item of another module before a fresh legal-aid deadline, and legal-aid limits above the mediation norm', async () => {
    const { setDeadline } = await import('../../core/deadlines/index.js');
    const zz = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const { STATUTORY_PRIORITY } = await import('./service.js');
    // A filing deadline as the documents module sets it (priority 2), long overdue.
    await setDeadline(t.db, {
      module: 'documents', entity: 'normative_document', entityId: X, kind: 'filing', title: { zh: '规范性文件报送备案（测试）', en: 'File the normative document (test)' }, regionId: zz.id, unitId: ids['区司法局'],
      spec: { from: '2019-11-01', unit: 'ND', n: 30, rollOver: true }, basis: '规章制定程序条例 第三十四条', priority: 2,
    });
    const todos = (await office.get('/api/v1/todos')).body.deadlines as { module: string; dueDate: string; priority: number }[];
    const filing = todos.findIndex((d) => d.module === 'documents');
    const firstAid = todos.findIndex((d) => d.module === 'legalaid');
    expect(STATUTORY_PRIORITY).toBe(2);
    expect(filing).toBeGreaterThanOrEqual(0);
    expect(firstAid).toBeGreaterThan(filing);
    expect(todos.filter((d) => d.module === 'legalaid').every((d) => d.priority === 2)).toBe(true);
  });
});
