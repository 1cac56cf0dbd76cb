import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../server/test/harness.js';
import { seedAdvisors } from './advisors.js';
import { seedDisputes } from './disputes.js';
import { seedDecisions } from './decisions.js';
import { seedDemoDocuments } from './documents.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // The lawsuits the advisors represented are the disputes module's records (seeded first, as in demo/index.ts).
  await seedDisputes(t.db, t.cfg);
  await seedAdvisors(t.db, t.cfg);
  await seedDecisions(t.db, t.cfg);
  // The 5 normative documents reviewed by the firms are the documents demo's reviews, sent through the queue.
  await seedDemoDocuments(t.db, t.cfg);
}, 240_000);
afterAll(async () => t.close());

describe('demo 2020: advisors and major decisions reproduce seed §一(二)', () => {
  // seed-report.md §一(二): 与河南纳圣律师事务所和河南善博律师事务所签订法律顾问聘用合同 … 全年共代理行政诉讼案件 7 件，
  // 审核政府签订合同 15 件，审核规范性文件 5 件. The seed gives no count of major decisions; the demo decides 2.
  const SEED: Record<string, number> = {
    'advisors.firmsEngaged': 2,
    'advisors.litigationRepresented': 7,
    'advisors.contractsReviewed': 15,
    'advisors.normativeDocsReviewed': 5,
    'decisions.decided': 2,
  };
  it.each(Object.entries(SEED))('%s for 中站区 2020 equals the seed (%i)', async (id, value) => {
    const office = await t.as('office');
    const r = await office.get(`/api/v1/metrics/${id}?region=410803&year=2020`);
    expect(r.status).toBe(200);
    expect(r.body.value).toBe(value);
    const recs = await office.get(`/api/v1/metrics/${id}/records?region=410803&year=2020`);
    expect(recs.body.items).toHaveLength(value);
  });

  it('holds exactly the seed\'s 7 lawsuits, each represented by the firm recorded on it and listed (not copied) in the work log', async () => {
    expect(Number((await t.db.selectFrom('lawsuits').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(7);
    const logs = await t.db.selectFrom('advisor_work_logs').select(['lawsuit_id', 'case_ref']).where('kind', '=', 'litigation').execute();
    expect(logs.length).toBeGreaterThanOrEqual(7);
    expect(logs.every((l) => l.lawsuit_id && l.case_ref === null)).toBe(true);
    expect(new Set(logs.map((l) => l.lawsuit_id)).size).toBe(7);
  });

  it('keeps the other demo figures consistent', async () => {
    const office = await t.as('office');
    const get = async (id: string, year = 2020) => (await office.get(`/api/v1/metrics/${id}?region=410803&year=${year}`)).body.value;
    expect(await get('decisions.publicCommentCompliance')).toBe(100);
    expect(await get('decisions.catalogued')).toBe(3);
    expect(await get('advisors.reviewsOnTimeRate')).toBe(100);
    expect(await get('advisors.contractsReviewed', 2019)).toBeNull();
    const decisions = (await office.get('/api/v1/decisions?year=2020')).body;
    expect(decisions.items.map((x: { state: string }) => x.state).sort()).toEqual(['drafted', 'published', 'published']);
    const pub = await t.anon().get('/api/v1/public/decisions/catalogue?region=410803&year=2020');
    expect(pub.body.items).toHaveLength(3);
    // The demo advisor's inbox holds only requests assigned to him, or to 纳圣 without a named advisor.
    const advisor = await t.as('advisor');
    const inbox = (await advisor.get('/api/v1/advisors/reviews?pageSize=200')).body;
    expect(inbox.items.every((r: { firmName: string; advisorName: string | null }) => r.firmName === '河南纳圣律师事务所' && (r.advisorName === '周律师' || r.advisorName === null))).toBe(true);
    expect(inbox.items.some((r: { type: string }) => r.type === 'major_decision')).toBe(true);
    expect(inbox.total).toBeGreaterThan(0);
  });
});
