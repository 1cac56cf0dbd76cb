/**
 * Legal aid use cases (法律援助法 2021): receive an application or a notification, decide eligibility,
 * refuse in writing, take and review an objection, assign a lawyer, record progress, close, review
 * quality and pay the subsidy; legal help person-times; lawyer service teams and enterprise check-ups.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { addMonths, computeDeadline, loadCalendar, today, type DeadlineSpec } from '../../core/calendar/index.js';
import { closeDeadline, deadlinesOf, setDeadline } from '../../core/deadlines/index.js';
import { badRequest, conflict, notFound } from '../../core/errors/index.js';
import { defineSetting, getSetting } from '../../core/settings.js';
import { hasRole, type Actor } from '../../core/scope/index.js';
import { registerConstraints } from '../../core/errors/database.js';
import { unitRegion } from '../org/lookup.js';
import { Cases, Checkups, Help, Lawyers, Teams } from './records.js';
import type {
  ApplicationInput, AssignInput, CaseListQuery, CheckupInput, CloseInput, DecisionInput, HelpInput, HelpListQuery, LawyerInput,
  NotificationInput, ObjectionInput, ObjectionReviewInput, ProgressInput, QualityInput, TeamInput, YearQuery,
} from './schema.js';

const MODULE = 'legalaid';
type In<T extends z.ZodType> = z.infer<T>;

/**
 * 法律援助法 does not say whether its 三日/五日/七日 are working days (REFERENCE §12.3); 司法部令第124号
 * (2012) art. 13 counted 7 working days. Configurable per step; default working days.
 */
type DayUnit = 'WD' | 'ND';
export const DayUnits = defineSetting<{ decision: DayUnit; assignment: DayUnit; objection: DayUnit }>({
  key: 'legalaid.dayUnits',
  label: { zh: '法律援助期限计算单位（工作日/自然日）', en: 'Legal aid time limits: working or natural days' },
  schema: z.object({ decision: z.enum(['WD', 'ND']), assignment: z.enum(['WD', 'ND']), objection: z.enum(['WD', 'ND']) }),
  default: { decision: 'WD', assignment: 'WD', objection: 'WD' },
});

/**
 * 法律援助法 第三十四条: the economic-hardship standard is set by the province and changes over time,
 * so it is kept dated — each entry applies from its date (monthly income per household member, yuan).
 * Empty until the administrator enters the province's published standard.
 */
export const HardshipStandard = defineSetting({
  key: 'legalaid.hardshipStandard',
  label: { zh: '法律援助经济困难标准（家庭人均月收入，元，按施行日期）', en: 'Legal aid hardship standard (monthly income per person, by date)' },
  schema: z.array(z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), monthlyIncome: z.number().min(0), source: z.string().max(200) })).max(50),
  default: [],
});

registerConstraints({
  legalaid_cases_no_unique: { status: 409, code: 'CASE_NO_TAKEN', msg: { zh: '案件编号已存在，请重试', en: 'Case number already taken; retry' } },
  legalaid_lawyers_licence_unique: { status: 409, code: 'LAWYER_EXISTS', msg: { zh: '该执业证号的律师已在名册中', en: 'A lawyer with this licence number is on the roster' } },
  legalaid_teams_name_unique: { status: 409, code: 'TEAM_EXISTS', msg: { zh: '同名律师服务团已存在', en: 'A team with this name exists' } },
  legalaid_cases_decision: { status: 400, code: 'DECISION_BEFORE_RECEIPT', msg: { zh: '决定日期不能早于收到申请之日', en: 'The decision cannot precede receipt' } },
});

/**
 * To-do priority of the 7-day decision, 3-day assignment and 5-day objection review: the rank the other
 * modules give a statutory time limit (documents' filing, enforcement decisions). The to-do list sorts by
 * priority, then due date, so an older overdue statutory item of another module comes first.
 */
export const STATUTORY_PRIORITY = 2;

const fieldErr = (code: string, path: string, zh: string, en: string) => badRequest(code, { zh, en }, { fields: [{ path, message: zh }] });

