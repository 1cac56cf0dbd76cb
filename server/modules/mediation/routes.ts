import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { Id, ListQuery, page } from '../../../common/schemas.js';
import * as svc from './service.js';
import { exportXlsx } from '../../core/excel/index.js';
import { importRoutes, sendXlsx, xlsxResponse } from '../../core/excel/routes.js';
import { ledgerImport, ledgerRowOf, ledgerSheet } from './excel.js';
import { mediationMonthly } from './stats.js';
import { monthlyRoute } from '../../core/metrics/monthly.js';
import { presentDeadline } from '../../core/deadlines/index.js';
import {
  CommitteeInput, CommitteeOut, ConfirmationInput, DisputeDetailOut, DisputeInput, DisputeListQuery, DisputeOut, FailureInput, MediatorInput, MediatorOut,
  NoteInput, RefusalInput, SuccessInput,
} from './schema.js';

const P = z.object({ id: Id });
type Lang = 'zh' | 'en';

/** A dispute as the API shows it. */
export function presentDispute(r: svc.DisputeRow, types: Map<string, { zh: string; en: string }>, lang: Lang): z.infer<typeof DisputeOut> {
  return {
    id: r.id, caseNo: r.case_no, committeeId: r.committee_id, committeeName: r.committee_name, unitName: r.unit_name, disputeType: r.dispute_type,
    disputeTypeLabel: types.get(r.dispute_type)?.[lang] ?? r.dispute_type, source: r.source, referredBy: r.referred_by, parties: r.parties, summary: r.summary,
    receivedOn: r.received_on, dueOn: r.due_on, mediatorName: r.mediator_name, status: r.status, agreementForm: r.agreement_form, agreementOn: r.agreement_on,
    agreement: r.agreement, confirmationDue: r.confirmation_due, confirmationOpen: !!r.confirmation_open, confirmationAppliedOn: r.confirmation_applied_on, confirmationCourt: r.confirmation_court,
    endedOn: r.ended_on, advice: r.advice, canEdit: !!r.can_edit,
  };
}

/** Mediation routes: committees, mediators, disputes and their outcomes. */
export function mediationRoutes(app: App, ctx: AppContext) {
  const tags = ['mediation'];
  const detail = async (req: any, id: string) => {
    const d = await svc.getDispute(ctx.db, activeActorOf(req), id);
    const lang: Lang = req.lang === 'en' ? 'en' : 'zh';
    return {
      dispute: presentDispute(d.row, await svc.disputeTypeLabels(ctx.db), lang),
      notes: d.notes.map((n) => ({ id: n.id, kind: n.kind, on: n.on_date, mediatorName: n.mediator_name, note: n.note })),
      deadlines: d.deadlines.map((x) => presentDeadline(x, lang)),
    };
  };

  const presentCommittee = (c: any) => ({ id: c.id, name: c.name, kind: c.kind, unitName: c.unit_name ?? '', regionName: c.region_name ?? '', establishedOn: c.established_on, mediators: Number(c.mediators ?? 0), disputes: Number(c.disputes ?? 0) });
  app.get('/api/v1/mediation/committees', { schema: { tags, querystring: ListQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: page(CommitteeOut) } } }, async (req) => {
    const r = await svc.listCommittees(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentCommittee) };
  });
  app.post('/api/v1/mediation/committees', { schema: { tags, body: CommitteeInput, response: { 201: CommitteeOut } } }, async (req, reply) =>
    reply.status(201).send(presentCommittee(await svc.setUpCommittee(ctx.db, activeActorOf(req), req.body))));

  const presentMediator = (m: any) => ({ id: m.id, committeeId: m.committee_id, committeeName: m.committee_name ?? '', name: m.name, fullTime: m.full_time });
  app.get('/api/v1/mediation/mediators', { schema: { tags, querystring: ListQuery, response: { 200: page(MediatorOut) } } }, async (req) => {
    const r = await svc.listMediators(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentMediator) };
  });
  app.post('/api/v1/mediation/mediators', { schema: { tags, body: MediatorInput, response: { 201: MediatorOut } } }, async (req, reply) =>
    reply.status(201).send(presentMediator(await svc.appointMediator(ctx.db, activeActorOf(req), req.body))));

  app.get('/api/v1/mediation/disputes', { schema: { tags, querystring: DisputeListQuery, response: { 200: page(DisputeOut) } } }, async (req) => {
    const r = await svc.listDisputes(ctx.db, activeActorOf(req), req.query);
    const types = await svc.disputeTypeLabels(ctx.db);
    return { ...r, items: r.items.map((x) => presentDispute(x, types, req.lang === 'en' ? 'en' : 'zh')) };
  });
  app.get('/api/v1/mediation/disputes/export', { schema: { tags, querystring: DisputeListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await svc.listDisputes(ctx.db, activeActorOf(req), { ...req.query, page: 1, pageSize: 100000 });
    const types = await svc.disputeTypeLabels(ctx.db);
    return sendXlsx(reply, '人民调解纠纷登记台账.xlsx', await exportXlsx(ledgerSheet, r.items.map((d) => ledgerRowOf(d, types))));
  });
  importRoutes(app, ctx, '/api/v1/mediation/disputes/import', ledgerImport);
  // 人民调解工作统计月报表: the month and the year to date, within the reader's scope.
  monthlyRoute(app, ctx, { path: '/api/v1/mediation/stats/monthly', tags, title: '人民调解工作统计月报表', canView: (a) => !!svc.mediationAbilities(a)['mediation.view'], lines: mediationMonthly });
  app.get('/api/v1/mediation/dispute-types', { schema: { tags, response: { 200: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })) } } }, async (req) => {
    activeActorOf(req);
    return [...(await svc.disputeTypeLabels(ctx.db)).values()];
  });
  app.get('/api/v1/mediation/disputes/:id', { schema: { tags, params: P, response: { 200: DisputeDetailOut } } }, async (req) => detail(req, req.params.id));
  app.post('/api/v1/mediation/disputes', { schema: { tags, body: DisputeInput, response: { 201: DisputeDetailOut } } }, async (req, reply) => {
    const row = await svc.receiveDispute(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(await detail(req, row.id));
  });
  const step = <B extends z.ZodType>(path: string, body: B, run: (a: ReturnType<typeof activeActorOf>, id: string, b: z.infer<B>) => Promise<unknown>) =>
    app.post(`/api/v1/mediation/disputes/:id/${path}`, { schema: { tags, params: P, body, response: { 200: DisputeDetailOut } } }, async (req) => {
      await run(activeActorOf(req), req.params.id, req.body as z.infer<B>);
      return detail(req, req.params.id);
    });
  step('refusal', RefusalInput, (a, id, b) => svc.recordRefusal(ctx.db, a, id, b));
  step('success', SuccessInput, (a, id, b) => svc.recordSuccess(ctx.db, a, id, b));
  step('failure', FailureInput, (a, id, b) => svc.recordFailure(ctx.db, a, id, b));
  step('confirmation', ConfirmationInput, (a, id, b) => svc.recordConfirmation(ctx.db, a, id, b));
  step('notes', NoteInput, (a, id, b) => svc.addDisputeNote(ctx.db, a, id, b));
}
