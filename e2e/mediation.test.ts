import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { date, pick, shot as saveShot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
  // A liaison of another subdistrict (许衡街道), with the demo password (street's hash), to prove scope.
  const street = await fz.db.selectFrom('users').select('password_hash').where('username', '=', 'street').executeTakeFirstOrThrow();
  const unit = await fz.db.selectFrom('units').select('id').where('name', '=', '许衡街道办事处').executeTakeFirstOrThrow();
  const u = await fz.db.insertInto('users').values({ username: 'street_xh', display_name: '许衡街道联络员', unit_id: unit.id, password_hash: street.password_hash, must_change_password: false })
    .returning('id').executeTakeFirstOrThrow();
  await fz.db.insertInto('role_assignments').values({ user_id: u.id, role: 'liaison', unit_id: unit.id }).execute();
});
afterAll(async () => {
  await fz?.close();
});

const PARTIES = '尹国庆与蒋丽华';

/** Saves the screenshot after checking no untranslated key or raw code is on the page. */
async function shot(page: Page, name: string) {
  await saveShot(page, name);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/mediation\.[a-zA-Z]/);
  // Raw codes on a Chinese page (an English page has these words in its prose).
  if (!name.endsWith('-en')) expect(text).not.toMatch(/\b(neighbour|police|subdistrict|community|written|mediating|succeeded)\b/);
}

describe('mediation journeys', () => {
  let url = '';

  it('a subdistrict mediator receives a police-referred dispute; the one-month norm shows, moved past National Day', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'street');
    await waitForShell(page);
    await page.goto(`${fz.url}/mediation/disputes`);
    await page.getByTestId('table-mediation-disputes').locator('.ant-table-row').first().waitFor();
    await shot(page, 'mediation-disputes');
    await page.getByTestId('mediation-receive').click();
    await pick(page, 'committeeId', '府城街道人民调解');
    await date(page, 'receivedOn', '2020-09-05');
    await pick(page, 'disputeType', '邻里纠纷');
    await pick(page, 'source', '公安机关移送');
    await page.locator('#referredBy').fill('焦作市公安局中站分局府城派出所');
    await page.locator('#parties').fill(PARTIES);
    await page.locator('#summary').fill('楼上卫生间漏水致楼下房屋墙面受损，双方在派出所调处未果，移送调解');
    await page.getByTestId('mediation-receive-save').click();
    await page.waitForURL(/\/mediation\/disputes\/[0-9a-f-]{36}$/);
    url = page.url();
    const norm = page.getByTestId('deadline-mediation');
    await norm.waitFor();
    // 2020-09-05 + 1 month = 10-05, inside the National Day holiday (10-01…10-08) → 10-09.
    expect(await norm.innerText()).toContain('2020-10-09');
  });

  it('records a session and a written agreement; the 30-day judicial-confirmation window appears', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'street');
    await waitForShell(page);
    await page.goto(url);
    await page.getByTestId('mediation-session').click();
    await date(page, 'on', '2020-09-08');
    await page.locator('#note').fill('到现场查看漏水情况，双方同意由楼上住户修复防水层');
    await page.getByTestId('mediation-session-save').click();
    await page.getByTestId('mediation-notes').waitFor();
    // An agreement dated before the dispute was received is refused, named on its field.
    await page.getByTestId('mediation-success').click();
    await date(page, 'agreementOn', '2020-09-04');
    await page.locator('#agreement').fill('蒋丽华修复防水层并赔偿尹国庆墙面修复费用2000元');
    await page.getByTestId('mediation-success-save').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '不能早于受理日期' }).waitFor();
    await date(page, 'agreementOn', '2020-09-10');
    await page.getByTestId('mediation-success-save').click();
    const window = page.getByTestId('deadline-confirmation');
    await window.waitFor();
    // 30 days from 09-10 = 10-10, a 调休 working Saturday: no move.
    expect(await window.innerText()).toContain('2020-10-10');
    expect(await window.innerText()).toContain('第三十三条');
    await shot(page, 'mediation-dispute-agreement');
    await page.addInitScript(() => localStorage.setItem('fazhi.lang', 'en'));
    await page.goto(url);
    await page.getByTestId('deadline-confirmation').waitFor();
    await shot(page, 'mediation-dispute-agreement-en');
  });

  it('a liaison of another subdistrict cannot open the dispute or find it in the ledger', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'street_xh');
    await waitForShell(page);
    await page.goto(url);
    await page.getByTestId('page-404').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(PARTIES);
    await page.goto(`${fz.url}/mediation/disputes?q=${encodeURIComponent('尹国庆')}`);
    await page.getByTestId('table-mediation-disputes').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('table-mediation-disputes').locator('.ant-table-row').count()).toBe(0);
  });

  it('shows the committees in zh and en', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/mediation/committees`);
    await page.getByTestId('table-mediation-committees').locator('.ant-table-row').first().waitFor();
    await shot(page, 'mediation-committees');
    const en = await fz.page();
    await en.addInitScript(() => localStorage.setItem('fazhi.lang', 'en'));
    await signIn(en, fz.url, 'office');
    await waitForShell(en);
    await en.goto(`${fz.url}/mediation/disputes`);
    await en.getByTestId('table-mediation-disputes').locator('.ant-table-row').first().waitFor();
    await shot(en, 'mediation-disputes-en');
    await en.goto(`${fz.url}/mediation/committees`);
    await en.getByTestId('table-mediation-committees').locator('.ant-table-row').first().waitFor();
    await shot(en, 'mediation-committees-en');
  });
});
