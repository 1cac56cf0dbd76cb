/**
 * The legal-aid and mediation monthly statistics buttons (their pages' first-hour checks are in the
 * whole crawl of first-hour.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, shot, startFazhi, type Fazhi } from './harness';
import { openSettled, signedInPage } from './first-hour-checks';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

describe('the monthly statistics button', () => {
  it.each([['office', '/legalaid/cases', 'legalaid-monthly'], ['street', '/mediation/disputes', 'mediation-monthly']] as const)('gives %s the table of its working month from %s', async (user, path, testId) => {
    const { ctx, page } = await signedInPage(fz.browser, fz.url, user, 'zh', DEMO_PASSWORD);
    await openSettled(page, path);
    await page.getByTestId(testId).click();
    const link = page.getByTestId(`${testId}-download`);
    await link.waitFor();
    const href = await link.getAttribute('href');
    // The picker opens on the December of the reader's working year (office: 2020, the year reported on),
    // or on this month when the working year is the current one (the subdistrict's ledger of this year).
    const { working } = (await (await ctx.request.get('/api/v1/years')).json()) as { working: number };
    const now = new Date();
    const month = working < now.getFullYear() ? `${working}-12` : `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    expect(href).toBe(`${path.startsWith('/legalaid') ? '/api/v1/legalaid' : '/api/v1/mediation'}/stats/monthly?month=${month}`);
    await shot(page, `aidmed-${testId}`);
    const r = await ctx.request.get(href!);
    expect(r.status()).toBe(200);
    expect(r.headers()['content-type']).toContain('spreadsheetml');
    await ctx.close();
  });
});
