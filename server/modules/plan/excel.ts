import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { defineSheet, type CellError } from '../../core/excel/index.js';
import type { ImportSpec } from '../../core/excel/routes.js';
import { loadCalendar, today as todayFn } from '../../core/calendar/index.js';
import { forbidden } from '../../core/errors/index.js';
import { requireRole, type Actor } from '../../core/scope/index.js';
import { regionById, unitsByNameIn } from '../org/lookup.js';
import { entryProblems, insertEntry, insertKeyWork, refreshTask, reportingUnits } from './service.js';
import { Plans, REPORT_WRITE, Tasks } from './records.js';
import { RECURRENCE, REVIEW, TASK_STATUS, type Recurrence } from './schema.js';

/** One row of a plan spreadsheet in the usual ledger layout (重点工作 / 重点任务 / 牵头单位 / 配合单位 / 完成时限). */
export interface PlanRow {
  keyWork: string;
  area?: string;
  title: string;
  content?: string;
  lead: string;
  co?: string;
  leader?: string;
  due: string;
  outcome?: string;
}

/** The plan import sheet. 完成时限: a date, or 每季度 / 每月 (reported each period until year end). */
export const planSheet = defineSheet<PlanRow>({
  name: '重点任务',
  columns: [
    { key: 'keyWork', header: '重点工作', headerEn: 'Key work', width: 36 },
    { key: 'area', header: '纲要领域', headerEn: 'Outline area', width: 24 },
    { key: 'title', header: '重点任务', headerEn: 'Task', width: 50 },
    { key: 'content', header: '工作措施', headerEn: 'Measures', width: 50 },
    { key: 'lead', header: '牵头单位', headerEn: 'Lead unit', width: 22 },
    { key: 'co', header: '配合单位', headerEn: 'Co-units', width: 30 },
    { key: 'leader', header: '责任领导', headerEn: 'Responsible leader' },
    { key: 'due', header: '完成时限', headerEn: 'Deadline', width: 16 },
    { key: 'outcome', header: '预期成果', headerEn: 'Expected outcome', width: 30 },
  ],
  row: z.object({
    keyWork: z.string({ message: '重点工作必填' }).min(2, { message: '重点工作至少2个字' }).max(200),
    area: z.string().max(60).optional(),
    title: z.string({ message: '重点任务必填' }).min(2, { message: '重点任务至少2个字' }).max(300),
    content: z.string().max(2000).optional(),
    lead: z.string({ message: '牵头单位必填' }).min(2).max(80),
    co: z.string().max(1000).optional(),
    leader: z.string().max(40).optional(),
    due: z.string({ message: '完成时限必填' }).max(40).refine((d) => parseDue(d, 2000) !== null, { message: '不是有效的完成时限（应为日期，如2020-06-30，或“每季度”“每月”）' }),
    outcome: z.string().max(500).optional(),
  }) as z.ZodType<PlanRow>,
});

/** Splits a 配合单位 cell (、，,;；/ or spaces). */
export const splitUnits = (s?: string) => (s ?? '').split(/[、，,;；/\s]+/).map((x) => x.trim()).filter(Boolean);

/** Reads a 完成时限 cell: a date (2020-06-30, 2020年6月30日, 2020/6/30), or 每季度 / 每月 with the year end. */
export function parseDue(cell: string, year: number): { recurrence: Recurrence; dueDate: string } | null {
  const s = cell.trim();
  if (/^(每季度|按季度|季度)/.test(s)) return { recurrence: 'quarterly', dueDate: `${year}-12-31` };
  if (/^(每月|按月)/.test(s)) return { recurrence: 'monthly', dueDate: `${year}-12-31` };
  if (/^(年底前|年底|全年|长期坚持)$/.test(s)) return { recurrence: 'none', dueDate: `${year}-12-31` };
  const m = /^(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})日?(前)?$/.exec(s);
  if (!m) return null;
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  if (Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || !new Date(`${d}T00:00:00Z`).toISOString().startsWith(d)) return null;
  return { recurrence: 'none', dueDate: d };
}

/**
 * The units named in the rows, looked up within the plan's region — which `Plans.lockForWrite` has
 * checked lies in the uploader's own region: names are unique only within a district (every district
 * has a 区司法局), so a name never resolves to another district's unit. Name → ids (two = ambiguous).
 */
async function unitsNamed(trx: Db, regionId: string, rows: { value: PlanRow }[]) {
  const region = await regionById(trx, regionId);
  // Each name once: a 10,000-row ledger names the same few dozen units 30,000 times.
  const names = [...new Set(rows.flatMap(({ value }) => [value.lead, ...splitUnits(value.co)]))];
  const found = region ? await unitsByNameIn(trx, region.path, names) : new Map();
  return new Map([...found.entries()].map(([name, us]) => [name, us.map((u: { id: string }) => u.id)]));
}

