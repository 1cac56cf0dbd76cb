import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { getMetric, metricScopeOf, yearPeriod, type MetricScope } from '../../core/metrics/index.js';
import { hashPassword } from '../../core/auth/password.js';
import { DEMO_PASSWORD } from '../../../demo/org.js';

/*
 * Hand-computed data (中站区 410803 has 8 subdistricts in the org records; one community region is added):
 *   committees: 府城街道人民调解委员会 (subdistrict, 2011), 府城东社区人民调解委员会 (community, in the community's
 *   region, 2012), 朱村街道人民调解委员会 (subdistrict, set up 2020-06-15), 中站区医疗纠纷人民调解委员会 (industry).
 *   Coverage: denominator 8 + 1 = 9 regions; covered by 2020-03-31: 府城 and 府城东社区 = 2/9 = 22.2 %;
 *   by 2020-12-31: + 朱村 = 3/9 = 33.3 %. 许衡 has only a village committee placed in the subdistrict's region:
 *   the subdistrict is not covered by it (wrong level).
 *   disputes at 府城 (received, type, source → outcome):
 *     1 03-02 neighbour police → written agreement 03-05, confirmation applied 03-10, visit 03-25
 *     2 03-03 family application → oral agreement 04-01
 *     3 03-04 labour court → failed 03-20
 *     4 03-05 contract application → a party refused 03-06 (not accepted)
 *     5 01-10 property petition → written agreement 01-15
 *     6 03-09 neighbour initiative → mediating; session 03-10
 *   March: accepted 4 (1,2,3,6), succeeded 2 → 50.0 %; year to date (Jan–Mar): accepted 5, succeeded 3 → 60.0 %.
 *   Referred (三调对接) in 2020: 1 police, 3 court, 5 petition = 3.
 */
let t: TestApp;
let ids: Record<string, string>;
let office: Client;
let street: Client;
let street2: Client;
let officeJf: Client;
let fucheng: string;
let zz: MetricScope;
const disputes: string[] = [];

const ok = (r: { status: number; body: any }) => {
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
};

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  const admin = await t.as('admin');
  [office, street, officeJf] = await Promise.all(['office', 'street', 'office_jf'].map((u) => t.as(u)));
  const fc = await t.db.selectFrom('regions').select('id').where('code', '=', '410803002').executeTakeFirstOrThrow();
  const community = ok(await admin.post('/api/v1/regions', { code: '410803002001', name: '府城东社区', level: 'community', parentId: fc.id }));
  const rc = ok(await admin.post('/api/v1/units', { name: '府城东社区居民委员会', type: 'other', regionId: community.id }));
  fucheng = ok(await office.post('/api/v1/mediation/committees', { unitId: ids['府城街道办事处'], name: '府城街道人民调解委员会', kind: 'subdistrict', establishedOn: '2011-03-01' })).id;
  ok(await office.post('/api/v1/mediation/committees', { unitId: rc.id, name: '府城东社区人民调解委员会', kind: 'community', establishedOn: '2012-05-01' }));
  ok(await office.post('/api/v1/mediation/committees', { unitId: ids['朱村街道办事处'], name: '朱村街道人民调解委员会', kind: 'subdistrict', establishedOn: '2020-06-15' }));
  ok(await office.post('/api/v1/mediation/committees', { unitId: ids['许衡街道办事处'], name: '许衡街道许衡西村人民调解委员会', kind: 'village', establishedOn: '2012-05-01' }));
  ok(await office.post('/api/v1/mediation/committees', { unitId: ids['区司法局'], name: '中站区医疗纠纷人民调解委员会', kind: 'industry', establishedOn: '2015-01-01' }));
  const m1 = ok(await street.post('/api/v1/mediation/mediators', { committeeId: fucheng, name: '马调解员', fullTime: true })).id;
  ok(await street.post('/api/v1/mediation/mediators', { committeeId: fucheng, name: '牛调解员', fullTime: false }));
  const receive = async (receivedOn: string, disputeType: string, source: string, referredBy: string | null) =>
    ok(await street.post('/api/v1/mediation/disputes', { committeeId: fucheng, disputeType, source, referredBy, parties: `当事人${disputes.length + 1}`, summary: '纠纷', receivedOn, mediatorId: m1 })).dispute.id as string;
  disputes.push(await receive('2020-03-02', 'neighbour', 'police', '府城派出所'));
  disputes.push(await receive('2020-03-03', 'family', 'application', null));
  disputes.push(await receive('2020-03-04', 'labour', 'court', '焦作市中站区人民法院'));
  disputes.push(await receive('2020-03-05', 'contract', 'application', null));
  disputes.push(await receive('2020-01-10', 'property', 'petition', '中站区信访局'));
  disputes.push(await receive('2020-03-09', 'neighbour', 'initiative', null));
  const [d1, d2, d3, d4, d5, d6] = disputes;
  const post = (id: string, step: string, body: Record<string, unknown>) => street.post(`/api/v1/mediation/disputes/${id}/${step}`, body).then(ok);
  await post(d1, 'success', { agreementForm: 'written', agreementOn: '2020-03-05', agreement: '赔偿维修费800元' });
  await post(d1, 'confirmation', { appliedOn: '2020-03-10', court: '焦作市中站区人民法院' });
  await post(d1, 'notes', { kind: 'visit', on: '2020-03-25', note: '协议已履行' });
  await post(d2, 'success', { agreementForm: 'oral', agreementOn: '2020-04-01', agreement: '互相谅解' });
  await post(d3, 'failure', { endedOn: '2020-03-20', advice: '告知可申请劳动仲裁' });
  await post(d4, 'refusal', { endedOn: '2020-03-06', note: '一方明确拒绝调解' });
  await post(d5, 'success', { agreementForm: 'written', agreementOn: '2020-01-15', agreement: '减免物业费' });
  await post(d6, 'notes', { kind: 'session', on: '2020-03-10', note: '分别听取双方陈述' });
  const r = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
  zz = await metricScopeOf(t.db, r.id);
});
afterAll(async () => t.close());

