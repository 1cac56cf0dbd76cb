import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload as uploadXlsx } from '../../test/xlsx.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';
import { hashPassword } from '../../core/auth/password.js';
import { DEMO_PASSWORD } from '../../../demo/org.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client;
let leader: Client;
let street: Client;
let street2: Client;
let officeJf: Client;
let fucheng: string;
let xuheng: string;
let mediator: string;

const X = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  // A liaison of another subdistrict, to prove one subdistrict never sees another's disputes.
  const hash = await hashPassword(DEMO_PASSWORD, t.cfg.scryptN);
  const u = await t.db.insertInto('users').values({ username: 'street_xh', display_name: '许衡街道联络员', unit_id: ids['许衡街道办事处'], password_hash: hash }).returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('role_assignments').values({ user_id: u.id, role: 'liaison', unit_id: ids['许衡街道办事处'] }).execute();
  [office, leader, street, street2, officeJf] = await Promise.all(['office', 'leader', 'street', 'street_xh', 'office_jf'].map((n) => t.as(n)));
  const c = await office.post('/api/v1/mediation/committees', { unitId: ids['府城街道办事处'], name: '府城街道人民调解委员会', kind: 'subdistrict', establishedOn: '2011-03-01' });
  expect(c.status).toBe(201);
  fucheng = c.body.id;
  const c2 = await street2.post('/api/v1/mediation/committees', { unitId: ids['许衡街道办事处'], name: '许衡街道人民调解委员会', kind: 'subdistrict', establishedOn: '2011-03-01' });
  expect(c2.status).toBe(201);
  xuheng = c2.body.id;
  const m = await street.post('/api/v1/mediation/mediators', { committeeId: fucheng, name: '马调解员', fullTime: true });
  expect(m.status).toBe(201);
  mediator = m.body.id;
});
afterAll(async () => t.close());

const dispute = (over: Record<string, unknown> = {}) => ({
  committeeId: fucheng, disputeType: 'neighbour', source: 'police', referredBy: '府城派出所', parties: '甲某与乙某', summary: '因楼上漏水引发邻里纠纷',
  receivedOn: '2020-09-05', mediatorId: mediator, ...over,
});
const due = (b: { deadlines: { kind: string; dueDate: string }[] }, kind: string) => b.deadlines.find((d) => d.kind === kind)?.dueDate;

