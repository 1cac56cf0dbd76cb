import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { buildActor, type Actor } from '../../core/scope/index.js';
import * as R from '../disputes/reconsideration.js';
import * as L from '../disputes/litigation.js';
import { DEFAULT_BLOCKS, confirmClaims } from './template.js';
import { publicView, renderStored, loadReport } from './service.js';

/**
 * Issue 15's scenario, computed by hand: a 2021 year with a quarterly task, a late filing, a
 * reconsideration decided late under the 2017 law, and a lost lawsuit represented by the firm engaged
 * that year — and the 2021 report, started from the published 2020 report, says only what these records say.
 *
 * The quarterly task (2021 plan, 区城市管理局, due 2021-12-31): periods end Wed 03-31, Wed 06-30,
 * Thu 09-30, Fri 12-31 — all working days, so each deadline is the period end. Reports: 03-30 (Q1, on
 * time), 06-28 (Q2, on time), 12-28 with no period named (→ Q4, the period containing it, on time;
 * claiming completion, accepted), and Q3 reported late on 2022-01-05 naming 09-30. On time per period:
 * Q1 1, Q2 1, Q3 0, Q4 1 → 3 of 4 = 75.0 %. (The old earliest-unmet-period rule made 12-28 a late Q3 and
 * 2022-01-05 a late Q4: 2 of 4 = 50.0 %.)
 */
let t: TestApp;
let office: Client;
let actor: Actor;
let u: Record<string, string>;
let report2021: string;
let docId: string;
let reconId: string;
let taskId: string;
const entryIds: Record<string, string> = {};

