import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client, liaison: Client, liaison2: Client, street: Client, officeJf: Client, leader: Client;

const NIL = '00000000-0000-4000-8000-000000000000';
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));

  [office, liaison, liaison2, street, officeJf, leader] = await Promise.all(['office', 'liaison', 'liaison2', 'street', 'office_jf', 'leader'].map((u) => t.as(u)));
});
afterAll(async () => t.close());

const item = (over: Record<string, unknown> = {}) => ({
  kind: 'npc_suggestion', number: String(++seq), session: '区十一届人大五次会议', title: `关于加强城区背街小巷环境整治的建议${seq}`,
  proposers: ['张伟', '李娜'], category: '城乡建设', receivedOn: '2020-03-20', ...over,
});
async function registered(over: Record<string, unknown> = {}) {
  const r = await office.post('/api/v1/oversight/items', item(over));
  expect(r.status).toBe(201);
  return r.body;
}
async function assigned(over: Record<string, unknown> = {}, assign: Record<string, unknown> = {}) {
  const it = await registered(over);
  const r = await office.post(`/api/v1/oversight/items/${it.id}/assign`, { leadUnitId: ids['区城市管理局'], coUnitIds: [ids['区市场监督管理局']], assignedOn: '2020-04-10', ...assign });
  expect(r.status).toBe(200);
  return r.body;
}
const coOf = (body: any) => body.assignments.find((a: any) => a.role === 'co');
const leadOf = (body: any) => body.assignments.find((a: any) => a.role === 'lead');

