import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { auditVersion, canonical } from '../../core/audit/index.js';
import { today as todayFn } from '../../core/calendar/index.js';
import { badRequest, conflict, notFound, forbidden } from '../../core/errors/index.js';
import { mayWriteAt, readRegionPaths, OFFICE_WRITE, type Actor } from '../../core/scope/index.js';
import { regionByCode, regionById, regionWithin } from '../org/lookup.js';
import { Reports } from './records.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';
import { docNumberProblems } from '../../../common/docnumber.js';
import {
  DEFAULT_BLOCKS, PARTS, PENDING_METRICS, defaultMeta, fillVars, formatValue, placeholderPhrases, placeholders,
  type Block, type Part, type ReportMeta,
} from './template.js';
import type { ReportStatus } from './schema.js';
import { closeReportDue } from '../rollup/deadlines.js';

/** Template version of the default template. */
export const DEFAULT_TEMPLATE = 'seed-2020-v1';

/** One evaluated figure of the report. */
export interface Figure {
  /** `blockId#n`: the n-th placeholder of the block. */
  key: string;
  blockId: string;
  metricId: string;
  format?: string;
  label: string;
  unit: string;
  value: number | null;
  /** What the prose shows: the formatted value, or the no-data marker. */
  text: string;
  noData: boolean;
  /** True when no module defines the metric yet. */
  pending: boolean;
  recordCount: number;
  records: { id: string; entity: string; hash: string }[];
}

/** A run of text in a rendered block. */
export interface Segment {
  text: string;
  bold?: boolean;
  /** Figure key when this segment is a figure. */
  figure?: string;
}

/** A rendered block. */
export interface RenderedBlock {
  id: string;
  kind: 'h1' | 'p';
  lead?: string;
  segments: Segment[];
  parts: Part[];
}

/** Something the editor should show the office. */
export interface Warning {
  kind: 'no_data' | 'contradiction' | 'changed_since_review' | 'missing_part' | 'doc_number' | 'changed_since_submission';
  blockId?: string;
  metricId?: string;
  message: { zh: string; en: string };
}

/** A report evaluated and ready for any renderer. */
export interface Rendered {
  report: { id: string | null; regionId: string; regionCode: string; regionName: string; year: number; status: ReportStatus; templateVersion: string };
  meta: ReportMeta;
  blocks: RenderedBlock[];
  figures: Record<string, Figure>;
  /** Figures come from the submission snapshot (submitted or published report). */
  frozen: boolean;
  warnings: Warning[];
}

const noDataText = (label: string) => `【暂无数据：${label}】`;
const sha = (v: unknown) => createHash('sha256').update(canonical(v)).digest('hex');

/** Region info for a report (name, full issuer name "焦作市中站区人民政府"). */
async function regionInfo(db: Db, regionId: string) {
  const r = await regionById(db, regionId);
  if (!r) throw notFound({ zh: '区域', en: 'Region' });
  const parent = r.parent_id ? await regionById(db, r.parent_id) : undefined;
  return { id: r.id, code: r.code, name: r.name, parent: parent?.name ?? null, issuer: `${parent?.name ?? ''}${r.name}人民政府` };
}

type Evaluated = { value: number | null; label: string; unit: string; pending: boolean; records: Figure['records'] };

/**
 * Evaluated figures per database handle, region, year and metric, valid while no audited write happened
 * in the region's subtree (nor a system-wide one) and the day has not changed: opening the report editor
 * again costs one version query instead of every metric and its records. Every module write is audited
 * in its region's chain (record core), so a write invalidates exactly the regions it touches. Bounded by
 * the records it holds; a figure with very many records behind it is not kept.
 */
const FIGURE_CACHE_RECORDS = 500_000;
const FIGURE_CACHE_MAX_PER_FIGURE = 100_000;
const figureCache = new WeakMap<object, Map<string, { version: string; e: Evaluated }>>();
let cachedRecords = 0;
function cacheOf(db: Db) {
  if (db.isTransaction) return null; // inside a transaction the figures may include its own uncommitted writes
  let m = figureCache.get(db);
  if (!m) figureCache.set(db, (m = new Map()));
  return m;
}
function remember(cache: Map<string, { version: string; e: Evaluated }>, key: string, version: string, e: Evaluated) {
  if (e.records.length > FIGURE_CACHE_MAX_PER_FIGURE) return;
  const old = cache.get(key);
  if (old) cachedRecords -= old.e.records.length;
  cache.delete(key);
  cache.set(key, { version, e });
  cachedRecords += e.records.length;
  // Oldest first (Map keeps insertion order; a hit re-inserts).
  for (const [k, v] of cache) {
    if (cachedRecords <= FIGURE_CACHE_RECORDS) break;
    cache.delete(k);
    cachedRecords -= v.e.records.length;
  }
}

