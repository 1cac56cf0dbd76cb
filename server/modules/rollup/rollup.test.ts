import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { hashPassword } from '../../core/auth/password.js';
import { recordAudit } from '../../core/audit/index.js';
import { DEMO_PASSWORD } from '../../../demo/org.js';
import { computeForScopes, getMetric, listMetrics, yearPeriod } from '../../core/metrics/index.js';
import { WorkCalendar, computeDeadline } from '../../core/calendar/index.js';
import { rankAndOutliers } from './service.js';
import { reportDue, reportDueSpec, syncReportDeadlines } from './deadlines.js';
import { setDeadline } from '../../core/deadlines/index.js';
import { inGovernedRegions } from '../../core/scope/index.js';

/**
 * The test world's city 焦作市 (410800) with 中站区 (410803), 解放区 (410802) and a third district 马村区
 * (410804), a city office and a city-level unit, and another city (濮阳市 410900) outside the city's scope.
 * Closed lawsuits of 2020, hand-made:
 *   中站区 1 closed, 1 lost → 100 %;  解放区 3 closed, 1 lost → 33.3 %;  马村区 none (no data);
 *   焦作市本级 1 closed, 0 lost → 0 %.
 * The districts' rates average 66.7 %; the districts together lost 2 of 4 → 50 %; the whole city 2 of 5 → 40 %.
 */
let t: TestApp;
const ids: Record<string, string> = {};
const units: Record<string, string> = {};
let n = 0;

async function suit(region: string, lost: boolean, closed = '2020-06-30') {
  // Written as the module writes, with its audit entry (the report's figure cache follows the audit log).
  const row = await t.db.insertInto('lawsuits').values({
    region_id: ids[region], unit_id: units[region], case_no: `（2020）测行初${++n}号`, court_name: '测试法院', plaintiff_name: `原告${n}`, plaintiff_type: 'natural',
    act_challenged: '行政处罚决定', case_type: '行政处罚', complaint_received_date: `${closed.slice(0, 4)}-03-01`, stage: 'first', status: 'closed',
    last_outcome: lost ? '撤销' : '驳回诉讼请求', last_judgment_kind: 'judgment', last_served_date: closed, effective_date: closed,
    final_outcome: lost ? '撤销' : '驳回诉讼请求', lost, closed_date: closed,
  } as never).returning('id').executeTakeFirstOrThrow();
  await recordAudit(t.db, { userId: null, name: 'test', ip: null }, { entity: 'lawsuit', entityId: row.id, action: 'create', regionId: ids[region], unitId: units[region], after: { case_no: `（2020）测行初${n}号` } });
}

async function user(username: string, role: 'office' | 'leader' | 'viewer', region: string) {
  const hash = await hashPassword(DEMO_PASSWORD, t.cfg.scryptN);
  const u = await t.db.insertInto('users').values({ username, display_name: username, unit_id: units[region], password_hash: hash, must_change_password: false }).returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('role_assignments').values({ user_id: u.id, role, region_id: ids[region] }).execute();
}

