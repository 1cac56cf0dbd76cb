import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload as uploadAs, workbook } from '../../test/xlsx.js';
import { addDays, today } from '../../core/calendar/index.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client, officer: Client, head: Client, liaison2: Client, leader: Client;
const TEAM = '区城市管理综合执法大队';
const OFFICER_HEAD = ['所在单位', '姓名', '法制审核人员', '法律职业资格', '监管系统注册日期', '证件号', '证件类别', '执法领域', '发证日期', '有效期至'];
const CASE_HEAD = ['办案单位', '执法类别', '案号', '案件名称', '当事人', '当事人类型', '案由', '立案日期', '执法人员（两人以上，顿号分隔）'];

const upload = (c: Client | null, url: string, buf: Buffer) => uploadAs(t, c, url, buf);
async function download(c: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  const wb = new ExcelJS.Workbook();
  if (res.statusCode === 200) await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { status: res.statusCode, ws: wb.worksheets[0] };
}

beforeAll(async () => {
  t = await createTestApp();
  ids = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  [office, officer, head, liaison2, leader] = await Promise.all(['office', 'officer', 'head', 'liaison2', 'leader'].map((u) => t.as(u)));
});
afterAll(async () => t.close());

describe('officers and certificates from Excel', () => {
  it('answers 401 without a session and 403 to the read-only leader', async () => {
    const f = await workbook('执法人员及证件', OFFICER_HEAD, [[TEAM, '甲', '否', '否', null, null, null, null, null, null]]);
    expect((await upload(null, '/api/v1/enforcement/officers/import?dryRun=1', f)).status).toBe(401);
    expect((await upload(leader, '/api/v1/enforcement/officers/import?dryRun=1', f)).status).toBe(403);
  });

  it('names every bad cell and saves nothing: unknown unit, reviewer without qualification, duplicate certificate, expiry before issue', async () => {
    const f = await workbook('执法人员及证件', OFFICER_HEAD, [
      [TEAM, '周一', '否', '否', null, 'ZZ20200001', '行政执法证', '城市管理', '2020-01-01', '2025-12-31'],
      ['区不存在局', '周二', '否', '否', null, null, null, null, null, null],
      [TEAM, '周三', '是', '否', null, null, null, null, null, null],
      [TEAM, '周四', '否', '否', null, 'ZZ20200001', '行政执法证', '城市管理', '2020-01-01', '2025-12-31'],
      [TEAM, '周五', '否', '否', null, 'ZZ20200005', '行政执法证', '城市管理', '2020-01-01', '2019-12-31'],
    ]);
    const r = await upload(office, '/api/v1/enforcement/officers/import?dryRun=0', f);
    expect(r.status).toBe(200);
    expect(r.body.committed).toBe(0);
    const cells = r.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(cells).toEqual(expect.arrayContaining(['3:所在单位', '4:法律职业资格', '5:证件号', '6:有效期至']));
    expect(await t.db.selectFrom('enforcement_officers').select('id').where('name', 'in', ['周一', '周二', '周三', '周四', '周五']).execute()).toEqual([]);
  });

  it("refuses a unit head's rows for another unit, naming the cell", async () => {
    const f = await workbook('执法人员及证件', OFFICER_HEAD, [['区市场监督管理局', '吴一', '否', '否', null, null, null, null, null, null]]);
    const r = await upload(head, '/api/v1/enforcement/officers/import?dryRun=1', f);
    expect(r.status).toBe(200);
    expect(r.body.errors[0]).toMatchObject({ row: 2, column: '所在单位' });
  });

  it('registers officers with their certificates in one go, and exports them back', async () => {
    const f = await workbook('执法人员及证件', OFFICER_HEAD, [
      [TEAM, '钱一', '否', '否', '2020-05-01', 'QQ20200001', '行政执法证', '城市管理', '2020-01-01', addDays(today(), 400)],
      [TEAM, '钱二', '是', '是', null, 'QQ20200002', '行政执法证', '城市管理', '2020-01-01', addDays(today(), 400)],
      [TEAM, '钱三', '否', '否', null, null, null, null, null, null],
    ]);
    const r = await upload(office, '/api/v1/enforcement/officers/import?dryRun=0', f);
    expect(r.body).toMatchObject({ committed: 3, errors: [] });
    const certs = await t.db.selectFrom('enforcement_certificates').select('cert_no').where('cert_no', 'like', 'QQ2020%').orderBy('cert_no').execute();
    expect(certs.map((c) => c.cert_no)).toEqual(['QQ20200001', 'QQ20200002']);
    const x = await download(office, `/api/v1/enforcement/officers/export?unitId=${ids[TEAM]}`);
    expect(x.status).toBe(200);
    const rows: string[] = [];
    x.ws.eachRow((row, i) => { if (i > 1) rows.push(`${row.getCell(2).text}|${row.getCell(6).text}`); });
    expect(rows).toEqual(expect.arrayContaining(['钱一|QQ20200001', '钱二|QQ20200002', '钱三|']));
  });
});

