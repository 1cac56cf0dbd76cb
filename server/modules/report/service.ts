import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { auditVersion, canonical } from '../../core/audit/index.js';
import { today as todayFn } from '../../core/calendar/index.js';
import { badRequest, conflict, notFound, forbidden } from '../../core/errors/index.js';
import { mayWriteAt, readRegionPaths, OFFICE_WRITE, type Actor } from '../../core/scope/index.js';
import { regionByCode, regionById, regionWithin } from '../org/lookup.js';
import { Reports } from './records.js';
import { getMetric, metricScopeOf, yearPeriod, type MetricScope, type Period } from '../../core/metrics/index.js';
import { docNumberProblems } from '../../../common/docnumber.js';
import { publishedLate } from '../../../common/report.js';
import {
  DEFAULT_BLOCKS, PARTS, claimsOf, conditionIds, defaultMeta, expandConditionals, fillVars, formatValue, joinNames, moduleOf, placeholderPhrases,
  placeholders, stripMarkup, zhDay, type Block, type Part, type ReportMeta,
} from './template.js';
import { TEXT_FACTS } from './facts.js';
import { confirmClaims } from './template.js';
import { lateFilings } from '../documents/metrics.js';
import { certificateLapses } from '../enforcement/metrics.js';
import { unsatisfiedItems } from '../oversight/metrics.js';
import { bottomOf, publishedRankings } from '../plan/assess.js';
import type { ReportStatus } from './schema.js';
import { closeReportDue } from '../rollup/deadlines.js';

/** Template version of the default template. */
export const DEFAULT_TEMPLATE = 'seed-2020-v2';

/** What a figure says: no records at all in its module ("no data"), records but none counted ("zero"), or a number. */
export type FigureState = 'no_data' | 'zero' | 'number';

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
  /** What the prose shows: the formatted value (or names, or dates), or the no-data marker. */
  text: string;
  noData: boolean;
  state: FigureState;
  /** The module that supplies the figure (zh). */
  module: string;
  /** Kept for old snapshots: true when no module defined the metric (never now). */
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
  /** The office's own claim: confirmed for the report's year or not (highlighted in the editor until it is). */
  claim?: 'confirmed' | 'unconfirmed';
}

/** A rendered block. */
export interface RenderedBlock {
  id: string;
  kind: 'h1' | 'p';
  lead?: string;
  segments: Segment[];
  parts: Part[];
}

/** Warning kinds. The first five block submission and publication unless acknowledged with a reason. */
export type WarningKind =
  | 'no_data' | 'zero' | 'contradiction' | 'unconfirmed_claim' | 'missing_part'
  | 'doc_number' | 'changed_since_review' | 'changed_since_submission';
/** Warnings that must be resolved or acknowledged before submission and publication. */
export const BLOCKING: WarningKind[] = ['no_data', 'zero', 'contradiction', 'unconfirmed_claim', 'missing_part'];

/** An acknowledgement of a warning: the office keeps the text as it is, for a recorded reason. */
export interface Acknowledgement {
  key: string;
  reason: string;
  by: string;
  byName: string;
  at: string;
}

