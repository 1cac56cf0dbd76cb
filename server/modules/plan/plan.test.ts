import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload, workbook } from '../../test/xlsx.js';
import { addDays, today, WorkCalendar } from '../../core/calendar/index.js';

let t: TestApp;
let u: Record<string, string>;
let office: Client, liaison: Client, liaison2: Client, street: Client, officeJf: Client, leader: Client, head: Client;
let planId: string;
const task: Record<string, string> = {};

/** Data rows of an exported sheet (rows with a task id). */
const dataRows = (ws: ExcelJS.Worksheet) => {
  let n = 0;
  ws.eachRow((row, i) => { if (i > 1 && row.getCell(1).text) n++; });
  return n;
};

async function download(c: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { status: res.statusCode, wb };
}

beforeAll(async () => {
  t = await createTestApp();
  u = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));
  [office, liaison, liaison2, street, officeJf, leader, head] = await Promise.all(['office', 'liaison', 'liaison2', 'street', 'office_jf', 'leader', 'head'].map((n) => t.as(n)));
  const p = await office.post('/api/v1/plan/plans', { year: 2020, kind: 'gov_work', title: '中站区2020年度法治政府建设工作安排', docNo: '中政办〔2020〕1号' });
  expect(p.status).toBe(201);
  planId = p.body.id;
  const kw1 = await office.post(`/api/v1/plan/plans/${planId}/key-works`, { title: '依法全面履行政府职能', area: '依法全面履行政府职能' });
  const kw2 = await office.post(`/api/v1/plan/plans/${planId}/key-works`, { title: '坚持严格规范公正文明执法', area: '坚持严格规范公正文明执法' });
  const mk = async (kw: string, title: string, unit: string, dueDate: string, extra: Record<string, unknown> = {}) => {
    const r = await office.post('/api/v1/plan/tasks', { keyWorkId: kw, title, unitId: u[unit], dueDate, leader: '李副区长', expectedOutcome: '形成工作台账', ...extra });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  task.cg = await mk(kw1.body.id, '动态调整权责清单并向社会公布', '区城市管理局', '2020-10-01', { coUnitIds: [u['府城街道办事处']] });
  task.sj = await mk(kw1.body.id, '推进“双随机、一公开”监管全覆盖', '区市场监督管理局', '2020-06-30');
  task.q = await mk(kw2.body.id, '按季度报送行政执法统计数据', '区城市管理局', '2020-12-31', { recurrence: 'quarterly' });
});
afterAll(async () => t.close());

describe('plan endpoints: 401 without a session', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  const endpoints: [string, string][] = [
    ['get', '/api/v1/plan/rules'], ['get', '/api/v1/plan/plans'], ['post', '/api/v1/plan/plans'], ['get', `/api/v1/plan/plans/${id}`],
    ['put', `/api/v1/plan/plans/${id}`], ['post', `/api/v1/plan/plans/${id}/publish`], ['post', `/api/v1/plan/plans/${id}/key-works`],
    ['post', `/api/v1/plan/plans/${id}/import`], ['get', '/api/v1/plan/plans/import/template'], ['get', '/api/v1/plan/tasks'], ['get', '/api/v1/plan/tasks/export'],
    ['post', '/api/v1/plan/tasks'], ['get', `/api/v1/plan/tasks/${id}`], ['put', `/api/v1/plan/tasks/${id}`], ['del', `/api/v1/plan/tasks/${id}`],
    ['post', `/api/v1/plan/tasks/${id}/entries`], ['get', '/api/v1/plan/entries'], ['put', `/api/v1/plan/entries/${id}`], ['post', `/api/v1/plan/entries/${id}/review`],
    ['post', '/api/v1/plan/progress/import'], ['get', '/api/v1/plan/progress/import/template'],
    ['get', '/api/v1/plan/assess/schemes'], ['post', '/api/v1/plan/assess/schemes'], ['get', `/api/v1/plan/assess/schemes/${id}`], ['get', `/api/v1/plan/assess/schemes/${id}/results`],
    ['post', `/api/v1/plan/assess/rounds/${id}/compute`], ['get', `/api/v1/plan/assess/rounds/${id}/verify`], ['post', `/api/v1/plan/assess/rounds/${id}/scores`],
    ['post', `/api/v1/plan/assess/rounds/${id}/notes`], ['post', `/api/v1/plan/assess/rounds/${id}/review`], ['post', `/api/v1/plan/assess/rounds/${id}/publish`],
    ['get', `/api/v1/plan/assess/rounds/${id}/results`], ['get', `/api/v1/plan/assess/rounds/${id}/units/${id}/sheet`], ['get', `/api/v1/plan/assess/rounds/${id}/units/${id}/readiness`],
  ];
  it.each(endpoints)('%s %s', async (m, url) => {
    const a = t.anon();
    const r = m === 'get' ? await a.get(url) : m === 'del' ? await a.del(url) : await (a as unknown as Record<string, (u: string, b: unknown) => Promise<{ status: number }>>)[m](url, { bad: true });
    expect(r.status).toBe(401);
  });
});

