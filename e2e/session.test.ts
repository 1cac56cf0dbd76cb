import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

describe('to-do list', () => {
  it('shows a unit’s open deadline with its badge, legal basis and computation on hover', async () => {
    const { setDeadline } = await import('../server/core/deadlines/index.js');
    const { today, addDays } = await import('../server/core/calendar/index.js');
    const unit = await fz.db.selectFrom('units').select(['id', 'region_id']).where('name', '=', '区城市管理局').executeTakeFirstOrThrow();
    await setDeadline(fz.db, {
      module: 'demo', entity: 'unit', entityId: unit.id, kind: 'defence', title: { zh: '提交行政诉讼答辩状', en: 'File the defence in the lawsuit' }, regionId: unit.region_id, unitId: unit.id,
      spec: { from: addDays(today(), -20), unit: 'ND', n: 15 }, basis: '《行政诉讼法》第六十七条：收到起诉状副本之日起十五日内提交答辩状',
    });
    const page = await fz.page();
    await signIn(page, fz.url, 'liaison');
    await waitForShell(page);
    // The home lists every module's deadlines; this one is found by its title.
    const badge = page.getByTestId('todo-list').getByRole('row', { name: /提交行政诉讼答辩状/ }).getByTestId('deadline-badge').first();
    await badge.waitFor();
    expect(await badge.getAttribute('data-state')).toBe('overdue');
    expect(await page.getByTestId('todo-counts').innerText()).toContain('1');
    await badge.hover();
    await page.getByText('依据：《行政诉讼法》第六十七条').first().waitFor();
    await shot(page, 'home-liaison-deadline');
  });
});

describe('session and language', () => {
  it('switching to en changes the UI language, and it is remembered', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    expect(await page.getByTestId('header-context').innerText()).toContain('所属区域');
    await page.getByTestId('user-menu').click();
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Workbench').first().waitFor();
    expect(await page.getByTestId('header-context').innerText()).toContain('Region');
    await shot(page, 'home-office-en');
    await page.goto(`${fz.url}/admin/units`);
    await page.getByText('Regions & units').first().waitFor();
    await page.getByText('Export Excel').waitFor();
    await shot(page, 'admin-units-en');
    await page.reload();
    await page.getByText('Regions & units').first().waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByText('中文', { exact: true }).click();
    await page.getByText('区域与单位').first().waitFor();
  });

  it('an expired session goes to sign-in and then back to the page', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'admin');
    await waitForShell(page);
    await page.goto(`${fz.url}/admin/audit`);
    await page.getByTestId('table-audit').waitFor();
    await page.context().clearCookies();
    await page.getByRole('link', { name: '用户与角色' }).click();
    await page.getByTestId('login-expired').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/users');
    await shot(page, 'login-expired');
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill('Demo@2020');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByTestId('table-users').waitFor();
  });

  it('after repeated wrong passwords the sign-in page shows the lockout message', async () => {
    const page = await fz.page();
    await page.goto(`${fz.url}/login`);
    for (let i = 0; i < 6; i++) {
      await page.locator('#username').fill('street');
      await page.locator('#password').fill(`wrong-${i}`);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor();
      await page.waitForTimeout(150);
    }
    expect(await page.getByTestId('login-error').innerText()).toContain('锁定');
    await shot(page, 'login-locked');
  });
});
