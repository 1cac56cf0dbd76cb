/**
 * Statistical tables of reconsideration and litigation (by case type, respondent unit, outcome, month),
 * for the statistics page and the statutory tables exported to Excel. Every row is counted in SQL
 * (`group by`) over the same scoped bases as the registered metrics, and the rates are the metrics
 * themselves, so a figure has one definition.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import type { MetricScope, Period } from '../../core/metrics/index.js';
import { RECON_CORRECTIVE } from '../../../common/disputes.js';
import {
  handledIn, reconAccepted, reconBase, reconConcluded, reconCorrectionRate, reconOnTimeRate, suitsClosed, suitsHandled, suitsHeadAppearanceRate, suitsLossRate, suitsPending,
} from './metrics.js';

/** One row of the reconsideration table. */
export interface ReconStatRow { dimension: string; category: string; received: number; accepted: number; concluded: number; corrective: number; onTime: number }
/** One row of the litigation table. */
export interface SuitStatRow { dimension: string; category: string; handled: number; closed: number; pending: number; lost: number; heard: number; headAppeared: number }

const between = (col: string, p: Period) => sql<boolean>`(${sql.ref(col)} between ${p.from}::date and ${p.to}::date)`;
const num = (v: unknown) => Number(v ?? 0);

/** The reconsideration table grouped by `key` (null: the total). */
async function reconTable(db: Db, scope: MetricScope, p: Period, key: 'c.case_type' | 'u.name' | null, dimension: string): Promise<ReconStatRow[]> {
  const concluded = sql<boolean>`(c.status = 'closed' and ${between('c.decision_date', p)})`;
  const corrective = sql<boolean>`(c.outcome in (${sql.join(RECON_CORRECTIVE.map((o) => sql.lit(o)))}))`;
  const rows = await reconBase(db, scope)
    .where((eb: any) => eb.or([between('c.received_date', p), between('c.accepted_date', p), between('c.decision_date', p)]))
    .select([
      (key ? sql<string>`${sql.ref(key)}` : sql<string>`'合计'`).as('category'),
      sql<number>`count(*) filter (where ${between('c.received_date', p)})`.as('received'),
      sql<number>`count(*) filter (where ${between('c.accepted_date', p)})`.as('accepted'),
      sql<number>`count(*) filter (where ${concluded})`.as('concluded'),
      sql<number>`count(*) filter (where ${concluded} and ${corrective})`.as('corrective'),
      sql<number>`count(*) filter (where ${concluded} and c.closed_within_period)`.as('on_time'),
      sql<number>`count(*)`.as('n'),
    ])
    .$if(!!key, (q: any) => q.groupBy(sql.ref(key!)).orderBy(sql`7`, 'desc').orderBy(sql`1`))
    .execute();
  return rows.map((r: any) => ({ dimension, category: r.category, received: num(r.received), accepted: num(r.accepted), concluded: num(r.concluded), corrective: num(r.corrective), onTime: num(r.on_time) }));
}

/** The litigation table grouped by `key` (null: the total): lawsuits handled in the period. */
async function suitTable(db: Db, scope: MetricScope, p: Period, key: 'l.case_type' | 'u.name' | null, dimension: string): Promise<SuitStatRow[]> {
  const closedIn = between('l.closed_date', p);
  const rows = await handledIn(db, scope, p)
    .leftJoin(
      (db as any)
        .selectFrom('lawsuit_hearings as h')
        .where(between('h.hearing_date', p))
        .groupBy('h.lawsuit_id')
        .select(['h.lawsuit_id', sql<boolean>`bool_or(h.head_appeared)`.as('appeared')])
        .as('h'),
      'h.lawsuit_id',
      'l.id',
    )
    .select([
      (key ? sql<string>`${sql.ref(key)}` : sql<string>`'合计'`).as('category'),
      sql<number>`count(*)`.as('handled'),
      sql<number>`count(*) filter (where ${closedIn})`.as('closed'),
      sql<number>`count(*) filter (where l.closed_date is null or l.closed_date > ${p.to}::date)`.as('pending'),
      sql<number>`count(*) filter (where ${closedIn} and l.lost)`.as('lost'),
      sql<number>`count(h.lawsuit_id)`.as('heard'),
      sql<number>`count(*) filter (where h.appeared)`.as('head_appeared'),
    ])
    .$if(!!key, (q: any) => q.groupBy(sql.ref(key!)).orderBy(sql`2`, 'desc').orderBy(sql`1`))
    .execute();
  return rows.map((r: any) => ({
    dimension, category: r.category, handled: num(r.handled), closed: num(r.closed), pending: num(r.pending), lost: num(r.lost), heard: num(r.heard), headAppeared: num(r.head_appeared),
  }));
}

/** Counts by outcome and by month, from the metrics' own breakdowns. */
const outcomes = (rows: { key: string; value: number }[]) => rows.map((r) => ({ outcome: r.key, count: r.value }));
const months = (rows: { key: string; value: number }[]) => rows.map((r) => ({ month: r.key, count: r.value }));

/** The statistics of one scope and period. */
export async function disputeStats(db: Db, scope: MetricScope, p: Period) {
  const [rTotal, rType, rUnit, rOutcome, rMonth, accepted, onTimeRate, correctionRate, sTotal, sType, sUnit, sOutcome, sMonth, handled, closed, pending, lossRate, headAppearanceRate] =
    await Promise.all([
      reconTable(db, scope, p, null, '合计'),
      reconTable(db, scope, p, 'c.case_type', '案件类别'),
      reconTable(db, scope, p, 'u.name', '被申请人'),
      reconConcluded.breakdown!(db, scope, p, 'outcome'),
      reconAccepted.breakdown!(db, scope, p, 'month'),
      reconAccepted.compute(db, scope, p),
      reconOnTimeRate.compute(db, scope, p),
      reconCorrectionRate.compute(db, scope, p),
      suitTable(db, scope, p, null, '合计'),
      suitTable(db, scope, p, 'l.case_type', '案件类别'),
      suitTable(db, scope, p, 'u.name', '被告'),
      suitsClosed.breakdown!(db, scope, p, 'outcome'),
      suitsClosed.breakdown!(db, scope, p, 'month'),
      suitsHandled.compute(db, scope, p),
      suitsClosed.compute(db, scope, p),
      suitsPending.compute(db, scope, p),
      suitsLossRate.compute(db, scope, p),
      suitsHeadAppearanceRate.compute(db, scope, p),
    ]);
  return {
    reconsideration: {
      total: rTotal[0],
      byType: rType,
      byUnit: rUnit,
      byOutcome: outcomes(rOutcome),
      byMonth: months(rMonth),
      rates: { accepted, onTimeRate, correctionRate },
    },
    litigation: {
      total: sTotal[0],
      byType: sType,
      byUnit: sUnit,
      byOutcome: outcomes(sOutcome),
      byMonth: months(sMonth),
      rates: { handled, closed, pending, lossRate, headAppearanceRate },
    },
  };
}
