import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { exportXlsx } from '../../core/excel/index.js';
import { importRoutes, sendXlsx, xlsxResponse } from '../../core/excel/routes.js';
import { deadlinesOf, presentDeadline } from '../../core/deadlines/index.js';
import { today } from '../../core/calendar/index.js';
import type { Actor } from '../../core/scope/index.js';
import { DateStr, Id, page } from '../../../common/schemas.js';
import { CLEANUP_DECISIONS } from '../../../common/documents.js';
import * as svc from './service.js';
import {
  CleanupInput, CleanupPublishInput, CommentCloseInput, CommentOpenInput, CommentWaiverInput, CorrectionInput, CorrectionOutcomeInput, DecisionsInput, DeliberationInput,
  DocListQuery, DraftInput, DraftPatch, ReviewListQuery, ExtendInput, FairCompetitionInput, FilingInput, OpinionInput, PublishInput, ReceiptInput, ReviewInput, SupplementInput,
  CleanupDetailOut, CleanupOut, CorrectionOut, DecisionsOut, DocReviewListItemOut, DocReviewOut, DocStateOut, DocumentDetailOut, DocumentOut, PublicCatalogueOut,
  PublicCleanupOut,
} from './schema.js';
import { cleanupSheet, registerImport, registerRowOf, registerSheet } from './excel.js';

type Out<S extends z.ZodType> = z.infer<S>;

const TAG = ['documents'];
const IdParams = z.object({ id: Id });

/** The API shape of a document (through DocumentOut: a new column never leaks). */
export function presentDocument(d: svc.DocView): Out<typeof DocumentOut> {
  return {
    id: d.id,
    title: d.title,
    summary: d.summary,
    regionId: d.region_id,
    unitId: d.unit_id,
    unitName: d.unit_name,
    issuerUnitId: d.issuer_unit_id,
    issuerName: d.issuer_name,
    affectsRights: d.affects_rights,
    marketRelated: d.market_related,
    source: d.source,
    status: d.status,
    draftedOn: d.drafted_on,
    comment: {
      openedOn: d.comment_opened_on, closesOn: d.comment_closes_on, minClosesOn: d.comment_min_closes_on, channel: d.comment_channel,
      closedOn: d.comment_closed_on, count: d.comment_count, summary: d.comment_summary, waiver: d.comment_waiver,
    },
    fairCompetition: d.fair_competition_on
      ? { reviewedOn: d.fair_competition_on, conclusion: d.fair_competition_conclusion as 'compliant' | 'non_compliant', opinion: d.fair_competition_opinion ?? '' }
      : null,
    deliberation: d.deliberated_on ? { deliberatedOn: d.deliberated_on, meeting: d.deliberation_meeting ?? '', minutes: d.deliberation_minutes } : null,
    docNumber: d.doc_number,
    registrationNo: d.reg_seq ? `${d.reg_year}-${String(d.reg_seq).padStart(3, '0')}` : null,
    publishedOn: d.published_on,
    effectiveFrom: d.effective_from,
    validUntil: d.valid_until,
    needsAmendment: d.needs_amendment,
    endedOn: d.ended_on,
    endReason: d.end_reason,
    filing: {
      status: d.filing_status, due: d.filing_due, filedOn: d.filed_on, filedWith: d.filed_with, note: d.filing_note, receivedOn: d.filing_received_on,
      missing: d.filing_missing, supplyDue: d.filing_supply_due, suppliedOn: d.filing_supplied_on, defective: d.filing_defective, ...svc.filingFlags(d),
      authority: d.filing_authority,
    },
    npcFiling: d.npc_filing_authority && d.npc_filing_status
      ? { authority: d.npc_filing_authority, status: d.npc_filing_status, due: d.npc_filing_due, filedOn: d.npc_filed_on, filedWith: d.npc_filed_with }
      : null,
    ...svc.docAbilities(d),
  };
}

