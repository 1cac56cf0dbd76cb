import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { addDays, loadCalendar, today as todayFn, type WorkCalendar } from '../../core/calendar/index.js';
import { closeDeadline, setDeadline } from '../../core/deadlines/index.js';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors/index.js';
import { paginate as corePaginate, type PageQuery, type PageResult } from '../../core/list.js';
import type { TodoItem } from '../../core/module.js';
import {
  auditActor, canWriteAt, DEFAULT_WRITE, hasRole, OFFICE_WRITE, readRegions, readUnits, requireRole, type Actor,
} from '../../core/scope/index.js';
import { regionSubtree } from '../org/service.js';
import { factsOf, statusSql, type RuleEntry } from './rules.js';
import type { EntryInput, EntryListQuery, KeyWorkInput, PlanInput, PlanListQuery, ReviewInput, TaskInput, TaskListQuery, TaskStatus, Recurrence } from './schema.js';

const PLAN = { zh: '计划', en: 'Plan' };
const TASK = { zh: '重点任务', en: 'Task' };
const ENTRY = { zh: '进展记录', en: 'Ledger entry' };
const KEY_WORK = { zh: '重点工作', en: 'Key work' };
const NONE = '00000000-0000-0000-0000-000000000000';

/** core/list's `paginate`, typed for queries over aliased tables (core types it on the bare Database). */
export function paginate<O>(qb: SelectQueryBuilder<any, any, O>, q: PageQuery, sortable: Record<string, string>, def: { column: string; order: 'asc' | 'desc' }): Promise<PageResult<O>> {
  return corePaginate(qb as never, q, sortable, def) as Promise<PageResult<O>>;
}

function inList(col: string, ids: string[]): Expression<SqlBool> {
  return ids.length ? sql<SqlBool>`${sql.ref(col)} in (${sql.join(ids)})` : sql<SqlBool>`false`;
}

/**
 * Who reads a task (`plan_tasks as t` joined with `plan_plans as p`): region readers (office,
 * leaders, viewers) every task of their regions, drafts included; unit staff the tasks of published
 * plans their unit leads or co-operates on. Deny by default.
 */
export function taskReadScope(actor: Actor): Expression<SqlBool> {
  const regions = readRegions(actor);
  if (regions === null) return sql<SqlBool>`true`;
  const units = readUnits(actor);
  const unitPart = units.length
    ? sql<SqlBool>`(p.status = 'published' and (t.unit_id in (${sql.join(units)}) or exists (select 1 from plan_task_units cu where cu.task_id = t.id and cu.unit_id in (${sql.join(units)}))))`
    : sql<SqlBool>`false`;
  return sql<SqlBool>`(${inList('t.region_id', regions)} or ${unitPart})`;
}

/** Who reads a plan: region readers; unit staff a published plan holding a task of their unit. */
export function planReadScope(actor: Actor): Expression<SqlBool> {
  const regions = readRegions(actor);
  if (regions === null) return sql<SqlBool>`true`;
  const units = readUnits(actor);
  const unitPart = units.length
    ? sql<SqlBool>`(p.status = 'published' and exists (select 1 from plan_tasks t2 left join plan_task_units cu on cu.task_id = t2.id where t2.plan_id = p.id and (t2.unit_id in (${sql.join(units)}) or cu.unit_id in (${sql.join(units)}))))`
    : sql<SqlBool>`false`;
  return sql<SqlBool>`(${inList('p.region_id', regions)} or ${unitPart})`;
}

/** Whether the actor may write as the office for a region (plans, reviews, assessment). */
export function isOfficeOf(actor: Actor, regionId: string) {
  return canWriteAt(actor, regionId, null, OFFICE_WRITE);
}

/** Units allowed to report on a task: its lead unit and co-units. */
async function taskUnits(db: Db, taskId: string, leadId: string) {
  const co = await db.selectFrom('plan_task_units').select('unit_id').where('task_id', '=', taskId).execute();
  return [leadId, ...co.map((c) => c.unit_id)];
}

/** Units of the actor through which they may report on a task (write policy: unit head/liaison own unit, office region-wide). */
export function reportingUnits(actor: Actor, regionId: string, units: string[]): string[] {
  return units.filter((u) => canWriteAt(actor, regionId, u, DEFAULT_WRITE));
}

// ---------------------------------------------------------------- plans

