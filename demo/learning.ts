import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { recordActivity } from '../server/modules/learning/service.js';
import { demoActor } from './plan.js';
import { DEPARTMENTS, SUBDISTRICTS } from './org.js';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰鹏辉建国红'.split('');
/** A deterministic, plausible Chinese name for the i-th demo person. */
const nameOf = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 === 0 ? '' : GIVEN[(i * 13 + 5) % GIVEN.length]}`;

/**
 * 2020 learning records of 中站区 (seed §一(一), §一(三), §一(五)): 4 law studies at the executive
 * meeting, 2 legal knowledge tests, a lecture and a group viewing, the 三项制度 competition, 4
 * mediator trainings (the enforcement trainings and exam are in demo/enforcement.ts, by named officer) — recorded through the learning service.
 */
export async function seedLearningDemo(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db);
  const units = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  const uid = (n: string) => units.get(n)!;
  const gov = uid('区政府办公室');
  const sfj = uid('区司法局');
  const rec = (a: Parameters<typeof recordActivity>[2]) => recordActivity(db, office, a);

  for (const [date, topic, speaker] of [
    ['2020-04-09', '政府常务会学法：学习《优化营商环境条例》', '区司法局局长'],
    ['2020-06-11', '政府常务会学法：学习《中华人民共和国民法典》', '河南纳圣律师事务所律师'],
    ['2020-09-17', '政府常务会学法：学习《重大行政决策程序暂行条例》', '区司法局局长'],
    ['2020-11-26', '政府常务会学法：学习《法治政府建设与责任落实督察工作规定》', '河南善博律师事务所律师'],
  ]) await rec({ kind: 'executive_study', date, unitId: gov, topic, speaker, location: '区政府常务会议室', participantCount: 24, attendees: [] });

  const leaders = Array.from({ length: 30 }, (_, i) => ({ name: nameOf(100 + i), unitId: uid(DEPARTMENTS[i % DEPARTMENTS.length]) }));
  await rec({ kind: 'test', date: '2020-07-09', unitId: sfj, topic: '2020年度领导干部依法行政知识测试（第一次）', attendees: leaders.map((l, i) => ({ ...l, score: 78 + ((i * 7) % 21) })) });
  await rec({ kind: 'test', date: '2020-12-17', unitId: sfj, topic: '2020年度领导干部依法行政知识测试（第二次）', attendees: leaders.map((l, i) => ({ ...l, score: 80 + ((i * 11) % 19) })) });
  await rec({ kind: 'lecture', audience: 'leaders', date: '2020-08-20', unitId: sfj, topic: '法治教育专题报告会：深入推进依法行政，加快建设法治政府', speaker: '焦作市司法局', participantCount: 120, attendees: [] });
  await rec({ kind: 'group_viewing', audience: 'leaders', date: '2020-12-03', unitId: sfj, topic: '集中观看学习习近平法治思想', participantCount: 150, attendees: [] });
  await rec({ kind: 'competition', audience: 'enforcement', date: '2020-08-28', unitId: sfj, topic: '行政执法“三项制度”网络知识竞赛', participantCount: 263, attendees: [] });

  // The 4 enforcement trainings (412 person-times) and the exam of 31 units / 267 officers are recorded with the
  // officers' named attendance by the enforcement demo, once the officers are registered (demo/enforcement.ts).

  for (let i = 0; i < 10; i++) {
    const [, street] = SUBDISTRICTS[i % SUBDISTRICTS.length];
    await rec({
      kind: 'training', audience: 'mediator', date: `2020-${String(i + 3).padStart(2, '0')}-${i % 2 ? '18' : '25'}`, unitId: sfj,
      topic: `人民调解员业务培训（第${i + 1}期，${street}）`, participantCount: 35 + ((i * 3) % 20), attendees: [],
    });
  }
}
