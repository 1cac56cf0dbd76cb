import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { defineCountMetric, inMetricScope, rate, type MetricDef, type MetricRecord, type MetricScope, type Period } from '../../core/metrics/index.js';
import { CLEANUP_DECISIONS } from '../../../common/documents.js';

/*
 * Figures of the normative-documents module. Each counts rows of normative_documents or of
 * normative_cleanup_items in the metric's region subtree (`inMetricScope`, by region path) — and, for a
 * unit scope, of the drafting unit — with the date named in its definition inside the period. Counts
 * are `defineCountMetric`s (compute, records, breakdowns by unit/month/category and their SQL from one
 * definition); the rates are computed from counts in one query each.
 */

function docs(db: Db, scope: MetricScope) {
  return db
    .selectFrom('normative_documents as d')
    .innerJoin('units as iu', 'iu.id', 'd.issuer_unit_id')
    .where(inMetricScope(scope, 'd.region_id', 'd.unit_id'));
}

const inPeriod = (col: string, p: Period) => sql<boolean>`${sql.ref(col)} between ${p.from} and ${p.to}`;

async function docRecords(db: Db, scope: MetricScope, p: Period, col: 'd.filed_on' | 'd.published_on'): Promise<MetricRecord[]> {
  const rows = await docs(db, scope).select(['d.id', 'd.doc_number', 'd.title', 'd.published_on', 'd.filed_on', 'iu.name as issuer']).where(inPeriod(col, p)).orderBy(col).orderBy('d.id').execute();
  return rows.map((r) => ({ id: r.id, entity: 'normative_document', label: `${r.doc_number ?? ''}《${r.title}》`, date: col === 'd.filed_on' ? r.filed_on : r.published_on, unitName: r.issuer }));
}


/** Whether the scope holds any document issued or filed in the period (else the figures are "no data"). */
async function hasDocs(db: Db, scope: MetricScope, p: Period) {
  const r = await docs(db, scope).select('d.id').where((eb) => eb.or([inPeriod('d.published_on', p), inPeriod('d.filed_on', p)])).limit(1).executeTakeFirst();
  return !!r;
}

/**
 * Keeps a count metric's figure "no data" unless `hasData` (the module's own rule for when a period
 * has data, stricter than the core's `noRecords`); its records, breakdowns and SQL are the core's.
 */
function noDataUnless(m: MetricDef, hasData: (db: Db, scope: MetricScope, p: Period) => Promise<boolean>): MetricDef {
  return { ...m, compute: async (db, scope, p) => ((await hasData(db, scope, p)) ? m.compute(db, scope, p) : null) };
}

const docLabel = sql<string>`coalesce(d.doc_number, '') || '《' || d.title || '》'`;

/** documents.filed — 审核办理备案规范性文件: documents filed with the superior, by filing date. */
export const filed: MetricDef = noDataUnless(defineCountMetric({
  id: 'documents.filed',
  module: 'documents',
  label: { zh: '审核办理备案规范性文件', en: 'Normative documents filed' },
  definition: {
    zh: '报送日期在统计期内、已向备案机关（部门文件报本级人民政府，本级人民政府文件报上一级人民政府）报送备案的行政规范性文件件数（按报备日期归属年度；政府文件同时报本级人大常委会备案的不重复计算）。统计期内无发布或报备的文件时为“无数据”。',
    en: 'Normative documents filed with the superior government, counted by filing date within the period. No data when no document was issued or filed in the period.',
  },
  base: (db, scope) => docs(db, scope).innerJoin('units as u', 'u.id', 'd.unit_id').where('d.filed_on', 'is not', null),
  idCol: 'd.id',
  dateCol: 'd.filed_on',
  unitCol: 'd.unit_id',
  unitNameSql: sql<string>`u.name`,
  entity: 'normative_document',
  labelSql: docLabel,
  nullWhen: 'never',
}), hasDocs);

/** documents.filingRate — 报备率: of the documents issued in the period, the share filed (so far). */
export const filingRate: MetricDef = {
  id: 'documents.filingRate',
  module: 'documents',
  label: { zh: '规范性文件报备率', en: 'Filing rate' },
  unit: 'percent',
  definition: {
    zh: '报备率 = 发布日期在统计期内且已报送备案的文件数 ÷ 发布日期在统计期内的文件数 × 100%（法治政府建设示范指标第27项）。统计期内无发布的文件时为“无数据”。',
    en: 'Documents issued in the period that have been filed ÷ documents issued in the period × 100 (demonstration indicator 27). No data when none was issued.',
  },
  async compute(db, scope, p) {
    const r = await docs(db, scope)
      .select([sql<string>`count(*)`.as('issued'), sql<string>`count(d.filed_on)`.as('filed')])
      .where(inPeriod('d.published_on', p))
      .executeTakeFirstOrThrow();
    return rate(Number(r.filed), Number(r.issued));
  },
  records: (db, scope, p) => docRecords(db, scope, p, 'd.published_on'),
};