/** Something the editor should show the office. */
export interface Warning {
  /** Stable across evaluations (kind, block, figure or claim), so an acknowledgement refers to it. */
  key: string;
  kind: WarningKind;
  blockId?: string;
  metricId?: string;
  /** For a claim: its text (the editor confirms it by text). */
  claim?: string;
  message: { zh: string; en: string };
  blocking: boolean;
  acknowledged?: Acknowledgement;
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

type Evaluated = { value: number | null; label: string; unit: string; module: string; texts?: string[]; names?: string[]; records: Figure['records'] };

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

/** One metric (or text fact) for the scope and period, from the records. */
async function evaluateOne(db: Db, id: string, scope: MetricScope, period: Period): Promise<Evaluated> {
  const module = moduleOf(id).zh;
  const fact = TEXT_FACTS[id];
  if (fact) {
    const r = await fact.compute(db, scope, period);
    return { value: r ? r.values.length : null, label: fact.label.zh, unit: 'text', module, texts: r?.values ?? [], records: (r?.records ?? []).map((x) => ({ id: x.id, entity: x.entity, hash: x.hash ?? sha(x) })) };
  }
  const m = getMetric(id);
  if (!m) throw badRequest('METRIC_UNKNOWN', { zh: `报告引用的指标“${id}”不存在`, en: `Unknown metric ${id}` });
  const value = await m.compute(db, scope, period);
  const recs = value === null ? [] : await m.records(db, scope, period);
  const names = [...new Set(recs.map((r) => r.unitName ?? r.label))];
  return { value, label: m.label.zh, unit: m.unit, module, names, records: recs.map((r) => ({ id: r.id, entity: r.entity, hash: r.hash ?? sha(r) })) };
}

/** Evaluates each distinct metric (or text fact) once for the report's region (and below) and year. */
async function evaluateMetrics(db: Db, regionId: string, year: number, ids: string[]) {
  const scope = await metricScopeOf(db, regionId);
  const period = yearPeriod(year);
  const cache = cacheOf(db);
  const version = cache ? `${await auditVersion(db, scope.regionPath)}@${todayFn()}` : '';
  // Metrics are independent reads: evaluated concurrently (on PostgreSQL they run in parallel; the
  // embedded database's single connection queues them).
  const evaluated = await Promise.all(
    [...new Set(ids)].map(async (id): Promise<[string, Evaluated]> => {
      const key = `${regionId}|${year}|${id}`;
      const hit = cache?.get(key);
      if (hit && hit.version === version) {
        remember(cache!, key, version, hit.e);
        return [id, hit.e];
      }
      const e = await evaluateOne(db, id, scope, period);
      if (cache) remember(cache, key, version, e);
      return [id, e];
    }),
  );
  return new Map(evaluated);
}

const MARK = /\*\*|\{\{\s*[a-zA-Z][\w.]*\s*(?::\s*[a-z0-9]+)?\s*\}\}|\[\[claim(?::\d{4})?\||\]\]/g;

/** Splits a text into plain, bold, figure and claim segments. */
function segmentsOf(text: string, year: number, figureKeys: Map<number, string>, figures: Record<string, Figure>): Segment[] {
  const out: Segment[] = [];
  let bold = false;
  let claim: Segment['claim'];
  let last = 0;
  const push = (t: string, extra: Partial<Segment> = {}) => {
    if (!t) return;
    out.push({ text: t, ...(bold ? { bold } : {}), ...(claim ? { claim } : {}), ...extra });
  };
  for (const m of text.matchAll(MARK)) {
    const idx = m.index ?? 0;
    push(text.slice(last, idx));
    if (m[0] === '**') bold = !bold;
    else if (m[0].startsWith('[[claim')) {
      const y = /:(\d{4})/.exec(m[0]);
      claim = y && Number(y[1]) === year ? 'confirmed' : 'unconfirmed';
    } else if (m[0] === ']]') claim = undefined;
    else {
      const key = figureKeys.get(idx)!;
      push(figures[key].text, { figure: key });
    }
    last = idx + m[0].length;
  }
  push(text.slice(last));
  return out;
}

/** Sentences of a plain text (ending in 。；！？), for the content checks. */
const sentences = (t: string) => t.split(/(?<=[。；！？])/).map((x) => x.trim()).filter(Boolean);

/**
 * The five mandatory parts, checked by what the text says (not by a tag): each must have substantive text.
 * Returns the parts without it.
 */
export function missingParts(blocks: { kind: string; text: string; lead?: string }[], year: number): Part[] {
  const plain = blocks.map((b) => ({ kind: b.kind, text: `${b.lead ?? ''}${stripMarkup(b.text).replace(/\*\*/g, '').replace(/\{\{[^}]*\}\}/g, '0')}` }));
  const all = plain.filter((b) => b.kind === 'p').flatMap((b) => sentences(b.text));
  const len = (re: RegExp) => all.filter((x) => re.test(x)).reduce((n, x) => n + x.length, 0);
  // The section after a heading matching `re`, up to the next heading.
  const section = (re: RegExp) => {
    let on = false;
    let n = 0;
    for (const b of plain) {
      if (b.kind === 'h1') on = re.test(b.text);
      else if (on) n += b.text.replace(/\s/g, '').length;
    }
    return n;
  };
  const missing: Part[] = [];
  if (len(/(开展|推进|完成|建立|制定|组织|办理|受理|审核|落实)/) < 300) missing.push('measures');
  if (len(/(不足|问题|短板|弱项|差距|薄弱|有待|不够)/) < 40) missing.push('shortcomings');
  // What the principal leaders did — a sentence naming a shortcoming of theirs belongs to 不足, not here.
  if (all.filter((x) => /(第一责任人|主要负责人|主要负责同志)/.test(x) && !/(不够|不足|有待|短板|弱项)/.test(x)).reduce((n, x) => n + x.length, 0) < 100) missing.push('leaders');
  if (len(new RegExp(`(下一步|下一年度|明年|${year + 1}年|今后)`)) < 60) missing.push('nextYear');
  if (section(/其他/) < 10) missing.push('other');
  return missing;
}

/**
 * For public and exported renderings: nothing unbacked. A sentence whose figure has no data is left out
 * (never a 【暂无数据】 marker), claims read as plain text, and figures carry no editor marks. A run-in
 * heading (a bold sentence, 一是……。) whose every following sentence was left out goes with them, and so
 * does a paragraph whose run-in heading (`lead`, （一）……) would be left with no text.
 */
export function publicView(r: Rendered): Rendered {
  const blocks = r.blocks.flatMap((b) => {
    const sentences: { segments: Segment[]; drop: boolean }[] = [];
    let sentence: Segment[] = [];
    let drop = false;
    const flush = () => {
      if (sentence.some((x) => x.text)) sentences.push({ segments: sentence, drop });
      sentence = [];
      drop = false;
    };
    for (const s of b.segments) {
      const f = s.figure ? r.figures[s.figure] : undefined;
      if (f?.noData) {
        drop = true;
        sentence.push(s);
        continue;
      }
      // Split at sentence ends so a dropped sentence takes only its own words.
      const parts = s.text.split(/(?<=[。；！？])/);
      parts.forEach((t, i) => {
        sentence.push({ text: t, ...(s.bold ? { bold: true } : {}) });
        if (i < parts.length - 1 || /[。；！？]$/.test(t)) flush();
      });
    }
    flush();
    // A run-in heading is a sentence set wholly in bold; its body runs to the next one or the paragraph's end.
    const heading = (x: { segments: Segment[] }) => x.segments.every((seg) => seg.bold || !seg.text.trim());
    sentences.forEach((x, i) => {
      if (!heading(x) || x.drop) return;
      let j = i + 1;
      while (j < sentences.length && !heading(sentences[j])) j++;
      const body = sentences.slice(i + 1, j);
      if (body.length && body.every((y) => y.drop)) x.drop = true;
    });
    const segments = sentences.filter((x) => !x.drop).flatMap((x) => x.segments).filter((x) => x.text);
    if (b.kind === 'p' && b.lead && b.segments.some((x) => x.text) && !segments.length) return [];
    return [{ ...b, segments }];
  });
  return { ...r, blocks };
}

/**
 * Evaluates a report: fills variables, keeps or drops conditional clauses, computes every figure from its
 * metric (or takes the frozen snapshot for a submitted report), and collects the editor's warnings.
 */
export async function evaluateReport(
  db: Db,
  r: { id: string | null; region_id: string; year: number; status: ReportStatus; template_version: string; meta: ReportMeta; blocks: Block[]; acknowledgements?: Acknowledgement[] },
): Promise<Rendered> {
  const region = await regionInfo(db, r.region_id);
  const vars = { year: r.year, region: region.name };
  const filled = r.blocks.map((b) => ({ ...b, text: fillVars(b.text, vars), lead: b.lead ? fillVars(b.lead, vars) : undefined }));
  const ids = filled.flatMap((b) => [...placeholders(b.text).map((p) => p.metricId), ...conditionIds(b.text)]);
  const evaluated = await evaluateMetrics(db, r.region_id, r.year, ids);
  const blocks = filled.map((b) => ({ ...b, text: expandConditionals(b.text, (id) => evaluated.get(id)?.value ?? null) }));
  const allPh = blocks.flatMap((b) => placeholders(b.text).map((p) => ({ ...p, blockId: b.id })));
  const figures: Record<string, Figure> = {};
  const keysByBlock = new Map<string, Map<number, string>>();
  const counter = new Map<string, number>();
  for (const p of allPh) {
    const n = (counter.get(p.blockId) ?? 0) + 1;
    counter.set(p.blockId, n);
    const key = `${p.blockId}#${n}`;
    const e = evaluated.get(p.metricId)!;
    const text =
      e.value === null ? noDataText(e.label)
      : p.format === 'names' ? joinNames(e.names ?? [])
      : e.unit === 'text' ? (e.texts ?? []).map((x) => (p.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(x) ? zhDay(x) : x)).join('、')
      : formatValue(e.value, e.unit, p.format);
    figures[key] = {
      key, blockId: p.blockId, metricId: p.metricId, format: p.format, label: e.label, unit: e.unit, value: e.value, text,
      noData: e.value === null, state: e.value === null ? 'no_data' : e.value === 0 ? 'zero' : 'number', module: e.module, pending: false,
      recordCount: e.records.length, records: e.records,
    };
    if (!keysByBlock.has(p.blockId)) keysByBlock.set(p.blockId, new Map());
    keysByBlock.get(p.blockId)!.set(p.index, key);
  }

  let warnings: Warning[] = [];
  let frozen = false;
  const add = (w: Omit<Warning, 'blocking'>) => warnings.push({ ...w, blocking: BLOCKING.includes(w.kind) });
  if (r.id && (r.status === 'submitted' || r.status === 'published')) {
    const snap = await latestSnapshot(db, r.id, 'submission');
    if (snap) {
      frozen = true;
      // The warnings the report had when submitted, with the office's acknowledgements, stay listed.
      warnings = ((snap.warnings as unknown as Warning[] | null) ?? []).map((w) => ({ ...w }));
      const frozenFigures = snap.figures as Record<string, Figure>;
      for (const [key, now] of Object.entries(figures)) {
        const was = frozenFigures[key];
        if (!was) continue;
        const changed = was.value !== now.value || canonical(was.records) !== canonical(now.records);
        if (changed)
          add({
            key: `changed_since_submission:${key}`, kind: 'changed_since_submission', blockId: now.blockId, metricId: now.metricId,
            message: {
              zh: `“${now.label}”报送时为${was.text}，按现有记录为${now.text}（记录变动：${diffRecords(was.records, now.records).zh}）`,
              en: `"${now.label}" was ${was.text} at submission, records now give ${now.text} (${diffRecords(was.records, now.records).en})`,
            },
          });
        figures[key] = { ...was, state: was.state ?? (was.value === null ? 'no_data' : was.value === 0 ? 'zero' : 'number'), module: was.module ?? now.module };
      }
    }
  }

  if (!frozen) {
    for (const f of Object.values(figures)) {
      if (f.state === 'no_data')
        add({
          key: `no_data:${f.blockId}:${f.metricId}`, kind: 'no_data', blockId: f.blockId, metricId: f.metricId,
          message: {
            zh: `“${f.label}”在${r.year}年度没有任何记录（应由“${f.module}”模块的记录提供）；请补录记录，或改写、删除该句`,
            en: `"${f.label}": no records at all for ${r.year} (the ${moduleOf(f.metricId).en} module supplies it); enter the records, or rewrite or remove the sentence`,
          },
        });
      else if (f.state === 'zero' && f.unit !== 'text')
        add({
          key: `zero:${f.blockId}:${f.metricId}`, kind: 'zero', blockId: f.blockId, metricId: f.metricId,
          message: {
            zh: `“${f.label}”按记录为0，句子却读作成绩；请改写或删除该句`,
            en: `"${f.label}" is 0 by the records, yet the sentence reads as an achievement; rewrite or remove it`,
          },
        });
    }
    for (const b of blocks)
      for (const c of claimsOf(b.text))
        if (c.confirmedFor !== r.year) {
          const plain = c.text.replace(/\{\{[^}]*\}\}/g, '…').replace(/\*\*/g, '');
          add({
            key: `claim:${b.id}:${sha(c.text).slice(0, 12)}`, kind: 'unconfirmed_claim', blockId: b.id, claim: c.text,
            message: {
              zh: `“${plain.length > 40 ? `${plain.slice(0, 40)}…` : plain}”是本单位自述的情况，没有记录支撑${c.confirmedFor ? `（上次确认于${c.confirmedFor}年度）` : ''}；请确认${r.year}年度属实，或改写、删除`,
              en: `"${plain.length > 40 ? `${plain.slice(0, 40)}…` : plain}" is the office's own statement, backed by no record${c.confirmedFor ? ` (last confirmed for ${c.confirmedFor})` : ''}; confirm it for ${r.year}, or rewrite or remove it`,
            },
          });
        }
    // Typed numbers that contradict a metric: the default template's phrase followed by a literal number.
    const phrases = placeholderPhrases(DEFAULT_BLOCKS.map((b) => ({ ...b, text: fillVars(b.text, vars) })));
    const values = new Map(Object.values(figures).map((f) => [f.metricId, f]));
    const need = phrases.filter((p) => !values.has(p.metricId));
    const extra = need.length ? await evaluateMetrics(db, r.region_id, r.year, need.map((p) => p.metricId)) : new Map<string, Evaluated>();
    for (const b of blocks) {
      const plain = stripMarkup(b.text).replace(/\*\*/g, '');
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
            add({
              key: `contradiction:${b.id}:${ph.metricId}:${m[1]}`, kind: 'contradiction', blockId: b.id, metricId: ph.metricId,
              message: {
                zh: `文中写“${ph.phrase}${m[1]}${m[2] ?? ''}”，但按记录计算的“${label}”为${formatValue(value, 'count')}`,
                en: `The text says "${ph.phrase}${m[1]}${m[2] ?? ''}" but "${label}" computes to ${value}`,
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
            add({
              key: `changed_since_review:${f.key}`, kind: 'changed_since_review', blockId: f.blockId, metricId: f.metricId,
              message: { zh: `“${f.label}”审核时为${w.text}，现为${f.text}`, en: `"${f.label}" was ${w.text} at review, now ${f.text}` },
            });
        }
      }
    }
    for (const part of missingParts(blocks, r.year))
      add({
        key: `missing_part:${part}`, kind: 'missing_part',
        message: {
          zh: `缺少必备内容或内容过于简略：${PARTS[part].zh}（《法治政府建设与责任落实督察工作规定》第二十四条）`,
          en: `Mandatory part missing or too thin: ${PARTS[part].en}`,
        },
      });
    if (r.meta.docNumber) {
      const p = docNumberProblems(r.meta.docNumber);
      if (p.length) add({ key: 'doc_number', kind: 'doc_number', message: { zh: `发文字号：${p[0].zh}`, en: `Document number: ${p[0].en}` } });
    } else add({ key: 'doc_number', kind: 'doc_number', message: { zh: '尚未填写发文字号', en: 'No document number yet' } });
    const acks = new Map((r.acknowledgements ?? []).map((a) => [a.key, a]));
    warnings = warnings.map((w) => (acks.has(w.key) ? { ...w, acknowledged: acks.get(w.key) } : w));
  }

  return {
    report: { id: r.id, regionId: r.region_id, regionCode: region.code, regionName: region.name, year: r.year, status: r.status, templateVersion: r.template_version },
    meta: r.meta,
    blocks: blocks.map((b) => ({ id: b.id, kind: b.kind, lead: b.lead, parts: b.parts ?? [], segments: segmentsOf(b.text, r.year, keysByBlock.get(b.id) ?? new Map(), figures) })),
    figures,
    frozen,
    warnings,
  };
}

/** The warnings that still stop submission or publication: blocking, neither resolved nor acknowledged. */
export const unresolved = (r: Rendered) => r.warnings.filter((w) => w.blocking && !w.acknowledged);

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
  return evaluateReport(db, {
    id: row.id, region_id: row.region_id, year: row.year, status: row.status, template_version: row.template_version, meta: row.meta as ReportMeta, blocks: row.blocks as Block[],
    acknowledgements: (row.acknowledgements as unknown as Acknowledgement[] | null) ?? [],
  });
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

/**
 * Starts the year's report. It starts from the region's previous-year report as published (or at least
 * submitted) — its structure and the office's wording, with every placeholder re-bound to the new year
 * and every claim flagged again until confirmed for this year — and from the default template only when
 * there is none.
 */
export async function createReport(db: Kysely<Database>, actor: Actor, input: { regionCode: string; year: number }, meta?: Partial<ReportMeta>) {
  const region = await regionByCode(db, input.regionCode);
  if (!region || !(await regionWithin(db, region.id, readRegionPaths(actor)))) throw notFound({ zh: '区域', en: 'Region' });
  if (!(await mayWriteAt(db, actor, region.id, null, OFFICE_WRITE))) throw forbidden();
  const info = await regionInfo(db, region.id);
  return db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom('reports').select('id').where('region_id', '=', region.id).where('year', '=', input.year).executeTakeFirst();
    if (dup) throw conflict('REPORT_EXISTS', { zh: `${info.name}${input.year}年度报告已存在`, en: `The ${input.year} report exists` }, { id: dup.id });
    const prev = await trx.selectFrom('reports').select(['id', 'blocks', 'meta']).where('region_id', '=', region.id).where('year', '=', input.year - 1)
      .where('status', 'in', ['published', 'submitted']).executeTakeFirst();
    const base = defaultMeta(info.name, info.issuer, input.year);
    const prevMeta = prev?.meta as ReportMeta | undefined;
    return Reports.insert(trx, actor, {
      region_id: region.id, year: input.year, template_version: prev ? `from:${prev.id}` : DEFAULT_TEMPLATE, status: 'draft',
      // The signer, addressee and offices carry over; the number, title and dates are the new year's.
      meta: JSON.stringify({ ...base, ...(prevMeta ? { signer: prevMeta.signer, addressee: prevMeta.addressee, signature: prevMeta.signature, printOrg: prevMeta.printOrg, issuer: prevMeta.issuer } : {}), ...meta }),
      blocks: JSON.stringify(prev ? (prev.blocks as Block[]) : DEFAULT_BLOCKS), acknowledgements: JSON.stringify([]), created_by: actor.userId,
    });
  });
}

