import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { badRequest, conflict, forbidden, notFound, type Msg } from '../../core/errors/index.js';
import { auditActor, canWriteAt, readScope, readUnits, hasRole, requireRole, OFFICE_WRITE, DEFAULT_WRITE, type Actor } from '../../core/scope/index.js';
import { closeDeadline, setDeadline } from '../../core/deadlines/index.js';
import { daysBetween, type DeadlineSpec } from '../../core/calendar/index.js';
import { paginate, type PageQuery } from '../../core/list.js';
import type {
  AdvisorInput, AssessmentInput, AssignInput, EngagementInput, OpinionInput, ReviewRequestInput, WorkLogInput,
  ReviewConclusion, ReviewType, Grade, WorkKind,
} from './schema.js';
import { REVIEW_TYPES } from './schema.js';

const REVIEW: Msg = { zh: '审查事项', en: 'Review request' };
const FIRM: Msg = { zh: '律师事务所', en: 'Law firm' };
const NIL = '00000000-0000-0000-0000-000000000000';

/** Runs fn in the caller's transaction, or opens one (so other modules can call us inside theirs). */
export async function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return (db as Kysely<Database>).transaction().execute(fn);
}

/** Law-firm units the actor works in as an advisor. */
export function advisorFirms(actor: Actor): string[] {
  return actor.unitsByRole.advisor ?? [];
}

/**
 * core/list's `paginate` is typed for un-joined builders; joined ones carry alias tables in their
 * DB type. Same runtime, widened type (to be folded into core).
 */
function pageOf<O>(qb: SelectQueryBuilder<any, any, O>, q: PageQuery, sortable: Record<string, string>, def: { column: string; order: 'asc' | 'desc' }) {
  return paginate(qb as SelectQueryBuilder<Database, keyof Database, O>, q, sortable, def);
}

const isOffice = (actor: Actor) => actor.isAdmin || hasRole(actor, 'office');

/**
 * Who reads a review request: the office and leaders of its region, the requesting unit's staff,
 * and — as an advisor — only requests assigned to them personally, or to their firm without a named
 * advisor. Scope is in the SQL; anything else answers 404.
 */
export function reviewReadScope(actor: Actor): Expression<SqlBool> {
  const firms = advisorFirms(actor);
  return sql<SqlBool>`(${readScopeRequester(actor)}
    or (r.assigned_advisor_id is null and r.assigned_firm_id in (${sql.join(firms.length ? firms : [NIL])}))
    or r.assigned_advisor_id in (select a.id from advisors a where a.user_id = ${actor.userId}))`;
}

/** The requester side of review scope (region readers and the requesting unit), excluding advisor roles. */
function readScopeRequester(actor: Actor): Expression<SqlBool> {
  // An advisor's own unit is the law firm, never a requesting unit, so readScope's unit branch is safe here.
  return readScope(actor, { region: 'r.region_id', unit: 'r.unit_id' });
}

/** Whether the actor may write an opinion on the review (assigned advisor; firm advisors if unnamed; the office on their behalf). */
function canConclude(actor: Actor, r: { region_id: string; assigned_firm_id: string | null; assigned_advisor_user: string | null; assigned_advisor_id: string | null; status: string }) {
  if (r.status !== 'assigned') return false;
  if (canWriteAt(actor, r.region_id, null, OFFICE_WRITE)) return true;
  if (r.assigned_advisor_id) return r.assigned_advisor_user === actor.userId;
  return !!r.assigned_firm_id && advisorFirms(actor).includes(r.assigned_firm_id);
}

async function lawFirm(trx: Db, id: string) {
  const u = await trx.selectFrom('units').select(['id', 'name', 'type', 'region_id']).where('id', '=', id).executeTakeFirst();
  return u;
}

// ---------------------------------------------------------------- engagements