describe('mediation endpoints: boundaries', () => {
  it('answers 401 to anonymous callers', async () => {
    for (const u of ['/api/v1/mediation/disputes', '/api/v1/mediation/committees', '/api/v1/mediation/mediators']) expect((await t.anon().get(u)).status).toBe(401);
  });
  it('names the missing referring organ of a referral', async () => {
    const r = await street.post('/api/v1/mediation/disputes', dispute({ referredBy: null }));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('referredBy');
  });
  it('refuses an unknown dispute type', async () => {
    const r = await street.post('/api/v1/mediation/disputes', dispute({ disputeType: 'nonsense' }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('DISPUTE_TYPE_UNKNOWN');
  });
  it('refuses a leader (403) and a subdistrict recording at another subdistrict\'s committee (400, unknown committee)', async () => {
    expect((await leader.post('/api/v1/mediation/disputes', dispute())).status).toBe(403);
    expect((await street2.post('/api/v1/mediation/disputes', dispute())).status).toBe(400);
    expect((await street2.post('/api/v1/mediation/committees', { unitId: ids['府城街道办事处'], name: '某社区人民调解委员会', kind: 'community', establishedOn: '2015-01-01' })).status).toBe(403);
  });
});

describe('a police-referred dispute at 府城街道', () => {
  let id: string;
  it('gets the one-month norm as its due date: 09-05 + 1 month = 10-05, a National Day holiday, moved to 10-09', async () => {
    const r = await street.post('/api/v1/mediation/disputes', dispute());
    expect(r.status).toBe(201);
    id = r.body.dispute.id;
    expect(r.body.dispute).toMatchObject({ status: 'mediating', source: 'police', disputeTypeLabel: '邻里纠纷', mediatorName: '马调解员', caseNo: '2020-0001' });
    expect(due(r.body, 'mediation')).toBe('2020-10-09');
    expect(r.body.deadlines[0].explain).toContain('顺延至2020-10-09');
  });
  it('refuses a success with no agreement, and an agreement dated before the dispute was received; nothing is saved', async () => {
    const none = await street.post(`/api/v1/mediation/disputes/${id}/success`, { agreementForm: 'written', agreementOn: '2020-09-10' });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('agreement');
    const early = await street.post(`/api/v1/mediation/disputes/${id}/success`, { agreementForm: 'written', agreementOn: '2020-09-04', agreement: '乙某赔偿甲某2000元' });
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('AGREEMENT_BEFORE_RECEIPT');
    expect((await street.get(`/api/v1/mediation/disputes/${id}`)).body.dispute.status).toBe('mediating');
  });
  it('records the written agreement; the 30-day judicial-confirmation window ends 10-10 (a 调休 working Saturday, so no move)', async () => {
    const r = await street.post(`/api/v1/mediation/disputes/${id}/success`, { agreementForm: 'written', agreementOn: '2020-09-10', agreement: '乙某修复防水层并赔偿甲某2000元' });
    expect(r.status).toBe(200);
    expect(r.body.dispute.status).toBe('succeeded');
    expect(due(r.body, 'confirmation')).toBe('2020-10-10');
    expect(r.body.deadlines.find((d: { kind: string }) => d.kind === 'mediation').status).toBe('done');
    expect(r.body.deadlines.find((d: { kind: string }) => d.kind === 'confirmation').basis).toContain('第三十三条');
    const late = await street.post(`/api/v1/mediation/disputes/${id}/confirmation`, { appliedOn: '2020-10-12', court: '中站区人民法院' });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('CONFIRMATION_WINDOW_PASSED');
    expect((await street.post(`/api/v1/mediation/disputes/${id}/confirmation`, { appliedOn: '2020-10-09', court: '中站区人民法院' })).status).toBe(200);
  });
  it('is seen by the office (district) but not by another subdistrict or district (404)', async () => {
    expect((await office.get(`/api/v1/mediation/disputes/${id}`)).status).toBe(200);
    expect((await street2.get(`/api/v1/mediation/disputes/${id}`)).status).toBe(404);
    expect((await officeJf.get(`/api/v1/mediation/disputes/${id}`)).status).toBe(404);
    expect((await street2.post(`/api/v1/mediation/disputes/${id}/failure`, { endedOn: '2020-09-20', advice: 'x' })).status).toBe(404);
    expect((await office.get(`/api/v1/mediation/disputes/${X}`)).status).toBe(404);
  });
});

describe('deadlines across holidays', () => {
  it('moves a one-month norm ending on 2020-01-24 (Spring Festival) to 02-03, and a 30-day window ending 10-02 to 10-09', async () => {
    const a = await street.post('/api/v1/mediation/disputes', dispute({ receivedOn: '2019-12-24', source: 'application', referredBy: null, disputeType: 'family', parties: '丙某与丁某' }));
    expect(due(a.body, 'mediation')).toBe('2020-02-03');
    const b = await street.post('/api/v1/mediation/disputes', dispute({ receivedOn: '2020-09-01', parties: '戊某与己某', disputeType: 'property', source: 'court', referredBy: '中站区人民法院' }));
    const s = await street.post(`/api/v1/mediation/disputes/${b.body.dispute.id}/success`, { agreementForm: 'written', agreementOn: '2020-09-02', agreement: '物业公司减免物业费500元' });
    expect(due(s.body, 'confirmation')).toBe('2020-10-09');
    const oral = await street.post('/api/v1/mediation/disputes', dispute({ receivedOn: '2020-09-03', parties: '庚某与辛某', source: 'initiative', referredBy: null }));
    const o = await street.post(`/api/v1/mediation/disputes/${oral.body.dispute.id}/success`, { agreementForm: 'oral', agreementOn: '2020-09-03', agreement: '当场赔礼道歉' });
    expect(due(o.body, 'confirmation')).toBeUndefined();
  });
});

describe('mediation metrics', () => {
  // 2020 at 府城: the neighbour (success), the property (success), the oral (success), a failed one, a
  // refused one and an open one; 许衡: one success. Accepted = 6 (refusal excluded), successes = 4 → 66.7 %.
  it('count accepted disputes by type and source, and compute the success rate from the counts', async () => {
    const f = await street.post('/api/v1/mediation/disputes', dispute({ receivedOn: '2020-11-02', parties: '壬某与癸某', disputeType: 'labour', source: 'petition', referredBy: '区信访局' }));
    expect((await street.post(`/api/v1/mediation/disputes/${f.body.dispute.id}/failure`, { endedOn: '2020-11-20', advice: '告知可申请劳动仲裁' })).status).toBe(200);
    const r = await street.post('/api/v1/mediation/disputes', dispute({ receivedOn: '2020-11-03', parties: '子某与丑某', source: 'application', referredBy: null }));
    expect((await street.post(`/api/v1/mediation/disputes/${r.body.dispute.id}/refusal`, { endedOn: '2020-11-04', note: '丑某明确拒绝调解' })).status).toBe(200);
    expect((await street.post(`/api/v1/mediation/disputes/${r.body.dispute.id}/failure`, { endedOn: '2020-11-05', advice: 'x' })).status).toBe(409);
    await street.post('/api/v1/mediation/disputes', dispute({ receivedOn: '2020-12-28', parties: '寅某与卯某', source: 'application', referredBy: null }));
    const x = await street2.post('/api/v1/mediation/disputes', dispute({ committeeId: xuheng, mediatorId: null, receivedOn: '2020-06-01', source: 'application', referredBy: null }));
    await street2.post(`/api/v1/mediation/disputes/${x.body.dispute.id}/success`, { agreementForm: 'oral', agreementOn: '2020-06-01', agreement: '互相谅解' });

    const zz = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const scope = await metricScopeOf(t.db, zz.id);
    const p = yearPeriod(2020);
    expect(await getMetric('mediation.disputesHandled')!.compute(t.db, scope, p)).toBe(6);
    expect(await getMetric('mediation.disputesSucceeded')!.compute(t.db, scope, p)).toBe(4);
    expect(await getMetric('mediation.successRate')!.compute(t.db, scope, p)).toBe(66.7);
    expect(await getMetric('mediation.disputesHandled')!.breakdown!(t.db, scope, p, 'source')).toEqual([
      { key: 'application', label: '当事人申请', value: 2 }, { key: 'court', label: '法院委托移送（诉调对接）', value: 1 },
      { key: 'initiative', label: '主动调解', value: 1 }, { key: 'petition', label: '信访部门移送（访调对接）', value: 1 }, { key: 'police', label: '公安机关移送（警调对接）', value: 1 },
    ]);
    const fc = await t.db.selectFrom('regions').select('id').where('code', '=', '410803002').executeTakeFirstOrThrow();
    expect(await getMetric('mediation.disputesHandled')!.compute(t.db, await metricScopeOf(t.db, fc.id), p)).toBe(5);
    expect(await getMetric('mediation.successRate')!.compute(t.db, await metricScopeOf(t.db, fc.id), yearPeriod(2019))).toBe(0);
    const jf = await t.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow();
    expect(await getMetric('mediation.successRate')!.compute(t.db, await metricScopeOf(t.db, jf.id), p)).toBeNull();
  });
  it('lists only a subdistrict\'s own disputes to its staff, all to the office', async () => {
    expect((await street2.get('/api/v1/mediation/disputes?year=2020')).body.total).toBe(1);
    expect((await street.get('/api/v1/mediation/disputes?year=2020')).body.total).toBe(6);
    expect((await office.get('/api/v1/mediation/disputes?year=2020')).body.total).toBe(7);
  });
});

describe('judicial-confirmation windows', () => {
  it('lapse by the scheduled sweep once passed without an application, and leave the to-do list', async () => {
    const { runScheduledTasks } = await import('../../core/schedule.js');
    const { modules } = await import('../index.js');
    const tasks = modules.flatMap((m) => m.scheduled ?? []);
    expect(tasks.map((x) => x.name)).toContain('mediation.lapseConfirmationWindows');
    const open = () => t.db.selectFrom('deadlines').select('entity_id').where('kind', '=', 'confirmation').where('status', '=', 'open').execute();
    // Open windows: the property dispute's (due 2020-10-09). The neighbour dispute's was applied for.
    expect(await open()).toHaveLength(1);
    expect(await runScheduledTasks(t.db, tasks, '2020-10-09')).toContainEqual({ name: 'mediation.lapseConfirmationWindows', changed: 0 });
    expect((await street.get('/api/v1/todos')).body.deadlines.filter((d: { kind: string }) => d.kind === 'confirmation')).toHaveLength(1);
    expect(await runScheduledTasks(t.db, tasks, '2020-10-10')).toContainEqual({ name: 'mediation.lapseConfirmationWindows', changed: 1 });
    expect(await open()).toHaveLength(0);
    expect((await street.get('/api/v1/todos')).body.deadlines.filter((d: { kind: string }) => d.kind === 'confirmation')).toHaveLength(0);
  });
});

describe('mediation sessions and follow-up visits', () => {
  let id: string;
  it('records a session while mediating (not before receipt, mediator of the committee only) and a visit only after the agreement', async () => {
    const r = await street.post('/api/v1/mediation/disputes', dispute({ receivedOn: '2020-07-06', parties: '辰某与巳某', source: 'application', referredBy: null }));
    id = r.body.dispute.id;
    const early = await street.post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'session', on: '2020-07-05', note: '首次调解' });
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('SESSION_BEFORE_RECEIPT');
    const other = await street2.post('/api/v1/mediation/mediators', { committeeId: xuheng, name: '许调解员', fullTime: false });
    expect((await street.post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'session', on: '2020-07-07', mediatorId: other.body.id, note: '首次调解' })).body.error.code).toBe('MEDIATOR_UNKNOWN');
    expect((await street.post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'visit', on: '2020-07-07', note: '回访' })).status).toBe(409);
    const ok = await street.post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'session', on: '2020-07-07', mediatorId: mediator, note: '分别听取双方陈述，释法明理' });
    expect(ok.status).toBe(200);
    expect(ok.body.notes).toEqual([expect.objectContaining({ kind: 'session', on: '2020-07-07', mediatorName: '马调解员' })]);
    await street.post(`/api/v1/mediation/disputes/${id}/success`, { agreementForm: 'written', agreementOn: '2020-07-10', agreement: '巳某赔偿辰某800元' });
    expect((await street.post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'session', on: '2020-07-11', note: 'x' })).status).toBe(409);
    expect((await street.post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'visit', on: '2020-07-09', note: 'x' })).body.error.code).toBe('VISIT_BEFORE_AGREEMENT');
    const v = await street.post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'visit', on: '2020-08-10', note: '协议已履行完毕，双方无异议' });
    expect(v.body.notes.map((n: { kind: string }) => n.kind)).toEqual(['session', 'visit']);
  });
  it('answers 401, 400, 403 and 404 as every write does', async () => {
    expect((await t.anon().post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'visit', on: '2020-08-11', note: 'x' })).status).toBe(401);
    expect((await street.post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'call', on: '2020-08-11', note: 'x' })).status).toBe(400);
    expect((await leader.post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'visit', on: '2020-08-11', note: 'x' })).status).toBe(403);
    expect((await street2.post(`/api/v1/mediation/disputes/${id}/notes`, { kind: 'visit', on: '2020-08-11', note: 'x' })).status).toBe(404);
    expect((await street.post(`/api/v1/mediation/disputes/${X}/notes`, { kind: 'visit', on: '2020-08-11', note: 'x' })).status).toBe(404);
  });
});