/** Takes a report through to submission, then dates the submission (Beijing time). */
async function submitReport(as: string, region: string, year: number, submittedOn: string, publish = false) {
  const c = await t.as(as);
  const created = await c.post('/api/v1/reports', { regionCode: region, year });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const detail = await c.get(`/api/v1/reports/${id}`);
  expect((await c.put(`/api/v1/reports/${id}`, { meta: { ...detail.body.source.meta, docNumber: `测政文〔${year + 1}〕${++n}号` } })).status).toBe(200);
  for (const action of ['submit_review', 'approve_review']) expect((await c.post(`/api/v1/reports/${id}/transitions`, { action })).status).toBe(200);
  const body = { action: 'submit', secrecyReviewer: '保密办 王敏', secrecyOpinion: '不涉及国家秘密，同意公开。' };
  let sub = await c.post(`/api/v1/reports/${id}/transitions`, body);
  // The test districts hold few records: the office acknowledges each remaining warning with its reason.
  if (sub.status === 409 && sub.body.error.code === 'REPORT_WARNINGS_UNRESOLVED') {
    const open = sub.body.error.details.warnings as { key: string }[];
    sub = await c.post(`/api/v1/reports/${id}/transitions`, { ...body, acknowledgements: open.map((w) => ({ key: w.key, reason: '测试区县未在平台登记该项工作，如实说明' })) });
  }
  expect(sub.status).toBe(200);
  if (publish) expect((await c.post(`/api/v1/reports/${id}/transitions`, { action: 'publish', publicUrl: 'http://example.gov.cn/r.html', publishedOn: `${year + 1}-03-20` })).status).toBe(200);
  await t.db.updateTable('reports').set({ submitted_at: `${submittedOn}T10:00:00+08:00` }).where('id', '=', id).execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const r of await t.db.selectFrom('regions').select(['id', 'code', 'path']).execute()) ids[r.code] = r.id;
  const city = await t.db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410800').executeTakeFirstOrThrow();
  const henan = await t.db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410000').executeTakeFirstOrThrow();
  ids['410804'] = (await t.db.insertInto('regions').values({ code: '410804', name: '马村区', level: 'district', parent_id: city.id, path: `${city.path}/410804` }).returning('id').executeTakeFirstOrThrow()).id;
  ids['410900'] = (await t.db.insertInto('regions').values({ code: '410900', name: '濮阳市', level: 'city', parent_id: henan.id, path: `${henan.path}/410900` }).returning('id').executeTakeFirstOrThrow()).id;
  for (const code of ['410800', '410802', '410803', '410804', '410900'])
    units[code] = (await t.db.insertInto('units').values({ name: `测试局${code}`, type: 'department', region_id: ids[code] }).returning('id').executeTakeFirstOrThrow()).id;
  await user('city_office', 'office', '410800');
  await user('city_leader', 'leader', '410800');
  await user('py_office', 'office', '410900');
  await suit('410803', true);
  await suit('410802', true);
  await suit('410802', false);
  await suit('410802', false);
  await suit('410800', false);
  await suit('410803', false, '2019-06-30'); // last year: 中站区 0 of 1 lost
});
afterAll(async () => t.close());

const TABLE = '/api/v1/rollup?region=410800&year=2020&module=disputes';
const REPORTS = '/api/v1/rollup/reports?region=410800&year=2020';

describe('boundary', () => {
  it('401 without a session, 400 on a bad query', async () => {
    expect((await t.anon().get(TABLE)).status).toBe(401);
    expect((await t.anon().get(REPORTS)).status).toBe(401);
    const c = await t.as('city_office');
    expect((await c.get('/api/v1/rollup?region=4108&year=2020')).status).toBe(400);
    expect((await c.get('/api/v1/rollup?region=410800&year=2020&module=nope')).status).toBe(400);
    // A module the platform has but without figures: a 400 naming it, not an empty table.
    const noFigures = await c.get('/api/v1/rollup?region=410800&year=2020&module=org');
    expect(noFigures.status).toBe(400);
    expect(noFigures.body.error.code).toBe('ROLLUP_MODULE_WITHOUT_FIGURES');
    expect((await c.get('/api/v1/rollup/reports?region=410800&year=abc')).status).toBe(400);
  });
  it('403 for a district office (it never sees its siblings), a unit liaison and a district leader', async () => {
    for (const who of ['office', 'office_jf', 'liaison', 'leader']) {
      const c = await t.as(who);
      for (const url of [TABLE, REPORTS, '/api/v1/rollup?region=410803&year=2020']) expect((await c.get(url)).status, `${who} ${url}`).toBe(403);
    }
  });
  it('404 for a region outside the city (another city, an unknown code)', async () => {
    const c = await t.as('city_office');
    expect((await c.get('/api/v1/rollup?region=410900&year=2020')).status).toBe(404);
    expect((await c.get('/api/v1/rollup?region=410000&year=2020')).status).toBe(404);
    expect((await c.get('/api/v1/rollup?region=419999&year=2020')).status).toBe(404);
    expect((await c.get('/api/v1/rollup/reports?region=410900&year=2020')).status).toBe(404);
    expect((await (await t.as('py_office')).get(TABLE)).status).toBe(404);
  });
  it('/auth/me gives each grant its region’s level, so the header names a city office as 依法治市办', async () => {
    const me = await (await t.as('city_office')).get('/api/v1/auth/me');
    expect(me.body.roles).toEqual([expect.objectContaining({ role: 'office', level: 'city' })]);
    const district = await (await t.as('office')).get('/api/v1/auth/me');
    expect(district.body.roles).toEqual([expect.objectContaining({ role: 'office', level: 'district' })]);
    const unit = await (await t.as('liaison')).get('/api/v1/auth/me');
    expect(unit.body.roles).toEqual([expect.objectContaining({ role: 'liaison', level: null })]);
  });
  it('the city office, leader and viewer see every district beneath; drill-down to a district is within scope only', async () => {
    for (const who of ['city_office', 'city_leader', 'city', 'admin']) {
      const r = await (await t.as(who)).get(TABLE);
      expect(r.status, who).toBe(200);
      expect(r.body.regions.map((x: { code: string }) => x.code)).toEqual(['410802', '410803', '410804', '410800:own', '410800']);
    }
    const city = await t.as('city_office');
    const recs = await city.get('/api/v1/metrics/disputes.litigation.lossRate/records?region=410802&year=2020');
    expect(recs.status).toBe(200);
    expect(recs.body.items).toHaveLength(1);
    expect((await (await t.as('office')).get('/api/v1/metrics/disputes.litigation.lossRate/records?region=410802&year=2020')).status).toBe(404);
    expect((await city.get('/api/v1/metrics/disputes.litigation.lossRate/records?region=410900&year=2020')).status).toBe(404);
  });
});

