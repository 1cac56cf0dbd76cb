/** Upload fixtures for tests: a workbook from rows, a multipart body, and the upload of a file to a URL. */
import ExcelJS from 'exceljs';
import type { Client, TestApp } from './harness.js';

/** The content type of an xlsx file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An xlsx with one sheet: the header row, then the rows (cells as ExcelJS takes them: text, numbers, dates, null). */
export async function workbook(sheet: string, headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A file as a `multipart/form-data` body with one field `file`: the payload and its content-type header. */
export function multipart(buf: Buffer, name = 'x.xlsx', type = XLSX_TYPE): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----fazhi' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { payload: Buffer.concat([head, buf, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Uploads a file (an xlsx unless `file` names another) to a URL as the client (or signed out), answering
 * the status and the body (JSON when it is JSON).
 */
export async function upload(t: TestApp, c: Client | null, url: string, buf: Buffer, file: { name?: string; type?: string } = {}) {
  const { payload, headers } = multipart(buf, file.name, file.type);
  const res = await t.app.inject({ method: 'POST', url, payload, headers: { ...headers, ...(c?.cookie ? { cookie: c.cookie, 'x-csrf-token': c.csrf } : {}) } });
  let body;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, body, headers: res.headers as Record<string, unknown> };
}