describe('committee coverage', () => {
  it('divides the subdistrict and village/community regions with a committee of their level by all of them: 2/9 in March, 3/9 at the year end', async () => {
    const m = getMetric('mediation.committeeCoverage')!;
    expect(await m.compute(t.db, zz, { from: '2020-03-01', to: '2020-03-31' })).toBe(22.2);
    expect(await m.compute(t.db, zz, yearPeriod(2020))).toBe(33.3);
    const recs = await m.records(t.db, zz, yearPeriod(2020));
    expect(recs).toHaveLength(9);
    expect(recs.filter((r) => r.label.includes('已覆盖')).map((r) => r.label)).toEqual([
      // By region code: a community after its subdistrict.
      '府城街道（街道）已覆盖：府城街道人民调解委员会', '府城东社区（村〈社区〉）已覆盖：府城东社区人民调解委员会', '朱村街道（街道）已覆盖：朱村街道人民调解委员会',
    ]);
    expect(recs.find((r) => r.label.startsWith('许衡街道'))!.label).toBe('许衡街道（街道）未覆盖');
  });
  it('narrows a subdistrict\'s staff to their own subdistrict and its communities (2/2), and is no data where no committee is recorded', async () => {
    const fuchengStaff: MetricScope = { ...zz, unitId: ids['府城街道办事处'] };
    expect(await getMetric('mediation.committeeCoverage')!.compute(t.db, fuchengStaff, yearPeriod(2020))).toBe(100);
    const jf = await t.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow();
    expect(await getMetric('mediation.committeeCoverage')!.compute(t.db, await metricScopeOf(t.db, jf.id), yearPeriod(2020))).toBeNull();
  });
});

describe('disputes by type and by source', () => {
  it('count the 三调对接 referrals (court, petition office, police) with their records, and break accepted disputes down by type', async () => {
    const m = getMetric('mediation.referredDisputes')!;
    expect(await m.compute(t.db, zz, yearPeriod(2020))).toBe(3);
    expect(await m.breakdown!(t.db, zz, yearPeriod(2020), 'source')).toEqual([
      { key: 'court', label: '法院委托移送（诉调对接）', value: 1 }, { key: 'petition', label: '信访部门移送（访调对接）', value: 1 }, { key: 'police', label: '公安机关移送（警调对接）', value: 1 },
    ]);
    expect((await m.records(t.db, zz, yearPeriod(2020))).map((r) => r.label.replace(/^\S+ /, ''))).toEqual([
      '当事人5（中站区信访局移送）', '当事人1（府城派出所移送）', '当事人3（焦作市中站区人民法院移送）',
    ]);
    expect(await getMetric('mediation.disputesHandled')!.breakdown!(t.db, zz, yearPeriod(2020), 'disputeType')).toEqual([
      { key: 'neighbour', label: '邻里纠纷', value: 2 }, { key: 'family', label: '婚姻家庭纠纷', value: 1 }, { key: 'labour', label: '劳动争议纠纷', value: 1 }, { key: 'property', label: '物业纠纷', value: 1 },
    ]);
  });
});

