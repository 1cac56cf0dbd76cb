import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload as uploadAs, workbook } from '../../test/xlsx.js';

let t: TestApp;
let office: Client, liaison: Client, officeJf: Client;
const ITEM_HEAD = ['类别', '编号', '届次', '标题', '提出人（多人用顿号分隔）', '内容分类', '收到日期', '内容'];
const AUDIT_HEAD = ['审计类型', '审计项目编号', '审计项目名称', '被审计单位', '审计实施日期', '建设项目名称', '送审金额（元）', '被审计领导干部', '职务', '审计期间起', '审计期间止'];
const S = '区十一届人大五次会议';

const upload = (c: Client | null, url: string, buf: Buffer) => uploadAs(t, c, url, buf);
async function rowsOf(c: Client, url: string, cols: number[]) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.worksheets[0].eachRow((row, i) => { if (i > 1) out.push(cols.map((k) => row.getCell(k).text).join('|')); });
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  [office, liaison, officeJf] = await Promise.all(['office', 'liaison', 'office_jf'].map((u) => t.as(u)));
});
afterAll(async () => t.close());

describe('suggestions and proposals from Excel', () => {
  it('answers 401 without a session and 403 to a unit liaison', async () => {
    const f = await workbook('建议提案登记', ITEM_HEAD, [['人大代表建议', '1', S, '标题', '张三', '城建', '2020-03-10', null]]);
    expect((await upload(null, '/api/v1/oversight/items/import?dryRun=1', f)).status).toBe(401);
    expect((await upload(liaison, '/api/v1/oversight/items/import?dryRun=1', f)).status).toBe(403);
    expect((await t.anon().get('/api/v1/oversight/items/export')).status).toBe(401);
  });

  it('names every bad cell (kind, date, duplicate number) and saves nothing', async () => {
    const f = await workbook('建议提案登记', ITEM_HEAD, [
      ['人大代表建议', '1', S, '关于改善龙翔路交通秩序的建议', '张三、李四', '城建', '2020-03-10', null],
      ['政协建议', '2', S, '标题二', '王五', '教育', '2020-03-10', null],
      ['人大代表建议', '3', S, '标题三', '赵六', '教育', '2020-02-30', null],
      ['人大代表建议', '1', S, '标题四', '钱七', '教育', '2020-03-10', null],
    ]);
    const r = await upload(office, '/api/v1/oversight/items/import?dryRun=0', f);
    expect(r.status).toBe(200);
    expect(r.body.committed).toBe(0);
    expect(r.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:类别', '4:收到日期', '5:编号']);
    expect(await t.db.selectFrom('oversight_items').select('id').execute()).toEqual([]);
  });

  it('registers the items with their joint proposers, refuses a re-import, and exports the handling ledger', async () => {
    const f = await workbook('建议提案登记', ITEM_HEAD, [
      ['人大代表建议', '1', S, '关于改善龙翔路交通秩序的建议', '张三、李四', '城建', '2020-03-10', '龙翔路早晚高峰拥堵'],
      ['政协提案', '12', '区政协十届五次会议', '关于加强社区养老服务的提案', '王五', '民政', '2020-03-12', null],
    ]);
    expect((await upload(office, '/api/v1/oversight/items/import?dryRun=0', f)).body).toMatchObject({ committed: 2, errors: [] });
    const again = await upload(office, '/api/v1/oversight/items/import?dryRun=1', f);
    expect(again.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['2:编号', '3:编号']);
    const it1 = await t.db.selectFrom('oversight_items').select(['proposers', 'status']).where('number', '=', '1').executeTakeFirstOrThrow();
    expect(it1).toEqual({ proposers: ['张三', '李四'], status: 'registered' });
    expect(await rowsOf(office, '/api/v1/oversight/items/export?kind=npc_suggestion', [1, 2, 5, 8])).toEqual(['人大代表建议|1|张三、李四|待交办']);
    expect(await rowsOf(officeJf, '/api/v1/oversight/items/export', [2])).toEqual([]);
  });
});

describe('audits from Excel', () => {
  it('names the unknown unit, the missing submitted amount and the missing official, and saves nothing', async () => {
    const f = await workbook('审计项目登记', AUDIT_HEAD, [
      ['政府投资项目审计', '中审投〔2020〕1号', '道路改造工程结算审计', '区城市管理局', '2020-05-11', '龙翔路改造工程', 1250000, null, null, null, null],
      ['政府投资项目审计', '中审投〔2020〕2号', '广场改造工程结算审计', '区不存在局', '2020-05-11', '站前广场改造工程', 800000, null, null, null, null],
      ['政府投资项目审计', '中审投〔2020〕3号', '管网工程结算审计', '区城市管理局', '2020-05-11', '雨污分流管网工程', null, null, null, null, null],
      ['领导干部经济责任审计', '中审经〔2020〕1号', '任期经济责任审计', '区城市管理局', '2020-06-01', null, null, null, '局长', '2016-01-01', '2019-12-31'],
    ]);
    const r = await upload(office, '/api/v1/oversight/audits/import?dryRun=0', f);
    expect(r.body.committed).toBe(0);
    expect(r.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:被审计单位', '4:送审金额（元）', '5:被审计领导干部']);
    expect(await t.db.selectFrom('audits').select('id').execute()).toEqual([]);
  });

  it('registers both kinds and exports the ledger with the reduction', async () => {
    const f = await workbook('审计项目登记', AUDIT_HEAD, [
      ['政府投资项目审计', '中审投〔2020〕1号', '道路改造工程结算审计', '区城市管理局', '2020-05-11', '龙翔路改造工程', 1250000, null, null, null, null],
      ['领导干部经济责任审计', '中审经〔2020〕1号', '任期经济责任审计', '区城市管理局', '2020-06-01', null, null, '刘伟', '局长', '2016-01-01', '2019-12-31'],
    ]);
    expect((await upload(office, '/api/v1/oversight/audits/import?dryRun=0', f)).body).toMatchObject({ committed: 2, errors: [] });
    const a = await t.db.selectFrom('audits').select('id').where('audit_no', '=', '中审投〔2020〕1号').executeTakeFirstOrThrow();
    await office.post(`/api/v1/oversight/audits/${a.id}/notice`, { noticeOn: '2020-05-06' });
    await office.post(`/api/v1/oversight/audits/${a.id}/report`, { reportSentOn: '2020-06-01' });
    expect((await office.post(`/api/v1/oversight/audits/${a.id}/conclude`, { concludedOn: '2020-06-20', findings: '多计工程量', approvedAmount: 1_126_400 })).status).toBe(200);
    expect(await rowsOf(office, '/api/v1/oversight/audits/export?kind=investment', [2, 7, 12, 13, 14])).toEqual(['中审投〔2020〕1号|1250000|1126400|123600|9.9']);
  });
});
