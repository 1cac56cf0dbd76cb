import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { defineCountMetric, inMetricRegion, inMetricScope, rate, type MetricDef, type MetricScope, type Period } from '../../core/metrics/index.js';
import { CATEGORIES } from './schema.js';

/** A catalogue is the region's (never a unit's): scoped by the region path alone. */
const inRegion = (s: MetricScope, col: string) => inMetricRegion(s, col);

/**
 * Whether the decision procedure ran in the scope and period: a catalogue for the period's year, or a
 * decision launched, decided or still open during the period. Without any → null ("no data").
 */
async function hasData(db: Db, s: MetricScope, p: Period) {
  const r = await sql<{ n: number }>`
    select (
      (select count(*) from decision_catalogues c where ${inRegion(s, 'c.region_id')}
         and c.year between ${Number(p.from.slice(0, 4))} and ${Number(p.to.slice(0, 4))})
      + (select count(*) from decisions d where ${inMetricScope(s, 'd.region_id', 'd.unit_id')}
         and d.launched_on <= ${p.to} and (d.decided_on is null or d.decided_on >= ${p.from}))
    )::int as n`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/** decisions.decided — counted in SQL with unit / month / category breakdowns. */
const decidedCount = defineCountMetric({
  id: 'decisions.decided',
  module: 'decisions',
  label: { zh: '作出重大行政决策数', en: 'Major administrative decisions made' },
  definition: {
    zh: '经政府常务会议或全体会议集体讨论通过、会议日期在统计期间内的重大行政决策数（未通过的不计）。',
    en: 'Major decisions approved at an executive or plenary meeting held in the period (rejected drafts excluded).',
  },
  base: (db, s) =>
    db
      .selectFrom('decisions as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .where(inMetricScope(s, 'd.region_id', 'd.unit_id'))
      .where('d.outcome', '=', 'approved'),
  idCol: 'd.id',
  dateCol: 'd.decided_on',
  unitCol: 'd.unit_id',
  unitNameSql: sql<string>`u.name`,
  entity: 'decision',
  labelSql: sql<string>`d.title`,
  categories: { category: { col: 'd.category', label: { zh: '按决策类别', en: 'By category' }, values: CATEGORIES } },
  nullWhen: 'never',
});

/** decisions.decided: 0 is a real zero only where the procedure ran in the period (a catalogue, or a decision open). */
export const decided: MetricDef = {
  ...decidedCount,
  async compute(db, s, p) {
    const n = await decidedCount.compute(db, s, p);
    if (!n && !(await hasData(db, s, p))) return null;
    return n;
  },
};

const commentQ = (db: Db, s: MetricScope, p: Period) =>
  db
    .selectFrom('decisions as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.title', 'd.feedback_published_on', 'd.comment_starts_on', 'd.comment_ends_on', 'd.comment_shortened_reason', 'u.name as unit_name'])
    .where(inMetricScope(s, 'd.region_id', 'd.unit_id'))
    .where('d.feedback_published_on', '>=', p.from)
    .where('d.feedback_published_on', '<=', p.to)
    .orderBy('d.feedback_published_on')
    .orderBy('d.id');

const fullPeriod = (r: { comment_starts_on: string | null; comment_ends_on: string | null }) =>
  Date.parse(`${r.comment_ends_on}T00:00:00Z`) - Date.parse(`${r.comment_starts_on}T00:00:00Z`) >= 30 * 86_400_000;

/** decisions.publicCommentCompliance */
export const publicCommentCompliance: MetricDef = {
  id: 'decisions.publicCommentCompliance',
  module: 'decisions',
  label: { zh: '重大决策公开征求意见期限达标率', en: 'Public comment held for the full 30 days' },
  unit: 'percent',
  definition: {
    zh: '统计期间内公布意见反馈（结束公开征求意见）的重大行政决策中，征求意见期不少于30日的比例（%，一位小数）。依第十五条说明理由缩短期限的允许办理，但不计为达标；期间内无结束征求意见的决策为无数据。',
    en: 'Of the decisions whose public comment closed (feedback published) in the period, the share whose window ran at least 30 days (%, one decimal). Shortened windows (allowed with a reason, art. 15) do not count as full. None → no data.',
  },
  async compute(db, s, p) {
    // A rate from counts (never averaged): full windows over all windows closed in the period.
    const rows = await commentQ(db, s, p).execute();
    return rate(rows.filter(fullPeriod).length, rows.length);
  },
  async records(db, s, p) {
    return (await commentQ(db, s, p).execute()).map((r) => ({
      id: r.id, entity: 'decision', date: r.feedback_published_on, unitName: r.unit_name,
      label: `${r.title}（${r.comment_starts_on}至${r.comment_ends_on}${fullPeriod(r) ? '' : `，缩短：${r.comment_shortened_reason}`}）`,
    }));
  },
};

const catalogueQ = (db: Db, s: MetricScope, p: Period) =>
  db
    .selectFrom('decisions as d')
    .innerJoin('decision_catalogues as c', 'c.id', 'd.catalogue_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.title', 'd.launched_on', 'u.name as unit_name'])
    .where(inRegion(s, 'c.region_id'))
    .$if(!!s.unitId, (b) => b.where('d.unit_id', '=', s.unitId!))
    .where('c.year', '>=', Number(p.from.slice(0, 4)))
    .where('c.year', '<=', Number(p.to.slice(0, 4)))
    .orderBy('d.launched_on')
    .orderBy('d.id');

/** decisions.catalogued */
export const catalogued: MetricDef = {
  id: 'decisions.catalogued',
  module: 'decisions',
  label: { zh: '列入年度决策事项目录的事项数', en: 'Items in the year\'s decision catalogue' },
  unit: 'item',
  definition: {
    zh: '统计期间所属年度的重大行政决策事项目录所列决策事项数；当年未编制目录的为无数据。',
    en: 'Decisions listed in the catalogue of the period\'s year; no catalogue → no data.',
  },
  async compute(db, s, p) {
    const c = await db.selectFrom('decision_catalogues as c').select('c.id').where(inRegion(s, 'c.region_id'))
      .where('c.year', '>=', Number(p.from.slice(0, 4))).where('c.year', '<=', Number(p.to.slice(0, 4))).executeTakeFirst();
    if (!c) return null;
    return (await catalogueQ(db, s, p).execute()).length;
  },
  async records(db, s, p) {
    return (await catalogueQ(db, s, p).execute()).map((r) => ({ id: r.id, entity: 'decision', label: r.title, date: r.launched_on, unitName: r.unit_name }));
  },
};

/** The decisions module's metrics. */
export const decisionMetrics: MetricDef[] = [decided, publicCommentCompliance, catalogued];