describe('rules on hand-computed data', () => {
  it('recomputes a rate from the records of the whole, never averaging the districts’ rates', async () => {
    const r = await (await t.as('city_office')).get(TABLE);
    const loss = r.body.metrics.find((m: { id: string }) => m.id === 'disputes.litigation.lossRate');
    const v = Object.fromEntries(loss.cells.map((c: { region: string; value: number | null }) => [c.region, c.value]));
    expect(v).toEqual({ '410802': 33.3, '410803': 100, '410804': null, '410800:own': 0, '410800': 40 });
    // The average of the districts' rates would be 66.7 %; the level modifier gives the districts together: 2 of 4.
    expect(await getMetric('below.disputes.litigation.lossRate')!.compute(t.db, { regionPath: '410000/410800' }, yearPeriod(2020))).toBe(50);
    const closed = r.body.metrics.find((m: { id: string }) => m.id === 'disputes.litigation.closed');
    const c = Object.fromEntries(closed.cells.map((x: { region: string; value: number | null; previous: number | null }) => [x.region, [x.value, x.previous]]));
    expect(c['410803']).toEqual([1, 1]);
    expect(c['410802']).toEqual([3, null]);
    expect(c['410800']).toEqual([5, 1]);
    // Ranks among the districts with data: 中站区 lost most.
    expect(loss.cells.find((x: { region: string }) => x.region === '410803').rank).toBe(1);
    expect(loss.cells.find((x: { region: string }) => x.region === '410802').rank).toBe(2);
  });
  it('own and below levels add up to the whole for counts', async () => {
    const p = yearPeriod(2020);
    const s = { regionPath: '410000/410800' };
    const [all, own, below] = await Promise.all(['', 'own.', 'below.'].map((m) => getMetric(`${m}disputes.litigation.closed`)!.compute(t.db, s, p)));
    expect([all, own, below]).toEqual([5, 1, 4]);
    expect(getMetric('own.disputes.litigation.closed')!.label.zh).toContain('本级');
    expect(getMetric('own.nope')).toBeUndefined();
  });
  it('evaluates every figure for all the roll-up’s columns in one query each exactly as column by column', async () => {
    const scopes = [
      ...['410802', '410803', '410804'].map((c) => ({ regionPath: `410000/410800/${c}` })),
      { regionPath: '410000/410800', level: 'own' as const }, { regionPath: '410000/410800' },
    ];
    const p = yearPeriod(2020);
    for (const m of listMetrics()) {
      const one = await Promise.all(scopes.map((s) => m.compute(t.db, s, p)));
      expect(await computeForScopes(m, t.db, scopes, p), m.id).toEqual(one);
    }
  });
  it('ranks with ties and flags Tukey outliers among four or more', () => {
    expect(rankAndOutliers([10, 12, 11, 40, null])).toEqual([
      { rank: 4, outlier: null }, { rank: 2, outlier: null }, { rank: 3, outlier: null }, { rank: 1, outlier: 'high' }, { rank: null, outlier: null },
    ]);
    expect(rankAndOutliers([5, 5, 1])).toEqual([{ rank: 1, outlier: null }, { rank: 1, outlier: null }, { rank: 3, outlier: null }]);
  });
  it('the report deadline: last day of February, moved past a rest day; a 调休 Saturday is a working day', () => {
    const cal = new WorkCalendar();
    const d2020 = computeDeadline(cal, reportDueSpec(2020));
    expect(d2020.due).toBe('2021-03-01'); // 2021-02-28 is a Sunday
    expect(d2020.explain.zh).toContain('顺延至2021-03-01');
    expect(computeDeadline(cal, reportDueSpec(2023)).due).toBe('2024-02-29'); // leap year, a Thursday
    expect(computeDeadline(cal, reportDueSpec(2025)).due).toBe('2026-02-28'); // Saturday worked for 春节 (调休)
    // A local holiday on the Monday moves it on again.
    const local = new WorkCalendar([{ day: '2021-03-01', kind: 'holiday', reason: '测试：地方假日' }]);
    expect(computeDeadline(local, reportDueSpec(2020)).due).toBe('2021-03-02');
  });
});

