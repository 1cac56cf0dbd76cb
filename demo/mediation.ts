import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { addDays, loadCalendar, today } from '../server/core/calendar/index.js';
import { addDisputeNote, appointMediator, mediationTasks, receiveDispute, recordConfirmation, recordFailure, recordRefusal, recordSuccess, setUpCommittee } from '../server/modules/mediation/service.js';
import { demoActor } from './plan.js';
import { runScheduledTasks } from '../server/core/schedule.js';
import { SUBDISTRICTS } from './org.js';
import { personName } from './legalaid.js';

/** Fictional village/community committees per subdistrict (the demo district's real list is not in the seed). */
const LOCAL = ['社区', '村'];
const TYPES: [string, number][] = [
  ['family', 70], ['neighbour', 95], ['housing', 30], ['contract', 35], ['damages', 40], ['labour', 30], ['property', 40], ['traffic', 25],
  ['consumer', 12], ['land', 10], ['demolition', 8], ['medical', 6], ['environment', 5], ['business', 4], ['other', 3],
];
const SOURCES: [('application' | 'initiative' | 'court' | 'petition' | 'police'), number, string | null][] = [
  ['application', 200, null], ['initiative', 80, null], ['court', 45, '焦作市中站区人民法院'], ['petition', 33, '中站区信访局'], ['police', 55, '焦作市公安局中站分局'],
];

/**
 * People's mediation in 中站区 (seed §一(五) 三是): a committee in every subdistrict and in each of its
 * villages/communities (全覆盖) plus two industry committees, two mediators each, and 2020's disputes —
 * 415 received, 2 ended by a party's refusal, 413 accepted (the report's "410余"), 409 mediated
 * successfully and 4 failed (99%) — with 三调对接 referrals from the court, petition office and police.
 * Then this year's open disputes at 府城街道, recorded by the `street` account, for its to-do list.
 */
