import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { computeDeadline, loadCalendar, today, addDays, type DeadlineSpec, type WorkCalendar } from '../calendar/index.js';
import { workScope, type Actor } from '../scope/index.js';

/** A text in both UI languages. */
export interface Bilingual {
  zh: string;
  en: string;
}
type Lang = keyof Bilingual;

/** Days before the due date at which a deadline counts as due soon. */
export const DUE_SOON_DAYS = 3;

/** What a module says about one deadline of one of its records. */
export interface DeadlineInput {
  module: string;
  entity: string;
  entityId: string;
  /** Which deadline of the record (e.g. `defence`, `acceptance`). */
  kind: string;
  /** What must be done, as the to-do list shows it, in both languages. */
  title: Bilingual;
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
export function setDeadline(trx: Db, input: DeadlineInput, cal?: WorkCalendar) {
  return upsertDeadline(trx, input, cal);
}

/**
 * `setDeadline` with a Chinese title only, for the migrations that ran before 0800 added the English
 * column (they must not write it). Nothing else may call it: a deadline is titled in both languages.
 */
export function setDeadlinePre0800(trx: Db, input: Omit<DeadlineInput, 'title'> & { title: string }, cal?: WorkCalendar) {
  return upsertDeadline(trx, input, cal);
}

type AnyTitleInput = Omit<DeadlineInput, 'title'> & { title: Bilingual | string };

async function upsertDeadline(trx: Db, input: AnyTitleInput, cal?: WorkCalendar) {
  const calendar = cal ?? (await loadCalendar(trx));
  const { values, computed } = deadlineRow(input, calendar);
  await trx
    .insertInto('deadlines')
    .values(values)
    .onConflict((oc) => oc.columns(['entity', 'entity_id', 'kind']).doUpdateSet(values))
    .execute();
  return computed;
}

/** The stored row of a deadline (and its computation) on a calendar. */
function deadlineRow(input: AnyTitleInput, calendar: WorkCalendar) {
  const c = computeDeadline(calendar, input.spec);
  const values = {
    module: input.module,
    entity: input.entity,
    entity_id: input.entityId,
    kind: input.kind,
    // A Chinese-only title (setDeadlinePre0800) leaves the English column out: it does not exist yet.
    ...(typeof input.title === 'string' ? { title: input.title } : { title: input.title.zh, title_en: input.title.en }),
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
  return { values, computed: c };
}

/**
 * `setDeadline` for many records at once (bulk imports): one calendar, multi-row upserts of 500. Each
 * deadline is stored exactly as `setDeadline` stores it.
 */
export async function setDeadlines(trx: Db, inputs: DeadlineInput[], cal?: WorkCalendar) {
  if (!inputs.length) return [];
  const calendar = cal ?? (await loadCalendar(trx));
  const rows = inputs.map((i) => deadlineRow(i, calendar));
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('deadlines')
      .values(rows.slice(i, i + 500).map((r) => r.values))
      .onConflict((oc) =>
        oc.columns(['entity', 'entity_id', 'kind']).doUpdateSet((eb) => ({
          module: eb.ref('excluded.module'), title: eb.ref('excluded.title'), title_en: eb.ref('excluded.title_en'), region_id: eb.ref('excluded.region_id'), unit_id: eb.ref('excluded.unit_id'),
          assignee_id: eb.ref('excluded.assignee_id'), spec: eb.ref('excluded.spec'), due_date: eb.ref('excluded.due_date'), computation: eb.ref('excluded.computation'),
          basis: eb.ref('excluded.basis'), provisional: eb.ref('excluded.provisional'), priority: eb.ref('excluded.priority'), status: eb.ref('excluded.status'), done_at: eb.ref('excluded.done_at'),
        })),
      )
      .execute();
  }
  return rows.map((r) => r.computed);
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
  title: Bilingual;
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

/** A deadline of this priority or above leads the to-do list whatever its date (litigation's clocks). */
export const ALERT_PRIORITY = 40;

/**
 * Open deadlines the actor must act on: those of units they work in, assigned to them, or — for the
 * office — of the regions they govern (`workScope`: a district's subdistricts are its own; a city's are
 * its own level and the districts' report deadlines, not each district's deadlines, which the city reads
 * in the roll-up). Scope is in the SQL.
 */
export async function listOpenDeadlines(db: Db, actor: Actor, opts: { limit?: number; module?: string } = {}): Promise<DeadlineView[]> {
  const rows = await db
    .selectFrom('deadlines as d')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.module', 'd.entity', 'd.entity_id', 'd.kind', 'd.title', 'd.title_en', 'd.due_date', 'd.provisional', 'd.basis', 'd.computation', 'd.unit_id', 'u.name as unit_name', 'd.priority', 'd.status'])
    .where('d.status', '=', 'open')
    .where((eb) => eb.or([workScope(actor, { region: 'd.region_id', unit: 'd.unit_id' }), eb('d.assignee_id', '=', actor.userId)]))
    .$if(!!opts.module, (q) => q.where('d.module', '=', opts.module!))
    // Alerts first (the 15-day defence deadline of a lawsuit, 行政诉讼法 第六十七条; an appeal; a
    // judgment to carry out), then everything by due date — the longest overdue at the top, whatever its
    // module — with the priority only between deadlines due the same day.
    .orderBy(sql`d.priority >= ${ALERT_PRIORITY}`, 'desc')
    .orderBy('d.due_date')
    .orderBy('d.priority', 'desc')
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
    title: { zh: r.title, en: r.title_en ?? r.title },
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
 * of the reader's own government (`workScope`, as the to-do list; a city reads its districts in the roll-up), counted per owning unit and module as overdue (past due) and due soon (within
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
    .where(workScope(actor, { region: 'd.region_id', unit: 'd.unit_id' }))
    .where('d.due_date', '<=', soonDay)
    .groupBy(['d.unit_id', 'u.name', 'd.module'])
    .execute();
  return rows
    .map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, module: r.module, overdue: Number(r.overdue), dueSoon: Number(r.due_soon), oldest: r.oldest }))
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || (a.unitName ?? '').localeCompare(b.unitName ?? '', 'zh') || a.module.localeCompare(b.module));
}

/** Deadlines of one record (for the deadline panel of a detail page), by due date then id. */
export async function deadlinesOf(db: Db, entity: string, entityId: string) {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy(sql`due_date`)
    .orderBy('id')
    .execute();
}

/** A stored deadline row, as `deadlinesOf` reads it. */
export type DeadlineRow = Awaited<ReturnType<typeof deadlinesOf>>[number];

/**
 * One record's deadline as a detail page shows it (schema `RecordDeadlineOut`): the title and the
 * computation in the reader's language, the cited basis, and the state against today. `status`
 * overrides the stored one where the law settles a deadline before a write records it (a lapsed
 * acceptance review is met by the law itself).
 */
export function presentDeadline(d: DeadlineRow, lang: Lang, opts: { status?: DeadlineRow['status'] } = {}) {
  const status = opts.status ?? d.status;
  const explain = (d.computation as { explain?: Bilingual } | null)?.explain;
  return {
    id: d.id,
    kind: d.kind,
    title: lang === 'en' ? (d.title_en ?? d.title) : d.title,
    dueDate: d.due_date,
    status,
    state: deadlineState(d.due_date, status !== 'open'),
    basis: d.basis,
    explain: explain?.[lang] ?? '',
    provisional: d.provisional,
    priority: d.priority,
  };
}