describe('the dispute ledger in Excel', () => {
  async function xlsx(rows: Record<string, unknown>[]) {
    const { exportXlsx } = await import('../../core/excel/index.js');
    const { ledgerSheet: sheet } = await import('./excel.js');
    return exportXlsx(sheet, rows as never[]);
  }
  const upload = (c: Client, buf: Buffer, dryRun: 0 | 1) => uploadXlsx(t, c, `/api/v1/mediation/disputes/import?dryRun=${dryRun}`, buf, { name: 'ledger.xlsx' });
  const good = (over: Record<string, unknown> = {}) => ({
    committee: '府城街道人民调解委员会', receivedOn: '2020-03-02', disputeType: '婚姻家庭纠纷', source: '警调对接', referredBy: '府城派出所', parties: '张甲与张乙',
    summary: '夫妻因家庭琐事争吵', mediator: '马调解员', outcome: '调解成功', agreementForm: '书面', agreementOn: '2020-03-05', agreement: '双方和好，互相谅解', ...over,
  });
  it('names every bad cell and imports nothing: unknown committee, another subdistrict\'s committee, type, mediator, agreement before receipt, success without agreement, failure without date', async () => {
    const before = (await office.get('/api/v1/mediation/disputes?year=2020')).body.total;
    const r = await upload(street, await xlsx([
      good(),
      good({ committee: '不存在人民调解委员会', parties: '李甲与李乙' }),
      good({ committee: '许衡街道人民调解委员会', parties: '王甲与王乙', mediator: undefined }),
      good({ disputeType: '吵架纠纷', parties: '赵甲与赵乙' }),
      good({ mediator: '许调解员', parties: '钱甲与钱乙' }),
      good({ agreementOn: '2020-03-01', parties: '孙甲与孙乙' }),
      good({ agreement: undefined, agreementForm: undefined, parties: '周甲与周乙' }),
      good({ outcome: '调解不成', agreementForm: undefined, agreementOn: undefined, agreement: undefined, parties: '吴甲与吴乙' }),
      good({ source: '路人移送', parties: '郑甲与郑乙' }),
      good({ receivedOn: '2020-02-30', parties: '冯甲与冯乙' }),
    ]), 1);
    expect(r.status).toBe(200);
    const cells = r.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(cells).toEqual(['3:调解委员会', '4:调解委员会', '5:纠纷类型', '6:调解员', '7:协议生效日期', '8:协议形式', '8:协议内容', '9:终止日期', '9:告知其他途径及说明', '10:纠纷来源', '11:受理日期']);
    expect(r.body.errors.find((e: { row: number }) => e.row === 7).message).toContain('不能早于受理日期（2020-03-02）');
    const commit = await upload(street, await xlsx([good(), good({ committee: '不存在人民调解委员会', parties: '李甲与李乙' })]), 0);
    expect(commit.body.committed).toBe(0);
    expect((await office.get('/api/v1/mediation/disputes?year=2020')).body.total).toBe(before);
  });
  it('imports a clean ledger through the services (numbers, norm, confirmation window) and refuses it a second time as already recorded', async () => {
    const before = (await office.get('/api/v1/mediation/disputes?year=2020')).body.total;
    const rows = [
      good(),
      good({ parties: '陈甲与陈乙', outcome: '调解中', agreementForm: undefined, agreementOn: undefined, agreement: undefined, source: '当事人申请', referredBy: undefined, receivedOn: '2020-01-20' }),
      good({ parties: '褚甲与褚乙', outcome: '调解不成', agreementForm: undefined, agreementOn: undefined, agreement: undefined, endedOn: '2020-03-20', advice: '告知可向人民法院起诉' }),
    ];
    const r = await upload(street, await xlsx(rows), 0);
    expect(r.body).toMatchObject({ errors: [], committed: 3 });
    expect((await office.get('/api/v1/mediation/disputes?year=2020')).body.total).toBe(before + 3);
    const list = (await street.get('/api/v1/mediation/disputes?q=%E9%99%88%E7%94%B2')).body.items;
    const d = (await street.get(`/api/v1/mediation/disputes/${list[0].id}`)).body;
    // Received 2020-01-20 + 1 month = 02-20 (a working day after the extended Spring Festival).
    expect(due(d, 'mediation')).toBe('2020-02-20');
    const s = (await street.get(`/api/v1/mediation/disputes/${(await street.get('/api/v1/mediation/disputes?q=%E5%BC%A0%E7%94%B2')).body.items[0].id}`)).body;
    expect(s.dispute).toMatchObject({ status: 'succeeded', agreementOn: '2020-03-05', mediatorName: '马调解员', source: 'police' });
    // 2020-03-05 + 30 days = 04-04, 清明 holiday (04-04…04-06) → 04-07.
    expect(due(s, 'confirmation')).toBe('2020-04-07');
    const again = await upload(street, await xlsx([rows[0]]), 1);
    expect(again.body.errors).toEqual([expect.objectContaining({ row: 2, column: '当事人', message: expect.stringContaining('已登记') })]);
  });
  it('exports the ledger a subdistrict sees, in the same columns, and answers 401/403 at the edges', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/mediation/disputes/export?year=2020', headers: { cookie: street2.cookie } });
    expect(r.statusCode).toBe(200);
    const { parseXlsx } = await import('../../core/excel/index.js');
    const { ledgerSheet: sheet } = await import('./excel.js');
    const parsed = await parseXlsx(sheet, r.rawPayload, 5000, { inline: true });
    expect(parsed.rows.every((x) => x.value.committee === '许衡街道人民调解委员会')).toBe(true);
    expect(parsed.rows.length).toBe((await street2.get('/api/v1/mediation/disputes?year=2020')).body.total);
    expect((await t.anon().get('/api/v1/mediation/disputes/export')).status).toBe(401);
    expect((await upload(leader, await xlsx([good()]), 1)).status).toBe(403);
    expect((await t.anon().get('/api/v1/mediation/disputes/import/template')).status).toBe(401);
  });
});
