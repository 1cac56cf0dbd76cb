import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { addDays, loadCalendar, today as todayFn, type WorkCalendar } from '../../core/calendar/index.js';
import { closeDeadline, setDeadline } from '../../core/deadlines/index.js';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors/index.js';
import { paginate } from '../../core/list.js';
import type { TodoItem } from '../../core/module.js';
import {
  DEFAULT_WRITE, hasRole, inGovernedRegions, mayWriteAt, OFFICE_WRITE, requireRole, writeRegionPaths, writeScope, writeUnits, type Actor,
} from '../../core/scope/index.js';
import { actorRegion, regionById, unitsById, unitWithin } from '../org/lookup.js';
import { factsOf, periodEnds, periodOf, statusSql, type RuleEntry } from './rules.js';
import { Entries, KeyWorks, Plans, REPORT_WRITE, Tasks } from './records.js';
import type { EntryInput, EntryListQuery, KeyWorkInput, PlanInput, PlanListQuery, ReviewInput, TaskInput, TaskListQuery, TaskStatus, Recurrence } from './schema.js';

const KEY_WORK = { zh: '重点工作', en: 'Key work' };

/** SQL: the actor is the office of the record's region (plans, reviews, assessment). */
export const officeSql = (actor: Actor, regionCol: string): Expression<SqlBool> => writeScope(actor, { region: regionCol }, OFFICE_WRITE);

/**
 * SQL: the actor may report progress on the task `alias` — the office region-wide, or the head or
 * liaison of its lead unit or a co-unit.
 */
export function reportSql(actor: Actor, alias = 't'): Expression<SqlBool> {
  return Tasks.writeWhere(actor, alias, REPORT_WRITE);
}

/** Whether the actor is the office of a region (or above it). */
export function isOfficeOf(db: Db, actor: Actor, regionId: string) {
  return mayWriteAt(db, actor, regionId, null, OFFICE_WRITE);
}

/** Units allowed to report on a task: its lead unit and co-units. */
async function taskUnits(db: Db, taskId: string, leadId: string) {
  const co = await db.selectFrom('plan_task_units').select('unit_id').where('task_id', '=', taskId).execute();
  return [leadId, ...co.map((c) => c.unit_id)];
}

/** The units of a task through which the actor may report (unit head/liaison for their unit; the office for any). */
export async function reportingUnits(db: Db, actor: Actor, regionId: string, units: string[]): Promise<string[]> {
  if (await mayWriteAt(db, actor, regionId, null, DEFAULT_WRITE)) return units;
  const mine = writeUnits(actor, DEFAULT_WRITE);
  return units.filter((u) => mine.includes(u));
}

/** 409 unless the plan is still a draft. */
function assertDraft(p: { status: string }) {
  if (p.status !== 'draft')
    throw conflict('PLAN_ALREADY_PUBLISHED', { zh: '计划已印发，不能再修改其重点工作和任务；如需调整请另行印发补充计划', en: 'The plan is published and can no longer be changed' });
}

// ---------------------------------------------------------------- plans

/** Plans the actor can see, paged and filtered in the SQL (ties broken by id). */
export async function listPlans(db: Db, actor: Actor, q: z.infer<typeof PlanListQuery>) {
  const base = db
    .selectFrom('plan_plans as p')
    .select((eb) => [
      'p.id', 'p.region_id', 'p.year', 'p.kind', 'p.kind_label', 'p.title', 'p.doc_no', 'p.status', 'p.published_at',
      eb.selectFrom('plan_key_works as kw').whereRef('kw.plan_id', '=', 'p.id').select(sql<number>`count(*)`.as('n')).as('key_works'),
      eb.selectFrom('plan_tasks as t').whereRef('t.plan_id', '=', 'p.id').select(sql<number>`count(*)`.as('n')).as('tasks'),
      eb.selectFrom('plan_tasks as t').whereRef('t.plan_id', '=', 'p.id').where('t.done_date', 'is not', null).select(sql<number>`count(*)`.as('n')).as('done'),
    ])
    .where(Plans.readWhere(actor))
    .$if(!!q.year, (b) => b.where('p.year', '=', q.year!))
    .$if(!!q.kind, (b) => b.where('p.kind', '=', q.kind!))
    .$if(!!q.status, (b) => b.where('p.status', '=', q.status!))
    .$if(!!q.q, (b) => b.where('p.title', 'like', `%${q.q}%`));
  return paginate(base, q, { year: 'p.year', title: 'p.title', kind: 'p.kind', status: 'p.status' }, { column: 'p.year', order: 'desc' }, 'p.id');
}

