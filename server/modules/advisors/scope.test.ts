import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload, workbook } from '../../test/xlsx.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
let ids: Record<string, string>;
let office: Client;
let zhouId: string;
let jfUnitId: string;

const attach = (c: Client, id: string) => upload(t, c, `/api/v1/files/advisor_review/${id}`, PNG, { name: 'opinion.png', type: 'image/png' });

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.db.selectFrom('units').select(['id', 'name', 'region_id']).execute();
  ids = Object.fromEntries(units.map((u) => [u.name, u.id]));
  office = await t.as('office');
  // 解放区 has its own 区城市管理局: the same name as 中站区's.
  const jf = await t.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow();
  jfUnitId = (await t.db.insertInto('units').values({ name: '区城市管理局', type: 'department', region_id: jf.id }).returning('id').executeTakeFirstOrThrow()).id;
  ids['区城市管理局'] = units.find((u) => u.name === '区城市管理局' && u.region_id !== jf.id)!.id;
  const advUser = await t.db.selectFrom('users').select('id').where('username', '=', 'advisor').executeTakeFirstOrThrow();
  expect((await office.post('/api/v1/advisors/engagements', {
    firmId: ids['河南纳圣律师事务所'], contractNo: 'ZZFG-2020-09', signedOn: '2019-12-30', periodFrom: '2020-01-01', periodTo: '2020-12-31', scope: '常年法律顾问', fee: 60000,
  })).status).toBe(201);
  const zhou = await office.post('/api/v1/advisors/people', { unitId: ids['河南纳圣律师事务所'], kind: 'firm_lawyer', name: '周律师', userId: advUser.id, certificateNo: '14108201510123999', speciality: '行政法' });
  zhouId = zhou.body.id;
});
afterAll(async () => t.close());

describe('attachments of a review follow its write policy and state', () => {
  it('takes the written opinion from the assigned advisor while open, and nothing from anyone once concluded', async () => {
    const liaison = await t.as('liaison');
    const advisor = await t.as('advisor');
    const r = await liaison.post('/api/v1/advisors/reviews', { type: 'contract', title: '广告位租赁合同（附件测试）', summary: '合同文本', requestedOn: '2020-03-02' });
    expect(r.status).toBe(201);
    const id = r.body.id as string;
    // Open: the requesting unit attaches the draft; read-only roles never attach.
    expect((await attach(liaison, id)).status).toBe(201);
    for (const who of ['leader', 'city', 'admin']) expect((await attach(await t.as(who), id)).status, who).toBe(404);
    expect((await office.post(`/api/v1/advisors/reviews/${id}/assign`, { advisorId: zhouId, assignedOn: '2020-03-03', dueDate: '2020-03-13' })).status).toBe(200);
    expect((await attach(advisor, id)).status).toBe(201);
    expect((await advisor.post(`/api/v1/advisors/reviews/${id}/opinion`, { conclusion: 'lawful', opinion: '合同主体适格，条款合法有效。', reasons: '符合民法典', concludedOn: '2020-03-10' })).status).toBe(200);
    // Concluded: the record is closed to attachments for everyone, writers included; reading still works.
    for (const who of ['leader', 'city', 'admin', 'office', 'liaison', 'advisor']) expect((await attach(await t.as(who), id)).status, who).toBe(404);
    const files = await (await t.as('leader')).get(`/api/v1/files/advisor_review/${id}`);
    expect(files.status).toBe(200);
    expect(files.body.items).toHaveLength(2);
  });
});

describe('a work-log entry names only units inside the writer\'s scope', () => {
  it('refuses a 中站区 entry whose client unit is in 解放区, naming the field', async () => {
    const entry = { firmId: ids['河南纳圣律师事务所'], kind: 'consultation', workDate: '2020-05-06', title: '就户外广告整治提供法律咨询' };
    const bad = await office.post('/api/v1/advisors/worklogs', { ...entry, clientUnitId: jfUnitId });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['clientUnitId']);
    expect((await (await t.as('advisor')).post('/api/v1/advisors/worklogs', { ...entry, clientUnitId: jfUnitId })).status).toBe(400);
    expect(await t.db.selectFrom('advisor_work_logs').select('id').where('client_unit_id', '=', jfUnitId).executeTakeFirst()).toBeUndefined();
    const ok = await office.post('/api/v1/advisors/worklogs', { ...entry, clientUnitId: ids['区城市管理局'] });
    expect(ok.status).toBe(201);
    expect(ok.body.clientName).toBe('区城市管理局');
  });
});

describe('work-log import', () => {
  const importLogs = async (c: Client, rows: unknown[][]) =>
    upload(t, c, '/api/v1/advisors/worklogs/import?dryRun=0', await workbook('法律顾问工作日志', ['律师事务所', '工作类型', '日期', '事项', '工作内容', '服务单位', '案号', '审理法院', '代理身份', '工时'], rows));

  it('resolves a unit name that exists in two districts to the uploader\'s district', async () => {
    const r = await importLogs(office, [['河南纳圣律师事务所', '法律咨询', '2020-06-01', '导入：城管执法程序咨询', '', '区城市管理局', '', '', '', 2]]);
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual([]);
    expect(r.body.committed).toBe(1);
    const w = await t.db.selectFrom('advisor_work_logs').select(['client_unit_id', 'region_id']).where('title', '=', '导入：城管执法程序咨询').executeTakeFirstOrThrow();
    expect(w.client_unit_id).toBe(ids['区城市管理局']);
    expect(w.client_unit_id).not.toBe(jfUnitId);
  });

  it('finds no unit of another district by name: 解放区司法局 is unknown to a 中站区 upload', async () => {
    const r = await importLogs(office, [['河南纳圣律师事务所', '法律咨询', '2020-06-02', '导入：跨区单位', '', '解放区司法局', '', '', '', 1]]);
    expect(r.body.committed).toBe(0);
    expect(r.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['2:服务单位']);
  });
});
