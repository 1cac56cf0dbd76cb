import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navTexts, shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';
import { recordAudit } from '../server/core/audit/index.js';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

describe('annual report journeys', () => {
  it('the office opens the published 2020 report, clicks a figure and lands on the records behind it', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    expect(await navTexts(page)).toContain('年度报告');
    await page.getByTestId('side-nav').getByRole('link', { name: '年度报告' }).click();
    await page.getByTestId('page-report-list').waitFor();
    await page.getByText('中站区人民政府关于2020年度法治政府建设工作情况的报告').waitFor();
    await shot(page, 'report-list');
    await page.getByTestId('open-2020').click();
    const doc = page.getByTestId('official-document');
    await doc.waitFor();
    // The official layout: 发文机关标志, 发文字号 + 签发人, title, 主送机关.
    await expect.poll(() => page.getByTestId('doc-issuer').innerText()).toBe('焦作市中站区人民政府文件');
    expect(await page.getByTestId('doc-number').innerText()).toBe('焦中政文〔2021〕3号');
    await doc.getByText('签发人：').waitFor();
    await page.getByTestId('frozen-note').waitFor();
    await page.getByTestId('workflow').getByText('已公开').first().waitFor();
    await shot(page, 'report-2020');
    // 全年受理行政复议案件 3 件: the figure opens the definition and its three records.
    const fig = doc.locator('[data-testid="figure"][data-metric="disputes.reconsideration.accepted"]');
    expect(await fig.innerText()).toBe('3');
    await fig.scrollIntoViewIfNeeded();
    await shot(page, 'report-2020-figures');
    await fig.click();
    const drawer = page.getByTestId('figure-drawer');
    await drawer.getByText('受理行政复议案件数').first().waitFor();
    await expect.poll(() => drawer.getByTestId('figure-definition').innerText()).not.toBe('—');
    const rows = drawer.locator('[data-testid="figure-records"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    await shot(page, 'report-figure-records');
    // A record behind a submitted figure changes later (fixture: edited in the database): the report keeps
    // its frozen figure and says so with the difference.
    // Written with its audit entry, as the module writes (the report's figure cache follows the audit log).
    const edited = await fz.db.updateTable('reconsideration_cases').set({ applicant_name: '王某（更正）' }).where('case_no', '=', '中站政复〔2020〕1号').returning(['id', 'region_id']).executeTakeFirstOrThrow();
    await recordAudit(fz.db, { userId: null, name: 'e2e fixture', ip: null }, { entity: 'reconsideration_case', entityId: edited.id, action: 'update', regionId: edited.region_id, after: { applicant_name: '王某（更正）' } });
    await page.reload();
    const changed = page.getByTestId('changed-since-submission');
    await changed.waitFor();
    expect(await changed.innerText()).toContain('报送后数据有变动');
    expect(await changed.innerText()).toContain('修改1条');
    expect(await doc.locator('[data-metric="disputes.reconsideration.accepted"]').innerText()).toBe('3');
    await shot(page, 'report-2020-changed');
  });

  it('the office creates the 2021 draft, types a number that contradicts a metric and sees the warning', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/report`);
    await page.getByTestId('report-create').click();
    await expect.poll(() => page.locator('#report-year').inputValue()).toBe('2021');
    await page.getByTestId('report-create-ok').click();
    await page.getByTestId('official-document').waitFor();
    await page.getByTestId('workflow').getByTestId('act-submit_review').waitFor();
    await expect.poll(() => page.getByTestId('warnings').locator('[data-kind="doc_number"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('warnings').locator('[data-kind="contradiction"]').count()).toBe(0);
    // The 2021 figure of lawsuits handled (carried over from 2020) is 1; the office types 7.
    const fig = page.getByTestId('official-document').locator('[data-metric="disputes.litigation.handled"]');
    expect(await fig.innerText()).toBe('1');
    await page.locator('[data-block="p-1-4"]').hover();
    await page.getByTestId('edit-p-1-4').click();
    const ta = page.getByTestId('editor-p-1-4').getByTestId('block-text');
    const text = await ta.inputValue();
    expect(text).toContain('{{disputes.litigation.handled}}');
    await ta.fill(text.replace('{{disputes.litigation.handled}}', '7'));
    await shot(page, 'report-2021-editing');
    await page.getByTestId('block-save').click();
    await page.getByText('已保存，预览已按最新数据刷新').waitFor();
    const w = page.getByTestId('warnings').locator('[data-kind="contradiction"]');
    await w.first().waitFor();
    expect(await w.first().innerText()).toContain('文中写“全年共办理行政诉讼案件7”，但按记录计算的“办理行政诉讼案件数”为1');
    expect(await page.getByTestId('official-document').locator('[data-block="p-1-4"]').innerText()).toContain('全年共办理行政诉讼案件7件');
    // 发文字号 is checked on the client with the same validator as the server.
    await page.getByTestId('tab-meta').click();
    await page.locator('#meta-docNumber').fill('焦中政文[2022]01号');
    await page.getByTestId('meta-save').click();
    await page.getByText(/年份应使用六角括号“〔〕”括入/).first().waitFor();
    await page.locator('#meta-docNumber').fill('焦中政文〔2022〕5号');
    await page.locator('#meta-signer').fill('赵红兵');
    await page.getByTestId('meta-save').click();
    await expect.poll(() => page.getByTestId('doc-number').innerText()).toBe('焦中政文〔2022〕5号');
    await expect.poll(() => page.getByTestId('warnings').locator('[data-kind="doc_number"]').count()).toBe(0);
    await page.getByTestId('tab-warnings').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'report-2021-contradiction');
  });

  it('the 2021 draft flags a zero that reads as an achievement and the office\'s unconfirmed claims; the office inserts a candidate problem and cannot submit until every warning is resolved or acknowledged', async () => {
    // Fixture: the appeal carried over from 2020 is lost in 2021 (edited in the database), so the records show a problem.
    await fz.db.updateTable('lawsuits').set({ status: 'closed', closed_date: '2021-03-15', effective_date: '2021-03-15', final_outcome: '撤销', lost: true })
      .where('case_no', '=', '（2020）豫0803行初38号').execute();
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/report`);
    await page.getByTestId('open-2021').click();
    const doc = page.getByTestId('official-document');
    await doc.waitFor();
    const warnings = page.getByTestId('warnings');
    // A zero that reads as an achievement, and the office's own statements carried over from 2020, highlighted.
    await expect.poll(() => warnings.locator('[data-kind="zero"]').count()).toBeGreaterThan(0);
    expect(await warnings.locator('[data-kind="zero"]').first().innerText()).toContain('句子却读作成绩');
    const claims = warnings.locator('[data-kind="unconfirmed_claim"]');
    const nClaims = await claims.count();
    expect(nClaims).toBeGreaterThan(0);
    expect(await claims.first().innerText()).toContain('上次确认于2020年度');
    await expect.poll(() => doc.getByTestId('claim').count()).toBeGreaterThan(0);
    await doc.getByTestId('claim').first().scrollIntoViewIfNeeded();
    await shot(page, 'report-2021-claims');
    // The office confirms one statement for 2021: one claim fewer.
    await claims.first().getByTestId('confirm-claim').click();
    await expect.poll(() => warnings.locator('[data-kind="unconfirmed_claim"]').count()).toBe(nClaims - 1);
    // Section 二 from the records: the lost lawsuit, inserted as an editable sentence with its records.
    const cand = page.getByTestId('candidates').locator('[data-testid="candidate"][data-id="disputes.litigation.lost"]');
    await cand.waitFor();
    expect(await cand.innerText()).toContain('行政应诉败诉1件（涉及区城市管理局）');
    await cand.scrollIntoViewIfNeeded();
    await shot(page, 'report-2021-candidates');
    await cand.getByTestId('insert-candidate').click();
    await expect.poll(() => doc.locator('[data-block="p-2-1"]').innerText()).toContain('行政应诉败诉1件（涉及区城市管理局）');
    // Send through review to 保密审查, then submission is refused while warnings remain.
    await page.getByTestId('act-submit_review').click();
    await page.getByTestId('act-approve_review').click();
    await page.getByTestId('act-submit').click();
    await page.locator('#secrecy-reviewer').fill('区委保密办 王敏');
    await page.locator('#secrecy-opinion').fill('不涉及国家秘密，同意报送。');
    await page.getByTestId('submit-ok').click();
    await page.getByText(/报送前须处理全部提示：尚有\d+条未处理/).first().waitFor();
    await shot(page, 'report-2021-refused');
    // One warning kept with a reason in the editor's dialog… (the report is locked in 保密审查: returned to draft first)
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('act-return').click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('act-submit_review').waitFor();
    const zero = warnings.locator('[data-kind="zero"]').first();
    await zero.getByTestId('acknowledge').click();
    await page.locator('#ack-reason').fill('该项工作2021年由市级统一组织，本区无此项记录，如实报告');
    await page.getByTestId('ack-ok').click();
    await warnings.getByTestId('acknowledged').first().waitFor();
    expect(await warnings.getByTestId('acknowledged').first().innerText()).toContain('如实报告');
    // …and the rest through the API the dialog uses, then submission goes through.
    const id = page.url().split('/').pop()!;
    const detail = await (await page.request.get(`${fz.url}/api/v1/reports/${id}`)).json();
    const open = detail.warnings.filter((w: { blocking: boolean; acknowledged?: unknown }) => w.blocking && !w.acknowledged);
    expect(open.length).toBeGreaterThan(0);
    const csrf = (await page.context().cookies()).find((c) => c.name === 'fazhi_csrf')?.value ?? '';
    const put = await page.request.put(`${fz.url}/api/v1/reports/${id}`, { headers: { 'X-CSRF-Token': csrf }, data: { acknowledgements: open.map((w: { key: string }) => ({ key: w.key, reason: '2021年度该项工作尚在推进，报告中如实说明' })) } });
    expect(put.status()).toBe(200);
    await page.reload();
    await page.getByTestId('act-submit_review').click();
    await page.getByTestId('act-approve_review').click();
    await page.getByTestId('act-submit').click();
    await page.locator('#secrecy-reviewer').fill('区委保密办 王敏');
    await page.locator('#secrecy-opinion').fill('不涉及国家秘密，同意报送。');
    await page.getByTestId('submit-ok').click();
    await page.getByTestId('frozen-note').waitFor();
    // The frozen report still lists its warnings with the reasons.
    await expect.poll(() => warnings.getByTestId('acknowledged').count()).toBeGreaterThan(1);
    await shot(page, 'report-2021-submitted');
  });

  it('the public portal shows the published 2020 report without sign-in', async () => {
    const page = await fz.page();
    await page.goto(`${fz.url}/public/reports`);
    await page.getByTestId('public-list').waitFor();
    const links = page.getByTestId('public-report-link');
    // 中站区 and the demo city's four other districts (demo/rollup.ts) have published their 2020 reports.
    await expect.poll(() => links.count()).toBe(5);
    const zz = links.filter({ hasText: '中站区人民政府关于2020年度法治政府建设工作情况的报告' });
    expect(await zz.count()).toBe(1);
    await shot(page, 'report-public-list');
    await zz.click();
    const frame = page.frameLocator('[data-testid="public-report"]');
    await frame.getByText('焦作市中站区人民政府文件').waitFor();
    await frame.getByText('焦中政文〔2021〕3号').waitFor();
    expect(await frame.locator('body').innerText()).toContain('全年受理行政复议案件3件');
    expect(page.url()).not.toContain('/login');
    await shot(page, 'report-public');
  });

  it('the leader sees the indicator dashboard by unit, by month and year over year', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'leader');
    await waitForShell(page);
    await page.goto(`${fz.url}/report/dashboard?year=2020&metric=disputes.reconsideration.accepted`);
    await page.getByTestId('dash-charts').waitFor();
    await page.getByTestId('chart-unit').locator('canvas').waitFor();
    await page.getByTestId('chart-month').locator('canvas').waitFor();
    await page.getByTestId('chart-yoy').locator('canvas').waitFor();
    await shot(page, 'report-dashboard');
  });

  it('a liaison has no 年度报告 menu and gets 403 by typed URL', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'liaison');
    await waitForShell(page);
    expect(await navTexts(page)).not.toContain('年度报告');
    await page.goto(`${fz.url}/report`);
    await page.getByTestId('page-403').waitFor();
    const id = (await fz.db.selectFrom('reports').select('id').where('year', '=', 2020).executeTakeFirstOrThrow()).id;
    await page.goto(`${fz.url}/report/${id}`);
    await page.getByTestId('page-403').waitFor();
    await shot(page, 'report-liaison-403');
  });
});
