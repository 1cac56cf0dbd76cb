/**
 * The public portal across levels: one portal per region listing the published reports of the region
 * and of every region beneath it, each report's figures as open data (JSON and CSV, with definitions).
 * Deliberately unscoped: what is published is public; nothing unpublished is ever read here.
 */
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/index.js';
import { notFound } from '../../core/errors/index.js';
import { inRegionPaths } from '../../core/scope/index.js';
import { getMetric } from '../../core/metrics/index.js';
import { regionByCode } from '../org/lookup.js';
import { renderStored } from '../report/service.js';
import type { ReportMeta } from '../report/template.js';

type Lang = 'zh' | 'en';

/** Published reports of a region and every region beneath it, newest year first; `q` searches title and region. */
export async function portalReports(db: Db, code: string, opts: { q?: string; year?: number }) {
  const region = await regionByCode(db, code);
  if (!region) throw notFound({ zh: '区域', en: 'Region' });
  const like = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('regions as g', 'g.id', 'r.region_id')
    .select(['r.id', 'r.year', 'r.meta', 'r.published_on', 'r.region_id', 'g.code', 'g.name'])
    .where('r.status', '=', 'published')
    .where(inRegionPaths('r.region_id', [region.path]))
    .$if(like !== null, (q) => q.where(sql<boolean>`(r.meta->>'title' ilike ${like} or g.name ilike ${like})`))
    .$if(opts.year !== undefined, (q) => q.where('r.year', '=', opts.year!))
    .orderBy('r.year', 'desc')
    .orderBy('g.code')
    .orderBy('r.id')
    .execute();
  const beneath = await db
    .selectFrom('reports as r')
    .innerJoin('regions as g', 'g.id', 'r.region_id')
    .select(['g.code', 'g.name'])
    .distinct()
    .where('r.status', '=', 'published')
    .where(inRegionPaths('r.region_id', [region.path]))
    .orderBy('g.code')
    .execute();
  return {
    region: { code: region.code, name: region.name, level: region.level },
    items: rows.map((r) => ({
      id: r.id, year: r.year, title: (r.meta as ReportMeta).title, publishedOn: r.published_on, regionCode: r.code, regionName: r.name, own: r.region_id === region.id,
    })),
    regions: beneath,
  };
}

/** The figures of a published report as open data: the submission snapshot's values, with each figure's definition. */
export async function openFigures(db: Db, id: string, lang: Lang) {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  if (!row) throw notFound({ zh: '报告', en: 'Report' });
  const rendered = await renderStored(db, row);
  const figures = Object.values(rendered.figures)
    .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }))
    .map((f) => ({
      key: f.key, metricId: f.metricId, label: f.label, unit: f.unit, value: f.value, text: f.text,
      definition: getMetric(f.metricId)?.definition[lang] ?? '', recordCount: f.recordCount,
    }));
  const meta = row.meta as ReportMeta;
  return {
    report: { id: row.id, title: meta.title, year: row.year, regionCode: rendered.report.regionCode, regionName: rendered.report.regionName, publishedOn: row.published_on },
    figures,
  };
}

const CSV_HEAD = {
  zh: ['位置', '指标编号', '指标名称', '数值', '文中表述', '计量单位', '记录数', '统计口径'],
  en: ['Position', 'Metric id', 'Figure', 'Value', 'As printed', 'Unit', 'Records', 'Definition'],
};
const UNIT_LABELS: Record<string, { zh: string; en: string }> = {
  count: { zh: '件', en: 'count' }, percent: { zh: '%', en: '%' }, yuan: { zh: '元', en: 'yuan' }, person: { zh: '人', en: 'persons' },
  person_time: { zh: '人次', en: 'person-times' }, item: { zh: '项', en: 'items' },
};

/** The same table as CSV (UTF-8 with BOM, so spreadsheet software opens the Chinese text). */
export async function openFiguresCsv(data: Awaited<ReturnType<typeof openFigures>>, lang: Lang) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('figures');
  ws.addRow(CSV_HEAD[lang]);
  for (const f of data.figures) ws.addRow([f.key, f.metricId, f.label, f.value ?? '', f.text, UNIT_LABELS[f.unit]?.[lang] ?? f.unit, f.recordCount, f.definition]);
  const body = Buffer.from(await wb.csv.writeBuffer());
  return { data: Buffer.concat([Buffer.from('\ufeff'), body]), filename: `${data.report.regionName}${data.report.year}年度法治政府建设报告数据.csv` };
}