/** Plans the actor can see, paged and filtered in the SQL. */
export async function listPlans(db: Db, actor: Actor, q: z.infer<typeof PlanListQuery>) {
  const base = db
    .selectFrom('plan_plans as p')
    .select((eb) => [
      'p.id', 'p.region_id', 'p.year', 'p.kind', 'p.kind_label', 'p.title', 'p.doc_no', 'p.status', 'p.published_at',
      eb.selectFrom('plan_key_works as kw').whereRef('kw.plan_id', '=', 'p.id').select(sql<number>`count(*)`.as('n')).as('key_works'),
      eb.selectFrom('plan_tasks as t').whereRef('t.plan_id', '=', 'p.id').select(sql<number>`count(*)`.as('n')).as('tasks'),
      eb.selectFrom('plan_tasks as t').whereRef('t.plan_id', '=', 'p.id').where('t.done_date', 'is not', null).select(sql<number>`count(*)`.as('n')).as('done'),
    ])
    .where(planReadScope(actor))
    .$if(!!q.year, (b) => b.where('p.year', '=', q.year!))
    .$if(!!q.kind, (b) => b.where('p.kind', '=', q.kind!))
    .$if(!!q.status, (b) => b.where('p.status', '=', q.status!))
    .$if(!!q.q, (b) => b.where('p.title', 'like', `%${q.q}%`));
  return paginate(base, q, { year: 'p.year', title: 'p.title', kind: 'p.kind', status: 'p.status' }, { column: 'p.year', order: 'desc' });
}

/** The office's region for a new record: the given one if the actor is its office, else their single office region. */
function officeRegion(actor: Actor, regionId?: string): string {
  requireRole(actor, 'office');
  if (regionId) {
    if (!isOfficeOf(actor, regionId)) throw forbidden({ zh: '只能为本辖区制定计划', en: 'Only for your own region' });
    return regionId;
  }
  const g = actor.grants.find((x) => x.role === 'office' && x.regionId);
  if (!g?.regionId) throw forbidden();
  return g.regionId;
}

/** Creates a draft plan (the office). */
export async function createPlan(db: Kysely<Database>, actor: Actor, input: z.infer<typeof PlanInput>) {
  const regionId = officeRegion(actor, input.regionId);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('plan_plans')
      .values({ region_id: regionId, year: input.year, kind: input.kind, kind_label: input.kind === 'custom' ? input.kindLabel! : null, title: input.title, doc_no: input.docNo ?? null, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), { entity: 'plan', entityId: row.id, action: 'create', regionId, after: row });
    return row;
  });
}

/** A plan the actor may read, or 404. */
export async function getPlanRow(db: Db, actor: Actor, id: string) {
  const p = await db.selectFrom('plan_plans as p').selectAll('p').where('p.id', '=', id).where(planReadScope(actor)).executeTakeFirst();
  if (!p) throw notFound(PLAN);
  return p;
}

/** Locks a draft plan the actor (office) may edit; 404 if not visible, 403 if not the office, 409 once published. */
async function lockDraftPlan(trx: Db, actor: Actor, id: string) {
  const p = await trx.selectFrom('plan_plans as p').selectAll('p').where('p.id', '=', id).where(planReadScope(actor)).forUpdate().executeTakeFirst();
  if (!p) throw notFound(PLAN);
  if (!isOfficeOf(actor, p.region_id)) throw forbidden();
  if (p.status !== 'draft')
    throw conflict('PLAN_ALREADY_PUBLISHED', { zh: '计划已印发，不能再修改其重点工作和任务；如需调整请另行印发补充计划', en: 'The plan is published and can no longer be changed' });
  return p;
}

/** Edits a draft plan's header. */
export async function updatePlan(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof PlanInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await lockDraftPlan(trx, actor, id);
    const after = await trx
      .updateTable('plan_plans')
      .set({ year: input.year, kind: input.kind, kind_label: input.kind === 'custom' ? input.kindLabel! : null, title: input.title, doc_no: input.docNo ?? null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), { entity: 'plan', entityId: id, action: 'update', regionId: after.region_id, before, after });
    return after;
  });
}

/** Adds a key work (重点工作) to a draft plan, numbered after the last. */
export async function addKeyWork(db: Kysely<Database>, actor: Actor, planId: string, input: z.infer<typeof KeyWorkInput>) {
  return db.transaction().execute(async (trx) => {
    const p = await lockDraftPlan(trx, actor, planId);
    const row = await insertKeyWork(trx, p, input.title, input.area ?? null);
    await recordAudit(trx, auditActor(actor), { entity: 'plan_key_work', entityId: row.id, action: 'create', regionId: p.region_id, after: row });
    return row;
  });
}

