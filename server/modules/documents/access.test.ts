import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload } from '../../test/xlsx.js';
import { exportXlsx } from '../../core/excel/index.js';
import { registerSheet } from './excel.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client;
let liaison: Client;
let liaison2: Client;
let leader: Client;
let jf: Client;
let doc: string;
let issuedDoc: string;
let review: string;
let correction: string;
let cleanup: string;
let region: string;

/** POST, or PUT for urls marked `#put`. */
const send = (c: Client, url: string, body: unknown) => (url.endsWith('#put') ? c.put(url.slice(0, -4), body) : c.post(url, body));
const ok = async (p: Promise<{ status: number; body: any }>) => {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
};

beforeAll(async () => {
  t = await createTestApp();
  ids = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  region = (await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow()).id;
  [office, liaison, liaison2, leader, jf] = await Promise.all(['office', 'liaison', 'liaison2', 'leader', 'office_jf'].map((u) => t.as(u)));
  // 纳圣 engaged for 2020 (a firm's review is a request assigned in the advisors queue).
  await ok(office.post('/api/v1/advisors/engagements', { firmId: ids['河南纳圣律师事务所'], contractNo: '中站政法顾〔2020〕1号', signedOn: '2019-12-27', periodFrom: '2020-01-01', periodTo: '2020-12-31', scope: '常年法律顾问', fee: 80000 }));
  // A draft of 区城市管理局 with a pending advisor review; an issued document with an open correction; a cleanup.
  doc = (await ok(liaison.post('/api/v1/documents', { title: '中站区城市生活垃圾分类管理实施办法', unitId: ids['区城市管理局'], issuerUnitId: ids['区人民政府'], draftedOn: '2020-03-02' }))).id;
  review = (await ok(liaison.post(`/api/v1/documents/${doc}/reviews`, { reviewerKind: 'advisor', reviewerUnitId: ids['河南纳圣律师事务所'], requestedOn: '2020-03-30' }))).reviews[0].id;
  await ok(upload(t, office, '/api/v1/documents/import?dryRun=0', await exportXlsx(registerSheet, [
    { docNumber: '焦中城管〔2018〕4号', title: '中站区渣土运输车辆管理办法', issuer: '区城市管理局', publishedOn: '2018-05-02', status: '现行有效' },
  ])));
  issuedDoc = (await t.db.selectFrom('normative_documents').select('id').where('doc_number', '=', '焦中城管〔2018〕4号').executeTakeFirstOrThrow()).id;
  correction = (await ok(office.post(`/api/v1/documents/${issuedDoc}/corrections`, { source: 'complaint', receivedOn: '2020-05-06', description: '第九条要求办理的备案无法律依据' }))).corrections[0].id;
  cleanup = (await ok(office.post('/api/v1/documents/cleanups', { title: '2020年规范性文件清理', regionId: region, issuedBefore: '2019-10-01', startedOn: '2020-06-01' }))).id;
});
afterAll(async () => t.close());

/** Every write endpoint on a document, with a body valid for the schema. */
const writes = (): [string, Record<string, unknown>][] => [
  [`/api/v1/documents/${doc}#put`, { title: '中站区生活垃圾分类管理办法' }],
  [`/api/v1/documents/${doc}/comment`, { openedOn: '2020-03-03', closesOn: '2020-03-30', channel: '网站' }],
  [`/api/v1/documents/${doc}/comment/close`, { closedOn: '2020-03-30', commentCount: 0, summary: '无意见' }],
  [`/api/v1/documents/${doc}/comment/waive`, { reason: '内部管理事项' }],
  [`/api/v1/documents/${doc}/fair-competition`, { reviewedOn: '2020-03-30', conclusion: 'compliant', opinion: '符合' }],
  [`/api/v1/documents/${doc}/reviews`, { reviewerKind: 'office', requestedOn: '2020-03-30' }],
  [`/api/v1/documents/reviews/${review}/opinion`, { completedOn: '2020-04-01', conclusion: 'lawful', opinion: '合法' }],
  [`/api/v1/documents/${doc}/deliberation`, { deliberatedOn: '2020-04-02', meeting: '区政府常务会议' }],
  [`/api/v1/documents/${doc}/publish`, { issuerCode: '焦中政', publishedOn: '2020-04-10' }],
  [`/api/v1/documents/${issuedDoc}/filing`, { filedOn: '2020-05-01', filedWith: '焦作市人民政府' }],
  [`/api/v1/documents/${issuedDoc}/filing/receipt`, { receivedOn: '2020-05-01', result: 'accepted' }],
  [`/api/v1/documents/${issuedDoc}/filing/supplement`, { suppliedOn: '2020-05-01' }],
  [`/api/v1/documents/${issuedDoc}/extend`, { validUntil: '2030-01-01', decidedOn: '2020-05-01', reason: '继续适用' }],
  [`/api/v1/documents/${issuedDoc}/corrections`, { source: 'complaint', receivedOn: '2020-05-06', description: '某条无依据' }],
  [`/api/v1/documents/corrections/${correction}/outcome`, { outcome: 'no_problem', outcomeOn: '2020-05-20', note: '经审查无问题' }],
];
const cleanupWrites = (): [string, Record<string, unknown>][] => [
  ['/api/v1/documents/cleanups', { title: '清理工作', regionId: region, issuedBefore: '2019-10-01', startedOn: '2020-06-01' }],
  [`/api/v1/documents/cleanups/${cleanup}/decisions`, { decidedOn: '2020-07-01', items: [{ documentId: issuedDoc, decision: 'keep', reason: '合法' }] }],
  [`/api/v1/documents/cleanups/${cleanup}/publish`, { publishedOn: '2020-07-02' }],
];

