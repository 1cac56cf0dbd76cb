import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload } from '../../test/xlsx.js';
import { exportXlsx } from '../../core/excel/index.js';
import { registerSheet } from './excel.js';
import { CleanupDetailOut, DocumentDetailOut, DocumentOut } from '../../../common/documentSchemas.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';

let t: TestApp;
let office: Client;
let jf: Client;
let zz: { id: string; path: string };
let jfRegion: { id: string; path: string };
let zzUnit: string;
let jfUnit: string;

const ok = async (p: Promise<{ status: number; body: any }>) => {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
};
const docBy = (docNumber: string) =>
  t.db.selectFrom('normative_documents').select(['id', 'region_id', 'unit_id', 'issuer_unit_id']).where('doc_number', '=', docNumber).execute();

beforeAll(async () => {
  t = await createTestApp();
  [office, jf] = await Promise.all([t.as('office'), t.as('office_jf')]);
  zz = await t.db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410803').executeTakeFirstOrThrow();
  jfRegion = await t.db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410802').executeTakeFirstOrThrow();
  zzUnit = (await t.db.selectFrom('units').select('id').where('name', '=', '区城市管理局').where('region_id', '=', zz.id).executeTakeFirstOrThrow()).id;
  // 解放区 has its own 区城市管理局: the same name in two districts.
  jfUnit = (await t.db.insertInto('units').values({ name: '区城市管理局', type: 'department', region_id: jfRegion.id }).returning('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe('register import on two districts that both have a 区城市管理局', () => {
  const row = { docNumber: '焦城管〔2018〕7号', title: '城市道路挖掘修复管理办法', issuer: '区城市管理局', publishedOn: '2018-03-01', status: '现行有效' };

  it("writes each uploader's row to the unit of that name in the uploader's own district", async () => {
    const file = await exportXlsx(registerSheet, [row] as never);
    // Dry runs pass for both: each office sees exactly one unit of that name, its own.
    expect((await ok(upload(t, office, '/api/v1/documents/import?dryRun=1', file))).errors).toEqual([]);
    expect((await ok(upload(t, jf, '/api/v1/documents/import?dryRun=1', file))).errors).toEqual([]);
    expect((await ok(upload(t, office, '/api/v1/documents/import?dryRun=0', file))).committed).toBe(1);
    expect((await ok(upload(t, jf, '/api/v1/documents/import?dryRun=0', file))).committed).toBe(1);
    const rows = await docBy(row.docNumber);
    expect(rows.map((r) => [r.region_id, r.unit_id, r.issuer_unit_id]).sort()).toEqual(
      [[zz.id, zzUnit, zzUnit], [jfRegion.id, jfUnit, jfUnit]].sort(),
    );
    // A number is unique per district: the second import into 解放区 is refused cell by cell.
    const again = await ok(upload(t, jf, '/api/v1/documents/import?dryRun=1', file));
    expect(again.errors.map((e: { column: string }) => e.column)).toEqual(['发文字号']);
  });

  it("keeps each district's register to itself", async () => {
    const mine = await ok(jf.get('/api/v1/documents?q=城市道路挖掘'));
    expect(mine.items.map((d: { unitId: string }) => d.unitId)).toEqual([jfUnit]);
    const theirs = await ok(office.get('/api/v1/documents?q=城市道路挖掘'));
    expect(theirs.items.map((d: { unitId: string }) => d.unitId)).toEqual([zzUnit]);
    expect((await jf.get(`/api/v1/documents/${theirs.items[0].id}`)).status).toBe(404);
  });
});

describe('response contracts and attachments', () => {
  it('answers exactly the fields of the response schemas, never a stored column', async () => {
    const list = await ok(office.get('/api/v1/documents?pageSize=5'));
    expect(list.items.length).toBeGreaterThan(0);
    for (const d of list.items) {
      expect(Object.keys(d).sort()).toEqual(Object.keys(DocumentOut.shape).sort());
      expect(d).not.toHaveProperty('created_by');
    }
    const detail = await ok(office.get(`/api/v1/documents/${list.items[0].id}`));
    expect(DocumentDetailOut.safeParse(detail).success).toBe(true);
    expect(Object.keys(detail).sort()).toEqual(Object.keys(DocumentDetailOut.shape).sort());
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    if (docs.statusCode === 200) {
      const paths = JSON.parse(docs.body).paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      const missing = Object.entries(paths)
        .filter(([p]) => p.startsWith('/api/v1/documents') || p.startsWith('/api/v1/public/documents'))
        .flatMap(([p, ops]) => Object.entries(ops).filter(([, op]) => !Object.keys(op.responses ?? {}).some((s) => s.startsWith('2'))).map(([m]) => `${m} ${p}`));
      expect(missing).toEqual([]);
    }
  });

  it('takes attachments while a document is in force, and none once it is repealed', async () => {
    const [d] = (await docBy('焦城管〔2018〕7号')).filter((r) => r.region_id === zz.id);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect((await ok(office.get(`/api/v1/documents/${d.id}`))).canAttach).toBe(true);
    expect((await upload(t, office, `/api/v1/files/normative_document/${d.id}`, pdf, { name: '备案报告.pdf', type: 'application/pdf' })).status).toBe(201);
    // A newer document repeals it: a closed record takes no more attachments (still readable).
    const n = await ok(office.post('/api/v1/documents', { title: '中站区城市道路挖掘管理办法', unitId: zzUnit, draftedOn: '2020-03-02' }));
    await ok(office.post(`/api/v1/documents/${n.id}/comment`, { openedOn: '2020-03-02', closesOn: '2020-03-20', channel: '区政府网站' }));
    await ok(office.post(`/api/v1/documents/${n.id}/comment/close`, { closedOn: '2020-03-20', commentCount: 0, summary: '无意见' }));
    await ok(office.post(`/api/v1/documents/${n.id}/reviews`, { reviewerKind: 'office', requestedOn: '2020-03-23', completedOn: '2020-03-27', conclusion: 'lawful', opinion: '合法' }));
    await ok(office.post(`/api/v1/documents/${n.id}/deliberation`, { deliberatedOn: '2020-04-01', meeting: '区政府常务会议' }));
    const pub = await ok(office.post(`/api/v1/documents/${n.id}/publish`, { issuerCode: '焦中城管', publishedOn: '2020-04-10', relations: [{ documentId: d.id, kind: 'repeals' }] }));
    expect(pub.relations).toEqual([{ kind: 'repeals', onDate: '2020-04-10', from: { id: n.id, docNumber: pub.docNumber, title: pub.title }, to: expect.objectContaining({ id: d.id }) }]);
    const old = await ok(office.get(`/api/v1/documents/${d.id}`));
    expect(old).toMatchObject({ status: 'repealed', canAttach: false });
    expect((await upload(t, office, `/api/v1/files/normative_document/${d.id}`, pdf, { name: 'x.pdf', type: 'application/pdf' })).status).toBe(404);
    expect((await ok(office.get(`/api/v1/files/normative_document/${d.id}`))).items.map((f: { name: string }) => f.name)).toEqual(['备案报告.pdf']);
    // Its history shows the repeal, by the record core's audited update.
    const h = await ok(office.get(`/api/v1/history/normative_document/${d.id}`));
    expect(h.items.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(['import', 'upload', 'repeal']));
  });
});

describe('cleanup counts by dimension', () => {
  it('breaks the kept figure down by decision in SQL, summing to the figure', async () => {
    const rows = [
      { docNumber: '焦中城管〔2016〕3号', title: '中站区户外广告设置管理办法', issuer: '区城市管理局', publishedOn: '2016-04-01', validUntil: '2021-03-31', status: '现行有效' },
      { docNumber: '焦中城管〔2017〕5号', title: '中站区城市照明设施管理办法', issuer: '区城市管理局', publishedOn: '2017-05-01', validUntil: '2022-04-30', status: '现行有效' },
      { docNumber: '焦中城管〔2018〕9号', title: '中站区渣土运输车辆管理办法', issuer: '区城市管理局', publishedOn: '2018-06-01', validUntil: '2023-05-31', status: '现行有效' },
    ];
    expect((await ok(upload(t, office, '/api/v1/documents/import?dryRun=0', await exportXlsx(registerSheet, rows as never)))).committed).toBe(3);
    const c = await ok(office.post('/api/v1/documents/cleanups', { title: '2020年规范性文件清理', regionId: zz.id, issuedBefore: '2019-10-01', startedOn: '2020-06-01' }));
    const detail = CleanupDetailOut.parse(await ok(office.get(`/api/v1/documents/cleanups/${c.id}`)));
    expect(detail.items.length).toBe(c.itemCount);
    expect(detail.items.map((i) => i.docNumber)).toEqual(rows.map((r) => r.docNumber));
    const decisions = ['keep', 'extend', 'amend'] as const;
    await ok(office.post(`/api/v1/documents/cleanups/${c.id}/decisions`, {
      decidedOn: '2020-11-01',
      items: detail.items.map((i, n) => ({ documentId: i.documentId, decision: decisions[n % 3], reason: '评估后决定', ...(decisions[n % 3] === 'extend' ? { newValidUntil: '2030-12-31' } : {}) })),
    }));
    await ok(office.post(`/api/v1/documents/cleanups/${c.id}/publish`, { publishedOn: '2020-11-30' }));
    const scope = await metricScopeOf(t.db, zz.id);
    const kept = getMetric('documents.cleanup.kept')!;
    const total = await kept.compute(t.db, scope, yearPeriod(2020));
    expect(total).toBe(detail.items.length);
    const byDecision = await kept.breakdown!(t.db, scope, yearPeriod(2020), 'decision');
    expect(byDecision.reduce((s, r) => s + r.value, 0)).toBe(total);
    expect(byDecision.every((r) => ['继续有效', '延长有效期', '修改'].includes(r.label))).toBe(true);
    expect(await getMetric('documents.cleanup.repealed')!.compute(t.db, scope, yearPeriod(2020))).toBe(0);
    // 解放区 published nothing: no data there, not 0.
    expect(await kept.compute(t.db, await metricScopeOf(t.db, jfRegion.id), yearPeriod(2020))).toBeNull();
  });
});