/** documents.filingOnTimeRate — 报备及时率: of the documents filed in the period, the share filed by the due date. */
export const filingOnTimeRate: MetricDef = {
  id: 'documents.filingOnTimeRate',
  module: 'documents',
  label: { zh: '规范性文件报备及时率', en: 'On-time filing rate' },
  unit: 'percent',
  definition: {
    zh: '报备及时率 = 统计期内报送备案且报备日期不晚于报备期限（自公布之日起的设置天数，届满日遇节假日顺延）的文件数 ÷ 统计期内报送备案的文件数 × 100%。无报备时为“无数据”。',
    en: 'Documents filed in the period on or before their filing due date ÷ documents filed in the period × 100. No data when none was filed.',
  },
  async compute(db, scope, p) {
    const r = await docs(db, scope)
      .select([sql<string>`count(*)`.as('filed'), sql<string>`count(*) filter (where d.filed_on <= d.filing_due)`.as('ontime')])
      .where(inPeriod('d.filed_on', p))
      .where('d.filing_due', 'is not', null)
      .executeTakeFirstOrThrow();
    return rate(Number(r.ontime), Number(r.filed));
  },
  records: (db, scope, p) => docRecords(db, scope, p, 'd.filed_on'),
};

/** documents.filingConformityRate — 规范率: of the documents filed in the period, the share never suspended for missing materials. */
export const filingConformityRate: MetricDef = {
  id: 'documents.filingConformityRate',
  module: 'documents',
  label: { zh: '规范性文件报备规范率', en: 'Filing conformity rate' },
  unit: 'percent',
  definition: {
    zh: '规范率 = 统计期内报送备案且未因材料不全被中止的文件数 ÷ 统计期内报送备案的文件数 × 100%。无报备时为“无数据”。',
    en: 'Documents filed in the period and never suspended for missing materials ÷ documents filed in the period × 100. No data when none was filed.',
  },
  async compute(db, scope, p) {
    const r = await docs(db, scope)
      .select([sql<string>`count(*)`.as('filed'), sql<string>`count(*) filter (where not d.filing_defective)`.as('ok')])
      .where(inPeriod('d.filed_on', p))
      .executeTakeFirstOrThrow();
    return rate(Number(r.ok), Number(r.filed));
  },
  records: (db, scope, p) => docRecords(db, scope, p, 'd.filed_on'),
};

type Decision = keyof typeof CLEANUP_DECISIONS;

/** Whether a cleanup's results were published in the period in the scope's region subtree (else "no data"). */
async function hasPublishedCleanup(db: Db, scope: MetricScope, p: Period) {
  const c = await db.selectFrom('normative_cleanups as c').select('c.id').where('c.status', '=', 'published').where(inPeriod('c.published_on', p))
    // A campaign is the region's (it has no unit): a unit scope asks whether its region published one.
    .where(inMetricScope({ ...scope, unitId: null }, 'c.region_id')).limit(1).executeTakeFirst();
  return !!c;
}

function cleanupMetric(id: string, label: { zh: string; en: string }, decisions: Decision[], definition: { zh: string; en: string }): MetricDef {
  return noDataUnless(defineCountMetric({
    id,
    module: 'documents',
    label,
    definition,
    base: (db, scope) =>
      db
        .selectFrom('normative_cleanup_items as i')
        .innerJoin('normative_cleanups as c', 'c.id', 'i.cleanup_id')
        .innerJoin('normative_documents as d', 'd.id', 'i.document_id')
        .leftJoin('units as u', 'u.id', 'i.unit_id')
        .where('c.status', '=', 'published')
        .where('i.decision', 'in', decisions)
        .where(inMetricScope(scope, 'i.region_id', 'i.unit_id')),
    idCol: 'd.id',
    dateCol: 'c.published_on',
    unitCol: 'i.unit_id',
    unitNameSql: sql<string>`u.name`,
    entity: 'normative_document',
    labelSql: docLabel,
    categories: decisions.length > 1 ? { decision: { col: 'i.decision', label: { zh: '按清理结果', en: 'By decision' }, values: CLEANUP_DECISIONS } } : undefined,
    nullWhen: 'never',
  }), hasPublishedCleanup);
}

