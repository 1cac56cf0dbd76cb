import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload } from '../../test/xlsx.js';
import { registerSheet } from './excel.js';
import { exportXlsx } from '../../core/excel/index.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client;
let liaison: Client;
let liaison2: Client;
let advisor: Client;
const Z = '7d0c5e4a-3b1f-4c2e-9a6d-5f8e1b2c3d4e'; // an id no record has

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  office = await t.as('office');
  liaison = await t.as('liaison');
  liaison2 = await t.as('liaison2');
  advisor = await t.as('advisor');
  // 纳圣 is engaged for 2020 (a firm's review is assigned through the advisors queue, which requires it).
  const e = await office.post('/api/v1/advisors/engagements', { firmId: ids['河南纳圣律师事务所'], contractNo: '中站政法顾〔2020〕1号', signedOn: '2019-12-27', periodFrom: '2020-01-01', periodTo: '2020-12-31', scope: '常年法律顾问', fee: 80000 });
  expect(e.status, JSON.stringify(e.body)).toBe(201);
});
afterAll(async () => t.close());

/** Creates a draft as `c` for a unit (default 区城市管理局). */
async function draft(c: Client, over: Record<string, unknown> = {}) {
  const r = await c.post('/api/v1/documents', { title: '中站区城市生活垃圾分类管理实施办法', unitId: ids['区城市管理局'], issuerUnitId: ids['区人民政府'], draftedOn: '2020-03-02', ...over });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string };
}

/** Runs a draft through comment, office review (lawful) and deliberation, ready to publish. */
async function ready(over: Record<string, unknown> = {}, dates = { open: '2020-03-03', close: '2020-03-20', review: '2020-03-23', reviewed: '2020-03-30', deliberated: '2020-04-02' }) {
  const d = await draft(office, { draftedOn: dates.open, ...over });
  expect((await office.post(`/api/v1/documents/${d.id}/comment`, { openedOn: dates.open, closesOn: dates.close, channel: '中站区人民政府网站' })).status).toBe(200);
  expect((await office.post(`/api/v1/documents/${d.id}/comment/close`, { closedOn: dates.close, commentCount: 3, summary: '收到意见3条，采纳2条' })).status).toBe(200);
  if (over.marketRelated) expect((await office.post(`/api/v1/documents/${d.id}/fair-competition`, { reviewedOn: dates.review, conclusion: 'compliant', opinion: '不含排除、限制竞争内容' })).status).toBe(200);
  const rv = await office.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'office', requestedOn: dates.review, completedOn: dates.reviewed, conclusion: 'lawful', opinion: '经审核，合法' });
  expect(rv.status, JSON.stringify(rv.body)).toBe(200);
  expect((await office.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: dates.deliberated, meeting: '区政府常务会议' })).status).toBe(200);
  return d;
}

