import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { computeDeadline, loadCalendar, today, addDays, type DeadlineSpec, type WorkCalendar } from '../calendar/index.js';
import { readScope, type Actor } from '../scope/index.js';

/** Days before the due date at which a deadline counts as due soon. */
export const DUE_SOON_DAYS = 3;

/** What a module says about one deadline of one of its records. */
export interface DeadlineInput {
  module: string;
  entity: string;
  entityId: string;
  /** Which deadline of the record (e.g. `defence`, `acceptance`). */
  kind: string;
  /** What must be done, as the to-do list shows it (zh). */
  title: string;
  regionId: string;
  unitId: string | null;
  assigneeId?: string | null;
  spec: DeadlineSpec;
  /** Legal basis, cited (e.g. `行政诉讼法 第六十七条：收到起诉状副本之日起十五日内提交答辩状`). */
  basis: string;
  /** Higher sorts first among equal dates (the 15-day defence deadline is the highest). */
  priority?: number;
}

/**
 * Creates or recomputes a record's deadline with the shared calendar, storing the spec and how the
 * date was computed. Call it in the transaction of the write that sets the clock.
 */
export async function setDeadline(trx: Db, input: DeadlineInput, cal?: WorkCalendar) {
  const calendar = cal ?? (await loadCalendar(trx));
  const c = computeDeadline(calendar, input.spec);
  const values = {
    module: input.module,
    entity: input.entity,
    entity_id: input.entityId,
    kind: input.kind,
    title: input.title,
    region_id: input.regionId,
    unit_id: input.unitId,
    assignee_id: input.assigneeId ?? null,
    spec: JSON.stringify(input.spec),
    due_date: c.due,
    computation: JSON.stringify({ explain: c.explain, trace: c.trace }),
    basis: input.basis,
    provisional: c.provisional,
    priority: input.priority ?? 0,
    status: 'open' as const,
    done_at: null,
  };
  await trx
    .insertInto('deadlines')
    .values(values)
    .onConflict((oc) => oc.columns(['entity', 'entity_id', 'kind']).doUpdateSet(values))
    .execute();
  return c;
}

/** Marks a record's deadline met (or cancelled). */
export async function closeDeadline(trx: Db, entity: string, entityId: string, kind: string, status: 'done' | 'cancelled' = 'done') {
  await trx
    .updateTable('deadlines')
    .set({ status, done_at: new Date() })
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('kind', '=', kind)
    .execute();
}

/** Recomputes every open deadline (after the calendar changed). Returns how many moved. */
export async function recomputeOpenDeadlines(trx: Db): Promise<number> {
  const cal = await loadCalendar(trx);
  const open = await trx.selectFrom('deadlines').select(['id', 'spec', 'due_date']).where('status', '=', 'open').execute();
  let moved = 0;
  for (const d of open) {
    const c = computeDeadline(cal, d.spec as DeadlineSpec);
    if (c.due !== d.due_date) moved++;
    await trx
      .updateTable('deadlines')
      .set({ due_date: c.due, provisional: c.provisional, computation: JSON.stringify({ explain: c.explain, trace: c.trace }) })
      .where('id', '=', d.id)
      .execute();
  }
  return moved;
}

/** A deadline as the UI shows it. */
export interface DeadlineView {
  id: string;
  module: string;
  entity: string;
  entityId: string;
  kind: string;
  title: string;
  dueDate: string;
  state: 'overdue' | 'due_soon' | 'open' | 'done';
  provisional: boolean;
  basis: string;
  explain: { zh: string; en: string };
  unitId: string | null;
  unitName: string | null;
  priority: number;
}

/** State of a due date relative to today. */
export function deadlineState(due: string, done: boolean, now = today()): DeadlineView['state'] {
  if (done) return 'done';
  if (due < now) return 'overdue';
  if (due <= addDays(now, DUE_SOON_DAYS)) return 'due_soon';
  return 'open';
}

/**
 * Open deadlines the actor must act on: those of units they work in, assigned to them, or — for the
 * office — in their regions. Scope is in the SQL.
 */
export async function listOpenDeadlines(db: Db, actor: Actor, opts: { limit?: number; module?: string } = {}): Promise<DeadlineView[]> {
  const rows = await db
    .selectFrom('deadlines as d')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.module', 'd.entity', 'd.entity_id', 'd.kind', 'd.title', 'd.due_date', 'd.provisional', 'd.basis', 'd.computation', 'd.unit_id', 'u.name as unit_name', 'd.priority', 'd.status'])
    .where('d.status', '=', 'open')
    .where((eb) => eb.or([readScope(actor, { region: 'd.region_id', unit: 'd.unit_id' }), eb('d.assignee_id', '=', actor.userId)]))
    .$if(!!opts.module, (q) => q.where('d.module', '=', opts.module!))
    // Highest-priority alerts first (the 15-day defence deadline of a lawsuit, 行政诉讼法 第六十七条),
    // then by due date.
    .orderBy('d.priority', 'desc')
    .orderBy('d.due_date')
    .orderBy('d.id')
    .limit(opts.limit ?? 200)
    .execute();
  const now = today();
  return rows.map((r) => ({
    id: r.id,
    module: r.module,
    entity: r.entity,
    entityId: r.entity_id,
    kind: r.kind,
    title: r.title,
    dueDate: r.due_date,
    state: deadlineState(r.due_date, false, now),
    provisional: r.provisional,
    basis: r.basis,
    explain: (r.computation as { explain: { zh: string; en: string } }).explain,
    unitId: r.unit_id,
    unitName: r.unit_name,
    priority: r.priority,
  }));
}

/**
 * What is late, by unit and module (the leader's summary instead of the clerk's list): open deadlines
 * in the reader's scope, counted per owning unit and module as overdue (past due) and due soon (within
 * DUE_SOON_DAYS), in SQL over every deadline, not a page of them.
 */
export async function lateByUnit(db: Db, actor: Actor, now = today()) {
  const soonDay = addDays(now, DUE_SOON_DAYS);
  const rows = await db
    .selectFrom('deadlines as d')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.unit_id', 'u.name as unit_name', 'd.module'])
    .select(sql<number>`count(*) filter (where d.due_date < ${now})`.as('overdue'))
    .select(sql<number>`count(*) filter (where d.due_date >= ${now} and d.due_date <= ${soonDay})`.as('due_soon'))
    .select(sql<string>`to_char(min(d.due_date), 'YYYY-MM-DD')`.as('oldest'))
    .where('d.status', '=', 'open')
    .where(readScope(actor, { region: 'd.region_id', unit: 'd.unit_id' }))
    .where('d.due_date', '<=', soonDay)
    .groupBy(['d.unit_id', 'u.name', 'd.module'])
    .execute();
  return rows
    .map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, module: r.module, overdue: Number(r.overdue), dueSoon: Number(r.due_soon), oldest: r.oldest }))
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || (a.unitName ?? '').localeCompare(b.unitName ?? '', 'zh') || a.module.localeCompare(b.module));
}

/** Deadline of one record (for the deadline badge on a detail page). */
export async function deadlinesOf(db: Db, entity: string, entityId: string) {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy(sql`due_date`)
    .execute();
}