async function ok(p: Promise<{ status: number; body: any }>) {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
}

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  const user = await t.db.selectFrom('users').select(['id', 'username', 'display_name', 'unit_id', 'must_change_password']).where('username', '=', 'office').executeTakeFirstOrThrow();
  actor = await buildActor(t.db, user, 'test');
  u = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));

  // 2020: the published report (the office confirmed its own statements for 2020 and acknowledged the rest).
  const r2020 = (await ok(office.post('/api/v1/reports', { regionCode: '410803', year: 2020 }))).id;
  await ok(office.put(`/api/v1/reports/${r2020}`, { blocks: DEFAULT_BLOCKS.map((b) => ({ ...b, text: confirmClaims(b.text, 2020) })) }));
  const meta = (await office.get(`/api/v1/reports/${r2020}`)).body.source.meta;
  await ok(office.put(`/api/v1/reports/${r2020}`, { meta: { ...meta, docNumber: '焦中政文〔2021〕3号', signer: '赵红兵' } }));
  await ok(office.post(`/api/v1/reports/${r2020}/transitions`, { action: 'submit_review' }));
  await ok(office.post(`/api/v1/reports/${r2020}/transitions`, { action: 'approve_review' }));
  const refused = await office.post(`/api/v1/reports/${r2020}/transitions`, { action: 'submit', secrecyReviewer: '王敏', secrecyOpinion: '不涉密' });
  expect(refused.status).toBe(409);
  const acks = refused.body.error.details.warnings.map((w: { key: string }) => ({ key: w.key, reason: '测试环境未录入该项记录' }));
  await ok(office.post(`/api/v1/reports/${r2020}/transitions`, { action: 'submit', secrecyReviewer: '王敏', secrecyOpinion: '不涉密', acknowledgements: acks }));
  await ok(office.post(`/api/v1/reports/${r2020}/transitions`, { action: 'publish', publicUrl: 'http://www.zhongzhan.gov.cn/r2020', publishedOn: '2021-03-25' }));

  // 2021 records.
  // The 2021 plan: one key work, one quarterly task of 区城市管理局; its liaison reports each quarter.
  const plan = await ok(office.post('/api/v1/plan/plans', { year: 2021, kind: 'gov_work', title: '中站区2021年度法治政府建设工作安排' }));
  const kw = await ok(office.post(`/api/v1/plan/plans/${plan.id}/key-works`, { title: '坚持严格规范公正文明执法' }));
  taskId = (await ok(office.post('/api/v1/plan/tasks', { keyWorkId: kw.id, title: '按季度报送行政执法统计数据', unitId: u['区城市管理局'], dueDate: '2021-12-31', recurrence: 'quarterly' }))).id;
  await ok(office.post(`/api/v1/plan/plans/${plan.id}/publish`));
  const liaison = await t.as('liaison');
  for (const [q, entryDate, text, claimedStatus] of [
    ['Q1', '2021-03-30', '一季度行政执法统计数据已报送', 'in_progress'],
    ['Q2', '2021-06-28', '二季度行政执法统计数据已报送', 'in_progress'],
    ['Q4', '2021-12-28', '四季度行政执法统计数据已报送，全年任务完成', 'done'],
  ]) entryIds[q] = (await ok(liaison.post(`/api/v1/plan/tasks/${taskId}/entries`, { entryDate, text, claimedStatus }))).id;
  entryIds.Q3 = (await ok(liaison.post(`/api/v1/plan/tasks/${taskId}/entries`, { entryDate: '2022-01-05', periodEnd: '2021-09-30', text: '补报三季度行政执法统计数据', claimedStatus: 'in_progress' }))).id;
  await ok(office.post(`/api/v1/plan/entries/${entryIds.Q4}/review`, { decision: 'accept' }));
  // One firm engaged for the year.
  await ok(office.post('/api/v1/advisors/engagements', { firmId: u['河南纳圣律师事务所'], contractNo: '中站政法顾〔2021〕1号', signedOn: '2020-12-28', periodFrom: '2021-01-01', periodTo: '2021-12-31', scope: '常年法律顾问', fee: 80000 }));
  // A department's document published Mon 2021-03-01: 30 days → Wed 2021-03-31; filed 2021-04-06 (late).
  const d = await ok(office.post('/api/v1/documents', { title: '中站区城市道路挖掘管理规定', unitId: u['区城市管理局'], issuerUnitId: u['区城市管理局'], draftedOn: '2021-01-04' }));
  await ok(office.post(`/api/v1/documents/${d.id}/comment`, { openedOn: '2021-01-04', closesOn: '2021-02-03', channel: '网站' }));
  await ok(office.post(`/api/v1/documents/${d.id}/comment/close`, { closedOn: '2021-02-03', commentCount: 0, summary: '无意见' }));
  await ok(office.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'office', requestedOn: '2021-02-05', completedOn: '2021-02-10', conclusion: 'lawful', opinion: '合法' }));
  await ok(office.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2021-02-20', meeting: '局务会议' }));
  docId = (await ok(office.post(`/api/v1/documents/${d.id}/publish`, { issuerCode: '焦中城管', publishedOn: '2021-03-01' }))).id;
  await ok(office.post(`/api/v1/documents/${docId}/filing`, { filedOn: '2021-04-06', filedWith: '焦作市中站区人民政府' }));
  // A reconsideration received Mon 2021-03-01 under the 2017 law: accepted on receipt (第十七条第二款);
  // 60 days (第三十一条) → Fri 2021-04-30; decided 2021-05-10 — late.
  const c = await R.createReconsideration(t.db, actor, {
    caseNo: '中站政复〔2021〕1号', respondentUnitId: u['区城市管理局'], applicantName: '刘某某', applicantType: 'natural',
    actChallenged: '《责令限期拆除决定书》', caseType: '行政强制', actDate: '2021-02-01', knewDate: '2021-02-02', receivedDate: '2021-03-01',
    informedOfRights: true, immovable: false, procedure: 'ordinary',
  });
  reconId = c.id;
  await R.acceptReconsideration(t.db, actor, c.id, { date: '2021-03-01' });
  await R.decideReconsideration(t.db, actor, c.id, { date: '2021-05-10', outcome: '维持', summary: '被申请人认定事实清楚，程序合法，决定维持。' });
  // A lawsuit represented by 纳圣, lost at first instance (撤销), not appealed: handled 1, closed 1, no appeal pending.
  const s = await L.createLawsuit(t.db, actor, {
    caseNo: '（2021）豫0803行初5号', courtName: '焦作市中站区人民法院', defendantUnitId: u['区城市管理局'], plaintiffName: '周某某', plaintiffType: 'natural',
    actChallenged: '强制拆除行为', caseType: '行政强制', complaintReceivedDate: '2021-03-01', advisorUnitId: u['河南纳圣律师事务所'], advisorName: '周律师',
  });
  await L.fileDefence(t.db, actor, s.id, { date: '2021-03-10', evidenceSubmitted: true });
  await L.recordJudgment(t.db, actor, s.id, { outcome: '撤销', servedDate: '2021-05-10', summary: '判决撤销。' });
  await L.decideAppeal(t.db, actor, s.id, { decision: 'accept', date: '2021-05-12' });
  await L.recordEffective(t.db, actor, s.id, { date: '2021-05-26' });

  report2021 = (await ok(office.post('/api/v1/reports', { regionCode: '410803', year: 2021 }))).id;
}, 240_000);
afterAll(async () => t.close());

