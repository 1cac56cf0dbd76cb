import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';
import { lateFee } from './service.js';
import { gradeOf } from './review.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client, officer: Client, head: Client, liaison2: Client, leader: Client, officeJf: Client;
const TEAM = '区城市管理综合执法大队';
const o: Record<string, string> = {};
const ZERO = '00000000-0000-4000-8000-000000000000';

const cert = (certNo: string, issuedOn = '2018-01-10', expiresOn = '2023-01-09') => ({ certNo, kind: 'enforcement', field: '城市管理', issuedOn, expiresOn });
const penalty = (caseNo: string, filedOn: string, officerIds: string[], extra: Record<string, unknown> = {}) => ({
  unitId: ids[TEAM], system: 'penalty', caseNo, title: `占道经营案${caseNo}`, partyName: '张某', partyKind: 'person', cause: '未经批准占用城市道路经营', filedOn, officerIds, ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  ids = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  [office, officer, head, liaison2, leader, officeJf] = await Promise.all(['office', 'officer', 'head', 'liaison2', 'leader', 'office_jf'].map((u) => t.as(u)));
  const officerUser = await t.db.selectFrom('users').select('id').where('username', '=', 'officer').executeTakeFirstOrThrow();
  const mk = async (name: string, extra: Record<string, unknown> = {}, certNo?: string, dates?: [string, string]) => {
    const r = await office.post('/api/v1/enforcement/officers', { unitId: ids[TEAM], name, ...extra });
    expect(r.status).toBe(201);
    o[name] = r.body.id;
    if (certNo) expect((await office.post(`/api/v1/enforcement/officers/${r.body.id}/certificates`, cert(certNo, ...(dates ?? [])))).status).toBe(201);
  };
  await mk('吴强', { userId: officerUser.id }, '41080300001');
  await mk('李伟', {}, '41080300002');
  await mk('赵过期', {}, '41080300003', ['2015-01-01', '2019-12-31']);
  await mk('孙审核', { legalReviewer: true, legalQualification: true }, '41080300004');
});
afterAll(async () => t.close());

describe('enforcement endpoints: boundaries', () => {
  const urls: [string, string][] = [
    ['get', '/api/v1/enforcement/bodies'], ['post', '/api/v1/enforcement/bodies'], ['get', '/api/v1/enforcement/officers'], ['post', '/api/v1/enforcement/officers'],
    ['get', '/api/v1/enforcement/cases'], ['post', '/api/v1/enforcement/cases'], ['get', `/api/v1/enforcement/cases/${ZERO}`], ['post', `/api/v1/enforcement/cases/${ZERO}/decide`],
    ['get', '/api/v1/enforcement/reviews/campaigns'], ['post', '/api/v1/enforcement/reviews/campaigns'], ['get', '/api/v1/enforcement/catalogue/items'],
    ['post', '/api/v1/enforcement/catalogue/claims'], ['get', '/api/v1/enforcement/risks'],
  ];
  it.each(urls)('%s %s answers 401 without a session', async (m, url) => {
    const a = t.anon();
    expect((m === 'get' ? await a.get(url) : await a.post(url, {})).status).toBe(401);
  });

  it('answers 400 naming each bad field of a case', async () => {
    const r = await officer.post('/api/v1/enforcement/cases', { unitId: 'x', system: 'fine', caseNo: '', title: 't', partyName: 'p', partyKind: 'person', filedOn: '2020-02-30', officerIds: [] });
    expect(r.status).toBe(400);
    expect([...new Set(r.body.error.details.fields.map((f: { path: string }) => f.path))].sort()).toEqual(['caseNo', 'filedOn', 'system', 'unitId']);
  });

  it('refuses a case handled by one officer, naming the rule (art. 42)', async () => {
    const r = await officer.post('/api/v1/enforcement/cases', penalty('中城管罚〔2020〕901号', '2020-07-03', [o['吴强']]));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('TWO_OFFICERS_REQUIRED');
    expect(r.body.error.details.fields[0].path).toBe('officerIds');
  });

  it('refuses an officer whose certificate has expired on the filing day, naming the officer', async () => {
    const r = await officer.post('/api/v1/enforcement/cases', penalty('中城管罚〔2020〕902号', '2020-07-03', [o['吴强'], o['赵过期']]));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('CERTIFICATE_NOT_VALID');
    expect(r.body.error.message).toContain('赵过期');
    expect(r.body.error.details.fields[0].path).toBe('officerIds.1');
    expect(await t.db.selectFrom('enforcement_cases').select('id').where('case_no', '=', '中城管罚〔2020〕902号').executeTakeFirst()).toBeUndefined();
  });

  it("answers 403 to another unit's liaison and to the read-only leader filing for the team", async () => {
    expect((await liaison2.post('/api/v1/enforcement/cases', penalty('中城管罚〔2020〕903号', '2020-07-03', [o['吴强'], o['李伟']]))).status).toBe(403);
    expect((await leader.post('/api/v1/enforcement/cases', penalty('中城管罚〔2020〕904号', '2020-07-03', [o['吴强'], o['李伟']]))).status).toBe(403);
  });
});

