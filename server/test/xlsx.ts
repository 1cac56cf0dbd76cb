/** Spreadsheet fixtures for import tests: a workbook from rows, and its upload as a multipart request. */
import ExcelJS from 'exceljs';
import type { Client, TestApp } from './harness.js';

/** An xlsx with one sheet: the header row, then the rows. */
export async function workbook(sheet: string, headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads a spreadsheet to an import URL as the client (or signed out), answering status and JSON body. */
export async function upload(t: TestApp, c: Client | null, url: string, buf: Buffer) {
  const boundary = '----fazhi' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`), buf, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(c ? { cookie: c.cookie, 'x-csrf-token': c.csrf } : {}) } });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}