/** The standard in force on a day, or undefined when none is set. */
export async function hardshipStandardOn(db: Db, day: string) {
  const list = await getSetting(db, HardshipStandard);
  return [...list].sort((a, b) => b.from.localeCompare(a.from)).find((s) => s.from <= day);
}

/** The deadline specs of the three steps, on the configured day units. */
async function specs(db: Db) {
  const u = await getSetting(db, DayUnits);
  const mk = (unit: 'WD' | 'ND', from: string, n: number): DeadlineSpec => (unit === 'WD' ? { from, unit, n } : { from, unit, n, rollOver: true });
  return {
    // 法律援助法 第四十三条：自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定。
    decision: (from: string) => mk(u.decision, from, 7),
    // 第四十三条：决定给予法律援助的，自作出决定之日起三日内指派；第三十六条：收到通知后三日内指派。
    assignment: (from: string) => mk(u.assignment, from, 3),
    // 第四十九条：司法行政部门应当自收到异议之日起五日内进行审查。
    objection: (from: string) => mk(u.objection, from, 5),
  };
}

const notAfterToday = (day: string, path: string) => {
  if (day > today()) throw fieldErr('DATE_IN_FUTURE', path, '日期不能晚于今天', 'The date cannot be in the future');
};

async function placeAt(db: Db, unitId: string) {
  const r = await unitRegion(db, unitId);
  if (!r) throw fieldErr('UNIT_UNKNOWN', 'unitId', '承办单位不存在', 'Unknown unit');
  return r;
}

// ---- lawyers ----------------------------------------------------------------------------------

/** Adds a lawyer to the legal-aid roster. */
export async function registerLawyer(db: Kysely<Database>, actor: Actor, input: In<typeof LawyerInput>) {
  const region = await placeAt(db, input.unitId);
  return db.transaction().execute((trx) =>
    Lawyers.insert(trx, actor, { region_id: region.id, unit_id: input.unitId, name: input.name, firm: input.firm, licence_no: input.licenceNo, practice_since: input.practiceSince }),
  );
}

/** The roster, in scope. */
export function listLawyers(db: Db, actor: Actor, q: In<typeof YearQuery>) {
  return Lawyers.list(db, actor, q, {
    select: (qb) => qb.innerJoin('units as u', 'u.id', 'l.unit_id').selectAll('l').select('u.name as unit_name')
      .$if(!!q.q, (b) => b.where((eb: any) => eb.or([eb('l.name', 'like', `%${q.q}%`), eb('l.firm', 'like', `%${q.q}%`)]))),
    sortable: { name: 'l.name', practiceSince: 'l.practice_since' },
    defaultSort: { column: 'l.name', order: 'asc' },
  });
}

// ---- cases ------------------------------------------------------------------------------------

/** A case row as lists and the detail page read it. */
export type CaseRow = Selectable<Database['legalaid_cases']> & { unit_name: string; lawyer_name: string | null; can_edit: boolean; decision_due: string | null; assignment_due: string | null };

async function nextCaseNo(trx: Db, regionId: string, day: string) {
  const year = day.slice(0, 4);
  const r = await trx.selectFrom('legalaid_cases').select(sql<number>`count(*)`.as('n')).where('region_id', '=', regionId).where('case_no', 'like', `${year}-%`).executeTakeFirstOrThrow();
  return `${year}-${String(Number(r.n) + 1).padStart(4, '0')}`;
}

const dueOf = (kind: string) =>
  sql<string | null>`(select to_char(d.due_date, 'YYYY-MM-DD') from deadlines d where d.entity = 'legalaid_case' and d.entity_id = c.id and d.kind = ${kind})`;

function caseSelect(qb: any, actor: Actor) {
  return qb
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('legalaid_lawyers as l', 'l.id', 'c.lawyer_id')
    .selectAll('c')
    .select(['u.name as unit_name', 'l.name as lawyer_name', sql<boolean>`${Cases.writeWhere(actor)}`.as('can_edit'), dueOf('decision').as('decision_due'), dueOf('assignment').as('assignment_due')]);
}