describe('plan endpoints: 400 naming the bad fields', () => {
  it('names each bad field of a plan, a task, an entry and a review', async () => {
    const p = await office.post('/api/v1/plan/plans', { year: 1999, kind: 'nope', title: 'x' });
    expect(p.status).toBe(400);
    expect(p.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['kind', 'title', 'year']);
    const c = await office.post('/api/v1/plan/plans', { year: 2020, kind: 'custom', title: '专项计划' });
    expect(c.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['kindLabel']);
    const tk = await office.post('/api/v1/plan/tasks', { keyWorkId: 'x', title: '', unitId: 'y', dueDate: '2020-02-30' });
    expect(tk.status).toBe(400);
    expect(tk.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['dueDate', 'keyWorkId', 'title', 'unitId']);
    const e = await liaison.post(`/api/v1/plan/tasks/${task.cg}/entries`, { entryDate: '2020-13-01', text: '', claimedStatus: 'finished' });
    expect(e.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['claimedStatus', 'entryDate', 'text']);
    const r = await office.post(`/api/v1/plan/entries/${task.cg}/review`, { decision: 'return' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['comment']);
    const l = await office.get('/api/v1/plan/tasks?status=late&pageSize=1000');
    expect(l.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['pageSize', 'status']);
  });
  it('refuses a lead unit of another district and a co-unit equal to the lead', async () => {
    const kw = (await office.get(`/api/v1/plan/plans/${planId}`)).body.keyWorks[0].id;
    const r = await office.post('/api/v1/plan/tasks', { keyWorkId: kw, title: '跨区任务', unitId: u['解放区司法局'], coUnitIds: [u['解放区司法局']], dueDate: '2020-05-01' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['coUnitIds', 'coUnitIds', 'unitId']);
  });
});

describe('plan endpoints: 403 for the wrong role', () => {
  it('refuses liaisons and leaders creating, editing or publishing plans', async () => {
    for (const c of [liaison, leader]) {
      expect((await c.post('/api/v1/plan/plans', { year: 2020, kind: 'gov_work', title: '某计划' })).status).toBe(403);
    }
    expect((await leader.post(`/api/v1/plan/plans/${planId}/publish`)).status).toBe(403);
    expect((await leader.put(`/api/v1/plan/plans/${planId}`, { year: 2020, kind: 'gov_work', title: '改名' })).status).toBe(403);
    expect((await leader.post(`/api/v1/plan/plans/${planId}/key-works`, { title: '新增重点工作' })).status).toBe(403);
    expect((await liaison.get('/api/v1/plan/plans/import/template')).status).toBe(403);
    expect((await leader.post('/api/v1/plan/assess/schemes', { year: 2020, title: '细则', indicators: [], rounds: [] })).status).toBe(400);
  });
});

describe('draft → published', () => {
  it('hides a draft from units, then publishes once and creates each task’s deadline for its lead unit', async () => {
    expect((await liaison.get(`/api/v1/plan/tasks/${task.cg}`)).status).toBe(404);
    expect((await liaison.get('/api/v1/plan/tasks')).body.total).toBe(0);
    expect((await liaison.post(`/api/v1/plan/tasks/${task.cg}/entries`, { entryDate: '2020-03-01', text: '已启动', claimedStatus: 'in_progress' })).status).toBe(404);
    expect((await office.post(`/api/v1/plan/tasks/${task.cg}/entries`, { entryDate: '2020-03-01', text: '已启动', claimedStatus: 'in_progress' })).body.error.code).toBe('PLAN_NOT_PUBLISHED');
    const empty = await office.post('/api/v1/plan/plans', { year: 2020, kind: 'district_points', title: '2020年中站区全面依法治区工作要点' });
    expect((await office.post(`/api/v1/plan/plans/${empty.body.id}/publish`)).body.error.code).toBe('PLAN_EMPTY');
    await office.post(`/api/v1/plan/plans/${empty.body.id}/key-works`, { title: '加强党对法治建设的领导' });
    expect((await office.post(`/api/v1/plan/plans/${empty.body.id}/publish`)).body.error.code).toBe('KEY_WORK_WITHOUT_TASKS');

    const pub = await office.post(`/api/v1/plan/plans/${planId}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body.status).toBe('published');
    const again = await office.post(`/api/v1/plan/plans/${planId}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PLAN_ALREADY_PUBLISHED');
    const kw = (await office.get(`/api/v1/plan/plans/${planId}`)).body.keyWorks[0].id;
    expect((await office.post('/api/v1/plan/tasks', { keyWorkId: kw, title: '追加任务', unitId: u['区司法局'], dueDate: '2020-05-01' })).status).toBe(409);
    expect((await office.del(`/api/v1/plan/tasks/${task.sj}`)).status).toBe(409);

    const d = await t.db.selectFrom('deadlines').select(['entity_id', 'due_date', 'unit_id', 'basis']).where('module', '=', 'plan').execute();
    const byTask = Object.fromEntries(d.map((x) => [x.entity_id, x]));
    expect(byTask[task.cg].due_date).toBe('2020-10-09'); // National Day moved
    expect(byTask[task.cg].unit_id).toBe(u['区城市管理局']);
    expect(byTask[task.cg].basis).toContain('民法典第二百零三条');
    expect(byTask[task.q].due_date).toBe('2020-03-31'); // first quarter
    // In the liaison's to-do list (overdue by now).
    const todos = await liaison.get('/api/v1/todos');
    expect(todos.body.deadlines.map((x: { entityId: string }) => x.entityId).sort()).toEqual([task.cg, task.q].sort());
    expect(todos.body.deadlines.every((x: { state: string }) => x.state === 'overdue')).toBe(true);
    expect((await liaison2.get('/api/v1/todos')).body.deadlines.map((x: { entityId: string }) => x.entityId)).toEqual([task.sj]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'plan').where('entity_id', '=', planId).execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'publish']);
  });
});

describe('scope', () => {
  it('shows a liaison only the tasks its unit leads or co-operates on; another unit’s task answers 404 alike', async () => {
    const list = await liaison.get('/api/v1/plan/tasks');
    expect(list.body.items.map((x: { id: string }) => x.id).sort()).toEqual([task.cg, task.q].sort());
    const other = await liaison.get(`/api/v1/plan/tasks/${task.sj}`);
    const unknown = await liaison.get('/api/v1/plan/tasks/00000000-0000-4000-8000-000000000000');
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    expect((await liaison.post(`/api/v1/plan/tasks/${task.sj}/entries`, { entryDate: '2020-03-01', text: '越权报送', claimedStatus: 'in_progress' })).status).toBe(404);
    expect((await street.get('/api/v1/plan/tasks')).body.items.map((x: { id: string }) => x.id)).toEqual([task.cg]);
    expect((await street.get(`/api/v1/plan/plans/${planId}`)).status).toBe(200);
    expect((await liaison2.get(`/api/v1/plan/tasks/${task.cg}`)).status).toBe(404);
  });
  it('shows the office of 解放区 nothing of 中站区', async () => {
    expect((await officeJf.get('/api/v1/plan/plans')).body.total).toBe(0);
    expect((await officeJf.get('/api/v1/plan/tasks')).body.total).toBe(0);
    expect((await officeJf.get(`/api/v1/plan/plans/${planId}`)).status).toBe(404);
    expect((await officeJf.get(`/api/v1/plan/tasks/${task.cg}`)).status).toBe(404);
    expect((await officeJf.post(`/api/v1/plan/plans/${planId}/publish`)).status).toBe(404);
    expect((await officeJf.get('/api/v1/plan/entries')).body.total).toBe(0);
  });
});

describe('the ledger', () => {
  let entryId: string;
  it('takes a liaison’s entry with evidence, is returned with a comment, corrected, then accepted as done', async () => {
    const e = await liaison.post(`/api/v1/plan/tasks/${task.cg}/entries`, { entryDate: '2020-09-25', text: '已完成权责清单调整，报区政府常务会审定', claimedStatus: 'done' });
    expect(e.status).toBe(201);
    entryId = e.body.id;
    expect(e.body.unitId).toBe(u['区城市管理局']);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const f = await upload(t, liaison, `/api/v1/files/plan_entry/${entryId}?effectiveDate=2020-09-25`, pdf, { name: '常务会纪要.pdf', type: 'application/pdf' });
    expect(f.status).toBe(201);
    expect((await liaison2.get(`/api/v1/files/plan_entry/${entryId}`)).status).toBe(404);
    expect((await office.get(`/api/v1/files/plan_entry/${entryId}`)).body.items).toHaveLength(1);

    expect((await office.get(`/api/v1/plan/tasks/${task.cg}`)).body.status).toBe('overdue'); // claimed done, not yet accepted
    expect((await office.get('/api/v1/todos')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'entries_to_review', count: 1 })]));
    expect((await liaison.post(`/api/v1/plan/entries/${entryId}/review`, { decision: 'accept' })).status).toBe(403);
    expect((await officeJf.post(`/api/v1/plan/entries/${entryId}/review`, { decision: 'accept' })).status).toBe(404);
    const ret = await office.post(`/api/v1/plan/entries/${entryId}/review`, { decision: 'return', comment: '请补充区政府常务会审定文件' });
    expect(ret.body.review).toBe('returned');
    expect((await office.post(`/api/v1/plan/entries/${entryId}/review`, { decision: 'accept' })).body.error.code).toBe('ENTRY_NOT_PENDING');
    expect((await liaison.get('/api/v1/todos')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'entries_returned', count: 1 })]));
    expect((await street.put(`/api/v1/plan/entries/${entryId}`, { entryDate: '2020-09-25', text: '改别人的', claimedStatus: 'done' })).status).toBe(403);
    const fix = await liaison.put(`/api/v1/plan/entries/${entryId}`, { entryDate: '2020-09-28', text: '已完成权责清单调整，经区政府第12次常务会审定并公布', claimedStatus: 'done' });
    expect(fix.body.review).toBe('pending');
    const ok = await office.post(`/api/v1/plan/entries/${entryId}/review`, { decision: 'accept' });
    expect(ok.body.review).toBe('accepted');
    const tk = await office.get(`/api/v1/plan/tasks/${task.cg}`);
    expect(tk.body.status).toBe('done');
    expect(tk.body.doneDate).toBe('2020-09-28');
    expect(tk.body.canReport).toBe(false);
    expect((await liaison.put(`/api/v1/plan/entries/${entryId}`, { entryDate: '2020-09-28', text: '再改', claimedStatus: 'done' })).body.error.code).toBe('ENTRY_ALREADY_ACCEPTED');
    expect((await liaison.post(`/api/v1/plan/tasks/${task.cg}/entries`, { entryDate: '2020-10-01', text: '追加', claimedStatus: 'in_progress' })).body.error.code).toBe('TASK_ALREADY_DONE');
    const dl = await t.db.selectFrom('deadlines').select('status').where('entity_id', '=', task.cg).executeTakeFirstOrThrow();
    expect(dl.status).toBe('done');
    const hist = await liaison.get(`/api/v1/history/plan_entry/${entryId}`);
    expect(hist.body.items.map((h: { action: string }) => h.action)).toEqual(['create', 'upload', 'return', 'resubmit', 'accept']);
  });
  it('lets a co-unit report on the lead unit’s task, and refuses a future date', async () => {
    const e = await street.post(`/api/v1/plan/tasks/${task.q}/entries`, { entryDate: '2020-03-30', text: '配合报送', claimedStatus: 'in_progress' });
    expect(e.status).toBe(404); // 府城街道 is not on the quarterly task
    const f = await liaison.post(`/api/v1/plan/tasks/${task.q}/entries`, { entryDate: addDays(today(), 5), text: '未来的进展', claimedStatus: 'in_progress' });
    expect(f.body.error.code).toBe('ENTRY_DATE_FUTURE');
    const q1 = await liaison.post(`/api/v1/plan/tasks/${task.q}/entries`, { entryDate: '2020-03-30', text: '一季度执法统计数据已报送', claimedStatus: 'in_progress' });
    expect(q1.status).toBe(201);
    const d = await t.db.selectFrom('deadlines').select('due_date').where('entity_id', '=', task.q).executeTakeFirstOrThrow();
    expect(d.due_date).toBe('2020-06-30'); // the deadline moved on to the second quarter
    const detail = await liaison.get(`/api/v1/plan/tasks/${task.q}`);
    expect(detail.body.obligations.map((o: { metOn: string | null }) => o.metOn)).toEqual(['2020-03-30', null, null, null]);
  });
  it('rolls up key works by counting done tasks', async () => {
    const p = await office.get(`/api/v1/plan/plans/${planId}`);
    expect(p.body.rollUp).toEqual({ total: 3, done: 1, overdue: 2, complete: false, progress: 33.3 });
    expect(p.body.keyWorks.map((k: { done: number; total: number }) => [k.done, k.total])).toEqual([[1, 2], [0, 1]]);
    const rules = await liaison.get('/api/v1/plan/rules');
    expect(rules.body.statuses.map((s: { status: string }) => s.status)).toEqual(['done', 'overdue', 'returned', 'due_soon', 'in_progress', 'not_started']);
    expect(rules.body.rollUp[1]).toContain('不对百分比取平均');
  });
  it('filters the ledger by status and unit in the SQL, with the right totals', async () => {
    expect((await office.get('/api/v1/plan/tasks?status=done')).body).toMatchObject({ total: 1, items: [{ id: task.cg }] });
    expect((await office.get('/api/v1/plan/tasks?status=overdue&pageSize=1')).body).toMatchObject({ total: 2 });
    expect((await office.get(`/api/v1/plan/tasks?unitId=${u['府城街道办事处']}`)).body.total).toBe(1);
    expect((await office.get('/api/v1/plan/tasks?sort=status')).status).toBe(400);
  });
});