describe('districts’ annual reports', () => {
  let zz: string;
  it('on time by the rolled-over deadline, late after it, overdue without a report; with the deadline and its basis', async () => {
    zz = await submitReport('office', '410803', 2020, '2021-03-01', true);
    await submitReport('office_jf', '410802', 2020, '2021-03-02');
    const r = await (await t.as('city_office')).get(REPORTS);
    expect(r.status).toBe(200);
    expect(r.body.deadline.due).toBe('2021-03-01');
    expect(r.body.deadline.basis).toContain('督察工作规定');
    const by = Object.fromEntries(r.body.items.map((i: { regionCode: string }) => [i.regionCode, i]));
    expect(by['410803']).toMatchObject({ standing: 'on_time', submittedOn: '2021-03-01', daysLate: null, reportId: zz, status: 'published' });
    expect(by['410802']).toMatchObject({ standing: 'late', daysLate: 1, status: 'submitted' });
    expect(by['410804']).toMatchObject({ standing: 'overdue', reportId: null, status: null });
    // A year not yet due.
    const future = await (await t.as('city_office')).get('/api/v1/rollup/reports?region=410800&year=2099');
    expect(future.body.items.every((i: { standing: string }) => i.standing === 'pending')).toBe(true);
  });
  it('marks a report published after 31 March as published late, with the office’s reason', async () => {
    const c = await t.as('city_office');
    const item = async (code: string) => (await c.get(REPORTS)).body.items.find((i: { regionCode: string }) => i.regionCode === code);
    expect(await item('410803')).toMatchObject({ publishedOn: '2021-03-20', publishedLate: false, lateReason: null });
    expect(await item('410802')).toMatchObject({ publishedOn: null, publishedLate: false, lateReason: null });
    // 31 March is the last day (before 1 April); 1 April is late.
    await t.db.updateTable('reports').set({ published_on: '2021-03-31' }).where('id', '=', zz).execute();
    expect((await item('410803')).publishedLate).toBe(false);
    await t.db.updateTable('reports').set({ published_on: '2021-04-01', late_reason: '待常务会议审议' }).where('id', '=', zz).execute();
    expect(await item('410803')).toMatchObject({ publishedLate: true, lateReason: '待常务会议审议' });
    await t.db.updateTable('reports').set({ published_on: '2021-03-20', late_reason: null }).where('id', '=', zz).execute();
  });
  it('shows the differences between a submitted report’s snapshot and its live figures', async () => {
    await suit('410803', true, '2020-09-30'); // after submission: one more lawsuit closed in 2020
    const r = await (await t.as('city_office')).get(REPORTS);
    const zzItem = r.body.items.find((i: { regionCode: string }) => i.regionCode === '410803');
    expect(zzItem.changedFigures.length).toBeGreaterThan(0);
    expect(zzItem.changedFigures.map((f: { message: string }) => f.message).join()).toContain('新增1条');
    // The city office opens the district's submitted report (read-only).
    const open = await (await t.as('city_office')).get(`/api/v1/reports/${zz}`);
    expect(open.status).toBe(200);
    expect(open.body.frozen).toBe(true);
    expect(open.body.abilities.canEdit).toBe(false);
  });
  it('a late report is a to-do of the city office (deadline and basis), not of the district; submission closes it', async () => {
    await syncReportDeadlines(t.db, { years: [2020] });
    const todos = await (await t.as('city_office')).get('/api/v1/todos');
    const due = todos.body.deadlines.filter((d: { module: string }) => d.module === 'rollup');
    expect(due.map((d: { title: string; dueDate: string; state: string }) => [d.title, d.dueDate, d.state])).toEqual([['马村区2020年度法治政府建设情况报告待报送', '2021-03-01', 'overdue']]);
    expect(due[0].basis).toContain('3月1日之前');
    const district = await (await t.as('office')).get('/api/v1/todos');
    expect(district.body.deadlines.some((d: { module: string }) => d.module === 'rollup')).toBe(false);
    expect((await (await t.as('office_jf')).get('/api/v1/todos')).body.deadlines.some((d: { module: string }) => d.module === 'rollup')).toBe(false);
    // The city's own report is the province's to-do.
    const open = await t.db.selectFrom('deadlines').select(['region_id', 'status']).where('module', '=', 'rollup').where('entity_id', '=', ids['410800']).executeTakeFirst();
    expect(open).toMatchObject({ region_id: ids['410000'], status: 'open' });
    // 马村区 reports (the city office writes for the regions beneath): its deadline closes with the submission.
    await submitReport('city_office', '410804', 2020, '2021-03-05');
    const closed = await t.db.selectFrom('deadlines').select('status').where('module', '=', 'rollup').where('entity_id', '=', ids['410804']).executeTakeFirstOrThrow();
    expect(closed.status).toBe('done');
    const after = await (await t.as('city_office')).get('/api/v1/todos');
    expect(after.body.deadlines.filter((d: { module: string }) => d.module === 'rollup')).toEqual([]);
    // The district's submitted report waits for the district to publish it: on the district's list, not the city's.
    expect(after.body.items.filter((i: { module: string }) => i.module === 'report')).toEqual([]);
  });
  it('a to-do list holds the work of the reader’s own government: a city office not each district’s deadlines, a district office its subdistricts’', async () => {
    const street = await t.db.selectFrom('regions').select(['id', 'code']).where('level', '=', 'subdistrict').where('path', 'like', '%/410803/%').orderBy('code').executeTakeFirstOrThrow();
    const at = (code: string, regionId: string) => setDeadline(t.db, {
      module: 'disputes', entity: 'test_clock', entityId: regionId, kind: 'test', title: { zh: `测试期限${code}`, en: `Test deadline ${code}` },
      regionId, unitId: null, spec: { from: '2020-06-01', unit: 'ND', n: 10 }, basis: '测试依据',
    });
    for (const [code, id] of [['410800', ids['410800']], ['410803', ids['410803']], ['410802', ids['410802']], [street.code, street.id], ['410900', ids['410900']]]) await at(code, id);
    const titles = async (as: string) => ((await (await t.as(as)).get('/api/v1/todos')).body.deadlines as { title: string }[]).map((d) => d.title).filter((x) => x.startsWith('测试期限')).sort();
    expect(await titles('city_office')).toEqual(['测试期限410800']);
    expect(await titles('office')).toEqual(['测试期限410803', `测试期限${street.code}`].sort());
    expect(await titles('office_jf')).toEqual(['测试期限410802']);
    expect(await titles('py_office')).toEqual(['测试期限410900']);
    await t.db.deleteFrom('deadlines').where('entity', '=', 'test_clock').execute();
    // The condition itself, on the region tree: a city governs its own level, a district its subdistricts.
    const governed = async (...codes: string[]) => {
      const paths = codes.length ? (await t.db.selectFrom('regions').select('path').where('code', 'in', codes).execute()).map((r) => r.path) : [];
      return (await t.db.selectFrom('regions as x').select('x.code').where(inGovernedRegions('x.id', paths)).orderBy('x.code').execute()).map((r) => r.code);
    };
    const subdistricts = (await t.db.selectFrom('regions').select('code').where('path', 'like', '%/410803/%').orderBy('code').execute()).map((r) => r.code);
    expect(await governed('410800')).toEqual(['410800']);
    expect(await governed('410803')).toEqual(['410803', ...subdistricts]);
    expect(await governed('410000')).toEqual(['410000']);
    expect(await governed('410800', '410802')).toEqual(['410800', '410802']);
    expect(await governed()).toEqual([]);
  });
  it('computes the due date on the stored calendar', async () => {
    expect((await reportDue(t.db, 2020)).due).toBe('2021-03-01');
  });
});

