/**
 * Organisation look-ups, in one place: every module and import that needs a region or a unit by code,
 * name or id calls these (the units and regions tables are the org module's). Names are only unique
 * within a region — every district has a 区民政局 — so a unit is always looked up *within* a region
 * (its subtree), never by name alone.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/index.js';
import { inRegionPaths, type Actor } from '../../core/scope/index.js';

/** A region as modules see it. */
export interface RegionRef {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
  parent_id: string | null;
}

/** A unit as modules see it. */
export interface UnitRef {
  id: string;
  name: string;
  type: string;
  region_id: string;
}

const REGION_COLS = ['id', 'code', 'name', 'level', 'path', 'parent_id'] as const;

/** The region with a division code. */
export async function regionByCode(db: Db, code: string): Promise<RegionRef | undefined> {
  return db.selectFrom('regions').select(REGION_COLS).where('code', '=', code).executeTakeFirst();
}

/** The region with an id. */
export async function regionById(db: Db, id: string): Promise<RegionRef | undefined> {
  return db.selectFrom('regions').select(REGION_COLS).where('id', '=', id).executeTakeFirst();
}

/**
 * The region an actor works in: the region of their first region grant (office first), else the
 * region of their unit. Used to place new records and to scope imports.
 */
export async function actorRegion(db: Db, actor: Actor): Promise<RegionRef | undefined> {
  const order = ['office', 'leader', 'viewer'] as const;
  for (const role of order) {
    const p = actor.regionPathsByRole[role]?.[0];
    if (p) return db.selectFrom('regions').select(REGION_COLS).where('path', '=', p).executeTakeFirst();
  }
  if (actor.unitId) return unitRegion(db, actor.unitId);
  return undefined;
}

/** The region a unit belongs to. */
export async function unitRegion(db: Db, unitId: string): Promise<RegionRef | undefined> {
  return db
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.id', 'u.region_id')
    .select(['r.id', 'r.code', 'r.name', 'r.level', 'r.path', 'r.parent_id'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}

/** Units in a region's subtree by name: name → units with that name (more than one = ambiguous). */
export async function unitsByNameIn(db: Db, regionPath: string, names: readonly string[]): Promise<Map<string, UnitRef[]>> {
  const out = new Map<string, UnitRef[]>();
  const wanted = [...new Set(names.filter(Boolean))];
  if (!wanted.length) return out;
  const rows = await db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.type', 'u.region_id'])
    .where('u.name', 'in', wanted)
    .where(inRegionPaths('u.region_id', [regionPath]))
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  for (const r of rows) out.set(r.name, [...(out.get(r.name) ?? []), r]);
  return out;
}

/**
 * Every unit with this name, in any region, with its region's code — for the command line, which then
 * refuses an ambiguous name and asks for the region (`--unit-region CODE`).
 */
export async function unitsNamedAnywhere(db: Db, name: string): Promise<(UnitRef & { region_code: string })[]> {
  return db
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.id', 'u.region_id')
    .select(['u.id', 'u.name', 'u.type', 'u.region_id', 'r.code as region_code'])
    .where('u.name', '=', name)
    .orderBy('r.code')
    .orderBy('u.id')
    .execute();
}

/** One unit by name within a region's subtree; undefined when absent or ambiguous. */
export async function unitByNameIn(db: Db, regionPath: string, name: string): Promise<UnitRef | undefined> {
  const found = (await unitsByNameIn(db, regionPath, [name])).get(name) ?? [];
  return found.length === 1 ? found[0] : undefined;
}

/** A unit's name (for a detail page's heading); '' when the unit is gone. */
export async function unitName(db: Db, unitId: string): Promise<string> {
  return (await unitsById(db, [unitId])).get(unitId)?.name ?? '';
}

/** Units by id (for names in lists and messages). */
export async function unitsById(db: Db, ids: readonly string[]): Promise<Map<string, UnitRef>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name', 'type', 'region_id']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The first of the given units that lies in a region's subtree (a unit member's own unit there). */
export async function firstUnitIn(db: Db, unitIds: readonly string[], regionPath: string): Promise<string | undefined> {
  if (!unitIds.length) return undefined;
  const row = await db
    .selectFrom('units as u')
    .select('u.id')
    .where('u.id', 'in', [...unitIds])
    .where(inRegionPaths('u.region_id', [regionPath]))
    .orderBy('u.id')
    .executeTakeFirst();
  return row?.id;
}

/** Whether a unit lies in the subtree of one of the paths (a referenced unit must be in the writer's scope). */
export async function unitWithin(db: Db, unitId: string, paths: readonly string[]): Promise<boolean> {
  if (!paths.length) return false;
  const row = await db.selectFrom('units as u').select(sql<number>`1`.as('one')).where('u.id', '=', unitId).where(inRegionPaths('u.region_id', paths)).executeTakeFirst();
  return !!row;
}

/**
 * SQL condition: the region column is the region of one of the given units (unit staff read records kept
 * at their unit's region, e.g. the year's decision catalogue). `false` when there are no units.
 */
export function inRegionOfUnits(col: string, unitIds: readonly string[]): Expression<SqlBool> {
  const ids = [...new Set(unitIds.filter(Boolean))];
  if (!ids.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(col)} in (select uu.region_id from units uu where uu.id in (${sql.join(ids)}))`;
}

/** SQL condition: the unit column names a unit inside one of the region paths (a reference within scope). */
export function unitInPaths(col: string, paths: readonly string[]): Expression<SqlBool> {
  if (!paths.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(col)} in (select uu.id from units uu where ${inRegionPaths('uu.region_id', paths)})`;
}

/** Whether a region lies in the subtree of one of the paths (null paths = everywhere, for the admin). */
export async function regionWithin(db: Db, regionId: string, paths: readonly string[] | null): Promise<boolean> {
  if (paths === null) return true;
  if (!paths.length) return false;
  const row = await db.selectFrom('regions as g').select(sql<number>`1`.as('one')).where('g.id', '=', regionId).where(inRegionPaths('g.id', paths)).executeTakeFirst();
  return !!row;
}

/** Units of the given types in a region's subtree, in the org's order (e.g. the units a district assesses). */
export async function unitsOfTypesIn(db: Db, regionPath: string, types: readonly string[]): Promise<(UnitRef & { sort: number })[]> {
  if (!types.length) return [];
  return db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.type', 'u.region_id', 'u.sort'])
    .where('u.type', 'in', [...types])
    .where(inRegionPaths('u.region_id', [regionPath]))
    .orderBy('u.sort')
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

/** The regions directly beneath a region (a city's districts, a province's cities), by code. */
export async function childRegions(db: Db, regionId: string): Promise<RegionRef[]> {
  return db.selectFrom('regions').select(REGION_COLS).where('parent_id', '=', regionId).orderBy('code').orderBy('id').execute();
}

/** A region and every region beneath it, by code (for portals and roll-ups across levels). */
export async function regionsWithin(db: Db, regionPath: string): Promise<RegionRef[]> {
  return db.selectFrom('regions').select(REGION_COLS).where(inRegionPaths('id', [regionPath])).orderBy('code').orderBy('id').execute();
}

/** Every region of some levels that has a region above it (cities and districts report to theirs), by code. */
export async function regionsWithParentAt(db: Db, levels: readonly string[]): Promise<RegionRef[]> {
  return db.selectFrom('regions').select(REGION_COLS).where('level', 'in', [...levels] as never).where('parent_id', 'is not', null).orderBy('code').orderBy('id').execute();
}
