import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let office: Client;
let ids: Record<string, string>;
const NONE = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
});
afterAll(async () => t.close());

const recon = (over: Record<string, unknown> = {}) => ({
  respondentUnitId: ids['区城市管理局'], applicantName: '王某某', applicantType: 'natural',
  actChallenged: '《责令限期拆除决定书》', caseType: '行政强制', knewDate: '2020-05-01', receivedDate: '2020-06-01', ...over,
});
const suit = (over: Record<string, unknown> = {}) => ({
  caseNo: `（2020）豫0803行初${Math.floor(Math.random() * 1e6)}号`, courtName: '焦作市中站区人民法院', defendantUnitId: ids['区城市管理局'],
  plaintiffName: '张某某', plaintiffType: 'natural', actChallenged: '限期拆除决定', caseType: '行政处罚', complaintReceivedDate: '2020-09-20', ...over,
});
const dl = (body: { deadlines: { kind: string; dueDate: string; status: string }[] }, kind: string) => body.deadlines.find((d) => d.kind === kind);

describe('reconsideration rules', () => {
  it('accepts a 2017-law application not refused in its review on the day it was received (2017法 第十七条第二款)', async () => {
    const r = await office.post('/api/v1/disputes/reconsiderations', recon({ knewDate: '2020-01-02', receivedDate: '2020-01-20' }));
    expect(r.status).toBe(201);
    expect(r.body.lawVersion).toBe('2017');
    // Review: 01-21, 01-22, 01-23, (01-24…02-02 off, extended Spring Festival), 02-03, 02-04 — no refusal,
    // so the case is accepted as of receipt, 2020-01-20.
    expect(r.body.reviewDue).toBe('2020-02-04');
    expect(r.body.status).toBe('accepted');
    expect(r.body.acceptanceMode).toBe('deemed');
    expect(r.body.acceptedDate).toBe('2020-01-20');
    // Copy, 7 working days (第二十三条, 第四十条): 01-21, 01-22, 01-23, 02-03, 02-04, 02-05, 02-06.
    expect(dl(r.body, 'copy_to_respondent')!.dueDate).toBe('2020-02-06');
    // Decision, 60 days (第三十一条): Jan 21–31 = 11, February = 29 (40), March 1–20 = 60 → 03-20 (Fri).
    expect(dl(r.body, 'decision')!.dueDate).toBe('2020-03-20');
    const clock = await office.get(`/api/v1/disputes/reconsiderations/${r.body.id}/clock`);
    expect(clock.body.acceptance).toEqual({ mode: 'deemed', date: '2020-01-20', deemed: true });
    const review = clock.body.items.find((i: { kind: string }) => i.kind === 'acceptance_review');
    expect(review).toMatchObject({ dueDate: '2020-02-04', status: 'done' });
    expect(review.basis).toContain('第十七条');
    // Reading derived the acceptance; it wrote nothing.
    const row = await t.db.selectFrom('reconsideration_cases').select(['status', 'accepted_date']).where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'received', accepted_date: null });
    // The refusal can no longer be made after the period.
    const late = await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/refuse`, { date: '2020-02-05', reason: '不属于受理范围' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('REVIEW_PERIOD_ENDED');
    // The next step on the case records the law's acceptance in its own transaction.
    const copy = await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/copy`, { sentDate: '2020-02-05', receivedDate: '2020-02-06' });
    expect(copy.status).toBe(200);
    const after = await t.db.selectFrom('reconsideration_cases').select(['status', 'accepted_date', 'acceptance_mode']).where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'accepted', accepted_date: '2020-01-20', acceptance_mode: 'deemed' });
  });

  it('runs the decision and copy limits of a 2017-law case from receipt, on hand-computed dates', async () => {
    // Received Mon 2020-09-28, accepted by decision on 09-30: still accepted as of 09-28 (第十七条第二款).
    const a = await office.post('/api/v1/disputes/reconsiderations', recon({ knewDate: '2020-09-01', receivedDate: '2020-09-28' }));
    const ok = await office.post(`/api/v1/disputes/reconsiderations/${a.body.id}/accept`, { date: '2020-09-30' });
    expect(ok.body).toMatchObject({ acceptedDate: '2020-09-28', acceptanceMode: 'decided' });
    // 60 days: Sep 29–30 = 2, October = 31 (33), Nov 1–27 = 60 → 11-27 (Fri).
    expect(ok.body.decisionDue).toBe('2020-11-27');
    expect(dl(ok.body, 'decision')!.dueDate).toBe('2020-11-27');
    // 7 working days: 09-29, 09-30, (10-01…10-08 National Day), 10-09, 10-10 (调休 Sat), 10-12, 10-13, 10-14.
    expect(dl(ok.body, 'copy_to_respondent')!.dueDate).toBe('2020-10-14');
    // Received Tue 2020-01-21, never acted on: Jan 22–31 = 10, February = 29 (39), Mar 1–21 = 60 → 03-21 (Sat) → 03-23 (Mon).
    const b = await office.post('/api/v1/disputes/reconsiderations', recon({ knewDate: '2020-01-02', receivedDate: '2020-01-21' }));
    expect(b.body).toMatchObject({ acceptedDate: '2020-01-21', decisionDue: '2020-03-23' });
    expect(dl(b.body, 'decision')!.dueDate).toBe('2020-03-23');
  });

  it('accepts a 2023-law application on the last day of the review period (2023法 第三十条第二款)', async () => {
    // Received Mon 2024-09-23: 09-24, 09-25, 09-26, 09-27, 09-29 (调休 Sun) → review ends 09-29.
    const r = await office.post('/api/v1/disputes/reconsiderations', recon({ knewDate: '2024-09-01', receivedDate: '2024-09-23' }));
    expect(r.body).toMatchObject({ lawVersion: '2023', reviewDue: '2024-09-29', status: 'accepted', acceptanceMode: 'deemed', acceptedDate: '2024-09-29' });
  });

  it('lets a timely refusal supersede a system deemed acceptance entered afterwards', async () => {
    const r = await office.post('/api/v1/disputes/reconsiderations', recon({ receivedDate: '2020-06-01' }));
    const ref = await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/refuse`, { date: '2020-06-05', reason: '申请人与被申请行政复议的行政行为没有利害关系' });
    expect(ref.status).toBe(200);
    expect(ref.body.status).toBe('refused');
    expect(ref.body.acceptedDate).toBeNull();
    expect(dl(ref.body, 'decision')!.status).toBe('cancelled');
  });

  it('refuses a decision on an unaccepted case and names the rule', async () => {
    const r = await office.post('/api/v1/disputes/reconsiderations', recon({ receivedDate: '2020-06-01' }));
    const c = await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/correction`, { noticeDate: '2020-06-03', receivedDate: '2020-06-04', items: '请补充提交限期拆除决定书复印件' });
    expect(c.status).toBe(200);
    expect(c.body.status).toBe('correction');
    // 10 natural days (2017) from 06-04 → 06-14 (Sun) → 06-15.
    expect(dl(c.body, 'correction_supply')!.dueDate).toBe('2020-06-15');
    const d = await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/decision`, { date: '2020-07-01', outcome: '维持', summary: '维持' });
    expect(d.status).toBe(409);
    expect(d.body.error.code).toBe('CASE_NOT_ACCEPTED');
    expect(d.body.error.message).toContain('不得作出行政复议决定');
    // Materials supplied: the 5-working-day review starts again from 06-12 → 06-19.
    const s = await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/correction-supplied`, { date: '2020-06-12' });
    expect(dl(s.body, 'acceptance_review')!.dueDate).toBe('2020-06-19');
  });

  it('refuses to accept a late application without the justified reason', async () => {
    // Knew 2020-03-01: + 60 = 04-30; received 2020-06-01 → late.
    const r = await office.post('/api/v1/disputes/reconsiderations', recon({ knewDate: '2020-03-01', receivedDate: '2020-06-01' }));
    expect(r.body.timely).toBe(false);
    expect(r.body.applyDeadline).toBe('2020-04-30');
    const a = await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/accept`, { date: '2020-06-02' });
    expect(a.body.error.code).toBe('APPLICATION_OUT_OF_TIME');
    const ok = await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/accept`, { date: '2020-06-02', delayReason: '申请人因新冠肺炎疫情防控隔离耽误申请期限' });
    expect(ok.body.acceptanceMode).toBe('decided');
  });

  it('suspends and resumes the decision clock, grants one extension and refuses a second', async () => {
    const r = await office.post('/api/v1/disputes/reconsiderations', recon({ knewDate: '2020-02-20', receivedDate: '2020-02-27' }));
    const id = r.body.id;
    await office.post(`/api/v1/disputes/reconsiderations/${id}/accept`, { date: '2020-03-02' });
    let c = (await office.get(`/api/v1/disputes/reconsiderations/${id}`)).body;
    expect(c.acceptedDate).toBe('2020-02-27'); // 2017 law: accepted as of receipt
    expect(c.decisionDue).toBe('2020-04-27'); // 02-27 + 60: Feb 28–29 = 2, March = 31 (33), Apr 1–27 = 60
    const s = await office.post(`/api/v1/disputes/reconsiderations/${id}/suspend`, { date: '2020-03-10', reasonItem: 8 });
    expect(s.body.status).toBe('suspended');
    expect(dl(s.body, 'decision')!.status).toBe('cancelled');
    expect((await office.post(`/api/v1/disputes/reconsiderations/${id}/decision`, { date: '2020-03-15', outcome: '维持', summary: 'x' })).body.error.code).toBe('CASE_SUSPENDED');
    c = (await office.post(`/api/v1/disputes/reconsiderations/${id}/resume`, { date: '2020-03-20' })).body;
    expect(c.decisionDue).toBe('2020-05-07'); // paused 03-10…03-19 = 10 days: 04-27 + 10 = 05-07 (Thu)
    const e1 = await office.post(`/api/v1/disputes/reconsiderations/${id}/extension`, { approvedDate: '2020-05-06', approver: '区司法局局长', days: 30, noticeDate: '2020-05-07', reason: '案情复杂，需要现场勘验' });
    expect(e1.status).toBe(200);
    expect(e1.body.decisionDue).toBe('2020-06-08'); // 05-07 + 30 = 06-06 (Sat) → 06-08 (Mon)
    const e2 = await office.post(`/api/v1/disputes/reconsiderations/${id}/extension`, { approvedDate: '2020-06-01', approver: '区司法局局长', days: 10, noticeDate: '2020-06-01', reason: '再次延长' });
    expect(e2.status).toBe(409);
    expect(e2.body.error.code).toBe('EXTENSION_ALREADY_GRANTED');
    const d = await office.post(`/api/v1/disputes/reconsiderations/${id}/decision`, { date: '2020-06-05', outcome: '撤销', summary: '主要事实不清，决定撤销' });
    expect(d.body).toMatchObject({ status: 'closed', closedWithinPeriod: true, outcome: '撤销' });
    expect(dl(d.body, 'decision')!.status).toBe('done');
  });

  it('lets the respondent unit file its answer, not another unit, and tracks the opinion letter', async () => {
    const r = await office.post('/api/v1/disputes/reconsiderations', recon({ receivedDate: '2020-09-14', knewDate: '2020-09-01' }));
    const id = r.body.id;
    await office.post(`/api/v1/disputes/reconsiderations/${id}/accept`, { date: '2020-09-16' });
    const copy = await office.post(`/api/v1/disputes/reconsiderations/${id}/copy`, { sentDate: '2020-09-18', receivedDate: '2020-09-22' });
    expect(dl(copy.body, 'answer')!.dueDate).toBe('2020-10-09'); // 2017: 10 natural days → 10-02 → 10-09
    const liaison = await t.as('liaison');
    const todo = (await liaison.get('/api/v1/todos')).body.deadlines;
    expect(todo.some((d: { entityId: string; kind: string }) => d.entityId === id && d.kind === 'answer')).toBe(true);
    expect(todo.some((d: { entityId: string; kind: string }) => d.entityId === id && d.kind === 'decision')).toBe(false);
    expect((await (await t.as('liaison2')).post(`/api/v1/disputes/reconsiderations/${id}/answer`, { date: '2020-09-28' })).status).toBe(404);
    expect((await liaison.post(`/api/v1/disputes/reconsiderations/${id}/accept`, { date: '2020-09-16' })).status).toBe(403);
    const ans = await liaison.post(`/api/v1/disputes/reconsiderations/${id}/answer`, { date: '2020-09-28' });
    expect(ans.status).toBe(200);
    expect(ans.body.answerDate).toBe('2020-09-28');
    const op = await office.post(`/api/v1/disputes/reconsiderations/${id}/opinions`, { kind: 'opinion', unitId: ids['区城市管理局'], issuedDate: '2020-08-01', receivedDate: '2020-08-03', content: '规范限期拆除程序' });
    expect(op.status).toBe(400); // issued before acceptance
    const op2 = await office.post(`/api/v1/disputes/reconsiderations/${id}/opinions`, { kind: 'opinion', unitId: ids['区城市管理局'], issuedDate: '2020-10-09', receivedDate: '2020-10-12', content: '规范限期拆除程序，严格执行催告程序' });
    const opinion = op2.body.opinions[0];
    const clock = (await office.get(`/api/v1/disputes/reconsiderations/${id}/clock`)).body;
    expect(clock.items.find((i: { kind: string }) => i.kind === 'compliance').dueDate).toBe('2020-12-11'); // 10-12 + 60 = 12-11 (Fri)
    expect((await (await t.as('liaison2')).post(`/api/v1/disputes/opinions/${opinion.id}/compliance`, { date: '2020-11-30', note: '已整改' })).status).toBe(404);
    const comp = await liaison.post(`/api/v1/disputes/opinions/${opinion.id}/compliance`, { date: '2020-11-30', note: '已修订执法流程并组织培训' });
    expect(comp.body.complianceDate).toBe('2020-11-30');
  });

  it('requires 5 working days of hearing notice under the 2023 law', async () => {
    const r = await office.post('/api/v1/disputes/reconsiderations', recon({ knewDate: '2024-02-20', receivedDate: '2024-03-04' }));
    expect(r.body.lawVersion).toBe('2023');
    await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/accept`, { date: '2024-03-05' });
    const short = await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/hearings`, { hearingDate: '2024-03-15', noticeDate: '2024-03-11', respondentHeadAttended: true });
    expect(short.body.error.code).toBe('HEARING_NOTICE_TOO_SHORT');
    const ok = await office.post(`/api/v1/disputes/reconsiderations/${r.body.id}/hearings`, { hearingDate: '2024-03-15', noticeDate: '2024-03-08', respondentHeadAttended: true });
    expect(ok.status).toBe(200);
    // 2023 law: copy 7 WD from 03-05 → 03-14; decision 60 days → 05-04 (劳动节 05-01…05-05) → 05-06.
    expect(dl(ok.body, 'copy_to_respondent')!.dueDate).toBe('2024-03-14');
    expect(dl(ok.body, 'decision')!.dueDate).toBe('2024-05-06');
  });

  it('refuses the simplified procedure for a case under the 2017 law', async () => {
    const r = await office.post('/api/v1/disputes/reconsiderations', recon({ procedure: 'simplified' }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('NO_SIMPLIFIED_PROCEDURE');
  });
});

