/**
 * An official's first hour (issue 16), in one browser:
 * - every menu page of every demo account, in zh-CN and en, has no visible raw code, no untranslated
 *   chrome in English, no table wider than its area at 1440 px, no console error, and no year picker
 *   on a year without data (checks in first-hour-checks.ts);
 * - each account's home is photographed into docs/screenshots/ (referenced by the README);
 * - journeys: the liaison reports progress with evidence in one form; the leader's home asks once for
 *   its figures and summarises what is late by unit; an empty reconsideration form speaks zh and en.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS as DISTRICT_ACCOUNTS } from '../demo/org.js';
import { CITY_ACCOUNTS } from '../demo/rollup.js';

/** Every account the demo creates: the district's and the city's above it. */
const DEMO_ACCOUNTS = [...DISTRICT_ACCOUNTS, ...CITY_ACCOUNTS];
import { DEMO_PASSWORD, startFazhi, type Fazhi } from './harness';
import { crawlUser, settle, signedInPage, type Finding } from './first-hour-checks';

/**
 * Pages that fail a check today, kept visible so they are fixed, not forgotten: `path kind` (any
 * account, any language). Empty: nothing may fail.
 */
export const KNOWN_FAILING: string[] = [];

/** Whether a finding is on the known list (`path kind` or `path kind text`, the text within its detail). */
function isKnown(f: Finding): boolean {
  return KNOWN_FAILING.some((k) => {
    const [p, kind, ...text] = k.split(' ');
    return p === f.path && kind === f.kind && (!text.length || text.every((t) => f.detail.includes(t)));
  });
}

const DOCS_SHOTS = path.resolve('docs/screenshots');
let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

describe('an official’s first hour', () => {
  it('every menu page of every account, in zh and en, shows no raw code, untranslated chrome, overflowing table, console error or empty year', async () => {
    const t0 = Date.now();
    const all: Finding[] = [];
    let pages = 0;
    for (const a of DEMO_ACCOUNTS)
      for (const lang of ['zh', 'en'] as const) {
        const r = await crawlUser(fz.browser, fz.url, a.username, lang, DEMO_PASSWORD);
        pages += r.pages.length;
        all.push(...r.findings);
      }
    const seconds = Math.round((Date.now() - t0) / 1000);
    // An untranslated finding lists several strings: each must be a known one.
    const split = all.flatMap((f) => (f.kind === 'untranslated' ? f.detail.split(' | ').map((d) => ({ ...f, detail: d })) : [f]));
    const known = split.filter(isKnown);
    const failing = split.filter((f) => !isKnown(f));
    console.log(`first hour: ${pages} page visits in ${seconds} s; ${known.length} known findings on other helpers' pages, ${failing.length} others`);
    expect(failing.map((f) => `${f.user} ${f.lang} ${f.path} ${f.kind}: ${f.detail}`)).toEqual([]);
  }, 900_000);

  it('photographs every account’s home for the README', async () => {
    fs.mkdirSync(DOCS_SHOTS, { recursive: true });
    for (const a of DEMO_ACCOUNTS) {
      const { ctx, page, consoleErrors } = await signedInPage(fz.browser, fz.url, a.username, 'zh', DEMO_PASSWORD);
      await page.goto('/');
      await page.getByTestId('page-home').waitFor();
      await settle(page);
      await page.screenshot({ path: path.join(DOCS_SHOTS, `home-${a.username}.png`) });
      expect(consoleErrors).toEqual([]);
      await ctx.close();
    }
  }, 300_000);

  it('the liaison reports progress with its evidence in one form', async () => {
    const { ctx, page } = await signedInPage(fz.browser, fz.url, 'liaison', 'zh', DEMO_PASSWORD);
    await page.goto('/');
    // The returned report is the first thing on the liaison's list.
    await page.getByTestId('todo-items').getByText('被退回待修改的台账进展').click();
    await settle(page);
    await page.getByRole('link', { name: /落实城市管理领域行政执法公示/ }).first().click();
    await page.getByTestId('entry-edit').first().click();
    await page.locator('#entry-text').fill('本季度公示行政处罚决定27件，公示网址：http://www.zhongzhan.gov.cn/zfgs，公示截图已上传。');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '执法公示截图.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('执法公示截图.png').waitFor();
    await page.getByTestId('entry-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await settle(page);
    // The evidence is on the corrected entry.
    await page.getByTestId('entries').locator('tr', { hasText: '本季度公示行政处罚决定27件' }).locator('.ant-table-row-expand-icon').click();
    await page.getByText('执法公示截图.png').first().waitFor();
    await ctx.close();
  }, 120_000);

  it('the leader’s home asks once for its figures and shows what is late by unit, not a clerk’s list', async () => {
    const { ctx, page, consoleErrors } = await signedInPage(fz.browser, fz.url, 'leader', 'zh', DEMO_PASSWORD);
    const metricRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/metrics')) metricRequests.push(r.url());
    });
    await page.goto('/');
    await page.getByTestId('dashboard-metrics').waitFor();
    await page.getByTestId('late-by-unit').waitFor();
    await settle(page);
    expect(metricRequests.filter((u) => u.includes('/api/v1/metrics/values'))).toHaveLength(1);
    expect(metricRequests).toHaveLength(1);
    expect(await page.getByTestId('todo-list').count()).toBe(0);
    // One unit per chart: rates never share an axis with counts of cases or people.
    expect(await page.getByTestId('dashboard-chart-percent').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2020');
    expect(consoleErrors).toEqual([]);
    await ctx.close();
  }, 120_000);

  it.each([
    ['zh', '请选择被申请人', '请填写申请人'],
    ['en', 'Select the respondent', 'Enter the applicant'],
  ] as const)('an empty reconsideration form says what is missing, field by field (%s)', async (lang, respondent, applicant) => {
    const { ctx, page } = await signedInPage(fz.browser, fz.url, 'office', lang, DEMO_PASSWORD);
    await page.goto('/disputes/reconsiderations');
    await page.getByTestId('recon-create').click();
    const modal = page.locator('.ant-modal');
    await modal.waitFor();
    // Enter in a date box does not submit the half-filled form.
    const dateBox = modal.locator('.ant-picker input').first();
    await dateBox.click();
    await dateBox.press('Enter');
    await page.waitForTimeout(300);
    expect(await modal.locator('.ant-form-item-explain-error').count()).toBe(0);
    // Close the date panel by clicking the dialog's title, not with Escape: when Enter has already closed
    // the panel, Escape closes the dialog itself (a full run once timed out clicking its vanished button).
    await modal.locator('.ant-modal-title').click();
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').first().waitFor({ state: 'hidden' });
    await modal.locator('.ant-btn-primary').last().click();
    const errors = (await modal.locator('.ant-form-item-explain-error').allInnerTexts()).join('\n');
    expect(errors).toContain(respondent);
    expect(errors).toContain(applicant);
    expect(errors).not.toMatch(/expected|undefined|期望|无效输入/);
    // The API answers an empty body with the same words, per field, in the request's language.
    const r = await ctx.request.post('/api/v1/disputes/reconsiderations', {
      data: {},
      headers: { 'accept-language': lang === 'zh' ? 'zh-CN' : 'en', 'x-csrf-token': (await ctx.cookies()).find((c) => c.name === 'fazhi_csrf')?.value ?? '' },
    });
    expect(r.status()).toBe(400);
    const fields = ((await r.json()) as { error: { details: { fields: { path: string; message: string }[] } } }).error.details.fields;
    expect(fields.find((f) => f.path === 'respondentUnitId')?.message).toBe(respondent);
    await ctx.close();
  }, 120_000);
});

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
