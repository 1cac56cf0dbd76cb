import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { badRequest, conflict, forbidden, notFound, type Msg } from '../../core/errors/index.js';
import { hasRole, inGovernedRegions, mayWriteAt, requireRole, writeRegionPaths, OFFICE_WRITE, type Actor } from '../../core/scope/index.js';
import { closeDeadline, setDeadline } from '../../core/deadlines/index.js';
import { daysBetween, type DeadlineSpec } from '../../core/calendar/index.js';
import type { PageQuery } from '../../core/list.js';
import { regionById, unitWithin, unitsById } from '../org/lookup.js';
import {
  advisorFirms, assignedToActor, Advisors, Assessments, Engagements, Reviews, WorkLogs, OPINION_WRITE, REQUESTER_WRITE, WORKLOG_WRITE,
} from './records.js';
import type {
  AdvisorInput, AssessmentInput, AssignInput, EngagementInput, OpinionInput, ReviewRequestInput, WorkLogInput,
  ReviewConclusion, ReviewType, Grade, WorkKind,
} from './schema.js';
import { REVIEW_TYPES } from './schema.js';
import { lawsuitForWorkLog, lawsuitRefSql } from '../disputes/litigation.js';

const FIRM: Msg = { zh: '律师事务所', en: 'Law firm' };

export { advisorFirms };

/** Runs fn in the caller's transaction, or opens one (so other modules can call us inside theirs). */
export async function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return (db as Kysely<Database>).transaction().execute(fn);
}

const isOffice = (actor: Actor) => actor.isAdmin || hasRole(actor, 'office');

/** A unit referenced by id (law firm, requesting unit, client), for the checks below. */
async function unitOf(db: Db, id: string) {
  return (await unitsById(db, [id])).get(id);
}

// ---------------------------------------------------------------- engagements

/** Records an engagement contract with a law firm (the office of the firm's region). */
export async function engageFirm(db: Kysely<Database>, actor: Actor, input: z.infer<typeof EngagementInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const firm = await unitOf(trx, input.firmId);
    if (!firm || !(await mayWriteAt(trx, actor, firm.region_id, null, OFFICE_WRITE))) {
      throw badRequest('FIRM_NOT_FOUND', { zh: '律师事务所不存在或不在本区', en: 'Law firm not found' }, { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
    }
    if (firm.type !== 'law_firm')
      throw badRequest('NOT_A_LAW_FIRM', { zh: `“${firm.name}”不是律师事务所`, en: `${firm.name} is not a law firm` }, { fields: [{ path: 'firmId', message: '所选单位不是律师事务所' }] });
    const dup = await Engagements.query(trx, actor).select('e.id').where('e.region_id', '=', firm.region_id).where('e.contract_no', '=', input.contractNo).executeTakeFirst();
    if (dup) throw conflict('CONTRACT_NO_TAKEN', { zh: `合同编号${input.contractNo}已登记`, en: `Contract ${input.contractNo} exists` }, { fields: [{ path: 'contractNo', message: '合同编号已登记' }] });
    return Engagements.insert(trx, actor, {
      region_id: firm.region_id, unit_id: firm.id, contract_no: input.contractNo, signed_on: input.signedOn,
      period_from: input.periodFrom, period_to: input.periodTo, scope: input.scope, fee: input.fee, created_by: actor.userId,
    });
  });
}

/** An engagement as lists show it. */
export type EngagementRow = { id: string; region_id: string; unit_id: string; firm_name: string; contract_no: string; signed_on: string; period_from: string; period_to: string; scope: string; fee: number | string };

/** Engagements the actor may read (office/leaders of the region; the firm's own advisors). */
export async function listEngagements(db: Db, actor: Actor, q: PageQuery & { q?: string; year?: number }) {
  return Engagements.list<EngagementRow>(db, actor, q, {
    select: (qb) =>
      qb
        .innerJoin('units as u', 'u.id', 'e.unit_id')
        .select(['e.id', 'e.region_id', 'e.unit_id', 'u.name as firm_name', 'e.contract_no', 'e.signed_on', 'e.period_from', 'e.period_to', 'e.scope', 'e.fee'])
        .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('u.name', 'like', `%${q.q}%`), eb('e.contract_no', 'like', `%${q.q}%`)])))
        .$if(!!q.year, (b) => b.where('e.period_from', '<=', `${q.year}-12-31`).where('e.period_to', '>=', `${q.year}-01-01`)),
    sortable: { periodFrom: 'e.period_from', firm: 'u.name', fee: 'e.fee' },
    defaultSort: { column: 'e.period_from', order: 'desc' },
  });
}

