import { z } from 'zod';
import type { App, AppContext, FazhiModule } from '../module.js';
import { actorOf, CSRF_COOKIE, SESSION_COOKIE } from '../http.js';
import { ChangePasswordInput, LoginInput } from '../../../common/schemas.js';
import { MeOut } from '../../../common/core-api.js';
import { changePassword, login, logout } from './service.js';
import type { Actor } from '../scope/index.js';


/** Auth routes: login, logout, me, change password. `modules` supply abilities. */
export function authRoutes(app: App, ctx: AppContext, modules: FazhiModule[]) {
  const me = async (actor: Actor, csrfToken?: string) => {
    const unit = actor.unitId
      ? await ctx.db.selectFrom('units as u').innerJoin('regions as r', 'r.id', 'u.region_id').select(['u.name', 'r.name as region']).where('u.id', '=', actor.unitId).executeTakeFirst()
      : undefined;
    const regionId = actor.grants.find((g) => g.regionId)?.regionId;
    const region = !unit && regionId ? await ctx.db.selectFrom('regions').select('name').where('id', '=', regionId).executeTakeFirst() : undefined;
    // A region grant's level names the role as its holder knows it (依法治市办 at a city, 依法治区办 at a district).
    const regionIds = actor.grants.flatMap((g) => (g.regionId ? [g.regionId] : []));
    const levels = new Map(regionIds.length ? (await ctx.db.selectFrom('regions').select(['id', 'level']).where('id', 'in', regionIds).execute()).map((r) => [r.id, r.level]) : []);
    const abilities: Record<string, boolean> = {};
    for (const m of modules) Object.assign(abilities, m.abilities?.(actor) ?? {});
    return {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      unitId: actor.unitId,
      unitName: unit?.name ?? null,
      regionName: unit?.region ?? region?.name ?? null,
      roles: actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, regionId: g.regionId, level: (g.regionId && levels.get(g.regionId)) || null })),
      mustChangePassword: actor.mustChangePassword,
      abilities,
      csrfToken,
    };
  };

  app.post('/api/v1/auth/login', { config: { public: true }, schema: { tags: ['auth'], body: LoginInput, response: { 200: MeOut } } }, async (req, reply) => {
    const r = await login(ctx.db, ctx.cfg, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
    const opts = { path: '/', sameSite: 'strict' as const, secure: ctx.cfg.secureCookies };
    reply.setCookie(SESSION_COOKIE, r.token, { ...opts, httpOnly: true, maxAge: ctx.cfg.sessionAbsoluteHours * 3600 });
    reply.setCookie(CSRF_COOKIE, r.csrfToken, { ...opts, httpOnly: false, maxAge: ctx.cfg.sessionAbsoluteHours * 3600 });
    return me(r.actor, r.csrfToken);
  });
  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (req, reply) => {
    await logout(ctx.db, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });
  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], response: { 200: MeOut } } }, async (req) => me(actorOf(req), req.csrfToken ?? undefined));
  app.post('/api/v1/auth/password', { schema: { tags: ['auth'], body: ChangePasswordInput, response: { 204: z.null() } } }, async (req, reply) => {
    await changePassword(ctx.db, ctx.cfg, actorOf(req), req.body);
    return reply.status(204).send(null);
  });
}