/** The plan being imported into, locked for the office's write; undefined when out of scope. */
async function planForImport(trx: Db, actor: Actor, planId: string) {
  return Plans.lockForWrite(trx, actor, planId).catch(() => undefined);
}

/**
 * Import of a plan's key works and tasks into a draft plan, all-or-nothing through core's runImport.
 * Every row is checked: units must exist in the plan's district, deadlines must be dates of the plan
 * year (or 每季度/每月), no task twice under one key work.
 */
export function planImport(planId: string): ImportSpec<PlanRow> {
  return {
    sheet: planSheet,
    // A city-wide ledger runs to 10,000+ tasks; still one transaction, all or nothing.
    maxRows: 20_000,
    authorize(actor: Actor) {
      requireRole(actor, 'office');
    },
    async check(trx: Transaction<Database>, actor, rows) {
      // The route has already resolved the plan in the actor's scope; re-check inside the transaction.
      const p = await planForImport(trx, actor, planId);
      if (!p) return [{ row: 1, message: '计划不存在或无权导入' }];
      if (p.status !== 'draft') return [{ row: 1, message: '计划已印发，不能再导入任务' }];
      const units = await unitsNamed(trx, p.region_id, rows);
      const unitError = (name: string) => {
        const ids = units.get(name) ?? [];
        return ids.length === 0 ? `本辖区没有单位“${name}”` : ids.length > 1 ? `本辖区有${ids.length}个名为“${name}”的单位，请与依法治区办核对单位名称` : null;
      };
      const errors: CellError[] = [];
      const seen = new Set<string>();
      const existing = await trx.selectFrom('plan_tasks as t').innerJoin('plan_key_works as kw', 'kw.id', 't.key_work_id').select(['kw.title as kw', 't.title']).where('t.plan_id', '=', planId).execute();
      for (const e of existing) seen.add(`${e.kw}|${e.title}`);
      for (const { rowNumber, value } of rows) {
        const leadError = unitError(value.lead);
        if (leadError) errors.push({ row: rowNumber, column: '牵头单位', message: leadError });
        for (const c of splitUnits(value.co)) {
          const coError = unitError(c);
          if (coError) errors.push({ row: rowNumber, column: '配合单位', message: coError });
          else if (c === value.lead) errors.push({ row: rowNumber, column: '配合单位', message: `“${c}”已是牵头单位` });
        }
        const due = parseDue(value.due, p.year);
        if (!due) errors.push({ row: rowNumber, column: '完成时限', message: `“${value.due}”不是有效的完成时限（应为日期，如2020-06-30，或“每季度”“每月”）` });
        else if (due.dueDate.slice(0, 4) !== String(p.year)) errors.push({ row: rowNumber, column: '完成时限', message: `完成时限应在计划年度（${p.year}年）内` });
        const key = `${value.keyWork}|${value.title}`;
        if (seen.has(key)) errors.push({ row: rowNumber, column: '重点任务', message: '同一重点工作下该任务重复' });
        seen.add(key);
      }
      return errors;
    },
    /**
     * Writes every row in a handful of statements (a 10,000-row ledger is ~40 round trips, not 50,000):
     * the plan locked once, new key works created in order, each key work's next task number read once,
     * tasks and co-units by multi-row inserts, and their audit entries appended as one batch to the
     * district's chain.
     */
    async commit(trx, actor, rows, progress) {
      const p = await Plans.lockForWrite(trx, actor, planId);
      const units = await unitsNamed(trx, p.region_id, rows);
      const unitOf = (name: string) => units.get(name)![0];
      const kws = new Map<string, { id: string; seq: number; next: number }>();
      for (const { value } of rows) {
        if (kws.has(value.keyWork)) continue;
        const row = await insertKeyWork(trx, actor, p, value.keyWork, value.area ?? null);
        kws.set(value.keyWork, { id: row.id, seq: row.seq, next: 1 });
      }
      const ids = [...kws.values()].map((k) => k.id);
      const maxes = await trx.selectFrom('plan_tasks').select(['key_work_id', (eb) => eb.fn.max('seq').as('m')]).where('key_work_id', 'in', ids).groupBy('key_work_id').execute();
      for (const m of maxes) for (const kw of kws.values()) if (kw.id === m.key_work_id) kw.next = Number(m.m) + 1;
      const values = rows.map(({ value }) => {
        const kw = kws.get(value.keyWork)!;
        const due = parseDue(value.due, p.year)!;
        const seq = kw.next++;
        return {
          plan_id: p.id, key_work_id: kw.id, region_id: p.region_id, unit_id: unitOf(value.lead), seq, ord: kw.seq * 1000 + seq,
          title: value.title, content: value.content ?? null, expected_outcome: value.outcome ?? null, leader: value.leader ?? null,
          recurrence: due.recurrence, due_date: due.dueDate, current_due: null, done_date: null, latest_review: null,
        };
      });
      const tasks: Awaited<ReturnType<typeof Tasks.insertMany>> = [];
      const CHUNK = 2000;
      for (let i = 0; i < values.length; i += CHUNK) {
        tasks.push(...(await Tasks.insertMany(trx, actor, values.slice(i, i + CHUNK), 'import')));
        await progress?.(Math.min(i + CHUNK, values.length), values.length);
      }
      const co = tasks.map((t, i) => ({ task: t, units: [...new Set(splitUnits(rows[i].value.co).map(unitOf))].filter((u) => u !== t.unit_id) })).filter((x) => x.units.length);
      const links = co.flatMap((x) => x.units.map((u) => ({ task_id: x.task.id, unit_id: u })));
      for (let i = 0; i < links.length; i += 5000) await trx.insertInto('plan_task_units').values(links.slice(i, i + 5000)).execute();
      await Tasks.auditMany(trx, actor, 'set_co_units', co.map((x) => ({ before: null, after: { ...x.task, coUnitIds: x.units } })));
    },
  };
}

