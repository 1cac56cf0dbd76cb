import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/index.js';
import { defineSheet, type CellError } from '../../core/excel/index.js';
import type { ImportSpec } from '../../core/excel/routes.js';
import { badRequest } from '../../core/errors/index.js';
import { mayWriteAt, requireRole, type Actor } from '../../core/scope/index.js';
import { actorRegion, unitsByNameIn, type UnitRef } from '../org/lookup.js';
import { DateStr } from '../../../common/schemas.js';
import { DocNumber } from '../../../common/docnumber.js';
import { CLEANUP_DECISIONS, DOC_STATUS, FILING_STATUS } from '../../../common/documents.js';
import { registerExistingDocument, validUntilFor, validityYearsFor } from './service.js';

/** Statuses an existing register may state. */
const REGISTER_STATUS: Record<string, 'in_force' | 'repealed' | 'invalidated'> = { 现行有效: 'in_force', 已废止: 'repealed', 已宣布失效: 'invalidated', 已失效: 'invalidated' };

/** One row of the document register (export and import). */
export interface RegisterRow {
  docNumber: string;
  title: string;
  issuer: string;
  drafter?: string;
  publishedOn: string;
  effectiveFrom?: string;
  validUntil?: string;
  status: string;
  endedOn?: string;
  filedOn?: string;
  filedWith?: string;
  filingStatus?: string;
  marketRelated?: string;
}

/** The register of normative documents (规范性文件登记台账). */
export const registerSheet = defineSheet<RegisterRow>({
  name: '规范性文件登记台账',
  columns: [
    { key: 'docNumber', header: '发文字号', headerEn: 'Number', width: 22 },
    { key: 'title', header: '文件名称', headerEn: 'Title', width: 48 },
    { key: 'issuer', header: '制定机关', headerEn: 'Issuing organ', width: 20 },
    { key: 'drafter', header: '起草单位', headerEn: 'Drafting unit', width: 20 },
    { key: 'publishedOn', header: '发布日期', headerEn: 'Published on', type: 'date' },
    { key: 'effectiveFrom', header: '施行日期', headerEn: 'Effective from', type: 'date' },
    { key: 'validUntil', header: '有效期至', headerEn: 'Valid until', type: 'date' },
    { key: 'status', header: '状态', headerEn: 'Status', options: Object.keys(REGISTER_STATUS) },
    { key: 'endedOn', header: '废止/失效日期', headerEn: 'Ended on', type: 'date' },
    { key: 'filedOn', header: '报备日期', headerEn: 'Filed on', type: 'date' },
    { key: 'filedWith', header: '备案机关', headerEn: 'Filed with' },
    { key: 'filingStatus', header: '备案状态', headerEn: 'Filing status' },
    { key: 'marketRelated', header: '涉及市场主体', headerEn: 'Market-related', options: ['是', '否'] },
  ],
  row: z.object({
    docNumber: DocNumber,
    title: z.string({ message: '文件名称必填' }).min(4, { message: '文件名称至少4个字' }).max(120),
    issuer: z.string({ message: '制定机关必填' }).min(2).max(80),
    drafter: z.string().min(2).max(80).optional(),
    publishedOn: DateStr,
    effectiveFrom: DateStr.optional(),
    validUntil: DateStr.optional(),
    status: z.string({ message: '状态必填' }).refine((s) => s in REGISTER_STATUS, { message: `状态应为：${Object.keys(REGISTER_STATUS).join('、')}` }),
    endedOn: DateStr.optional(),
    filedOn: DateStr.optional(),
    filedWith: z.string().max(60).optional(),
    filingStatus: z.string().max(20).optional(),
    marketRelated: z.enum(['是', '否'], { message: '涉及市场主体应填“是”或“否”' }).optional(),
  }) as z.ZodType<RegisterRow>,
});

/** A register row from a document (export). */
export function registerRowOf(d: {
  doc_number: string | null; title: string; issuer_name: string; unit_name: string; published_on: string | null; effective_from: string | null; valid_until: string | null;
  status: keyof typeof DOC_STATUS; ended_on: string | null; filed_on: string | null; filed_with: string | null; filing_status: keyof typeof FILING_STATUS | null; market_related: boolean;
}): RegisterRow {
  return {
    docNumber: d.doc_number ?? '', title: d.title, issuer: d.issuer_name, drafter: d.unit_name, publishedOn: d.published_on ?? '', effectiveFrom: d.effective_from ?? undefined,
    validUntil: d.valid_until ?? undefined, status: DOC_STATUS[d.status].zh, endedOn: d.ended_on ?? undefined, filedOn: d.filed_on ?? undefined, filedWith: d.filed_with ?? undefined,
    filingStatus: d.filing_status ? FILING_STATUS[d.filing_status].zh : undefined, marketRelated: d.market_related ? '是' : '否',
  };
}

/**
 * Units named in the file, looked up within the uploader's region (names are unique only within a
 * region: every district has a 区城市管理局), never by name alone.
 */
async function unitsByName(trx: Transaction<Database>, actor: Actor, names: string[]): Promise<Map<string, UnitRef[]>> {
  const region = await actorRegion(trx, actor);
  if (!region) throw badRequest('IMPORT_NO_REGION', { zh: '无法确定您所在的区域，不能导入', en: 'Your region cannot be determined; cannot import' });
  return unitsByNameIn(trx, region.path, names);
}

/**
 * Whether a document number is already registered in a region. Numbers are unique per region whoever
 * registered them (the unique index `normative_documents_number_idx`), so this looks beyond the
 * uploader's read scope: it answers only yes or no, never the other document.
 */
