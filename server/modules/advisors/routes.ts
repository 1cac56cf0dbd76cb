import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { Id, page } from '../../../common/schemas.js';
import { exportXlsx } from '../../core/excel/index.js';
import { importRoutes, sendXlsx, xlsxResponse } from '../../core/excel/routes.js';
import { writeRegionPaths, OFFICE_WRITE } from '../../core/scope/index.js';
import * as svc from './service.js';
import {
  AdvisorInput, AssessmentInput, AssignInput, EngagementInput, OpinionInput, ReviewListQuery, ReviewRequestInput, WorkLogInput, WorkLogListQuery,
  CONCLUSIONS, REVIEW_TYPES, GRADES, WORK_KINDS, LITIGATION_ROLES,
} from './schema.js';
import { ListQuery } from '../../../common/schemas.js';
import { reviewSheet, statusZh, workLogImport, workLogSheet } from './excel.js';
import { AdvisorOut, AssessmentList, AssessmentOut, EngagementOut, ReviewOut, WorkLogOut } from '../../../common/advisors.js';

type Lang = 'zh' | 'en';
/** Presenters: rows → API shapes. */
const presentEngagement = (e: { id: string; unit_id: string; firm_name?: string; contract_no: string; signed_on?: string; period_from: string; period_to: string; scope: string; fee: number | string }) => ({
  id: e.id, firmId: e.unit_id, firmName: e.firm_name ?? '', contractNo: e.contract_no, signedOn: e.signed_on, periodFrom: e.period_from, periodTo: e.period_to, scope: e.scope, fee: Number(e.fee),
});
const presentAdvisor = (a: { id: string; unit_id: string; unit_name?: string; kind: string; name: string; user_id: string | null; certificate_no: string; speciality: string; active: boolean }) => ({
  id: a.id, unitId: a.unit_id, unitName: a.unit_name, kind: a.kind, name: a.name, hasAccount: !!a.user_id, certificateNo: a.certificate_no, speciality: a.speciality, active: a.active,
});
const presentReview = (r: svc.ReviewRow, lang: Lang) => ({
  id: r.id, type: r.type, typeLabel: REVIEW_TYPES[r.type][lang], title: r.title, summary: r.summary, unitId: r.unit_id, unitName: r.unit_name,
  subjectEntity: r.subject_entity, subjectId: r.subject_id, requestedOn: r.requested_on, status: r.status,
  firmId: r.assigned_firm_id, firmName: r.firm_name, advisorId: r.assigned_advisor_id, advisorName: r.advisor_name,
  assignedOn: r.assigned_on, dueDate: r.due_date, conclusion: r.conclusion, conclusionLabel: r.conclusion ? CONCLUSIONS[r.conclusion][lang] : null,
  opinion: r.opinion, reasons: r.reasons, concludedOn: r.concluded_on, ...svc.reviewAbilities(r),
});
type WorkRow = svc.WorkLogRow;
const presentWork = (w: WorkRow) => ({
  id: w.id, firmId: w.unit_id, firmName: w.firm_name, advisorId: w.advisor_id, advisorName: w.advisor_name, clientUnitId: w.client_unit_id, clientName: w.client_name,
  kind: w.kind, workDate: w.work_date, title: w.title, description: w.description, hours: w.hours === null ? null : Number(w.hours), lawsuitId: w.lawsuit_id, caseRef: w.case_ref, court: w.court, role: w.role,
});
const presentAssessment = (s: { id: string; unit_id: string; firm_name?: string; year: number; assessed_on: string; criteria: unknown; total: number | string; max_total: number | string; grade: keyof typeof GRADES; comment: string }, lang: Lang) => ({
  id: s.id, firmId: s.unit_id, firmName: s.firm_name, year: s.year, assessedOn: s.assessed_on, criteria: s.criteria as { name: string; max: number; score: number; note?: string }[],
  total: Number(s.total), maxTotal: Number(s.max_total), grade: s.grade, gradeLabel: GRADES[s.grade][lang], comment: s.comment,
});