export async function seedMediationDemo(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db, 'office');
  const street = await demoActor(db, 'street');
  const cal = await loadCalendar(db);
  const units = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  const committees: { id: string; mediators: string[]; fucheng: boolean }[] = [];
  let m = 0;
  const add = async (unitId: string, name: string, kind: 'subdistrict' | 'village' | 'community' | 'industry', fucheng: boolean) => {
    const c = await setUpCommittee(db, office, { unitId, name, kind, establishedOn: '2011-06-01' });
    const mediators = [];
    for (let k = 0; k < 2; k++) mediators.push((await appointMediator(db, office, { committeeId: c.id, name: personName(700 + m++), fullTime: k === 0 })).id);
    committees.push({ id: c.id, mediators, fucheng });
  };
  for (const [i, [, sub]] of SUBDISTRICTS.entries()) {
    const unitId = units.get(`${sub}办事处`)!;
    const short = sub.replace('街道', '');
    await add(unitId, `${sub}人民调解委员会`, 'subdistrict', sub === '府城街道');
    for (let k = 0; k < 3; k++) {
      const local = LOCAL[(i + k) % 2];
      await add(unitId, `${sub}${short}${['东', '西', '南'][k]}${local}人民调解委员会`, local === '村' ? 'village' : 'community', sub === '府城街道');
    }
  }
  const sfj = units.get('区司法局')!;
  await add(sfj, '中站区医疗纠纷人民调解委员会', 'industry', false);
  await add(sfj, '中站区道路交通事故纠纷人民调解委员会', 'industry', false);

  const pick = <E extends [unknown, number, ...unknown[]]>(list: E[], i: number, total: number): E => {
    let k = (i * 7919) % total;
    for (const e of list) { if (k < e[1]) return e; k -= e[1]; }
    return list[0];
  };
  const N = 415;
  for (let i = 0; i < N; i++) {
    const [type] = pick(TYPES, i, 413);
    const [source, , referredBy] = pick(SOURCES, i, 413);
    const c = type === 'medical' ? committees[committees.length - 2] : type === 'traffic' && i % 2 ? committees[committees.length - 1] : committees[i % (committees.length - 2)];
    const receivedOn = cal.nextWorkdayOnOrAfter(addDays('2020-01-02', Math.floor((i * 360) / N)));
    // 府城街道's committees keep their own ledger (the `street` account); the others are entered by the office.
    const actor = c.fucheng ? street : office;
    const d = await receiveDispute(db, actor, {
      committeeId: c.id, disputeType: type, source, referredBy, parties: `${personName(1000 + 2 * i)}与${personName(1001 + 2 * i)}`,
      summary: '双方因琐事发生纠纷，请求调解', receivedOn, mediatorId: c.mediators[i % 2],
    });
    if (c.fucheng) await addDisputeNote(db, actor, d.id, { kind: 'session', on: receivedOn, mediatorId: c.mediators[i % 2], note: '分别听取双方陈述，讲解相关法律规定，引导双方互谅互让' });
    if (i === 7 || i === 207) await recordRefusal(db, actor, d.id, { endedOn: addDays(receivedOn, 2), note: '一方当事人明确拒绝调解，已告知其他解决途径' });
    else if (i % 100 === 50) await recordFailure(db, actor, d.id, { endedOn: cal.addWorkdays(receivedOn, 15), advice: '调解不成，已告知当事人可依法申请仲裁或向人民法院起诉' });
    else {
      const agreementOn = cal.addWorkdays(receivedOn, 1 + (i % 12));
      const on = agreementOn > '2020-12-31' ? '2020-12-31' : agreementOn;
      await recordSuccess(db, actor, d.id, { agreementForm: i % 4 === 0 ? 'oral' : 'written', agreementOn: on, agreement: '双方自愿达成协议，当场履行完毕' });
      if (c.fucheng && i % 3 === 0 && on < '2020-12-01') await addDisputeNote(db, actor, d.id, { kind: 'visit', on: addDays(on, 20), note: '回访双方当事人，协议已履行完毕，无反复' });
      // Some parties apply jointly for judicial confirmation (诉调对接 cases most often).
      if (i % 4 !== 0 && (source === 'court' || i % 9 === 0)) await recordConfirmation(db, actor, d.id, { appliedOn: cal.addWorkdays(on, 3), court: '焦作市中站区人民法院' });
    }
  }
  // The other 2020 windows passed long ago without an application: the server's scheduled sweep lapses
  // them (run here too, so a database loaded by the CLI or the journeys' template is the same).
  await runScheduledTasks(db, mediationTasks);

  // This year at 府城街道: disputes being mediated and a fresh written agreement whose confirmation window is open.
  const fc = committees.filter((c) => c.fucheng);
  const now = today();
  const opened = [];
  for (const [k, back, type, source, by] of [
    [0, 2, 'neighbour', 'police', '府城派出所'], [1, 9, 'family', 'application', null], [2, 20, 'property', 'court', '焦作市中站区人民法院'], [3, 5, 'labour', 'petition', '中站区信访局'],
  ] as const) {
    opened.push(await receiveDispute(db, street, {
      committeeId: fc[k % fc.length].id, disputeType: type, source, referredBy: by, parties: `${personName(3000 + 2 * k)}与${personName(3001 + 2 * k)}`,
      summary: ['楼上漏水致楼下房屋受损', '赡养老人费用分担', '物业服务费争议', '拖欠工资'][k], receivedOn: addDays(now, -back), mediatorId: fc[k % fc.length].mediators[0],
    }));
  }
  for (const [k, d] of opened.entries())
    if (k < 3) await addDisputeNote(db, street, d.id, { kind: 'session', on: addDays(now, -Math.min(k * 5, 8)), mediatorId: fc[k % fc.length].mediators[0], note: ['已到现场查看漏水情况，约定三日内再次调解', '已分别约谈子女三人，意见尚未统一', '已调取物业服务合同，物业公司同意减免部分费用'][k] });
  await recordSuccess(db, street, opened[3].id, { agreementForm: 'written', agreementOn: addDays(now, -1), agreement: '用人单位于十日内支付拖欠工资8600元' });
}
