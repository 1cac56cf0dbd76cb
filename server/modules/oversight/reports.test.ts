import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';
import { handlingFigures } from './reports.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client, liaison: Client, officeJf: Client, leader: Client;
let zz: { id: string; path: string };
let openItemId: string;
const NIL = '00000000-0000-4000-8000-000000000000';

/**
 * Hand-computed data (中站区, items received in 2020):
 * 1 建议, 城管, replied 07-01 ≤ due 07-10 (on time), contact 06-20 before it, A, 满意
 * 2 建议, 城管, replied 07-15 > due 07-10 (late), B, 不满意 → second reply A, 基本满意; contact 07-20 only after the reply
 * 3 提案, 市场监管, replied 06-01 (on time), C, 基本满意, no contact
 * 4 提案, 市场监管, assigned, not replied (in hand)
 * 5 提案, not yet assigned (in hand)
 * plus one 2019 suggestion and one 2020 item of 解放区 (both outside the 2020 report).
 */
beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  [office, liaison, officeJf, leader] = await Promise.all(['office', 'liaison', 'office_jf', 'leader'].map((u) => t.as(u)));
  zz = await t.db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410803').executeTakeFirstOrThrow();
  const jf = await t.db.selectFrom('regions').select(['id']).where('code', '=', '410802').executeTakeFirst()
    ?? await t.db.selectFrom('units').innerJoin('regions', 'regions.id', 'units.region_id').select('regions.id').where('units.name', '=', '解放区司法局').executeTakeFirstOrThrow();
  let n = 0;
  const base = (over: Record<string, unknown>) => ({
    region_id: zz.id, kind: 'npc_suggestion' as const, number: String(++n), session: '测试会议', title: `测试建议${n}`, proposers: JSON.stringify(['张三']), category: '城建',
    received_on: '2020-03-20', ...over,
  });
  const assigned = (unit: string) => ({ lead_unit_id: ids[unit], assigned_on: '2020-04-10', due_date: '2020-07-10' });
  const rows = await t.db.insertInto('oversight_items').values([
    base({ ...assigned('区城市管理局'), status: 'closed', replied_on: '2020-07-01', result_class: 'A', satisfaction: 'satisfied', satisfaction_on: '2020-07-05' }),
    base({
      ...assigned('区城市管理局'), status: 'closed', replied_on: '2020-07-15', result_class: 'B', satisfaction: 'unsatisfied', satisfaction_on: '2020-07-18',
      second_due_date: '2020-10-18', second_replied_on: '2020-09-01', second_result_class: 'A', second_satisfaction: 'basically', second_satisfaction_on: '2020-09-05',
    }),
    base({ kind: 'cppcc_proposal', ...assigned('区市场监督管理局'), status: 'closed', replied_on: '2020-06-01', result_class: 'C', satisfaction: 'basically', satisfaction_on: '2020-06-05' }),
    base({ kind: 'cppcc_proposal', ...assigned('区市场监督管理局'), status: 'assigned' }),
    base({ kind: 'cppcc_proposal', status: 'registered' }),
    base({ received_on: '2019-05-01', ...assigned('区城市管理局'), status: 'assigned' }),
    base({ region_id: jf.id, status: 'registered' }),
  ]).returning('id').execute();
  openItemId = rows[3].id;
  await t.db.insertInto('oversight_contacts').values([
    { item_id: rows[0].id, region_id: zz.id, unit_id: ids['区城市管理局'], contacted_on: '2020-06-20', method: 'phone' },
    { item_id: rows[1].id, region_id: zz.id, unit_id: ids['区城市管理局'], contacted_on: '2020-07-20', method: 'face_to_face' },
  ]).execute();
});
afterAll(async () => t.close());

describe('handling report: figures from the records', () => {
  it('counts by kind, result class, satisfaction, on-time reply and contact, and per lead unit', async () => {
    const f = await handlingFigures(t.db, zz.path, 2020);
    expect(f.total).toEqual({
      received: 5, assigned: 4, replied: 3, inHand: 2, onTime: 2, contacted: 1, secondReplies: 1,
      classes: { A: 2, B: 0, C: 1, D: 0 }, satisfaction: { satisfied: 1, basically: 2, unsatisfied: 0 },
      onTimeRate: 66.7, contactRate: 33.3, satisfactionRate: 100,
    });
    expect(f.npc).toMatchObject({ received: 2, replied: 2, onTime: 1, onTimeRate: 50, classes: { A: 2, B: 0, C: 0, D: 0 }, satisfactionRate: 100 });
    expect(f.cppcc).toMatchObject({ received: 3, assigned: 2, replied: 1, inHand: 2, onTime: 1, onTimeRate: 100, contactRate: 0, classes: { A: 0, B: 0, C: 1, D: 0 } });
    const byUnit = Object.fromEntries(f.units.map((u) => [u.unitName, u]));
    expect(Object.keys(byUnit).sort()).toEqual(['区城市管理局', '区市场监督管理局'].sort());
    expect(byUnit['区城市管理局']).toMatchObject({ received: 2, replied: 2, onTime: 1, classes: { A: 2, B: 0, C: 0, D: 0 }, satisfactionRate: 100 });
    expect(byUnit['区市场监督管理局']).toMatchObject({ received: 2, replied: 1, onTime: 1, classes: { A: 0, B: 0, C: 1, D: 0 } });
    // The same definitions as the module's metrics.
    const scope = await metricScopeOf(t.db, zz.id);
    expect(await getMetric('oversight.onTimeReplyRate')!.compute(t.db, scope, yearPeriod(2020))).toBe(66.7);
    expect(await getMetric('oversight.contactRate')!.compute(t.db, scope, yearPeriod(2020))).toBe(33.3);
    expect(await getMetric('oversight.satisfactionRate')!.compute(t.db, scope, yearPeriod(2020))).toBe(100);
    // A year without replies: rates are no data, never 100 %.
    const y2019 = await handlingFigures(t.db, zz.path, 2019);
    expect(y2019.total).toMatchObject({ received: 1, replied: 0, onTimeRate: null, satisfactionRate: null });
  });
});