/** Creates a draft plan (the office, in its region or one below it). */
export async function createPlan(db: Kysely<Database>, actor: Actor, input: z.infer<typeof PlanInput>) {
  requireRole(actor, 'office');
  const regionId = input.regionId ?? (await actorRegion(db, actor))?.id;
  if (!regionId) throw forbidden();
  return db.transaction().execute((trx) =>
    Plans.insert(trx, actor, {
      region_id: regionId, year: input.year, kind: input.kind, kind_label: input.kind === 'custom' ? input.kindLabel! : null, title: input.title, doc_no: input.docNo ?? null, created_by: actor.userId,
    }),
  );
}

/** A plan the actor may read, or 404. */
export const getPlanRow = (db: Db, actor: Actor, id: string) => Plans.get(db, actor, id);

/** Edits a draft plan's header. */
export async function updatePlan(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof PlanInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await Plans.lockForWrite(trx, actor, id);
    assertDraft(before);
    return Plans.update(trx, actor, before, { year: input.year, kind: input.kind, kind_label: input.kind === 'custom' ? input.kindLabel! : null, title: input.title, doc_no: input.docNo ?? null });
  });
}

/** Adds a key work (重点工作) to a draft plan, numbered after the last. */
export async function addKeyWork(db: Kysely<Database>, actor: Actor, planId: string, input: z.infer<typeof KeyWorkInput>) {
  return db.transaction().execute(async (trx) => {
    const p = await Plans.lockForWrite(trx, actor, planId);
    assertDraft(p);
    return insertKeyWork(trx, actor, p, input.title, input.area ?? null);
  });
}

/** Inserts a key work at the next number (or returns the existing one of that title); the plan is locked by the caller. */
export async function insertKeyWork(trx: Db, actor: Actor, p: { id: string; region_id: string }, title: string, area: string | null) {
  const existing = await trx.selectFrom('plan_key_works').selectAll().where('plan_id', '=', p.id).where('title', '=', title).executeTakeFirst();
  if (existing) return existing;
  const max = await trx.selectFrom('plan_key_works').select(sql<number>`coalesce(max(seq), 0)`.as('m')).where('plan_id', '=', p.id).executeTakeFirstOrThrow();
  return KeyWorks.insert(trx, actor, { plan_id: p.id, region_id: p.region_id, seq: Number(max.m) + 1, title, area });
}

/** The units among `ids` that lie in the plan's region (or below), with their names. */
export async function checkUnits(db: Db, regionId: string, ids: string[]): Promise<Map<string, string>> {
  const region = await regionById(db, regionId);
  const units = await unitsById(db, ids);
  const out = new Map<string, string>();
  if (!region) return out;
  for (const u of units.values()) if (await unitWithin(db, u.id, [region.path])) out.set(u.id, u.name);
  return out;
}

/** A key work in a plan the actor reads (with its plan), or 404. */
async function keyWorkOf(db: Db, actor: Actor, keyWorkId: string) {
  const kw = await db
    .selectFrom('plan_key_works as kw')
    .innerJoin('plan_plans as p', 'p.id', 'kw.plan_id')
    .selectAll('kw')
    .where('kw.id', '=', keyWorkId)
    .where(Plans.readWhere(actor))
    .executeTakeFirst();
  if (!kw) throw notFound(KEY_WORK);
  return kw;
}

/** Adds a task to a draft plan. */
export async function createTask(db: Kysely<Database>, actor: Actor, input: z.infer<typeof TaskInput>) {
  return db.transaction().execute(async (trx) => {
    const kw = await keyWorkOf(trx, actor, input.keyWorkId);
    const p = await Plans.lockForWrite(trx, actor, kw.plan_id);
    assertDraft(p);
    await assertTaskFields(trx, p, input);
    const max = await trx.selectFrom('plan_tasks').select(sql<number>`coalesce(max(seq), 0)`.as('m')).where('key_work_id', '=', kw.id).executeTakeFirstOrThrow();
    return insertTask(trx, actor, p, kw, Number(max.m) + 1, input);
  });
}

async function assertTaskFields(trx: Db, p: { region_id: string; year: number }, input: z.infer<typeof TaskInput>) {
  const known = await checkUnits(trx, p.region_id, [input.unitId, ...input.coUnitIds]);
  const fields: { path: string; message: string }[] = [];
  if (!known.has(input.unitId)) fields.push({ path: 'unitId', message: '牵头单位不在本辖区' });
  if (input.coUnitIds.some((u) => !known.has(u))) fields.push({ path: 'coUnitIds', message: '配合单位不在本辖区' });
  if (input.coUnitIds.includes(input.unitId)) fields.push({ path: 'coUnitIds', message: '配合单位不能与牵头单位相同' });
  if (!input.dueDate.startsWith(String(p.year)) && input.dueDate.slice(0, 4) !== String(p.year + 1))
    fields.push({ path: 'dueDate', message: `完成时限应在${p.year}年度内` });
  if (fields.length) throw badRequest('TASK_INVALID', { zh: `任务信息有误：${fields.map((f) => f.message).join('；')}`, en: 'Invalid task' }, { fields });
}

