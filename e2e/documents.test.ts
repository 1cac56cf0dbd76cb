import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

const docId = async (title: string) => (await fz.db.selectFrom('normative_documents').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;

describe('normative documents journeys', () => {
  it('a liaison registers a draft, and a too-short comment period is refused naming the rule', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'liaison');
    await waitForShell(page);
    await page.goto(`${fz.url}/documents`);
    await page.getByTestId('doc-create').click();
    await page.getByTestId('field-title').fill('中站区餐厨废弃物管理办法');
    await page.locator('.ant-modal .ant-picker input').first().fill('2020-09-20');
    await page.locator('.ant-modal .ant-picker input').first().press('Enter');
    await page.getByTestId('step-save').click();
    await page.getByTestId('record-detail').waitFor();
    await page.getByTestId('publication-gaps').getByText('国办发〔2018〕115号').waitFor();
    await page.getByTestId('act-comment').click();
    const pickers = page.locator('.ant-modal .ant-picker input');
    await pickers.nth(0).fill('2020-09-25');
    await pickers.nth(0).press('Enter');
    await pickers.nth(1).fill('2020-10-10');
    await pickers.nth(1).press('Enter');
    await page.getByTestId('field-channel').fill('中站区人民政府门户网站');
    await page.getByTestId('step-save').click();
    // From Fri 09-25, 7 working days across National Day 2020 end on 10-12.
    await page.getByTestId('form-error').getByText('2020-10-12').waitFor();
    expect(await page.getByTestId('form-error').innerText()).toContain('7个工作日');
    await shot(page, 'documents-comment-refused');
    await pickers.nth(1).fill('2020-10-12');
    await pickers.nth(1).press('Enter');
    await page.getByTestId('step-save').click();
    await page.getByTestId('act-commentClose').waitFor();
  });

  it('the office sees a 2020 document with its number, review and the document it replaced', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/documents?q=${encodeURIComponent('垃圾分类')}`);
    await page.getByText('焦中政〔2020〕9号').waitFor();
    await shot(page, 'documents-list');
    await page.goto(`${fz.url}/documents/${await docId('中站区城市生活垃圾分类管理实施办法')}`);
    await page.getByTestId('doc-descriptions').getByText('焦中政〔2020〕9号').waitFor();
    await page.getByTestId('doc-reviews').getByText('河南纳圣律师事务所').waitFor();
    await page.getByText('中站区城区生活垃圾管理暂行办法').waitFor();
    await shot(page, 'documents-detail');
  });

  it('the advisor sees only its firm’s review queue', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'advisor');
    await waitForShell(page);
    await page.goto(`${fz.url}/documents/reviews`);
    const table = page.getByTestId('table-document-reviews');
    await table.getByText('中站区城市生活垃圾分类管理实施办法').waitFor();
    const rows = await table.locator('tbody tr.ant-table-row').count();
    expect(rows).toBe(3); // 纳圣 reviewed 3 of the 5 documents of 2020; 善博's 2 are not shown
    await shot(page, 'documents-advisor-reviews');
  });

  it('the office sees the published 2020 cleanup: 95 documents, 52 继续有效 · 4 修改 · 18 废止 · 19 宣布失效 · 2 延长有效期', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/documents/cleanups`);
    await page.getByText('2020年中站区行政规范性文件全面清理').click();
    const summary = page.getByTestId('cleanup-summary');
    await summary.getByText('继续有效 52').waitFor();
    const text = await summary.innerText();
    for (const s of ['95', '修改 4', '废止 18', '宣布失效 19', '延长有效期 2']) expect(text).toContain(s);
    await shot(page, 'documents-cleanup');
  });
});