/** Whether the firm holds an engagement active on the day. */
async function engagedOn(trx: Db, firmId: string, day: string) {
  return !!(await trx
    .selectFrom('advisor_engagements')
    .select('id')
    .where('unit_id', '=', firmId)
    .where('period_from', '<=', day)
    .where('period_to', '>=', day)
    .executeTakeFirst());
}

// ---------------------------------------------------------------- advisors

/** Registers an advisor (firm lawyer or public lawyer) with qualifications (the office). */
export async function registerAdvisor(db: Kysely<Database>, actor: Actor, input: z.infer<typeof AdvisorInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const unit = await unitOf(trx, input.unitId);
    if (!unit || !(await mayWriteAt(trx, actor, unit.region_id, null, OFFICE_WRITE))) throw badRequest('UNIT_NOT_FOUND', { zh: '所在单位不存在或不在本区', en: 'Unit not found' }, { fields: [{ path: 'unitId', message: '所在单位不存在' }] });
    if (input.kind === 'firm_lawyer' && unit.type !== 'law_firm')
      throw badRequest('NOT_A_LAW_FIRM', { zh: '执业律师的所在单位须为律师事务所', en: 'A firm lawyer belongs to a law firm' }, { fields: [{ path: 'unitId', message: '须为律师事务所' }] });
    if (input.kind === 'public_lawyer' && unit.type === 'law_firm')
      throw badRequest('PUBLIC_LAWYER_IN_FIRM', { zh: '公职律师的所在单位应为机关部门', en: 'A public lawyer works in a government unit' }, { fields: [{ path: 'unitId', message: '公职律师不属于律师事务所' }] });
    if (await trx.selectFrom('advisors').select('id').where('certificate_no', '=', input.certificateNo).executeTakeFirst())
      throw conflict('CERTIFICATE_TAKEN', { zh: `执业证号${input.certificateNo}已登记`, en: 'Certificate already registered' }, { fields: [{ path: 'certificateNo', message: '执业证号已登记' }] });
    if (input.userId) {
      const u = await trx.selectFrom('users').select(['id', 'unit_id']).where('id', '=', input.userId).executeTakeFirst();
      if (!u || u.unit_id !== unit.id) throw badRequest('USER_NOT_IN_UNIT', { zh: '登录账号须属于该法律顾问所在单位', en: 'The account must belong to the unit' }, { fields: [{ path: 'userId', message: '账号不属于该单位' }] });
    }
    return Advisors.insert(trx, actor, {
      region_id: unit.region_id, unit_id: unit.id, kind: input.kind, name: input.name, user_id: input.userId ?? null, certificate_no: input.certificateNo, speciality: input.speciality,
    });
  });
}

/** An advisor as lists show it. */
export type AdvisorRow = Selectable<Database['advisors']> & { unit_name: string };

/** Advisors the actor may see (region readers; the firm's own advisors). */
export async function listAdvisors(db: Db, actor: Actor, q: PageQuery & { q?: string }) {
  return Advisors.list<AdvisorRow>(db, actor, q, {
    select: (qb) =>
      qb
        .innerJoin('units as u', 'u.id', 'a.unit_id')
        .select(['a.id', 'a.region_id', 'a.unit_id', 'u.name as unit_name', 'a.kind', 'a.name', 'a.user_id', 'a.certificate_no', 'a.speciality', 'a.active'])
        .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('a.name', 'like', `%${q.q}%`), eb('u.name', 'like', `%${q.q}%`), eb('a.speciality', 'like', `%${q.q}%`)]))),
    sortable: { name: 'a.name', unit: 'u.name' },
    defaultSort: { column: 'a.name', order: 'asc' },
  });
}

// ---------------------------------------------------------------- review queue

