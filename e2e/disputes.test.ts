import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { date, navTexts, pick, shot as saveShot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

/** Today in Asia/Shanghai (the server's clock). */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const CASE_NO = '（2026）豫0803行初88号';

/** Saves the screenshot after checking no untranslated key (`disputes.…`) is on the page. */
async function shot(page: Page, name: string) {
  await saveShot(page, name);
  expect(await page.locator('body').innerText()).not.toMatch(/disputes\.[a-zA-Z]/);
}

async function homeShowsDefence(page: Page) {
  await page.goto(`${fz.url}/`);
  const list = page.getByTestId('todo-list');
  await list.waitFor();
  const row = list.locator('tr', { hasText: CASE_NO });
  await row.waitFor();
  expect(await row.innerText()).toContain('答辩');
  expect(await row.getByTestId('deadline-badge').count()).toBe(1);
  return row;
}

describe('disputes journeys', () => {
  let suitId = '';

  it('the office registers a lawsuit; the defence deadline is on the detail and on the office home', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    const nav = (await navTexts(page)).join();
    expect(nav).toContain('权力监督与矛盾化解');
    expect(nav).toContain('行政应诉');
    await page.goto(`${fz.url}/disputes/lawsuits?year=2020`);
    await page.getByTestId('table-disputes-lawsuits').locator('.ant-table-row').first().waitFor();
    expect(await page.getByTestId('table-disputes-lawsuits').locator('.ant-table-row').count()).toBe(7);
    await shot(page, 'disputes-lawsuits');

    await page.goto(`${fz.url}/disputes/lawsuits`);
    await page.getByTestId('suit-create').click();
    await page.locator('#suit-caseNo').fill(CASE_NO);
    await page.locator('#suit-court').fill('焦作市中站区人民法院');
    await pick(page, page.getByTestId('suit-defendant'), '区城市管理局');
    await pick(page, page.getByTestId('suit-caseType'), '行政处罚');
    await page.locator('#suit-plaintiff').fill('赵某某');
    await page.locator('#suit-act').fill('区城市管理局作出的《行政处罚决定书》（中站城管罚〔2026〕9号），对原告占道经营行为处以罚款五千元');
    await date(page, 'complaintReceivedDate', today());
    await shot(page, 'disputes-lawsuit-register');
    await page.getByTestId('suit-save').click();
    await page.getByTestId('defence-alert').waitFor();
    suitId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.getByTestId('defence-alert').innerText()).toContain('答辩举证期限');
    expect(await page.getByTestId('case-clock').innerText()).toContain('《行政诉讼法》第六十七条');
    await shot(page, 'disputes-lawsuit-registered');

    await homeShowsDefence(page);
    await shot(page, 'disputes-office-home');
  });

  it('the defendant unit sees the deadline at home, files the defence, records the hearing with the head present, the judgment and the appeal', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'liaison');
    await waitForShell(page);
    const row = await homeShowsDefence(page);
    await shot(page, 'disputes-liaison-home');
    await row.getByRole('link').click();
    await page.getByTestId('defence-alert').waitFor();

    await page.getByTestId('action-defence').click();
    await page.getByTestId('submit-defence').click();
    await page.locator('[data-testid="status-tag"][data-status="pending"]').first().waitFor();
    expect(await page.getByTestId('defence-alert').count()).toBe(0);
    expect(await page.getByTestId('action-defence').count()).toBe(0);

    await page.getByTestId('action-hearing').click();
    await page.locator('#head-name').fill('李建国');
    await pick(page, page.getByTestId('head-position'), '正职');
    await shot(page, 'disputes-hearing-form');
    await page.getByTestId('submit-hearing').click();
    await page.getByTestId('suit-hearings').getByText('负责人出庭：李建国（正职）').waitFor();

    await page.getByTestId('action-judgment').click();
    await pick(page, page.getByTestId('judgment-outcome'), '驳回诉讼请求');
    await page.getByTestId('submit-judgment').click();
    await page.locator('[data-testid="status-tag"][data-status="judged"]').first().waitFor();
    await page.getByTestId('suit-judgments').getByText('驳回诉讼请求').waitFor();
    expect(await page.getByTestId('case-clock').innerText()).toContain('上诉');
    await shot(page, 'disputes-lawsuit-judged');

    await page.getByTestId('action-appeal-decision').click();
    await page.getByTestId('appeal-choice').getByText('提起上诉').click();
    await page.getByTestId('submit-appeal-decision').click();
    await page.locator('[data-testid="status-tag"][data-status="pending"]').first().waitFor();
    expect(await page.getByTestId('suit-descriptions').innerText()).toContain('提起上诉');
    expect(await page.getByRole('heading').filter({ hasText: CASE_NO }).innerText()).toContain('二审');
    await page.getByRole('tab', { name: '历史记录' }).click();
    await page.getByTestId('history-timeline').getByText('决定上诉').waitFor();
    await shot(page, 'disputes-lawsuit-appeal');
    await page.getByTestId('case-clock').scrollIntoViewIfNeeded();
    await shot(page, 'disputes-lawsuit-clock');

    const stored = await fz.db.selectFrom('lawsuits').select(['stage', 'status', 'agency_appeal_decision']).where('id', '=', suitId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ stage: 'appeal', status: 'pending', agency_appeal_decision: 'appeal' });
    const hearing = await fz.db.selectFrom('lawsuit_hearings').select(['head_appeared', 'head_name', 'head_position']).where('lawsuit_id', '=', suitId).executeTakeFirstOrThrow();
    expect(hearing).toEqual({ head_appeared: true, head_name: '李建国', head_position: '正职' });
  });

  it('a liaison of another unit cannot open the case by typed URL', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'liaison2');
    await waitForShell(page);
    await page.goto(`${fz.url}/disputes/lawsuits/${suitId}`);
    await page.getByTestId('page-404').waitFor();
    const status = await page.evaluate(async (id) => (await fetch(`/api/v1/disputes/lawsuits/${id}`)).status, suitId);
    expect(status).toBe(404);
    await page.goto(`${fz.url}/disputes/lawsuits`);
    await page.getByTestId('table-disputes-lawsuits').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('table-disputes-lawsuits').innerText()).not.toContain(CASE_NO);
    await shot(page, 'disputes-other-unit-404');
    await page.goto(`${fz.url}/disputes/stats`);
    await page.getByTestId('page-403').waitFor();
  });

  it('the office reads the reconsideration register, a case clock and the 2020 statistics', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/disputes/reconsiderations?year=2020`);
    const table = page.getByTestId('table-disputes-recon');
    await table.locator('.ant-table-row').first().waitFor();
    expect(await table.locator('.ant-table-row').count()).toBe(3);
    await shot(page, 'disputes-recon-list');
    await table.getByRole('link', { name: '中站政复〔2020〕2号' }).click();
    await page.getByTestId('case-clock').locator('.ant-table-row').first().waitFor();
    const clock = await page.getByTestId('case-clock').innerText();
    expect(clock).toContain('行政复议法');
    expect(await page.getByTestId('recon-descriptions').innerText()).toContain('变更');
    await shot(page, 'disputes-recon-detail');
    await page.getByTestId('case-clock').scrollIntoViewIfNeeded();
    await shot(page, 'disputes-recon-clock');

    await page.goto(`${fz.url}/disputes/stats?year=2020`);
    await page.getByTestId('stats-rates').waitFor();
    expect(await page.locator('[data-rate="onTimeRate"]').innerText()).toContain('100%');
    expect(await page.locator('[data-rate="accepted"]').innerText()).toContain('3');
    expect(await page.locator('[data-rate="handled"]').innerText()).toContain('7');
    await shot(page, 'disputes-stats');
    const res = await page.evaluate(async (href) => {
      const r = await fetch(href);
      return { status: r.status, type: r.headers.get('content-type') };
    }, (await page.getByTestId('export-suit-stats').getAttribute('href'))!);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
  });
  it('the office registers a reconsideration application, accepts it and sends the copy; the case clock follows', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/disputes/reconsiderations`);
    await page.getByTestId('recon-create').click();
    await pick(page, page.getByTestId('recon-respondent'), '区城市管理局');
    await pick(page, page.getByTestId('recon-caseType'), '行政强制');
    await page.locator('#recon-applicant').fill('钱某某');
    await page.locator('#recon-act').fill('区城市管理局作出的《查封决定书》，查封申请人经营场所的设备');
    await date(page, 'knewDate', today());
    await date(page, 'receivedDate', today());
    await shot(page, 'disputes-recon-register');
    await page.getByTestId('recon-save').click();
    await page.locator('[data-testid="status-tag"][data-status="received"]').first().waitFor();
    expect(await page.getByTestId('case-clock').innerText()).toContain('行政复议申请受理审查');
    expect(await page.getByTestId('recon-descriptions').innerText()).toContain('在申请期限内');
    await page.getByTestId('action-accept').click();
    await page.getByTestId('submit-accept').click();
    await page.locator('[data-testid="status-tag"][data-status="accepted"]').first().waitFor();
    await page.getByTestId('case-clock').getByText('作出行政复议决定').waitFor();
    expect(await page.getByTestId('action-accept').count()).toBe(0);
    await page.getByTestId('action-copy').click();
    await date(page, 'receivedDate', today());
    await page.getByTestId('submit-copy').click();
    await page.getByTestId('case-clock').getByText('被申请人提出书面答复并提交证据').waitFor();
    expect(await page.getByTestId('action-copy').count()).toBe(0);
    await shot(page, 'disputes-recon-accepted');
  });
  it('the office imports lawsuits from Excel: one bad cell is named and nothing is written; a clean file commits', async () => {
    const book = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('行政应诉案件登记');
      ws.addRow(['案号', '审理法院', '被告', '原告', '原告类型', '被诉行政行为', '案件类别', '立案日期', '收到起诉状副本日期', '代理律师事务所', '代理律师']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const good = ['（2026）豫0803行初90号', '焦作市中站区人民法院', '区市场监督管理局', '某食品有限公司', '法人', '行政处罚决定', '行政处罚', '', today(), '', ''];
    const bad = ['（2026）豫0803行初91号', '焦作市中站区人民法院', '区市场监督管理局', '孙某', '自然人', '行政处罚决定', '行政裁决', '', today(), '', ''];
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/disputes/lawsuits`);
    const upload = async (buffer: Buffer) => {
      await page.getByTestId('suit-import').click();
      await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '应诉案件.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
      await page.getByTestId('import-check').click();
    };
    await upload(await book([good, bad]));
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toContain('案件类别');
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    await shot(page, 'disputes-import-bad-row');
    expect(await fz.db.selectFrom('lawsuits').select('id').where('case_no', 'like', '（2026）豫0803行初9%').execute()).toHaveLength(0);
    await page.keyboard.press('Escape');
    await upload(await book([good]));
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    const row = await fz.db.selectFrom('lawsuits').select(['status']).where('case_no', '=', good[0]).executeTakeFirstOrThrow();
    expect(row.status).toBe('defence');
  });

  it('the pages read in English too', async () => {
    const page = await fz.page({ locale: 'en-US' });
    await page.addInitScript(() => localStorage.setItem('fazhi.lang', 'en'));
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/disputes/lawsuits?year=2020`);
    await page.getByText('Litigation register').waitFor();
    await page.getByTestId('table-disputes-lawsuits').locator('.ant-table-row').first().waitFor();
    await shot(page, 'disputes-lawsuits-en');
    await page.getByTestId('table-disputes-lawsuits').locator('.ant-table-row a').first().click();
    await page.getByTestId('case-clock').waitFor();
    await shot(page, 'disputes-lawsuit-en');
    await page.goto(`${fz.url}/disputes/stats?year=2020`);
    await page.getByTestId('stats-rates').waitFor();
    expect(await page.getByTestId('stats-rates').innerText()).toContain('Concluded within period');
    await shot(page, 'disputes-stats-en');
  });
});