/** Cases in scope, filtered and paged. */
export function listCases(db: Db, actor: Actor, q: In<typeof CaseListQuery>) {
  return Cases.list<CaseRow>(db, actor, q, {
    select: (qb) => caseSelect(qb, actor)
      .$if(!!q.status, (b: any) => b.where('c.status', '=', q.status))
      .$if(!!q.caseType, (b: any) => b.where('c.case_type', '=', q.caseType))
      .$if(!!q.origin, (b: any) => b.where('c.origin', '=', q.origin))
      .$if(!!q.year, (b: any) => b.where('c.received_on', '>=', `${q.year}-01-01`).where('c.received_on', '<=', `${q.year}-12-31`))
      .$if(!!q.q, (b: any) => b.where((eb: any) => eb.or([eb('c.person_name', 'like', `%${q.q}%`), eb('c.case_no', 'like', `%${q.q}%`), eb('c.matter', 'like', `%${q.q}%`)]))),
    sortable: { receivedOn: 'c.received_on', caseNo: 'c.case_no', status: 'c.status' },
    defaultSort: { column: 'c.received_on', order: 'desc' },
  });
}

/**
 * One case with its progress and deadlines. Opening a case is audited (法律援助法 第二十一条: the
 * applicant's personal information is kept confidential, so who read it is on record).
 */
export async function getCase(db: Kysely<Database>, actor: Actor, id: string) {
  const row = (await caseSelect(Cases.query(db, actor), actor).where('c.id', '=', id).executeTakeFirst()) as CaseRow | undefined;
  if (!row) throw notFound(Cases.label);
  const progress = await db.selectFrom('legalaid_case_progress').select(['id', 'on_date', 'note']).where('case_id', '=', id).orderBy('on_date').orderBy('created_at').execute();
  const deadlines = await deadlinesOf(db, 'legalaid_case', id);
  await db.transaction().execute((trx) => Cases.audit(trx, actor, 'open', null, { id: row.id, region_id: row.region_id, unit_id: row.unit_id }));
  return { row, progress, deadlines };
}

/** Receives an application and starts the 7-day decision clock (第四十三条). */
export async function receiveApplication(db: Kysely<Database>, actor: Actor, input: In<typeof ApplicationInput>) {
  return db.transaction().execute((trx) => receiveApplicationIn(trx, actor, input));
}

/** `receiveApplication` inside the caller's transaction (the ledger import writes many in one). */
export async function receiveApplicationIn(trx: Db, actor: Actor, input: In<typeof ApplicationInput>) {
  notAfterToday(input.receivedOn, 'receivedOn');
  const region = await placeAt(trx, input.unitId);
  const sp = await specs(trx);
  const row = await Cases.insert(trx, actor, {
    region_id: region.id, unit_id: input.unitId, case_no: await nextCaseNo(trx, region.id, input.receivedOn), origin: 'application',
    case_type: input.caseType, service_form: input.serviceForm, status: 'received', person_name: input.personName,
    id_number: input.idNumber ?? null, phone: input.phone ?? null, matter: input.matter, received_on: input.receivedOn, created_by: actor.userId,
  }, 'receive_application');
  await setDeadline(trx, {
    module: MODULE, entity: Cases.entity, entityId: row.id, kind: 'decision', title: { zh: `法律援助申请审查决定：${row.person_name}（${row.case_no}）`, en: `Decide the legal aid application: ${row.person_name} (${row.case_no})` },
    regionId: region.id, unitId: input.unitId, spec: sp.decision(input.receivedOn),
    basis: '法律援助法 第四十三条：自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定', priority: STATUTORY_PRIORITY,
  });
  return row;
}

/**
 * Receives a notification from a court, procuratorate or police (第二十五条 mandatory categories);
 * no eligibility decision is needed, and the 3-day assignment clock starts (第三十六条).
 */
export async function receiveNotification(db: Kysely<Database>, actor: Actor, input: In<typeof NotificationInput>) {
  return db.transaction().execute((trx) => receiveNotificationIn(trx, actor, input));
}

