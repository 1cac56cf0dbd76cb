import './exceljs-utf8.js'; // before exceljs (see there)
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { badRequest } from '../errors/index.js';
import { readSheet, type ReadColumn, type ReadFatal, type ReadResult } from './read.js';

export { toDateStr } from './read.js';

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

/** Options of `parseXlsx`. */
export interface ParseOptions {
  /** Language of the cell messages (the request's). */
  lang?: 'zh' | 'en';
  /** Read in this thread instead of a worker (small files in tools; tests of the reader). */
  inline?: boolean;
}

/** Each reading worker may use this much heap; a file that needs more is refused, not the server. */
const WORKER_HEAP_MB = 384;
/** A file that takes longer than this to read is refused. */
const WORKER_TIMEOUT_MS = 120_000;
/** Imports read at the same time; others wait their turn (each worker may take WORKER_HEAP_MB). */
const MAX_READERS = 2;
let readers = 0;
const waiting: (() => void)[] = [];

async function withReaderSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (readers >= MAX_READERS) await new Promise<void>((r) => waiting.push(r));
  readers++;
  try {
    return await fn();
  } finally {
    readers--;
    waiting.shift()?.();
  }
}

const fatal = (f: ReadFatal) => badRequest(f.code, { zh: f.zh, en: f.en });

/** Reads the sheet in a worker thread (its own heap limit and a time limit). */
function readInWorker(columns: ReadColumn[], sheetName: string, data: Buffer, maxRows: number): Promise<ReadResult> {
  return withReaderSlot(
    () =>
      new Promise<ReadResult>((resolve, reject) => {
        const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
          workerData: { columns, sheetName, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), maxRows },
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          stdout: false,
        });
        let settled = false;
        const done = (fn: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          fn();
          void worker.terminate();
        };
        const tooBig = badRequest('EXCEL_TOO_COMPLEX', {
          zh: '文件内容过多或过于复杂，无法读取；请删除无关的工作表、格式和空行，或分批导入',
          en: 'The file is too large or complex to read; remove unrelated sheets, formatting and empty rows, or split it',
        });
        const timer = setTimeout(() => done(() => reject(tooBig)), WORKER_TIMEOUT_MS);
        worker.once('message', (m: ReadResult) => done(() => resolve(m)));
        worker.once('error', (e: Error & { code?: string }) => done(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig : e)));
        worker.once('exit', (code) => done(() => reject(code === 0 ? new Error('Excel reader ended without an answer') : tooBig)));
      }),
  );
}

const ZH = z.locales.zhCN().localeError;
const EN = z.locales.en().localeError;

/** Messages for the issues of one row, in the request's language, naming the column. */
function rowIssues<Row>(sheet: SheetDef<Row>, schema: z.ZodType<Row>, value: Record<string, unknown>, rowNumber: number, lang: 'zh' | 'en', skip: string[]): CellError[] {
  const local = schema.safeParse(value, { error: (lang === 'zh' ? ZH : EN) as never });
  const out: CellError[] = [];
  for (const issue of local.success ? [] : local.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (skip.includes(key)) continue; // the reader already said what is wrong with that cell
    const col = sheet.columns.find((c) => c.key === key);
    const zhName = col?.header ?? key;
    const enName = col?.headerEn ?? zhName;
    const v = value[key];
    const len = typeof v === 'string' ? [...v].length : 0;
    let message = issue.message;
    // A schema-wide message such as “事项必填” also answers its length checks in zod; say what is wrong.
    if (issue.code === 'too_big' && issue.origin === 'string')
      message = lang === 'zh' ? `${zhName}过长：最多${String(issue.maximum)}个字，现有${len}个字` : `${enName} is too long: at most ${String(issue.maximum)} characters, ${len} given`;
    else if (issue.code === 'too_small' && issue.origin === 'string' && (lang === 'en' || /必填$/.test(message)))
      message = lang === 'zh' ? `${zhName}至少${String(issue.minimum)}个字` : `${enName} must have at least ${String(issue.minimum)} characters`;
    else if (issue.code === 'invalid_type' && v === undefined)
      message = lang === 'zh' ? (/必填$/.test(message) ? message : `${zhName}必填`) : `${enName} is required`;
    out.push({ row: rowNumber, column: col?.header, message });
  }
  return out;
}

/**
 * Reads an xlsx: finds columns by their headers, coerces cells, validates each row with the sheet's
 * schema and collects every bad cell (never stops at the first), messages in the request's language.
 * The file is read as a stream in a worker thread with the row limit enforced while reading; the rows
 * are validated here in slices that yield to other requests.
 */
export async function parseXlsx<Row>(sheet: SheetDef<Row>, data: Buffer, maxRows = 5000, opts: ParseOptions = {}): Promise<Parsed<Row>> {
  const lang = opts.lang ?? 'zh';
  const columns: ReadColumn[] = sheet.columns.map((c) => ({ key: c.key, header: c.header, headerEn: c.headerEn, type: c.type }));
  const read = opts.inline ? await readSheet(columns, sheet.name, data, maxRows) : await readInWorker(columns, sheet.name, data, maxRows);
  if ('fatal' in read) throw fatal(read.fatal);
  const errors: CellError[] = read.issues.map((i) => ({ row: i.row, column: i.column, message: lang === 'zh' ? i.zh : i.en }));
  const rows: Parsed<Row>['rows'] = [];
  for (let i = 0; i < read.rows.length; i++) {
    // Let other requests in between slices: 20,000 rows of zod take a noticeable moment.
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
    const { rowNumber, value, bad = [] } = read.rows[i];
    if (!sheet.row) {
      if (!bad.length) rows.push({ rowNumber, value: value as Row });
      continue;
    }
    const res = sheet.row.safeParse(value);
    if (res.success && !bad.length) rows.push({ rowNumber, value: res.data });
    else if (!res.success) errors.push(...rowIssues(sheet, sheet.row, value, rowNumber, lang, bad));
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
