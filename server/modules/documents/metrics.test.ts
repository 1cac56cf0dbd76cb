import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { getMetric, metricScopeOf, yearPeriod, type MetricScope } from '../../core/metrics/index.js';
import { documentMetrics } from './metrics.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client;
let scope: MetricScope;
let zzId: string;
beforeAll(async () => {
  t = await createTestApp();
  ids = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  office = await t.as('office');
  zzId = (await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow()).id;
  scope = await metricScopeOf(t.db, zzId);
});
afterAll(async () => t.close());

async function ok(p: Promise<{ status: number; body: any }>) {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
}

/** A document drafted by `unit`, reviewed, deliberated and published on `publishedOn`. */
async function issued(title: string, unit: string, publishedOn: string) {
  const y = Number(publishedOn.slice(0, 4));
  const m = publishedOn.slice(5, 7);
  const base = `${m === '01' ? y - 1 : y}-${m === '01' ? '11' : String(Number(m) - 1).padStart(2, '0')}`;
  const d = await ok(office.post('/api/v1/documents', { title, unitId: ids[unit], issuerUnitId: ids['区人民政府'], draftedOn: `${base}-01` }));
  await ok(office.post(`/api/v1/documents/${d.id}/comment`, { openedOn: `${base}-01`, closesOn: `${base}-15`, channel: '网站' }));
  await ok(office.post(`/api/v1/documents/${d.id}/comment/close`, { closedOn: `${base}-15`, commentCount: 0, summary: '无意见' }));
  await ok(office.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'office', requestedOn: `${base}-16`, completedOn: `${base}-20`, conclusion: 'lawful', opinion: '合法' }));
  await ok(office.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: `${base}-25`, meeting: '区政府常务会议' }));
  return ok(office.post(`/api/v1/documents/${d.id}/publish`, { issuerCode: '焦中政', publishedOn }));
}

const value = (id: string, year: number, s = scope) => getMetric(id)!.compute(t.db, s, yearPeriod(year));