async function publish(id: string, body: Record<string, unknown>) {
  const r = await office.post(`/api/v1/documents/${id}/publish`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

async function importAs(c: Client, rows: Record<string, unknown>[], dryRun = '0') {
  return upload(t, c, `/api/v1/documents/import?dryRun=${dryRun}`, await exportXlsx(registerSheet, rows as never), { name: 'register.xlsx' });
}

describe('documents endpoints: boundaries', () => {
  const endpoints: [string, string][] = [
    ['get', '/api/v1/documents'],
    ['get', '/api/v1/documents/export'],
    ['get', '/api/v1/documents/catalogue/export'],
    ['post', '/api/v1/documents/import'],
    ['get', '/api/v1/documents/import/template'],
    ['post', '/api/v1/documents'],
    ['get', `/api/v1/documents/${Z}`],
    ['get', `/api/v1/documents/${Z}/state?asOf=2020-01-01`],
    ['post', `/api/v1/documents/${Z}/comment`],
    ['post', `/api/v1/documents/${Z}/comment/close`],
    ['post', `/api/v1/documents/${Z}/comment/waive`],
    ['post', `/api/v1/documents/${Z}/fair-competition`],
    ['post', `/api/v1/documents/${Z}/reviews`],
    ['post', `/api/v1/documents/reviews/${Z}/opinion`],
    ['post', `/api/v1/documents/${Z}/deliberation`],
    ['post', `/api/v1/documents/${Z}/publish`],
    ['post', `/api/v1/documents/${Z}/filing`],
    ['post', `/api/v1/documents/${Z}/filing/receipt`],
    ['post', `/api/v1/documents/${Z}/filing/supplement`],
    ['post', `/api/v1/documents/${Z}/extend`],
    ['post', `/api/v1/documents/${Z}/corrections`],
    ['post', `/api/v1/documents/corrections/${Z}/outcome`],
    ['get', '/api/v1/documents/cleanups'],
    ['post', '/api/v1/documents/cleanups'],
    ['get', `/api/v1/documents/cleanups/${Z}`],
    ['get', `/api/v1/documents/cleanups/${Z}/export`],
    ['post', `/api/v1/documents/cleanups/${Z}/decisions`],
    ['post', `/api/v1/documents/cleanups/${Z}/publish`],
  ];
  it.each(endpoints)('%s %s answers 401 without a session', async (m, url) => {
    const a = t.anon();
    const r = m === 'get' ? await a.get(url) : await a.post(url, {});
    expect(r.status).toBe(401);
  });

  const bodies: [string, Record<string, unknown>, string[]][] = [
    ['', { title: 'x', unitId: 'bad', draftedOn: '2020-13-01' }, ['draftedOn', 'title', 'unitId']],
    ['/comment', { openedOn: '2020-02-30', channel: '' }, ['channel', 'closesOn', 'openedOn']],
    ['/comment/close', { closedOn: '2020-01-01', commentCount: -1 }, ['commentCount', 'summary']],
    ['/comment/waive', {}, ['reason']],
    ['/fair-competition', { reviewedOn: '2020-01-01', conclusion: 'ok' }, ['conclusion', 'opinion']],
    ['/reviews', { reviewerKind: 'advisor', requestedOn: '2020-01-01' }, ['reviewerUnitId']],
    ['/deliberation', { deliberatedOn: 'yesterday' }, ['deliberatedOn', 'meeting']],
    ['/publish', { docNumber: '焦中政（2020）01号', publishedOn: '2020-04-01' }, ['docNumber']],
    ['/filing', { filedOn: '2020-04-01' }, ['filedWith']],
    ['/filing/receipt', { receivedOn: '2020-04-01', result: 'materials_missing' }, ['missing']],
    ['/filing/supplement', {}, ['suppliedOn']],
    ['/extend', { validUntil: '2030-01-01' }, ['decidedOn', 'reason']],
    ['/corrections', { source: 'gossip', receivedOn: '2020-04-01' }, ['description', 'source']],
  ];
  it.each(bodies)('POST /documents/:id%s answers 400 naming each bad field', async (suffix, body, fields) => {
    const r = await office.post(suffix ? `/api/v1/documents/${Z}${suffix}` : '/api/v1/documents', body);
    expect(r.status).toBe(400);
    expect([...new Set(r.body.error.details.fields.map((f: { path: string }) => f.path.split('.')[0]))].sort()).toEqual(fields);
  });
  it('answers 400 naming the bad fields of cleanup, decisions, opinion and correction outcome', async () => {
    const a = await office.post('/api/v1/documents/cleanups', { title: '清理', regionId: 'x', issuedBefore: '2019-10-01' });
    expect(a.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['regionId', 'startedOn', 'title']);
    const b = await office.post(`/api/v1/documents/cleanups/${Z}/decisions`, { decidedOn: '2020-10-01', items: [{ documentId: Z, decision: 'extend', reason: '需要' }] });
    expect(b.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['items.0.newValidUntil']);
    const c = await office.post(`/api/v1/documents/reviews/${Z}/opinion`, { completedOn: '2020-10-01', conclusion: 'maybe' });
    expect(c.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['conclusion', 'opinion']);
    const d = await office.post(`/api/v1/documents/corrections/${Z}/outcome`, { outcome: 'x', outcomeOn: '2020-01-01' });
    expect(d.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['note', 'outcome']);
    const e = await office.get('/api/v1/documents?status=nonsense&pageSize=1000');
    expect(e.status).toBe(400);
    const p = await t.anon().get('/api/v1/public/documents/catalogue?region=abc');
    expect(p.status).toBe(400);
  });

  it('answers 403 to roles that may not do the step at all', async () => {
    const leader = await t.as('leader');
    expect((await leader.post('/api/v1/documents', { title: '某某管理办法', unitId: ids['区城市管理局'], draftedOn: '2020-03-02' })).status).toBe(403);
    const d = await draft(liaison);
    expect((await liaison.post(`/api/v1/documents/${d.id}/publish`, { issuerCode: '焦中政', publishedOn: '2020-04-01' })).status).toBe(403);
    expect((await liaison.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'office', requestedOn: '2020-03-03', completedOn: '2020-03-05', conclusion: 'lawful', opinion: '合法' })).status).toBe(403);
    expect((await liaison.post('/api/v1/documents/cleanups', { title: '清理工作', regionId: ids['区城市管理局'], issuedBefore: '2019-10-01', startedOn: '2020-06-01' })).status).toBe(403);
    expect((await liaison.post(`/api/v1/documents/${d.id}/extend`, { validUntil: '2030-01-01', decidedOn: '2020-01-01', reason: '继续适用' })).status).toBe(403);
    // The leader reads the draft but cannot change it (403, not 404).
    expect((await leader.get(`/api/v1/documents/${d.id}`)).status).toBe(200);
    expect((await leader.post(`/api/v1/documents/${d.id}/comment`, { openedOn: '2020-03-03', closesOn: '2020-03-30', channel: '网站' })).status).toBe(403);
    // The advisor may not give an opinion on a review not assigned to its firm: it cannot even see the draft.
    expect((await advisor.get(`/api/v1/documents/${d.id}`)).status).toBe(404);
  });
});

