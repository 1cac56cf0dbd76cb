import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navTexts, shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

describe('sign-in and the shell', () => {
  it('shows the sign-in page in Chinese and the server’s message for a wrong password', async () => {
    const page = await fz.page();
    await page.goto(fz.url + '/');
    await page.waitForURL(/\/login/);
    await page.getByText('用户登录').first().waitFor();
    await shot(page, 'login');
    await signIn(page, fz.url, 'office', 'wrong-password');
    const err = await page.getByTestId('login-error').innerText();
    expect(err).toContain('用户名或密码');
    await shot(page, 'login-error');
  });

  it.each([
    ['admin', '系统管理员', ['系统管理', '区域与单位', '用户与角色', '工作日历', '操作日志', '系统设置']],
    ['office', '王晓丽', ['系统管理', '区域与单位', '操作日志']],
    ['leader', '赵红兵', []],
    ['city', '李明', []],
    ['head', '张建国', []],
    ['liaison', '刘芳', []],
    ['liaison2', '陈静', []],
    ['street', '孙丽', []],
    ['advisor', '周律师', []],
    ['officer', '吴强', []],
  ])('signs in as %s and lands on that role’s home', async (username, name, menu) => {
    const page = await fz.page();
    await signIn(page, fz.url, username);
    await waitForShell(page);
    await page.getByTestId('page-home').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('user-menu').innerText()).toContain(name);
    const nav = await navTexts(page);
    for (const m of menu) expect(nav).toContain(m);
    if (!menu.length) expect(nav.join()).not.toContain('系统管理');
    if (username === 'leader' || username === 'city') await page.getByTestId('dashboard').waitFor();
    else expect(await page.getByTestId('dashboard').count()).toBe(0);
    // Read-only leaders see what is late by unit; everyone else their to-do list.
    await page.getByTestId(username === 'leader' || username === 'city' ? 'late-by-unit' : 'todo-list').waitFor();
    await shot(page, `home-${username}`);
    await page.context().close();
  });
});