/** Records an engagement contract with a law firm (the office of the firm's region). */
export async function engageFirm(db: Kysely<Database>, actor: Actor, input: z.infer<typeof EngagementInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const firm = await lawFirm(trx, input.firmId);
    if (!firm || !canWriteAt(actor, firm.region_id, null, OFFICE_WRITE)) {
      throw badRequest('FIRM_NOT_FOUND', { zh: '律师事务所不存在或不在本区', en: 'Law firm not found' }, { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
    }
    if (firm.type !== 'law_firm')
      throw badRequest('NOT_A_LAW_FIRM', { zh: `“${firm.name}”不是律师事务所`, en: `${firm.name} is not a law firm` }, { fields: [{ path: 'firmId', message: '所选单位不是律师事务所' }] });
    const dup = await trx.selectFrom('advisor_engagements').select('id').where('region_id', '=', firm.region_id).where('contract_no', '=', input.contractNo).executeTakeFirst();
    if (dup) throw conflict('CONTRACT_NO_TAKEN', { zh: `合同编号${input.contractNo}已登记`, en: `Contract ${input.contractNo} exists` }, { fields: [{ path: 'contractNo', message: '合同编号已登记' }] });
    const row = await trx
      .insertInto('advisor_engagements')
      .values({
        region_id: firm.region_id, unit_id: firm.id, contract_no: input.contractNo, signed_on: input.signedOn,
        period_from: input.periodFrom, period_to: input.periodTo, scope: input.scope, fee: input.fee, created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), { entity: 'advisor_engagement', entityId: row.id, action: 'create', regionId: row.region_id, unitId: row.unit_id, after: row });
    return row;
  });
}

/** Engagements the actor may read (office/leaders of the region; the firm's own advisors). */
export async function listEngagements(db: Db, actor: Actor, q: PageQuery & { q?: string; year?: number }) {
  const qb = db
    .selectFrom('advisor_engagements as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.id', 'e.region_id', 'e.unit_id', 'u.name as firm_name', 'e.contract_no', 'e.signed_on', 'e.period_from', 'e.period_to', 'e.scope', 'e.fee'])
    .where(readScope(actor, { region: 'e.region_id', unit: 'e.unit_id' }))
    .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('u.name', 'like', `%${q.q}%`), eb('e.contract_no', 'like', `%${q.q}%`)])))
    .$if(!!q.year, (b) => b.where('e.period_from', '<=', `${q.year}-12-31`).where('e.period_to', '>=', `${q.year}-01-01`));
  return pageOf(qb, q, { periodFrom: 'e.period_from', firm: 'u.name', fee: 'e.fee' }, { column: 'e.period_from', order: 'desc' });
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
    const unit = await trx.selectFrom('units').select(['id', 'name', 'type', 'region_id']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit || !canWriteAt(actor, unit.region_id, null, OFFICE_WRITE)) throw badRequest('UNIT_NOT_FOUND', { zh: '所在单位不存在或不在本区', en: 'Unit not found' }, { fields: [{ path: 'unitId', message: '所在单位不存在' }] });
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
    const row = await trx
      .insertInto('advisors')
      .values({ region_id: unit.region_id, unit_id: unit.id, kind: input.kind, name: input.name, user_id: input.userId ?? null, certificate_no: input.certificateNo, speciality: input.speciality })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), { entity: 'advisor', entityId: row.id, action: 'create', regionId: row.region_id, unitId: row.unit_id, after: row });
    return row;
  });
}