/** Inserts a key work at the next number (or returns the existing one of that title). */
export async function insertKeyWork(trx: Db, p: { id: string; region_id: string }, title: string, area: string | null) {
  const existing = await trx.selectFrom('plan_key_works').selectAll().where('plan_id', '=', p.id).where('title', '=', title).executeTakeFirst();
  if (existing) return existing;
  const max = await trx.selectFrom('plan_key_works').select(sql<number>`coalesce(max(seq), 0)`.as('m')).where('plan_id', '=', p.id).executeTakeFirstOrThrow();
  return trx.insertInto('plan_key_works').values({ plan_id: p.id, region_id: p.region_id, seq: Number(max.m) + 1, title, area }).returningAll().executeTakeFirstOrThrow();
}

/** Checks that the lead and co-units belong to the plan's region (or below); returns problems by field. */
export async function checkUnits(db: Db, regionId: string, ids: string[]): Promise<Map<string, string>> {
  const subtree = await regionSubtree(db, regionId);
  const rows = ids.length ? await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).where('region_id', 'in', subtree.length ? subtree : [NONE]).execute() : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Adds a task to a draft plan. */
export async function createTask(db: Kysely<Database>, actor: Actor, input: z.infer<typeof TaskInput>) {
  return db.transaction().execute(async (trx) => {
    const kw = await trx.selectFrom('plan_key_works').selectAll().where('id', '=', input.keyWorkId).executeTakeFirst();
    if (!kw) throw notFound(KEY_WORK);
    const p = await lockDraftPlan(trx, actor, kw.plan_id);
    await assertTaskFields(trx, p, input);
    const max = await trx.selectFrom('plan_tasks').select(sql<number>`coalesce(max(seq), 0)`.as('m')).where('key_work_id', '=', kw.id).executeTakeFirstOrThrow();
    const row = await insertTask(trx, p, kw, Number(max.m) + 1, input);
    await recordAudit(trx, auditActor(actor), { entity: 'plan_task', entityId: row.id, action: 'create', regionId: p.region_id, unitId: row.unit_id, after: { ...row, coUnitIds: input.coUnitIds } });
    return row;
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

/** Inserts a task row and its co-units. */
export async function insertTask(
  trx: Db,
  p: { id: string; region_id: string },
  kw: { id: string; seq: number },
  seq: number,
  input: { title: string; content?: string | null; expectedOutcome?: string | null; unitId: string; coUnitIds: string[]; leader?: string | null; recurrence: Recurrence; dueDate: string },
) {
  const row = await trx
    .insertInto('plan_tasks')
    .values({
      plan_id: p.id, key_work_id: kw.id, region_id: p.region_id, unit_id: input.unitId, seq, ord: kw.seq * 1000 + seq,
      title: input.title, content: input.content ?? null, expected_outcome: input.expectedOutcome ?? null, leader: input.leader ?? null,
      recurrence: input.recurrence, due_date: input.dueDate, current_due: null, done_date: null, latest_review: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const co = [...new Set(input.coUnitIds)].filter((u) => u !== input.unitId);
  if (co.length) await trx.insertInto('plan_task_units').values(co.map((u) => ({ task_id: row.id, unit_id: u }))).execute();
  return row;
}

/** Edits a task of a draft plan. */
export async function updateTask(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof TaskInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('plan_tasks as t').innerJoin('plan_plans as p', 'p.id', 't.plan_id').selectAll('t').where('t.id', '=', id).where(taskReadScope(actor)).executeTakeFirst();
    if (!before) throw notFound(TASK);
    const p = await lockDraftPlan(trx, actor, before.plan_id);
    const kw = await trx.selectFrom('plan_key_works').selectAll().where('id', '=', input.keyWorkId).where('plan_id', '=', p.id).executeTakeFirst();
    if (!kw) throw badRequest('KEY_WORK_NOT_IN_PLAN', { zh: '重点工作不属于该计划', en: 'Key work is not in this plan' }, { fields: [{ path: 'keyWorkId', message: '重点工作不属于该计划' }] });
    await assertTaskFields(trx, p, input);
    const seq = kw.id === before.key_work_id ? before.seq : Number((await trx.selectFrom('plan_tasks').select(sql<number>`coalesce(max(seq), 0)`.as('m')).where('key_work_id', '=', kw.id).executeTakeFirstOrThrow()).m) + 1;
    const after = await trx
      .updateTable('plan_tasks')
      .set({
        key_work_id: kw.id, seq, ord: kw.seq * 1000 + seq, unit_id: input.unitId, title: input.title, content: input.content ?? null,
        expected_outcome: input.expectedOutcome ?? null, leader: input.leader ?? null, recurrence: input.recurrence, due_date: input.dueDate,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('plan_task_units').where('task_id', '=', id).execute();
    const co = [...new Set(input.coUnitIds)].filter((u) => u !== input.unitId);
    if (co.length) await trx.insertInto('plan_task_units').values(co.map((u) => ({ task_id: id, unit_id: u }))).execute();
    await recordAudit(trx, auditActor(actor), { entity: 'plan_task', entityId: id, action: 'update', regionId: p.region_id, unitId: after.unit_id, before, after: { ...after, coUnitIds: co } });
    return after;
  });
}

/** Removes a task from a draft plan. */
export async function deleteTask(db: Kysely<Database>, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('plan_tasks as t').innerJoin('plan_plans as p', 'p.id', 't.plan_id').selectAll('t').where('t.id', '=', id).where(taskReadScope(actor)).executeTakeFirst();
    if (!before) throw notFound(TASK);
    await lockDraftPlan(trx, actor, before.plan_id);
    await trx.deleteFrom('plan_tasks').where('id', '=', id).execute();
    await recordAudit(trx, auditActor(actor), { entity: 'plan_task', entityId: id, action: 'delete', regionId: before.region_id, unitId: before.unit_id, before });
  });
}

/**
 * Publishes (印发) a draft plan: draft → published, enforced here and by the table's CHECK. Every
 * task then gets its deadline in the shared deadline store, so it shows in its lead unit's to-do list.
 */
export async function publishPlan(db: Kysely<Database>, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const p = await lockDraftPlan(trx, actor, id);
    const kws = await trx
      .selectFrom('plan_key_works as kw')
      .select(['kw.id', 'kw.title', sql<number>`(select count(*) from plan_tasks t where t.key_work_id = kw.id)`.as('n')])
      .where('kw.plan_id', '=', id)
      .execute();
    if (!kws.length) throw conflict('PLAN_EMPTY', { zh: '计划尚无重点工作和任务，不能印发', en: 'The plan has no key works or tasks' });
    const empty = kws.filter((k) => Number(k.n) === 0);
    if (empty.length)
      throw conflict('KEY_WORK_WITHOUT_TASKS', { zh: `重点工作“${empty[0].title}”尚未分解任务，不能印发（每项重点工作须细化分解为重点任务）`, en: 'Every key work needs at least one task' }, { keyWorks: empty.map((k) => k.id) });
    const after = await trx.updateTable('plan_plans').set({ status: 'published', published_at: new Date(), published_by: actor.userId }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const cal = await loadCalendar(trx);
    const tasks = await trx.selectFrom('plan_tasks').select('id').where('plan_id', '=', id).execute();
    for (const t of tasks) await refreshTask(trx, t.id, cal);
    await recordAudit(trx, auditActor(actor), { entity: 'plan', entityId: id, action: 'publish', regionId: p.region_id, before: { status: p.status }, after: { status: after.status, tasks: tasks.length } });
    return after;
  });
}

/**
 * Recomputes a task's ledger facts from its entries (see rules.ts) and keeps its deadline in the
 * shared store: the current period's deadline while open, closed once done. Call inside the write's
 * transaction.
 */
export async function refreshTask(trx: Db, taskId: string, cal?: WorkCalendar) {
  const t = await trx
    .selectFrom('plan_tasks as t')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.title', 't.region_id', 't.unit_id', 't.recurrence', 't.due_date', 'p.year', 'p.status', 'p.title as plan_title'])
    .where('t.id', '=', taskId)
    .executeTakeFirstOrThrow();
  const calendar = cal ?? (await loadCalendar(trx));
  const entries = await trx.selectFrom('plan_entries').select(['id', 'entry_date', 'claimed_status', 'review', 'created_at', 'updated_at']).where('task_id', '=', taskId).execute();
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
      title: t.recurrence === 'none' ? `完成重点任务：${t.title}` : `报送${t.recurrence === 'quarterly' ? '本季度' : '本月'}进展：${t.title}`,
      regionId: t.region_id, unitId: t.unit_id,
      // The plan fixes the date; a last day on a holiday moves to the next working day (民法典 第二百零三条).
      spec: { from: addDays(open.periodEnd, -1), unit: 'ND', n: 1, rollOver: true },
      basis: `《${t.plan_title}》确定的完成时限；期限最后一日为法定休假日的，顺延至休假日后第一个工作日（民法典第二百零三条）`,
    },
    calendar,
  );
  return facts;
}

