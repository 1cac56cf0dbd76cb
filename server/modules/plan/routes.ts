import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { exportXlsx } from '../../core/excel/index.js';
import { ImportQuery, ImportResultOut, importRoutes, runImport, sendXlsx, uploadedFile, xlsxResponse } from '../../core/excel/routes.js';
import { requireRole } from '../../core/scope/index.js';
import { Id, page } from '../../../common/schemas.js';
import * as plan from './service.js';
import * as assess from './assess.js';
import { ledgerRow, ledgerSheet, planImport, planSheet, progressImport } from './excel.js';
import { Plans } from './records.js';
import { ROLLUP_RULES, STATUS_RULES } from './rules.js';
import {
  EntryInput, EntryListQuery, KeyWorkInput, PLAN_KINDS, PlanInput, PlanListQuery, RECURRENCE, REVIEW, ReviewInput, SchemeInput, ScoreInput,
  TASK_STATUS, TaskInput, TaskListQuery, UnitNoteInput,
  EntryOut, KeyWorkOut, PlanDetailOut, PlanListItemOut, PlanOut, ReadinessOut, RoundResultsOut, RoundStateOut, RulesOut, SchemeDetailOut,
  SchemeOut, SchemeResultsOut, ScoreOut, SheetOut, TaskDetailOut, TaskOut, TaskSavedOut, UnitNoteOut, VerifyOut,
} from './schema.js';
import { MEASURES } from './assess.js';

const IdParam = z.object({ id: Id });
const tags = ['plan'];
const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

// ---- presenters: rows → API shapes (never raw rows; the response schemas pick what is exposed) ----
type PlanRow = { id: string; region_id: string; year: number; kind: keyof typeof PLAN_KINDS; kind_label: string | null; title: string; doc_no: string | null; status: 'draft' | 'published'; published_at: Date | null };
const presentPlan = (p: PlanRow, lang: 'zh' | 'en') => ({
  id: p.id, regionId: p.region_id, year: p.year, kind: p.kind, kindLabel: p.kind_label ?? PLAN_KINDS[p.kind][lang], title: p.title, docNo: p.doc_no,
  status: p.status, publishedAt: iso(p.published_at),
});
type TaskRow = Awaited<ReturnType<typeof plan.listTasks>>['items'][number];
const presentTask = (t: TaskRow, lang: 'zh' | 'en') => ({
  id: t.id, planId: t.plan_id, planTitle: t.plan_title, planStatus: t.plan_status, year: t.year, keyWorkId: t.key_work_id, keyWorkTitle: t.kw_title,
  code: `${t.kw_seq}.${t.seq}`, title: t.title, content: t.content, expectedOutcome: t.expected_outcome, leader: t.leader,
  unitId: t.unit_id, unitName: t.unit_name, coUnits: t.coUnits, recurrence: t.recurrence, recurrenceLabel: RECURRENCE[t.recurrence][lang],
  dueDate: t.due_date, currentDue: t.current_due, doneDate: t.done_date, status: t.status, statusLabel: TASK_STATUS[t.status][lang],
  latestReview: t.latest_review, activeEntries: Number(t.active_entries), canReport: t.canReport, canEdit: t.canEdit,
});
type EntryLike = {
  id: string; task_id: string; unit_id: string; unit_name?: string; entry_date: string; period_end: string | null; text: string; claimed_status: 'in_progress' | 'done';
  review: 'pending' | 'accepted' | 'returned'; review_comment: string | null; created_at: Date; task_title?: string; plan_title?: string; author?: string | null; canEdit?: boolean; canReview?: boolean;
};
const presentEntry = (e: EntryLike, lang: 'zh' | 'en') => ({
  id: e.id, taskId: e.task_id, unitId: e.unit_id, unitName: e.unit_name ?? null, entryDate: e.entry_date, periodEnd: e.period_end, text: e.text, claimedStatus: e.claimed_status,
  review: e.review, reviewLabel: REVIEW[e.review][lang], reviewComment: e.review_comment, createdAt: iso(e.created_at)!,
  taskTitle: e.task_title, planTitle: e.plan_title, author: e.author, canEdit: e.canEdit, canReview: e.canReview,
});
type TreeNode = { id: string; title: string; level: number; seq: number; points: number | null; method: 'auto' | 'manual' | 'veto' | null; measure: string | null; target: number | null; guidance: string | null; children: TreeNode[] };
const presentNode = (n: TreeNode): TreeNode => ({
  id: n.id, title: n.title, level: n.level, seq: n.seq, points: n.points, method: n.method, measure: n.measure, target: n.target, guidance: n.guidance, children: n.children.map(presentNode),
});