/** What another module passes to ask for a review of one of its records. */
export interface ReviewRequest {
  type: ReviewType;
  /** Entity name of the subject in its module (e.g. `decision`, `normative_document`). */
  subjectEntity?: string | null;
  subjectId?: string | null;
  /** The requesting unit; its region becomes the request's region. */
  unitId: string;
  title: string;
  summary?: string;
  requestedOn: string;
  /** Assign at once (e.g. a legality review sent to a named firm with its due date). */
  assign?: { firmId?: string; advisorId?: string; assignedOn: string; dueDate: string; spec?: DeadlineSpec; basis?: string };
}

/** A request's outcome, as other modules read it. */
export interface ReviewConclusionView {
  id: string;
  type: ReviewType;
  status: 'pending' | 'assigned' | 'concluded' | 'withdrawn';
  conclusion: ReviewConclusion | null;
  opinion: string | null;
  reasons: string | null;
  concludedOn: string | null;
  dueDate: string | null;
  firmName: string | null;
  advisorName: string | null;
}

/** Called (in the concluding transaction) when a request about a subject of this entity is concluded. */
export type ReviewConcludedHandler = (trx: Transaction<Database>, actor: Actor, review: ReviewConclusionView & { subjectId: string }) => Promise<void>;
const concludedHandlers = new Map<string, ReviewConcludedHandler>();

/** Lets the subject's module react when an advisor's opinion on its record arrives (e.g. decisions, documents). */
export function onReviewConcluded(subjectEntity: string, handler: ReviewConcludedHandler) {
  concludedHandlers.set(subjectEntity, handler);
}

/**
 * Puts a request in the review queue (optionally assigned at once). Service entry point for other
 * modules: call it with your transaction so the request and your record commit together. The actor
 * must be able to write for the requesting unit (its staff or the office).
 */
export async function requestReview(db: Db, actor: Actor, req: ReviewRequest) {
  return inTransaction(db, async (trx) => {
    const unit = await unitOf(trx, req.unitId);
    if (!unit) throw badRequest('UNIT_NOT_FOUND', { zh: '送审单位不存在', en: 'Requesting unit not found' }, { fields: [{ path: 'unitId', message: '送审单位不存在' }] });
    // Reviews.insert checks the actor writes for the requesting unit (its staff or the office), in SQL.
    const row = await Reviews.insert(trx, actor, {
      region_id: unit.region_id, unit_id: unit.id, type: req.type, title: req.title, summary: req.summary ?? '',
      subject_entity: req.subjectEntity ?? null, subject_id: req.subjectId ?? null, requested_on: req.requestedOn, requested_by: actor.userId,
    }, 'request');
    if (req.assign) await assignInTrx(trx, actor, row.id, req.assign, { byRequester: true });
    return row;
  });
}

/** Creates a request from the queue's own form. */
export async function createReviewRequest(db: Kysely<Database>, actor: Actor, input: z.infer<typeof ReviewRequestInput>) {
  const unitId = input.unitId ?? actor.unitId;
  if (!unitId) throw badRequest('UNIT_REQUIRED', { zh: '请指定送审单位', en: 'Choose the requesting unit' }, { fields: [{ path: 'unitId', message: '请指定送审单位' }] });
  if (input.type === 'major_decision')
    throw badRequest('USE_DECISION_PROCEDURE', { zh: '重大行政决策的合法性审查请在决策程序中送审', en: 'Send major decisions for legality review from the decision procedure' }, { fields: [{ path: 'type', message: '请在重大行政决策程序中送审' }] });
  return requestReview(db, actor, { type: input.type, unitId, title: input.title, summary: input.summary, requestedOn: input.requestedOn });
}

/**
 * Assigns a request. The office assigns from the queue; a module's procedure (e.g. a decision sent to a
 * named firm) assigns at once as the requester who just created the request (`byRequester`).
 */
