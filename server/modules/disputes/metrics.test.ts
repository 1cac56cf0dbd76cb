import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload, workbook } from '../../test/xlsx.js';

let t: TestApp;
let office: Client;
let ids: Record<string, string>;

const recon = (unit: string, received: string) => ({
  respondentUnitId: ids[unit], applicantName: '某某', applicantType: 'natural', actChallenged: '行政处罚决定', caseType: '行政处罚', knewDate: received, receivedDate: received,
});
const suit = (unit: string, no: string, received: string) => ({
  caseNo: no, courtName: '焦作市中站区人民法院', defendantUnitId: ids[unit], plaintiffName: '某某', plaintiffType: 'natural', actChallenged: '决定', caseType: '行政处罚', complaintReceivedDate: received,
});

/*
 * Hand-computed 2021 data (中站区):
 * Reconsideration — A accepted 03-02, decided 维持 04-10 (due 05-06): on time; B accepted 05-11, decided 撤销 09-30 (due 07-12): late;
 * C accepted 12-21, open; D refused. ⇒ accepted 3, concluded 2, onTimeRate 50, correctionRate 50.
 * Litigation — S1 closed 04-20 (won, head appeared 03-10); S2 (市场监管局) closed 06-01 lost (head absent 04-10);
 * S3 pending on appeal (head appeared 07-01); S4 received 2020-11-01, 撤诉 ruling 2021-01-15; S5 closed 2020-08-01 (not handled in 2021).
 * ⇒ handled 4, closed 3, pending 1, lossRate 33.3, headAppearanceRate 66.7 (2 of 3 heard cases).
 */
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  const R = (id: string, a: string, b: unknown) => office.post(`/api/v1/disputes/reconsiderations/${id}/${a}`, b);
  const A = (await office.post('/api/v1/disputes/reconsiderations', recon('区城市管理局', '2021-03-01'))).body.id;
  await R(A, 'accept', { date: '2021-03-02' });
  await R(A, 'decision', { date: '2021-04-10', outcome: '维持', summary: '维持' });
  const B = (await office.post('/api/v1/disputes/reconsiderations', recon('区市场监督管理局', '2021-05-10'))).body.id;
  await R(B, 'accept', { date: '2021-05-11' });
  const late = await R(B, 'decision', { date: '2021-09-30', outcome: '撤销', summary: '撤销' });
  expect(late.body.closedWithinPeriod).toBe(false);
  const C = (await office.post('/api/v1/disputes/reconsiderations', recon('区城市管理局', '2021-12-20'))).body.id;
  await R(C, 'accept', { date: '2021-12-21' });
  const D = (await office.post('/api/v1/disputes/reconsiderations', recon('区城市管理局', '2021-06-01'))).body.id;
  await R(D, 'refuse', { date: '2021-06-02', reason: '不属于行政复议范围' });

  const S = (id: string, a: string, b: unknown) => office.post(`/api/v1/disputes/lawsuits/${id}/${a}`, b);
  const head = { headAppeared: true, headName: '张建国', headPosition: '正职' };
  const s1 = (await office.post('/api/v1/disputes/lawsuits', suit('区城市管理局', 'S1', '2021-02-01'))).body.id;
  await S(s1, 'defence', { date: '2021-02-08', evidenceSubmitted: true });
  await S(s1, 'hearings', { hearingDate: '2021-03-10', ...head });
  await S(s1, 'judgments', { outcome: '驳回诉讼请求', servedDate: '2021-04-01' });
  expect((await S(s1, 'effective', { date: '2021-04-20' })).body.status).toBe('closed');
  const s2 = (await office.post('/api/v1/disputes/lawsuits', suit('区市场监督管理局', 'S2', '2021-03-01'))).body.id;
  await S(s2, 'defence', { date: '2021-03-08', evidenceSubmitted: true });
  await S(s2, 'hearings', { hearingDate: '2021-04-10', headAppeared: false, absenceReason: '不可抗力', delegateName: '陈静' });
  await S(s2, 'judgments', { outcome: '撤销', servedDate: '2021-05-10' });
  expect((await S(s2, 'effective', { date: '2021-06-01' })).body.lost).toBe(true);
  const s3 = (await office.post('/api/v1/disputes/lawsuits', suit('区城市管理局', 'S3', '2021-06-01'))).body.id;
  await S(s3, 'defence', { date: '2021-06-08', evidenceSubmitted: true });
  await S(s3, 'hearings', { hearingDate: '2021-07-01', ...head });
  await S(s3, 'judgments', { outcome: '驳回诉讼请求', servedDate: '2021-08-01' });
  expect((await S(s3, 'appeal', { by: 'plaintiff', date: '2021-08-10' })).body.stage).toBe('appeal');
  const s4 = (await office.post('/api/v1/disputes/lawsuits', suit('区城市管理局', 'S4', '2020-11-01'))).body.id;
  await S(s4, 'defence', { date: '2020-11-10', evidenceSubmitted: true });
  expect((await S(s4, 'judgments', { outcome: '准许撤诉', servedDate: '2021-01-15' })).body.closedDate).toBe('2021-01-15');
  const s5 = (await office.post('/api/v1/disputes/lawsuits', suit('区城市管理局', 'S5', '2020-05-01'))).body.id;
  await S(s5, 'defence', { date: '2020-05-10', evidenceSubmitted: true });
  await S(s5, 'judgments', { outcome: '准许撤诉', servedDate: '2020-08-01' });
});
afterAll(async () => t.close());

