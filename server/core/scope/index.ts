import { sql, type Expression, type SqlBool } from 'kysely';
import type { Role } from '../../../common/roles.js';
import type { Db } from '../../db/index.js';
import { forbidden, unauthorized } from '../errors/index.js';

/** A role held over a unit or a region. */
export interface Grant {
  role: Role;
  unitId: string | null;
  regionId: string | null;
}

/**
 * The signed-in person and everything scope needs, computed once per request from their grants.
 * Every scoped query takes the actor first (scope by construction).
 */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  /** The unit the person belongs to (null for region-level staff without one). */
  unitId: string | null;
  grants: Grant[];
  /**
   * Role → paths of the regions granted (e.g. `41/4108/410803`): the scope is each path and everything
   * below it, matched in SQL by `inRegionPaths` — a handful of prefixes whatever the level.
   */
  regionPathsByRole: Partial<Record<Role, string[]>>;
  /** Role → unit ids for unit roles. */
  unitsByRole: Partial<Record<Role, string[]>>;
  /** True for the system admin, who sees every region. */
  isAdmin: boolean;
  mustChangePassword: boolean;
  ip: string | null;
  sessionId?: string;
}

/** Region-wide readers: the office, leaders and city/provincial viewers see their regions and below. */
const REGION_READERS: Role[] = ['office', 'leader', 'viewer'];
/** Unit staff see their unit's records. */
const UNIT_MEMBERS: Role[] = ['unit_head', 'liaison', 'officer', 'advisor'];

/** Which roles may write: the office region-wide, unit heads and liaisons for their unit. */
export interface WritePolicy {
  regionRoles: Role[];
  unitRoles: Role[];
}
/** The default write policy of unit-owned records. */
export const DEFAULT_WRITE: WritePolicy = { regionRoles: ['office'], unitRoles: ['unit_head', 'liaison'] };
/** Only the office (coordinator) writes. */
export const OFFICE_WRITE: WritePolicy = { regionRoles: ['office'], unitRoles: [] };

function uniq(ids: (string | undefined)[]): string[] {
  return [...new Set(ids.filter((x): x is string => !!x))];
}

/** Unit ids whose records the actor reads as a member. */
export function readUnits(actor: Actor): string[] {
  return uniq(UNIT_MEMBERS.flatMap((r) => actor.unitsByRole[r] ?? []));
}

