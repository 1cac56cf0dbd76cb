import { z } from 'zod';
import { sql } from 'kysely';

import type { App, AppContext, FazhiModule, TodoItem } from './module.js';
import { activeActorOf, actorOf } from './http.js';
import { DateStr, Id } from '../../common/schemas.js';
import {
  AuditPageOut, BreakdownOut, ComputeOut, FileOut, FilesOut, HistoryOut, JobOut, JobsOut, MetricRecordsOut, MetricsOut, MetricValueOut, OkOut, OverrideChangeOut,
  OverridesOut, SettingsOut, TodosOut, YearsOut, CalendarMonthOut, fileResponse, MetricValuesOut, LateByUnitOut,
} from '../../common/core-api.js';
import { forbidden, notFound, badRequest } from './errors/index.js';
import { inRegionPaths, readRegionPaths, readUnits, requireRole, resolveRecord, auditActor, type Actor } from './scope/index.js';
import { computeDeadline, loadCalendar, lastCoveredYear, today } from './calendar/index.js';
import { recomputeOpenDeadlines, listOpenDeadlines, lateByUnit } from './deadlines/index.js';
import { recordAudit } from './audit/index.js';
import { attachFile, isMedia, listFiles, readFile } from './files/index.js';
import { badDim, getMetric, listMetrics, metricScopeOf, yearPeriod, type MetricScope } from './metrics/index.js';
import { firstUnitIn, regionByCode } from '../modules/org/lookup.js';
import { listSettings, putSetting } from './settings.js';
import { getJob, listJobs } from './jobs.js';

/** Resolves the region (by code) and the actor's scope within it for metrics; 404 if not visible. */
export async function metricScopeFor(ctx: AppContext, actor: Actor, regionCode: string): Promise<MetricScope> {
  const region = await regionByCode(ctx.db, regionCode);
  if (!region) throw notFound({ zh: '区域', en: 'Region' });
  const paths = readRegionPaths(actor);
  if (paths === null || paths.some((p) => region.path === p || region.path.startsWith(`${p}/`))) return metricScopeOf(ctx.db, region.id);
  // Unit staff see their own unit's figures only.
  const unit = await firstUnitIn(ctx.db, readUnits(actor), region.path);
  if (unit) return metricScopeOf(ctx.db, region.id, unit);
  throw notFound({ zh: '区域', en: 'Region' });
}

const SpecIn = z.object({
  from: DateStr,
  unit: z.enum(['WD', 'ND', 'M']),
  n: z.number().int().min(0).max(3650),
  rollOver: z.boolean().optional(),
});