/** `receiveNotification` inside the caller's transaction. */
export async function receiveNotificationIn(trx: Db, actor: Actor, input: In<typeof NotificationInput>) {
  notAfterToday(input.notifiedOn, 'notifiedOn');
  if (input.caseType !== 'criminal' && input.mandatoryCategory !== 'compulsory_treatment')
    throw fieldErr('NOTIFICATION_NOT_CRIMINAL', 'caseType', '通知辩护（代理）适用于刑事案件和强制医疗案件', 'Notifications are for criminal and compulsory-treatment cases');
  const region = await placeAt(trx, input.unitId);
  const sp = await specs(trx);
  const row = await Cases.insert(trx, actor, {
    region_id: region.id, unit_id: input.unitId, case_no: await nextCaseNo(trx, region.id, input.notifiedOn), origin: 'notification',
    case_type: input.caseType, service_form: input.serviceForm, status: 'granted', person_name: input.personName,
    id_number: input.idNumber ?? null, phone: input.phone ?? null, matter: input.matter, received_on: input.notifiedOn,
    notifying_organ: input.notifyingOrgan, notifying_organ_name: input.notifyingOrganName, mandatory_category: input.mandatoryCategory, created_by: actor.userId,
  }, 'receive_notification');
  await setDeadline(trx, {
    module: MODULE, entity: Cases.entity, entityId: row.id, kind: 'assignment', title: { zh: `指派律师：${row.person_name}（${row.case_no}，通知辩护）`, en: `Assign a lawyer: ${row.person_name} (${row.case_no}, notification)` },
    regionId: region.id, unitId: input.unitId, spec: sp.assignment(input.notifiedOn),
    basis: '法律援助法 第三十六条：法律援助机构收到通知后，应当在三日内指派律师', priority: STATUTORY_PRIORITY,
  });
  return row;
}

/**
 * Decides an application (第四十三条). Economic hardship is checked against the province's standard in
 * force on the decision day (第三十四条) unless art. 32 or art. 42 applies, which is recorded as the
 * reason the check was skipped. A refusal states its reasons in writing. A decision after the 7-day
 * limit needs the reason for the delay.
 */
export async function decideApplication(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof DecisionInput>) {
  notAfterToday(input.decidedOn, 'decidedOn');
  const sp = await specs(db);
  return db.transaction().execute(async (trx) => {
    const before = await Cases.lockForWrite(trx, actor, id);
    if (before.status !== 'received')
      throw conflict('CASE_ALREADY_DECIDED', { zh: '该案件不在待审查状态，不能再作决定', en: 'The case is not awaiting a decision' });
    if (input.decidedOn < before.received_on) throw fieldErr('DECISION_BEFORE_RECEIPT', 'decidedOn', '决定日期不能早于收到申请之日', 'The decision cannot precede receipt');
    const cal = await loadCalendar(trx);
    const due = computeDeadline(cal, sp.decision(before.received_on)).due;
    if (input.decidedOn > due && !input.lateReason)
      throw fieldErr('DECISION_LATE_REASON_REQUIRED', 'lateReason', `已超过七日审查期限（${due}），请说明逾期原因`, `Past the 7-day limit (${due}); give the reason for the delay`);
    let standard: number | null = null;
    if (input.hardshipBasis === 'checked') {
      const s = await hardshipStandardOn(trx, input.decidedOn);
      if (!s) throw fieldErr('HARDSHIP_STANDARD_UNSET', 'hardshipBasis', '尚未设置该日期适用的经济困难标准，请管理员先在系统设置中录入省定标准', 'No hardship standard is set for this date');
      standard = s.monthlyIncome;
      if (input.granted && input.monthlyIncome! > standard)
        throw fieldErr('HARDSHIP_NOT_MET', 'monthlyIncome', `家庭人均月收入${input.monthlyIncome}元高于经济困难标准${standard}元，不符合给予法律援助的经济条件`, `Income above the standard of ${standard}`);
    }
    const after = await Cases.update(trx, actor, before, {
      status: input.granted ? 'granted' : 'refused', decided_on: input.decidedOn, hardship_basis: input.hardshipBasis,
      exemption: input.hardshipBasis === 'checked' ? null : input.exemption, monthly_income: input.monthlyIncome ?? null, standard_applied: standard,
      refusal_reasons: input.granted ? null : input.refusalReasons, late_reason: input.decidedOn > due ? input.lateReason : null,
    }, input.granted ? 'grant' : 'refuse');
    await closeDeadline(trx, Cases.entity, id, 'decision');
    if (input.granted) await setAssignmentDeadline(trx, after, input.decidedOn, sp, '法律援助法 第四十三条：决定给予法律援助的，应当自作出决定之日起三日内指派');
    return after;
  });
}

