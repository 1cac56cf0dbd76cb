import type { Kysely } from 'kysely';
import type { Db } from '../index.js';
import { computeDeadline, loadCalendar, type DeadlineSpec } from '../../core/calendar/index.js';

/**
 * Deadlines store how their date was computed (`computation.explain`, zh/en) when they are set. The
 * wording was corrected (a plan's date is stated as fixed — 确定的期限为… — not 自…次日起算0日; a Saturday
 * or Sunday is a 休息日, not a 法定休假日), but rows written before keep the old sentence until their record
 * is written again, and a met deadline never is. This rewrites the stored explanation of every deadline
 * from its stored spec with the shared calendar. Only the wording: a row whose recomputed date differs
 * from its stored one (the calendar changed after it was met) keeps its explanation and its date.
 */
export async function rewriteDeadlineWording(db: Db): Promise<number> {
  const cal = await loadCalendar(db);
  const rows = await db.selectFrom('deadlines').select(['id', 'spec', 'due_date', 'computation']).orderBy('id').execute();
  let changed = 0;
  for (const d of rows) {
    const c = computeDeadline(cal, d.spec as DeadlineSpec);
    if (c.due !== d.due_date) continue;
    const stored = d.computation as { explain?: { zh: string; en: string } } | null;
    if (stored?.explain?.zh === c.explain.zh && stored.explain.en === c.explain.en) continue;
    await db.updateTable('deadlines').set({ computation: JSON.stringify({ explain: c.explain, trace: c.trace }) }).where('id', '=', d.id).execute();
    changed++;
  }
  return changed;
}

export async function up(db: Kysely<any>): Promise<void> {
  await rewriteDeadlineWording(db as Db);
}

export async function down(): Promise<void> {
  throw new Error('forward only');
}