/** Advisors the actor may see (region readers; the firm's own advisors). */
export async function listAdvisors(db: Db, actor: Actor, q: PageQuery & { q?: string }) {
  const qb = db
    .selectFrom('advisors as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.region_id', 'a.unit_id', 'u.name as unit_name', 'a.kind', 'a.name', 'a.user_id', 'a.certificate_no', 'a.speciality', 'a.active'])
    .where(readScope(actor, { region: 'a.region_id', unit: 'a.unit_id' }))
    .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('a.name', 'like', `%${q.q}%`), eb('u.name', 'like', `%${q.q}%`), eb('a.speciality', 'like', `%${q.q}%`)])));
  return pageOf(qb, q, { name: 'a.name', unit: 'u.name' }, { column: 'a.name', order: 'asc' });
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
    const unit = await trx.selectFrom('units').select(['id', 'region_id', 'name']).where('id', '=', req.unitId).executeTakeFirst();
    if (!unit) throw badRequest('UNIT_NOT_FOUND', { zh: '送审单位不存在', en: 'Requesting unit not found' }, { fields: [{ path: 'unitId', message: '送审单位不存在' }] });
    if (!canWriteAt(actor, unit.region_id, unit.id, DEFAULT_WRITE)) throw forbidden();
    const row = await trx
      .insertInto('advisor_reviews')
      .values({
        region_id: unit.region_id, unit_id: unit.id, type: req.type, title: req.title, summary: req.summary ?? '',
        subject_entity: req.subjectEntity ?? null, subject_id: req.subjectId ?? null, requested_on: req.requestedOn, requested_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), { entity: 'advisor_review', entityId: row.id, action: 'request', regionId: row.region_id, unitId: row.unit_id, after: row });
    if (req.assign) await assignInTrx(trx, actor, row.id, req.assign, { skipOfficeCheck: true });
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

async function assignInTrx(trx: Transaction<Database>, actor: Actor, id: string, input: { firmId?: string; advisorId?: string; assignedOn: string; dueDate: string; spec?: DeadlineSpec; basis?: string }, opts: { skipOfficeCheck?: boolean } = {}) {
  const r = await trx.selectFrom('advisor_reviews as r').selectAll('r').where('r.id', '=', id).where(reviewReadScope(actor)).forUpdate().executeTakeFirst();
  if (!r) throw notFound(REVIEW);
  if (!opts.skipOfficeCheck && !canWriteAt(actor, r.region_id, null, OFFICE_WRITE)) throw forbidden({ zh: '只有依法治区办可以指派法律顾问', en: 'Only the rule-of-law office assigns advisors' });
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
  const firm = await lawFirm(trx, firmId!);
  if (!firm) throw badRequest('FIRM_NOT_FOUND', { zh: '律师事务所不存在', en: 'Law firm not found' }, { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
  if (firm.type === 'law_firm' && !(await engagedOn(trx, firm.id, input.assignedOn)))
    throw conflict('FIRM_NOT_ENGAGED', { zh: `${firm.name}在${input.assignedOn}没有有效的法律顾问聘用合同，不能指派`, en: `${firm.name} holds no engagement on ${input.assignedOn}` });
  if (firm.type !== 'law_firm' && !advisor)
    throw badRequest('FIRM_NOT_FOUND', { zh: '请选择律师事务所，或指定公职律师本人', en: 'Choose a law firm or a named public lawyer' }, { fields: [{ path: 'firmId', message: '不是律师事务所' }] });
  const after = await trx
    .updateTable('advisor_reviews')
    .set({ status: 'assigned', assigned_firm_id: firm.id, assigned_advisor_id: advisor?.id ?? null, assigned_on: input.assignedOn, due_date: input.dueDate })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // The assigned due date is the advisor's to-do. No statute fixes it for contracts (REFERENCE §3,
  // UNCONFIRMED), so it is the date agreed at assignment; modules with a statutory period pass theirs.
  await setDeadline(trx, {
    module: 'advisors', entity: 'advisor_review', entityId: id, kind: 'opinion',
    title: `出具${REVIEW_TYPES[r.type].zh}意见：${r.title}`,
    regionId: r.region_id, unitId: advisor ? null : firm.id, assigneeId: advisor?.user_id ?? null,
    spec: input.spec ?? { from: input.assignedOn, unit: 'ND', n: daysBetween(input.assignedOn, input.dueDate) },
    basis: input.basis ?? '依法治区办指派法律顾问时确定的办理期限（法律顾问聘用合同）',
  });
  await recordAudit(trx, auditActor(actor), { entity: 'advisor_review', entityId: id, action: 'assign', regionId: r.region_id, unitId: r.unit_id, before: r, after });
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
    const r = await trx
      .selectFrom('advisor_reviews as r')
      .leftJoin('advisors as a', 'a.id', 'r.assigned_advisor_id')
      .selectAll('r')
      .select('a.user_id as assigned_advisor_user')
      .where('r.id', '=', id)
      .where(reviewReadScope(actor))
      .forUpdate('r')
      .executeTakeFirst();
    if (!r) throw notFound(REVIEW);
    if (r.status === 'concluded') throw conflict('REVIEW_CONCLUDED', { zh: '该事项已出具意见', en: 'An opinion was already given' });
    if (r.status !== 'assigned') throw conflict('REVIEW_NOT_ASSIGNED', { zh: '该事项尚未指派法律顾问，不能出具意见', en: 'The request is not assigned yet' });
    if (!canConclude(actor, r)) throw forbidden({ zh: '只有被指派的法律顾问可以出具意见', en: 'Only the assigned advisor gives the opinion' });
    if (input.concludedOn < r.assigned_on!)
      throw badRequest('CONCLUDED_BEFORE_ASSIGNED', { zh: '出具意见日期不得早于指派日期', en: 'The opinion cannot precede the assignment' }, { fields: [{ path: 'concludedOn', message: '不得早于指派日期' }] });
    const { assigned_advisor_user: _u, ...before } = r;
    const after = await trx
      .updateTable('advisor_reviews')
      .set({ status: 'concluded', conclusion: input.conclusion, opinion: input.opinion, reasons: input.reasons, concluded_on: input.concludedOn, concluded_by: actor.userId })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await closeDeadline(trx, 'advisor_review', id, 'opinion');
    await recordAudit(trx, auditActor(actor), { entity: 'advisor_review', entityId: id, action: 'opinion', regionId: r.region_id, unitId: r.unit_id, before, after });
    const handler = after.subject_entity ? concludedHandlers.get(after.subject_entity) : undefined;
    if (handler && after.subject_id) {
      const view = await conclusionOf(trx, id);
      await handler(trx, actor, { ...view!, subjectId: after.subject_id });
    }
    return after;
  });
}

