import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { addDays, addMonths, computeDeadline, loadCalendar, today, type DeadlineSpec } from '../../core/calendar/index.js';
import { closeDeadline, setDeadline } from '../../core/deadlines/index.js';
import { AppError, badRequest, conflict, forbidden, notFound, type Msg } from '../../core/errors/index.js';
import { defineSetting, getSetting } from '../../core/settings.js';
import { hasRole, inRegionPaths, mayWriteAt, requireRole, DEFAULT_WRITE, OFFICE_WRITE, type Actor } from '../../core/scope/index.js';
import { regionByCode, regionById, unitsById } from '../org/lookup.js';
import { formatDocNumber, parseDocNumber } from '../../../common/docnumber.js';
import { CLEANUP_DECISIONS, CORRECTION_SOURCES, DOC_STATUS, type DocStatus } from '../../../common/documents.js';
import type {
  CleanupInput, CleanupPublishInput, CommentCloseInput, CommentOpenInput, CommentWaiverInput, CorrectionInput, CorrectionOutcomeInput, DecisionsInput,
  DeliberationInput, DocListQuery, DraftInput, ExtendInput, FairCompetitionInput, FilingInput, OpinionInput, PublishInput, ReceiptInput, ReviewInput,
  SupplementInput, NormativeDocumentsTable, NormativeDocReviewsTable, DraftPatch, ReviewListQuery,
} from './schema.js';
import { fromAdvisorConclusion, isPassed, type LegalityOpinion } from './legality.js';
import { onReviewConcluded, requestReview } from '../advisors/service.js';
import { Cleanups, Corrections, Documents, Reviews, docReadNoFirm, CLEANUP_ENTITY, CORRECTION_ENTITY, DOC_ENTITY, REVIEW_ENTITY } from './records.js';

export { CLEANUP_ENTITY, CORRECTION_ENTITY, DOC_ENTITY, REVIEW_ENTITY };

/** A document row as read. */
export type DocRow = Selectable<NormativeDocumentsTable>;
/** A review row as read. */
export type ReviewRow = Selectable<NormativeDocReviewsTable>;

const MODULE = 'documents';

// ---------------------------------------------------------------- settings
// Provinces set these differently (REFERENCE §4.2, §17 item 12: Henan 令第226号 values UNCONFIRMED).
/** Days after publication within which a document is filed with the superior (natural days). */
export const FilingDays = defineSetting({
  key: 'documents.filingDays',
  label: { zh: '规范性文件报送备案期限（自公布之日起，自然日）', en: 'Filing period after publication (days)' },
  schema: z.number().int().min(1).max(365),
  default: 30,
});
/** Default validity period in years. */
export const ValidityYears = defineSetting({
  key: 'documents.validityYears',
  label: { zh: '规范性文件有效期（年）', en: 'Validity period (years)' },
  schema: z.number().int().min(1).max(20),
  default: 5,
});
/** Validity period in years of documents titled 暂行/试行. */
export const ProvisionalValidityYears = defineSetting({
  key: 'documents.provisionalValidityYears',
  label: { zh: '标注“暂行”“试行”的规范性文件有效期（年）', en: 'Validity of interim/trial documents (years)' },
  schema: z.number().int().min(1).max(10),
  default: 2,
});
/** Months before expiry at which the evaluation is due. */
export const ExpiryReminderMonths = defineSetting({
  key: 'documents.expiryReminderMonths',
  label: { zh: '有效期届满前评估提醒（月）', en: 'Evaluation reminder before expiry (months)' },
  schema: z.number().int().min(1).max(24),
  default: 6,
});
/** Working days a legality review may take (115号's 5–15 WD is UNCONFIRMED: configurable). */
export const ReviewDays = defineSetting({
  key: 'documents.reviewDays',
  label: { zh: '合法性审核期限（工作日）', en: 'Legality review period (working days)' },
  schema: z.number().int().min(1).max(60),
  default: 15,
});
/** Days to handle a correction case. */
export const CorrectionDays = defineSetting({
  key: 'documents.correctionDays',
  label: { zh: '纠错处理期限（自然日）', en: 'Correction handling period (days)' },
  schema: z.number().int().min(1).max(180),
  default: 30,
});

// ---------------------------------------------------------------- access
// Who reads and writes each aggregate is declared once in records.ts (Documents, Reviews, Corrections,
// Cleanups); every read below goes through their scoped queries and every change through lockForWrite.

/** Reads a document in scope or throws 404 (unknown and forbidden alike). */
export async function getDocument(db: Db, actor: Actor, id: string): Promise<DocRow> {
  return Documents.get(db, actor, id);
}