describe('the 2021 scenario, by hand', () => {
  it('computes the deadlines: filing due 2021-03-31, the 2017-law decision due 2021-04-30', async () => {
    const doc = (await office.get(`/api/v1/documents/${docId}`)).body;
    expect(doc.filing.due).toBe('2021-03-31');
    expect(doc.filing.authority).toBe('焦作市中站区人民政府');
    const dl = await t.db.selectFrom('deadlines').select(['kind', 'due_date']).where('entity_id', '=', reconId).execute();
    expect(dl.map((x) => String(x.due_date))).toContain('2021-04-30');
  });

  it('matches each quarterly report to its period and counts on time per period: 3 of 4 = 75.0 %', async () => {
    const d = (await office.get(`/api/v1/plan/tasks/${taskId}`)).body;
    expect(d.periods.map((p: { periodEnd: string }) => p.periodEnd)).toEqual(['2021-03-31', '2021-06-30', '2021-09-30', '2021-12-31']);
    // The 12-28 report named no period and is Q4's; Q3 is met late by the report that names it.
    expect(d.obligations.map((o: { due: string; metOn: string | null; entryId: string | null }) => [o.due, o.metOn, o.entryId])).toEqual([
      ['2021-03-31', '2021-03-30', entryIds.Q1], ['2021-06-30', '2021-06-28', entryIds.Q2],
      ['2021-09-30', '2022-01-05', entryIds.Q3], ['2021-12-31', '2021-12-28', entryIds.Q4],
    ]);
    const onTime = d.obligations.filter((o: { due: string; metOn: string | null }) => o.metOn && o.metOn <= o.due).map((o: { due: string }) => o.due);
    expect(onTime).toEqual(['2021-03-31', '2021-06-30', '2021-12-31']);
    expect(d.status).toBe('done');
    const rate = (await office.get('/api/v1/metrics/plan.onTimeEntryRate?region=410803&year=2021')).body;
    expect(rate.value).toBe(75);
    const recs = (await office.get('/api/v1/metrics/plan.onTimeEntryRate/records?region=410803&year=2021')).body.items.map((r: { label: string }) => r.label);
    expect(recs).toEqual([
      '按季度报送行政执法统计数据：期限2021-03-31，2021-03-30报送（按时）',
      '按季度报送行政执法统计数据：期限2021-06-30，2021-06-28报送（按时）',
      '按季度报送行政执法统计数据：期限2021-09-30，2022-01-05报送（逾期）',
      '按季度报送行政执法统计数据：期限2021-12-31，2021-12-28报送（按时）',
    ]);
    // Accepted as complete on 2021-12-28, before its 12-31 deadline: completed, not overdue.
    expect((await office.get('/api/v1/metrics/plan.tasksCompleted?region=410803&year=2021')).body.value).toBe(1);
    expect((await office.get('/api/v1/metrics/plan.tasksOverdue?region=410803&year=2021')).body.value).toBe(0);
  });

  it('starts the 2021 report from the published 2020 report, with every claim flagged again', async () => {
    const r = (await office.get(`/api/v1/reports/${report2021}`)).body;
    expect(r.report.templateVersion).toMatch(/^from:/);
    const claims = r.warnings.filter((w: { kind: string }) => w.kind === 'unconfirmed_claim');
    expect(claims.length).toBe(DEFAULT_BLOCKS.reduce((n, b) => n + (b.text.match(/\[\[claim/g)?.length ?? 0), 0));
    expect(claims.some((w: { message: string }) => w.message.includes('区城管局成功申创市级') && w.message.includes('上次确认于2020年度'))).toBe(true);
    // In the editor, the claims are highlighted segments.
    expect(r.blocks.flatMap((b: { segments: { claim?: string }[] }) => b.segments).some((s: { claim?: string }) => s.claim === 'unconfirmed')).toBe(true);
  });

  it('writes the sentences the records support, and no fixed 2020 clause', async () => {
    const row = await loadReport(t.db, actor, report2021);
    const text = publicView(await renderStored(t.db, row)).blocks.map((b) => `${b.lead ?? ''}${b.segments.map((s) => s.text).join('')}`).join('\n');
    // One firm: "与…", not "分别与…和…".
    expect(text).toContain('今年与河南纳圣律师事务所签订法律顾问聘用合同');
    expect(text).not.toContain('河南善博律师事务所');
    expect(text).toContain('全年共代理行政诉讼案件1件');
    // The 2021 plan: 1 key work, 1 task.
    expect(text).toContain('制定印发了《2021年中站区全面依法治区工作要点》《中站区2021年度法治政府建设工作安排》，就法治政府建设梳理明确了1项重点工作，细化分解了1项重点任务');
    expect(text).toContain('全年审核办理备案规范性文件1件');
    // No cleanup published in 2021: the cleanup sentence and its 2019 cut-off are gone.
    expect(text).not.toContain('全面清理');
    expect(text).not.toContain('2019年10月1日');
    expect(text).toContain('全年受理行政复议案件1件，法定期限内结案率达到0%');
    // One lawsuit, closed; no appeal pending → no clause about appeals.
    expect(text).toContain('全年共办理行政诉讼案件1件，结案1件。');
    expect(text).not.toContain('上诉未审结');
    // Sentences whose figures have no 2021 records are left out of what leaves the office.
    expect(text).not.toContain('暂无数据');
    expect(text).not.toContain('2020年');
  });

  it('warns about the zero that reads as an achievement and the figures without records', async () => {
    const r = (await office.get(`/api/v1/reports/${report2021}`)).body;
    const zero = r.warnings.find((w: { kind: string; metricId?: string }) => w.kind === 'zero' && w.metricId === 'disputes.reconsideration.onTimeRate');
    expect(zero.message).toContain('读作成绩');
    const f = Object.values(r.figures as Record<string, { metricId: string; state: string }>);
    expect(f.find((x) => x.metricId === 'disputes.reconsideration.onTimeRate')!.state).toBe('zero');
    expect(f.find((x) => x.metricId === 'disputes.reconsideration.accepted')!.state).toBe('number');
    expect(f.find((x) => x.metricId === 'legalaid.casesAssigned')!.state).toBe('no_data');
    const nd = r.warnings.find((w: { kind: string; metricId?: string }) => w.kind === 'no_data' && w.metricId === 'legalaid.casesAssigned');
    expect(nd.message).toContain('法律援助');
  });

  it('drafts section 二 candidates from the records, each with its records', async () => {
    const c = (await office.get(`/api/v1/reports/${report2021}/candidates`)).body.items as { id: string; text: string; records: { label: string }[] }[];
    const by = Object.fromEntries(c.map((x) => [x.id, x]));
    expect(by['disputes.litigation.lost'].text).toContain('行政应诉败诉1件（涉及区城市管理局）');
    expect(by['disputes.litigation.lost'].records.map((r) => r.label)).toEqual(['（2021）豫0803行初5号 周某某']);
    expect(by['documents.lateFilings'].text).toContain('1件规范性文件未在规定期限内报送备案');
    expect(by['disputes.reconsideration.late'].text).toContain('1件行政复议案件未在法定期限内作出决定');
    // The quarterly task was completed in time (one quarter reported late is not an overdue task).
    expect(by['plan.tasksOverdue']).toBeUndefined();
    // A liaison cannot read the office's report.
    expect((await (await t.as('liaison')).get(`/api/v1/reports/${report2021}/candidates`)).status).toBe(404);
  });
});