async function assignInTrx(trx: Transaction<Database>, actor: Actor, id: string, input: { firmId?: string; advisorId?: string; assignedOn: string; dueDate: string; spec?: DeadlineSpec; basis?: string }, opts: { byRequester?: boolean } = {}) {
  let r: Selectable<Database['advisor_reviews']>;
  try {
    r = await Reviews.lockForWrite(trx, actor, id, opts.byRequester ? REQUESTER_WRITE : OFFICE_WRITE);
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 403) throw forbidden({ zh: '只有依法治区办可以指派法律顾问', en: 'Only the rule-of-law office assigns advisors' });
    throw e;
  }
  if (r.status !== 'pending') throw conflict('REVIEW_NOT_PENDING', { zh: '该事项已指派或已办结，不能重新指派', en: 'The request is already assigned or closed' });
  if (input.assignedOn < r.requested_on)
    throw badRequest('ASSIGNED_BEFORE_REQUEST', { zh: '指派日期不得早于送审日期', en: 'Assignment cannot precede the request' }, { fields: [{ path: 'assignedOn', message: '指派日期不得早于送审日期' }] });
  let firmId = input.firmId ?? null;
  let advisor: { id: string; unit_id: string; user_id: string | null; name: string } | undefined;
  if (input.advisorId) {
    advisor = await trx.selectFrom('advisors').select(['id', 'unit_id', 'user_id', 'name']).where('id', '=', input.advisorId).where('region_id', '=', r.region_id).where('active', '=', true).executeTakeFirst();
    if (!advisor) throw badRequest('ADVISOR_NOT_FOUND', { zh: '法律顾问不存在', en: 'Advisor not found' }, { fields: [{ path: 'advisorId', message: '法律顾问不存在' }] });
    if (firmId && firmId !== advisor.unit_id) throw badRequest('ADVISOR_NOT_IN_FIRM', { zh: '该法律顾问不属于所选律师事务所', en: 'The advisor is not of that firm' }, { fields: [{ path: 'advisorId', message: '不属于所选律师事务所' }] });
    firmId = advisor.unit_id;
  }
  const firm = firmId ? await unitOf(trx, firmId) : undefined;
  if (!firm) throw badRequest('FIRM_NOT_FOUND', { zh: '律师事务所不存在', en: 'Law firm not found' }, { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
  if (firm.type === 'law_firm' && !(await engagedOn(trx, firm.id, input.assignedOn)))
    throw conflict('FIRM_NOT_ENGAGED', { zh: `${firm.name}在${input.assignedOn}没有有效的法律顾问聘用合同，不能指派`, en: `${firm.name} holds no engagement on ${input.assignedOn}` });
  if (firm.type !== 'law_firm' && !advisor)
    throw badRequest('FIRM_NOT_FOUND', { zh: '请选择律师事务所，或指定公职律师本人', en: 'Choose a law firm or a named public lawyer' }, { fields: [{ path: 'firmId', message: '不是律师事务所' }] });
  const after = await Reviews.update(trx, actor, r, { status: 'assigned', assigned_firm_id: firm.id, assigned_advisor_id: advisor?.id ?? null, assigned_on: input.assignedOn, due_date: input.dueDate }, 'assign');
  // The assigned due date is the advisor's to-do. No statute fixes it for contracts (REFERENCE §3,
  // UNCONFIRMED), so it is the date agreed at assignment; modules with a statutory period pass theirs.
  await setDeadline(trx, {
    module: 'advisors', entity: 'advisor_review', entityId: id, kind: 'opinion',
    title: { zh: `出具${REVIEW_TYPES[r.type].zh}意见：${r.title}`, en: `Give the ${REVIEW_TYPES[r.type].en.toLowerCase()} opinion: ${r.title}` },
    regionId: r.region_id, unitId: advisor ? null : firm.id, assigneeId: advisor?.user_id ?? null,
    spec: input.spec ?? { from: input.assignedOn, unit: 'ND', n: daysBetween(input.assignedOn, input.dueDate) },
    basis: input.basis ?? '依法治区办指派法律顾问时确定的办理期限（法律顾问聘用合同）',
  });
  return after;
}

/** Assigns a pending request to a firm or a named advisor with a due date (the office). */
export async function assignReview(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof AssignInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute((trx) => assignInTrx(trx, actor, id, input));
}

/** Gives the written opinion (合法 / 不合法 / 修改后合法, with reasons) and closes the request. */
export async function giveOpinion(db: Db, actor: Actor, id: string, input: z.infer<typeof OpinionInput>) {
  return inTransaction(db, async (trx) => {
    let r: Selectable<Database['advisor_reviews']>;
    try {
      // The assigned advisor (or their firm when no advisor is named), or the office on their behalf.
      r = await Reviews.lockForWrite(trx, actor, id, OPINION_WRITE);
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 403) throw forbidden({ zh: '只有被指派的法律顾问可以出具意见', en: 'Only the assigned advisor gives the opinion' });
      throw e;
    }
    if (r.status === 'concluded') throw conflict('REVIEW_CONCLUDED', { zh: '该事项已出具意见', en: 'An opinion was already given' });
    if (r.status !== 'assigned') throw conflict('REVIEW_NOT_ASSIGNED', { zh: '该事项尚未指派法律顾问，不能出具意见', en: 'The request is not assigned yet' });
    if (input.concludedOn < r.assigned_on!)
      throw badRequest('CONCLUDED_BEFORE_ASSIGNED', { zh: '出具意见日期不得早于指派日期', en: 'The opinion cannot precede the assignment' }, { fields: [{ path: 'concludedOn', message: '不得早于指派日期' }] });
    const after = await Reviews.update(trx, actor, r, { status: 'concluded', conclusion: input.conclusion, opinion: input.opinion, reasons: input.reasons, concluded_on: input.concludedOn, concluded_by: actor.userId }, 'opinion');
    await closeDeadline(trx, 'advisor_review', id, 'opinion');
    const handler = after.subject_entity ? concludedHandlers.get(after.subject_entity) : undefined;
    if (handler && after.subject_id) {
      const view = await conclusionOf(trx, actor, id);
      await handler(trx, actor, { ...view!, subjectId: after.subject_id });
    }
    return after;
  });
}

