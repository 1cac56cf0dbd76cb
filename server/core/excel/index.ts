import ExcelJS from 'exceljs';
import { z } from 'zod';
import { badRequest } from '../errors/index.js';

/** One column of a sheet: key in the row object, Chinese header, width. */
export interface Column<Row> {
  key: keyof Row & string;
  header: string;
  /** English header (for the en UI and error messages). */
  headerEn?: string;
  width?: number;
  /** Cell kind for export and import coercion. */
  type?: 'text' | 'number' | 'date' | 'integer';
  /** Allowed values (shown as a dropdown in the template). */
  options?: string[];
}

/** A sheet declared once: used for export, the import template and import parsing. */
export interface SheetDef<Row> {
  name: string;
  columns: Column<Row>[];
  /** Row schema for imports (values after coercion). */
  row?: z.ZodType<Row>;
}

/** Declares a sheet. */
export function defineSheet<Row>(def: SheetDef<Row>): SheetDef<Row> {
  return def;
}

function toDateStr(v: unknown): string | undefined {
  if (v instanceof Date) return new Date(v.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  if (typeof v === 'string') {
    const s = v.trim().replace(/[年月/.]/g, '-').replace(/日$/, '');
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    return v.trim();
  }
  return undefined;
}

/** Writes rows to an xlsx buffer with frozen, bold headers. */
export async function exportXlsx<Row>(sheet: SheetDef<Row>, rows: Row[], opts: { title?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi 法治政府建设综合管理平台';
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(12, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  for (const r of rows) {
    const out: Record<string, unknown> = {};
    for (const c of sheet.columns) {
      const v = (r as Record<string, unknown>)[c.key];
      out[c.key] = v === null || v === undefined ? '' : v;
    }
    ws.addRow(out);
  }
  sheet.columns.forEach((c, i) => {
    if (c.options?.length) {
      for (let r = 2; r <= Math.max(rows.length + 1, 200); r++) {
        ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${c.options.join(',')}"`] };
      }
    }
  });
  if (opts.title) wb.title = opts.title;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A problem in one cell (or a whole row when column is absent). */
export interface CellError {
  /** Spreadsheet row number as the user sees it (header is row 1). */
  row: number;
  column?: string;
  message: string;
}

/** Result of parsing: the rows (with their sheet row numbers) and every problem found. */
export interface Parsed<Row> {
  rows: { rowNumber: number; value: Row }[];
  errors: CellError[];
}

/**
 * Reads an xlsx: finds columns by their headers, coerces cells, validates each row with the
 * sheet's schema and collects every bad cell (never stops at the first).
 */
export async function parseXlsx<Row>(sheet: SheetDef<Row>, data: Buffer, maxRows = 5000): Promise<Parsed<Row>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw badRequest('EXCEL_UNREADABLE', { zh: '无法读取该文件，请上传 .xlsx 格式的 Excel 文件', en: 'Cannot read the file; upload an .xlsx workbook' });
  }
  const ws = wb.getWorksheet(sheet.name) ?? wb.worksheets[0];
  if (!ws) throw badRequest('EXCEL_EMPTY', { zh: '文件中没有工作表', en: 'The workbook has no sheet' });
  const headerRow = ws.getRow(1);
  const colIndex = new Map<string, number>();
  headerRow.eachCell((cell, col) => {
    const text = String(cell.text ?? '').trim();
    const c = sheet.columns.find((x) => x.header === text || x.headerEn === text);
    if (c) colIndex.set(c.key, col);
  });
  const missing = sheet.columns.filter((c) => !colIndex.has(c.key));
  const errors: CellError[] = [];
  if (missing.length && missing.length === sheet.columns.length)
    throw badRequest('EXCEL_HEADERS', {
      zh: `表头不符合模板，应包含：${sheet.columns.map((c) => c.header).join('、')}`,
      en: `Headers do not match the template: ${sheet.columns.map((c) => c.headerEn ?? c.header).join(', ')}`,
    });
  for (const m of missing) errors.push({ row: 1, column: m.header, message: `缺少列“${m.header}”` });
  const rows: Parsed<Row>['rows'] = [];
  const last = ws.actualRowCount > 0 ? ws.rowCount : 0;
  if (last - 1 > maxRows)
    throw badRequest('EXCEL_TOO_MANY_ROWS', { zh: `一次最多导入${maxRows}行`, en: `At most ${maxRows} rows per import` });
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    const obj: Record<string, unknown> = {};
    let empty = true;
    for (const c of sheet.columns) {
      const idx = colIndex.get(c.key);
      if (!idx) continue;
      const cell = row.getCell(idx);
      let v: unknown = cell.value;
      if (v && typeof v === 'object' && 'result' in (v as object)) v = (v as { result: unknown }).result;
      if (v && typeof v === 'object' && 'richText' in (v as object)) v = cell.text;
      if (v && typeof v === 'object' && 'text' in (v as object)) v = (v as { text: unknown }).text;
      if (typeof v === 'string') v = v.trim();
      if (v === '' || v === null || v === undefined) {
        obj[c.key] = undefined;
        continue;
      }
      empty = false;
      if (c.type === 'date') v = toDateStr(v);
      else if (c.type === 'number' || c.type === 'integer') v = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
      else if (typeof v !== 'string') v = v instanceof Date ? toDateStr(v) : String(v);
      obj[c.key] = v;
    }
    if (empty) continue;
    if (!sheet.row) {
      rows.push({ rowNumber: r, value: obj as Row });
      continue;
    }
    const res = sheet.row.safeParse(obj);
    if (res.success) rows.push({ rowNumber: r, value: res.data });
    else
      for (const issue of res.error.issues) {
        const key = String(issue.path[0] ?? '');
        const col = sheet.columns.find((c) => c.key === key);
        errors.push({ row: r, column: col?.header, message: issue.message });
      }
  }
  return { rows, errors };
}

/** Throws the import's problems as one 400 listing every bad row and cell. */
export function assertNoImportErrors(errors: CellError[]) {
  if (errors.length)
    throw badRequest('IMPORT_INVALID', {
      zh: `导入文件有${errors.length}处错误，未导入任何数据`,
      en: `The file has ${errors.length} problems; nothing was imported`,
    }, { errors });
}