type ReviewLike = Omit<svc.ReviewListRow, 'document_id' | 'title' | 'can_give_opinion' | 'unit_name'> & { unit_name?: string | null; can_give_opinion?: boolean };
function presentReview(r: ReviewLike): Out<typeof DocReviewOut> {
  return {
    id: r.id, reviewerKind: r.reviewer_kind, reviewerUnitId: r.unit_id, reviewerUnitName: r.unit_name ?? null, reviewerName: r.reviewer_name,
    requestedOn: r.requested_on, dueOn: r.due_on, status: r.status, completedOn: r.completed_on, conclusion: r.conclusion, opinion: r.opinion, queueRef: r.queue_ref,
    canGiveOpinion: !!r.can_give_opinion,
  };
}

function presentCorrection(c: Awaited<ReturnType<typeof svc.correctionsOf>>[number]): Out<typeof CorrectionOut> {
  return { id: c.id, documentId: c.document_id, source: c.source, receivedOn: c.received_on, description: c.description, status: c.status, outcome: c.outcome, outcomeOn: c.outcome_on, note: c.outcome_note };
}

type CleanupLike = Awaited<ReturnType<typeof svc.getCleanup>>['cleanup'] & { item_count?: number | string | null; decided_count?: number | string | null };
function presentCleanup(c: CleanupLike): Out<typeof CleanupOut> {
  return {
    id: c.id, regionId: c.region_id, title: c.title, issuedBefore: c.issued_before, issuerUnitId: c.issuer_unit_id, basis: c.basis, startedOn: c.started_on,
    status: c.status, publishedOn: c.published_on, decisionNumber: c.decision_number,
    ...(c.item_count !== undefined ? { itemCount: Number(c.item_count ?? 0), decidedCount: Number(c.decided_count ?? 0) } : {}),
  };
}

function presentCleanupItem(i: Awaited<ReturnType<typeof svc.getCleanup>>['items'][number]) {
  return {
    documentId: i.document_id, docNumber: i.doc_number, title: i.title, issuerName: i.issuer_name, publishedOn: i.published_on, validUntil: i.valid_until,
    decision: i.decision, reason: i.reason, newValidUntil: i.new_valid_until, decidedOn: i.decided_on,
  };
}

