import { inRegionPaths } from '../../core/scope/index.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { registerMetrics, type MetricDef } from '../../core/metrics/index.js';
import { DEFAULT_BLOCKS, formatValue, placeholderPhrases } from './template.js';
import { publicView, renderDefault, type Figure, type Rendered, type Segment } from './service.js';
import { settleJobs } from '../../core/jobs.js';
import { recordAudit } from '../../core/audit/index.js';
import { issuerPt, renderHtml } from './render/text.js';

/**
 * A test metric over real rows: units of the region whose name contains 测试 and that were active
 * (active_from) in the year. Hand-computed expectations follow from the rows each test inserts.
 */
const testUnits: MetricDef = {
  id: 'plan.keyWorks',
  module: 'test',
  label: { zh: '测试单位数', en: 'Test units' },
  unit: 'count',
  definition: { zh: '名称含“测试”且设立日期在年度内的单位数', en: 'Units named 测试 set up in the year' },
  async compute(db, scope, period) {
    const r = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where(inRegionPaths('region_id', [scope.regionPath])).where('name', 'like', '%测试%').where('active_from', '>=', period.from).where('active_from', '<=', period.to).executeTakeFirstOrThrow();
    return r.n === 0 ? null : r.n;
  },
  async records(db, scope, period) {
    const rows = await db.selectFrom('units').select(['id', 'name', 'active_from', 'short_name']).where(inRegionPaths('region_id', [scope.regionPath])).where('name', 'like', '%测试%').where('active_from', '>=', period.from).where('active_from', '<=', period.to).orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, entity: 'unit', label: r.name, date: r.active_from, hash: `${r.name}|${r.short_name ?? ''}` }));
  },
};

// This file drives `plan.keyWorks` with the test metric above, so the plan module's own definition
// of that id is left out here (the registry refuses two definitions of one id).
vi.mock('../plan/metrics.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../plan/metrics.js')>();
  return { ...orig, planMetrics: orig.planMetrics.filter((m) => m.id !== 'plan.keyWorks') };
});

let t: TestApp;
let regionId: string;
/** A unit written as the org module writes it, with its audit entry (the report's figure cache follows the audit log). */
async function addUnit(name: string, date = '2020-05-01') {
  const u = await t.db.insertInto('units').values({ name, type: 'department', region_id: regionId, active_from: date }).returning('id').executeTakeFirstOrThrow();
  await recordAudit(t.db, TEST_ACTOR, { entity: 'unit', entityId: u.id, action: 'create', regionId, after: { name } });
}
const TEST_ACTOR = { userId: null, name: 'test', ip: null };

beforeAll(async () => {
  registerMetrics([testUnits]);
  t = await createTestApp();
  regionId = (await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow()).id;
  await addUnit('测试一局');
  await addUnit('测试二局');
  await addUnit('测试旧局', '2019-03-01'); // another year: not counted
});
afterAll(async () => t.close());

describe('template and formats', () => {
  it('formats figures: integers, 余 rounding down, percentages', () => {
    expect(formatValue(15, 'count')).toBe('15');
    expect(formatValue(413, 'count', 'approx10')).toBe('410余');
    expect(formatValue(412, 'count', 'approx100')).toBe('400余');
    expect(formatValue(100, 'percent')).toBe('100%');
    expect(formatValue(99.2, 'percent')).toBe('99.2%');
  });
  it('derives the phrase before each placeholder from the default template', () => {
    const p = placeholderPhrases(DEFAULT_BLOCKS);
    expect(p).toContainEqual({ metricId: 'advisors.contractsReviewed', phrase: '审核政府签订合同' });
  });
});

