import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { upload, workbook } from '../../test/xlsx.js';
import { buildActor, type Actor } from '../../core/scope/index.js';
import { metricScopeOf, yearPeriod } from '../../core/metrics/index.js';
import { recomputeOpenAcceptance } from '../../db/migrations/2026_11_30_0410_disputes_2017_acceptance.js';
import { createReconsideration, settleLapsedReviews } from './reconsideration.js';
import { reconAccepted } from './metrics.js';

let t: TestApp;
let office: Actor;
let units: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const u = await t.db.selectFrom('users').select(['id', 'username', 'display_name', 'unit_id', 'must_change_password']).where('username', '=', 'office').executeTakeFirstOrThrow();
  office = await buildActor(t.db, u, 'test');
  const rows = await t.db.selectFrom('units as u').innerJoin('regions as r', 'r.id', 'u.region_id').select(['u.id', 'u.name', 'r.code']).execute();
  units = Object.fromEntries(rows.map((r) => [`${r.code}:${r.name}`, r.id]));
});
afterAll(async () => t.close());

const input = (over: Record<string, unknown> = {}) => ({
  respondentUnitId: units['410803:区城市管理局'], applicantName: '赵某某', applicantType: 'natural' as const, actChallenged: '《行政处罚决定书》',
  caseType: '行政处罚' as const, knewDate: '2020-05-01', receivedDate: '2020-06-01', informedOfRights: true, immovable: false, procedure: 'ordinary' as const, ...over,
});

describe('deemed acceptance is computed when read, never written by a read', () => {
  it('counts a case whose review lapsed as accepted although nobody opened a list or the case', async () => {
    const region = (await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow()).id;
    const scope = await metricScopeOf(t.db, region);
    const before = await reconAccepted.compute(t.db, scope, yearPeriod(2019));
    expect(before).toBeNull();
    // Received Mon 2019-06-03 (2017 law): never acted on, never read.
    const c = await createReconsideration(t.db, office, input({ knewDate: '2019-05-20', receivedDate: '2019-06-03' }));
    const audit = async () => Number((await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const client = await t.as('office'); // signing in is audited: do it before counting
    const auditBefore = await audit();
    expect(await reconAccepted.compute(t.db, scope, yearPeriod(2019))).toBe(1);
    const recs = await reconAccepted.records(t.db, scope, yearPeriod(2019));
    expect(recs.map((r) => [r.id, r.date])).toEqual([[c.id, '2019-06-03']]);
    expect(await reconAccepted.breakdown!(t.db, scope, yearPeriod(2019), 'acceptanceMode')).toEqual([{ key: 'deemed', label: '依法受理（未作不予受理决定）', value: 1 }]);
    // Lists, the case and the figure read it as accepted — and none of them wrote anything.
    const list = (await client.get('/api/v1/disputes/reconsiderations?year=2019')).body.items;
    expect(list.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([[c.id, 'accepted']]);
    expect((await client.get(`/api/v1/disputes/reconsiderations?year=2019&status=received`)).body.total).toBe(0);
    expect((await client.get(`/api/v1/metrics/disputes.reconsideration.accepted?region=410803&year=2019`)).body.value).toBe(1);
    expect(await audit()).toBe(auditBefore);
    const row = await t.db.selectFrom('reconsideration_cases').select(['status', 'accepted_date']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'received', accepted_date: null });
  });

  it('lets the scheduled job record the same acceptance, taking the review off the to-do list', async () => {
    const c = await createReconsideration(t.db, office, input({ knewDate: '2019-08-01', receivedDate: '2019-08-05' }));
    expect(await settleLapsedReviews(t.db)).toBeGreaterThanOrEqual(1);
    const row = await t.db.selectFrom('reconsideration_cases').select(['status', 'accepted_date', 'acceptance_mode']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'accepted', accepted_date: '2019-08-05', acceptance_mode: 'deemed' });
    const review = await t.db.selectFrom('deadlines').select('status').where('entity_id', '=', c.id).where('kind', '=', 'acceptance_review').executeTakeFirstOrThrow();
    expect(review.status).toBe('done');
    expect(await settleLapsedReviews(t.db)).toBe(0);
  });

  it('does not count a case still inside its review period', async () => {
    const region = (await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow()).id;
    const scope = await metricScopeOf(t.db, region);
    // A 2023-law case received far in the future is under review today: not accepted yet.
    const c = await createReconsideration(t.db, office, input({ knewDate: '2099-03-01', receivedDate: '2099-03-02' }));
    expect(await reconAccepted.compute(t.db, scope, yearPeriod(2099))).toBeNull();
    const client = await t.as('office');
    expect((await client.get(`/api/v1/disputes/reconsiderations/${c.id}`)).body).toMatchObject({ status: 'received', acceptedDate: null, acceptanceMode: null });
  });
});

describe('the 2017-acceptance migration', () => {
  it('moves an open 2017 case accepted at the end of its review back to its receipt, with its open deadlines', async () => {
    // Received Mon 2020-09-28; stored the old way: accepted 10-12 (end of the review), decision due 12-11.
    const c = await createReconsideration(t.db, office, input({ knewDate: '2020-09-01', receivedDate: '2020-09-28' }));
    await t.db.updateTable('reconsideration_cases').set({ status: 'accepted', accepted_date: '2020-10-12', acceptance_mode: 'deemed', decision_due: '2020-12-11' }).where('id', '=', c.id).execute();
    await t.db.updateTable('deadlines').set({ due_date: '2020-12-11' }).where('entity_id', '=', c.id).where('kind', '=', 'decision').execute();
    await recomputeOpenAcceptance(t.db);
    const row = await t.db.selectFrom('reconsideration_cases').select(['accepted_date', 'decision_due']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ accepted_date: '2020-09-28', decision_due: '2020-11-27' });
    const dls = await t.db.selectFrom('deadlines').select(['kind', 'due_date']).where('entity_id', '=', c.id).where('kind', 'in', ['decision', 'copy_to_respondent']).orderBy('kind').execute();
    expect(dls).toEqual([{ kind: 'copy_to_respondent', due_date: '2020-10-14' }, { kind: 'decision', due_date: '2020-11-27' }]);
  });
});


