import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { getMetric, metricScopeOf, yearPeriod } from '../../core/metrics/index.js';
import { gate } from './service.js';
import type { AppError } from '../../core/errors/index.js';

let t: TestApp;
let ids: Record<string, string>;
let office: Client;
let liaison: Client;
let liaison2: Client;
let advisor: Client;
let leader: Client;
let officeJf: Client;
const NIL = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  ids = Object.fromEntries((await t.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  office = await t.as('office');
  liaison = await t.as('liaison');
  liaison2 = await t.as('liaison2');
  advisor = await t.as('advisor');
  leader = await t.as('leader');
  officeJf = await t.as('office_jf');
  expect((await office.post('/api/v1/advisors/engagements', {
    firmId: ids['河南纳圣律师事务所'], contractNo: 'ZZFG-2020-01', signedOn: '2019-12-30', periodFrom: '2020-01-01', periodTo: '2020-12-31', scope: '担任区人民政府常年法律顾问', fee: 60000,
  })).status).toBe(201);
});
afterAll(async () => t.close());

const launch = async (c: Client, title = '中站区城区生活垃圾分类工作实施方案', unit = '区城市管理局') => {
  const r = await c.post('/api/v1/decisions', {
    unitId: ids[unit], title, category: 'public_policy', proposalSource: 'department', launchBasis: '落实省市生活垃圾分类工作部署，区政府第3次常务会议研究同意启动。', launchedOn: '2020-03-02',
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
};

/** The procedure's steps with valid 2020 dates, in order. */
const STEPS: [string, string, unknown][] = [
  ['drafted', 'draft', { draftedOn: '2020-04-01', researchSummary: '走访8个街道、32个小区，召开座谈会5场。', costBenefit: '年投入约380万元。' }],
  ['public_comment', 'public-comment', { startsOn: '2020-04-10', endsOn: '2020-05-11', channel: '中站区人民政府网站' }],
  ['comment_closed', 'feedback', { publishedOn: '2020-05-15', summary: '共收到意见2条，采纳1条，部分采纳1条。' }],
  ['expert_done', 'experts', { required: true, doneOn: '2020-05-25', experts: [{ name: '张教授', organisation: '河南理工大学', field: '环境工程', opinion: '分类标准与省标一致，建议增设有害垃圾收集点。', signed: true, noConflict: true, disposition: 'adopted', reason: '已在草案第九条增设', givenOn: '2020-05-22' }] }],
  ['risk_done', 'risk', { required: true, level: 'low', report: '经舆情跟踪、重点走访，社会稳定风险等级为低。', measures: '加强宣传引导。', doneOn: '2020-06-01' }],
  ['legality_review', 'legality-review', { reviewer: 'office', sentOn: '2020-06-05' }],
  ['legality_passed', 'legality-conclusion', { conclusion: 'lawful', opinion: '决策事项属区政府法定权限，程序完备，内容合法。', concludedOn: '2020-06-12' }],
  ['decided', 'decision', { meetingKind: 'executive', meetingName: '区政府2020年第12次常务会议', meetingOn: '2020-06-20', minutes: '会议听取区城市管理局汇报，原则通过。', dissent: '无不同意见', headConclusion: '区长：原则同意，按程序报区委。', outcome: 'approved' }],
  ['published', 'publication', { publishedOn: '2020-06-28', via: '中站区人民政府网站、《焦作日报》', partyReportOn: '2020-06-24', partyReportRef: '中站政〔2020〕请字第15号' }],
];
const OFFICE_STEPS = new Set(['legality-conclusion', 'decision', 'publication']);

async function advance(id: string, to: string) {
  const current = (await office.get(`/api/v1/decisions/${id}`)).body.state;
  const from = STEPS.findIndex(([s]) => s === current) + 1;
  for (const [state, path, body] of STEPS.slice(from)) {
    const c = OFFICE_STEPS.has(path) ? office : liaison;
    if (path === 'feedback') {
      const cm = await liaison.post(`/api/v1/decisions/${id}/comments`, { receivedOn: '2020-04-20', commenter: '府城街道居民王某', content: '建议在小区增设厨余垃圾投放点。' });
      const commentId = cm.body.publicComment.comments.at(-1).id;
      await liaison.post(`/api/v1/decisions/${id}/comments/${commentId}/disposition`, { disposition: 'adopted', reason: '已在实施方案中明确。' });
    }
    const r = await c.post(`/api/v1/decisions/${id}/${path}`, body);
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
    expect(r.body.state).toBe(state);
    if (state === to) return r.body;
  }
  throw new Error(`no state ${to}`);
}

describe('decisions endpoints: boundaries', () => {
  const posts = ['draft', 'public-comment', 'comments', 'hearings', 'feedback', 'experts', 'risk', 'legality-review', 'legality-conclusion', 'amendments', 'decision', 'publication', 'evaluations', 'archive'];
  const all: [string, string][] = [
    ['get', '/api/v1/decisions'], ['post', '/api/v1/decisions'], ['get', '/api/v1/decisions/export'], ['get', `/api/v1/decisions/${NIL}`],
    ['get', '/api/v1/decisions/catalogues'], ['post', '/api/v1/decisions/catalogues'], ['post', `/api/v1/decisions/catalogues/${NIL}/consent`], ['post', `/api/v1/decisions/catalogues/${NIL}/publish`],
    ['post', `/api/v1/decisions/${NIL}/comments/${NIL}/disposition`],
    ...posts.map((p): [string, string] => ['post', `/api/v1/decisions/${NIL}/${p}`]),
  ];
  it.each(all)('%s %s answers 401 without a session', async (m, url) => {
    const r = m === 'get' ? await t.anon().get(url) : await t.anon().post(url, {});
    expect(r.status).toBe(401);
  });

  it('answers 400 naming each bad field of every step', async () => {
    const f = async (path: string, body: unknown) => {
      const r = await office.post(`/api/v1/decisions${path ? `/${path}` : ''}`, body);
      expect(r.status, path).toBe(400);
      return [...new Set(r.body.error.details.fields.map((x: { path: string }) => x.path))].sort();
    };
    expect(await f('', { unitId: 'x', title: '', category: 'war', proposalSource: 'leader', launchBasis: '区政府常务会议纪要', launchedOn: '2020-02-31' })).toEqual(['category', 'launchedOn', 'title', 'unitId']);
    expect(await f(`${NIL}/draft`, { draftedOn: 'x' })).toEqual(['draftedOn', 'researchSummary']);
    expect(await f(`${NIL}/public-comment`, { startsOn: '2020-01-01' })).toEqual(['channel', 'endsOn']);
    expect(await f(`${NIL}/comments`, { receivedOn: '2020-01-01', commenter: '', content: '' })).toEqual(['commenter', 'content']);
    expect(await f(`${NIL}/comments/${NIL}/disposition`, { disposition: 'ignored' })).toEqual(['disposition', 'reason']);
    expect(await f(`${NIL}/hearings`, { heldOn: '2020-01-01' })).toEqual(['materialsSentOn', 'participants', 'participantsPublishedOn', 'place', 'record']);
    expect(await f(`${NIL}/feedback`, { publishedOn: '2020-01-01' })).toEqual(['summary']);
    expect(await f(`${NIL}/experts`, { required: true, doneOn: '2020-05-01', experts: [] })).toEqual(['experts']);
    expect(await f(`${NIL}/experts`, { required: true, doneOn: '2020-05-01', experts: [{ name: '张', organisation: '某大学', field: '环境', opinion: '同意草案内容', signed: false, noConflict: false, disposition: 'adopted', reason: '采纳', givenOn: '2020-05-01' }] }))
      .toEqual(['experts.0.noConflict', 'experts.0.signed']);
    expect(await f(`${NIL}/experts`, { required: false, doneOn: '2020-05-01' })).toEqual(['notRequiredReason']);
    expect(await f(`${NIL}/risk`, { required: true, doneOn: '2020-05-01' })).toEqual(['level', 'report']);
    expect(await f(`${NIL}/legality-review`, { reviewer: 'advisor', sentOn: '2020-05-01' })).toEqual(['firmId']);
    expect(await f(`${NIL}/legality-conclusion`, { conclusion: 'ok', concludedOn: '2020-05-01' })).toEqual(['conclusion', 'opinion']);
    expect(await f(`${NIL}/amendments`, {})).toEqual(['amendments']);
    expect(await f(`${NIL}/decision`, { meetingKind: 'party', meetingOn: '2020-05-01', outcome: 'approved' })).toEqual(['dissent', 'headConclusion', 'meetingKind', 'meetingName', 'minutes']);
    expect(await f(`${NIL}/publication`, { publishedOn: '2020-05-01' })).toEqual(['via']);
    expect(await f(`${NIL}/evaluations`, { evaluatedOn: '2020-05-01', trigger: 'whim' })).toEqual(['evaluator', 'findings', 'recommendation', 'trigger']);
    expect(await f(`${NIL}/archive`, { archivedOn: '2020-05-01', checklist: { launch: true } })).toEqual(expect.arrayContaining(['checklist.draft', 'checklist.minutes']));
    expect(await f('catalogues', { year: 1999, title: '' })).toEqual(['title', 'year']);
    expect(await f(`catalogues/${NIL}/consent`, {})).toEqual(['partyConsentOn', 'partyConsentRef']);
    expect(await f(`catalogues/${NIL}/publish`, { publishedOn: 'x' })).toEqual(['publishedOn', 'via']);
    expect((await office.get('/api/v1/decisions?state=unknown')).status).toBe(400);
  });

  it('answers 403 to roles that may not take a step at all, and to a unit on the government\'s own steps', async () => {
    const id = await launch(liaison, '中站区城区停车管理办法');
    expect((await leader.post(`/api/v1/decisions/${id}/draft`, STEPS[0][2])).status).toBe(403);
    expect((await advisor.post(`/api/v1/decisions/${id}/draft`, STEPS[0][2])).status).toBe(403);
    expect((await leader.post('/api/v1/decisions', { unitId: ids['区城市管理局'], title: '某某决策事项', category: 'other', proposalSource: 'leader', launchBasis: '领导提出', launchedOn: '2020-03-01' })).status).toBe(403);
    expect((await liaison.post(`/api/v1/decisions/${id}/decision`, STEPS[7][2])).status).toBe(403);
    expect((await liaison.post(`/api/v1/decisions/${id}/publication`, STEPS[8][2])).status).toBe(403);
    expect((await liaison.post(`/api/v1/decisions/${id}/legality-conclusion`, STEPS[6][2])).status).toBe(403);
    expect((await liaison.post('/api/v1/decisions/catalogues', { year: 2020, title: '2020年度目录' })).status).toBe(403);
    // The leader reads but does not write.
    expect((await leader.get(`/api/v1/decisions/${id}`)).status).toBe(200);
    expect((await leader.get(`/api/v1/decisions/${id}`)).body.actions.every((a: { allowed: boolean }) => !a.allowed)).toBe(true);
  });

  it('answers 404 to another unit\'s liaison and to another district\'s office, alike for an unknown id', async () => {
    const id = await launch(liaison, '中站区户外广告设置规划');
    const unknown = await liaison2.get(`/api/v1/decisions/${NIL}`);
    const other = await liaison2.get(`/api/v1/decisions/${id}`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    expect((await liaison2.post(`/api/v1/decisions/${id}/draft`, STEPS[0][2])).status).toBe(404);
    expect((await officeJf.get(`/api/v1/decisions/${id}`)).status).toBe(404);
    expect((await officeJf.post(`/api/v1/decisions/${id}/decision`, STEPS[7][2])).status).toBe(404);
    const jfList = (await officeJf.get('/api/v1/decisions')).body;
    expect(jfList.total).toBe(0);
    expect((await liaison2.get('/api/v1/decisions')).body.items.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await liaison.post('/api/v1/decisions', { unitId: ids['区市场监督管理局'], title: '替别的单位立项', category: 'other', proposalSource: 'leader', launchBasis: '领导提出', launchedOn: '2020-03-01' })).status).toBe(400);
    const cat = await office.post('/api/v1/decisions/catalogues', { year: 2019, title: '中站区2019年度重大行政决策事项目录' });
    expect((await officeJf.post(`/api/v1/decisions/catalogues/${cat.body.id}/consent`, { partyConsentOn: '2019-03-01', partyConsentRef: '区委常委会' })).status).toBe(404);
  });
});

describe('the procedure as a state machine', () => {
  it('refuses every skipped step with 409 naming the rule and article of the missing step', async () => {
    const id = await launch(liaison, '中站区老旧小区改造实施方案', '区城市管理局');
    const expectSkip = async (c: Client, path: string, body: unknown, article: string) => {
      const r = await c.post(`/api/v1/decisions/${id}/${path}`, body);
      expect(r.status, path).toBe(409);
      expect(r.body.error.code).toBe('DECISION_STEP_SKIPPED');
      expect(r.body.error.message).toContain('《重大行政决策程序暂行条例》');
      expect(r.body.error.message).toContain(article);
    };
    // At each state, every later step is refused naming the article of the step that is missing.
    const missing: Record<string, string> = {
      launched: '第十二条', drafted: '第十五条', public_comment: '第十八条', comment_closed: '第十九条', expert_done: '第二十二条',
      risk_done: '第二十五条', legality_review: '第二十五条', legality_passed: '第三十条', decided: '第三十二条',
    };
    let state = 'launched';
    for (let i = 0; i < STEPS.length; i++) {
      for (const [, path, body] of STEPS.slice(i + 1)) {
        if (path === 'feedback' && state === 'public_comment') continue; // the next step itself
        await expectSkip(OFFICE_STEPS.has(path) ? office : liaison, path, body, missing[state]);
      }
      if (state === 'decided') await expectSkip(office, 'archive', { archivedOn: '2020-12-01', checklist: Object.fromEntries(['launch', 'draft', 'publicOpinion', 'expert', 'risk', 'legality', 'minutes', 'partyReport', 'publication'].map((k) => [k, true])) }, '第三十二条');
      const body = await advance(id, STEPS[i][0]);
      state = body.state;
      // Repeating a finished step is refused as out of order.
      if (i > 0) {
        const again = await (OFFICE_STEPS.has(STEPS[i - 1][1]) ? office : liaison).post(`/api/v1/decisions/${id}/${STEPS[i - 1][1]}`, STEPS[i - 1][2]);
        expect(again.status).toBe(409);
        expect(again.body.error.code).toBe('DECISION_STEP_DONE');
      }
      if (state === 'published') break;
    }
    expect(state).toBe('published');
  });

  it('tells the UI why collective discussion is not yet possible, with the article', async () => {
    const id = await launch(liaison, '中站区农贸市场升级改造方案');
    const d = await advance(id, 'risk_done');
    const decideAction = (await office.get(`/api/v1/decisions/${id}`)).body.actions.find((a: { key: string }) => a.key === 'decide');
    expect(decideAction.allowed).toBe(false);
    expect(decideAction.reason).toContain('第二十五条');
    expect(d.actions.find((a: { key: string }) => a.key === 'sendLegality').allowed).toBe(true);
  });

  it('unit gate() is total over states: each state either allows or names a reason', () => {
    const zh = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as AppError).msg.zh;
      }
      return null;
    };
    expect(zh(() => gate('legality_failed', ['legality_passed'], { zh: '提交集体讨论决定', en: 'decide' }))).toContain('第二十五条');
    expect(zh(() => gate('legality_amend', ['legality_passed'], { zh: '提交集体讨论决定', en: 'decide' }))).toContain('第二十八条');
    expect(zh(() => gate('rejected', ['decided'], { zh: '公布决策', en: 'publish' }))).toContain('未获集体讨论通过');
    expect(zh(() => gate('legality_passed', ['legality_passed'], { zh: '提交集体讨论决定', en: 'decide' }))).toBeNull();
  });
});

