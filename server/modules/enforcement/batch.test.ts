/**
 * The ledger import's batched filing (fileCasesIn) stores exactly what filing the same cases one by one
 * (fileCaseIn, the form's path) stores: the case rows, the officers with the certificate chosen, the
 * decision deadlines and the audit entries — and refuses what the form refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildActor, type Actor } from '../../core/scope/index.js';
import { fileCase, fileCasesIn, issueCertificate, registerOfficer, renewCertificate } from './service.js';
import type { CaseInput } from './schema.js';

let t: TestApp;
let actor: Actor;
let unitId: string;
const o: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.db.selectFrom('users').selectAll().where('username', '=', 'office').executeTakeFirstOrThrow();
  actor = await buildActor(t.db, user, null);
  unitId = (await t.db.selectFrom('units').select('id').where('name', '=', '区城市管理综合执法大队').executeTakeFirstOrThrow()).id;
  const cert = (certNo: string, issuedOn: string, expiresOn: string) => ({ certNo, kind: 'enforcement' as const, field: '城市管理', issuedOn, expiresOn });
  for (const name of ['甲', '乙', '丙', '丁']) o[name] = (await registerOfficer(t.db, actor, { unitId, name, legalReviewer: false, legalQualification: false })).id;
  await issueCertificate(t.db, actor, o['甲'], cert('BT0000001', '2018-01-01', '2022-12-31'));
  // 乙 holds two certificates valid at once in 2020: the later expiry is the one chosen.
  await issueCertificate(t.db, actor, o['乙'], cert('BT0000002', '2018-01-01', '2021-06-30'));
  await issueCertificate(t.db, actor, o['乙'], cert('BT0000003', '2020-03-01', '2025-02-28'));
  // 丙's certificate is renewed on 2020-06-01: before it the old one, from it the new one.
  const old = await issueCertificate(t.db, actor, o['丙'], cert('BT0000004', '2017-01-01', '2021-12-31'));
  await renewCertificate(t.db, actor, old.id, cert('BT0000005', '2020-06-01', '2025-05-31'));
  // 丁's certificate lapsed at the end of 2019.
  await issueCertificate(t.db, actor, o['丁'], cert('BT0000006', '2015-01-01', '2019-12-31'));
});
afterAll(async () => t.close());

/** The same cases, numbered under a prefix: penalty cases across National Day and the Spring Festival, other systems, major ones. */
const cases = (prefix: string): CaseInput[] => [
  ['penalty', '2020-07-03', ['甲', '乙'], false], // +90 = 2020-10-01 (National Day) → 2020-10-09
  ['penalty', '2019-10-27', ['甲', '丙'], false], // +90 = 2020-01-25 (Spring Festival) → 2020-02-03 (extended)
  ['inspection', '2020-02-15', ['乙', '丙'], false],
  ['penalty', '2020-06-01', ['丙', '乙', '丙'], true], // 丙 twice: counted once; the renewed certificate from this day
  ['license', '2020-05-31', ['丙', '甲'], false],
  ['coercion', '2020-12-31', ['乙', '甲'], false],
].map(([system, filedOn, names, major], i) => ({
  unitId, system: system as CaseInput['system'], caseNo: `${prefix}〔2020〕${i + 1}号`, title: `批量立案测试案${i + 1}`, partyName: i % 2 ? '某公司' : '张某',
  partyKind: i % 2 ? 'organisation' : 'person', cause: '未经批准占用城市道路', filedOn: filedOn as string, officerIds: (names as string[]).map((n) => o[n]), major: major as boolean,
  majorReasons: major ? ['complex'] : [],
}));

