import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { notFound } from '../../core/errors/index.js';
import { Id } from '../../../common/schemas.js';
import { CreateReportInput, TransitionInput, UpdateReportInput, STATUS_LABELS } from './schema.js';
import * as svc from './service.js';
import { exportReport, FORMATS } from './export.js';
import { renderHtml } from './render/text.js';
import { startJob } from '../../core/jobs.js';
import { fileResponse } from '../../../common/core-api.js';
import { moduleOf, type Block, type ReportMeta } from './template.js';
import {
  CandidateList, ExportJobStarted, FigureRecords, PublicReportList, ReportCreated, ReportDetail, ReportList, ReportSaved, ReportTransitioned,
} from '../../../common/report.js';

/** A timestamp as the API sends it (ISO 8601), or null. */
const iso = (v: Date | string | null | undefined) => (v == null ? null : new Date(v).toISOString());

/** Abilities on a report, from the same write scope the service locks with (`may_write`, decided in SQL). */
function abilities(row: { may_write: boolean; status: string }) {
  const office = !!row.may_write;
  return {
    canEdit: office && ['draft', 'review'].includes(row.status),
    canSubmitReview: office && row.status === 'draft',
    canApproveReview: office && row.status === 'review',
    canReturn: office && ['review', 'secrecy'].includes(row.status),
    canSubmit: office && row.status === 'secrecy',
    canPublish: office && row.status === 'submitted',
  };
}