describe('a penalty case from filing to closing', () => {
  let id: string;
  it('files the case and puts the 90-day decision deadline on the to-do list, rolled past National Day (art. 60)', async () => {
    // 2020-07-03 + 90 days = 2020-10-01, a holiday (10-01..10-08) → 2020-10-09.
    const r = await officer.post('/api/v1/enforcement/cases', penalty('中城管罚〔2020〕1号', '2020-07-03', [o['吴强'], o['李伟']], { majorReasons: ['hearing'] }));
    expect(r.status).toBe(201);
    id = r.body.id;
    expect(r.body.major).toBe(true);
    expect(r.body.decisionDue).toBe('2020-10-09');
    expect(r.body.deadlines[0].basis).toContain('第六十条');
    const todos = await officer.get('/api/v1/todos');
    expect(todos.body.deadlines.some((d: { entityId: string; kind: string }) => d.entityId === id && d.kind === 'decision')).toBe(true);
  });

  it("hides the case from another unit's liaison and another district's office (404)", async () => {
    expect((await liaison2.get(`/api/v1/enforcement/cases/${id}`)).status).toBe(404);
    expect((await officeJf.get(`/api/v1/enforcement/cases/${id}`)).status).toBe(404);
    expect((await office.get(`/api/v1/enforcement/cases/${id}`)).status).toBe(200);
    expect((await liaison2.get('/api/v1/enforcement/cases')).body.total).toBe(0);
  });

  it('refuses a major decision without the legal review (art. 58), and a second filing of the same number', async () => {
    expect((await officer.post(`/api/v1/enforcement/cases/${id}/investigate`, { on: '2020-07-06' })).status).toBe(200);
    const r = await officer.post(`/api/v1/enforcement/cases/${id}/decide`, { on: '2020-09-25', decision: 'penalty', decisionNo: '中城管罚决字〔2020〕1号', signedBy: '张建国', fine: 1000 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('LEGAL_REVIEW_REQUIRED');
    expect((await officer.post('/api/v1/enforcement/cases', penalty('中城管罚〔2020〕1号', '2020-07-03', [o['吴强'], o['李伟']]))).status).toBe(409);
  });

  it('accepts the review only from a qualified reviewer who did not handle the case; a failed review sends it back', async () => {
    expect((await officer.post(`/api/v1/enforcement/cases/${id}/submit-review`, { on: '2020-09-10' })).body.status).toBe('in_review');
    const handler = await head.post(`/api/v1/enforcement/cases/${id}/review`, { reviewerId: o['李伟'], conclusion: 'pass', opinion: '同意', on: '2020-09-15' });
    expect(handler.status).toBe(404); // the head of 区城市管理局 does not see the team's cases
    const asHandler = await office.post(`/api/v1/enforcement/cases/${id}/review`, { reviewerId: o['李伟'], conclusion: 'pass', opinion: '同意', on: '2020-09-15' });
    expect(asHandler.status).toBe(400);
    expect(asHandler.body.error.code).toBe('NOT_A_REVIEWER');
    const fail = await office.post(`/api/v1/enforcement/cases/${id}/review`, { reviewerId: o['孙审核'], conclusion: 'fail', opinion: '证据不足，补充调查', on: '2020-09-15' });
    expect(fail.body.status).toBe('investigating');
    await officer.post(`/api/v1/enforcement/cases/${id}/submit-review`, { on: '2020-09-18' });
    const pass = await office.post(`/api/v1/enforcement/cases/${id}/review`, { reviewerId: o['孙审核'], conclusion: 'pass', opinion: '事实清楚，证据确凿，适用依据正确，程序合法', on: '2020-09-22' });
    expect(pass.body.status).toBe('reviewed');
    expect(pass.body.reviewerName).toBe('孙审核');
  });

  it('decides and computes the 7-working-day publicity deadline across National Day and its 调休 days', async () => {
    // 2020-09-25 (Fri) + 7 WD: 09-27 (Sun, worked)=1, 09-28=2, 09-29=3, 09-30=4, (10-01..10-08 off), 10-09=5, 10-10 (Sat, worked)=6, 10-12=7.
    const r = await officer.post(`/api/v1/enforcement/cases/${id}/decide`, { on: '2020-09-25', decision: 'penalty', decisionNo: '中城管罚决字〔2020〕1号', signedBy: '张建国', fine: 1000 });
    expect(r.status).toBe(200);
    const pub = r.body.deadlines.find((d: { kind: string }) => d.kind === 'publicity');
    expect(pub.dueDate).toBe('2020-10-12');
    expect(pub.basis).toContain('7个工作日');
    expect(r.body.deadlines.find((d: { kind: string }) => d.kind === 'decision').status).toBe('done');
    // delivery (art. 61): 7 WD → also 2020-10-12
    expect(r.body.deadlines.find((d: { kind: string }) => d.kind === 'delivery').dueDate).toBe('2020-10-12');
  });

  it('refuses a publicity date before the decision, naming the field', async () => {
    const r = await officer.post(`/api/v1/enforcement/cases/${id}/publish`, { on: '2020-09-24' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('PUBLICITY_BEFORE_DECISION');
    expect(r.body.error.details.fields[0].path).toBe('on');
    expect((await officer.post(`/api/v1/enforcement/cases/${id}/publish`, { on: '2020-09-29' })).body.publishedOn).toBe('2020-09-29');
  });

  it('serves, computes the 15-day payment deadline (art. 67) and the 3 %/day late fee (art. 72), then closes', async () => {
    // served 2020-09-16? No: served after the decision, 2020-09-28; + 15 days = 10-13 (a working day).
    const s = await officer.post(`/api/v1/enforcement/cases/${id}/serve`, { on: '2020-09-28', partyPresent: true });
    expect(s.body.deadlines.find((d: { kind: string }) => d.kind === 'payment').dueDate).toBe('2020-10-13');
    expect((await officer.post(`/api/v1/enforcement/cases/${id}/close`, { on: '2020-10-20' })).status).toBe(409);
    const e = await officer.post(`/api/v1/enforcement/cases/${id}/execute`, { on: '2020-10-23', paidOn: '2020-10-23' });
    expect(e.body.lateFee).toBe(300); // 10 days late × 3 % × 1000
    const c = await officer.post(`/api/v1/enforcement/cases/${id}/close`, { on: '2020-10-26' });
    expect(c.body.status).toBe('closed');
    expect(c.body.next).toEqual([]);
  });

  it('rolls a payment deadline ending on a holiday over and caps the late fee at the fine', () => {
    expect(lateFee(1000, '2020-10-09', '2020-12-31')).toBe(1000);
    expect(lateFee(500, '2020-10-09', '2020-10-09')).toBe(0);
  });

  it('counts the 7 working days of publicity across the extended 2020 Spring Festival', async () => {
    const r = await officer.post('/api/v1/enforcement/cases', penalty('中城管罚〔2020〕2号', '2020-01-06', [o['吴强'], o['李伟']]));
    // 2020-01-06 + 90 days = 2020-04-05 (Sunday, 清明 04-04..04-06) → 2020-04-07.
    expect(r.body.decisionDue).toBe('2020-04-07');
    await officer.post(`/api/v1/enforcement/cases/${r.body.id}/investigate`, { on: '2020-01-07' });
    const d = await officer.post(`/api/v1/enforcement/cases/${r.body.id}/decide`, { on: '2020-01-22', decision: 'no_penalty', decisionNo: '中城管不罚字〔2020〕1号', signedBy: '张建国' });
    // 01-23=1, (01-24..02-02 off), 02-03=2 … 02-07=6, 02-10=7.
    expect(d.body.deadlines.find((x: { kind: string }) => x.kind === 'publicity').dueDate).toBe('2020-02-10');
    await officer.post(`/api/v1/enforcement/cases/${r.body.id}/serve`, { on: '2020-01-23', partyPresent: true });
    expect((await officer.post(`/api/v1/enforcement/cases/${r.body.id}/execute`, { on: '2020-01-23' })).status).toBe(409);
    expect((await officer.post(`/api/v1/enforcement/cases/${r.body.id}/close`, { on: '2020-02-03' })).body.status).toBe('closed');
  });
});

describe('certificates and bodies', () => {
  it('renews a certificate: the old one stops being valid on the renewal day', async () => {
    const d = await office.get(`/api/v1/enforcement/officers/${o['李伟']}`);
    const old = d.body.certificates[0];
    const r = await office.post(`/api/v1/enforcement/certificates/${old.id}/renew`, cert('41080300012', '2020-11-20', '2025-11-19'));
    expect(r.status).toBe(201);
    const after = await office.get(`/api/v1/enforcement/officers/${o['李伟']}`);
    expect(after.body.certificates.map((c: { status: string }) => c.status)).toEqual(['valid', 'renewed']);
    const c = await officer.post('/api/v1/enforcement/cases', penalty('中城管罚〔2020〕3号', '2020-12-01', [o['吴强'], o['李伟']]));
    expect(c.body.officers.find((x: { name: string }) => x.name === '李伟').certNo).toBe('41080300012');
    expect((await office.post(`/api/v1/enforcement/certificates/${old.id}/renew`, cert('41080300013', '2020-11-21'))).status).toBe(409);
  });

  it('keeps the dated history of a field moved from one body to another', async () => {
    const a = await office.post('/api/v1/enforcement/bodies', { unitId: ids['区城市管理局'], kind: 'department', legalBasis: '《城市管理执法办法》', fields: ['城市管理', '市场监管'], since: '2019-01-01' });
    expect(a.status).toBe(201);
    const b = await office.post('/api/v1/enforcement/bodies', { unitId: ids['府城街道办事处'], kind: 'subdistrict', fields: ['城市管理'], since: '2019-01-01' });
    const m = await office.post(`/api/v1/enforcement/bodies/${a.body.id}/move-field`, { field: '市场监管', toBodyId: b.body.id, on: '2020-06-01', note: '街道综合执法改革' });
    expect(m.status).toBe(200);
    const from = m.body.items.find((x: { id: string }) => x.id === a.body.id).fields.find((f: { field: string }) => f.field === '市场监管');
    const to = m.body.items.find((x: { id: string }) => x.id === b.body.id).fields.find((f: { field: string }) => f.field === '市场监管');
    expect([from.validFrom, from.validTo, to.validFrom, to.validTo]).toEqual(['2019-01-01', '2020-05-31', '2020-06-01', null]);
    expect((await office.post(`/api/v1/enforcement/bodies/${a.body.id}/move-field`, { field: '市场监管', toBodyId: b.body.id, on: '2020-07-01' })).status).toBe(400);
    expect((await head.post('/api/v1/enforcement/bodies', { unitId: ids['区城市管理局'], kind: 'department', since: '2019-01-01' })).status).toBe(403);
  });

  it('puts certificates expiring within the reminder period on the unit and office to-dos', async () => {
    const soon = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    await office.post(`/api/v1/enforcement/officers/${o['吴强']}/certificates`, { ...cert('41080300099', '2020-01-01', soon), field: '市容环卫' });
    for (const c of [officer, office]) {
      const r = await c.get('/api/v1/todos');
      expect(r.body.items.find((i: { kind: string }) => i.kind === 'certificates')?.count).toBeGreaterThanOrEqual(1);
    }
    expect((await liaison2.get('/api/v1/todos')).body.items.find((i: { kind: string }) => i.kind === 'certificates')).toBeUndefined();
  });
});

describe('case-file review', () => {
  let campaignId: string;
  const criteria = [
    { code: 'A', name: '执法主体合法', max: 20, category: 'substantive', veto: true },
    { code: 'B', name: '事实清楚、证据确凿', max: 40, category: 'substantive' },
    { code: 'C', name: '程序合法', max: 30, category: 'procedural' },
    { code: 'D', name: '案卷制作规范', max: 10, category: 'filing' },
  ];
  it('refuses criteria that do not add up to 100', async () => {
    const r = await office.post('/api/v1/enforcement/reviews/campaigns', { year: 2020, title: 'x', criteria: criteria.slice(1), sampleSize: 2, sampleSeed: 's' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].path).toBe('criteria');
  });

  it('draws a reproducible sample of closed cases and scores it with bands and vetoes', async () => {
    const c = await office.post('/api/v1/enforcement/reviews/campaigns', { year: 2020, title: '2020年度行政执法案卷评查', criteria, sampleSize: 2, sampleSeed: 'zz-2020' });
    expect(c.status).toBe(201);
    campaignId = c.body.id;
    expect((await officer.post(`/api/v1/enforcement/reviews/campaigns/${campaignId}/sample`)).status).toBe(404);
    expect((await office.post(`/api/v1/enforcement/reviews/campaigns/${campaignId}/sample`)).body.drawn).toBe(2);
    const files = (await office.get(`/api/v1/enforcement/reviews/campaigns/${campaignId}/files`)).body.items;
    expect(files.map((f: { caseNo: string }) => f.caseNo).sort()).toEqual(['中城管罚〔2020〕1号', '中城管罚〔2020〕2号']);
    const bad = await office.post(`/api/v1/enforcement/reviews/files/${files[0].id}/score`, { reviewer: '王晓丽', on: '2020-12-10', items: [{ code: 'D', deduction: 12, problem: '卷内目录缺失' }, { code: 'B', deduction: 1, vetoed: true, problem: 'x' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['items.0.deduction', 'items.1.vetoed']);
    const good = await office.post(`/api/v1/enforcement/reviews/files/${files[0].id}/score`, { reviewer: '王晓丽', on: '2020-12-10', items: [{ code: 'D', deduction: 2, problem: '卷内目录不完整' }, { code: 'C', deduction: 5, problem: '未告知陈述申辩权利的送达回证缺页' }] });
    expect([good.body.score, good.body.grade]).toEqual([93, 'excellent']);
    expect(good.body.problems.map((p: { categoryLabel: string; dueOn: string }) => [p.categoryLabel, p.dueOn]).sort()).toEqual([['程序', '2021-01-09'], ['立卷', '2021-01-09']]);
    const veto = await office.post(`/api/v1/enforcement/reviews/files/${files[1].id}/score`, { reviewer: '王晓丽', on: '2020-12-11', items: [{ code: 'A', deduction: 0, vetoed: true, problem: '执法人员少于两人' }] });
    expect([veto.body.score, veto.body.grade]).toEqual([0, 'fail']);
    const units = await office.get(`/api/v1/enforcement/reviews/campaigns/${campaignId}/units`);
    expect(units.body.items[0]).toMatchObject({ unitName: TEAM, files: 2, average: 46.5, grade: 'fail', rank: 1 });
    // The unit rectifies its problem; another unit cannot.
    const p = good.body.problems[0].id;
    expect((await liaison2.post(`/api/v1/enforcement/reviews/problems/${p}/rectify`, { on: '2020-12-20', measure: '补齐' })).status).toBe(404);
    expect((await officer.post(`/api/v1/enforcement/reviews/problems/${p}/rectify`, { on: '2020-12-20', measure: '已补齐卷内目录' })).status).toBe(200);
  });

  it('grades by the configurable bands', () => {
    expect([gradeOf(90, { excellent: 90, pass: 60 }), gradeOf(89.9, { excellent: 90, pass: 60 }), gradeOf(59.9, { excellent: 90, pass: 60 }), gradeOf(85, { excellent: 85, pass: 70 })])
      .toEqual(['excellent', 'pass', 'fail', 'excellent']);
  });

  it('counts files reviewed and excellent from the scored files', async () => {
    const zz = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const s = await metricScopeOf(t.db, zz.id);
    expect(await getMetric('enforcement.caseFilesReviewed')!.compute(t.db, s, yearPeriod(2020))).toBe(2);
    expect(await getMetric('enforcement.excellentCaseFiles')!.compute(t.db, s, yearPeriod(2020))).toBe(1);
    expect(await getMetric('enforcement.caseFilesReviewed')!.compute(t.db, s, yearPeriod(2019))).toBe(0);
    const jf = await t.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow();
    expect(await getMetric('enforcement.caseFilesReviewed')!.compute(t.db, await metricScopeOf(t.db, jf.id), yearPeriod(2020))).toBeNull();
    const by = await getMetric('enforcement.casesFiled')!.breakdown!(t.db, s, yearPeriod(2020), 'month');
    expect(by).toEqual([{ key: '2020-01', label: '2020-01', value: 1 }, { key: '2020-07', label: '2020-07', value: 1 }, { key: '2020-12', label: '2020-12', value: 1 }]);
    expect(await getMetric('enforcement.publicityOnTimeRate')!.compute(t.db, s, yearPeriod(2020))).toBe(50); // case 1 on time, case 2 never published
  });
});

describe('the supervision catalogue', () => {
  it('counts claiming units, claims, main items covered and the coverage rate on a hand-computed catalogue', async () => {
    const items = [
      { code: 'M1', name: '对城市道路占用的监管', listedOn: '2020-04-01' }, { code: 'M2', name: '对户外广告设置的监管', listedOn: '2020-04-01' }, { code: 'M3', name: '对建筑垃圾处置的监管', listedOn: '2020-04-01' },
      { code: 'M2-1', name: '对大型户外广告设置的监管', parentCode: 'M2' }, { code: 'M2-2', name: '对门头招牌设置的监管', parentCode: 'M2' },
    ];
    expect((await officer.post('/api/v1/enforcement/catalogue/items', { items })).status).toBe(403);
    expect((await office.post('/api/v1/enforcement/catalogue/items', { items: [{ code: 'X-1', name: 'x', parentCode: 'NOPE' }] })).status).toBe(400);
    expect((await office.post('/api/v1/enforcement/catalogue/items', { items })).body.created).toBe(5);
    const list = (await head.get('/api/v1/enforcement/catalogue/items?pageSize=50')).body.items as { id: string; code: string }[];
    const id = (c: string) => list.find((x) => x.code === c)!.id;
    const claim = (c: Client, unit: string, code: string, listOn?: string) => c.post('/api/v1/enforcement/catalogue/claims', { unitId: ids[unit], itemId: id(code), claimedOn: '2020-05-10', ...(listOn ? { implementationListOn: listOn } : {}) });
    expect((await claim(head, '区城市管理局', 'M1', '2020-06-01')).status).toBe(201);
    expect((await claim(head, '区市场监督管理局', 'M2-1')).status).toBe(403);
    expect((await claim(liaison2, '区市场监督管理局', 'M2-1', '2020-06-01')).status).toBe(201);
    expect((await claim(liaison2, '区市场监督管理局', 'M2-2')).status).toBe(201);
    expect((await claim(liaison2, '区市场监督管理局', 'M2-2')).status).toBe(409);
    const zz = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const s = await metricScopeOf(t.db, zz.id);
    const v = async (m: string, y = 2020) => getMetric(`enforcement.${m}`)!.compute(t.db, s, yearPeriod(y));
    expect([await v('supervisionUnits'), await v('supervisionItemsClaimed'), await v('supervisionMainItemsCovered'), await v('supervisionCoverageRate')])
      .toEqual([2, 3, 2, 66.7]); // M1 and M2 covered of 3 main items
    expect(await v('supervisionItemsClaimed', 2019)).toBe(0);
    const summary = await office.get('/api/v1/enforcement/catalogue/summary');
    expect(summary.body).toMatchObject({ mainItems: 3, subItems: 2, claims: 3, claimingUnits: 2, mainCovered: 2 });
  });

  it('counts officers registered on the supervision system by the end of the period', async () => {
    await office.post(`/api/v1/enforcement/officers/${o['吴强']}/supervision-registration`, { on: '2020-03-01' });
    await office.post(`/api/v1/enforcement/officers/${o['李伟']}/supervision-registration`, { on: '2021-01-05' });
    const zz = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    expect(await getMetric('enforcement.supervisionOfficersRegistered')!.compute(t.db, await metricScopeOf(t.db, zz.id), yearPeriod(2020))).toBe(1);
  });

  it('keeps a unit risk list, written by the unit and hidden from other units', async () => {
    const body = { unitId: ids['区城市管理局'], riskPoint: '擅自占用城市道路', forms: '在道路上摆摊设点', legalBasis: '《城市道路管理条例》第二十七条', consequence: '责令限期改正，可处2万元以下罚款', level: 'medium', prevention: '依法申请临时占道许可' };
    expect((await head.post('/api/v1/enforcement/risks', body)).status).toBe(201);
    expect((await liaison2.post('/api/v1/enforcement/risks', body)).status).toBe(403);
    expect((await liaison2.get('/api/v1/enforcement/risks')).body.total).toBe(0);
    expect((await office.get('/api/v1/enforcement/risks')).body.items[0].levelLabel).toBe('中风险');
  });
});
