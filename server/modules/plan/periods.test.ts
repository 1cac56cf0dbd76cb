import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload, workbook } from '../../test/xlsx.js';

/**
 * Hand-computed (region 410803, plan year 2020): one quarterly task of 区城市管理局, periods ending
 * 03-31 (Tue), 06-30 (Tue), 09-30 (Wed), 12-31 (Thu) — none moved by a holiday.
 * Reports: 03-30 (→ Q1, on time), 06-29 (→ Q2, on time), 12-28 with no period named (→ Q4, on time).
 * Q3 is unreported: on-time reporting = 3 of 4 periods = 75.0 %. The old rule matched 12-28 to Q3
 * (late) and left Q4 unreported: 2 of 4 = 50.0 %.
 */
let t: TestApp;
let office: Client, liaison: Client, officeJf: Client, advisor: Client, head: Client;
let u: Record<string, string>;
let taskId: string;

const planSheet = (rows: string[][]) => workbook('重点任务', ['重点工作', '纲要领域', '重点任务', '工作措施', '牵头单位', '配合单位', '责任领导', '完成时限', '预期成果'], rows);

beforeAll(async () => {
  t = await createTestApp();
  u = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));
  [office, liaison, officeJf, advisor, head] = await Promise.all(['office', 'liaison', 'office_jf', 'advisor', 'head'].map((n) => t.as(n)));
  const p = await office.post('/api/v1/plan/plans', { year: 2020, kind: 'gov_work', title: '中站区2020年度法治政府建设工作安排' });
  const kw = await office.post(`/api/v1/plan/plans/${p.body.id}/key-works`, { title: '坚持严格规范公正文明执法' });
  const task = await office.post('/api/v1/plan/tasks', { keyWorkId: kw.body.id, title: '按季度报送行政执法统计数据', unitId: u['区城市管理局'], dueDate: '2020-12-31', recurrence: 'quarterly' });
  taskId = task.body.id;
  expect((await office.post(`/api/v1/plan/plans/${p.body.id}/publish`)).status).toBe(200);
}, 600_000);
afterAll(async () => t.close());