/** Withdraws a request not yet concluded (the requesting unit or the office). */
export async function withdrawReview(db: Kysely<Database>, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const r = await Reviews.lockForWrite(trx, actor, id, REQUESTER_WRITE);
    if (r.status === 'concluded' || r.status === 'withdrawn') throw conflict('REVIEW_CLOSED', { zh: '该事项已办结或已撤回', en: 'The request is closed' });
    if (r.subject_entity) throw conflict('REVIEW_HAS_SUBJECT', { zh: '该审查由业务程序发起，请在原程序中处理', en: 'This review belongs to a procedure; handle it there' });
    const after = await Reviews.update(trx, actor, r, { status: 'withdrawn' }, 'withdraw');
    await closeDeadline(trx, 'advisor_review', id, 'opinion', 'cancelled');
    return after;
  });
}

/** Reviews in the actor's scope with names, and what the actor may do on each (decided in SQL). */
const reviewSelect = (db: Db, actor: Actor) =>
  Reviews.query(db, actor)
    .innerJoin('units as ru', 'ru.id', 'r.unit_id')
    .leftJoin('units as fu', 'fu.id', 'r.assigned_firm_id')
    .leftJoin('advisors as a', 'a.id', 'r.assigned_advisor_id')
    .select([
      'r.id', 'r.region_id', 'r.unit_id', 'ru.name as unit_name', 'r.type', 'r.title', 'r.summary', 'r.subject_entity', 'r.subject_id',
      'r.requested_on', 'r.status', 'r.assigned_firm_id', 'fu.name as firm_name', 'r.assigned_advisor_id', 'a.name as advisor_name',
      'r.assigned_on', 'r.due_date', 'r.conclusion', 'r.opinion', 'r.reasons', 'r.concluded_on',
    ])
    .select(sql<boolean>`${Reviews.writeWhere(actor, 'r', OFFICE_WRITE)}`.as('may_assign'))
    .select(sql<boolean>`${Reviews.writeWhere(actor, 'r', OPINION_WRITE)}`.as('may_conclude'))
    .select(sql<boolean>`${Reviews.writeWhere(actor, 'r', REQUESTER_WRITE)}`.as('may_withdraw'));

/** A review row with names, as lists and detail read it. */
export type ReviewRow = Pick<
  Selectable<Database['advisor_reviews']>,
  'id' | 'region_id' | 'unit_id' | 'type' | 'title' | 'summary' | 'subject_entity' | 'subject_id' | 'requested_on' | 'status' | 'assigned_firm_id'
  | 'assigned_advisor_id' | 'assigned_on' | 'due_date' | 'conclusion' | 'opinion' | 'reasons' | 'concluded_on'
> & { unit_name: string; firm_name: string | null; advisor_name: string | null; may_assign: boolean; may_conclude: boolean; may_withdraw: boolean };