/** Inserts a task and its co-units (audited; the plan is locked by the caller). */
export async function insertTask(
  trx: Db,
  actor: Actor,
  p: { id: string; region_id: string },
  kw: { id: string; seq: number },
  seq: number,
  input: { title: string; content?: string | null; expectedOutcome?: string | null; unitId: string; coUnitIds: string[]; leader?: string | null; recurrence: Recurrence; dueDate: string },
  action = 'create',
) {
  const co = [...new Set(input.coUnitIds)].filter((u) => u !== input.unitId);
  const row = await Tasks.insert(trx, actor, {
    plan_id: p.id, key_work_id: kw.id, region_id: p.region_id, unit_id: input.unitId, seq, ord: kw.seq * 1000 + seq,
    title: input.title, content: input.content ?? null, expected_outcome: input.expectedOutcome ?? null, leader: input.leader ?? null,
    recurrence: input.recurrence, due_date: input.dueDate, current_due: null, done_date: null, latest_review: null,
  }, action);
  if (co.length) {
    await trx.insertInto('plan_task_units').values(co.map((u) => ({ task_id: row.id, unit_id: u }))).execute();
    await Tasks.audit(trx, actor, 'set_co_units', null, { ...row, coUnitIds: co });
  }
  return row;
}

/** Edits a task of a draft plan (the plan is locked first, then the task, as publication does). */
export async function updateTask(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof TaskInput>) {
  return db.transaction().execute(async (trx) => {
    const seen = await Tasks.get(trx, actor, id);
    const p = await Plans.lockForWrite(trx, actor, seen.plan_id);
    assertDraft(p);
    const before = await Tasks.lockForWrite(trx, actor, id);
    const kw = await trx.selectFrom('plan_key_works').selectAll().where('id', '=', input.keyWorkId).where('plan_id', '=', p.id).executeTakeFirst();
    if (!kw) throw badRequest('KEY_WORK_NOT_IN_PLAN', { zh: '重点工作不属于该计划', en: 'Key work is not in this plan' }, { fields: [{ path: 'keyWorkId', message: '重点工作不属于该计划' }] });
    await assertTaskFields(trx, p, input);
    const seq = kw.id === before.key_work_id ? before.seq : Number((await trx.selectFrom('plan_tasks').select(sql<number>`coalesce(max(seq), 0)`.as('m')).where('key_work_id', '=', kw.id).executeTakeFirstOrThrow()).m) + 1;
    const after = await Tasks.update(trx, actor, before, {
      key_work_id: kw.id, seq, ord: kw.seq * 1000 + seq, unit_id: input.unitId, title: input.title, content: input.content ?? null,
      expected_outcome: input.expectedOutcome ?? null, leader: input.leader ?? null, recurrence: input.recurrence, due_date: input.dueDate,
    });
    const oldCo = (await trx.selectFrom('plan_task_units').select('unit_id').where('task_id', '=', id).execute()).map((c) => c.unit_id).sort();
    const co = [...new Set(input.coUnitIds)].filter((u) => u !== input.unitId).sort();
    if (oldCo.join() !== co.join()) {
      await trx.deleteFrom('plan_task_units').where('task_id', '=', id).execute();
      if (co.length) await trx.insertInto('plan_task_units').values(co.map((u) => ({ task_id: id, unit_id: u }))).execute();
      await Tasks.audit(trx, actor, 'set_co_units', { coUnitIds: oldCo }, { ...after, coUnitIds: co });
    }
    return after;
  });
}

/** Removes a task from a draft plan. */
export async function deleteTask(db: Kysely<Database>, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const seen = await Tasks.get(trx, actor, id);
    const p = await Plans.lockForWrite(trx, actor, seen.plan_id);
    assertDraft(p);
    await Tasks.remove(trx, actor, await Tasks.lockForWrite(trx, actor, id));
  });
}

/**
 * Publishes (印发) a draft plan: draft → published, enforced here and by the table's CHECK. Every
 * task then gets its deadline in the shared deadline store, so it shows in its lead unit's to-do list.
 */
