/**
 * Chinese text survives an import byte for byte: exceljs's streaming reader decoded each unzipped chunk
 * on its own, so a character split between two chunks became "���" (1–4 case numbers in a 10,000-row
 * file, found by the enforcement import bench). See exceljs-utf8.ts.
 */
import { describe, expect, it } from 'vitest';
import { utf8ParseSax } from './exceljs-utf8.js';
import { defineSheet, exportXlsx, parseXlsx } from './index.js';

async function* chunks(...parts: Buffer[]) {
  for (const p of parts) yield p;
}

describe('UTF-8 in spreadsheets', () => {
  it('parses XML whose Chinese characters are split between chunks', async () => {
    const xml = Buffer.from('<c><t>中站区执法〔2020〕1号</t></c>');
    // Split inside 中 (bytes 6..8) and inside 〔: every character arrives whole at the parser.
    const at = [7, 23];
    const parts = [xml.subarray(0, at[0]), xml.subarray(at[0], at[1]), xml.subarray(at[1])];
    let text = '';
    for await (const events of utf8ParseSax(chunks(...parts)))
      for (const e of events) if (e.eventType === 'text') text += e.value as string;
    expect(text).toBe('中站区执法〔2020〕1号');
  });

  it('reads back every cell of a 10,000-row Chinese ledger exactly (in the reading worker)', async () => {
    type Row = { caseNo: string; party: string };
    const sheet = defineSheet<Row>({
      name: '案件台账',
      columns: [
        { key: 'caseNo', header: '案号', headerEn: 'Case no.' },
        { key: 'party', header: '当事人', headerEn: 'Party' },
      ],
    });
    // Varying lengths move the characters across the zip stream's chunk boundaries.
    const rows: Row[] = Array.from({ length: 10_000 }, (_, i) => ({ caseNo: `焦中执法〔2020〕${i + 1}号`, party: `某某${'测试'.repeat(i % 7)}有限公司` }));
    const data = await exportXlsx(sheet, rows);
    const parsed = await parseXlsx(sheet, data, 20_000);
    expect(parsed.errors).toEqual([]);
    const wrong = parsed.rows.filter((r, i) => r.value.caseNo !== rows[i].caseNo || r.value.party !== rows[i].party);
    expect(wrong.map((r) => r.value.caseNo)).toEqual([]);
    expect(parsed.rows).toHaveLength(10_000);
  });
});
