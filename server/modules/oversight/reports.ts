/**
 * The year's handling report of NPC suggestions and CPPCC proposals (办理情况报告). 代表法(2025修正) 第五十一条:
 * 办理情况 「应当予以公开」 (REFERENCE §6). The office generates it from the records — counts by result class
 * A/B/C/D, satisfaction, on-time replies, contact before reply, per lead unit — reviews it and publishes it
 * on the portal. Figures come from one query over the items; nothing is typed in.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors/index.js';
import { inMetricScope, rate } from '../../core/metrics/index.js';
import { hasRole, inRegionPaths, OFFICE_WRITE, writeRegionPaths, type Actor } from '../../core/scope/index.js';
import { actorRegion, regionByCode, regionById } from '../org/lookup.js';
import { HandlingReports } from './records.js';
import {
  REPORT_STATUSES, RESULT_CLASSES,
  type HandlingFigures, type HandlingReportFigures, type HandlingReportInput, type ReportStatus,
} from './schema.js';
import type { OversightReportsTable } from './schema.js';

type Lang = 'zh' | 'en';
/** A report row with its region's name. */
export type ReportRow = Selectable<OversightReportsTable> & { region_name: string };
const fieldErr = (code: string, path: string, zh: string, en: string) => badRequest(code, { zh, en }, { fields: [{ path, message: zh }] });

type Counts = Omit<HandlingFigures, 'onTimeRate' | 'contactRate' | 'satisfactionRate'>;
const zero = (): Counts => ({
  received: 0, assigned: 0, replied: 0, inHand: 0, onTime: 0, contacted: 0, secondReplies: 0,
  classes: { A: 0, B: 0, C: 0, D: 0 }, satisfaction: { satisfied: 0, basically: 0, unsatisfied: 0 },
});
function add(a: Counts, b: Counts) {
  for (const k of ['received', 'assigned', 'replied', 'inHand', 'onTime', 'contacted', 'secondReplies'] as const) a[k] += b[k];
  for (const k of ['A', 'B', 'C', 'D'] as const) a.classes[k] += b.classes[k];
  for (const k of ['satisfied', 'basically', 'unsatisfied'] as const) a.satisfaction[k] += b.satisfaction[k];
}
/** Rates as the module's metrics define them (oversight.onTimeReplyRate, contactRate, satisfactionRate): null over an empty base. */
function withRates(c: Counts): HandlingFigures {
  const rated = c.satisfaction.satisfied + c.satisfaction.basically + c.satisfaction.unsatisfied;
  return {
    ...c,
    onTimeRate: rate(c.onTime, c.replied),
    contactRate: rate(c.contacted, c.replied),
    satisfactionRate: rate(c.satisfaction.satisfied + c.satisfaction.basically, rated),
  };
}

/**
 * The figures of a region's year: items received in the year (the metrics' period), in the region and
 * below. The final result class and satisfaction are the second reply's when there was one.
 */
