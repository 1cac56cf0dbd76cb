import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { addDays, loadCalendar, today } from '../server/core/calendar/index.js';
import { putSetting } from '../server/core/settings.js';
import { idCheckDigit } from '../common/idcard.js';
import {
  assignLawyer, closeCase, decideApplication, formTeam, objectToRefusal, receiveApplication, receiveNotification, recordCheckup, recordHelp,
  recordProgress, registerLawyer, reviewObjection, reviewQuality,
} from '../server/modules/legalaid/service.js';
import { demoActor } from './plan.js';
import { SUBDISTRICTS } from './org.js';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰鹏辉建国红志文'.split('');
/** A deterministic Chinese name for the i-th demo person (fictional). */
export const personName = (i: number) => `${SURNAMES[(i * 3) % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 === 0 ? '' : GIVEN[(i * 13 + 5) % GIVEN.length]}`;
/** A fictional ID number of 中站区 with a valid check digit. */
const idNumber = (i: number) => {
  const y = 1960 + (i % 45);
  const m = String(1 + (i % 12)).padStart(2, '0');
  const d = String(1 + (i % 28)).padStart(2, '0');
  const first = `410803${y}${m}${d}${String(100 + (i % 900)).padStart(3, '0')}`;
  return first + idCheckDigit(first);
};

/** Roster: fictional lawyers of the two firms and two other local firms. [name, firm, practice since] */
const LAWYERS: [string, string, string][] = [
  ['周文博', '河南纳圣律师事务所', '2009-07-01'], ['王立新', '河南纳圣律师事务所', '2012-03-15'], ['刘晓燕', '河南纳圣律师事务所', '2016-09-01'],
  ['张海涛', '河南纳圣律师事务所', '2019-01-10'], ['李明辉', '河南善博律师事务所', '2008-05-20'], ['赵静', '河南善博律师事务所', '2014-11-03'],
  ['陈志强', '河南善博律师事务所', '2018-06-18'], ['孙丽娟', '河南善博律师事务所', '2011-02-28'], ['杨光', '河南怀川律师事务所', '2010-08-08'],
  ['吴敏', '河南怀川律师事务所', '2015-04-01'], ['郭建华', '河南焦作山阳律师事务所', '2013-12-12'], ['何雪', '河南焦作山阳律师事务所', '2017-10-09'],
];

const CIVIL_MATTERS = ['追索劳动报酬', '工伤事故人身损害赔偿', '道路交通事故人身损害赔偿', '请求给付赡养费', '请求给付抚养费', '确认劳动关系', '医疗事故损害赔偿', '请求支付抚恤金'];
const CRIMINAL_MATTERS = ['涉嫌盗窃罪', '涉嫌故意伤害罪', '涉嫌诈骗罪', '涉嫌危险驾驶罪', '涉嫌寻衅滋事罪', '涉嫌抢劫罪', '涉嫌交通肇事罪', '涉嫌非法拘禁罪'];
const NOTIFYING = [
  ['police', '焦作市公安局中站分局'], ['procuratorate', '焦作市中站区人民检察院'], ['court', '焦作市中站区人民法院'],
] as const;
const CATEGORIES = ['minor', 'minor', 'sensory_disability', 'mental_capacity', 'other'] as const;

/**
 * 2020 public legal services of 中站区 (seed §一(五) 二是), through the legal-aid services: 122 cases
 * assigned (40 civil on application; 82 criminal, most notified by the police, procuratorate and court,
 * some on application), with a few applications refused (not counted) and one objection; 105
 * person-times of legal help; 5 lawyer service teams that gave 18 private enterprises a check-up.
 * Then this year's open applications and notifications, so the to-do list is real.
 */
