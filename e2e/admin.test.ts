import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { navTexts, shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

const unitId = async (name: string) => (await fz.db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const regionId = async (code: string) => (await fz.db.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

describe('admin journeys', () => {
  it('admin creates a unit, sees it in the list and its detail with history, and attaches a file', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'admin');
    await waitForShell(page);
    await page.goto(`${fz.url}/admin/units?regionId=${await regionId('410803')}`);
    await page.getByTestId('region-tree').waitFor();
    await page.getByText('区城市管理局').first().waitFor();
    await shot(page, 'admin-units');
    await page.getByTestId('unit-create').click();
    await page.locator('#unit-name').fill('区营商环境服务中心');
    await page.getByTestId('unit-save').click();
    await page.getByText('单位已创建').waitFor();
    // The list reloads after the create; search once it has settled (retry if the input was re-rendered).
    for (let i = 0; i < 3 && !new URL(page.url()).searchParams.get('q'); i++) {
      await page.waitForLoadState('networkidle');
      await page.getByTestId('filter-q').locator('input').fill('营商环境');
      await page.getByTestId('filter-q').locator('input').press('Enter');
      await page.waitForURL(/q=/, { timeout: 5000 }).catch(() => {});
    }
    expect(new URL(page.url()).searchParams.get('q')).toBe('营商环境');
    await page.getByRole('link', { name: '区营商环境服务中心' }).click();
    await page.getByTestId('record-detail').waitFor();
    await page.getByTestId('history-timeline').getByText('新增').waitFor();
    // Attachments of a unit are written by the district's rule-of-law office (OFFICE_WRITE), not by the system admin.
    const id = await unitId('区营商环境服务中心');
    const office = await fz.page();
    await signIn(office, fz.url, 'office');
    await waitForShell(office);
    await office.goto(`${fz.url}/admin/units/${id}`);
    await uploadAndPreview(office);
    await page.reload();
    await page.getByTestId('history-timeline').waitFor();
    await shot(page, 'admin-unit-detail');
  });

  async function uploadAndPreview(page: import('playwright-core').Page) {
    await page.getByTestId('record-detail').waitFor();
    await page.getByRole('tab', { name: '附件' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('attach-upload').click();
    await (await chooser).setFiles({ name: '批复文件.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('已上传 批复文件.png').waitFor();
    await page.getByTestId('attach-preview').click();
    await page.getByTestId('preview-image').waitFor();
    await expect.poll(() => page.getByTestId('preview-image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await shot(page, 'admin-unit-preview');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '历史记录' }).click();
    await page.getByTestId('history-timeline').getByText('新增').waitFor();
  }

  it('admin creates a user who signs in, must change the password, and then works', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'admin');
    await waitForShell(page);
    await page.goto(`${fz.url}/admin/users`);
    await page.getByText('liaison2').waitFor();
    await shot(page, 'admin-users');
    await page.getByTestId('user-create').click();
    await page.locator('#user-username').fill('zhangsan');
    await page.locator('#user-displayName').fill('张三');
    await page.locator('#user-password').fill('Start@2020x');
    await page.getByTestId('grant-unit').click();
    await page.keyboard.type('区城市管理局');
    await page.keyboard.press('Enter');
    // The user's own unit follows the unit of the first grant.
    await page.getByTestId('user-unit').getByText('区城市管理局').waitFor();
    await shot(page, 'admin-user-create');
    await page.getByTestId('user-save').click();
    await page.getByText('用户已创建').waitFor();
    await page.getByText('zhangsan').waitFor();

    const p2 = await fz.page();
    await signIn(p2, fz.url, 'zhangsan', 'Start@2020x');
    await p2.getByTestId('password-forced').waitFor();
    await shot(p2, 'password-forced');
    await p2.locator('#currentPassword').fill('Start@2020x');
    await p2.locator('#newPassword').fill('short');
    await p2.locator('#confirmPassword').fill('short');
    await p2.getByTestId('password-submit').click();
    await p2.getByText('密码至少8位').waitFor();
    await p2.locator('#newPassword').fill('Renewed#2021');
    await p2.locator('#confirmPassword').fill('Renewed#2021');
    await p2.getByTestId('password-submit').click();
    await waitForShell(p2);
    await p2.getByTestId('page-home').waitFor();
    expect(await p2.getByTestId('header-context').innerText()).toContain('区城市管理局');
  });

  it('calendar shows National Day 2020 holidays and the 调休 make-up days, and takes a local override', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'admin');
    await waitForShell(page);
    await page.goto(`${fz.url}/admin/calendar?month=2020-10`);
    await page.getByTestId('calendar-grid').waitFor();
    for (let d = 1; d <= 8; d++) expect(await page.locator(`[data-date="2020-10-0${d}"]`).getAttribute('data-kind')).toBe('holiday');
    expect(await page.locator('[data-date="2020-10-10"]').getAttribute('data-kind')).toBe('makeup');
    expect(await page.locator('[data-date="2020-10-09"]').getAttribute('data-kind')).toBe('workday');
    await shot(page, 'admin-calendar-2020-10');
    await page.goto(`${fz.url}/admin/calendar?month=2020-09`);
    await page.locator('[data-date="2020-09-27"]').waitFor();
    expect(await page.locator('[data-date="2020-09-27"]').getAttribute('data-kind')).toBe('makeup');
    await page.getByTestId('override-add').click();
    await page.locator('#override-reason').fill('防汛应急值守');
    await page.getByTestId('override-save').click();
    await page.getByText('个未办结期限已重新计算').first().waitFor();
    await page.getByTestId('override-table').getByText('防汛应急值守').waitFor();
    expect(await page.locator('[data-date="2020-09-01"]').getAttribute('data-kind')).toBe('override-holiday');
    await shot(page, 'admin-calendar-override');
  });

  it('an Excel import with a bad row shows that row and cell and commits nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('单位');
    ws.addRow(['单位名称', '简称', '单位类型', '行政区划代码', '设立日期']);
    ws.addRow(['区数据资源中心', '', '政府部门', '410803', '2020-05-01']);
    ws.addRow(['区档案馆', '', '档案机构', '410803', '2020-05-01']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const page = await fz.page();
    await signIn(page, fz.url, 'admin');
    await waitForShell(page);
    await page.goto(`${fz.url}/admin/units`);
    await page.getByTestId('unit-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '单位.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.getByTestId('import-check').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('3');
    expect(text).toContain('单位类型');
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    await shot(page, 'admin-import-bad-row');
    const written = await fz.db.selectFrom('units').select('id').where('name', 'in', ['区数据资源中心', '区档案馆']).execute();
    expect(written).toHaveLength(0);
  });

  it('admin browses the audit log with a before/after diff, and the settings', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'admin');
    await waitForShell(page);
    await page.goto(`${fz.url}/admin/audit?entity=unit`);
    await page.getByTestId('table-audit').locator('.ant-table-row').first().waitFor();
    await page.getByTestId('table-audit').locator('.ant-table-row-expand-icon').first().click();
    await page.getByTestId('diff-table').waitFor();
    await shot(page, 'admin-audit');
    await page.goto(`${fz.url}/admin/settings`);
    await page.getByTestId('settings-table').getByText('系统名称', { exact: true }).waitFor();
    await shot(page, 'admin-settings');
  });
});

describe('scope in the UI', () => {
  it('a unit liaison sees neither the menu entries nor the records of other units, also by typed URL', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'liaison');
    await waitForShell(page);
    expect((await navTexts(page)).join()).not.toContain('系统管理');
    const other = await unitId('区市场监督管理局');
    await page.goto(`${fz.url}/admin/units/${other}`);
    await page.getByTestId('page-403').waitFor();
    await shot(page, 'forbidden');
    await page.goto(`${fz.url}/admin/users`);
    await page.getByTestId('page-403').waitFor();
    const api = await page.evaluate(async (id) => {
      const one = await fetch(`/api/v1/units/${id}`);
      const list = (await (await fetch('/api/v1/units')).json()) as { items: { name: string }[] };
      return { status: one.status, names: list.items.map((u) => u.name) };
    }, other);
    expect(api.status).toBe(404);
    expect(api.names).toEqual(['区城市管理局']);
    await page.goto(`${fz.url}/no-such-page`);
    await page.getByTestId('page-404').waitFor();
    await shot(page, 'not-found');
  });
});