/** Edits metadata and prose; only drafts and reports in review can change (frozen from 保密审查 on). */
export async function updateReport(
  db: Kysely<Database>, actor: Actor, id: string,
  input: { meta?: ReportMeta; blocks?: Block[]; acknowledgements?: { key: string; reason: string }[]; withdraw?: string[]; confirmClaims?: { blockId: string; text: string }[] },
) {
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
    let blocks = input.blocks;
    if (input.confirmClaims?.length) {
      // The office confirms its own statement for this year: the claim keeps its text, marked with the year.
      blocks = (blocks ?? (before.blocks as Block[])).map((b) => {
        let text = b.text;
        for (const c of input.confirmClaims!.filter((x) => x.blockId === b.id)) text = confirmClaims(text, before.year, c.text);
        return text === b.text ? b : { ...b, text };
      });
    }
    const acks = mergeAcknowledgements(before.acknowledgements as Acknowledgement[] | null, actor, input.acknowledgements, input.withdraw);
    return Reports.update(trx, actor, before, {
      ...(input.meta ? { meta: JSON.stringify(input.meta) } : {}),
      ...(blocks ? { blocks: JSON.stringify(blocks) } : {}),
      ...(acks ? { acknowledgements: JSON.stringify(acks) } : {}),
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
  acknowledgements?: { key: string; reason: string }[];
}

/** Adds (or replaces, by key) and withdraws acknowledgements; undefined when nothing changes. */
function mergeAcknowledgements(current: Acknowledgement[] | null, actor: Actor, add?: { key: string; reason: string }[], withdraw?: string[]) {
  if (!add?.length && !withdraw?.length) return undefined;
  const byKey = new Map((current ?? []).map((a) => [a.key, a]));
  for (const k of withdraw ?? []) byKey.delete(k);
  const at = new Date().toISOString();
  for (const a of add ?? []) byKey.set(a.key, { key: a.key, reason: a.reason, by: actor.userId, byName: actor.displayName, at });
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** 409 listing the warnings that still stop the report (each must be resolved or acknowledged with a reason). */
function refuseUnresolved(r: Rendered, action: string) {
  const open = unresolved(r);
  if (!open.length) return;
  throw conflict('REPORT_WARNINGS_UNRESOLVED', {
    zh: `${action === 'publish' ? '公开' : '报送'}前须处理全部提示：尚有${open.length}条未处理（无数据、数字为零、与记录矛盾、未确认的自述情况或缺少必备内容），请修改正文，或逐条说明理由后确认保留`,
    en: `${open.length} warning(s) unresolved (no data, zero, contradiction, unconfirmed claim or missing part): fix the text or acknowledge each with a reason before ${action === 'publish' ? 'publication' : 'submission'}`,
  }, { warnings: open.map((w) => ({ key: w.key, kind: w.kind, message: w.message.zh })) });
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
    const acks = mergeAcknowledgements(row.acknowledgements as Acknowledgement[] | null, actor, t.acknowledgements);
    if (acks) {
      set.acknowledgements = JSON.stringify(acks);
      row.acknowledgements = acks as never;
    }
    if (t.action === 'publish') {
      // The frozen report's warnings were all resolved or acknowledged at submission; a snapshot from before
      // acknowledgements existed is checked here.
      refuseUnresolved(await renderStored(trx, row), 'publish');
    }
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
        refuseUnresolved(rendered, 'submit');
        Object.assign(set, { secrecy_reviewer: t.secrecyReviewer, secrecy_opinion: t.secrecyOpinion, secrecy_reviewed_at: new Date(), submitted_at: new Date(), submitted_by: actor.userId });
      }
      await trx
        .insertInto('report_snapshots')
        .values({
          report_id: id, kind: t.action === 'submit' ? 'submission' : 'review', taken_by: actor.userId,
          figures: JSON.stringify(rendered.figures),
          warnings: JSON.stringify(rendered.warnings),
          content_hash: sha({ meta: rendered.meta, blocks: rendered.blocks }),
        })
        .execute();
    }
    if (t.action === 'publish') {
      if (!t.publicUrl || !t.publishedOn)
        throw badRequest('PUBLICATION_REQUIRED', { zh: '公开须填写公开网址和公开日期', en: 'Give the public URL and the publication date' }, {
          fields: [...(!t.publicUrl ? [{ path: 'publicUrl', message: '请填写公开网址' }] : []), ...(!t.publishedOn ? [{ path: 'publishedOn', message: '请填写公开日期' }] : [])],
        });
      if (publishedLate(row.year, t.publishedOn) && !t.lateReason)
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
  const scope = await metricScopeOf(db, row.region_id);
  const fact = TEXT_FACTS[metricId];
  if (fact) {
    const r = await fact.compute(db, scope, yearPeriod(row.year));
    return { metric: { id: fact.id, label: fact.label, definition: fact.definition, unit: 'text' }, records: r?.records ?? [] };
  }
  const m = getMetric(metricId);
  if (!m) throw notFound({ zh: '指标', en: 'Metric' });
  return { metric: { id: m.id, label: m.label, definition: m.definition, unit: m.unit }, records: await m.records(db, scope, yearPeriod(row.year)) };
}

/** A candidate problem (or next-year item) for section 二, with the records behind it. */
export interface Candidate {
  id: string;
  kind: 'problem' | 'next_year';
  title: string;
  text: string;
  metricId: string;
  records: { id: string; entity: string; label: string; unitName?: string | null; date?: string | null }[];
}

/** Units named in records, most records first: "区城市管理局、区民政局等3个单位". */
function unitsPhrase(recs: { unitName?: string | null }[]) {
  const counts = new Map<string, number>();
  for (const r of recs) if (r.unitName) counts.set(r.unitName, (counts.get(r.unitName) ?? 0) + 1);
  const names = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([n]) => n);
  if (!names.length) return '';
  return names.length <= 3 ? joinNames(names) : `${names.slice(0, 3).join('、')}等${names.length}个单位`;
}

/**
 * Section 二 drafted from the records: problems the year's records show (overdue tasks by unit, lost
 * lawsuits, late filings, reconsiderations decided out of time, lapsed enforcement certificates, unsatisfied
 * NPC/CPPCC replies, units at the bottom of the year's published assessment ranking), each an
 * editable sentence with the records behind it; and next year's key works when next year's plan exists.
 */
export async function candidateProblems(db: Db, actor: Actor, id: string): Promise<Candidate[]> {
  const row = await loadReport(db, actor, id);
  const scope = await metricScopeOf(db, row.region_id);
  const period = yearPeriod(row.year);
  const out: Candidate[] = [];
  const recordsOf = async (metricId: string, year = row.year) => {
    const m = getMetric(metricId);
    if (!m) return [];
    return m.records(db, scope, yearPeriod(year));
  };
  const overdue = await recordsOf('plan.tasksOverdue');
  if (overdue.length)
    out.push({
      id: 'plan.tasksOverdue', kind: 'problem', metricId: 'plan.tasksOverdue', title: '重点任务未按期完成', records: overdue,
      text: `部分重点任务推进滞后，${unitsPhrase(overdue)}牵头的${overdue.length}项法治政府建设重点任务未按期完成，督促落实的力度还需加大。`,
    });
  const lost = await recordsOf('disputes.litigation.lossRate');
  if (lost.length)
    out.push({
      id: 'disputes.litigation.lost', kind: 'problem', metricId: 'disputes.litigation.lossRate', title: '行政诉讼败诉', records: lost,
      text: `行政应诉败诉${lost.length}件（涉及${unitsPhrase(lost)}），反映出个别行政机关在认定事实、收集证据和履行程序等方面仍不够严谨，依法行政能力有待提高。`,
    });
  const late = await lateFilings(db, scope, period);
  if (late.length)
    out.push({
      id: 'documents.lateFilings', kind: 'problem', metricId: 'documents.filingOnTimeRate', title: '规范性文件未按期报备', records: late,
      text: `规范性文件备案管理还不够严格，${late.length}件规范性文件未在规定期限内报送备案（涉及${unitsPhrase(late)}）。`,
    });
  const recon = (await recordsOf('disputes.reconsideration.onTimeRate')).filter((r) => r.label.includes('（超期）'));
  if (recon.length)
    out.push({
      id: 'disputes.reconsideration.late', kind: 'problem', metricId: 'disputes.reconsideration.onTimeRate', title: '行政复议超期结案', records: recon,
      text: `行政复议办案力量还比较薄弱，${recon.length}件行政复议案件未在法定期限内作出决定。`,
    });
  const certs = await certificateLapses(db, scope, period);
  if (certs.length) {
    const n = (k: string) => certs.filter((c) => c.kind === k).length;
    const lapsed = [n('expired') && `${n('expired')}件行政执法证件到期后未及时换发`, n('late') && `${n('late')}件到期后逾期换发`].filter(Boolean).join('，');
    const soon = n('expiring') ? `${lapsed ? '，另有' : ''}${n('expiring')}件行政执法证件将于${row.year + 1}年3月底前到期、尚未换发` : '';
    out.push({
      id: 'enforcement.certificates', kind: 'problem', metricId: 'enforcement.certificates', title: '行政执法证件到期未换发', records: certs.map(({ kind: _k, ...r }) => r),
      text: `行政执法人员资格管理还不够到位，${row.year}年${lapsed}${soon}（涉及${unitsPhrase(certs)}），证件到期提醒和换发工作有待加强。`,
    });
  }
  const unsatisfied = await unsatisfiedItems(db, scope, period);
  if (unsatisfied.length) {
    const kinds = [...new Set(unsatisfied.map((i) => i.itemKind))];
    const what = kinds.length === 2 ? '人大代表建议、政协提案' : kinds[0] === 'npc_suggestion' ? '人大代表建议' : '政协提案';
    const still = unsatisfied.filter((i) => i.stillUnsatisfied).length;
    out.push({
      id: 'oversight.unsatisfied', kind: 'problem', metricId: 'oversight.satisfactionRate', title: '建议提案答复不满意', records: unsatisfied.map(({ itemKind: _k, stillUnsatisfied: _s, ...r }) => r),
      text: `建议提案办理质量还需提高，${row.year}年交办的${unsatisfied.length}件${what}，代表（委员）对首次答复不满意${still ? `，其中${still}件经再次答复仍不满意` : ''}（涉及${unitsPhrase(unsatisfied)}），办理过程中与代表（委员）的沟通协商有待加强。`,
    });
  }
  for (const ranking of await publishedRankings(db, scope, row.year)) {
    const bottom = bottomOf(ranking.items);
    if (!bottom.length) continue;
    out.push({
      id: `plan.assessBottom.${ranking.scheme.id}`, kind: 'problem', metricId: 'plan.assessBottom', title: '法治政府建设考核排名靠后',
      records: bottom.map((b) => ({
        id: b.unitId, entity: 'plan_assess_unit', unitName: b.unitName, date: null,
        label: `${row.year}年度考核得分${b.total}分，第${b.rank}名（共${ranking.items.length}个单位）${b.vetoed ? '，一票否决' : ''}`,
      })),
      text: `各单位推进法治政府建设的成效还不够均衡，${row.year}年度法治政府建设考核${ranking.complete ? '' : '（已公布轮次）'}中，${joinNames(bottom.map((b) => `${b.unitName}（${b.vetoed ? '被一票否决' : `${b.total}分`}）`))}在${ranking.items.length}个被考核单位中排名靠后，相关单位的工作力度有待加强。`,
    });
  }
  const next = await recordsOf('plan.keyWorks', row.year + 1);
  if (next.length)
    out.push({
      id: 'plan.nextYear', kind: 'next_year', metricId: 'plan.keyWorks', title: `${row.year + 1}年度重点工作`, records: next,
      text: `${row.year + 1}年，我区将围绕${joinNames(next.slice(0, 5).map((r) => `“${r.label.replace(/^[\d.]+\s*/, '')}”`))}${next.length > 5 ? `等${next.length}项重点工作` : ''}，逐项细化任务、压实责任，推动法治政府建设再上新台阶。`,
    });
  return out;
}
