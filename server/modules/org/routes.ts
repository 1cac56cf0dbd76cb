import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { Id, RegionInput, UnitInput, UserInput, UserPatch, GrantInput, GrantOut, RegionList, RegionOut, UnitList, UnitOut, UserList, UserOut } from '../../../common/schemas.js';
import * as org from './service.js';
import { importRoutes, sendXlsx, xlsxResponse } from '../../core/excel/routes.js';
import { exportXlsx } from '../../core/excel/index.js';
import { unitsImport, unitsSheet } from './excel.js';
import { UNIT_TYPES } from '../../../common/roles.js';

/** Presenters: rows → API shapes (never raw rows). */
const presentRegion = (r: { id: string; code: string; name: string; level: string; parent_id: string | null }) => ({ id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id });
const presentUnit = (u: { id: string; name: string; short_name: string | null; code: string | null; type: string; region_id: string; parent_id: string | null; active_from: string | null; active_to: string | null; sort: number; region_name?: string }) => ({
  id: u.id, name: u.name, shortName: u.short_name, code: u.code, type: u.type, regionId: u.region_id, parentId: u.parent_id,
  activeFrom: u.active_from, activeTo: u.active_to, sort: u.sort, regionName: u.region_name,
});
const presentGrant = (g: { id: string; role: string; unit_id: string | null; region_id: string | null }) => ({ id: g.id, role: g.role, unitId: g.unit_id, regionId: g.region_id });

/** Organisation routes: regions, units, users and role grants. */
export function orgRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/regions', { schema: { tags: ['org'], response: { 200: RegionList } } }, async (req) => {
    const items = await org.listRegions(ctx.db, activeActorOf(req));
    return { items: items.map(presentRegion) };
  });
  app.post('/api/v1/regions', { schema: { tags: ['org'], body: RegionInput, response: { 201: RegionOut } } }, async (req, reply) => {
    const row = await org.createRegion(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(presentRegion(row));
  });

  app.get('/api/v1/units', {
    schema: {
      tags: ['org'],
      querystring: z.object({ regionId: Id.optional(), type: z.string().max(30).optional(), q: z.string().max(50).optional(), includeInactive: z.enum(['0', '1']).optional() }),
      response: { 200: UnitList },
    },
  }, async (req) => {
    const q = req.query;
    const items = await org.listUnits(ctx.db, activeActorOf(req), { ...q, includeInactive: q.includeInactive === '1' });
    return { items: items.map(presentUnit) };
  });
  app.get('/api/v1/units/export', {
    schema: { tags: ['org'], querystring: z.object({ regionId: Id.optional(), type: z.string().max(30).optional(), q: z.string().max(50).optional() }), response: xlsxResponse() },
  }, async (req, reply) => {
    const items = await org.listUnits(ctx.db, activeActorOf(req), req.query);
    const rows = items.map((u) => ({ name: u.name, shortName: u.short_name ?? undefined, type: UNIT_TYPES[u.type as keyof typeof UNIT_TYPES]?.zh ?? u.type, regionCode: u.region_code, activeFrom: u.active_from ?? undefined }));
    return sendXlsx(reply, '单位.xlsx', await exportXlsx(unitsSheet, rows));
  });
  importRoutes(app, ctx, '/api/v1/units/import', unitsImport);
  app.get('/api/v1/units/:id', { schema: { tags: ['org'], params: z.object({ id: Id }), response: { 200: UnitOut } } }, async (req) =>
    presentUnit(await org.getUnit(ctx.db, activeActorOf(req), req.params.id)),
  );
  app.post('/api/v1/units', { schema: { tags: ['org'], body: UnitInput, response: { 201: UnitOut } } }, async (req, reply) => {
    const row = await org.createUnit(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(presentUnit(row));
  });
  app.put('/api/v1/units/:id', { schema: { tags: ['org'], params: z.object({ id: Id }), body: UnitInput, response: { 200: UnitOut } } }, async (req) =>
    presentUnit(await org.updateUnit(ctx.db, activeActorOf(req), req.params.id, req.body)),
  );

  app.get('/api/v1/users', {
    schema: { tags: ['org'], querystring: z.object({ q: z.string().max(50).optional(), unitId: Id.optional() }), response: { 200: UserList } },
  }, async (req) => {
    const rows = await org.listUsers(ctx.db, activeActorOf(req), req.query);
    return {
      items: rows.map((u) => ({
        id: u.id, username: u.username, displayName: u.display_name, unitId: u.unit_id, unitName: u.unit_name, active: u.active,
        locked: !!u.locked_until && u.locked_until > new Date(), phone: u.phone, mustChangePassword: u.must_change_password, grants: u.grants.map(presentGrant),
      })),
    };
  });
  app.post('/api/v1/users', { schema: { tags: ['org'], body: UserInput, response: { 201: UserOut } } }, async (req, reply) => {
    const u = await org.createUser(ctx.db, ctx.cfg, activeActorOf(req), req.body);
    return reply.status(201).send({ id: u.id, username: u.username, displayName: u.display_name, unitId: u.unit_id, active: u.active });
  });
  app.patch('/api/v1/users/:id', { schema: { tags: ['org'], params: z.object({ id: Id }), body: UserPatch, response: { 200: UserOut } } }, async (req) => {
    const u = await org.updateUser(ctx.db, activeActorOf(req), req.params.id, req.body);
    return { id: u.id, username: u.username, displayName: u.display_name, unitId: u.unit_id, active: u.active, phone: u.phone };
  });
  app.post('/api/v1/users/:id/reset-password', {
    schema: { tags: ['org'], params: z.object({ id: Id }), body: z.object({ password: z.string().min(1).max(128) }), response: { 204: z.null() } },
  }, async (req, reply) => {
    await org.resetPassword(ctx.db, ctx.cfg, activeActorOf(req), req.params.id, req.body.password);
    return reply.status(204).send(null);
  });
  app.post('/api/v1/users/:id/grants', { schema: { tags: ['org'], params: z.object({ id: Id }), body: GrantInput, response: { 201: GrantOut } } }, async (req, reply) => {
    const g = await org.addGrant(ctx.db, activeActorOf(req), req.params.id, req.body);
    return reply.status(201).send(presentGrant(g));
  });
  app.delete('/api/v1/users/:id/grants/:grantId', { schema: { tags: ['org'], params: z.object({ id: Id, grantId: Id }), response: { 204: z.null() } } }, async (req, reply) => {
    await org.removeGrant(ctx.db, activeActorOf(req), req.params.id, req.params.grantId);
    return reply.status(204).send(null);
  });
}
