import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { Id } from '../../../common/schemas.js';
import { OpenFigures, PortalReports, RollupReports, RollupTable } from '../../../common/rollup.js';
import { reportStatus, rollupTable } from './service.js';
import { MODULE_LABELS } from '../../../common/labels.js';
import { openFigures, openFiguresCsv, portalReports } from './portal.js';

const Code = z.string().regex(/^\d{6}$/);
const Year = z.coerce.number().int().min(2000).max(2100);

/** Roll-up routes (city and provincial readers) and the public portal across levels. */
export function rollupRoutes(app: App, ctx: AppContext) {
  const db = ctx.db;
  app.get('/api/v1/rollup', {
    schema: { tags: ['rollup'], querystring: z.object({ region: Code, year: Year, module: z.enum(Object.keys(MODULE_LABELS) as [string, ...string[]]).optional() }), response: { 200: RollupTable } },
  }, async (req) => rollupTable(db, activeActorOf(req), req.query.region, req.query.year, req.query.module, req.lang));

  app.get('/api/v1/rollup/reports', {
    schema: { tags: ['rollup'], querystring: z.object({ region: Code, year: Year }), response: { 200: RollupReports } },
  }, async (req) => reportStatus(db, activeActorOf(req), req.query.region, req.query.year, req.lang));

  // Public portal across levels (no sign-in; published reports only).
  app.get('/api/v1/public/regions/:code/reports', {
    config: { public: true },
    schema: { tags: ['public'], params: z.object({ code: Code }), querystring: z.object({ q: z.string().trim().max(60).optional(), year: Year.optional() }), response: { 200: PortalReports } },
  }, async (req) => portalReports(db, req.params.code, { q: req.query.q || undefined, year: req.query.year }));

  app.get('/api/v1/public/reports/:id/figures', {
    config: { public: true },
    schema: { tags: ['public'], params: z.object({ id: Id }), response: { 200: OpenFigures } },
  }, async (req) => openFigures(db, req.params.id, req.lang));

  // The same table as a CSV file (bytes; the schema names the text it is).
  app.get('/api/v1/public/reports/:id/figures/csv', {
    config: { public: true },
    schema: { tags: ['public'], params: z.object({ id: Id }), response: { 200: z.string().describe('text/csv; charset=utf-8') } },
  }, async (req, reply) => {
    const csv = await openFiguresCsv(await openFigures(db, req.params.id, req.lang), req.lang);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(csv.filename)}`);
    return reply.send(csv.data as unknown as string);
  });
}
