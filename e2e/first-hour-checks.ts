/**
 * What an official's first hour must not show, checked on one opened page (used by first-hour.test.ts,
 * and runnable against any server with `npx tsx e2e/first-hour-checks.ts http://127.0.0.1:3000`):
 *
 * - a visible raw code: a lower_snake or dotted identifier, `undefined`, `null`, `NaN`, `[object …]` — except a
 *   value shown as data in an HTML `<data value="…">` element whose whole text is that value (a username:
 *   `<data value="city_office">city_office</data>`); a code anywhere else on the page is still found;
 * - in English, a Chinese string in the page's own chrome (headings, column titles, labels, buttons,
 *   tabs, menu, status tags, empty states) — records' own Chinese text (titles, names) is data;
 * - in English, a full-width `：；（）` joined to Latin text (`Reasons：x`, `Score 85（Passed）`) in the chrome or
 *   anywhere on the page outside `[data-record]` and `<data>`: punctuation a page wrote next to translated
 *   words instead of `useT()`'s `colon`/`semi`/`paren`. Records' own Chinese text has Chinese beside its
 *   marks (`（2020）豫0803行初1号`, `公示网址：http…`), so only the label side counts: a Latin letter or digit
 *   right before `：`, `；` or `（`, or a Latin letter right after `）`;
 * - a main table wider than its area at 1440 px, or a page wider than the window;
 * - a console error or an uncaught exception;
 * - a year picker (or `?year=`) on a year without data while the district has data.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A finding on a page. */
export interface Finding {
  user: string;
  lang: 'zh' | 'en';
  path: string;
  kind: 'raw-code' | 'untranslated' | 'overflow' | 'console' | 'year';
  detail: string;
}