describe('suggestions and proposals: boundaries', () => {
  const endpoints: [string, string][] = [
    ['get', '/api/v1/oversight/items'], ['post', '/api/v1/oversight/items'], ['get', `/api/v1/oversight/items/${NIL}`],
    ['post', `/api/v1/oversight/items/${NIL}/assign`], ['post', `/api/v1/oversight/items/${NIL}/contacts`], ['post', `/api/v1/oversight/items/${NIL}/reply`],
    ['post', `/api/v1/oversight/items/${NIL}/satisfaction`], ['post', `/api/v1/oversight/assignments/${NIL}/return`], ['post', `/api/v1/oversight/assignments/${NIL}/opinion`],
  ];
  it.each(endpoints)('%s %s answers 401 without a session', async (m, url) => {
    const a = t.anon();
    expect((m === 'get' ? await a.get(url) : await a.post(url, {})).status).toBe(401);
  });

  it('answers 400 naming each bad field', async () => {
    const fields = async (url: string, body: unknown) => {
      const r = await office.post(url, body);
      expect(r.status).toBe(400);
      return [...new Set(r.body.error.details.fields.map((f: { path: string }) => f.path))].sort();
    };
    expect(await fields('/api/v1/oversight/items', { kind: 'letter', number: '', session: '五次会议', title: '建议', proposers: [], category: '城建', receivedOn: '2020-02-30' }))
      .toEqual(['kind', 'number', 'proposers', 'receivedOn']);
    expect(await fields(`/api/v1/oversight/items/${NIL}/assign`, { leadUnitId: ids['区城市管理局'], coUnitIds: [ids['区城市管理局']], assignedOn: '2020-04-10', hard: true }))
      .toEqual(['coUnitIds', 'hardReason']);
    expect(await fields(`/api/v1/oversight/items/${NIL}/reply`, { repliedOn: '2020-05-01', resultClass: 'E', reply: '' })).toEqual(['reply', 'resultClass']);
    expect(await fields(`/api/v1/oversight/items/${NIL}/satisfaction`, { recordedOn: '2020-05-01', satisfaction: 'happy' })).toEqual(['satisfaction']);
    expect((await office.get('/api/v1/oversight/items?sort=password')).status).toBe(400);
  });

  it('answers 403 to roles that may not register, assign or rate', async () => {
    expect((await liaison.post('/api/v1/oversight/items', item())).status).toBe(403);
    expect((await leader.post('/api/v1/oversight/items', item())).status).toBe(403);
    const it = await registered();
    // Region readers see it but may not assign it.
    expect((await leader.get(`/api/v1/oversight/items/${it.id}`)).status).toBe(200);
    expect((await leader.post(`/api/v1/oversight/items/${it.id}/assign`, { leadUnitId: ids['区城市管理局'], assignedOn: '2020-04-10' })).status).toBe(403);
    const a = await assigned();
    // The lead unit may not record the proposer's satisfaction with its own reply.
    expect((await liaison.post(`/api/v1/oversight/items/${a.id}/satisfaction`, { recordedOn: '2020-06-01', satisfaction: 'satisfied' })).status).toBe(403);
    // A co-unit reads the item but may not reply in the lead's place.
    expect((await liaison2.get(`/api/v1/oversight/items/${a.id}`)).status).toBe(200);
    expect((await liaison2.post(`/api/v1/oversight/items/${a.id}/reply`, { repliedOn: '2020-06-01', resultClass: 'A', reply: '已解决' })).status).toBe(403);
  });

  it('answers 404 for an item not assigned to the unit or in another district, alike for an unknown id', async () => {
    const a = await assigned();
    const unknown = await street.get(`/api/v1/oversight/items/${NIL}`);
    const other = await street.get(`/api/v1/oversight/items/${a.id}`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    expect((await officeJf.get(`/api/v1/oversight/items/${a.id}`)).status).toBe(404);
    expect((await officeJf.post(`/api/v1/oversight/items/${a.id}/satisfaction`, { recordedOn: '2020-06-01', satisfaction: 'satisfied' })).status).toBe(404);
    expect((await street.post(`/api/v1/oversight/assignments/${leadOf(a).id}/return`, { returnedOn: '2020-04-12', reason: '不属于本单位职责' })).status).toBe(404);
    // Lists are scoped in SQL: the subdistrict sees none of them, the co-unit only its own.
    expect((await street.get('/api/v1/oversight/items')).body.total).toBe(0);
    const mine = await liaison2.get('/api/v1/oversight/items?pageSize=200');
    expect(mine.body.items.map((x: any) => x.id)).toContain(a.id);
    expect((await officeJf.get('/api/v1/oversight/items')).body.total).toBe(0);
  });

  it('refuses a duplicate number within a session with a clear 409', async () => {
    await registered({ number: 'D-1' });
    const r = await office.post('/api/v1/oversight/items', item({ number: 'D-1' }));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ITEM_NUMBER_TAKEN');
  });
});

describe('suggestions and proposals: handling rules', () => {
  it('runs assignment → co-opinion → contact → reply → dissatisfaction → second reply → closed', async () => {
    const a = await assigned({ kind: 'cppcc_proposal', number: 'P-35' });
    expect(a.status).toBe('assigned');
    // 2020-04-10 + 3 months = 2020-07-10 (Friday), 代表法 第五十一条.
    expect(a.dueDate).toBe('2020-07-10');
    expect(leadOf(a).returnBy).toBe('2020-04-20');
    expect(coOf(a).opinionDue).toBe('2020-05-11'); // 2020-05-10 is a Sunday → Monday
    // The lead cannot reply before the co-unit's opinion, nor without contacting the proposer.
    let r = await liaison.post(`/api/v1/oversight/items/${a.id}/reply`, { repliedOn: '2020-06-20', resultClass: 'B', reply: '已列入明年计划' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CO_OPINIONS_PENDING');
    r = await liaison2.post(`/api/v1/oversight/assignments/${coOf(a).id}/opinion`, { opinionOn: '2020-05-06', opinion: '同意主办单位意见，市场监管方面将配合开展占道经营整治。' });
    expect(r.status).toBe(200);
    expect(coOf(r.body).opinionOn).toBe('2020-05-06');
    r = await liaison.post(`/api/v1/oversight/items/${a.id}/reply`, { repliedOn: '2020-06-20', resultClass: 'B', reply: '已列入明年计划' });
    expect(r.body.error.code).toBe('CONTACT_REQUIRED');
    r = await liaison.post(`/api/v1/oversight/items/${a.id}/contacts`, { contactedOn: '2020-06-15', method: 'face_to_face', note: '与提案人当面沟通办理思路' });
    expect(r.status).toBe(200);
    r = await liaison.post(`/api/v1/oversight/items/${a.id}/reply`, { repliedOn: '2020-06-20', resultClass: 'B', reply: '已列入明年计划' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('replied');
    const dl = await t.db.selectFrom('deadlines').select(['status']).where('entity_id', '=', a.id).where('kind', '=', 'reply').executeTakeFirstOrThrow();
    expect(dl.status).toBe('done');
    // Dissatisfaction reopens it with a second reply due 3 months later (2020-07-01 → 2020-10-01 → after National Day 10-09).
    r = await office.post(`/api/v1/oversight/items/${a.id}/satisfaction`, { recordedOn: '2020-07-01', satisfaction: 'unsatisfied' });
    expect(r.body.status).toBe('reopened');
    expect(r.body.secondDueDate).toBe('2020-10-09');
    const open = await t.db.selectFrom('deadlines').select(['unit_id', 'status']).where('entity_id', '=', a.id).where('kind', '=', 'second_reply').executeTakeFirstOrThrow();
    expect(open).toEqual({ unit_id: ids['区城市管理局'], status: 'open' });
    // The second reply also needs a contact after the dissatisfaction.
    r = await liaison.post(`/api/v1/oversight/items/${a.id}/reply`, { repliedOn: '2020-08-20', resultClass: 'A', reply: '已完成整治' });
    expect(r.body.error.code).toBe('CONTACT_REQUIRED');
    await liaison.post(`/api/v1/oversight/items/${a.id}/contacts`, { contactedOn: '2020-08-10', method: 'site_visit', note: '邀请提案人现场察看' });
    r = await liaison.post(`/api/v1/oversight/items/${a.id}/reply`, { repliedOn: '2020-08-20', resultClass: 'A', reply: '已完成整治' });
    expect(r.body.status).toBe('replied');
    expect(r.body.resultClass).toBe('A');
    r = await office.post(`/api/v1/oversight/items/${a.id}/satisfaction`, { recordedOn: '2020-09-01', satisfaction: 'satisfied' });
    expect(r.body.status).toBe('closed');
    expect(r.body.satisfaction).toBe('satisfied');
    // Every step is in the audit log.
    const actions = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'oversight_item').where('entity_id', '=', a.id).orderBy('seq').execute();
    expect(actions.map((x) => x.action)).toEqual(['register', 'assign', 'contact', 'reply', 'satisfaction', 'contact', 'second_reply', 'second_satisfaction']);
  });

  it('computes the reply deadline across a month end and holidays, 6 months for a hard item only with its reason', async () => {
    // 2020-11-30 + 3 months: February has no 30th → 2021-02-28 (民法典 第二百零二条), a Sunday → 2021-03-01 (第二百零三条).
    const a = await assigned({}, { assignedOn: '2020-11-30' });
    expect(a.dueDate).toBe('2021-03-01');
    // 2020-04-01 + 6 months = 2020-10-01, National Day; the holiday runs to 10-08 → 2020-10-09.
    const h = await assigned({}, { assignedOn: '2020-04-01', hard: true, hardReason: '涉及多个部门和专项资金，处理难度大' });
    expect(h.dueDate).toBe('2020-10-09');
    expect(h.hard).toBe(true);
    expect(h.hardReason).toContain('处理难度大');
    const d = await t.db.selectFrom('deadlines').select(['due_date', 'basis', 'unit_id']).where('entity_id', '=', h.id).where('kind', '=', 'reply').executeTakeFirstOrThrow();
    expect(d.due_date).toBe('2020-10-09');
    expect(d.basis).toContain('第五十一条');
    expect(d.unit_id).toBe(ids['区城市管理局']);
  });

  it('puts the reply due on the lead unit’s to-do list', async () => {
    await assigned({ title: '关于增设城区公共停车泊位的建议' }, { assignedOn: '2020-05-06' });
    const r = await liaison.get('/api/v1/todos');
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).toContain('关于增设城区公共停车泊位的建议');
    const s = await street.get('/api/v1/todos');
    expect(JSON.stringify(s.body)).not.toContain('关于增设城区公共停车泊位的建议');
  });

  it('lets a unit return a wrong assignment within the window with its reason, and not after', async () => {
    const a = await assigned({}, { assignedOn: '2020-09-25' });
    // 10 natural days from 2020-09-25 = 10-05, inside National Day → 10-09.
    expect(leadOf(a).returnBy).toBe('2020-10-09');
    let r = await liaison.post(`/api/v1/oversight/assignments/${leadOf(a).id}/return`, { returnedOn: '2020-10-12', reason: '该事项属于区住房和城乡建设局职责' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('RETURN_WINDOW_PASSED');
    r = await liaison.post(`/api/v1/oversight/assignments/${leadOf(a).id}/return`, { returnedOn: '2020-10-09', reason: '该事项属于区住房和城乡建设局职责' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'returned', returnedOn: '2020-10-09', itemId: a.id, itemVisible: false });
    r = await office.get(`/api/v1/oversight/items/${a.id}`);
    expect(r.body.status).toBe('registered');
    expect(r.body.leadUnitId).toBeNull();
    expect(r.body.dueDate).toBeNull();
    const dl = await t.db.selectFrom('deadlines').select('status').where('entity_id', '=', a.id).where('kind', '=', 'reply').executeTakeFirstOrThrow();
    expect(dl.status).toBe('cancelled');
    // The returning unit no longer sees it; the office re-assigns it.
    expect((await liaison.get(`/api/v1/oversight/items/${a.id}`)).status).toBe(404);
    r = await office.post(`/api/v1/oversight/items/${a.id}/assign`, { leadUnitId: ids['区住房和城乡建设局'], assignedOn: '2020-10-12' });
    expect(r.status).toBe(200);
    expect(r.body.dueDate).toBe('2021-01-12');
    // The co-unit assignment stays; a co-unit return just removes it.
    const co = coOf(r.body);
    r = await liaison2.post(`/api/v1/oversight/assignments/${co.id}/return`, { returnedOn: '2020-10-09', reason: '不涉及市场监管职责' });
    expect(r.status).toBe(200);
    expect(r.body.itemVisible).toBe(false);
    expect((await liaison2.get(`/api/v1/oversight/items/${a.id}`)).status).toBe(404);
    // A return without a reason is refused naming the field.
    const b = await assigned();
    r = await liaison.post(`/api/v1/oversight/assignments/${leadOf(b).id}/return`, { returnedOn: '2020-04-12', reason: '' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].path).toBe('reason');
  });

  it('refuses a reply without a lead unit and a satisfaction before the reply, naming the field and saving nothing', async () => {
    const it = await registered();
    let r = await office.post(`/api/v1/oversight/items/${it.id}/reply`, { repliedOn: '2020-05-01', resultClass: 'A', reply: '已解决' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('REPLY_WITHOUT_LEAD');
    expect(r.body.error.details.fields[0].path).toBe('leadUnitId');
    r = await office.post(`/api/v1/oversight/items/${it.id}/satisfaction`, { recordedOn: '2020-05-01', satisfaction: 'satisfied' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('SATISFACTION_BEFORE_REPLY');
    expect(r.body.error.details.fields[0].path).toBe('satisfaction');
    const row = await t.db.selectFrom('oversight_items').select(['status', 'replied_on', 'satisfaction']).where('id', '=', it.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'registered', replied_on: null, satisfaction: null });
  });
});

describe('suggestions and proposals: metrics on hand-computed data', () => {
  it('counts by kind and computes satisfaction from final opinions, null when none', async () => {
    // A district of its own so the figures are exactly these records.
    const city = await t.db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410800').executeTakeFirstOrThrow();
    const r = await t.db.insertInto('regions').values({ code: '410811', name: '山阳区', level: 'district', parent_id: city.id, path: `${city.path}/410811` }).returning('id').executeTakeFirstOrThrow();
    const u = await t.db.insertInto('units').values({ name: '山阳区城市管理局', type: 'department', region_id: r.id }).returning('id').executeTakeFirstOrThrow();
    const scope = await metricScopeOf(t.db, r.id);
    const p = yearPeriod(2020);
    const m = (id: string) => getMetric(id)!.compute(t.db, scope, p);
    expect(await m('oversight.npcSuggestions')).toBeNull();
    expect(await m('oversight.satisfactionRate')).toBeNull();
    const mk = async (kind: string, receivedOn: string, sat: string | null, second: string | null = null) =>
      t.db.insertInto('oversight_items').values({
        region_id: r.id, kind: kind as 'npc_suggestion', number: String(++seq), session: '五次会议', title: '建议', proposers: JSON.stringify(['甲']), category: '城建',
        received_on: receivedOn, lead_unit_id: u.id, assigned_on: receivedOn, due_date: '2020-12-31', status: sat ? 'closed' : 'assigned',
        replied_on: sat ? '2020-06-01' : null, satisfaction: sat as 'satisfied' | null, satisfaction_on: sat ? '2020-06-10' : null,
        second_replied_on: second ? '2020-08-01' : null, second_satisfaction: second as 'satisfied' | null,
      }).execute();
    await mk('npc_suggestion', '2020-03-01', 'satisfied');
    await mk('npc_suggestion', '2020-03-02', 'basically');
    await mk('npc_suggestion', '2020-03-03', 'unsatisfied', 'satisfied'); // satisfied after the second reply
    await mk('cppcc_proposal', '2020-03-04', 'unsatisfied'); // second reply pending: counts as unsatisfied
    await mk('cppcc_proposal', '2020-03-05', null); // not rated: outside the rate
    await mk('cppcc_proposal', '2019-12-30', 'satisfied'); // previous year
    expect(await m('oversight.npcSuggestions')).toBe(3);
    expect(await m('oversight.cppccProposals')).toBe(2);
    // 3 of 4 rated in 2020 are satisfied or basically satisfied in the end: 75 %.
    expect(await m('oversight.satisfactionRate')).toBe(75);
    expect(await m('oversight.onTimeReplyRate')).toBe(100);
    expect(await m('oversight.contactRate')).toBe(0);
    expect((await getMetric('oversight.satisfactionRate')!.records(t.db, scope, p)).length).toBe(4);
    const byStatus = await getMetric('oversight.cppccProposals')!.breakdown!(t.db, scope, p, 'status');
    expect(byStatus.map((b) => [b.label, b.value])).toEqual([['办理中', 1], ['已办结', 1]]);
  });
});


describe('suggestions and proposals: deadlines in the reader’s language', () => {
  it('presents the reply and co-opinion deadlines on the item in zh and en', async () => {
    const a = await assigned({ title: '关于增设公共停车泊位的建议' });
    expect(a.deadlines.map((d: { kind: string; title: string; dueDate: string }) => [d.kind, d.title, d.dueDate])).toEqual([
      ['opinion', '向主办单位提出会办意见：关于增设公共停车泊位的建议', '2020-05-11'],
      ['reply', '答复人大代表建议：关于增设公共停车泊位的建议', '2020-07-10'],
    ]);
    const en = await t.app.inject({ method: 'GET', url: `/api/v1/oversight/items/${a.id}`, headers: { cookie: office.cookie, 'accept-language': 'en' } });
    const body = JSON.parse(en.body);
    expect(body.deadlines.map((d: { title: string }) => d.title)).toEqual([
      'Send the co-handling opinion to the lead unit: 关于增设公共停车泊位的建议',
      'Reply to the NPC deputy suggestion: 关于增设公共停车泊位的建议',
    ]);
    expect(body.deadlines[1].basis).toContain('第五十一条');
  });
});
