import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navTexts, shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

/**
 * The demo city 焦作市 (demo/rollup.ts): 中站区 plus 解放区, 马村区, 山阳区 and 修武县 with a little data.
 * Lawsuits closed in 2020 (lost): 解放区 4 (1), 中站区 6 (1), 马村区 1 (1), 山阳区 5 (0), 修武县 2 (0).
 */
describe('roll-up journeys', () => {
  it('the city office opens the roll-up, sorts districts by a rate, drills into the records behind a figure, sees late reports and opens a district’s report', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'city_office');
    await waitForShell(page);
    // The header names the city's office as such, not as a district's 依法治区办.
    expect(await page.getByTestId('user-menu').innerText()).toContain('依法治市办');
    expect(await navTexts(page)).toContain('汇总统计');
    await page.getByTestId('side-nav').getByRole('link', { name: '汇总统计' }).click();
    await page.getByTestId('page-rollup').waitFor();
    const table = page.getByTestId('rollup-table');
    await table.locator('[data-testid="rollup-cell"]').first().waitFor();
    // The whole city's loss rate is recomputed from its lawsuits (3 of 18), not the districts' average (28.3 %).
    const total = table.locator('[data-testid="rollup-cell"][data-kind="total"][data-metric="disputes.litigation.lossRate"]');
    expect(await total.innerText()).toBe('16.7%');
    await shot(page, 'rollup-figures');

    // Order the districts (the matrix's columns) by the loss rate, highest first, by clicking the figure's name.
    const firstRegions = () => table.locator('thead [data-testid="rollup-region"][data-kind="child"]').allInnerTexts();
    await table.locator('[data-testid="rollup-col"][data-metric="disputes.litigation.lossRate"]').click();
    await expect.poll(firstRegions).toEqual(['马村区', '解放区', '中站区', '山阳区', '修武县']);
    await shot(page, 'rollup-sorted');

    // Drill into 解放区's closed lawsuits: four records, read-only, with the figure's definition.
    await table.locator('[data-testid="rollup-cell"][data-region="410802"][data-metric="disputes.litigation.closed"]').click();
    const drawer = page.getByTestId('rollup-drawer');
    await drawer.waitFor();
    expect(await drawer.getByTestId('drawer-region').innerText()).toBe('解放区');
    expect(await drawer.getByTestId('drawer-value').innerText()).toBe('4');
    const rows = drawer.locator('[data-testid="drawer-records"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(4);
    await shot(page, 'rollup-drawer');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The districts' annual reports: the deadline (moved past a Sunday) with its basis; who is late.
    await page.getByTestId('tab-reports').click();
    const deadline = page.getByTestId('rollup-deadline');
    await deadline.waitFor();
    expect(await deadline.innerText()).toContain('2021-03-01');
    expect(await deadline.innerText()).toContain('督察工作规定');
    const standing = (code: string) => page.locator(`[data-testid="rollup-reports"] tr[data-region="${code}"] [data-testid="standing"]`).innerText();
    // The demo's 2020 year is closed: every district reported, three of them late (none still outstanding).
    await expect.poll(() => standing('410811')).toBe('逾期报送');
    expect(await standing('410821')).toBe('逾期报送');
    expect(await standing('410804')).toBe('逾期报送');
    expect(await standing('410802')).toBe('按期报送');
    expect(await standing('410803')).toBe('按期报送');
    await shot(page, 'rollup-reports');

    // Open 解放区's submitted report: its frozen figures, read-only for the city.
    await page.locator('[data-testid="rollup-reports"] tr[data-region="410802"] [data-testid="open-report"]').click();
    await page.getByTestId('official-document').waitFor();
    await page.getByText('解放区人民政府关于2020年度法治政府建设工作情况的报告').first().waitFor();
    await page.getByTestId('frozen-note').waitFor();
    await shot(page, 'rollup-district-report');
  });

  it('the public portal lists the city’s and its districts’ published reports and downloads a figure table as CSV', async () => {
    const page = await fz.page();
    await page.goto(`${fz.url}/public/reports`);
    await page.getByTestId('public-list').waitFor();
    await page.getByTestId('public-region-link').first().waitFor();
    await page.goto(`${fz.url}/public/regions/410800`);
    await page.getByTestId('page-public-portal').waitFor();
    const items = page.getByTestId('portal-item');
    await expect.poll(() => items.count()).toBe(5);
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-region')))).toEqual(['410802', '410803', '410804', '410811', '410821']);
    await shot(page, 'portal-city');
    // Search.
    await page.getByTestId('portal-search').locator('input').fill('马村');
    await page.getByTestId('portal-search').locator('input').press('Enter');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-region')).toBe('410804');
    // The figure table as CSV: UTF-8 with BOM, a header row, one row per figure with its definition.
    const [download] = await Promise.all([page.waitForEvent('download'), items.first().getByTestId('portal-csv').click()]);
    expect(download.suggestedFilename()).toBe('马村区2020年度法治政府建设报告数据.csv');
    const file = await download.path();
    const text = fs.readFileSync(file!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\n');
    expect(lines[0]).toContain('指标名称');
    expect(lines[0]).toContain('统计口径');
    expect(lines.some((l) => l.includes('disputes.litigation.closed'))).toBe(true);
  });
});