describe('litigation rules', () => {
  it('puts the 15-day defence deadline at the top of the respondent unit\'s and the office\'s to-dos', async () => {
    const liaison = await t.as('liaison');
    const r = await liaison.post('/api/v1/disputes/lawsuits', suit({ complaintReceivedDate: '2020-09-20' }));
    expect(r.status).toBe(201);
    const d = dl(r.body, 'defence')!;
    expect(d.dueDate).toBe('2020-10-09'); // 10-05 → 10-09
    for (const who of ['liaison', 'office', 'head']) {
      const todos = (await (await t.as(who)).get('/api/v1/todos')).body.deadlines;
      const item = todos.find((x: { entityId: string }) => x.entityId === r.body.id);
      expect(item, who).toMatchObject({ kind: 'defence', priority: 100, state: 'overdue' });
    }
    for (const who of ['liaison2', 'office_jf']) {
      const todos = (await (await t.as(who)).get('/api/v1/todos')).body.deadlines;
      expect(todos.some((x: { entityId: string }) => x.entityId === r.body.id), who).toBe(false);
    }
  });

  it('guards each step: defence before hearing, the head\'s role, permitted absence, appeal period', async () => {
    const r = await office.post('/api/v1/disputes/lawsuits', suit({ complaintReceivedDate: '2020-05-06' }));
    const id = r.body.id;
    const H = `/api/v1/disputes/lawsuits/${id}/hearings`;
    expect((await office.post(H, { hearingDate: '2020-05-28', headAppeared: true, headName: '张建国', headPosition: '正职' })).body.error.code).toBe('DEFENCE_NOT_FILED');
    const def = await office.post(`/api/v1/disputes/lawsuits/${id}/defence`, { date: '2020-05-12', evidenceSubmitted: true });
    expect(def.body.status).toBe('pending');
    expect(dl(def.body, 'defence')).toMatchObject({ dueDate: '2020-05-21', status: 'done' }); // 05-06 + 15
    expect((await office.post(`/api/v1/disputes/lawsuits/${id}/defence`, { date: '2020-05-13', evidenceSubmitted: true })).body.error.code).toBe('DEFENCE_ALREADY_FILED');
    expect((await office.post(H, { hearingDate: '2020-05-28', headAppeared: true, headName: '某', headPosition: '正职', headOfOtherBody: true })).body.error.code).toBe('HEAD_NOT_QUALIFIED');
    const noReason = await office.post(H, { hearingDate: '2020-05-28', headAppeared: false, delegateName: '刘芳' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.fields[0].path).toBe('absenceReason');
    const lawyerOnly = await office.post(H, { hearingDate: '2020-05-28', headAppeared: false, absenceReason: '意外事件', delegateName: '周律师', lawyerName: '周律师' });
    expect(lawyerOnly.body.error.code).toBe('LAWYER_ONLY');
    expect((await office.post(H, { hearingDate: '2020-05-28', headAppeared: true, headName: '张建国', headPosition: '正职' })).status).toBe(200);
    const j = await office.post(`/api/v1/disputes/lawsuits/${id}/judgments`, { outcome: '撤销', servedDate: '2020-06-10' });
    expect(j.body.status).toBe('judged');
    expect(dl(j.body, 'appeal_decision')!.dueDate).toBe('2020-06-28'); // 06-25 端午 → 06-28 (调休上班)
    expect((await office.post(`/api/v1/disputes/lawsuits/${id}/effective`, { date: '2020-06-20' })).body.error.code).toBe('APPEAL_PERIOD_RUNNING');
    expect((await office.post(`/api/v1/disputes/lawsuits/${id}/appeal-decision`, { decision: 'appeal', date: '2020-06-29' })).body.error.code).toBe('APPEAL_PERIOD_EXPIRED');
    const eff = await office.post(`/api/v1/disputes/lawsuits/${id}/effective`, { date: '2020-06-29', performanceDays: 60 });
    expect(eff.body).toMatchObject({ status: 'closed', finalOutcome: '撤销', lost: true, performanceDue: '2020-08-28' });
    expect((await office.post(`/api/v1/disputes/lawsuits/${id}/retrial`, { date: '2021-01-05' })).body.error.code).toBe('RETRIAL_PERIOD_EXPIRED'); // 06-29 + 6 M = 12-29
  });

  it('takes an appeal decided within the period to second instance, where the judgment is final', async () => {
    const r = await office.post('/api/v1/disputes/lawsuits', suit({ complaintReceivedDate: '2020-08-01' }));
    const id = r.body.id;
    await office.post(`/api/v1/disputes/lawsuits/${id}/defence`, { date: '2020-08-10', evidenceSubmitted: true });
    await office.post(`/api/v1/disputes/lawsuits/${id}/hearings`, { hearingDate: '2020-08-20', headAppeared: true, headName: '张建国', headPosition: '正职' });
    await office.post(`/api/v1/disputes/lawsuits/${id}/judgments`, { outcome: '确认违法', servedDate: '2020-09-16' });
    const a = await office.post(`/api/v1/disputes/lawsuits/${id}/appeal-decision`, { decision: 'appeal', date: '2020-10-09' }); // due 10-01 → 10-09
    expect(a.body).toMatchObject({ stage: 'appeal', status: 'pending', appealBy: 'defendant' });
    expect((await office.post(`/api/v1/disputes/lawsuits/${id}/judgments`, { outcome: '撤销', servedDate: '2020-12-01' })).body.error.code).toBe('OUTCOME_NOT_FOR_STAGE');
    const fin = await office.post(`/api/v1/disputes/lawsuits/${id}/judgments`, { outcome: '改判', revisedTo: '驳回诉讼请求', servedDate: '2020-12-01' });
    expect(fin.body).toMatchObject({ status: 'closed', finalOutcome: '驳回诉讼请求', lost: false, closedDate: '2020-12-01' });
  });

  it('shows the representing firm\'s advisor the lawsuits assigned to the firm only', async () => {
    const a = await office.post('/api/v1/disputes/lawsuits', suit({ advisorUnitId: ids['河南纳圣律师事务所'], advisorName: '周律师' }));
    const b = await office.post('/api/v1/disputes/lawsuits', suit({ advisorUnitId: ids['河南善博律师事务所'], advisorName: '杨律师' }));
    const adv = await t.as('advisor');
    expect((await adv.get(`/api/v1/disputes/lawsuits/${a.body.id}`)).status).toBe(200);
    expect((await adv.get(`/api/v1/disputes/lawsuits/${b.body.id}`)).status).toBe(404);
    expect((await adv.post(`/api/v1/disputes/lawsuits/${a.body.id}/defence`, { date: '2020-09-25', evidenceSubmitted: true })).status).toBe(403);
    const bad = await office.post('/api/v1/disputes/lawsuits', suit({ advisorUnitId: ids['区司法局'] }));
    expect(bad.body.error.code).toBe('ADVISOR_NOT_LAW_FIRM');
  });
});

describe('scope', () => {
  let reconId: string;
  let suitId: string;
  beforeAll(async () => {
    reconId = (await office.post('/api/v1/disputes/reconsiderations', recon())).body.id;
    suitId = (await office.post('/api/v1/disputes/lawsuits', suit())).body.id;
  });

  it('shows the respondent unit its cases, another unit 404, the office the district, 解放区 nothing', async () => {
    for (const [who, status] of [['liaison', 200], ['head', 200], ['office', 200], ['leader', 200], ['city', 200], ['liaison2', 404], ['office_jf', 404], ['liaison_jf', 404], ['street', 404]] as const) {
      const c = await t.as(who);
      expect((await c.get(`/api/v1/disputes/reconsiderations/${reconId}`)).status, `${who} recon`).toBe(status);
      expect((await c.get(`/api/v1/disputes/lawsuits/${suitId}`)).status, `${who} suit`).toBe(status);
      expect((await c.get(`/api/v1/disputes/reconsiderations/${reconId}/clock`)).status, `${who} clock`).toBe(status);
    }
    const jf = await t.as('office_jf');
    expect((await jf.get('/api/v1/disputes/reconsiderations')).body.total).toBe(0);
    expect((await jf.get('/api/v1/disputes/lawsuits')).body.total).toBe(0);
    const l2 = (await (await t.as('liaison2')).get('/api/v1/disputes/lawsuits')).body.items;
    expect(l2.every((x: { defendantUnitName: string }) => x.defendantUnitName === '区市场监督管理局')).toBe(true);
    const unknown = await office.get(`/api/v1/disputes/lawsuits/${NONE}`);
    const forbidden = await jf.get(`/api/v1/disputes/lawsuits/${suitId}`);
    expect(unknown.body).toEqual(forbidden.body);
  });

  it('sends the abilities the server enforces', async () => {
    const mine = (await (await t.as('liaison')).get(`/api/v1/disputes/reconsiderations/${reconId}`)).body;
    expect(mine.abilities.canManage).toBe(false);
    const off = (await office.get(`/api/v1/disputes/reconsiderations/${reconId}`)).body;
    expect(off.abilities.canManage).toBe(true);
    const leader = (await (await t.as('leader')).get(`/api/v1/disputes/lawsuits/${suitId}`)).body;
    expect(leader.abilities.canEdit).toBe(false);
  });
});

describe('boundaries of every endpoint', () => {
  const R = `/api/v1/disputes/reconsiderations/${NONE}`;
  const S = `/api/v1/disputes/lawsuits/${NONE}`;
  const posts: [string, string[]][] = [
    ['/api/v1/disputes/reconsiderations', ['actChallenged', 'applicantName', 'applicantType', 'caseType', 'knewDate', 'receivedDate', 'respondentUnitId']],
    [`${R}/accept`, ['date']], [`${R}/refuse`, ['date', 'reason']], [`${R}/correction`, ['items', 'noticeDate', 'receivedDate']], [`${R}/correction-supplied`, ['date']],
    [`${R}/abandon`, ['date']], [`${R}/copy`, ['sentDate']], [`${R}/answer`, ['date']], [`${R}/hearings`, ['hearingDate', 'noticeDate', 'respondentHeadAttended']],
    [`${R}/suspend`, ['date', 'reasonItem']], [`${R}/resume`, ['date']], [`${R}/extension`, ['approvedDate', 'approver', 'days', 'noticeDate', 'reason']],
    [`${R}/decision`, ['date', 'outcome', 'summary']], [`${R}/opinions`, ['content', 'issuedDate', 'kind', 'receivedDate', 'unitId']],
    [`/api/v1/disputes/opinions/${NONE}/compliance`, ['date', 'note']],
    ['/api/v1/disputes/lawsuits', ['actChallenged', 'caseNo', 'caseType', 'complaintReceivedDate', 'courtName', 'defendantUnitId', 'plaintiffName', 'plaintiffType']],
    [`${S}/defence`, ['date', 'evidenceSubmitted']], [`${S}/hearings`, ['headAppeared', 'hearingDate']], [`${S}/judgments`, ['outcome', 'servedDate']],
    [`${S}/appeal-decision`, ['date', 'decision']], [`${S}/appeal`, ['by', 'date']], [`${S}/effective`, ['date']], [`${S}/performance`, ['date', 'note']], [`${S}/retrial`, ['date']],
  ];
  const gets = [
    '/api/v1/disputes/reconsiderations', '/api/v1/disputes/reconsiderations/export', '/api/v1/disputes/reconsiderations/import/template', R, `${R}/clock`, '/api/v1/disputes/suspension-items',
    '/api/v1/disputes/lawsuits', '/api/v1/disputes/lawsuits/export', '/api/v1/disputes/lawsuits/import/template', S, `${S}/clock`,
    '/api/v1/disputes/stats?region=410803&year=2020', '/api/v1/disputes/stats/export?region=410803&year=2020&table=litigation',
  ];

  it.each(posts)('POST %s answers 401 without a session, even with a bad body', async (url) => {
    expect((await t.anon().post(url, {})).status).toBe(401);
  });
  it('PUT advisor and the imports answer 401 without a session', async () => {
    expect((await t.anon().put(`${S}/advisor`, {})).status).toBe(401);
    expect((await t.anon().post('/api/v1/disputes/reconsiderations/import', {})).status).toBe(401);
    expect((await t.anon().post('/api/v1/disputes/lawsuits/import', {})).status).toBe(401);
  });
  it.each(gets)('GET %s answers 401 without a session', async (url) => {
    expect((await t.anon().get(url)).status).toBe(401);
  });
  it.each(posts)('POST %s answers 400 naming every missing field', async (url, fields) => {
    const r = await office.post(url, {});
    expect(r.status).toBe(400);
    expect([...new Set(r.body.error.details.fields.map((f: { path: string }) => f.path))].sort()).toEqual(fields);
  });
  it('answers 400 for a bad id, a bad date and a bad filter', async () => {
    expect((await office.get('/api/v1/disputes/lawsuits/not-a-uuid')).status).toBe(400);
    const d = await office.post(`${R}/accept`, { date: '2020-02-30' });
    expect(d.status).toBe(400);
    expect(d.body.error.details.fields[0].path).toBe('date');
    expect((await office.get('/api/v1/disputes/reconsiderations?status=bogus')).status).toBe(400);
    expect((await office.get('/api/v1/disputes/lawsuits?sort=password')).status).toBe(400);
    expect((await office.put(`${S}/advisor`, {})).status).toBe(400);
  });
  it.each(posts.filter(([u]) => u.includes(NONE)))('POST %s answers 404 for an unknown or out-of-scope id', async (url) => {
    // A valid body per endpoint; the id is unknown → 404 (the same answer as out of scope).
    const valid: Record<string, unknown> = {
      accept: { date: '2020-06-01' }, refuse: { date: '2020-06-01', reason: 'x' }, correction: { noticeDate: '2020-06-01', receivedDate: '2020-06-02', items: 'x' },
      'correction-supplied': { date: '2020-06-01' }, abandon: { date: '2020-06-01' }, copy: { sentDate: '2020-06-01' }, answer: { date: '2020-06-01' },
      hearings: url.includes('lawsuits') ? { hearingDate: '2020-06-01', headAppeared: true, headName: '张', headPosition: '正职' } : { hearingDate: '2020-06-10', noticeDate: '2020-06-01', respondentHeadAttended: true },
      suspend: { date: '2020-06-01', reasonItem: 8 }, resume: { date: '2020-06-01' }, extension: { approvedDate: '2020-06-01', approver: '局长', days: 10, noticeDate: '2020-06-01', reason: '复杂' },
      decision: { date: '2020-06-01', outcome: '维持', summary: 'x' }, opinions: { kind: 'opinion', unitId: NONE, issuedDate: '2020-06-01', receivedDate: '2020-06-01', content: 'x' },
      compliance: { date: '2020-06-01', note: 'x' }, defence: { date: '2020-06-01', evidenceSubmitted: true }, judgments: { outcome: '驳回诉讼请求', servedDate: '2020-06-01' },
      'appeal-decision': { decision: 'accept', date: '2020-06-01' }, appeal: { by: 'plaintiff', date: '2020-06-01' }, effective: { date: '2020-06-01' },
      performance: { date: '2020-06-01', note: 'x' }, retrial: { date: '2020-06-01' },
    };
    const r = await office.post(url, valid[url.split('/').pop()!]);
    expect(r.status).toBe(404);
  });
  it('answers 403 to roles that may not act at all', async () => {
    const leader = await t.as('leader');
    expect((await leader.post('/api/v1/disputes/reconsiderations', recon())).status).toBe(403);
    expect((await leader.post('/api/v1/disputes/lawsuits', suit())).status).toBe(403);
    const liaison = await t.as('liaison');
    expect((await liaison.post('/api/v1/disputes/reconsiderations', recon())).status).toBe(403);
    expect((await liaison.post('/api/v1/disputes/lawsuits', suit({ defendantUnitId: ids['区市场监督管理局'] }))).status).toBe(403);
    expect((await liaison.get('/api/v1/disputes/reconsiderations/import/template')).status).toBe(403);
    expect((await (await t.as('advisor')).get('/api/v1/disputes/lawsuits/import/template')).status).toBe(403);
    expect((await (await t.as('office_jf')).get('/api/v1/disputes/stats?region=410803&year=2020')).status).toBe(404);
  });
  it('serves the registers, the template and the statistical tables as xlsx', async () => {
    for (const url of ['/api/v1/disputes/reconsiderations/export', '/api/v1/disputes/lawsuits/export', '/api/v1/disputes/lawsuits/import/template', '/api/v1/disputes/stats/export?region=410803&year=2020&table=reconsideration']) {
      const r = await office.get(url);
      expect(r.status, url).toBe(200);
      expect(String(r.headers['content-type'])).toContain('spreadsheetml');
    }
  });
});
