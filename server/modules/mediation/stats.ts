/**
 * 人民调解工作统计月报表: committees and mediators at the period's end and their coverage, disputes
 * accepted by type and source (三调对接 included), outcomes and the success rate, agreements, judicial
 * confirmation applications, sessions and follow-up visits — for the month and the year to date. Cells are
 * counted in SQL over the scoped records with the registered metrics' dates (received date for accepted
 * disputes and their outcomes, agreement date for agreements); the rates are the registered metrics.
 */
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/index.js';
import { getMetric, inMetricScope, type MetricScope, type Period } from '../../core/metrics/index.js';
import { and, cnt, eq, inP, monthPeriods, numbers, statTable, type StatLine } from '../../core/metrics/monthly.js';
import { COMMITTEE_KINDS, SOURCES } from './schema.js';
import { committeeCoverage, successRate } from './metrics.js';
import { disputeTypeLabels } from './service.js';

async function counts(db: Db, scope: MetricScope, p: Period, types: string[]) {
  // Accepted = received in the period and not refused by a party (人民调解法 第十七条), as `mediation.disputesHandled`.
  const acc = and(inP('md.received_on', p), sql<SqlBool>`md.status <> 'refused'`);
  const d = await db.selectFrom('mediation_disputes as md').where(inMetricScope(scope, 'md.region_id', 'md.unit_id')).select([
    cnt(acc).as('accepted'),
    ...types.map((k, i) => cnt(and(acc, eq('md.dispute_type', k))).as(`type_${i}`)),
    ...Object.keys(SOURCES).map((k) => cnt(and(acc, eq('md.source', k))).as(`source_${k}`)),
    cnt(and(inP('md.received_on', p), eq('md.status', 'refused'))).as('refused'),
    cnt(and(acc, eq('md.status', 'succeeded'))).as('succeeded'),
    cnt(and(acc, eq('md.status', 'failed'))).as('failed'),
    cnt(and(acc, eq('md.status', 'mediating'))).as('mediating'),
    cnt(inP('md.agreement_on', p)).as('agreements'),
    cnt(and(inP('md.agreement_on', p), eq('md.agreement_form', 'written'))).as('written'),
    cnt(and(inP('md.agreement_on', p), eq('md.agreement_form', 'oral'))).as('oral'),
    cnt(inP('md.confirmation_applied_on', p)).as('confirmations'),
  ]).executeTakeFirstOrThrow() as Record<string, unknown>;
  const n = await db.selectFrom('mediation_dispute_notes as n').innerJoin('mediation_disputes as md', 'md.id', 'n.dispute_id')
    .where(inMetricScope(scope, 'md.region_id', 'md.unit_id')).where(inP('n.on_date', p))
    .select([cnt(eq('n.kind', 'session')).as('sessions'), cnt(eq('n.kind', 'visit')).as('visits')]).executeTakeFirstOrThrow() as Record<string, unknown>;
  // Committees and mediators standing at the period's end (a committee counts from its establishment).
  const c = await db.selectFrom('mediation_committees as mc').where(inMetricScope(scope, 'mc.region_id', 'mc.unit_id')).where('mc.established_on', '<=', p.to)
    .select([sql<number>`count(*)`.as('committees'), ...Object.keys(COMMITTEE_KINDS).map((k) => cnt(eq('mc.kind', k)).as(`kind_${k}`)),
      sql<number>`(select count(*) from mediation_mediators mm where mm.committee_id in (select x.id from mediation_committees x where ${inMetricScope(scope, 'x.region_id', 'x.unit_id')} and x.established_on <= ${p.to}::date))`.as('mediators'),
      sql<number>`(select count(*) from mediation_mediators mm where mm.full_time and mm.committee_id in (select x.id from mediation_committees x where ${inMetricScope(scope, 'x.region_id', 'x.unit_id')} and x.established_on <= ${p.to}::date))`.as('fullTime')])
    .executeTakeFirstOrThrow() as Record<string, unknown>;
  return numbers(d, n, c);
}

/** The lines of the mediation monthly table for a scope and month (`YYYY-MM`). */
export async function mediationMonthly(db: Db, scope: MetricScope, month: string): Promise<StatLine[]> {
  const ps = monthPeriods(month);
  const types = [...(await disputeTypeLabels(db)).values()];
  const trainings = getMetric('learning.mediatorTrainings');
  const [m, y, cm, cy, sm, sy, tm, ty] = await Promise.all([
    counts(db, scope, ps.month, types.map((t) => t.code)), counts(db, scope, ps.ytd, types.map((t) => t.code)),
    committeeCoverage.compute(db, scope, ps.month), committeeCoverage.compute(db, scope, ps.ytd),
    successRate.compute(db, scope, ps.month), successRate.compute(db, scope, ps.ytd),
    trainings ? trainings.compute(db, scope, ps.month) : null, trainings ? trainings.compute(db, scope, ps.ytd) : null,
  ]);
  const { lines, head, add, val } = statTable(m, y);

  head('一、组织队伍（期末数）');
  add('人民调解委员会', '个', 'committees');
  for (const [k, l] of Object.entries(COMMITTEE_KINDS)) add(`　其中：${l.zh}`, '个', `kind_${k}`);
  val('　街道、村（社区）人民调解委员会覆盖率', '%', cm, cy);
  add('人民调解员', '人', 'mediators');
  add('　其中：专职人民调解员', '人', 'fullTime');
  val('人民调解员培训', '次', tm, ty);
  head('二、矛盾纠纷受理（按受理日期）');
  add('受理调解矛盾纠纷合计', '件', 'accepted');
  types.forEach((t, i) => add(`　按类型：${t.zh}`, '件', `type_${i}`));
  for (const [k, l] of Object.entries(SOURCES)) add(`　按来源：${l.zh}`, '件', `source_${k}`);
  add('当事人明确拒绝调解（不计入受理）', '件', 'refused');
  head('三、调解结果（受理纠纷中）');
  add('调解成功', '件', 'succeeded');
  add('调解不成（已告知其他途径）', '件', 'failed');
  add('尚在调解', '件', 'mediating');
  val('调解成功率', '%', sm, sy);
  head('四、调解协议与跟踪（按发生日期）');
  add('达成调解协议', '件', 'agreements');
  add('　其中：书面调解协议', '件', 'written');
  add('　　　　口头协议', '件', 'oral');
  add('当事人申请司法确认', '件', 'confirmations');
  add('调解场次', '次', 'sessions');
  add('回访', '次', 'visits');
  return lines;
}
