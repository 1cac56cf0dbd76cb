import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { Id, page } from '../../../common/schemas.js';
import type { Actor } from '../../core/scope/index.js';
import * as sg from './suggestions.js';
import * as au from './audits.js';
import * as rp from './reports.js';
import { Assignments, Items } from './records.js';
import { deadlinesOf, presentDeadline } from '../../core/deadlines/index.js';
import { exportXlsx } from '../../core/excel/index.js';
import { importRoutes, sendXlsx, xlsxResponse } from '../../core/excel/routes.js';
import { auditImport, auditLedgerRows, auditLedgerSheet, itemImport, itemLedgerRows, itemLedgerSheet } from './excel.js';
import {
  AssignInput, ContactInput, ItemInput, ItemListQuery, ItemOut, ItemSummaryOut, OpinionInput, ReplyInput, ReturnInput, SatisfactionInput,
  AuditInput, AuditListQuery, AuditOut, AuditSummaryOut, NoticeInput, ReportSentInput, CommentsInput, ConcludeInput, PublishInput, RectificationInput, RectificationReportInput,
  ITEM_KINDS, ITEM_STATUSES, SATISFACTION, CONTACT_METHODS, AssignmentOut, ReturnOut,
  HandlingReportInput, RegenerateReportInput, ReviewReportInput, PublishReportInput, HandlingReportOut, HandlingReportSummaryOut, HandlingReportListQuery,
  PublicHandlingReportOut, PublicHandlingReportQuery,
} from './schema.js';

type Lang = 'zh' | 'en';
const P = z.object({ id: Id });

/** Presenter: an item row in a list. */
export function presentItemSummary(r: sg.ItemRow, lang: Lang) {
  return {
    id: r.id, kind: r.kind, kindLabel: ITEM_KINDS[r.kind][lang], number: r.number, session: r.session, title: r.title,
    proposers: r.proposers as string[], category: r.category, receivedOn: r.received_on, status: r.status, statusLabel: ITEM_STATUSES[r.status][lang],
    leadUnitId: r.lead_unit_id, leadUnitName: r.lead_unit_name, assignedOn: r.assigned_on, hard: r.hard,
    dueDate: r.status === 'reopened' ? r.second_due_date : r.due_date,
    resultClass: r.second_result_class ?? r.result_class,
    satisfaction: r.second_satisfaction ?? r.satisfaction,
    satisfactionLabel: (r.second_satisfaction ?? r.satisfaction) ? SATISFACTION[(r.second_satisfaction ?? r.satisfaction)!][lang] : null,
  };
}

async function presentItem(ctx: AppContext, actor: Actor, id: string, lang: Lang): Promise<z.infer<typeof ItemOut>> {
  const r = await sg.getItem(ctx.db, actor, id);
  const [assignments, contacts] = await Promise.all([sg.listAssignments(ctx.db, actor, id), sg.listContacts(ctx.db, actor, id)]);
  return {
    ...presentItemSummary(r, lang),
    content: r.content, hardReason: r.hard_reason, repliedOn: r.replied_on, reply: r.reply_text, satisfactionOn: r.satisfaction_on,
    secondDueDate: r.second_due_date, secondRepliedOn: r.second_replied_on, secondReply: r.second_reply_text, secondResultClass: r.second_result_class,
    secondSatisfaction: r.second_satisfaction, secondSatisfactionOn: r.second_satisfaction_on,
    assignments: assignments.map((a): z.infer<typeof AssignmentOut> => ({
      id: a.id, unitId: a.unit_id, unitName: a.unit_name, role: a.role, assignedOn: a.assigned_on, status: a.status,
      returnedOn: a.returned_on, returnReason: a.return_reason, returnBy: a.return_by, opinion: a.opinion, opinionOn: a.opinion_on, opinionDue: a.opinion_due,
      ...sg.assignmentAbilities(actor, a, r.status),
    })),
    contacts: contacts.map((c) => ({ id: c.id, contactedOn: c.contacted_on, method: c.method, methodLabel: CONTACT_METHODS[c.method][lang], note: c.note })),
    // The item's own deadlines and those of the assignments the actor sees, by due date.
    deadlines: (await Promise.all([deadlinesOf(ctx.db, Items.entity, id), ...assignments.map((a) => deadlinesOf(ctx.db, Assignments.entity, a.id))])).flat()
      .sort((x, y) => x.due_date.localeCompare(y.due_date) || x.id.localeCompare(y.id)).map((d) => presentDeadline(d, lang)),
    abilities: sg.itemAbilities(actor, r),
  };
}