export async function publishPlan(db: Kysely<Database>, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const p = await Plans.lockForWrite(trx, actor, id);
    assertDraft(p);
    const kws = await trx
      .selectFrom('plan_key_works as kw')
      .select(['kw.id', 'kw.title', sql<number>`(select count(*) from plan_tasks t where t.key_work_id = kw.id)`.as('n')])
      .where('kw.plan_id', '=', id)
      .orderBy('kw.seq')
      .execute();
    if (!kws.length) throw conflict('PLAN_EMPTY', { zh: '计划尚无重点工作和任务，不能印发', en: 'The plan has no key works or tasks' });
    const empty = kws.filter((k) => Number(k.n) === 0);
    if (empty.length)
      throw conflict('KEY_WORK_WITHOUT_TASKS', { zh: `重点工作“${empty[0].title}”尚未分解任务，不能印发（每项重点工作须细化分解为重点任务）`, en: 'Every key work needs at least one task' }, { keyWorks: empty.map((k) => k.id) });
    const after = await Plans.update(trx, actor, p, { status: 'published', published_at: new Date(), published_by: actor.userId }, 'publish');
    const cal = await loadCalendar(trx);
    const tasks = await trx.selectFrom('plan_tasks').select('id').where('plan_id', '=', id).execute();
    for (const t of tasks) await refreshTask(trx, t.id, cal);
    return after;
  });
}

/**
 * Recomputes a task's ledger facts from its entries (see rules.ts) and keeps its deadline in the
 * shared store: the current period's deadline while open, closed once done. Call inside the write's
 * transaction, after the write has been checked against the actor's scope (it derives, never decides).
 */
export async function refreshTask(trx: Db, taskId: string, cal?: WorkCalendar) {
  const t = await trx
    .selectFrom('plan_tasks as t')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.title', 't.region_id', 't.unit_id', 't.recurrence', 't.due_date', 'p.year', 'p.status', 'p.title as plan_title'])
    .where('t.id', '=', taskId)
    .executeTakeFirstOrThrow();
  const calendar = cal ?? (await loadCalendar(trx));
  const entries = await trx.selectFrom('plan_entries').select(['id', 'entry_date', 'period_end', 'claimed_status', 'review', 'created_at', 'updated_at']).where('task_id', '=', taskId).execute();
  const facts = factsOf(
    { year: t.year, recurrence: t.recurrence, dueDate: t.due_date, published: t.status === 'published' },
    entries.map(toRuleEntry),
    calendar,
  );
  await trx
    .updateTable('plan_tasks')
    .set({ current_due: facts.currentDue, done_date: facts.doneDate, latest_review: facts.latestReview, active_entries: facts.activeEntries })
    .where('id', '=', taskId)
    .execute();
  if (t.status !== 'published') return facts;
  if (facts.doneDate) {
    await closeDeadline(trx, 'plan_task', taskId, 'task', 'done');
    return facts;
  }
  const open = facts.obligations.find((o) => !o.metOn) ?? facts.obligations[facts.obligations.length - 1];
  await setDeadline(
    trx,
    {
      module: 'plan', entity: 'plan_task', entityId: taskId, kind: 'task',
      title:
        t.recurrence === 'none'
          ? { zh: `完成重点任务：${t.title}`, en: `Complete the key task: ${t.title}` }
          : { zh: `报送${t.recurrence === 'quarterly' ? '本季度' : '本月'}进展：${t.title}`, en: `Report this ${t.recurrence === 'quarterly' ? 'quarter' : 'month'}'s progress: ${t.title}` },
      regionId: t.region_id, unitId: t.unit_id,
      // The plan fixes the date; a last day on a holiday moves to the next working day (民法典 第二百零三条).
      spec: { from: open.periodEnd, unit: 'ND', n: 0, rollOver: true },
      basis: `《${t.plan_title}》确定的完成时限；期限最后一日为休息日或法定休假日的，顺延至其后第一个工作日（民法典第二百零三条）`,
    },
    calendar,
  );
  return facts;
}

/** Entry row → rules input. The latest entry is the last created or corrected. */
export function toRuleEntry(e: { id: string; entry_date: string; period_end?: string | null; claimed_status: 'in_progress' | 'done'; review: 'pending' | 'accepted' | 'returned'; created_at: Date; updated_at: Date }): RuleEntry {
  return { id: e.id, entryDate: e.entry_date, periodEnd: e.period_end ?? null, claimedStatus: e.claimed_status, review: e.review, createdAt: e.updated_at > e.created_at ? e.updated_at : e.created_at };
}

/** A plan with its key works, their roll-up (done/total, overdue) and the rules. */
export async function getPlan(db: Db, actor: Actor, id: string, today = todayFn()) {
  const p = await db.selectFrom('plan_plans as p').selectAll('p').select(sql<boolean>`${officeSql(actor, 'p.region_id')}`.as('office')).where('p.id', '=', id).where(Plans.readWhere(actor)).executeTakeFirst();
  if (!p) throw notFound(Plans.label);
  const kws = await db.selectFrom('plan_key_works').selectAll().where('plan_id', '=', id).orderBy('seq').orderBy('id').execute();
  const tasks = await db
    .selectFrom('plan_tasks as t')
    .select(['t.key_work_id', statusSql(today).as('status')])
    .where('t.plan_id', '=', id)
    .where(Tasks.readWhere(actor))
    .execute();
  const { office, ...plan } = p;
  return { plan, office: !!office, keyWorks: kws.map((kw) => ({ ...kw, ...rollUp(tasks.filter((t) => t.key_work_id === kw.id).map((t) => t.status)) })), ...rollUp(tasks.map((t) => t.status)) };
}

