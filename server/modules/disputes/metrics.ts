/**
 * The disputes module's figures, each scoped by region path (`inMetricScope`) and, for a unit scope,
 * the respondent/defendant unit; each says which date places a record in the period. Counts are
 * `defineCountMetric`s (compute, records, breakdown by unit / month / category and their SQL from one
 * definition); rates are computed from two counts in one SQL statement, never averaged.
 * Reconsideration acceptance is read as of today (`reconAsOf`): a case whose review lapsed without a
 * refusal is counted as accepted on the law's date whether or not anyone has opened it since.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/index.js';
import {
  badDim, defineCountMetric, inMetricScope, rate, type BreakdownRow, type MetricDef, type MetricDim, type MetricScope, type Period,
} from '../../core/metrics/index.js';
import type { Msg } from '../../core/errors/index.js';
import { CASE_TYPES, LAWSUIT_OUTCOMES, RECON_CORRECTIVE, RECON_OUTCOMES } from '../../../common/disputes.js';
import { ENTITY, MODULE } from './common.js';
import { reconAsOf } from './reconsideration.js';

const labels = (values: readonly string[]): Record<string, Msg> => Object.fromEntries(values.map((v) => [v, { zh: v, en: v }]));
const CASE_TYPE = { col: 'c.case_type', label: { zh: '按案件类别', en: 'By case type' }, values: labels(CASE_TYPES) };

/** Reconsideration cases in scope, with their acceptance as of today, and the respondent unit (`u`). */
export function reconBase(db: Db, scope: MetricScope): SelectQueryBuilder<any, any, any> {
  return (db as any)
    .selectFrom(reconAsOf(db).as('c'))
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .where(inMetricScope(scope, 'c.region_id', 'c.unit_id'));
}
/** Lawsuits in scope with the defendant unit (`u`). */
export function suitBase(db: Db, scope: MetricScope): SelectQueryBuilder<any, any, any> {
  return (db as any)
    .selectFrom('lawsuits as l')
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .where(inMetricScope(scope, 'l.region_id', 'l.unit_id'));
}
/** Lawsuits handled in a period: complaint copy received by its end and not closed before its start. */
export function handledIn(db: Db, scope: MetricScope, p: Period) {
  return suitBase(db, scope)
    .where('l.complaint_received_date', '<=', p.to)
    .where((eb: any) => eb.or([eb('l.closed_date', 'is', null), eb('l.closed_date', '>=', p.from)]));
}
const inP = (col: string, p: Period) => sql<boolean>`(${sql.ref(col)} between ${p.from}::date and ${p.to}::date)`;

/** A count metric whose 0 reads as "no data" (the module's figures were never a made-up 0 in the report). */
function zeroIsNoData(def: MetricDef): MetricDef {
  return { ...def, compute: async (db, s, p) => (await def.compute(db, s, p)) || null };
}

/** 受理行政复议案件数. */
export const reconAccepted = zeroIsNoData(defineCountMetric({
  id: 'disputes.reconsideration.accepted',
  module: MODULE,
  label: { zh: '受理行政复议案件数', en: 'Reconsideration cases accepted' },
  definition: {
    zh: '本级行政复议机关受理的行政复议案件件数：受理日期在期间内的案件。受理日期为决定受理之日，或未在审查期限内作出不予受理决定而依法受理之日（2024年1月1日前收到的申请适用2017年《行政复议法》第十七条第二款，为法制工作机构收到申请之日；此后收到的适用2023年《行政复议法》第三十条第二款，为审查期限届满之日）；不含不予受理、视为放弃及仍在审查、补正中的申请。',
    en: 'Applications accepted with acceptance date in the period: the date of the acceptance decision, or the date the law deems them accepted when not refused within the review (2017 law: the day of receipt; 2023 law: the last day of the review). Excludes refused, abandoned and still-under-review applications.',
  },
  base: (db, scope) => reconBase(db, scope).where('c.accepted_date', 'is not', null),
  idCol: 'c.id',
  dateCol: 'c.accepted_date',
  unitCol: 'c.unit_id',
  unitNameSql: sql<string>`u.name`,
  entity: ENTITY.recon,
  labelSql: sql<string>`c.case_no || ' ' || c.applicant_name`,
  categories: {
    caseType: CASE_TYPE,
    acceptanceMode: { col: 'c.acceptance_mode', label: { zh: '按受理方式', en: 'By acceptance' }, values: { decided: { zh: '决定受理', en: 'Decided' }, deemed: { zh: '依法受理（未作不予受理决定）', en: 'Deemed' } } },
  },
}));