function inList(col: string, ids: string[]): Expression<SqlBool> {
  if (ids.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(col)} in (${sql.join(ids)})`;
}

function orAll(parts: Expression<SqlBool>[]): Expression<SqlBool> {
  if (parts.length === 0) return sql<SqlBool>`false`;
  if (parts.length === 1) return parts[0];
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Column names of a scoped table, qualified as used in the query (e.g. `t.region_id`). */
export interface ScopeCols {
  region: string;
  unit?: string;
}

/**
 * SQL condition: the region column lies in the subtree of one of the paths. The one subtree test of the
 * platform: `regions.path` is a '/'-joined chain of division codes (digits only, so no LIKE wildcards),
 * indexed with text_pattern_ops, so a province and a district run the same query shape.
 */
export function inRegionPaths(col: string, paths: readonly string[]): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`false`;
  const conds = paths.map((p) => sql<SqlBool>`(rg.path = ${p} or rg.path like ${`${p}/%`})`);
  // `= any(array(…))`, not `in (select …)`: the region ids are computed once (an init plan) and the
  // table is then read through its region index even when the condition sits inside an OR (a unit grant
  // beside a region grant). An `in (subquery)` under OR became a filter over every row: a district
  // office's list of 1 M province-wide enforcement cases took 0.7 s instead of 0.04 s.
  return sql<SqlBool>`${sql.ref(col)} = any(array(select rg.id from regions rg where ${sql.join(conds, sql` or `)}))`;
}

/** Region levels that are a government of their own; a subdistrict or community is its district's work. */
const GOVERNMENT_LEVELS = ['province', 'city', 'district'] as const;

/**
 * SQL condition: the region column is a region whose own government is one of the paths' regions — the
 * region itself and what lies beneath it down to the next government: a district's subdistricts and
 * communities are the district's work, a city's districts are not the city's (the city follows them in
 * the roll-up). Used for what a person is asked to do, not for what they may read.
 */
export function inGovernedRegions(col: string, paths: readonly string[]): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`false`;
  const levels = sql.join(GOVERNMENT_LEVELS.map((l) => sql.lit(l)));
  const conds = paths.map((p) => sql<SqlBool>`(rg.path = ${p} or (rg.path like ${`${p}/%`} and not exists (select 1 from regions gm
    where gm.level in (${levels}) and gm.path like ${`${p}/%`} and (rg.path = gm.path or rg.path like gm.path || '/%'))))`);
  return sql<SqlBool>`${sql.ref(col)} = any(array(select rg.id from regions rg where ${sql.join(conds, sql` or `)}))`;
}

/**
 * SQL condition: the reader's own work — records of the regions they govern (`inGovernedRegions`) and of
 * their units. A city office reads every district's records but is asked to do only the city's own.
 */
export function workScope(actor: Actor, cols: ScopeCols): Expression<SqlBool> {
  return regionsOrUnits(actor, cols, inGovernedRegions);
}

/**
 * SQL condition: the region column is the region of one of the units or a region above it (records a
 * region publishes to everything below it, e.g. a catalogue). `false` when there are no units.
 */
export function inRegionsAboveUnits(col: string, unitIds: readonly string[]): Expression<SqlBool> {
  if (unitIds.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`exists (select 1 from units uu join regions ur on ur.id = uu.region_id join regions ir on ir.id = ${sql.ref(col)}
    where uu.id in (${sql.join([...unitIds])}) and (ur.path = ir.path or ur.path like ir.path || '/%'))`;
}

/** Region paths the actor reads region-wide (admin: null = all). */
export function readRegionPaths(actor: Actor): string[] | null {
  if (actor.isAdmin) return null;
  return uniq(REGION_READERS.flatMap((r) => actor.regionPathsByRole[r] ?? []));
}

/** Region paths in which the actor writes region-wide under a policy. */
export function writeRegionPaths(actor: Actor, policy: WritePolicy = DEFAULT_WRITE): string[] {
  return uniq(policy.regionRoles.flatMap((r) => actor.regionPathsByRole[r] ?? []));
}

/** Unit ids in which the actor writes as a member under a policy. */
export function writeUnits(actor: Actor, policy: WritePolicy = DEFAULT_WRITE): string[] {
  return uniq(policy.unitRoles.flatMap((r) => actor.unitsByRole[r] ?? []));
}

/**
 * The read-scope condition, to put in a query's WHERE. Deny by default: an actor with no grant
 * gets `false`. Use it inside the SQL so counts and pages are right.
 */
export function readScope(actor: Actor, cols: ScopeCols): Expression<SqlBool> {
  return regionsOrUnits(actor, cols, inRegionPaths);
}

/** The reader's region grants (matched by `region`) or their units; admin: everything. */
function regionsOrUnits(actor: Actor, cols: ScopeCols, region: (col: string, paths: readonly string[]) => Expression<SqlBool>): Expression<SqlBool> {
  if (!actor) throw unauthorized();
  const paths = readRegionPaths(actor);
  if (paths === null) return sql<SqlBool>`true`;
  // Only the grants the actor has: an `or false` would keep the planner from using the region index.
  const parts: Expression<SqlBool>[] = paths.length ? [region(cols.region, paths)] : [];
  const units = cols.unit ? readUnits(actor) : [];
  if (cols.unit && units.length) parts.push(inList(cols.unit, units));
  return orAll(parts);
}

/** The write-scope condition for a policy (default: office region-wide, unit heads/liaisons own unit). */
export function writeScope(actor: Actor, cols: ScopeCols, policy: WritePolicy = DEFAULT_WRITE): Expression<SqlBool> {
  if (!actor) throw unauthorized();
  const parts: Expression<SqlBool>[] = [];
  const paths = writeRegionPaths(actor, policy);
  if (paths.length) parts.push(inRegionPaths(cols.region, paths));
  if (cols.unit) {
    const units = writeUnits(actor, policy);
    if (units.length) parts.push(inList(cols.unit, units));
  }
  return orAll(parts);
}

/**
 * Whether a new record at (regionId, unitId) may be written by the actor under the policy, checked in
 * SQL against the region tree (for creates; updates use the record core's `lockForWrite`).
 */
export async function mayWriteAt(db: Db, actor: Actor, regionId: string, unitId: string | null, policy: WritePolicy = DEFAULT_WRITE): Promise<boolean> {
  if (unitId && writeUnits(actor, policy).includes(unitId)) return true;
  const paths = writeRegionPaths(actor, policy);
  if (!paths.length) return false;
  const row = await sql<{ ok: boolean }>`select ${inRegionPaths('x.id', paths)} as ok from (select ${regionId}::uuid as id) x`.execute(db);
  return !!row.rows[0]?.ok;
}

/** Throws 403 unless `mayWriteAt` (a create outside the writer's scope is refused, never silently placed). */
export async function assertMayWriteAt(db: Db, actor: Actor, regionId: string, unitId: string | null, policy: WritePolicy = DEFAULT_WRITE) {
  if (!(await mayWriteAt(db, actor, regionId, unitId, policy))) throw forbidden();
}

/** Whether the actor holds any of the roles (admin counts only where listed). */
export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/** Throws 403 unless the actor holds one of the roles — for whole-endpoint role checks. */
export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
  if (!actor) throw unauthorized();
  if (!hasRole(actor, ...roles)) throw forbidden();
  return actor;
}

/** Loads the grants of a user: region grants as their paths (the subtree is matched in SQL), unit grants as ids. */
export async function buildActor(
  db: Db,
  user: { id: string; username: string; display_name: string; unit_id: string | null; must_change_password: boolean },
  ip: string | null,
): Promise<Actor> {
  const rows = await db
    .selectFrom('role_assignments as ra')
    .leftJoin('regions as g', 'g.id', 'ra.region_id')
    .select(['ra.role', 'ra.unit_id', 'ra.region_id', 'g.path'])
    .where('ra.user_id', '=', user.id)
    .execute();
  const grants: Grant[] = rows.map((r) => ({ role: r.role as Role, unitId: r.unit_id, regionId: r.region_id }));
  const regionPathsByRole: Actor['regionPathsByRole'] = {};
  const unitsByRole: Actor['unitsByRole'] = {};
  for (const r of rows) {
    const role = r.role as Role;
    if (r.path) {
      regionPathsByRole[role] = uniq([...(regionPathsByRole[role] ?? []), r.path]);
    }
    if (r.unit_id) unitsByRole[role] = uniq([...(unitsByRole[role] ?? []), r.unit_id]);
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    unitId: user.unit_id,
    grants,
    regionPathsByRole,
    unitsByRole,
    isAdmin: grants.some((g) => g.role === 'admin'),
    mustChangePassword: user.must_change_password,
    ip,
  };
}

/** The audit actor of a request's actor. */
export function auditActor(actor: Actor | null, ip: string | null = actor?.ip ?? null) {
  return { userId: actor?.userId ?? null, name: actor?.displayName ?? null, ip };
}

/**
 * Record access for shared mechanisms (attachments, history timeline): the owning module answers
 * with the record's region and unit if the actor may read (or, for `write`, edit) it, else null (→ 404).
 */
export type RecordAccess = (
  db: Db,
  actor: Actor,
  id: string,
  mode: 'read' | 'write',
) => Promise<{ regionId: string; unitId: string | null } | null>;

const recordAccess = new Map<string, RecordAccess>();

/** Registers how to check access to records of an entity type (modules call this at start). */
export function registerRecordAccess(entity: string, access: RecordAccess) {
  recordAccess.set(entity, access);
}

/** Resolves access to one record of a registered entity type; null when unknown, forbidden or absent. */
export async function resolveRecord(db: Db, actor: Actor, entity: string, id: string, mode: 'read' | 'write') {
  const fn = recordAccess.get(entity);
  if (!fn) return null;
  return fn(db, actor, id, mode);
}
