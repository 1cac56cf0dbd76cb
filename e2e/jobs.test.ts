import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

describe('background jobs', () => {
  it('an export started on one page shows its progress in the header and can be downloaded later', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    // The demo district's own report (the city's sibling districts have 2020 reports too).
    const report = await fz.db.selectFrom('reports as r').innerJoin('regions as g', 'g.id', 'r.region_id').select('r.id as id').where('r.year', '=', 2020).where('g.code', '=', '410803').executeTakeFirstOrThrow();
    // Start the job as the page would (same session cookie and CSRF token).
    const status = await page.evaluate(async (id) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('fazhi_csrf='))!.split('=')[1];
      const r = await fetch(`/api/v1/reports/${id}/export-jobs`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ format: 'docx' }) });
      return r.status;
    }, report.id);
    expect(status).toBe(202);
    await page.reload();
    await waitForShell(page);
    await page.getByTestId('jobs-menu').click();
    const item = page.getByTestId('job-item').first();
    await item.waitFor();
    await item.getByText('下载').waitFor({ timeout: 20_000 });
    expect(await item.innerText()).toContain('2020年度法治政府建设工作情况的报告');
    await shot(page, 'jobs-menu');
  });
});
