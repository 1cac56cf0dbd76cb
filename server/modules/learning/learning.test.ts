import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload } from '../../test/xlsx.js';

let t: TestApp;
let office: Client, liaison: Client, liaison2: Client, officeJf: Client, leader: Client, liaisonJf: Client;
let u: Record<string, string>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  u = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));
  [office, liaison, liaison2, officeJf, leader, liaisonJf] = await Promise.all(['office', 'liaison', 'liaison2', 'office_jf', 'leader', 'liaison_jf'].map((n) => t.as(n)));
});
afterAll(async () => t.close());

const gov = () => u['区人民政府'];

describe('learning endpoints: boundaries', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  it.each([['get', '/api/v1/learning/activities'], ['get', '/api/v1/learning/activities/export'], ['post', '/api/v1/learning/activities'], ['get', `/api/v1/learning/activities/${id}`], ['put', `/api/v1/learning/activities/${id}`]])('%s %s answers 401 without a session', async (m, url) => {
    const a = t.anon();
    const r = m === 'get' ? await a.get(url) : m === 'put' ? await a.put(url, {}) : await a.post(url, {});
    expect(r.status).toBe(401);
  });
  it('answers 400 naming each bad field', async () => {
    const r = await office.post('/api/v1/learning/activities', { kind: 'training', date: '2020-02-30', topic: 'x', participantCount: -1, unitId: gov() });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['audience', 'date', 'participantCount', 'topic']);
    const a = await office.post('/api/v1/learning/activities', { kind: 'training', date: '2020-05-01', topic: '执法培训', unitId: gov() });
    expect(a.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['audience']);
  });
  it('answers 403 for a read-only leader and 404 for another unit or district', async () => {
    expect((await leader.post('/api/v1/learning/activities', { kind: 'lecture', date: '2020-05-01', topic: '法治专题报告会', unitId: gov() })).status).toBe(403);
    expect((await liaison.post('/api/v1/learning/activities', { kind: 'lecture', date: '2020-05-01', topic: '替别的单位登记', unitId: u['区市场监督管理局'] })).status).toBe(404);
    expect((await officeJf.post('/api/v1/learning/activities', { kind: 'lecture', date: '2020-05-01', topic: '跨区登记', unitId: gov() })).status).toBe(404);
  });
});