/** The review queue in the actor's scope (an advisor's inbox holds only what is assigned to them or their firm). */
export async function listReviews(db: Db, actor: Actor, q: PageQuery & { q?: string; type?: ReviewType; status?: string; year?: number }) {
  return Reviews.list<ReviewRow>(db, actor, q, {
    select: () =>
      reviewSelect(db, actor)
        .$if(!!q.type, (b) => b.where('r.type', '=', q.type!))
        .$if(!!q.status, (b) => b.where('r.status', '=', q.status as 'pending'))
        .$if(!!q.year, (b) => b.where('r.requested_on', '>=', `${q.year}-01-01`).where('r.requested_on', '<=', `${q.year}-12-31`))
        .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('r.title', 'like', `%${q.q}%`), eb('ru.name', 'like', `%${q.q}%`)]))),
    sortable: { requestedOn: 'r.requested_on', dueDate: 'r.due_date', status: 'r.status', type: 'r.type' },
    defaultSort: { column: 'r.requested_on', order: 'desc' },
  });
}

/** One request, if in scope (404 otherwise, alike for unknown and forbidden). */
export async function getReview(db: Db, actor: Actor, id: string): Promise<ReviewRow> {
  const r = (await reviewSelect(db, actor).where('r.id', '=', id).executeTakeFirst()) as ReviewRow | undefined;
  if (!r) throw notFound(Reviews.label);
  return r;
}

/** Abilities on a review for the UI, by the same write scopes the service locks with. */
export function reviewAbilities(r: ReviewRow) {
  return {
    canAssign: r.status === 'pending' && !!r.may_assign,
    canConclude: r.status === 'assigned' && !!r.may_conclude,
    canWithdraw: (r.status === 'pending' || r.status === 'assigned') && !r.subject_entity && !!r.may_withdraw,
  };
}

async function conclusionOf(db: Db, actor: Actor, id: string): Promise<ReviewConclusionView | null> {
  const r = (await reviewSelect(db, actor).where('r.id', '=', id).executeTakeFirst()) as ReviewRow | undefined;
  if (!r) return null;
  return {
    id: r.id, type: r.type, status: r.status, conclusion: r.conclusion, opinion: r.opinion, reasons: r.reasons,
    concludedOn: r.concluded_on, dueDate: r.due_date, firmName: r.firm_name, advisorName: r.advisor_name,
  };
}

/**
 * The outcome of a review, for the module that requested it, in the actor's review scope (the
 * requesting unit's staff and region readers see it). Null when unknown or out of scope.
 */
export async function getReviewConclusion(db: Db, actor: Actor, reviewId: string): Promise<ReviewConclusionView | null> {
  return conclusionOf(db, actor, reviewId);
}

// ---------------------------------------------------------------- work log

