import type { Db } from '../../db/index.js';
import type { Msg } from '../errors/index.js';

/** A reporting period (inclusive dates). The year a record belongs to is decided by each metric's definition. */
export interface Period {
  from: string;
  to: string;
}

/** The whole-year period of a calendar year. */
export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** Where a metric is evaluated: a set of regions (a district and everything below it), optionally one unit. */
export interface MetricScope {
  regionIds: string[];
  unitId?: string | null;
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
}

const registry = new Map<string, MetricDef>();

/** Registers metrics (modules call this with their metrics.ts list). */
export function registerMetrics(defs: MetricDef[]) {
  for (const d of defs) {
    if (registry.has(d.id) && registry.get(d.id) !== d) throw new Error(`Duplicate metric ${d.id}`);
    registry.set(d.id, d);
  }
}

/** A registered metric, or undefined. */
export const getMetric = (id: string) => registry.get(id);
/** All registered metrics, sorted by id. */
export const listMetrics = () => [...registry.values()].sort((a, b) => a.id.localeCompare(b.id));

/** A percentage with one decimal, or null when the denominator is 0 (no data, not 0 %). */
export function rate(numerator: number, denominator: number): number | null {
  if (!denominator) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}