/** Entry row → rules input. The latest entry is the last created or corrected. */
function toRuleEntry(e: { id: string; entry_date: string; claimed_status: 'in_progress' | 'done'; review: 'pending' | 'accepted' | 'returned'; created_at: Date; updated_at: Date }): RuleEntry {
  return { id: e.id, entryDate: e.entry_date, claimedStatus: e.claimed_status, review: e.review, createdAt: e.updated_at > e.created_at ? e.updated_at : e.created_at };
}

/** A plan with its key works, their roll-up (done/total, overdue) and the rules. */
export async function getPlan(db: Db, actor: Actor, id: string, today = todayFn()) {
  const p = await getPlanRow(db, actor, id);
  const kws = await db.selectFrom('plan_key_works').selectAll().where('plan_id', '=', id).orderBy('seq').execute();
  const tasks = await db
    .selectFrom('plan_tasks as t')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .select(['t.key_work_id', statusSql(today).as('status')])
    .where('t.plan_id', '=', id)
    .execute();
  return { plan: p, keyWorks: kws.map((kw) => ({ ...kw, ...rollUp(tasks.filter((t) => t.key_work_id === kw.id).map((t) => t.status)) })), ...rollUp(tasks.map((t) => t.status)) };
}

/** Roll-up of task statuses: done when all are done; progress = done/total (see ROLLUP_RULES). */
export function rollUp(statuses: TaskStatus[]) {
  const total = statuses.length;
  const done = statuses.filter((s) => s === 'done').length;
  const overdue = statuses.filter((s) => s === 'overdue').length;
  return { total, done, overdue, complete: total > 0 && done === total, progress: total ? Math.round((done / total) * 1000) / 10 : null };
}

