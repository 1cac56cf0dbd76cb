import { sql, type Kysely } from 'kysely';

/**
 * Plan: a progress report of a periodic (quarterly/monthly) task names the period it is for
 * (`plan_entries.period_end`, the last day of that period; null for a one-off task). On-time
 * reporting is then counted per period: a quarterly task's 12-28 report is Q4's, not a late Q3's
 * (issue 15, defect 2).
 *
 * Existing entries keep the period the platform matched them to until now (each period took the
 * earliest unused, not-returned entry dated on or after its start), so figures already reported do
 * not move; entries that matched no period take the period containing their date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table plan_entries add column period_end date`.execute(db);
  const tasks = await sql<{ id: string; year: number; recurrence: 'quarterly' | 'monthly'; due_date: string }>`
    select t.id, p.year, t.recurrence, to_char(t.due_date, 'YYYY-MM-DD') as due_date
    from plan_tasks t join plan_plans p on p.id = t.plan_id
    where t.recurrence <> 'none'
      and exists (select 1 from plan_entries e where e.task_id = t.id)`.execute(db);
  for (const t of tasks.rows) {
    const entries = await sql<{ id: string; entry_date: string; review: string }>`
      select id, to_char(entry_date, 'YYYY-MM-DD') as entry_date, review from plan_entries
      where task_id = ${t.id} order by entry_date, created_at, id`.execute(db);
    const ends = periodEnds(Number(t.year), t.recurrence, t.due_date);
    const assigned = new Map<string, string>();
    let start = `${t.year}-01-01`;
    for (const end of ends) {
      const met = entries.rows.find((e) => e.review !== 'returned' && !assigned.has(e.id) && e.entry_date >= start);
      if (met) assigned.set(met.id, end);
      start = addDays(end, 1);
    }
    for (const e of entries.rows) {
      const end = assigned.get(e.id) ?? ends.find((x) => x >= e.entry_date) ?? ends[ends.length - 1];
      await sql`update plan_entries set period_end = ${end} where id = ${e.id}`.execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('forward only');
}

// A frozen copy of the period rule at the time of this migration (rules.ts may change later).
function addDays(d: string, n: number) {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
}
function periodEnds(year: number, recurrence: 'quarterly' | 'monthly', dueDate: string): string[] {
  const ends: string[] = [];
  const step = recurrence === 'quarterly' ? 3 : 1;
  for (let m = step; m <= 12; m += step) {
    const end = addDays(`${year + (m === 12 ? 1 : 0)}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
    if (end < dueDate) ends.push(end);
  }
  ends.push(dueDate);
  return ends;
}