/** Evaluates each distinct metric once for the report's region (and below) and year. */
async function evaluateMetrics(db: Db, regionId: string, year: number, ids: string[]) {
  const scope = await metricScopeOf(db, regionId);
  const period = yearPeriod(year);
  const cache = cacheOf(db);
  const version = cache ? `${await auditVersion(db, scope.regionPath)}@${todayFn()}` : '';
  // Metrics are independent reads: evaluated concurrently (on PostgreSQL they run in parallel; the
  // embedded database's single connection queues them).
  const evaluated = await Promise.all(
    [...new Set(ids)].map(async (id): Promise<[string, Evaluated]> => {
      const m = getMetric(id);
      if (!m) return [id, { value: null, label: PENDING_METRICS[id] ?? id, unit: 'count', pending: true, records: [] }];
      const key = `${regionId}|${year}|${id}`;
      const hit = cache?.get(key);
      if (hit && hit.version === version) {
        remember(cache!, key, version, hit.e);
        return [id, hit.e];
      }
      const value = await m.compute(db, scope, period);
      const recs = value === null ? [] : await m.records(db, scope, period);
      const e: Evaluated = { value, label: m.label.zh, unit: m.unit, pending: false, records: recs.map((r) => ({ id: r.id, entity: r.entity, hash: r.hash ?? sha(r) })) };
      if (cache) remember(cache, key, version, e);
      return [id, e];
    }),
  );
  return new Map(evaluated);
}

/** Splits a text into plain, bold and figure segments. */
function segmentsOf(text: string, blockId: string, figureKeys: Map<number, string>, figures: Record<string, Figure>): Segment[] {
  const out: Segment[] = [];
  const re = /\*\*|\{\{\s*[a-zA-Z][\w.]*\s*(?::\s*[a-z0-9]+)?\s*\}\}/g;
  let bold = false;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const idx = m.index ?? 0;
    if (idx > last) out.push({ text: text.slice(last, idx), ...(bold ? { bold } : {}) });
    if (m[0] === '**') bold = !bold;
    else {
      const key = figureKeys.get(idx)!;
      out.push({ text: figures[key].text, figure: key, ...(bold ? { bold } : {}) });
    }
    last = idx + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), ...(bold ? { bold } : {}) });
  void blockId;
  return out;
}

/**
 * Evaluates a report: fills variables, computes every figure from its metric (or takes the frozen
 * snapshot for a submitted report), and collects the editor's warnings.
 */
