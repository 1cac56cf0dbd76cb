import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';
import { today } from '../server/core/calendar/index.js';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

/** The input of a date picker found by its test id (antd puts the id on the input or on its box). */
async function pickerInput(page: Page, testId: string): Promise<Locator> {
  const el = page.getByTestId(testId).first();
  return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
}
async function modalDate(page: Page, n: number, value: string) {
  const input = page.locator('.ant-modal .ant-picker input').nth(n);
  await input.fill(value);
  await input.press('Enter');
}
const row = (page: Page, code: string) => page.locator('tr.ant-table-row', { hasText: code });
async function rowsOf(page: Page) {
  await page.locator('.ant-table-tbody').waitFor();
  await page.waitForLoadState('networkidle').catch(() => {});
  return page.locator('tr.ant-table-row').allInnerTexts();
}

describe('power list journeys', () => {
  it('the list as of 2020-06-30 differs from today’s after a dated change', async () => {
    const day = today();
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/powers?q=ZZ-01-00`);
    await row(page, 'ZZ-01-001').waitFor();
    const oldName = (await row(page, 'ZZ-01-001').locator('td').nth(1).innerText()).trim();
    expect(await page.getByTestId('powers-as-of').innerText()).toContain('今日');

    // The office amends one item and removes another, both approved and effective today.
    await page.getByTestId('power-amend-ZZ-01-001').click();
    await page.locator('#action-name').fill(`${oldName.replace(/（第\d+项）$/, '')}（调整后）`);
    await page.locator('#action-approvalRef').fill('中站编〔2026〕8号');
    await modalDate(page, 0, day);
    await modalDate(page, 1, day);
    await page.locator('#action-reason').fill('依据修订后的条例调整事项名称');
    await shot(page, 'powers-amend');
    await page.getByTestId('action-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await page.getByTestId('power-remove-ZZ-01-002').click();
    await page.locator('#action-approvalRef').fill('中站编〔2026〕8号');
    await modalDate(page, 0, day);
    await modalDate(page, 1, day);
    await page.getByTestId('action-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });

    // Today's list: the amended name, version 2, and no ZZ-01-002.
    await row(page, '（调整后）').waitFor();
    let rows = await rowsOf(page);
    expect(rows.some((r) => r.includes('ZZ-01-001') && r.includes('（调整后）'))).toBe(true);
    expect(rows.some((r) => r.includes('ZZ-01-002'))).toBe(false);

    // The list as of 2020-06-30, picked on the page and kept in the URL: the old item, and ZZ-01-002 still listed.
    const input = await pickerInput(page, 'filter-asOf');
    await input.fill('2020-06-30');
    await input.press('Enter');
    await page.waitForURL(/asOf=2020-06-30/);
    await expect.poll(async () => page.getByTestId('powers-as-of').innerText()).toContain('2020');
    await row(page, 'ZZ-01-002').waitFor();
    rows = await rowsOf(page);
    expect(rows.some((r) => r.includes('ZZ-01-001') && r.includes(oldName) && !r.includes('（调整后）'))).toBe(true);
    expect(rows.some((r) => r.includes('ZZ-01-002'))).toBe(true);
    // A past version cannot be changed from the dated list.
    expect(await page.getByTestId('power-amend-ZZ-01-001').count()).toBe(0);
    await shot(page, 'powers-as-of-2020-06-30');

    // The date survives a reload (it is in the URL).
    await page.reload();
    await row(page, 'ZZ-01-002').waitFor();
    expect(await (await pickerInput(page, 'filter-asOf')).inputValue()).toBe('2020-06-30');

    // The same list in English, today.
    const en = await fz.page({ locale: 'en-US' });
    await en.addInitScript(() => localStorage.setItem('fazhi.lang', 'en'));
    await signIn(en, fz.url, 'office');
    await waitForShell(en);
    await en.goto(`${fz.url}/powers?q=ZZ-01-00`);
    await row(en, '（调整后）').waitFor();
    expect(await en.getByTestId('powers-as-of').innerText()).toContain('today');
    expect(await row(en, 'ZZ-01-002').count()).toBe(0);
    await shot(en, 'powers-today-en');
    await en.goto(`${fz.url}/powers?q=ZZ-01-00&asOf=2020-06-30`);
    await row(en, 'ZZ-01-002').waitFor();
    await shot(en, 'powers-as-of-2020-06-30-en');
  });
});