async function setAssignmentDeadline(trx: Db, row: { id: string; region_id: string; unit_id: string; person_name: string; case_no: string }, from: string, sp: Awaited<ReturnType<typeof specs>>, basis: string) {
  await setDeadline(trx, {
    module: MODULE, entity: Cases.entity, entityId: row.id, kind: 'assignment', title: { zh: `指派律师：${row.person_name}（${row.case_no}）`, en: `Assign a lawyer: ${row.person_name} (${row.case_no})` },
    regionId: row.region_id, unitId: row.unit_id, spec: sp.assignment(from), basis, priority: STATUTORY_PRIORITY,
  });
}

/** Takes an applicant's objection to a refusal (第四十九条); the 5-day review clock starts. */
export async function objectToRefusal(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof ObjectionInput>) {
  notAfterToday(input.objectedOn, 'objectedOn');
  const sp = await specs(db);
  return db.transaction().execute(async (trx) => {
    const before = await Cases.lockForWrite(trx, actor, id);
    if (before.status !== 'refused' || before.objected_on)
      throw conflict('OBJECTION_NOT_ALLOWED', { zh: '只能对不予法律援助的决定提出一次异议', en: 'An objection lies once, against a refusal' });
    if (input.objectedOn < before.decided_on!) throw fieldErr('OBJECTION_BEFORE_DECISION', 'objectedOn', '异议日期不能早于决定日期', 'The objection cannot precede the decision');
    const after = await Cases.update(trx, actor, before, { status: 'objected', objected_on: input.objectedOn, objection_reasons: input.reasons }, 'object');
    await setDeadline(trx, {
      module: MODULE, entity: Cases.entity, entityId: id, kind: 'objection', title: { zh: `审查法律援助异议：${before.person_name}（${before.case_no}）`, en: `Review the legal aid objection: ${before.person_name} (${before.case_no})` },
      regionId: before.region_id, unitId: before.unit_id, spec: sp.objection(input.objectedOn),
      basis: '法律援助法 第四十九条：司法行政部门应当自收到异议之日起五日内进行审查，作出维持或者责令法律援助机构改正的决定', priority: STATUTORY_PRIORITY,
    });
    return after;
  });
}

/**
 * The justice bureau's review of an objection (第四十九条): well-founded → the centre must give aid
 * (the 3-day assignment clock starts from the review); otherwise the refusal stands. Office only.
 */
export async function reviewObjection(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof ObjectionReviewInput>) {
  notAfterToday(input.reviewedOn, 'reviewedOn');
  const sp = await specs(db);
  return db.transaction().execute(async (trx) => {
    const before = await Cases.lockForWrite(trx, actor, id, { regionRoles: ['office'], unitRoles: ['unit_head'] });
    if (before.status !== 'objected') throw conflict('NO_OBJECTION_PENDING', { zh: '该案件没有待审查的异议', en: 'No objection is pending' });
    if (input.reviewedOn < before.objected_on!) throw fieldErr('REVIEW_BEFORE_OBJECTION', 'reviewedOn', '审查日期不能早于收到异议之日', 'The review cannot precede the objection');
    const after = await Cases.update(trx, actor, before, {
      status: input.upheld ? 'granted' : 'refused', objection_reviewed_on: input.reviewedOn, objection_upheld: input.upheld, objection_opinion: input.opinion,
    }, input.upheld ? 'objection_upheld' : 'objection_dismissed');
    await closeDeadline(trx, Cases.entity, id, 'objection');
    if (input.upheld) await setAssignmentDeadline(trx, after, input.reviewedOn, sp, '法律援助法 第四十九条、第四十三条：异议成立，责令给予法律援助，自决定之日起三日内指派');
    return after;
  });
}