/** Roll-up of task statuses: done when all are done; progress = done/total (see ROLLUP_RULES). */
export function rollUp(statuses: TaskStatus[]) {
  const total = statuses.length;
  const done = statuses.filter((s) => s === 'done').length;
  const overdue = statuses.filter((s) => s === 'overdue').length;
  return { total, done, overdue, complete: total > 0 && done === total, progress: total ? Math.round((done / total) * 1000) / 10 : null };
}

// ---------------------------------------------------------------- ledger

/** The ledger query (tasks in scope, with status derived in SQL and the actor's abilities). */
export function ledgerQuery(db: Db, actor: Actor, f: { planId?: string; unitId?: string; status?: TaskStatus; year?: number; kind?: string; q?: string }, today = todayFn()) {
  const status = statusSql(today);
  return db
    .selectFrom('plan_tasks as t')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .innerJoin('plan_key_works as kw', 'kw.id', 't.key_work_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select([
      't.id', 't.plan_id', 't.key_work_id', 't.region_id', 't.unit_id', 't.seq', 't.ord', 't.title', 't.content', 't.expected_outcome', 't.leader',
      't.recurrence', 't.due_date', 't.current_due', 't.done_date', 't.latest_review', 't.active_entries',
      'p.title as plan_title', 'p.status as plan_status', 'p.year', 'kw.seq as kw_seq', 'kw.title as kw_title', 'u.name as unit_name', status.as('status'),
      sql<boolean>`${Tasks.writeWhere(actor, 't')}`.as('may_edit'),
      sql<boolean>`${reportSql(actor, 't')}`.as('may_report'),
    ])
    .where(Tasks.readWhere(actor))
    .$if(!!f.planId, (b) => b.where('t.plan_id', '=', f.planId!))
    .$if(!!f.unitId, (b) => b.where((eb) => eb.or([eb('t.unit_id', '=', f.unitId!), eb.exists(eb.selectFrom('plan_task_units as cu2').select('cu2.task_id').whereRef('cu2.task_id', '=', 't.id').where('cu2.unit_id', '=', f.unitId!))])))
    .$if(!!f.status, (b) => b.where(sql<SqlBool>`${status} = ${f.status!}`))
    .$if(!!f.year, (b) => b.where('p.year', '=', f.year!))
    .$if(!!f.kind, (b) => b.where('p.kind', '=', f.kind! as never))
    .$if(!!f.q, (b) => b.where((eb) => eb.or([eb('t.title', 'like', `%${f.q}%`), eb('kw.title', 'like', `%${f.q}%`)])));
}

/** One page of the ledger, with co-units and the actor's abilities per task (ties broken by id). */
export async function listTasks(db: Db, actor: Actor, q: z.infer<typeof TaskListQuery>, today = todayFn()) {
  const page = await paginate(ledgerQuery(db, actor, q, today), q, { ord: 't.ord', dueDate: 't.current_due', title: 't.title', unit: 'u.name', plan: 'p.title' }, { column: 't.ord', order: 'asc' }, 't.id');
  const co = await coUnitsOf(db, actor, page.items.map((t) => t.id));
  return { ...page, items: page.items.map((t) => withAbilities(t, co.get(t.id) ?? [])) };
}

/** Co-units (id, name) of the tasks the actor reads. */
export async function coUnitsOf(db: Db, actor: Actor, taskIds: string[]) {
  const rows = taskIds.length
    ? await db
      .selectFrom('plan_task_units as cu')
      .innerJoin('plan_tasks as t', 't.id', 'cu.task_id')
      .innerJoin('units as u', 'u.id', 'cu.unit_id')
      .select(['cu.task_id', 'u.id', 'u.name'])
      .where('cu.task_id', 'in', taskIds)
      .where(Tasks.readWhere(actor))
      .orderBy('u.sort')
      .orderBy('u.id')
      .execute()
    : [];
  const m = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) m.set(r.task_id, [...(m.get(r.task_id) ?? []), { id: r.id, name: r.name }]);
  return m;
}

function withAbilities<T extends { plan_status: string; done_date: string | null; may_edit: boolean; may_report: boolean }>(t: T, co: { id: string; name: string }[]) {
  const { may_edit, may_report, ...rest } = t;
  return {
    ...rest,
    coUnits: co,
    canReport: t.plan_status === 'published' && !t.done_date && !!may_report,
    canEdit: t.plan_status === 'draft' && !!may_edit,
  };
}

