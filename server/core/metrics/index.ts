import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/index.js';
import { badRequest, type Msg } from '../errors/index.js';
import { inRegionPaths } from '../scope/index.js';

/** A reporting period (inclusive dates). The year a record belongs to is decided by each metric's definition. */
export interface Period {
  from: string;
  to: string;
}

/** The whole-year period of a calendar year. */
export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * Which levels of the region a scope takes: `all` (default) the region and everything below it; `own` the
 * region's own level only (a city's 市本级 records); `below` everything strictly below it (the city's
 * districts together). `all` = `own` + `below` for counts; a rate is recomputed from each level's records.
 */
export type MetricLevel = 'all' | 'own' | 'below';

/** Where a metric is evaluated: a region and everything below it, optionally one unit. */
export interface MetricScope {
  /** Path of the region (`41/4108/410803`); the scope is it and everything below it. */
  regionPath: string;
  unitId?: string | null;
  /** Levels of the region taken (default `all`). */
  level?: MetricLevel;
}

/** SQL condition: a region column lies in the scope's region at the scope's levels (unit ignored). */
export function inMetricRegion(scope: MetricScope, regionCol: string): Expression<SqlBool> {
  const level = scope.level ?? 'all';
  if (level === 'all') return inRegionPaths(regionCol, [scope.regionPath]);
  const cond = level === 'own' ? sql<SqlBool>`rg.path = ${scope.regionPath}` : sql<SqlBool>`rg.path like ${`${scope.regionPath}/%`}`;
  return sql<SqlBool>`${sql.ref(regionCol)} in (select rg.id from regions rg where ${cond})`;
}