/** Records a work-log entry (incl. litigation representation: case ref, court, role). */
export async function logWork(db: Db, actor: Actor, input: z.infer<typeof WorkLogInput>) {
  return inTransaction(db, async (trx) => {
    const firm = await unitOf(trx, input.firmId);
    if (!firm) throw badRequest('FIRM_NOT_FOUND', { zh: '律师事务所不存在', en: 'Law firm not found' }, { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
    // The office of the firm's region, or the firm's own advisors; another district's firm is unknown to them.
    if (!(await mayWriteAt(trx, actor, firm.region_id, firm.id, WORKLOG_WRITE))) {
      if (isOffice(actor) || advisorFirms(actor).length) throw notFound(FIRM);
      throw forbidden();
    }
    if (input.advisorId) {
      const a = await Advisors.query(trx, actor).select('a.id').where('a.id', '=', input.advisorId).where('a.unit_id', '=', firm.id).executeTakeFirst();
      if (!a) throw badRequest('ADVISOR_NOT_IN_FIRM', { zh: '该法律顾问不属于所选律师事务所', en: 'Advisor not of this firm' }, { fields: [{ path: 'advisorId', message: '不属于该律师事务所' }] });
    }
    if (input.clientUnitId) {
      // The unit served must lie within the firm's region (the writer's scope): a 中站区 entry never names a 解放区 unit.
      const region = await regionById(trx, firm.region_id);
      if (!region || !(await unitWithin(trx, input.clientUnitId, [region.path])))
        throw badRequest('UNIT_NOT_FOUND', { zh: '服务单位不存在或不在本区', en: 'Client unit not found in this region' }, { fields: [{ path: 'clientUnitId', message: '服务单位不存在或不在本区' }] });
    }
    const lit = input.kind === 'litigation';
    if (input.lawsuitId) {
      // The lawsuit is one record (行政应诉); the work log lists it. It must be this region's, and the firm
      // recorded on it as representing the agency must be this firm.
      const firmRegion = await regionById(trx, firm.region_id);
      const suit = firmRegion ? await lawsuitForWorkLog(trx, input.lawsuitId, firmRegion.path) : undefined;
      if (!suit) throw badRequest('LAWSUIT_NOT_FOUND', { zh: '行政应诉案件不存在或不在本区', en: 'Lawsuit not found in this region' }, { fields: [{ path: 'lawsuitId', message: '案件不存在或不在本区' }] });
      if (suit.advisor_unit_id !== firm.id)
        throw badRequest('LAWSUIT_OTHER_FIRM', {
          zh: suit.advisor_unit_id ? '该案件登记的代理律师事务所不是所选律师事务所' : '该案件尚未登记代理律师事务所，请先在行政应诉案件中登记',
          en: suit.advisor_unit_id ? 'Another firm is recorded as representing this lawsuit' : 'Record the representing firm on the lawsuit first',
        }, { fields: [{ path: 'lawsuitId', message: suit.advisor_unit_id ? '代理律师事务所不一致' : '案件未登记代理律师事务所' }] });
    }
    return WorkLogs.insert(trx, actor, {
      region_id: firm.region_id, unit_id: firm.id, advisor_id: input.advisorId ?? null, client_unit_id: input.clientUnitId ?? null, kind: input.kind,
      work_date: input.workDate, title: input.title, description: input.description ?? '', hours: input.hours ?? null,
      lawsuit_id: input.lawsuitId ?? null,
      // A linked lawsuit's number and court are read from the lawsuit, not copied.
      case_ref: input.lawsuitId ? null : (input.caseRef ?? null), court: input.lawsuitId ? null : (input.court ?? null), role: lit ? input.role! : (input.role ?? null),
      created_by: actor.userId,
    });
  });
}

const workSelect = (db: Db, actor: Actor) =>
  WorkLogs.query(db, actor)
    .innerJoin('units as f', 'f.id', 'w.unit_id')
    .leftJoin('units as c', 'c.id', 'w.client_unit_id')
    .leftJoin('advisors as a', 'a.id', 'w.advisor_id')
    .select(['w.id', 'w.region_id', 'w.unit_id', 'f.name as firm_name', 'w.advisor_id', 'a.name as advisor_name', 'w.client_unit_id', 'c.name as client_name',
      'w.kind', 'w.work_date', 'w.title', 'w.description', 'w.hours', 'w.lawsuit_id', 'w.role'])
    // A linked lawsuit's number and court, read from the lawsuit record (the disputes module's reference).
    .select([lawsuitRefSql('w.lawsuit_id', 'case_no', 'w.case_ref').as('case_ref'), lawsuitRefSql('w.lawsuit_id', 'court_name', 'w.court').as('court')]);

/** A work-log row with names. */
export type WorkLogRow = Pick<
  Selectable<Database['advisor_work_logs']>,
  'id' | 'region_id' | 'unit_id' | 'advisor_id' | 'client_unit_id' | 'kind' | 'work_date' | 'title' | 'description' | 'hours' | 'lawsuit_id' | 'case_ref' | 'court' | 'role'
> & { firm_name: string; advisor_name: string | null; client_name: string | null };

/** One work-log entry in scope (404 otherwise). */
export async function getWorkLog(db: Db, actor: Actor, id: string): Promise<WorkLogRow> {
  const w = (await workSelect(db, actor).where('w.id', '=', id).executeTakeFirst()) as WorkLogRow | undefined;
  if (!w) throw notFound(WorkLogs.label);
  return w;
}

/** Work-log entries in scope: region readers, the firm's advisors, and the unit served. */
export async function listWorkLogs(db: Db, actor: Actor, q: PageQuery & { q?: string; kind?: WorkKind; year?: number }) {
  return WorkLogs.list<WorkLogRow>(db, actor, q, {
    select: () =>
      workSelect(db, actor)
        .$if(!!q.kind, (b) => b.where('w.kind', '=', q.kind!))
        .$if(!!q.year, (b) => b.where('w.work_date', '>=', `${q.year}-01-01`).where('w.work_date', '<=', `${q.year}-12-31`))
        .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('w.title', 'like', `%${q.q}%`), eb('w.case_ref', 'like', `%${q.q}%`)]))),
    sortable: { workDate: 'w.work_date', kind: 'w.kind', firm: 'f.name' },
    defaultSort: { column: 'w.work_date', order: 'desc' },
  });
}