describe('403 and 404 on every endpoint', () => {
  it('answers 403 to the read-only leader on every write endpoint of a document it can read', async () => {
    expect((await leader.get(`/api/v1/documents/${doc}`)).status).toBe(200);
    for (const [url, body] of [...writes(), ...cleanupWrites()]) expect((await send(leader, url, body)).status, url).toBe(403);
  });

  it("answers 404 to another unit's liaison on every endpoint of unit A's records, and 404 to another district's office", async () => {
    for (const [url, body] of writes()) {
      // Office-only steps answer the role check first (403); the others 404 on another unit's record.
      expect((await send(liaison2, url, body)).status, url).toBe(/publish|extend/.test(url) ? 403 : 404);
      expect((await send(jf, url, body)).status, url).toBe(404);
    }
    for (const url of [`/api/v1/documents/${doc}`, `/api/v1/documents/${doc}/state?asOf=2020-05-01`, `/api/v1/files/normative_document/${doc}`, `/api/v1/history/normative_document/${doc}`]) {
      expect((await liaison2.get(url)).status, url).toBe(404);
      expect((await jf.get(url)).status, url).toBe(404);
    }
    for (const url of [`/api/v1/documents/cleanups/${cleanup}`, `/api/v1/documents/cleanups/${cleanup}/export`]) expect((await jf.get(url)).status, url).toBe(404);
    for (const [url, body] of cleanupWrites().slice(1)) expect((await jf.post(url, body)).status, url).toBe(404);
    expect((await jf.post('/api/v1/documents/cleanups', cleanupWrites()[0][1])).status).toBe(404);
  });

  it('answers 403 to unit staff on office-only steps (publish, extend, cleanups, conclusions)', async () => {
    for (const [url, body] of [...writes().filter(([u]) => /publish|extend|opinion/.test(u)), ...cleanupWrites()])
      expect((await liaison.post(url, body)).status, url).toBe(403);
    expect((await liaison.get('/api/v1/documents/cleanups')).body.items).toEqual([]);
    expect((await liaison.get(`/api/v1/documents/cleanups/${cleanup}`)).status).toBe(404);
    const advisor = await t.as('advisor');
    expect((await advisor.post(`/api/v1/documents/${issuedDoc}/corrections`, writes().find(([u]) => u.endsWith(`${issuedDoc}/corrections`))![1])).status).toBe(403);
    expect((await advisor.get(`/api/v1/documents/${issuedDoc}`)).status).toBe(404);
  });
});

describe('attachments and history of a document', () => {
  it('lets the drafting unit attach filing materials and shows the timeline; other units get 404', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await upload(t, liaison, `/api/v1/files/normative_document/${doc}`, pdf, { name: '起草说明.pdf' });
    expect(up.status).toBe(201);
    expect((await upload(t, liaison2, `/api/v1/files/normative_document/${doc}`, pdf, { name: 'x.pdf' })).status).toBe(404);
    expect((await leader.get(`/api/v1/files/normative_document/${doc}`)).body.items.map((f: { name: string }) => f.name)).toEqual(['起草说明.pdf']);
    const advisor = await t.as('advisor');
    expect((await upload(t, advisor, `/api/v1/files/normative_doc_review/${review}`, pdf, { name: '审核意见书.pdf' })).status).toBe(201);
    const h = await liaison.get(`/api/v1/history/normative_document/${doc}`);
    const actions = h.body.items.map((x: { action: string }) => x.action);
    expect(actions[0]).toBe('draft');
    expect(actions).toContain('upload'); // the core timeline includes attachments
  });
});