/** Withdraws a request not yet concluded (the requesting unit or the office). */
export async function withdrawReview(db: Kysely<Database>, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('advisor_reviews as r').selectAll('r').where('r.id', '=', id).where(reviewReadScope(actor)).forUpdate().executeTakeFirst();
    if (!r) throw notFound(REVIEW);
    if (!canWriteAt(actor, r.region_id, r.unit_id, DEFAULT_WRITE)) throw forbidden();
    if (r.status === 'concluded' || r.status === 'withdrawn') throw conflict('REVIEW_CLOSED', { zh: '该事项已办结或已撤回', en: 'The request is closed' });
    if (r.subject_entity) throw conflict('REVIEW_HAS_SUBJECT', { zh: '该审查由业务程序发起，请在原程序中处理', en: 'This review belongs to a procedure; handle it there' });
    const after = await trx.updateTable('advisor_reviews').set({ status: 'withdrawn' }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await closeDeadline(trx, 'advisor_review', id, 'opinion', 'cancelled');
    await recordAudit(trx, auditActor(actor), { entity: 'advisor_review', entityId: id, action: 'withdraw', regionId: r.region_id, unitId: r.unit_id, before: r, after });
    return after;
  });
}

const reviewSelect = (db: Db) =>
  db
    .selectFrom('advisor_reviews as r')
    .innerJoin('units as ru', 'ru.id', 'r.unit_id')
    .leftJoin('units as fu', 'fu.id', 'r.assigned_firm_id')
    .leftJoin('advisors as a', 'a.id', 'r.assigned_advisor_id')
    .select([
      'r.id', 'r.region_id', 'r.unit_id', 'ru.name as unit_name', 'r.type', 'r.title', 'r.summary', 'r.subject_entity', 'r.subject_id',
      'r.requested_on', 'r.status', 'r.assigned_firm_id', 'fu.name as firm_name', 'r.assigned_advisor_id', 'a.name as advisor_name',
      'a.user_id as assigned_advisor_user', 'r.assigned_on', 'r.due_date', 'r.conclusion', 'r.opinion', 'r.reasons', 'r.concluded_on',
    ]);

