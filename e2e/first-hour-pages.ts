/**
 * The first-hour checks (first-hour-checks.ts) on a few pages only, for every demo account whose menu
 * has them, in zh and en — while fixing a module's pages, without the whole crawl of first-hour.test.ts:
 * `npx tsx e2e/first-hour-pages.ts http://127.0.0.1:3000 /oversight/items,/powers`.
 * Prints each finding and a summary line; exits 1 when there is one. `SHOTS=dir` keeps screenshots.
 */
import { chromium } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/org.js';
import { CITY_ACCOUNTS } from '../demo/rollup.js';
import { checkPage, menuPaths, openSettled, signedInPage, type Finding } from './first-hour-checks.js';

const PAGES = (process.argv[3] ?? '').split(',').filter(Boolean);
if (!PAGES.length) throw new Error('usage: npx tsx e2e/first-hour-pages.ts BASE_URL /path,/path');
// Every account the demo creates (as first-hour.test.ts crawls them): the district's and the city's above it.
const USERS = [...DEMO_ACCOUNTS, ...CITY_ACCOUNTS].map((a) => a.username);
const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const shots = process.env.SHOTS;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const findings: Finding[] = [];
let visits = 0;
for (const user of USERS)
  for (const lang of ['zh', 'en'] as const) {
    const { ctx, page, consoleErrors } = await signedInPage(browser, base, user, lang, DEMO_PASSWORD);
    try {
      const years = (await (await ctx.request.get('/api/v1/years')).json()) as { years: number[] };
      const menu = await menuPaths(page);
      for (const p of PAGES.filter((x) => menu.includes(x))) {
        consoleErrors.length = 0;
        await openSettled(page, p);
        visits++;
        if (shots) await page.screenshot({ path: `${shots}/${user}-${lang}${p.replace(/\//g, '-')}.png`, fullPage: true });
        const f = await checkPage(page, { user, lang, path: p, dataYears: years.years, consoleErrors: [...consoleErrors] });
        for (const x of f) console.log(`${x.user}\t${x.lang}\t${x.path}\t${x.kind}\t${x.detail}`);
        findings.push(...f);
        console.log(`${user} ${lang} ${p}: ${f.length} findings`);
      }
    } finally {
      await ctx.close();
    }
  }
await browser.close();
console.log(`${visits} page visits, ${findings.length} findings`);
process.exit(findings.length ? 1 : 0);