async function numberTaken(trx: Transaction<Database>, _actor: Actor, regionId: string, docNumber: string) {
  const row = await trx.selectFrom('normative_documents as d').select('d.id').where('d.region_id', '=', regionId).where('d.doc_number', '=', docNumber).executeTakeFirst();
  return !!row;
}

/**
 * Importing an existing register: the office for its region, a unit's staff for documents their unit
 * drafted; all-or-nothing through core importRoutes. Numbers unique in the file and the database.
 */
export const registerImport: ImportSpec<RegisterRow> = {
  sheet: registerSheet,
  authorize(actor) {
    requireRole(actor, 'office', 'unit_head', 'liaison');
  },
  async check(trx, actor, rows) {
    const errors: CellError[] = [];
    const units = await unitsByName(trx, actor, [...new Set(rows.flatMap((r) => [r.value.issuer, r.value.drafter ?? r.value.issuer]))]);
    const seen = new Set<string>();
    for (const { rowNumber, value: v } of rows) {
      const issuer = units.get(v.issuer);
      const drafterName = v.drafter ?? v.issuer;
      const drafter = units.get(drafterName);
      if (!issuer?.length) errors.push({ row: rowNumber, column: '制定机关', message: `单位“${v.issuer}”不存在或不在您的范围内` });
      else if (issuer.length > 1) errors.push({ row: rowNumber, column: '制定机关', message: `您的区域内有多个名为“${v.issuer}”的单位` });
      if (!drafter?.length) { if (v.drafter) errors.push({ row: rowNumber, column: '起草单位', message: `单位“${drafterName}”不存在或不在您的范围内` }); continue; }
      if (drafter.length > 1) { errors.push({ row: rowNumber, column: '起草单位', message: `您的区域内有多个名为“${drafterName}”的单位` }); continue; }
      const d = drafter[0];
      if (!(await mayWriteAt(trx, actor, d.region_id, d.id))) errors.push({ row: rowNumber, column: v.drafter ? '起草单位' : '制定机关', message: '无权登记该单位的文件' });
      if (v.effectiveFrom && v.effectiveFrom < v.publishedOn) errors.push({ row: rowNumber, column: '施行日期', message: '施行日期不得早于发布日期' });
      if (v.validUntil && v.validUntil < (v.effectiveFrom ?? v.publishedOn)) errors.push({ row: rowNumber, column: '有效期至', message: '有效期截止日不得早于施行日期' });
      if (v.filedOn && v.filedOn < v.publishedOn) errors.push({ row: rowNumber, column: '报备日期', message: '报备日期不得早于发布日期' });
      if (REGISTER_STATUS[v.status] !== 'in_force' && !v.endedOn) errors.push({ row: rowNumber, column: '废止/失效日期', message: '已废止或已失效的文件须填写废止/失效日期' });
      const key = `${d.region_id}|${v.docNumber}`;
      if (seen.has(key)) errors.push({ row: rowNumber, column: '发文字号', message: '与本文件中前面的行重复' });
      seen.add(key);
      const dup = await numberTaken(trx, actor, d.region_id, v.docNumber);
      if (dup) errors.push({ row: rowNumber, column: '发文字号', message: `发文字号${v.docNumber}已登记` });
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    // The same look-up as the dry run (within the uploader's region), so the commit writes what was checked.
    const units = await unitsByName(trx, actor, [...new Set(rows.flatMap((r) => [r.value.issuer, r.value.drafter ?? r.value.issuer]))]);
    for (const { value: v } of rows) {
      const drafter = units.get(v.drafter ?? v.issuer)![0];
      const issuer = units.get(v.issuer)![0];
      const status = REGISTER_STATUS[v.status];
      const effectiveFrom = v.effectiveFrom ?? v.publishedOn;
      await registerExistingDocument(trx, actor, {
        docNumber: v.docNumber, title: v.title, issuerUnitId: issuer.id, unitId: drafter.id, regionId: drafter.region_id, publishedOn: v.publishedOn, effectiveFrom,
        validUntil: v.validUntil ?? validUntilFor(effectiveFrom, await validityYearsFor(trx, v.title)), status, endedOn: v.endedOn, filedOn: v.filedOn, filedWith: v.filedWith,
        marketRelated: v.marketRelated === '是',
      });
    }
  },
};

/** One row of a cleanup's results (清理结果). */
export interface CleanupRow {
  docNumber: string;
  title: string;
  issuer: string;
  publishedOn: string;
  decision: string;
  reason: string;
  newValidUntil?: string;
}

/** The cleanup results sheet. */
export const cleanupSheet = defineSheet<CleanupRow>({
  name: '规范性文件清理结果',
  columns: [
    { key: 'docNumber', header: '发文字号', headerEn: 'Number', width: 22 },
    { key: 'title', header: '文件名称', headerEn: 'Title', width: 48 },
    { key: 'issuer', header: '制定机关', headerEn: 'Issuing organ', width: 20 },
    { key: 'publishedOn', header: '发布日期', headerEn: 'Published on', type: 'date' },
    { key: 'decision', header: '清理结果', headerEn: 'Decision', options: Object.values(CLEANUP_DECISIONS).map((d) => d.zh) },
    { key: 'reason', header: '理由', headerEn: 'Reason', width: 40 },
    { key: 'newValidUntil', header: '延长后有效期至', headerEn: 'Extended until', type: 'date' },
  ],
});
