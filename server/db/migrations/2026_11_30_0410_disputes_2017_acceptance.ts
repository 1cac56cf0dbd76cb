import { sql, type Kysely } from 'kysely';
import type { Db } from '../index.js';
import { addDays, loadCalendar, type Pause } from '../../core/calendar/index.js';
import { setDeadlinePre0800 } from '../../core/deadlines/index.js';
import * as clocks from '../../modules/disputes/clocks.js';

/**
 * Reconsideration acceptance, two corrections:
 * 1. 行政复议法(2017) 第十七条第二款: apart from a refusal within the 5-day review, an application is
 *    accepted on the day the legal-affairs body receives it (after a correction: the day the corrected
 *    materials arrive). Cases received before 2024-01-01 were accepted as of the end of the review (the
 *    2023 rule): their acceptance date, and the open copy (第二十三条, 7 working days) and decision
 *    (第三十一条, 60 days) deadlines that run from it, are recomputed. Concluded cases keep their record.
 * 2. Deemed acceptance is derived when read, from the review's last day kept on the case (`review_due`),
 *    and a case under review has its copy and decision clocks from the day it will be accepted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table reconsideration_cases add column review_due date;
    update reconsideration_cases c set review_due = d.due_date
      from deadlines d
      where d.entity = 'reconsideration_case' and d.entity_id = c.id and d.kind = 'acceptance_review' and c.status <> 'correction';
    create index reconsideration_review_due_idx on reconsideration_cases (review_due) where status = 'received';
  `.execute(db);
  await recomputeOpenAcceptance(db as unknown as Db);
}

/**
 * Recomputes, for every open case, the acceptance date of a 2017-law case (receipt) and the open copy
 * and decision deadlines that run from acceptance; a case under review gets them from the day it will
 * be accepted unless refused. Exported for its test.
 */
export async function recomputeOpenAcceptance(trx: Db): Promise<void> {
  const cal = await loadCalendar(trx);
  const cases = await trx
    .selectFrom('reconsideration_cases')
    .selectAll()
    .where('status', 'in', ['received', 'accepted', 'suspended'])
    .execute();
  for (const c of cases) {
    const is2017 = c.law_version === '2017';
    if (c.status !== 'received' && !is2017) continue;
    // The day the case is (or will be, unless refused) accepted.
    const accepted = is2017 ? (c.correction_supplied_date ?? c.received_date) : (c.accepted_date ?? c.review_due);
    if (!accepted) continue;
    if (c.status !== 'received' && c.accepted_date !== accepted)
      await trx.updateTable('reconsideration_cases').set({ accepted_date: accepted }).where('id', '=', c.id).execute();
    const where = { module: 'disputes', entity: 'reconsideration_case', entityId: c.id, regionId: c.region_id, unitId: null, title: '' };
    const open = await trx.selectFrom('deadlines').select(['kind', 'status']).where('entity', '=', 'reconsideration_case').where('entity_id', '=', c.id).execute();
    const isOpen = (k: string) => c.status === 'received' || open.some((d) => d.kind === k && d.status === 'open');
    const copy = clocks.copyToRespondent(c.law_version, c.procedure, accepted);
    if (isOpen('copy_to_respondent') && !c.copy_sent_date)
      await setDeadlinePre0800(trx, { ...where, kind: copy.kind, title: `${c.case_no}：${copy.title.zh}`, spec: copy.spec, basis: copy.basis }, cal);
    if (c.status === 'suspended') continue; // the decision clock restarts from the new date on resumption
    const pauses: Pause[] = (
      await trx.selectFrom('reconsideration_suspensions').select(['from_date', 'resumed_date', 'reason']).where('case_id', '=', c.id).where('resumed_date', 'is not', null).orderBy('from_date').execute()
    ).map((s) => ({ from: s.from_date, to: addDays(s.resumed_date!, -1), reason: s.reason }));
    const decision = clocks.decision(c.law_version, c.procedure, accepted, pauses, c.extension_days);
    if (isOpen('decision')) {
      const computed = await setDeadlinePre0800(trx, { ...where, kind: decision.kind, title: `${c.case_no}：${decision.title.zh}`, spec: decision.spec, basis: decision.basis }, cal);
      await trx.updateTable('reconsideration_cases').set({ decision_due: computed.due }).where('id', '=', c.id).execute();
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('forward only');
}