describe('the city’s own report names rolled-up figures', () => {
  it('evaluates below./own. placeholders over the districts and the city’s own level', async () => {
    const c = await t.as('city_office');
    const created = await c.post('/api/v1/reports', { regionCode: '410800', year: 2020 });
    expect(created.status).toBe(201);
    const detail = await c.get(`/api/v1/reports/${created.body.id}`);
    const blocks = [{ id: 'city', kind: 'p', parts: ['measures'], text: '全市各县区共审结行政诉讼案件{{below.disputes.litigation.closed}}件，市本级{{own.disputes.litigation.closed}}件，全市{{disputes.litigation.closed}}件。' }, ...detail.body.source.blocks];
    expect((await c.put(`/api/v1/reports/${created.body.id}`, { blocks })).status).toBe(200);
    const after = await c.get(`/api/v1/reports/${created.body.id}`);
    const city = after.body.blocks.find((b: { id: string }) => b.id === 'city');
    expect(city.segments.map((s: { text: string }) => s.text).join('')).toBe('全市各县区共审结行政诉讼案件5件，市本级1件，全市6件。');
    const rec = await c.get(`/api/v1/reports/${created.body.id}/figures/${encodeURIComponent('own.disputes.litigation.closed')}/records`);
    expect(rec.status).toBe(200);
    expect(rec.body.records).toHaveLength(1);
    // A district office cannot write the city's report.
    expect((await (await t.as('office')).post('/api/v1/reports', { regionCode: '410800', year: 2021 })).status).toBe(404);
  });
});

