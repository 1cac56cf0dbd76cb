import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/index.js';
import { loadCalendar, today as todayFn } from '../../core/calendar/index.js';
import { badDim, inMetricScope, rate, type BreakdownRow, type MetricDef, type MetricDim, type MetricRecord, type MetricScope, type Period } from '../../core/metrics/index.js';
import { factsOf, obligationsOf } from './rules.js';
import { toRuleEntry } from './service.js';
import type { PlanKind } from './schema.js';

/** The breakdowns of a plan count: by lead unit, and by month of a date column. */
const DIMS = (month: string) => [
  { dim: 'unit', label: { zh: '按牵头单位', en: 'By lead unit' } },
  { dim: 'month', label: { zh: `按${month}月份`, en: `By month of ${month}` } },
];

/** Groups a base query's distinct ids by lead unit (t.unit_id, u.name) or by the month of a date column, in SQL. */
async function groupCount(qb: SelectQueryBuilder<any, any, any>, idCol: string, dateCol: string, dim: MetricDim): Promise<BreakdownRow[]> {
  const n = sql<number>`count(distinct ${sql.ref(idCol)})`;
  if (dim === 'unit') {
    const rows = (await qb.select(['t.unit_id as key', 'u.name as label', n.as('value')]).groupBy(['t.unit_id', 'u.name', 'u.sort']).orderBy('u.sort').orderBy('t.unit_id').execute()) as BreakdownRow[];
    return rows.map((r) => ({ ...r, value: Number(r.value) }));
  }
  if (dim === 'month') {
    const m = sql<string>`to_char(${sql.ref(dateCol)}, 'YYYY-MM')`;
    const rows = (await qb.select([m.as('key'), n.as('value')]).groupBy(m as never).orderBy(sql`1`).execute()) as { key: string; value: number }[];
    return rows.map((r) => ({ key: r.key, label: r.key, value: Number(r.value) }));
  }
  throw badDim(dim);
}

/** Placeholders for the reviewable SQL of a metric. */
const SQL_SCOPE: MetricScope = { regionPath: ':regionPath' };
const SQL_PERIOD: Period = { from: '2000-01-01', to: '2000-12-31' };

const years = (p: Period) => [Number(p.from.slice(0, 4)), Number(p.to.slice(0, 4))] as const;