export async function seedLegalaidDemo(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db, 'office');
  const admin = await demoActor(db, 'admin');
  const cal = await loadCalendar(db);
  const units = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  const sfj = units.get('区司法局')!;
  // Demo value for the hardship standard (the province publishes the real one; an administrator enters it).
  await putSetting(db, admin, 'legalaid.hardshipStandard', [{ from: '2019-01-01', monthlyIncome: 1100, source: '演示数据：请按省人民政府公布的经济困难标准录入' }]);

  const lawyers: { id: string; senior: boolean }[] = [];
  for (const [i, [name, firm, since]] of LAWYERS.entries()) {
    const l = await registerLawyer(db, office, { unitId: sfj, name, firm, licenceNo: `14108${since.slice(0, 4)}${String(i + 1).padStart(8, '0')}`, practiceSince: since });
    lawyers.push({ id: l.id, senior: since <= '2017-01-01' });
  }
  const seniors = lawyers.filter((l) => l.senior);
  const workday = (d: string) => cal.nextWorkdayOnOrAfter(d);
  /** The i-th of n dates spread over working days from `from` to `to`. */
  const spread = (i: number, n: number, from: string, days: number) => workday(addDays(from, Math.floor((i * days) / n)));

  let p = 0;
  const runCase = async (id: string, assignedOn: string, i: number, grave = false) => {
    const lawyer = grave ? seniors[i % seniors.length] : lawyers[i % lawyers.length];
    await assignLawyer(db, office, id, { lawyerId: lawyer.id, assignedOn });
    const closedOn = cal.addWorkdays(assignedOn, 25 + (i % 40));
    if (closedOn <= '2020-12-31' && i % 5 !== 0) {
      await recordProgress(db, office, id, { on: cal.addWorkdays(assignedOn, 5), note: '承办律师已会见当事人并查阅案卷材料' });
      await closeCase(db, office, id, { closedOn, result: '已结案，结案材料齐全', materialsComplete: true });
      await reviewQuality(db, office, id, { reviewedOn: cal.addWorkdays(closedOn, 5), grade: (['good', 'excellent', 'good', 'pass'] as const)[i % 4], comment: '', subsidy: 1200 + (i % 3) * 300 });
    }
  };

  // 40 civil applications, granted (economic hardship checked, or art. 42 exempt) and assigned.
  for (let i = 0; i < 40; i++) {
    const receivedOn = spread(i, 40, '2020-01-06', 330);
    const c = await receiveApplication(db, office, {
      unitId: sfj, caseType: 'civil', serviceForm: i % 6 === 0 ? 'labour_arbitration' : 'litigation', personName: personName(p), idNumber: idNumber(p++),
      phone: `139${String(10000000 + i * 7919).slice(0, 8)}`, matter: CIVIL_MATTERS[i % CIVIL_MATTERS.length], receivedOn,
    });
    const decidedOn = cal.addWorkdays(receivedOn, 2 + (i % 4));
    const exempt = CIVIL_MATTERS[i % CIVIL_MATTERS.length] === '追索劳动报酬';
    await decideApplication(db, office, c.id, exempt
      ? { decidedOn, granted: true, hardshipBasis: 'art42', exemption: 'migrant_wages' }
      : { decidedOn, granted: true, hardshipBasis: 'checked', monthlyIncome: 600 + (i % 8) * 60 });
    await runCase(c.id, cal.addWorkdays(decidedOn, 1 + (i % 2)), i);
  }
  // 82 criminal cases: 68 notified by the police, procuratorate and court, 14 on application.
  for (let i = 0; i < 82; i++) {
    const on = spread(i, 82, '2020-01-08', 335);
    if (i % 6 === 5) {
      const c = await receiveApplication(db, office, {
        unitId: sfj, caseType: 'criminal', serviceForm: 'criminal_defence', personName: personName(p), idNumber: idNumber(p++), phone: null,
        matter: `${CRIMINAL_MATTERS[i % CRIMINAL_MATTERS.length]}，犯罪嫌疑人近亲属申请法律援助`, receivedOn: on,
      });
      const decidedOn = cal.addWorkdays(on, 3);
      await decideApplication(db, office, c.id, { decidedOn, granted: true, hardshipBasis: 'checked', monthlyIncome: 700 + (i % 5) * 50 });
      await runCase(c.id, cal.addWorkdays(decidedOn, 1), i);
    } else {
      const [organ, organName] = NOTIFYING[i % 3];
      const grave = i % 17 === 0;
      const c = await receiveNotification(db, office, {
        unitId: sfj, caseType: 'criminal', serviceForm: 'criminal_defence', personName: personName(p), idNumber: idNumber(p++), phone: null,
        matter: grave ? '涉嫌故意杀人罪' : CRIMINAL_MATTERS[i % CRIMINAL_MATTERS.length], notifyingOrgan: organ, notifyingOrganName: organName,
        mandatoryCategory: grave ? 'life_or_death' : CATEGORIES[i % CATEGORIES.length], notifiedOn: on,
      });
      await runCase(c.id, cal.addWorkdays(on, 1 + (i % 3)), i, grave);
    }
  }
  // Refused applications (not counted among cases assigned); one objection, reviewed and dismissed.
  for (let i = 0; i < 3; i++) {
    const receivedOn = spread(i, 3, '2020-03-02', 240);
    const c = await receiveApplication(db, office, {
      unitId: sfj, caseType: 'civil', serviceForm: 'litigation', personName: personName(p), idNumber: idNumber(p++), phone: null, matter: '房屋买卖合同纠纷', receivedOn,
    });
    const decidedOn = cal.addWorkdays(receivedOn, 4);
    await decideApplication(db, office, c.id, { decidedOn, granted: false, hardshipBasis: 'checked', monthlyIncome: 3200, refusalReasons: '申请人家庭人均月收入高于本省法律援助经济困难标准，且所涉事项不属于法律援助法第三十一条规定的范围' });
    if (i === 0) {
      const objectedOn = cal.addWorkdays(decidedOn, 2);
      await objectToRefusal(db, office, c.id, { objectedOn, reasons: '申请人认为家庭实际负担较重' });
      await reviewObjection(db, office, c.id, { reviewedOn: cal.addWorkdays(objectedOn, 3), upheld: false, opinion: '经审查，原决定认定事实清楚，维持不予法律援助的决定' });
    }
  }

  // 105 person-times of legal help: window (district centre and subdistrict offices), 12348, online.
  const subOffices = SUBDISTRICTS.map(([, n]) => units.get(`${n}办事处`)!);
  const matters = ['labour', 'family', 'contract', 'tort', 'property', 'criminal', 'administrative', 'other'] as const;
  for (let i = 0; i < 105; i++) {
    const channel = i % 7 < 4 ? 'window' : i % 7 < 6 ? 'hotline' : 'online';
    await recordHelp(db, office, {
      unitId: channel === 'window' && i % 3 === 0 ? subOffices[i % subOffices.length] : sfj,
      servedOn: spread(i, 105, '2020-01-03', 350), channel, form: i % 15 === 0 ? 'duty_lawyer' : i % 5 === 0 ? 'drafting' : 'consultation',
      matterType: matters[i % matters.length], personName: i % 4 === 0 ? null : personName(500 + i), summary: `${['劳动报酬', '离婚财产分割', '借款合同', '人身损害赔偿', '物业费', '取保候审', '行政处罚', '继承'][i % 8]}法律咨询`,
    });
  }

  // 5 lawyer service teams; 18 private enterprises checked (two of them twice), and one state enterprise.
  const teamNames = ['中站区民营企业法律服务团（第一团）', '中站区民营企业法律服务团（第二团）', '中站区民营企业法律服务团（第三团）', '中站区“法治体检”律师服务团（工业园区）', '中站区“法治体检”律师服务团（商贸服务业）'];
  const teams: { id: string }[] = [];
  for (const [i, name] of teamNames.entries())
    teams.push(await formTeam(db, office, { unitId: sfj, name, formedOn: '2020-04-15', focus: '民营企业法治体检、合规经营', lawyerIds: [lawyers[i].id, lawyers[i + 5].id, lawyers[(i + 7) % lawyers.length].id] }));
  const trades = ['机械制造', '新材料', '化工', '食品加工', '商贸', '物流', '建材', '电子科技', '农业开发'];
  const check = (k: number, team: number, checkedOn: string, ownership: 'private' | 'state' = 'private') =>
    recordCheckup(db, office, {
      teamId: teams[team].id, checkedOn, enterpriseName: ownership === 'state' ? '焦作市中站区城市建设投资有限公司' : `焦作市中站区${trades[k % trades.length]}${k < 9 ? '有限公司' : '股份有限公司'}`,
      creditCode: `91410803MA${String(4000000 + k * 97).padStart(7, '0')}${'ABCDEFGHJ'[k % 9]}`, ownership,
      issuesFound: ['劳动合同文本不规范，未约定试用期工资', '合同审查流程缺失，对外担保未经决议', '安全生产管理制度未及时修订'][k % 3],
      recommendations: ['修订劳动合同范本并组织人事人员培训', '建立合同分级审批制度，完善对外担保决策程序', '对照新修订法规更新安全生产制度'][k % 3],
      followUp: k % 2 ? '企业已按建议整改' : '',
    });
  for (let k = 0; k < 18; k++) await check(k, k % 5, spread(k, 18, '2020-05-06', 190));
  await check(2, 2, '2020-11-18');
  await check(7, 2, '2020-11-25');
  await check(99, 4, '2020-10-14', 'state');

  // Now, at the centre's window (the `aid` account): applications whose 7-working-day decision falls due
  // in the next days, one received yesterday, a granted one awaiting its lawyer, and a police notification.
  const aid = await demoActor(db, 'aid');
  const now = today();
  /** The working day n working days before today. */
  const workdaysAgo = (n: number) => { let d = now; let k = 0; while (k < n) { d = addDays(d, -1); if (cal.isWorkday(d)) k++; } return d; };
  for (const [k, back] of [[0, 6], [1, 5], [2, 4], [3, 1]] as const)
    await receiveApplication(db, aid, {
      unitId: sfj, caseType: k === 3 ? 'administrative' : 'civil', serviceForm: 'litigation', personName: personName(900 + k), idNumber: idNumber(900 + k), phone: `1380391${String(1000 + k * 37)}`,
      matter: k === 3 ? '不服工伤认定决定提起行政诉讼' : CIVIL_MATTERS[k], receivedOn: workdaysAgo(back),
    });
  const waiting = await receiveApplication(db, aid, {
    unitId: sfj, caseType: 'civil', serviceForm: 'labour_arbitration', personName: personName(905), idNumber: idNumber(905), phone: '13903910522',
    matter: '追索劳动报酬（劳动争议仲裁）', receivedOn: workdaysAgo(3),
  });
  await decideApplication(db, aid, waiting.id, { decidedOn: workdaysAgo(1), granted: true, hardshipBasis: 'art42', exemption: 'migrant_wages' });
  await receiveNotification(db, aid, {
    unitId: sfj, caseType: 'criminal', serviceForm: 'criminal_defence', personName: personName(910), idNumber: null, phone: null, matter: '涉嫌盗窃罪',
    notifyingOrgan: 'police', notifyingOrganName: '焦作市公安局中站分局', mandatoryCategory: 'minor', notifiedOn: workdaysAgo(1),
  });
}
