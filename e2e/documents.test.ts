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
  it('a draft goes through comment (too short refused, naming the rule), advisor review from its queue, deliberation, numbering and publication, and is filed when due', async () => {
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
    const id = new URL(page.url()).pathname.split('/').pop()!;

    // Close comment, then the office sends it to the legal-advisor firm.
    await page.getByTestId('act-commentClose').click();
    await page.locator('.ant-modal .ant-picker input').first().fill('2020-10-12');
    await page.locator('.ant-modal .ant-picker input').first().press('Enter');
    await page.locator('.ant-modal .ant-input-number input').fill('3');
    await page.getByTestId('field-summary').fill('收到意见3条，采纳2条');
    await page.getByTestId('step-save').click();
    await page.getByTestId('act-review').waitFor();
    const office = await fz.page();
    await signIn(office, fz.url, 'office');
    await waitForShell(office);
    await office.goto(`${fz.url}/documents/${id}`);
    await office.getByTestId('act-review').click();
    const choose = async (p: typeof office, testId: string, option: string) => {
      // The dropdown animates open; a click during the animation can be lost, so check and retry.
      const field = p.locator(`.ant-modal [data-testid="${testId}"]`);
      for (let attempt = 0; attempt < 3; attempt++) {
        await field.click();
        const item = p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
        await item.waitFor();
        await p.waitForTimeout(200);
        await item.click();
        const ok = await expect.poll(() => field.innerText(), { timeout: 3000 }).toContain(option).then(() => true, () => false);
        if (ok) return;
        await p.keyboard.press('Escape');
      }
      throw new Error(`could not choose ${option}`);
    };
    await choose(office, 'field-reviewerKind', '政府法律顾问');
    await choose(office, 'field-reviewerUnitId', '河南纳圣律师事务所');
    await office.locator('.ant-modal .ant-picker input').first().fill('2020-10-13');
    await office.locator('.ant-modal .ant-picker input').first().press('Enter');
    await office.getByTestId('step-save').click();
    await office.getByTestId('doc-reviews').getByText('河南纳圣律师事务所').waitFor();

    // The advisor signs in, finds it in the one advisors queue (not in the documents module) and gives the opinion there.
    const adv = await fz.page();
    await signIn(adv, fz.url, 'advisor');
    await waitForShell(adv);
    await adv.goto(`${fz.url}/advisors/reviews?status=assigned`);
    await adv.getByRole('link', { name: '中站区餐厨废弃物管理办法' }).click();
    await adv.getByTestId('review-descriptions').getByText('规范性文件合法性审查').waitFor();
    await adv.getByTestId('review-opinion').click();
    await adv.locator('#step-conclusion').click();
    await adv.keyboard.type('合法');
    await adv.keyboard.press('Enter');
    await adv.locator('#step-opinion').fill('经审核，内容合法');
    await adv.locator('#step-reasons').fill('符合《固体废物污染环境防治法》及省市有关规定');
    await adv.locator('#concludedOn').click();
    await adv.locator('#concludedOn').fill('2020-10-20');
    await adv.keyboard.press('Enter');
    await adv.getByTestId('step-save').click();
    await adv.getByTestId('review-conclusion').getByText('经审核，内容合法').waitFor();
    await shot(adv, 'documents-advisor-opinion-in-queue');
    // The document's review is concluded by it: the advisor follows the link to the document and reads it there.
    await adv.getByTestId('review-subject-link').click();
    await adv.getByTestId('doc-reviews').getByText('经审核，内容合法').waitFor();
    expect(await adv.getByTestId('act-opinion').count()).toBe(0);

    // The drafting unit records the deliberation; the office numbers and issues it.
    await page.reload();
    await page.getByTestId('act-deliberate').click();
    await page.locator('.ant-modal .ant-picker input').first().fill('2020-10-22');
    await page.locator('.ant-modal .ant-picker input').first().press('Enter');
    await page.getByTestId('step-save').click();
    await office.reload();
    await office.getByTestId('act-publish').click();
    await office.getByTestId('field-issuerCode').fill('焦中政');
    await office.locator('.ant-modal .ant-picker input').first().fill('2020-10-30');
    await office.locator('.ant-modal .ant-picker input').first().press('Enter');
    await office.getByTestId('step-save').click();
    await office.getByTestId('doc-descriptions').getByText('焦中政〔2020〕34号').waitFor();

    // The filing falls due on the to-do list; the liaison files it.
    await page.goto(`${fz.url}/`);
    await page.getByTestId('todo-list').getByText('中站区餐厨废弃物管理办法').first().waitFor();
    await page.goto(`${fz.url}/documents/${id}`);
    await page.getByTestId('act-file').click();
    await page.locator('.ant-modal .ant-picker input').first().fill('2020-11-20');
    await page.locator('.ant-modal .ant-picker input').first().press('Enter');
    await page.getByTestId('step-save').click();
    await page.getByTestId('doc-descriptions').getByText('已报备').first().waitFor();
    await shot(page, 'documents-filed');
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

  it('the advisor finds its firm’s document reviews in the advisors queue only', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'advisor');
    await waitForShell(page);
    // No second inbox: the documents review list is not in the advisor's menu.
    expect(await page.locator('a[href="/documents/reviews"]').count()).toBe(0);
    await page.goto(`${fz.url}/advisors/reviews?type=normative_document&pageSize=100`);
    const table = page.getByTestId('table-advisor-reviews');
    await table.getByText('中站区城市生活垃圾分类管理实施办法').waitFor();
    const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts();
    // 纳圣 reviewed 3 of the 5 documents of 2020 (plus the one the first journey sent it); 善博's 2 are not shown.
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) expect(r).toContain('河南纳圣律师事务所');
    const text = rows.join('\n');
    for (const title of ['中站区城市生活垃圾分类管理实施办法', '中站区城乡居民最低生活保障实施细则（试行）', '中站区农村集体经济组织资产管理办法']) expect(text).toContain(title);
    for (const title of ['中站区进一步优化营商环境若干措施', '中站区老旧小区改造项目管理暂行办法']) expect(text).not.toContain(title);
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
