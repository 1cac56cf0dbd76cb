import { chromium } from 'playwright-core';
import { signedInPage, settle } from './e2e/first-hour-checks.ts';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const [users, langs, path] = [process.argv[2].split(','), process.argv[3].split(','), process.argv[4] ?? '/'];
for (const u of users) for (const l of langs as ('zh' | 'en')[]) {
  const { ctx, page, consoleErrors } = await signedInPage(browser, 'http://127.0.0.1:3917', u, l, 'Demo@2020');
  const t0 = Date.now();
  await page.goto(path); await settle(page);
  console.log(u, l, Date.now() - t0, 'ms', consoleErrors.join(' | ').slice(0, 300));
  await page.screenshot({ path: `/tmp/shot-${u}-${l}-${path.replace(/\W/g, '_')}.png`, fullPage: process.argv[5] === 'full' });
  await ctx.close();
}
await browser.close();