describe('imports resolve unit names within the uploader\'s district', () => {
  const RH = ['案号', '被申请人', '申请人', '申请人类型', '被申请复议的行政行为', '案件类别', '行政行为作出日期', '知道行政行为日期', '收到申请日期', '审理程序'];
  const LH = ['案号', '审理法院', '被告', '原告', '原告类型', '被诉行政行为', '案件类别', '立案日期', '收到起诉状副本日期', '代理律师事务所', '代理律师'];
  let jfCivil: string;
  beforeAll(async () => {
    // Both districts have a 区民政局 (names are unique only within a district).
    const jf = (await t.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow()).id;
    jfCivil = (await t.db.insertInto('units').values({ name: '区民政局', type: 'department', region_id: jf }).returning('id').executeTakeFirstOrThrow()).id;
    expect(units['410803:区民政局']).toBeTruthy();
  });

  it('writes 解放区 office\'s reconsideration rows to 解放区, with case numbers unique per district', async () => {
    const row = ['民政复〔2021〕1号', '区民政局', '孙某某', '自然人', '不予发放最低生活保障金决定', '其他', '2021-03-01', '2021-03-02', '2021-03-10', '普通程序'];
    // 中站区 registers the same case number first: it does not block 解放区.
    const zz = await upload(t, await t.as('office'), '/api/v1/disputes/reconsiderations/import?dryRun=0', await workbook('行政复议案件登记', RH, [row]));
    expect(zz.body).toMatchObject({ committed: 1, errors: [] });
    const jf = await t.as('office_jf');
    const dry = await upload(t, jf, '/api/v1/disputes/reconsiderations/import?dryRun=1', await workbook('行政复议案件登记', RH, [row]));
    expect(dry.body).toMatchObject({ errors: [], committed: 0 });
    const ok = await upload(t, jf, '/api/v1/disputes/reconsiderations/import?dryRun=0', await workbook('行政复议案件登记', RH, [row]));
    expect(ok.body).toMatchObject({ committed: 1, errors: [] });
    const cases = await t.db
      .selectFrom('reconsideration_cases as c').innerJoin('regions as r', 'r.id', 'c.region_id')
      .select(['r.code', 'c.unit_id']).where('c.case_no', '=', '民政复〔2021〕1号').orderBy('r.code').execute();
    expect(cases).toEqual([{ code: '410802', unit_id: jfCivil }, { code: '410803', unit_id: units['410803:区民政局'] }]);
    // The same number again in 解放区 is a duplicate there.
    const dup = await upload(t, jf, '/api/v1/disputes/reconsiderations/import?dryRun=1', await workbook('行政复议案件登记', RH, [row]));
    expect(dup.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['2:案号']);
  });

  it('writes 解放区 office\'s lawsuit rows to 解放区 and refuses a unit of another district', async () => {
    const jf = await t.as('office_jf');
    const ok = await upload(t, jf, '/api/v1/disputes/lawsuits/import?dryRun=0', await workbook('行政应诉案件登记', LH, [
      ['（2021）豫0802行初7号', '焦作市解放区人民法院', '区民政局', '钱某', '自然人', '不予登记决定', '行政登记', '', '2021-04-01', '', ''],
    ]));
    expect(ok.body).toMatchObject({ committed: 1, errors: [] });
    const l = await t.db.selectFrom('lawsuits').select('unit_id').where('case_no', '=', '（2021）豫0802行初7号').executeTakeFirstOrThrow();
    expect(l.unit_id).toBe(jfCivil);
    const other = await upload(t, jf, '/api/v1/disputes/lawsuits/import?dryRun=1', await workbook('行政应诉案件登记', LH, [
      ['（2021）豫0802行初8号', '焦作市解放区人民法院', '区城市管理局', '钱某', '自然人', '处罚', '行政处罚', '', '2021-04-01', '', ''],
    ]));
    expect(other.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['2:被告']);
  });
});