/** 行政复议审结案件数 (by outcome: the figure behind the on-time and correction rates). */
export const reconConcluded = zeroIsNoData(defineCountMetric({
  id: 'disputes.reconsideration.concluded',
  module: MODULE,
  label: { zh: '行政复议审结案件数', en: 'Reconsideration cases concluded' },
  definition: {
    zh: '期间内审结（作出行政复议决定、驳回申请、终止或制作调解书，以审结日期计）的受理案件件数。',
    en: 'Accepted cases concluded (decision, dismissal, termination or mediation) with the conclusion date in the period.',
  },
  base: (db, scope) => reconBase(db, scope).where('c.status', '=', 'closed'),
  idCol: 'c.id',
  dateCol: 'c.decision_date',
  unitCol: 'c.unit_id',
  unitNameSql: sql<string>`u.name`,
  entity: ENTITY.recon,
  labelSql: sql<string>`c.case_no || ' ' || c.applicant_name || '（' || c.outcome || '）'`,
  categories: {
    outcome: { col: 'c.outcome', label: { zh: '按审结结果', en: 'By outcome' }, values: labels(RECON_OUTCOMES) },
    caseType: CASE_TYPE,
    withinPeriod: { col: 'c.closed_within_period', label: { zh: '按是否在法定期限内', en: 'By timeliness' }, values: { true: { zh: '法定期限内', en: 'On time' }, false: { zh: '超期', en: 'Late' } } },
  },
}));

/** A rate over the concluded reconsideration cases of a period: `hit` is the numerator's condition. */
function concludedRate(spec: { id: string; label: Msg; definition: Msg; hit: (p: Period) => ReturnType<typeof sql<boolean>>; recordLabel: (hit: boolean) => string | null }): MetricDef {
  const concluded = (db: Db, s: MetricScope, p: Period) => reconBase(db, s).where('c.status', '=', 'closed').where(inP('c.decision_date', p));
  return {
    id: spec.id,
    module: MODULE,
    label: spec.label,
    unit: 'percent',
    definition: spec.definition,
    dims: [{ dim: 'unit', label: { zh: '按单位', en: 'By unit' } }],
    async compute(db, s, p) {
      const r = await concluded(db, s, p).select([sql<number>`count(*) filter (where ${spec.hit(p)})`.as('hit'), sql<number>`count(*)`.as('n')]).executeTakeFirst();
      return rate(Number(r?.hit ?? 0), Number(r?.n ?? 0));
    },
    async records(db, s, p) {
      const rows = await concluded(db, s, p)
        .select(['c.id', 'c.case_no', 'c.applicant_name', 'c.decision_date', 'u.name as unit_name', spec.hit(p).as('hit')])
        .orderBy('c.decision_date').orderBy('c.id')
        .execute();
      return rows
        .filter((r: any) => spec.recordLabel(r.hit) !== null)
        .map((r: any) => ({ id: r.id, entity: ENTITY.recon, label: `${r.case_no} ${r.applicant_name}${spec.recordLabel(r.hit) ?? ''}`, date: r.decision_date, unitName: r.unit_name }));
    },
    async breakdown(db, s, p, dim) {
      if (dim !== 'unit') throw badDim(dim);
      const rows = await concluded(db, s, p)
        .select(['c.unit_id as key', 'u.name as label', sql<number>`count(*) filter (where ${spec.hit(p)})`.as('hit'), sql<number>`count(*)`.as('n')])
        .groupBy(['c.unit_id', 'u.name'])
        .orderBy('u.name')
        .execute();
      // A rate per unit, each from its own counts (never summed).
      return rows.map((r: any) => ({ key: r.key, label: r.label, value: rate(Number(r.hit), Number(r.n)) ?? 0 }));
    },
    sql(db) {
      const s: MetricScope = { regionPath: ':regionPath' };
      const p = { from: ':from', to: ':to' };
      return concluded(db, s, p).select([sql<number>`count(*) filter (where ${spec.hit(p)})`.as('hit'), sql<number>`count(*)`.as('n')]).compile().sql;
    },
  };
}