/** One row of the ledger export (台账). The last three columns are left blank for the bulk progress update. */
export interface LedgerRow {
  taskId: string;
  code: string;
  plan: string;
  keyWork: string;
  title: string;
  lead: string;
  co: string;
  leader: string;
  due: string;
  currentDue: string;
  status: string;
  entries: string;
  latestReview: string;
  newDate?: string;
  newText?: string;
  newStatus?: string;
}

/** Ledger export by plan, unit or status; fill the last three columns and upload it to update progress. */
export const ledgerSheet = defineSheet<LedgerRow>({
  name: '工作台账',
  columns: [
    { key: 'taskId', header: '任务ID', headerEn: 'Task ID', width: 38 },
    { key: 'code', header: '序号', headerEn: 'No.', width: 8 },
    { key: 'plan', header: '计划', headerEn: 'Plan', width: 30 },
    { key: 'keyWork', header: '重点工作', headerEn: 'Key work', width: 30 },
    { key: 'title', header: '重点任务', headerEn: 'Task', width: 50 },
    { key: 'lead', header: '牵头单位', headerEn: 'Lead unit', width: 20 },
    { key: 'co', header: '配合单位', headerEn: 'Co-units', width: 24 },
    { key: 'leader', header: '责任领导', headerEn: 'Leader' },
    { key: 'due', header: '完成时限', headerEn: 'Deadline', width: 14 },
    { key: 'currentDue', header: '当前期限', headerEn: 'Current deadline', width: 14 },
    { key: 'status', header: '状态', headerEn: 'Status', width: 10 },
    { key: 'entries', header: '进展情况', headerEn: 'Progress', width: 60 },
    { key: 'latestReview', header: '审核', headerEn: 'Review', width: 10 },
    { key: 'newDate', header: '本次进展日期', headerEn: 'New entry date', type: 'date', width: 14 },
    { key: 'newText', header: '本次进展情况', headerEn: 'New entry', width: 40 },
    { key: 'newStatus', header: '本次完成情况', headerEn: 'New entry status', options: ['推进中', '已完成'], width: 14 },
  ],
});

/** Formats a task for the ledger export. */
export function ledgerRow(t: {
  id: string; kw_seq: number; seq: number; plan_title: string; kw_title: string; title: string; unit_name: string; leader: string | null;
  recurrence: Recurrence; due_date: string; current_due: string | null; status: keyof typeof TASK_STATUS; latest_review: keyof typeof REVIEW | null;
}, co: { name: string }[], entries: { entry_date: string; unit_name: string; text: string; review: keyof typeof REVIEW }[]): LedgerRow {
  return {
    taskId: t.id,
    code: `${t.kw_seq}.${t.seq}`,
    plan: t.plan_title,
    keyWork: t.kw_title,
    title: t.title,
    lead: t.unit_name,
    co: co.map((c) => c.name).join('、'),
    leader: t.leader ?? '',
    due: t.recurrence === 'none' ? t.due_date : `${RECURRENCE[t.recurrence].zh}（至${t.due_date}）`,
    currentDue: t.current_due ?? '',
    status: TASK_STATUS[t.status].zh,
    entries: entries.map((e) => `${e.entry_date} ${e.unit_name}：${e.text}（${REVIEW[e.review].zh}）`).join('\n'),
    latestReview: t.latest_review ? REVIEW[t.latest_review].zh : '',
  };
}

/** One row of a bulk progress update (the filled-in ledger). */
export interface ProgressRow {
  taskId: string;
  newDate?: string;
  newText?: string;
  newStatus?: string;
}