describe('records and metrics on hand-computed data', () => {
  it('records sessions, tests, trainings and an exam, and shows each unit only its own', async () => {
    const add = async (c: Client, body: Record<string, unknown>) => {
      const r = await c.post('/api/v1/learning/activities', { unitId: gov(), ...body });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    ids.s1 = await add(office, { kind: 'executive_study', date: '2020-03-12', topic: '学习《优化营商环境条例》', participantCount: 25 });
    ids.s2 = await add(office, { kind: 'executive_study', date: '2020-06-18', topic: '学习《民法典》', participantCount: 26 });
    await add(office, { kind: 'executive_study', date: '2019-11-20', topic: '学习《政府信息公开条例》', participantCount: 24 });
    ids.test = await add(office, { kind: 'test', date: '2020-07-09', topic: '依法行政知识测试', attendees: [{ name: '甲', score: 92 }, { name: '乙', score: 85.5 }] });
    ids.tr1 = await add(office, { kind: 'training', audience: 'enforcement', date: '2020-04-15', topic: '行政执法三项制度培训', participantCount: 100 });
    ids.tr2 = await add(liaison, { kind: 'training', audience: 'enforcement', date: '2020-09-10', topic: '城管执法规范化培训', unitId: u['区城市管理局'], attendees: [{ name: '张三', unitId: u['区城市管理局'] }, { name: '李四', unitId: u['区城市管理局'] }, { name: '王五', unitId: u['区城市管理局'] }] });
    ids.exam = await add(office, { kind: 'exam', audience: 'enforcement', date: '2020-11-20', topic: '行政执法人员公共法律知识考试', attendees: [{ name: '赵一', unitId: u['区城市管理局'], score: 88, passed: true }, { name: '钱二', unitId: u['区城市管理局'], score: 59, passed: false }, { name: '孙三', unitId: u['区市场监督管理局'], score: 90, passed: true }] });
    ids.med = await add(office, { kind: 'training', audience: 'mediator', date: '2020-08-01', topic: '人民调解员业务培训', participantCount: 40 });
    await add(officeJf, { kind: 'executive_study', date: '2020-05-01', topic: '解放区常务会学法', unitId: u['解放区司法局'], participantCount: 20 });

    expect((await liaison.get('/api/v1/learning/activities')).body.items.map((a: { id: string }) => a.id)).toEqual([ids.tr2]);
    expect((await liaison2.get(`/api/v1/learning/activities/${ids.tr2}`)).status).toBe(404);
    expect((await liaisonJf.get('/api/v1/learning/activities')).body.items.map((a: { topic: string }) => a.topic)).toEqual(['解放区常务会学法']);
    expect((await officeJf.get(`/api/v1/learning/activities/${ids.s1}`)).status).toBe(404);
    expect((await liaison.put(`/api/v1/learning/activities/${ids.s1}`, { kind: 'lecture', date: '2020-03-12', topic: '改为报告会' })).status).toBe(404);
    const detail = await office.get(`/api/v1/learning/activities/${ids.exam}`);
    expect(detail.body.participants).toBe(3);
    expect(detail.body.attendees.map((a: { score: number }) => a.score).sort()).toEqual([59, 88, 90]);
    const list = await office.get('/api/v1/learning/activities?year=2020&kind=training&sort=date&order=asc');
    expect(list.body.items.map((a: { topic: string; participants: number }) => [a.topic, a.participants])).toEqual([
      ['行政执法三项制度培训', 100], ['人民调解员业务培训', 40], ['城管执法规范化培训', 3],
    ]);
    const pdf = Buffer.from('%PDF-1.4\n%%EOF');
    const res = await upload(t, office, `/api/v1/files/learning_activity/${ids.s1}`, pdf, { name: '学习材料.pdf', type: 'application/pdf' });
    expect(res.status).toBe(201);
  });

  const value = async (c: Client, id: string, year = 2020) => (await c.get(`/api/v1/metrics/${id}?region=410803&year=${year}`)).body.value;
  it('computes each learning figure from the records', async () => {
    expect(await value(office, 'learning.executiveStudySessions')).toBe(2);
    expect(await value(office, 'learning.legalTests')).toBe(1);
    expect(await value(office, 'learning.enforcementTrainings')).toBe(2);
    expect(await value(office, 'learning.enforcementTrainees')).toBe(103);
    expect(await value(office, 'learning.enforcementExamUnits')).toBe(2);
    expect(await value(office, 'learning.enforcementExamParticipants')).toBe(3);
    expect(await value(office, 'learning.mediatorTrainings')).toBe(1);
    expect(await value(office, 'learning.executiveStudySessions', 2019)).toBe(1);
    expect(await value(office, 'learning.legalTests', 2019)).toBe(0);
    expect(await value(office, 'learning.legalTests', 2018)).toBeNull();
    expect(await value(liaison, 'learning.enforcementTrainees')).toBe(3);
  });
});

describe('paging (issue 17 item 5)', () => {
  it('pages through 45 activities on one date without repeating or skipping one', async () => {
    const gov = (await t.db.selectFrom('units').select(['id', 'region_id']).where('name', '=', '区人民政府').executeTakeFirstOrThrow());
    await t.db.insertInto('learning_activities').values(Array.from({ length: 45 }, (_, i) => ({
      region_id: gov.region_id, unit_id: gov.id, kind: 'lecture' as const, audience: null, activity_date: '2020-12-01', topic: `同日报告会${i}`, speaker: null, location: null, participant_count: 10, notes: null, created_by: null,
    }))).execute();
    for (const order of ['asc', 'desc']) {
      const seen: string[] = [];
      let total = 0;
      for (let page = 1; page <= 7; page++) {
        const r = await office.get(`/api/v1/learning/activities?year=2020&kind=lecture&sort=date&order=${order}&pageSize=7&page=${page}`);
        expect(r.status).toBe(200);
        total = r.body.total;
        seen.push(...r.body.items.map((a: { id: string }) => a.id));
      }
      expect(total).toBe(45);
      expect(seen).toHaveLength(45);
      expect(new Set(seen).size).toBe(45);
    }
  });
});
