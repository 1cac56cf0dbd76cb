import { sql, type RawBuilder } from 'kysely';
import { addDays, type WorkCalendar } from '../../core/calendar/index.js';
import { DUE_SOON_DAYS } from '../../core/deadlines/index.js';
import type { Msg } from '../../core/errors/index.js';
import type { Recurrence, TaskStatus } from './schema.js';

/**
 * How a task's status is derived — nobody types a status. Rules apply in this order; the first that
 * holds decides (the same text is served by `GET /api/v1/plan/rules` for the UI):
 *
 * 1. 已完成 done — the office has accepted an entry claiming the task complete.
 * 2. 逾期 overdue — not done, and the current deadline has passed (current deadline: the completion
 *    date, or for a recurring task the end of the first period with no report; a deadline falling on a
 *    statutory holiday or weekend moves to the next working day, 民法典 第二百零三条).
 * 3. 退回 returned — the latest entry was returned by the office and not yet corrected.
 * 4. 临期 due soon — the current deadline is within DUE_SOON_DAYS (3) days, as everywhere in Fazhi.
 * 5. 推进中 in progress — at least one entry that was not returned.
 * 6. 未开始 not started — otherwise.
 *
 * Roll-up: a key work is done when all its tasks are done; a key work's and a plan's progress is
 * done tasks / all tasks (a count, never an average of percentages); a key work shows 逾期 when any
 * of its tasks is overdue.
 */
export const STATUS_RULES: { status: TaskStatus; rule: Msg }[] = [
  { status: 'done', rule: { zh: '依法治区办已采纳报告“已完成”的进展记录', en: 'The office accepted an entry reporting completion' } },
  { status: 'overdue', rule: { zh: `未完成且当前期限已过（当前期限为完成时限；按季度/按月报送的任务为第一个未报送周期的截止日；期限最后一日为休息日或法定休假日的顺延至其后第一个工作日，民法典第二百零三条）`, en: 'Not done and the current deadline has passed (completion date, or the end of the first unreported period for recurring tasks; a deadline on a holiday moves to the next working day)' } },
  { status: 'returned', rule: { zh: '最近一条进展记录被退回且尚未修改重报', en: 'The latest entry was returned and not yet corrected' } },
  { status: 'due_soon', rule: { zh: `距当前期限不足${DUE_SOON_DAYS}日`, en: `The current deadline is within ${DUE_SOON_DAYS} days` } },
  { status: 'in_progress', rule: { zh: '已有未被退回的进展记录', en: 'At least one entry that was not returned' } },
  { status: 'not_started', rule: { zh: '尚无进展记录', en: 'No entry yet' } },
];

/** Roll-up rules, as shown to users. */
export const ROLLUP_RULES: Msg[] = [
  { zh: '重点工作下所有重点任务均已完成，该项重点工作即为完成', en: 'A key work is done when all its tasks are done' },
  { zh: '完成进度 = 已完成任务数 ÷ 任务总数（按任务计数，不对百分比取平均）', en: 'Progress = done tasks ÷ all tasks (a count, never an average of percentages)' },
  { zh: '任一任务逾期，所属重点工作和计划显示逾期任务数', en: 'Any overdue task is counted on its key work and plan' },
  { zh: '牵头单位对任务负责；配合单位可报送进展，计入同一任务台账', en: 'The lead unit answers for the task; co-units may report entries to the same ledger' },
];

/** The ledger facts a status is derived from (stored on the task, recomputed on every ledger write). */
export interface TaskFacts {
  currentDue: string | null;
  doneDate: string | null;
  latestReview: 'pending' | 'accepted' | 'returned' | null;
  activeEntries: number;
}

/** The status rules above, as a function (the SQL twin is `statusSql`). */
export function deriveStatus(f: TaskFacts, today: string): TaskStatus {
  if (f.doneDate) return 'done';
  if (f.currentDue && f.currentDue < today) return 'overdue';
  if (f.latestReview === 'returned') return 'returned';
  if (f.currentDue && f.currentDue <= addDays(today, DUE_SOON_DAYS)) return 'due_soon';
  if (f.activeEntries > 0) return 'in_progress';
  return 'not_started';
}

