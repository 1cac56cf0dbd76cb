/**
 * Excel in and out for the 互联网+监管 catalogue (main items and sub-items), units' claims, and a review
 * campaign's scoring sheets: every bad cell named, nothing saved on a bad file, exports that read back.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload as uploadAs, workbook } from '../../test/xlsx.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client, officer: Client, head: Client, liaison2: Client, leader: Client, officeJf: Client;
const TEAM = '区城市管理综合执法大队';
const ZERO = '00000000-0000-4000-8000-000000000000';
const ITEM_HEAD = ['主项编码', '主项名称', '子项编码', '子项名称', '主管部门', '列入目录日期'];
const CLAIM_HEAD = ['认领单位', '事项编码', '事项名称', '认领日期', '检查实施清单编制日期'];
const SCORE_HEAD = ['办案单位', '案号', '案件名称', '评查项目编号', '评查项目', '分值', '扣分', '否决', '存在问题', '评查人', '评查日期'];

const upload = (c: Client | null, url: string, buf: Buffer) => uploadAs(t, c, url, buf);
async function download(c: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  const wb = new ExcelJS.Workbook();
  if (res.statusCode === 200) await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]?.eachRow((row, i) => { if (i > 1) rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v)))); });
  return { status: res.statusCode, rows, headers: (wb.worksheets[0]?.getRow(1).values as unknown[] ?? []).slice(1) };
}
const cells = (r: { body: { errors: { row: number; column?: string }[] } }) => r.body.errors.map((e) => `${e.row}:${e.column ?? ''}`);
const countItems = async () => Number((await t.db.selectFrom('enforcement_supervision_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  ids = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  [office, officer, head, liaison2, leader, officeJf] = await Promise.all(['office', 'officer', 'head', 'liaison2', 'leader', 'office_jf'].map((u) => t.as(u)));
});
afterAll(async () => t.close());

describe('the supervision catalogue from the provincial Excel', () => {
  it('answers 401 without a session and 403 to a unit head, an officer and the read-only leader', async () => {
    const f = await workbook('监管事项目录', ITEM_HEAD, [['M9', '对某事项的监管', null, null, null, null]]);
    expect((await upload(null, '/api/v1/enforcement/catalogue/items/import?dryRun=1', f)).status).toBe(401);
    for (const c of [head, officer, leader]) expect((await upload(c, '/api/v1/enforcement/catalogue/items/import?dryRun=1', f)).status).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/enforcement/catalogue/items/import/template', headers: { cookie: office.cookie } })).statusCode).toBe(200);
  });

  it('names every bad cell — duplicate code, sub-item without a name, a main item named two ways, a sub code reused as a main — and saves nothing', async () => {
    const before = await countItems();
    const f = await workbook('监管事项目录', ITEM_HEAD, [
      ['A01', '对城市道路占用的监管', null, null, '区城市管理局', '2020-04-01'], // 2 fine
      ['A01', '对城市道路占用的监管', null, null, null, null], // 3 duplicate main row
      ['A02', '对户外广告设置的监管', 'A02-1', null, null, null], // 4 sub-item without a name
      ['A02', '对户外广告的监管', 'A02-2', '对门头招牌设置的监管', null, null], // 5 fine (row 4 is refused, so A02 is first named here)
      ['A03', '对建筑垃圾处置的监管', 'A01', '重复编码', null, null], // 6 sub code already a main code in the file
      ['A 04', '编码带空格', null, null, null, '2020-13-01'], // 7 bad code, bad date
    ]);
    const r = await upload(office, '/api/v1/enforcement/catalogue/items/import?dryRun=0', f);
    expect(r.status).toBe(200);
    expect(r.body.committed).toBe(0);
    expect(cells(r).sort()).toEqual(['3:主项编码', '4:子项名称', '6:子项编码', '7:主项编码', '7:列入目录日期']);
    expect(r.body.errors.find((e: { row: number; column: string }) => e.row === 4).message).toContain('子项名称必填');
    expect(await countItems()).toBe(before);
  });

  it('creates main items and their sub-items — a main item from its first sub-item row too — and exports them back, each main item then its sub-items', async () => {
    const f = await workbook('监管事项目录', ITEM_HEAD, [
      ['B01', '对城市道路占用的监管', null, null, '区城市管理局', '2020-04-01'],
      ['B02', '对户外广告设置的监管', 'B02-1', '对大型户外广告设置的监管', '区城市管理局', '2020-04-01'],
      ['B02', '对户外广告设置的监管', 'B02-2', '对门头招牌设置的监管', '区城市管理局', '2020-04-01'],
      ['B03', '对建筑垃圾处置的监管', null, null, null, '2020-04-01'],
    ]);
    const dry = await upload(office, '/api/v1/enforcement/catalogue/items/import?dryRun=1', f);
    expect(dry.body).toMatchObject({ dryRun: true, rowCount: 4, errors: [], committed: 0 });
    const r = await upload(office, '/api/v1/enforcement/catalogue/items/import?dryRun=0', f);
    expect(r.body).toMatchObject({ committed: 4, errors: [] });
    const s = (await office.get('/api/v1/enforcement/catalogue/summary')).body;
    expect([s.mainItems, s.subItems]).toEqual([3, 2]);
    const sub = await t.db.selectFrom('enforcement_supervision_items as si').innerJoin('enforcement_supervision_items as p', 'p.id', 'si.parent_id').select(['si.code', 'p.code as parent']).orderBy('si.code').execute();
    expect(sub).toEqual([{ code: 'B02-1', parent: 'B02' }, { code: 'B02-2', parent: 'B02' }]);
    // Audited, one entry per item.
    const audit = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('entity', '=', 'enforcement_supervision_item').where('action', '=', 'import').executeTakeFirstOrThrow();
    expect(Number(audit.n)).toBe(5);
    // A second file adds a sub-item to a main item already in the catalogue; its name must match.
    const again = await upload(office, '/api/v1/enforcement/catalogue/items/import?dryRun=0', await workbook('监管事项目录', ITEM_HEAD, [
      ['B01', '对城市道路占用的监管', 'B01-1', '对临时占道的监管', null, null],
      ['B03', '对建筑垃圾的监管', 'B03-1', '对渣土运输的监管', null, null],
      ['B02-1', '对大型户外广告设置的监管', 'B02-1-1', '三级', null, null],
      ['B01', '对城市道路占用的监管', null, null, null, null],
    ]));
    expect(again.body.committed).toBe(0);
    expect(cells(again)).toEqual(['3:主项名称', '4:主项编码']);
    expect((await upload(office, '/api/v1/enforcement/catalogue/items/import?dryRun=0', await workbook('监管事项目录', ITEM_HEAD, [['B01', '对城市道路占用的监管', 'B01-1', '对临时占道的监管', null, null]]))).body.committed).toBe(1);
    const x = await download(head, '/api/v1/enforcement/catalogue/items/export');
    expect(x.status).toBe(200);
    expect(x.headers).toEqual([...ITEM_HEAD, '认领单位']);
    expect(x.rows.map((r) => r.slice(0, 4).join('|'))).toEqual([
      'B01|对城市道路占用的监管||', 'B01|对城市道路占用的监管|B01-1|对临时占道的监管', 'B02|对户外广告设置的监管||', 'B02|对户外广告设置的监管|B02-1|对大型户外广告设置的监管',
      'B02|对户外广告设置的监管|B02-2|对门头招牌设置的监管', 'B03|对建筑垃圾处置的监管||',
    ]);
    // The export imported again (a revised provincial catalogue): items as they are left alone, a new one added.
    const before = await countItems();
    const revised = await workbook('监管事项目录', ITEM_HEAD, [...x.rows.map((r) => r.slice(0, 6).map((v) => v || null)), ['B04', '对餐厨垃圾处置的监管', null, null, null, '2021-01-01']]);
    expect((await upload(office, '/api/v1/enforcement/catalogue/items/import?dryRun=0', revised)).body).toMatchObject({ committed: 7, errors: [] });
    expect(await countItems()).toBe(before + 1);
    const renamed = await workbook('监管事项目录', ITEM_HEAD, [['B02', '对户外广告设置的监管', 'B02-1', '改了名称', null, null], ['B01', '对城市道路占用的监管', 'B02-2', '换了主项', null, null]]);
    expect(cells(await upload(office, '/api/v1/enforcement/catalogue/items/import?dryRun=1', renamed))).toEqual(['2:子项名称', '3:子项编码']);
  });

  it("keeps each district's catalogue: another district imports the same codes into its own", async () => {
    const r = await upload(officeJf, '/api/v1/enforcement/catalogue/items/import?dryRun=0', await workbook('监管事项目录', ITEM_HEAD, [['B01', '对城市道路占用的监管', null, null, null, null]]));
    expect(r.body.committed).toBe(1);
    expect((await download(officeJf, '/api/v1/enforcement/catalogue/items/export')).rows.map((x) => x[0])).toEqual(['B01']);
  });
});

describe("units' claims from Excel", () => {
  it('answers 401 without a session and 403 to the read-only leader', async () => {
    const f = await workbook('监管事项认领', CLAIM_HEAD, [['区城市管理局', 'B01', null, '2020-05-10', null]]);
    expect((await upload(null, '/api/v1/enforcement/catalogue/claims/import?dryRun=1', f)).status).toBe(401);
    expect((await upload(leader, '/api/v1/enforcement/catalogue/claims/import?dryRun=1', f)).status).toBe(403);
  });

  it("names every bad cell — unknown code, a name that is not the item's, another unit's row, a list before the claim, a repeated claim — and saves nothing", async () => {
    const f = await workbook('监管事项认领', CLAIM_HEAD, [
      ['区城市管理局', 'B01', '对城市道路占用的监管', '2020-05-10', '2020-06-01'], // 2 fine
      ['区城市管理局', 'Z99', null, '2020-05-10', null], // 3 unknown code
      ['区城市管理局', 'B02', '对广告的监管', '2020-05-10', null], // 4 name differs
      ['区市场监督管理局', 'B02-1', null, '2020-05-10', null], // 5 not the head's unit
      ['区城市管理局', 'B03', null, '2020-05-10', '2020-05-01'], // 6 list before the claim
      ['区城市管理局', 'B01', null, '2020-05-11', null], // 7 same claim twice
    ]);
    const r = await upload(head, '/api/v1/enforcement/catalogue/claims/import?dryRun=0', f);
    expect(r.status).toBe(200);
    expect(r.body.committed).toBe(0);
    expect(cells(r)).toEqual(['3:事项编码', '4:事项名称', '5:认领单位', '6:检查实施清单编制日期', '7:事项编码']);
    expect(r.body.errors[0].message).toContain('没有编码为“Z99”的事项');
    expect(await t.db.selectFrom('enforcement_item_claims').select('id').execute()).toEqual([]);
  });

  it('records the claims, counts them in the summary and exports them; claiming again is refused', async () => {
    const claims = [
      ['区城市管理局', 'B01', '对城市道路占用的监管', '2020-05-10', '2020-06-01'],
      ['区城市管理局', 'B02-1', null, '2020-05-10', null],
      ['区市场监督管理局', 'B02-2', null, '2020-05-12', '2020-06-20'],
      ['区市场监督管理局', 'B03', null, '2020-05-12', null],
    ];
    const r = await upload(office, '/api/v1/enforcement/catalogue/claims/import?dryRun=0', await workbook('监管事项认领', CLAIM_HEAD, claims));
    expect(r.body).toMatchObject({ committed: 4, errors: [] });
    // Hand-computed: 4 claims by 2 units; main items covered (a claim with its list compiled, a sub-item
    // counting for its main item): B01 (B01 itself) and B02 (via B02-2) = 2.
    expect((await office.get('/api/v1/enforcement/catalogue/summary')).body).toMatchObject({ claims: 4, claimingUnits: 2, mainCovered: 2 });
    const x = await download(liaison2, '/api/v1/enforcement/catalogue/claims/export');
    expect(x.rows.map((r) => r.join('|'))).toEqual(['区市场监督管理局|B02-2|对门头招牌设置的监管|子项|2020-05-12|2020-06-20', '区市场监督管理局|B03|对建筑垃圾处置的监管|主项|2020-05-12|']);
    expect((await download(office, '/api/v1/enforcement/catalogue/claims/export')).rows).toHaveLength(4);
    const items = await download(office, '/api/v1/enforcement/catalogue/items/export');
    expect(items.rows.find((x) => x[2] === 'B02-2')![6]).toBe('区市场监督管理局');
    const again = await upload(office, '/api/v1/enforcement/catalogue/claims/import?dryRun=1', await workbook('监管事项认领', CLAIM_HEAD, [['区城市管理局', 'B01', null, '2020-07-01', null]]));
    expect(again.body.errors).toEqual([{ row: 2, column: '事项编码', message: '区城市管理局已于2020-05-10认领该事项' }]);
    // The export imported again: every claim as it is, nothing added.
    const all = await download(office, '/api/v1/enforcement/catalogue/claims/export');
    const same = await workbook('监管事项认领', CLAIM_HEAD, all.rows.map((r) => [r[0], r[1], r[2], r[4], r[5] || null]));
    expect((await upload(office, '/api/v1/enforcement/catalogue/claims/import?dryRun=0', same)).body).toMatchObject({ committed: 4, errors: [] });
    expect(await t.db.selectFrom('enforcement_item_claims').select('id').execute()).toHaveLength(4);
  });
});

describe("a review campaign's scoring sheets in Excel", () => {
  let campaignId: string;
  const criteria = [
    { code: 'A', name: '执法主体合法', max: 20, category: 'substantive', veto: true },
    { code: 'B', name: '事实清楚、证据确凿', max: 40, category: 'substantive' },
    { code: 'C', name: '程序合法', max: 30, category: 'procedural' },
    { code: 'D', name: '案卷制作规范', max: 10, category: 'filing' },
  ];
  const NO1 = '中城管检〔2020〕1号';
  const NO2 = '中城管检〔2020〕2号';

  beforeAll(async () => {
    const o: string[] = [];
    for (const [i, name] of ['评甲', '评乙'].entries()) {
      const r = await office.post('/api/v1/enforcement/officers', { unitId: ids[TEAM], name });
      o.push(r.body.id);
      await office.post(`/api/v1/enforcement/officers/${r.body.id}/certificates`, { certNo: `PC2020000${i}`, kind: 'enforcement', field: '城市管理', issuedOn: '2019-01-01', expiresOn: '2024-12-31' });
    }
    for (const no of [NO1, NO2]) {
      const c = await office.post('/api/v1/enforcement/cases', { unitId: ids[TEAM], system: 'inspection', caseNo: no, title: `门店检查${no}`, partyName: '某商贸有限公司', partyKind: 'organisation', filedOn: '2020-03-02', officerIds: o });
      expect(c.status).toBe(201);
      const id = c.body.id;
      await office.post(`/api/v1/enforcement/cases/${id}/investigate`, { on: '2020-03-03' });
      await office.post(`/api/v1/enforcement/cases/${id}/decide`, { on: '2020-03-10', decision: 'compliant', decisionNo: `决${no}`, signedBy: '张建国' });
      await office.post(`/api/v1/enforcement/cases/${id}/serve`, { on: '2020-03-11', partyPresent: true });
      expect((await office.post(`/api/v1/enforcement/cases/${id}/close`, { on: '2020-03-12' })).status).toBe(200);
    }
    const c = await office.post('/api/v1/enforcement/reviews/campaigns', { year: 2020, title: '2020年度案卷评查', criteria, sampleSize: 2, sampleSeed: 'x-2020' });
    campaignId = c.body.id;
    expect((await office.post(`/api/v1/enforcement/reviews/campaigns/${campaignId}/sample`)).body.drawn).toBe(2);
  });

  it('exports each sampled file × each criterion as the template; 404 for an unknown campaign, 403 for a unit', async () => {
    const x = await download(office, `/api/v1/enforcement/reviews/campaigns/${campaignId}/scores/export`);
    expect(x.headers).toEqual(SCORE_HEAD);
    expect(x.rows.map((r) => `${r[1]}|${r[3]}|${r[5]}|${r[6]}`)).toEqual([
      `${NO1}|A|20|`, `${NO1}|B|40|`, `${NO1}|C|30|`, `${NO1}|D|10|`, `${NO2}|A|20|`, `${NO2}|B|40|`, `${NO2}|C|30|`, `${NO2}|D|10|`,
    ]);
    expect((await download(office, `/api/v1/enforcement/reviews/campaigns/${ZERO}/scores/export`)).status).toBe(404);
    expect((await download(office, `/api/v1/enforcement/reviews/campaigns/${campaignId}/scores/import/template`)).rows).toHaveLength(8);
    expect((await download(officer, `/api/v1/enforcement/reviews/campaigns/${campaignId}/scores/import/template`)).status).toBe(403);
    const f = await workbook('案卷评查评分表', SCORE_HEAD, [[TEAM, NO1, null, 'B', null, null, 1, null, 'x', '王晓丽', '2020-12-10']]);
    expect((await upload(officer, `/api/v1/enforcement/reviews/campaigns/${campaignId}/scores/import?dryRun=1`, f)).status).toBe(403);
    expect((await upload(office, `/api/v1/enforcement/reviews/campaigns/${ZERO}/scores/import?dryRun=1`, f)).status).toBe(404);
    expect((await upload(officeJf, `/api/v1/enforcement/reviews/campaigns/${campaignId}/scores/import?dryRun=1`, f)).status).toBe(404);
  });

  it('names every bad cell — a deduction above the points, a veto on a non-veto item, a deduction without its problem, an unknown criterion and file, two reviewers on one file — and saves nothing', async () => {
    const f = await workbook('案卷评查评分表', SCORE_HEAD, [
      [TEAM, NO1, null, 'A', null, null, 0, '否', null, '王晓丽', '2020-12-10'], // 2 fine
      [TEAM, NO1, null, 'B', null, null, 41, '否', '证据不足', '王晓丽', '2020-12-10'], // 3 above 40
      [TEAM, NO1, null, 'C', null, null, 0, '是', '程序违法', '王晓丽', '2020-12-10'], // 4 C is no veto item
      [TEAM, NO1, null, 'D', null, null, 2, null, null, '李明', '2020-12-10'], // 5 no problem, another reviewer
      [TEAM, NO2, null, 'E', null, null, 1, null, 'x', '王晓丽', '2020-12-11'], // 6 unknown criterion
      [TEAM, '中城管检〔2020〕9号', null, 'B', null, null, 1, null, 'x', '王晓丽', '2020-12-11'], // 7 not sampled
      [TEAM, NO2, null, 'B', null, null, -1, null, 'x', '王晓丽', '2020-12-11'], // 8 negative
    ]);
    const r = await upload(office, `/api/v1/enforcement/reviews/campaigns/${campaignId}/scores/import?dryRun=0`, f);
    expect(r.status).toBe(200);
    expect(r.body.committed).toBe(0);
    expect(cells(r)).toEqual(['3:扣分', '4:否决', '5:评查人', '5:存在问题', '6:评查项目编号', '7:案号', '8:扣分']);
    expect(r.body.errors[0].message).toBe('扣分不能超过该项分值40分');
    const files = (await office.get(`/api/v1/enforcement/reviews/campaigns/${campaignId}/files`)).body.items;
    expect(files.map((x: { score: number | null }) => x.score)).toEqual([null, null]);
  });

  it('scores each file from its lines as the form does (deductions, a veto forcing 0), leaves unfilled files, and exports the scores back', async () => {
    const x = await download(office, `/api/v1/enforcement/reviews/campaigns/${campaignId}/scores/export`);
    const lines = x.rows.map((r) => r.map((v) => (v === '' ? null : v)) as (string | number | null)[]);
    // File 1: B −5 and D −2 → 93, 优秀. File 2: vetoed on A → 0, 不合格.
    const fill = (no: string, code: string, deduction: number, veto: string | null, problem: string | null, day: string) => {
      const l = lines.find((r) => r[1] === no && r[3] === code)!;
      [l[6], l[7], l[8], l[9], l[10]] = [deduction, veto, problem, '王晓丽', day];
    };
    for (const code of ['A', 'B', 'C', 'D']) fill(NO1, code, 0, code === 'A' ? '否' : null, null, '2020-12-10');
    fill(NO1, 'B', 5, null, '现场检查笔录缺少当事人签名', '2020-12-10');
    fill(NO1, 'D', 2, null, '卷内目录不完整', '2020-12-10');
    const f1 = await workbook('案卷评查评分表', SCORE_HEAD, lines.map((l) => l.map((v, i) => (i === 5 || i === 6) && v !== null ? Number(v) : v)));
    const r1 = await upload(office, `/api/v1/enforcement/reviews/campaigns/${campaignId}/scores/import?dryRun=0`, f1);
    expect(r1.body).toMatchObject({ committed: 8, errors: [] });
    let files = (await office.get(`/api/v1/enforcement/reviews/campaigns/${campaignId}/files`)).body.items;
    expect(files.map((x: { caseNo: string; score: number | null; grade: string | null }) => [x.caseNo, x.score, x.grade])).toEqual([[NO1, 93, 'excellent'], [NO2, null, null]]);
    expect(files[0].problems.map((p: { categoryLabel: string; deduction: number; dueOn: string }) => [p.categoryLabel, p.deduction, p.dueOn]).sort()).toEqual([['实体', 5, '2021-01-09'], ['立卷', 2, '2021-01-09']]);
    const f2 = await workbook('案卷评查评分表', SCORE_HEAD, [[TEAM, NO2, null, 'A', null, null, 0, '是', '执法人员不具备执法资格', '王晓丽', '2020-12-11']]);
    expect((await upload(office, `/api/v1/enforcement/reviews/campaigns/${campaignId}/scores/import?dryRun=0`, f2)).body.committed).toBe(1);
    files = (await office.get(`/api/v1/enforcement/reviews/campaigns/${campaignId}/files`)).body.items;
    expect(files.map((x: { score: number | null; grade: string | null }) => [x.score, x.grade])).toEqual([[93, 'excellent'], [0, 'fail']]);
    expect(files[1].problems.map((p: { deduction: number }) => p.deduction)).toEqual([20]);
    const back = await download(office, `/api/v1/enforcement/reviews/campaigns/${campaignId}/scores/export`);
    expect(back.rows.map((r) => `${r[1]}|${r[3]}|${r[6]}|${r[7]}|${r[9]}|${r[10]}`)).toEqual([
      `${NO1}|A|0|否|王晓丽|2020-12-10`, `${NO1}|B|5||王晓丽|2020-12-10`, `${NO1}|C|0||王晓丽|2020-12-10`, `${NO1}|D|2||王晓丽|2020-12-10`,
      `${NO2}|A|0|是|王晓丽|2020-12-11`, `${NO2}|B|0||王晓丽|2020-12-11`, `${NO2}|C|0||王晓丽|2020-12-11`, `${NO2}|D|0||王晓丽|2020-12-11`,
    ]);
    const units = await office.get(`/api/v1/enforcement/reviews/campaigns/${campaignId}/units`);
    expect(units.body.items[0]).toMatchObject({ unitName: TEAM, files: 2, average: 46.5 });
  });
});