async function monthly(c: Client, query: string) {
  const r = await t.app.inject({ method: 'GET', url: `/api/v1/mediation/stats/monthly?${query}`, headers: { cookie: c.cookie } });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as never);
  const ws = wb.worksheets[0];
  const cells = new Map<string, [unknown, unknown]>();
  ws.eachRow((row, i) => {
    if (i > 2) cells.set(String(row.getCell(1).value).trim(), [row.getCell(4).value, row.getCell(5).value]);
  });
  return { heading: String(ws.getRow(2).getCell(1).value), cells };
}

describe('人民调解工作统计月报表', () => {
  it('gives March 2020 and the year to date, cell by cell as computed by hand', async () => {
    const { heading, cells } = await monthly(office, 'region=410803&month=2020-03');
    expect(heading).toContain('统计期：2020年3月');
    const v = (item: string) => cells.get(item);
    expect(v('人民调解委员会')).toEqual([4, 4]);
    expect(v('其中：街道（乡镇）人民调解委员会')).toEqual([1, 1]);
    expect(v('其中：社区（居民委员会）人民调解委员会')).toEqual([1, 1]);
    expect(v('街道、村（社区）人民调解委员会覆盖率')).toEqual([22.2, 22.2]);
    expect(v('人民调解员')).toEqual([2, 2]);
    expect(v('其中：专职人民调解员')).toEqual([1, 1]);
    expect(v('受理调解矛盾纠纷合计')).toEqual([4, 5]);
    expect(v('按类型：邻里纠纷')).toEqual([2, 2]);
    expect(v('按类型：物业纠纷')).toEqual([0, 1]);
    expect(v('按类型：合同纠纷')).toEqual([0, 0]);
    expect(v('按来源：当事人申请')).toEqual([1, 1]);
    expect(v('按来源：信访部门移送（访调对接）')).toEqual([0, 1]);
    expect(v('按来源：公安机关移送（警调对接）')).toEqual([1, 1]);
    expect(v('当事人明确拒绝调解（不计入受理）')).toEqual([1, 1]);
    expect(v('调解成功')).toEqual([2, 3]);
    expect(v('调解不成（已告知其他途径）')).toEqual([1, 1]);
    expect(v('尚在调解')).toEqual([1, 1]);
    expect(v('调解成功率')).toEqual([50, 60]);
    expect(v('达成调解协议')).toEqual([1, 2]);
    expect(v('其中：书面调解协议')).toEqual([1, 2]);
    expect(v('口头协议')).toEqual([0, 0]);
    expect(v('当事人申请司法确认')).toEqual([1, 1]);
    expect(v('调解场次')).toEqual([1, 1]);
    expect(v('回访')).toEqual([1, 1]);
  });
  it('gives a subdistrict liaison their own committee\'s figures; another subdistrict sees none of them', async () => {
    const own = await monthly(street, 'month=2020-03');
    expect(own.heading).toContain('府城街道办事处');
    expect(own.cells.get('受理调解矛盾纠纷合计')).toEqual([4, 5]);
    const u = await t.db.insertInto('users').values({ username: 'street_xh', display_name: '许衡街道联络员', unit_id: ids['许衡街道办事处'], password_hash: await hashPassword(DEMO_PASSWORD, t.cfg.scryptN) }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('role_assignments').values({ user_id: u.id, role: 'liaison', unit_id: ids['许衡街道办事处'] }).execute();
    street2 = await t.as('street_xh');
    const other = await monthly(street2, 'month=2020-03');
    expect(other.cells.get('受理调解矛盾纠纷合计')).toEqual([0, 0]);
  });
  it('answers 401, 400 for a bad month, 404 for another district\'s region', async () => {
    expect((await t.anon().get('/api/v1/mediation/stats/monthly?month=2020-03')).status).toBe(401);
    expect((await office.get('/api/v1/mediation/stats/monthly?month=202003')).status).toBe(400);
    expect((await officeJf.get('/api/v1/mediation/stats/monthly?region=410803&month=2020-03')).status).toBe(404);
  });
});

describe('a committee\'s ledger with its judicial-confirmation and follow-up columns', () => {
  const row = (over: Record<string, unknown> = {}) => ({
    committee: '府城街道人民调解委员会', receivedOn: '2020-05-06', disputeType: '邻里纠纷', source: '当事人申请', parties: '何甲与何乙', summary: '排水沟堵塞',
    mediator: '马调解员', outcome: '调解成功', agreementForm: '书面', agreementOn: '2020-05-08', agreement: '共同疏通排水沟', ...over,
  });
  async function send(c: Client, rows: Record<string, unknown>[], dryRun: 0 | 1) {
    const { exportXlsx } = await import('../../core/excel/index.js');
    const { ledgerSheet } = await import('./excel.js');
    const { upload } = await import('../../test/xlsx.js');
    return upload(t, c, `/api/v1/mediation/disputes/import?dryRun=${dryRun}`, await exportXlsx(ledgerSheet, rows as never[]));
  }
  it('names a confirmation past the 30-day window (05-08 + 30 = 06-07, a Sunday → 06-08), one without a court, on an oral agreement, and a visit before the agreement', async () => {
    const r = await send(street, [
      row({ confirmationAppliedOn: '2020-06-09', confirmationCourt: '焦作市中站区人民法院' }),
      row({ parties: '吕甲与吕乙', confirmationAppliedOn: '2020-05-20' }),
      row({ parties: '施甲与施乙', agreementForm: '口头', confirmationAppliedOn: '2020-05-20', confirmationCourt: '焦作市中站区人民法院' }),
      row({ parties: '张丙与张丁', visitOn: '2020-05-07', visitNote: '已履行' }),
      row({ parties: '孔甲与孔乙', outcome: '调解中', agreementForm: undefined, agreementOn: undefined, agreement: undefined, visitOn: '2020-05-20', visitNote: '已履行' }),
    ], 1);
    expect(r.status).toBe(200);
    expect(r.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['2:申请司法确认日期', '3:司法确认法院', '4:申请司法确认日期', '5:回访日期', '6:回访日期']);
    expect(r.body.errors[0].message).toContain('2020-06-08');
  });
  it('imports a subdistrict\'s ledger with a confirmation on the window\'s last day and a visit, through the services, and exports them back', async () => {
    const r = await send(street, [row({ confirmationAppliedOn: '2020-06-08', confirmationCourt: '焦作市中站区人民法院', visitOn: '2020-06-20', visitNote: '排水通畅，无反复' })], 0);
    expect(r.body).toMatchObject({ errors: [], committed: 1 });
    const id = (await street.get('/api/v1/mediation/disputes?q=%E4%BD%95%E7%94%B2')).body.items[0].id;
    const d = (await street.get(`/api/v1/mediation/disputes/${id}`)).body;
    expect(d.dispute).toMatchObject({ confirmationAppliedOn: '2020-06-08', confirmationCourt: '焦作市中站区人民法院', confirmationOpen: false });
    expect(d.notes).toEqual([expect.objectContaining({ kind: 'visit', on: '2020-06-20', mediatorName: '马调解员', note: '排水通畅，无反复' })]);
    // Another subdistrict's liaison cannot record at 府城's committee.
    const other = await send(street2, [row({ parties: '严甲与严乙' })], 1);
    expect(other.body.errors[0]).toMatchObject({ column: '调解委员会' });
    const x = await t.app.inject({ method: 'GET', url: '/api/v1/mediation/disputes/export?year=2020&q=%E4%BD%95%E7%94%B2', headers: { cookie: street.cookie } });
    const { parseXlsx } = await import('../../core/excel/index.js');
    const { ledgerSheet } = await import('./excel.js');
    const parsed = await parseXlsx(ledgerSheet, x.rawPayload, 5000, { inline: true });
    expect(parsed.rows[0].value).toMatchObject({ confirmationAppliedOn: '2020-06-08', confirmationCourt: '焦作市中站区人民法院', visitOn: '2020-06-20', visitNote: '排水通畅，无反复' });
  });
});