describe('register import and export', () => {
  it('imports all or nothing, listing every bad cell and checking scope', async () => {
    const before = await t.db.selectFrom('normative_documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const rows = [
      { docNumber: '焦中城管〔2017〕2号', title: '中站区城市照明设施管理办法', issuer: '区城市管理局', publishedOn: '2017-04-01', status: '现行有效' },
      { docNumber: '焦中城管（2016）02号', title: '办法', issuer: '区城市管理局', publishedOn: '2016-13-01', status: '有效' },
      { docNumber: '焦中市监〔2019〕3号', title: '中站区食品小作坊登记管理办法', issuer: '区市场监督管理局', publishedOn: '2019-06-01', status: '现行有效' },
      { docNumber: '焦中城管〔2018〕4号', title: '中站区渣土运输车辆管理办法', issuer: '区城市管理局', publishedOn: '2018-05-02', status: '现行有效' },
      { docNumber: '焦中城管〔2015〕6号', title: '中站区户外广告设置管理办法', issuer: '区城市管理局', publishedOn: '2015-04-01', status: '已废止' },
    ];
    const dry = await upload(t, liaison, '/api/v1/documents/import?dryRun=1', await exportXlsx(registerSheet, rows as never));
    expect(dry.status).toBe(200);
    const byRow = (n: number) => dry.body.errors.filter((e: { row: number }) => e.row === n).map((e: { column: string }) => e.column).sort();
    expect(byRow(3)).toEqual(['发布日期', '发文字号', '文件名称', '状态'].sort());
    expect(byRow(4)).toEqual(['制定机关']); // another unit: not in the liaison's scope
    expect(byRow(5)).toEqual(['发文字号']); // already registered
    expect(byRow(6)).toEqual(['废止/失效日期']);
    expect(byRow(2)).toEqual([]);
    const commit = await upload(t, liaison, '/api/v1/documents/import?dryRun=0', await exportXlsx(registerSheet, rows as never));
    expect(commit.body.committed).toBe(0);
    const after = await t.db.selectFrom('normative_documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await upload(t, leader, '/api/v1/documents/import?dryRun=1', await exportXlsx(registerSheet, rows as never))).status).toBe(403);
    const good = await upload(t, liaison, '/api/v1/documents/import?dryRun=0', await exportXlsx(registerSheet, [rows[0]] as never));
    expect(good.body.committed).toBe(1);
  });

  it('exports the register of the caller’s scope and the catalogue as xlsx', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/documents/export?status=in_force', headers: { cookie: liaison.cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const numbers = ws.getColumn(1).values.slice(2).filter(Boolean).map(String);
    expect(numbers.sort()).toEqual(['焦中城管〔2017〕2号', '焦中城管〔2018〕4号']);
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/documents/export', headers: { cookie: liaison2.cookie } });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0].getColumn(1).values.slice(2).filter(Boolean)).toEqual([]); // header only
    const cat = await t.app.inject({ method: 'GET', url: '/api/v1/documents/catalogue/export', headers: { cookie: office.cookie } });
    expect(cat.statusCode).toBe(200);
    const cl = await t.app.inject({ method: 'GET', url: `/api/v1/documents/cleanups/${cleanup}/export`, headers: { cookie: office.cookie } });
    expect(cl.statusCode).toBe(200);
  });
});