describe('the case ledger from Excel', () => {
  it('refuses one officer, an unknown officer and an expired certificate, naming each, and saves nothing', async () => {
    await upload(office, '/api/v1/enforcement/officers/import?dryRun=0', await workbook('执法人员及证件', OFFICER_HEAD, [
      [TEAM, '孙过期', '否', '否', null, 'SS20150001', '行政执法证', '城市管理', '2015-01-01', '2019-12-31'],
    ]));
    const f = await workbook('执法案件立案', CASE_HEAD, [
      [TEAM, '行政处罚', '中城管罚〔2020〕801号', '张某占道经营案', '张某', '自然人', '占道经营', '2020-07-03', '钱一'],
      [TEAM, '行政处罚', '中城管罚〔2020〕802号', '李某占道经营案', '李某', '自然人', '占道经营', '2020-07-03', '钱一、查无此人'],
      [TEAM, '行政处罚', '中城管罚〔2020〕803号', '王某占道经营案', '王某', '自然人', '占道经营', '2020-07-03', '钱一、孙过期'],
      [TEAM, '行政罚款', '中城管罚〔2020〕804号', '赵某占道经营案', '赵某', '路人', '占道经营', '2020-07-03', '钱一、钱二'],
    ]);
    const r = await upload(officer, '/api/v1/enforcement/cases/import?dryRun=0', f);
    expect(r.status).toBe(200);
    expect(r.body.committed).toBe(0);
    const by = (row: number) => r.body.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string; message: string }) => `${e.column}:${e.message}`).join(' | ');
    expect(by(2)).toContain('执法人员不得少于两人');
    expect(by(3)).toContain('没有名为“查无此人”的在职执法人员');
    expect(by(4)).toContain('执法人员孙过期在立案日2020-07-03没有有效的行政执法证');
    expect(by(5)).toMatch(/执法类别.*当事人类型|当事人类型.*执法类别/);
    expect(await t.db.selectFrom('enforcement_cases').select('id').where('case_no', 'like', '中城管罚〔2020〕80%').execute()).toEqual([]);
  });

  it("answers 403 to a unit that is not the case's and 401 without a session", async () => {
    const f = await workbook('执法案件立案', CASE_HEAD, [[TEAM, '行政处罚', '中城管罚〔2020〕805号', '张某占道经营案', '张某', '自然人', '', '2020-07-03', '钱一、钱二']]);
    expect((await upload(null, '/api/v1/enforcement/cases/import?dryRun=1', f)).status).toBe(401);
    const r = await upload(liaison2, '/api/v1/enforcement/cases/import?dryRun=1', f);
    expect([200, 403]).toContain(r.status);
    if (r.status === 200) expect(r.body.errors[0]).toMatchObject({ column: '办案单位' });
  });

  it('files each row with its officers and the 90-day decision deadline, and the ledger exports it', async () => {
    const f = await workbook('执法案件立案', CASE_HEAD, [
      [TEAM, '行政处罚', '中城管罚〔2020〕811号', '周某占道经营案', '周某', '自然人', '占道经营', '2020-07-03', '钱一、钱二'],
      [TEAM, '行政检查', '中城管检〔2020〕812号', '某公司门店检查', '焦作市某商贸有限公司', '法人或其他组织', '', '2020-07-06', '钱二、钱一'],
    ]);
    const r = await upload(officer, '/api/v1/enforcement/cases/import?dryRun=0', f);
    expect(r.body).toMatchObject({ committed: 2, errors: [] });
    const c = await t.db.selectFrom('enforcement_cases').select(['id', 'status']).where('case_no', '=', '中城管罚〔2020〕811号').executeTakeFirstOrThrow();
    expect(c.status).toBe('filed');
    const d = await officer.get(`/api/v1/enforcement/cases/${c.id}`);
    expect(d.body.officers.map((o: { name: string }) => o.name).sort()).toEqual(['钱一', '钱二']);
    // 2020-07-03 + 90 days = 2020-10-01 (National Day) → 2020-10-09.
    expect(d.body.deadlines.find((x: { kind: string }) => x.kind === 'decision').dueDate).toBe('2020-10-09');
    const x = await download(officer, '/api/v1/enforcement/cases/export?q=中城管');
    const rows: string[] = [];
    x.ws.eachRow((row, i) => { if (i > 1) rows.push(`${row.getCell(3).text}|${row.getCell(9).text}|${row.getCell(10).text}`); });
    expect(rows).toEqual(expect.arrayContaining(['中城管罚〔2020〕811号|钱一、钱二|已立案']));
  });
});

