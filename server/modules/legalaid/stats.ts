/**
 * 法律援助工作统计月报表: the table a justice bureau reports upward each month — cases by type, origin,
 * notifying organ and service form, the eligibility decisions and assignments with their on-time rates,
 * objections, closings and quality review, legal help by channel and form, and the enterprise check-ups —
 * for the month and the year to date. Every cell is counted in SQL over the scoped records, with the
 * date that places the registered metric's records in a period (assignment date for the cases assigned,
 * decision date for decisions…); the rates are the registered metrics themselves.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../core/module.js';
import { metricScopeFor } from '../../core/routes.js';
import { badRequest } from '../../core/errors/index.js';
import { readRegionPaths, type Actor } from '../../core/scope/index.js';
import { regionByCode, unitName, unitRegion } from '../org/lookup.js';
import type { Db } from '../../db/index.js';
import { inMetricScope, type MetricScope, type Period } from '../../core/metrics/index.js';
import { defineSheet } from '../../core/excel/index.js';
import { CASE_TYPES, HELP_CHANNELS, HELP_FORMS, NOTIFYING_ORGANS, SERVICE_FORMS } from './schema.js';
import { onTimeAssignmentRate, onTimeDecisionRate } from './metrics.js';

/** One line of a monthly statistical table. */
export interface StatLine {
  /** 指标名称 (indented with 其中/按… as the printed tables do). */
  item: string;
  /** 计量单位. */
  unit: string;
  /** 行次 (blank for a heading). */
  line: number | '';
  month: number | string;
  ytd: number | string;
}

/** The sheet of a monthly table: 指标名称 | 计量单位 | 行次 | 本月 | 本年累计. */
export const monthlySheet = (name: string) => defineSheet<StatLine>({
  name,
  columns: [
    { key: 'item', header: '指标名称', headerEn: 'Item', width: 44 },
    { key: 'unit', header: '计量单位', headerEn: 'Unit', width: 10 },
    { key: 'line', header: '行次', headerEn: 'Line', width: 8 },
    { key: 'month', header: '本月', headerEn: 'This month', width: 12 },
    { key: 'ytd', header: '本年累计', headerEn: 'Year to date', width: 12 },
  ],
});

/** The month's period and the year-to-date period of a `YYYY-MM`. */
export function monthPeriods(month: string): { month: Period; ytd: Period } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const to = `${month}-${String(last).padStart(2, '0')}`;
  return { month: { from: `${month}-01`, to }, ytd: { from: `${y}-01-01`, to } };
}

const inP = (col: string, p: Period) => sql<SqlBool>`(${sql.ref(col)} between ${p.from}::date and ${p.to}::date)`;
const cnt = (cond: Expression<SqlBool>) => sql<number>`count(*) filter (where ${cond})`;
const eq = (col: string, v: string) => sql<SqlBool>`${sql.ref(col)} = ${v}`;
const and = (...c: Expression<SqlBool>[]) => sql<SqlBool>`(${sql.join(c, sql` and `)})`;

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
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries({ ...row, ...help, ...checks })) out[k] = Number(v ?? 0);
  return out;
}

/** The lines of the legal-aid monthly table for a scope and month (`YYYY-MM`). */
export async function legalaidMonthly(db: Db, scope: MetricScope, month: string): Promise<StatLine[]> {
  const ps = monthPeriods(month);
  const [m, y, dm, dy, am, ay] = await Promise.all([
    caseCounts(db, scope, ps.month), caseCounts(db, scope, ps.ytd),
    onTimeDecisionRate.compute(db, scope, ps.month), onTimeDecisionRate.compute(db, scope, ps.ytd),
    onTimeAssignmentRate.compute(db, scope, ps.month), onTimeAssignmentRate.compute(db, scope, ps.ytd),
  ]);
  const lines: StatLine[] = [];
  let n = 0;
  const head = (item: string) => lines.push({ item, unit: '', line: '', month: '', ytd: '' });
  const add = (item: string, unit: string, key: string) => lines.push({ item, unit, line: ++n, month: m[key], ytd: y[key] });
  const pct = (item: string, vm: number | null, vy: number | null) => lines.push({ item, unit: '%', line: ++n, month: vm ?? '—', ytd: vy ?? '—' });
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
  lines.push({ item: '　七日内作出审查决定（第四十三条）', unit: '件', line: ++n, month: odm, ytd: ody });
  pct('　按期审查决定率', dm, dy);
  lines.push({ item: '三日内指派律师（第三十六条、第四十三条）', unit: '件', line: ++n, month: oam, ytd: oay });
  pct('　按期指派率', am, ay);
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

/** `?region=&month=` of a monthly table; the region defaults to the reader's own (their region, or their unit's). */
export const MonthlyQuery = z.object({
  /** Region code; omitted: the reader's own region (a unit's staff: their unit's region, their unit's figures). */
  region: z.string().regex(/^\d{6,12}$/).optional(),
  /** The month reported, `YYYY-MM`. */
  month: z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, { message: '月份格式应为YYYY-MM' }),
});

/**
 * The metric scope of a monthly table for its reader: the region asked for (or the reader's own — the
 * first region they read, else their unit's region), narrowed to the reader's unit when they are a unit's
 * staff (`metricScopeFor` decides, as for every figure), with the scope's name for the table's heading.
 */
export async function monthlyScope(ctx: AppContext, actor: Actor, region?: string): Promise<{ scope: MetricScope; name: string }> {
  let code = region;
  if (!code) {
    const paths = readRegionPaths(actor);
    if (paths?.length) code = paths[0].split('/').pop();
    else if (actor.unitId) code = (await unitRegion(ctx.db, actor.unitId))?.code;
  }
  if (!code) throw badRequest('REGION_REQUIRED', { zh: '请指定统计区域（region）', en: 'Give the region (region)' }, { fields: [{ path: 'region', message: '请指定统计区域' }] });
  const scope = await metricScopeFor(ctx, actor, code);
  const r = await regionByCode(ctx.db, code);
  // A unit's staff see their unit's figures: the heading names the unit; else the region as a whole.
  return { scope, name: scope.unitId ? await unitName(ctx.db, scope.unitId) : `${r?.name ?? ''}（全辖区）` };
}

/** The heading line of a monthly table: its scope and periods. */
export function scopeLine(name: string, month: string): StatLine {
  const [y, m] = month.split('-').map(Number);
  return { item: `填报范围：${name}；统计期：${y}年${m}月（本年累计为${y}年1月至${m}月）`, unit: '', line: '', month: '', ytd: '' };
}
