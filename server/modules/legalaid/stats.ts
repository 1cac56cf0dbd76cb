/**
 * 法律援助工作统计月报表: the table a justice bureau reports upward each month — cases by type, origin,
 * notifying organ and service form, the eligibility decisions and assignments with their on-time rates,
 * objections, closings and quality review, legal help by channel and form, and the enterprise check-ups —
 * for the month and the year to date. Every cell is counted in SQL over the scoped records, with the
 * date that places the registered metric's records in a period (assignment date for the cases assigned,
 * decision date for decisions…); the rates are the registered metrics themselves.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/index.js';
import { inMetricScope, type MetricScope, type Period } from '../../core/metrics/index.js';
import { and, cnt, eq, inP, monthPeriods, numbers, statTable, type StatLine } from '../../core/metrics/monthly.js';
import { CASE_TYPES, HELP_CHANNELS, HELP_FORMS, NOTIFYING_ORGANS, SERVICE_FORMS } from './schema.js';
import { onTimeAssignmentRate, onTimeDecisionRate } from './metrics.js';

/** Counts of one period (each key one cell). */
async function caseCounts(db: Db, scope: MetricScope, p: Period) {
  const assigned = inP('c.assigned_on', p);
  const cells: Record<string, Expression<number>> = {
    assigned: cnt(assigned),
    ...Object.fromEntries(Object.keys(CASE_TYPES).map((k) => [`type_${k}`, cnt(and(assigned, eq('c.case_type', k)))])),
    origin_application: cnt(and(assigned, eq('c.origin', 'application'))),
    origin_notification: cnt(and(assigned, eq('c.origin', 'notification'))),
    ...Object.fromEntries(Object.keys(NOTIFYING_ORGANS).map((k) => [`organ_${k}`, cnt(and(assigned, eq('c.origin', 'notification'), eq('c.notifying_organ', k)))])),
    ...Object.fromEntries(Object.keys(SERVICE_FORMS).map((k) => [`form_${k}`, cnt(and(assigned, eq('c.service_form', k)))])),
    received: cnt(and(eq('c.origin', 'application'), inP('c.received_on', p))),
    decided: cnt(and(eq('c.origin', 'application'), inP('c.decided_on', p))),
    granted: cnt(and(eq('c.origin', 'application'), inP('c.decided_on', p), sql<SqlBool>`c.refusal_reasons is null`)),
    refused: cnt(and(eq('c.origin', 'application'), inP('c.decided_on', p), sql<SqlBool>`c.refusal_reasons is not null`)),
    objected: cnt(inP('c.objected_on', p)),
    objectionReviewed: cnt(inP('c.objection_reviewed_on', p)),
    objectionUpheld: cnt(and(inP('c.objection_reviewed_on', p), sql<SqlBool>`c.objection_upheld`)),
    closed: cnt(inP('c.closed_on', p)),
    reviewed: cnt(inP('c.quality_reviewed_on', p)),
    reviewedFail: cnt(and(inP('c.quality_reviewed_on', p), eq('c.quality_grade', 'fail'))),
  };
  const row = await db.selectFrom('legalaid_cases as c').where(inMetricScope(scope, 'c.region_id', 'c.unit_id'))
    .select([...Object.entries(cells).map(([k, e]) => sql`${e}`.as(k)),
      sql<string>`coalesce(sum(c.subsidy) filter (where ${inP('c.quality_reviewed_on', p)}), 0)`.as('subsidy')])
    .executeTakeFirstOrThrow() as Record<string, unknown>;
  const help = await db.selectFrom('legalaid_help as h').where(inMetricScope(scope, 'h.region_id', 'h.unit_id')).where(inP('h.served_on', p))
    .select([sql<number>`count(*)`.as('help'),
      ...Object.keys(HELP_CHANNELS).map((k) => cnt(eq('h.channel', k)).as(`channel_${k}`)),
      ...Object.keys(HELP_FORMS).map((k) => cnt(eq('h.form', k)).as(`helpForm_${k}`))])
    .executeTakeFirstOrThrow() as Record<string, unknown>;
  const checks = await db.selectFrom('legalaid_checkups as k').innerJoin('legalaid_enterprises as e', 'e.id', 'k.enterprise_id')
    .where(inMetricScope(scope, 'k.region_id', 'k.unit_id')).where(inP('k.checked_on', p))
    .select([sql<number>`count(*)`.as('checkups'), sql<number>`count(distinct k.enterprise_id)`.as('enterprises'),
      sql<number>`count(distinct k.enterprise_id) filter (where e.ownership = 'private')`.as('private'), sql<number>`count(distinct k.team_id)`.as('teams')])
    .executeTakeFirstOrThrow() as Record<string, unknown>;
  return numbers(row, help, checks);
}

