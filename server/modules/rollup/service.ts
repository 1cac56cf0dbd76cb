/**
 * The roll-up for the levels above a district: every registered figure for each region beneath a city
 * (or province) side by side, the region's own level and the whole, each evaluated by the figure's own
 * definition over the records of that scope — so a whole's rate is recomputed from its records, never an
 * average of the regions' rates — with last year's figure, ranks and outliers; and where the regions
 * beneath stand with their annual reports.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { badRequest, forbidden, notFound } from '../../core/errors/index.js';
import { hasRole, readRegionPaths, type Actor } from '../../core/scope/index.js';
import { today, daysBetween } from '../../core/calendar/index.js';
import { computeForScopes, listMetrics, yearPeriod, type MetricDef, type MetricScope } from '../../core/metrics/index.js';
import { childRegions, regionByCode, type RegionRef } from '../org/lookup.js';
import { Reports } from '../report/records.js';
import { renderStored, type ReportRow } from '../report/service.js';
import { STATUS_LABELS } from '../report/schema.js';
import type { ReportStanding } from '../../../common/rollup.js';
import { publishedLate } from '../../../common/report.js';
import { REPORT_DUE_BASIS, reportDue } from './deadlines.js';
import { MODULE_LABELS } from '../../../common/labels.js';

type Lang = 'zh' | 'en';

/** Whether the actor works at a level above a district (a city or province grant) — the roll-up's readers. */
export function mayRollup(actor: Actor): boolean {
  if (actor.isAdmin) return true;
  if (!hasRole(actor, 'office', 'leader', 'viewer')) return false;
  return (readRegionPaths(actor) ?? []).some((p) => p.split('/').length <= 2);
}

/**
 * The region of a roll-up: 403 for anyone who does not work above a district (a district office never
 * sees its siblings), 404 for a region outside the actor's read scope (unknown and forbidden alike).
 */
export async function rollupRegion(db: Db, actor: Actor, code: string): Promise<RegionRef> {
  if (!mayRollup(actor)) throw forbidden({ zh: '汇总统计仅供市、省两级的依法治市（省）办、领导查看', en: 'The roll-up is for city and provincial offices and leaders' });
  const region = await regionByCode(db, code);
  const paths = readRegionPaths(actor);
  if (!region || (paths !== null && !paths.some((p) => region.path === p || region.path.startsWith(`${p}/`)))) throw notFound({ zh: '区域', en: 'Region' });
  return region;
}

