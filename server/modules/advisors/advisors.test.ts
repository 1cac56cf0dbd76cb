import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { hashPassword } from '../../core/auth/password.js';
import { DEMO_PASSWORD } from '../../../demo/org.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';
import { getReviewConclusion, requestReview } from './service.js';
import { buildActor } from '../../core/scope/index.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client;
let advisor: Client;
let advisor2: Client;
let liaison: Client;
let liaison2: Client;
let officeJf: Client;
let zhouId: string;
let wangId: string;

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  // A second advisor account at the other firm, to prove one advisor never sees another's inbox.
  const hash = await hashPassword(DEMO_PASSWORD, t.cfg.scryptN);
  const u = await t.db.insertInto('users').values({ username: 'advisor_sb', display_name: '李律师', unit_id: ids['河南善博律师事务所'], password_hash: hash }).returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('role_assignments').values({ user_id: u.id, role: 'advisor', unit_id: ids['河南善博律师事务所'] }).execute();
  office = await t.as('office');
  advisor = await t.as('advisor');
  advisor2 = await t.as('advisor_sb');
  liaison = await t.as('liaison');
  liaison2 = await t.as('liaison2');
  officeJf = await t.as('office_jf');
  const advUser = await t.db.selectFrom('users').select('id').where('username', '=', 'advisor').executeTakeFirstOrThrow();
  for (const [firm, contractNo] of [['河南纳圣律师事务所', 'ZZFG-2020-01'], ['河南善博律师事务所', 'ZZFG-2020-02']]) {
    const r = await office.post('/api/v1/advisors/engagements', {
      firmId: ids[firm], contractNo, signedOn: '2019-12-30', periodFrom: '2020-01-01', periodTo: '2020-12-31', scope: '担任区人民政府常年法律顾问', fee: 60000,
    });
    expect(r.status).toBe(201);
  }
  const zhou = await office.post('/api/v1/advisors/people', { unitId: ids['河南纳圣律师事务所'], kind: 'firm_lawyer', name: '周律师', userId: advUser.id, certificateNo: '14108201510123456', speciality: '行政法、政府合同' });
  expect(zhou.status).toBe(201);
  zhouId = zhou.body.id;
  const wang = await office.post('/api/v1/advisors/people', { unitId: ids['河南纳圣律师事务所'], kind: 'firm_lawyer', name: '王律师', certificateNo: '14108201610654321', speciality: '民商事诉讼' });
  wangId = wang.body.id;
  await office.post('/api/v1/advisors/people', { unitId: ids['河南善博律师事务所'], kind: 'firm_lawyer', name: '李律师', userId: u.id, certificateNo: '14108201210777777', speciality: '行政诉讼' });
});
afterAll(async () => t.close());

const contract = (title: string, requestedOn = '2020-03-02') => ({ type: 'contract', title, summary: '合同文本及附件', requestedOn });

