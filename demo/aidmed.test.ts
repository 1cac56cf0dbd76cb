import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../server/test/harness.js';
import { loadCalendar, today } from '../server/core/calendar/index.js';
import { seedLegalaidDemo } from './legalaid.js';
import { seedMediationDemo } from './mediation.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedLegalaidDemo(t.db, t.cfg);
  await seedMediationDemo(t.db, t.cfg);
}, 300_000);
afterAll(async () => t.close());

describe('demo 2020: public legal services and mediation reproduce seed §一(五)', () => {
  // seed-report.md §一(五): 受理指派法律援助案件 122 件（民事案件 40 件、刑事案件 82 件），提供法律帮助 105 人次，
  // 组织 5 个律师服务团对 18 个重点民营企业进行了法治体检 … 受理调处各类社会矛盾纠纷 410 余件，调处成功率达 99%.
  const SEED: Record<string, number> = {
    'legalaid.casesAssigned': 122, 'legalaid.civilCases': 40, 'legalaid.criminalCases': 82, 'legalaid.legalHelpPersonTimes': 105,
    'legalaid.lawyerTeams': 5, 'legalaid.enterprisesChecked': 18, 'mediation.disputesHandled': 413,
  };
  it.each(Object.entries(SEED))('%s for 中站区 2020 is %i, counted from records', async (id, value) => {
    const office = await t.as('office');
    expect((await office.get(`/api/v1/metrics/${id}?region=410803&year=2020`)).body.value).toBe(value);
    expect((await office.get(`/api/v1/metrics/${id}/records?region=410803&year=2020`)).body.items).toHaveLength(value);
  });
  it('mediates 99 % of the accepted disputes successfully (409 of 413)', async () => {
    const office = await t.as('office');
    expect((await office.get('/api/v1/metrics/mediation.successRate?region=410803&year=2020')).body.value).toBe(99);
  });
});

describe('demo 2020: the timeliness, referral and coverage figures', () => {
  it('are 100 % on-time decisions and assignments, 133 referrals (45 court + 33 petition + 55 police) and 100 % coverage, each from the records behind it', async () => {
    const office = await t.as('office');
    const v = async (id: string) => (await office.get(`/api/v1/metrics/${id}?region=410803&year=2020`)).body.value;
    const recs = async (id: string) => (await office.get(`/api/v1/metrics/${id}/records?region=410803&year=2020`)).body.items as { label: string }[];
    const got = Object.fromEntries(await Promise.all(['legalaid.onTimeDecisionRate', 'legalaid.onTimeAssignmentRate', 'mediation.referredDisputes', 'mediation.committeeCoverage'].map(async (id) => [id, await v(id)])));
    expect(got).toEqual({ 'legalaid.onTimeDecisionRate': 100, 'legalaid.onTimeAssignmentRate': 100, 'mediation.referredDisputes': 133, 'mediation.committeeCoverage': 100 });
    // Every subdistrict of 中站区 has its committee (全覆盖); the org records hold no village/community regions.
    expect(got['mediation.committeeCoverage']).toBe(100);
    expect(await recs('mediation.committeeCoverage')).toHaveLength(8);
    for (const id of ['legalaid.onTimeDecisionRate', 'legalaid.onTimeAssignmentRate']) {
      const r = await recs(id);
      const onTime = r.filter((x) => x.label.includes('（期限内')).length;
      expect(got[id]).toBe(Math.round((onTime / r.length) * 1000) / 10);
    }
    expect(got['mediation.referredDisputes']).toBe((await recs('mediation.referredDisputes')).length);
  });
});

describe('demo accounts have real work', () => {
  it('the subdistrict liaison kept 府城街道\'s 2020 ledger (sessions and visits) and has disputes being mediated now', async () => {
    const street = await t.as('street');
    const y2020 = (await street.get('/api/v1/mediation/disputes?year=2020&pageSize=200')).body;
    expect(y2020.total).toBeGreaterThan(30);
    const streetUser = await t.db.selectFrom('users').select('id').where('username', '=', 'street').executeTakeFirstOrThrow();
    const mine = await t.db.selectFrom('mediation_disputes').select('id').where('created_by', '=', streetUser.id).where('received_on', '<=', '2020-12-31').execute();
    expect(mine.length).toBe(y2020.total);
    const withVisit = await t.db.selectFrom('mediation_dispute_notes').select('dispute_id').where('kind', '=', 'visit').where('created_by', '=', streetUser.id).execute();
    expect(withVisit.length).toBeGreaterThan(3);
    const open = (await street.get('/api/v1/mediation/disputes?status=mediating')).body;
    expect(open.total).toBe(3);
    const todos = (await street.get('/api/v1/todos')).body;
    expect(todos.deadlines.some((d: { kind: string }) => d.kind === 'confirmation')).toBe(true);
    // The 2020 confirmation windows passed long ago: the scheduled sweep lapsed them.
    expect(todos.deadlines.every((d: { dueDate: string }) => d.dueDate > '2021-01-01')).toBe(true);
  });
  it('the legal-aid centre clerk has open applications whose 7-working-day decision falls due within three working days', async () => {
    const aid = await t.as('aid');
    const cal = await loadCalendar(t.db);
    const horizon = cal.addWorkdays(today(), 3);
    const received = (await aid.get('/api/v1/legalaid/cases?status=received')).body.items as { decisionDue: string; idNumber: string | null }[];
    expect(received.length).toBe(4);
    expect(received.filter((c) => c.decisionDue <= horizon).length).toBe(3);
    expect(received.every((c) => c.decisionDue >= today())).toBe(true);
    expect((await aid.get('/api/v1/legalaid/cases?status=granted')).body.total).toBe(2);
    const todos = (await aid.get('/api/v1/todos')).body.deadlines as { module: string }[];
    expect(todos.filter((d) => d.module === 'legalaid')).toHaveLength(6);
  });
});