// ---------------------------------------------------------------- assessment

/** Grade bands of the assessment (法律顾问考核办法): ≥90 优秀, ≥75 称职, ≥60 基本称职, else 不称职 — on the 100-point scale. */
export function gradeOf(total: number, maxTotal: number): Grade {
  const pct = (total / maxTotal) * 100;
  if (pct >= 90) return 'excellent';
  if (pct >= 75) return 'competent';
  if (pct >= 60) return 'basically_competent';
  return 'incompetent';
}

/** Records the annual assessment of a firm with scored criteria (the office); one per firm and year. */
export async function assessFirm(db: Kysely<Database>, actor: Actor, input: z.infer<typeof AssessmentInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const firm = await unitOf(trx, input.firmId);
    if (!firm || firm.type !== 'law_firm') throw badRequest('FIRM_NOT_FOUND', { zh: '律师事务所不存在', en: 'Law firm not found' }, { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
    if (!(await mayWriteAt(trx, actor, firm.region_id, null, OFFICE_WRITE)))
      throw badRequest('FIRM_NOT_FOUND', { zh: '律师事务所不存在', en: 'Law firm not found' }, { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
    const engaged = await trx.selectFrom('advisor_engagements').select('id').where('unit_id', '=', firm.id)
      .where('period_from', '<=', `${input.year}-12-31`).where('period_to', '>=', `${input.year}-01-01`).executeTakeFirst();
    if (!engaged) throw conflict('FIRM_NOT_ENGAGED', { zh: `${firm.name}在${input.year}年没有聘用合同，无需考核`, en: `${firm.name} was not engaged in ${input.year}` });
    if (await trx.selectFrom('advisor_assessments').select('id').where('unit_id', '=', firm.id).where('year', '=', input.year).executeTakeFirst())
      throw conflict('ASSESSMENT_EXISTS', { zh: `${firm.name}${input.year}年度考核已录入`, en: 'Assessment exists' });
    const total = Math.round(input.criteria.reduce((s, c) => s + c.score, 0) * 10) / 10;
    const max = Math.round(input.criteria.reduce((s, c) => s + c.max, 0) * 10) / 10;
    return Assessments.insert(trx, actor, {
      region_id: firm.region_id, unit_id: firm.id, year: input.year, assessed_on: input.assessedOn, criteria: JSON.stringify(input.criteria),
      total, max_total: max, grade: gradeOf(total, max), comment: input.comment ?? '', created_by: actor.userId,
    });
  });
}

/** Assessments in scope (region readers; the firm itself). */
export async function listAssessments(db: Db, actor: Actor, q: { year?: number }) {
  return Assessments.query(db, actor)
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.region_id', 's.unit_id', 'u.name as firm_name', 's.year', 's.assessed_on', 's.criteria', 's.total', 's.max_total', 's.grade', 's.comment'])
    .$if(!!q.year, (b) => b.where('s.year', '=', q.year!))
    .orderBy('s.year', 'desc')
    .orderBy('u.name')
    .orderBy('s.id')
    .execute() as Promise<(Selectable<Database['advisor_assessments']> & { firm_name: string })[]>;
}

/** Open requests assigned to the actor (or their firm) — the advisor's inbox count. */
export async function countInbox(db: Db, actor: Actor) {
  if (!hasRole(actor, 'advisor')) return 0;
  const r = await db
    .selectFrom('advisor_reviews as r')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.status', '=', 'assigned')
    .where(assignedToActor(actor, 'r'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Pending requests waiting for assignment in the office's regions. */
export async function countUnassigned(db: Db, actor: Actor) {
  const paths = writeRegionPaths(actor, OFFICE_WRITE);
  if (!paths.length) return 0;
  const r = await db.selectFrom('advisor_reviews as r').select((eb) => eb.fn.countAll<number>().as('n')).where('r.status', '=', 'pending').where(inGovernedRegions('r.region_id', paths)).executeTakeFirstOrThrow();
  return Number(r.n);
}
