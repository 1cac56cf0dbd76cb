import './exceljs-utf8.js'; // before exceljs: a character split between two zip chunks must not become "���"
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/*
 * Streaming read of one sheet of an xlsx into plain row objects. Runs in a worker thread (see
 * worker.ts): it never loads the whole workbook, and it stops as soon as the row limit is passed,
 * so an 8 MB file of 1.5 million rows costs the reading of 5,001 rows, not 2.8 GB.
 */

/** What the reader needs of a column (plain data: it crosses to the worker). */
export interface ReadColumn {
  key: string;
  header: string;
  headerEn?: string;
  type?: 'text' | 'number' | 'date' | 'integer';
}

/** A problem found while reading a cell, in both languages (the request's is picked later). */
export interface ReadIssue {
  row: number;
  column?: string;
  columnEn?: string;
  zh: string;
  en: string;
}

/** A file-level refusal (unreadable, no headers, too many rows). */
export interface ReadFatal {
  code: string;
  zh: string;
  en: string;
}

/** What the reader produces. */
export type ReadResult = { fatal: ReadFatal } | { rows: ReadRow[]; issues: ReadIssue[]; rowsRead: number };
/** A data row: its values and the keys whose cells could not be read (already reported). */
export interface ReadRow {
  rowNumber: number;
  value: Record<string, unknown>;
  bad?: string[];
}

/** Dates are read as Beijing dates ('YYYY-MM-DD'); Excel stores them without a zone. */
export function toDateStr(v: unknown): string | undefined {
  if (v instanceof Date) return new Date(v.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  if (typeof v === 'string') {
    const s = v.trim().replace(/[年月/.]/g, '-').replace(/日$/, '');
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    return v.trim();
  }
  return undefined;
}

/** Text of a rich-text value. */
const richText = (v: { richText: { text: string }[] }) => v.richText.map((r) => r.text).join('');

/**
 * One cell's value as a plain string/number/Date, or an issue. A formula cell uses the value Excel
 * saved with it; a formula never calculated (written by a program, not saved by Excel) has none, and
 * importing its formula text or "[object Object]" would be wrong — the user is told what to do.
 */
function plainValue(v: unknown): { value: unknown } | { zh: string; en: string } {
  if (v === null || v === undefined) return { value: undefined };
  if (typeof v !== 'object' || v instanceof Date) return { value: v };
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null)
      return { zh: '该单元格是没有计算结果的公式，请在 Excel 中打开并保存后再导入，或将其复制后“粘贴为数值”', en: 'The cell holds a formula with no saved result; open and save the file in Excel, or paste it as values' };
    return plainValue(o.result);
  }
  if ('error' in o) return { zh: `该单元格的值是错误值 ${String(o.error)}，请改正后再导入`, en: `The cell holds the error value ${String(o.error)}` };
  if ('richText' in o && Array.isArray(o.richText)) return { value: richText(o as { richText: { text: string }[] }) };
  if ('text' in o) return plainValue(o.text);
  return { zh: '无法识别该单元格的内容', en: 'The cell content cannot be read' };
}

/** Refusals the reader can make. */
export const FATAL = {
  unreadable: { code: 'EXCEL_UNREADABLE', zh: '无法读取该文件，请上传 .xlsx 格式的 Excel 文件', en: 'Cannot read the file; upload an .xlsx workbook' },
  empty: { code: 'EXCEL_EMPTY', zh: '文件中没有工作表', en: 'The workbook has no sheet' },
  tooMany: (max: number): ReadFatal => ({ code: 'EXCEL_TOO_MANY_ROWS', zh: `一次最多导入${max}行，请分批导入（空白但设置了格式的行也计入，请删除多余的空行）`, en: `At most ${max} rows per import; split the file (formatted empty rows count too)` }),
  headers: (cols: ReadColumn[]): ReadFatal => ({
    code: 'EXCEL_HEADERS',
    zh: `表头不符合模板，应包含：${cols.map((c) => c.header).join('、')}`,
    en: `Headers do not match the template: ${cols.map((c) => c.headerEn ?? c.header).join(', ')}`,
  }),
};

/** Reads one sheet (by name, else the first) as a stream, with the row limit enforced while reading. */
export async function readSheet(columns: ReadColumn[], sheetName: string, data: Uint8Array, maxRows: number): Promise<ReadResult> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data)]), {
    sharedStrings: 'cache',
    styles: 'cache', // to recognise date cells
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  } as never);
  let chosen: ReadResult | null = null;
  let sawSheet = false;
  try {
    for await (const ws of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string }>) {
      const named = ws.name === sheetName;
      // The first sheet is read in case no sheet has the template's name; a later sheet with the name replaces it.
      if (sawSheet && !named) {
        for await (const _ of ws) void _; // drain: the zip is one stream
        continue;
      }
      const first = !sawSheet;
      sawSheet = true;
      const r = await readRows(columns, ws, maxRows);
      if (named || first) chosen = r;
      if (named || 'fatal' in r) break;
    }
  } catch {
    return { fatal: FATAL.unreadable };
  }
  if (!sawSheet || !chosen) return { fatal: FATAL.empty };
  return chosen;
}

async function readRows(columns: ReadColumn[], ws: AsyncIterable<ExcelJS.Row>, maxRows: number): Promise<ReadResult> {
  const colIndex = new Map<string, number>();
  const rows: ReadRow[] = [];
  const issues: ReadIssue[] = [];
  let header = false;
  let rowsRead = 0;
  // Physical rows (formatted but empty ones included) are bounded too, or a sheet of a million styled
  // empty rows would be read to the end.
  const physicalLimit = maxRows * 2 + 1000;
  for await (const row of ws) {
    if (!header) {
      header = true;
      row.eachCell((cell, col) => {
        const text = String(cell.text ?? '').trim();
        const c = columns.find((x) => x.header === text || x.headerEn === text);
        if (c && !colIndex.has(c.key)) colIndex.set(c.key, col);
      });
      if (colIndex.size === 0) return { fatal: FATAL.headers(columns) };
      for (const c of columns) if (!colIndex.has(c.key)) issues.push({ row: 1, column: c.header, columnEn: c.headerEn, zh: `缺少列“${c.header}”`, en: `Missing column "${c.headerEn ?? c.header}"` });
      continue;
    }
    if (row.number > physicalLimit) return { fatal: FATAL.tooMany(maxRows) };
    const obj: Record<string, unknown> = {};
    const bad: string[] = [];
    let empty = true;
    for (const c of columns) {
      const idx = colIndex.get(c.key);
      if (!idx) continue;
      const cell = row.getCell(idx);
      const pv = plainValue(cell.value);
      if (!('value' in pv)) {
        issues.push({ row: row.number, column: c.header, columnEn: c.headerEn, zh: pv.zh, en: pv.en });
        empty = false;
        bad.push(c.key);
        obj[c.key] = undefined;
        continue;
      }
      let v = pv.value;
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
    if (++rowsRead > maxRows) return { fatal: FATAL.tooMany(maxRows) };
    rows.push(bad.length ? { rowNumber: row.number, value: obj, bad } : { rowNumber: row.number, value: obj });
  }
  if (!header) return { fatal: FATAL.headers(columns) };
  return { rows, issues, rowsRead };
}