/** Quartile by linear interpolation of sorted values. */
function quantile(sorted: number[], q: number) {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Rank (1 = highest; ties share a rank) and Tukey outliers among the regions beneath that have data. */
export function rankAndOutliers(values: (number | null)[]) {
  const present = values.filter((v): v is number => v !== null);
  const sorted = [...present].sort((a, b) => a - b);
  const fences = sorted.length >= 4
    ? (() => {
        const q1 = quantile(sorted, 0.25);
        const q3 = quantile(sorted, 0.75);
        const iqr = q3 - q1;
        return { lo: q1 - 1.5 * iqr, hi: q3 + 1.5 * iqr };
      })()
    : null;
  return values.map((v) => ({
    rank: v === null ? null : present.filter((x) => x > v).length + 1,
    outlier: v === null || !fences ? null : v > fences.hi ? ('high' as const) : v < fences.lo ? ('low' as const) : null,
  }));
}

/**
 * Every figure (or one module's) for each region beneath the region, its own level and the whole, this
 * year and last. Figures are independent reads, evaluated concurrently.
 */
export async function rollupTable(db: Db, actor: Actor, code: string, year: number, module: string | undefined, lang: Lang) {
  const region = await rollupRegion(db, actor, code);
  const children = await childRegions(db, region.id);
  const all = listMetrics();
  // A module with no figures (org, core, report, rollup itself) is not a choice: say so rather than answer an empty table.
  if (module && !all.some((m) => m.module === module))
    throw badRequest('ROLLUP_MODULE_WITHOUT_FIGURES', { zh: `“${MODULE_LABELS[module]?.zh ?? module}”没有汇总指标，请选择有统计指标的业务模块`, en: `“${MODULE_LABELS[module]?.en ?? module}” has no figures to roll up; choose a module with figures` });
  const metrics = all.filter((m) => !module || m.module === module);
  const columns: { code: string; name: string; kind: 'child' | 'own' | 'total'; level: string; scope: MetricScope }[] = [
    ...children.map((c) => ({ code: c.code, name: c.name, kind: 'child' as const, level: c.level, scope: { regionPath: c.path } })),
    { code: `${region.code}:own`, name: lang === 'zh' ? `${region.name}本级` : `${region.name} (own level)`, kind: 'own', level: region.level, scope: { regionPath: region.path, level: 'own' } },
    { code: region.code, name: lang === 'zh' ? `${region.name}合计` : `${region.name} (total)`, kind: 'total', level: region.level, scope: { regionPath: region.path } },
  ];
  const now = yearPeriod(year);
  const before = yearPeriod(year - 1);
  // Every column of a figure in one query when its definition can (counts), else one query per column.
  const values = (m: MetricDef, p: typeof now) => computeForScopes(m, db, columns.map((c) => c.scope), p);
  const rows = await Promise.all(
    metrics.map(async (m) => {
      const [cur, prev] = await Promise.all([values(m, now), values(m, before)]);
      const vals = cur.map((v, i) => [v, prev[i]] as const);
      const childIdx = columns.map((c, i) => (c.kind === 'child' ? i : -1)).filter((i) => i >= 0);
      const ranks = rankAndOutliers(childIdx.map((i) => vals[i][0]));
      return {
        id: m.id, module: m.module, moduleLabel: MODULE_LABELS[m.module]?.[lang] ?? m.module, label: m.label[lang], unit: m.unit, definition: m.definition[lang],
        cells: columns.map((c, i) => {
          const k = childIdx.indexOf(i);
          return { region: c.code, value: vals[i][0], previous: vals[i][1], rank: k >= 0 ? ranks[k].rank : null, outlier: k >= 0 ? ranks[k].outlier : null };
        }),
      };
    }),
  );
  const counts = new Map<string, number>();
  for (const m of all) counts.set(m.module, (counts.get(m.module) ?? 0) + 1);
  return {
    region: { code: region.code, name: region.name, level: region.level },
    year,
    regions: columns.map(({ code: c, name, kind, level }) => ({ code: c, name, kind, level })),
    modules: [...counts].map(([key, count]) => ({ key, label: MODULE_LABELS[key]?.[lang] ?? key, count })),
    metrics: rows,
  };
}

const STANDING_LABELS: Record<ReportStanding, { zh: string; en: string }> = {
  on_time: { zh: '按期报送', en: 'On time' },
  late: { zh: '逾期报送', en: 'Submitted late' },
  overdue: { zh: '逾期未报送', en: 'Overdue' },
  pending: { zh: '未到期限', en: 'Not yet due' },
};

/**
 * Where each region beneath stands with its report of the year: submitted by the deadline or not (the
 * submission date in Beijing time against the deadline on the shared calendar), and for a submitted
 * report the figures whose live records no longer match its submission snapshot.
 */
export async function reportStatus(db: Db, actor: Actor, code: string, year: number, lang: Lang) {
  const region = await rollupRegion(db, actor, code);
  const children = await childRegions(db, region.id);
  const due = await reportDue(db, year);
  const rows = children.length
    ? ((await Reports.query(db, actor)
        .selectAll('r')
        .select(sql<string | null>`to_char(r.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`.as('submitted_on'))
        .where('r.region_id', 'in', children.map((c) => c.id))
        .where('r.year', '=', year)
        .execute()) as (ReportRow & { submitted_on: string | null })[])
    : [];
  const byRegion = new Map(rows.map((r) => [r.region_id, r]));
  const now = today();
  const items = await Promise.all(
    children.map(async (c) => {
      const r = byRegion.get(c.id);
      const submittedOn = r?.submitted_on ?? null;
      const standing: ReportStanding = submittedOn ? (submittedOn <= due.due ? 'on_time' : 'late') : now > due.due ? 'overdue' : 'pending';
      const daysLate = standing === 'late' ? daysBetween(due.due, submittedOn!) : standing === 'overdue' ? daysBetween(due.due, now) : null;
      const changed = r && (r.status === 'submitted' || r.status === 'published')
        ? (await renderStored(db, r)).warnings.filter((w) => w.kind === 'changed_since_submission').map((w) => ({ metricId: w.metricId ?? '', message: w.message[lang] }))
        : [];
      return {
        regionCode: c.code, regionName: c.name, reportId: r?.id ?? null, status: r?.status ?? null,
        statusLabel: r ? STATUS_LABELS[r.status][lang] : lang === 'zh' ? '未起草' : 'Not started',
        submittedOn, publishedOn: r?.published_on ?? null, standing,
        publishedLate: publishedLate(year, r?.published_on), lateReason: r?.late_reason ?? null, standingLabel: STANDING_LABELS[standing][lang], daysLate, changedFigures: changed,
      };
    }),
  );
  return {
    region: { code: region.code, name: region.name },
    year,
    deadline: { due: due.due, explain: due.explain[lang], basis: REPORT_DUE_BASIS, provisional: due.provisional },
    items,
  };
}