const value = async (id: string, year = 2021, user = 'office') => (await (await t.as(user)).get(`/api/v1/metrics/${id}?region=410803&year=${year}`)).body.value;

describe('disputes metrics on hand-computed data', () => {
  it.each([
    ['disputes.reconsideration.accepted', 3],
    ['disputes.reconsideration.onTimeRate', 50],
    ['disputes.reconsideration.correctionRate', 50],
    ['disputes.litigation.handled', 4],
    ['disputes.litigation.closed', 3],
    ['disputes.litigation.pending', 1],
    ['disputes.litigation.lossRate', 33.3],
    ['disputes.litigation.headAppearanceRate', 66.7],
  ])('%s = %d for 2021', async (id, v) => {
    expect(await value(id)).toBe(v);
  });

  it('returns no data (null), not 0, for a year without records', async () => {
    for (const id of ['disputes.reconsideration.accepted', 'disputes.reconsideration.onTimeRate', 'disputes.litigation.handled', 'disputes.litigation.closed', 'disputes.litigation.lossRate'])
      expect(await value(id, 2019), id).toBeNull();
  });

  it('counts the 2020 carry-over and the 2020 closure in 2020', async () => {
    // 2020: S4 (pending at year end) and S5 (closed 08-01) were handled.
    expect(await value('disputes.litigation.handled', 2020)).toBe(2);
    expect(await value('disputes.litigation.pending', 2020)).toBe(1);
  });

  it('restricts a unit liaison to the unit\'s own figures', async () => {
    expect(await value('disputes.litigation.handled', 2021, 'liaison2')).toBe(1);
    expect(await value('disputes.litigation.lossRate', 2021, 'liaison2')).toBe(100);
  });

  it('lists the records behind a figure', async () => {
    const r = await (await t.as('office')).get('/api/v1/metrics/disputes.litigation.pending/records?region=410803&year=2021');
    expect(r.body.items.map((i: { label: string }) => i.label)).toEqual(['S3 某某']);
  });

  it('builds the statistical tables by case type, unit and outcome from the same definitions', async () => {
    const s = (await office.get('/api/v1/disputes/stats?region=410803&year=2021')).body;
    expect(s.litigation.total).toMatchObject({ handled: 4, closed: 3, pending: 1, lost: 1, heard: 3, headAppeared: 2 });
    expect(s.litigation.byUnit.map((r: { category: string; handled: number }) => [r.category, r.handled])).toEqual([['区城市管理局', 3], ['区市场监督管理局', 1]]);
    expect(s.litigation.byOutcome).toEqual(expect.arrayContaining([{ outcome: '撤销', count: 1 }, { outcome: '准许撤诉', count: 1 }]));
    expect(s.litigation.rates).toMatchObject({ lossRate: 33.3, headAppearanceRate: 66.7 });
    expect(s.reconsideration.total).toMatchObject({ received: 4, accepted: 3, concluded: 2, corrective: 1, onTime: 1 });
  });
});

const xlsx = (headers: string[], rows: unknown[][]) => workbook('行政应诉案件登记', headers, rows);

describe('lawsuit register import', () => {
  const H = ['案号', '审理法院', '被告', '原告', '原告类型', '被诉行政行为', '案件类别', '立案日期', '收到起诉状副本日期', '代理律师事务所', '代理律师'];
  it('imports all-or-nothing, listing every bad cell, and checks the uploader\'s scope', async () => {
    const liaison = await t.as('liaison');
    const bad = await xlsx(H, [
      ['（2021）豫0803行初90号', '焦作市中站区人民法院', '区城市管理局', '甲', '自然人', '拆除决定', '行政强制', '2021-03-01', '2021-03-05', '河南纳圣律师事务所', '周律师'],
      ['（2021）豫0803行初91号', '焦作市中站区人民法院', '区市场监督管理局', '乙', '自然人', '处罚决定', '行政处罚', '', '2021-03-05', '', ''],
      ['（2021）豫0803行初92号', '焦作市中站区人民法院', '区城市管理局', '丙', '公司', '处罚决定', '罚款', '', '2021-02-30', '', ''],
    ]);
    const r = await upload(t, liaison, '/api/v1/disputes/lawsuits/import?dryRun=0', bad);
    expect(r.status).toBe(200);
    expect(r.body.committed).toBe(0);
    expect(r.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:被告', '4:原告类型', '4:案件类别', '4:收到起诉状副本日期']);
    expect(await t.db.selectFrom('lawsuits').select('id').where('case_no', '=', '（2021）豫0803行初90号').executeTakeFirst()).toBeUndefined();
    const good = await xlsx(H, [['（2021）豫0803行初90号', '焦作市中站区人民法院', '区城市管理局', '甲', '自然人', '拆除决定', '行政强制', '2021-03-01', '2021-03-05', '河南纳圣律师事务所', '周律师']]);
    const ok = await upload(t, liaison, '/api/v1/disputes/lawsuits/import?dryRun=0', good);
    expect(ok.body.committed).toBe(1);
    const d = await t.db.selectFrom('deadlines as d').innerJoin('lawsuits as l', 'l.id', 'd.entity_id').select(['d.due_date', 'd.priority']).where('l.case_no', '=', '（2021）豫0803行初90号').executeTakeFirstOrThrow();
    expect(d).toEqual({ due_date: '2021-03-22', priority: 100 }); // 03-05 + 15 = 03-20 (Sat) → 03-22
  });
});