/** Routes of the shared mechanisms: audit, calendar, files, to-dos, metrics, settings. */
export function coreRoutes(app: App, ctx: AppContext, modules: FazhiModule[]) {
  // ---- audit log (office and admin) ----
  app.get('/api/v1/audit', {
    schema: {
      tags: ['audit'],
      querystring: z.object({
        actorId: Id.optional(), entity: z.string().max(60).optional(), entityId: z.string().max(80).optional(),
        from: DateStr.optional(), to: DateStr.optional(),
        page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: AuditPageOut },
    },
  }, async (req) => {
    const actor = requireRole(activeActorOf(req), 'admin', 'office');
    const q = req.query;
    const paths = readRegionPaths(actor);
    const base = ctx.db.selectFrom('audit_log')
      .$if(paths !== null, (b) => b.where(inRegionPaths('region_id', paths!)))
      .$if(!!q.actorId, (b) => b.where('actor_id', '=', q.actorId!))
      .$if(!!q.entity, (b) => b.where('entity', '=', q.entity!))
      .$if(!!q.entityId, (b) => b.where('entity_id', '=', q.entityId!))
      .$if(!!q.from, (b) => b.where('at', '>=', new Date(`${q.from}T00:00:00+08:00`)))
      .$if(!!q.to, (b) => b.where('at', '<', new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000)));
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await base.selectAll().orderBy('seq', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    return { items, total: total.n, page: q.page, pageSize: q.pageSize };
  });
  app.get('/api/v1/history/:entity/:id', { schema: { tags: ['audit'], params: z.object({ entity: z.string().max(60), id: Id }), response: { 200: HistoryOut } } }, async (req) => {
    const actor = activeActorOf(req);
    if (!(await resolveRecord(ctx.db, actor, req.params.entity, req.params.id, 'read'))) throw notFound();
    const items = await ctx.db.selectFrom('audit_log')
      .select(['seq', 'at', 'actor_name', 'action', 'before', 'after'])
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', '=', req.params.entity), eb('entity_id', '=', req.params.id)]),
          // attachments uploaded to the record
          eb.and([eb('entity', '=', 'file'), eb(sql<string>`after->>'owner'`, '=', `${req.params.entity}:${req.params.id}`)]),
        ]),
      )
      .orderBy('seq').execute();
    return { items };
  });

  // ---- calendar ----
  app.get('/api/v1/calendar', {
    schema: { tags: ['calendar'], querystring: z.object({ year: z.coerce.number().int().min(2004).max(2100), month: z.coerce.number().int().min(1).max(12) }), response: { 200: CalendarMonthOut } },
  }, async (req) => {
    actorOf(req);
    const cal = await loadCalendar(ctx.db);
    return { days: cal.month(req.query.year, req.query.month), coveredUntil: lastCoveredYear() };
  });
  app.post('/api/v1/calendar/compute', { schema: { tags: ['calendar'], body: SpecIn, response: { 200: ComputeOut } } }, async (req) => {
    actorOf(req);
    const c = computeDeadline(await loadCalendar(ctx.db), req.body);
    return { due: c.due, provisional: c.provisional, explain: c.explain[req.lang] };
  });
  app.get('/api/v1/calendar/overrides', { schema: { tags: ['calendar'], response: { 200: OverridesOut } } }, async (req) => {
    activeActorOf(req);
    return { items: await ctx.db.selectFrom('calendar_overrides').select(['day', 'kind', 'reason', 'created_at']).orderBy('day').execute() };
  });
  app.put('/api/v1/calendar/overrides/:day', {
    schema: { tags: ['calendar'], params: z.object({ day: DateStr }), body: z.object({ kind: z.enum(['workday', 'holiday']), reason: z.string().trim().min(2).max(100) }), response: { 200: OverrideChangeOut } },
  }, async (req) => {
    const actor = activeActorOf(req);
    if (!actor.isAdmin) throw forbidden();
    const moved = await ctx.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('calendar_overrides').selectAll().where('day', '=', req.params.day).executeTakeFirst();
      const values = { day: req.params.day, kind: req.body.kind, reason: req.body.reason, created_by: actor.userId };
      await trx.insertInto('calendar_overrides').values(values).onConflict((oc) => oc.column('day').doUpdateSet(values)).execute();
      await recordAudit(trx, auditActor(actor), { entity: 'calendar_override', entityId: req.params.day, action: before ? 'update' : 'create', before, after: values });
      return recomputeOpenDeadlines(trx);
    });
    return { ok: true as const, deadlinesMoved: moved };
  });
  app.delete('/api/v1/calendar/overrides/:day', { schema: { tags: ['calendar'], params: z.object({ day: DateStr }), response: { 200: OverrideChangeOut } } }, async (req) => {
    const actor = activeActorOf(req);
    if (!actor.isAdmin) throw forbidden();
    const moved = await ctx.db.transaction().execute(async (trx) => {
      const before = await trx.deleteFrom('calendar_overrides').where('day', '=', req.params.day).returningAll().executeTakeFirst();
      if (!before) throw notFound({ zh: '调整记录', en: 'Override' });
      await recordAudit(trx, auditActor(actor), { entity: 'calendar_override', entityId: req.params.day, action: 'delete', before });
      return recomputeOpenDeadlines(trx);
    });
    return { ok: true as const, deadlinesMoved: moved };
  });

  // ---- files ----
  app.post('/api/v1/files/:entity/:id', { schema: { tags: ['files'], params: z.object({ entity: z.string().max(60), id: Id }), querystring: z.object({ effectiveDate: DateStr.optional() }), response: { 201: FileOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    // Read up to the larger limit (audio-video); attachFile applies the limit of the detected type.
    const part = await req.file({ limits: { fileSize: Math.max(ctx.cfg.maxUploadBytes, ctx.cfg.maxMediaUploadBytes) + 1 } });
    if (!part) throw badRequest('FILE_MISSING', { zh: '请选择要上传的文件', en: 'Choose a file to upload' });
    const data = await part.toBuffer();
    const row = await attachFile(ctx.db, ctx.storage, actor, {
      ownerEntity: req.params.entity, ownerId: req.params.id, name: part.filename, data, effectiveDate: req.query.effectiveDate,
      maxBytes: ctx.cfg.maxUploadBytes, maxMediaBytes: ctx.cfg.maxMediaUploadBytes,
    });
    return reply.status(201).send({ id: row.id, name: row.name, mime: row.mime, size: row.size, sha256: row.sha256 });
  });
  app.get('/api/v1/files/:entity/:id', { schema: { tags: ['files'], params: z.object({ entity: z.string().max(60), id: Id }), response: { 200: FilesOut } } }, async (req) => {
    return { items: await listFiles(ctx.db, activeActorOf(req), req.params.entity, req.params.id) };
  });
  app.get('/api/v1/file/:id', { schema: { tags: ['files'], params: z.object({ id: Id }), querystring: z.object({ inline: z.enum(['0', '1']).optional() }), response: fileResponse('附件原文件（按上传时的类型）', 'stored') } }, async (req, reply) => {
    const { row, data } = await readFile(ctx.db, ctx.storage, activeActorOf(req), req.params.id);
    const disp = req.query.inline === '1' && (row.mime.startsWith('image/') || row.mime === 'application/pdf' || isMedia(row.mime)) ? 'inline' : 'attachment';
    reply.header('content-type', row.mime);
    reply.header('content-disposition', `${disp}; filename*=UTF-8''${encodeURIComponent(row.name)}`);
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(data);
  });

  // ---- to-dos ----
  app.get('/api/v1/todos', { schema: { tags: ['todos'], response: { 200: TodosOut } } }, async (req) => {
    const actor = activeActorOf(req);
    // The deadline list and every module's to-dos at once (each on its own pooled connection on PostgreSQL).
    const [deadlines, ...perModule] = await Promise.all([
      listOpenDeadlines(ctx.db, actor, { limit: 100 }),
      ...modules.filter((m) => m.todos).map((m) => m.todos!(ctx, actor)),
    ]);
    const items: TodoItem[] = perModule.flat();
    return {
      deadlines: deadlines.map((d) => ({ ...d, title: d.title[req.lang], explain: d.explain[req.lang] })),
      items: items.map((i) => ({ ...i, title: i.title[req.lang] })),
      counts: {
        overdue: deadlines.filter((d) => d.state === 'overdue').length,
        dueSoon: deadlines.filter((d) => d.state === 'due_soon').length,
        open: deadlines.length,
        tasks: items.reduce((s, i) => s + i.count, 0),
      },
    };
  });

  // What is late, by unit and module, in the reader's scope (the leader's home).
  app.get('/api/v1/todos/late-by-unit', { schema: { tags: ['todos'], response: { 200: LateByUnitOut } } }, async (req) => ({ items: await lateByUnit(ctx.db, activeActorOf(req)) }));

  // ---- the year pages open on ----
  app.get('/api/v1/years', { schema: { tags: ['metrics'], response: { 200: YearsOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const found = await Promise.all(modules.filter((m) => m.years).map((m) => m.years!(ctx, actor)));
    const years = [...new Set(found.flatMap((f) => f.years))].sort((a, b) => b - a);
    const working = found.map((f) => f.working).filter((y): y is number => typeof y === 'number');
    // The report year being worked on; else the latest year with records; else the calendar's year.
    const year = working.length ? Math.max(...working) : (years[0] ?? Number(today().slice(0, 4)));
    return { years: [...new Set([year, ...years])].sort((a, b) => b - a), working: year };
  });

  // ---- metrics ----
  app.get('/api/v1/metrics', { schema: { tags: ['metrics'], response: { 200: MetricsOut } } }, async (req) => {
    actorOf(req);
    return { items: listMetrics().map((m) => ({ id: m.id, module: m.module, label: m.label[req.lang], unit: m.unit, definition: m.definition[req.lang] })) };
  });
  const MetricQ = z.object({ region: z.string().regex(/^\d{6,12}$/), year: z.coerce.number().int().min(2000).max(2100) });
  // Every figure for a region and year in one request (a dashboard asks once, not once per figure).
  app.get('/api/v1/metrics/values', { schema: { tags: ['metrics'], querystring: MetricQ.extend({ compare: z.enum(['0', '1']).optional() }), response: { 200: MetricValuesOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const scope = await metricScopeFor(ctx, actor, req.query.region);
    // One figure that cannot be computed does not blank the others; it shows as "no data" and is logged.
    const compute = (m: ReturnType<typeof listMetrics>[number], year: number) =>
      m.compute(ctx.db, scope, yearPeriod(year)).catch((e: unknown) => {
        req.log.warn({ err: e, metric: m.id }, 'metric failed');
        return null;
      });
    const items = [];
    for (const m of listMetrics()) {
      const value = await compute(m, req.query.year);
      const previous = req.query.compare === '1' ? await compute(m, req.query.year - 1) : undefined;
      items.push({ id: m.id, module: m.module, label: m.label[req.lang], unit: m.unit, definition: m.definition[req.lang], value, previous, scope: scope.unitId ? ('unit' as const) : ('region' as const) });
    }
    return { items };
  });
  app.get('/api/v1/metrics/:id', { schema: { tags: ['metrics'], params: z.object({ id: z.string().max(80) }), querystring: MetricQ, response: { 200: MetricValueOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const m = getMetric(req.params.id);
    if (!m) throw notFound({ zh: '指标', en: 'Metric' });
    const scope = await metricScopeFor(ctx, actor, req.query.region);
    const value = await m.compute(ctx.db, scope, yearPeriod(req.query.year));
    return { id: m.id, label: m.label[req.lang], unit: m.unit, definition: m.definition[req.lang], value, scope: scope.unitId ? ('unit' as const) : ('region' as const) };
  });
  app.get('/api/v1/metrics/:id/records', { schema: { tags: ['metrics'], params: z.object({ id: z.string().max(80) }), querystring: MetricQ, response: { 200: MetricRecordsOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const m = getMetric(req.params.id);
    if (!m) throw notFound({ zh: '指标', en: 'Metric' });
    const scope = await metricScopeFor(ctx, actor, req.query.region);
    return { id: m.id, label: m.label[req.lang], definition: m.definition[req.lang], items: await m.records(ctx.db, scope, yearPeriod(req.query.year)) };
  });
  app.get('/api/v1/metrics/:id/breakdown', {
    schema: { tags: ['metrics'], params: z.object({ id: z.string().max(80) }), querystring: MetricQ.extend({ by: z.string().min(1).max(40) }), response: { 200: BreakdownOut } },
  }, async (req) => {
    const actor = activeActorOf(req);
    const m = getMetric(req.params.id);
    if (!m) throw notFound({ zh: '指标', en: 'Metric' });
    if (!m.breakdown || !m.dims?.some((d) => d.dim === req.query.by)) throw badDim(req.query.by);
    const scope = await metricScopeFor(ctx, actor, req.query.region);
    return { id: m.id, by: req.query.by, items: await m.breakdown(ctx.db, scope, yearPeriod(req.query.year), req.query.by) };
  });

  // ---- settings ----
  app.get('/api/v1/settings', { schema: { tags: ['settings'], response: { 200: SettingsOut } } }, async (req) => {
    const actor = activeActorOf(req);
    if (!actor.isAdmin) throw forbidden();
    return { items: (await listSettings(ctx.db)).map((s) => ({ ...s, label: s.label[req.lang] })) };
  });
  app.put('/api/v1/settings/:key', { schema: { tags: ['settings'], params: z.object({ key: z.string().max(80) }), body: z.object({ value: z.unknown() }), response: { 200: OkOut } } }, async (req) => {
    await putSetting(ctx.db, activeActorOf(req), req.params.key, req.body.value);
    return { ok: true as const };
  });

  // ---- jobs (long operations) ----
  const presentJob = (j: Awaited<ReturnType<typeof listJobs>>[number]) => ({
    id: j.id, kind: j.kind, title: j.title, status: j.status, progress: j.progress, total: j.total, error: j.error,
    createdAt: j.created_at, finishedAt: j.finished_at, fileName: j.file_name,
    ...('result' in j && j.result !== null && j.result !== undefined ? { result: typeof j.result === 'string' ? JSON.parse(j.result) : j.result } : {}),
  });
  app.get('/api/v1/jobs', { schema: { tags: ['jobs'], response: { 200: JobsOut } } }, async (req) => ({ items: (await listJobs(ctx.db, activeActorOf(req))).map(presentJob) }));
  app.get('/api/v1/jobs/:id', { schema: { tags: ['jobs'], params: z.object({ id: Id }), response: { 200: JobOut } } }, async (req) => presentJob(await getJob(ctx.db, activeActorOf(req), req.params.id)));
  app.get('/api/v1/jobs/:id/download', { schema: { tags: ['jobs'], params: z.object({ id: Id }), response: fileResponse('后台任务生成的文件', 'docx', 'pdf', 'xlsx', 'html', 'md', 'json', 'any') } }, async (req, reply) => {
    const job = await getJob(ctx.db, activeActorOf(req), req.params.id);
    if (job.status !== 'done' || !job.file_key) throw notFound({ zh: '任务文件', en: 'Job file' });
    reply.header('content-type', job.file_mime ?? 'application/octet-stream');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(job.file_name ?? 'download')}`);
    return reply.send(await ctx.storage.get(job.file_key));
  });
}