describe('documents metrics on hand-computed data', () => {
  it('gives no data before any document exists', async () => {
    for (const m of documentMetrics) expect(await m.compute(t.db, scope, yearPeriod(2020))).toBeNull();
  });

  it('counts filings, 报备率, 报备及时率 and 规范率', async () => {
    // A: issued 2020-04-20 (due 05-20), filed 05-18 on time; materials missing once → not 规范.
    const a = await issued('中站区犬类管理办法', '区城市管理局', '2020-04-20');
    await ok(office.post(`/api/v1/documents/${a.id}/filing`, { filedOn: '2020-05-18', filedWith: '焦作市人民政府' }));
    await ok(office.post(`/api/v1/documents/${a.id}/filing/receipt`, { receivedOn: '2020-05-25', result: 'materials_missing', missing: '起草说明', supplyDays: 10 }));
    // B: issued 2020-06-01 (due 07-01), filed 07-10: late.
    const b = await issued('中站区户外广告设置管理办法', '区城市管理局', '2020-06-01');
    await ok(office.post(`/api/v1/documents/${b.id}/filing`, { filedOn: '2020-07-10', filedWith: '焦作市人民政府' }));
    // C: issued 2020-08-03, never filed.
    await issued('中站区临时救助实施办法', '区民政局', '2020-08-03');
    // D: issued 2019-12-20 (due 2020-01-19, a 调休 working Sunday), filed 2020-01-25: late, filed in 2020.
    const d = await issued('中站区养老服务补贴办法', '区民政局', '2019-12-20');
    expect(d.filing.due).toBe('2020-01-19');
    await ok(office.post(`/api/v1/documents/${d.id}/filing`, { filedOn: '2020-01-25', filedWith: '焦作市人民政府' }));
    // E: issued 2020-09-01 (due 10-01 → holiday → 10-09), filed 10-09: on time.
    const e = await issued('中站区殡葬管理办法', '区民政局', '2020-09-01');
    expect(e.filing.due).toBe('2020-10-09');
    await ok(office.post(`/api/v1/documents/${e.id}/filing`, { filedOn: '2020-10-09', filedWith: '焦作市人民政府' }));

    // 2020: filed A, B, D, E = 4; issued A, B, C, E of which filed A, B, E = 3/4 = 75 %;
    // filed on time A, E of 4 = 50 %; never suspended B, D, E of 4 = 75 %.
    expect(await value('documents.filed', 2020)).toBe(4);
    expect(await value('documents.filingRate', 2020)).toBe(75);
    expect(await value('documents.filingOnTimeRate', 2020)).toBe(50);
    expect(await value('documents.filingConformityRate', 2020)).toBe(75);
    // 2019: D issued and (later) filed → 100 %; nothing filed in 2019 → 0 filed, on-time rate no data.
    expect(await value('documents.filed', 2019)).toBe(0);
    expect(await value('documents.filingRate', 2019)).toBe(100);
    expect(await value('documents.filingOnTimeRate', 2019)).toBeNull();
    expect(await value('documents.filed', 2021)).toBeNull();
    // Unit scope: 区城市管理局 drafted A and B.
    expect(await value('documents.filed', 2020, { ...scope, unitId: ids['区城市管理局'] })).toBe(2);
    const recs = await getMetric('documents.filed')!.records(t.db, scope, yearPeriod(2020));
    expect(recs.map((r) => r.id).sort()).toEqual([a.id, b.id, d.id, e.id].sort());
  });

  it('counts cleanup results of campaigns published in the year (kept = 继续有效 + 修改 + 延长有效期)', async () => {
    const region = zzId;
    const rows: [string, string, string][] = [
      ['焦中政〔2012〕4号', '中站区城市绿化管理办法', '2012-05-01'],
      ['焦中政〔2013〕6号', '中站区农村公路养护管理办法', '2013-04-01'],
      ['焦中政〔2014〕9号', '中站区城市供水管理办法', '2014-06-01'],
      ['焦中政〔2015〕2号', '中站区建设工程招标投标管理办法', '2015-02-01'],
      ['焦中政〔2016〕5号', '中站区流动人口服务管理办法', '2016-03-01'],
    ];
    for (const [n, title, on] of rows) {
      await t.db.transaction().execute(async (trx) => {
        const { registerExistingDocument } = await import('./service.js');
        await registerExistingDocument(trx, null, { docNumber: n, title, issuerUnitId: ids['区人民政府'], unitId: ids['区人民政府'], regionId: region, publishedOn: on, validUntil: '2021-12-31', status: 'in_force' });
      });
    }
    const c = await ok(office.post('/api/v1/documents/cleanups', { title: '2020年规范性文件清理', regionId: region, issuedBefore: '2017-01-01', startedOn: '2020-06-01' }));
    expect(c.itemCount).toBe(5);
    const items = (await ok(office.get(`/api/v1/documents/cleanups/${c.id}`))).items as { documentId: string; docNumber: string }[];
    const byNo = (n: string) => items.find((i) => i.docNumber === n)!.documentId;
    await ok(office.post(`/api/v1/documents/cleanups/${c.id}/decisions`, {
      decidedOn: '2020-11-01',
      items: [
        { documentId: byNo(rows[0][0]), decision: 'keep', reason: '合法有效' },
        { documentId: byNo(rows[1][0]), decision: 'amend', reason: '上位法已修订' },
        { documentId: byNo(rows[2][0]), decision: 'extend', reason: '仍需执行', newValidUntil: '2023-12-31' },
        { documentId: byNo(rows[3][0]), decision: 'repeal', reason: '与招标投标法实施条例不一致' },
        { documentId: byNo(rows[4][0]), decision: 'invalidate', reason: '调整对象已消失' },
      ],
    }));
    expect(await value('documents.cleanup.kept', 2020)).toBeNull(); // not yet published
    await ok(office.post(`/api/v1/documents/cleanups/${c.id}/publish`, { publishedOn: '2020-11-30' }));
    expect(await value('documents.cleanup.kept', 2020)).toBe(3);
    expect(await value('documents.cleanup.repealed', 2020)).toBe(1);
    expect(await value('documents.cleanup.invalidated', 2020)).toBe(1);
    expect(await value('documents.cleanup.kept', 2021)).toBeNull();
    const extended = await t.db.selectFrom('normative_documents').select(['valid_until', 'needs_amendment']).where('id', 'in', [byNo(rows[1][0]), byNo(rows[2][0])]).orderBy('doc_number').execute();
    expect(extended).toEqual([{ valid_until: '2021-12-31', needs_amendment: true }, { valid_until: '2023-12-31', needs_amendment: false }]);
  });
});
