import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { date, shot, signIn, startFazhi, waitForShell, type Fazhi } from './harness';
import { demoActor } from '../demo/advisors';
import { requestReview } from '../server/modules/advisors/service';
import * as decisions from '../server/modules/decisions/service';

let fz: Fazhi;
beforeAll(async () => {
  fz = await startFazhi();
});
afterAll(async () => {
  await fz?.close();
});

const unitId = async (name: string) => (await fz.db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

/** Picks an option in a StepForm select by typing its label. */
async function pick(page: Page, id: string, label: string) {
  await page.locator(`#${id}`).click();
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
}
/** Saves the open step form and waits until the decision shows the expected state. */
async function save(page: Page, state: string) {
  await page.getByTestId('step-save').click();
  await page.locator(`[data-testid="status-tag"][data-status="${state}"]`).waitFor();
  await page.getByTestId('step-save').waitFor({ state: 'detached' });
}

describe('legal advisors and major decisions journeys', () => {
  it('an advisor signs in, sees only their own queue, and gives an opinion', async () => {
    const office = await demoActor(fz.db, 'office');
    const zhou = await fz.db.selectFrom('advisors').select('id').where('name', '=', '周律师').executeTakeFirstOrThrow();
    await requestReview(fz.db, office, {
      type: 'contract', unitId: await unitId('区城市管理局'), title: '中站区城区公厕保洁服务合同', summary: '合同文本、采购结果公告。', requestedOn: '2020-12-01',
      assign: { advisorId: zhou.id, assignedOn: '2020-12-01', dueDate: '2020-12-11' },
    });
    const page = await fz.page();
    await signIn(page, fz.url, 'advisor');
    await waitForShell(page);
    await page.goto(`${fz.url}/advisors/reviews?pageSize=100`);
    await page.getByRole('link', { name: '中站区城区公厕保洁服务合同' }).waitFor();
    // 纳圣's requests assigned to him are listed; 善博's are not.
    await page.getByRole('link', { name: '中站区城区道路清扫保洁市场化服务合同' }).waitFor();
    expect(await page.getByRole('link', { name: '中站区2020年老旧小区改造工程设计合同' }).count()).toBe(0);
    await shot(page, 'advisors-inbox');
    await page.getByRole('link', { name: '中站区城区公厕保洁服务合同' }).click();
    await page.getByTestId('review-opinion').click();
    await pick(page, 'step-conclusion', '修改后合法');
    await page.locator('#step-opinion').fill('合同第六条考核标准不明确，建议细化后签订。');
    await page.locator('#step-reasons').fill('《民法典》第五百一十条');
    await date(page, 'concludedOn', '2020-12-08');
    await shot(page, 'advisors-opinion-form');
    await page.getByTestId('step-save').click();
    await page.getByTestId('review-conclusion').getByText('修改后合法').waitFor();
    await shot(page, 'advisors-opinion-given');
    // Another firm's request typed into the address bar is not found.
    const other = await fz.db.selectFrom('advisor_reviews').select('id').where('title', '=', '中站区2020年老旧小区改造工程设计合同').executeTakeFirstOrThrow();
    await page.goto(`${fz.url}/advisors/reviews/${other.id}`);
    await page.getByText('不存在或无权访问').first().waitFor();
  });

  it('a decision cannot go to collective discussion before its legality review concludes lawful, and the page says why', async () => {
    const office = await demoActor(fz.db, 'office');
    const d = await decisions.launchDecision(fz.db, office, {
      unitId: await unitId('区城市管理局'), title: '中站区城区共享单车停放管理方案', category: 'public_policy', proposalSource: 'department',
      launchBasis: '区城市管理局提出，区政府研究同意启动。', launchedOn: '2020-07-01',
    });
    await decisions.recordDraft(fz.db, office, d.id, { draftedOn: '2020-07-20', researchSummary: '调查城区停放点位126处，走访运营企业3家。' });
    await decisions.openPublicComment(fz.db, office, d.id, { startsOn: '2020-07-24', endsOn: '2020-08-24', channel: '中站区人民政府网站' });
    await decisions.publishFeedback(fz.db, office, d.id, { publishedOn: '2020-08-26', summary: '征求意见期间未收到意见建议。' });
    await decisions.recordExpertConsultation(fz.db, office, d.id, { required: false, notRequiredReason: '不属于专业性、技术性较强的事项', doneOn: '2020-09-01', experts: [] });
    await decisions.recordRiskAssessment(fz.db, office, d.id, { required: false, notRequiredReason: '不涉及社会稳定风险', doneOn: '2020-09-10' });

    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/decisions/${d.id}`);
    await page.getByTestId('decide-blocked').getByText('第二十五条').waitFor();
    expect(await page.getByTestId('action-decide').isDisabled()).toBe(true);
    await shot(page, 'decisions-blocked');
    // Send to the office's legality review: the due date is 7 working days on the calendar (National Day 2020 → 10-12).
    await page.getByTestId('action-sendLegality').click();
    await date(page, 'sentOn', '2020-09-25');
    await save(page, 'legality_review');
    await page.getByTestId('legality').getByText('2020-10-12').waitFor();
    expect(await page.getByTestId('action-decide').isDisabled()).toBe(true);
    // Unlawful first: still blocked.
    await page.getByTestId('action-legality').click();
    await pick(page, 'step-conclusion', '不合法');
    await page.locator('#step-opinion').fill('方案第八条对违规停放设定罚款无法律依据。');
    await date(page, 'concludedOn', '2020-10-09');
    await save(page, 'legality_failed');
    await page.getByTestId('decide-blocked').getByText('修改后须重新送审').waitFor();
    // Resent and concluded lawful: collective discussion opens.
    await page.getByTestId('action-sendLegality').click();
    await date(page, 'sentOn', '2020-10-12');
    await save(page, 'legality_review');
    await page.getByTestId('action-legality').click();
    await pick(page, 'step-conclusion', '合法');
    await page.locator('#step-opinion').fill('已删除第八条，方案内容合法。');
    await date(page, 'concludedOn', '2020-10-21');
    await save(page, 'legality_passed');
    await page.waitForFunction(() => !document.querySelector('[data-testid="decide-blocked"]'));
    expect(await page.getByTestId('action-decide').isDisabled()).toBe(false);
    await shot(page, 'decisions-ready-for-discussion');
  });

  it('the office sees the 2020 decisions and the published catalogue', async () => {
    const page = await fz.page();
    await signIn(page, fz.url, 'office');
    await waitForShell(page);
    await page.goto(`${fz.url}/decisions?year=2020`);
    await page.getByRole('link', { name: '中站区2020年老旧小区改造实施方案' }).waitFor();
    await shot(page, 'decisions-list');
    await page.getByRole('link', { name: '中站区2020年老旧小区改造实施方案' }).click();
    await page.getByTestId('decision-steps').waitFor();
    await page.getByText('区政府2020年第9次常务会议').first().waitFor();
    await shot(page, 'decisions-detail');
    await page.goto(`${fz.url}/decisions/catalogues`);
    await page.getByText('中站区人民政府2020年度重大行政决策事项目录').waitFor();
    await page.goto(`${fz.url}/advisors/firms`);
    await page.getByText('中站政法顾〔2020〕1号').waitFor();
    await shot(page, 'advisors-firms');
  });
});