// ---------------------------------------------------------------- ledger

/** The ledger query (tasks in scope, with status derived in SQL). */
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
    ])
    .where(taskReadScope(actor))
    .$if(!!f.planId, (b) => b.where('t.plan_id', '=', f.planId!))
    .$if(!!f.unitId, (b) => b.where((eb) => eb.or([eb('t.unit_id', '=', f.unitId!), eb.exists(eb.selectFrom('plan_task_units as cu2').select('cu2.task_id').whereRef('cu2.task_id', '=', 't.id').where('cu2.unit_id', '=', f.unitId!))])))
    .$if(!!f.status, (b) => b.where(sql<SqlBool>`${status} = ${f.status!}`))
    .$if(!!f.year, (b) => b.where('p.year', '=', f.year!))
    .$if(!!f.kind, (b) => b.where('p.kind', '=', f.kind! as never))
    .$if(!!f.q, (b) => b.where((eb) => eb.or([eb('t.title', 'like', `%${f.q}%`), eb('kw.title', 'like', `%${f.q}%`)])));
}

/** One page of the ledger, with co-units and the actor's abilities per task. */
export async function listTasks(db: Db, actor: Actor, q: z.infer<typeof TaskListQuery>, today = todayFn()) {
  const page = await paginate(ledgerQuery(db, actor, q, today), q, { ord: 't.ord', dueDate: 't.current_due', title: 't.title', unit: 'u.name', plan: 'p.title' }, { column: 't.ord', order: 'asc' });
  const co = await coUnitsOf(db, page.items.map((t) => t.id));
  return { ...page, items: page.items.map((t) => withAbilities(actor, t, co.get(t.id) ?? [])) };
}

/** Co-units (id, name) of tasks. */
export async function coUnitsOf(db: Db, taskIds: string[]) {
  const rows = taskIds.length
    ? await db.selectFrom('plan_task_units as cu').innerJoin('units as u', 'u.id', 'cu.unit_id').select(['cu.task_id', 'u.id', 'u.name']).where('cu.task_id', 'in', taskIds).orderBy('u.sort').execute()
    : [];
  const m = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) m.set(r.task_id, [...(m.get(r.task_id) ?? []), { id: r.id, name: r.name }]);
  return m;
}

function withAbilities<T extends { region_id: string; unit_id: string; plan_status: string; done_date: string | null }>(actor: Actor, t: T, co: { id: string; name: string }[]) {
  const units = [t.unit_id, ...co.map((c) => c.id)];
  return {
    ...t,
    coUnits: co,
    canReport: t.plan_status === 'published' && !t.done_date && reportingUnits(actor, t.region_id, units).length > 0,
    canEdit: t.plan_status === 'draft' && isOfficeOf(actor, t.region_id),
  };
}