/** A review row with names, as lists and detail read it. */
export type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewSelect>['executeTakeFirstOrThrow']>>;

/** The review queue in the actor's scope (an advisor's inbox holds only what is assigned to them or their firm). */
export async function listReviews(db: Db, actor: Actor, q: PageQuery & { q?: string; type?: ReviewType; status?: string; year?: number }) {
  const qb = reviewSelect(db)
    .where(reviewReadScope(actor))
    .$if(!!q.type, (b) => b.where('r.type', '=', q.type!))
    .$if(!!q.status, (b) => b.where('r.status', '=', q.status as 'pending'))
    .$if(!!q.year, (b) => b.where('r.requested_on', '>=', `${q.year}-01-01`).where('r.requested_on', '<=', `${q.year}-12-31`))
    .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('r.title', 'like', `%${q.q}%`), eb('ru.name', 'like', `%${q.q}%`)])));
  return pageOf(qb, q, { requestedOn: 'r.requested_on', dueDate: 'r.due_date', status: 'r.status', type: 'r.type' }, { column: 'r.requested_on', order: 'desc' });
}

/** One request, if in scope (404 otherwise, alike for unknown and forbidden). */
export async function getReview(db: Db, actor: Actor, id: string) {
  const r = await reviewSelect(db).where('r.id', '=', id).where(reviewReadScope(actor)).executeTakeFirst();
  if (!r) throw notFound(REVIEW);
  return r;
}

/** Abilities on a review for the UI, by the same rules the service enforces. */
export function reviewAbilities(actor: Actor, r: ReviewRow) {
  return {
    canAssign: r.status === 'pending' && canWriteAt(actor, r.region_id, null, OFFICE_WRITE),
    canConclude: canConclude(actor, r),
    canWithdraw: (r.status === 'pending' || r.status === 'assigned') && !r.subject_entity && canWriteAt(actor, r.region_id, r.unit_id, DEFAULT_WRITE),
  };
}

async function conclusionOf(db: Db, id: string): Promise<ReviewConclusionView | null> {
  const r = await reviewSelect(db).where('r.id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id, type: r.type, status: r.status, conclusion: r.conclusion, opinion: r.opinion, reasons: r.reasons,
    concludedOn: r.concluded_on, dueDate: r.due_date, firmName: r.firm_name, advisorName: r.advisor_name,
  };
}

/**
 * The outcome of a review, for the module that requested it (service-to-service: the caller holds the
 * subject record and has already checked the actor's access to it). Null when the id is unknown.
 */
export async function getReviewConclusion(db: Db, reviewId: string): Promise<ReviewConclusionView | null> {
  return conclusionOf(db, reviewId);
}

// ---------------------------------------------------------------- work log

/** Who may log work for a firm: the office of its region, or the firm's own advisors. */
function canLogFor(actor: Actor, firm: { id: string; region_id: string }) {
  return canWriteAt(actor, firm.region_id, null, OFFICE_WRITE) || advisorFirms(actor).includes(firm.id);
}

