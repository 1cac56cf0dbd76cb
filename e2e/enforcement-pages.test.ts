import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

/** Text that betrays an untranslated key or a raw code on a page. */
const RAW = /\b(enforcement|oversight|powers|common|table)\.[a-zA-Z]+|\b(npc_suggestion|cppcc_proposal|economic_responsibility|in_review|no_penalty|face_to_face)\b/;

describe('enforcement, oversight and power-list pages at 1440 px', () => {
  it.each(['zh', 'en'] as const)('read without raw codes or untranslated keys (%s)', async (lang) => {
    // The demo district's records (the city's sibling districts have records too, which the office cannot open).
    const zz = (await fz.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow()).id;
    const first = async (table: 'enforcement_cases' | 'enforcement_officers' | 'oversight_items' | 'audits') => (await fz.db.selectFrom(table).select('id').where('region_id', '=', zz).orderBy('id').executeTakeFirstOrThrow()).id;
    const pages: [string, string][] = [
      ['enforcement-cases', '/enforcement/cases'], ['enforcement-case', `/enforcement/cases/${await first('enforcement_cases')}`],
      ['enforcement-officers', '/enforcement/officers'], ['enforcement-officer', `/enforcement/officers/${await first('enforcement_officers')}`],
      ['enforcement-reviews', '/enforcement/reviews'], ['enforcement-catalogue', '/enforcement/catalogue'],
      ['oversight-items', '/oversight/items?year=2020'], ['oversight-item', `/oversight/items/${await first('oversight_items')}`],
      ['oversight-audits', '/oversight/audits'], ['oversight-audit', `/oversight/audits/${await first('audits')}`],
      ['powers', '/powers'], ['public-enforcement', '/public/enforcement?region=410803'], ['public-powers', '/public/powers?region=410803'],
    ];
    const page = await fz.page(lang === 'en' ? { locale: 'en-US' } : undefined);
    if (lang === 'en') await page.addInitScript(() => localStorage.setItem('fazhi.lang', 'en'));
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    for (const [name, path] of pages) {
      await page.goto(`${fz.url}${path}`);
      await page.waitForLoadState('networkidle');
      await page.locator('.ant-table-row, [data-testid="record-detail"], [data-testid="item-descriptions"], [data-testid="audit-descriptions"], [data-testid^="page-public"] .ant-table').first().waitFor();
      const text = await page.locator('body').innerText();
      expect(text.match(RAW)?.[0] ?? null, `${name} (${lang})`).toBeNull();
      // Tables fit the 1440 px page: no horizontal scrollbar on the document.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name} (${lang}) fits`).toBe(true);
      await shot(page, `${name}-${lang}`);
    }
  });
});