/** One task with its entries and obligations, if visible. */
export async function getTask(db: Db, actor: Actor, id: string, today = todayFn()) {
  const t = await ledgerQuery(db, actor, {}, today).where('t.id', '=', id).executeTakeFirst();
  if (!t) throw notFound(TASK);
  const co = (await coUnitsOf(db, [id])).get(id) ?? [];
  const entries = await db
    .selectFrom('plan_entries as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .leftJoin('users as us', 'us.id', 'e.created_by')
    .select(['e.id', 'e.task_id', 'e.region_id', 'e.unit_id', 'u.name as unit_name', 'e.entry_date', 'e.text', 'e.claimed_status', 'e.review', 'e.review_comment', 'e.reviewed_at', 'e.created_at', 'e.updated_at', 'us.display_name as author'])
    .where('e.task_id', '=', id)
    .orderBy('e.entry_date')
    .orderBy('e.created_at')
    .execute();
  const cal = await loadCalendar(db);
  const facts = factsOf({ year: t.year, recurrence: t.recurrence, dueDate: t.due_date, published: t.plan_status === 'published' }, entries.map(toRuleEntry), cal);
  const office = isOfficeOf(actor, t.region_id);
  return {
    task: withAbilities(actor, t, co),
    obligations: facts.obligations,
    entries: entries.map((e) => ({
      ...e,
      canEdit: e.review !== 'accepted' && canWriteAt(actor, e.region_id, e.unit_id, DEFAULT_WRITE),
      canReview: e.review === 'pending' && office,
    })),
  };
}

/** Locks a task for a ledger write, checking scope (404) and that its plan is published (409). */
async function lockTaskForEntry(trx: Db, actor: Actor, taskId: string) {
  const t = await trx
    .selectFrom('plan_tasks as t')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.region_id', 't.unit_id', 't.done_date', 't.title', 'p.status', 'p.year'])
    .where('t.id', '=', taskId)
    .where(taskReadScope(actor))
    .forUpdate('t')
    .executeTakeFirst();
  if (!t) throw notFound(TASK);
  if (t.status !== 'published') throw conflict('PLAN_NOT_PUBLISHED', { zh: '计划尚未印发，不能报送进展', en: 'The plan is not published yet' });
  return t;
}

/** Problems with an entry for a task, in words an official understands (shared by the form and the spreadsheet). */
export function entryProblems(t: { done_date: string | null; year: number }, input: { entryDate: string }, today = todayFn()): { field: string; zh: string; en: string; code: string; status: number }[] {
  const out: { field: string; zh: string; en: string; code: string; status: number }[] = [];
  if (t.done_date) out.push({ field: 'entryDate', code: 'TASK_ALREADY_DONE', status: 409, zh: '该任务已完成（进展已采纳），无需再报送', en: 'The task is already done' });
  if (input.entryDate > today) out.push({ field: 'entryDate', code: 'ENTRY_DATE_FUTURE', status: 400, zh: '进展日期不能晚于今天', en: 'The entry date cannot be in the future' });
  if (input.entryDate < `${t.year}-01-01`) out.push({ field: 'entryDate', code: 'ENTRY_DATE_BEFORE_PLAN', status: 400, zh: `进展日期不能早于计划年度（${t.year}年）`, en: 'The entry date is before the plan year' });
  return out;
}

/**
 * Reports progress on a task. The lead unit and co-units report (unit head or liaison of that unit);
 * the office may report on the lead unit's behalf. The office then accepts or returns the entry.
 */
export async function addEntry(db: Kysely<Database>, actor: Actor, taskId: string, input: z.infer<typeof EntryInput>, today = todayFn()) {
  return db.transaction().execute(async (trx) => {
    const t = await lockTaskForEntry(trx, actor, taskId);
    const allowed = await taskUnits(trx, taskId, t.unit_id);
    const mine = reportingUnits(actor, t.region_id, allowed);
    if (!mine.length) throw forbidden({ zh: '只有牵头单位、配合单位可以报送该任务的进展', en: 'Only the lead unit and co-units report on this task' });
    let unitId = input.unitId ?? (actor.unitId && mine.includes(actor.unitId) ? actor.unitId : mine.includes(t.unit_id) ? t.unit_id : mine[0]);
    if (!allowed.includes(unitId))
      throw badRequest('ENTRY_UNIT_NOT_ON_TASK', { zh: '报送单位不是该任务的牵头或配合单位', en: 'The unit is neither lead nor co-unit of the task' }, { fields: [{ path: 'unitId', message: '报送单位不是该任务的牵头或配合单位' }] });
    if (!mine.includes(unitId)) throw forbidden({ zh: '不能以其他单位名义报送进展', en: 'You cannot report for another unit' });
    const problems = entryProblems(t, input, today);
    if (problems.length) {
      const p = problems[0];
      if (p.status === 409) throw conflict(p.code, { zh: p.zh, en: p.en });
      throw badRequest(p.code, { zh: p.zh, en: p.en }, { fields: problems.map((x) => ({ path: x.field, message: x.zh })) });
    }
    unitId = unitId!;
    const row = await insertEntry(trx, actor, t, { ...input, unitId });
    await refreshTask(trx, taskId);
    return row;
  });
}

/** Inserts an entry with its audit event (form and spreadsheet). */
export async function insertEntry(trx: Db, actor: Actor, t: { id: string; region_id: string }, input: { entryDate: string; text: string; claimedStatus: 'in_progress' | 'done'; unitId: string }) {
  const row = await trx
    .insertInto('plan_entries')
    .values({ task_id: t.id, region_id: t.region_id, unit_id: input.unitId, entry_date: input.entryDate, text: input.text, claimed_status: input.claimedStatus, created_by: actor.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, auditActor(actor), { entity: 'plan_entry', entityId: row.id, action: 'create', regionId: row.region_id, unitId: row.unit_id, after: row });
  return row;
}

/** Locks an entry the actor may read (404 otherwise). */
async function lockEntry(trx: Db, actor: Actor, id: string) {
  const e = await trx
    .selectFrom('plan_entries as e')
    .innerJoin('plan_tasks as t', 't.id', 'e.task_id')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .selectAll('e')
    .select(['p.year'])
    .where('e.id', '=', id)
    .where(taskReadScope(actor))
    .forUpdate('e')
    .executeTakeFirst();
  if (!e) throw notFound(ENTRY);
  return e;
}

/** Corrects a pending or returned entry (its unit only); a returned entry goes back to the office for review. */
export async function updateEntry(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof EntryInput>, today = todayFn()) {
  return db.transaction().execute(async (trx) => {
    const before = await lockEntry(trx, actor, id);
    if (!canWriteAt(actor, before.region_id, before.unit_id, DEFAULT_WRITE)) throw forbidden({ zh: '只能修改本单位报送的进展', en: 'Only the reporting unit may correct its entry' });
    if (before.review === 'accepted') throw conflict('ENTRY_ALREADY_ACCEPTED', { zh: '该进展已被采纳，不能修改；如有新进展请另行报送', en: 'An accepted entry cannot be changed' });
    if (input.unitId && input.unitId !== before.unit_id) throw badRequest('ENTRY_UNIT_FIXED', { zh: '不能变更报送单位', en: 'The reporting unit cannot change' }, { fields: [{ path: 'unitId', message: '不能变更报送单位' }] });
    const problems = entryProblems({ done_date: null, year: before.year }, input, today);
    if (problems.length) throw badRequest(problems[0].code, { zh: problems[0].zh, en: problems[0].en }, { fields: problems.map((x) => ({ path: x.field, message: x.zh })) });
    const after = await trx
      .updateTable('plan_entries')
      .set({ entry_date: input.entryDate, text: input.text, claimed_status: input.claimedStatus, review: 'pending', review_comment: null, reviewed_by: null, reviewed_at: null, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { year: _y, ...b } = before;
    await recordAudit(trx, auditActor(actor), { entity: 'plan_entry', entityId: id, action: before.review === 'returned' ? 'resubmit' : 'update', regionId: after.region_id, unitId: after.unit_id, before: b, after });
    await refreshTask(trx, after.task_id);
    return after;
  });
}

/** The office accepts or returns (with a comment) a pending entry. */
export async function reviewEntry(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ReviewInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const before = await lockEntry(trx, actor, id);
    if (!isOfficeOf(actor, before.region_id)) throw forbidden();
    if (before.review !== 'pending') throw conflict('ENTRY_NOT_PENDING', { zh: '该进展已审核；退回的进展须由报送单位修改后重新提交', en: 'The entry was already reviewed' });
    const after = await trx
      .updateTable('plan_entries')
      .set({ review: input.decision === 'accept' ? 'accepted' : 'returned', review_comment: input.comment ?? null, reviewed_by: actor.userId, reviewed_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { year: _y, ...b } = before;
    await recordAudit(trx, auditActor(actor), { entity: 'plan_entry', entityId: id, action: input.decision, regionId: after.region_id, unitId: after.unit_id, before: b, after });
    await refreshTask(trx, after.task_id);
    return after;
  });
}

/** Entries in scope (the office's review queue; a unit's own entries). */
export async function listEntries(db: Db, actor: Actor, q: z.infer<typeof EntryListQuery>) {
  const base = db
    .selectFrom('plan_entries as e')
    .innerJoin('plan_tasks as t', 't.id', 'e.task_id')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.id', 'e.task_id', 'e.region_id', 'e.unit_id', 'u.name as unit_name', 't.title as task_title', 'p.title as plan_title', 'e.entry_date', 'e.text', 'e.claimed_status', 'e.review', 'e.review_comment', 'e.created_at'])
    .where(taskReadScope(actor))
    .$if(!!q.review, (b) => b.where('e.review', '=', q.review!))
    .$if(!!q.taskId, (b) => b.where('e.task_id', '=', q.taskId!))
    .$if(!!q.unitId, (b) => b.where('e.unit_id', '=', q.unitId!))
    .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('e.text', 'like', `%${q.q}%`), eb('t.title', 'like', `%${q.q}%`)])));
  const page = await paginate(base, q, { entryDate: 'e.entry_date', createdAt: 'e.created_at', unit: 'u.name' }, { column: 'e.created_at', order: 'desc' });
  return {
    ...page,
    items: page.items.map((e) => ({
      ...e,
      canReview: e.review === 'pending' && isOfficeOf(actor, e.region_id),
      canEdit: e.review !== 'accepted' && canWriteAt(actor, e.region_id, e.unit_id, DEFAULT_WRITE),
    })),
  };
}

