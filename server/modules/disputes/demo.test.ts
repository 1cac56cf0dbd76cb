import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { seedDisputes } from '../../../demo/disputes.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDisputes(t.db, t.cfg);
});
afterAll(async () => t.close());

const metric = async (id: string, user = 'office') => (await (await t.as(user)).get(`/api/v1/metrics/${id}?region=410803&year=2020`)).body;

describe('demo 2020 disputes reproduce seed §一(四)', () => {
  it.each([
    ['disputes.reconsideration.accepted', 3], // 全年受理行政复议案件3件
    ['disputes.reconsideration.onTimeRate', 100], // 法定期限内结案率达到100%
    ['disputes.litigation.handled', 7], // 全年共办理行政诉讼案件7件
    ['disputes.litigation.closed', 6], // 结案6件
    ['disputes.litigation.pending', 1], // 剩余1件上诉未审结
  ])('%s = %d', async (id, value) => {
    expect((await metric(id)).value).toBe(value);
  });

  it('computes the other rates from the same records', async () => {
    expect((await metric('disputes.reconsideration.correctionRate')).value).toBe(33.3); // 变更 1 of 3 concluded
    expect((await metric('disputes.litigation.lossRate')).value).toBe(16.7); // 撤销 1 of 6 closed
    expect((await metric('disputes.litigation.headAppearanceRate')).value).toBe(83.3); // 5 of 6 heard cases
  });

  it('leaves the one pending lawsuit on appeal', async () => {
    const c = await t.as('office');
    const r = await c.get('/api/v1/disputes/lawsuits?status=pending');
    expect(r.body.items.map((l: { caseNo: string; stage: string }) => [l.caseNo, l.stage])).toEqual([['（2020）豫0803行初38号', 'appeal']]);
  });

  it('closes every reconsideration case within its statutory period, the suspension included', async () => {
    const c = await t.as('office');
    const list = (await c.get('/api/v1/disputes/reconsiderations?year=2020&sort=caseNo')).body.items;
    expect(list.map((x: { lawVersion: string; closedWithinPeriod: boolean }) => [x.lawVersion, x.closedWithinPeriod])).toEqual([['2017', true], ['2017', true], ['2017', true]]);
    const r3 = list.find((x: { caseNo: string }) => x.caseNo === '中站政复〔2020〕3号');
    // 2017法 第十七条第二款: accepted on receipt 2020-09-14; + 60 = 11-13 (Fri); suspended 10-12…10-21 (10 days) → 11-23 (Mon).
    expect(r3.decisionDue).toBe('2020-11-23');
  });

  it('gives the unit liaison the unit\'s own figures', async () => {
    // 区城市管理局: lawsuits 行初3号 and 行初38号.
    expect((await metric('disputes.litigation.handled', 'liaison')).value).toBe(2);
    expect((await metric('disputes.litigation.pending', 'liaison')).value).toBe(1);
  });
});