describe('handling report: generate, review, publish', () => {
  let id: string;
  it('answers 401, 403 and 404 by role and district', async () => {
    expect((await t.anon().get('/api/v1/oversight/reports')).status).toBe(401);
    expect((await liaison.post('/api/v1/oversight/reports', { year: 2020 })).status).toBe(403);
    expect((await leader.post('/api/v1/oversight/reports', { year: 2020 })).status).toBe(403);
    expect((await office.get(`/api/v1/oversight/reports/${NIL}`)).status).toBe(404);
    expect((await t.anon().get(`/api/v1/public/oversight-reports/${NIL}`)).status).toBe(404);
  });

  it('refuses a year without items, naming the field', async () => {
    const r = await office.post('/api/v1/oversight/reports', { year: 2018 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('NO_ITEMS_IN_YEAR');
    expect(r.body.error.details.fields[0].path).toBe('year');
    expect(await t.db.selectFrom('oversight_reports').select('id').execute()).toEqual([]);
  });

  it('generates the text from the figures, reviews, refuses to publish figures that changed since, republishes after regeneration', async () => {
    let r = await office.post('/api/v1/oversight/reports', { year: 2020, foreword: '区政府高度重视建议提案办理工作。' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    expect(r.body).toMatchObject({ year: 2020, status: 'draft', abilities: { regenerate: true, review: true, publish: false } });
    expect(r.body.title).toContain('2020年度人大代表建议和政协提案办理工作情况的报告');
    expect(r.body.body.join('')).toContain('共承办人大代表建议2件、政协提案3件，合计5件');
    expect(r.body.body.join('')).toContain('按期答复率66.7%');
    expect(r.body.body.join('')).toContain('A类（已解决或基本解决）2件');
    expect((await office.post('/api/v1/oversight/reports', { year: 2020 })).body.error.code).toBe('REPORT_YEAR_TAKEN');
    expect((await office.post(`/api/v1/oversight/reports/${id}/publish`, { publishedOn: '2020-12-20' })).body.error.code).toBe('REPORT_NOT_REVIEWED');
    expect((await officeJf.get(`/api/v1/oversight/reports/${id}`)).status).toBe(404);
    expect((await leader.get(`/api/v1/oversight/reports/${id}`)).status).toBe(200);
    r = await office.post(`/api/v1/oversight/reports/${id}/review`, { reviewedOn: '2020-12-15', opinion: '数据核对无误，同意公开。' });
    expect(r.body.status).toBe('reviewed');
    // Before publication nothing is public.
    expect((await t.anon().get(`/api/v1/public/oversight-reports/${id}`)).status).toBe(404);
    // A record changes after the review: publication is refused until the report is regenerated and reviewed again.
    await t.db.updateTable('oversight_items').set({ replied_on: '2020-06-30', result_class: 'B', status: 'replied' }).where('id', '=', openItemId).execute();
    r = await office.post(`/api/v1/oversight/reports/${id}/publish`, { publishedOn: '2020-12-20' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('REPORT_FIGURES_CHANGED');
    r = await office.post(`/api/v1/oversight/reports/${id}/regenerate`, {});
    expect(r.body).toMatchObject({ status: 'draft', figures: { total: { replied: 4, classes: { B: 1 } } } });
    await office.post(`/api/v1/oversight/reports/${id}/review`, { reviewedOn: '2020-12-16', opinion: '同意公开。' });
    expect((await office.post(`/api/v1/oversight/reports/${id}/publish`, { publishedOn: '2020-12-01' })).body.error.details.fields[0].path).toBe('publishedOn');
    r = await office.post(`/api/v1/oversight/reports/${id}/publish`, { publishedOn: '2020-12-20' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'published', publishedOn: '2020-12-20', abilities: { regenerate: false, review: false, publish: false } });
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'oversight_report').where('entity_id', '=', id).orderBy('seq').execute();
    expect(audits.map((a) => a.action)).toEqual(['generate', 'review', 'regenerate', 'review', 'publish']);
  });

  it('shows the published report on the portal', async () => {
    const list = await t.anon().get('/api/v1/public/oversight-reports?region=410803');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    const r = await t.anon().get(`/api/v1/public/oversight-reports/${id}`);
    expect(r.body).toMatchObject({ year: 2020, status: 'published', figures: { total: { received: 5, replied: 4 } } });
    expect(r.body).not.toHaveProperty('reviewOpinion');
    expect((await t.anon().get('/api/v1/public/oversight-reports?region=999999')).status).toBe(404);
  });
});