const RAW_PATTERNS: [RegExp, string][] = [
  [/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, 'lower_snake'],
  [/\b[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+\b/g, 'dotted id'],
  [/\bundefined\b|\bnull\b|\bNaN\b|\[object /g, 'undefined/null'],
];
/** Dotted words that are not codes: file names, host names, abbreviations. */
const NOT_CODE = /\.(docx?|xlsx?|pdf|html?|md|json|zip|png|jpe?g|csv|txt|bak|tgz)$|^(e\.g|i\.e|etc|www\.|localhost)|\.(com|cn|org|gov)$/i;

/** The page's own chrome: where an English page must not show Chinese. */
const CHROME = [
  '.fz-page-title h1', '.ant-breadcrumb', '.ant-menu-title-content', 'th', '.ant-form-item-label label', 'button',
  '.ant-tabs-tab', '.ant-card-head-title', '.ant-statistic-title', '.ant-empty-description', '.ant-descriptions-item-label',
  '.ant-radio-button-wrapper', '.ant-segmented-item-label', '.ant-pagination', '.ant-tag', '.ant-select-selection-placeholder',
  '.ant-alert-message', '.ant-alert-title', '.fz-todo-item', '[data-chrome]',
].join(',');
const CJK = /[\u3400-\u9fff]/;
/** A full-width mark whose label side is Latin (see the header): `Reasons：`, `a；`, `85（`, `）Next`. */
const FULL_WIDTH_BY_LATIN = /[A-Za-z0-9][：；（]|）[A-Za-z]/;

/** The lines of some strings with a full-width mark joined to Latin text, each cut to the first such mark with a little context (`Reasons：x`). */
export function fullWidthByLatin(texts: string[]): string[] {
  const out = new Set<string>();
  for (const line of texts.flatMap((s) => s.split('\n'))) {
    const at = line.search(FULL_WIDTH_BY_LATIN);
    if (at >= 0) out.add(line.slice(Math.max(0, at - 14), at + 10).trim());
  }
  return [...out];
}

/** Reads what the checks need from the opened page, in the browser. */
async function inspect(page: Page): Promise<{ text: string; data: string[]; chromeTexts: string[]; loose: string; tables: { scroll: number; client: number }[]; pageWide: number; years: string[] }> {
  // A string, so that no bundler helper (tsx's __name) leaks into the browser.
  return page.evaluate(`(() => {
    const chrome = ${JSON.stringify(CHROME)};
    const main = document.querySelector('.fz-content') || document.body;
    const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
    const nav = document.querySelector('[data-testid=side-nav]');
    const text = [nav ? nav.innerText : '', main.innerText].join('\\n');
    const data = [...main.querySelectorAll('data[value]')].filter((el) => visible(el) && el.innerText.trim() === el.getAttribute('value')).map((el) => el.getAttribute('value'));
    const chromeTexts = [...document.querySelectorAll(chrome)].filter((el) => visible(el) && !el.closest('[data-record]')).map((el) => el.innerText.trim()).filter(Boolean);
    // The page's text without records' own (outermost [data-record] and <data> elements cut out).
    let loose = text;
    for (const el of main.querySelectorAll('[data-record], data')) {
      if (!visible(el) || (el.parentElement && el.parentElement.closest('[data-record], data'))) continue;
      const own = el.innerText.trim();
      if (own) loose = loose.replace(own, '\\n');
    }
    const tables = [...main.querySelectorAll('.ant-table-content, .ant-table-body')].filter(visible).map((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    const years = [...document.querySelectorAll('[data-testid*="year"]')].filter(visible).map((el) => { const i = el.querySelector('input'); return el.innerText + ' ' + (i ? i.value : ''); });
    return { text, data, chromeTexts, loose, tables, pageWide: document.documentElement.scrollWidth > window.innerWidth + 1 ? document.documentElement.scrollWidth : 0, years };
  })()`);
}

/** Checks one opened page; returns its findings. `dataYears` are the years `/api/v1/years` lists with data. */
export async function checkPage(page: Page, ctx: { user: string; lang: 'zh' | 'en'; path: string; dataYears: number[]; consoleErrors: string[] }): Promise<Finding[]> {
  const out: Finding[] = [];
  const add = (kind: Finding['kind'], detail: string) => out.push({ user: ctx.user, lang: ctx.lang, path: ctx.path, kind, detail });
  const seen = await inspect(page);
  for (const [re, what] of RAW_PATTERNS) {
    // A hit is data when every one of its occurrences on the page is a data element's whole value.
    const all = [...seen.text.matchAll(re)].map((m) => m[0]);
    const count = (xs: string[], h: string) => xs.filter((x) => x === h).length;
    const hits = [...new Set(all)].filter((h) => !NOT_CODE.test(h) && count(all, h) > count(seen.data, h));
    if (hits.length) add('raw-code', `${what}: ${hits.slice(0, 6).join(', ')}`);
  }
  if (ctx.lang === 'en') {
    const zh = [...new Set(seen.chromeTexts.filter((s) => CJK.test(s)))];
    if (zh.length) add('untranslated', zh.slice(0, 6).map((s) => s.slice(0, 40)).join(' | '));
    const marks = fullWidthByLatin([...seen.chromeTexts, seen.loose]);
    if (marks.length) add('untranslated', marks.slice(0, 6).map((s) => `full-width punctuation: "${s}"`).join(' | '));
  }
  const wide = seen.tables.filter((t) => t.scroll > t.client + 2);
  if (wide.length) add('overflow', wide.map((t) => `table ${t.scroll}px in ${t.client}px`).join(', '));
  if (seen.pageWide) add('overflow', `page ${seen.pageWide}px wide`);
  for (const e of ctx.consoleErrors) add('console', e.slice(0, 200));
  const urlYear = Number(new URL(page.url()).searchParams.get('year'));
  const shown = [...seen.years.flatMap((s) => [...s.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]))), ...(urlYear ? [urlYear] : [])];
  if (ctx.dataYears.length) for (const y of new Set(shown)) if (!ctx.dataYears.includes(y)) add('year', `opens on ${y}; years with data: ${ctx.dataYears.join(', ')}`);
  return out;
}

