import { z } from 'zod';
import { defineSheet, type CellError } from '../../core/excel/index.js';
import type { ImportSpec } from '../../core/excel/routes.js';
import { forbidden } from '../../core/errors/index.js';
import { hasRole, OFFICE_WRITE, writeRegionPaths } from '../../core/scope/index.js';
import { DateStr } from '../../../common/schemas.js';
import { actorRegion, unitsByNameIn } from '../org/lookup.js';
import { LEGACY_CATEGORIES, POWER_CATEGORIES, type PowerCategory } from './schema.js';
import { addPowerIn } from './service.js';

/** One row of a power-and-responsibility list sheet (export and import). */
export interface PowerSheetRow {
  unit: string;
  code: string;
  name: string;
  category: string;
  basis: string;
  responsibility?: string;
  accountability?: string;
  approvalRef: string;
  approvedOn: string;
  effectiveOn: string;
}

const CATEGORY_BY_LABEL: Record<string, PowerCategory> = {
  ...Object.fromEntries(Object.entries(POWER_CATEGORIES).map(([k, v]) => [v.zh, k as PowerCategory])),
  ...LEGACY_CATEGORIES,
};
/** The category of a label in a (possibly legacy) list, or undefined. */
export const categoryOfLabel = (label: string) => CATEGORY_BY_LABEL[label.trim()];

/** The list sheet (权责清单). Legacy categories (行政审批, 行政监督…) are mapped on import. */
export const powerSheet = defineSheet<PowerSheetRow>({
  name: '权责清单',
  columns: [
    { key: 'unit', header: '实施主体', headerEn: 'Unit', width: 24 },
    { key: 'code', header: '事项编码', headerEn: 'Code', width: 20 },
    { key: 'name', header: '事项名称', headerEn: 'Name', width: 40 },
    { key: 'category', header: '事项类别', headerEn: 'Category', options: Object.values(POWER_CATEGORIES).map((c) => c.zh) },
    { key: 'basis', header: '设定依据', headerEn: 'Legal basis', width: 60 },
    { key: 'responsibility', header: '责任事项', headerEn: 'Responsibility', width: 40 },
    { key: 'accountability', header: '追责情形', headerEn: 'Accountability', width: 40 },
    { key: 'approvalRef', header: '批准文号', headerEn: 'Approval', width: 20 },
    { key: 'approvedOn', header: '批准日期', headerEn: 'Approved on', type: 'date' },
    { key: 'effectiveOn', header: '生效日期', headerEn: 'Effective on', type: 'date' },
  ],
  row: z.object({
    unit: z.string({ message: '实施主体必填' }).min(2).max(80),
    code: z.string({ message: '事项编码必填' }).min(1).max(60),
    name: z.string({ message: '事项名称必填' }).min(2).max(300),
    category: z.string({ message: '事项类别必填' }).refine((c) => !!categoryOfLabel(c), { message: `事项类别应为：${Object.values(POWER_CATEGORIES).map((c) => c.zh).join('、')}（或行政审批、行政监督、行政收费等旧类别）` }),
    basis: z.string({ message: '设定依据必填' }).min(2).max(4000),
    responsibility: z.string().max(4000).optional(),
    accountability: z.string().max(4000).optional(),
    approvalRef: z.string({ message: '批准文号必填' }).min(2).max(100),
    approvedOn: DateStr,
    effectiveOn: DateStr,
  }) as z.ZodType<PowerSheetRow>,
});

/** Importing an existing list: every row is an approved addition; all-or-nothing, every bad cell listed. */
export const powerImport: ImportSpec<PowerSheetRow> = {
  sheet: powerSheet,
  maxRows: 10_000,
  authorize(actor) {
    if (!hasRole(actor, 'office') || !writeRegionPaths(actor, OFFICE_WRITE).length) throw forbidden();
  },
  async check(trx, actor, rows) {
    const errors: CellError[] = [];
    const region = await actorRegion(trx, actor);
    const units = region ? await unitsByNameIn(trx, region.path, rows.map((r) => r.value.unit)) : new Map();
    const seen = new Map<string, number>();
    const unitIds = [...new Set([...units.values()].flat().map((u) => u.id))];
    const current = new Set(
      unitIds.length
        ? (await trx.selectFrom('power_items').select(['unit_id', 'code']).where('effective_to', 'is', null).where('unit_id', 'in', unitIds).execute()).map((r) => `${r.unit_id}|${r.code}`)
        : [],
    );
    for (const { rowNumber, value } of rows) {
      const found = units.get(value.unit) ?? [];
      if (found.length !== 1) {
        errors.push({ row: rowNumber, column: '实施主体', message: found.length ? `本辖区有多个名为“${value.unit}”的单位` : `本辖区没有名为“${value.unit}”的单位` });
        continue;
      }
      const key = `${found[0].id}|${value.code}`;
      if (seen.has(key)) errors.push({ row: rowNumber, column: '事项编码', message: `与第${seen.get(key)}行的事项编码重复` });
      else if (current.has(key)) errors.push({ row: rowNumber, column: '事项编码', message: `该单位清单中已有编码为“${value.code}”的事项` });
      seen.set(key, rowNumber);
      if (value.effectiveOn < value.approvedOn) errors.push({ row: rowNumber, column: '生效日期', message: '生效日期不能早于批准日期' });
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    const region = (await actorRegion(trx, actor))!;
    const units = await unitsByNameIn(trx, region.path, rows.map((r) => r.value.unit));
    for (const { value } of rows) {
      await addPowerIn(trx, actor, {
        unitId: units.get(value.unit)![0].id, code: value.code, name: value.name, category: categoryOfLabel(value.category)!, basis: value.basis,
        responsibility: value.responsibility ?? '', accountability: value.accountability ?? '', approvalRef: value.approvalRef, approvedOn: value.approvedOn,
        effectiveOn: value.effectiveOn, reason: '导入现行权责清单',
      });
    }
  },
};

/** One row of the "一件事" catalogue (export). */
export interface ServiceSheetRow {
  code: string; name: string; leadUnit: string; window: string; items: string; units: string; documents: string; promisedDays: number; status: string; publishedOn?: string;
}
/** The "一件事" catalogue sheet: each service with its bundled items, window, documents and promised time. */
export const serviceSheet = defineSheet<ServiceSheetRow>({
  name: '一件事服务目录',
  columns: [
    { key: 'code', header: '编码', headerEn: 'Code', width: 14 },
    { key: 'name', header: '“一件事”名称', headerEn: 'Service', width: 24 },
    { key: 'leadUnit', header: '牵头单位', headerEn: 'Lead unit', width: 24 },
    { key: 'window', header: '办理窗口', headerEn: 'Window', width: 30 },
    { key: 'items', header: '整合事项', headerEn: 'Items bundled', width: 60 },
    { key: 'units', header: '涉及单位', headerEn: 'Units', width: 40 },
    { key: 'documents', header: '申请材料（一次提交）', headerEn: 'Documents (asked once)', width: 50 },
    { key: 'promisedDays', header: '承诺时限（工作日）', headerEn: 'Promised (working days)', type: 'number' },
    { key: 'status', header: '状态', headerEn: 'Status' },
    { key: 'publishedOn', header: '发布日期', headerEn: 'Published on', type: 'date' },
  ],
});
