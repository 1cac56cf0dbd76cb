import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { defineCountMetric, inMetricScope, rate, type MetricDef, type MetricScope, type Period } from '../../core/metrics/index.js';
import { DEFAULT_DISPUTE_TYPES, SOURCES } from './schema.js';
import { regionsWithin, unitRegion } from '../org/lookup.js';

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
export const successRate: MetricDef = {
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

/** 三调对接: disputes referred by a court, petition office or police (人民调解法 第十八条), with the source as the breakdown. */
const referred = defineCountMetric({
  id: 'mediation.referredDisputes', module: 'mediation',
  label: { zh: '诉调、访调、警调对接受理纠纷数', en: 'Disputes referred by courts, petition offices and police' },
  definition: {
    zh: '受理调解的矛盾纠纷中由人民法院委托移送（诉调对接）、信访部门移送（访调对接）、公安机关移送（警调对接）的件数，按受理日期计入年度；一方拒绝调解的不计。可按来源、纠纷类型分组。',
    en: 'Accepted disputes referred by a court, petition office or police (人民调解法 art. 18), by date received; refusals excluded. By source and type.',
  },
  entity: 'mediation_dispute', idCol: 'md.id', dateCol: 'md.received_on', unitCol: 'md.unit_id', unitNameSql: sql<string>`u.name`,
  labelSql: sql<string>`md.case_no || ' ' || md.parties || '（' || coalesce(md.referred_by, '') || '移送）'`,
  base: (db, scope) => accepted(db, scope).where('md.source', 'in', ['court', 'petition', 'police']),
  categories: {
    source: { col: 'md.source', label: { zh: '按来源', en: 'By source' }, values: SOURCES },
    disputeType: { col: 'md.dispute_type', label: { zh: '按纠纷类型', en: 'By type' }, values: Object.fromEntries(DEFAULT_DISPUTE_TYPES.map((t) => [t.code, { zh: t.zh, en: t.en }])) },
  },
  nullWhen: 'noRecords',
});

/** The subdistrict and village/community regions the coverage of a scope counts (from the org's region records). */
async function coverageRegions(db: Db, scope: MetricScope) {
  const all = (await regionsWithin(db, scope.regionPath)).filter((r) => r.level === 'subdistrict' || r.level === 'community');
  const level = scope.level ?? 'all';
  let regions = all.filter((r) => level === 'all' || (level === 'own' ? r.path === scope.regionPath : r.path.startsWith(`${scope.regionPath}/`)));
  if (scope.unitId) {
    // A unit's staff: their unit's region and the regions beneath it.
    const own = await unitRegion(db, scope.unitId);
    regions = own ? regions.filter((r) => r.path === own.path || r.path.startsWith(`${own.path}/`)) : [];
  }
  return regions;
}

/** Each counted region with the committees of its level set up in it by the period's end (names, earliest date). */
async function coverage(db: Db, scope: MetricScope, p: Period) {
  const regions = await coverageRegions(db, scope);
  const committees = regions.length
    ? await db.selectFrom('mediation_committees as mc').select(['mc.region_id', 'mc.kind', 'mc.name', sql<string>`to_char(mc.established_on, 'YYYY-MM-DD')`.as('since')])
      .where('mc.region_id', 'in', regions.map((r) => r.id)).where('mc.kind', 'in', ['subdistrict', 'village', 'community']).where('mc.established_on', '<=', p.to)
      .orderBy('mc.name').orderBy('mc.id').execute()
    : [];
  return regions.map((r) => {
    const mine = committees.filter((c) => c.region_id === r.id && (r.level === 'subdistrict' ? c.kind === 'subdistrict' : c.kind !== 'subdistrict'));
    return { region: r, committees: mine.map((c) => c.name), since: mine.map((c) => c.since).sort()[0] ?? null };
  });
}
const committeesInUse = async (db: Db, scope: MetricScope) =>
  !!(await db.selectFrom('mediation_committees as mc').select('mc.id').where(inMetricScope(scope, 'mc.region_id', 'mc.unit_id')).limit(1).executeTakeFirst());
/**
 * Committee coverage (人民调解法 第八条: 村民委员会、居民委员会 set up committees; 第三十四条: 乡镇、街道 may).
 * Denominator: the subdistrict and village/community regions of the scope, as the org's region records
 * hold them (a unit's staff: those at or below their unit's region). Numerator: those with a committee of
 * their level located in them (a subdistrict committee for a subdistrict, a village or community committee
 * for a village/community), set up on or before the period's last day. Enterprise and industry committees
 * cover no region. No such region, or no committee in scope at all (the module not in use): no data.
 */
export const committeeCoverage: MetricDef = {
  id: 'mediation.committeeCoverage', module: 'mediation', unit: 'percent',
  label: { zh: '人民调解委员会覆盖率（街道、村〈社区〉）', en: 'Mediation committee coverage (subdistricts, villages/communities)' },
  definition: {
    zh: '分母：区域档案中本辖区街道（乡镇）和村（社区）级区域的个数；分子：其中已设立本级人民调解委员会的个数（街道设有街道人民调解委员会，村〈社区〉设有村民委员会或居民委员会人民调解委员会，成立日期不晚于期末），百分比保留一位小数。企事业单位、行业性专业性调解委员会不计入覆盖。辖区内无街道、村（社区）区域或尚未登记任何调解委员会时无数据。',
    en: 'Denominator: the subdistrict and village/community regions of the area in the region records; numerator: those with a committee of their level (subdistrict committee; village or community committee) set up by the period end. Enterprise and industry committees cover no region. No such region, or no committee recorded: no data.',
  },
  async compute(db, scope, p) {
    if (!(await committeesInUse(db, scope))) return null;
    const c = await coverage(db, scope, p);
    return rate(c.filter((x) => x.committees.length).length, c.length);
  },
  async records(db, scope, p) {
    if (!(await committeesInUse(db, scope))) return [];
    return (await coverage(db, scope, p)).map(({ region: r, committees, since }) => ({
      id: r.id, entity: 'region', date: since, unitName: null,
      label: `${r.name}（${r.level === 'subdistrict' ? '街道' : '村〈社区〉'}）${committees.length ? `已覆盖：${committees.join('、')}` : '未覆盖'}`,
    }));
  },
};

/** The mediation module's figures (seed §一(五) 三是). */
export const mediationMetrics: MetricDef[] = [disputesHandled, succeeded, successRate, referred, committeeCoverage];