/** documents.cleanup.kept — 保留: 继续有效 + 修改 + 延长有效期 (documents that stay in force). */
export const cleanupKept = cleanupMetric('documents.cleanup.kept', { zh: '清理保留规范性文件', en: 'Documents kept in cleanup' }, ['keep', 'amend', 'extend'], {
  zh: '统计期内公布结果的规范性文件清理中，决定继续有效、修改或延长有效期（即保留、列入继续有效目录）的文件件数（按清理结果公布日期归属年度）。统计期内未公布清理结果时为“无数据”。',
  en: 'Documents decided "remains in force", "to be amended" or "validity extended" (i.e. kept in the catalogue) in cleanups whose results were published in the period. No data when no cleanup was published.',
});
/** documents.cleanup.repealed — 废止. */
export const cleanupRepealed = cleanupMetric('documents.cleanup.repealed', { zh: '清理废止规范性文件', en: 'Documents repealed in cleanup' }, ['repeal'], {
  zh: '统计期内公布结果的规范性文件清理中，决定废止的文件件数。统计期内未公布清理结果时为“无数据”。',
  en: 'Documents decided "repealed" in cleanups whose results were published in the period. No data when no cleanup was published.',
});
/** documents.cleanup.invalidated — 宣布失效. */
export const cleanupInvalidated = cleanupMetric('documents.cleanup.invalidated', { zh: '清理宣布失效规范性文件', en: 'Documents declared invalid in cleanup' }, ['invalidate'], {
  zh: '统计期内公布结果的规范性文件清理中，决定宣布失效的文件件数。统计期内未公布清理结果时为“无数据”。',
  en: 'Documents decided "declared invalid" in cleanups whose results were published in the period. No data when no cleanup was published.',
});

/** Every metric of the module. */
export const documentMetrics: MetricDef[] = [filed, filingRate, filingOnTimeRate, filingConformityRate, cleanupKept, cleanupRepealed, cleanupInvalidated];

/**
 * The cut-off dates of the cleanups whose results were published in the period (对…前发布的规范性文件进行清理),
 * for the report's text: one entry per cleanup, earliest first; empty when none was published.
 */
export async function cleanupCutoffs(db: Db, scope: MetricScope, p: Period): Promise<{ issuedBefore: string; record: MetricRecord }[]> {
  const rows = await db.selectFrom('normative_cleanups as c')
    .select(['c.id', 'c.title', sql<string>`to_char(c.issued_before, 'YYYY-MM-DD')`.as('issued_before'), sql<string>`to_char(c.published_on, 'YYYY-MM-DD')`.as('published_on')])
    .where('c.status', '=', 'published').where(inPeriod('c.published_on', p))
    .where(inMetricScope({ ...scope, unitId: null }, 'c.region_id'))
    .orderBy('c.issued_before').orderBy('c.id').execute();
  return rows.map((r) => ({ issuedBefore: r.issued_before, record: { id: r.id, entity: 'normative_cleanup', label: r.title, date: r.published_on } }));
}

/**
 * Documents issued or due in the period whose filing was late (filed after the due date) or is still
 * outstanding past it on the period's last day — for the report's candidate problems.
 */
export async function lateFilings(db: Db, scope: MetricScope, p: Period): Promise<MetricRecord[]> {
  const rows = await docs(db, scope)
    .select(['d.id', 'd.doc_number', 'd.title', sql<string>`to_char(d.filing_due, 'YYYY-MM-DD')`.as('due'), sql<string | null>`to_char(d.filed_on, 'YYYY-MM-DD')`.as('filed'), 'iu.name as issuer'])
    .where(inPeriod('d.filing_due', p))
    .where((eb) => eb.or([sql<boolean>`d.filed_on > d.filing_due`, sql<boolean>`(d.filed_on is null and d.filing_status = 'pending' and d.filing_due < ${p.to}::date)`]))
    .orderBy('d.filing_due').orderBy('d.id').execute();
  return rows.map((r) => ({ id: r.id, entity: 'normative_document', label: `${r.doc_number ?? ''}《${r.title}》（报备期限${r.due}，${r.filed ? `${r.filed}报备` : '未报备'}）`, date: r.due, unitName: r.issuer }));
}
