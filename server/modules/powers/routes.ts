import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { Id, page } from '../../../common/schemas.js';
import { exportXlsx } from '../../core/excel/index.js';
import { importRoutes, sendXlsx, xlsxResponse } from '../../core/excel/routes.js';
import type { Actor } from '../../core/scope/index.js';
import * as svc from './service.js';
import * as sv from './services.js';
import { powerImport, powerSheet, serviceSheet } from './excel.js';
import {
  ServiceInput, PublishServiceInput, WithdrawServiceInput, ServiceListQuery, PublicServiceQuery, ServiceOut, ServiceSummaryOut, PublicServiceOut, SERVICE_STATUSES,
  AddPowerInput, AmendPowerInput, RemovePowerInput, TransferPowerInput, PowerListQuery, PublicPowerQuery, PowerOut, PowerDetailOut,
  POWER_CATEGORIES, CHANGE_KINDS,
} from './schema.js';

type Lang = 'zh' | 'en';
const P = z.object({ id: Id });

/** Presenter: one version of an item. */
export function presentPower(r: svc.PowerRow, lang: Lang) {
  return {
    id: r.id, unitId: r.unit_id, unitName: r.unit_name, level: r.list_level, code: r.code, name: r.name, category: r.category,
    categoryLabel: POWER_CATEGORIES[r.category][lang], basis: r.basis, responsibility: r.responsibility, accountability: r.accountability,
    version: r.version, effectiveFrom: r.effective_from, effectiveTo: r.effective_to,
  };
}

async function presentDetail(ctx: AppContext, actor: Actor, id: string, lang: Lang): Promise<z.infer<typeof PowerDetailOut>> {
  const { row, history } = await svc.getPower(ctx.db, actor, id);
  return {
    ...presentPower(row, lang),
    history: history.map((h) => ({
      id: h.id, kind: h.kind, kindLabel: CHANGE_KINDS[h.kind][lang], itemCode: h.code, itemName: h.name, unitName: h.unit_name, toUnitName: h.to_unit_name,
      approvalRef: h.approval_ref, approvedOn: h.approved_on, effectiveOn: h.effective_on, reason: h.reason,
    })),
    canChange: svc.mayChangePowers(actor) && !row.effective_to,
  };
}