/** SQL condition: a record (region column, optional unit column) lies in the metric's scope. */
export function inMetricScope(scope: MetricScope, regionCol: string, unitCol?: string): Expression<SqlBool> {
  const region = inMetricRegion(scope, regionCol);
  if (!scope.unitId) return region;
  if (!unitCol) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${region} and ${sql.ref(unitCol)} = ${scope.unitId})`;
}

/** A dimension to break a figure down by: the owning unit, the month of its date, or a named category. */
export type MetricDim = 'unit' | 'month' | (string & {});

/** One row of a breakdown. */
export interface BreakdownRow {
  /** The unit id, `YYYY-MM`, or the category value ('' when none). */
  key: string;
  /** What a person reads: the unit's name, the month, or the category's label. */
  label: string;
  value: number;
}

/** One record behind a figure (for click-through and for snapshots). */
export interface MetricRecord {
  id: string;
  entity: string;
  label: string;
  date?: string | null;
  unitName?: string | null;
  /** Content hash of the fields that matter to the figure (for "changed since submission"). */
  hash?: string;
}

/** Unit of a metric's value, which decides its formats. */
export type MetricUnit = 'count' | 'percent' | 'yuan' | 'person' | 'person_time' | 'item';

/**
 * A figure with one definition, used by the report, dashboards and the API alike.
 * `compute` returns null when the module holds no data for the period ("no data", never 0 made up).
 */
export interface MetricDef {
  /** e.g. `disputes.reconsideration.onTimeRate` */
  id: string;
  module: string;
  label: Msg;
  unit: MetricUnit;
  /** Precise written definition: what is counted, which date decides the period, what is excluded. */
  definition: Msg;
  compute(db: Db, scope: MetricScope, period: Period): Promise<number | null>;
  records(db: Db, scope: MetricScope, period: Period): Promise<MetricRecord[]>;
  /** Dimensions the figure can be broken down by in SQL (counts only: a rate is never summed). */
  dims?: { dim: MetricDim; label: Msg }[];
  /** The figure grouped by a dimension, computed in SQL with the same definition as `compute`. */
  breakdown?(db: Db, scope: MetricScope, period: Period, dim: MetricDim): Promise<BreakdownRow[]>;
  /** The SQL of `compute` for review (`npm run metrics:sql` writes every metric's to docs/metrics/). */
  sql?(db: Db): string;
}

/** A category column a count metric can be grouped by. */
export interface CountCategory {
  /** The SQL column (qualified with the base query's alias). */
  col: string;
  label: Msg;
  /** zh labels of the column's values (codes never reach a person). */
  values: Record<string, Msg>;
}

/** How a count metric is declared: a base query of its records, and the columns the period and dimensions use. */
export interface CountMetricSpec {
  id: string;
  module: string;
  label: Msg;
  unit?: MetricUnit;
  definition: Msg;
  /** The records counted, scoped (use `inMetricScope`) and filtered, without the period. */
  base: (db: Db, scope: MetricScope) => SelectQueryBuilder<any, any, any>;
  /** The record's id (counted distinct). */
  idCol: string;
  /** The date that places a record in the period. */
  dateCol: string;
  /** The owning unit (for the unit dimension); the base query should join `units as u` on it when set. */
  unitCol?: string;
  /** The entity name of the records (click-through, snapshots). */
  entity: string;
  /** SQL for each record's label in the list behind the figure. */
  labelSql: Expression<string>;
  /** SQL of the unit's name, when the base joins units. */
  unitNameSql?: Expression<string>;
  /** Category columns the figure can be grouped by. */
  categories?: Record<string, CountCategory>;
  /**
   * When the figure is "no data" rather than 0: `never` (0 is a real zero), or `noRecords` (no record of
   * the kind in scope at all, whatever the period: the module is not in use there).
   */
  nullWhen?: 'never' | 'noRecords';
}

type Compute = MetricDef['compute'];
type ComputeMany = (db: Db, scopes: MetricScope[], period: Period) => Promise<(number | null)[]>;
/**
 * Evaluations of a `compute` for several scopes in one query, keyed by the compute function itself: a
 * metric that spreads a count metric and overrides `compute` (e.g. 0 → no data) loses it, and is
 * evaluated scope by scope with its own definition.
 */
const manyOf = new WeakMap<Compute, ComputeMany>();
const withMany = (compute: Compute, many: ComputeMany): Compute => {
  manyOf.set(compute, many);
  return compute;
};

/** A metric for several scopes (a roll-up's columns): one query when its definition allows, else one per scope. */
export function computeForScopes(m: MetricDef, db: Db, scopes: MetricScope[], period: Period): Promise<(number | null)[]> {
  const many = manyOf.get(m.compute);
  return many ? many(db, scopes, period) : Promise.all(scopes.map((s) => m.compute(db, s, period)));
}

/** Builds a count metric — compute, records, breakdown and its SQL — from one definition. */
export function defineCountMetric(spec: CountMetricSpec): MetricDef {
  const inPeriod = (qb: SelectQueryBuilder<any, any, any>, p: Period) =>
    qb.where(sql.ref(spec.dateCol), '>=', p.from).where(sql.ref(spec.dateCol), '<=', p.to);
  const countSql = sql<number>`count(distinct ${sql.ref(spec.idCol)})`;
  const dims: { dim: MetricDim; label: Msg }[] = [
    ...(spec.unitCol ? [{ dim: 'unit', label: { zh: '按单位', en: 'By unit' } }] : []),
    { dim: 'month', label: { zh: '按月份', en: 'By month' } },
    ...Object.entries(spec.categories ?? {}).map(([k, c]) => ({ dim: k, label: c.label })),
  ];
  const empty = async (db: Db, scope: MetricScope) =>
    spec.nullWhen === 'noRecords' && !(await spec.base(db, scope).select(sql`1`.as('one')).limit(1).executeTakeFirst());
  const many: ComputeMany = async (db, scopes, period) => {
    if (!scopes.length) return [];
    // One statement: the count of each scope, unioned (one round trip for a roll-up's columns).
    const parts = scopes.map((s, i) => sql`(${inPeriod(spec.base(db, s), period).select([sql.lit(i).as('k'), countSql.as('n')])})`);
    const rows = (await sql<{ k: number; n: number }>`${sql.join(parts, sql` union all `)}`.execute(db)).rows;
    const counts = new Map(rows.map((r) => [Number(r.k), Number(r.n)]));
    return Promise.all(scopes.map(async (s, i) => {
      const n = counts.get(i) ?? 0;
      return n === 0 && (await empty(db, s)) ? null : n;
    }));
  };
  return {
    id: spec.id,
    module: spec.module,
    label: spec.label,
    unit: spec.unit ?? 'count',
    definition: spec.definition,
    dims,
    compute: withMany(async (db, scope, period) => {
      const row = await inPeriod(spec.base(db, scope), period).select(countSql.as('n')).executeTakeFirst();
      const n = Number((row as { n?: number } | undefined)?.n ?? 0);
      if (n === 0 && (await empty(db, scope))) return null;
      return n;
    }, many),
    async records(db, scope, period) {
      const rows = (await inPeriod(spec.base(db, scope), period)
        .select([
          sql<string>`${sql.ref(spec.idCol)}`.as('id'),
          sql<string>`${spec.labelSql}`.as('label'),
          sql<string>`to_char(${sql.ref(spec.dateCol)}, 'YYYY-MM-DD')`.as('date'),
          (spec.unitNameSql ? sql<string | null>`${spec.unitNameSql}` : sql<string | null>`null`).as('unit_name'),
        ])
        .distinctOn(sql.ref(spec.idCol) as any)
        .orderBy(sql.ref(spec.idCol))
        .execute()) as { id: string; label: string; date: string | null; unit_name: string | null }[];
      return rows
        .map((r) => ({ id: r.id, entity: spec.entity, label: r.label, date: r.date, unitName: r.unit_name }))
        .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
    },
    async breakdown(db, scope, period, dim) {
      const q = inPeriod(spec.base(db, scope), period);
      if (dim === 'unit' && spec.unitCol) {
        const rows = (await q
          .select([sql<string>`${sql.ref(spec.unitCol)}`.as('key'), sql<string>`coalesce(${spec.unitNameSql ?? sql`''`}, '')`.as('label'), countSql.as('value')])
          .groupBy([sql.ref(spec.unitCol), ...(spec.unitNameSql ? [spec.unitNameSql] : [])] as any)
          .orderBy(sql`3`, 'desc')
          .orderBy(sql`1`)
          .execute()) as BreakdownRow[];
        return rows.map((r) => ({ ...r, key: r.key ?? '', value: Number(r.value) }));
      }
      if (dim === 'month') {
        const m = sql<string>`to_char(${sql.ref(spec.dateCol)}, 'YYYY-MM')`;
        const rows = (await q.select([m.as('key'), countSql.as('value')]).groupBy(m as any).orderBy(sql`1`).execute()) as { key: string; value: number }[];
        return rows.map((r) => ({ key: r.key, label: r.key, value: Number(r.value) }));
      }
      const cat = spec.categories && Object.hasOwn(spec.categories, dim) ? spec.categories[dim] : undefined;
      if (cat) {
        const rows = (await q
          .select([sql<string>`coalesce(${sql.ref(cat.col)}::text, '')`.as('key'), countSql.as('value')])
          .groupBy(sql.ref(cat.col) as any)
          .orderBy(sql`2`, 'desc')
          .orderBy(sql`1`)
          .execute()) as { key: string; value: number }[];
        return rows.map((r) => ({ key: r.key, label: cat.values[r.key]?.zh ?? (r.key || '未填写'), value: Number(r.value) }));
      }
      throw badDim(dim);
    },
    sql(db) {
      const scope: MetricScope = { regionPath: ':regionPath' };
      return inPeriod(spec.base(db, scope), { from: ':from', to: ':to' }).select(countSql.as('n')).compile().sql;
    },
  };
}

/** 400 for a dimension a figure cannot be broken down by. */
export const badDim = (dim: string) =>
  badRequest('METRIC_DIM_UNSUPPORTED', { zh: `该指标不能按“${dim}”分组统计`, en: `This figure cannot be broken down by ${dim}` });

const registry = new Map<string, MetricDef>();

/** Registers metrics (modules call this with their metrics.ts list). */
export function registerMetrics(defs: MetricDef[]) {
  for (const d of defs) {
    if (registry.has(d.id) && registry.get(d.id) !== d) throw new Error(`Duplicate metric ${d.id}`);
    registry.set(d.id, d);
  }
}

/**
 * Level modifiers a figure's id can carry (a report placeholder names a rolled-up figure with them):
 * `below.<metric>` = the figure over every region beneath the scope's region (全市各县区合计), `own.<metric>` =
 * the region's own level only (市本级). Same definition, same SQL, only the scope's levels differ.
 */
export const LEVEL_MODIFIERS: Record<'below' | 'own', { level: MetricLevel; zh: string; en: string }> = {
  below: { level: 'below', zh: '（下辖各地区合计）', en: ' (all regions beneath)' },
  own: { level: 'own', zh: '（本级）', en: ' (own level)' },
};
const levelled = new Map<string, MetricDef>();

/** The metric at other levels of its scope (see `LEVEL_MODIFIERS`). */
export function atLevel(m: MetricDef, modifier: keyof typeof LEVEL_MODIFIERS): MetricDef {
  const key = `${modifier}.${m.id}`;
  const known = levelled.get(key);
  if (known && known.module === m.module) return known;
  const mod = LEVEL_MODIFIERS[modifier];
  const at = (s: MetricScope): MetricScope => ({ ...s, level: mod.level });
  const def: MetricDef = {
    ...m,
    id: key,
    label: { zh: `${m.label.zh}${mod.zh}`, en: `${m.label.en}${mod.en}` },
    compute: withMany((db, s, p) => m.compute(db, at(s), p), (db, ss, p) => computeForScopes(m, db, ss.map(at), p)),
    records: (db, s, p) => m.records(db, at(s), p),
    ...(m.breakdown ? { breakdown: (db: Db, s: MetricScope, p: Period, d: MetricDim) => m.breakdown!(db, at(s), p, d) } : {}),
  };
  levelled.set(key, def);
  return def;
}

/** A registered metric (or a registered metric with a level modifier, `below.…` / `own.…`), or undefined. */
export const getMetric = (id: string): MetricDef | undefined => {
  const direct = registry.get(id);
  if (direct) return direct;
  const dot = id.indexOf('.');
  const modifier = id.slice(0, dot);
  if (dot > 0 && Object.hasOwn(LEVEL_MODIFIERS, modifier)) {
    const base = registry.get(id.slice(dot + 1));
    if (base) return atLevel(base, modifier as keyof typeof LEVEL_MODIFIERS);
  }
  return undefined;
};
/** All registered metrics, sorted by id. */
export const listMetrics = () => [...registry.values()].sort((a, b) => a.id.localeCompare(b.id));

/** A percentage with one decimal, or null when the denominator is 0 (no data, not 0 %). */
export function rate(numerator: number, denominator: number): number | null {
  if (!denominator) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** The metric scope of a region (and everything below it), optionally narrowed to one unit. */
export async function metricScopeOf(db: Db, regionId: string, unitId?: string | null): Promise<MetricScope> {
  const r = await db.selectFrom('regions').select('path').where('id', '=', regionId).executeTakeFirst();
  // An unknown region scopes nothing ('-' is no region's path).
  if (!r) return { regionPath: '-', unitId: unitId ?? null };
  return { regionPath: r.path, ...(unitId ? { unitId } : {}) };
}