describe('due soon and to-dos in the current year', () => {
  it('shows a task due within three days as 临期 and puts co-operated tasks in the co-unit’s to-dos', async () => {
    const now = today();
    const cal = new WorkCalendar();
    const due = cal.nextWorkdayOnOrAfter(addDays(now, 1));
    const year = Number(now.slice(0, 4));
    const p = await office.post('/api/v1/plan/plans', { year, kind: 'custom', kindLabel: '专项整治', title: `${year}年执法专项整治安排` });
    const kw = await office.post(`/api/v1/plan/plans/${p.body.id}/key-works`, { title: '开展执法专项整治' });
    const tk = await office.post('/api/v1/plan/tasks', { keyWorkId: kw.body.id, title: '开展占道经营专项整治', unitId: u['区城市管理局'], coUnitIds: [u['府城街道办事处']], dueDate: due });
    await office.post(`/api/v1/plan/plans/${p.body.id}/publish`);
    const r = await head.get(`/api/v1/plan/tasks/${tk.body.id}`);
    expect(r.body.status).toBe(due <= addDays(now, 3) ? 'due_soon' : 'not_started');
    const todos = await street.get('/api/v1/todos');
    if (due <= addDays(now, 3)) expect(todos.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'co_tasks_due', count: 1 })]));
    expect((await liaison.get('/api/v1/todos')).body.deadlines.find((d: { entityId: string }) => d.entityId === tk.body.id).dueDate).toBe(due);
  });
});