/** Report routes: list, create, edit, evaluate, transitions, exports, click-through, public portal. */
export function reportRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/reports', { schema: { tags: ['report'], querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: ReportList } } }, async (req) => {
    const rows = await svc.listReports(ctx.db, activeActorOf(req), req.query.year);
    return {
      items: rows.map((r) => ({
        id: r.id, year: r.year, status: r.status, statusLabel: STATUS_LABELS[r.status][req.lang], title: (r.meta as ReportMeta).title,
        regionCode: r.region_code, regionName: r.region_name, updatedAt: iso(r.updated_at)!, publishedOn: r.published_on, publicUrl: r.public_url,
      })),
    };
  });
  app.post('/api/v1/reports', { schema: { tags: ['report'], body: CreateReportInput, response: { 201: ReportCreated } } }, async (req, reply) => {
    const row = await svc.createReport(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send({ id: row.id });
  });
  app.get('/api/v1/reports/:id', { schema: { tags: ['report'], params: z.object({ id: Id }), response: { 200: ReportDetail } } }, async (req) => {
    const actor = activeActorOf(req);
    const row = await svc.loadReport(ctx.db, actor, req.params.id);
    const rendered = await svc.renderStored(ctx.db, row);
    return {
      ...rendered,
      figures: Object.fromEntries(Object.entries(rendered.figures).map(([k, f]) => [k, { ...f, module: moduleOf(f.metricId)[req.lang] }])),
      source: { meta: row.meta as ReportMeta, blocks: row.blocks as Block[] },
      warnings: rendered.warnings.map((w) => ({
        key: w.key, kind: w.kind, blockId: w.blockId, metricId: w.metricId, claim: w.claim, blocking: w.blocking, message: w.message[req.lang],
        ...(w.acknowledged ? { acknowledged: { reason: w.acknowledged.reason, byName: w.acknowledged.byName, at: w.acknowledged.at } } : {}),
      })),
      statusLabel: STATUS_LABELS[row.status][req.lang],
      secrecy: { reviewer: row.secrecy_reviewer, opinion: row.secrecy_opinion, at: iso(row.secrecy_reviewed_at) },
      submittedAt: iso(row.submitted_at),
      publication: { url: row.public_url, on: row.published_on, lateReason: row.late_reason },
      abilities: abilities(row),
    };
  });
  app.put('/api/v1/reports/:id', { schema: { tags: ['report'], params: z.object({ id: Id }), body: UpdateReportInput, response: { 200: ReportSaved } } }, async (req) => {
    const row = await svc.updateReport(ctx.db, activeActorOf(req), req.params.id, req.body as Parameters<typeof svc.updateReport>[3]);
    return { id: row.id, updatedAt: iso(row.updated_at)! };
  });
  app.post('/api/v1/reports/:id/transitions', { schema: { tags: ['report'], params: z.object({ id: Id }), body: TransitionInput, response: { 200: ReportTransitioned } } }, async (req) => {
    const row = await svc.transitionReport(ctx.db, activeActorOf(req), req.params.id, req.body);
    return { id: row.id, status: row.status, statusLabel: STATUS_LABELS[row.status][req.lang] };
  });
  app.get('/api/v1/reports/:id/candidates', { schema: { tags: ['report'], params: z.object({ id: Id }), response: { 200: CandidateList } } }, async (req) => {
    return { items: await svc.candidateProblems(ctx.db, activeActorOf(req), req.params.id) };
  });
  app.get('/api/v1/reports/:id/figures/:metricId/records', { schema: { tags: ['report'], params: z.object({ id: Id, metricId: z.string().max(80) }), response: { 200: FigureRecords } } }, async (req) => {
    const r = await svc.figureRecords(ctx.db, activeActorOf(req), req.params.id, req.params.metricId);
    return { metric: { ...r.metric, label: r.metric.label[req.lang], definition: r.metric.definition[req.lang] }, records: r.records };
  });
  app.get('/api/v1/reports/:id/export', { schema: { tags: ['report'], params: z.object({ id: Id }), querystring: z.object({ format: z.enum(FORMATS) }), response: fileResponse('年度报告（DOCX、PDF、HTML、Markdown 或 JSON）', 'docx', 'pdf', 'html', 'md', 'json') } }, async (req, reply) => {
    const row = await svc.loadReport(ctx.db, activeActorOf(req), req.params.id);
    // Exports are what leaves the office: nothing unbacked, no editor marks (svc.publicView).
    const out = await exportReport(svc.publicView(await svc.renderStored(ctx.db, row)), req.query.format);
    reply.header('content-type', out.type);
    if (req.query.format !== 'html') reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(out.filename)}`);
    return reply.send(out.data);
  });

  // Rendering as a long operation: the user can leave and come back to download (GET /api/v1/jobs).
  app.post('/api/v1/reports/:id/export-jobs', { schema: { tags: ['report'], params: z.object({ id: Id }), body: z.object({ format: z.enum(FORMATS) }), response: { 202: ExportJobStarted } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const row = await svc.loadReport(ctx.db, actor, req.params.id);
    const meta = row.meta as ReportMeta;
    const jobId = await startJob(ctx.db, ctx.storage, actor, 'report.export', `${meta.title}（${req.body.format.toUpperCase()}）`, async (progress) => {
      await progress(0, 2);
      const rendered = await svc.renderStored(ctx.db, row);
      await progress(1, 2);
      const out = await exportReport(svc.publicView(rendered), req.body.format);
      await progress(2, 2);
      return { file: { name: out.filename, mime: out.type, data: out.data } };
    });
    return reply.status(202).send({ jobId });
  });

  // Public portal: published reports only (deliberately unscoped — what is published is public).
  app.get('/api/v1/public/reports', { config: { public: true }, schema: { tags: ['public'], querystring: z.object({ region: z.string().regex(/^\d{6}$/).optional() }), response: { 200: PublicReportList } } }, async (req) => {
    const rows = await ctx.db
      .selectFrom('reports as r')
      .innerJoin('regions as g', 'g.id', 'r.region_id')
      .select(['r.id', 'r.year', 'r.meta', 'r.published_on', 'g.code', 'g.name'])
      .where('r.status', '=', 'published')
      .$if(!!req.query.region, (q) => q.where('g.code', '=', req.query.region!))
      .orderBy('r.year', 'desc')
      .orderBy('g.code')
      .orderBy('r.id')
      .execute();
    return { items: rows.map((r) => ({ id: r.id, year: r.year, title: (r.meta as ReportMeta).title, publishedOn: r.published_on, regionCode: r.code, regionName: r.name })) };
  });
  app.get('/api/v1/public/reports/:id', { config: { public: true }, schema: { tags: ['public'], params: z.object({ id: Id }), response: fileResponse('已公开的年度报告（HTML 页面）', 'html') } }, async (req, reply) => {
    const row = await ctx.db.selectFrom('reports').selectAll().where('id', '=', req.params.id).where('status', '=', 'published').executeTakeFirst();
    if (!row) throw notFound({ zh: '报告', en: 'Report' });
    const rendered = await svc.renderStored(ctx.db, row);
    reply.header('content-type', 'text/html; charset=utf-8');
    return reply.send(renderHtml(svc.publicView(rendered)));
  });
}