export async function handlingFigures(db: Db, regionPath: string, year: number): Promise<HandlingReportFigures> {
  const rows = await db.selectFrom('oversight_items as i').leftJoin('units as u', 'u.id', 'i.lead_unit_id')
    .where(inMetricScope({ regionPath }, 'i.region_id')).where('i.received_on', '>=', `${year}-01-01`).where('i.received_on', '<=', `${year}-12-31`)
    .select([
      'i.kind', 'i.lead_unit_id', 'u.name as unit_name',
      sql<number>`count(*)::int`.as('received'),
      sql<number>`(count(*) filter (where i.lead_unit_id is not null))::int`.as('assigned'),
      sql<number>`(count(*) filter (where i.replied_on is not null))::int`.as('replied'),
      sql<number>`(count(*) filter (where i.status in ('registered','assigned','reopened')))::int`.as('in_hand'),
      sql<number>`(count(*) filter (where i.replied_on <= i.due_date))::int`.as('on_time'),
      sql<number>`(count(*) filter (where i.replied_on is not null and exists (select 1 from oversight_contacts c where c.item_id = i.id and c.contacted_on <= i.replied_on)))::int`.as('contacted'),
      sql<number>`(count(*) filter (where i.second_replied_on is not null))::int`.as('second'),
      ...(['A', 'B', 'C', 'D'] as const).map((k) => sql<number>`(count(*) filter (where coalesce(i.second_result_class, i.result_class) = ${k}))::int`.as(`c_${k}`)),
      ...(['satisfied', 'basically', 'unsatisfied'] as const).map((k) => sql<number>`(count(*) filter (where coalesce(i.second_satisfaction, i.satisfaction) = ${k}))::int`.as(`s_${k}`)),
    ])
    .groupBy(['i.kind', 'i.lead_unit_id', 'u.name'])
    .execute() as unknown as Record<string, unknown>[];
  const npc = zero(), cppcc = zero(), total = zero();
  const units = new Map<string, { name: string; c: Counts }>();
  for (const r of rows) {
    const n = (k: string) => Number(r[k]);
    const c: Counts = {
      received: n('received'), assigned: n('assigned'), replied: n('replied'), inHand: n('in_hand'), onTime: n('on_time'), contacted: n('contacted'), secondReplies: n('second'),
      classes: { A: n('c_A'), B: n('c_B'), C: n('c_C'), D: n('c_D') },
      satisfaction: { satisfied: n('s_satisfied'), basically: n('s_basically'), unsatisfied: n('s_unsatisfied') },
    };
    add(r.kind === 'npc_suggestion' ? npc : cppcc, c);
    add(total, c);
    if (r.lead_unit_id) {
      const u = units.get(r.lead_unit_id as string) ?? { name: r.unit_name as string, c: zero() };
      add(u.c, c);
      units.set(r.lead_unit_id as string, u);
    }
  }
  const unitRows = [...units.entries()]
    .map(([unitId, u]) => {
      const f = withRates(u.c);
      return { unitId, unitName: u.name, received: f.received, replied: f.replied, onTime: f.onTime, classes: f.classes, satisfaction: f.satisfaction, satisfactionRate: f.satisfactionRate };
    })
    // Most items first; ties by name, then id (a stable order).
    .sort((a, b) => b.received - a.received || a.unitName.localeCompare(b.unitName, 'zh') || a.unitId.localeCompare(b.unitId));
  return { year, npc: withRates(npc), cppcc: withRates(cppcc), total: withRates(total), units: unitRows };
}

/** JSON with sorted keys (jsonb stores keys in its own order). */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(v);

const pct = (v: number | null) => (v === null ? '无数据' : `${v}%`);

/** The report's text (Chinese, as published), written from the figures only. */
export function reportBody(regionName: string, f: HandlingReportFigures): string[] {
  const t = f.total;
  const out: string[] = [];
  out.push(`${f.year}年，${regionName}人民政府共承办人大代表建议${f.npc.received}件、政协提案${f.cppcc.received}件，合计${t.received}件，均已交办主办单位${t.assigned === t.received ? '' : `（尚有${t.received - t.assigned}件待交办）`}。`);
  out.push(`已答复${t.replied}件${t.inHand ? `，正在办理${t.inHand}件` : ''}；其中在规定期限内答复${t.onTime}件，按期答复率${pct(t.onTimeRate)}；答复前与代表、委员联系沟通${t.contacted}件，沟通率${pct(t.contactRate)}。`);
  out.push(`从办理结果看，${(['A', 'B', 'C', 'D'] as const).map((k) => `${RESULT_CLASSES[k].zh}${t.classes[k]}件`).join('，')}。`);
  const second = t.secondReplies ? `对首次答复不满意的，承办单位再次研究办理并答复${t.secondReplies}件。` : '';
  out.push(`代表、委员对办理答复表示满意${t.satisfaction.satisfied}件、基本满意${t.satisfaction.basically}件、不满意${t.satisfaction.unsatisfied}件，满意率${pct(t.satisfactionRate)}（人大代表建议${pct(f.npc.satisfactionRate)}，政协提案${pct(f.cppcc.satisfactionRate)}）。${second}`);
  return out;
}

