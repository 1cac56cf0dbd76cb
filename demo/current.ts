/**
 * The demo district's current year, in progress on the day the demo is loaded: the year's rule-of-law
 * plan is published and half reported on, so every account signs in to a few real, recent things to
 * do (the 区城市管理局 liaison has a task to report on and a report sent back; the office has reports
 * to review; the 府城街道 liaison has a task due soon), and the register of normative documents has
 * been through this year's cleanup, so no document past its validity still reads "现行有效".
 *
 * Dates are relative to the loading day (the demo is loaded once, on first start); the 2020 report
 * year is untouched.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { today as todayFn } from '../server/core/calendar/index.js';
import { addEntry, addKeyWork, createPlan, createTask, publishPlan, reviewEntry } from '../server/modules/plan/service.js';
import { createCleanup, decideCleanupItems, getCleanup, publishCleanup } from '../server/modules/documents/service.js';
import { demoActor } from './plan.js';

/** `day` moved by `n` days ('YYYY-MM-DD'). */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

/** [task, lead unit, co-units, due in days from today (clamped to the year), recurrence, story] */
type Story = 'done' | 'progress' | 'pending' | 'returned' | 'none';
const TASKS: [string, [string, string, string[], number, 'none' | 'quarterly', Story][]][] = [
  ['加强党对法治政府建设的领导', [
    ['制定印发年度全面依法治区工作要点并分解任务', '区司法局', ['区政府办公室'], -200, 'none', 'done'],
    ['按季度报送法治政府建设工作推进情况', '区司法局', ['区政府办公室'], 400, 'quarterly', 'progress'],
  ]],
  ['坚持严格规范公正文明执法', [
    ['开展城市管理领域行政执法案卷自查，整改发现的问题', '区城市管理局', ['区城市管理综合执法大队'], 12, 'none', 'none'],
    ['落实城市管理领域行政执法公示和全过程记录制度，按季度报送落实情况', '区城市管理局', [], 400, 'quarterly', 'returned'],
    ['推进市场监管领域“双随机、一公开”监管全覆盖', '区市场监督管理局', ['区城市管理局'], 20, 'none', 'pending'],
  ]],
  ['依法有效化解社会矛盾纠纷', [
    ['开展街道、村（社区）矛盾纠纷排查化解，按月报送排查台账', '府城街道办事处', ['区司法局'], 9, 'none', 'progress'],
    ['推进行政复议规范化建设，健全案件审理机制', '区司法局', [], 25, 'none', 'progress'],
  ]],
  ['全面提高政府工作人员法治思维和依法行政能力', [
    ['组织政府常务会学法，全年不少于4次', '区政府办公室', ['区司法局'], 400, 'none', 'progress'],
    ['组织城市管理执法人员法律知识培训', '区城市管理局', ['区司法局'], -30, 'none', 'done'],
  ]],
];