/** Access to an entry for attachments and history: read in task scope; write by the reporting unit until accepted. */
export async function entryAccess(db: Db, actor: Actor, id: string, mode: 'read' | 'write') {
  const e = await db
    .selectFrom('plan_entries as e')
    .innerJoin('plan_tasks as t', 't.id', 'e.task_id')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .select(['e.region_id', 'e.unit_id', 'e.review'])
    .where('e.id', '=', id)
    .where(taskReadScope(actor))
    .executeTakeFirst();
  if (!e) return null;
  if (mode === 'write' && (e.review === 'accepted' || !canWriteAt(actor, e.region_id, e.unit_id, DEFAULT_WRITE))) return null;
  return { regionId: e.region_id, unitId: e.unit_id };
}

/** Access to a task (history; attachments by the office while the plan is a draft). */
export async function taskAccess(db: Db, actor: Actor, id: string, mode: 'read' | 'write') {
  const t = await db.selectFrom('plan_tasks as t').innerJoin('plan_plans as p', 'p.id', 't.plan_id').select(['t.region_id', 't.unit_id', 'p.status']).where('t.id', '=', id).where(taskReadScope(actor)).executeTakeFirst();
  if (!t) return null;
  if (mode === 'write' && !isOfficeOf(actor, t.region_id)) return null;
  return { regionId: t.region_id, unitId: t.unit_id };
}