describe('scope', () => {
  it("answers 404 to a liaison of unit A on unit B's draft, alike for an unknown id", async () => {
    const b = await draft(liaison2, { unitId: ids['区市场监督管理局'], issuerUnitId: ids['区市场监督管理局'], title: '中站区食品小作坊登记管理办法' });
    const r = await liaison.get(`/api/v1/documents/${b.id}`);
    expect(r.status).toBe(404);
    expect(r.body).toEqual((await liaison.get(`/api/v1/documents/${Z}`)).body);
    expect((await liaison.post(`/api/v1/documents/${b.id}/comment`, { openedOn: '2020-03-03', closesOn: '2020-03-30', channel: '网站' })).status).toBe(404);
    const mine = (await liaison.get('/api/v1/documents?pageSize=200')).body.items.map((d: { unitName: string }) => d.unitName);
    expect(new Set(mine)).toEqual(new Set(['区城市管理局']));
    expect((await liaison.post('/api/v1/documents', { title: '替别人起草的办法', unitId: ids['区市场监督管理局'], draftedOn: '2020-03-02' })).status).toBe(404);
  });

  it('shows the office of 解放区 nothing of 中站区', async () => {
    const d = await draft(office);
    const jf = await t.as('office_jf');
    const list = await jf.get('/api/v1/documents');
    expect(list.body.total).toBe(0);
    expect((await jf.get(`/api/v1/documents/${d.id}`)).status).toBe(404);
    expect((await jf.post(`/api/v1/documents/${d.id}/publish`, { issuerCode: '焦中政', publishedOn: '2020-04-01' })).status).toBe(404);
    expect((await jf.get('/api/v1/documents/cleanups')).body.items).toEqual([]);
  });
});