/** Whether a lawyer had three years of practice on a day (第二十六条). */
export const hasThreeYears = (practiceSince: string, on: string) => addMonths(practiceSince, 36) <= on;

/**
 * Assigns a lawyer (第三十六条、第四十三条). Only after aid was granted (or notified). For a defendant
 * who may be sentenced to life imprisonment or death, or in a death-sentence review, the lawyer needs
 * three years of practice (第二十六条).
 */
export async function assignLawyer(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof AssignInput>) {
  notAfterToday(input.assignedOn, 'assignedOn');
  return db.transaction().execute(async (trx) => {
    const before = await Cases.lockForWrite(trx, actor, id);
    if (['received', 'refused', 'objected'].includes(before.status))
      throw conflict('ASSIGN_BEFORE_DECISION', { zh: '尚未作出给予法律援助的决定，不能指派律师', en: 'Aid has not been granted; no lawyer can be assigned' });
    if (before.status !== 'granted') throw conflict('CASE_ALREADY_ASSIGNED', { zh: '该案件已指派律师', en: 'A lawyer is already assigned' });
    const from = before.objection_reviewed_on ?? before.decided_on ?? before.received_on;
    if (input.assignedOn < from) throw fieldErr('ASSIGN_BEFORE_DECISION', 'assignedOn', '指派日期不能早于决定（通知）日期', 'Assignment cannot precede the decision');
    const lawyer = await Lawyers.find(trx, actor, input.lawyerId);
    if (!lawyer || lawyer.region_id !== before.region_id) throw fieldErr('LAWYER_UNKNOWN', 'lawyerId', '律师不在本机构法律援助律师名册中', 'The lawyer is not on the roster');
    const grave = input.possibleSentence || before.mandatory_category === 'life_or_death' || before.mandatory_category === 'death_review';
    if (grave && !hasThreeYears(lawyer.practice_since, input.assignedOn))
      throw fieldErr('LAWYER_NOT_QUALIFIED', 'lawyerId', `可能判处无期徒刑、死刑的案件及死刑复核案件，应当指派具有三年以上相关执业经历的律师（${lawyer.name}自${lawyer.practice_since}执业）`, 'Life/death cases need a lawyer with three years of practice');
    const after = await Cases.update(trx, actor, before, {
      status: 'assigned', lawyer_id: lawyer.id, assigned_on: input.assignedOn,
      possible_sentence: input.possibleSentence ?? (before.mandatory_category === 'life_or_death' ? 'life' : null),
    }, 'assign');
    await closeDeadline(trx, Cases.entity, id, 'assignment');
    return after;
  });
}

