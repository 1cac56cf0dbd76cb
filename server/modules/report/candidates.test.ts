import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { unitsOfTypesIn } from '../org/lookup.js';
import { ASSESSED_UNIT_TYPES, bottomOf } from '../plan/assess.js';

/**
 * Section 二's candidate problems from enforcement certificates, unsatisfied suggestions/proposals and
 * the published assessment ranking, on small hand-made records of 2021 in 中站区 — with look-alikes that
 * must not count: another year, a timely renewal, an inactive officer, an unpublished round, and the
 * neighbouring 解放区's records (the report reads only its region).
 */
let t: TestApp;
let office: Client;
let u: Record<string, string>;
let zz: string;
let zzPath: string;
let jf: string;
let items: { id: string; title: string; text: string; records: { id: string; entity: string; label: string; unitName?: string | null }[] }[];

async function ok(p: Promise<{ status: number; body: any }>) {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
}

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  u = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));
  ({ id: zz, path: zzPath } = await t.db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410803').executeTakeFirstOrThrow());
  jf = (await t.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow()).id;

  // ── Enforcement certificates (report year 2021; "expiring" = by 2022-03-31).
  let no = 0;
  const officer = async (name: string, unit: string, region = zz, active = true) =>
    (await t.db.insertInto('enforcement_officers').values({ region_id: region, unit_id: u[unit], name, active }).returning('id').executeTakeFirstOrThrow()).id;
  const cert = async (officerId: string, unit: string, issued: string, expires: string, status: 'valid' | 'renewed' = 'valid', ended: string | null = null, region = zz) =>
    t.db.insertInto('enforcement_certificates').values({ region_id: region, unit_id: u[unit], officer_id: officerId, cert_no: `豫A${String(++no).padStart(5, '0')}`, kind: 'enforcement', field: '城市管理', issued_on: issued, expires_on: expires, status, ended_on: ended }).execute();
  await cert(await officer('张一', '区城市管理局'), '区城市管理局', '2016-07-01', '2021-06-30'); // expired, not renewed
  await cert(await officer('李二', '区市场监督管理局'), '区市场监督管理局', '2016-04-01', '2021-03-31', 'renewed', '2021-04-15'); // renewed 15 days late
  await cert(await officer('王三', '区城市管理局'), '区城市管理局', '2016-06-01', '2021-05-31', 'renewed', '2021-05-20'); // renewed in time
  await cert(await officer('赵四', '区城市管理局'), '区城市管理局', '2017-03-01', '2022-02-28'); // expiring by 2022-03-31
  await cert(await officer('钱五', '区城市管理局'), '区城市管理局', '2017-05-02', '2022-05-01'); // after the horizon
  await cert(await officer('孙六', '区城市管理局', zz, false), '区城市管理局', '2016-08-01', '2021-08-01'); // officer left
  const zhou = await officer('周七', '区城市管理局');
  await cert(zhou, '区城市管理局', '2016-09-30', '2021-09-30'); // a new certificate issued before expiry (no replaces link)
  await cert(zhou, '区城市管理局', '2021-09-01', '2026-09-01');
  await cert(await officer('吴八', '区城市管理局'), '区城市管理局', '2015-12-31', '2020-12-31'); // lapsed the year before
  await cert(await officer('郑九', '解放区司法局', jf), '解放区司法局', '2016-07-01', '2021-07-01', 'valid', null, jf); // another district

  // ── Suggestions and proposals received in 2021.
  let seq = 0;
  const item = (kind: 'npc_suggestion' | 'cppcc_proposal', unit: string, received: string, sat: 'satisfied' | 'unsatisfied', second: 'satisfied' | 'unsatisfied' | null = null, region = zz) =>
    t.db.insertInto('oversight_items').values({
      region_id: region, kind, number: String(++seq), session: '十届五次会议', title: `关于事项${seq}的建议`, proposers: JSON.stringify(['甲']), category: '城建',
      received_on: received, lead_unit_id: u[unit], assigned_on: received, due_date: '2021-12-31', status: second || sat !== 'unsatisfied' ? 'closed' : 'reopened',
      replied_on: received, result_class: 'A', satisfaction: sat, satisfaction_on: received,
      second_due_date: sat === 'unsatisfied' ? '2021-10-10' : null, second_replied_on: second ? '2021-09-01' : null, second_satisfaction: second,
    }).execute();
  await item('npc_suggestion', '区城市管理局', '2021-03-01', 'unsatisfied', 'satisfied'); // 第1号: satisfied after the second reply
  await item('cppcc_proposal', '区民政局', '2021-04-01', 'unsatisfied', 'unsatisfied'); // 第2号: still unsatisfied
  await item('npc_suggestion', '区城市管理局', '2021-05-01', 'satisfied'); // 第3号: satisfied
  await item('npc_suggestion', '区城市管理局', '2020-11-01', 'unsatisfied'); // 第4号: the year before
  await item('npc_suggestion', '区城市管理局', '2021-06-01', 'unsatisfied'); // 第5号: second reply due 2021-10-10
  await item('npc_suggestion', '解放区司法局', '2021-06-01', 'unsatisfied', null, jf); // 第6号: another district

  // ── Assessment 2021: round 1 (weight 40) published, round 2 (weight 60) still being scored.
  const scheme = async (region: string) => {
    const s = await t.db.insertInto('plan_assess_schemes').values({ region_id: region, year: 2021, title: '2021年度法治政府建设考核细则' }).returning('id').executeTakeFirstOrThrow();
    const node = async (level: 1 | 2 | 3, parent: string | null, method: 'manual' | 'veto' | null, points: number | null) =>
      (await t.db.insertInto('plan_assess_indicators').values({ scheme_id: s.id, region_id: region, parent_id: parent, level, seq: 1, title: `指标${level}`, points, method, measure: null, target: null, guidance: null }).returning('id').executeTakeFirstOrThrow()).id;
    const l2 = await node(2, await node(1, null, null, null), null, null);
    const round = async (weight: number, status: 'scoring' | 'published', from: string, to: string) =>
      (await t.db.insertInto('plan_assess_rounds').values({ scheme_id: s.id, region_id: region, kind: 'routine', title: `考核${from}`, period_from: from, period_to: to, weight, status, ...(status === 'published' ? { reviewed_at: new Date(), published_at: new Date() } : {}) }).returning('id').executeTakeFirstOrThrow()).id;
    return { manual: await node(3, l2, 'manual', 100), veto: await node(3, l2, 'veto', null), r1: await round(40, 'published', '2021-01-01', '2021-06-30'), r2: await round(60, 'scoring', '2021-07-01', '2021-12-31') };
  };
  const score = (region: string, round: string, itemId: string, unitId: string, awarded: number | null, vetoed: boolean | null = null) =>
    t.db.insertInto('plan_assess_scores').values({ round_id: round, item_id: itemId, region_id: region, unit_id: unitId, awarded, vetoed, reason: awarded === 100 ? null : '扣分', basis: null, scored_by: null, scored_at: new Date() }).execute();
  const s = await scheme(zz);
  const assessed = await unitsOfTypesIn(t.db, zzPath, ASSESSED_UNIT_TYPES);
  expect(assessed.length).toBeGreaterThanOrEqual(10);
  for (const x of assessed) {
    await score(zz, s.r1, s.manual, x.id, x.id === u['区城市管理局'] ? 80 : 100);
    await score(zz, s.r2, s.manual, x.id, x.id === u['区教育局'] ? 10 : 100); // unpublished: not counted
  }
  await score(zz, s.r1, s.veto, u['区民政局'], null, true);
  // 解放区: two units, one far behind — not the 中站区 report's business.
  const jfUnit = (await t.db.insertInto('units').values({ name: '解放区城市管理局', type: 'department', region_id: jf }).returning('id').executeTakeFirstOrThrow()).id;
  const j = await scheme(jf);
  await t.db.updateTable('plan_assess_rounds').set({ status: 'published', reviewed_at: new Date(), published_at: new Date() }).where('id', '=', j.r2).execute();
  await score(jf, j.r1, j.manual, u['解放区司法局'], 100);
  await score(jf, j.r1, j.manual, jfUnit, 20);

  const report = (await ok(office.post('/api/v1/reports', { regionCode: '410803', year: 2021 }))).id;
  items = (await ok(office.get(`/api/v1/reports/${report}/candidates`))).items;
});
afterAll(async () => t.close());

