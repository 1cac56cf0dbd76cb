import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { defineCountMetric, inMetricScope, rate, type MetricDef, type MetricScope, type Period } from '../../core/metrics/index.js';
import { DEFAULT_DISPUTE_TYPES, SOURCES } from './schema.js';

/**
 * Disputes accepted for mediation: received in the period, except those a party refused (人民调解法
 * 第十七条: no mediation may take place, so they were never mediated).
 */
const accepted = (db: Db, scope: MetricScope) =>
  db.selectFrom('mediation_disputes as md').innerJoin('units as u', 'u.id', 'md.unit_id')
    .where(inMetricScope(scope, 'md.region_id', 'md.unit_id')).where('md.status', '<>', 'refused');

const disputesHandled = defineCountMetric({
  id: 'mediation.disputesHandled', module: 'mediation',
  label: { zh: '受理调处矛盾纠纷数', en: 'Disputes accepted for mediation' },
  definition: {
    zh: '各人民调解委员会受理调解的矛盾纠纷件数，按受理日期计入年度；一方当事人明确拒绝调解（人民调解法第十七条）的不计。可按纠纷类型、来源（含诉调、访调、警调对接）分组。',
    en: 'Disputes accepted for mediation by the committees, by date received; those a party refused (art. 17) excluded. By type and source.',
  },
  entity: 'mediation_dispute', idCol: 'md.id', dateCol: 'md.received_on', unitCol: 'md.unit_id', unitNameSql: sql<string>`u.name`,
  labelSql: sql<string>`md.case_no || ' ' || md.parties`,
  base: accepted,
  categories: {
    disputeType: { col: 'md.dispute_type', label: { zh: '按纠纷类型', en: 'By type' }, values: Object.fromEntries(DEFAULT_DISPUTE_TYPES.map((t) => [t.code, { zh: t.zh, en: t.en }])) },
    source: { col: 'md.source', label: { zh: '按来源', en: 'By source' }, values: SOURCES },
  },
  nullWhen: 'noRecords',
});

const succeeded = defineCountMetric({
  id: 'mediation.disputesSucceeded', module: 'mediation',
  label: { zh: '调解成功纠纷数', en: 'Disputes mediated successfully' },
  definition: { zh: '受理调解的纠纷中以调解协议（书面或口头）结束的件数，按受理日期计入年度。', en: 'Accepted disputes ended with an agreement (written or oral), by date received.' },
  entity: 'mediation_dispute', idCol: 'md.id', dateCol: 'md.received_on', unitCol: 'md.unit_id', unitNameSql: sql<string>`u.name`,
  labelSql: sql<string>`md.case_no || ' ' || md.parties`,
  base: (db, scope) => accepted(db, scope).where('md.status', '=', 'succeeded'),
  nullWhen: 'noRecords',
});

/** 调处成功率 = 调解成功件数 ÷ 受理调解件数 (REFERENCE §13, 黄石市司法局: 842/869 = 96.9%), from the two counts. */
const successRate: MetricDef = {
  id: 'mediation.successRate', module: 'mediation', unit: 'percent',
  label: { zh: '调处成功率', en: 'Mediation success rate' },
  definition: {
    zh: '调解成功件数 ÷ 受理调解件数（均按受理日期计入年度，一方拒绝调解的不计），百分比保留一位小数；尚在调解中的计入分母。',
    en: 'Disputes mediated successfully ÷ disputes accepted (by date received; refusals excluded); open disputes count in the denominator.',
  },
  async compute(db: Db, scope: MetricScope, period: Period) {
    const n = await disputesHandled.compute(db, scope, period);
    if (!n) return null;
    return rate((await succeeded.compute(db, scope, period)) ?? 0, n);
  },
  records: (db, scope, period) => disputesHandled.records(db, scope, period),
};

/** The mediation module's figures (seed §一(五) 三是). */
export const mediationMetrics: MetricDef[] = [disputesHandled, succeeded, successRate];