/** The reporting periods of a task (recurring tasks), for the report form's choice. */
export function periodsOf(t: { year: number; recurrence: Recurrence; due_date: string }) {
  if (t.recurrence === 'none') return [];
  const ends = periodEnds(t.year, t.recurrence, t.due_date);
  return ends.map((end, i) => ({ periodStart: i === 0 ? `${t.year}-01-01` : addDays(ends[i - 1], 1), periodEnd: end }));
}

/** One task with its entries and obligations, if visible. */
export async function getTask(db: Db, actor: Actor, id: string, today = todayFn()) {
  const t = await ledgerQuery(db, actor, {}, today).select(sql<boolean>`${officeSql(actor, 't.region_id')}`.as('office')).where('t.id', '=', id).executeTakeFirst();
  if (!t) throw notFound(Tasks.label);
  const co = (await coUnitsOf(db, actor, [id])).get(id) ?? [];
  const entries = await db
    .selectFrom('plan_entries as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .leftJoin('users as us', 'us.id', 'e.created_by')
    .select([
      'e.id', 'e.task_id', 'e.region_id', 'e.unit_id', 'u.name as unit_name', 'e.entry_date', 'e.period_end', 'e.text', 'e.claimed_status', 'e.review', 'e.review_comment', 'e.reviewed_at',
      'e.created_at', 'e.updated_at', 'us.display_name as author', sql<boolean>`${Entries.writeWhere(actor, 'e')}`.as('may_write'),
    ])
    .where('e.task_id', '=', id)
    .where(Entries.readWhere(actor))
    .orderBy('e.entry_date')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  const cal = await loadCalendar(db);
  const facts = factsOf({ year: t.year, recurrence: t.recurrence, dueDate: t.due_date, published: t.plan_status === 'published' }, entries.map(toRuleEntry), cal);
  const { office, ...task } = t;
  return {
    task: withAbilities(task, co),
    obligations: facts.obligations,
    periods: periodsOf(t),
    entries: entries.map(({ may_write, ...e }) => ({
      ...e,
      canEdit: e.review !== 'accepted' && !!may_write,
      canReview: e.review === 'pending' && !!office,
    })),
  };
}

type Problem = { field: string; zh: string; en: string; code: string; status: number };

/**
 * Problems with an entry for a task, in words an official understands (shared by the form and the
 * spreadsheet), and the period a periodic task's entry is for: the one chosen, else the period
 * containing its date.
 */
export function entryProblems(
  t: { done_date: string | null; year: number; recurrence?: Recurrence; due_date?: string },
  input: { entryDate: string; periodEnd?: string | null },
  today = todayFn(),
): Problem[] & { periodEnd?: string | null } {
  const out: Problem[] & { periodEnd?: string | null } = [];
  if (t.done_date) out.push({ field: 'entryDate', code: 'TASK_ALREADY_DONE', status: 409, zh: '该任务已完成（进展已采纳），无需再报送', en: 'The task is already done' });
  if (input.entryDate > today) out.push({ field: 'entryDate', code: 'ENTRY_DATE_FUTURE', status: 400, zh: '进展日期不能晚于今天', en: 'The entry date cannot be in the future' });
  if (input.entryDate < `${t.year}-01-01`) out.push({ field: 'entryDate', code: 'ENTRY_DATE_BEFORE_PLAN', status: 400, zh: `进展日期不能早于计划年度（${t.year}年）`, en: 'The entry date is before the plan year' });
  out.periodEnd = null;
  if (t.recurrence && t.recurrence !== 'none' && t.due_date) {
    const periods = periodsOf({ year: t.year, recurrence: t.recurrence, due_date: t.due_date });
    const ends = periods.map((p) => p.periodEnd);
    const chosen = input.periodEnd ?? periodOf(ends, input.entryDate);
    const period = periods.find((p) => p.periodEnd === chosen);
    if (!period) out.push({ field: 'periodEnd', code: 'ENTRY_PERIOD_INVALID', status: 400, zh: '报送周期不是该任务的报送周期', en: 'Not a reporting period of this task' });
    else if (input.entryDate < period.periodStart)
      out.push({ field: 'periodEnd', code: 'ENTRY_PERIOD_NOT_STARTED', status: 400, zh: `进展日期早于所报周期（${period.periodStart}至${period.periodEnd}）的开始，不能提前报送`, en: 'The entry is dated before the period it reports on' });
    out.periodEnd = chosen;
  }
  return out;
}

function throwProblems(problems: Problem[]) {
  if (!problems.length) return;
  const p = problems[0];
  if (p.status === 409) throw conflict(p.code, { zh: p.zh, en: p.en });
  throw badRequest(p.code, { zh: p.zh, en: p.en }, { fields: problems.map((x) => ({ path: x.field, message: x.zh })) });
}

/** The plan facts a ledger write checks (year, published), for a task already locked in scope. */
async function planOfTask(trx: Db, planId: string) {
  return trx.selectFrom('plan_plans').select(['status', 'year']).where('id', '=', planId).executeTakeFirstOrThrow();
}

/**
 * Reports progress on a task. The lead unit and co-units report (unit head or liaison of that unit);
 * the office may report on the lead unit's behalf. The office then accepts or returns the entry.
 * A periodic task's report names the period it is for (default: the period containing its date).
 */
export async function addEntry(db: Kysely<Database>, actor: Actor, taskId: string, input: z.infer<typeof EntryInput>, today = todayFn()) {
  return db.transaction().execute(async (trx) => {
    const t = await Tasks.lockForWrite(trx, actor, taskId, REPORT_WRITE);
    const p = await planOfTask(trx, t.plan_id);
    if (p.status !== 'published') throw conflict('PLAN_NOT_PUBLISHED', { zh: '计划尚未印发，不能报送进展', en: 'The plan is not published yet' });
    const allowed = await taskUnits(trx, taskId, t.unit_id);
    const mine = await reportingUnits(trx, actor, t.region_id, allowed);
    if (!mine.length) throw forbidden({ zh: '只有牵头单位、配合单位可以报送该任务的进展', en: 'Only the lead unit and co-units report on this task' });
    const unitId = input.unitId ?? (actor.unitId && mine.includes(actor.unitId) ? actor.unitId : mine.includes(t.unit_id) ? t.unit_id : mine[0]);
    if (!allowed.includes(unitId))
      throw badRequest('ENTRY_UNIT_NOT_ON_TASK', { zh: '报送单位不是该任务的牵头或配合单位', en: 'The unit is neither lead nor co-unit of the task' }, { fields: [{ path: 'unitId', message: '报送单位不是该任务的牵头或配合单位' }] });
    if (!mine.includes(unitId)) throw forbidden({ zh: '不能以其他单位名义报送进展', en: 'You cannot report for another unit' });
    const problems = entryProblems({ ...t, year: p.year }, input, today);
    throwProblems(problems);
    const row = await insertEntry(trx, actor, t, { ...input, unitId, periodEnd: problems.periodEnd ?? null });
    await refreshTask(trx, taskId);
    return row;
  });
}

/** Inserts an entry, audited (form and spreadsheet); the task is locked in scope by the caller. */
export async function insertEntry(
  trx: Db,
  actor: Actor,
  t: { id: string; region_id: string },
  input: { entryDate: string; periodEnd: string | null; text: string; claimedStatus: 'in_progress' | 'done'; unitId: string },
) {
  return Entries.insert(trx, actor, {
    task_id: t.id, region_id: t.region_id, unit_id: input.unitId, entry_date: input.entryDate, period_end: input.periodEnd, text: input.text, claimed_status: input.claimedStatus, created_by: actor.userId,
  });
}

/** The task of an entry (locked with the entry's write). */
async function taskOfEntry(trx: Db, taskId: string) {
  return trx
    .selectFrom('plan_tasks as t')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .select(['t.recurrence', 't.due_date', 'p.year'])
    .where('t.id', '=', taskId)
    .executeTakeFirstOrThrow();
}

/** Corrects a pending or returned entry (its unit only); a returned entry goes back to the office for review. */
export async function updateEntry(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof EntryInput>, today = todayFn()) {
  return db.transaction().execute(async (trx) => {
    const before = await Entries.lockForWrite(trx, actor, id);
    if (before.review === 'accepted') throw conflict('ENTRY_ALREADY_ACCEPTED', { zh: '该进展已被采纳，不能修改；如有新进展请另行报送', en: 'An accepted entry cannot be changed' });
    if (input.unitId && input.unitId !== before.unit_id) throw badRequest('ENTRY_UNIT_FIXED', { zh: '不能变更报送单位', en: 'The reporting unit cannot change' }, { fields: [{ path: 'unitId', message: '不能变更报送单位' }] });
    const t = await taskOfEntry(trx, before.task_id);
    const problems = entryProblems({ done_date: null, ...t }, input, today);
    throwProblems(problems);
    const after = await Entries.update(
      trx, actor, before,
      { entry_date: input.entryDate, period_end: problems.periodEnd ?? null, text: input.text, claimed_status: input.claimedStatus, review: 'pending', review_comment: null, reviewed_by: null, reviewed_at: null, updated_at: new Date() },
      before.review === 'returned' ? 'resubmit' : 'update',
    );
    await refreshTask(trx, after.task_id);
    return after;
  });
}

/** The office accepts or returns (with a comment) a pending entry. */
export async function reviewEntry(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ReviewInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const before = await Entries.lockForWrite(trx, actor, id, OFFICE_WRITE);
    if (before.review !== 'pending') throw conflict('ENTRY_NOT_PENDING', { zh: '该进展已审核；退回的进展须由报送单位修改后重新提交', en: 'The entry was already reviewed' });
    const after = await Entries.update(
      trx, actor, before,
      { review: input.decision === 'accept' ? 'accepted' : 'returned', review_comment: input.comment ?? null, reviewed_by: actor.userId, reviewed_at: new Date() },
      input.decision,
    );
    await refreshTask(trx, after.task_id);
    return after;
  });
}

