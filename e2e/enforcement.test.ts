import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pick as choose, shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';
import { today } from '../server/core/calendar/index.js';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

/** A minimal valid MP4 (ftyp + moov/mvhd boxes): the on-site recording of a body-worn camera. */
function mp4(): Buffer {
  const box = (type: string, body: Buffer) => {
    const b = Buffer.alloc(8 + body.length);
    b.writeUInt32BE(8 + body.length, 0);
    b.write(type, 4, 'latin1');
    body.copy(b, 8);
    return b;
  };
  const mvhd = Buffer.alloc(100); // version 0: timescale 1000, rate 1.0, volume 1.0, identity matrix, next track 2
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(0x00010000, 20);
  mvhd.writeUInt16BE(0x0100, 24);
  for (const [at, v] of [[36, 0x00010000], [52, 0x00010000], [68, 0x40000000], [96, 2]]) mvhd.writeUInt32BE(v, at);
  return Buffer.concat([box('ftyp', Buffer.concat([Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41')])), box('moov', box('mvhd', mvhd))]);
}
const TEAM = '区城市管理综合执法大队';

/** The input of an InputNumber marked with a test id (on the input or its wrapper). */
const num = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
/** Saves the open step form (Enter in its last date field may already have submitted it). */
async function save(page: Page) {
  const closed = await page.locator('.ant-modal').waitFor({ state: 'detached', timeout: 3000 }).then(() => true, () => false);
  if (closed) return;
  await page.getByTestId('step-save').click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
}
/** Fills the n-th date picker of the open modal. */
async function date(page: Page, value: string, n = 0) {
  const input = page.locator('.ant-modal .ant-picker input').nth(n);
  await input.fill(value);
  await input.press('Enter');
}

describe('enforcement journeys', () => {
  it('an officer files a penalty case with a second officer, attaches the on-site record, the legal review concludes, the decision is recorded, its publicity deadline reaches the to-do list, and the published decision shows on the public portal', async () => {
    const day = today();
    const team = await fz.db.selectFrom('units').select('id').where('name', '=', TEAM).executeTakeFirstOrThrow();
    const second = await fz.db.selectFrom('enforcement_officers as o').innerJoin('enforcement_certificates as c', 'c.officer_id', 'o.id')
      .select(['o.name', 'c.cert_no']).where('o.unit_id', '=', team.id).where('o.name', '!=', '吴强').where('o.legal_reviewer', '=', false)
      .where('c.status', '=', 'valid').where('c.kind', '=', 'enforcement').where('c.expires_on', '>', day).orderBy('c.cert_no').executeTakeFirstOrThrow();
    const reviewer = await fz.db.selectFrom('enforcement_officers').select('name').where('unit_id', '=', team.id).where('legal_reviewer', '=', true).executeTakeFirstOrThrow();
    const title = '钱某擅自占用城市道路经营案';

    const page = await fz.page();
    await signIn(page, fz.url, 'officer');
    await waitForShell(page);
    await page.goto(`${fz.url}/enforcement/cases`);
    await page.getByTestId('case-create').click();
    await page.locator('#step-caseNo').fill('中城管罚〔2026〕901号');
    await page.locator('#step-title').fill(title);
    await page.locator('#step-partyName').fill('钱某');
    await date(page, day);
    await choose(page, 'step-officerIds-0', '吴强');
    await choose(page, 'step-officerIds-1', second.cert_no);
    await choose(page, 'step-majorReasons-0', '经过听证程序');
    await page.getByTestId('step-save').click();
    await page.getByRole('link', { name: '中城管罚〔2026〕901号' }).click();
    await page.getByTestId('record-detail').waitFor();
    expect(await page.getByTestId('case-descriptions').innerText()).toContain(second.name);
    await page.getByRole('tab', { name: '法定期限' }).click();
    await page.getByTestId('deadline-decision').waitFor();

    // The on-site recording (执法记录仪视频) attached to the case, checked by its content as a video.
    await page.getByRole('tab', { name: '附件' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('attach-upload').click();
    await (await chooser).setFiles({ name: '现场检查执法记录仪视频.mp4', mimeType: 'video/mp4', buffer: mp4() });
    await page.getByText('已上传 现场检查执法记录仪视频.mp4').waitFor();
    await page.getByTestId('attachments').getByText('现场检查执法记录仪视频.mp4').waitFor();
    await page.getByTestId('attach-preview').click();
    await page.getByTestId('preview-video').waitFor();
    await page.keyboard.press('Escape');

    for (const s of ['investigate', 'submit_review']) {
      await page.getByTestId(`case-${s}`).click();
      await date(page, day);
      await save(page);
    }
    // No decision without the concluded legal review: the decide step is not offered yet.
    expect(await page.getByTestId('case-decide').count()).toBe(0);

    // The legal review, recorded with the unit's qualified reviewer's opinion (a handling officer may not
    // record it: the office enters it here, the reviewer having no account of their own in the demo).
    const rp = await fz.page();
    await signIn(rp, fz.url, 'office');
    await waitForShell(rp);
    await rp.goto(page.url());
    await rp.getByTestId('case-review').click();
    await choose(rp, 'step-reviewerId', reviewer.name);
    await rp.locator('#step-opinion').fill('事实清楚，证据确凿，适用依据正确，程序合法，同意作出处罚决定。');
    await date(rp, day);
    await save(rp);
    await page.reload();

    // The head's decision, signed.
    await page.getByTestId('case-decide').click();
    await page.locator('#step-decisionNo').fill('中城管罚决字〔2026〕901号');
    await page.locator('#step-signedBy').fill('张建国');
    await date(page, day);
    await save(page);
    await page.getByRole('tab', { name: '法定期限' }).click();
    const pub = page.getByTestId('deadline-publicity');
    await pub.waitFor();
    expect(await pub.innerText()).toContain('国办发〔2018〕118号');
    await shot(page, 'enforcement-case-decided');

    // The publicity deadline is on the officer's to-do list, with its basis and computation.
    await page.goto(`${fz.url}/`);
    const row = page.getByTestId('todo-list').locator('tr', { hasText: `公示执法决定：${title}` });
    await row.waitFor();
    expect(await row.innerText()).toContain('国办发〔2018〕118号');
    await row.getByRole('link').click();
    await page.getByTestId('case-publish').click();
    await date(page, day);
    await save(page);

    // The public portal: no sign-in; the person's name masked.
    const pubPage = await fz.page();
    await pubPage.goto(`${fz.url}/public/enforcement?region=410803`);
    await pubPage.getByTestId('public-decisions').getByText(title).waitFor();
    expect(await pubPage.getByTestId('public-decisions').innerText()).toContain('钱某某');
    await shot(pubPage, 'enforcement-public');
    await pubPage.getByRole('tab', { name: '执法人员' }).click();
    await pubPage.getByTestId('public-officers-search').locator('input').fill(second.name);
    await pubPage.getByTestId('public-officers-search').locator('input').press('Enter');
    await pubPage.getByTestId('public-officers').getByText(second.cert_no).waitFor();
  });

  it('the office opens a review campaign, draws a sample and scores a file; a deduction above the item refuses naming it', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/enforcement/reviews`);
    await page.getByTestId('campaign-create').click();
    await page.locator('#action-year').fill('2020');
    await page.locator('#action-title').fill('2020年度城市管理领域案卷专项评查');
    await page.locator('#action-sampleSize').fill('3');
    await page.getByTestId('action-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await page.getByTestId('review-sample').click();
    const files = page.getByTestId('review-files');
    await files.locator('tbody tr').nth(2).waitFor();
    await files.locator('button[data-testid^="score-"]').first().click();
    await page.locator('#score-reviewer').fill('王晓丽');
    await date(page, '2020-12-10');
    await num(page, 'score-deduction-LJ').fill('12');
    await page.getByTestId('score-problem-LJ').fill('卷内文书目录不完整');
    await page.getByTestId('score-save').click();
    await page.getByText('扣分不能超过该项分值10分').waitFor();
    await num(page, 'score-deduction-LJ').fill('3');
    await num(page, 'score-deduction-CX').fill('5');
    await page.getByTestId('score-problem-CX').fill('未载明陈述申辩权利');
    expect(await page.getByTestId('score-preview').innerText()).toContain('92');
    await page.getByTestId('score-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await files.getByText('92').first().waitFor();
    expect(await files.innerText()).toContain('优秀');
    await shot(page, 'enforcement-review-scored');
  });
});
