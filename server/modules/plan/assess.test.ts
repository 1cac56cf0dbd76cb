import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';

/**
 * A hand-computed assessment. 2020 plan, published:
 *   区城市管理局 (A): T1 due 03-31 done 03-20 (accepted) · T2 due 06-30 done 07-10 (accepted, late) ·
 *                    T3 quarterly, reports 03-25 and 07-02.
 *   区市场监督管理局 (B): T4 due 06-30 done 06-15 (accepted).
 * Round 上半年 (01-01…06-30, weight 40):
 *   on-time (10 pts): A has 4 obligations due — T1 ✓, T2 ✗ (07-10 > 06-30), T3-Q1 ✓, T3-Q2 ✗ (07-02) → 50 % → 5.00;
 *                     B 1/1 → 10; units with nothing due keep 10.
 *   completion (10 pts): A: T1 done, T2 not done by 06-30 → 1/2 → 5.00; B 1/1 → 10.
 *   manual (20 pts): A 18 (reason), everyone else 20.   veto: B vetoed.
 *   ⇒ A = 5 + 5 + 18 = 28; B = 0 (veto); others 40. A later Q2 report dated 06-20 makes A’s on-time 3/4 → 7.5,
 *   so after recomputing A = 30.5 and the year (only this round scored) = 30.5 × 40 % = 12.2.
 */
let t: TestApp;
let u: Record<string, string>;
let office: Client, liaison: Client, liaison2: Client, officeJf: Client;
let schemeId: string, h1: string, h2: string;
const item: Record<string, string> = {};
const task: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  u = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));
  [office, liaison, liaison2, officeJf] = await Promise.all(['office', 'liaison', 'liaison2', 'office_jf'].map((n) => t.as(n)));
  const p = await office.post('/api/v1/plan/plans', { year: 2020, kind: 'gov_work', title: '中站区2020年度法治政府建设工作安排' });
  const kw = await office.post(`/api/v1/plan/plans/${p.body.id}/key-works`, { title: '依法全面履行政府职能' });
  const mk = async (k: string, title: string, unit: string, dueDate: string, recurrence = 'none') =>
    (task[k] = (await office.post('/api/v1/plan/tasks', { keyWorkId: kw.body.id, title, unitId: u[unit], dueDate, recurrence })).body.id);
  await mk('t1', '修订区政府工作规则', '区城市管理局', '2020-03-31');
  await mk('t2', '完成执法案卷评查', '区城市管理局', '2020-06-30');
  await mk('t3', '按季度报送执法数据', '区城市管理局', '2020-12-31', 'quarterly');
  await mk('t4', '推行企业开办一网通办', '区市场监督管理局', '2020-06-30');
  expect((await office.post(`/api/v1/plan/plans/${p.body.id}/publish`)).status).toBe(200);
  const report = async (c: Client, k: string, entryDate: string, claimedStatus: string, accept: boolean) => {
    const e = await c.post(`/api/v1/plan/tasks/${task[k]}/entries`, { entryDate, text: `进展${entryDate}`, claimedStatus });
    expect(e.status).toBe(201);
    if (accept) expect((await office.post(`/api/v1/plan/entries/${e.body.id}/review`, { decision: 'accept' })).status).toBe(200);
  };
  await report(liaison, 't1', '2020-03-20', 'done', true);
  await report(liaison, 't2', '2020-07-10', 'done', true);
  await report(liaison, 't3', '2020-03-25', 'in_progress', false);
  await report(liaison, 't3', '2020-07-02', 'in_progress', false);
  await report(liaison2, 't4', '2020-06-15', 'done', true);
});
afterAll(async () => t.close());

const scheme = {
  year: 2020,
  title: '中站区2020年度依法行政考核细则',
  indicators: [
    { title: '组织领导', children: [{ title: '台账管理', items: [
      { title: '按时报送推进台账', method: 'auto', measure: 'plan.onTimeEntryRate', points: 10 },
      { title: '重点任务按期完成', method: 'auto', measure: 'plan.completionRate', points: 10 },
    ] }] },
    { title: '依法行政', children: [{ title: '制度建设', items: [
      { title: '落实法治建设第一责任人职责', method: 'manual', points: 20, guidance: '提交述法报告' },
      { title: '发生重大行政违法案件或造成恶劣影响的', method: 'veto' },
    ] }] },
  ],
  rounds: [
    { kind: 'routine', title: '上半年平时考核', periodFrom: '2020-01-01', periodTo: '2020-06-30', weight: 40 },
    { kind: 'year_end', title: '年终考评', periodFrom: '2020-07-01', periodTo: '2020-12-31', weight: 60 },
  ],
};