/** Records case progress reported by the lawyer. */
export async function recordProgress(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof ProgressInput>) {
  notAfterToday(input.on, 'on');
  return db.transaction().execute(async (trx) => {
    const before = await Cases.lockForWrite(trx, actor, id);
    if (before.status !== 'assigned') throw conflict('CASE_NOT_IN_PROGRESS', { zh: '只有承办中的案件可以记录进展', en: 'Only cases in progress take progress notes' });
    if (input.on < before.assigned_on!) throw fieldErr('PROGRESS_BEFORE_ASSIGNMENT', 'on', '进展日期不能早于指派日期', 'Progress cannot precede assignment');
    const p = await trx.insertInto('legalaid_case_progress').values({ case_id: id, on_date: input.on, note: input.note, created_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    await Cases.audit(trx, actor, 'progress', null, { ...before, progress: p });
    return p;
  });
}

/** Closes a case with its closing materials (第五十九条). */
export async function closeCase(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof CloseInput>) {
  notAfterToday(input.closedOn, 'closedOn');
  return db.transaction().execute(async (trx) => {
    const before = await Cases.lockForWrite(trx, actor, id);
    if (before.status !== 'assigned') throw conflict('CASE_NOT_IN_PROGRESS', { zh: '只有承办中的案件可以结案', en: 'Only cases in progress can be closed' });
    if (input.closedOn < before.assigned_on!) throw fieldErr('CLOSE_BEFORE_ASSIGNMENT', 'closedOn', '结案日期不能早于指派日期', 'Closing cannot precede assignment');
    return Cases.update(trx, actor, before, { status: 'closed', closed_on: input.closedOn, result: input.result }, 'close');
  });
}

/** Reviews the quality of a closed case and fixes the lawyer's subsidy (第五十二条、第五十七条). */
export async function reviewQuality(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof QualityInput>) {
  notAfterToday(input.reviewedOn, 'reviewedOn');
  return db.transaction().execute(async (trx) => {
    const before = await Cases.lockForWrite(trx, actor, id);
    if (before.status !== 'closed') throw conflict('CASE_NOT_CLOSED', { zh: '案件结案后方可进行质量评查', en: 'Quality is reviewed after closing' });
    if (before.quality_grade) throw conflict('QUALITY_ALREADY_REVIEWED', { zh: '该案件已完成质量评查', en: 'Quality already reviewed' });
    if (input.reviewedOn < before.closed_on!) throw fieldErr('REVIEW_BEFORE_CLOSE', 'reviewedOn', '评查日期不能早于结案日期', 'The review cannot precede closing');
    if (input.grade === 'fail' && input.subsidy > 0) throw fieldErr('SUBSIDY_ON_FAIL', 'subsidy', '质量评查不合格的案件不予发放办案补贴', 'No subsidy for a failed case');
    return Cases.update(trx, actor, before, { quality_grade: input.grade, quality_reviewed_on: input.reviewedOn, quality_comment: input.comment, subsidy: input.subsidy }, 'quality_review');
  });
}

/** Open decisions/assignments awaiting action in the actor's write scope and own work (for the to-do count). */
export async function countOpenCases(db: Db, actor: Actor) {
  const r = await Cases.query(db, actor).where(Cases.writeWhere(actor)).where(Cases.workWhere(actor)).where('c.status', 'in', ['received', 'granted', 'objected']).select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number((r as { n?: number } | undefined)?.n ?? 0);
}

// ---- legal help -------------------------------------------------------------------------------

/** Records one person-time of legal help. */
export async function recordHelp(db: Kysely<Database>, actor: Actor, input: In<typeof HelpInput>) {
  notAfterToday(input.servedOn, 'servedOn');
  const region = await placeAt(db, input.unitId);
  return db.transaction().execute((trx) =>
    Help.insert(trx, actor, {
      region_id: region.id, unit_id: input.unitId, served_on: input.servedOn, channel: input.channel, form: input.form,
      matter_type: input.matterType, person_name: input.personName ?? null, summary: input.summary, created_by: actor.userId,
    }),
  );
}

/** Legal help in scope, paged. */
export function listHelp(db: Db, actor: Actor, q: In<typeof HelpListQuery>) {
  return Help.list(db, actor, q, {
    select: (qb) => qb.innerJoin('units as u', 'u.id', 'h.unit_id').selectAll('h').select('u.name as unit_name')
      .$if(!!q.channel, (b: any) => b.where('h.channel', '=', q.channel))
      .$if(!!q.year, (b: any) => b.where('h.served_on', '>=', `${q.year}-01-01`).where('h.served_on', '<=', `${q.year}-12-31`)),
    sortable: { servedOn: 'h.served_on' },
    defaultSort: { column: 'h.served_on', order: 'desc' },
  });
}

// ---- teams and check-ups ----------------------------------------------------------------------

/** Forms a lawyer service team of roster lawyers. */
export async function formTeam(db: Kysely<Database>, actor: Actor, input: In<typeof TeamInput>) {
  const region = await placeAt(db, input.unitId);
  return db.transaction().execute(async (trx) => {
    const ids = [...new Set(input.lawyerIds)];
    const found = await Lawyers.query(trx, actor).where('l.id', 'in', ids).where('l.region_id', '=', region.id).select('l.id').execute();
    if (found.length !== ids.length) throw fieldErr('LAWYER_UNKNOWN', 'lawyerIds', '有律师不在本区法律援助律师名册中', 'A lawyer is not on the roster');
    const team = await Teams.insert(trx, actor, { region_id: region.id, unit_id: input.unitId, name: input.name, formed_on: input.formedOn, focus: input.focus });
    await trx.insertInto('legalaid_team_members').values(ids.map((l) => ({ team_id: team.id, lawyer_id: l }))).execute();
    await Teams.audit(trx, actor, 'members', null, { ...team, lawyer_ids: ids });
    const names = await trx.selectFrom('legalaid_lawyers').select('name').where('id', 'in', ids).orderBy('name').execute();
    return { ...team, lawyers: names.map((n) => n.name), checkups: 0 };
  });
}

/** Teams in scope, with their lawyers and check-up counts. */
export async function listTeams(db: Db, actor: Actor, q: In<typeof YearQuery>) {
  const page = await Teams.list(db, actor, q, {
    select: (qb) => qb.innerJoin('units as u', 'u.id', 't.unit_id').selectAll('t').select([
      'u.name as unit_name',
      sql<string[]>`array(select l.name from legalaid_team_members m join legalaid_lawyers l on l.id = m.lawyer_id where m.team_id = t.id order by l.name)`.as('lawyers'),
      sql<number>`(select count(*) from legalaid_checkups k where k.team_id = t.id ${q.year ? sql`and extract(year from k.checked_on) = ${q.year}` : sql``})`.as('checkups'),
    ]),
    sortable: { name: 't.name', formedOn: 't.formed_on' },
    defaultSort: { column: 't.formed_on', order: 'asc' },
  });
  return page;
}

/** Records an enterprise check-up by a team; the enterprise is kept once per district by credit code. */
export async function recordCheckup(db: Kysely<Database>, actor: Actor, input: In<typeof CheckupInput>) {
  notAfterToday(input.checkedOn, 'checkedOn');
  return db.transaction().execute(async (trx) => {
    const team = await Teams.find(trx, actor, input.teamId);
    if (!team) throw fieldErr('TEAM_UNKNOWN', 'teamId', '律师服务团不存在', 'Unknown team');
    if (input.checkedOn < team.formed_on) throw fieldErr('CHECKUP_BEFORE_TEAM', 'checkedOn', '体检日期不能早于服务团成立日期', 'The check-up cannot precede the team');
    const ent = await trx.insertInto('legalaid_enterprises')
      .values({ region_id: team.region_id, name: input.enterpriseName, credit_code: input.creditCode, ownership: input.ownership })
      .onConflict((oc) => oc.constraint('legalaid_enterprises_code_unique').doUpdateSet({ name: input.enterpriseName, ownership: input.ownership }))
      .returning('id').executeTakeFirstOrThrow();
    return Checkups.insert(trx, actor, {
      region_id: team.region_id, unit_id: team.unit_id, team_id: team.id, enterprise_id: ent.id, checked_on: input.checkedOn,
      issues_found: input.issuesFound, recommendations: input.recommendations, follow_up: input.followUp, created_by: actor.userId,
    });
  });
}

/** Check-ups in scope, paged. */
export function listCheckups(db: Db, actor: Actor, q: In<typeof YearQuery>) {
  return Checkups.list(db, actor, q, {
    select: (qb) => qb.innerJoin('legalaid_teams as t', 't.id', 'k.team_id').innerJoin('legalaid_enterprises as e', 'e.id', 'k.enterprise_id')
      .selectAll('k').select(['t.name as team_name', 'e.name as enterprise_name', 'e.credit_code', 'e.ownership'])
      .$if(!!q.year, (b: any) => b.where('k.checked_on', '>=', `${q.year}-01-01`).where('k.checked_on', '<=', `${q.year}-12-31`)),
    sortable: { checkedOn: 'k.checked_on' },
    defaultSort: { column: 'k.checked_on', order: 'desc' },
  });
}

/** Abilities for the UI, by the same roles the write policies use. */
export const legalaidAbilities = (a: Actor) => ({
  'legalaid.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison'),
  'legalaid.write': hasRole(a, 'office', 'unit_head', 'liaison'),
  'legalaid.reviewObjection': hasRole(a, 'office', 'unit_head'),
});
