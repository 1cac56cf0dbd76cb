import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { deadlinesOf } from '../../core/deadlines/index.js';
import { computeDeadline, loadCalendar } from '../../core/calendar/index.js';

// Issue 15, defect 4: a normative document is filed with the body its issuer answers to, and a
// deadline's explanation names a Saturday/Sunday a 休息日 and a public holiday a 法定休假日.
let t: TestApp;
let ids: Record<string, string>;
let office: Client;
beforeAll(async () => {
  t = await createTestApp();
  ids = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  office = await t.as('office');
});
afterAll(async () => t.close());

async function ok(p: Promise<{ status: number; body: any }>) {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
}

/** A document drafted by `unit` and issued in the name of `issuer` on 2020-06-01 (due 2020-07-01). */
async function issued(title: string, unit: string, issuer: string, code: string) {
  const d = await ok(office.post('/api/v1/documents', { title, unitId: ids[unit], issuerUnitId: ids[issuer], draftedOn: '2020-04-01' }));
  await ok(office.post(`/api/v1/documents/${d.id}/comment`, { openedOn: '2020-04-01', closesOn: '2020-04-30', channel: '网站' }));
  await ok(office.post(`/api/v1/documents/${d.id}/comment/close`, { closedOn: '2020-04-30', commentCount: 0, summary: '无意见' }));
  await ok(office.post(`/api/v1/documents/${d.id}/reviews`, { reviewerKind: 'office', requestedOn: '2020-05-06', completedOn: '2020-05-10', conclusion: 'lawful', opinion: '合法' }));
  await ok(office.post(`/api/v1/documents/${d.id}/deliberation`, { deliberatedOn: '2020-05-20', meeting: '区政府常务会议' }));
  return ok(office.post(`/api/v1/documents/${d.id}/publish`, { issuerCode: code, publishedOn: '2020-06-01' }));
}
/** The document's filing deadlines. */
const filings = async (id: string) => (await deadlinesOf(t.db, 'normative_document', id)).filter((x) => x.kind.startsWith('filing'));

describe('filing authority by issuing body', () => {
  it("files a department's document with the district government (本级人民政府), once", async () => {
    const d = await issued('中站区城市道路占用挖掘管理规定', '区城市管理局', '区城市管理局', '焦中城管');
    expect(d.filing.authority).toBe('焦作市中站区人民政府');
    expect(d.npcFiling).toBeNull();
    const dl = await filings(d.id);
    expect(dl.map((x) => [x.kind, x.title, String(x.due_date)])).toEqual([['filing', '《中站区城市道路占用挖掘管理规定》（焦中城管〔2020〕1号）报送焦作市中站区人民政府备案', '2020-07-01']]);
    expect(dl[0].basis).toContain('报送本级人民政府备案');
    // No second filing to make.
    const npc = await office.post(`/api/v1/documents/${d.id}/filing`, { body: 'npc', filedOn: '2020-06-20', filedWith: '焦作市中站区人大常委会' });
    expect(npc.status).toBe(409);
  });

  it("files the district government's document with the city government and the district people's congress standing committee, each tracked", async () => {
    const d = await issued('中站区物业服务管理办法', '区住房和城乡建设局', '区人民政府', '焦中政');
    expect(d.filing.authority).toBe('焦作市人民政府');
    expect(d.npcFiling).toMatchObject({ authority: '焦作市中站区人大常委会', status: 'pending', due: '2020-07-01' });
    const titles = (await filings(d.id)).map((x) => [x.kind, x.title, x.status]).sort();
    expect(titles).toEqual([
      ['filing', '《中站区物业服务管理办法》（焦中政〔2020〕1号）报送焦作市人民政府备案', 'open'],
      ['filing_npc', '《中站区物业服务管理办法》（焦中政〔2020〕1号）报送焦作市中站区人大常委会备案', 'open'],
    ]);
    // Filing with the city closes that deadline only; the standing committee's stays open until filed.
    await ok(office.post(`/api/v1/documents/${d.id}/filing`, { filedOn: '2020-06-20', filedWith: '焦作市人民政府' }));
    let dl = await filings(d.id);
    expect(Object.fromEntries(dl.map((x) => [x.kind, x.status]))).toEqual({ filing: 'done', filing_npc: 'open' });
    const after = await ok(office.post(`/api/v1/documents/${d.id}/filing`, { body: 'npc', filedOn: '2020-07-03', filedWith: '焦作市中站区人大常委会' }));
    expect(after.npcFiling).toMatchObject({ status: 'submitted', filedOn: '2020-07-03' });
    dl = await filings(d.id);
    expect(Object.fromEntries(dl.map((x) => [x.kind, x.status]))).toEqual({ filing: 'done', filing_npc: 'done' });
  });
});

describe('deadline explanations', () => {
  it('calls a Saturday a 休息日 and a public holiday a 法定休假日', async () => {
    const cal = await loadCalendar(t.db);
    // 2020-06-01 + 5 days = Saturday 06-06 → Monday 06-08.
    const sat = computeDeadline(cal, { from: '2020-06-01', unit: 'ND', n: 5, rollOver: true });
    expect(sat.due).toBe('2020-06-08');
    expect(sat.explain.zh).toBe('自2020-06-01次日起算5日，届满日2020-06-06；2020-06-06为休息日，顺延至2020-06-08');
    // 2020-09-01 + 30 days = 10-01 (国庆节、中秋节) → first working day 10-09.
    const hol = computeDeadline(cal, { from: '2020-09-01', unit: 'ND', n: 30, rollOver: true });
    expect(hol.due).toBe('2020-10-09');
    expect(hol.explain.zh).toMatch(/^自2020-09-01次日起算30日，届满日2020-10-01；2020-10-01为法定休假日（.+），顺延至2020-10-09$/);
  });

  it('states a plan date as the date fixed, not as a period counted from the day before', async () => {
    const cal = await loadCalendar(t.db);
    expect(computeDeadline(cal, { from: '2020-12-31', unit: 'ND', n: 0, rollOver: true }).explain.zh).toBe('确定的期限为2020-12-31');
    const jan1 = computeDeadline(cal, { from: '2021-01-01', unit: 'ND', n: 0, rollOver: true });
    expect(jan1.due).toBe('2021-01-04');
    expect(jan1.explain.zh).not.toContain('次日起算');
    expect(jan1.explain.zh).toMatch(/^确定的期限为2021-01-01；2021-01-01为法定休假日/);
  });
});