/** The lines of the legal-aid monthly table for a scope and month (`YYYY-MM`). */
export async function legalaidMonthly(db: Db, scope: MetricScope, month: string): Promise<StatLine[]> {
  const ps = monthPeriods(month);
  const [m, y, dm, dy, am, ay] = await Promise.all([
    caseCounts(db, scope, ps.month), caseCounts(db, scope, ps.ytd),
    onTimeDecisionRate.compute(db, scope, ps.month), onTimeDecisionRate.compute(db, scope, ps.ytd),
    onTimeAssignmentRate.compute(db, scope, ps.month), onTimeAssignmentRate.compute(db, scope, ps.ytd),
  ]);
  const { lines, head, add, val } = statTable(m, y);
  const [odm, ody, oam, oay] = (await Promise.all([
    onTimeDecisionRate.counts(db, scope, ps.month), onTimeDecisionRate.counts(db, scope, ps.ytd),
    onTimeAssignmentRate.counts(db, scope, ps.month), onTimeAssignmentRate.counts(db, scope, ps.ytd),
  ])).map((c) => c.hit);

  head('一、法律援助案件');
  add('受理指派法律援助案件合计', '件', 'assigned');
  for (const [k, l] of Object.entries(CASE_TYPES)) add(`　其中：${l.zh}案件`, '件', `type_${k}`);
  add('　按来源：依申请', '件', 'origin_application');
  add('　　　　　通知辩护（代理）', '件', 'origin_notification');
  for (const [k, l] of Object.entries(NOTIFYING_ORGANS)) add(`　　　　　　其中：${l.zh}通知`, '件', `organ_${k}`);
  for (const [k, l] of Object.entries(SERVICE_FORMS)) add(`　按形式：${l.zh}`, '件', `form_${k}`);
  head('二、申请审查与指派');
  add('收到法律援助申请', '件', 'received');
  add('作出审查决定', '件', 'decided');
  add('　其中：决定给予法律援助', '件', 'granted');
  add('　　　　决定不予法律援助', '件', 'refused');
  val('　七日内作出审查决定（第四十三条）', '件', odm, ody);
  val('　按期审查决定率', '%', dm, dy);
  val('三日内指派律师（第三十六条、第四十三条）', '件', oam, oay);
  val('　按期指派率', '%', am, ay);
  add('收到异议', '件', 'objected');
  add('异议审查完毕', '件', 'objectionReviewed');
  add('　其中：异议成立', '件', 'objectionUpheld');
  add('结案', '件', 'closed');
  add('质量评查', '件', 'reviewed');
  add('　其中：不合格', '件', 'reviewedFail');
  add('评查后核定办案补贴', '元', 'subsidy');
  head('三、法律帮助');
  add('提供法律帮助合计', '人次', 'help');
  for (const [k, l] of Object.entries(HELP_CHANNELS)) add(`　按渠道：${l.zh}`, '人次', `channel_${k}`);
  for (const [k, l] of Object.entries(HELP_FORMS)) add(`　按形式：${l.zh}`, '人次', `helpForm_${k}`);
  head('四、律师服务团法治体检');
  add('开展法治体检', '次', 'checkups');
  add('开展体检的律师服务团', '个', 'teams');
  add('体检企业', '家', 'enterprises');
  add('　其中：民营企业', '家', 'private');
  return lines;
}