/** The same rules in SQL over `plan_tasks as t`, so lists filter and page by status in the database. */
export function statusSql(today: string): RawBuilder<TaskStatus> {
  const soon = addDays(today, DUE_SOON_DAYS);
  return sql<TaskStatus>`(case
    when t.done_date is not null then 'done'
    when t.current_due < cast(${today} as date) then 'overdue'
    when t.latest_review = 'returned' then 'returned'
    when t.current_due <= cast(${soon} as date) then 'due_soon'
    when t.active_entries > 0 then 'in_progress'
    else 'not_started' end)`;
}

/** One reporting obligation of a task: a period ending on `due` (rolled over), met by an entry on `metOn`. */
export interface Obligation {
  periodStart: string;
  periodEnd: string;
  /** The period end moved to a working day (民法典 第二百零三条). */
  due: string;
  metOn: string | null;
  entryId: string | null;
}

/** An entry as the rules see it. */
export interface RuleEntry {
  id: string;
  entryDate: string;
  /** The period a periodic task's report is for (its last day); null = the period containing its date. */
  periodEnd?: string | null;
  claimedStatus: 'in_progress' | 'done';
  review: 'pending' | 'accepted' | 'returned';
  createdAt: Date;
}

/** Period ends of a task: the completion date, or every quarter/month end of the plan year up to it. */
export function periodEnds(year: number, recurrence: Recurrence, dueDate: string): string[] {
  if (recurrence === 'none') return [dueDate];
  const ends: string[] = [];
  const step = recurrence === 'quarterly' ? 3 : 1;
  for (let m = step; m <= 12; m += step) {
    const end = addDays(`${year + (m === 12 ? 1 : 0)}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
    if (end < dueDate) ends.push(end);
  }
  ends.push(dueDate);
  return ends;
}

/** The period (its last day) containing a date: the first period ending on or after it, else the last. */
export function periodOf(ends: string[], date: string): string {
  return ends.find((e) => e >= date) ?? ends[ends.length - 1];
}

/**
 * The obligations of a task and how the ledger met them. One-off task: one obligation, met by the
 * accepted completion. Recurring task: one per period, met by the earliest entry (not returned) that
 * is for that period — the period the reporter chose, by default the one containing its date — so a
 * quarterly task's 12-28 report meets Q4 on time and never stands in for a missed Q3; a report for
 * a period filed after its deadline meets it late (issue 15).
 */
export function obligationsOf(
  task: { year: number; recurrence: Recurrence; dueDate: string },
  entries: RuleEntry[],
  cal: WorkCalendar,
): Obligation[] {
  const ends = periodEnds(task.year, task.recurrence, task.dueDate);
  const sorted = [...entries].sort((a, b) => a.entryDate.localeCompare(b.entryDate) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const done = sorted.find((e) => e.review === 'accepted' && e.claimedStatus === 'done');
  let start = `${task.year}-01-01`;
  return ends.map((end) => {
    const due = cal.nextWorkdayOnOrAfter(end);
    const met = task.recurrence === 'none' ? done : sorted.find((e) => e.review !== 'returned' && (e.periodEnd ?? periodOf(ends, e.entryDate)) === end);
    const o: Obligation = { periodStart: start, periodEnd: end, due, metOn: met?.entryDate ?? null, entryId: met?.id ?? null };
    start = addDays(end, 1);
    return o;
  });
}

/** The facts of a task from its entries (what `refreshTask` stores). */
export function factsOf(
  task: { year: number; recurrence: Recurrence; dueDate: string; published: boolean },
  entries: RuleEntry[],
  cal: WorkCalendar,
): TaskFacts & { obligations: Obligation[] } {
  const obligations = obligationsOf(task, entries, cal);
  const done = entries
    .filter((e) => e.review === 'accepted' && e.claimedStatus === 'done')
    .sort((a, b) => a.entryDate.localeCompare(b.entryDate))[0];
  const latest = [...entries].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const open = obligations.find((o) => !o.metOn) ?? obligations[obligations.length - 1];
  return {
    obligations,
    doneDate: done?.entryDate ?? null,
    currentDue: done || !task.published ? null : open.due,
    latestReview: latest?.review ?? null,
    activeEntries: entries.filter((e) => e.review !== 'returned').length,
  };
}
