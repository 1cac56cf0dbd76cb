import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navTexts, shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

describe('annual report journeys', () => {
  it('the office opens the published 2020 report, clicks a figure and lands on the records behind it', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    expect(await navTexts(page)).toContain('年度报告');
    await page.getByTestId('side-nav').getByRole('link', { name: '年度报告' }).click();
    await page.getByTestId('page-report-list').waitFor();
    await page.getByText('中站区人民政府关于2020年度法治政府建设工作情况的报告').waitFor();
    await shot(page, 'report-list');
    await page.getByTestId('open-2020').click();
    const doc = page.getByTestId('official-document');
    await doc.waitFor();
    // The official layout: 发文机关标志, 发文字号 + 签发人, title, 主送机关.
    await expect.poll(() => page.getByTestId('doc-issuer').innerText()).toBe('焦作市中站区人民政府文件');
    expect(await page.getByTestId('doc-number').innerText()).toBe('焦中政文〔2021〕3号');
    await doc.getByText('签发人：').waitFor();
    await page.getByTestId('frozen-note').waitFor();
    await page.getByTestId('workflow').getByText('已公开').first().waitFor();
    await shot(page, 'report-2020');
    // 全年受理行政复议案件 3 件: the figure opens the definition and its three records.
    const fig = doc.locator('[data-testid="figure"][data-metric="disputes.reconsideration.accepted"]');
    expect(await fig.innerText()).toBe('3');
    await fig.scrollIntoViewIfNeeded();
    await shot(page, 'report-2020-figures');
    await fig.click();
    const drawer = page.getByTestId('figure-drawer');
    await drawer.getByText('受理行政复议案件数').first().waitFor();
    await expect.poll(() => drawer.getByTestId('figure-definition').innerText()).not.toBe('—');
    const rows = drawer.locator('[data-testid="figure-records"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    await shot(page, 'report-figure-records');
    // A record behind a submitted figure changes later (fixture: edited in the database): the report keeps
    // its frozen figure and says so with the difference.
    await fz.db.updateTable('reconsideration_cases').set({ applicant_name: '王某（更正）' }).where('case_no', '=', '中站政复〔2020〕1号').execute();
    await page.reload();
    const changed = page.getByTestId('changed-since-submission');
    await changed.waitFor();
    expect(await changed.innerText()).toContain('报送后数据有变动');
    expect(await changed.innerText()).toContain('修改1条');
    expect(await doc.locator('[data-metric="disputes.reconsideration.accepted"]').innerText()).toBe('3');
    await shot(page, 'report-2020-changed');
  });

  it('the office creates the 2021 draft, types a number that contradicts a metric and sees the warning', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/report`);
    await page.getByTestId('report-create').click();
    await expect.poll(() => page.locator('#report-year').inputValue()).toBe('2021');
    await page.getByTestId('report-create-ok').click();
    await page.getByTestId('official-document').waitFor();
    await page.getByTestId('workflow').getByTestId('act-submit_review').waitFor();
    await expect.poll(() => page.getByTestId('warnings').locator('[data-kind="doc_number"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('warnings').locator('[data-kind="contradiction"]').count()).toBe(0);
    // The 2021 figure of lawsuits handled (carried over from 2020) is 1; the office types 7.
    const fig = page.getByTestId('official-document').locator('[data-metric="disputes.litigation.handled"]');
    expect(await fig.innerText()).toBe('1');
    await page.locator('[data-block="p-1-4"]').hover();
    await page.getByTestId('edit-p-1-4').click();
    const ta = page.getByTestId('editor-p-1-4').getByTestId('block-text');
    const text = await ta.inputValue();
    expect(text).toContain('{{disputes.litigation.handled}}');
    await ta.fill(text.replace('{{disputes.litigation.handled}}', '7'));
    await shot(page, 'report-2021-editing');
    await page.getByTestId('block-save').click();
    await page.getByText('已保存，预览已按最新数据刷新').waitFor();
    const w = page.getByTestId('warnings').locator('[data-kind="contradiction"]');
    await w.first().waitFor();
    expect(await w.first().innerText()).toContain('文中写“全年共办理行政诉讼案件7”，但按记录计算的“办理行政诉讼案件数”为1');
    expect(await page.getByTestId('official-document').locator('[data-block="p-1-4"]').innerText()).toContain('全年共办理行政诉讼案件7件');
    // 发文字号 is checked on the client with the same validator as the server.
    await page.getByTestId('tab-meta').click();
    await page.locator('#meta-docNumber').fill('焦中政文[2022]01号');
    await page.getByTestId('meta-save').click();
    await page.getByText(/年份应使用六角括号“〔〕”括入/).first().waitFor();
    await page.locator('#meta-docNumber').fill('焦中政文〔2022〕5号');
    await page.locator('#meta-signer').fill('赵红兵');
    await page.getByTestId('meta-save').click();
    await expect.poll(() => page.getByTestId('doc-number').innerText()).toBe('焦中政文〔2022〕5号');
    await expect.poll(() => page.getByTestId('warnings').locator('[data-kind="doc_number"]').count()).toBe(0);
    await page.getByTestId('tab-warnings').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'report-2021-contradiction');
  });

  it('the public portal shows the published 2020 report without sign-in', async () => {
    const page = await fz.page();
    await page.goto(`${fz.url}/public/reports`);
    await page.getByTestId('public-list').waitFor();
    const links = page.getByTestId('public-report-link');
    // 中站区 and two sibling districts of the demo city (demo/rollup.ts) have published their 2020 reports.
    await expect.poll(() => links.count()).toBe(3);
    const zz = links.filter({ hasText: '中站区人民政府关于2020年度法治政府建设工作情况的报告' });
    expect(await zz.count()).toBe(1);
    await shot(page, 'report-public-list');
    await zz.click();
    const frame = page.frameLocator('[data-testid="public-report"]');
    await frame.getByText('焦作市中站区人民政府文件').waitFor();
    await frame.getByText('焦中政文〔2021〕3号').waitFor();
    expect(await frame.locator('body').innerText()).toContain('全年受理行政复议案件3件');
    expect(page.url()).not.toContain('/login');
    await shot(page, 'report-public');
  });

  it('the leader sees the indicator dashboard by unit, by month and year over year', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'leader');
    await waitForShell(page);
    await page.goto(`${fz.url}/report/dashboard?year=2020&metric=disputes.reconsideration.accepted`);
    await page.getByTestId('dash-charts').waitFor();
    await page.getByTestId('chart-unit').locator('canvas').waitFor();
    await page.getByTestId('chart-month').locator('canvas').waitFor();
    await page.getByTestId('chart-yoy').locator('canvas').waitFor();
    await shot(page, 'report-dashboard');
  });

  it('a liaison has no 年度报告 menu and gets 403 by typed URL', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'liaison');
    await waitForShell(page);
    expect(await navTexts(page)).not.toContain('年度报告');
    await page.goto(`${fz.url}/report`);
    await page.getByTestId('page-403').waitFor();
    const id = (await fz.db.selectFrom('reports').select('id').where('year', '=', 2020).executeTakeFirstOrThrow()).id;
    await page.goto(`${fz.url}/report/${id}`);
    await page.getByTestId('page-403').waitFor();
    await shot(page, 'report-liaison-403');
  });
});