describe('public view', () => {
  // A hand-made paragraph: two run-in headings (bold sentences), each followed by sentences with figures.
  const fig = (key: string, noData: boolean) => ({ key, noData, text: noData ? '【暂无数据：x】' : '7' }) as unknown as Figure;
  const view = (blocks: { lead?: string; segments: Segment[] }[], figures: Figure[]) =>
    publicView({ blocks: blocks.map((b, i) => ({ id: `b${i}`, kind: 'p', parts: [], ...b })), figures: Object.fromEntries(figures.map((f) => [f.key, f])) } as unknown as Rendered)
      .blocks.map((b) => `${b.lead ?? ''}${b.segments.map((x) => (x.bold ? `**${x.text}**` : x.text)).join('')}`);
  const para: Segment[] = [
    { text: '一是强化执法监督。', bold: true },
    { text: '全年抽查执法案卷' }, { text: '', figure: 'a' }, { text: '卷。' },
    { text: '二是规范执法行为。', bold: true },
    { text: '开展执法培训' }, { text: '7', figure: 'b' }, { text: '次；抽查' }, { text: '', figure: 'c' }, { text: '卷。' },
  ];
  it('leaves out a run-in heading whose every sentence was left out for want of data, and keeps one with a sentence left', () => {
    expect(view([{ segments: para }], [fig('a', true), fig('b', false), fig('c', true)])).toEqual(['**二是规范执法行为。**开展执法培训7次；']);
  });
  it('keeps every heading and sentence when the figures have data', () => {
    expect(view([{ segments: para }], [fig('a', false), fig('b', false), fig('c', false)])[0]).toContain('**一是强化执法监督。**全年抽查执法案卷');
  });
  it('leaves out a paragraph whose lead (（一）……) would stand alone, and keeps a heading-only paragraph as written', () => {
    const body: Segment[] = [{ text: '全年抽查执法案卷' }, { text: '', figure: 'a' }, { text: '卷。' }];
    expect(view([{ lead: '（一）强化执法监督。', segments: body }, { segments: [{ text: '二是规范执法行为。', bold: true }] }], [fig('a', true)])).toEqual(['**二是规范执法行为。**']);
  });
});

describe('rendering from records', () => {
  it('fills a figure from its metric and marks figures without a module as no data', async () => {
    const r = await renderDefault(t.db, '410803', 2020);
    const f = Object.values(r.figures).find((x) => x.metricId === 'plan.keyWorks')!;
    expect(f.value).toBe(2);
    expect(f.text).toBe('2');
    expect(f.recordCount).toBe(2);
    const pending = Object.values(r.figures).find((x) => x.metricId === 'enforcement.caseFilesReviewed')!;
    expect(pending.noData).toBe(true);
    expect(pending.text).toBe('【暂无数据：抽查执法案卷数】');
    expect(r.warnings.some((w) => w.kind === 'no_data' && w.metricId === 'enforcement.caseFilesReviewed')).toBe(true);
  });
  it('keeps the 发文机关标志 of the HTML on one line, not indented: a long issuer name gets a smaller size', async () => {
    const r = await renderDefault(t.db, '410803', 2020);
    // The type area is 156 mm ≈ 442 pt: 12 characters fit at 34 pt, 16 need 26 pt.
    expect(issuerPt('焦作市中站区人民政府文件')).toBe(34);
    expect(issuerPt('焦作市中站区人民政府办公室文件')).toBe(28);
    expect(issuerPt('某省某市某某新区管理委员会办公室文件')).toBe(23);
    const html = renderHtml(r);
    expect(html).toContain(`<p class="issuer" style="font-size:${issuerPt(`${r.meta.issuer}文件`)}pt">${r.meta.issuer}文件</p>`);
    expect(html).toMatch(/\.issuer\{[^}]*white-space:nowrap[^}]*text-indent:0/);
  });
});