describe('public portal across levels', () => {
  it('lists the published reports of the region and beneath, searchable; figures as JSON and CSV with definitions', async () => {
    const anon = t.anon();
    const city = await anon.get('/api/v1/public/regions/410800/reports');
    expect(city.status).toBe(200);
    expect(city.body.items.map((i: { regionCode: string; own: boolean }) => [i.regionCode, i.own])).toEqual([['410803', false]]);
    expect((await anon.get('/api/v1/public/regions/410803/reports')).body.items[0].own).toBe(true);
    expect((await anon.get('/api/v1/public/regions/410802/reports')).body.items).toEqual([]);
    expect((await anon.get(`/api/v1/public/regions/410800/reports?q=${encodeURIComponent('中站')}`)).body.items).toHaveLength(1);
    expect((await anon.get(`/api/v1/public/regions/410800/reports?q=${encodeURIComponent('解放')}`)).body.items).toHaveLength(0);
    expect((await anon.get(`/api/v1/public/regions/410800/reports?q=${encodeURIComponent('100%_')}`)).body.items).toHaveLength(0);
    const id = city.body.items[0].id;
    const json = await anon.get(`/api/v1/public/reports/${id}/figures`);
    expect(json.status).toBe(200);
    // The submission snapshot's figure (one lawsuit closed), not the live two.
    const closed = json.body.figures.find((f: { metricId: string }) => f.metricId === 'disputes.litigation.closed');
    expect(closed).toMatchObject({ value: 1, text: '1' });
    expect(closed.definition.length).toBeGreaterThan(10);
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/public/reports/${id}/figures/csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body.split('\n')[0]).toContain('指标名称');
    expect(csv.body).toContain('disputes.litigation.closed');
  });
  it('400 on a bad code or id, 404 for an unknown region, an unpublished or unknown report', async () => {
    const anon = t.anon();
    expect((await anon.get('/api/v1/public/regions/41080/reports')).status).toBe(400);
    expect((await anon.get('/api/v1/public/regions/419999/reports')).status).toBe(404);
    expect((await anon.get('/api/v1/public/reports/not-an-id/figures')).status).toBe(400);
    expect((await anon.get('/api/v1/public/reports/00000000-0000-4000-8000-000000000000/figures')).status).toBe(404);
    const draft = await t.db.selectFrom('reports').select('id').where('status', '<>', 'published').executeTakeFirstOrThrow();
    expect((await anon.get(`/api/v1/public/reports/${draft.id}/figures`)).status).toBe(404);
    expect((await anon.get(`/api/v1/public/reports/${draft.id}/figures/csv`)).status).toBe(404);
  });
});