/** Routes of the normative-documents module: parse → actor → service → presenter (through the response schemas). */
export function documentRoutes(app: App, ctx: AppContext) {
  const db = ctx.db;
  const detail = async (actor: Actor, id: string, lang: 'zh' | 'en'): Promise<Out<typeof DocumentDetailOut>> => {
    const d = await svc.getDocumentView(db, actor, id);
    const [reviews, corrections, relations, deadlines] = await Promise.all([
      svc.reviewsOf(db, actor, id), svc.correctionsOf(db, actor, id), svc.relationsOf(db, actor, id), deadlinesOf(db, svc.DOC_ENTITY, id),
    ]);
    const gaps = d.status === 'drafting' ? await svc.publicationGaps(db, d) : [];
    return {
      ...presentDocument(d),
      reviews: reviews.map(presentReview),
      corrections: corrections.map(presentCorrection),
      relations: relations.map((r) => ({ kind: r.kind, onDate: r.on_date, from: { id: r.from_id, docNumber: r.from_number, title: r.from_title }, to: { id: r.to_id, docNumber: r.to_number, title: r.to_title } })),
      deadlines: deadlines.map((x) => presentDeadline(x, lang)),
      publicationGaps: gaps,
    };
  };
  const one = async (actor: Actor, id: string, lang: 'zh' | 'en') => detail(actor, id, lang);
  const Detail = { 200: DocumentDetailOut };

  // ---- register ----
  app.get('/api/v1/documents', { schema: { tags: TAG, querystring: DocListQuery, response: { 200: page(DocumentOut) } } }, async (req) => {
    const actor = activeActorOf(req);
    const r = await svc.listDocuments(db, actor, req.query);
    return { ...r, items: r.items.map(presentDocument) };
  });
  app.get('/api/v1/documents/export', { schema: { tags: TAG, querystring: DocListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const r = await svc.listDocuments(db, actor, { ...req.query, page: 1, pageSize: 100000 });
    return sendXlsx(reply, '规范性文件登记台账.xlsx', await exportXlsx(registerSheet, r.items.map(registerRowOf)));
  });
  app.get('/api/v1/documents/catalogue/export', { schema: { tags: TAG, response: xlsxResponse() } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const r = await svc.listDocuments(db, actor, { page: 1, pageSize: 100000, order: 'asc', status: 'in_force', sort: 'publishedOn' });
    const now = today();
    const rows = r.items.filter((d) => !d.valid_until || d.valid_until >= now).map(registerRowOf);
    return sendXlsx(reply, '现行有效规范性文件目录.xlsx', await exportXlsx(registerSheet, rows));
  });
  importRoutes(app, ctx, '/api/v1/documents/import', registerImport);

  // ---- 审 ----
  app.post('/api/v1/documents', { schema: { tags: TAG, body: DraftInput, response: { 201: DocumentDetailOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const d = await svc.createDraft(db, actor, req.body);
    return reply.status(201).send(await one(actor, d.id, req.lang));
  });
  app.get('/api/v1/documents/reviews', { schema: { tags: TAG, querystring: ReviewListQuery, response: { 200: page(DocReviewListItemOut) } } }, async (req) => {
    const actor = activeActorOf(req);
    const r = await svc.listReviews(db, actor, req.query);
    return { ...r, items: r.items.map((x) => ({ ...presentReview(x), documentId: x.document_id, documentTitle: x.title })) };
  });
  app.put('/api/v1/documents/:id', { schema: { tags: TAG, params: IdParams, body: DraftPatch, response: Detail } }, async (req) => {
    const actor = activeActorOf(req);
    await svc.updateDraft(db, actor, req.params.id, req.body);
    return one(actor, req.params.id, req.lang);
  });
  app.get('/api/v1/documents/:id', { schema: { tags: TAG, params: IdParams, response: Detail } }, async (req) => one(activeActorOf(req), req.params.id, req.lang));
  app.get('/api/v1/documents/:id/state', { schema: { tags: TAG, params: IdParams, querystring: z.object({ asOf: DateStr }), response: { 200: DocStateOut } } }, async (req) =>
    svc.stateAsOf(db, activeActorOf(req), req.params.id, req.query.asOf),
  );
  const step = <S extends z.ZodType>(path: string, body: S, fn: (actor: Actor, id: string, input: z.infer<S>) => Promise<unknown>) =>
    app.post(`/api/v1/documents/:id/${path}`, { schema: { tags: TAG, params: IdParams, body, response: Detail } }, async (req) => {
      const actor = activeActorOf(req);
      await fn(actor, req.params.id, req.body as z.infer<S>);
      return one(actor, req.params.id, req.lang);
    });
  step('comment', CommentOpenInput, (a, id, b) => svc.openComment(db, a, id, b));
  step('comment/close', CommentCloseInput, (a, id, b) => svc.closeComment(db, a, id, b));
  step('comment/waive', CommentWaiverInput, (a, id, b) => svc.waiveComment(db, a, id, b));
  step('fair-competition', FairCompetitionInput, (a, id, b) => svc.recordFairCompetition(db, a, id, b));
  step('reviews', ReviewInput, (a, id, b) => svc.requestLegalityReview(db, a, id, b));
  app.post('/api/v1/documents/reviews/:id/opinion', { schema: { tags: TAG, params: IdParams, body: OpinionInput, response: { 200: DocReviewOut } } }, async (req) => {
    const actor = activeActorOf(req);
    return presentReview(await svc.giveOpinion(db, actor, req.params.id, req.body));
  });
  step('deliberation', DeliberationInput, (a, id, b) => svc.recordDeliberation(db, a, id, b));

  // ---- 登 ----
  step('publish', PublishInput, (a, id, b) => svc.publishDocument(db, a, id, b));

  // ---- 备 ----
  step('filing', FilingInput, (a, id, b) => svc.fileDocument(db, a, id, b));
  step('filing/receipt', ReceiptInput, (a, id, b) => svc.recordReceipt(db, a, id, b));
  step('filing/supplement', SupplementInput, (a, id, b) => svc.supplyMaterials(db, a, id, b));

  // ---- validity ----
  step('extend', ExtendInput, (a, id, b) => svc.extendValidity(db, a, id, b));

  // ---- 纠 ----
  step('corrections', CorrectionInput, (a, id, b) => svc.openCorrection(db, a, id, b));
  app.post('/api/v1/documents/corrections/:id/outcome', { schema: { tags: TAG, params: IdParams, body: CorrectionOutcomeInput, response: { 200: CorrectionOut } } }, async (req) => {
    const c = await svc.closeCorrection(db, activeActorOf(req), req.params.id, req.body);
    return presentCorrection(c);
  });

  // ---- cleanup campaigns ----
  app.get('/api/v1/documents/cleanups', { schema: { tags: TAG, response: { 200: page(CleanupOut) } } }, async (req) => {
    const items = await svc.listCleanups(db, activeActorOf(req));
    return { items: items.map(presentCleanup), total: items.length, page: 1, pageSize: items.length };
  });
  app.post('/api/v1/documents/cleanups', { schema: { tags: TAG, body: CleanupInput, response: { 201: CleanupOut } } }, async (req, reply) => {
    const c = await svc.createCleanup(db, activeActorOf(req), req.body);
    return reply.status(201).send({ ...presentCleanup(c), itemCount: c.itemCount });
  });
  app.get('/api/v1/documents/cleanups/:id', { schema: { tags: TAG, params: IdParams, response: { 200: CleanupDetailOut } } }, async (req) => {
    const { cleanup, items } = await svc.getCleanup(db, activeActorOf(req), req.params.id);
    return { ...presentCleanup(cleanup), items: items.map(presentCleanupItem) };
  });
  app.get('/api/v1/documents/cleanups/:id/export', { schema: { tags: TAG, params: IdParams, response: xlsxResponse() } }, async (req, reply) => {
    const { cleanup, items } = await svc.getCleanup(db, activeActorOf(req), req.params.id);
    const rows = items.map((i) => ({
      docNumber: i.doc_number ?? '', title: i.title, issuer: i.issuer_name, publishedOn: i.published_on ?? '', decision: i.decision ? CLEANUP_DECISIONS[i.decision].zh : '未决定',
      reason: i.reason ?? '', newValidUntil: i.new_valid_until ?? undefined,
    }));
    return sendXlsx(reply, `${cleanup.title}.xlsx`, await exportXlsx(cleanupSheet, rows));
  });
  app.post('/api/v1/documents/cleanups/:id/decisions', { schema: { tags: TAG, params: IdParams, body: DecisionsInput, response: { 200: DecisionsOut } } }, async (req) =>
    svc.decideCleanupItems(db, activeActorOf(req), req.params.id, req.body),
  );
  app.post('/api/v1/documents/cleanups/:id/publish', { schema: { tags: TAG, params: IdParams, body: CleanupPublishInput, response: { 200: CleanupOut } } }, async (req) =>
    presentCleanup(await svc.publishCleanup(db, activeActorOf(req), req.params.id, req.body)),
  );

  // ---- public (portal): published catalogue and published cleanup results, no session ----
  app.get('/api/v1/public/documents/catalogue', {
    config: { public: true },
    schema: { tags: TAG, querystring: z.object({ region: z.string().regex(/^\d{6}(\d{3}){0,2}$/, { message: '行政区划代码应为6、9或12位数字' }), asOf: DateStr.optional() }), response: { 200: PublicCatalogueOut } },
  }, async (req) => {
    const c = await svc.publicCatalogue(db, req.query.region, req.query.asOf);
    return {
      region: c.region, asOf: c.asOf, total: c.items.length,
      items: c.items.map((d) => ({ id: d.id, docNumber: d.doc_number, title: d.title, issuerName: d.issuer_name, publishedOn: d.published_on, effectiveFrom: d.effective_from, validUntil: d.valid_until })),
      cleanups: c.cleanups.map((x) => ({ id: x.id, title: x.title, publishedOn: x.published_on, decisionNumber: x.decision_number })),
    };
  });
  app.get('/api/v1/public/documents/cleanups/:id', { config: { public: true }, schema: { tags: TAG, params: IdParams, response: { 200: PublicCleanupOut } } }, async (req) => {
    const { cleanup, items } = await svc.getCleanup(db, null, req.params.id);
    return {
      id: cleanup.id, title: cleanup.title, publishedOn: cleanup.published_on, decisionNumber: cleanup.decision_number,
      items: items.map((i) => ({ docNumber: i.doc_number, title: i.title, issuerName: i.issuer_name, decision: i.decision, reason: i.reason, newValidUntil: i.new_valid_until })),
    };
  });
}