describe('Excel', () => {
  const headers = ['重点工作', '纲要领域', '重点任务', '工作措施', '牵头单位', '配合单位', '责任领导', '完成时限', '预期成果'];
  it('imports a plan from the ledger layout all-or-nothing, listing every bad cell', async () => {
    const p = await office.post('/api/v1/plan/plans', { year: 2020, kind: 'reform', title: '中站区人民政府推进政府职能转变和“放管服”改革2020年重点工作' });
    const bad = await workbook('重点任务', headers, [
      ['深化行政审批制度改革', '依法全面履行政府职能', '推行“一件事”集成服务', '梳理高频事项', '区行政审批和政务信息管理局', '区市场监督管理局、区不存在局', '王副区长', '2020-06-30', '上线运行'],
      ['深化行政审批制度改革', '', '压缩企业开办时间', '', '区虚构局', '', '', '2021-01-01', ''],
      ['', '', '', '', '', '', '', '', ''],
      ['优化营商环境', '', '开展“双随机、一公开”', '', '区市场监督管理局', '', '', '每季度', ''],
      ['优化营商环境', '', '', '', '区市场监督管理局', '', '', '某天', ''],
    ]);
    const dry = await upload(t, office, `/api/v1/plan/plans/${p.body.id}/import?dryRun=1`, bad);
    expect(dry.status).toBe(200);
    expect(dry.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`).sort()).toEqual(['2:配合单位', '3:完成时限', '3:牵头单位', '6:完成时限', '6:重点任务'].sort());
    const commitBad = await upload(t, office, `/api/v1/plan/plans/${p.body.id}/import?dryRun=0`, bad);
    expect(commitBad.body.committed).toBe(0);
    expect((await office.get(`/api/v1/plan/plans/${p.body.id}`)).body.keyWorks).toHaveLength(0);
    expect((await upload(t, liaison, `/api/v1/plan/plans/${p.body.id}/import?dryRun=1`, bad)).status).toBe(403);
    expect((await upload(t, officeJf, `/api/v1/plan/plans/${p.body.id}/import?dryRun=1`, bad)).status).toBe(404);

    const good = await workbook('重点任务', headers, [
      ['深化行政审批制度改革', '依法全面履行政府职能', '推行“一件事”集成服务', '梳理高频事项', '区行政审批和政务信息管理局', '区市场监督管理局', '王副区长', '2020年6月30日', '上线运行'],
      ['深化行政审批制度改革', '', '压缩企业开办时间至3个工作日', '', '区市场监督管理局', '', '', '2020/9/30', ''],
      ['优化营商环境', '', '开展“双随机、一公开”监管', '', '区市场监督管理局', '区城市管理局', '', '每季度', ''],
    ]);
    const ok = await upload(t, office, `/api/v1/plan/plans/${p.body.id}/import?dryRun=0`, good);
    expect(ok.body).toMatchObject({ errors: [], committed: 3 });
    const detail = await office.get(`/api/v1/plan/plans/${p.body.id}`);
    expect(detail.body.keyWorks.map((k: { title: string; total: number }) => [k.title, k.total])).toEqual([['深化行政审批制度改革', 2], ['优化营商环境', 1]]);
    const tasks = await office.get(`/api/v1/plan/tasks?planId=${p.body.id}`);
    expect(tasks.body.items.map((x: { code: string; dueDate: string; recurrence: string }) => [x.code, x.dueDate, x.recurrence])).toEqual([['1.1', '2020-06-30', 'none'], ['1.2', '2020-09-30', 'none'], ['2.1', '2020-12-31', 'quarterly']]);
    expect((await office.post(`/api/v1/plan/plans/${p.body.id}/publish`)).status).toBe(200);
    expect((await upload(t, office, `/api/v1/plan/plans/${p.body.id}/import?dryRun=1`, good)).body.errors[0].message).toContain('已印发');
  });

  it('exports the ledger with its entries, filtered by status, unit and plan', async () => {
    const all = await download(office, `/api/v1/plan/tasks/export?planId=${planId}`);
    expect(all.status).toBe(200);
    const ws = all.wb.worksheets[0];
    expect(dataRows(ws)).toBe(3);
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    const cgRow = [2, 3, 4].map((r) => ws.getRow(r)).find((r) => r.getCell(col('任务ID')).text === task.cg)!;
    expect(cgRow.getCell(col('状态')).text).toBe('已完成');
    expect(cgRow.getCell(col('进展情况')).text).toContain('经区政府第12次常务会审定并公布');
    expect(cgRow.getCell(col('配合单位')).text).toBe('府城街道办事处');
    const done = await download(office, `/api/v1/plan/tasks/export?planId=${planId}&status=done`);
    expect(dataRows(done.wb.worksheets[0])).toBe(1);
    const mine = await download(liaison2, '/api/v1/plan/tasks/export');
    expect(mine.wb.worksheets[0].getRow(2).getCell(1).text).toBe(task.sj);
  });

  it('updates progress from the filled-in ledger, refusing the whole file when a row is another unit’s task', async () => {
    const headersP = ['任务ID', '重点任务', '本次进展日期', '本次进展情况', '本次完成情况'];
    const bad = await workbook('工作台账', headersP, [
      [task.q, '按季度报送行政执法统计数据', '2020-06-29', '二季度执法统计数据已报送', '推进中'],
      [task.sj, '推进“双随机、一公开”监管全覆盖', '2020-06-29', '冒名更新市场监管局任务', '已完成'],
      [task.cg, '动态调整权责清单', '', '', ''], // no new progress: left alone
    ]);
    const before = await t.db.selectFrom('plan_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const r = await upload(t, liaison, '/api/v1/plan/progress/import?dryRun=0', bad);
    expect(r.status).toBe(200);
    expect(r.body.committed).toBe(0);
    expect(r.body.errors).toEqual([{ row: 3, column: '任务ID', message: '任务不存在或无权访问' }]);
    const after = await t.db.selectFrom('plan_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const good = await workbook('工作台账', headersP, [
      [task.q, '按季度报送行政执法统计数据', '2020-06-29', '二季度执法统计数据已报送', '推进中'],
      [task.cg, '动态调整权责清单', '', '', ''],
    ]);
    const ok = await upload(t, liaison, '/api/v1/plan/progress/import?dryRun=0', good);
    expect(ok.body.errors).toEqual([]);
    const detail = await liaison.get(`/api/v1/plan/tasks/${task.q}`);
    expect(detail.body.entries.map((e: { text: string }) => e.text)).toContain('二季度执法统计数据已报送');
    expect(detail.body.obligations.map((o: { metOn: string | null }) => o.metOn)).toEqual(['2020-03-30', '2020-06-29', null, null]);
    expect((await upload(t, leader, '/api/v1/plan/progress/import?dryRun=1', good)).status).toBe(403);
  });
});