/** Entries in scope (the office's review queue; a unit's own entries), ties broken by id. */
export async function listEntries(db: Db, actor: Actor, q: z.infer<typeof EntryListQuery>) {
  const base = db
    .selectFrom('plan_entries as e')
    .innerJoin('plan_tasks as t', 't.id', 'e.task_id')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .select([
      'e.id', 'e.task_id', 'e.region_id', 'e.unit_id', 'u.name as unit_name', 't.title as task_title', 'p.title as plan_title', 'e.entry_date', 'e.period_end', 'e.text', 'e.claimed_status',
      'e.review', 'e.review_comment', 'e.created_at', sql<boolean>`${Entries.writeWhere(actor, 'e')}`.as('may_write'), sql<boolean>`${officeSql(actor, 'e.region_id')}`.as('office'),
    ])
    .where(Entries.readWhere(actor))
    .$if(!!q.review, (b) => b.where('e.review', '=', q.review!))
    .$if(!!q.taskId, (b) => b.where('e.task_id', '=', q.taskId!))
    .$if(!!q.unitId, (b) => b.where('e.unit_id', '=', q.unitId!))
    .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('e.text', 'like', `%${q.q}%`), eb('t.title', 'like', `%${q.q}%`)])));
  const page = await paginate(base, q, { entryDate: 'e.entry_date', createdAt: 'e.created_at', unit: 'u.name' }, { column: 'e.created_at', order: 'desc' }, 'e.id');
  return {
    ...page,
    items: page.items.map(({ may_write, office, ...e }) => ({
      ...e,
      canReview: e.review === 'pending' && !!office,
      canEdit: e.review !== 'accepted' && !!may_write,
    })),
  };
}

