/**
 * Administrative reconsideration (行政复议) with the district government as the organ: intake with the
 * timeliness check, acceptance review and deemed acceptance, correction, copy and answer, hearings,
 * suspension, one extension, decision, opinion letters and their compliance. Every clock is a core
 * deadline (see clocks.ts for the articles). No HTTP here.
 */
import { sql, type Expression, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { loadCalendar, today, addDays, type WorkCalendar, type Pause } from '../../core/calendar/index.js';
import { closeDeadline, deadlinesOf } from '../../core/deadlines/index.js';
import { conflict, notFound } from '../../core/errors/index.js';
import { assertMayWriteAt, DEFAULT_WRITE, OFFICE_WRITE, writeRegionPaths, type Actor } from '../../core/scope/index.js';
import { regionById, unitsById, unitWithin } from '../org/lookup.js';
import { lawVersionFor, RECON_CORRECTIVE, SUSPENSION_ITEMS, type LawVersion } from '../../../common/disputes.js';
import * as clocks from './clocks.js';
import { ENTITY, fieldError, notBefore, setClock } from './common.js';
import { Opinions, Recons } from './records.js';
import type {
  AcceptInput, ComplianceInput, CopyInput, CorrectionInput, DateAction, DecisionInput, ExtensionInput, OpinionInput,
  ReconHearingInput, ReconListQuery, ReconsiderationCasesTable, ReconsiderationInput, RefuseInput, SuspendInput,
} from './schema.js';

/** A reconsideration case row. */
export type ReconRow = Selectable<ReconsiderationCasesTable>;
type Trx = Db;

// ---------------- acceptance, derived at query time ----------------

/**
 * The day an application that was not refused in its review is accepted:
 * - 2017法 第十七条第二款: 除不予受理外，行政复议申请自行政复议机关负责法制工作的机构收到之日起即为受理 —
 *   the day of receipt (after a correction, the day the corrected materials arrived, 实施条例 第29条);
 * - 2023法 第三十条第二款: 审查期限届满，行政复议机关未作出不予受理决定的，审查期限届满之日起视为受理 —
 *   the review period's last day.
 */
export function acceptanceDateOf(c: Pick<ReconRow, 'law_version' | 'received_date' | 'correction_supplied_date' | 'review_due'>, decidedOn?: string): string {
  if (c.law_version === '2017') return c.correction_supplied_date ?? c.received_date;
  return decidedOn ?? c.review_due!;
}

/**
 * The acceptance of a case as of a day, in SQL: a case still under review whose review period ended
 * before `asOf` is accepted (视为受理) — computed when read, never written by a read. `alias` is the
 * case table's alias in the query.
 */
export function effectiveAcceptance(alias: string, asOf: string = today()) {
  const r = (c: string) => sql.ref(`${alias}.${c}`);
  const lapsed = sql<boolean>`(${r('status')} = 'received' and ${r('review_due')} < ${asOf}::date)`;
  return {
    lapsed,
    status: sql<ReconRow['status']>`(case when ${lapsed} then 'accepted' else ${r('status')} end)`,
    acceptedDate: sql<string | null>`coalesce(${r('accepted_date')}, case when ${lapsed} then (case when ${r('law_version')} = '2017' then coalesce(${r('correction_supplied_date')}, ${r('received_date')}) else ${r('review_due')} end) end)`,
    acceptanceMode: sql<'decided' | 'deemed' | null>`coalesce(${r('acceptance_mode')}, case when ${lapsed} then 'deemed' end)`,
  };
}

/**
 * The cases as of a day with their acceptance derived (status, accepted_date, acceptance_mode), as a
 * subquery metrics and statistics select from: `db.selectFrom(reconAsOf(db).as('c'))`. Unscoped: the
 * caller scopes it (metrics with `inMetricScope`).
 */
export function reconAsOf(db: Db, asOf: string = today()) {
  const e = effectiveAcceptance('r', asOf);
  return db
    .selectFrom('reconsideration_cases as r')
    .select([
      'r.id', 'r.region_id', 'r.unit_id', 'r.case_no', 'r.law_version', 'r.procedure', 'r.applicant_name', 'r.case_type', 'r.received_date',
      'r.outcome', 'r.decision_date', 'r.decision_due', 'r.closed_within_period',
      e.status.as('status'), e.acceptedDate.as('accepted_date'), e.acceptanceMode.as('acceptance_mode'),
    ]);
}

/** Columns every read of a case selects besides `c.*`: the derived acceptance and the actor's abilities. */
function caseReadCols(actor: Actor) {
  const e = effectiveAcceptance('c');
  return [
    e.status.as('eff_status'),
    e.acceptedDate.as('eff_accepted_date'),
    e.acceptanceMode.as('eff_acceptance_mode'),
    sql<boolean>`${Recons.writeWhere(actor, 'c', OFFICE_WRITE)}`.as('may_manage'),
    sql<boolean>`${Recons.writeWhere(actor, 'c', DEFAULT_WRITE)}`.as('may_respond'),
  ] as const;
}

/** A case as read: the row, the respondent's name, the acceptance as of today and the actor's abilities. */
export type ReconRead = ReconRow & {
  unit_name: string;
  eff_status: ReconRow['status'];
  eff_accepted_date: string | null;
  eff_acceptance_mode: 'decided' | 'deemed' | null;
  may_manage: boolean;
  may_respond: boolean;
};

const organ = (c: ReconRow) => ({ regionId: c.region_id, unitId: null, titlePrefix: c.case_no });
const respondent = (c: ReconRow) => ({ regionId: c.region_id, unitId: c.unit_id, titlePrefix: c.case_no });

async function dueOf(trx: Trx, id: string, kind: string): Promise<string | null> {
  const d = await trx.selectFrom('deadlines').select('due_date').where('entity', '=', ENTITY.recon).where('entity_id', '=', id).where('kind', '=', kind).executeTakeFirst();
  return d?.due_date ?? null;
}

async function pausesOf(trx: Trx, id: string): Promise<Pause[]> {
  const rows = await trx.selectFrom('reconsideration_suspensions').select(['from_date', 'resumed_date', 'reason']).where('case_id', '=', id).where('resumed_date', 'is not', null).orderBy('from_date').execute();
  // The clock stops on the suspension day and runs again on the resumption day: paused [from, resumed − 1].
  return rows.map((r) => ({ from: r.from_date, to: addDays(r.resumed_date!, -1), reason: r.reason }));
}

/** Sets the decision clock from acceptance, with every closed suspension and the extension. */
async function setDecisionClock(trx: Trx, cal: WorkCalendar, c: ReconRow, acceptedDate = c.accepted_date!) {
  const clock = clocks.decision(c.law_version, c.procedure, acceptedDate, await pausesOf(trx, c.id), c.extension_days);
  const computed = await setClock(trx, cal, ENTITY.recon, c.id, clock, organ(c));
  await trx.updateTable('reconsideration_cases').set({ decision_due: computed.due }).where('id', '=', c.id).execute();
  return computed;
}

/**
 * Starts the review of an application (on registration, and again when corrected materials arrive):
 * the 5-working-day review clock, and the copy and decision clocks from the day the case will be
 * accepted unless refused (2017: receipt; 2023: the review's last day), so the to-do list shows them
 * from the start; a refusal or correction notice cancels them, an earlier acceptance (2023) moves them.
 */
async function startReview(trx: Trx, cal: WorkCalendar, c: ReconRow, from: string, restarted: boolean): Promise<ReconRow> {
  const review = await setClock(trx, cal, ENTITY.recon, c.id, clocks.acceptanceReview(c.law_version, from, restarted), organ(c));
  await trx.updateTable('reconsideration_cases').set({ review_due: review.due }).where('id', '=', c.id).execute();
  const withDue = { ...c, review_due: review.due };
  const accepted = acceptanceDateOf(withDue);
  await setClock(trx, cal, ENTITY.recon, c.id, clocks.copyToRespondent(c.law_version, c.procedure, accepted), organ(c));
  await setDecisionClock(trx, cal, withDue, accepted);
  return trx.selectFrom('reconsideration_cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
}

/**
 * A write on a case whose review period has lapsed first records the acceptance the law already made
 * (视为受理) — inside the write's own transaction, on that case only. Reads never do this: they derive it.
 */
async function settleDeemed(trx: Trx, c: ReconRow): Promise<ReconRow> {
  if (c.status !== 'received' || !c.review_due || c.review_due >= today()) return c;
  const after = await Recons.update(trx, null, c, { status: 'accepted', accepted_date: acceptanceDateOf(c), acceptance_mode: 'deemed', updated_at: new Date() }, 'deemed_accepted');
  await closeDeadline(trx, ENTITY.recon, c.id, 'acceptance_review', 'done');
  return after;
}

/**
 * Scheduled housekeeping (never called by a read): records the law's acceptance on every case whose
 * review lapsed, so its review deadline leaves the to-do lists. Figures and pages do not depend on it —
 * they derive acceptance when read. System work across regions, so it reads the cases without an actor.
 */
export async function settleLapsedReviews(db: Kysely<Database>, asOf: string = today()): Promise<number> {
  const due = await db.selectFrom('reconsideration_cases').select('id').where('status', '=', 'received').where('review_due', '<', asOf).execute();
  for (const { id } of due)
    await db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('reconsideration_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (c) await settleDeemed(trx, c);
    });
  return due.length;
}

/** Locks a case for the organ's steps (the office of its region): 404 unseen, 403 seen but not the office's. */
const lockForOrgan = async (trx: Trx, actor: Actor, id: string) => settleDeemed(trx, await Recons.lockForWrite(trx, actor, id, OFFICE_WRITE));
/** Locks a case for the respondent's steps (its unit head/liaison, or the office). */
const lockForRespondent = async (trx: Trx, actor: Actor, id: string) => settleDeemed(trx, await Recons.lockForWrite(trx, actor, id, DEFAULT_WRITE));

const save = (trx: Trx, actor: Actor | null, before: ReconRow, patch: Partial<ReconRow>, action: string) =>
  Recons.update(trx, actor, before, { ...patch, updated_at: new Date() }, action);

/** Records a change in a case's child table (hearing, suspension) in the case's audit trail. */
const auditChild = (trx: Trx, actor: Actor, c: ReconRow, action: string, child: unknown) =>
  Recons.audit(trx, actor, action, null, { id: c.id, region_id: c.region_id, unit_id: c.unit_id, [action]: child });

/** Accepts a case by the organ's decision: closes the review clock, (re)starts the copy and decision clocks. */
async function acceptInTrx(trx: Trx, cal: WorkCalendar, actor: Actor, c: ReconRow, decidedOn: string, delayReason?: string) {
  const date = acceptanceDateOf(c, decidedOn);
  const after = await save(trx, actor, c, { status: 'accepted', accepted_date: date, acceptance_mode: 'decided', delay_reason: delayReason ?? c.delay_reason }, 'accept');
  await closeDeadline(trx, ENTITY.recon, c.id, 'acceptance_review', 'done');
  await setClock(trx, cal, ENTITY.recon, c.id, clocks.copyToRespondent(c.law_version, c.procedure, date), organ(c));
  await setDecisionClock(trx, cal, after);
  return after;
}

async function nextCaseNo(trx: Trx, regionId: string, year: string) {
  const region = (await regionById(trx, regionId))!;
  const short = region.name.replace(/(区|县|市|街道)$/, '');
  const n = await trx
    .selectFrom('reconsideration_cases')
    .select(sql<number>`count(*)`.as('n'))
    .where('region_id', '=', regionId)
    .where('case_no', 'like', `%〔${year}〕%`)
    .executeTakeFirstOrThrow();
  return `${short}政复〔${year}〕${Number(n.n) + 1}号`;
}

/** The district region that runs reconsideration for a unit: the unit's region, or the district above a subdistrict. */
async function organRegionOf(trx: Trx, unitRegionId: string) {
  const r = (await regionById(trx, unitRegionId))!;
  return (r.level === 'subdistrict' || r.level === 'community') && r.parent_id ? r.parent_id : r.id;
}

/** Agencies that can be a respondent or a defendant. */
export const AGENCY_TYPES = ['department', 'subdistrict', 'enforcement', 'government'];

/** Whether a case number is already taken in the organ's region (case numbers are unique per region). */
export async function reconCaseNoTaken(trx: Trx, regionId: string, caseNo: string) {
  return !!(await trx.selectFrom('reconsideration_cases').select('id').where('region_id', '=', regionId).where('case_no', '=', caseNo).executeTakeFirst());
}

/** The organ's region for a respondent unit id (for imports that check duplicates per region). */
export async function organRegionOfUnit(trx: Trx, unitRegionId: string) {
  return organRegionOf(trx, unitRegionId);
}

/** Registers an application (申请登记) with the timeliness check; starts the 5-working-day review. */
export async function registerReconsideration(trx: Trx, actor: Actor, input: z.infer<typeof ReconsiderationInput>, cal?: WorkCalendar): Promise<ReconRow> {
  const calendar = cal ?? (await loadCalendar(trx));
  const unit = (await unitsById(trx, [input.respondentUnitId])).get(input.respondentUnitId);
  if (!unit || !AGENCY_TYPES.includes(unit.type))
    throw fieldError('RESPONDENT_NOT_FOUND', 'respondentUnitId', { zh: '被申请人须为本区行政机关或街道办事处', en: 'The respondent must be an agency of the district' });
  const regionId = await organRegionOf(trx, unit.region_id);
  // Only the organ's office registers applications (the respondent unit may not).
  await assertMayWriteAt(trx, actor, regionId, null, OFFICE_WRITE);
  notBefore('receivedDate', input.receivedDate, input.knewDate, '知道行政行为的日期');
  if (input.actDate && input.knewDate < input.actDate) throw fieldError('DATE_TOO_EARLY', 'knewDate', { zh: '知道日期不得早于行政行为作出日期', en: 'Knowledge date before the act date' });
  const lawVersion: LawVersion = lawVersionFor(input.receivedDate);
  if (input.procedure === 'simplified' && lawVersion === '2017')
    throw fieldError('NO_SIMPLIFIED_PROCEDURE', 'procedure', { zh: '2024年1月1日前收到的申请适用2017年《行政复议法》，该法未规定简易程序', en: 'The 2017 law has no simplified procedure' });
  if (!input.informedOfRights && input.rightsKnownDate && input.rightsKnownDate < input.knewDate)
    throw fieldError('DATE_TOO_EARLY', 'rightsKnownDate', { zh: '知道申请权利的日期不得早于知道行政行为的日期', en: 'Rights date before knowledge date' });
  const period = clocks.applicationPeriod(calendar, {
    lawVersion, knewDate: input.knewDate, informedOfRights: input.informedOfRights, rightsKnownDate: input.rightsKnownDate, actDate: input.actDate, immovable: input.immovable,
  });
  const caseNo = input.caseNo ?? (await nextCaseNo(trx, regionId, input.receivedDate.slice(0, 4)));
  if (await reconCaseNoTaken(trx, regionId, caseNo))
    throw conflict('CASE_NO_TAKEN', { zh: `案号${caseNo}已存在`, en: `Case number ${caseNo} exists` }, { fields: [{ path: 'caseNo', message: '案号已存在' }] });
  const row = await Recons.insert(trx, actor, {
    region_id: regionId,
    unit_id: unit.id,
    case_no: caseNo,
    law_version: lawVersion,
    procedure: input.procedure,
    applicant_name: input.applicantName,
    applicant_type: input.applicantType,
    applicant_contact: input.applicantContact ?? null,
    act_challenged: input.actChallenged,
    case_type: input.caseType,
    act_date: input.actDate ?? null,
    knew_date: input.knewDate,
    received_date: input.receivedDate,
    informed_of_rights: input.informedOfRights,
    rights_known_date: input.rightsKnownDate ?? null,
    immovable: input.immovable,
    apply_deadline: period.due,
    timely: input.receivedDate <= period.due,
    status: 'received',
  });
  return startReview(trx, calendar, row, input.receivedDate, false);
}

/** Registers an application in its own transaction. */
export function createReconsideration(db: Kysely<Database>, actor: Actor, input: z.infer<typeof ReconsiderationInput>) {
  return db.transaction().execute((trx) => registerReconsideration(trx, actor, input));
}

/**
 * The review period still open to the organ's act: a case under review, or one the system deemed
 * accepted on which nothing has happened since (back-entry of a refusal, correction or acceptance
 * made within the period). Returns the period's last day, or throws naming the rule.
 */
async function openReview(trx: Trx, c: ReconRow, date: string): Promise<string> {
  const deemedUntouched =
    c.status === 'accepted' && c.acceptance_mode === 'deemed' && !c.copy_sent_date && !c.extension_days &&
    !(await trx.selectFrom('reconsideration_suspensions').select('id').where('case_id', '=', c.id).executeTakeFirst()) &&
    !(await trx.selectFrom('reconsideration_hearings').select('id').where('case_id', '=', c.id).executeTakeFirst());
  if (c.status !== 'received' && !deemedUntouched)
    throw conflict('CASE_NOT_UNDER_REVIEW', { zh: '该申请不在受理审查期间（审查期限届满未作出不予受理决定的，视为受理，《行政复议法》第三十条）', en: 'The application is not under acceptance review' }, { status: c.status });
  const reviewDue = c.review_due ?? (await dueOf(trx, c.id, 'acceptance_review'))!;
  if (date > reviewDue)
    throw conflict('REVIEW_PERIOD_ENDED', { zh: `审查期限已于${reviewDue}届满，未作出不予受理决定的，自届满之日起视为受理（《行政复议法》第三十条）`, en: `The review period ended on ${reviewDue}; the case is deemed accepted` });
  return reviewDue;
}

/** A timely refusal or correction notice withdraws the copy and decision clocks that acceptance would have started. */
async function withdrawDeemed(trx: Trx, c: ReconRow) {
  for (const k of ['copy_to_respondent', 'decision']) await closeDeadline(trx, ENTITY.recon, c.id, k, 'cancelled');
}

function requireStatus(c: ReconRow, allowed: ReconRow['status'][], code: string, msg: { zh: string; en: string }) {
  if (!allowed.includes(c.status)) throw conflict(code, msg, { status: c.status });
}

const NOT_ACCEPTED = { zh: '案件尚未受理（或已审结），不得进行该审理程序；未受理的申请不得作出行政复议决定（《行政复议法》第三十条）', en: 'The case is not accepted (or already concluded)' };

/** Accepts an application within the review period (受理). An untimely application needs the 正当理由 (第20条第二款). */
export async function acceptReconsideration(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof AcceptInput>) {
  return db.transaction().execute(async (trx) => {
    const c = await Recons.lockForWrite(trx, actor, id, OFFICE_WRITE);
    notBefore('date', input.date, c.correction_supplied_date ?? c.received_date, '收到申请（补正材料）的日期');
    await openReview(trx, c, input.date);
    if (!c.timely && !input.delayReason)
      throw conflict('APPLICATION_OUT_OF_TIME', {
        zh: `申请超过法定申请期限（${c.apply_deadline}），除因不可抗力或者其他正当理由耽误的外，应当不予受理；如有正当理由请填写`,
        en: `The application is late (period ended ${c.apply_deadline}); give the justified reason or refuse it`,
      });
    return acceptInTrx(trx, await loadCalendar(trx), actor, c, input.date, input.delayReason);
  });
}

/** Refuses an application within the review period (不予受理, 第30条). */
export async function refuseReconsideration(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof RefuseInput>) {
  return db.transaction().execute(async (trx) => {
    const c = await Recons.lockForWrite(trx, actor, id, OFFICE_WRITE);
    notBefore('date', input.date, c.received_date, '收到申请的日期');
    await openReview(trx, c, input.date);
    await withdrawDeemed(trx, c);
    const after = await save(trx, actor, c, { status: 'refused', refused_date: input.date, refusal_reason: input.reason, accepted_date: null, acceptance_mode: null, decision_due: null }, 'refuse');
    await closeDeadline(trx, ENTITY.recon, id, 'acceptance_review', 'done');
    return after;
  });
}

/** Sends a correction notice (补正通知) within the review period; the applicant's period starts on receipt. */
export async function requestCorrection(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof CorrectionInput>) {
  return db.transaction().execute(async (trx) => {
    const c = await Recons.lockForWrite(trx, actor, id, OFFICE_WRITE);
    notBefore('noticeDate', input.noticeDate, c.received_date, '收到申请的日期');
    notBefore('receivedDate', input.receivedDate, input.noticeDate, '通知日期');
    if (c.correction_notice_date)
      throw conflict('CORRECTION_ALREADY_REQUESTED', { zh: '已通知过补正；补正通知应当一次性载明需要补正的事项（《行政复议法》第三十一条）', en: 'A correction was already requested' });
    const reviewDue = await openReview(trx, c, input.noticeDate).catch((e) => {
      if ((e as { code?: string }).code === 'REVIEW_PERIOD_ENDED')
        throw conflict('CORRECTION_NOTICE_LATE', { zh: '补正通知应当自收到申请之日起五日内发出（《行政复议法》第三十一条），审查期限已届满', en: 'The correction notice was due within the review period' });
      throw e;
    });
    void reviewDue;
    await withdrawDeemed(trx, c);
    const cal = await loadCalendar(trx);
    const after = await save(trx, actor, c, { status: 'correction', correction_notice_date: input.noticeDate, correction_received_date: input.receivedDate, correction_items: input.items, correction_supplied_date: null, accepted_date: null, acceptance_mode: null, decision_due: null, review_due: null }, 'request_correction');
    // The review clock stops; it restarts when the materials arrive (第31条).
    await closeDeadline(trx, ENTITY.recon, id, 'acceptance_review', 'cancelled');
    await setClock(trx, cal, ENTITY.recon, id, clocks.correctionSupply(c.law_version, input.receivedDate, input.periodDays), organ(c));
    return after;
  });
}

/** Records the applicant's correction materials; the 5-working-day review starts again. */
export async function recordCorrectionSupplied(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DateAction>) {
  return db.transaction().execute(async (trx) => {
    const c = await lockForOrgan(trx, actor, id);
    requireStatus(c, ['correction'], 'NO_CORRECTION_PENDING', { zh: '该案件未处于补正期间', en: 'No correction is pending' });
    notBefore('date', input.date, c.correction_received_date!, '申请人收到补正通知的日期');
    const due = (await dueOf(trx, id, 'correction_supply'))!;
    if (input.date > due)
      throw conflict('CORRECTION_PERIOD_EXPIRED', { zh: `补正期限已于${due}届满，无正当理由逾期不补正的，视为申请人放弃行政复议申请（《行政复议法》第三十一条）`, en: `The correction period ended on ${due}` });
    const cal = await loadCalendar(trx);
    const after = await save(trx, actor, c, { status: 'received', correction_supplied_date: input.date }, 'correction_supplied');
    await closeDeadline(trx, ENTITY.recon, id, 'correction_supply', 'done');
    return startReview(trx, cal, after, input.date, true);
  });
}

/** Marks the application abandoned after the correction period lapsed (视为放弃). */
export async function markAbandoned(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DateAction>) {
  return db.transaction().execute(async (trx) => {
    const c = await lockForOrgan(trx, actor, id);
    requireStatus(c, ['correction'], 'NO_CORRECTION_PENDING', { zh: '该案件未处于补正期间', en: 'No correction is pending' });
    const due = (await dueOf(trx, id, 'correction_supply'))!;
    if (input.date <= due) throw conflict('CORRECTION_PERIOD_RUNNING', { zh: `补正期限至${due}届满，届满前不得视为放弃`, en: `The correction period runs until ${due}` });
    const after = await save(trx, actor, c, { status: 'abandoned', abandoned_date: input.date }, 'abandon');
    await closeDeadline(trx, ENTITY.recon, id, 'correction_supply', 'cancelled');
    return after;
  });
}

/** Sends the application copy to the respondent; with its receipt date, starts the answer clock. */
export async function sendCopyToRespondent(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof CopyInput>) {
  return db.transaction().execute(async (trx) => {
    const c = await lockForOrgan(trx, actor, id);
    requireStatus(c, ['accepted', 'suspended'], 'CASE_NOT_ACCEPTED', NOT_ACCEPTED);
    if (c.respondent_received_date) throw conflict('COPY_ALREADY_SENT', { zh: '申请书副本已送达被申请人', en: 'The copy was already received' });
    notBefore('sentDate', input.sentDate, c.accepted_date!, '受理日期');
    if (input.receivedDate) notBefore('receivedDate', input.receivedDate, input.sentDate, '发送日期');
    const cal = await loadCalendar(trx);
    const after = await save(trx, actor, c, { copy_sent_date: input.sentDate, respondent_received_date: input.receivedDate ?? null }, 'send_copy');
    await closeDeadline(trx, ENTITY.recon, id, 'copy_to_respondent', 'done');
    if (input.receivedDate) await setClock(trx, cal, ENTITY.recon, id, clocks.respondentAnswer(c.law_version, c.procedure, input.receivedDate), respondent(c));
    return after;
  });
}

/** The respondent files its written answer and evidence (书面答复). */
export async function submitAnswer(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DateAction>) {
  return db.transaction().execute(async (trx) => {
    const c = await lockForRespondent(trx, actor, id);
    requireStatus(c, ['accepted', 'suspended'], 'CASE_NOT_ACCEPTED', NOT_ACCEPTED);
    if (!c.respondent_received_date) throw conflict('COPY_NOT_RECEIVED', { zh: '被申请人尚未收到申请书副本', en: 'The respondent has not received the copy' });
    if (c.answer_date) throw conflict('ANSWER_ALREADY_FILED', { zh: '书面答复已提交', en: 'The answer was already filed' });
    notBefore('date', input.date, c.respondent_received_date, '收到申请书副本的日期');
    const after = await save(trx, actor, c, { answer_date: input.date }, 'answer');
    await closeDeadline(trx, ENTITY.recon, id, 'answer', 'done');
    return after;
  });
}

/** Records a hearing; under the 2023 law the notice must precede it by 5 working days (第51条). */
export async function recordReconHearing(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ReconHearingInput>) {
  return db.transaction().execute(async (trx) => {
    const c = await lockForOrgan(trx, actor, id);
    requireStatus(c, ['accepted'], 'CASE_NOT_ACCEPTED', NOT_ACCEPTED);
    notBefore('hearingDate', input.hearingDate, c.accepted_date!, '受理日期');
    notBefore('hearingDate', input.hearingDate, input.noticeDate, '通知日期');
    if (c.law_version === '2023') {
      const cal = await loadCalendar(trx);
      // 2023法 第51条: 于举行听证的五日前将听证的时间、地点和拟听证事项书面通知当事人 (五日 = 工作日).
      if (cal.addWorkdays(input.noticeDate, 5) > input.hearingDate)
        throw conflict('HEARING_NOTICE_TOO_SHORT', { zh: '应当于举行听证的五个工作日前书面通知当事人（《行政复议法》第五十一条）', en: 'The hearing notice must precede the hearing by 5 working days' });
    }
    if (!input.respondentHeadAttended && !input.respondentAttendee)
      throw fieldError('ATTENDEE_REQUIRED', 'respondentAttendee', { zh: '被申请人负责人未参加听证的，应当记录其委托参加的工作人员（《行政复议法》第五十一条）', en: 'Name who attended for the respondent' });
    const h = await trx
      .insertInto('reconsideration_hearings')
      .values({ case_id: id, hearing_date: input.hearingDate, notice_date: input.noticeDate, place: input.place ?? null, respondent_head_attended: input.respondentHeadAttended, respondent_attendee: input.respondentAttendee ?? null, notes: input.notes ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChild(trx, actor, c, 'hearing', h);
    return h;
  });
}

/** Suspends the case (中止): the decision clock stops; items 1, 2, 4 under the 2023 law start the 60-day limit. */
export async function suspendReconsideration(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof SuspendInput>) {
  return db.transaction().execute(async (trx) => {
    const c = await lockForOrgan(trx, actor, id);
    requireStatus(c, ['accepted'], 'CASE_NOT_ACCEPTED', NOT_ACCEPTED);
    notBefore('date', input.date, c.accepted_date!, '受理日期');
    const last = await trx.selectFrom('reconsideration_suspensions').select(sql<string>`max(resumed_date)`.as('d')).where('case_id', '=', id).executeTakeFirst();
    if (last?.d) notBefore('date', input.date, last.d, '上次恢复审理的日期');
    if (c.decision_due && input.date > c.decision_due)
      throw conflict('DECISION_PERIOD_ENDED', { zh: `审理期限已于${c.decision_due}届满，不得再中止`, en: `The decision period ended on ${c.decision_due}` });
    const reason = input.reason ?? SUSPENSION_ITEMS[input.reasonItem];
    const susp = await trx.insertInto('reconsideration_suspensions').values({ case_id: id, from_date: input.date, reason_item: input.reasonItem, reason }).returningAll().executeTakeFirstOrThrow();
    await auditChild(trx, actor, c, 'suspension', susp);
    const after = await save(trx, actor, c, { status: 'suspended' }, 'suspend');
    // While suspended nothing is due: the decision clock is stopped and restarted on resumption.
    await closeDeadline(trx, ENTITY.recon, id, 'decision', 'cancelled');
    if (c.law_version === '2023' && [1, 2, 4].includes(input.reasonItem))
      await setClock(trx, await loadCalendar(trx), ENTITY.recon, id, clocks.suspensionLimit(input.date), organ(c));
    return after;
  });
}

/** Resumes a suspended case (恢复审理): the decision clock runs again, moved by the days paused. */
export async function resumeReconsideration(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DateAction>) {
  return db.transaction().execute(async (trx) => {
    const c = await lockForOrgan(trx, actor, id);
    requireStatus(c, ['suspended'], 'CASE_NOT_SUSPENDED', { zh: '案件未中止，无需恢复审理', en: 'The case is not suspended' });
    const open = await trx.selectFrom('reconsideration_suspensions').selectAll().where('case_id', '=', id).where('resumed_date', 'is', null).executeTakeFirstOrThrow();
    if (input.date <= open.from_date)
      throw fieldError('DATE_TOO_EARLY', 'date', { zh: `恢复审理日期应晚于中止日期（${open.from_date}）`, en: 'Resumption must follow the suspension' });
    await trx.updateTable('reconsideration_suspensions').set({ resumed_date: input.date }).where('id', '=', open.id).execute();
    const after = await save(trx, actor, c, { status: 'accepted' }, 'resume');
    await closeDeadline(trx, ENTITY.recon, id, 'suspension_limit', 'done');
    await setDecisionClock(trx, await loadCalendar(trx), after);
    return trx.selectFrom('reconsideration_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}

/** Grants the one extension of the decision period (≤30 days, approved, parties notified in writing). */
export async function extendReconsideration(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ExtensionInput>) {
  return db.transaction().execute(async (trx) => {
    const c = await lockForOrgan(trx, actor, id);
    requireStatus(c, ['accepted'], 'CASE_NOT_ACCEPTED', NOT_ACCEPTED);
    if (c.extension_days)
      throw conflict('EXTENSION_ALREADY_GRANTED', { zh: `审理期限已延长一次（${c.extension_days}日），不得再次延长（《行政复议法》第六十二条：延长期限最多不得超过三十日）`, en: 'The decision period was already extended once' });
    if (c.procedure === 'simplified')
      throw conflict('NO_EXTENSION_SIMPLIFIED', { zh: '适用简易程序的案件应当自受理之日起三十日内作出决定，不得延长（《行政复议法》第六十二条第二款）', en: 'Simplified-procedure cases cannot be extended' });
    notBefore('approvedDate', input.approvedDate, c.accepted_date!, '受理日期');
    notBefore('noticeDate', input.noticeDate, input.approvedDate, '批准日期');
    if (c.decision_due && input.approvedDate > c.decision_due)
      throw conflict('EXTENSION_TOO_LATE', { zh: `审理期限已于${c.decision_due}届满，届满后不得延长`, en: `The decision period ended on ${c.decision_due}` });
    const after = await save(trx, actor, c, {
      extension_days: input.days, extension_approved_date: input.approvedDate, extension_approver: input.approver, extension_notice_date: input.noticeDate, extension_reason: input.reason,
    }, 'extend');
    await setDecisionClock(trx, await loadCalendar(trx), after);
    return trx.selectFrom('reconsideration_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}

const NOT_IN_2017 = ['确认无效', '行政协议决定'];

/** Concludes an accepted case with a decision, 驳回申请, 终止 or 调解书; records whether it was within the period. */
export async function decideReconsideration(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DecisionInput>) {
  return db.transaction().execute(async (trx) => {
    const c = await lockForOrgan(trx, actor, id);
    if (c.status === 'suspended')
      throw conflict('CASE_SUSPENDED', { zh: '案件处于中止状态，应先恢复审理或决定终止', en: 'The case is suspended; resume it first' });
    if (c.status !== 'accepted')
      throw conflict('CASE_NOT_ACCEPTED', { zh: '案件未受理（或已审结），不得作出行政复议决定（《行政复议法》第三十条、第六十一条）', en: 'No decision on a case that is not accepted' }, { status: c.status });
    if (c.law_version === '2017' && NOT_IN_2017.includes(input.outcome))
      throw fieldError('OUTCOME_NOT_IN_LAW', 'outcome', { zh: `“${input.outcome}”是2023年修订《行政复议法》的决定类型，本案适用2017年《行政复议法》`, en: 'This decision type is not in the 2017 law' });
    if (input.outcome === '终止' && !input.terminationReason)
      throw fieldError('TERMINATION_REASON_REQUIRED', 'terminationReason', { zh: '决定终止的，应当写明终止事由（《行政复议法》第四十一条）', en: 'Give the ground of termination' });
    notBefore('date', input.date, c.accepted_date!, '受理日期');
    const due = c.decision_due ?? (await dueOf(trx, id, 'decision'))!;
    const after = await save(trx, actor, c, {
      status: 'closed', outcome: input.outcome, decision_date: input.date, decision_summary: input.summary, termination_reason: input.outcome === '终止' ? input.terminationReason! : null,
      decision_due: due, closed_within_period: input.date <= due,
    }, 'decide');
    await closeDeadline(trx, ENTITY.recon, id, 'decision', 'done');
    for (const k of ['copy_to_respondent', 'answer', 'suspension_limit']) {
      const d = await trx.selectFrom('deadlines').select('status').where('entity', '=', ENTITY.recon).where('entity_id', '=', id).where('kind', '=', k).executeTakeFirst();
      if (d?.status === 'open') await closeDeadline(trx, ENTITY.recon, id, k, 'cancelled');
    }
    return after;
  });
}

/** Issues an opinion letter (意见书) or suggestion to a unit; an opinion starts the 60-day compliance clock. */
export async function issueOpinion(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof OpinionInput>) {
  return db.transaction().execute(async (trx) => {
    const c = await lockForOrgan(trx, actor, id);
    requireStatus(c, ['accepted', 'suspended', 'closed'], 'CASE_NOT_ACCEPTED', NOT_ACCEPTED);
    notBefore('issuedDate', input.issuedDate, c.accepted_date!, '受理日期');
    notBefore('receivedDate', input.receivedDate, input.issuedDate, '制发日期');
    // The addressee must be a unit in the office's own district (its write scope).
    if (!(await unitWithin(trx, input.unitId, writeRegionPaths(actor, OFFICE_WRITE))))
      throw fieldError('UNIT_NOT_FOUND', 'unitId', { zh: '收文单位不存在或不在本区', en: 'Unit not found' });
    const o = await Opinions.insert(trx, actor, { case_id: id, region_id: c.region_id, unit_id: input.unitId, kind: input.kind, issued_date: input.issuedDate, received_date: input.receivedDate, content: input.content });
    if (input.kind === 'opinion')
      await setClock(trx, await loadCalendar(trx), ENTITY.opinion, o.id, clocks.opinionCompliance(c.law_version, input.receivedDate), { regionId: c.region_id, unitId: input.unitId, titlePrefix: c.case_no });
    return o;
  });
}

/** The addressee reports how it complied with an opinion letter (落实情况). */
export async function reportCompliance(db: Kysely<Database>, actor: Actor, opinionId: string, input: z.infer<typeof ComplianceInput>) {
  return db.transaction().execute(async (trx) => {
    const o = await Opinions.lockForWrite(trx, actor, opinionId);
    if (o.compliance_date) throw conflict('COMPLIANCE_ALREADY_REPORTED', { zh: '落实情况已报送', en: 'Compliance was already reported' });
    notBefore('date', input.date, o.received_date, '收到意见书的日期');
    const after = await Opinions.update(trx, actor, o, { compliance_date: input.date, compliance_note: input.note }, 'compliance');
    await closeDeadline(trx, ENTITY.opinion, opinionId, 'compliance', 'done');
    return after;
  });
}

// ---------------- reads ----------------

/** The reconsideration register, scoped and paged; the acceptance is derived as of today (never written by a read). */
export async function listReconsiderations(db: Kysely<Database>, actor: Actor, q: z.infer<typeof ReconListQuery>) {
  const e = effectiveAcceptance('c');
  return Recons.list(db, actor, q, {
    select: (qb) =>
      qb
        .innerJoin('units as u', 'u.id', 'c.unit_id')
        .selectAll('c')
        .select('u.name as unit_name')
        .select(caseReadCols(actor) as never)
        .$if(!!q.status, (b) => b.where(e.status as Expression<string>, '=', q.status!))
        .$if(!!q.unitId, (b) => b.where('c.unit_id', '=', q.unitId!))
        .$if(!!q.lawVersion, (b) => b.where('c.law_version', '=', q.lawVersion!))
        .$if(!!q.caseType, (b) => b.where('c.case_type', '=', q.caseType!))
        .$if(!!q.year, (b) => b.where('c.received_date', '>=', `${q.year}-01-01`).where('c.received_date', '<=', `${q.year}-12-31`))
        .$if(!!q.q, (b) => b.where((eb: any) => eb.or([eb('c.case_no', 'like', `%${q.q}%`), eb('c.applicant_name', 'like', `%${q.q}%`), eb('c.act_challenged', 'like', `%${q.q}%`)]))) as any,
    sortable: { receivedDate: 'c.received_date', caseNo: 'c.case_no', status: 'c.status', decisionDue: 'c.decision_due' },
    defaultSort: { column: 'c.received_date', order: 'desc' },
  }) as Promise<{ items: ReconRead[]; total: number; page: number; pageSize: number }>;
}

/** One case with its hearings, suspensions, opinion letters and deadlines. */
export async function getReconsideration(db: Kysely<Database>, actor: Actor, id: string) {
  const c = (await Recons.query(db, actor)
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select('u.name as unit_name')
    .select(caseReadCols(actor) as never)
    .where('c.id', '=', id)
    .executeTakeFirst()) as ReconRead | undefined;
  if (!c) throw notFound(Recons.label);
  const [hearings, suspensions, opinions, deadlines] = await Promise.all([
    db.selectFrom('reconsideration_hearings').selectAll().where('case_id', '=', id).orderBy('hearing_date').execute(),
    db.selectFrom('reconsideration_suspensions').selectAll().where('case_id', '=', id).orderBy('from_date').execute(),
    db
      .selectFrom('reconsideration_opinions as o')
      .innerJoin('units as u', 'u.id', 'o.unit_id')
      .selectAll('o')
      .select('u.name as unit_name')
      .select(sql<boolean>`${Opinions.writeWhere(actor, 'o')}`.as('may_comply'))
      .where('o.case_id', '=', id)
      .orderBy('o.issued_date')
      .execute(),
    deadlinesOf(db, ENTITY.recon, id),
  ]);
  return { c, hearings, suspensions, opinions, deadlines };
}

/** An opinion letter as read by the actor (after the addressee reports compliance). */
export async function getOpinion(db: Kysely<Database>, actor: Actor, id: string) {
  const o = await Opinions.query(db, actor)
    .innerJoin('units as u', 'u.id', 'o.unit_id')
    .selectAll('o')
    .select('u.name as unit_name')
    .select(sql<boolean>`${Opinions.writeWhere(actor, 'o')}`.as('may_comply'))
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!o) throw notFound(Opinions.label);
  return o as Selectable<Database['reconsideration_opinions']> & { unit_name: string; may_comply: boolean };
}

/** Whether an outcome corrects the respondent (纠错). */
export const isCorrective = (outcome: string | null) => !!outcome && RECON_CORRECTIVE.includes(outcome);
