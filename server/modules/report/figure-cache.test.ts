import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { auditVersion } from '../../core/audit/index.js';

/*
 * The report editor's figures are kept per region and year while no audited write touches the region:
 * a write in the district shows at the next GET, a write in another district leaves the cache valid.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 240_000);
afterAll(async () => t?.close());

const studyFigure = (body: { figures: Record<string, { metricId: string; value: number | null }> }) =>
  Object.values(body.figures).find((f) => f.metricId === 'learning.executiveStudySessions')!.value;

describe('report figures cached per region and year', () => {
  it('answers a repeated GET from the cache and shows a write in the district at once', async () => {
    const office = await t.as('office');
    const created = await office.post('/api/v1/reports', { regionCode: '410803', year: 2020 });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const first = await office.get(`/api/v1/reports/${id}`);
    expect(first.status).toBe(200);
    const before = studyFigure(first.body) ?? 0;
    const t0 = performance.now();
    const again = await office.get(`/api/v1/reports/${id}`);
    const cachedMs = performance.now() - t0;
    expect(studyFigure(again.body) ?? 0).toBe(before);
    const units = await office.get('/api/v1/units');
    const unitId = (units.body.items ?? units.body).find((u: { name: string }) => u.name === '区司法局').id;
    const rec = await office.post('/api/v1/learning/activities', { kind: 'executive_study', date: '2020-05-08', unitId, topic: '学习行政复议法', attendees: [] });
    expect(rec.status).toBe(201);
    const after = await office.get(`/api/v1/reports/${id}`);
    expect(studyFigure(after.body)).toBe(before + 1);
    console.log(`GET /reports/:id from the cache: ${cachedMs.toFixed(0)} ms`);
  });

  it('moves a region’s version on its own writes, not on another district’s nor on sign-ins', async () => {
    const zz = '410000/410800/410803';
    const v0 = await auditVersion(t.db, zz);
    const jf = await t.as('office_jf');
    const units = await jf.get('/api/v1/units');
    const unitId = (units.body.items ?? units.body)[0].id;
    expect((await jf.post('/api/v1/learning/activities', { kind: 'lecture', date: '2020-05-08', unitId, topic: '解放区学法讲座', attendees: [] })).status).toBe(201);
    expect(await auditVersion(t.db, zz)).toBe(v0);
    const office = await t.as('office');
    const mine = (await office.get('/api/v1/units')).body;
    const zzUnit = (mine.items ?? mine).find((u: { name: string }) => u.name === '区司法局').id;
    expect((await office.post('/api/v1/learning/activities', { kind: 'lecture', date: '2020-05-09', unitId: zzUnit, topic: '中站区学法讲座', attendees: [] })).status).toBe(201);
    expect(await auditVersion(t.db, zz)).not.toBe(v0);
  });
});
