import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { Id, page } from '../../../common/schemas.js';
import { exportXlsx } from '../../core/excel/index.js';
import { sendXlsx, xlsxResponse } from '../../core/excel/routes.js';
import { badRequest } from '../../core/errors/index.js';
import { deadlinesOf, presentDeadline } from '../../core/deadlines/index.js';
import { requireRole, type Actor } from '../../core/scope/index.js';
import * as svc from './service.js';
import {
  AmendInput, ArchiveInput, CatalogueInput, CommentInput, ConsentInput, DecideInput, DecisionListQuery, DisposeInput, DraftInput, EvaluateInput, ExpertInput,
  FeedbackInput, HearingInput, LaunchInput, LegalityInput, OpenCommentInput, PublishCatalogueInput, PublishInput, RiskInput, SendLegalityInput,
  CATEGORIES, DISPOSITIONS, STATES, type DecisionState,
} from './schema.js';
import { decisionSheet } from './excel.js';
import { CatalogueList, CatalogueOut, DecisionDetail, DecisionSummary, PublicCatalogue } from '../../../common/decisions.js';

type Lang = 'zh' | 'en';
const presentCatalogue = (c: { id: string; year: number; title: string; party_consent_on: string | null; party_consent_ref: string | null; published_on: string | null; published_via: string | null; items?: number | null }) => ({
  id: c.id, year: c.year, title: c.title, partyConsentOn: c.party_consent_on, partyConsentRef: c.party_consent_ref, publishedOn: c.published_on, publishedVia: c.published_via, items: c.items ?? undefined,
});
const summary = (actor: Actor, d: svc.DecisionRow, lang: Lang) => ({
  id: d.id, title: d.title, unitId: d.unit_id, unitName: d.unit_name, category: d.category, categoryLabel: CATEGORIES[d.category][lang], catalogueId: d.catalogue_id,
  catalogueYear: d.catalogue_year, launchedOn: d.launched_on, state: d.state, stateLabel: STATES[d.state as DecisionState][lang], commentEndsOn: d.comment_ends_on,
  legalityDueOn: d.legality_due_on, decidedOn: d.decided_on, publishedOn: d.published_on, archivedOn: d.archived_on,
  actions: svc.decisionActions(actor, d as typeof d & { state: DecisionState }, lang),
});

async function detail(ctx: AppContext, actor: Actor, id: string, lang: Lang) {
  const { d, comments, hearings, experts, evaluations, review } = await svc.getDecision(ctx.db, actor, id);
  const deadlines = await deadlinesOf(ctx.db, 'decision', id);
  return {
    ...summary(actor, d, lang),
    proposalSource: d.proposal_source, launchBasis: d.launch_basis,
    draft: { draftedOn: d.drafted_on, researchSummary: d.research_summary, costBenefit: d.cost_benefit, alternatives: d.alternatives },
    publicComment: {
      startsOn: d.comment_starts_on, endsOn: d.comment_ends_on, channel: d.comment_channel, shortenedReason: d.comment_shortened_reason,
      feedbackPublishedOn: d.feedback_published_on, feedbackSummary: d.feedback_summary,
      comments: comments.map((c) => ({ id: c.id, receivedOn: c.received_on, commenter: c.commenter, content: c.content, disposition: c.disposition, dispositionLabel: c.disposition ? DISPOSITIONS[c.disposition][lang] : null, reason: c.reason })),
      hearings: hearings.map((h) => ({ id: h.id, heldOn: h.held_on, place: h.place, participantsPublishedOn: h.participants_published_on, materialsSentOn: h.materials_sent_on, participants: h.participants, record: h.record })),
    },
    expert: {
      required: d.expert_required, notRequiredReason: d.expert_not_required_reason, doneOn: d.expert_done_on,
      experts: experts.map((e) => ({ id: e.id, name: e.name, organisation: e.organisation, field: e.field, opinion: e.opinion, disposition: e.disposition, reason: e.reason, givenOn: e.given_on })),
    },
    risk: { required: d.risk_required, notRequiredReason: d.risk_not_required_reason, level: d.risk_level, report: d.risk_report, measures: d.risk_measures, doneOn: d.risk_done_on },
    legality: {
      reviewer: d.legality_reviewer, sentOn: d.legality_sent_on, dueOn: d.legality_due_on, reviewId: d.legality_review_id, conclusion: d.legality_conclusion,
      opinion: d.legality_opinion, concludedOn: d.legality_concluded_on, amendments: d.legality_amendments,
      advisor: review ? { status: review.status, firmName: review.firmName, advisorName: review.advisorName, dueDate: review.dueDate } : null,
    },
    meeting: {
      kind: d.meeting_kind, name: d.meeting_name, on: d.meeting_on, minutes: d.minutes, dissent: d.dissent, headConclusion: d.head_conclusion, outcome: d.outcome,
      partyReportOn: d.party_report_on, partyReportRef: d.party_report_ref,
    },
    publication: { publishedOn: d.published_on, via: d.published_via },
    evaluations: evaluations.map((e) => ({ id: e.id, evaluatedOn: e.evaluated_on, trigger: e.trigger, evaluator: e.evaluator, findings: e.findings, recommendation: e.recommendation })),
    archive: { archivedOn: d.archived_on, checklist: d.archive_checklist as Record<string, boolean> | null },
    deadlines: deadlines.map((x) => presentDeadline(x, lang)),
  };
}