/** Tasks of published plans of a kind whose plan year falls in the period, in scope (unit: lead or co-unit). */
function tasksOf(db: Db, scope: MetricScope, period: Period, kind?: PlanKind) {
  const [y1, y2] = years(period);
  return db
    .selectFrom('plan_tasks as t')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .innerJoin('plan_key_works as kw', 'kw.id', 't.key_work_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .where('p.status', '=', 'published')
    // The region by path; the unit (lead or co-unit) below.
    .where(inMetricScope({ ...scope, unitId: null }, 'p.region_id'))
    .where('p.year', '>=', y1)
    .where('p.year', '<=', y2)
    .$if(!!kind, (q) => q.where('p.kind', '=', kind!))
    .$if(!!scope.unitId, (q) =>
      q.where(sql<SqlBool>`(t.unit_id = ${scope.unitId!} or exists (select 1 from plan_task_units cu where cu.task_id = t.id and cu.unit_id = ${scope.unitId!}))`),
    );
}

/** Whether any published plan of the kind exists for the period in scope's regions (else the figure is "no data"). */
async function hasPlan(db: Db, scope: MetricScope, period: Period, kind: PlanKind) {
  const [y1, y2] = years(period);
  const r = await db.selectFrom('plan_plans as p').select('p.id').where('p.status', '=', 'published').where('p.kind', '=', kind)
    .where(inMetricScope({ ...scope, unitId: null }, 'p.region_id'))
    .where('p.year', '>=', y1).where('p.year', '<=', y2).limit(1).executeTakeFirst();
  return !!r;
}

function keyWorkMetric(id: string, kind: PlanKind, label: { zh: string; en: string }, definition: { zh: string; en: string }): MetricDef {
  return {
    id, module: 'plan', label, unit: 'item', definition,
    async compute(db, scope, period) {
      if (!(await hasPlan(db, scope, period, kind))) return null;
      const r = await tasksOf(db, scope, period, kind).select(sql<number>`count(distinct kw.id)`.as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async records(db, scope, period) {
      const rows = await tasksOf(db, scope, period, kind).select(['kw.id', 'kw.title', 'kw.seq', 'p.title as plan_title', 'p.published_at']).distinct().orderBy('kw.seq').orderBy('kw.id').execute();
      return rows.map((r): MetricRecord => ({ id: r.id, entity: 'plan_key_work', label: `${r.seq}. ${r.title}（${r.plan_title}）` }));
    },
    dims: DIMS('任务完成时限'),
    breakdown: (db, scope, period, dim) => groupCount(tasksOf(db, scope, period, kind), 'kw.id', 't.due_date', dim),
    sql: (db) => tasksOf(db, SQL_SCOPE, SQL_PERIOD, kind).select(sql<number>`count(distinct kw.id)`.as('n')).compile().sql,
  };
}

function taskMetric(id: string, kind: PlanKind, label: { zh: string; en: string }, definition: { zh: string; en: string }): MetricDef {
  return {
    id, module: 'plan', label, unit: 'item', definition,
    async compute(db, scope, period) {
      if (!(await hasPlan(db, scope, period, kind))) return null;
      const r = await tasksOf(db, scope, period, kind).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async records(db, scope, period) {
      const rows = await tasksOf(db, scope, period, kind).select(['t.id', 't.title', 'kw.seq as kseq', 't.seq', 't.due_date', 'u.name as unit_name']).orderBy('t.ord').orderBy('t.id').execute();
      return rows.map((r): MetricRecord => ({ id: r.id, entity: 'plan_task', label: `${r.kseq}.${r.seq} ${r.title}`, date: r.due_date, unitName: r.unit_name }));
    },
    dims: DIMS('完成时限'),
    breakdown: (db, scope, period, dim) => groupCount(tasksOf(db, scope, period, kind), 't.id', 't.due_date', dim),
    sql: (db) => tasksOf(db, SQL_SCOPE, SQL_PERIOD, kind).select(sql<number>`count(*)`.as('n')).compile().sql,
  };
}

/** Tasks of the kind with their obligations (rules.ts), for rate metrics. */
async function tasksWithObligations(db: Db, scope: MetricScope, period: Period, kind?: PlanKind) {
  const tasks = await tasksOf(db, scope, period, kind).select(['t.id', 't.title', 't.unit_id', 't.recurrence', 't.due_date', 'p.year', 'u.name as unit_name']).orderBy('t.ord').orderBy('t.id').execute();
  if (!tasks.length) return [];
  const entries = await db.selectFrom('plan_entries').select(['id', 'task_id', 'entry_date', 'period_end', 'claimed_status', 'review', 'created_at', 'updated_at']).where('task_id', 'in', tasks.map((t) => t.id)).execute();
  const cal = await loadCalendar(db);
  return tasks.map((t) => {
    const es = entries.filter((e) => e.task_id === t.id).map(toRuleEntry);
    const task = { year: t.year, recurrence: t.recurrence, dueDate: t.due_date };
    return { ...t, obligations: obligationsOf(task, es, cal), doneDate: factsOf({ ...task, published: true }, es, cal).doneDate };
  });
}

/** Obligations falling due within the period, up to today (a future deadline cannot be missed yet). */
function dueIn(period: Period, due: string) {
  return due >= period.from && due <= period.to && due <= todayFn();
}

/** The plan module's figures. Each says exactly what it counts. */
export const planMetrics: MetricDef[] = [
  keyWorkMetric('plan.keyWorks', 'gov_work', { zh: '法治政府建设重点工作', en: 'Key works of the rule-of-law government plan' }, {
    zh: '当年已印发的“法治政府建设工作安排”类计划中的重点工作项数（按计划年度归属；单位范围：含本单位牵头或配合任务的重点工作）',
    en: 'Key works in the published rule-of-law government work plans of the year (by plan year; unit scope: key works with a task the unit leads or co-operates on)',
  }),
  taskMetric('plan.keyTasks', 'gov_work', { zh: '法治政府建设重点任务', en: 'Tasks of the rule-of-law government plan' }, {
    zh: '当年已印发的“法治政府建设工作安排”类计划中细化分解的重点任务项数（按计划年度归属）',
    en: 'Tasks in the published rule-of-law government work plans of the year (by plan year)',
  }),
  keyWorkMetric('plan.reform.majorItems', 'reform', { zh: '放管服改革重点工作大项', en: 'Reform plan major items' }, {
    zh: '当年已印发的“放管服改革重点工作”类计划中的大项（重点工作）数',
    en: 'Major items (key works) of the published 放管服 reform plans of the year',
  }),
  taskMetric('plan.reform.minorItems', 'reform', { zh: '放管服改革重点工作小项', en: 'Reform plan minor items' }, {
    zh: '当年已印发的“放管服改革重点工作”类计划中的小项（任务）数',
    en: 'Minor items (tasks) of the published 放管服 reform plans of the year',
  }),
  {
    id: 'plan.reform.claimingUnits', module: 'plan', unit: 'count',
    label: { zh: '认领放管服改革任务的部门', en: 'Units that claimed reform items' },
    definition: { zh: '当年已印发的“放管服改革重点工作”类计划中，作为牵头单位或配合单位认领至少一个小项的不同单位数', en: 'Distinct units that lead or co-operate on at least one item of the published reform plans of the year' },
    async compute(db, scope, period) {
      if (!(await hasPlan(db, scope, period, 'reform'))) return null;
      return (await claimingUnits(db, scope, period)).length;
    },
    async records(db, scope, period) {
      return (await claimingUnits(db, scope, period)).map((u) => ({ id: u.id, entity: 'unit', label: u.name, unitName: u.name }));
    },
  },
  {
    id: 'plan.tasksCompleted', module: 'plan', unit: 'item',
    label: { zh: '已完成的重点任务', en: 'Tasks completed' },
    definition: { zh: '当年“法治政府建设工作安排”中，依法治区办已采纳“已完成”进展、且完成日期不晚于统计期末的任务数', en: 'Tasks of the year’s rule-of-law government plan accepted as done by the end of the period' },
    async compute(db, scope, period) {
      if (!(await hasPlan(db, scope, period, 'gov_work'))) return null;
      return (await tasksWithObligations(db, scope, period, 'gov_work')).filter((t) => t.doneDate && t.doneDate <= period.to).length;
    },
    async records(db, scope, period) {
      return (await tasksWithObligations(db, scope, period, 'gov_work')).filter((t) => t.doneDate && t.doneDate <= period.to).map((t) => ({ id: t.id, entity: 'plan_task', label: t.title, date: t.doneDate, unitName: t.unit_name }));
    },
  },
  {
    id: 'plan.tasksOverdue', module: 'plan', unit: 'item',
    label: { zh: '逾期的重点任务', en: 'Tasks overdue' },
    definition: { zh: '当年“法治政府建设工作安排”中，完成时限（节假日顺延）在统计期内且已届满，但未在时限内被采纳为“已完成”的任务数（含逾期后完成）', en: 'Tasks of the year’s plan whose deadline (moved past holidays) fell in the period and passed without an accepted completion by then (late completions included)' },
    async compute(db, scope, period) {
      if (!(await hasPlan(db, scope, period, 'gov_work'))) return null;
      return (await overdue(db, scope, period)).length;
    },
    async records(db, scope, period) {
      return (await overdue(db, scope, period)).map((t) => ({ id: t.id, entity: 'plan_task', label: t.title, date: t.obligations[t.obligations.length - 1].due, unitName: t.unit_name }));
    },
  },
  {
    id: 'plan.completionRate', module: 'plan', unit: 'percent',
    label: { zh: '重点任务完成率', en: 'Task completion rate' },
    definition: { zh: '已完成的重点任务数 ÷ 当年“法治政府建设工作安排”重点任务总数 × 100%（按任务计数；无计划时为无数据）', en: 'Tasks completed ÷ all tasks of the year’s rule-of-law government plan × 100 (a count of tasks)' },
    async compute(db, scope, period) {
      const ts = await tasksWithObligations(db, scope, period, 'gov_work');
      return rate(ts.filter((t) => t.doneDate && t.doneDate <= period.to).length, ts.length);
    },
    async records(db, scope, period) {
      return (await tasksWithObligations(db, scope, period, 'gov_work')).map((t) => ({ id: t.id, entity: 'plan_task', label: `${t.title}${t.doneDate && t.doneDate <= period.to ? '（已完成）' : '（未完成）'}`, date: t.doneDate, unitName: t.unit_name }));
    },
  },
  {
    id: 'plan.onTimeEntryRate', module: 'plan', unit: 'percent',
    label: { zh: '台账按时报送率', en: 'On-time ledger reporting rate' },
    definition: {
      zh: '统计期内已届满的报送义务（按季度/按月任务每期一次报送；一次性任务为完成）中，在期限（节假日顺延）内完成报送的比例；被退回的进展不计；仅计已印发计划',
      en: 'Share of reporting obligations (one per period for recurring tasks; completion for one-off tasks) due in the period and already past that were met by their deadline (moved past holidays); returned entries do not count',
    },
    async compute(db, scope, period) {
      const obs = (await tasksWithObligations(db, scope, period)).flatMap((t) => t.obligations.filter((o) => dueIn(period, o.due)));
      return rate(obs.filter((o) => o.metOn && o.metOn <= o.due).length, obs.length);
    },
    async records(db, scope, period) {
      return (await tasksWithObligations(db, scope, period)).flatMap((t) =>
        t.obligations.filter((o) => dueIn(period, o.due)).map((o) => ({ id: t.id, entity: 'plan_task', label: `${t.title}：期限${o.due}，${o.metOn ? `${o.metOn}报送${o.metOn <= o.due ? '（按时）' : '（逾期）'}` : '未报送'}`, date: o.due, unitName: t.unit_name })),
      );
    },
  },
];

async function overdue(db: Db, scope: MetricScope, period: Period) {
  return (await tasksWithObligations(db, scope, period, 'gov_work')).filter((t) => {
    const last = t.obligations[t.obligations.length - 1];
    return dueIn(period, last.due) && !(t.doneDate && t.doneDate <= last.due);
  });
}

/** Distinct units leading or co-operating on a reform item in scope (names by a display join), in the org's order. */
async function claimingUnits(db: Db, scope: MetricScope, period: Period) {
  const tasks = tasksOf(db, scope, period, 'reform');
  const rows = await db
    .selectFrom(
      tasks.select('t.unit_id as unit_id')
        .union(tasksOf(db, scope, period, 'reform').innerJoin('plan_task_units as cu', 'cu.task_id', 't.id').select('cu.unit_id as unit_id'))
        .as('c'),
    )
    .innerJoin('units as cu_name', 'cu_name.id', 'c.unit_id')
    .select(['cu_name.id', 'cu_name.name'])
    .$if(!!scope.unitId, (q) => q.where('c.unit_id', '=', scope.unitId!))
    .orderBy('cu_name.sort')
    .orderBy('cu_name.id')
    .execute();
  return rows;
}