describe('the public enforcement pages', () => {
  it('answers 400 to a malformed region and 404 to an unknown one, without a session', async () => {
    const a = t.anon();
    expect((await a.get('/api/v1/public/enforcement/officers?region=41')).status).toBe(400);
    expect((await a.get('/api/v1/public/enforcement/officers?region=999999')).status).toBe(404);
    expect((await a.get('/api/v1/public/enforcement/decisions?region=999999')).status).toBe(404);
  });

  it('lists officers with a certificate valid today — name, unit, number, field — and never one whose certificate lapsed', async () => {
    const r = await t.anon().get('/api/v1/public/enforcement/officers?region=410803&q=QQ2020');
    expect(r.status).toBe(200);
    expect(r.body.items.map((o: { name: string }) => o.name).sort()).toEqual(['钱一', '钱二']);
    expect(Object.keys(r.body.items[0]).sort()).toEqual(['certNo', 'expiresOn', 'field', 'id', 'kindLabel', 'name', 'unitName']);
    const lapsed = await t.anon().get('/api/v1/public/enforcement/officers?region=410803&q=孙过期');
    expect(lapsed.body.total).toBe(0);
  });

  it('shows a published decision within the display period with a natural person masked, and not an unpublished one', async () => {
    const [a, b] = await Promise.all(['中城管罚〔2020〕811号', '中城管检〔2020〕812号'].map((no) => t.db.selectFrom('enforcement_cases').select('id').where('case_no', '=', no).executeTakeFirstOrThrow()));
    const day = today();
    for (const [id, decision] of [[a.id, 'penalty'], [b.id, 'compliant']] as const) {
      await officer.post(`/api/v1/enforcement/cases/${id}/investigate`, { on: addDays(day, -20) });
      const r = await officer.post(`/api/v1/enforcement/cases/${id}/decide`, { on: addDays(day, -10), decision, decisionNo: `中城管决字${id.slice(0, 4)}`, signedBy: '张建国', ...(decision === 'penalty' ? { fine: 500 } : {}) });
      expect(r.status).toBe(200);
    }
    expect((await officer.post(`/api/v1/enforcement/cases/${a.id}/publish`, { on: addDays(day, -8) })).status).toBe(200);
    const r = await t.anon().get('/api/v1/public/enforcement/decisions?region=410803');
    expect(r.status).toBe(200);
    const mine = r.body.items.filter((x: { id: string }) => [a.id, b.id].includes(x.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ party: '周某某', fine: 500, title: '周某占道经营案' });
    expect(r.body.displayYears).toBe(3);
  });

  it('lists only published risk points', async () => {
    const base = { unitId: ids[TEAM], forms: '店外经营', legalBasis: '《城市道路管理条例》第二十七条', consequence: '责令改正', level: 'medium', prevention: '申请许可' };
    expect((await office.post('/api/v1/enforcement/risks', { ...base, riskPoint: '公开的风险点', published: true })).status).toBe(201);
    expect((await office.post('/api/v1/enforcement/risks', { ...base, riskPoint: '未公开的风险点', published: false })).status).toBe(201);
    const r = await t.anon().get('/api/v1/public/enforcement/risks?region=410803&q=风险点');
    expect(r.body.items.map((x: { riskPoint: string }) => x.riskPoint)).toEqual(['公开的风险点']);
    expect(r.body.items[0].levelLabel).toBe('中风险');
  });

  it('shows the bodies with the fields they cover today', async () => {
    expect((await office.post('/api/v1/enforcement/bodies', { unitId: ids[TEAM], kind: 'team', fields: ['城市管理'], legalBasis: '区委编委批复', since: '2019-03-01' })).status).toBe(201);
    const r = await t.anon().get('/api/v1/public/enforcement/bodies?region=410803');
    expect(r.status).toBe(200);
    expect(r.body.items.find((b: { unitName: string }) => b.unitName === TEAM)).toMatchObject({ fields: ['城市管理'], officers: 2 });
  });
});

describe("an officer's trainings and exams are the learning attendance linked to the officer", () => {
  it('shows on the officer record the training the officer signed in to', async () => {
    const o1 = await t.db.selectFrom('enforcement_officers').select('id').where('name', '=', '钱一').executeTakeFirstOrThrow();
    const r = await office.post('/api/v1/learning/activities', {
      kind: 'training', audience: 'enforcement', date: '2020-05-21', unitId: ids['区司法局'], topic: '行政执法“三项制度”专题培训',
      attendees: [{ name: '钱一', unitId: ids[TEAM], officerId: o1.id }, { name: '外单位人员' }],
    });
    expect(r.status).toBe(201);
    const d = await office.get(`/api/v1/enforcement/officers/${o1.id}`);
    expect(d.body.attendance).toEqual([expect.objectContaining({ kind: 'training', date: '2020-05-21', topic: '行政执法“三项制度”专题培训', score: null })]);
  });
});