/** Records a work-log entry (incl. litigation representation: case ref, court, role). */
export async function logWork(db: Db, actor: Actor, input: z.infer<typeof WorkLogInput>) {
  return inTransaction(db, async (trx) => {
    const firm = await trx.selectFrom('units').select(['id', 'region_id', 'type']).where('id', '=', input.firmId).executeTakeFirst();
    if (!firm) throw badRequest('FIRM_NOT_FOUND', { zh: '律师事务所不存在', en: 'Law firm not found' }, { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
    if (!canLogFor(actor, firm)) {
      if (isOffice(actor) || advisorFirms(actor).length) throw notFound(FIRM);
      throw forbidden();
    }
    if (input.advisorId) {
      const a = await trx.selectFrom('advisors').select('id').where('id', '=', input.advisorId).where('unit_id', '=', firm.id).executeTakeFirst();
      if (!a) throw badRequest('ADVISOR_NOT_IN_FIRM', { zh: '该法律顾问不属于所选律师事务所', en: 'Advisor not of this firm' }, { fields: [{ path: 'advisorId', message: '不属于该律师事务所' }] });
    }
    if (input.clientUnitId) {
      const c = await trx.selectFrom('units').select('region_id').where('id', '=', input.clientUnitId).executeTakeFirst();
      if (!c) throw badRequest('UNIT_NOT_FOUND', { zh: '服务单位不存在', en: 'Client unit not found' }, { fields: [{ path: 'clientUnitId', message: '服务单位不存在' }] });
    }
    const lit = input.kind === 'litigation';
    const row = await trx
      .insertInto('advisor_work_logs')
      .values({
        region_id: firm.region_id, unit_id: firm.id, advisor_id: input.advisorId ?? null, client_unit_id: input.clientUnitId ?? null, kind: input.kind,
        work_date: input.workDate, title: input.title, description: input.description ?? '', hours: input.hours ?? null,
        case_ref: lit ? input.caseRef! : (input.caseRef ?? null), court: lit ? input.court! : (input.court ?? null), role: lit ? input.role! : (input.role ?? null),
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), { entity: 'advisor_work_log', entityId: row.id, action: 'create', regionId: row.region_id, unitId: row.unit_id, after: row });
    return row;
  });
}

const workSelect = (db: Db, actor: Actor) => {
  const clientUnits = readUnits(actor);
  return db
    .selectFrom('advisor_work_logs as w')
    .innerJoin('units as f', 'f.id', 'w.unit_id')
    .leftJoin('units as c', 'c.id', 'w.client_unit_id')
    .leftJoin('advisors as a', 'a.id', 'w.advisor_id')
    .select(['w.id', 'w.region_id', 'w.unit_id', 'f.name as firm_name', 'w.advisor_id', 'a.name as advisor_name', 'w.client_unit_id', 'c.name as client_name',
      'w.kind', 'w.work_date', 'w.title', 'w.description', 'w.hours', 'w.case_ref', 'w.court', 'w.role'])
    .where((eb) => eb.or([readScope(actor, { region: 'w.region_id', unit: 'w.unit_id' }), eb('w.client_unit_id', 'in', clientUnits.length ? clientUnits : [NIL])]));
};
/** A work-log row with names. */
export type WorkLogRow = Awaited<ReturnType<ReturnType<typeof workSelect>['executeTakeFirstOrThrow']>>;

/** One work-log entry in scope (404 otherwise). */
export async function getWorkLog(db: Db, actor: Actor, id: string) {
  const w = await workSelect(db, actor).where('w.id', '=', id).executeTakeFirst();
  if (!w) throw notFound({ zh: '工作日志', en: 'Work log entry' });
  return w;
}

/** Work-log entries in scope: region readers, the firm's advisors, and the unit served. */
export async function listWorkLogs(db: Db, actor: Actor, q: PageQuery & { q?: string; kind?: WorkKind; year?: number }) {
  const qb = workSelect(db, actor)
    .$if(!!q.kind, (b) => b.where('w.kind', '=', q.kind!))
    .$if(!!q.year, (b) => b.where('w.work_date', '>=', `${q.year}-01-01`).where('w.work_date', '<=', `${q.year}-12-31`))
    .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('w.title', 'like', `%${q.q}%`), eb('w.case_ref', 'like', `%${q.q}%`)])));
  return pageOf(qb, q, { workDate: 'w.work_date', kind: 'w.kind', firm: 'f.name' }, { column: 'w.work_date', order: 'desc' });
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
    const firm = await lawFirm(trx, input.firmId);
    if (!firm || firm.type !== 'law_firm') throw badRequest('FIRM_NOT_FOUND', { zh: '律师事务所不存在', en: 'Law firm not found' }, { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
    if (!canWriteAt(actor, firm.region_id, null, OFFICE_WRITE))
      throw badRequest('FIRM_NOT_FOUND', { zh: '律师事务所不存在', en: 'Law firm not found' }, { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
    const engaged = await trx.selectFrom('advisor_engagements').select('id').where('unit_id', '=', firm.id)
      .where('period_from', '<=', `${input.year}-12-31`).where('period_to', '>=', `${input.year}-01-01`).executeTakeFirst();
    if (!engaged) throw conflict('FIRM_NOT_ENGAGED', { zh: `${firm.name}在${input.year}年没有聘用合同，无需考核`, en: `${firm.name} was not engaged in ${input.year}` });
    if (await trx.selectFrom('advisor_assessments').select('id').where('unit_id', '=', firm.id).where('year', '=', input.year).executeTakeFirst())
      throw conflict('ASSESSMENT_EXISTS', { zh: `${firm.name}${input.year}年度考核已录入`, en: 'Assessment exists' });
    const total = Math.round(input.criteria.reduce((s, c) => s + c.score, 0) * 10) / 10;
    const max = Math.round(input.criteria.reduce((s, c) => s + c.max, 0) * 10) / 10;
    const row = await trx
      .insertInto('advisor_assessments')
      .values({
        region_id: firm.region_id, unit_id: firm.id, year: input.year, assessed_on: input.assessedOn, criteria: JSON.stringify(input.criteria),
        total, max_total: max, grade: gradeOf(total, max), comment: input.comment ?? '', created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), { entity: 'advisor_assessment', entityId: row.id, action: 'create', regionId: row.region_id, unitId: row.unit_id, after: row });
    return row;
  });
}

/** Assessments in scope (region readers; the firm itself). */
export async function listAssessments(db: Db, actor: Actor, q: { year?: number }) {
  return db
    .selectFrom('advisor_assessments as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.region_id', 's.unit_id', 'u.name as firm_name', 's.year', 's.assessed_on', 's.criteria', 's.total', 's.max_total', 's.grade', 's.comment'])
    .where(readScope(actor, { region: 's.region_id', unit: 's.unit_id' }))
    .$if(!!q.year, (b) => b.where('s.year', '=', q.year!))
    .orderBy('s.year', 'desc')
    .orderBy('u.name')
    .execute();
}

/** Open requests assigned to the actor (or their firm) — the advisor's inbox count. */
export async function countInbox(db: Db, actor: Actor) {
  const firms = advisorFirms(actor);
  if (!firms.length) return 0;
  const r = await db
    .selectFrom('advisor_reviews as r')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.status', '=', 'assigned')
    .where(sql<SqlBool>`((r.assigned_advisor_id is null and r.assigned_firm_id in (${sql.join(firms)}))
      or r.assigned_advisor_id in (select a.id from advisors a where a.user_id = ${actor.userId}))`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Pending requests waiting for assignment in the office's regions. */
export async function countUnassigned(db: Db, actor: Actor) {
  if (!hasRole(actor, 'office')) return 0;
  const regions = actor.regionsByRole.office ?? [];
  if (!regions.length) return 0;
  const r = await db.selectFrom('advisor_reviews').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').where('region_id', 'in', regions).executeTakeFirstOrThrow();
  return Number(r.n);
}