export async function evaluateReport(
  db: Db,
  r: { id: string | null; region_id: string; year: number; status: ReportStatus; template_version: string; meta: ReportMeta; blocks: Block[] },
): Promise<Rendered> {
  const region = await regionInfo(db, r.region_id);
  const vars = { year: r.year, region: region.name };
  const blocks = r.blocks.map((b) => ({ ...b, text: fillVars(b.text, vars), lead: b.lead ? fillVars(b.lead, vars) : undefined }));
  const allPh = blocks.flatMap((b) => placeholders(b.text).map((p) => ({ ...p, blockId: b.id })));
  const evaluated = await evaluateMetrics(db, r.region_id, r.year, allPh.map((p) => p.metricId));
  const figures: Record<string, Figure> = {};
  const keysByBlock = new Map<string, Map<number, string>>();
  const counter = new Map<string, number>();
  for (const p of allPh) {
    const n = (counter.get(p.blockId) ?? 0) + 1;
    counter.set(p.blockId, n);
    const key = `${p.blockId}#${n}`;
    const e = evaluated.get(p.metricId)!;
    figures[key] = {
      key, blockId: p.blockId, metricId: p.metricId, format: p.format, label: e.label, unit: e.unit, value: e.value,
      text: e.value === null ? noDataText(e.label) : formatValue(e.value, e.unit, p.format),
      noData: e.value === null, pending: e.pending, recordCount: e.records.length, records: e.records,
    };
    if (!keysByBlock.has(p.blockId)) keysByBlock.set(p.blockId, new Map());
    keysByBlock.get(p.blockId)!.set(p.index, key);
  }

  const warnings: Warning[] = [];
  let frozen = false;
  if (r.id && (r.status === 'submitted' || r.status === 'published')) {
    const snap = await latestSnapshot(db, r.id, 'submission');
    if (snap) {
      frozen = true;
      const frozenFigures = snap.figures as Record<string, Figure>;
      for (const [key, now] of Object.entries(figures)) {
        const was = frozenFigures[key];
        if (!was) continue;
        const changed = was.value !== now.value || canonical(was.records) !== canonical(now.records);
        if (changed)
          warnings.push({
            kind: 'changed_since_submission', blockId: now.blockId, metricId: now.metricId,
            message: {
              zh: `“${now.label}”报送时为${was.text}，按现有记录为${now.text}（记录变动：${diffRecords(was.records, now.records).zh}）`,
              en: `"${now.metricId}" was ${was.text} at submission, records now give ${now.text} (${diffRecords(was.records, now.records).en})`,
            },
          });
        figures[key] = was;
      }
    }
  }

  if (!frozen) {
    for (const f of Object.values(figures))
      if (f.noData)
        warnings.push({
          kind: 'no_data', blockId: f.blockId, metricId: f.metricId,
          message: f.pending
            ? { zh: `“${f.label}”所属模块尚未启用，暂无数据`, en: `${f.metricId}: its module is not in use yet (no data)` }
            : { zh: `“${f.label}”在${r.year}年度没有记录`, en: `${f.metricId}: no records for ${r.year}` },
        });
    // Typed numbers that contradict a metric: the default template's phrase followed by a literal number.
    const phrases = placeholderPhrases(DEFAULT_BLOCKS.map((b) => ({ ...b, text: fillVars(b.text, vars) })));
    const values = new Map(Object.values(figures).map((f) => [f.metricId, f]));
    const need = phrases.filter((p) => !values.has(p.metricId));
    const extra = need.length ? await evaluateMetrics(db, r.region_id, r.year, need.map((p) => p.metricId)) : new Map();
    for (const b of blocks) {
      const plain = b.text.replace(/\*\*/g, '');
      for (const ph of phrases) {
        const re = new RegExp(`${ph.phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\d+(?:\\.\\d+)?)\\s*(余)?`, 'g');
        for (const m of plain.matchAll(re)) {
          const typed = Number(m[1]);
          const f = values.get(ph.metricId);
          const value = f ? f.value : (extra.get(ph.metricId)?.value ?? null);
          const label = f?.label ?? extra.get(ph.metricId)?.label ?? ph.metricId;
          if (value === null) continue;
          const approx = !!m[2];
          const consistent = approx ? value >= typed && value < typed * 1.5 : Math.abs(value - typed) < 1e-9;
          if (!consistent)
            warnings.push({
              kind: 'contradiction', blockId: b.id, metricId: ph.metricId,
              message: {
                zh: `文中写“${ph.phrase}${m[1]}${m[2] ?? ''}”，但按记录计算的“${label}”为${formatValue(value, 'count')}`,
                en: `The text says "${ph.phrase}${m[1]}${m[2] ?? ''}" but ${ph.metricId} computes to ${value}`,
              },
            });
        }
      }
    }
    if (r.id) {
      const review = await latestSnapshot(db, r.id, 'review');
      if (review) {
        const was = review.figures as Record<string, Figure>;
        for (const f of Object.values(figures)) {
          const w = was[f.key];
          if (w && w.value !== f.value)
            warnings.push({
              kind: 'changed_since_review', blockId: f.blockId, metricId: f.metricId,
              message: { zh: `“${f.label}”审核时为${w.text}，现为${f.text}`, en: `${f.metricId} was ${w.text} at review, now ${f.text}` },
            });
        }
      }
    }
  }
  for (const part of Object.keys(PARTS) as Part[]) {
    const covered = blocks.some((b) => (b.parts ?? []).includes(part) && b.text.trim().length > 0);
    if (!covered)
      warnings.push({ kind: 'missing_part', message: { zh: `缺少必备内容：${PARTS[part].zh}（《法治政府建设与责任落实督察工作规定》第二十四条）`, en: `Missing mandatory part: ${PARTS[part].en}` } });
  }
  if (r.meta.docNumber) {
    const p = docNumberProblems(r.meta.docNumber);
    if (p.length) warnings.push({ kind: 'doc_number', message: { zh: `发文字号：${p[0].zh}`, en: `Document number: ${p[0].en}` } });
  } else warnings.push({ kind: 'doc_number', message: { zh: '尚未填写发文字号', en: 'No document number yet' } });

  return {
    report: { id: r.id, regionId: r.region_id, regionCode: region.code, regionName: region.name, year: r.year, status: r.status, templateVersion: r.template_version },
    meta: r.meta,
    blocks: blocks.map((b) => ({ id: b.id, kind: b.kind, lead: b.lead, parts: b.parts ?? [], segments: segmentsOf(b.text, b.id, keysByBlock.get(b.id) ?? new Map(), figures) })),
    figures,
    frozen,
    warnings,
  };
}

