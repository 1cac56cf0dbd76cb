import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import type { Config } from '../../config.js';
import { recordAudit } from '../../core/audit/index.js';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors/index.js';
import { auditActor, inRegionPaths, readRegionPaths, readScope, type Actor } from '../../core/scope/index.js';
import { hashPassword } from '../../core/auth/password.js';
import { assertPasswordPolicy, invalidateSessionCache } from '../../core/auth/service.js';
import type { RegionInput, UnitInput, UserInput, UserPatch, GrantInput } from '../../../common/schemas.js';
import { REGION_ROLES, UNIT_ROLES, type Role } from '../../../common/roles.js';
import { inRegionOfUnits } from './lookup.js';
import { mayManageRegion, Units } from './records.js';

const USER = { zh: '用户', en: 'User' };

/** Regions the actor can see: their granted regions and below (by path), plus the regions of their units (admin: all). */
export async function listRegions(db: Db, actor: Actor) {
  const paths = readRegionPaths(actor);
  return db
    .selectFrom('regions as g')
    .select(['g.id', 'g.code', 'g.name', 'g.level', 'g.parent_id', 'g.path'])
    .$if(paths !== null, (q) =>
      q.where(sql<boolean>`(${inRegionPaths('g.id', paths ?? [])} or ${inRegionOfUnits('g.id', actor.grants.map((x) => x.unitId ?? ''))})`),
    )
    .orderBy('g.path')
    .execute();
}

/** Adds a region (admin only). */
export async function createRegion(db: Kysely<Database>, actor: Actor, input: z.infer<typeof RegionInput>) {
  if (!actor.isAdmin) throw forbidden();
  return db.transaction().execute(async (trx) => {
    let path = input.code;
    if (input.parentId) {
      const parent = await trx.selectFrom('regions').select(['path']).where('id', '=', input.parentId).executeTakeFirst();
      if (!parent) throw badRequest('PARENT_NOT_FOUND', { zh: '上级区域不存在', en: 'Parent region not found' }, { fields: [{ path: 'parentId', message: '上级区域不存在' }] });
      path = `${parent.path}/${input.code}`;
    }
    const dup = await trx.selectFrom('regions').select('id').where('code', '=', input.code).executeTakeFirst();
    if (dup) throw conflict('REGION_CODE_TAKEN', { zh: `行政区划代码${input.code}已存在`, en: `Region code ${input.code} exists` });
    const row = await trx
      .insertInto('regions')
      .values({ code: input.code, name: input.name, level: input.level, parent_id: input.parentId, path })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), { entity: 'region', entityId: row.id, action: 'create', regionId: row.id, after: row });
    return row;
  });
}

/** Units the actor can see (scope in the SQL), with optional filters. */
export async function listUnits(db: Db, actor: Actor, f: { regionId?: string; type?: string; q?: string; includeInactive?: boolean } = {}) {
  return Units.query(db, actor)
    .innerJoin('regions as r', 'r.id', 'u.region_id')
    .select(['u.id', 'u.name', 'u.short_name', 'u.code', 'u.type', 'u.region_id', 'u.parent_id', 'u.active_from', 'u.active_to', 'u.sort', 'r.name as region_name', 'r.code as region_code'])
    .$if(!!f.regionId, (q) => q.where('u.region_id', '=', f.regionId!))
    .$if(!!f.type, (q) => q.where('u.type', '=', f.type!))
    .$if(!!f.q, (q) => q.where('u.name', 'like', `%${f.q}%`))
    .$if(!f.includeInactive, (q) => q.where((eb) => eb.or([eb('u.active_to', 'is', null), eb('u.active_to', '>=', sql<string>`current_date`)])))
    .orderBy('r.path')
    .orderBy('u.sort')
    .orderBy('u.name')
    .orderBy('u.id')
    .execute() as Promise<UnitListRow[]>;
}

/** A unit as the list shows it. */
export type UnitListRow = Selectable<Database['units']> & { region_name: string; region_code: string };

/** One unit, if visible. */
export async function getUnit(db: Db, actor: Actor, id: string) {
  return Units.get(db, actor, id);
}