const find = (id: string) => {
  const c = items.find((x) => x.id === id || x.id.startsWith(`${id}.`));
  expect(c, `${id} in ${items.map((x) => x.id).join(', ')}`).toBeTruthy();
  return c!;
};

describe('section 二 candidates from enforcement, oversight and assessment records', () => {
  it('names certificates expired unrenewed, renewed late and expiring by next March, of the report’s region only', () => {
    const c = find('enforcement.certificates');
    expect(c.records.map((r) => r.label)).toEqual([
      '李二 行政执法证豫A00002（2021-03-31到期，2021-04-15换发）',
      '张一 行政执法证豫A00001（2021-06-30到期，未换发）',
      '赵四 行政执法证豫A00004（2022-02-28到期，尚未换发）',
    ]);
    expect(c.records.every((r) => r.entity === 'enforcement_officer')).toBe(true);
    expect(c.text).toBe('行政执法人员资格管理还不够到位，2021年1件行政执法证件到期后未及时换发，1件到期后逾期换发，另有1件行政执法证件将于2022年3月底前到期、尚未换发（涉及区城市管理局和区市场监督管理局），证件到期提醒和换发工作有待加强。');
  });

  it('names suggestions and proposals of the year whose proposer was not satisfied with the first reply', () => {
    const c = find('oversight.unsatisfied');
    expect(c.records.map((r) => r.label)).toEqual([
      '十届五次会议 第1号 关于事项1的建议（首次答复不满意，再次答复后满意）',
      '十届五次会议 第2号 关于事项2的建议（首次答复不满意，再次答复后不满意）',
      '十届五次会议 第5号 关于事项5的建议（首次答复不满意，再次答复期限2021-10-10）',
    ]);
    expect(c.text).toBe('建议提案办理质量还需提高，2021年交办的3件人大代表建议、政协提案，代表（委员）对首次答复不满意，其中1件经再次答复仍不满意（涉及区城市管理局和区民政局），办理过程中与代表（委员）的沟通协商有待加强。');
  });

  it('names the units at the bottom of the published rounds only (a veto zeroes the year), not the neighbour’s', async () => {
    const assessed = await unitsOfTypesIn(t.db, zzPath, ASSESSED_UNIT_TYPES);
    const n = assessed.length;
    expect(items.filter((x) => x.id.startsWith('plan.assessBottom.'))).toHaveLength(1);
    const c = find('plan.assessBottom');
    // Published round 1 only, weight 40: 100 × 0.4 = 40 for most, 80 × 0.4 = 32 for 区城市管理局, 0 for the veto.
    expect(c.records.map((r) => [r.unitName, r.label])).toEqual([
      ['区民政局', `2021年度考核得分0分，第${n}名（共${n}个单位），一票否决`],
      ['区城市管理局', `2021年度考核得分32分，第${n - 1}名（共${n}个单位）`],
    ]);
    expect(c.text).toBe(`各单位推进法治政府建设的成效还不够均衡，2021年度法治政府建设考核（已公布轮次）中，区民政局（被一票否决）和区城市管理局（32分）在${n}个被考核单位中排名靠后，相关单位的工作力度有待加强。`);
    expect(c.text).not.toContain('区教育局');
    expect(JSON.stringify(items)).not.toContain('解放区');
  });

  it('takes the last three places (ties included) of ten or more units, the last place of fewer, never the top score', () => {
    const mk = (totals: number[]) => totals.map((total, i) => ({ unit: `u${i}`, total, vetoed: total === 0, rank: 0 }));
    const names = (xs: { unit: string }[]) => xs.map((x) => x.unit);
    expect(names(bottomOf(mk([90, 80, 70, 60, 50, 40, 30, 20, 10, 5])))).toEqual(['u9', 'u8', 'u7']);
    expect(names(bottomOf(mk([90, 80, 70, 60, 50, 40, 30, 20, 20, 20, 20])))).toEqual(['u7', 'u8', 'u9', 'u10']);
    expect(names(bottomOf(mk([90, 80, 70, 70])))).toEqual(['u2', 'u3']);
    expect(names(bottomOf(mk([90, 0, 80, 70])))).toEqual(['u1']);
    expect(bottomOf(mk([90, 90, 90]))).toEqual([]);
    expect(bottomOf(mk([50]))).toEqual([]);
  });
});