const P = z.object({ id: Id });

/** Major-decision routes: the catalogue and each step of the procedure. */
export function decisionRoutes(app: App, ctx: AppContext) {
  const tags = ['decisions'];
  // catalogue
  app.get('/api/v1/decisions/catalogues', { schema: { tags, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: CatalogueList } } }, async (req) => {
    const rows = await svc.listCatalogues(ctx.db, activeActorOf(req), req.query);
    return { items: rows.map(presentCatalogue) };
  });
  app.post('/api/v1/decisions/catalogues', { schema: { tags, body: CatalogueInput.extend({ regionId: Id.optional() }), response: { 201: CatalogueOut } } }, async (req, reply) => {
    const actor = requireRole(activeActorOf(req), 'office');
    const regionId = req.body.regionId ?? actor.grants.find((g) => g.role === 'office')?.regionId;
    if (!regionId) throw badRequest('REGION_REQUIRED', { zh: '请指定区域', en: 'Choose the region' }, { fields: [{ path: 'regionId', message: '请指定区域' }] });
    return reply.status(201).send(presentCatalogue(await svc.createCatalogue(ctx.db, actor, regionId, req.body)));
  });
  app.post('/api/v1/decisions/catalogues/:id/consent', { schema: { tags, params: P, body: ConsentInput, response: { 200: CatalogueOut } } }, async (req) =>
    presentCatalogue(await svc.recordCatalogueConsent(ctx.db, activeActorOf(req), req.params.id, req.body)));
  app.post('/api/v1/decisions/catalogues/:id/publish', { schema: { tags, params: P, body: PublishCatalogueInput, response: { 200: CatalogueOut } } }, async (req) =>
    presentCatalogue(await svc.publishCatalogue(ctx.db, activeActorOf(req), req.params.id, req.body)));

  // decisions
  app.get('/api/v1/decisions', { schema: { tags, querystring: DecisionListQuery, response: { 200: page(DecisionSummary) } } }, async (req) => {
    const actor = activeActorOf(req);
    const r = await svc.listDecisions(ctx.db, actor, req.query);
    return { ...r, items: r.items.map((d) => summary(actor, d, req.lang)) };
  });
  app.get('/api/v1/decisions/export', { schema: { tags, querystring: DecisionListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await svc.listDecisions(ctx.db, activeActorOf(req), { ...req.query, page: 1, pageSize: 100_000 });
    const rows = r.items.map((d) => ({
      title: d.title, unit: d.unit_name, category: CATEGORIES[d.category].zh, launchedOn: d.launched_on, state: STATES[d.state as DecisionState].zh,
      commentPeriod: d.comment_starts_on ? `${d.comment_starts_on}至${d.comment_ends_on}` : undefined,
      legality: d.legality_conclusion ? `${d.legality_reviewer === 'advisor' ? '法律顾问' : '司法局'}：${{ lawful: '合法', unlawful: '不合法', lawful_if_amended: '修改后合法' }[d.legality_conclusion]}（${d.legality_concluded_on}）` : undefined,
      meeting: d.meeting_name ?? undefined, decidedOn: d.decided_on ?? undefined, publishedOn: d.published_on ?? undefined, archivedOn: d.archived_on ?? undefined,
    }));
    return sendXlsx(reply, '重大行政决策台账.xlsx', await exportXlsx(decisionSheet, rows));
  });
  app.get('/api/v1/decisions/:id', { schema: { tags, params: P, response: { 200: DecisionDetail } } }, async (req) => detail(ctx, activeActorOf(req), req.params.id, req.lang));
  app.post('/api/v1/decisions', { schema: { tags, body: LaunchInput, response: { 201: DecisionDetail } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const row = await svc.launchDecision(ctx.db, actor, req.body);
    return reply.status(201).send(await detail(ctx, actor, row.id, req.lang));
  });

  /** A procedure step: POST /api/v1/decisions/:id/<path> with its body, answering the updated decision. */
  const stepRoute = <S extends z.ZodType>(path: string, body: S, fn: (actor: Actor, id: string, input: z.infer<S>) => Promise<unknown>) =>
    app.post(`/api/v1/decisions/:id/${path}`, { schema: { tags, params: P, body, response: { 200: DecisionDetail } } }, async (req) => {
      const actor = activeActorOf(req);
      await fn(actor, req.params.id, req.body as z.infer<S>);
      return detail(ctx, actor, req.params.id, req.lang);
    });
  stepRoute('draft', DraftInput, (a, id, b) => svc.recordDraft(ctx.db, a, id, b));
  stepRoute('public-comment', OpenCommentInput, (a, id, b) => svc.openPublicComment(ctx.db, a, id, b));
  stepRoute('comments', CommentInput, (a, id, b) => svc.addComment(ctx.db, a, id, b));
  stepRoute('hearings', HearingInput, (a, id, b) => svc.recordHearing(ctx.db, a, id, b));
  stepRoute('feedback', FeedbackInput, (a, id, b) => svc.publishFeedback(ctx.db, a, id, b));
  stepRoute('experts', ExpertInput, (a, id, b) => svc.recordExpertConsultation(ctx.db, a, id, b));
  stepRoute('risk', RiskInput, (a, id, b) => svc.recordRiskAssessment(ctx.db, a, id, b));
  stepRoute('legality-review', SendLegalityInput, (a, id, b) => svc.sendForLegalityReview(ctx.db, a, id, b));
  stepRoute('legality-conclusion', LegalityInput, (a, id, b) => svc.recordLegalityConclusion(ctx.db, a, id, b));
  stepRoute('amendments', AmendInput, (a, id, b) => svc.recordAmendments(ctx.db, a, id, b));
  stepRoute('decision', DecideInput, (a, id, b) => svc.decide(ctx.db, a, id, b));
  stepRoute('publication', PublishInput, (a, id, b) => svc.publishDecision(ctx.db, a, id, b));
  stepRoute('evaluations', EvaluateInput, (a, id, b) => svc.evaluateDecision(ctx.db, a, id, b));
  stepRoute('archive', ArchiveInput, (a, id, b) => svc.archiveDecision(ctx.db, a, id, b));
  app.post('/api/v1/decisions/:id/comments/:commentId/disposition', { schema: { tags, params: z.object({ id: Id, commentId: Id }), body: DisposeInput, response: { 200: DecisionDetail } } }, async (req) => {
    const actor = activeActorOf(req);
    await svc.disposeComment(ctx.db, actor, req.params.id, req.params.commentId, req.body);
    return detail(ctx, actor, req.params.id, req.lang);
  });

  // public (portal): the published catalogue
  app.get('/api/v1/public/decisions/catalogue', {
    config: { public: true },
    schema: { tags, querystring: z.object({ region: z.string().regex(/^\d{6,12}$/), year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: PublicCatalogue } },
  }, async (req) => {
    const r = await svc.publicCatalogue(ctx.db, req.query.region, req.query.year);
    return {
      region: r.region, year: r.catalogue.year, title: r.catalogue.title, partyConsentOn: r.catalogue.party_consent_on, publishedOn: r.catalogue.published_on,
      items: r.items.map((d) => ({ title: d.title, unitName: d.unit_name, category: CATEGORIES[d.category][req.lang], stage: STATES[d.state][req.lang], publishedOn: d.published_on, publishedVia: d.published_via })),
    };
  });
}
