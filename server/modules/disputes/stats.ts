/**
 * Statistical tables of reconsideration and litigation (by case type, respondent unit, outcome),
 * for the statistics page and the statutory tables exported to Excel. The rates come from the
 * registered metrics, so a figure has one definition.
 */
import type { Db } from '../../db/index.js';
import type { MetricScope, Period } from '../../core/metrics/index.js';
import { RECON_CORRECTIVE } from '../../../common/disputes.js';
import { reconAccepted, reconCorrectionRate, reconOnTimeRate, suitsClosed, suitsHandled, suitsHeadAppearanceRate, suitsLossRate, suitsPending } from './metrics.js';

/** One row of the reconsideration table. */
export interface ReconStatRow { dimension: string; category: string; received: number; accepted: number; concluded: number; corrective: number; onTime: number }
/** One row of the litigation table. */
export interface SuitStatRow { dimension: string; category: string; handled: number; closed: number; pending: number; lost: number; heard: number; headAppeared: number }

const inP = (d: string | null, p: Period) => !!d && d >= p.from && d <= p.to;

function group<T, R>(rows: T[], key: (r: T) => string, make: (k: string, rs: T[]) => R): R[] {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return [...m.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([k, rs]) => make(k, rs));
}

/** The statistics of one scope and period. */
export async function disputeStats(db: Db, scope: MetricScope, p: Period) {
  const regions = scope.regionIds.length ? scope.regionIds : ['00000000-0000-0000-0000-000000000000'];
  const recon = await db
    .selectFrom('reconsideration_cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.case_type', 'u.name as unit_name', 'c.received_date', 'c.accepted_date', 'c.decision_date', 'c.status', 'c.outcome', 'c.closed_within_period'])
    .where('c.region_id', 'in', regions)
    .$if(!!scope.unitId, (q) => q.where('c.unit_id', '=', scope.unitId!))
    .where((eb) => eb.or([eb.and([eb('c.received_date', '>=', p.from), eb('c.received_date', '<=', p.to)]), eb.and([eb('c.accepted_date', '>=', p.from), eb('c.accepted_date', '<=', p.to)]), eb.and([eb('c.decision_date', '>=', p.from), eb('c.decision_date', '<=', p.to)])]))
    .execute();
  const reconRow = (dimension: string) => (category: string, rs: typeof recon): ReconStatRow => {
    const concluded = rs.filter((r) => r.status === 'closed' && inP(r.decision_date, p));
    return {
      dimension, category,
      received: rs.filter((r) => inP(r.received_date, p)).length,
      accepted: rs.filter((r) => inP(r.accepted_date, p)).length,
      concluded: concluded.length,
      corrective: concluded.filter((r) => RECON_CORRECTIVE.includes(r.outcome ?? '')).length,
      onTime: concluded.filter((r) => r.closed_within_period).length,
    };
  };
  const suits = await db
    .selectFrom('lawsuits as l')
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .select(['l.id', 'l.case_type', 'u.name as unit_name', 'l.closed_date', 'l.final_outcome', 'l.lost'])
    .where('l.region_id', 'in', regions)
    .$if(!!scope.unitId, (q) => q.where('l.unit_id', '=', scope.unitId!))
    .where('l.complaint_received_date', '<=', p.to)
    .where((eb) => eb.or([eb('l.closed_date', 'is', null), eb('l.closed_date', '>=', p.from)]))
    .execute();
  const hearings = suits.length
    ? await db.selectFrom('lawsuit_hearings').select(['lawsuit_id', 'head_appeared']).where('lawsuit_id', 'in', suits.map((s) => s.id)).where('hearing_date', '>=', p.from).where('hearing_date', '<=', p.to).execute()
    : [];
  const suitRow = (dimension: string) => (category: string, rs: typeof suits): SuitStatRow => {
    const heard = rs.filter((r) => hearings.some((h) => h.lawsuit_id === r.id));
    return {
      dimension, category,
      handled: rs.length,
      closed: rs.filter((r) => inP(r.closed_date, p)).length,
      pending: rs.filter((r) => !r.closed_date || r.closed_date > p.to).length,
      lost: rs.filter((r) => inP(r.closed_date, p) && r.lost).length,
      heard: heard.length,
      headAppeared: heard.filter((r) => hearings.some((h) => h.lawsuit_id === r.id && h.head_appeared)).length,
    };
  };
  const concludedRecon = recon.filter((r) => r.status === 'closed' && inP(r.decision_date, p));
  const closedSuits = suits.filter((r) => inP(r.closed_date, p));
  return {
    reconsideration: {
      total: reconRow('合计')('合计', recon),
      byType: group(recon, (r) => r.case_type, reconRow('案件类别')),
      byUnit: group(recon, (r) => r.unit_name, reconRow('被申请人')),
      byOutcome: group(concludedRecon, (r) => r.outcome ?? '', (k, rs) => ({ outcome: k, count: rs.length })),
      rates: {
        accepted: await reconAccepted.compute(db, scope, p),
        onTimeRate: await reconOnTimeRate.compute(db, scope, p),
        correctionRate: await reconCorrectionRate.compute(db, scope, p),
      },
    },
    litigation: {
      total: suitRow('合计')('合计', suits),
      byType: group(suits, (r) => r.case_type, suitRow('案件类别')),
      byUnit: group(suits, (r) => r.unit_name, suitRow('被告')),
      byOutcome: group(closedSuits, (r) => r.final_outcome ?? '', (k, rs) => ({ outcome: k, count: rs.length })),
      rates: {
        handled: await suitsHandled.compute(db, scope, p),
        closed: await suitsClosed.compute(db, scope, p),
        pending: await suitsPending.compute(db, scope, p),
        lossRate: await suitsLossRate.compute(db, scope, p),
        headAppearanceRate: await suitsHeadAppearanceRate.compute(db, scope, p),
      },
    },
  };
}