const P = z.object({ id: Id });
const YearQ = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** Advisors routes: engagements, advisors, the review queue, work log, assessments. */
export function advisorRoutes(app: App, ctx: AppContext) {
  const tags = ['advisors'];
  // engagements
  app.get('/api/v1/advisors/engagements', { schema: { tags, querystring: ListQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: page(EngagementOut) } } }, async (req) => {
    const r = await svc.listEngagements(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentEngagement) };
  });
  app.post('/api/v1/advisors/engagements', { schema: { tags, body: EngagementInput, response: { 201: EngagementOut } } }, async (req, reply) => {
    const row = await svc.engageFirm(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(presentEngagement(row));
  });
  // advisors
  app.get('/api/v1/advisors/people', { schema: { tags, querystring: ListQuery, response: { 200: page(AdvisorOut) } } }, async (req) => {
    const r = await svc.listAdvisors(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentAdvisor) };
  });
  app.post('/api/v1/advisors/people', { schema: { tags, body: AdvisorInput, response: { 201: AdvisorOut } } }, async (req, reply) => {
    const row = await svc.registerAdvisor(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(presentAdvisor(row));
  });
  // review queue
  app.get('/api/v1/advisors/reviews', { schema: { tags, querystring: ReviewListQuery, response: { 200: page(ReviewOut) } } }, async (req) => {
    const actor = activeActorOf(req);
    const r = await svc.listReviews(ctx.db, actor, req.query);
    return { ...r, items: r.items.map((x) => presentReview(x, req.lang)) };
  });
  app.get('/api/v1/advisors/reviews/export', { schema: { tags, querystring: ReviewListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await svc.listReviews(ctx.db, activeActorOf(req), { ...req.query, page: 1, pageSize: 100_000 });
    const rows = r.items.map((x) => ({
      title: x.title, type: REVIEW_TYPES[x.type].zh, unit: x.unit_name, requestedOn: x.requested_on, firm: x.firm_name ?? undefined, advisor: x.advisor_name ?? undefined,
      dueDate: x.due_date ?? undefined, status: statusZh(x.status), conclusion: x.conclusion ? CONCLUSIONS[x.conclusion].zh : undefined, concludedOn: x.concluded_on ?? undefined,
    }));
    return sendXlsx(reply, '法律顾问审查台账.xlsx', await exportXlsx(reviewSheet, rows));
  });
  app.get('/api/v1/advisors/reviews/:id', { schema: { tags, params: P, response: { 200: ReviewOut } } }, async (req) => {
    const actor = activeActorOf(req);
    return presentReview(await svc.getReview(ctx.db, actor, req.params.id), req.lang);
  });
  app.post('/api/v1/advisors/reviews', { schema: { tags, body: ReviewRequestInput, response: { 201: ReviewOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const row = await svc.createReviewRequest(ctx.db, actor, req.body);
    return reply.status(201).send(presentReview(await svc.getReview(ctx.db, actor, row.id), req.lang));
  });
  app.post('/api/v1/advisors/reviews/:id/assign', { schema: { tags, params: P, body: AssignInput, response: { 200: ReviewOut } } }, async (req) => {
    const actor = activeActorOf(req);
    await svc.assignReview(ctx.db, actor, req.params.id, req.body);
    return presentReview(await svc.getReview(ctx.db, actor, req.params.id), req.lang);
  });
  app.post('/api/v1/advisors/reviews/:id/opinion', { schema: { tags, params: P, body: OpinionInput, response: { 200: ReviewOut } } }, async (req) => {
    const actor = activeActorOf(req);
    await svc.giveOpinion(ctx.db, actor, req.params.id, req.body);
    return presentReview(await svc.getReview(ctx.db, actor, req.params.id), req.lang);
  });
  app.post('/api/v1/advisors/reviews/:id/withdraw', { schema: { tags, params: P, response: { 200: ReviewOut } } }, async (req) => {
    const actor = activeActorOf(req);
    await svc.withdrawReview(ctx.db, actor, req.params.id);
    return presentReview(await svc.getReview(ctx.db, actor, req.params.id), req.lang);
  });
  // work log
  app.get('/api/v1/advisors/worklogs', { schema: { tags, querystring: WorkLogListQuery, response: { 200: page(WorkLogOut) } } }, async (req) => {
    const r = await svc.listWorkLogs(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentWork) };
  });
  app.get('/api/v1/advisors/worklogs/export', { schema: { tags, querystring: WorkLogListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await svc.listWorkLogs(ctx.db, activeActorOf(req), { ...req.query, page: 1, pageSize: 100_000 });
    const rows = r.items.map((w) => ({
      firm: w.firm_name, kind: WORK_KINDS[w.kind].zh, workDate: w.work_date, title: w.title, description: w.description || undefined, clientUnit: w.client_name ?? undefined,
      caseRef: w.case_ref ?? undefined, court: w.court ?? undefined, role: w.role ? LITIGATION_ROLES[w.role].zh : undefined, hours: w.hours === null ? undefined : Number(w.hours),
    }));
    return sendXlsx(reply, '法律顾问工作日志.xlsx', await exportXlsx(workLogSheet, rows));
  });
  importRoutes(app, ctx, '/api/v1/advisors/worklogs/import', workLogImport);
  app.post('/api/v1/advisors/worklogs', { schema: { tags, body: WorkLogInput, response: { 201: WorkLogOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const row = await svc.logWork(ctx.db, actor, req.body);
    return reply.status(201).send(presentWork(await svc.getWorkLog(ctx.db, actor, row.id)));
  });
  // assessments
  app.get('/api/v1/advisors/assessments', { schema: { tags, querystring: YearQ, response: { 200: AssessmentList } } }, async (req) => {
    const actor = activeActorOf(req);
    const rows = await svc.listAssessments(ctx.db, actor, req.query);
    const canCreate = writeRegionPaths(actor, OFFICE_WRITE).length > 0;
    return { items: rows.map((s) => presentAssessment(s, req.lang)), canCreate };
  });
  app.post('/api/v1/advisors/assessments', { schema: { tags, body: AssessmentInput, response: { 201: AssessmentOut } } }, async (req, reply) => {
    const row = await svc.assessFirm(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(presentAssessment(row, req.lang));
  });
}
