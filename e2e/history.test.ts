/**
 * A record's history speaks the reader's language: stored codes are named by their field (a lawsuit's
 * stage `first` is 一审, a decision's state `legality_passed` is 合法性审查通过, a case's decision `penalty`
 * is 给予行政处罚), structured values are not shown as JSON. The first-hour crawl visits menu pages only;
 * this opens the first record of each list whose history carries coded fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startFazhi, type Fazhi } from './harness';
import { openSettled, signedInPage } from './first-hour-checks';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

const LISTS = [
  ['office', '/decisions', '/decisions/'],
  ['office', '/disputes/lawsuits', '/disputes/lawsuits/'],
  ['office', '/disputes/reconsiderations', '/disputes/reconsiderations/'],
  ['office', '/enforcement/cases', '/enforcement/cases/'],
  ['office', '/advisors/reviews', '/advisors/reviews/'],
  ['street', '/mediation/disputes', '/mediation/disputes/'],
] as const;

describe('record history', () => {
  it.each(['zh', 'en'] as const)('shows no stored codes or JSON (%s)', async (lang) => {
    const { ctx, page } = await signedInPage(fz.browser, fz.url, 'office', lang, DEMO_PASSWORD);
    const street = await signedInPage(fz.browser, fz.url, 'street', lang, DEMO_PASSWORD);
    const found: string[] = [];
    let opened = 0;
    for (const [user, list, prefix] of LISTS) {
      const p = user === 'street' ? street.page : page;
      await openSettled(p, list);
      const hrefs = await p.locator(`.fz-content a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const href = hrefs.find((h) => /[0-9a-f]{8}-/.test(h));
      if (!href) {
        found.push(`${list}: no record to open`);
        continue;
      }
      await openSettled(p, href);
      const timeline = p.getByTestId('history-timeline');
      await timeline.waitFor();
      // Expand the long entries so their whole text is read.
      for (const more of await timeline.locator('.ant-typography-expand, button:has-text("展开"), button:has-text("Expand")').all()) await more.click().catch(() => {});
      const text = await timeline.innerText();
      opened++;
      // In zh every word is Chinese; in en the labels are English words, so look for snake_case codes and JSON.
      const codes = lang === 'zh' ? text.match(/(?<![A-Za-z])[a-z][a-z_]{2,}(?![A-Za-z])/g) : text.match(/\b[a-z]+_[a-z_]+\b/g);
      if (codes) found.push(`${href}: ${[...new Set(codes)].join(', ')}`);
      if (/[{[]"/.test(text)) found.push(`${href}: JSON`);
    }
    expect(opened).toBe(LISTS.length);
    expect(found).toEqual([]);
    await ctx.close();
    await street.ctx.close();
  });
});
