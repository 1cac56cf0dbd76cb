import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { defineCountMetric, inMetricRegion, inMetricScope, rate, type MetricDef, type MetricRecord, type MetricScope, type Period } from '../../core/metrics/index.js';
import type { ReviewType } from './schema.js';
import { handledIn } from '../disputes/metrics.js';

/** Whether the advisor system ran in the region at all (engagements, reviews, work logs are the region's). */
const inRegion = (s: MetricScope, col: string) => inMetricRegion(s, col);

/**
 * Whether the advisor system ran in the scope and period at all: an engagement active in the period,
 * or a review concluded / work logged in it. Without any, the figures are "no data" (null), not 0.
 */
async function hasData(db: Db, s: MetricScope, p: Period) {
  const r = await sql<{ n: number }>`
    select (
      (select count(*) from advisor_engagements e where ${inRegion(s, 'e.region_id')} and e.period_from <= ${p.to} and e.period_to >= ${p.from})
      + (select count(*) from advisor_reviews r where ${inRegion(s, 'r.region_id')} and r.concluded_on between ${p.from} and ${p.to})
      + (select count(*) from advisor_work_logs w where ${inRegion(s, 'w.region_id')} and w.work_date between ${p.from} and ${p.to})
    )::int as n`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

// -- advisors.firmsEngaged: distinct law firms with an engagement contract whose period overlaps the period.
const engagedFirms = (db: Db, s: MetricScope, p: Period) =>
  db
    .selectFrom('advisor_engagements as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(['u.id', 'u.name', sql<string>`min(e.period_from)`.as('from'), sql<string>`string_agg(e.contract_no, '、' order by e.contract_no)`.as('contracts')])
    .where(inMetricScope(s, 'e.region_id', 'e.unit_id'))
    .where('u.type', '=', 'law_firm')
    .where('e.period_from', '<=', p.to)
    .where('e.period_to', '>=', p.from)
    .groupBy(['u.id', 'u.name'])
    // In the order the contracts were made (合同编号), as the report names them.
    .orderBy(sql`min(e.signed_on)`)
    .orderBy(sql`min(e.contract_no)`)
    .orderBy('u.id');

/** advisors.firmsEngaged */
export const firmsEngaged: MetricDef = {
  id: 'advisors.firmsEngaged',
  module: 'advisors',
  label: { zh: '聘请法律顾问律师事务所数', en: 'Law firms engaged as legal advisors' },
  unit: 'count',
  definition: {
    zh: '聘期与统计期间有交集的法律顾问聘用合同所涉律师事务所数（同一律所多份合同计1家）。',
    en: 'Distinct law firms holding a legal-advisor engagement contract whose period overlaps the reporting period.',
  },
  async compute(db, s, p) {
    const rows = await engagedFirms(db, s, p).execute();
    if (!rows.length && !(await hasData(db, s, p))) return null;
    return rows.length;
  },
  async records(db, s, p) {
    const rows = await engagedFirms(db, s, p).execute();
    return rows.map((r): MetricRecord => ({ id: r.id, entity: 'unit', label: `${r.name}（合同${r.contracts}）`, date: r.from, unitName: r.name }));
  },
};

// -- advisors.litigationRepresented: lawsuits handled in the period whose record names a representing firm.
// The lawsuit is the disputes module's record; the advisor's representation is the firm recorded on it
// (issue 15, defect 3): a lawsuit counts once, whatever the work log says about hearing days.
const litigation = (db: Db, s: MetricScope, p: Period) =>
  handledIn(db, { regionPath: s.regionPath }, p)
    .innerJoin('units as f', 'f.id', 'l.advisor_unit_id')
    .where('l.advisor_unit_id', 'is not', null)
    // A firm sees the lawsuits it represented; a government unit the ones it defended.
    .$if(!!s.unitId, (b: any) => b.where((eb: any) => eb.or([eb('l.advisor_unit_id', '=', s.unitId!), eb('l.unit_id', '=', s.unitId!)])))
    .select(['l.id', 'l.case_no', 'l.plaintiff_name', 'l.complaint_received_date as date', 'f.name as firm', 'u.name as unit_name'])
    .orderBy('l.complaint_received_date')
    .orderBy('l.id');

/** advisors.litigationRepresented */
export const litigationRepresented: MetricDef = {
  id: 'advisors.litigationRepresented',
  module: 'advisors',
  label: { zh: '法律顾问代理行政诉讼案件数', en: 'Lawsuits represented by legal advisors' },
  unit: 'count',
  definition: {
    zh: '统计期间内办理的行政应诉案件（收到起诉状副本不晚于期末、未在期初前结案）中，案件记录登记了代理律师事务所的件数；同一案件一审、二审计1件。',
    en: 'Lawsuits handled in the period (complaint received by its end, not closed before its start) whose record names a representing law firm; one case across instances counts once.',
  },
  async compute(db, s, p) {
    const rows = await litigation(db, s, p).execute();
    if (!rows.length && !(await hasData(db, s, p))) return null;
    return rows.length;
  },
  async records(db, s, p) {
    const rows = (await litigation(db, s, p).execute()) as { id: string; case_no: string; plaintiff_name: string; date: string; firm: string; unit_name: string }[];
    return rows.map((r): MetricRecord => ({ id: r.id, entity: 'lawsuit', label: `${r.case_no} ${r.plaintiff_name}诉${r.unit_name}（代理：${r.firm}）`, date: r.date, unitName: r.firm }));
  },
};

/** A count of reviews of one type concluded in the period — counted in SQL, with unit and month breakdowns. */
function reviewMetric(id: string, type: ReviewType, label: { zh: string; en: string }, definition: { zh: string; en: string }): MetricDef {
  const count = defineCountMetric({
    id, module: 'advisors', label, definition,
    base: (db, s) =>
      db
        .selectFrom('advisor_reviews as r')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .where(inMetricScope(s, 'r.region_id', 'r.unit_id'))
        .where('r.type', '=', type)
        .where('r.status', '=', 'concluded'),
    idCol: 'r.id',
    dateCol: 'r.concluded_on',
    unitCol: 'r.unit_id',
    unitNameSql: sql<string>`u.name`,
    entity: 'advisor_review',
    labelSql: sql<string>`r.title`,
    nullWhen: 'never',
  });
  return {
    ...count,
    // 0 is a real zero only where the advisor system ran in the period; otherwise "no data".
    async compute(db, s, p) {
      const n = await count.compute(db, s, p);
      if (!n && !(await hasData(db, s, p))) return null;
      return n;
    },
  };
}

/** advisors.contractsReviewed */
export const contractsReviewed = reviewMetric(
  'advisors.contractsReviewed', 'contract',
  { zh: '法律顾问审核政府合同数', en: 'Government contracts reviewed by legal advisors' },
  { zh: '审查类型为“合同审查”、已出具书面意见且出具日期在统计期间内的审查事项数（撤回的不计）。', en: 'Contract-review requests concluded with a written opinion dated in the period (withdrawn ones excluded).' },
);

/** advisors.normativeDocsReviewed */
export const normativeDocsReviewed = reviewMetric(
  'advisors.normativeDocsReviewed', 'normative_document',
  { zh: '法律顾问审核规范性文件数', en: 'Normative documents reviewed by legal advisors' },
  { zh: '审查类型为“规范性文件合法性审查”、已出具书面意见且出具日期在统计期间内的审查事项数。', en: 'Normative-document legality reviews concluded with a written opinion dated in the period.' },
);

/** advisors.reviewsOnTimeRate — share of opinions given on or before their due date. */
export const reviewsOnTimeRate: MetricDef = {
  id: 'advisors.reviewsOnTimeRate',
  module: 'advisors',
  label: { zh: '法律意见按期出具率', en: 'Opinions given on time' },
  unit: 'percent',
  definition: {
    zh: '统计期间内出具的各类审查意见中，出具日期不晚于指派时确定的办理期限的比例（%，保留一位小数）；期间内无意见的为无数据。',
    en: 'Of the opinions given in the period, the share given on or before the due date set at assignment (%, one decimal); none → no data.',
  },
  async compute(db, s, p) {
    const r = await db
      .selectFrom('advisor_reviews as r')
      .select([sql<number>`count(*)::int`.as('n'), sql<number>`count(*) filter (where r.concluded_on <= r.due_date)::int`.as('ok')])
      .where(inMetricScope(s, 'r.region_id', 'r.unit_id'))
      .where('r.status', '=', 'concluded')
      .where('r.concluded_on', '>=', p.from)
      .where('r.concluded_on', '<=', p.to)
      .executeTakeFirstOrThrow();
    return rate(Number(r.ok), Number(r.n));
  },
  async records(db, s, p) {
    const rows = await db
      .selectFrom('advisor_reviews as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['r.id', 'r.title', 'r.concluded_on', 'r.due_date', 'u.name as unit_name'])
      .where(inMetricScope(s, 'r.region_id', 'r.unit_id'))
      .where('r.status', '=', 'concluded')
      .where('r.concluded_on', '>=', p.from)
      .where('r.concluded_on', '<=', p.to)
      .orderBy('r.concluded_on')
      .orderBy('r.id')
      .execute();
    return rows.map((r) => ({ id: r.id, entity: 'advisor_review', label: `${r.title}（${r.concluded_on! <= r.due_date! ? '按期' : '逾期'}）`, date: r.concluded_on, unitName: r.unit_name }));
  },
};

/** The advisors module's metrics. */
export const advisorMetrics: MetricDef[] = [firmsEngaged, litigationRepresented, contractsReviewed, normativeDocsReviewed, reviewsOnTimeRate];
