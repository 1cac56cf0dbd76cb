import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';

/**
 * Hand-computed data (region 410803, 2020):
 *   gov_work plan (published): 2 key works, 3 tasks — T1 due 10-01 (→10-09) accepted done 10-09; T2 due 06-30 nothing;
 *     T3 quarterly with a Q1 report on 03-30.  A draft gov_work plan and a 2019 plan must not count.
 *   reform plan (published): 2 major items, 3 minor; leads 城管局, 市场监管局, 城管局; co-unit 司法局 → 3 claiming units.
 * Expected: keyWorks 2, keyTasks 3, major 2, minor 3, claimingUnits 3, tasksCompleted 1, tasksOverdue 2 (T2, T3),
 *   completionRate 1/3 = 33.3, onTimeEntryRate: T1 ✓, T2 ✗, T3 Q1 ✓ Q2–Q4 ✗, reform 3 × ✗ → 2/9 = 22.2.
 */
let t: TestApp;
let office: Client, liaison: Client, liaison2: Client;
let u: Record<string, string>;

async function plan(year: number, kind: string, title: string, works: [string, [string, string, string, string[]?][]][], publish = true) {
  const p = await office.post('/api/v1/plan/plans', { year, kind, title });
  const ids: string[] = [];
  for (const [kw, tasks] of works) {
    const k = await office.post(`/api/v1/plan/plans/${p.body.id}/key-works`, { title: kw });
    for (const [title, unit, due, co] of tasks) {
      const r = await office.post('/api/v1/plan/tasks', { keyWorkId: k.body.id, title, unitId: u[unit], dueDate: due === 'Q' ? `${year}-12-31` : due, recurrence: due === 'Q' ? 'quarterly' : 'none', coUnitIds: (co ?? []).map((c) => u[c]) });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
  }
  if (publish) expect((await office.post(`/api/v1/plan/plans/${p.body.id}/publish`)).status).toBe(200);
  return ids;
}

beforeAll(async () => {
  t = await createTestApp();
  u = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));
  [office, liaison, liaison2] = await Promise.all(['office', 'liaison', 'liaison2'].map((n) => t.as(n)));
  const [t1, , t3] = await plan(2020, 'gov_work', '中站区2020年度法治政府建设工作安排', [
    ['完善依法行政制度体系', [['修订规范性文件管理办法', '区城市管理局', '2020-10-01'], ['建立行政执法公示平台', '区市场监督管理局', '2020-06-30']]],
    ['坚持严格规范公正文明执法', [['按季度报送执法统计', '区城市管理局', 'Q']]],
  ]);
  await plan(2020, 'gov_work', '草稿计划', [['草稿重点工作', [['草稿任务', '区司法局', '2020-05-01']]]], false);
  await plan(2019, 'gov_work', '中站区2019年度法治政府建设工作安排', [['2019重点工作', [['2019任务', '区司法局', '2019-05-01']]]]);
  await plan(2020, 'reform', '中站区2020年“放管服”改革重点工作', [
    ['深化行政审批制度改革', [['推行“一件事”集成服务', '区城市管理局', '2020-12-31', ['区司法局']], ['压缩企业开办时间', '区市场监督管理局', '2020-12-31']]],
    ['加强事中事后监管', [['推进“互联网+监管”', '区城市管理局', '2020-12-31']]],
  ]);
  const e1 = await liaison.post(`/api/v1/plan/tasks/${t1}/entries`, { entryDate: '2020-10-09', text: '办法已修订印发', claimedStatus: 'done' });
  await office.post(`/api/v1/plan/entries/${e1.body.id}/review`, { decision: 'accept' });
  await liaison.post(`/api/v1/plan/tasks/${t3}/entries`, { entryDate: '2020-03-30', text: '一季度数据已报', claimedStatus: 'in_progress' });
});
afterAll(async () => t.close());

const value = async (c: Client, id: string, year = 2020) => (await c.get(`/api/v1/metrics/${id}?region=410803&year=${year}`)).body.value;

describe('plan metrics on hand-computed data', () => {
  it('counts key works and tasks of the year’s published plan only', async () => {
    expect(await value(office, 'plan.keyWorks')).toBe(2);
    expect(await value(office, 'plan.keyTasks')).toBe(3);
    expect(await value(office, 'plan.keyWorks', 2019)).toBe(1);
    expect(await value(office, 'plan.keyWorks', 2018)).toBeNull();
  });
  it('counts reform items and the units that claimed them', async () => {
    expect(await value(office, 'plan.reform.majorItems')).toBe(2);
    expect(await value(office, 'plan.reform.minorItems')).toBe(3);
    expect(await value(office, 'plan.reform.claimingUnits')).toBe(3);
    const rec = await office.get('/api/v1/metrics/plan.reform.claimingUnits/records?region=410803&year=2020');
    expect(rec.body.items.map((r: { label: string }) => r.label).sort()).toEqual(['区司法局', '区城市管理局', '区市场监督管理局'].sort());
    expect(await value(office, 'plan.reform.majorItems', 2019)).toBeNull();
  });
  it('gives completion, overdue and on-time reporting by the written rules', async () => {
    expect(await value(office, 'plan.tasksCompleted')).toBe(1);
    expect(await value(office, 'plan.tasksOverdue')).toBe(2);
    expect(await value(office, 'plan.completionRate')).toBe(33.3);
    expect(await value(office, 'plan.onTimeEntryRate')).toBe(22.2);
  });
  it('narrows to the unit for unit staff', async () => {
    expect(await value(liaison, 'plan.keyTasks')).toBe(2);
    expect(await value(liaison, 'plan.keyWorks')).toBe(2);
    expect(await value(liaison2, 'plan.keyTasks')).toBe(1);
    expect(await value(liaison2, 'plan.reform.claimingUnits')).toBe(1);
    // 城管局: T1 ✓, T3 Q1 ✓, Q2–Q4 ✗, reform 2 × ✗ → 2/7
    expect(await value(liaison, 'plan.onTimeEntryRate')).toBe(28.6);
  });
});