describe('on-time reporting of a quarterly task, counted per period (issue 15)', () => {
  it('offers the four quarters and refuses a period that is not the task’s or has not begun', async () => {
    const d = await liaison.get(`/api/v1/plan/tasks/${taskId}`);
    expect(d.body.periods.map((p: { periodEnd: string }) => p.periodEnd)).toEqual(['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31']);
    const wrong = await liaison.post(`/api/v1/plan/tasks/${taskId}/entries`, { entryDate: '2020-05-01', periodEnd: '2020-05-31', text: '五月进展', claimedStatus: 'in_progress' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('ENTRY_PERIOD_INVALID');
    expect(wrong.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['periodEnd']);
    const early = await liaison.post(`/api/v1/plan/tasks/${taskId}/entries`, { entryDate: '2020-05-01', periodEnd: '2020-09-30', text: '提前报三季度', claimedStatus: 'in_progress' });
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('ENTRY_PERIOD_NOT_STARTED');
  });

  it('counts the 12-28 report for Q4 on time and leaves Q3 unreported: 3 of 4 = 75.0 %', async () => {
    for (const [date, text] of [['2020-03-30', '一季度数据已报送'], ['2020-06-29', '二季度数据已报送']])
      expect((await liaison.post(`/api/v1/plan/tasks/${taskId}/entries`, { entryDate: date, text, claimedStatus: 'in_progress' })).status).toBe(201);
    const dec = await liaison.post(`/api/v1/plan/tasks/${taskId}/entries`, { entryDate: '2020-12-28', text: '四季度数据已报送', claimedStatus: 'in_progress' });
    expect(dec.status).toBe(201);
    expect(dec.body.periodEnd).toBe('2020-12-31');
    const d = await liaison.get(`/api/v1/plan/tasks/${taskId}`);
    expect(d.body.obligations.map((o: { due: string; metOn: string | null }) => [o.due, o.metOn])).toEqual([
      ['2020-03-31', '2020-03-30'], ['2020-06-30', '2020-06-29'], ['2020-09-30', null], ['2020-12-31', '2020-12-28'],
    ]);
    expect(d.body.currentDue).toBe('2020-09-30'); // the first unreported period
    const rate = await office.get('/api/v1/metrics/plan.onTimeEntryRate?region=410803&year=2020');
    expect(rate.body.value).toBe(75);
  });

  it('meets Q3 late with a report that names it, still 3 of 4 on time', async () => {
    const late = await liaison.post(`/api/v1/plan/tasks/${taskId}/entries`, { entryDate: '2020-10-09', periodEnd: '2020-09-30', text: '补报三季度数据', claimedStatus: 'in_progress' });
    expect(late.status).toBe(201);
    const d = await liaison.get(`/api/v1/plan/tasks/${taskId}`);
    expect(d.body.obligations[2]).toMatchObject({ due: '2020-09-30', metOn: '2020-10-09' });
    expect((await office.get('/api/v1/metrics/plan.onTimeEntryRate?region=410803&year=2020')).body.value).toBe(75);
    const records = await office.get('/api/v1/metrics/plan.onTimeEntryRate/records?region=410803&year=2020');
    expect(records.body.items.map((r: { label: string }) => r.label)).toContain('按季度报送行政执法统计数据：期限2020-09-30，2020-10-09报送（逾期）');
  });
});

describe('plan import resolves unit names within the uploader’s district', () => {
  it('puts 区司法局 in the uploader’s district when 中站区 and 解放区 both have one', async () => {
    const jf = await t.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow();
    const jfUnit = await t.db.insertInto('units').values({ name: '区司法局', type: 'department', region_id: jf.id }).returning('id').executeTakeFirstOrThrow();
    const sheet = await planSheet([['推进法治政府建设', '', '开展法治督察', '', '区司法局', '', '', '2020-11-30', '']]);

    const zz = await office.post('/api/v1/plan/plans', { year: 2020, kind: 'district_points', title: '中站区2020年全面依法治区工作要点' });
    expect((await upload(t, office, `/api/v1/plan/plans/${zz.body.id}/import?dryRun=0`, sheet)).body).toMatchObject({ errors: [], committed: 1 });
    const zzTasks = await office.get(`/api/v1/plan/tasks?planId=${zz.body.id}`);
    expect(zzTasks.body.items.map((x: { unitId: string }) => x.unitId)).toEqual([u['区司法局']]);

    const jp = await officeJf.post('/api/v1/plan/plans', { year: 2020, kind: 'district_points', title: '解放区2020年全面依法治区工作要点' });
    expect(jp.status).toBe(201);
    expect((await upload(t, officeJf, `/api/v1/plan/plans/${jp.body.id}/import?dryRun=0`, sheet)).body).toMatchObject({ errors: [], committed: 1 });
    const jfTasks = await officeJf.get(`/api/v1/plan/tasks?planId=${jp.body.id}`);
    expect(jfTasks.body.items.map((x: { unitId: string }) => x.unitId)).toEqual([jfUnit.id]);
    // And 中站区's office cannot import into 解放区's plan (404), nor name a unit only 解放区 has.
    expect((await upload(t, office, `/api/v1/plan/plans/${jp.body.id}/import?dryRun=1`, sheet)).status).toBe(404);
    const only = await planSheet([['推进法治政府建设', '', '开展行政执法监督', '', '解放区司法局', '', '', '2020-11-30', '']]);
    const dry = await upload(t, office, `/api/v1/plan/plans/${zz.body.id}/import?dryRun=1`, only);
    expect(dry.body.errors.map((e: { column: string; message: string }) => `${e.column}:${e.message}`)).toEqual(['牵头单位:本辖区没有单位“解放区司法局”']);
  });
});

describe('who reads the assessment (issue 17 item 4)', () => {
  it('shows the scheme to the office and assessed units’ heads and liaisons, not to advisors', async () => {
    const s = await office.post('/api/v1/plan/assess/schemes', {
      year: 2020, title: '2020年度依法行政考核细则',
      indicators: [{ title: '依法履职', children: [{ title: '台账管理', items: [{ title: '按时报送', method: 'auto', points: 10, measure: 'plan.onTimeEntryRate' }] }] }],
      rounds: [{ kind: 'year_end', title: '年终考评', periodFrom: '2020-01-01', periodTo: '2020-12-31', weight: 100 }],
    });
    expect(s.status).toBe(201);
    expect((await liaison.get('/api/v1/plan/assess/schemes?year=2020')).body.items.map((x: { id: string }) => x.id)).toEqual([s.body.id]);
    expect((await head.get(`/api/v1/plan/assess/schemes/${s.body.id}`)).status).toBe(200);
    expect((await advisor.get('/api/v1/plan/assess/schemes?year=2020')).body.items).toEqual([]);
    expect((await advisor.get(`/api/v1/plan/assess/schemes/${s.body.id}`)).status).toBe(404);
    expect((await advisor.get(`/api/v1/plan/assess/schemes/${s.body.id}/results`)).status).toBe(404);
    expect((await officeJf.get(`/api/v1/plan/assess/schemes/${s.body.id}`)).status).toBe(404);
  });
});