describe('report workflow (API)', () => {
  let id: string;
  it('lets the office create the year’s report; a liaison or another district gets 404', async () => {
    expect((await t.anon().post('/api/v1/reports', { regionCode: '410803', year: 2020 })).status).toBe(401);
    expect((await (await t.as('liaison')).post('/api/v1/reports', { regionCode: '410803', year: 2020 })).status).toBe(404);
    const office = await t.as('office');
    expect((await office.post('/api/v1/reports', { regionCode: '4108', year: 2020 })).status).toBe(400);
    const r = await office.post('/api/v1/reports', { regionCode: '410803', year: 2020 });
    expect(r.status).toBe(201);
    id = r.body.id;
    expect((await office.post('/api/v1/reports', { regionCode: '410803', year: 2020 })).status).toBe(409);
    expect((await (await t.as('office_jf')).get(`/api/v1/reports/${id}`)).status).toBe(404);
    expect((await (await t.as('liaison')).get(`/api/v1/reports/${id}`)).status).toBe(404);
    expect((await (await t.as('leader')).get(`/api/v1/reports/${id}`)).status).toBe(200);
    expect((await (await t.as('leader')).put(`/api/v1/reports/${id}`, { blocks: DEFAULT_BLOCKS })).status).toBe(403);
  });

  it('warns where the prose types a number that contradicts the metric', async () => {
    const office = await t.as('office');
    const blocks = DEFAULT_BLOCKS.map((b) => (b.id === 'p-1-1' ? { ...b, text: b.text.replace('{{plan.keyWorks}}', '7') } : b));
    expect((await office.put(`/api/v1/reports/${id}`, { blocks })).status).toBe(200);
    const r = await office.get(`/api/v1/reports/${id}`);
    const w = r.body.warnings.find((x: { kind: string }) => x.kind === 'contradiction');
    expect(w.message).toContain('梳理明确了7');
    expect(w.message).toContain('为2');
    expect((await office.put(`/api/v1/reports/${id}`, { blocks: DEFAULT_BLOCKS })).status).toBe(200);
    const again = await office.get(`/api/v1/reports/${id}`);
    expect(again.body.warnings.some((x: { kind: string }) => x.kind === 'contradiction')).toBe(false);
  });

  it('refuses an invalid 发文字号 naming the field', async () => {
    const office = await t.as('office');
    const r = await office.get(`/api/v1/reports/${id}`);
    const bad = await office.put(`/api/v1/reports/${id}`, { meta: { ...r.body.source.meta, docNumber: '焦中政文[2021]第3号' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].path).toBe('meta.docNumber');
    expect((await office.put(`/api/v1/reports/${id}`, { meta: { ...r.body.source.meta, docNumber: '焦中政文〔2021〕3号', signer: '赵红兵' } })).status).toBe(200);
  });

  it('flags a figure that changed since review', async () => {
    const office = await t.as('office');
    expect((await office.post(`/api/v1/reports/${id}/transitions`, { action: 'submit_review' })).status).toBe(200);
    await addUnit('测试三局');
    const r = await office.get(`/api/v1/reports/${id}`);
    const w = r.body.warnings.find((x: { kind: string }) => x.kind === 'changed_since_review');
    expect(w.message).toContain('审核时为2，现为3');
  });

  it('enforces the order of the workflow and the 保密审查 sign-off', async () => {
    const office = await t.as('office');
    expect((await office.post(`/api/v1/reports/${id}/transitions`, { action: 'publish', publicUrl: 'http://x.gov.cn/a', publishedOn: '2021-03-01' })).status).toBe(409);
    expect((await office.post(`/api/v1/reports/${id}/transitions`, { action: 'approve_review' })).status).toBe(200);
    expect((await office.put(`/api/v1/reports/${id}`, { blocks: DEFAULT_BLOCKS })).status).toBe(409);
    const noSecrecy = await office.post(`/api/v1/reports/${id}/transitions`, { action: 'submit' });
    expect(noSecrecy.status).toBe(400);
    expect(noSecrecy.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['secrecyReviewer', 'secrecyOpinion']);
    // The test district has records for one figure only: every other figure is "no data", and the claims are
    // unconfirmed. Submission is refused until each is resolved or acknowledged with a reason.
    const body = { action: 'submit', secrecyReviewer: '王敏', secrecyOpinion: '不涉密，同意公开' };
    const refused = await office.post(`/api/v1/reports/${id}/transitions`, body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('REPORT_WARNINGS_UNRESOLVED');
    const open = refused.body.error.details.warnings as { key: string; kind: string }[];
    expect(new Set(open.map((w) => w.kind))).toEqual(new Set(['no_data', 'unconfirmed_claim']));
    const tooShort = await office.post(`/api/v1/reports/${id}/transitions`, { ...body, acknowledgements: open.map((w) => ({ key: w.key, reason: '无' })) });
    expect(tooShort.status).toBe(400);
    const ok = await office.post(`/api/v1/reports/${id}/transitions`, { ...body, acknowledgements: open.map((w) => ({ key: w.key, reason: '测试区县未启用该模块，如实说明' })) });
    expect(ok.body.status).toBe('submitted');
    // The frozen report still lists its warnings, each with the reason it was kept.
    const frozen = (await office.get(`/api/v1/reports/${id}`)).body;
    const listed = frozen.warnings.filter((w: { blocking: boolean }) => w.blocking);
    expect(listed.length).toBe(open.length);
    expect(listed.every((w: { acknowledged?: { reason: string } }) => w.acknowledged?.reason === '测试区县未启用该模块，如实说明')).toBe(true);
  });

  it('freezes figures at submission and shows what changed since, without changing the report', async () => {
    const office = await t.as('office');
    await addUnit('测试四局');
    const changed = await t.db.updateTable('units').set({ short_name: '改' }).where('name', '=', '测试一局').returning('id').executeTakeFirstOrThrow();
    await recordAudit(t.db, TEST_ACTOR, { entity: 'unit', entityId: changed.id, action: 'update', regionId, after: { short_name: '改' } });
    const r = await office.get(`/api/v1/reports/${id}`);
    expect(r.body.frozen).toBe(true);
    const f = Object.values(r.body.figures as Record<string, { metricId: string; value: number }>).find((x) => x.metricId === 'plan.keyWorks')!;
    expect(f.value).toBe(3);
    const w = r.body.warnings.find((x: { kind: string }) => x.kind === 'changed_since_submission');
    expect(w.message).toContain('报送时为3');
    expect(w.message).toContain('为4');
    expect(w.message).toContain('新增1条、删除0条、修改1条');
  });

  it('requires publication before 1 April of the next year or a reason', async () => {
    const office = await t.as('office');
    const late = await office.post(`/api/v1/reports/${id}/transitions`, { action: 'publish', publicUrl: 'http://www.zhongzhan.gov.cn/r', publishedOn: '2021-04-01' }); // 1 April is already late
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('第二十四条');
    const ok = await office.post(`/api/v1/reports/${id}/transitions`, { action: 'publish', publicUrl: 'http://www.zhongzhan.gov.cn/r', publishedOn: '2021-03-30' });
    expect(ok.body.status).toBe('published');
    const pub = await t.anon().get('/api/v1/public/reports?region=410803');
    expect(pub.body.items.length).toBe(1);
    const html = await t.anon().get(`/api/v1/public/reports/${id}`);
    expect(html.body).toContain('焦作市中站区人民政府文件');
    // Nothing unbacked in public: no marker, no editor underline, no claim markup.
    expect(html.body).not.toContain('暂无数据');
    expect(html.body).not.toContain('class="fig');
    expect(html.body).not.toContain('[[');
    expect(html.body).not.toContain('抽查执法部门执法案卷');
  });

  it('lists the records behind a figure', async () => {
    const r = await (await t.as('leader')).get(`/api/v1/reports/${id}/figures/plan.keyWorks/records`);
    expect(r.status).toBe(200);
    expect(r.body.records.map((x: { label: string }) => x.label)).toEqual(['测试一局', '测试三局', '测试二局', '测试四局'].sort());
  });

  it('exports DOCX (GB/T 9704 parts), HTML, Markdown and JSON', async () => {
    const office = await t.as('office');
    const docx = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${id}/export?format=docx`, headers: { cookie: office.cookie } });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('焦作市中站区人民政府文件');
    expect(xml).toContain('焦中政文〔2021〕3号');
    expect(xml).toContain('w:color w:val="FF0000"');
    expect(xml).toMatch(/w:pgMar[^>]*w:top="2097"/);
    const md = await office.get(`/api/v1/reports/${id}/export?format=md`);
    expect(md.body).toContain('签发人：赵红兵');
    expect(md.body).not.toContain('暂无数据');
    expect(xml).not.toContain('暂无数据');
    const json = await office.get(`/api/v1/reports/${id}/export?format=json`);
    const fig = json.body.figures.find((x: { metricId: string }) => x.metricId === 'plan.keyWorks');
    expect(fig).toMatchObject({ value: 3, text: '3', recordCount: 3 });
    expect((await office.get(`/api/v1/reports/${id}/export?format=rtf`)).status).toBe(400);
  });

  it('renders as a job the user can leave and come back to, and only they can see', async () => {
    const office = await t.as('office');
    const started = await office.post(`/api/v1/reports/${id}/export-jobs`, { format: 'docx' });
    expect(started.status).toBe(202);
    await settleJobs();
    const job = await office.get(`/api/v1/jobs/${started.body.jobId}`);
    expect(job.body).toMatchObject({ status: 'done', progress: 2, total: 2, kind: 'report.export' });
    expect((await office.get('/api/v1/jobs')).body.items[0].id).toBe(started.body.jobId);
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${started.body.jobId}/download`, headers: { cookie: office.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await (await t.as('leader')).get(`/api/v1/jobs/${started.body.jobId}`)).status).toBe(404);
  });
});