function diffRecords(a: Figure['records'], b: Figure['records']) {
  const am = new Map(a.map((x) => [x.id, x.hash]));
  const bm = new Map(b.map((x) => [x.id, x.hash]));
  const added = b.filter((x) => !am.has(x.id)).length;
  const removed = a.filter((x) => !bm.has(x.id)).length;
  const changed = b.filter((x) => am.has(x.id) && am.get(x.id) !== x.hash).length;
  return { zh: `新增${added}条、删除${removed}条、修改${changed}条`, en: `${added} added, ${removed} removed, ${changed} changed`, added, removed, changed };
}

async function latestSnapshot(db: Db, reportId: string, kind: 'review' | 'submission') {
  return db.selectFrom('report_snapshots').selectAll().where('report_id', '=', reportId).where('kind', '=', kind).orderBy('taken_at', 'desc').limit(1).executeTakeFirst();
}

/** A stored report, with whether the actor may write it (decided in SQL by the same write scope the service locks with). */
export type ReportRow = Selectable<Database['reports']> & { may_write?: boolean };

/** Loads a report the actor may read — scoped in the query, so unknown and forbidden are both 404. */
export async function loadReport(db: Db, actor: Actor, id: string): Promise<ReportRow & { may_write: boolean }> {
  const row = await Reports.query(db, actor)
    .selectAll('r')
    .select(sql<boolean>`${Reports.writeWhere(actor)}`.as('may_write'))
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(Reports.label);
  return row as ReportRow & { may_write: boolean };
}

/** Evaluates a stored report. */
export async function renderStored(db: Db, row: ReportRow) {
  return evaluateReport(db, { id: row.id, region_id: row.region_id, year: row.year, status: row.status, template_version: row.template_version, meta: row.meta as ReportMeta, blocks: row.blocks as Block[] });
}

/** Renders the default template for a region and year without a stored report (CLI, preview). */
export async function renderDefault(db: Db, regionCode: string, year: number): Promise<Rendered> {
  const region = await regionByCode(db, regionCode);
  if (!region) throw notFound({ zh: '区域', en: 'Region' });
  // System rendering without an actor (CLI, preview of the region's own report): by region and year.
  const stored = await db.selectFrom('reports').selectAll().where('region_id', '=', region.id).where('year', '=', year).executeTakeFirst();
  if (stored) return renderStored(db, stored);
  const info = await regionInfo(db, region.id);
  return evaluateReport(db, { id: null, region_id: region.id, year, status: 'draft', template_version: DEFAULT_TEMPLATE, meta: defaultMeta(info.name, info.issuer, year), blocks: DEFAULT_BLOCKS });
}

/** Lists reports of the regions the actor reads. */
export async function listReports(db: Db, actor: Actor, year?: number) {
  return Reports.query(db, actor)
    .innerJoin('regions as g', 'g.id', 'r.region_id')
    .select(['r.id', 'r.year', 'r.status', 'r.meta', 'r.updated_at', 'r.published_on', 'r.public_url', 'g.code as region_code', 'g.name as region_name'])
    .$if(year !== undefined, (q) => q.where('r.year', '=', year!))
    .orderBy('r.year', 'desc')
    .orderBy('g.code')
    .orderBy('r.id')
    .execute() as Promise<(Pick<ReportRow, 'id' | 'year' | 'status' | 'meta' | 'updated_at' | 'published_on' | 'public_url'> & { region_code: string; region_name: string })[]>;
}