/** Signs in through the API in a fresh context with the UI language set; returns the page. */
export async function signedInPage(browser: Browser, baseURL: string, user: string, lang: 'zh' | 'en', password: string): Promise<{ ctx: BrowserContext; page: Page; consoleErrors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US', baseURL });
  await ctx.addInitScript((l) => localStorage.setItem('fazhi.lang', l), lang);
  const r = await ctx.request.post('/api/v1/auth/login', { data: { username: user, password } });
  if (!r.ok()) throw new Error(`sign-in failed for ${user}: ${r.status()}`);
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  track(page);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  return { ctx, page, consoleErrors };
}

/** Requests in flight per page (for waiting until a client-side navigation has settled). */
const inflight = new WeakMap<Page, { n: number; last: number }>();
function track(page: Page) {
  const st = { n: 0, last: Date.now() };
  inflight.set(page, st);
  page.on('request', () => { st.n++; st.last = Date.now(); });
  const done = () => { st.n = Math.max(0, st.n - 1); st.last = Date.now(); };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/** Waits until no request has been in flight for `quietMs` and no spinner is left. */
export async function settle(page: Page, quietMs = 300, maxMs = 10_000) {
  const st = inflight.get(page);
  const t0 = Date.now();
  // Quiet for quietMs, counted from now at the earliest (a click's requests start a moment later).
  while (st && Date.now() - t0 < maxMs && (st.n > 0 || Date.now() - Math.max(st.last, t0) < quietMs)) await page.waitForTimeout(50);
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(100);
}

/** Opens a path: by the menu link when there is one (a client-side navigation, as a user does), else by URL. */
export async function openSettled(page: Page, path: string) {
  const link = page.locator(`[data-testid=side-nav] a[href="${path}"]`);
  if (path !== '/' && (await link.count()) === 1) await link.click();
  else await page.goto(path);
  await page.waitForURL((u) => u.pathname === path.split('?')[0], { timeout: 10_000 }).catch(() => {});
  await settle(page);
}

/** The menu's page paths for the signed-in user (the home page first). */
export async function menuPaths(page: Page): Promise<string[]> {
  await page.goto('/');
  await settle(page);
  const hrefs = await page.locator('[data-testid=side-nav] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(['/', ...hrefs.filter((h) => h.startsWith('/'))])];
}

/** Visits every menu page of a user in a language; returns the findings. */
export async function crawlUser(browser: Browser, baseURL: string, user: string, lang: 'zh' | 'en', password: string): Promise<{ findings: Finding[]; pages: string[] }> {
  const { ctx, page, consoleErrors } = await signedInPage(browser, baseURL, user, lang, password);
  try {
    const years = (await (await ctx.request.get('/api/v1/years')).json()) as { years: number[]; working: number };
    const paths = await menuPaths(page);
    const findings: Finding[] = [];
    for (const p of paths) {
      consoleErrors.length = 0;
      await openSettled(page, p);
      findings.push(...(await checkPage(page, { user, lang, path: p, dataYears: years.years, consoleErrors: [...consoleErrors] })));
    }
    return { findings, pages: paths };
  } finally {
    await ctx.close();
  }
}

// Standalone: crawl a running server and print the findings.
if (process.argv[1]?.endsWith('first-hour-checks.ts')) {
  const { chromium } = await import('playwright-core');
  const base = process.argv[2] ?? 'http://127.0.0.1:3000';
  const users = (process.argv[3] ?? 'admin,office,leader,city,head,liaison,liaison2,street,advisor,officer').split(',');
  const langs = (process.argv[4] ?? 'zh,en').split(',') as ('zh' | 'en')[];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const t0 = Date.now();
  let n = 0;
  for (const u of users)
    for (const l of langs) {
      const r = await crawlUser(browser, base, u, l, 'Demo@2020');
      n += r.pages.length;
      for (const f of r.findings) console.log(`${f.user}\t${f.lang}\t${f.path}\t${f.kind}\t${f.detail}`);
    }
  console.error(`${n} pages in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  await browser.close();
}