/** Access to a plan (history, attachments such as the issued document). */
export async function planAccess(db: Db, actor: Actor, id: string, mode: 'read' | 'write') {
  const p = await db.selectFrom('plan_plans as p').select(['p.region_id']).where('p.id', '=', id).where(planReadScope(actor)).executeTakeFirst();
  if (!p) return null;
  if (mode === 'write' && !isOfficeOf(actor, p.region_id)) return null;
  return { regionId: p.region_id, unitId: null };
}

/**
 * To-dos beyond deadlines: the office's entries waiting for review; a unit's returned entries and
 * the tasks it co-operates on that are due soon or overdue (the lead unit gets the deadline itself).
 */
export async function planTodos(db: Db, actor: Actor, today = todayFn()): Promise<TodoItem[]> {
  const out: TodoItem[] = [];
  const officeRegions = actor.regionsByRole.office ?? [];
  if (officeRegions.length) {
    const r = await db.selectFrom('plan_entries').select(sql<number>`count(*)`.as('n')).where('region_id', 'in', officeRegions).where('review', '=', 'pending').executeTakeFirstOrThrow();
    if (Number(r.n)) out.push({ module: 'plan', kind: 'entries_to_review', title: '待审核的台账进展', count: Number(r.n), href: '/plan/entries?review=pending' });
  }
  const units = [...new Set([...(actor.unitsByRole.liaison ?? []), ...(actor.unitsByRole.unit_head ?? [])])];
  if (units.length) {
    const returned = await db.selectFrom('plan_entries').select(sql<number>`count(*)`.as('n')).where('unit_id', 'in', units).where('review', '=', 'returned').executeTakeFirstOrThrow();
    if (Number(returned.n)) out.push({ module: 'plan', kind: 'entries_returned', title: '被退回待修改的台账进展', count: Number(returned.n), href: '/plan/tasks?status=returned' });
    const co = await db
      .selectFrom('plan_tasks as t')
      .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
      .innerJoin('plan_task_units as cu', 'cu.task_id', 't.id')
      .select(sql<number>`count(distinct t.id)`.as('n'))
      .where('p.status', '=', 'published')
      .where('cu.unit_id', 'in', units)
      .where(sql<SqlBool>`${statusSql(today)} in ('due_soon','overdue')`)
      .executeTakeFirstOrThrow();
    if (Number(co.n)) out.push({ module: 'plan', kind: 'co_tasks_due', title: '配合的重点任务临期或逾期', count: Number(co.n), href: '/plan/tasks?status=due_soon' });
  }
  return out;
}

/** Whether the actor is region staff who may see the office's views. */
export const isRegionReader = (a: Actor) => a.isAdmin || hasRole(a, 'office', 'leader', 'viewer');
