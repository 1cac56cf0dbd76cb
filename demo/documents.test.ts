import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../server/test/harness.js';
import { getMetric, metricScopeOf, yearPeriod, type MetricScope } from '../server/core/metrics/index.js';
import { seedDemoDocuments } from './documents.js';
import { seedAdvisors } from './advisors.js';
import { renderDefault } from '../server/modules/report/service.js';

let t: TestApp;
let scope: MetricScope;
beforeAll(async () => {
  t = await createTestApp();
  // As in demoSeeds: the advisors' engagements first, the documents' firm reviews go through their queue.
  await seedAdvisors(t.db, t.cfg);
  await seedDemoDocuments(t.db, t.cfg);
  const zz = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
  scope = await metricScopeOf(t.db, zz.id);
}, 240_000);
afterAll(async () => t.close());

describe('demo 2020 normative documents (seed §一(二))', () => {
  it.each([
    ['documents.filed', 5], // 全年审核办理备案规范性文件5件
    ['documents.cleanup.kept', 58], // 保留规范性文件58件
    ['documents.cleanup.repealed', 18], // 废止规范性文件18件
    ['documents.cleanup.invalidated', 19], // 宣布失效规范性文件19件
    ['documents.filingRate', 100],
    ['documents.filingOnTimeRate', 100],
    ['advisors.normativeDocsReviewed', 5], // 审核规范性文件5件: the same 5 reviews, counted once
  ])('%s for 2020 equals the seed (%d)', async (id, expected) => {
    expect(await getMetric(id)!.compute(t.db, scope, yearPeriod(2020))).toBe(expected);
  });

  it('answers the same figures through the API for the office, and the cleanup decided 95 documents', async () => {
    const office = await t.as('office');
    const r = await office.get('/api/v1/metrics/documents.cleanup.kept?region=410803&year=2020');
    expect(r.body.value).toBe(58);
    const cl = await office.get('/api/v1/documents/cleanups');
    expect(cl.body.items).toHaveLength(1);
    expect(cl.body.items[0]).toMatchObject({ itemCount: 95, decidedCount: 95, status: 'published', publishedOn: '2020-12-10' });
    const reviews = await t.db.selectFrom('normative_doc_reviews').select(['reviewer_kind', 'conclusion']).where('status', '=', 'done').execute();
    expect(reviews).toHaveLength(5);
    expect(reviews.every((x) => x.reviewer_kind === 'advisor')).toBe(true);
    // Each document's review is one request of the advisors queue, and the queue holds no other normative-document review.
    const docSide = await t.db.selectFrom('normative_doc_reviews').select(['document_id', 'queue_ref']).execute();
    const queue = await t.db.selectFrom('advisor_reviews').select(['id', 'type', 'subject_id', 'status']).where('type', '=', 'normative_document').execute();
    expect(queue).toHaveLength(5);
    for (const r of docSide) expect(queue.find((q) => q.id === r.queue_ref)).toMatchObject({ type: 'normative_document', subject_id: r.document_id, status: 'concluded' });
    const recs = await office.get('/api/v1/metrics/advisors.normativeDocsReviewed/records?region=410803&year=2020');
    expect(recs.body.items.map((x: { label: string }) => x.label).sort()).toEqual([
      '中站区农村集体经济组织资产管理办法', '中站区城乡居民最低生活保障实施细则（试行）', '中站区城市生活垃圾分类管理实施办法', '中站区老旧小区改造项目管理暂行办法', '中站区进一步优化营商环境若干措施',
    ].sort());
    const cat = await t.anon().get('/api/v1/public/documents/catalogue?region=410803&asOf=2020-12-31');
    expect(cat.body.total).toBe(58 + 5);
  });

  it('fills the report template’s §一(二) figures of normative documents with the seed’s values', async () => {
    const r = await renderDefault(t.db, '410803', 2020);
    const fig = (id: string) => Object.values(r.figures).find((f) => f.metricId === id)!;
    expect([fig('documents.filed').text, fig('documents.cleanup.kept').text, fig('documents.cleanup.repealed').text, fig('documents.cleanup.invalidated').text]).toEqual(['5', '58', '18', '19']);
    // The cleanup's cut-off comes from the cleanup record, not from the template.
    expect(fig('documents.cleanup.issuedBefore').text).toBe('2019年10月1日');
  });
});