/** Reports in the actor's scope (the office and region readers). */
export function listReports(db: Db, actor: Actor, q: { page: number; pageSize: number; sort?: string; order: 'asc' | 'desc'; year?: number }) {
  return HandlingReports.list(db, actor, q, {
    select: (qb) => qb.innerJoin('regions as rg2', 'rg2.id', 'rp.region_id').selectAll('rp').select('rg2.name as region_name')
      .$if(!!q.year, (b) => b.where('rp.year', '=', q.year!)),
    sortable: { year: 'rp.year', status: 'rp.status' },
    defaultSort: { column: 'rp.year', order: 'desc' },
  }) as Promise<{ items: ReportRow[]; total: number; page: number; pageSize: number }>;
}

async function getReport(db: Db, actor: Actor, id: string): Promise<ReportRow> {
  const row = await HandlingReports.query(db, actor).innerJoin('regions as rg2', 'rg2.id', 'rp.region_id').selectAll('rp').select('rg2.name as region_name').where('rp.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(HandlingReports.label);
  return row as ReportRow;
}

/** Presenter: a report in a list. */
export function presentReportSummary(r: ReportRow, lang: Lang) {
  return {
    id: r.id, year: r.year, title: r.title, regionName: r.region_name, status: r.status as ReportStatus, statusLabel: REPORT_STATUSES[r.status as ReportStatus][lang],
    generatedAt: new Date(r.generated_at as unknown as string).toISOString(), reviewedOn: r.reviewed_on, publishedOn: r.published_on,
  };
}
/** Presenter: a report with its figures and text. */
export function presentReportBody(r: ReportRow, lang: Lang) {
  const figures = r.figures as unknown as HandlingReportFigures;
  return { ...presentReportSummary(r, lang), foreword: r.foreword, figures, body: reportBody(r.region_name, figures) };
}
/** Presenter: a report with the actor's abilities. */
export async function presentReport(db: Db, actor: Actor, id: string, lang: Lang) {
  const r = await getReport(db, actor, id);
  const office = mayManageReports(actor);
  return {
    ...presentReportBody(r, lang), reviewOpinion: r.review_opinion,
    abilities: { regenerate: office && r.status !== 'published', review: office && r.status === 'draft', publish: office && r.status === 'reviewed' },
  };
}

/** May the actor compose and publish handling reports (the office)? */
export const mayManageReports = (actor: Actor) => hasRole(actor, 'office') && writeRegionPaths(actor, OFFICE_WRITE).length > 0;

const titleOf = (regionName: string, year: number) => `${regionName}人民政府关于${year}年度人大代表建议和政协提案办理工作情况的报告`;

/** The office generates the year's report of its region from the records. */
export async function generateReport(db: Kysely<Database>, actor: Actor, input: HandlingReportInput) {
  if (!mayManageReports(actor)) throw forbidden();
  const region = await actorRegion(db, actor);
  if (!region) throw badRequest('NO_REGION', { zh: '当前账号未关联行政区划', en: 'Your account has no region' });
  return db.transaction().execute(async (trx) => {
    const figures = await handlingFigures(trx, region.path, input.year);
    if (!figures.total.received)
      throw fieldErr('NO_ITEMS_IN_YEAR', 'year', `${input.year}年没有收到人大代表建议或政协提案，无法生成办理情况报告`, `No suggestion or proposal was received in ${input.year}`);
    return HandlingReports.insert(trx, actor, {
      region_id: region.id, year: input.year, title: titleOf(region.name, input.year), foreword: input.foreword, figures: JSON.stringify(figures),
      generated_at: new Date(), created_by: actor.userId,
    }, 'generate');
  });
}

/** Regenerates the figures from the records (before publication); a reviewed report goes back to review. */
export async function regenerateReport(db: Kysely<Database>, actor: Actor, id: string, input: { foreword?: string }) {
  return db.transaction().execute(async (trx) => {
    const before = await HandlingReports.lockForWrite(trx, actor, id);
    if (before.status === 'published') throw conflict('REPORT_PUBLISHED', { zh: '报告已公开，不能重新生成', en: 'The report is published' });
    const region = (await regionById(trx, before.region_id))!;
    const figures = await handlingFigures(trx, region.path, before.year);
    return HandlingReports.update(trx, actor, before, {
      figures: JSON.stringify(figures), generated_at: new Date(), foreword: input.foreword ?? before.foreword,
      status: 'draft', reviewed_on: null, reviewed_by: null, review_opinion: null,
    }, 'regenerate');
  });
}

/** The office reviews the generated report (审核) before it can be published. */
export async function reviewReport(db: Kysely<Database>, actor: Actor, id: string, input: { reviewedOn: string; opinion: string }) {
  return db.transaction().execute(async (trx) => {
    const before = await HandlingReports.lockForWrite(trx, actor, id);
    if (before.status !== 'draft') throw conflict('REPORT_NOT_DRAFT', { zh: '该报告不在待审核状态', en: 'The report is not awaiting review' });
    return HandlingReports.update(trx, actor, before, { status: 'reviewed', reviewed_on: input.reviewedOn, reviewed_by: actor.userId, review_opinion: input.opinion }, 'review');
  });
}

/**
 * Publishes a reviewed report on the portal. The figures are computed again: when the records changed
 * since the review, the report must be regenerated and reviewed again (what is published is what was reviewed).
 */
export async function publishReport(db: Kysely<Database>, actor: Actor, id: string, input: { publishedOn: string }) {
  return db.transaction().execute(async (trx) => {
    const before = await HandlingReports.lockForWrite(trx, actor, id);
    if (before.status !== 'reviewed') throw conflict('REPORT_NOT_REVIEWED', { zh: '报告审核后方可公开', en: 'The report must be reviewed before publication' });
    if (input.publishedOn < before.reviewed_on!) throw fieldErr('PUBLISHED_BEFORE_REVIEW', 'publishedOn', `公开日期不能早于审核日期（${before.reviewed_on}）`, `Publication cannot predate the review (${before.reviewed_on})`);
    const region = (await regionById(trx, before.region_id))!;
    const now = await handlingFigures(trx, region.path, before.year);
    if (canonical(now) !== canonical(before.figures))
      throw conflict('REPORT_FIGURES_CHANGED', { zh: '审核后办理记录已有变化，请重新生成报告并审核后再公开', en: 'The records changed since the review; regenerate and review the report again' });
    return HandlingReports.update(trx, actor, before, { status: 'published', published_on: input.publishedOn }, 'publish');
  });
}

/** Published reports of a district and the regions below it (public, no sign-in: 「应当予以公开」). */
export async function publicReports(db: Db, q: { region: string; page: number; pageSize: number; year?: number }) {
  const region = await regionByCode(db, q.region);
  if (!region) throw notFound({ zh: '行政区划', en: 'Region' });
  const base = db.selectFrom('oversight_reports as rp').innerJoin('regions as rg2', 'rg2.id', 'rp.region_id').where('rp.status', '=', 'published').where(inRegionPaths('rp.region_id', [region.path]));
  const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const items = await base.selectAll('rp').select('rg2.name as region_name').orderBy('rp.year', 'desc').orderBy('rp.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: items as ReportRow[], total, page: q.page, pageSize: q.pageSize };
}

/** One published report (404 for a draft or an unknown id alike). */
export async function publicReport(db: Db, id: string) {
  const r = await db.selectFrom('oversight_reports as rp').innerJoin('regions as rg2', 'rg2.id', 'rp.region_id').selectAll('rp').select('rg2.name as region_name')
    .where('rp.id', '=', id).where('rp.status', '=', 'published').executeTakeFirst();
  if (!r) throw notFound(HandlingReports.label);
  return r as ReportRow;
}