describe('advisors endpoints: boundaries', () => {
  const endpoints: [string, string][] = [
    ['get', '/api/v1/advisors/engagements'], ['post', '/api/v1/advisors/engagements'],
    ['get', '/api/v1/advisors/people'], ['post', '/api/v1/advisors/people'],
    ['get', '/api/v1/advisors/reviews'], ['post', '/api/v1/advisors/reviews'], ['get', '/api/v1/advisors/reviews/export'],
    ['get', '/api/v1/advisors/reviews/00000000-0000-4000-8000-000000000000'],
    ['post', '/api/v1/advisors/reviews/00000000-0000-4000-8000-000000000000/assign'],
    ['post', '/api/v1/advisors/reviews/00000000-0000-4000-8000-000000000000/opinion'],
    ['post', '/api/v1/advisors/reviews/00000000-0000-4000-8000-000000000000/withdraw'],
    ['get', '/api/v1/advisors/worklogs'], ['post', '/api/v1/advisors/worklogs'], ['get', '/api/v1/advisors/worklogs/export'],
    ['get', '/api/v1/advisors/assessments'], ['post', '/api/v1/advisors/assessments'],
  ];
  it.each(endpoints)('%s %s answers 401 without a session', async (m, url) => {
    const a = t.anon();
    const r = m === 'get' ? await a.get(url) : await a.post(url, {});
    expect(r.status).toBe(401);
  });

  it('answers 400 naming each bad field, on every write', async () => {
    const fields = async (url: string, body: unknown) => {
      const r = await office.post(url, body);
      expect(r.status).toBe(400);
      return [...new Set(r.body.error.details.fields.map((f: { path: string }) => f.path))].sort();
    };
    expect(await fields('/api/v1/advisors/engagements', { firmId: 'x', contractNo: '', signedOn: '2020-13-01', periodFrom: '2020-01-01', periodTo: '2020-12-31', scope: '常年顾问', fee: -1 }))
      .toEqual(['contractNo', 'fee', 'firmId', 'signedOn']);
    expect(await fields('/api/v1/advisors/engagements', { firmId: ids['河南纳圣律师事务所'], contractNo: 'X-1', signedOn: '2020-01-01', periodFrom: '2020-06-01', periodTo: '2020-01-01', scope: '常年法律顾问', fee: 1 }))
      .toEqual(['periodTo']);
    expect(await fields('/api/v1/advisors/people', { unitId: ids['河南纳圣律师事务所'], kind: 'judge', name: '', certificateNo: '12', speciality: '行政' })).toEqual(['certificateNo', 'kind', 'name']);
    expect(await fields('/api/v1/advisors/reviews', { type: 'poem', title: '', requestedOn: '2020-02-30' })).toEqual(['requestedOn', 'title', 'type']);
    expect(await fields('/api/v1/advisors/reviews/00000000-0000-4000-8000-000000000000/assign', { assignedOn: '2020-03-05', dueDate: '2020-03-01' })).toEqual(['dueDate', 'firmId']);
    expect(await fields('/api/v1/advisors/reviews/00000000-0000-4000-8000-000000000000/opinion', { conclusion: 'maybe', opinion: '短', reasons: '', concludedOn: 'x' }))
      .toEqual(['concludedOn', 'conclusion', 'opinion', 'reasons']);
    expect(await fields('/api/v1/advisors/worklogs', { firmId: ids['河南纳圣律师事务所'], kind: 'litigation', workDate: '2020-05-06', title: '出庭应诉' })).toEqual(['caseRef', 'court', 'role']);
    expect(await fields('/api/v1/advisors/assessments', { firmId: ids['河南纳圣律师事务所'], year: 2020, assessedOn: '2020-12-28', criteria: [{ name: '服务质量', max: 30, score: 31 }] }))
      .toEqual(['criteria.0.score']);
    expect((await office.get('/api/v1/advisors/reviews?status=open')).status).toBe(400);
    expect((await office.get('/api/v1/advisors/reviews?sort=password')).status).toBe(400);
  });

  it('answers 403 to roles that may not do the thing at all', async () => {
    const eng = { firmId: ids['河南纳圣律师事务所'], contractNo: 'X-9', signedOn: '2020-01-01', periodFrom: '2020-01-01', periodTo: '2020-12-31', scope: '常年法律顾问', fee: 1 };
    expect((await liaison.post('/api/v1/advisors/engagements', eng)).status).toBe(403);
    expect((await advisor.post('/api/v1/advisors/engagements', eng)).status).toBe(403);
    expect((await (await t.as('leader')).post('/api/v1/advisors/engagements', eng)).status).toBe(403);
    expect((await liaison.post('/api/v1/advisors/people', { unitId: ids['河南纳圣律师事务所'], kind: 'firm_lawyer', name: '某', certificateNo: '14108201510000001', speciality: '行政' })).status).toBe(403);
    expect((await liaison.post('/api/v1/advisors/assessments', { firmId: ids['河南纳圣律师事务所'], year: 2020, assessedOn: '2020-12-28', criteria: [{ name: '服务质量', max: 30, score: 20 }] })).status).toBe(403);
    expect((await advisor.post('/api/v1/advisors/reviews', contract('广告位租赁合同'))).status).toBe(403);
    expect((await (await t.as('leader')).post('/api/v1/advisors/reviews', contract('广告位租赁合同'))).status).toBe(403);
    expect((await (await t.as('officer')).post('/api/v1/advisors/worklogs', { firmId: ids['河南纳圣律师事务所'], kind: 'consultation', workDate: '2020-05-06', title: '咨询' })).status).toBe(403);
    const r = await liaison.post('/api/v1/advisors/reviews', contract('环卫作业市场化服务合同'));
    expect(r.status).toBe(201);
    expect((await liaison.post(`/api/v1/advisors/reviews/${r.body.id}/assign`, { firmId: ids['河南纳圣律师事务所'], assignedOn: '2020-03-03', dueDate: '2020-03-13' })).status).toBe(403);
    await office.post(`/api/v1/advisors/reviews/${r.body.id}/assign`, { firmId: ids['河南纳圣律师事务所'], assignedOn: '2020-03-03', dueDate: '2020-03-13' });
    // The requesting unit reads the request but cannot write the advisor's opinion.
    expect((await liaison.post(`/api/v1/advisors/reviews/${r.body.id}/opinion`, { conclusion: 'lawful', opinion: '合同主体适格，条款合法有效。', reasons: '符合民法典', concludedOn: '2020-03-10' })).status).toBe(403);
  });

  it('answers 404 for another unit\'s or another district\'s request, alike for an unknown id', async () => {
    const r = await liaison.post('/api/v1/advisors/reviews', contract('城区道路清扫保洁服务合同'));
    const id = r.body.id;
    const unknown = await liaison2.get('/api/v1/advisors/reviews/00000000-0000-4000-8000-000000000000');
    const other = await liaison2.get(`/api/v1/advisors/reviews/${id}`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    expect((await officeJf.get(`/api/v1/advisors/reviews/${id}`)).status).toBe(404);
    expect((await officeJf.post(`/api/v1/advisors/reviews/${id}/assign`, { firmId: ids['河南纳圣律师事务所'], assignedOn: '2020-03-03', dueDate: '2020-03-13' })).status).toBe(404);
    expect((await liaison2.post(`/api/v1/advisors/reviews/${id}/withdraw`)).status).toBe(404);
    expect((await advisor.post(`/api/v1/advisors/reviews/${id}/opinion`, { conclusion: 'lawful', opinion: '合同主体适格，条款合法有效。', reasons: '符合民法典', concludedOn: '2020-03-10' })).status).toBe(404);
    expect((await officeJf.post('/api/v1/advisors/engagements', { firmId: ids['河南纳圣律师事务所'], contractNo: 'JF-1', signedOn: '2020-01-01', periodFrom: '2020-01-01', periodTo: '2020-12-31', scope: '常年法律顾问', fee: 1 })).status).toBe(400);
    expect((await officeJf.post('/api/v1/advisors/worklogs', { firmId: ids['河南纳圣律师事务所'], kind: 'consultation', workDate: '2020-05-06', title: '咨询' })).status).toBe(404);
    expect((await advisor2.post('/api/v1/advisors/worklogs', { firmId: ids['河南纳圣律师事务所'], kind: 'consultation', workDate: '2020-05-06', title: '咨询' })).status).toBe(404);
  });
});

describe('review queue rules and scope', () => {
  it('shows an advisor only what is assigned to them or to their firm; another advisor\'s request answers 404', async () => {
    const mk = async (title: string) => (await liaison.post('/api/v1/advisors/reviews', contract(title))).body.id as string;
    const toZhou = await mk('垃圾中转站运营服务合同');
    const toWang = await mk('执法车辆采购合同');
    const toNsFirm = await mk('数字城管平台运维合同');
    const toSb = await mk('渣土运输处置合同');
    const pending = await mk('停车场委托管理合同');
    expect((await office.post(`/api/v1/advisors/reviews/${toZhou}/assign`, { advisorId: zhouId, assignedOn: '2020-03-03', dueDate: '2020-03-13' })).status).toBe(200);
    await office.post(`/api/v1/advisors/reviews/${toWang}/assign`, { advisorId: wangId, assignedOn: '2020-03-03', dueDate: '2020-03-13' });
    await office.post(`/api/v1/advisors/reviews/${toNsFirm}/assign`, { firmId: ids['河南纳圣律师事务所'], assignedOn: '2020-03-03', dueDate: '2020-03-13' });
    await office.post(`/api/v1/advisors/reviews/${toSb}/assign`, { firmId: ids['河南善博律师事务所'], assignedOn: '2020-03-03', dueDate: '2020-03-13' });
    const mine = (await advisor.get('/api/v1/advisors/reviews?pageSize=200')).body;
    const titles = mine.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('垃圾中转站运营服务合同');
    expect(titles).toContain('数字城管平台运维合同');
    expect(titles).not.toContain('执法车辆采购合同');
    expect(titles).not.toContain('渣土运输处置合同');
    expect(titles).not.toContain('停车场委托管理合同');
    expect(mine.total).toBe(mine.items.length);
    expect((await advisor.get(`/api/v1/advisors/reviews/${toWang}`)).status).toBe(404);
    expect((await advisor.get(`/api/v1/advisors/reviews/${toSb}`)).status).toBe(404);
    expect((await advisor.get(`/api/v1/advisors/reviews/${pending}`)).status).toBe(404);
    expect((await advisor2.get(`/api/v1/advisors/reviews/${toZhou}`)).status).toBe(404);
    expect((await advisor2.get(`/api/v1/advisors/reviews/${toSb}`)).status).toBe(200);
    // The assignment is the advisor's to-do, due on the assigned date.
    const todos = (await advisor.get('/api/v1/todos')).body;
    const d = todos.deadlines.find((x: { entityId: string }) => x.entityId === toZhou);
    expect(d.dueDate).toBe('2020-03-13');
    expect(todos.deadlines.find((x: { entityId: string }) => x.entityId === toSb)).toBeUndefined();
    expect((await advisor2.get('/api/v1/todos')).body.deadlines.find((x: { entityId: string }) => x.entityId === toZhou)).toBeUndefined();
    expect(todos.items.find((i: { kind: string }) => i.kind === 'inbox').count).toBeGreaterThanOrEqual(2);
    // The advisor writes the opinion; the to-do closes; a second opinion is refused.
    const op = await advisor.post(`/api/v1/advisors/reviews/${toZhou}/opinion`, { conclusion: 'lawful_if_amended', opinion: '第七条违约责任约定不对等，建议修改后签订。', reasons: '《民法典》第五百八十五条', concludedOn: '2020-03-10' });
    expect(op.status).toBe(200);
    expect(op.body.conclusionLabel).toBe('修改后合法');
    expect((await advisor.get('/api/v1/todos')).body.deadlines.find((x: { entityId: string }) => x.entityId === toZhou)).toBeUndefined();
    expect((await advisor.post(`/api/v1/advisors/reviews/${toZhou}/opinion`, { conclusion: 'lawful', opinion: '再次出具意见的文本。', reasons: '无新理由补充', concludedOn: '2020-03-11' })).status).toBe(409);
    // The requesting unit sees the opinion.
    expect((await liaison.get(`/api/v1/advisors/reviews/${toZhou}`)).body.opinion).toContain('第七条');
  });

  it('refuses to assign to a firm without an engagement on the assignment date', async () => {
    const id = (await liaison.post('/api/v1/advisors/reviews', contract('绿化养护合同', '2019-06-01'))).body.id;
    const r = await office.post(`/api/v1/advisors/reviews/${id}/assign`, { firmId: ids['河南纳圣律师事务所'], assignedOn: '2019-06-02', dueDate: '2019-06-12' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('FIRM_NOT_ENGAGED');
  });

  it('lets other modules request a review in their transaction and read its conclusion', async () => {
    const user = await t.db.selectFrom('users').selectAll().where('username', '=', 'office').executeTakeFirstOrThrow();
    const actor = await buildActor(t.db, user, null);
    const subject = '11111111-1111-4111-8111-111111111111';
    const row = await t.db.transaction().execute((trx) =>
      requestReview(trx, actor, {
        type: 'normative_document', subjectEntity: 'normative_document', subjectId: subject, unitId: ids['区城市管理局'], title: '关于加强城区户外广告管理的通知（送审稿）', requestedOn: '2020-04-01',
        assign: { advisorId: zhouId, assignedOn: '2020-04-01', dueDate: '2020-04-10' },
      }),
    );
    let c = await getReviewConclusion(t.db, actor, row.id);
    expect(c).toMatchObject({ status: 'assigned', conclusion: null, dueDate: '2020-04-10', advisorName: '周律师', firmName: '河南纳圣律师事务所' });
    await advisor.post(`/api/v1/advisors/reviews/${row.id}/opinion`, { conclusion: 'unlawful', opinion: '第五条设定罚款无上位法依据，不得出台。', reasons: '《行政处罚法》第十四条', concludedOn: '2020-04-08' });
    c = await getReviewConclusion(t.db, actor, row.id);
    expect(c).toMatchObject({ status: 'concluded', conclusion: 'unlawful', concludedOn: '2020-04-08' });
    expect(await getReviewConclusion(t.db, actor, '00000000-0000-4000-8000-000000000000')).toBeNull();
    // Scoped by the reader: another district's office does not read this district's review.
    const jf = await buildActor(t.db, await t.db.selectFrom('users').selectAll().where('username', '=', 'office_jf').executeTakeFirstOrThrow(), null);
    expect(await getReviewConclusion(t.db, jf, row.id)).toBeNull();
    // A review owned by a procedure is withdrawn there, not from the queue.
    const r2 = await t.db.transaction().execute((trx) => requestReview(trx, actor, { type: 'normative_document', subjectEntity: 'normative_document', subjectId: subject, unitId: ids['区城市管理局'], title: '第二稿', requestedOn: '2020-04-20' }));
    expect((await office.post(`/api/v1/advisors/reviews/${r2.id}/withdraw`)).status).toBe(409);
  });

  it('keeps litigation work logs visible to the firm and the represented unit only', async () => {
    const w = await advisor.post('/api/v1/advisors/worklogs', {
      firmId: ids['河南纳圣律师事务所'], advisorId: zhouId, clientUnitId: ids['区城市管理局'], kind: 'litigation', workDate: '2020-06-18',
      title: '代理区城市管理局行政强制纠纷案出庭应诉', caseRef: '（2020）豫0811行初45号', court: '焦作市山阳区人民法院', role: 'defendant_agent', hours: 6,
    });
    expect(w.status).toBe(201);
    expect(w.body.firmName).toBe('河南纳圣律师事务所');
    expect((await liaison.get('/api/v1/advisors/worklogs')).body.items.map((x: { id: string }) => x.id)).toContain(w.body.id);
    expect((await liaison2.get('/api/v1/advisors/worklogs')).body.items.map((x: { id: string }) => x.id)).not.toContain(w.body.id);
    expect((await advisor2.get('/api/v1/advisors/worklogs')).body.total).toBe(0);
    expect((await officeJf.get('/api/v1/advisors/worklogs')).body.total).toBe(0);
  });

  it('scores the annual assessment from its criteria and grades it', async () => {
    const r = await office.post('/api/v1/advisors/assessments', {
      firmId: ids['河南纳圣律师事务所'], year: 2020, assessedOn: '2020-12-28',
      criteria: [{ name: '出具法律意见质量', max: 40, score: 37 }, { name: '办理时效', max: 30, score: 27.5 }, { name: '出庭应诉', max: 30, score: 24 }],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ total: 88.5, maxTotal: 100, grade: 'competent', gradeLabel: '称职' });
    expect((await office.post('/api/v1/advisors/assessments', { firmId: ids['河南纳圣律师事务所'], year: 2020, assessedOn: '2020-12-29', criteria: [{ name: '质量', max: 100, score: 95 }] })).status).toBe(409);
    expect((await office.post('/api/v1/advisors/assessments', { firmId: ids['河南纳圣律师事务所'], year: 2018, assessedOn: '2018-12-29', criteria: [{ name: '质量', max: 100, score: 95 }] })).body.error.code).toBe('FIRM_NOT_ENGAGED');
    expect((await advisor.get('/api/v1/advisors/assessments')).body.items).toHaveLength(1);
    expect((await advisor2.get('/api/v1/advisors/assessments')).body.items).toHaveLength(0);
  });

  it('exports the review ledger of the caller\'s scope', async () => {
    const r = await advisor.get('/api/v1/advisors/reviews/export');
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('spreadsheetml');
  });
});

describe('advisors metrics on hand-computed data', () => {
  it('counts exactly what each definition says', async () => {
    // A fresh app: 1 firm engaged 2020-07-01..2021-06-30, the other 2019 only; 3 contracts (2 concluded in 2020,
    // 1 concluded 2021-01-05), 1 normative doc concluded 2020, 1 withdrawn; lawsuits below.
    const t2 = await createTestApp();
    try {
      const u = Object.fromEntries((await t2.db.selectFrom('units').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));
      const region = (await t2.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow()).id;
      const jf = (await t2.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow()).id;
      const scope = await metricScopeOf(t2.db, region);
      const y = yearPeriod(2020);
      const m = (id: string) => getMetric(id)!;
      expect(await m('advisors.firmsEngaged').compute(t2.db, scope, y)).toBeNull();
      expect(await m('advisors.contractsReviewed').compute(t2.db, scope, y)).toBeNull();
      const o = await t2.as('office');
      const l = await t2.as('liaison');
      await o.post('/api/v1/advisors/engagements', { firmId: u['河南纳圣律师事务所'], contractNo: 'A-1', signedOn: '2020-06-28', periodFrom: '2020-07-01', periodTo: '2021-06-30', scope: '常年法律顾问', fee: 50000 });
      await o.post('/api/v1/advisors/engagements', { firmId: u['河南善博律师事务所'], contractNo: 'B-1', signedOn: '2019-01-01', periodFrom: '2019-01-01', periodTo: '2019-12-31', scope: '常年法律顾问', fee: 40000 });
      const ns = u['河南纳圣律师事务所'];
      const conclude = async (type: string, title: string, on: string) => {
        const id = (await l.post('/api/v1/advisors/reviews', { type, title, requestedOn: '2020-07-02' })).body.id;
        await o.post(`/api/v1/advisors/reviews/${id}/assign`, { firmId: ns, assignedOn: '2020-07-03', dueDate: '2020-12-31' });
        if (on) expect((await o.post(`/api/v1/advisors/reviews/${id}/opinion`, { conclusion: 'lawful', opinion: '经审查，合法有效。', reasons: '符合规定', concludedOn: on })).body).toMatchObject({ status: 'concluded' });
        return id;
      };
      await conclude('contract', '保洁服务合同', '2020-08-01');
      await conclude('contract', '绿化养护合同', '2020-12-31');
      await conclude('contract', '设备采购合同', '2021-01-05');
      await conclude('normative_document', '规范性文件一号', '2020-09-09');
      await conclude('contract', '合同四（未办结）', '');
      const wd = (await l.post('/api/v1/advisors/reviews', { type: 'contract', title: '撤回的合同', requestedOn: '2020-07-02' })).body.id;
      await l.post(`/api/v1/advisors/reviews/${wd}/withdraw`);
      // Lawsuits are the disputes module's records; representation is the firm recorded on each. Three in 2020
      // (one without a firm), one handled in 2019 only (closed? no: received 2019, so it is carried over into
      // 2020 as well), one received 2021. The work log lists a lawsuit twice: counted once.
      const suit = async (caseNo: string, received: string, firm?: string) =>
        (await o.post('/api/v1/disputes/lawsuits', {
          caseNo, courtName: '焦作市山阳区人民法院', defendantUnitId: u['区城市管理局'], plaintiffName: '王某', plaintiffType: 'natural',
          actChallenged: '限期拆除决定', caseType: '行政处罚', complaintReceivedDate: received, ...(firm ? { advisorUnitId: firm, advisorName: '周律师' } : {}),
        })).body.id as string;
      const s1 = await suit('（2020）豫0811行初1号', '2020-07-20', ns);
      await suit('（2020）豫0811行初2号', '2020-09-20', ns);
      await suit('（2020）豫0811行初3号', '2020-10-20');
      await suit('（2019）豫0811行初9号', '2019-11-01', ns);
      await suit('（2021）豫0811行初1号', '2021-03-01', ns);
      const lit = (lawsuitId: string, workDate: string) => o.post('/api/v1/advisors/worklogs', { firmId: ns, kind: 'litigation', workDate, title: '出庭', lawsuitId, role: 'defendant_agent' });
      expect((await lit(s1, '2020-08-01')).status).toBe(201);
      expect((await lit(s1, '2020-09-01')).body.caseRef).toBe('（2020）豫0811行初1号');
      // Another firm cannot list a lawsuit it does not represent.
      const other = await o.post('/api/v1/advisors/worklogs', { firmId: u['河南善博律师事务所'], kind: 'litigation', workDate: '2020-08-01', title: '出庭', lawsuitId: s1, role: 'defendant_agent' });
      expect(other.status).toBe(400);
      expect(other.body.error.code).toBe('LAWSUIT_OTHER_FIRM');
      expect(await m('advisors.firmsEngaged').compute(t2.db, scope, y)).toBe(1);
      expect(await m('advisors.firmsEngaged').compute(t2.db, scope, yearPeriod(2019))).toBe(1);
      expect(await m('advisors.firmsEngaged').compute(t2.db, scope, yearPeriod(2021))).toBe(1);
      expect(await m('advisors.contractsReviewed').compute(t2.db, scope, y)).toBe(2);
      expect(await m('advisors.contractsReviewed').compute(t2.db, scope, yearPeriod(2021))).toBe(1);
      expect(await m('advisors.normativeDocsReviewed').compute(t2.db, scope, y)).toBe(1);
      // 2020: 行初1号, 行初2号 and the carried-over 2019 case (行初3号 has no firm) = 3; 2019: 1; 2021: all open ones = 4.
      expect(await m('advisors.litigationRepresented').compute(t2.db, scope, y)).toBe(3);
      expect(await m('advisors.litigationRepresented').compute(t2.db, scope, yearPeriod(2019))).toBe(1);
      expect(await m('advisors.litigationRepresented').compute(t2.db, scope, yearPeriod(2021))).toBe(4);
      expect((await m('advisors.litigationRepresented').records(t2.db, scope, y)).map((r) => r.entity)).toEqual(['lawsuit', 'lawsuit', 'lawsuit']);
      expect(await m('advisors.reviewsOnTimeRate').compute(t2.db, scope, y)).toBe(100);
      expect((await m('advisors.contractsReviewed').records(t2.db, scope, y)).map((r) => r.label)).toEqual(['保洁服务合同', '绿化养护合同']);
      // Another district has no data: null, not 0.
      expect(await m('advisors.contractsReviewed').compute(t2.db, await metricScopeOf(t2.db, jf), y)).toBeNull();
      expect(await m('advisors.firmsEngaged').compute(t2.db, scope, yearPeriod(2022))).toBeNull();
      // Over the API, with scope.
      const api = await o.get('/api/v1/metrics/advisors.contractsReviewed?region=410803&year=2020');
      expect(api.body.value).toBe(2);
    } finally {
      await t2.close();
    }
  });
});