/** 行政复议法定期限内结案率. */
export const reconOnTimeRate = concludedRate({
  id: 'disputes.reconsideration.onTimeRate',
  label: { zh: '行政复议法定期限内结案率', en: 'Reconsideration cases concluded within the statutory period' },
  definition: {
    zh: '期间内审结（作出行政复议决定、驳回申请、终止或制作调解书，以审结日期计）的受理案件中，审结日期不晚于法定审理期限（受理之日起六十日，简易程序三十日；扣除中止期间，加上经批准的延长期限，届满日为节假日的顺延）的件数所占百分比。无审结案件时无数据。',
    en: 'Of accepted cases concluded in the period (by conclusion date), the share concluded on or before the statutory decision deadline (60 days from acceptance, 30 simplified; suspensions excluded; approved extension added; rolled over holidays).',
  },
  hit: () => sql<boolean>`coalesce(c.closed_within_period, false)`,
  recordLabel: (hit) => (hit ? '（期限内）' : '（超期）'),
});

/** 行政复议纠错率. */
export const reconCorrectionRate = concludedRate({
  id: 'disputes.reconsideration.correctionRate',
  label: { zh: '行政复议纠错率', en: 'Reconsideration correction rate' },
  definition: {
    zh: '期间内审结的受理案件中，决定变更、撤销、部分撤销、确认违法、责令履行或确认无效的件数所占百分比（分母含驳回申请、终止、调解结案）。无审结案件时无数据。',
    en: 'Of accepted cases concluded in the period, the share decided 变更/撤销/部分撤销/确认违法/责令履行/确认无效 (the denominator includes 驳回申请, 终止 and 调解).',
  },
  hit: () => sql<boolean>`coalesce(c.outcome in (${sql.join(RECON_CORRECTIVE.map((o) => sql.lit(o)))}), false)`,
  recordLabel: (hit) => (hit ? '' : null),
});

/**
 * A count over the lawsuits handled in a period (the period is not one date column, so this is written
 * by hand): compute, records and breakdown by unit and case type share `where`.
 */
