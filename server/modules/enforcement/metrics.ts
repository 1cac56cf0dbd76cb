/**
 * Figures of administrative enforcement (seed §一(三)): case files reviewed and excellent, the
 * 互联网+监管 catalogue (claiming units, claims, main items covered, coverage rate, officers registered),
 * and cases filed/closed and publicity on time. Stock figures (the catalogue) are the state at the
 * period's last day; flow figures (files, cases) count records dated in the period.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/index.js';
import { defineSetting, getSetting } from '../../core/settings.js';
import {
  badDim, defineCountMetric, inMetricScope, rate, type BreakdownRow, type MetricDef, type MetricRecord, type MetricScope, type Period,
} from '../../core/metrics/index.js';
import { CASE_SYSTEMS, CERT_KINDS, DECISIONS } from './schema.js';

/**
 * Denominator of the main-item coverage rate (REFERENCE §5.4: formula UNCONFIRMED; usual meaning
 * 已认领并编制检查实施清单的主项数 ÷ 应认领主项数): `catalogue` = main items of the region's catalogue,
 * `claimed` = main items claimed by any unit.
 */
export const CoverageDenominator = defineSetting({
  key: 'enforcement.coverageDenominator',
  label: { zh: '监管事项主项覆盖率的分母（catalogue：目录应认领主项数；claimed：已认领主项数）', en: 'Coverage-rate denominator (catalogue main items / claimed main items)' },
  schema: z.enum(['catalogue', 'claimed']),
  default: 'catalogue',
});

const M = 'enforcement';
const t = <T>(x: T) => x;

// ── case files
const reviewedFiles = (grade?: 'excellent') => (db: Db, s: MetricScope) =>
  db.selectFrom('enforcement_review_files as rf')
    .innerJoin('enforcement_cases as k', 'k.id', 'rf.case_id')
    .innerJoin('units as u', 'u.id', 'rf.unit_id')
    .where(inMetricScope(s, 'rf.region_id', 'rf.unit_id'))
    .where('rf.reviewed_on', 'is not', null)
    .$if(!!grade, (b) => b.where('rf.grade', '=', grade!)) as SelectQueryBuilder<any, any, any>;

/** enforcement.caseFilesReviewed */
export const caseFilesReviewed = defineCountMetric({
  id: 'enforcement.caseFilesReviewed', module: M,
  label: { zh: '抽查执法案卷数', en: 'Case files reviewed' },
  definition: {
    zh: '案卷评查活动中已评分、评分日期在统计期间内的执法案卷数（同一案卷在一次评查中计1件）。',
    en: 'Case files sampled in a review campaign and scored on a date in the period.',
  },
  base: reviewedFiles(), idCol: 'rf.id', dateCol: 'rf.reviewed_on', unitCol: 'rf.unit_id', unitNameSql: sql`u.name`,
  entity: 'enforcement_review_file', labelSql: sql<string>`k.case_no || ' ' || k.title`,
  categories: { grade: { col: 'rf.grade', label: { zh: '按等次', en: 'By grade' }, values: { excellent: { zh: '优秀', en: 'Excellent' }, pass: { zh: '合格', en: 'Pass' }, fail: { zh: '不合格', en: 'Fail' } } } },
  nullWhen: 'noRecords',
});

/** enforcement.excellentCaseFiles */
export const excellentCaseFiles = defineCountMetric({
  id: 'enforcement.excellentCaseFiles', module: M,
  label: { zh: '优秀案卷数', en: 'Excellent case files' },
  definition: {
    zh: '评分日期在统计期间内、评定等次为“优秀”的执法案卷数（等次按评查活动设定的分数线，默认90分以上；有否决项的为不合格）。',
    en: 'Reviewed case files scored in the period and graded excellent under the campaign bands (default ≥ 90; a veto forces fail).',
  },
  base: reviewedFiles('excellent'), idCol: 'rf.id', dateCol: 'rf.reviewed_on', unitCol: 'rf.unit_id', unitNameSql: sql`u.name`,
  entity: 'enforcement_review_file', labelSql: sql<string>`k.case_no || ' ' || k.title || '（' || rf.score || '分）'`,
  nullWhen: 'noRecords',
});