/** Routes of plans, the ledger and the assessment. */
export function planRoutes(app: App, ctx: AppContext) {
  const db = ctx.db;
  const xlsx = xlsxResponse();

  app.get('/api/v1/plan/rules', { schema: { tags, response: { 200: RulesOut } } }, async (req) => {
    activeActorOf(req);
    return {
      statuses: STATUS_RULES.map((r, i) => ({ order: i + 1, status: r.status, label: TASK_STATUS[r.status][req.lang], rule: r.rule[req.lang] })),
      rollUp: ROLLUP_RULES.map((r) => r[req.lang]),
      kinds: Object.entries(PLAN_KINDS).map(([k, v]) => ({ kind: k as keyof typeof PLAN_KINDS, label: v[req.lang] })),
      assessment: { measures: Object.entries(MEASURES).map(([k, v]) => ({ id: k, label: v[req.lang] })), unitTypes: assess.ASSESSED_UNIT_TYPES },
    };
  });

  // ---- plans ----
  app.get('/api/v1/plan/plans', { schema: { tags, querystring: PlanListQuery, response: { 200: page(PlanListItemOut) } } }, async (req) => {
    const r = await plan.listPlans(db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((p) => ({ ...presentPlan(p, req.lang), keyWorks: Number(p.key_works ?? 0), tasks: Number(p.tasks ?? 0), done: Number(p.done ?? 0) })) };
  });
  app.post('/api/v1/plan/plans', { schema: { tags, body: PlanInput, response: { 201: PlanOut } } }, async (req, reply) => {
    const p = await plan.createPlan(db, activeActorOf(req), req.body);
    return reply.status(201).send(presentPlan(p, req.lang));
  });
  app.get('/api/v1/plan/plans/import/template', { schema: { tags, response: xlsx } }, async (req, reply) => {
    requireRole(activeActorOf(req), 'office');
    return sendXlsx(reply, '重点任务-导入模板.xlsx', await exportXlsx(planSheet, []));
  });
  // The import dialog asks `${url}/template` of the plan's import URL.
  app.get('/api/v1/plan/plans/:id/import/template', { schema: { tags, params: IdParam, response: xlsx } }, async (req, reply) => {
    requireRole(activeActorOf(req), 'office');
    return sendXlsx(reply, '重点任务-导入模板.xlsx', await exportXlsx(planSheet, []));
  });
  app.get('/api/v1/plan/plans/:id', { schema: { tags, params: IdParam, response: { 200: PlanDetailOut } } }, async (req) => {
    const r = await plan.getPlan(db, activeActorOf(req), req.params.id);
    const draft = r.plan.status === 'draft';
    return {
      ...presentPlan(r.plan, req.lang), canEdit: r.office && draft, canPublish: r.office && draft,
      rollUp: { total: r.total, done: r.done, overdue: r.overdue, complete: r.complete, progress: r.progress },
      keyWorks: r.keyWorks.map((k) => ({ id: k.id, seq: k.seq, title: k.title, area: k.area, total: k.total, done: k.done, overdue: k.overdue, complete: k.complete, progress: k.progress })),
    };
  });
  app.put('/api/v1/plan/plans/:id', { schema: { tags, params: IdParam, body: PlanInput, response: { 200: PlanOut } } }, async (req) =>
    presentPlan(await plan.updatePlan(db, activeActorOf(req), req.params.id, req.body), req.lang),
  );
  app.post('/api/v1/plan/plans/:id/publish', { schema: { tags, params: IdParam, response: { 200: PlanOut } } }, async (req) =>
    presentPlan(await plan.publishPlan(db, activeActorOf(req), req.params.id), req.lang),
  );
  app.post('/api/v1/plan/plans/:id/key-works', { schema: { tags, params: IdParam, body: KeyWorkInput, response: { 201: KeyWorkOut } } }, async (req, reply) => {
    const k = await plan.addKeyWork(db, activeActorOf(req), req.params.id, req.body);
    return reply.status(201).send({ id: k.id, planId: k.plan_id, seq: k.seq, title: k.title, area: k.area });
  });
  // Plan import into a draft plan: the one import mechanism (core runImport: dry run, all-or-nothing).
  app.post('/api/v1/plan/plans/:id/import', { schema: { tags: ['plan', 'import'], params: IdParam, querystring: ImportQuery, response: { 200: ImportResultOut } } }, async (req) => {
    const actor = activeActorOf(req);
    requireRole(actor, 'office');
    // 404 out of scope, 403 for a reader who is not the office (the import re-checks inside its transaction).
    const p = await db.transaction().execute((trx) => Plans.lockForWrite(trx, actor, req.params.id));
    return runImport(db, actor, planImport(p.id), await uploadedFile(req, ctx.cfg.maxUploadBytes), req.query.dryRun === '1', req.lang);
  });

  // ---- tasks (ledger) ----
  app.get('/api/v1/plan/tasks', { schema: { tags, querystring: TaskListQuery, response: { 200: page(TaskOut) } } }, async (req) => {
    const r = await plan.listTasks(db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((t) => presentTask(t, req.lang)) };
  });
  app.get('/api/v1/plan/tasks/export', { schema: { tags, querystring: TaskListQuery.omit({ page: true, pageSize: true, sort: true, order: true }), response: xlsx } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const tasks = await plan.ledgerQuery(db, actor, req.query).orderBy('p.year', 'desc').orderBy('p.title').orderBy('t.ord').orderBy('t.id').limit(20000).execute();
    const ids = tasks.map((t) => t.id);
    const co = await plan.coUnitsOf(db, actor, ids);
    const entries = await plan.entriesOfTasks(db, actor, ids);
    const byTask = new Map<string, typeof entries>();
    for (const e of entries) byTask.set(e.task_id, [...(byTask.get(e.task_id) ?? []), e]);
    const rows = tasks.map((t) => ledgerRow(t, co.get(t.id) ?? [], byTask.get(t.id) ?? []));
    return sendXlsx(reply, '工作台账.xlsx', await exportXlsx(ledgerSheet, rows));
  });
  importRoutes(app, ctx, '/api/v1/plan/progress/import', progressImport);
  app.post('/api/v1/plan/tasks', { schema: { tags, body: TaskInput, response: { 201: TaskSavedOut } } }, async (req, reply) => {
    const t = await plan.createTask(db, activeActorOf(req), req.body);
    return reply.status(201).send({ id: t.id, keyWorkId: t.key_work_id, seq: t.seq, title: t.title, unitId: t.unit_id, dueDate: t.due_date, recurrence: t.recurrence });
  });
  app.get('/api/v1/plan/tasks/:id', { schema: { tags, params: IdParam, response: { 200: TaskDetailOut } } }, async (req) => {
    const r = await plan.getTask(db, activeActorOf(req), req.params.id);
    return { ...presentTask(r.task, req.lang), obligations: r.obligations, periods: r.periods, entries: r.entries.map((e) => presentEntry(e, req.lang)) };
  });
  app.put('/api/v1/plan/tasks/:id', { schema: { tags, params: IdParam, body: TaskInput, response: { 200: TaskSavedOut } } }, async (req) => {
    const t = await plan.updateTask(db, activeActorOf(req), req.params.id, req.body);
    return { id: t.id, keyWorkId: t.key_work_id, seq: t.seq, title: t.title, unitId: t.unit_id, dueDate: t.due_date, recurrence: t.recurrence };
  });
  app.delete('/api/v1/plan/tasks/:id', { schema: { tags, params: IdParam, response: { 204: z.null().describe('已删除') } } }, async (req, reply) => {
    await plan.deleteTask(db, activeActorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  // ---- entries ----
  app.post('/api/v1/plan/tasks/:id/entries', { schema: { tags, params: IdParam, body: EntryInput, response: { 201: EntryOut } } }, async (req, reply) => {
    const e = await plan.addEntry(db, activeActorOf(req), req.params.id, req.body);
    return reply.status(201).send(presentEntry(e, req.lang));
  });
  app.get('/api/v1/plan/entries', { schema: { tags, querystring: EntryListQuery, response: { 200: page(EntryOut) } } }, async (req) => {
    const r = await plan.listEntries(db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((e) => presentEntry(e, req.lang)) };
  });
  app.put('/api/v1/plan/entries/:id', { schema: { tags, params: IdParam, body: EntryInput, response: { 200: EntryOut } } }, async (req) =>
    presentEntry(await plan.updateEntry(db, activeActorOf(req), req.params.id, req.body), req.lang),
  );
  app.post('/api/v1/plan/entries/:id/review', { schema: { tags, params: IdParam, body: ReviewInput, response: { 200: EntryOut } } }, async (req) =>
    presentEntry(await plan.reviewEntry(db, activeActorOf(req), req.params.id, req.body), req.lang),
  );

  // ---- assessment (考核) ----
  app.get('/api/v1/plan/assess/schemes', { schema: { tags, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: z.object({ items: z.array(SchemeOut) }) } } }, async (req) => {
    const rows = await assess.listSchemes(db, activeActorOf(req), req.query.year);
    return { items: rows.map((s) => ({ id: s.id, regionId: s.region_id, year: s.year, title: s.title })) };
  });
  app.post('/api/v1/plan/assess/schemes', { schema: { tags, body: SchemeInput, response: { 201: SchemeOut } } }, async (req, reply) => {
    const s = await assess.createScheme(db, activeActorOf(req), req.body);
    return reply.status(201).send({ id: s.id, regionId: s.region_id, year: s.year, title: s.title });
  });
  app.get('/api/v1/plan/assess/schemes/:id', { schema: { tags, params: IdParam, response: { 200: SchemeDetailOut } } }, async (req) => {
    const r = await assess.getScheme(db, activeActorOf(req), req.params.id);
    return {
      id: r.scheme.id, year: r.scheme.year, title: r.scheme.title, totalPoints: r.totalPoints, tree: (r.tree as TreeNode[]).map(presentNode) as never,
      rounds: r.rounds.map((x) => ({ id: x.id, kind: x.kind, title: x.title, periodFrom: x.period_from, periodTo: x.period_to, weight: Number(x.weight), status: x.status })),
    };
  });
  app.get('/api/v1/plan/assess/schemes/:id/results', { schema: { tags, params: IdParam, response: { 200: SchemeResultsOut } } }, async (req) => {
    const r = await assess.schemeResults(db, activeActorOf(req), req.params.id);
    return { schemeId: r.scheme.id, complete: r.complete, rounds: r.rounds.map((x) => ({ id: x.id, title: x.title, weight: Number(x.weight), status: x.status })), items: r.items };
  });
  app.post('/api/v1/plan/assess/rounds/:id/compute', { schema: { tags, params: IdParam, response: { 200: z.object({ computed: z.number().int() }) } } }, async (req) => assess.computeRound(db, activeActorOf(req), req.params.id));
  app.get('/api/v1/plan/assess/rounds/:id/verify', { schema: { tags, params: IdParam, response: { 200: VerifyOut } } }, async (req) => {
    const actor = activeActorOf(req);
    requireRole(actor, 'office', 'leader', 'viewer');
    return assess.verifyRound(db, actor, req.params.id);
  });
  app.post('/api/v1/plan/assess/rounds/:id/scores', { schema: { tags, params: IdParam, body: ScoreInput, response: { 200: ScoreOut } } }, async (req) => {
    const s = await assess.scoreItem(db, activeActorOf(req), req.params.id, req.body);
    return { id: s.id, unitId: s.unit_id, itemId: s.item_id, awarded: s.awarded === null ? null : Number(s.awarded), vetoed: s.vetoed, reason: s.reason };
  });
  app.post('/api/v1/plan/assess/rounds/:id/notes', { schema: { tags, params: IdParam, body: UnitNoteInput, response: { 201: UnitNoteOut } } }, async (req, reply) => {
    const s = await assess.addUnitNote(db, activeActorOf(req), req.params.id, req.body);
    return reply.status(201).send({ id: s.id, itemId: s.item_id, unitId: s.unit_id, note: s.unit_note });
  });
  app.post('/api/v1/plan/assess/rounds/:id/review', { schema: { tags, params: IdParam, response: { 200: RoundStateOut } } }, async (req) => {
    const r = await assess.reviewRound(db, activeActorOf(req), req.params.id);
    return { id: r.id, status: r.status };
  });
  app.post('/api/v1/plan/assess/rounds/:id/publish', { schema: { tags, params: IdParam, response: { 200: RoundStateOut } } }, async (req) => {
    const r = await assess.publishRound(db, activeActorOf(req), req.params.id);
    return { id: r.id, status: r.status };
  });
  app.get('/api/v1/plan/assess/rounds/:id/results', { schema: { tags, params: IdParam, response: { 200: RoundResultsOut } } }, async (req) => {
    const r = await assess.roundResults(db, activeActorOf(req), req.params.id);
    return { roundId: r.round.id, status: r.round.status, items: r.items };
  });
  const SheetParams = z.object({ id: Id, unitId: Id });
  app.get('/api/v1/plan/assess/rounds/:id/units/:unitId/sheet', { schema: { tags, params: SheetParams, response: { 200: SheetOut } } }, async (req) => {
    const r = await assess.scoreSheet(db, activeActorOf(req), req.params.id, req.params.unitId);
    return { roundId: r.round.id, roundTitle: r.round.title, status: r.round.status, unit: r.unit, total: r.total, fullMarks: r.fullMarks, vetoed: r.vetoed, lines: r.lines };
  });
  app.get('/api/v1/plan/assess/rounds/:id/units/:unitId/readiness', { schema: { tags, params: SheetParams, response: { 200: ReadinessOut } } }, async (req) => {
    const r = await assess.readiness(db, activeActorOf(req), req.params.id, req.params.unitId);
    return { roundId: r.round.id, roundTitle: r.round.title, unitId: r.unitId, missingPoints: r.missingPoints, lines: r.lines };
  });
}
