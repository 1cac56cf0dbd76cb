import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/index.js';
import { defineSheet, type CellError } from '../../core/excel/index.js';
import type { ImportSpec } from '../../core/excel/routes.js';
import { recordAudit } from '../../core/audit/index.js';
import { auditActor, type Actor } from '../../core/scope/index.js';
import { mayManageRegion } from './records.js';
import { forbidden } from '../../core/errors/index.js';
import { UNIT_TYPES } from '../../../common/roles.js';
import { DateStr } from '../../../common/schemas.js';

const TYPE_BY_LABEL = Object.fromEntries(Object.entries(UNIT_TYPES).map(([k, v]) => [v.zh, k]));

/** One row of the units sheet. */
export interface UnitRow {
  name: string;
  shortName?: string;
  type: string;
  regionCode: string;
  activeFrom?: string;
}

/** The units sheet (export and import). */
export const unitsSheet = defineSheet<UnitRow>({
  name: '单位',
  columns: [
    { key: 'name', header: '单位名称', headerEn: 'Name', width: 30 },
    { key: 'shortName', header: '简称', headerEn: 'Short name' },
    { key: 'type', header: '单位类型', headerEn: 'Type', options: Object.values(UNIT_TYPES).map((t) => t.zh) },
    { key: 'regionCode', header: '行政区划代码', headerEn: 'Region code' },
    { key: 'activeFrom', header: '设立日期', headerEn: 'Active from', type: 'date' },
  ],
  row: z.object({
    name: z.string({ message: '单位名称必填' }).min(2, { message: '单位名称至少2个字' }).max(80),
    shortName: z.string().max(40).optional(),
    type: z.string({ message: '单位类型必填' }).refine((t) => !!TYPE_BY_LABEL[t], { message: `单位类型应为：${Object.values(UNIT_TYPES).map((t) => t.zh).join('、')}` }),
    regionCode: z.string({ message: '行政区划代码必填' }).regex(/^\d{6}(\d{3}){0,2}$/, { message: '行政区划代码应为6、9或12位数字' }),
    activeFrom: DateStr.optional(),
  }) as z.ZodType<UnitRow>,
});

/** Delay per row, to let tests kill the process mid-import (test environment only). */
const rowDelay = () => (process.env.NODE_ENV === 'test' ? Number(process.env.FAZHI_TEST_IMPORT_DELAY_MS ?? 0) : 0);

/** Importing units: the office within its regions, admin anywhere; names unique per region. */
export const unitsImport: ImportSpec<UnitRow> = {
  sheet: unitsSheet,
  authorize(actor: Actor) {
    if (!actor.isAdmin && !actor.grants.some((g) => g.role === 'office')) throw forbidden();
  },
  async check(trx: Transaction<Database>, actor, rows) {
    const errors: CellError[] = [];
    const codes = [...new Set(rows.map((r) => r.value.regionCode))];
    const regions = codes.length ? await trx.selectFrom('regions').select(['id', 'code']).where('code', 'in', codes).execute() : [];
    const seen = new Set<string>();
    for (const { rowNumber, value } of rows) {
      const region = regions.find((r) => r.code === value.regionCode);
      if (!region) {
        errors.push({ row: rowNumber, column: '行政区划代码', message: `行政区划代码${value.regionCode}不存在` });
        continue;
      }
      if (!(await mayManageRegion(trx, actor, region.id)))
        errors.push({ row: rowNumber, column: '行政区划代码', message: '无权在该区域新增单位' });
      const key = `${region.id}|${value.name}`;
      if (seen.has(key)) errors.push({ row: rowNumber, column: '单位名称', message: '与本文件中前面的行重复' });
      seen.add(key);
      const dup = await trx.selectFrom('units').select('id').where('region_id', '=', region.id).where('name', '=', value.name).executeTakeFirst();
      if (dup) errors.push({ row: rowNumber, column: '单位名称', message: `该区域已有单位“${value.name}”` });
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    for (const { value } of rows) {
      const region = await trx.selectFrom('regions').select('id').where('code', '=', value.regionCode).executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('units')
        .values({ name: value.name, short_name: value.shortName ?? null, type: TYPE_BY_LABEL[value.type], region_id: region.id, active_from: value.activeFrom ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, auditActor(actor), { entity: 'unit', entityId: row.id, action: 'import', regionId: row.region_id, unitId: row.id, after: row });
      const d = rowDelay();
      if (d) await new Promise((r) => setTimeout(r, d));
    }
  },
};