function handledCount(spec: { id: string; label: Msg; definition: Msg; where?: (p: Period) => ReturnType<typeof sql<boolean>>; date: 'l.complaint_received_date' | 'l.closed_date' }): MetricDef {
  const q = (db: Db, s: MetricScope, p: Period) => {
    const b = handledIn(db, s, p);
    return spec.where ? b.where(spec.where(p)) : b;
  };
  const handledAny = async (db: Db, s: MetricScope, p: Period) =>
    Number((await handledIn(db, s, p).select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
  return {
    id: spec.id,
    module: MODULE,
    label: spec.label,
    unit: 'count',
    definition: spec.definition,
    dims: [{ dim: 'unit', label: { zh: '按单位', en: 'By unit' } }, { dim: 'caseType', label: CASE_TYPE.label }],
    async compute(db, s, p) {
      // No lawsuit handled in the period: no data (not 0).
      if (!(await handledAny(db, s, p))) return null;
      return Number((await q(db, s, p).select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
    },
    async records(db, s, p) {
      const rows = await q(db, s, p)
        .select(['l.id', 'l.case_no', 'l.plaintiff_name', `${spec.date} as date`, 'u.name as unit_name'])
        .orderBy(spec.date).orderBy('l.id')
        .execute();
      return rows.map((r: any) => ({ id: r.id, entity: ENTITY.lawsuit, label: `${r.case_no} ${r.plaintiff_name}`, date: r.date, unitName: r.unit_name }));
    },
    async breakdown(db, s, p, dim: MetricDim): Promise<BreakdownRow[]> {
      const key = dim === 'unit' ? 'l.unit_id' : dim === 'caseType' ? 'l.case_type' : null;
      if (!key) throw badDim(dim);
      const rows = await q(db, s, p)
        .select([sql<string>`${sql.ref(key)}`.as('key'), (dim === 'unit' ? sql<string>`u.name` : sql<string>`l.case_type`).as('label'), sql<number>`count(*)`.as('value')])
        .groupBy(dim === 'unit' ? ['l.unit_id', 'u.name'] : ['l.case_type'])
        .orderBy(sql`3`, 'desc').orderBy(sql`2`)
        .execute();
      return rows.map((r: any) => ({ key: r.key, label: r.label, value: Number(r.value) }));
    },
    sql(db) {
      return q(db, { regionPath: ':regionPath' }, { from: ':from', to: ':to' }).select(sql<number>`count(*)`.as('n')).compile().sql;
    },
  };
}

/** 办理行政诉讼案件数. */
export const suitsHandled = handledCount({
  id: 'disputes.litigation.handled',
  label: { zh: '办理行政诉讼案件数', en: 'Lawsuits handled' },
  definition: {
    zh: '期间内办理的行政应诉案件件数：收到起诉状副本日期不晚于期间末日，且未在期间开始前结案（含上年结转）。同一案件一审、二审、再审计为一件。',
    en: 'Lawsuits handled in the period: complaint copy received by the period end and not closed before its start (carried-over cases included); one case across its instances counts once.',
  },
  date: 'l.complaint_received_date',
});

/** 行政诉讼未结案数. */
export const suitsPending = handledCount({
  id: 'disputes.litigation.pending',
  label: { zh: '行政诉讼未结案数', en: 'Lawsuits pending at period end' },
  definition: {
    zh: '期间内办理的行政应诉案件中，至期间末日尚未结案（一审、二审或再审审理中，或上诉期内）的件数。期间内无办理案件时无数据。',
    en: 'Handled lawsuits not closed at the period end (pending at any instance or within an appeal period).',
  },
  where: (p) => sql<boolean>`(l.closed_date is null or l.closed_date > ${p.to}::date)`,
  date: 'l.complaint_received_date',
});

/** 行政诉讼未结案数 by instance: pending on appeal (二审、再审) at the period end. */
export const suitsPendingAppeal = handledCount({
  id: 'disputes.litigation.pendingAppeal',
  label: { zh: '行政诉讼上诉（再审）未审结数', en: 'Lawsuits pending on appeal or retrial at period end' },
  definition: {
    zh: '期间内办理的行政应诉案件中，至期间末日尚未结案、且已进入二审或再审程序的件数（按案件当前审级）。期间内无办理案件时无数据。',
    en: 'Handled lawsuits not closed at the period end that are on appeal or retrial (by the case\'s current instance).',
  },
  where: (p) => sql<boolean>`((l.closed_date is null or l.closed_date > ${p.to}::date) and l.stage in ('appeal', 'retrial'))`,
  date: 'l.complaint_received_date',
});

/** 行政诉讼未结案数 by instance: pending at first instance at the period end. */
export const suitsPendingFirst = handledCount({
  id: 'disputes.litigation.pendingFirst',
  label: { zh: '行政诉讼一审未审结数', en: 'Lawsuits pending at first instance at period end' },
  definition: {
    zh: '期间内办理的行政应诉案件中，至期间末日尚未结案、仍在一审程序（含一审裁判后上诉期内）的件数（按案件当前审级）。期间内无办理案件时无数据。',
    en: 'Handled lawsuits not closed at the period end that are still at first instance (by the case\'s current instance).',
  },
  where: (p) => sql<boolean>`((l.closed_date is null or l.closed_date > ${p.to}::date) and l.stage = 'first')`,
  date: 'l.complaint_received_date',
});

/** 行政诉讼结案数 (by final outcome, unit and month). */
const suitsClosedCount = defineCountMetric({
  id: 'disputes.litigation.closed',
  module: MODULE,
  label: { zh: '行政诉讼结案数', en: 'Lawsuits closed' },
  definition: {
    zh: '期间内办理的行政应诉案件中，裁判发生法律效力（一审判决、裁定上诉期满未上诉，二审终审裁判送达，准予撤诉等）而结案、结案日期在期间内的件数。期间内无结案时无数据。',
    en: 'Handled lawsuits whose decision became final (closing date) in the period.',
  },
  base: (db, scope) => suitBase(db, scope).where('l.closed_date', 'is not', null),
  idCol: 'l.id',
  dateCol: 'l.closed_date',
  unitCol: 'l.unit_id',
  unitNameSql: sql<string>`u.name`,
  entity: ENTITY.lawsuit,
  labelSql: sql<string>`l.case_no || ' ' || l.plaintiff_name`,
  categories: {
    outcome: { col: 'l.final_outcome', label: { zh: '按生效裁判结果', en: 'By final outcome' }, values: labels(Object.keys(LAWSUIT_OUTCOMES)) },
    lost: { col: 'l.lost', label: { zh: '按是否败诉', en: 'By loss' }, values: { true: { zh: '败诉', en: 'Lost' }, false: { zh: '未败诉', en: 'Not lost' } } },
    caseType: { ...CASE_TYPE, col: 'l.case_type' },
  },
});
export const suitsClosed: MetricDef = {
  ...suitsClosedCount,
  // No lawsuit handled in the period: no data; handled but none closed: a real 0.
  async compute(db, s, p) {
    if (!Number((await handledIn(db, s, p).select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0)) return null;
    return suitsClosedCount.compute(db, s, p);
  },
};

/** 行政诉讼败诉率. */
export const suitsLossRate: MetricDef = {
  id: 'disputes.litigation.lossRate',
  module: MODULE,
  label: { zh: '行政诉讼败诉率', en: 'Lawsuit loss rate' },
  unit: 'percent',
  definition: {
    zh: '期间内结案的行政应诉案件中，生效裁判为撤销、部分撤销、判决履行法定职责或给付义务、确认违法、确认无效、变更、行政协议责任或行政赔偿（即被诉行政机关败诉）的件数所占百分比；驳回诉讼请求、驳回起诉、准予撤诉等不计败诉。无结案时无数据。',
    en: 'Of lawsuits closed in the period, the share whose effective outcome went against the agency (annulment, order to perform, confirmation of illegality or nullity, variation, agreement liability, compensation).',
  },
  async compute(db, s, p) {
    const r = await suitBase(db, s).where(inP('l.closed_date', p)).select([sql<number>`count(*) filter (where l.lost)`.as('lost'), sql<number>`count(*)`.as('n')]).executeTakeFirst();
    return rate(Number(r?.lost ?? 0), Number(r?.n ?? 0));
  },
  async records(db, s, p) {
    const rows = await suitBase(db, s).where(inP('l.closed_date', p)).where('l.lost', '=', true)
      .select(['l.id', 'l.case_no', 'l.plaintiff_name', 'l.closed_date', 'u.name as unit_name']).orderBy('l.closed_date').orderBy('l.id').execute();
    return rows.map((r: any) => ({ id: r.id, entity: ENTITY.lawsuit, label: `${r.case_no} ${r.plaintiff_name}`, date: r.closed_date, unitName: r.unit_name }));
  },
  sql(db) {
    const p = { from: ':from', to: ':to' };
    return suitBase(db, { regionPath: ':regionPath' }).where(inP('l.closed_date', p)).select([sql<number>`count(*) filter (where l.lost)`.as('lost'), sql<number>`count(*)`.as('n')]).compile().sql;
  },
};

/** Lawsuits with a hearing in the period, one row each, with whether the head appeared at any of them. */
export function heardIn(db: Db, s: MetricScope, p: Period) {
  return suitBase(db, s)
    .innerJoin('lawsuit_hearings as h', 'h.lawsuit_id', 'l.id')
    .where(inP('h.hearing_date', p))
    .groupBy(['l.id', 'l.case_no', 'l.plaintiff_name', 'u.name'])
    .select(['l.id', 'l.case_no', 'l.plaintiff_name', 'u.name as unit_name', sql<boolean>`bool_or(h.head_appeared)`.as('appeared'), sql<string>`min(h.hearing_date)`.as('first_hearing')]);
}

/** 行政机关负责人出庭应诉率. */
export const suitsHeadAppearanceRate: MetricDef = {
  id: 'disputes.litigation.headAppearanceRate',
  module: MODULE,
  label: { zh: '行政机关负责人出庭应诉率', en: 'Agency-head court appearance rate' },
  unit: 'percent',
  definition: {
    zh: '期间内开庭审理的行政应诉案件（以开庭日期计，同一案件计一件）中，被诉行政机关负责人（正职、副职、分管副职级或其他分管负责人）至少出庭一次的案件所占百分比。无开庭案件时无数据。',
    en: 'Of lawsuits with a hearing in the period (one per case), the share where the defendant\'s head appeared at least once.',
  },
  async compute(db, s, p) {
    const r = await (db as any)
      .selectFrom(heardIn(db, s, p).as('x'))
      .select([sql<number>`count(*) filter (where x.appeared)`.as('hit'), sql<number>`count(*)`.as('n')])
      .executeTakeFirst();
    return rate(Number(r?.hit ?? 0), Number(r?.n ?? 0));
  },
  async records(db, s, p) {
    const rows = await heardIn(db, s, p).orderBy('l.case_no').execute();
    return rows.map((r: any) => ({ id: r.id, entity: ENTITY.lawsuit, label: `${r.case_no} ${r.plaintiff_name}（${r.appeared ? '负责人出庭' : '负责人未出庭'}）`, date: r.first_hearing, unitName: r.unit_name }));
  },
  sql(db) {
    return (db as any).selectFrom(heardIn(db, { regionPath: ':regionPath' }, { from: ':from', to: ':to' }).as('x'))
      .select([sql<number>`count(*) filter (where x.appeared)`.as('hit'), sql<number>`count(*)`.as('n')]).compile().sql;
  },
};

/** Every metric of the module. */
export const disputesMetrics: MetricDef[] = [
  reconAccepted, reconConcluded, reconOnTimeRate, reconCorrectionRate, suitsHandled, suitsClosed, suitsPending, suitsPendingAppeal, suitsPendingFirst, suitsLossRate, suitsHeadAppearanceRate,
];