/** What was stored for the cases under a prefix, without ids, numbers and times. */
async function stored(prefix: string) {
  const rows = await t.db.selectFrom('enforcement_cases').selectAll().where('case_no', 'like', `${prefix}%`).orderBy('case_no').execute();
  const ids = rows.map((r) => r.id);
  const strip = (r: Record<string, unknown>) => {
    const { id: _i, case_no: _n, created_at: _c, ...rest } = r;
    return rest;
  };
  const officers = await t.db.selectFrom('enforcement_case_officers as co').innerJoin('enforcement_certificates as ct', 'ct.id', 'co.certificate_id').innerJoin('enforcement_officers as o', 'o.id', 'co.officer_id')
    .select(['co.case_id', 'o.name', 'ct.cert_no']).where('co.case_id', 'in', ids).execute();
  const deadlines = await t.db.selectFrom('deadlines').selectAll().where('entity_id', 'in', ids).execute();
  const audit = await t.db.selectFrom('audit_log').select(['entity_id', 'entity', 'action', 'actor_id', 'region_id', 'unit_id', 'before', 'after']).where('entity_id', 'in', ids).execute();
  return rows.map((r) => ({
    case: strip(r),
    officers: officers.filter((x) => x.case_id === r.id).map((x) => `${x.name}:${x.cert_no}`).sort(),
    deadlines: deadlines.filter((d) => d.entity_id === r.id).map((d) => {
      const { id: _i, entity_id: _e, created_at: _c, ...rest } = d;
      return rest;
    }),
    audit: audit.filter((a) => a.entity_id === r.id).map((a) => ({ ...a, entity_id: undefined, after: strip(a.after as Record<string, unknown>) })),
  }));
}

describe('filing cases in batches', () => {
  it('stores the same cases, officers, certificates, deadlines and audit entries as filing them one by one', async () => {
    for (const c of cases('逐件')) await fileCase(t.db, actor, c);
    await t.db.transaction().execute((trx) => fileCasesIn(trx, actor, cases('批量')));
    const one = await stored('逐件');
    const batch = await stored('批量');
    expect(one).toHaveLength(6);
    expect(batch).toEqual(one);
    // Hand-computed: the certificates chosen and the decision deadlines across the holidays.
    expect(one.map((c) => c.officers)).toEqual([
      ['乙:BT0000003', '甲:BT0000001'], ['丙:BT0000004', '甲:BT0000001'], ['丙:BT0000004', '乙:BT0000002'], ['丙:BT0000005', '乙:BT0000003'],
      ['丙:BT0000004', '甲:BT0000001'], ['乙:BT0000003', '甲:BT0000001'],
    ]);
    expect(one.map((c) => c.deadlines.map((d) => d.due_date))).toEqual([['2020-10-09'], ['2020-02-03'], [], ['2020-08-31'], [], []]);
    expect([one[0].deadlines[0].title, one[0].deadlines[0].title_en]).toEqual(['作出行政处罚决定：批量立案测试案1', 'Decide the penalty case: 批量立案测试案1']);
    expect(one[3].case).toMatchObject({ major: true, major_reasons: ['complex'] });
    expect(one.every((c) => c.audit.length === 1 && c.audit[0].action === 'file')).toBe(true);
  });

  it('refuses one officer, another unit\'s officer and a lapsed certificate as the form does, and writes nothing', async () => {
    const base = cases('拒绝')[0];
    const refusal = async (input: CaseInput) => {
      const one = await fileCase(t.db, actor, input).then(() => null, (e: { code?: string; message?: string }) => e.code);
      const batch = await t.db.transaction().execute((trx) => fileCasesIn(trx, actor, [cases('拒绝')[1], input])).then(() => null, (e: { code?: string }) => e.code);
      return [one, batch];
    };
    expect(await refusal({ ...base, officerIds: [o['甲'], o['甲']] })).toEqual(['TWO_OFFICERS_REQUIRED', 'TWO_OFFICERS_REQUIRED']);
    expect(await refusal({ ...base, officerIds: [o['甲'], o['丁']] })).toEqual(['CERTIFICATE_NOT_VALID', 'CERTIFICATE_NOT_VALID']);
    expect(await refusal({ ...base, filedOn: '2017-06-01', officerIds: [o['甲'], o['乙']] })).toEqual(['CERTIFICATE_NOT_VALID', 'CERTIFICATE_NOT_VALID']);
    expect(await refusal({ ...base, officerIds: [o['甲'], '00000000-0000-4000-8000-000000000000'] })).toEqual(['OFFICER_NOT_IN_UNIT', 'OFFICER_NOT_IN_UNIT']);
    expect(await t.db.selectFrom('enforcement_cases').select('id').where('case_no', 'like', '拒绝%').execute()).toEqual([]);
  });
});
