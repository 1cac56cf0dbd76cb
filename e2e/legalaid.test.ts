import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { date, pick, shot as saveShot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

const PERSON = '韩立群';

/** Saves the screenshot after checking no untranslated key or raw code is on the page. */
async function shot(page: Page, name: string) {
  await saveShot(page, name);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/legalaid\.[a-zA-Z]/);
  // Raw codes on a Chinese page (an English page has these words in its prose).
  if (!name.endsWith('-en')) expect(text).not.toMatch(/\b(criminal_defence|labour_arbitration|life_or_death|art42|migrant_wages)\b/);
}

describe('legal aid journeys', () => {
  let caseUrl = '';

  it('the centre\'s clerk takes an application at the window; the 7-day decision deadline shows with its computation across the 2020 Spring Festival and on the to-do list', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'aid');
    await waitForShell(page);
    await page.goto(`${fz.url}/legalaid/cases`);
    await page.getByTestId('table-legalaid-cases').locator('.ant-table-row').first().waitFor();
    await shot(page, 'legalaid-cases');
    await page.getByTestId('legalaid-apply').click();
    await page.locator('#personName').fill(PERSON);
    await page.locator('#idNumber').fill('410803198503151236');
    await page.locator('#phone').fill('13603915566');
    await page.locator('#matter').fill('追索劳动报酬（建筑工地务工）');
    await date(page, 'receivedOn', '2020-01-21');
    // A bad check digit is refused by the server, named on its field, and nothing is saved.
    await page.getByTestId('legalaid-apply-save').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '校验位' }).waitFor();
    await page.locator('#idNumber').fill('410803198503151237');
    await page.getByTestId('legalaid-apply-save').click();
    await page.waitForURL(/\/legalaid\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    const decision = page.getByTestId('deadline-decision');
    await decision.waitFor();
    // 7 working days from 2020-01-21: 01-22, 01-23, then the extended Spring Festival (01-24…02-02), 02-03…02-07.
    expect(await decision.innerText()).toContain('2020-02-07');
    expect(await decision.innerText()).toContain('第四十三条');
    await shot(page, 'legalaid-case-received');
    await page.goto(`${fz.url}/`);
    const row = page.getByTestId('todo-list').locator('tr', { hasText: PERSON });
    await row.waitFor();
    expect(await row.innerText()).toContain('审查决定');
  });

  it('decides it (means test against the province standard), assigns a lawyer within the 3-day limit, and the deadlines show as met', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'aid');
    await waitForShell(page);
    await page.goto(caseUrl);
    await page.getByTestId('legalaid-decide').click();
    await date(page, 'decidedOn', '2020-02-06');
    await page.locator('#monthlyIncome').fill('800');
    await page.getByTestId('legalaid-decide-save').click();
    const assignment = page.getByTestId('deadline-assignment');
    await assignment.waitFor();
    // 3 working days from the 02-06 decision: 02-07, 02-10, 02-11.
    expect(await assignment.innerText()).toContain('2020-02-11');
    await page.getByTestId('legalaid-assign').click();
    await pick(page, 'lawyerId', '周文博');
    await date(page, 'assignedOn', '2020-02-10');
    await page.getByTestId('legalaid-assign-save').click();
    await page.getByTestId('legalaid-progress').waitFor();
    expect(await page.getByTestId('deadline-assignment').innerText()).toContain('已办结');
    expect(await page.getByTestId('deadline-decision').innerText()).toContain('已办结');
    expect(await page.locator('body').innerText()).toContain('周文博');
    await shot(page, 'legalaid-case-assigned');
    await page.addInitScript(() => localStorage.setItem('fazhi.lang', 'en'));
    await page.goto(caseUrl);
    await page.getByTestId('deadline-assignment').waitFor();
    expect(await page.locator('body').innerText()).toContain('Assignment');
    await shot(page, 'legalaid-case-assigned-en');
  });

  it('a subdistrict\'s liaison cannot open the case or find it in the list', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'street');
    await waitForShell(page);
    await page.goto(caseUrl);
    await page.getByTestId('page-404').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(PERSON);
    await page.goto(`${fz.url}/legalaid/cases?q=${encodeURIComponent(PERSON)}`);
    await page.getByTestId('table-legalaid-cases').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('table-legalaid-cases').locator('.ant-table-row').count()).toBe(0);
  });

  it('shows the services pages in zh and en', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/legalaid/services`);
    await page.getByTestId('table-legalaid-help').locator('.ant-table-row').first().waitFor();
    await shot(page, 'legalaid-services');
    await page.getByRole('tab', { name: '律师服务团' }).click();
    await page.getByTestId('table-legalaid-teams').locator('.ant-table-row').first().waitFor();
    await shot(page, 'legalaid-teams');
    const en = await fz.page();
    await en.addInitScript(() => localStorage.setItem('fazhi.lang', 'en'));
    await signIn(en, fz.url, 'aid');
    await waitForShell(en);
    await en.goto(`${fz.url}/legalaid/cases`);
    await en.getByTestId('table-legalaid-cases').locator('.ant-table-row').first().waitFor();
    await shot(en, 'legalaid-cases-en');
  });
});