// ── catalogue (state at the period's last day)
interface StockSpec {
  id: string;
  label: { zh: string; en: string };
  definition: { zh: string; en: string };
  unit?: MetricDef['unit'];
  /** Rows in force on `asOf`, each with `key` (what is counted), `label`, `date`, `unit_id`, `unit_name`. */
  rows: (db: Db, s: MetricScope, asOf: string) => SelectQueryBuilder<any, any, any>;
  entity: string;
  /** Whether the module holds any record of the kind in scope (else no data). */
  any: (db: Db, s: MetricScope) => SelectQueryBuilder<any, any, any>;
}

function defineStockMetric(spec: StockSpec): MetricDef {
  const count = async (db: Db, s: MetricScope, p: Period) => {
    const r = await db.selectFrom(spec.rows(db, s, p.to).as('x')).select(sql<number>`count(distinct x.key)::int`.as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  };
  return {
    id: spec.id, module: M, label: spec.label, unit: spec.unit ?? 'count', definition: spec.definition,
    dims: [{ dim: 'unit', label: { zh: '按单位', en: 'By unit' } }],
    async compute(db, s, p) {
      const n = await count(db, s, p);
      if (n === 0 && !(await spec.any(db, s).select(sql`1`.as('one')).limit(1).executeTakeFirst())) return null;
      return n;
    },
    async records(db, s, p) {
      const rows = await db.selectFrom(spec.rows(db, s, p.to).as('x')).select(['x.key', sql<string>`min(x.label)`.as('label'), sql<string>`min(x.date)`.as('date'), sql<string>`min(x.unit_name)`.as('unit_name')])
        .groupBy('x.key').orderBy(sql`3`).orderBy('x.key').execute();
      return rows.map((r): MetricRecord => ({ id: String(r.key), entity: spec.entity, label: r.label, date: r.date, unitName: r.unit_name }));
    },
    async breakdown(db, s, p, dim) {
      if (dim !== 'unit') throw badDim(dim);
      const rows = await db.selectFrom(spec.rows(db, s, p.to).as('x')).select([sql<string>`x.unit_id`.as('key'), sql<string>`min(x.unit_name)`.as('label'), sql<number>`count(distinct x.key)::int`.as('value')])
        .groupBy('x.unit_id').orderBy(sql`3`, 'desc').orderBy(sql`1`).execute();
      return rows.map((r): BreakdownRow => ({ key: String(r.key), label: r.label, value: Number(r.value) }));
    },
    sql(db) {
      return db.selectFrom(spec.rows(db, { regionPath: ':regionPath' }, ':to').as('x')).select(sql<number>`count(distinct x.key)::int`.as('n')).compile().sql;
    },
  };
}

const claimsInForce = (db: Db, s: MetricScope, asOf: string) =>
  db.selectFrom('enforcement_item_claims as cl')
    .innerJoin('enforcement_supervision_items as si', 'si.id', 'cl.item_id')
    .innerJoin('units as u', 'u.id', 'cl.unit_id')
    .where(inMetricScope(s, 'cl.region_id', 'cl.unit_id'))
    .where('cl.claimed_on', '<=', asOf)
    .where((eb) => eb.or([eb('cl.withdrawn_on', 'is', null), eb('cl.withdrawn_on', '>', asOf)]));
const anyClaim = (db: Db, s: MetricScope) => db.selectFrom('enforcement_item_claims as cl').where(inMetricScope(s, 'cl.region_id', 'cl.unit_id'));
const dateOf = (c: string) => sql<string>`to_char(${sql.ref(c)}, 'YYYY-MM-DD')`;

/** enforcement.supervisionUnits */
export const supervisionUnits = defineStockMetric({
  id: 'enforcement.supervisionUnits',
  label: { zh: '认领监管事项单位数', en: 'Units claiming supervision items' },
  definition: { zh: '截至统计期末，在“互联网+监管”监管事项目录中认领了至少一项监管事项（未撤回）的单位数。', en: 'Units holding at least one claim of a catalogue item (not withdrawn) at the end of the period.' },
  rows: (db, s, asOf) => claimsInForce(db, s, asOf).select([sql<string>`cl.unit_id`.as('key'), 'u.name as label', dateOf('cl.claimed_on').as('date'), 'cl.unit_id', 'u.name as unit_name']),
  entity: 'unit', any: anyClaim,
});

/** enforcement.supervisionItemsClaimed */
export const supervisionItemsClaimed = defineStockMetric({
  id: 'enforcement.supervisionItemsClaimed',
  label: { zh: '认领监管事项数', en: 'Supervision items claimed' },
  unit: 'item',
  definition: { zh: '截至统计期末，各单位认领的监管事项（主项或子项）数，按“单位—事项”计，撤回的不计。', en: 'Claims of catalogue items (main or sub-items), one per unit and item, in force at the end of the period.' },
  rows: (db, s, asOf) => claimsInForce(db, s, asOf).select([sql<string>`cl.id`.as('key'), sql<string>`si.code || ' ' || si.name`.as('label'), dateOf('cl.claimed_on').as('date'), 'cl.unit_id', 'u.name as unit_name']),
  entity: 'enforcement_item_claim', any: anyClaim,
});

const coveredRows = (db: Db, s: MetricScope, asOf: string) =>
  claimsInForce(db, s, asOf)
    .leftJoin('enforcement_supervision_items as mi', 'mi.id', 'si.parent_id')
    .where('cl.implementation_list_on', 'is not', null)
    .where('cl.implementation_list_on', '<=', asOf)
    .select([sql<string>`coalesce(si.parent_id, si.id)`.as('key'), sql<string>`coalesce(mi.code || ' ' || mi.name, si.code || ' ' || si.name)`.as('label'),
      dateOf('cl.implementation_list_on').as('date'), 'cl.unit_id', 'u.name as unit_name']);

/** enforcement.supervisionMainItemsCovered */
export const supervisionMainItemsCovered = defineStockMetric({
  id: 'enforcement.supervisionMainItemsCovered',
  label: { zh: '监管事项主项覆盖数', en: 'Main items covered' },
  unit: 'item',
  definition: {
    zh: '截至统计期末，已被认领（主项本身或其任一子项）且已编制检查实施清单的监管事项主项数，同一主项计1项。',
    en: 'Main items of the catalogue claimed (itself or one of its sub-items) with an inspection implementation list compiled, at the end of the period; each main item once.',
  },
  rows: coveredRows, entity: 'enforcement_supervision_item', any: anyClaim,
});

/** enforcement.supervisionCoverageRate */
export const supervisionCoverageRate: MetricDef = {
  id: 'enforcement.supervisionCoverageRate', module: M,
  label: { zh: '监管事项覆盖率', en: 'Main-item coverage rate' },
  unit: 'percent',
  definition: {
    zh: '主项覆盖数 ÷ 应认领主项数（%，保留一位小数）。应认领主项数默认为本地区“互联网+监管”事项目录的主项数（截至统计期末），可在系统设置中改为已认领的主项数。无目录或无认领的为无数据。',
    en: 'Main items covered ÷ main items to be claimed (%, one decimal). By default the denominator is the main items of the region\'s catalogue at the end of the period; a setting makes it the main items claimed. No catalogue or no claims → no data.',
  },
  async compute(db, s, p) {
    const covered = await supervisionMainItemsCovered.compute(db, s, p);
    if (covered === null) return null;
    const mode = await getSetting(db, CoverageDenominator);
    const d = mode === 'catalogue'
      ? await db.selectFrom('enforcement_supervision_items as si').select(sql<number>`count(*)::int`.as('n'))
        .where(inMetricScope({ ...s, unitId: null }, 'si.region_id')).where('si.parent_id', 'is', null).where('si.listed_on', '<=', p.to).executeTakeFirst()
      : await db.selectFrom(claimsInForce(db, s, p.to).select(sql<string>`coalesce(si.parent_id, si.id)`.as('key')).as('x')).select(sql<number>`count(distinct x.key)::int`.as('n')).executeTakeFirst();
    return rate(covered, Number(d?.n ?? 0));
  },
  records: (db, s, p) => supervisionMainItemsCovered.records(db, s, p),
};

/** enforcement.supervisionOfficersRegistered */
export const supervisionOfficersRegistered = defineStockMetric({
  id: 'enforcement.supervisionOfficersRegistered',
  label: { zh: '监管执法人员注册数', en: 'Officers registered on the supervision system' },
  unit: 'person',
  definition: { zh: '截至统计期末，已在“互联网+监管”系统注册的在岗执法人员数。', en: 'Active officers registered on the 互联网+监管 system by the end of the period.' },
  rows: (db, s, asOf) => db.selectFrom('enforcement_officers as o').innerJoin('units as u', 'u.id', 'o.unit_id')
    .where(inMetricScope(s, 'o.region_id', 'o.unit_id')).where('o.active', '=', true).where('o.supervision_registered_on', '<=', asOf)
    .select([sql<string>`o.id`.as('key'), 'o.name as label', dateOf('o.supervision_registered_on').as('date'), 'o.unit_id', 'u.name as unit_name']),
  entity: 'enforcement_officer',
  any: (db, s) => db.selectFrom('enforcement_officers as o').where(inMetricScope(s, 'o.region_id', 'o.unit_id')).where('o.supervision_registered_on', 'is not', null),
});

// ── cases
const cases = (db: Db, s: MetricScope) =>
  db.selectFrom('enforcement_cases as k').innerJoin('units as u', 'u.id', 'k.unit_id').where(inMetricScope(s, 'k.region_id', 'k.unit_id')) as SelectQueryBuilder<any, any, any>;
const systemCategory = { system: { col: 'k.system', label: { zh: '按执法类别', en: 'By system' }, values: CASE_SYSTEMS } };

/** enforcement.casesFiled */
export const casesFiled = defineCountMetric({
  id: 'enforcement.casesFiled', module: M,
  label: { zh: '立案执法案件数', en: 'Enforcement cases filed' },
  definition: { zh: '立案日期在统计期间内的执法案件数（行政处罚、许可、强制、检查）。', en: 'Enforcement cases filed on a date in the period (penalty, licence, coercion, inspection).' },
  base: cases, idCol: 'k.id', dateCol: 'k.filed_on', unitCol: 'k.unit_id', unitNameSql: sql`u.name`,
  entity: 'enforcement_case', labelSql: sql<string>`k.case_no || ' ' || k.title`, categories: systemCategory, nullWhen: 'noRecords',
});

/** enforcement.casesDecided */
export const casesDecided = defineCountMetric({
  id: 'enforcement.casesDecided', module: M,
  label: { zh: '作出执法决定案件数', en: 'Enforcement decisions made' },
  definition: { zh: '决定日期在统计期间内的执法案件数，可按执法类别、决定结果分组。', en: 'Cases decided on a date in the period, by system and outcome.' },
  base: (db, s) => cases(db, s).where('k.decided_on', 'is not', null), idCol: 'k.id', dateCol: 'k.decided_on', unitCol: 'k.unit_id', unitNameSql: sql`u.name`,
  entity: 'enforcement_case', labelSql: sql<string>`k.case_no || ' ' || k.title`,
  categories: { ...systemCategory, decision: { col: 'k.decision', label: { zh: '按决定结果', en: 'By outcome' }, values: DECISIONS } },
  nullWhen: 'noRecords',
});

/** enforcement.casesClosed */
export const casesClosed = defineCountMetric({
  id: 'enforcement.casesClosed', module: M,
  label: { zh: '结案执法案件数', en: 'Enforcement cases closed' },
  definition: { zh: '结案日期在统计期间内的执法案件数。', en: 'Cases closed on a date in the period.' },
  base: (db, s) => cases(db, s).where('k.closed_on', 'is not', null), idCol: 'k.id', dateCol: 'k.closed_on', unitCol: 'k.unit_id', unitNameSql: sql`u.name`,
  entity: 'enforcement_case', labelSql: sql<string>`k.case_no || ' ' || k.title`, categories: systemCategory, nullWhen: 'noRecords',
});

/** enforcement.publicityOnTimeRate — decisions of the period published by their publicity deadline. */
export const publicityOnTimeRate: MetricDef = {
  id: 'enforcement.publicityOnTimeRate', module: M,
  label: { zh: '执法决定按期公示率', en: 'Decisions published on time' },
  unit: 'percent',
  definition: {
    zh: '决定日期在统计期间内的执法决定中，公示日期不晚于公示期限（许可、处罚7个工作日，其他20个工作日）的比例（%，保留一位小数）；未公示的计为未按期。',
    en: 'Of the decisions made in the period, the share published by the publicity deadline (7 working days for licences and penalties, 20 for others); unpublished counts as late.',
  },
  async compute(db, s, p) {
    const r = await db.selectFrom('enforcement_cases as k').leftJoin('deadlines as d', (j) => j.on('d.entity', '=', 'enforcement_case').onRef('d.entity_id', '=', 'k.id').on('d.kind', '=', 'publicity'))
      .select([sql<number>`count(*)::int`.as('n'), sql<number>`count(*) filter (where k.published_on is not null and k.published_on <= d.due_date)::int`.as('ok')])
      .where(inMetricScope(s, 'k.region_id', 'k.unit_id')).where('k.decided_on', '>=', p.from).where('k.decided_on', '<=', p.to).executeTakeFirst();
    return rate(Number(r?.ok ?? 0), Number(r?.n ?? 0));
  },
  async records(db, s, p) {
    const rows = await db.selectFrom('enforcement_cases as k').innerJoin('units as u', 'u.id', 'k.unit_id')
      .leftJoin('deadlines as d', (j) => j.on('d.entity', '=', 'enforcement_case').onRef('d.entity_id', '=', 'k.id').on('d.kind', '=', 'publicity'))
      .select(['k.id', 'k.case_no', 'k.title', 'k.decided_on', 'k.published_on', 'd.due_date', 'u.name as unit_name'])
      .where(inMetricScope(s, 'k.region_id', 'k.unit_id')).where('k.decided_on', '>=', p.from).where('k.decided_on', '<=', p.to).orderBy('k.decided_on').orderBy('k.id').execute();
    return rows.map((r) => ({ id: r.id, entity: 'enforcement_case', label: `${r.case_no} ${r.title}（${r.published_on && r.due_date && r.published_on <= r.due_date ? '按期公示' : '未按期公示'}）`, date: r.decided_on, unitName: r.unit_name }));
  },
};

/** The enforcement module's metrics. */
export const enforcementMetrics: MetricDef[] = t([
  caseFilesReviewed, excellentCaseFiles, supervisionUnits, supervisionItemsClaimed, supervisionMainItemsCovered, supervisionCoverageRate,
  supervisionOfficersRegistered, casesFiled, casesDecided, casesClosed, publicityOnTimeRate,
]);

/** A certificate behind section 二's candidate problem: lapsed in the year, renewed late, or about to lapse. */
export interface CertificateLapse extends MetricRecord {
  kind: 'expired' | 'late' | 'expiring';
}

/**
 * Certificates of the scope (region and below; the unit's when the scope names one) that lapsed or are
 * about to: expired in the period and not renewed (the officer still active) — `expired`; expired in the
 * period and renewed only after the expiry day (a gap without a valid certificate) — `late`; expiring in
 * the three months after the period and not yet renewed — `expiring`. A certificate counts as renewed
 * when it was replaced (status 已换发, its end day the new one's issue day) or when a later certificate
 * of the same kind was issued to the officer; suspended and revoked certificates are left out (their
 * end is a decision, not a lapse). One line per certificate, the officer linked.
 */
export async function certificateLapses(db: Db, scope: MetricScope, p: Period): Promise<CertificateLapse[]> {
  const renewedOn = sql<string | null>`(case when ct.status = 'renewed' then ct.ended_on else (select min(c2.issued_on) from enforcement_certificates c2 where c2.officer_id = ct.officer_id and c2.kind = ct.kind and c2.id <> ct.id and c2.issued_on > ct.issued_on) end)`;
  const horizon = sql<string>`(${p.to}::date + interval '3 months')::date`;
  const rows = await db.selectFrom('enforcement_certificates as ct')
    .innerJoin('enforcement_officers as o', 'o.id', 'ct.officer_id')
    .innerJoin('units as u', 'u.id', 'ct.unit_id')
    .where(inMetricScope(scope, 'ct.region_id', 'ct.unit_id'))
    .where('ct.status', 'in', ['valid', 'renewed'])
    .where('ct.expires_on', '>=', p.from)
    .where(sql<boolean>`ct.expires_on <= ${horizon}`)
    .select(['ct.id', 'ct.cert_no', 'ct.kind', 'o.id as officer_id', 'o.name', 'o.active', 'u.name as unit_name',
      sql<string>`to_char(ct.expires_on, 'YYYY-MM-DD')`.as('expires'), sql<string | null>`to_char(${renewedOn}, 'YYYY-MM-DD')`.as('renewed')])
    .orderBy('ct.expires_on').orderBy('ct.id').execute();
  const out: CertificateLapse[] = [];
  for (const r of rows) {
    const cert = `${CERT_KINDS[r.kind].zh}${r.cert_no}`;
    let kind: CertificateLapse['kind'] | null = null;
    let note = '';
    if (r.renewed && r.renewed > r.expires && r.expires <= p.to) [kind, note] = ['late', `${r.expires}到期，${r.renewed}换发`];
    else if (!r.renewed && r.active) [kind, note] = r.expires <= p.to ? ['expired', `${r.expires}到期，未换发`] : ['expiring', `${r.expires}到期，尚未换发`];
    if (kind) out.push({ id: r.officer_id, entity: 'enforcement_officer', label: `${r.name} ${cert}（${note}）`, date: r.expires, unitName: r.unit_name, kind });
  }
  return out;
}