/** Power-list routes: the scoped list, changes, Excel in/out and the public query. */
export function powersRoutes(app: App, ctx: AppContext) {
  const tags = ['powers'];
  app.get('/api/v1/powers', { schema: { tags, querystring: PowerListQuery, response: { 200: page(PowerOut) } } }, async (req) => {
    const r = await svc.listPowers(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((x) => presentPower(x, req.lang)) };
  });
  app.get('/api/v1/powers/export', { schema: { tags, querystring: PowerListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await svc.listPowers(ctx.db, activeActorOf(req), { ...req.query, page: 1, pageSize: 100_000 });
    return sendXlsx(reply, '权责清单.xlsx', await exportXlsx(powerSheet, await svc.sheetRowsOf(ctx.db, r.items)));
  });
  importRoutes(app, ctx, '/api/v1/powers/import', powerImport);
  app.post('/api/v1/powers', { schema: { tags, body: AddPowerInput, response: { 201: PowerDetailOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const row = await svc.addPower(ctx.db, actor, req.body);
    return reply.status(201).send(await presentDetail(ctx, actor, row.id, req.lang));
  });
  app.get('/api/v1/powers/:id', { schema: { tags, params: P, response: { 200: PowerDetailOut } } }, async (req) => presentDetail(ctx, activeActorOf(req), req.params.id, req.lang));
  const change = <B extends z.ZodType>(path: string, body: B, run: (a: Actor, id: string, b: z.infer<B>) => Promise<{ id: string }>) =>
    app.post(`/api/v1/powers/:id/${path}`, { schema: { tags, params: P, body, response: { 200: PowerDetailOut } } }, async (req) => {
      const actor = activeActorOf(req);
      const row = await run(actor, req.params.id, req.body as z.infer<B>);
      return presentDetail(ctx, actor, row.id, req.lang);
    });
  change('amend', AmendPowerInput, (a, id, b) => svc.amendPower(ctx.db, a, id, b));
  change('remove', RemovePowerInput, (a, id, b) => svc.removePower(ctx.db, a, id, b));
  change('transfer', TransferPowerInput, (a, id, b) => svc.transferPower(ctx.db, a, id, b));
  // The published list for the public (portal): no sign-in.
  app.get('/api/v1/public/powers', { config: { public: true }, schema: { tags, querystring: PublicPowerQuery, response: { 200: page(PowerOut) } } }, async (req) => {
    const r = await svc.publicPowers(ctx.db, req.query);
    return { ...r, items: r.items.map((x) => presentPower(x, req.lang)) };
  });

  // — "一件事" integrated services —
  app.get('/api/v1/powers/services', { schema: { tags, querystring: ServiceListQuery, response: { 200: page(ServiceSummaryOut) } } }, async (req) => {
    const r = await sv.listServices(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((x) => sv.presentServiceSummary(x, req.lang)) };
  });
  // The catalogue as a spreadsheet (same filters and scope as the list).
  app.get('/api/v1/powers/services/export', { schema: { tags, querystring: ServiceListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await sv.listServices(ctx.db, activeActorOf(req), { ...req.query, page: 1, pageSize: 100_000 });
    const items = await sv.itemsOf(ctx.db, r.items.map((s) => s.id));
    const rows = r.items.map((s) => {
      const its = items.get(s.id) ?? [];
      return {
        code: s.code, name: s.name, leadUnit: s.lead_unit_name, window: s.service_window,
        items: its.map((p) => `${p.code} ${p.name}（${p.unit_name}）`).join('\n'), units: [...new Set(its.map((p) => p.unit_name))].join('、'),
        documents: (s.documents as string[]).map((d, i) => `${i + 1}. ${d}`).join('\n'), promisedDays: s.promised_days, status: SERVICE_STATUSES[s.status].zh, publishedOn: s.published_on ?? undefined,
      };
    });
    return sendXlsx(reply, '一件事服务目录.xlsx', await exportXlsx(serviceSheet, rows));
  });
  app.post('/api/v1/powers/services', { schema: { tags, body: ServiceInput, response: { 201: ServiceOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const row = await sv.createService(ctx.db, actor, req.body);
    return reply.status(201).send(await sv.presentService(ctx.db, actor, row.id, req.lang));
  });
  app.get('/api/v1/powers/services/:id', { schema: { tags, params: P, response: { 200: ServiceOut } } }, async (req) => sv.presentService(ctx.db, activeActorOf(req), req.params.id, req.lang));
  app.put('/api/v1/powers/services/:id', { schema: { tags, params: P, body: ServiceInput, response: { 200: ServiceOut } } }, async (req) => {
    const actor = activeActorOf(req);
    await sv.updateService(ctx.db, actor, req.params.id, req.body);
    return sv.presentService(ctx.db, actor, req.params.id, req.lang);
  });
  app.post('/api/v1/powers/services/:id/publish', { schema: { tags, params: P, body: PublishServiceInput, response: { 200: ServiceOut } } }, async (req) => {
    const actor = activeActorOf(req);
    await sv.publishService(ctx.db, actor, req.params.id, req.body);
    return sv.presentService(ctx.db, actor, req.params.id, req.lang);
  });
  app.post('/api/v1/powers/services/:id/withdraw', { schema: { tags, params: P, body: WithdrawServiceInput, response: { 200: ServiceOut } } }, async (req) => {
    const actor = activeActorOf(req);
    await sv.withdrawService(ctx.db, actor, req.params.id, req.body);
    return sv.presentService(ctx.db, actor, req.params.id, req.lang);
  });
  // The published catalogue for the public (portal): no sign-in.
  app.get('/api/v1/public/services', { config: { public: true }, schema: { tags, querystring: PublicServiceQuery, response: { 200: page(PublicServiceOut) } } }, async (req) => {
    const r = await sv.publicServices(ctx.db, req.query);
    const items = await sv.itemsOf(ctx.db, r.items.map((s) => s.id));
    return {
      ...r,
      items: r.items.map((s) => ({
        ...sv.presentServiceSummary(s, req.lang), documents: s.documents as string[], description: s.description,
        items: (items.get(s.id) ?? []).map((p) => { const { current: _c, ...x } = sv.presentItem(p, req.lang); return x; }),
      })),
    };
  });
}