/** A document with its units' names and the actor's rights on it (from the write scope, in SQL). */
export async function getDocumentView(db: Db, actor: Actor, id: string) {
  const row = await withRights(docView(db, actor), actor).where('d.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(Documents.label);
  return row as DocView;
}

/** A document row with the names shown beside it and the actor's write rights. */
export type DocView = DocRow & { unit_name: string; issuer_name: string; may_write: boolean; may_office: boolean };

/** Scoped select of documents with the names of the drafting unit and issuing organ (joins for display). */
function docView(db: Db, actor: Actor) {
  return Documents.query(db, actor)
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .innerJoin('units as iu', 'iu.id', 'd.issuer_unit_id')
    .selectAll('d')
    .select(['u.name as unit_name', 'iu.name as issuer_name']);
}

/** Adds the actor's rights on each row (the record core's write scope, evaluated in the same query). */
function withRights<Q extends ReturnType<typeof docView>>(qb: Q, actor: Actor): Q {
  return qb.select([
    sql<boolean>`${Documents.writeWhere(actor, 'd')}`.as('may_write'),
    sql<boolean>`${Documents.writeWhere(actor, 'd', OFFICE_WRITE)}`.as('may_office'),
  ]) as Q;
}

/** An audited change of a locked document (the record core's update, with its `updated_at`). */
function update(trx: Db, actor: Actor | null, before: DocRow, set: Partial<Record<keyof DocRow, unknown>>, action: string): Promise<DocRow> {
  return Documents.update(trx, actor, before, { ...(set as object), updated_at: new Date() }, action);
}

async function addEvent(trx: Db, d: Pick<DocRow, 'id' | 'region_id'>, onDate: string, status: DocStatus, reason: string) {
  await trx.insertInto('normative_doc_events').values({ document_id: d.id, region_id: d.region_id, on_date: onDate, status, reason }).execute();
}

function notBefore(field: string, value: string, min: string | null, what: Msg) {
  if (min && value < min)
    throw badRequest('DATE_TOO_EARLY', { zh: `${what.zh}不得早于${min}`, en: `${what.en} cannot be before ${min}` }, { fields: [{ path: field, message: `不得早于${min}` }] });
}

function mustBeDrafting(d: DocRow) {
  if (d.status !== 'drafting')
    throw conflict('DOCUMENT_NOT_DRAFTING', { zh: '该文件已发布，起草阶段的程序不能再变更', en: 'The document has been issued; drafting steps can no longer change' });
}

/** Whether region path `inner` is `outer` or lies below it. */
const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`);

// ---------------------------------------------------------------- 审: drafting

/** 起草登记: the drafting unit (or the office) registers a draft. */
export async function createDraft(db: Kysely<Database>, actor: Actor, input: z.infer<typeof DraftInput>): Promise<DocRow> {
  requireRole(actor, 'office', 'unit_head', 'liaison');
  return db.transaction().execute(async (trx) => {
    const issuerId = input.issuerUnitId ?? input.unitId;
    const units = await unitsById(trx, [input.unitId, issuerId]);
    const unit = units.get(input.unitId);
    if (!unit || !(await mayWriteAt(trx, actor, unit.region_id, unit.id))) throw notFound({ zh: '起草单位', en: 'Drafting unit' });
    const issuer = units.get(issuerId);
    const [up, ip] = [(await regionById(trx, unit.region_id))!.path, issuer ? (await regionById(trx, issuer.region_id))?.path : undefined];
    if (!issuer || !ip || !within(up, ip))
      throw badRequest('ISSUER_INVALID', { zh: '制定机关应为本级或上级区域的单位', en: 'The issuing organ must be in this region or above' }, { fields: [{ path: 'issuerUnitId', message: '制定机关无效' }] });
    const row = await Documents.insert(trx, actor, {
      region_id: unit.region_id, unit_id: unit.id, issuer_unit_id: issuer.id, title: input.title, summary: input.summary ?? null,
      affects_rights: input.affectsRights, market_related: input.marketRelated, drafted_on: input.draftedOn, created_by: actor.userId,
    }, 'draft');
    await addEvent(trx, row, input.draftedOn, 'drafting', '起草登记');
    return row;
  });
}

/** Edits a draft's particulars; the comment rules depend on the flags, so they are fixed once comment opens. */
export async function updateDraft(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DraftPatch>) {
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id);
    mustBeDrafting(before);
    const flagsChange = (input.affectsRights !== undefined && input.affectsRights !== before.affects_rights) || (input.marketRelated !== undefined && input.marketRelated !== before.market_related);
    if (flagsChange && before.comment_opened_on)
      throw conflict('COMMENT_ALREADY_OPENED', { zh: '已公开征求意见，不能再变更是否涉及权利义务或市场主体（征求意见期限据此确定）', en: 'Comment has opened; the flags that set its period can no longer change' });
    return update(trx, actor, before, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.summary !== undefined ? { summary: input.summary } : {}),
      ...(input.affectsRights !== undefined ? { affects_rights: input.affectsRights } : {}),
      ...(input.marketRelated !== undefined ? { market_related: input.marketRelated } : {}),
    }, 'update');
  });
}

/**
 * The document-side legality-review records the actor can see, newest first, one page: for the office,
 * leaders and the drafting units. Not an advisor inbox: a firm's reviews are in the advisors queue
 * (`GET /api/v1/advisors/reviews`), so an advisor is refused here (403) and its firm branch of the
 * document scope is not used.
 */
export async function listReviews(db: Db, actor: Actor, q: z.infer<typeof ReviewListQuery>) {
  if (!actor.isAdmin) requireRole(actor, 'office', 'leader', 'viewer', 'unit_head', 'liaison');
  return Reviews.list(db, actor, q, {
    select: (qb) =>
      qb
        .innerJoin('normative_documents as d', 'd.id', 'r.document_id')
        .leftJoin('units as u', 'u.id', 'r.unit_id')
        .select(['r.id', 'r.document_id', 'd.title', 'r.reviewer_kind', 'r.unit_id', 'u.name as unit_name', 'r.reviewer_name', 'r.requested_on', 'r.due_on', 'r.status', 'r.completed_on', 'r.conclusion', 'r.opinion', 'r.queue_ref'])
        .select(mayGiveOpinion(actor).as('can_give_opinion'))
        .where(docReadNoFirm(actor, 'd'))
        .$if(!!q.status, (b) => b.where('r.status', '=', q.status!))
        .$if(!!q.q, (b) => b.where('d.title', 'like', `%${q.q}%`)) as SelectQueryBuilder<any, any, ReviewListRow>,
    sortable: { dueOn: 'r.due_on', requestedOn: 'r.requested_on', status: 'r.status' },
    defaultSort: { column: 'r.requested_on', order: 'desc' },
  });
}

/** A review as listed (with its document's title and the reviewing unit's name). */
export type ReviewListRow = Pick<ReviewRow, 'id' | 'document_id' | 'reviewer_kind' | 'unit_id' | 'reviewer_name' | 'requested_on' | 'due_on' | 'status' | 'completed_on' | 'conclusion' | 'opinion' | 'queue_ref'> & {
  title: string; unit_name: string | null; can_give_opinion: boolean;
};

/**
 * Whether the actor may give the opinion of a review here (SQL over `r` joined with its document `d`):
 * only the office of the region, on a pending review it does itself, while the document is a draft.
 * A firm's review is concluded in the advisors queue.
 */
function mayGiveOpinion(actor: Actor) {
  return sql<boolean>`(r.status = 'pending' and r.reviewer_kind = 'office' and d.status = 'drafting' and ${Reviews.writeWhere(actor, 'r', OFFICE_WRITE)})`;
}

/**
 * The shortest lawful comment period for a document opened for comment on `openedOn`:
 * - market-related: ≥ 30 days (优化营商环境条例 第六十二条), natural days counted from the next day,
 *   a last day on a rest day moving to the next working day (民法典 第二百零一、二百零三条);
 * - bearing on rights and obligations: ≥ 7 working days (法治政府建设示范指标 第24项), 调休-aware;
 * - otherwise none.
 */
export function commentRule(d: Pick<DocRow, 'market_related' | 'affects_rights'>, openedOn: string): { spec: DeadlineSpec; basis: string } | null {
  if (d.market_related)
    return { spec: { from: openedOn, unit: 'ND', n: 30, rollOver: true }, basis: '《优化营商环境条例》第六十二条：与市场主体生产经营活动密切相关的行政规范性文件，向社会公开征求意见的期限一般不少于30日' };
  if (d.affects_rights)
    return { spec: { from: openedOn, unit: 'WD', n: 7 }, basis: '法治政府建设示范指标第24项：涉及人民群众切身利益的行政规范性文件公开征求意见期限一般不少于7个工作日' };
  return null;
}

/** Opens public comment; the planned closing date must respect the minimum period. */
export async function openComment(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof CommentOpenInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id);
    mustBeDrafting(before);
    if (before.comment_opened_on)
      throw conflict('COMMENT_ALREADY_OPENED', { zh: '该文件已公开征求意见', en: 'Public comment has already been opened' });
    notBefore('openedOn', input.openedOn, before.drafted_on, { zh: '征求意见开始日期', en: 'Comment start' });
    const cal = await loadCalendar(trx);
    const rule = commentRule(before, input.openedOn);
    const min = rule ? computeDeadline(cal, rule.spec).due : input.openedOn;
    if (input.closesOn < min)
      throw badRequest(
        'COMMENT_PERIOD_TOO_SHORT',
        { zh: `征求意见期限不足：最早截止日为${min}（${rule!.basis}）`, en: `Comment period too short: it may close no earlier than ${min}` },
        { fields: [{ path: 'closesOn', message: `最早截止日为${min}` }], minClosesOn: min },
      );
    const after = await update(trx, actor, before, { comment_opened_on: input.openedOn, comment_closes_on: input.closesOn, comment_min_closes_on: min, comment_channel: input.channel, comment_waiver: null }, 'comment_open');
    await setDeadline(trx, {
      module: MODULE, entity: DOC_ENTITY, entityId: id, kind: 'comment_close', title: { zh: `《${after.title}》公开征求意见截止，汇总意见并说明采纳情况`, en: `Public comment on 《${after.title}》 closes: sum up the comments and state which were adopted` },
      regionId: after.region_id, unitId: after.unit_id,
      spec: { from: input.openedOn, unit: 'ND', n: Math.round((Date.parse(input.closesOn) - Date.parse(input.openedOn)) / 86_400_000) },
      basis: rule?.basis ?? '起草单位确定的征求意见期限',
    }, cal);
    return after;
  });
}

/** Closes public comment: refused before the minimum period has run. */
export async function closeComment(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof CommentCloseInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id);
    mustBeDrafting(before);
    if (!before.comment_opened_on) throw conflict('COMMENT_NOT_OPENED', { zh: '尚未公开征求意见', en: 'Public comment has not been opened' });
    if (before.comment_closed_on) throw conflict('COMMENT_ALREADY_CLOSED', { zh: '征求意见已结束', en: 'Public comment is already closed' });
    if (input.closedOn < before.comment_min_closes_on!) {
      const rule = commentRule(before, before.comment_opened_on);
      throw conflict('COMMENT_PERIOD_NOT_OVER', {
        zh: `征求意见期限未满，${before.comment_min_closes_on}前不得结束（${rule?.basis ?? ''}）`,
        en: `The comment period runs until ${before.comment_min_closes_on}`,
      });
    }
    const after = await update(trx, actor, before, { comment_closed_on: input.closedOn, comment_count: input.commentCount, comment_summary: input.summary }, 'comment_close');
    await closeDeadline(trx, DOC_ENTITY, id, 'comment_close');
    return after;
  });
}

/** Records why a document bearing on no one's rights and on no business is not put to comment. */
export async function waiveComment(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof CommentWaiverInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id);
    mustBeDrafting(before);
    const rule = commentRule(before, before.drafted_on);
    if (rule) throw conflict('COMMENT_REQUIRED', { zh: `该文件须公开征求意见（${rule.basis}）`, en: 'This document must be put to public comment' });
    const after = await update(trx, actor, before, { comment_waiver: input.reason }, 'comment_waive');
    return after;
  });
}

/** 公平竞争审查 (优化营商环境条例 第六十三条) for market-related documents. */
export async function recordFairCompetition(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof FairCompetitionInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id);
    mustBeDrafting(before);
    notBefore('reviewedOn', input.reviewedOn, before.drafted_on, { zh: '审查日期', en: 'Review date' });
    const after = await update(trx, actor, before, { fair_competition_on: input.reviewedOn, fair_competition_conclusion: input.conclusion, fair_competition_opinion: input.opinion }, 'fair_competition');
    return after;
  });
}

// ---------------------------------------------------------------- 审: legality review

const BY_ADVISOR: Msg = {
  zh: '该文件已送法律顾问审核，审核意见由被指派的律师事务所在“审查事项”（法律顾问审查队列）中出具',
  en: 'A law firm reviews this draft; its opinion is given in the advisors review queue',
};


/**
 * Requests a legality review (报送合法性审核) by the office or an advisor firm. The drafting unit or
 * the office may request; only the office records a conclusion at once, when it reviews itself. A
 * firm's review becomes a request assigned to the firm in the advisors queue (same transaction).
 */
export async function requestLegalityReview(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ReviewInput>) {
  requireRole(actor, 'office', 'unit_head', 'liaison');
  if (input.conclusion && !hasRole(actor, 'office')) throw forbidden({ zh: '审核结论由审核机构填写', en: 'Only the reviewer records the conclusion' });
  if (input.conclusion && input.reviewerKind === 'advisor')
    throw badRequest('LEGALITY_BY_ADVISOR', BY_ADVISOR, { fields: [{ path: 'conclusion', message: '法律顾问的审核意见在审查事项中出具' }] });
  return db.transaction().execute(async (trx) => {
    const doc = await Documents.lockForWrite(trx, actor, id);
    mustBeDrafting(doc);
    notBefore('requestedOn', input.requestedOn, doc.drafted_on, { zh: '送审日期', en: 'Request date' });
    const pending = await trx.selectFrom('normative_doc_reviews').select('id').where('document_id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    if (pending) throw conflict('REVIEW_PENDING', { zh: '已有尚未办结的合法性审核', en: 'A legality review is already pending' });
    let unitId: string | null = actor.unitId;
    if (input.reviewerKind === 'advisor') {
      const firm = (await unitsById(trx, [input.reviewerUnitId!])).get(input.reviewerUnitId!);
      const dp = (await regionById(trx, doc.region_id))!.path;
      const fp = firm ? (await regionById(trx, firm.region_id))?.path : undefined;
      if (!firm || firm.type !== 'law_firm' || !fp || !within(dp, fp))
        throw badRequest('REVIEWER_INVALID', { zh: '请选择本区聘请的法律顾问律师事务所', en: 'Choose a law firm engaged in this region' }, { fields: [{ path: 'reviewerUnitId', message: '不是本区的律师事务所' }] });
      unitId = firm.id;
    }
    const days = await getSetting(trx, ReviewDays);
    const cal = await loadCalendar(trx);
    const spec: DeadlineSpec = { from: input.requestedOn, unit: 'WD', n: days };
    const due = computeDeadline(cal, spec).due;
    const basis = `国办发〔2018〕115号：行政规范性文件未经合法性审核不得提交集体审议；审核期限${days}个工作日（系统设置）`;
    // A child of the locked document (see Reviews in records.ts), audited as the review's creation.
    let review = await trx
      .insertInto('normative_doc_reviews')
      .values({ document_id: id, region_id: doc.region_id, unit_id: unitId, reviewer_kind: input.reviewerKind, reviewer_name: input.reviewerName ?? null, requested_on: input.requestedOn, due_on: due, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.reviewerKind === 'advisor') {
      // A firm's review is a request in the advisors queue, assigned to the firm at once with the review
      // period as its due date; the queue sets the firm's to-do. Requested for the drafting unit (or the
      // issuing organ, when that is whom the actor works for).
      const requester = (await mayWriteAt(trx, actor, doc.region_id, doc.unit_id, DEFAULT_WRITE)) ? doc.unit_id : doc.issuer_unit_id;
      const q = await requestReview(trx, actor, {
        type: 'normative_document', subjectEntity: DOC_ENTITY, subjectId: id, unitId: requester, title: doc.title,
        summary: '送审材料：送审稿、起草说明、制定依据、征求意见及采纳情况。', requestedOn: input.requestedOn,
        assign: { firmId: unitId!, assignedOn: input.requestedOn, dueDate: due, spec, basis },
      });
      review = await trx.updateTable('normative_doc_reviews').set({ queue_ref: q.id }).where('id', '=', review.id).returningAll().executeTakeFirstOrThrow();
    } else {
      await setDeadline(trx, {
        module: MODULE, entity: REVIEW_ENTITY, entityId: review.id, kind: 'legality_review', title: { zh: `合法性审核《${doc.title}》`, en: `Legality review of 《${doc.title}》` },
        regionId: doc.region_id, unitId, spec, basis,
      }, cal);
    }
    await Reviews.audit(trx, actor, 'request', null, review);
    if (input.conclusion)
      return completeLegalityReview(trx, actor, await Reviews.lockForWrite(trx, actor, review.id), { completedOn: input.completedOn!, conclusion: input.conclusion, opinion: input.opinion!, reviewerName: input.reviewerName });
    return review;
  });
}

/**
 * Concludes a pending legality review — the one entry point for an opinion, whether given here by
 * the office (its own review) or by the assigned firm in the advisors queue (through the handler
 * below). Runs in the caller's transaction on a review the caller locked with `Reviews.lockForWrite`.
 */
export async function completeLegalityReview(trx: Db, actor: Actor | null, before: ReviewRow, op: LegalityOpinion) {
  if (before.status !== 'pending') throw conflict('REVIEW_ALREADY_DONE', { zh: '该合法性审核已出具意见', en: 'This review already has an opinion' });
  notBefore('completedOn', op.completedOn, before.requested_on, { zh: '审核完成日期', en: 'Completion date' });
  const after = await Reviews.update(trx, actor, before, {
    status: 'done', completed_on: op.completedOn, conclusion: op.conclusion, opinion: op.opinion, reviewer_name: op.reviewerName ?? before.reviewer_name,
  }, 'opinion');
  await closeDeadline(trx, REVIEW_ENTITY, before.id, 'legality_review');
  return after;
}

/** The document of a review, locked, for the rule that only a draft's review may be concluded. */
async function draftOf(trx: Db, actor: Actor, documentId: string) {
  const doc = await Documents.query(trx, actor).select(['d.id', 'd.status']).where('d.id', '=', documentId).forUpdate().executeTakeFirst();
  if (!doc) throw notFound(Documents.label);
  if (doc.status !== 'drafting') throw conflict('DOCUMENT_NOT_DRAFTING', { zh: '该文件已发布', en: 'The document has been issued' });
}

/** The office gives the opinion of a review it does itself (a firm's opinion is given in the advisors queue). */
export async function giveOpinion(db: Kysely<Database>, actor: Actor, reviewId: string, input: z.infer<typeof OpinionInput>) {
  return db.transaction().execute(async (trx) => {
    const r = await Reviews.lockForWrite(trx, actor, reviewId).catch((e) => {
      throw e instanceof AppError && e.status === 403 ? forbidden({ zh: '只有审核机构可以出具审核意见', en: 'Only the reviewer gives the opinion' }) : e;
    });
    // The reviewer, but of a firm's review: its opinion is given in the advisors queue.
    if (r.reviewer_kind === 'advisor') throw conflict('LEGALITY_BY_ADVISOR', BY_ADVISOR);
    await draftOf(trx, actor, r.document_id);
    return completeLegalityReview(trx, actor, r, { ...input, reviewerName: input.reviewerName ?? actor.displayName });
  });
}

// When the assigned firm gives its opinion in the advisors queue, the document's review is concluded
// in the same transaction, by the same actor (the firm's advisor, or the office entering it for the firm).
onReviewConcluded(DOC_ENTITY, async (trx, actor, review) => {
  const found = await Reviews.query(trx, actor).select(['r.id', 'r.document_id']).where('r.queue_ref', '=', review.id).executeTakeFirst();
  if (!found || found.document_id !== review.subjectId) return;
  const rv = await Reviews.lockForWrite(trx, actor, found.id);
  if (rv.status !== 'pending') return;
  await draftOf(trx, actor, rv.document_id);
  await completeLegalityReview(trx, actor, rv, {
    completedOn: review.concludedOn!, conclusion: fromAdvisorConclusion(review.conclusion!),
    opinion: review.reasons ? `${review.opinion}（理由：${review.reasons}）` : review.opinion!,
    // The named advisor; else the firm's advisor who signed it; else (the office entering it) the firm.
    reviewerName: review.advisorName ?? ((actor.unitsByRole.advisor ?? []).length ? actor.displayName : review.firmName) ?? undefined,
  });
});

/** The reviews of a document the actor reads, oldest first, with whether the actor may give each one's opinion here. */
export async function reviewsOf(db: Db, actor: Actor, documentId: string) {
  return Reviews.query(db, actor)
    .innerJoin('normative_documents as d', 'd.id', 'r.document_id')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.reviewer_kind', 'r.unit_id', 'u.name as unit_name', 'r.reviewer_name', 'r.requested_on', 'r.due_on', 'r.status', 'r.completed_on', 'r.conclusion', 'r.opinion', 'r.queue_ref'])
    .select(mayGiveOpinion(actor).as('can_give_opinion'))
    .where('r.document_id', '=', documentId)
    .orderBy('r.requested_on')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute() as Promise<Omit<ReviewListRow, 'document_id' | 'title'>[]>;
}

/** The latest review of a document (internal: called on a document already read or locked in scope). */
async function latestReview(trx: Db, documentId: string) {
  return trx
    .selectFrom('normative_doc_reviews')
    .select(['status', 'conclusion', 'completed_on'])
    .where('document_id', '=', documentId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const REVIEW_RULE: Msg = {
  zh: '未经合法性审核或者经审核不合法的，不得提交集体审议（国办发〔2018〕37号、国办发〔2018〕115号）',
  en: 'Without a legality review concluding lawful, a document may not go to collective deliberation (State Council Office 2018 No. 37, No. 115)',
};

/** 集体审议: refused unless the latest legality review concluded lawful (or lawful after revision). */
export async function recordDeliberation(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DeliberationInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id);
    mustBeDrafting(before);
    const review = await latestReview(trx, id);
    if (!review || review.status !== 'done' || !isPassed(review.conclusion)) throw conflict('DOCUMENT_REVIEW_REQUIRED', REVIEW_RULE);
    notBefore('deliberatedOn', input.deliberatedOn, review.completed_on, { zh: '审议日期', en: 'Deliberation date' });
    const after = await update(trx, actor, before, { deliberated_on: input.deliberatedOn, deliberation_meeting: input.meeting, deliberation_minutes: input.minutes ?? null }, 'deliberate');
    return after;
  });
}

// ---------------------------------------------------------------- 登: registration, numbering, publication

/** What is still missing before a draft may be issued (empty = may be published). */
export async function publicationGaps(trx: Db, d: DocRow): Promise<Msg[]> {
  const gaps: Msg[] = [];
  const review = await latestReview(trx, d.id);
  if (!review || review.status !== 'done' || !isPassed(review.conclusion))
    gaps.push({ zh: '未经合法性审核或审核结论不合法（国办发〔2018〕115号）', en: 'No legality review concluding lawful (No. 115)' });
  if (!d.deliberated_on) gaps.push({ zh: '未经集体审议决定（国办发〔2018〕37号）', en: 'Not deliberated collectively (No. 37)' });
  const rule = commentRule(d, d.drafted_on);
  if (rule && !d.comment_closed_on) gaps.push({ zh: `未完成公开征求意见（${rule.basis}）`, en: 'Public comment not completed' });
  if (!rule && !d.comment_closed_on && !d.comment_waiver) gaps.push({ zh: '未公开征求意见，也未说明不征求意见的理由', en: 'No public comment and no reason for skipping it' });
  if (d.market_related && d.fair_competition_conclusion !== 'compliant')
    gaps.push({ zh: '涉及市场主体经济活动，未经公平竞争审查或审查未通过（《优化营商环境条例》第六十三条）', en: 'No passed fair-competition review (Business Environment Regulation art. 63)' });
  return gaps;
}

/**
 * The last day of validity: `years` from the day it takes effect, that day included (a document in
 * force from 2020-06-01 for 5 years is valid until 2025-05-31); 民法典 第二百零二条 for month ends.
 */
export function validUntilFor(effectiveFrom: string, years: number): string {
  return addDays(addMonths(effectiveFrom, 12 * years), -1);
}

/** Validity years for a title: 暂行/试行 documents get the shorter period. */
export async function validityYearsFor(db: Db, title: string): Promise<number> {
  return /暂行|试行/.test(title) ? getSetting(db, ProvisionalValidityYears) : getSetting(db, ValidityYears);
}

/** Serialises numbering in a region for the rest of the transaction (an advisory lock on a key, not a record lock). */
async function takeNumberingLock(trx: Db, key: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** Sets the expiry-evaluation reminder: N months before the last day of validity. */
async function setExpiryReminder(trx: Db, d: DocRow) {
  if (!d.valid_until || d.status !== 'in_force') return;
  const months = await getSetting(trx, ExpiryReminderMonths);
  await setDeadline(trx, {
    module: MODULE, entity: DOC_ENTITY, entityId: d.id, kind: 'expiry_review',
    title: {
      zh: `《${d.title}》有效期至${d.valid_until}，请在届满前${months}个月组织评估（继续有效、修改、延长或废止）`,
      en: `《${d.title}》 is valid until ${d.valid_until}: evaluate it ${months} months before (keep, amend, extend or repeal)`,
    },
    regionId: d.region_id, unitId: d.issuer_unit_id,
    spec: { from: d.valid_until, unit: 'M', n: -months },
    basis: `规范性文件有效期届满前${months}个月，制定机关应组织评估（地方通行规定，系统设置）`,
  });
}

/** Ends a document (repeal, invalidation, revocation) on a date, with its event and deadlines closed. */
async function endDocument(trx: Db, actor: Actor | null, d: DocRow, status: 'repealed' | 'invalidated' | 'revoked', onDate: string, reason: string) {
  if (d.status !== 'in_force') return d;
  const after = await update(trx, actor, d, { status, ended_on: onDate, end_reason: reason }, status === 'repealed' ? 'repeal' : status === 'invalidated' ? 'invalidate' : 'revoke');
  await addEvent(trx, d, onDate, status, reason);
  await closeDeadline(trx, DOC_ENTITY, d.id, 'expiry_review', 'cancelled');
  return after;
}

/**
 * 统一登记、统一编号、统一发布 by the office: refused (409) unless the legality review concluded lawful
 * and the document was deliberated (国办发〔2018〕37号、115号), comment and fair-competition review
 * done where required. Numbers are unique per region; with a 机关代字 the next free number of that
 * issuer and year is taken. Starts the filing clock and the validity period.
 */
export async function publishDocument(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof PublishInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id, OFFICE_WRITE);
    mustBeDrafting(before);
    const gaps = await publicationGaps(trx, before);
    if (gaps.length)
      throw conflict('DOCUMENT_PUBLISH_REFUSED', {
        zh: `不得发布：${gaps.map((g) => g.zh).join('；')}。依据国办发〔2018〕37号、国办发〔2018〕115号，未经合法性审核和集体审议决定的行政规范性文件不得发布施行`,
        en: `Cannot issue: ${gaps.map((g) => g.en).join('; ')}. Under State Council Office 2018 No. 37 and No. 115 a document needs a passed legality review and collective deliberation`,
      }, { missing: gaps });
    notBefore('publishedOn', input.publishedOn, before.deliberated_on, { zh: '发布日期', en: 'Publication date' });
    const pubYear = Number(input.publishedOn.slice(0, 4));
    let parts = input.docNumber ? parseDocNumber(input.docNumber)! : null;
    if (parts && (parts.year > pubYear || parts.year < pubYear - 1))
      throw badRequest('DOC_NUMBER_YEAR', { zh: `发文字号年份${parts.year}与发布日期不符`, en: `Number year ${parts.year} does not match the publication date` }, { fields: [{ path: 'docNumber', message: '年份与发布日期不符' }] });
    if (!parts) {
      await takeNumberingLock(trx, `docnum|${before.region_id}|${input.issuerCode}|${pubYear}`);
      const max = await Documents.query(trx, actor).select(sql<number | null>`max(d.doc_seq)`.as('m'))
        .where('d.region_id', '=', before.region_id).where('d.doc_code', '=', input.issuerCode!).where('d.doc_year', '=', pubYear).executeTakeFirst();
      parts = { prefix: input.issuerCode!, year: pubYear, seq: Number(max?.m ?? 0) + 1 };
    }
    const docNumber = formatDocNumber(parts);
    const dup = await Documents.query(trx, actor).select('d.id').where('d.region_id', '=', before.region_id).where('d.doc_number', '=', docNumber).executeTakeFirst();
    if (dup) throw conflict('DOC_NUMBER_TAKEN', { zh: `发文字号${docNumber}已被使用`, en: `Number ${docNumber} is already used` }, { fields: [{ path: 'docNumber', message: '已被使用' }] });
    await takeNumberingLock(trx, `docreg|${before.region_id}|${pubYear}`);
    const reg = await Documents.query(trx, actor).select(sql<number | null>`max(d.reg_seq)`.as('m')).where('d.region_id', '=', before.region_id).where('d.reg_year', '=', pubYear).executeTakeFirst();
    const effectiveFrom = input.effectiveFrom ?? input.publishedOn;
    notBefore('effectiveFrom', effectiveFrom, input.publishedOn, { zh: '施行日期', en: 'Effective date' });
    const validUntil = input.validUntil ?? validUntilFor(effectiveFrom, await validityYearsFor(trx, before.title));
    notBefore('validUntil', validUntil, effectiveFrom, { zh: '有效期截止日', en: 'End of validity' });
    const filingDays = await getSetting(trx, FilingDays);
    const cal = await loadCalendar(trx);
    const filingSpec: DeadlineSpec = { from: input.publishedOn, unit: 'ND', n: filingDays, rollOver: true };
    const filingDue = computeDeadline(cal, filingSpec).due;
    const bodies = await filingAuthorities(trx, before.issuer_unit_id, before.region_id);
    const npc = bodies.find((b) => b.kind === 'npc');
    const after = await update(trx, actor, before, {
      status: 'in_force', doc_number: docNumber, doc_code: parts.prefix, doc_year: parts.year, doc_seq: parts.seq, reg_year: pubYear, reg_seq: Number(reg?.m ?? 0) + 1,
      published_on: input.publishedOn, effective_from: effectiveFrom, valid_until: validUntil, filing_status: 'pending', filing_due: filingDue,
      filing_authority: bodies[0].name,
      ...(npc ? { npc_filing_authority: npc.name, npc_filing_status: 'pending' as const, npc_filing_due: filingDue } : {}),
    }, 'publish');
    await addEvent(trx, after, effectiveFrom, 'in_force', `${docNumber}发布施行`);
    // Each filing is tracked with its own deadline, naming the body it goes to.
    for (const b of bodies)
      await setDeadline(trx, {
        module: MODULE, entity: DOC_ENTITY, entityId: id, kind: b.kind === 'npc' ? 'filing_npc' : 'filing', title: { zh: `《${after.title}》（${docNumber}）报送${b.name}备案`, en: `File 《${after.title}》 (${docNumber}) with ${b.name}` },
        regionId: after.region_id, unitId: after.issuer_unit_id, spec: filingSpec, priority: 2,
        basis: `${b.basis}；应当自公布之日起${filingDays}日内报送备案（期限按本省规定在系统设置中配置）`,
      }, cal);
    await setExpiryReminder(trx, after);
    for (const rel of input.relations ?? []) {
      const target = await Documents.lockForWrite(trx, actor, rel.documentId, OFFICE_WRITE).catch((e) => {
        if (e instanceof AppError && (e.status === 404 || e.status === 403)) return undefined;
        throw e;
      });
      if (!target || target.region_id !== after.region_id || target.status !== 'in_force')
        throw badRequest('RELATION_INVALID', { zh: '被修改或废止的文件须为本区域现行有效的文件', en: 'The related document must be in force in this region' }, { fields: [{ path: 'relations', message: '文件无效' }] });
      await trx.insertInto('normative_doc_relations').values({ region_id: after.region_id, from_document_id: id, to_document_id: target.id, kind: rel.kind, on_date: effectiveFrom }).execute();
      if (rel.kind === 'repeals' || rel.kind === 'replaces') await endDocument(trx, actor, target, 'repealed', effectiveFrom, `被${docNumber}《${after.title}》${rel.kind === 'repeals' ? '废止' : '替代'}`);
      else if (target.needs_amendment) await update(trx, actor, target, { needs_amendment: false }, 'amended');
    }
    return after;
  });
}

// ---------------------------------------------------------------- 备: filing

/** Files the document with the superior (报送备案); filing after the due date is recorded as late. */
export async function fileDocument(db: Kysely<Database>, actor: Actor, id: string, input: z.input<typeof FilingInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id);
    if (input.body === 'npc') {
      // The government's own document, filed with the standing committee of the people's congress at its level.
      if (before.npc_filing_status !== 'pending')
        throw conflict('FILING_NOT_PENDING', {
          zh: before.npc_filing_status ? '该文件已报送本级人大常委会备案' : '该文件无需报送本级人大常委会备案（仅本级人民政府制定的规范性文件须报送）',
          en: before.npc_filing_status ? 'Already filed with the standing committee' : 'Only the government\'s own documents are filed with the standing committee',
        });
      notBefore('filedOn', input.filedOn, before.published_on, { zh: '报备日期', en: 'Filing date' });
      const after = await update(trx, actor, before, { npc_filing_status: 'submitted', npc_filed_on: input.filedOn, npc_filed_with: input.filedWith }, 'file_npc');
      await closeDeadline(trx, DOC_ENTITY, id, 'filing_npc');
      return after;
    }
    if (before.filing_status !== 'pending')
      throw conflict('FILING_NOT_PENDING', { zh: before.filing_status ? '该文件已报送备案' : '文件尚未发布，不能报送备案', en: before.filing_status ? 'Already filed' : 'Not issued yet' });
    notBefore('filedOn', input.filedOn, before.published_on, { zh: '报备日期', en: 'Filing date' });
    const after = await update(trx, actor, before, { filing_status: 'submitted', filed_on: input.filedOn, filed_with: input.filedWith, filing_note: input.note ?? null }, 'file');
    await closeDeadline(trx, DOC_ENTITY, id, 'filing');
    return after;
  });
}

/** The superior's receipt: accepted, or suspended until missing materials are supplied within N days. */
export async function recordReceipt(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ReceiptInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id);
    if (before.filing_status !== 'submitted') throw conflict('FILING_NOT_SUBMITTED', { zh: '文件未处于已报备状态', en: 'The document is not awaiting a receipt' });
    notBefore('receivedOn', input.receivedOn, before.filing_supplied_on ?? before.filed_on, { zh: '回执日期', en: 'Receipt date' });
    if (input.result === 'accepted') {
      const after = await update(trx, actor, before, { filing_status: 'accepted', filing_received_on: input.receivedOn }, 'filing_accepted');
      return after;
    }
    const spec: DeadlineSpec = { from: input.receivedOn, unit: 'ND', n: input.supplyDays!, rollOver: true };
    const cal = await loadCalendar(trx);
    const due = computeDeadline(cal, spec).due;
    const after = await update(trx, actor, before, { filing_status: 'suspended', filing_received_on: input.receivedOn, filing_missing: input.missing!, filing_supply_due: due, filing_defective: true }, 'filing_suspended');
    await setDeadline(trx, {
      module: MODULE, entity: DOC_ENTITY, entityId: id, kind: 'filing_supplement', title: { zh: `《${after.title}》备案材料不全，补充：${input.missing}`, en: `Filing of 《${after.title}》 incomplete — supply: ${input.missing}` },
      regionId: after.region_id, unitId: after.issuer_unit_id, spec, priority: 2, basis: `备案机关通知补充材料，应在${input.supplyDays}日内补正（备案中止，补正后恢复）`,
    }, cal);
    return after;
  });
}

/** The missing materials are supplied: the filing resumes. */
export async function supplyMaterials(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof SupplementInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id);
    if (before.filing_status !== 'suspended') throw conflict('FILING_NOT_SUSPENDED', { zh: '该备案未中止，无需补充材料', en: 'The filing is not suspended' });
    notBefore('suppliedOn', input.suppliedOn, before.filing_received_on, { zh: '补充材料日期', en: 'Supply date' });
    const after = await update(trx, actor, before, { filing_status: 'submitted', filing_supplied_on: input.suppliedOn }, 'filing_supplied');
    await closeDeadline(trx, DOC_ENTITY, id, 'filing_supplement');
    return after;
  });
}

/** Filing state as the UI shows it: overdue when still pending after the due date, or filed late. */
export function filingFlags(d: Pick<DocRow, 'filing_status' | 'filing_due' | 'filed_on' | 'filing_supply_due' | 'filing_supplied_on'>, now = today()) {
  return {
    overdue: d.filing_status === 'pending' && !!d.filing_due && d.filing_due < now,
    late: !!d.filed_on && !!d.filing_due && d.filed_on > d.filing_due,
    supplementOverdue: d.filing_status === 'suspended' && !!d.filing_supply_due && d.filing_supply_due < now,
  };
}

// ---------------------------------------------------------------- validity

/** Extends the validity period (the office, after the evaluation). */
export async function extendValidity(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ExtendInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const before = await Documents.lockForWrite(trx, actor, id, OFFICE_WRITE);
    if (before.status !== 'in_force') throw conflict('DOCUMENT_NOT_IN_FORCE', { zh: '只能延长现行有效文件的有效期', en: 'Only a document in force can be extended' });
    if (before.valid_until && input.validUntil <= before.valid_until)
      throw badRequest('VALIDITY_NOT_LATER', { zh: `新的有效期须晚于${before.valid_until}`, en: `Must be after ${before.valid_until}` }, { fields: [{ path: 'validUntil', message: `须晚于${before.valid_until}` }] });
    const after = await update(trx, actor, before, { valid_until: input.validUntil }, 'extend');
    await setExpiryReminder(trx, after);
    return after;
  });
}

/** A document's status on a date: from its dated events, with the validity period applied. */
export async function stateAsOf(db: Db, actor: Actor, id: string, asOf: string) {
  const d = await getDocument(db, actor, id);
  const ev = await db
    .selectFrom('normative_doc_events')
    .select(['on_date', 'status', 'reason'])
    .where('document_id', '=', id)
    .where('on_date', '<=', asOf)
    .orderBy('on_date', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let state: keyof typeof DOC_STATUS | 'not_issued' | 'expired' = ev ? ev.status : 'not_issued';
  if (state === 'drafting') state = 'not_issued';
  // 有效期届满 the day after the last day of validity, unless ended earlier.
  if (state === 'in_force' && d.valid_until && asOf > d.valid_until) state = 'expired';
  return { asOf, state, since: ev?.on_date ?? null, reason: ev?.reason ?? null };
}

// ---------------------------------------------------------------- 纠: correction

/** Opens a correction case on an issued document; its handling period is a deadline. */
export async function openCorrection(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof CorrectionInput>) {
  requireRole(actor, 'office', 'unit_head', 'liaison');
  return db.transaction().execute(async (trx) => {
    const d = await Documents.lockForWrite(trx, actor, id);
    if (d.status === 'drafting') throw conflict('DOCUMENT_NOT_ISSUED', { zh: '文件尚未发布', en: 'The document has not been issued' });
    notBefore('receivedOn', input.receivedOn, d.published_on, { zh: '收到日期', en: 'Date received' });
    // A child of the locked document (see Corrections in records.ts): the drafting unit may open a case
    // on its document whose own unit is the issuing organ, so this is not `Corrections.insert`.
    const row = await trx
      .insertInto('normative_doc_corrections')
      .values({ document_id: id, region_id: d.region_id, unit_id: d.issuer_unit_id, source: input.source, received_on: input.receivedOn, description: input.description, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    const days = input.source === 'reconsideration' ? 30 : await getSetting(trx, CorrectionDays);
    await setDeadline(trx, {
      module: MODULE, entity: CORRECTION_ENTITY, entityId: row.id, kind: 'correction', title: { zh: `处理对《${d.title}》的${CORRECTION_SOURCES[input.source].zh}`, en: `Handle the ${CORRECTION_SOURCES[input.source].en.toLowerCase()} on 《${d.title}》` },
      regionId: d.region_id, unitId: d.issuer_unit_id, spec: { from: input.receivedOn, unit: 'ND', n: days, rollOver: true },
      basis: input.source === 'reconsideration' ? '《行政复议法》(2023)第五十六条：有权处理的，应当在三十日内依法处理' : `纠错处理期限${days}日（系统设置）`,
    });
    await Corrections.audit(trx, actor, 'open', null, row);
    return row;
  });
}

/** Closes a correction: no problem, self-corrected, revoked or repealed (the last two end the document). */
export async function closeCorrection(db: Kysely<Database>, actor: Actor, correctionId: string, input: z.infer<typeof CorrectionOutcomeInput>) {
  requireRole(actor, 'office', 'unit_head', 'liaison');
  return db.transaction().execute(async (trx) => {
    const c = await Corrections.lockForWrite(trx, actor, correctionId);
    const d = await Documents.lockForWrite(trx, actor, c.document_id);
    if (c.status !== 'open') throw conflict('CORRECTION_CLOSED', { zh: '该纠错事项已办结', en: 'The correction is already closed' });
    notBefore('outcomeOn', input.outcomeOn, c.received_on, { zh: '办结日期', en: 'Outcome date' });
    const after = await Corrections.update(trx, actor, c, { status: 'closed', outcome: input.outcome, outcome_on: input.outcomeOn, outcome_note: input.note }, 'close');
    if (input.outcome === 'revoked') await endDocument(trx, actor, d, 'revoked', input.outcomeOn, `纠错撤销：${input.note}`);
    if (input.outcome === 'repealed') await endDocument(trx, actor, d, 'repealed', input.outcomeOn, `纠错废止：${input.note}`);
    if (input.outcome === 'self_corrected' && d.status === 'in_force') await update(trx, actor, d, { needs_amendment: true }, 'flag_amend');
    await closeDeadline(trx, CORRECTION_ENTITY, correctionId, 'correction');
    return after;
  });
}

/** The correction cases of a document the actor reads, oldest first. */
export async function correctionsOf(db: Db, actor: Actor, documentId: string) {
  return Corrections.query(db, actor).selectAll('c').where('c.document_id', '=', documentId).orderBy('c.received_on').orderBy('c.id').execute() as Promise<
    Selectable<Database['normative_doc_corrections']>[]
  >;
}

/**
 * Relations in which a document the actor reads takes part (both directions), with the other
 * document's number and title (an issued document's number and title are public).
 */
export async function relationsOf(db: Db, actor: Actor, documentId: string) {
  return db
    .selectFrom('normative_doc_relations as r')
    .innerJoin('normative_documents as a', 'a.id', 'r.from_document_id')
    .innerJoin('normative_documents as b', 'b.id', 'r.to_document_id')
    .select(['r.id', 'r.kind', 'r.on_date', 'a.id as from_id', 'a.doc_number as from_number', 'a.title as from_title', 'b.id as to_id', 'b.doc_number as to_number', 'b.title as to_title'])
    .where((eb) => eb.or([eb('r.from_document_id', '=', documentId), eb('r.to_document_id', '=', documentId)]))
    .where((eb) => eb.exists(Documents.query(db, actor).select('d.id').where('d.id', '=', documentId)))
    .orderBy('r.on_date')
    .orderBy('r.id')
    .execute();
}

// ---------------------------------------------------------------- register (list, import)

/** The document register in the actor's scope, filtered, one page, with the actor's rights on each. */
export async function listDocuments(db: Db, actor: Actor, q: z.infer<typeof DocListQuery>) {
  const now = today();
  return Documents.list(db, actor, q, {
    select: (qb) =>
      withRights(
        qb
          .innerJoin('units as u', 'u.id', 'd.unit_id')
          .innerJoin('units as iu', 'iu.id', 'd.issuer_unit_id')
          .selectAll('d')
          .select(['u.name as unit_name', 'iu.name as issuer_name']) as ReturnType<typeof docView>,
        actor,
      )
        .$if(!!q.status, (b) => b.where('d.status', '=', q.status!))
        .$if(!!q.unitId, (b) => b.where('d.unit_id', '=', q.unitId!))
        .$if(!!q.issuerUnitId, (b) => b.where('d.issuer_unit_id', '=', q.issuerUnitId!))
        .$if(!!q.year, (b) => b.where('d.published_on', '>=', `${q.year}-01-01`).where('d.published_on', '<=', `${q.year}-12-31`))
        .$if(!!q.issuedBefore, (b) => b.where('d.published_on', '<', q.issuedBefore!))
        .$if(q.filing === 'overdue', (b) => b.where('d.filing_status', '=', 'pending').where('d.filing_due', '<', now))
        .$if(!!q.filing && q.filing !== 'overdue', (b) => b.where('d.filing_status', '=', q.filing as 'pending'))
        .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('d.title', 'like', `%${q.q}%`), eb('d.doc_number', 'like', `%${q.q}%`)]))) as SelectQueryBuilder<any, any, DocView>,
    sortable: {
      title: 'd.title', docNumber: 'd.doc_number', publishedOn: 'd.published_on', validUntil: 'd.valid_until', filingDue: 'd.filing_due', status: 'd.status', draftedOn: 'd.drafted_on',
    },
    defaultSort: { column: 'd.created_at', order: 'desc' },
  });
}

/** One row of an existing register being taken over (import). */
export interface ExistingDocument {
  docNumber: string;
  title: string;
  issuerUnitId: string;
  unitId: string;
  regionId: string;
  publishedOn: string;
  effectiveFrom?: string;
  validUntil?: string;
  status: 'in_force' | 'repealed' | 'invalidated';
  endedOn?: string;
  filedOn?: string;
  filedWith?: string;
  marketRelated?: boolean;
}

/**
 * Takes over an already-issued document from an existing register (import, demo). Its drafting
 * procedure predates the system and is not re-checked; number, dates, validity and filing are.
 */
export async function registerExistingDocument(trx: Db, actor: Actor | null, e: ExistingDocument): Promise<DocRow> {
  const parts = parseDocNumber(e.docNumber);
  if (!parts) throw badRequest('DOC_NUMBER_INVALID', { zh: `发文字号${e.docNumber}不规范`, en: `Invalid number ${e.docNumber}` });
  const effectiveFrom = e.effectiveFrom ?? e.publishedOn;
  const validUntil = e.validUntil ?? null;
  // The import checked the uploader may write for the drafting unit; the record core checks it again.
  const row = await Documents.insert(trx, actor, {
    region_id: e.regionId, unit_id: e.unitId, issuer_unit_id: e.issuerUnitId, title: e.title, source: 'imported', drafted_on: e.publishedOn,
      market_related: e.marketRelated ?? false, status: e.status, doc_number: e.docNumber, doc_code: parts.prefix, doc_year: parts.year, doc_seq: parts.seq,
      published_on: e.publishedOn, effective_from: effectiveFrom, valid_until: validUntil,
      filing_status: e.filedOn ? 'accepted' : null, filed_on: e.filedOn ?? null, filed_with: e.filedWith ?? null,
      ended_on: e.status === 'in_force' ? null : (e.endedOn ?? e.publishedOn), end_reason: e.status === 'in_force' ? null : '原台账记载',
      created_by: actor?.userId ?? null,
    }, 'import');
  await addEvent(trx, row, effectiveFrom, 'in_force', `${e.docNumber}发布施行（原台账导入）`);
  if (row.status !== 'in_force') await addEvent(trx, row, row.ended_on!, row.status, '原台账记载');
  if (row.status === 'in_force' && validUntil && validUntil >= today()) await setExpiryReminder(trx, row);
  return row;
}

// ---------------------------------------------------------------- cleanup campaigns

/**
 * Starts a cleanup: every document in force in the region (and below) issued before the date — and
 * by the issuer, when given — not already in an open cleanup, becomes an item to decide.
 */
export async function createCleanup(db: Kysely<Database>, actor: Actor, input: z.infer<typeof CleanupInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const region = await regionById(trx, input.regionId);
    if (!region || !(await mayWriteAt(trx, actor, region.id, null, OFFICE_WRITE))) throw notFound({ zh: '区域', en: 'Region' });
    const docs = await Documents.query(trx, actor)
      .select(['d.id', 'd.region_id', 'd.unit_id'])
      .where(inRegionPaths('d.region_id', [region.path]))
      .where('d.status', '=', 'in_force')
      .where('d.published_on', '<', input.issuedBefore)
      .$if(!!input.issuerUnitId, (b) => b.where('d.issuer_unit_id', '=', input.issuerUnitId!))
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('normative_cleanup_items as i').innerJoin('normative_cleanups as oc', 'oc.id', 'i.cleanup_id').select('i.id').whereRef('i.document_id', '=', 'd.id').where('oc.status', '=', 'open'))),
      )
      .orderBy('d.published_on')
      .orderBy('d.id')
      .execute() as { id: string; region_id: string; unit_id: string }[];
    if (docs.length === 0) throw badRequest('CLEANUP_EMPTY', { zh: '没有符合条件的现行有效文件', en: 'No document in force matches' }, { fields: [{ path: 'issuedBefore', message: '没有符合条件的文件' }] });
    const c = await Cleanups.insert(trx, actor, {
      region_id: region.id, title: input.title, issued_before: input.issuedBefore, issuer_unit_id: input.issuerUnitId ?? null, basis: input.basis ?? null, started_on: input.startedOn, created_by: actor.userId,
    });
    await trx.insertInto('normative_cleanup_items').values(docs.map((d) => ({ cleanup_id: c.id, document_id: d.id, region_id: d.region_id, unit_id: d.unit_id }))).execute();
    return { ...c, itemCount: docs.length };
  });
}

/** Records decisions (with reasons) on items of an open cleanup. */
export async function decideCleanupItems(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DecisionsInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const c = await Cleanups.lockForWrite(trx, actor, id); // region readers read; the office of the region writes
    if (c.status !== 'open') throw conflict('CLEANUP_PUBLISHED', { zh: '清理结果已公布，不能再修改', en: 'Results already published' });
    notBefore('decidedOn', input.decidedOn, c.started_on, { zh: '决定日期', en: 'Decision date' });
    // The items of the locked cleanup (child rows).
    const items = await trx.selectFrom('normative_cleanup_items as i').innerJoin('normative_documents as d', 'd.id', 'i.document_id')
      .select(['i.id', 'i.document_id', 'd.valid_until']).where('i.cleanup_id', '=', id).execute();
    const byDoc = new Map(items.map((i) => [i.document_id, i]));
    const bad = input.items.map((it, n) => ({ it, n })).filter(({ it }) => !byDoc.has(it.documentId));
    if (bad.length)
      throw badRequest('CLEANUP_ITEM_UNKNOWN', { zh: '部分文件不在本次清理范围内', en: 'Some documents are not in this cleanup' }, { fields: bad.map(({ n }) => ({ path: `items.${n}.documentId`, message: '不在清理范围内' })) });
    for (const [n, it] of input.items.entries()) {
      const cur = byDoc.get(it.documentId)!;
      if (it.decision === 'extend' && cur.valid_until && it.newValidUntil! <= cur.valid_until)
        throw badRequest('VALIDITY_NOT_LATER', { zh: `延长后的有效期须晚于${cur.valid_until}`, en: `Must be after ${cur.valid_until}` }, { fields: [{ path: `items.${n}.newValidUntil`, message: `须晚于${cur.valid_until}` }] });
      await trx.updateTable('normative_cleanup_items')
        .set({ decision: it.decision, reason: it.reason, new_valid_until: it.decision === 'extend' ? it.newValidUntil! : null, decided_on: input.decidedOn, decided_by: actor.userId })
        .where('id', '=', cur.id).execute();
    }
    await Cleanups.audit(trx, actor, 'decide', null, { ...c, decidedOn: input.decidedOn, decisions: input.items });
    return { decided: input.items.length };
  });
}

/**
 * Publishes the results: refused while any item is undecided; repeals and invalidations end the
 * documents on the publication date, extensions move the validity, amendments are flagged.
 * 「未列入继续有效目录的规范性文件，不得作为行政管理的依据」 — every item must be decided first.
 */
export async function publishCleanup(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof CleanupPublishInput>) {
  requireRole(actor, 'office');
  return db.transaction().execute(async (trx) => {
    const c = await Cleanups.lockForWrite(trx, actor, id); // region readers read; the office of the region writes
    if (c.status !== 'open') throw conflict('CLEANUP_PUBLISHED', { zh: '清理结果已公布', en: 'Results already published' });
    notBefore('publishedOn', input.publishedOn, c.started_on, { zh: '公布日期', en: 'Publication date' });
    const items = await trx.selectFrom('normative_cleanup_items').selectAll().where('cleanup_id', '=', id).orderBy('id').execute();
    const undecided = items.filter((i) => !i.decision).length;
    if (undecided)
      throw conflict('CLEANUP_UNDECIDED', {
        zh: `尚有${undecided}件文件未作出清理决定，不能公布清理结果（凡未列入继续有效目录的文件不得作为行政管理依据，须逐件决定）`,
        en: `${undecided} documents are still undecided`,
      }, { undecided });
    for (const i of items) {
      // The office of the cleanup's region writes every document below it.
      const d = await Documents.lockForWrite(trx, actor, i.document_id, OFFICE_WRITE);
      const label = CLEANUP_DECISIONS[i.decision!].zh;
      if (i.decision === 'repeal') await endDocument(trx, actor, d, 'repealed', input.publishedOn, `清理${label}：${i.reason}`);
      else if (i.decision === 'invalidate') await endDocument(trx, actor, d, 'invalidated', input.publishedOn, `清理${label}：${i.reason}`);
      else if (i.decision === 'extend' && d.status === 'in_force') {
        const after = await update(trx, actor, d, { valid_until: i.new_valid_until }, 'extend');
        await setExpiryReminder(trx, after);
      } else if (i.decision === 'amend' && d.status === 'in_force') {
        await update(trx, actor, d, { needs_amendment: true }, 'flag_amend');
      }
    }
    return Cleanups.update(trx, actor, c, { status: 'published', published_on: input.publishedOn, decision_number: input.decisionNumber ?? null }, 'publish');
  });
}

/** Cleanups visible to the actor (region readers), newest first, with their item counts. */
export async function listCleanups(db: Db, actor: Actor) {
  return Cleanups.query(db, actor)
    .select(['c.id', 'c.region_id', 'c.title', 'c.issued_before', 'c.issuer_unit_id', 'c.basis', 'c.started_on', 'c.status', 'c.published_on', 'c.decision_number'])
    .select((eb: any) => [
      eb.selectFrom('normative_cleanup_items as i').select(sql<number>`count(*)`.as('n')).whereRef('i.cleanup_id', '=', 'c.id').as('item_count'),
      eb.selectFrom('normative_cleanup_items as i').select(sql<number>`count(*)`.as('n')).whereRef('i.cleanup_id', '=', 'c.id').where('i.decision', 'is not', null).as('decided_count'),
    ])
    .orderBy('c.started_on', 'desc')
    .orderBy('c.id', 'desc')
    .execute() as Promise<(Selectable<Database['normative_cleanups']> & { item_count: number | string | null; decided_count: number | string | null })[]>;
}

/**
 * A cleanup and its items. With an actor: in the region readers' scope (404 otherwise). Without one
 * (the public portal): published results only.
 */
export async function getCleanup(db: Db, actor: Actor | null, id: string) {
  const c = actor
    ? await Cleanups.get(db, actor, id)
    : await Cleanups.unscoped(db, id, 'public portal: published cleanup results are public (优化营商环境条例 第六十四条)');
  if (!c || (!actor && c.status !== 'published')) throw notFound(Cleanups.label);
  // The items of a cleanup read in scope (child rows), with the issuing organ's name for display.
  const items = await db
    .selectFrom('normative_cleanup_items as i')
    .innerJoin('normative_documents as d', 'd.id', 'i.document_id')
    .innerJoin('units as iu', 'iu.id', 'd.issuer_unit_id')
    .select(['i.id', 'i.document_id', 'd.doc_number', 'd.title', 'iu.name as issuer_name', 'd.published_on', 'd.valid_until', 'i.decision', 'i.reason', 'i.new_valid_until', 'i.decided_on'])
    .where('i.cleanup_id', '=', id)
    .orderBy('d.published_on')
    .orderBy('d.doc_number')
    .orderBy('i.id')
    .execute();
  return { cleanup: c, items };
}

// ---------------------------------------------------------------- public catalogue

/**
 * The public catalogue of documents in force (现行有效目录) of a district: documents in force whose
 * validity has not run out. No actor: it is what the portal publishes.
 */
export async function publicCatalogue(db: Db, regionCode: string, asOf = today()) {
  const region = await regionByCode(db, regionCode);
  if (!region) throw notFound({ zh: '区域', en: 'Region' });
  // Deliberately unscoped: only issued documents in force, which are public by law (优化营商环境条例 第六十四条).
  const items = await db
    .selectFrom('normative_documents as d')
    .innerJoin('units as iu', 'iu.id', 'd.issuer_unit_id')
    .select(['d.id', 'd.doc_number', 'd.title', 'iu.name as issuer_name', 'd.published_on', 'd.effective_from', 'd.valid_until'])
    .where(inRegionPaths('d.region_id', [region.path]))
    // In force on `asOf` by the document's dated events (so a past date shows the catalogue as it was).
    .where(sql<string>`(select e.status from normative_doc_events e where e.document_id = d.id and e.on_date <= ${asOf} order by e.on_date desc, e.seq desc limit 1)`, '=', 'in_force')
    .where((eb) => eb.or([eb('d.valid_until', 'is', null), eb('d.valid_until', '>=', asOf)]))
    .orderBy('d.published_on')
    .orderBy('d.doc_number')
    .orderBy('d.id')
    .execute();
  // Published cleanup results are public too.
  const cleanups = await db.selectFrom('normative_cleanups as c')
    .select(['c.id', 'c.title', 'c.published_on', 'c.decision_number'])
    .where(inRegionPaths('c.region_id', [region.path]))
    .where('c.status', '=', 'published').orderBy('c.published_on', 'desc').orderBy('c.id', 'desc').execute();
  return { region: { code: regionCode, name: region.name }, asOf, items, cleanups };
}

/** Whether a status string is a stored status. */
export const isDocStatus = (s: string): s is DocStatus => s in DOC_STATUS;

/**
 * Abilities of the actor on one document, by the same rules the service enforces: `may_write` and
 * `may_office` are the record core's write scope (default policy, office only) evaluated in SQL.
 */
export function docAbilities(d: DocRow & { may_write: boolean; may_office: boolean }) {
  const write = !!d.may_write;
  const office = !!d.may_office;
  const drafting = d.status === 'drafting';
  return {
    canEdit: write && drafting,
    canReview: office && drafting,
    canPublish: office && drafting,
    canFile: write && (d.filing_status === 'pending' || d.filing_status === 'suspended'),
    canRecordReceipt: write && d.filing_status === 'submitted',
    canCorrect: write && d.status !== 'drafting',
    canExtend: office && d.status === 'in_force',
    // Attachments follow the record core's write policy and the document's state (Documents.attachable).
    canAttach: write && Documents.spec.attachable!(d),
  };
}

/**
 * The bodies a normative document is filed with, by its issuing body (《河南省行政规范性文件管理办法》;
 * 监督法 第三十条): a department's (or an authorised organisation's, a subdistrict office's) with the
 * people's government at its level; the people's government's own with the government one level up and
 * with the standing committee of the people's congress at its level — two filings, each tracked.
 */
export async function filingAuthorities(db: Db, issuerUnitId: string, regionId: string): Promise<{ kind: 'government' | 'superior' | 'npc'; name: string; basis: string }[]> {
  const issuer = (await unitsById(db, [issuerUnitId])).get(issuerUnitId);
  const region = await regionById(db, regionId);
  const parent = region?.parent_id ? await regionById(db, region.parent_id) : undefined;
  const full = `${parent?.name ?? ''}${region?.name ?? ''}`;
  // The government office's documents are made in the government's name (政府办公室/办公厅 规范性文件按本级政府文件报备).
  if (issuer?.type === 'government' || /政府办公(室|厅)$/.test(issuer?.name ?? ''))
    return [
      { kind: 'superior', name: `${parent?.name ?? '上一级'}人民政府`, basis: '本级人民政府制定的规范性文件报送上一级人民政府备案' },
      { kind: 'npc', name: `${full}人大常委会`, basis: '本级人民政府制定的规范性文件同时报送本级人民代表大会常务委员会备案（《中华人民共和国各级人民代表大会常务委员会监督法》第三十条）' },
    ];
  return [{ kind: 'government', name: `${full}人民政府`, basis: '政府部门制定的规范性文件报送本级人民政府备案' }];
}