describe('drafts, review inbox, settings and the catalogue as of a past date', () => {
  it('edits a draft, but not the flags that set the comment period once comment has opened', async () => {
    const d = await ok(liaison.post('/api/v1/documents', { title: '中站区犬类管理办法', unitId: ids['区城市管理局'], draftedOn: '2020-03-02' }));
    expect((await liaison.put(`/api/v1/documents/${d.id}`, { title: 'x' })).status).toBe(400);
    expect((await liaison.put(`/api/v1/documents/${d.id}`, { marketRelated: true })).body.marketRelated).toBe(true);
    await ok(liaison.post(`/api/v1/documents/${d.id}/comment`, { openedOn: '2020-03-03', closesOn: '2020-04-03', channel: '网站' }));
    const r = await liaison.put(`/api/v1/documents/${d.id}`, { marketRelated: false });
    expect(r.status).toBe(409);
    expect((await liaison.put(`/api/v1/documents/${d.id}`, { summary: '规范养犬行为' })).body.summary).toBe('规范养犬行为');
    expect((await t.anon().put(`/api/v1/documents/${d.id}`, { title: 'x' })).status).toBe(401);
  });

  it("gives the advisor its firm's review in the advisors queue only; the documents review list is the office's record", async () => {
    const advisor = await t.as('advisor');
    // One inbox: the advisors queue holds the firm's review of the document, with the ability to conclude it there.
    const queueRef = (await t.db.selectFrom('normative_doc_reviews').select('queue_ref').where('id', '=', review).executeTakeFirstOrThrow()).queue_ref;
    const inbox = await advisor.get('/api/v1/advisors/reviews?status=assigned');
    expect(inbox.body.items.map((x: { id: string }) => x.id)).toEqual([queueRef]);
    expect(inbox.body.items[0]).toMatchObject({ type: 'normative_document', subjectId: doc, canConclude: true });
    expect((await advisor.get('/api/v1/documents/reviews?status=pending')).status).toBe(403);
    // The document-side records: region readers and the drafting unit; nobody gives a firm's opinion here.
    expect((await liaison2.get('/api/v1/documents/reviews')).body.total).toBe(0);
    expect((await liaison.get('/api/v1/documents/reviews')).body.items[0]).toMatchObject({ id: review, canGiveOpinion: false, queueRef });
    expect((await office.get('/api/v1/documents/reviews')).body.items[0]).toMatchObject({ id: review, canGiveOpinion: false, queueRef });
    expect((await leader.get('/api/v1/documents/reviews')).body.total).toBe(1);
    expect((await jf.get('/api/v1/documents/reviews')).body.total).toBe(0);
    expect((await t.anon().get('/api/v1/documents/reviews')).status).toBe(401);
    expect((await office.get('/api/v1/documents/reviews?status=open')).status).toBe(400);
    const detail = await advisor.get(`/api/v1/documents/${doc}`);
    expect(detail.body.reviews[0]).toMatchObject({ canGiveOpinion: false, queueRef });
  });

  it('takes the filing period from the province setting', async () => {
    const admin = await t.as('admin');
    expect((await admin.put('/api/v1/settings/documents.filingDays', { value: 15 })).status).toBe(200);
    try {
      const d = await ok(office.post('/api/v1/documents', { title: '中站区规范性文件管理工作规程', unitId: ids['区司法局'], draftedOn: '2020-03-02', affectsRights: false }));
      await ok(office.post(`/api/v1/documents/${d.id}/comment/waive`, { reason: '内部工作规程' }));
      await ok(office.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'office', requestedOn: '2020-03-03', completedOn: '2020-03-05', conclusion: 'lawful', opinion: '合法' }));
      await ok(office.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2020-03-10', meeting: '局务会议' }));
      // 15 days after Tue 2020-09-15 = Wed 09-30.
      const p = await ok(office.post(`/api/v1/documents/${d.id}/publish`, { issuerCode: '焦中司', publishedOn: '2020-09-15' }));
      expect(p.filing.due).toBe('2020-09-30');
      const dl = await t.db.selectFrom('deadlines').select('basis').where('entity_id', '=', d.id).where('kind', '=', 'filing').executeTakeFirstOrThrow();
      expect(dl.basis).toContain('15日');
    } finally {
      await admin.put('/api/v1/settings/documents.filingDays', { value: 30 });
    }
  });

  it('shows the catalogue as it stood on a past date', async () => {
    const c = await ok(office.get(`/api/v1/documents/cleanups/${cleanup}`));
    await ok(office.post(`/api/v1/documents/cleanups/${cleanup}/decisions`, { decidedOn: '2020-07-01', items: c.items.map((i: { documentId: string }) => ({ documentId: i.documentId, decision: 'repeal', reason: '已不适应' })) }));
    await ok(office.post(`/api/v1/documents/cleanups/${cleanup}/publish`, { publishedOn: '2020-07-02' }));
    const numbers = async (asOf: string) => (await t.anon().get(`/api/v1/public/documents/catalogue?region=410803&asOf=${asOf}`)).body.items.map((x: { docNumber: string }) => x.docNumber);
    expect(await numbers('2020-07-01')).toContain('焦中城管〔2018〕4号');
    expect(await numbers('2020-07-02')).not.toContain('焦中城管〔2018〕4号');
  });
});