/** The current year's plan, half reported on, and this year's cleanup of the document register. */
export async function seedCurrentYear(db: Kysely<Database>, _cfg: Config) {
  const now = todayFn();
  const year = Number(now.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const office = await demoActor(db);
  const liaison = await demoActor(db, 'liaison');
  const units = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  const uid = (n: string) => {
    const id = units.get(n);
    if (!id) throw new Error(`demo unit missing: ${n}`);
    return id;
  };
  // A day of this year no later than today (a report cannot be dated in the future).
  const past = (n: number) => maxDay(yearStart, minDay(addDays(now, -n), now));

  const plan = await createPlan(db, office, { year, kind: 'gov_work', title: `中站区${year}年度法治政府建设工作安排`, docNo: `中政办〔${year}〕9号` });
  const stories: { id: string; title: string; lead: string; story: Story; due: string }[] = [];
  for (const [kwTitle, tasks] of TASKS) {
    const kw = await addKeyWork(db, office, plan.id, { title: kwTitle, area: kwTitle });
    for (const [title, lead, co, inDays, recurrence, story] of tasks) {
      const due = recurrence === 'quarterly' || inDays >= 400 ? yearEnd : maxDay(yearStart, minDay(addDays(now, inDays), yearEnd));
      const t = await createTask(db, office, { keyWorkId: kw.id, title, unitId: uid(lead), coUnitIds: co.map(uid), recurrence, dueDate: due, leader: '常务副区长' });
      stories.push({ id: t.id, title, lead, story, due });
    }
  }
  await publishPlan(db, office, plan.id);

  // Quarter ends of this year that have passed: each was reported on time and accepted.
  const quarterEnds = ['03-31', '06-30', '09-30', '12-31'].map((q) => `${year}-${q}`).filter((q) => q < now);
  for (const s of stories) {
    const unitId = uid(s.lead);
    const who = s.lead === '区城市管理局' ? liaison : office;
    const entry = (date: string, text: string, claimedStatus: 'in_progress' | 'done') => addEntry(db, who, s.id, { entryDate: date, text, claimedStatus, unitId });
    const quarterly = TASKS.flatMap(([, ts]) => ts).find((t) => t[0] === stories.find((x) => x.id === s.id)?.title)?.[4] === 'quarterly';
    if (quarterly) {
      for (const q of quarterEnds) {
        const e = await entry(addDays(q, -3), '本季度工作已按期推进，情况报告和佐证材料已上传。', 'in_progress');
        await reviewEntry(db, office, e.id, { decision: 'accept' });
      }
    }
    if (s.story === 'done') {
      const e = await entry(minDay(s.due, past(0)), '已按要求完成，印发文件和签到表等佐证材料已上传。', 'done');
      await reviewEntry(db, office, e.id, { decision: 'accept' });
    } else if (s.story === 'progress' && !quarterly) {
      const e = await entry(past(20), '已制定工作方案，明确责任人和时间节点，正在按计划推进。', 'in_progress');
      await reviewEntry(db, office, e.id, { decision: 'accept' });
    } else if (s.story === 'pending') {
      await entry(past(3), '已完成抽查计划制定和检查对象随机抽取，抽查正在进行，结果将按期公示。', 'in_progress');
    } else if (s.story === 'returned') {
      // The current quarter's report came back: the liaison corrects it (the first thing on their list).
      const e = await entry(past(6), '本季度执法公示工作已落实。', 'in_progress');
      await reviewEntry(db, office, e.id, { decision: 'return', comment: '请写明本季度公示的执法决定件数和公示网址，并上传公示截图。' });
    }
  }

  await cleanupExpired(db, now);
}

/**
 * This year's cleanup of the document register: every document whose validity has ended is declared
 * invalid (有效期届满), and one whose validity ends within the year is extended after evaluation
 * (《河南省行政规范性文件管理办法》: evaluate before the validity ends; continue, amend or let it lapse).
 */
async function cleanupExpired(db: Kysely<Database>, now: string) {
  const office = await demoActor(db);
  const region = await db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
  const expiring = await db.selectFrom('normative_documents').select(['id', 'valid_until']).where('region_id', '=', region.id).where('status', '=', 'in_force')
    .where('valid_until', 'is not', null).where('valid_until', '<=', addDays(now, 365)).execute();
  if (!expiring.length) return;
  const year = now.slice(0, 4);
  const publishedOn = addDays(now, -7);
  const c = await createCleanup(db, office, {
    title: `${year}年中站区行政规范性文件有效期届满评估清理`, regionId: region.id, issuedBefore: addDays(now, -30), startedOn: addDays(now, -45),
    basis: '对有效期已届满或即将届满的行政规范性文件逐件评估，决定继续有效、延长有效期或宣布失效',
  });
  const { items } = await getCleanup(db, office, c.id);
  const due = new Map(expiring.map((d) => [d.id, d.valid_until as string | null]));
  await decideCleanupItems(db, office, c.id, {
    decidedOn: addDays(now, -14),
    items: items.map((i) => {
      const until = due.get(i.document_id);
      if (until === undefined) return { documentId: i.document_id, decision: 'keep' as const, reason: '文件内容合法，在有效期内，继续执行' };
      if (until && until < publishedOn) return { documentId: i.document_id, decision: 'invalidate' as const, reason: '有效期已届满，经评估不再继续执行' };
      return { documentId: i.document_id, decision: 'extend' as const, reason: '经评估仍需继续执行，延长有效期', newValidUntil: `${Number(year) + 2}-12-31` };
    }),
  });
  await publishCleanup(db, office, c.id, { publishedOn });
}