/** Starts the year's report from the default template (the office of that region). */
export async function createReport(db: Kysely<Database>, actor: Actor, input: { regionCode: string; year: number }, meta?: Partial<ReportMeta>) {
  const region = await regionByCode(db, input.regionCode);
  if (!region || !(await regionWithin(db, region.id, readRegionPaths(actor)))) throw notFound({ zh: '区域', en: 'Region' });
  if (!(await mayWriteAt(db, actor, region.id, null, OFFICE_WRITE))) throw forbidden();
  const info = await regionInfo(db, region.id);
  return db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom('reports').select('id').where('region_id', '=', region.id).where('year', '=', input.year).executeTakeFirst();
    if (dup) throw conflict('REPORT_EXISTS', { zh: `${info.name}${input.year}年度报告已存在`, en: `The ${input.year} report exists` }, { id: dup.id });
    return Reports.insert(trx, actor, {
      region_id: region.id, year: input.year, template_version: DEFAULT_TEMPLATE, status: 'draft',
      meta: JSON.stringify({ ...defaultMeta(info.name, info.issuer, input.year), ...meta }),
      blocks: JSON.stringify(DEFAULT_BLOCKS), created_by: actor.userId,
    });
  });
}

/** Edits metadata and prose; only drafts and reports in review can change (frozen from 保密审查 on). */
export async function updateReport(db: Kysely<Database>, actor: Actor, id: string, input: { meta?: ReportMeta; blocks?: Block[] }) {
  return db.transaction().execute(async (trx) => {
    const before = await Reports.lockForWrite(trx, actor, id);
    if (!['draft', 'review'].includes(before.status))
      throw conflict('REPORT_LOCKED', { zh: '报告已进入保密审查或已报送，不能再修改；如需修改请先退回', en: 'The report is locked after secrecy review; return it first' });
    if (input.meta?.docNumber) {
      const p = docNumberProblems(input.meta.docNumber);
      if (p.length) throw badRequest('DOC_NUMBER_INVALID', p[0], { fields: [{ path: 'meta.docNumber', message: p[0].zh }] });
    }
    if (input.blocks) {
      const ids = new Set<string>();
      for (const b of input.blocks) {
        if (ids.has(b.id)) throw badRequest('BLOCK_ID_DUPLICATE', { zh: `段落编号${b.id}重复`, en: `Duplicate block id ${b.id}` });
        ids.add(b.id);
      }
    }
    return Reports.update(trx, actor, before, {
      ...(input.meta ? { meta: JSON.stringify(input.meta) } : {}),
      ...(input.blocks ? { blocks: JSON.stringify(input.blocks) } : {}),
      updated_at: new Date(),
    });
  });
}

/** Allowed transitions: 草稿 → 审核 → 保密审查 → 已报送 → 已公开, and 退回 to draft before submission. */
const TRANSITIONS: Record<string, { from: ReportStatus[]; to: ReportStatus }> = {
  submit_review: { from: ['draft'], to: 'review' },
  approve_review: { from: ['review'], to: 'secrecy' },
  return: { from: ['review', 'secrecy'], to: 'draft' },
  submit: { from: ['secrecy'], to: 'submitted' },
  publish: { from: ['submitted'], to: 'published' },
};

/** Transition input. */
export interface TransitionArgs {
  action: keyof typeof TRANSITIONS;
  comment?: string;
  secrecyReviewer?: string;
  secrecyOpinion?: string;
  publicUrl?: string;
  publishedOn?: string;
  lateReason?: string;
}

/**
 * Moves a report through its workflow. Submission requires the 保密审查 sign-off and freezes every
 * figure with the ids and content hashes of the records behind it; publication requires the public
 * URL and date — before 1 April of the next year (督察规定 第二十四条), or a recorded reason.
 */