describe('period rules on hand-computed dates', () => {
  it('requires ≥30 natural days of public comment (第十五条), holidays included, unless a shortening reason is recorded', async () => {
    const id = await launch(liaison, '中站区2021年民生实事项目');
    await advance(id, 'drafted');
    const open = (body: unknown) => liaison.post(`/api/v1/decisions/${id}/public-comment`, body);
    // 2020-09-01 + 30 days = 2020-10-01 (start day not counted).
    let r = await open({ startsOn: '2020-09-01', endsOn: '2020-09-30', channel: '区政府网站' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('COMMENT_PERIOD_TOO_SHORT');
    expect(r.body.error.message).toContain('第十五条');
    expect(r.body.error.message).toContain('2020-10-01');
    // Across National Day (10-01…10-08 are natural days and count): 2020-09-10 → at least 2020-10-10.
    r = await open({ startsOn: '2020-09-10', endsOn: '2020-10-09', channel: '区政府网站' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('2020-10-10');
    r = await open({ startsOn: '2020-09-10', endsOn: '2020-10-10', channel: '区政府网站' });
    expect(r.status).toBe(200);
    expect(r.body.publicComment.shortenedReason).toBeNull();
    // The end of the window is the unit's to-do.
    expect(r.body.deadlines.find((x: { kind: string }) => x.kind === 'comment_end').dueDate).toBe('2020-10-10');
    const todos = (await liaison.get('/api/v1/todos')).body.deadlines;
    expect(todos.some((x: { entityId: string; kind: string }) => x.entityId === id && x.kind === 'comment_end')).toBe(true);
    // Feedback cannot be published before the window ends, nor with a comment left without disposition.
    await liaison.post(`/api/v1/decisions/${id}/comments`, { receivedOn: '2020-09-15', commenter: '区人大代表李某', content: '建议增加背街小巷照明改造。' });
    expect((await liaison.post(`/api/v1/decisions/${id}/comments`, { receivedOn: '2020-10-11', commenter: '逾期来信', content: '逾期意见内容' })).status).toBe(400);
    let fb = await liaison.post(`/api/v1/decisions/${id}/feedback`, { publishedOn: '2020-10-09', summary: '意见反馈情况' });
    expect(fb.status).toBe(409);
    expect(fb.body.error.code).toBe('COMMENT_PERIOD_NOT_OVER');
    fb = await liaison.post(`/api/v1/decisions/${id}/feedback`, { publishedOn: '2020-10-12', summary: '意见反馈情况' });
    expect(fb.status).toBe(409);
    expect(fb.body.error.code).toBe('COMMENTS_NOT_DISPOSED');
    expect(fb.body.error.message).toContain('第十八条');
  });

  it('accepts a shortened window only with its reason recorded', async () => {
    const id = await launch(liaison, '中站区疫情防控期间临时便民措施');
    await advance(id, 'drafted');
    const r = await liaison.post(`/api/v1/decisions/${id}/public-comment`, { startsOn: '2020-04-10', endsOn: '2020-04-20', channel: '区政府网站', shortenedReason: '疫情防控形势紧急，需尽快出台' });
    expect(r.status).toBe(200);
    expect(r.body.publicComment.shortenedReason).toBe('疫情防控形势紧急，需尽快出台');
  });

  it('requires hearing materials ≥7 days before the hearing (第十六条)', async () => {
    const id = await launch(liaison, '中站区城区集中供热价格调整方案');
    await advance(id, 'public_comment');
    const h = (materialsSentOn: string) => liaison.post(`/api/v1/decisions/${id}/hearings`, {
      heldOn: '2020-10-09', place: '区政府三楼会议室', participantsPublishedOn: '2020-09-25', materialsSentOn, participants: '居民代表9名、企业代表3名、专家2名', record: '听证笔录已由参加人签字确认。',
    });
    const late = await h('2020-10-03');
    expect(late.status).toBe(400);
    expect(late.body.error.message).toContain('第十六条');
    expect(late.body.error.message).toContain('2020-10-02');
    expect((await h('2020-10-02')).status).toBe(200);
  });

  it('requires ≥7 working days for legality review (第二十六条) on the shared calendar, across National Day 2020 with 调休', async () => {
    const id = await launch(liaison, '中站区城市道路挖掘管理办法');
    await advance(id, 'risk_done');
    // Sent Fri 2020-09-25: 09-27 (Sun, 调休) 1, 09-28 2, 09-29 3, 09-30 4, [10-01…10-08 off], 10-09 5, 10-10 (Sat, 调休) 6, 10-12 7.
    const early = await liaison.post(`/api/v1/decisions/${id}/legality-review`, { reviewer: 'office', sentOn: '2020-09-25', dueDate: '2020-10-09' });
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('LEGALITY_TIME_TOO_SHORT');
    expect(early.body.error.message).toContain('第二十六条');
    expect(early.body.error.message).toContain('2020-10-12');
    const ok = await liaison.post(`/api/v1/decisions/${id}/legality-review`, { reviewer: 'office', sentOn: '2020-09-25' });
    expect(ok.status).toBe(200);
    expect(ok.body.legality.dueOn).toBe('2020-10-12');
    const dl = ok.body.deadlines.find((x: { kind: string }) => x.kind === 'legality_review');
    expect(dl.dueDate).toBe('2020-10-12');
    expect(dl.basis).toContain('第二十六条');
    // The office sees it among its to-dos.
    expect((await office.get('/api/v1/todos')).body.deadlines.some((x: { entityId: string; kind: string }) => x.entityId === id && x.kind === 'legality_review')).toBe(true);
  });

  it('computes 7 working days over the 2020 Spring Festival (extended to 02-02) and from 09-30', async () => {
    const a = await launch(liaison, '中站区春节期间烟花爆竹禁放方案');
    await advance(a, 'risk_done');
    // Mon 2020-01-20: 01-21 1, 01-22 2, 01-23 3, [01-24…02-02 off], 02-03 4, 02-04 5, 02-05 6, 02-06 7.
    const r = await liaison.post(`/api/v1/decisions/${a}/legality-review`, { reviewer: 'office', sentOn: '2020-06-05' });
    // Fri 2020-06-05: 06-08 1 … 06-12 5, 06-15 6, 06-16 7.
    expect(r.body.legality.dueOn).toBe('2020-06-16');
    const { legalityMinDue } = await import('./service.js');
    expect(await legalityMinDue(t.db, '2020-01-20')).toBe('2020-02-06');
    // Wed 2020-09-30: 10-09 1, 10-10 (调休) 2, 10-12 3 … 10-16 7.
    expect(await legalityMinDue(t.db, '2020-09-30')).toBe('2020-10-16');
  });
});

describe('legality review by a legal advisor through the advisors queue', () => {
  it('gates collective discussion on the advisor\'s lawful conclusion (第二十五条)', async () => {
    const id = await launch(liaison, '中站区老旧小区改造实施方案（2020年）');
    await advance(id, 'risk_done');
    const sent = await liaison.post(`/api/v1/decisions/${id}/legality-review`, { reviewer: 'advisor', firmId: ids['河南纳圣律师事务所'], sentOn: '2020-09-25' });
    expect(sent.status).toBe(200);
    expect(sent.body.legality.advisor).toMatchObject({ status: 'assigned', firmName: '河南纳圣律师事务所', dueDate: '2020-10-12' });
    const reviewId = sent.body.legality.reviewId;
    // The advisor sees it in their inbox and to-dos; the office cannot conclude it in the advisor's place.
    const inbox = (await advisor.get('/api/v1/advisors/reviews?type=major_decision')).body.items;
    expect(inbox.map((r: { id: string }) => r.id)).toContain(reviewId);
    expect((await advisor.get('/api/v1/todos')).body.deadlines.find((x: { entityId: string }) => x.entityId === reviewId).dueDate).toBe('2020-10-12');
    const byOffice = await office.post(`/api/v1/decisions/${id}/legality-conclusion`, { conclusion: 'lawful', opinion: '经审查，草案合法。', concludedOn: '2020-10-10' });
    expect(byOffice.status).toBe(409);
    expect(byOffice.body.error.code).toBe('LEGALITY_BY_ADVISOR');
    // Unlawful: discussion refused, naming 第二十五条.
    await advisor.post(`/api/v1/advisors/reviews/${reviewId}/opinion`, { conclusion: 'unlawful', opinion: '草案第十二条要求居民承担改造费用比例无依据。', reasons: '《河南省老旧小区改造指导意见》', concludedOn: '2020-10-09' });
    let d = (await office.get(`/api/v1/decisions/${id}`)).body;
    expect(d.state).toBe('legality_failed');
    const refused = await office.post(`/api/v1/decisions/${id}/decision`, { ...(STEPS[7][2] as object), meetingOn: '2020-10-20' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('第二十五条');
    // Revised and resent; lawful if amended; amendments recorded; then discussed.
    const resent = await liaison.post(`/api/v1/decisions/${id}/legality-review`, { reviewer: 'advisor', firmId: ids['河南纳圣律师事务所'], sentOn: '2020-10-12' });
    const review2 = resent.body.legality.reviewId;
    expect(review2).not.toBe(reviewId);
    await advisor.post(`/api/v1/advisors/reviews/${review2}/opinion`, { conclusion: 'lawful_if_amended', opinion: '建议删除草案第十二条第二款。', reasons: '与上位规定不一致', concludedOn: '2020-10-19' });
    d = (await office.get(`/api/v1/decisions/${id}`)).body;
    expect(d.state).toBe('legality_amend');
    const amendFirst = await office.post(`/api/v1/decisions/${id}/decision`, { ...(STEPS[7][2] as object), meetingOn: '2020-10-26' });
    expect(amendFirst.status).toBe(409);
    expect(amendFirst.body.error.message).toContain('第二十八条');
    expect((await liaison.post(`/api/v1/decisions/${id}/amendments`, { amendments: '已删除第十二条第二款。' })).body.state).toBe('legality_passed');
    const before = await office.post(`/api/v1/decisions/${id}/decision`, { ...(STEPS[7][2] as object), meetingOn: '2020-10-18' });
    expect(before.status).toBe(400);
    const ok = await office.post(`/api/v1/decisions/${id}/decision`, { ...(STEPS[7][2] as object), meetingOn: '2020-10-26', dissent: '副区长刘某建议分两年实施，已如实记录。' });
    expect(ok.status).toBe(200);
    expect(ok.body.meeting.dissent).toContain('分两年实施');
    // Publication needs the report to the Party committee first (第三十一条).
    const noReport = await office.post(`/api/v1/decisions/${id}/publication`, { publishedOn: '2020-11-02', via: '区政府网站' });
    expect(noReport.status).toBe(409);
    expect(noReport.body.error.message).toContain('第三十一条');
    expect((await office.post(`/api/v1/decisions/${id}/publication`, { publishedOn: '2020-11-02', via: '区政府网站', partyReportOn: '2020-10-28' })).body.state).toBe('published');
    // Archive: every item of the checklist (第三十三条).
    const items = ['launch', 'draft', 'publicOpinion', 'expert', 'risk', 'legality', 'minutes', 'partyReport', 'publication'];
    const partial = await office.post(`/api/v1/decisions/${id}/archive`, { archivedOn: '2020-12-10', checklist: { ...Object.fromEntries(items.map((k) => [k, true])), minutes: false } });
    expect(partial.status).toBe(409);
    expect(partial.body.error.message).toContain('第三十三条');
    expect(partial.body.error.message).toContain('集体讨论会议纪要');
    const archived = await office.post(`/api/v1/decisions/${id}/archive`, { archivedOn: '2020-12-10', checklist: Object.fromEntries(items.map((k) => [k, true])) });
    expect(archived.body.archive.archivedOn).toBe('2020-12-10');
    const ev = await liaison.post(`/api/v1/decisions/${id}/evaluations`, { evaluatedOn: '2021-06-30', trigger: 'deemed_necessary', evaluator: '区城市管理局', findings: '已完成改造小区12个，居民满意度96%。', recommendation: 'continue' });
    expect(ev.body.state).toBe('evaluated');
  });

  it('refuses a firm without a current engagement for the legality review', async () => {
    const id = await launch(liaison, '中站区城区绿地管理办法');
    await advance(id, 'risk_done');
    const r = await liaison.post(`/api/v1/decisions/${id}/legality-review`, { reviewer: 'advisor', firmId: ids['河南善博律师事务所'], sentOn: '2020-09-25' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('FIRM_NOT_ENGAGED');
    expect((await office.get(`/api/v1/decisions/${id}`)).body.state).toBe('risk_done');
  });
});

describe('catalogue (第三条)', () => {
  it('publishes the catalogue only after the Party committee consents, and serves it publicly', async () => {
    const c = await office.post('/api/v1/decisions/catalogues', { year: 2020, title: '中站区人民政府2020年度重大行政决策事项目录' });
    expect(c.status).toBe(201);
    const early = await office.post(`/api/v1/decisions/catalogues/${c.body.id}/publish`, { publishedOn: '2020-03-20', via: '中站区人民政府网站' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('第三条');
    expect((await office.post(`/api/v1/decisions/catalogues/${c.body.id}/consent`, { partyConsentOn: '2020-03-16', partyConsentRef: '区委常委会2020年第6次会议' })).status).toBe(200);
    expect((await office.post(`/api/v1/decisions/catalogues/${c.body.id}/publish`, { publishedOn: '2020-03-10', via: '区政府网站' })).status).toBe(400);
    const pub = await office.post(`/api/v1/decisions/catalogues/${c.body.id}/publish`, { publishedOn: '2020-03-20', via: '中站区人民政府网站' });
    expect(pub.body.publishedOn).toBe('2020-03-20');
    const r = await office.post('/api/v1/decisions', { unitId: ids['区城市管理局'], catalogueId: c.body.id, title: '中站区城市管理提升三年行动方案', category: 'plan', proposalSource: 'leader', launchBasis: '区政府主要领导提出', launchedOn: '2020-04-01' });
    expect(r.status).toBe(201);
    const p = await t.anon().get('/api/v1/public/decisions/catalogue?region=410803&year=2020');
    expect(p.status).toBe(200);
    expect(p.body.items.map((i: { title: string }) => i.title)).toContain('中站区城市管理提升三年行动方案');
    expect((await t.anon().get('/api/v1/public/decisions/catalogue?region=410803&year=2019')).status).toBe(404);
    expect((await office.post('/api/v1/decisions/catalogues', { year: 2020, title: '重复的目录' })).status).toBe(409);
  });
});

describe('decisions metrics on hand-computed data', () => {
  it('counts decided decisions and the share of full 30-day comment windows', async () => {
    const t2 = await createTestApp();
    try {
      const u = Object.fromEntries((await t2.db.selectFrom('units').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));
      const region = (await t2.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow()).id;
      const scope = await metricScopeOf(t2.db, region);
      const m = (id: string) => getMetric(id)!;
      expect(await m('decisions.decided').compute(t2.db, scope, yearPeriod(2020))).toBeNull();
      expect(await m('decisions.publicCommentCompliance').compute(t2.db, scope, yearPeriod(2020))).toBeNull();
      const o = await t2.as('office');
      const run = async (title: string, comment: unknown, meetingOn: string | null, outcome = 'approved') => {
        const id = (await o.post('/api/v1/decisions', { unitId: u['区城市管理局'], title, category: 'public_policy', proposalSource: 'leader', launchBasis: '区政府研究启动', launchedOn: '2020-01-06' })).body.id;
        await o.post(`/api/v1/decisions/${id}/draft`, { draftedOn: '2020-02-01', researchSummary: '调查研究情况' });
        expect((await o.post(`/api/v1/decisions/${id}/public-comment`, comment)).status).toBe(200);
        await o.post(`/api/v1/decisions/${id}/feedback`, { publishedOn: (comment as { endsOn: string }).endsOn, summary: '未收到意见' });
        if (!meetingOn) return id;
        await o.post(`/api/v1/decisions/${id}/experts`, { required: false, notRequiredReason: '非专业性、技术性事项', doneOn: '2020-04-01' });
        await o.post(`/api/v1/decisions/${id}/risk`, { required: false, notRequiredReason: '不涉及社会稳定风险', doneOn: '2020-04-02' });
        await o.post(`/api/v1/decisions/${id}/legality-review`, { reviewer: 'office', sentOn: '2020-04-03' });
        await o.post(`/api/v1/decisions/${id}/legality-conclusion`, { conclusion: 'lawful', opinion: '经审查合法有效', concludedOn: '2020-04-14' });
        const r = await o.post(`/api/v1/decisions/${id}/decision`, { meetingKind: 'executive', meetingName: '区政府常务会议', meetingOn, minutes: '会议纪要', dissent: '无', headConclusion: '区长意见', outcome });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        return id;
      };
      // A: full 30 days, decided 2020-05-10. B: shortened (10 days), decided 2021-01-08. C: full, rejected 2020-06-01. D: comment only, closed 2020-12-31 (31 days).
      await run('重大决策事项A', { startsOn: '2020-02-05', endsOn: '2020-03-06', channel: '网站' }, '2020-05-10');
      await run('重大决策事项B', { startsOn: '2020-02-05', endsOn: '2020-02-15', channel: '网站', shortenedReason: '情况紧急需缩短' }, '2021-01-08');
      await run('重大决策事项C', { startsOn: '2020-02-05', endsOn: '2020-03-10', channel: '网站' }, '2020-06-01', 'rejected');
      await run('重大决策事项D', { startsOn: '2020-11-30', endsOn: '2020-12-31', channel: '网站' }, null);
      expect(await m('decisions.decided').compute(t2.db, scope, yearPeriod(2020))).toBe(1);
      expect(await m('decisions.decided').compute(t2.db, scope, yearPeriod(2021))).toBe(1);
      expect((await m('decisions.decided').records(t2.db, scope, yearPeriod(2020))).map((r) => r.label)).toEqual(['重大决策事项A']);
      // 4 windows closed in 2020, 3 of them full → 75.0 %.
      expect(await m('decisions.publicCommentCompliance').compute(t2.db, scope, yearPeriod(2020))).toBe(75);
      expect(await m('decisions.catalogued').compute(t2.db, scope, yearPeriod(2020))).toBeNull();
      const jf = (await t2.db.selectFrom('regions').select('id').where('code', '=', '410802').executeTakeFirstOrThrow()).id;
      expect(await m('decisions.decided').compute(t2.db, await metricScopeOf(t2.db, jf), yearPeriod(2020))).toBeNull();
      // A unit's own scope.
      expect(await m('decisions.decided').compute(t2.db, await metricScopeOf(t2.db, region, u['区市场监督管理局']), yearPeriod(2020))).toBeNull();
    } finally {
      await t2.close();
    }
  });
});