/** The bulk progress sheet: the ledger's 任务ID and its three “本次” columns. */
export const progressSheet = defineSheet<ProgressRow>({
  name: '工作台账',
  columns: [
    { key: 'taskId', header: '任务ID', headerEn: 'Task ID' },
    { key: 'newDate', header: '本次进展日期', headerEn: 'New entry date', type: 'date' },
    { key: 'newText', header: '本次进展情况', headerEn: 'New entry' },
    { key: 'newStatus', header: '本次完成情况', headerEn: 'New entry status', options: ['推进中', '已完成'] },
  ],
  row: z.object({
    taskId: z.string({ message: '任务ID必填' }).uuid({ message: '任务ID无效（请使用导出的台账填写）' }),
    newDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '本次进展日期格式应为 YYYY-MM-DD' }).optional(),
    newText: z.string().min(2, { message: '本次进展情况至少2个字' }).max(4000).optional(),
    newStatus: z.enum(['推进中', '已完成'], { message: '本次完成情况应为“推进中”或“已完成”' }).optional(),
  }).refine((r) => !r.newText || !!r.newDate, { message: '填写了进展情况的行须填写本次进展日期', path: ['newDate'] }) as z.ZodType<ProgressRow>,
});

/**
 * Bulk progress update from the filled-in ledger. Each row with 本次进展情况 becomes an entry by the
 * uploader's unit; every row is checked against the uploader's scope exactly as the form is (a
 * liaison cannot update another unit's task: that row is an error and nothing is committed). Rows
 * without 本次进展情况 are left alone.
 */
export const progressImport: ImportSpec<ProgressRow> = {
  sheet: progressSheet,
  authorize(actor) {
    if (!actor.grants.some((g) => ['office', 'unit_head', 'liaison'].includes(g.role))) throw forbidden();
  },
  async check(trx, actor, rows) {
    const errors: CellError[] = [];
    const now = todayFn();
    const filled = rows.filter((r) => r.value.newText);
    if (!filled.length) return [{ row: 1, message: '没有填写“本次进展情况”的行，未更新任何任务' }];
    const seen = new Set<string>();
    for (const { rowNumber, value } of filled) {
      const t = await trx
        .selectFrom('plan_tasks as t')
        .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
        .select(['t.id', 't.region_id', 't.unit_id', 't.done_date', 't.recurrence', 't.due_date', 'p.status', 'p.year'])
        .where('t.id', '=', value.taskId)
        .where(Tasks.readWhere(actor))
        .executeTakeFirst();
      if (!t) {
        errors.push({ row: rowNumber, column: '任务ID', message: '任务不存在或无权访问' });
        continue;
      }
      if (t.status !== 'published') errors.push({ row: rowNumber, column: '任务ID', message: '计划尚未印发，不能报送进展' });
      const co = await trx.selectFrom('plan_task_units').select('unit_id').where('task_id', '=', t.id).execute();
      if (!(await reportingUnits(trx, actor, t.region_id, [t.unit_id, ...co.map((c) => c.unit_id)])).length)
        errors.push({ row: rowNumber, column: '任务ID', message: '只有牵头单位、配合单位可以报送该任务的进展' });
      for (const p of entryProblems(t, { entryDate: value.newDate! }, now))
        errors.push({ row: rowNumber, column: p.field === 'entryDate' && p.code !== 'TASK_ALREADY_DONE' ? '本次进展日期' : '任务ID', message: p.zh });
      if (seen.has(t.id)) errors.push({ row: rowNumber, column: '任务ID', message: '同一任务在本文件中出现多次' });
      seen.add(t.id);
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    const cal = await loadCalendar(trx);
    for (const { value } of rows.filter((r) => r.value.newText)) {
      const t = await Tasks.lockForWrite(trx, actor, value.taskId, REPORT_WRITE);
      const year = (await trx.selectFrom('plan_plans').select('year').where('id', '=', t.plan_id).executeTakeFirstOrThrow()).year;
      const co = await trx.selectFrom('plan_task_units').select('unit_id').where('task_id', '=', t.id).execute();
      const mine = await reportingUnits(trx, actor, t.region_id, [t.unit_id, ...co.map((c) => c.unit_id)]);
      const unitId = actor.unitId && mine.includes(actor.unitId) ? actor.unitId : mine.includes(t.unit_id) ? t.unit_id : mine[0];
      // The period a periodic task's row reports on is the one containing its date.
      const { periodEnd } = entryProblems({ ...t, year }, { entryDate: value.newDate! });
      await insertEntry(trx, actor, t, { entryDate: value.newDate!, periodEnd: periodEnd ?? null, text: value.newText!, claimedStatus: value.newStatus === '已完成' ? 'done' : 'in_progress', unitId });
      await refreshTask(trx, t.id, cal);
    }
  },
};