/** Creates a unit (admin anywhere; the office within its regions). */
export async function createUnit(db: Kysely<Database>, actor: Actor, input: z.infer<typeof UnitInput>) {
  return db.transaction().execute(async (trx) => {
    if (!(await mayManageRegion(trx, actor, input.regionId))) throw forbidden();
    const region = await trx.selectFrom('regions').select('id').where('id', '=', input.regionId).executeTakeFirst();
    if (!region) throw badRequest('REGION_NOT_FOUND', { zh: '所属区域不存在', en: 'Region not found' }, { fields: [{ path: 'regionId', message: '所属区域不存在' }] });
    const dup = await trx.selectFrom('units').select('id').where('region_id', '=', input.regionId).where('name', '=', input.name).executeTakeFirst();
    if (dup) throw conflict('UNIT_NAME_TAKEN', { zh: `该区域已有名为“${input.name}”的单位`, en: `A unit named ${input.name} exists in this region` });
    const row = await trx
      .insertInto('units')
      .values({
        name: input.name,
        short_name: input.shortName ?? null,
        code: input.code ?? null,
        type: input.type,
        region_id: input.regionId,
        parent_id: input.parentId ?? null,
        active_from: input.activeFrom ?? null,
        active_to: input.activeTo ?? null,
        sort: input.sort ?? 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Created by the admin or the office (checked above, admin included), so audited here rather than through Units.insert.
    await Units.audit(trx, actor, 'create', null, row);
    return row;
  });
}

/** Edits a unit (same rights as create); locks the row and audits before/after. */
export async function updateUnit(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof UnitInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await Units.lockForWrite(trx, actor, id);
    if (!(await mayManageRegion(trx, actor, input.regionId))) throw forbidden();
    return Units.update(trx, actor, before, {
        name: input.name,
        short_name: input.shortName ?? null,
        code: input.code ?? null,
        type: input.type,
        region_id: input.regionId,
        parent_id: input.parentId ?? null,
        active_from: input.activeFrom ?? null,
        active_to: input.activeTo ?? null,
        sort: input.sort ?? before.sort,
    });
  });
}

/** Users the actor can see: admin all; the office, users of units in its regions. */
export async function listUsers(db: Db, actor: Actor, f: { q?: string; unitId?: string } = {}) {
  const users = await db
    .selectFrom('users as u')
    .leftJoin('units as un', 'un.id', 'u.unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.unit_id', 'un.name as unit_name', 'u.active', 'u.locked_until', 'u.phone', 'u.must_change_password', 'u.created_at'])
    .$if(!actor.isAdmin, (q) => q.where((eb) => eb.and([eb('un.id', 'is not', null), readScope(actor, { region: 'un.region_id' })])))
    .$if(!!f.q, (q) => q.where((eb) => eb.or([eb('u.username', 'like', `%${f.q}%`), eb('u.display_name', 'like', `%${f.q}%`)])))
    .$if(!!f.unitId, (q) => q.where('u.unit_id', '=', f.unitId!))
    .orderBy('u.username')
    .execute();
  const grants = users.length
    ? await db.selectFrom('role_assignments').select(['id', 'user_id', 'role', 'unit_id', 'region_id']).where('user_id', 'in', users.map((u) => u.id)).execute()
    : [];
  return users.map((u) => ({ ...u, grants: grants.filter((g) => g.user_id === u.id) }));
}

async function checkGrant(trx: Db, g: z.infer<typeof GrantInput>) {
  const role = g.role as Role;
  if (REGION_ROLES.includes(role) && !g.regionId)
    throw badRequest('GRANT_NEEDS_REGION', { zh: '该角色须指定区域', en: 'This role is granted over a region' }, { fields: [{ path: 'grants', message: '该角色须指定区域' }] });
  if (UNIT_ROLES.includes(role) && !g.unitId)
    throw badRequest('GRANT_NEEDS_UNIT', { zh: '该角色须指定单位', en: 'This role is granted over a unit' }, { fields: [{ path: 'grants', message: '该角色须指定单位' }] });
  if (g.regionId && !(await trx.selectFrom('regions').select('id').where('id', '=', g.regionId).executeTakeFirst()))
    throw badRequest('REGION_NOT_FOUND', { zh: '区域不存在', en: 'Region not found' });
  if (g.unitId && !(await trx.selectFrom('units').select('id').where('id', '=', g.unitId).executeTakeFirst()))
    throw badRequest('UNIT_NOT_FOUND', { zh: '单位不存在', en: 'Unit not found' });
}

