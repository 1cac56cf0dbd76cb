/**
 * Monthly statistical tables (统计月报表) as a bureau reports them upward: 指标名称 | 计量单位 | 行次 |
 * 本月 | 本年累计, over the reader's scope, as an Excel download. A module supplies only its lines
 * (`monthlyRoute`); the periods, the scope, the heading line, the sheet and the route are shared here.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { App, AppContext } from '../module.js';
import { activeActorOf } from '../http.js';
import { metricScopeFor } from '../routes.js';
import { badRequest, forbidden } from '../errors/index.js';
import { readRegionPaths, type Actor } from '../scope/index.js';
import { defineSheet, exportXlsx } from '../excel/index.js';
import { sendXlsx, xlsxResponse } from '../excel/routes.js';
import { regionByCode, unitName, unitRegion } from '../../modules/org/lookup.js';
import type { Db } from '../../db/index.js';
import type { MetricScope, Period } from './index.js';

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

/** SQL pieces for a table's cells: a date column within a period, a filtered count, equality, conjunction. */
export const inP = (col: string, p: Period) => sql<SqlBool>`(${sql.ref(col)} between ${p.from}::date and ${p.to}::date)`;
export const cnt = (cond: Expression<SqlBool>) => sql<number>`count(*) filter (where ${cond})`;
export const eq = (col: string, v: string) => sql<SqlBool>`${sql.ref(col)} = ${v}`;
export const and = (...c: Expression<SqlBool>[]) => sql<SqlBool>`(${sql.join(c, sql` and `)})`;

/** A row of a query's counts as numbers. */
export function numbers(...rows: Record<string, unknown>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) for (const [k, v] of Object.entries(row)) out[k] = Number(v ?? 0);
  return out;
}

/**
 * Builds a table's lines from the month's and the year's cells: `head` a heading, `add` a counted cell by
 * key, `val` a figure computed elsewhere (a rate: no data shows as —). Lines are numbered as added.
 */
export function statTable(month: Record<string, number>, ytd: Record<string, number>) {
  const lines: StatLine[] = [];
  let n = 0;
  return {
    lines,
    head: (item: string) => void lines.push({ item, unit: '', line: '', month: '', ytd: '' }),
    add: (item: string, unit: string, key: string) => void lines.push({ item, unit, line: ++n, month: month[key], ytd: ytd[key] }),
    val: (item: string, unit: string, vm: number | null, vy: number | null) => void lines.push({ item, unit, line: ++n, month: vm ?? '—', ytd: vy ?? '—' }),
  };
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

/**
 * Registers `GET {path}?region=&month=`: the table named `title` for the month and the year to date,
 * within the reader's scope, for readers `canView` admits (403 otherwise).
 */
export function monthlyRoute(app: App, ctx: AppContext, o: {
  path: string;
  tags: string[];
  title: string;
  canView: (actor: Actor) => boolean;
  lines: (db: Db, scope: MetricScope, month: string) => Promise<StatLine[]>;
}) {
  app.get(o.path, { schema: { tags: o.tags, querystring: MonthlyQuery, response: xlsxResponse(`${o.title}（.xlsx）`) } }, async (req, reply) => {
    const actor = activeActorOf(req);
    if (!o.canView(actor)) throw forbidden();
    const { scope, name } = await monthlyScope(ctx, actor, req.query.region);
    const lines = [scopeLine(name, req.query.month), ...(await o.lines(ctx.db, scope, req.query.month))];
    const [y, m] = req.query.month.split('-').map(Number);
    const heading = `${o.title}（${y}年${m}月）`;
    return sendXlsx(reply, `${heading}.xlsx`, await exportXlsx(monthlySheet(o.title), lines, { title: heading }));
  });
}