/** Entries of the given tasks the actor reads, in ledger order (for the ledger export). */
export async function entriesOfTasks(db: Db, actor: Actor, taskIds: string[]) {
  if (!taskIds.length) return [];
  return db
    .selectFrom('plan_entries as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.task_id', 'e.entry_date', 'e.text', 'e.review', 'u.name as unit_name'])
    .where('e.task_id', 'in', taskIds)
    .where(Entries.readWhere(actor))
    .orderBy('e.entry_date')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

/**
 * To-dos beyond deadlines: the office's entries waiting for review; a unit's returned entries and
 * the tasks it co-operates on that are due soon or overdue (the lead unit gets the deadline itself).
 */
export async function planTodos(db: Db, actor: Actor, today = todayFn()): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  const officePaths = writeRegionPaths(actor, OFFICE_WRITE);
  if (officePaths.length) {
    const r = await db.selectFrom('plan_entries as e').select(sql<number>`count(*)`.as('n')).where(inGovernedRegions('e.region_id', officePaths)).where('e.review', '=', 'pending').executeTakeFirstOrThrow();
    if (Number(r.n)) out.push({ module: 'plan', kind: 'entries_to_review', title: { zh: '待审核的台账进展', en: 'Ledger reports to review' }, count: Number(r.n), href: '/plan/entries?review=pending' });
  }
  const units = writeUnits(actor, DEFAULT_WRITE);
  if (units.length) {
    const returned = await db.selectFrom('plan_entries').select(sql<number>`count(*)`.as('n')).where('unit_id', 'in', units).where('review', '=', 'returned').executeTakeFirstOrThrow();
    if (Number(returned.n)) out.push({ module: 'plan', kind: 'entries_returned', title: { zh: '被退回待修改的台账进展', en: 'Ledger reports sent back for correction' }, count: Number(returned.n), href: '/plan/tasks?status=returned' });
    const co = await db
      .selectFrom('plan_tasks as t')
      .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
      .innerJoin('plan_task_units as cu', 'cu.task_id', 't.id')
      .select(sql<number>`count(distinct t.id)`.as('n'))
      .where('p.status', '=', 'published')
      .where('cu.unit_id', 'in', units)
      .where(sql<SqlBool>`${statusSql(today)} in ('due_soon','overdue')`)
      .executeTakeFirstOrThrow();
    if (Number(co.n)) out.push({ module: 'plan', kind: 'co_tasks_due', title: { zh: '配合的重点任务临期或逾期', en: 'Tasks you co-operate on, due soon or overdue' }, count: Number(co.n), href: '/plan/tasks?status=due_soon' });
  }
  return out;
}

/** Whether the actor is region staff who may see the office's views. */
export const isRegionReader = (a: Actor) => a.isAdmin || hasRole(a, 'office', 'leader', 'viewer');