describe('审: comment periods on hand-computed dates', () => {
  it('requires 7 working days across National Day 2020 (调休 09-27 and 10-10 count, 10-01…10-08 do not)', async () => {
    const d = await draft(office, { draftedOn: '2020-09-20' });
    // From Fri 09-25: 09-27(Sun, 调休)1, 09-28 2, 09-29 3, 09-30 4, 10-09 5, 10-10(Sat, 调休)6, 10-12 7.
    const short = await office.post(`/api/v1/documents/${d.id}/comment`, { openedOn: '2020-09-25', closesOn: '2020-10-10', channel: '网站' });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('COMMENT_PERIOD_TOO_SHORT');
    expect(short.body.error.details.minClosesOn).toBe('2020-10-12');
    expect(short.body.error.message).toContain('7个工作日');
    const ok = await office.post(`/api/v1/documents/${d.id}/comment`, { openedOn: '2020-09-25', closesOn: '2020-10-12', channel: '网站' });
    expect(ok.status).toBe(200);
    expect(ok.body.comment.minClosesOn).toBe('2020-10-12');
    const early = await office.post(`/api/v1/documents/${d.id}/comment/close`, { closedOn: '2020-10-09', commentCount: 0, summary: '未收到意见' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('COMMENT_PERIOD_NOT_OVER');
    expect((await office.post(`/api/v1/documents/${d.id}/comment/close`, { closedOn: '2020-10-12', commentCount: 0, summary: '未收到意见' })).status).toBe(200);
  });

  it('requires 7 working days across the extended 2020 Spring Festival (调休 01-19 counts, 01-24…02-02 do not)', async () => {
    const d = await draft(office, { draftedOn: '2020-01-10' });
    // From Fri 01-17: 01-19(Sun, 调休)1, 01-20 2, 01-21 3, 01-22 4, 01-23 5, 02-03 6, 02-04 7.
    const r = await office.post(`/api/v1/documents/${d.id}/comment`, { openedOn: '2020-01-17', closesOn: '2020-02-03', channel: '网站' });
    expect(r.body.error.details.minClosesOn).toBe('2020-02-04');
  });

  it('requires 30 days for market-related documents, a last day in the holiday moving to the next working day', async () => {
    const d = await draft(office, { draftedOn: '2020-09-01', marketRelated: true, title: '中站区支持民营经济发展若干措施' });
    // 09-05 + 30 days = 10-05 (National Day) → 10-09 (first working day after).
    const r = await office.post(`/api/v1/documents/${d.id}/comment`, { openedOn: '2020-09-05', closesOn: '2020-10-08', channel: '网站' });
    expect(r.body.error.details.minClosesOn).toBe('2020-10-09');
    expect(r.body.error.message).toContain('优化营商环境条例');
    const d2 = await draft(office, { draftedOn: '2020-09-01', marketRelated: true, title: '中站区促进商贸流通业发展办法' });
    // 09-10 + 30 days = 10-10, a 调休 working Saturday: no move.
    const r2 = await office.post(`/api/v1/documents/${d2.id}/comment`, { openedOn: '2020-09-10', closesOn: '2020-10-09', channel: '网站' });
    expect(r2.body.error.details.minClosesOn).toBe('2020-10-10');
  });

  it('refuses to waive comment for a document bearing on rights, and allows it with a reason otherwise', async () => {
    const d = await draft(office);
    const r = await office.post(`/api/v1/documents/${d.id}/comment/waive`, { reason: '内部管理事项' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('COMMENT_REQUIRED');
    const d2 = await draft(office, { affectsRights: false, title: '中站区规范性文件管理工作规程' });
    expect((await office.post(`/api/v1/documents/${d2.id}/comment/waive`, { reason: '不直接涉及公民权利义务' })).status).toBe(200);
  });
});

describe('审: legality review and deliberation gates', () => {
  it('refuses deliberation without a review, and after an unlawful one, naming 37号 and 115号', async () => {
    const d = await draft(office);
    const r = await office.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2020-04-02', meeting: '区政府常务会议' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('DOCUMENT_REVIEW_REQUIRED');
    expect(r.body.error.message).toContain('国办发〔2018〕37号');
    expect(r.body.error.message).toContain('115号');
    await office.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'office', requestedOn: '2020-03-10', completedOn: '2020-03-12', conclusion: 'unlawful', opinion: '设定了行政处罚，超越权限' });
    expect((await office.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2020-04-02', meeting: '区政府常务会议' })).status).toBe(409);
  });

  it('refuses to publish without passed review and deliberation (409 naming the rules)', async () => {
    const d = await draft(office);
    const r = await office.post(`/api/v1/documents/${d.id}/publish`, { issuerCode: '焦中政', publishedOn: '2020-04-10' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('DOCUMENT_PUBLISH_REFUSED');
    expect(r.body.error.message).toContain('国办发〔2018〕37号');
    expect(r.body.error.message).toContain('国办发〔2018〕115号');
    expect(r.body.error.details.missing.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses to publish a market-related document without a fair-competition review', async () => {
    const d = await draft(office, { marketRelated: true, title: '中站区招商引资优惠政策实施办法', draftedOn: '2020-03-01' });
    await office.post(`/api/v1/documents/${d.id}/comment`, { openedOn: '2020-03-02', closesOn: '2020-04-01', channel: '网站' });
    await office.post(`/api/v1/documents/${d.id}/comment/close`, { closedOn: '2020-04-01', commentCount: 1, summary: '意见1条' });
    await office.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'office', requestedOn: '2020-04-02', completedOn: '2020-04-08', conclusion: 'lawful', opinion: '合法' });
    await office.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2020-04-10', meeting: '区政府常务会议' });
    const r = await office.post(`/api/v1/documents/${d.id}/publish`, { issuerCode: '焦中政', publishedOn: '2020-04-15' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('公平竞争审查');
  });

  it('sends a firm review through the advisors queue: the advisor gives the opinion there, the document goes on to deliberation, counted once', async () => {
    const d = await draft(liaison, { title: '中站区户外广告设置管理办法' });
    await liaison.post(`/api/v1/documents/${d.id}/comment`, { openedOn: '2020-03-03', closesOn: '2020-03-20', channel: '网站' });
    await liaison.post(`/api/v1/documents/${d.id}/comment/close`, { closedOn: '2020-03-20', commentCount: 5, summary: '采纳4条' });
    const before = (await advisor.get('/api/v1/documents')).body.total;
    // 善博 holds no engagement in this world: the queue refuses to assign it, and nothing is written.
    const refused = await liaison.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'advisor', reviewerUnitId: ids['河南善博律师事务所'], requestedOn: '2020-03-23' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('FIRM_NOT_ENGAGED');
    expect(await t.db.selectFrom('normative_doc_reviews').select('id').where('document_id', '=', d.id).execute()).toHaveLength(0);
    // The office cannot record a firm's conclusion here either.
    const atOnce = await office.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'advisor', reviewerUnitId: ids['河南纳圣律师事务所'], requestedOn: '2020-03-23', completedOn: '2020-03-30', conclusion: 'lawful', opinion: '合法' });
    expect(atOnce.status).toBe(400);
    expect(atOnce.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['conclusion']);

    const firm = await liaison.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'advisor', reviewerUnitId: ids['河南纳圣律师事务所'], requestedOn: '2020-03-23' });
    expect(firm.status, JSON.stringify(firm.body)).toBe(200);
    const review = firm.body.reviews[0];
    // 15 working days from Mon 03-23 (no holiday): 04-13; Qingming 04-04 is a Saturday, 04-06 Monday is off → 04-14.
    expect(review).toMatchObject({ status: 'pending', dueOn: '2020-04-14', canGiveOpinion: false });
    expect(review.queueRef).toBeTruthy();
    // The request in the advisors queue: assigned to the firm at once, subject = the document, same due date.
    const q = await advisor.get(`/api/v1/advisors/reviews/${review.queueRef}`);
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({ type: 'normative_document', subjectEntity: 'normative_document', subjectId: d.id, status: 'assigned', firmName: '河南纳圣律师事务所', dueDate: '2020-04-14', unitId: ids['区城市管理局'], canConclude: true });
    // One inbox: the advisor finds it in the advisors queue; the documents review list is not an advisor inbox.
    const inbox = await advisor.get('/api/v1/advisors/reviews?status=assigned&type=normative_document');
    expect(inbox.body.items.map((x: { id: string }) => x.id)).toEqual([review.queueRef]);
    expect((await advisor.get('/api/v1/documents/reviews')).status).toBe(403);
    // The firm reads the document under review.
    const docs = await advisor.get('/api/v1/documents');
    expect(docs.body.total).toBe(before + 1);
    expect(docs.body.items.map((x: { id: string }) => x.id)).toContain(d.id);
    // One to-do for the firm: the queue's (not a second one from documents).
    const todos = (await advisor.get('/api/v1/todos')).body.deadlines.map((x: { entityId: string }) => x.entityId);
    expect(todos).toContain(review.queueRef);
    expect(todos).not.toContain(review.id);
    // No deliberation while the review is open.
    expect((await liaison.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2020-04-02', meeting: '区政府常务会议' })).status).toBe(409);
    // The firm cannot act as the drafting unit.
    expect((await advisor.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2020-04-02', meeting: '区政府常务会议' })).status).toBe(403);
    // The documents endpoint does not take a firm's opinion: 409 naming the queue for the reviewers, 403 for others.
    for (const c of [advisor, office]) {
      const here = await c.post(`/api/v1/documents/reviews/${review.id}/opinion`, { completedOn: '2020-04-01', conclusion: 'lawful', opinion: '合法' });
      expect(here.status).toBe(409);
      expect(here.body.error.code).toBe('LEGALITY_BY_ADVISOR');
      expect(here.body.error.message).toContain('审查事项');
    }
    expect((await liaison.post(`/api/v1/documents/reviews/${review.id}/opinion`, { completedOn: '2020-04-01', conclusion: 'lawful', opinion: '合法' })).status).toBe(403);
    // The requesting unit cannot give the opinion in the queue.
    const opinion = { conclusion: 'lawful_if_amended', opinion: '第十二条删除罚款规定后合法', reasons: '《行政处罚法》第十四条', concludedOn: '2020-04-01' };
    expect((await liaison.post(`/api/v1/advisors/reviews/${review.queueRef}/opinion`, opinion)).status).toBe(403);
    const op = await advisor.post(`/api/v1/advisors/reviews/${review.queueRef}/opinion`, opinion);
    expect(op.status, JSON.stringify(op.body)).toBe(200);
    // The same transaction concluded the document's review.
    const done = (await liaison.get(`/api/v1/documents/${d.id}`)).body.reviews[0];
    expect(done).toMatchObject({ id: review.id, status: 'done', conclusion: 'lawful_after_revision', completedOn: '2020-04-01', reviewerName: '周律师', queueRef: review.queueRef });
    expect(done.opinion).toContain('第十二条删除罚款规定后合法');
    expect(done.opinion).toContain('《行政处罚法》第十四条');
    expect((await advisor.get('/api/v1/todos')).body.deadlines.map((x: { entityId: string }) => x.entityId)).not.toContain(review.queueRef);
    expect((await advisor.post(`/api/v1/advisors/reviews/${review.queueRef}/opinion`, opinion)).status).toBe(409);
    // The office sees the document-side record in its list, linked to the queue request.
    const list = await office.get('/api/v1/documents/reviews?status=done');
    expect(list.body.items.find((x: { id: string }) => x.id === review.id)).toMatchObject({ queueRef: review.queueRef, documentId: d.id });
    const delib = await liaison.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2020-04-08', meeting: '区政府常务会议', minutes: '会议同意' });
    expect(delib.status).toBe(200);
    expect(delib.body.canPublish).toBe(false);
    const pub = await publish(d.id, { issuerCode: '焦中政', publishedOn: '2020-04-15' });
    expect(pub.docNumber).toMatch(/^焦中政〔2020〕\d+号$/);
    // advisors.normativeDocsReviewed counts the review once (the queue request; the document side is not a second record).
    const m = await office.get('/api/v1/metrics/advisors.normativeDocsReviewed?region=410803&year=2020');
    expect(m.body.value).toBe(1);
    const recs = await office.get('/api/v1/metrics/advisors.normativeDocsReviewed/records?region=410803&year=2020');
    expect(recs.body.items.map((x: { id: string }) => x.id)).toEqual([review.queueRef]);
  });

  it('an unlawful opinion from the queue keeps the document from deliberation until a new review passes', async () => {
    const d = await draft(office, { title: '中站区犬只管理暂行规定', draftedOn: '2020-05-06' });
    await office.post(`/api/v1/documents/${d.id}/comment/waive`, { reason: '内部管理事项' });
    const r1 = (await office.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'advisor', reviewerUnitId: ids['河南纳圣律师事务所'], requestedOn: '2020-05-11' })).body.reviews[0];
    expect((await advisor.post(`/api/v1/advisors/reviews/${r1.queueRef}/opinion`, { conclusion: 'unlawful', opinion: '设定了行政强制措施', reasons: '《行政强制法》第十条', concludedOn: '2020-05-15' })).status).toBe(200);
    expect((await office.get(`/api/v1/documents/${d.id}`)).body.reviews[0]).toMatchObject({ status: 'done', conclusion: 'unlawful' });
    const refused = await office.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2020-05-20', meeting: '区政府常务会议' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('DOCUMENT_REVIEW_REQUIRED');
    // The office reviews the revised draft itself: that stays in documents.
    expect((await office.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'office', requestedOn: '2020-05-18', completedOn: '2020-05-19', conclusion: 'lawful', opinion: '修改后合法' })).status).toBe(200);
    expect((await office.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2020-05-20', meeting: '区政府常务会议' })).status).toBe(200);
  });
});

describe('登 and 备: numbering, filing deadline, suspension', () => {
  it('numbers per issuer and year, refuses a used number, and computes the filing deadline across National Day', async () => {
    const a = await ready({ title: '中站区城镇老旧小区改造管理暂行办法' }, { open: '2020-07-01', close: '2020-07-20', review: '2020-07-21', reviewed: '2020-07-28', deliberated: '2020-08-04' });
    const b = await ready({ title: '中站区公共租赁住房管理办法' }, { open: '2020-07-01', close: '2020-07-20', review: '2020-07-21', reviewed: '2020-07-28', deliberated: '2020-08-04' });
    const pa = await publish(a.id, { issuerCode: '焦中政办', publishedOn: '2020-09-08', effectiveFrom: '2020-10-09' });
    const pb = await publish(b.id, { issuerCode: '焦中政办', publishedOn: '2020-09-10' });
    expect(pa.docNumber).toBe('焦中政办〔2020〕1号');
    expect(pb.docNumber).toBe('焦中政办〔2020〕2号');
    expect(pa.registrationNo).toMatch(/^2020-\d{3}$/);
    // 09-08 + 30 days = 10-08 (National Day holiday) → 10-09.
    expect(pa.filing.due).toBe('2020-10-09');
    // 09-10 + 30 = 10-10, a 调休 working Saturday.
    expect(pb.filing.due).toBe('2020-10-10');
    // 暂行 → 2 years from 10-09: valid until 2022-10-08; reminder 6 months before: 2022-04-08.
    expect(pa.validUntil).toBe('2022-10-08');
    expect(pb.validUntil).toBe('2025-09-09');
    const dl = await t.db.selectFrom('deadlines').select(['kind', 'due_date', 'unit_id']).where('entity_id', '=', a.id).execute();
    expect(dl).toEqual(expect.arrayContaining([
      { kind: 'filing', due_date: '2020-10-09', unit_id: ids['区人民政府'] },
      { kind: 'expiry_review', due_date: '2022-04-08', unit_id: ids['区人民政府'] },
    ]));
    const c = await ready({ title: '中站区物业管理办法' });
    const dup = await office.post(`/api/v1/documents/${c.id}/publish`, { docNumber: '焦中政办〔2020〕1号', publishedOn: '2020-09-20' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DOC_NUMBER_TAKEN');
    const explicit = await publish(c.id, { docNumber: '焦中政办〔2020〕9号', publishedOn: '2020-09-20' });
    expect(explicit.docNumber).toBe('焦中政办〔2020〕9号');
    // Auto numbering continues after the highest used number.
    const d = await ready({ title: '中站区停车场管理办法' });
    expect((await publish(d.id, { issuerCode: '焦中政办', publishedOn: '2020-09-21' })).docNumber).toBe('焦中政办〔2020〕10号');
    // Spring Festival 2020: published 01-02 → 02-01 is in the extended holiday → 02-03.
    const e = await ready({ title: '中站区殡葬管理办法' }, { open: '2019-11-01', close: '2019-11-20', review: '2019-11-21', reviewed: '2019-11-28', deliberated: '2019-12-10' });
    expect((await publish(e.id, { issuerCode: '焦中政', publishedOn: '2020-01-02' })).filing.due).toBe('2020-02-03');
  });

  it('puts the filing due on the to-do lists of the issuing unit and the office, files, suspends and resumes', async () => {
    const d = await ready({ title: '中站区犬类管理办法' });
    const p = await publish(d.id, { issuerCode: '焦中政', publishedOn: '2020-04-20' });
    expect(p.filing.due).toBe('2020-05-20');
    const officeTodos = (await office.get('/api/v1/todos')).body.deadlines.filter((x: { entityId: string; kind: string }) => x.entityId === d.id && x.kind === 'filing');
    expect(officeTodos).toHaveLength(1);
    expect(officeTodos[0].basis).toContain('30日');
    const list = await office.get('/api/v1/documents?filing=overdue&pageSize=200');
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(d.id); // 2020 is long past: overdue
    expect(list.body.items.find((x: { id: string }) => x.id === d.id).filing.overdue).toBe(true);
    // The drafting unit's liaison files it (its unit drafted it).
    const filed = await liaison.post(`/api/v1/documents/${d.id}/filing`, { filedOn: '2020-05-18', filedWith: '焦作市人民政府' });
    expect(filed.status).toBe(200);
    expect(filed.body.filing.status).toBe('submitted');
    expect(filed.body.filing.late).toBe(false);
    expect((await liaison.post(`/api/v1/documents/${d.id}/filing`, { filedOn: '2020-05-18', filedWith: '焦作市人民政府' })).status).toBe(409);
    const closed = await t.db.selectFrom('deadlines').select('status').where('entity_id', '=', d.id).where('kind', '=', 'filing').executeTakeFirstOrThrow();
    expect(closed.status).toBe('done');
    const sus = await office.post(`/api/v1/documents/${d.id}/filing/receipt`, { receivedOn: '2020-05-25', result: 'materials_missing', missing: '起草说明、合法性审核意见书', supplyDays: 10 });
    expect(sus.body.filing.status).toBe('suspended');
    expect(sus.body.filing.supplyDue).toBe('2020-06-04');
    expect(sus.body.filing.defective).toBe(true);
    expect((await office.post(`/api/v1/documents/${d.id}/filing/receipt`, { receivedOn: '2020-05-26', result: 'accepted' })).status).toBe(409);
    expect((await liaison.post(`/api/v1/documents/${d.id}/filing/supplement`, { suppliedOn: '2020-06-01' })).body.filing.status).toBe('submitted');
    expect((await office.post(`/api/v1/documents/${d.id}/filing/receipt`, { receivedOn: '2020-06-05', result: 'accepted' })).body.filing.status).toBe('accepted');
    const sup = await t.db.selectFrom('deadlines').select('status').where('entity_id', '=', d.id).where('kind', '=', 'filing_supplement').executeTakeFirstOrThrow();
    expect(sup.status).toBe('done');
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', d.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['draft', 'comment_open', 'comment_close', 'deliberate', 'publish', 'file', 'filing_suspended', 'filing_supplied', 'filing_accepted']));
  });

  it('refuses filing before publication', async () => {
    const d = await draft(office);
    const r = await office.post(`/api/v1/documents/${d.id}/filing`, { filedOn: '2020-05-18', filedWith: '焦作市人民政府' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('FILING_NOT_PENDING');
  });
});

describe('纠, validity and relations: state as of any date', () => {
  it('revokes after a citizen request, repeals by a newer document, extends validity, and answers state as of a date', async () => {
    const old = await ready({ title: '中站区城市道路占用挖掘管理办法' }, { open: '2020-02-03', close: '2020-02-20', review: '2020-02-21', reviewed: '2020-02-28', deliberated: '2020-03-03' });
    await publish(old.id, { issuerCode: '焦中政', publishedOn: '2020-03-10', effectiveFrom: '2020-04-01' });
    const st = async (id: string, asOf: string) => (await office.get(`/api/v1/documents/${id}/state?asOf=${asOf}`)).body.state;
    expect(await st(old.id, '2020-03-15')).toBe('not_issued');
    expect(await st(old.id, '2020-04-01')).toBe('in_force');
    expect(await st(old.id, '2025-04-01')).toBe('expired'); // 5 years: valid until 2025-03-31
    const ext = await office.post(`/api/v1/documents/${old.id}/extend`, { validUntil: '2027-03-31', decidedOn: '2020-06-01', reason: '评估后继续适用' });
    expect(ext.body.validUntil).toBe('2027-03-31');
    expect(await st(old.id, '2025-04-01')).toBe('in_force');
    const neu = await ready({ title: '中站区城市道路管理办法' }, { open: '2020-05-06', close: '2020-05-20', review: '2020-05-21', reviewed: '2020-05-28', deliberated: '2020-06-02' });
    const pn = await publish(neu.id, { issuerCode: '焦中政', publishedOn: '2020-06-10', effectiveFrom: '2020-07-01', relations: [{ kind: 'repeals', documentId: old.id }] });
    expect(pn.status).toBe('in_force');
    const o = await office.get(`/api/v1/documents/${old.id}`);
    expect(o.body.status).toBe('repealed');
    expect(o.body.endedOn).toBe('2020-07-01');
    expect(o.body.relations[0]).toMatchObject({ kind: 'repeals', from: { id: neu.id } });
    expect(await st(old.id, '2020-06-30')).toBe('in_force');
    expect(await st(old.id, '2020-07-01')).toBe('repealed');

    const c = await office.post(`/api/v1/documents/${neu.id}/corrections`, { source: 'citizen_request', receivedOn: '2020-08-03', description: '第八条增设审批条件，无上位法依据' });
    expect(c.status).toBe(200);
    const corr = c.body.corrections[0];
    expect(c.body.deadlines.length).toBeGreaterThan(0);
    const dl = await t.db.selectFrom('deadlines').select('due_date').where('entity_id', '=', corr.id).executeTakeFirstOrThrow();
    expect(dl.due_date).toBe('2020-09-02');
    const out = await office.post(`/api/v1/documents/corrections/${corr.id}/outcome`, { outcome: 'revoked', outcomeOn: '2020-08-20', note: '区政府决定撤销' });
    expect(out.body.status).toBe('closed');
    expect((await office.get(`/api/v1/documents/${neu.id}`)).body.status).toBe('revoked');
    expect(await st(neu.id, '2020-08-19')).toBe('in_force');
    expect(await st(neu.id, '2020-08-20')).toBe('revoked');
    expect((await office.post(`/api/v1/documents/corrections/${corr.id}/outcome`, { outcome: 'revoked', outcomeOn: '2020-08-20', note: '再次' })).status).toBe(409);
    expect((await liaison2.post(`/api/v1/documents/corrections/${corr.id}/outcome`, { outcome: 'revoked', outcomeOn: '2020-08-20', note: '越权' })).status).toBe(404);
  });
});

describe('cleanup campaigns and the public catalogue', () => {
  it('selects by date and issuer, refuses publishing while undecided, applies decisions and publishes the catalogue', async () => {
    const region = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const imp = await importAs(office, [
      { docNumber: '焦中政〔2016〕12号', title: '中站区城市市容和环境卫生管理办法', issuer: '区人民政府', drafter: '区城市管理局', publishedOn: '2016-05-10', status: '现行有效' },
      { docNumber: '焦中政〔2017〕3号', title: '中站区农村宅基地管理暂行办法', issuer: '区人民政府', drafter: '区自然资源和规划局', publishedOn: '2017-03-01', validUntil: '2022-02-28', status: '现行有效' },
      { docNumber: '焦中政办〔2018〕5号', title: '中站区城区建筑垃圾管理办法', issuer: '区政府办公室', drafter: '区城市管理局', publishedOn: '2018-06-01', status: '现行有效' },
      { docNumber: '焦中政办〔2019〕7号', title: '中站区城乡居民临时救助实施办法', issuer: '区政府办公室', drafter: '区民政局', publishedOn: '2019-09-30', status: '现行有效' },
      { docNumber: '焦中政办〔2019〕9号', title: '中站区养老服务补贴发放办法', issuer: '区政府办公室', drafter: '区民政局', publishedOn: '2019-10-01', status: '现行有效' },
      { docNumber: '焦中政〔2015〕8号', title: '中站区旧城改造管理办法', issuer: '区人民政府', drafter: '区住房和城乡建设局', publishedOn: '2015-04-01', status: '已废止', endedOn: '2018-01-01' },
    ]);
    expect(imp.status, JSON.stringify(imp.body)).toBe(200);
    expect(imp.body.committed).toBe(6);
    const limited = await office.post('/api/v1/documents/cleanups', { title: '区政府办公室文件专项清理', regionId: region.id, issuedBefore: '2019-10-01', issuerUnitId: ids['区政府办公室'], startedOn: '2020-06-01' });
    expect(limited.body.itemCount).toBe(2); // 焦中政办〔2018〕5号, 〔2019〕7号 — not 〔2019〕9号 (issued on 10-01)
    const jf = await t.as('office_jf');
    expect((await jf.post('/api/v1/documents/cleanups', { title: '越界清理', regionId: region.id, issuedBefore: '2019-10-01', startedOn: '2020-06-01' })).status).toBe(404);
    const cl = await office.get(`/api/v1/documents/cleanups/${limited.body.id}`);
    const [i1, i2] = cl.body.items;
    expect(i1.docNumber).toBe('焦中政办〔2018〕5号');
    const pub0 = await office.post(`/api/v1/documents/cleanups/${limited.body.id}/publish`, { publishedOn: '2020-11-30' });
    expect(pub0.status).toBe(409);
    expect(pub0.body.error.code).toBe('CLEANUP_UNDECIDED');
    expect((await t.anon().get(`/api/v1/public/documents/cleanups/${limited.body.id}`)).status).toBe(404);
    const dec = await office.post(`/api/v1/documents/cleanups/${limited.body.id}/decisions`, {
      decidedOn: '2020-11-20',
      items: [{ documentId: i1.documentId, decision: 'repeal', reason: '已被《焦作市建筑垃圾管理条例》完全涵盖' }, { documentId: i2.documentId, decision: 'invalidate', reason: '适用期已过' }],
    });
    expect(dec.status).toBe(200);
    const bad = await office.post(`/api/v1/documents/cleanups/${limited.body.id}/decisions`, { decidedOn: '2020-11-20', items: [{ documentId: Z, decision: 'keep', reason: '合法' }] });
    expect(bad.status).toBe(400);
    const pub = await office.post(`/api/v1/documents/cleanups/${limited.body.id}/publish`, { publishedOn: '2020-11-30', decisionNumber: '焦中政〔2020〕31号' });
    expect(pub.status).toBe(200);
    expect((await office.get(`/api/v1/documents/${i1.documentId}`)).body.status).toBe('repealed');
    expect((await office.get(`/api/v1/documents/${i2.documentId}`)).body.status).toBe('invalidated');
    // Public: the catalogue lists what is in force, without a session.
    const cat = await t.anon().get('/api/v1/public/documents/catalogue?region=410803&asOf=2020-12-01');
    expect(cat.status).toBe(200);
    const numbers = cat.body.items.map((x: { docNumber: string }) => x.docNumber);
    expect(numbers).toContain('焦中政〔2016〕12号');
    expect(numbers).toContain('焦中政办〔2019〕9号');
    expect(numbers).not.toContain('焦中政办〔2018〕5号');
    expect(numbers).not.toContain('焦中政〔2015〕8号');
    expect(numbers).toContain('焦中政〔2017〕3号'); // valid until 2022-02-28
    const later = await t.anon().get('/api/v1/public/documents/catalogue?region=410803&asOf=2022-03-01');
    expect(later.body.items.map((x: { docNumber: string }) => x.docNumber)).not.toContain('焦中政〔2017〕3号');
    const res = await t.anon().get(`/api/v1/public/documents/cleanups/${limited.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: { decision: string }) => x.decision).sort()).toEqual(['invalidate', 'repeal']);
    expect(cat.body.cleanups.map((x: { id: string }) => x.id)).toContain(limited.body.id);
  });
});
