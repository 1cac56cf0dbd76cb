/**
 * The browser-journey harness every module's journeys use:
 *
 *   const fz = await startFazhi();            // real server, fresh DATA_DIR, demo district loaded
 *   const page = await fz.page();             // Chromium page at 1440×900 (zh-CN)
 *   await signIn(page, fz.url, 'office');     // demo password Demo@2020
 *   await shot(page, 'decisions-list');       // e2e/screenshots/decisions-list.png
 *   await fz.close();
 *
 * Needs `vite build` first (the server serves dist/web).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/index.js';
import { buildApp } from '../server/app.js';
import { DEMO_TEMPLATE } from './global-setup';
import { loadDemo } from '../demo/index.js';
import { DEMO_PASSWORD } from '../demo/org.js';
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';

/** Where screenshots go (gitignored; CI keeps the folder). */
export const SCREENSHOT_DIR = path.resolve('e2e/screenshots');
/** The demo accounts' password. */
export { DEMO_PASSWORD };

/** Chromium flags that work headless on this kind of machine (see STACK-NOTES). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A running Fazhi with a browser. */
export interface Fazhi {
  url: string;
  db: Kysely<Database>;
  browser: Browser;
  /** A new browser context (own cookies) with one page, 1440×900, zh-CN unless told. */
  page(opts?: { locale?: string }): Promise<Page>;
  /** The context of a page made by `page()`. */
  contexts: BrowserContext[];
  close(): Promise<void>;
}

/** The running instances (for the failure report of e2e/setup.ts). */
export const LIVE = new Set<Fazhi>();

/**
 * What every open page shows when a journey fails: its address, the messages, alerts and form errors on
 * it, and a screenshot (e2e/screenshots/FAILED-…png). CI keeps only the log, so the log must say what the
 * official would have seen.
 */
export async function describePages(label: string): Promise<string> {
  const lines: string[] = [];
  let n = 0;
  for (const fz of LIVE)
    for (const ctx of fz.contexts)
      for (const page of ctx.pages()) {
        if (page.isClosed()) continue;
        n++;
        const said = await page
          .locator('.ant-message-notice, .ant-notification-notice, .ant-alert, .ant-form-item-explain-error, .ant-popover:not(.ant-popover-hidden), .ant-modal-wrap:not([style*="display: none"]) .ant-modal-title')
          .allInnerTexts()
          .catch(() => [] as string[]);
        lines.push(`  page ${n}: ${page.url()}${said.length ? `\n    shows: ${said.map((x) => x.replace(/\s+/g, ' ').slice(0, 200)).join(' | ')}` : ''}`);
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `FAILED-${label.replace(/[^\w\u4e00-\u9fa5-]+/g, '_').slice(0, 80)}-${n}.png`) }).catch(() => {});
      }
  return lines.join('\n');
}

/** Launches Debian's Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Starts the real server on a free port with a fresh temporary DATA_DIR and the demo loaded, plus Chromium. */
export async function startFazhi(): Promise<Fazhi> {
  if (!fs.existsSync(path.resolve('dist/web/index.html'))) throw new Error('dist/web is missing: run `npx vite build` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  const cfg = { ...loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, FAZHI_DEMO: '1', LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1' };
  // The demo is loaded once per run by e2e/global-setup.ts; each server starts from that dump.
  const opened = fs.existsSync(DEMO_TEMPLATE)
    ? await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([fs.readFileSync(DEMO_TEMPLATE)]) })
    : await openDatabase({ dataDir });
  if (!fs.existsSync(DEMO_TEMPLATE)) await loadDemo(opened.db, cfg);
  const app = await buildApp({ db: opened.db, cfg, webDir: path.resolve('dist/web') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const fz: Fazhi = {
    url,
    db: opened.db,
    browser,
    contexts,
    async page(opts = {}) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: opts.locale ?? 'zh-CN', baseURL: url });
      contexts.push(ctx);
      const page = await ctx.newPage();
      page.setDefaultTimeout(30_000);
      return page;
    },
    async close() {
      LIVE.delete(fz);
      await browser.close().catch(() => {});
      await app.close();
      await opened.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  LIVE.add(fz);
  return fz;
}

/** Signs in through the sign-in page and waits for the signed-in layout. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD, opts: { path?: string } = {}) {
  await page.goto(baseUrl + (opts.path ?? '/login'));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
  // The pointer stays where the button was; on the page that opens it may rest on a deadline badge whose
  // tooltip then covers the rows above it (CI: a tooltip intercepted the hover of the badge a test wanted).
  await page.mouse.move(0, 0);
}

/** Waits until the signed-in layout shows (user menu present). */
export async function waitForShell(page: Page) {
  await page.getByTestId('user-menu').waitFor();
}

/** Saves a 1440×900 screenshot as e2e/screenshots/<name>.png after the page settles. */
export async function shot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Texts of the side navigation's entries. */
export async function navTexts(page: Page): Promise<string[]> {
  return page.getByTestId('side-nav').locator('.ant-menu-item, .ant-menu-submenu-title').allInnerTexts();
}

/**
 * Picks an option of an antd Select by typing part of its label: the select whose input has this id (the
 * last on the page, so an open form's before a list filter behind it), or the select a locator names.
 * The dropdown animates open and a click during the animation can be lost, so it checks and retries.
 */
export async function pick(page: Page, target: string | Locator, text: string) {
  const select = typeof target === 'string' ? page.locator('.ant-select', { has: page.locator(`[id="${target}"]`) }).last() : target;
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    await page.waitForTimeout(300);
    await page.keyboard.type(text);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
    if (await option.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      await page.waitForTimeout(200);
      await option.click();
      const picked = await expect.poll(() => select.innerText(), { timeout: 3000 }).toContain(text).then(() => true, () => false);
      if (picked) {
        await page.waitForTimeout(300);
        return;
      }
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`could not choose ${text} in ${typeof target === 'string' ? `#${target}` : 'the select'}`);
}

/** Types a date (YYYY-MM-DD) into the antd DatePicker whose input has this id, then Tab (Enter would submit the form). */
export async function date(page: Page, id: string, value: string) {
  const input = page.locator(`[id="${id}"]`);
  await input.click();
  await input.fill(value);
  await page.keyboard.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(value);
}