/** Oversight routes: suggestions/proposals and audits. */
export function oversightRoutes(app: App, ctx: AppContext) {
  const tags = ['oversight'];
  // — suggestions and proposals —
  app.get('/api/v1/oversight/items', { schema: { tags, querystring: ItemListQuery, response: { 200: page(ItemSummaryOut) } } }, async (req) => {
    const r = await sg.listItems(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((x) => presentItemSummary(x, req.lang)) };
  });
  // The handling ledger of the listed items (same filters and scope as the list).
  app.get('/api/v1/oversight/items/export', { schema: { tags, querystring: ItemListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await sg.listItems(ctx.db, activeActorOf(req), { ...req.query, page: 1, pageSize: 100_000 });
    return sendXlsx(reply, '建议提案办理台账.xlsx', await exportXlsx(itemLedgerSheet, itemLedgerRows(r.items)));
  });
  importRoutes(app, ctx, '/api/v1/oversight/items/import', itemImport);
  app.post('/api/v1/oversight/items', { schema: { tags, body: ItemInput, response: { 201: ItemOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const row = await sg.registerItem(ctx.db, actor, req.body);
    return reply.status(201).send(await presentItem(ctx, actor, row.id, req.lang));
  });
  app.get('/api/v1/oversight/items/:id', { schema: { tags, params: P, response: { 200: ItemOut } } }, async (req) => presentItem(ctx, activeActorOf(req), req.params.id, req.lang));
  const itemAction = <B extends z.ZodType>(path: string, body: B, run: (actor: Actor, id: string, input: z.infer<B>) => Promise<unknown>) =>
    app.post(`/api/v1/oversight/items/:id/${path}`, { schema: { tags, params: P, body, response: { 200: ItemOut } } }, async (req) => {
      const actor = activeActorOf(req);
      await run(actor, req.params.id, req.body as z.infer<B>);
      return presentItem(ctx, actor, req.params.id, req.lang);
    });
  itemAction('assign', AssignInput, (a, id, b) => sg.assignItem(ctx.db, a, id, b));
  itemAction('contacts', ContactInput, (a, id, b) => sg.recordContact(ctx.db, a, id, b));
  itemAction('reply', ReplyInput, (a, id, b) => sg.replyItem(ctx.db, a, id, b));
  itemAction('satisfaction', SatisfactionInput, (a, id, b) => sg.recordSatisfaction(ctx.db, a, id, b));
  const assignmentAction = <B extends z.ZodType>(path: string, body: B, run: (actor: Actor, id: string, input: z.infer<B>) => Promise<{ item_id: string }>) =>
    app.post(`/api/v1/oversight/assignments/:id/${path}`, { schema: { tags, params: P, body, response: { 200: ItemOut } } }, async (req) => {
      const actor = activeActorOf(req);
      const a = await run(actor, req.params.id, req.body as z.infer<B>);
      return presentItem(ctx, actor, a.item_id, req.lang);
    });
  // After a return the unit may no longer see the item, so this answers with the assignment only.
  app.post('/api/v1/oversight/assignments/:id/return', { schema: { tags, params: P, body: ReturnInput, response: { 200: ReturnOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const a = await sg.returnAssignment(ctx.db, actor, req.params.id, req.body);
    const visible = !!(await Items.find(ctx.db, actor, a.item_id));
    return { assignmentId: a.id, itemId: a.item_id, status: 'returned' as const, returnedOn: a.returned_on!, itemVisible: visible };
  });
  assignmentAction('opinion', OpinionInput, (a, id, b) => sg.giveCoOpinion(ctx.db, a, id, b));

  // — audits —
  app.get('/api/v1/oversight/audits', { schema: { tags, querystring: AuditListQuery, response: { 200: page(AuditSummaryOut) } } }, async (req) => {
    const r = await au.listAudits(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((x) => au.presentAuditSummary(x, req.lang)) };
  });
  app.get('/api/v1/oversight/audits/export', { schema: { tags, querystring: AuditListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await au.listAudits(ctx.db, activeActorOf(req), { ...req.query, page: 1, pageSize: 100_000 });
    return sendXlsx(reply, '审计项目台账.xlsx', await exportXlsx(auditLedgerSheet, auditLedgerRows(r.items)));
  });
  importRoutes(app, ctx, '/api/v1/oversight/audits/import', auditImport);
  app.post('/api/v1/oversight/audits', { schema: { tags, body: AuditInput, response: { 201: AuditOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const row = await au.createAudit(ctx.db, actor, req.body);
    return reply.status(201).send(await au.presentAudit(ctx.db, actor, row.id, req.lang));
  });
  app.get('/api/v1/oversight/audits/:id', { schema: { tags, params: P, response: { 200: AuditOut } } }, async (req) => au.presentAudit(ctx.db, activeActorOf(req), req.params.id, req.lang));
  const auditAction = <B extends z.ZodType>(path: string, body: B, run: (actor: Actor, id: string, input: z.infer<B>) => Promise<{ audit_id?: string; id: string }>) =>
    app.post(`/api/v1/oversight/${path}`, { schema: { tags, params: P, body, response: { 200: AuditOut } } }, async (req) => {
      const actor = activeActorOf(req);
      const r = await run(actor, req.params.id, req.body as z.infer<B>);
      return au.presentAudit(ctx.db, actor, r.audit_id ?? r.id, req.lang);
    });
  auditAction('audits/:id/notice', NoticeInput, (a, id, b) => au.sendNotice(ctx.db, a, id, b));
  auditAction('audits/:id/report', ReportSentInput, (a, id, b) => au.sendReport(ctx.db, a, id, b));
  auditAction('audits/:id/comments', CommentsInput, (a, id, b) => au.recordComments(ctx.db, a, id, b));
  auditAction('audits/:id/conclude', ConcludeInput, (a, id, b) => au.concludeAudit(ctx.db, a, id, b));
  auditAction('audits/:id/publish', PublishInput, (a, id, b) => au.publishAudit(ctx.db, a, id, b));
  auditAction('audits/:id/rectifications', RectificationInput, (a, id, b) => au.addRectification(ctx.db, a, id, b));
  auditAction('rectifications/:id/report', RectificationReportInput, (a, id, b) => au.reportRectification(ctx.db, a, id, b));

  // — the year's handling report (办理情况报告) —
  app.get('/api/v1/oversight/reports', { schema: { tags, querystring: HandlingReportListQuery, response: { 200: page(HandlingReportSummaryOut) } } }, async (req) => {
    const r = await rp.listReports(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((x) => rp.presentReportSummary(x, req.lang)) };
  });
  app.post('/api/v1/oversight/reports', { schema: { tags, body: HandlingReportInput, response: { 201: HandlingReportOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const row = await rp.generateReport(ctx.db, actor, req.body);
    return reply.status(201).send(await rp.presentReport(ctx.db, actor, row.id, req.lang));
  });
  app.get('/api/v1/oversight/reports/:id', { schema: { tags, params: P, response: { 200: HandlingReportOut } } }, async (req) => rp.presentReport(ctx.db, activeActorOf(req), req.params.id, req.lang));
  const reportAction = <B extends z.ZodType>(path: string, body: B, run: (actor: Actor, id: string, input: z.infer<B>) => Promise<unknown>) =>
    app.post(`/api/v1/oversight/reports/:id/${path}`, { schema: { tags, params: P, body, response: { 200: HandlingReportOut } } }, async (req) => {
      const actor = activeActorOf(req);
      await run(actor, req.params.id, req.body as z.infer<B>);
      return rp.presentReport(ctx.db, actor, req.params.id, req.lang);
    });
  reportAction('regenerate', RegenerateReportInput, (a, id, b) => rp.regenerateReport(ctx.db, a, id, b));
  reportAction('review', ReviewReportInput, (a, id, b) => rp.reviewReport(ctx.db, a, id, b));
  reportAction('publish', PublishReportInput, (a, id, b) => rp.publishReport(ctx.db, a, id, b));
  // Published reports on the portal: no sign-in (代表法 第五十一条 「应当予以公开」).
  app.get('/api/v1/public/oversight-reports', { config: { public: true }, schema: { tags, querystring: PublicHandlingReportQuery, response: { 200: page(HandlingReportSummaryOut) } } }, async (req) => {
    const r = await rp.publicReports(ctx.db, req.query);
    return { ...r, items: r.items.map((x) => rp.presentReportSummary(x, req.lang)) };
  });
  app.get('/api/v1/public/oversight-reports/:id', { config: { public: true }, schema: { tags, params: P, response: { 200: PublicHandlingReportOut } } }, async (req) =>
    rp.presentReportBody(await rp.publicReport(ctx.db, req.params.id), req.lang));
}