export async function transitionReport(db: Kysely<Database>, actor: Actor, id: string, t: TransitionArgs) {
  const rule = TRANSITIONS[t.action];
  return db.transaction().execute(async (trx) => {
    const row = await Reports.lockForWrite(trx, actor, id);
    if (!rule.from.includes(row.status))
      throw conflict('REPORT_BAD_TRANSITION', {
        zh: `当前状态不能执行该操作（报告须按 草稿→审核→保密审查→已报送→已公开 的顺序办理）`,
        en: `Not allowed from status ${row.status} (draft → review → secrecy → submitted → published)`,
      });
    const set: Partial<Record<string, unknown>> = { status: rule.to, updated_at: new Date() };
    if (t.action === 'submit_review' || t.action === 'submit') {
      const rendered = await renderStored(trx, row);
      if (t.action === 'submit') {
        if (!t.secrecyReviewer || !t.secrecyOpinion)
          throw badRequest('SECRECY_REVIEW_REQUIRED', { zh: '报送前须填写保密审查人和审查意见', en: 'Record the secrecy reviewer and opinion before submitting' }, {
            fields: [
              ...(!t.secrecyReviewer ? [{ path: 'secrecyReviewer', message: '请填写保密审查人' }] : []),
              ...(!t.secrecyOpinion ? [{ path: 'secrecyOpinion', message: '请填写保密审查意见' }] : []),
            ],
          });
        const meta = row.meta as ReportMeta;
        const problems = docNumberProblems(meta.docNumber ?? '');
        if (problems.length) throw conflict('DOC_NUMBER_INVALID', { zh: `报送前须填写规范的发文字号：${problems[0].zh}`, en: `A valid document number is required: ${problems[0].en}` });
        Object.assign(set, { secrecy_reviewer: t.secrecyReviewer, secrecy_opinion: t.secrecyOpinion, secrecy_reviewed_at: new Date(), submitted_at: new Date(), submitted_by: actor.userId });
      }
      await trx
        .insertInto('report_snapshots')
        .values({
          report_id: id, kind: t.action === 'submit' ? 'submission' : 'review', taken_by: actor.userId,
          figures: JSON.stringify(rendered.figures),
          content_hash: sha({ meta: rendered.meta, blocks: rendered.blocks }),
        })
        .execute();
    }
    if (t.action === 'publish') {
      if (!t.publicUrl || !t.publishedOn)
        throw badRequest('PUBLICATION_REQUIRED', { zh: '公开须填写公开网址和公开日期', en: 'Give the public URL and the publication date' }, {
          fields: [...(!t.publicUrl ? [{ path: 'publicUrl', message: '请填写公开网址' }] : []), ...(!t.publishedOn ? [{ path: 'publishedOn', message: '请填写公开日期' }] : [])],
        });
      const deadline = `${row.year + 1}-03-31`;
      if (t.publishedOn > deadline && !t.lateReason)
        throw conflict('PUBLICATION_LATE', {
          zh: `年度报告应当于${row.year + 1}年4月1日之前向社会公开（《法治政府建设与责任落实督察工作规定》第二十四条）；逾期公开须说明原因`,
          en: `Annual reports must be published before 1 April ${row.year + 1}; give the reason for the delay`,
        });
      Object.assign(set, { public_url: t.publicUrl, published_on: t.publishedOn, late_reason: t.lateReason ?? null });
    }
    const after = await Reports.update(trx, actor, row, set, t.action);
    // Reported to the region above: its to-do for this report closes (rollup/deadlines).
    if (t.action === 'submit') await closeReportDue(trx, row.region_id, row.year);
    // The reviewer's comment on the transition belongs to the history, not to the report's columns.
    if (t.comment) await Reports.audit(trx, actor, `${t.action}_comment`, null, { id, region_id: row.region_id, comment: t.comment });
    return after;
  });
}

/** The records behind one figure of a report (click-through). */
export async function figureRecords(db: Db, actor: Actor, id: string, metricId: string) {
  const row = await loadReport(db, actor, id);
  const m = getMetric(metricId);
  if (!m) throw notFound({ zh: '指标', en: 'Metric' });
  const scope = await metricScopeOf(db, row.region_id);
  return { metric: { id: m.id, label: m.label, definition: m.definition, unit: m.unit }, records: await m.records(db, scope, yearPeriod(row.year)) };
}