describe('assessment rules', () => {
  it('refuses bad schemes with the fields named, and roles other than the office', async () => {
    const bad = await office.post('/api/v1/plan/assess/schemes', { ...scheme, rounds: [{ ...scheme.rounds[0], weight: 50 }], indicators: [{ title: '组织领导', children: [{ title: '台账', items: [{ title: '否决', method: 'veto', points: 5 }, { title: '自动', method: 'auto', points: 5 }] }] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['indicators.0.children.0.items.0.points', 'indicators.0.children.0.items.1.measure', 'rounds']);
    expect((await liaison.post('/api/v1/plan/assess/schemes', scheme)).status).toBe(403);
    const s = await office.post('/api/v1/plan/assess/schemes', scheme);
    expect(s.status).toBe(201);
    schemeId = s.body.id;
    expect((await office.post('/api/v1/plan/assess/schemes', scheme)).body.error.code).toBe('SCHEME_EXISTS');
    const detail = await office.get(`/api/v1/plan/assess/schemes/${schemeId}`);
    expect(detail.body.totalPoints).toBe(40);
    [h1, h2] = detail.body.rounds.map((r: { id: string }) => r.id);
    const items = detail.body.tree.flatMap((i: { children: { children: { id: string; title: string }[] }[] }) => i.children.flatMap((c) => c.children));
    for (const [k, title] of [['onTime', '按时报送推进台账'], ['completion', '重点任务按期完成'], ['manual', '落实法治建设第一责任人职责'], ['veto', '发生重大行政违法案件或造成恶劣影响的']])
      item[k] = items.find((i: { title: string }) => i.title === title).id;
    expect((await liaison.post(`/api/v1/plan/assess/rounds/${h1}/compute`)).status).toBe(403);
    expect((await officeJf.post(`/api/v1/plan/assess/rounds/${h1}/compute`)).status).toBe(404);
    expect((await officeJf.get(`/api/v1/plan/assess/schemes/${schemeId}`)).status).toBe(404);
  });

  it('scores automatic items from the ledger with a reason for every deduction', async () => {
    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/compute`)).status).toBe(200);
    const a = await office.get(`/api/v1/plan/assess/rounds/${h1}/units/${u['区城市管理局']}/sheet`);
    const line = (k: string) => a.body.lines.find((l: { itemId: string }) => l.itemId === item[k]);
    expect(line('onTime').awarded).toBe(5);
    expect(line('onTime').reason).toContain('台账按时报送率50%（2/4）');
    expect(line('onTime').reason).toContain('完成执法案卷评查（期限2020-06-30，2020-07-10报送）');
    expect(line('completion').awarded).toBe(5);
    const b = await office.get(`/api/v1/plan/assess/rounds/${h1}/units/${u['区市场监督管理局']}/sheet`);
    expect(b.body.lines.filter((l: { method: string }) => l.method === 'auto').map((l: { awarded: number; reason: string | null }) => [l.awarded, l.reason])).toEqual([[10, null], [10, null]]);
  });

  it('requires a reason for a manual deduction and for a veto, and refuses scoring an automatic item by hand', async () => {
    const r = await office.post(`/api/v1/plan/assess/rounds/${h1}/scores`, { unitId: u['区城市管理局'], itemId: item.manual, awarded: 18 });
    expect(r.body.error.code).toBe('DEDUCTION_NEEDS_REASON');
    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/scores`, { unitId: u['区城市管理局'], itemId: item.manual, awarded: 25 })).body.error.code).toBe('AWARDED_TOO_HIGH');
    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/scores`, { unitId: u['区城市管理局'], itemId: item.onTime, awarded: 10 })).body.error.code).toBe('ITEM_IS_AUTOMATIC');
    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/scores`, { unitId: u['区市场监督管理局'], itemId: item.veto, vetoed: true })).body.error.code).toBe('VETO_NEEDS_REASON');
    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/scores`, { unitId: u['解放区司法局'], itemId: item.manual, awarded: 20 })).body.error.code).toBe('UNIT_NOT_ASSESSED');
    expect((await liaison.post(`/api/v1/plan/assess/rounds/${h1}/scores`, { unitId: u['区城市管理局'], itemId: item.manual, awarded: 20 })).status).toBe(403);
    // The unit gives its note (evidence is attached to the same record).
    const note = await liaison.post(`/api/v1/plan/assess/rounds/${h1}/notes`, { itemId: item.manual, note: '已提交主要负责人述法报告' });
    expect(note.status).toBe(201);
    expect((await liaison2.get(`/api/v1/files/plan_assess_score/${note.body.id}`)).status).toBe(404);
    expect((await liaison.get(`/api/v1/files/plan_assess_score/${note.body.id}`)).status).toBe(200);
    expect((await liaison.post(`/api/v1/plan/assess/rounds/${h1}/notes`, { itemId: item.onTime, note: '自动项' })).body.error.code).toBe('ITEM_NOT_MANUAL');
  });

  it('scores every unit, ranks them with the veto applied, and refuses review until complete and reproducible', async () => {
    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/review`)).body.error.code).toBe('ROUND_INCOMPLETE');
    const units = await t.db.selectFrom('units as un').innerJoin('regions as r', 'r.id', 'un.region_id').select(['un.id', 'un.name']).where('un.type', 'in', ['department', 'subdistrict', 'enforcement']).where('r.path', 'like', '410000/410800/410803%').execute();
    expect(units).toHaveLength(40);
    for (const un of units) {
      const a = un.name === '区城市管理局' ? { awarded: 18, reason: '述法报告未按时提交，扣2分' } : { awarded: 20 };
      expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/scores`, { unitId: un.id, itemId: item.manual, ...a })).status).toBe(200);
      const v = un.name === '区市场监督管理局' ? { vetoed: true, reason: '2020年5月发生重大行政违法案件，被上级通报' } : { vetoed: false };
      expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/scores`, { unitId: un.id, itemId: item.veto, ...v })).status).toBe(200);
    }
    // A new ledger record changes what the rules give: the stored scores no longer reproduce.
    const e = await liaison.post(`/api/v1/plan/tasks/${task.t3}/entries`, { entryDate: '2020-06-20', text: '二季度数据补录', claimedStatus: 'in_progress' });
    expect(e.status).toBe(201);
    const v1 = await office.get(`/api/v1/plan/assess/rounds/${h1}/verify`);
    expect(v1.body.consistent).toBe(false);
    expect(v1.body.differences).toEqual([{ unitId: u['区城市管理局'], itemId: item.onTime, stored: 5, recomputed: 7.5 }]);
    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/review`)).body.error.code).toBe('SCORES_STALE');
    await office.post(`/api/v1/plan/assess/rounds/${h1}/compute`);
    const v2 = await office.get(`/api/v1/plan/assess/rounds/${h1}/verify`);
    expect(v2.body).toMatchObject({ consistent: true, checked: 80 });
    // compute again: the same result
    await office.post(`/api/v1/plan/assess/rounds/${h1}/compute`);
    expect((await office.get(`/api/v1/plan/assess/rounds/${h1}/verify`)).body.consistent).toBe(true);

    const res = await office.get(`/api/v1/plan/assess/rounds/${h1}/results`);
    const by = Object.fromEntries(res.body.items.map((r: { unitName: string }) => [r.unitName, r]));
    expect(by['区城市管理局']).toMatchObject({ total: 30.5, rank: 39 }); // 7.5 + 5 + 18
    expect(by['区市场监督管理局']).toMatchObject({ total: 0, vetoed: true, rank: 40 });
    expect(by['区司法局']).toMatchObject({ total: 40, rank: 1 });
    // Before publication the units see neither their sheet nor the ranking, but do see what is missing.
    expect((await liaison.get(`/api/v1/plan/assess/rounds/${h1}/units/${u['区城市管理局']}/sheet`)).status).toBe(404);
    expect((await liaison.get(`/api/v1/plan/assess/rounds/${h1}/results`)).status).toBe(404);
    const ready = await liaison.get(`/api/v1/plan/assess/rounds/${h1}/units/${u['区城市管理局']}/readiness`);
    expect(ready.body.missingPoints).toBe(9.5); // 2.5 + 5 + 2
    expect(ready.body.lines.find((l: { itemId: string }) => l.itemId === item.completion).lost[0]).toContain('完成执法案卷评查');
    expect((await liaison.get(`/api/v1/plan/assess/rounds/${h1}/units/${u['区市场监督管理局']}/readiness`)).status).toBe(404);

    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/publish`)).body.error.code).toBe('ROUND_NOT_REVIEWED');
    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/review`)).body.status).toBe('reviewed');
    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/scores`, { unitId: u['区城市管理局'], itemId: item.manual, awarded: 20 })).body.error.code).toBe('ROUND_CLOSED');
    expect((await office.post(`/api/v1/plan/assess/rounds/${h1}/publish`)).body.status).toBe('published');
  });

  it('shows each unit its own sheet after publication, the ranking, and year totals weighted by round', async () => {
    const sheet = await liaison.get(`/api/v1/plan/assess/rounds/${h1}/units/${u['区城市管理局']}/sheet`);
    expect(sheet.status).toBe(200);
    expect(sheet.body).toMatchObject({ total: 30.5, fullMarks: 40, vetoed: false });
    expect(sheet.body.lines.find((l: { itemId: string }) => l.itemId === item.manual).reason).toBe('述法报告未按时提交，扣2分');
    expect((await liaison.get(`/api/v1/plan/assess/rounds/${h1}/units/${u['区市场监督管理局']}/sheet`)).status).toBe(404);
    expect((await liaison.get(`/api/v1/plan/assess/rounds/${h1}/results`)).body.items).toHaveLength(40);
    const mine = await liaison.get(`/api/v1/plan/assess/schemes/${schemeId}/results`);
    expect(mine.body.complete).toBe(false);
    expect(mine.body.rounds.map((r: { id: string }) => r.id)).toEqual([h1]); // units see published rounds only
    const year = await office.get(`/api/v1/plan/assess/schemes/${schemeId}/results`);
    const by = Object.fromEntries(year.body.items.map((r: { unitName: string }) => [r.unitName, r]));
    expect(by['区城市管理局'].total).toBe(12.2); // 30.5 × 40 %, year-end round not yet scored
    expect(by['区市场监督管理局']).toMatchObject({ total: 0, vetoed: true });
    expect((await liaison.get(`/api/v1/plan/assess/rounds/${h2}/units/${u['区城市管理局']}/sheet`)).status).toBe(404);
  });
});