/** Creates a user with grants (admin only). The user must change the password at first sign-in. */
export async function createUser(db: Kysely<Database>, cfg: Config, actor: Actor, input: z.infer<typeof UserInput>, opts: { mustChange?: boolean } = {}) {
  if (!actor.isAdmin) throw forbidden();
  assertPasswordPolicy(input.password, input.username, 'password');
  const hash = await hashPassword(input.password, cfg.scryptN);
  return db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (dup) throw conflict('USERNAME_TAKEN', { zh: `用户名${input.username}已被使用`, en: `Username ${input.username} is taken` }, { fields: [{ path: 'username', message: '用户名已被使用' }] });
    if (input.unitId && !(await trx.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst()))
      throw badRequest('UNIT_NOT_FOUND', { zh: '单位不存在', en: 'Unit not found' }, { fields: [{ path: 'unitId', message: '单位不存在' }] });
    for (const g of input.grants) await checkGrant(trx, g);
    const row = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        unit_id: input.unitId ?? null,
        phone: input.phone ?? null,
        password_hash: hash,
        must_change_password: opts.mustChange ?? true,
      })
      .returning(['id', 'username', 'display_name', 'unit_id', 'active'])
      .executeTakeFirstOrThrow();
    for (const g of input.grants)
      await trx.insertInto('role_assignments').values({ user_id: row.id, role: g.role, unit_id: g.unitId ?? null, region_id: g.regionId ?? null }).execute();
    await recordAudit(trx, auditActor(actor), { entity: 'user', entityId: row.id, action: 'create', unitId: row.unit_id, after: { ...row, grants: input.grants } });
    return row;
  });
}

/** Edits a user's name, unit, phone or active flag (admin only). Deactivation ends their sessions. */
export async function updateUser(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof UserPatch>) {
  if (!actor.isAdmin) throw forbidden();
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select(['id', 'username', 'display_name', 'unit_id', 'phone', 'active']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound(USER);
    const after = await trx
      .updateTable('users')
      .set({
        display_name: input.displayName ?? before.display_name,
        unit_id: input.unitId === undefined ? before.unit_id : input.unitId,
        phone: input.phone === undefined ? before.phone : input.phone,
        active: input.active ?? before.active,
      })
      .where('id', '=', id)
      .returning(['id', 'username', 'display_name', 'unit_id', 'phone', 'active'])
      .executeTakeFirstOrThrow();
    if (!after.active) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordAudit(trx, auditActor(actor), { entity: 'user', entityId: id, action: 'update', unitId: after.unit_id, before, after });
    return after;
  }).finally(invalidateSessionCache);
}

/** Sets a new initial password (admin), unlocks, and requires a change at next sign-in. */
export async function resetPassword(db: Kysely<Database>, cfg: Config, actor: Actor | null, id: string, password: string) {
  if (actor && !actor.isAdmin) throw forbidden();
  const user = await db.selectFrom('users').select(['id', 'username']).where('id', '=', id).executeTakeFirst();
  if (!user) throw notFound(USER);
  assertPasswordPolicy(password, user.username, 'password');
  const hash = await hashPassword(password, cfg.scryptN);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: true, failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordAudit(trx, auditActor(actor, actor?.ip ?? 'cli'), { entity: 'user', entityId: id, action: 'reset_password' });
  });
  invalidateSessionCache();
}

/** Grants a role (admin). */
export async function addGrant(db: Kysely<Database>, actor: Actor | null, userId: string, g: z.infer<typeof GrantInput>) {
  if (actor && !actor.isAdmin) throw forbidden();
  return db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst())) throw notFound(USER);
    await checkGrant(trx, g);
    const row = await trx
      .insertInto('role_assignments')
      .values({ user_id: userId, role: g.role, unit_id: g.unitId ?? null, region_id: g.regionId ?? null })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw conflict('GRANT_EXISTS', { zh: '该用户已有此角色', en: 'The user already has this role' });
    await recordAudit(trx, auditActor(actor, actor?.ip ?? 'cli'), { entity: 'role_assignment', entityId: row.id, action: 'create', after: row });
    return row;
  }).finally(invalidateSessionCache);
}

/** Revokes a role (admin). */
export async function removeGrant(db: Kysely<Database>, actor: Actor, userId: string, grantId: string) {
  if (!actor.isAdmin) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const before = await trx.deleteFrom('role_assignments').where('id', '=', grantId).where('user_id', '=', userId).returningAll().executeTakeFirst();
    if (!before) throw notFound({ zh: '角色', en: 'Role' });
    await recordAudit(trx, auditActor(actor), { entity: 'role_assignment', entityId: grantId, action: 'delete', before });
  });
  invalidateSessionCache();
}
