import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { addDays, today } from '../server/core/calendar/index.js';
import type { Actor } from '../server/core/scope/index.js';
import * as svc from '../server/modules/enforcement/service.js';
import { createCampaign, drawSample, listFiles, scoreFile } from '../server/modules/enforcement/review.js';
import { addItems, addRisk, claimItem } from '../server/modules/enforcement/catalogue.js';
import { DEFAULT_CRITERIA, type CaseSystem, type Criterion, type Decision } from '../server/modules/enforcement/schema.js';
import { demoActor } from './plan.js';
import { recordActivity } from '../server/modules/learning/service.js';
import { ENFORCEMENT_TEAMS, SUBDISTRICTS } from './org.js';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰鹏辉建国红志新亮雪晨'.split('');
const nameOf = (i: number) => `${SURNAMES[(i * 3) % SURNAMES.length]}${GIVEN[(i * 7 + 2) % GIVEN.length]}${i % 4 === 0 ? '' : GIVEN[(i * 11 + 5) % GIVEN.length]}`;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** The last day of a five-year term starting on a day (29 February starts count from 28 February). */
const fiveYears = (from: string) => addDays(`${Number(from.slice(0, 4)) + 5}${from.slice(4) === '-02-29' ? '-02-28' : from.slice(4)}`, -1);

/** The 20 departments that claim supervision items (those with inspection powers). */
const CLAIMING = [
  '区城市管理局', '区市场监督管理局', '区农业农村局', '区住房和城乡建设局', '区自然资源和规划局', '区生态环境分局', '区交通运输局', '区文化广电和旅游局',
  '区卫生健康委员会', '区应急管理局', '区教育局', '区人力资源和社会保障局', '区水利局', '区林业局', '区商务局', '区民政局', '区医疗保障局', '区统计局',
  '区发展和改革委员会', '区科技和工业信息化局',
];

/** Case-file scoring criteria: the default sheet (100 points). */
const CRITERIA: Criterion[] = DEFAULT_CRITERIA;

const CAUSES: [CaseSystem, string, string][] = [
  ['penalty', '未经批准擅自占用城市道路经营', '占道经营'],
  ['penalty', '擅自设置户外广告设施', '违规设置户外广告'],
  ['penalty', '运输建筑垃圾沿途撒漏', '建筑垃圾运输撒漏'],
  ['penalty', '销售不符合食品安全标准的食品', '销售不合格食品'],
  ['penalty', '经营无中文标签的预包装食品', '预包装食品标签不规范'],
  ['penalty', '销售假冒伪劣农药', '销售不合格农药'],
  ['inspection', '对农资经营门店的双随机抽查', '农资经营双随机检查'],
  ['license', '城市道路临时占用许可申请', '临时占道许可'],
];

/**
 * 2020 enforcement records of 中站区 (seed §一(三)): bodies and the reform's field moves, 428 officers
 * registered on the 互联网+监管 system with certificates, the year's closed cases and a review campaign
 * that scores 35 sampled files (5 excellent), the supervision catalogue (347 main items, 20 units
 * claiming 346 items, 281 main items covered), risk lists — and a few open cases of the current year
 * for the `officer` account. All through the enforcement services.
 */
export async function seedEnforcementDemo(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db);
  const officerActor = await demoActor(db, 'officer');
  const units = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.name, u.id]));
  const uid = (n: string) => units.get(n)!;

  // ── bodies (执法主体) and the 2020 reform moving fields into the subdistrict teams
  const bodyOf: Record<string, string> = {};
  const body = async (unit: string, kind: 'department' | 'team' | 'subdistrict', fields: string[], legalBasis: string, since = '2019-03-01') => {
    bodyOf[unit] = (await svc.registerBody(db, office, { unitId: uid(unit), kind, fields, legalBasis, since })).id;
  };
  await body('区城市管理综合执法大队', 'team', ['城市管理', '市容环卫', '园林绿化'], '《中共中央 国务院关于深入推进城市执法体制改革改进城市管理工作的指导意见》；区委编委批复');
  await body('区农业综合行政执法大队', 'team', ['农业', '农药兽药', '种子'], '《关于深化农业综合行政执法改革的指导意见》（中办发〔2018〕61号）', '2020-04-16');
  await body('区市场监管综合执法大队', 'team', ['市场监管', '食品安全', '药品监管'], '《关于深化市场监管综合行政执法改革的指导意见》（中办发〔2018〕62号）', '2020-04-16');
  for (const [, n] of SUBDISTRICTS) await body(`${n}办事处`, 'subdistrict', ['社会治安综合治理'], '《中站区街道综合行政执法改革工作指导意见（试行）》', '2020-06-01');
  // The reform (“一支队伍管全部”) moves fields from the teams into subdistrict teams on a date, kept as history.
  await svc.moveField(db, office, bodyOf['区城市管理综合执法大队'], { field: '市容环卫', toBodyId: bodyOf['府城街道办事处'], on: '2020-09-01', note: '街道综合行政执法改革' });
  await svc.moveField(db, office, bodyOf['区城市管理综合执法大队'], { field: '园林绿化', toBodyId: bodyOf['许衡街道办事处'], on: '2020-09-01', note: '街道综合行政执法改革' });

  // ── officers: 428 registered on the 互联网+监管 system, each with a certificate (3 teams × 40, 8 subdistricts × 16, 20 departments × 9)
  const staffing: [string, number][] = [
    ...ENFORCEMENT_TEAMS.map((t): [string, number] => [t, 40]),
    ...SUBDISTRICTS.map(([, n]): [string, number] => [`${n}办事处`, 16]),
    ...CLAIMING.map((d): [string, number] => [d, 9]),
  ];
  const officerUser = await db.selectFrom('users').select('id').where('username', '=', 'officer').executeTakeFirstOrThrow();
  const byUnit: Record<string, string[]> = {};
  const staff: { id: string; name: string; unit: string; certNo: string; issuedOn: string; expiresOn: string; i: number }[] = [];
  const team = '区城市管理综合执法大队';
  const day = today();
  let i = 0;
  for (const [unit, n] of staffing) {
    for (let k = 0; k < n; k++, i++) {
      const first = unit === team && k === 0;
      const reviewer = k === 1;
      const name = first ? '吴强' : nameOf(i);
      const o = await svc.registerOfficer(db, office, {
        unitId: uid(unit), name, userId: first ? officerUser.id : undefined,
        legalReviewer: reviewer, legalQualification: reviewer, supervisionRegisteredOn: `2020-${pad(3 + (i % 9), 2)}-${pad(1 + (i % 27), 2)}`,
      });
      (byUnit[unit] ??= []).push(o.id);
      // Certificates were issued in batches from 2016 to 2019 (the teams' first officers in 2017), each for five years.
      const issuedOn = unit.includes('大队') && k < 10 ? '2017-08-01' : addDays('2016-03-01', (i * 37) % 1370);
      const expiresOn = fiveYears(issuedOn);
      const certNo = `410803${issuedOn.slice(0, 4)}${pad(i + 1, 4)}`;
      await svc.issueCertificate(db, office, o.id, {
        certNo, kind: k === 2 && !unit.includes('大队') ? 'supervision' : 'enforcement', field: unit.replace(/^区|办事处$/g, ''), issuedOn, expiresOn,
      });
      staff.push({ id: o.id, name, unit, certNo, issuedOn, expiresOn, i });
    }
  }
  // Renewal (审核换发) a month before each certificate lapses, for as long as the officer serves: the current
  // certificates then lapse at dates spread over the coming years, some within the next three months.
  const teamFirst = new Set(byUnit[team].slice(0, 6));
  for (const s of staff) {
    if (teamFirst.has(s.id)) continue;
    let expires = s.expiresOn;
    while (expires < day) {
      const on = addDays(expires, -30);
      const c = await db.selectFrom('enforcement_certificates').select(['id', 'kind', 'field']).where('officer_id', '=', s.id).where('status', '=', 'valid').executeTakeFirstOrThrow();
      const next = fiveYears(on);
      await svc.renewCertificate(db, office, c.id, { certNo: `410803${on.slice(0, 4)}${pad(s.i + 1, 4)}`, kind: c.kind, field: c.field, issuedOn: on, expiresOn: next });
      expires = next;
    }
  }
  // The team's first officers renewed together in 2022; one renewed late and lapses soon.
  for (const [k, id] of byUnit[team].slice(0, 6).entries()) {
    const c = await db.selectFrom('enforcement_certificates').select('id').where('officer_id', '=', id).where('status', '=', 'valid').executeTakeFirstOrThrow();
    await svc.renewCertificate(db, office, c.id, { certNo: `4108032022${pad(k + 1, 4)}`, kind: 'enforcement', field: '城市管理', issuedOn: '2022-07-01', expiresOn: k === 5 ? addDays(day, 45) : '2027-06-30' });
  }

  // ── 2020 trainings and the exam: named attendance of the registered officers, kept in the learning
  // module's attendance lists (one place for an officer's training record; shown on the officer's page).
  const sfj = uid('区司法局');
  const attendee = (s: (typeof staff)[number]) => ({ name: s.name, unitId: uid(s.unit), officerId: s.id });
  for (const [t, [date, topic, n]] of ([
    ['2020-05-21', '行政执法“三项制度”专题培训', 120],
    ['2020-07-16', '《行政执法资料汇编》和执法文书规范培训', 98],
    ['2020-09-24', '《民法典》与行政执法衔接专题培训', 105],
    ['2020-11-12', '综合行政执法改革业务培训', 89],
  ] as const).entries()) {
    const from = (t * 107) % staff.length;
    const who = Array.from({ length: n }, (_, k) => staff[(from + k) % staff.length]);
    await recordActivity(db, office, { kind: 'training', audience: 'enforcement', date, unitId: sfj, topic, attendees: who.map(attendee) });
  }
  // 31 enforcement units, 267 officers: 3 teams × 25, 8 subdistrict offices × 8, 20 departments (8 × 7 + 12 × 6).
  const examUnits: [string, number][] = [
    ...ENFORCEMENT_TEAMS.map((t): [string, number] => [t, 25]),
    ...SUBDISTRICTS.map(([, n]): [string, number] => [`${n}办事处`, 8]),
    ...CLAIMING.map((d, k): [string, number] => [d, k < 8 ? 7 : 6]),
  ];
  const examinees = examUnits.flatMap(([unit, n]) => staff.filter((s) => s.unit === unit).slice(0, n));
  await recordActivity(db, office, {
    kind: 'exam', audience: 'enforcement', date: '2020-11-20', unitId: sfj, topic: '行政执法人员专业法律知识和公共法律知识考试', location: '区委党校',
    attendees: examinees.map((s, k) => { const score = 62 + ((k * 17) % 37); return { ...attendee(s), score, passed: score >= 60 }; }),
  });

  // ── 2020 cases: 48 closed (16 per team), the review samples 35
  const teamNo: Record<string, string> = { 区城市管理综合执法大队: '中城管', 区农业综合行政执法大队: '中农执', 区市场监管综合执法大队: '中市监' };
  const closedCases: string[] = [];
  for (const [ti, t] of ENFORCEMENT_TEAMS.entries()) {
    const [a, b] = byUnit[t];
    const reviewer = byUnit[t][1];
    const handlers = [a, byUnit[t][2]];
    for (let n = 1; n <= 16; n++) {
      const [system, cause, short] = CAUSES[(n + ti * 3) % CAUSES.length];
      const month = 1 + ((n * 5 + ti) % 10);
      const filedOn = `2020-${pad(month, 2)}-${pad(3 + ((n * 7) % 20), 2)}`;
      const major = system === 'penalty' && n % 5 === 0;
      const actor = t === team ? officerActor : office;
      const c = await svc.fileCase(db, actor, {
        unitId: uid(t), system, caseNo: `${teamNo[t]}${system === 'penalty' ? '罚' : system === 'license' ? '许' : '检'}〔2020〕${n}号`,
        title: `${nameOf(500 + n + ti * 20).slice(0, 1)}某${short}案`, partyName: n % 3 === 0 ? `焦作市某${short.slice(0, 2)}有限公司` : `${nameOf(500 + n + ti * 20).slice(0, 1)}某`,
        partyKind: n % 3 === 0 ? 'organisation' : 'person', cause, filedOn, officerIds: handlers, major, majorReasons: major ? ['hearing'] : [],
      });
      void b;
      const d = (k: number) => addDays(filedOn, k);
      await svc.investigate(db, actor, c.id, d(1));
      if (major) {
        await svc.submitForReview(db, actor, c.id, d(20));
        await svc.concludeReview(db, office, c.id, { reviewerId: reviewer, conclusion: 'pass', opinion: '事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意作出处罚决定。', on: d(24) });
      }
      const decision: Decision = system === 'penalty' ? (n % 7 === 0 ? 'no_penalty' : 'penalty') : system === 'license' ? 'granted' : (n % 2 ? 'compliant' : 'violation');
      const fine = decision === 'penalty' ? [200, 500, 1000, 2000, 5000][n % 5] : undefined;
      await svc.decide(db, actor, c.id, { on: d(30), decision, decisionNo: `${teamNo[t]}决字〔2020〕${n}号`, signedBy: '张建国', ...(fine ? { fine } : {}) });
      await svc.publish(db, actor, c.id, d(n % 9 === 0 ? 45 : 33));
      await svc.serve(db, actor, c.id, { on: d(32), partyPresent: n % 2 === 0 });
      if (decision === 'penalty' || decision === 'violation') await svc.execute(db, actor, c.id, { on: d(40), ...(fine ? { paidOn: d(40) } : {}) });
      await svc.closeCase(db, actor, c.id, d(45));
      closedCases.push(c.id);
    }
  }

  // ── 2020 case-file review: 35 files sampled and scored, 5 excellent
  const campaign = await createCampaign(db, office, {
    year: 2020, title: '2020年度全区行政执法案卷评查', criteria: CRITERIA, bands: { excellent: 90, pass: 60 }, sampleSize: 35, sampleSeed: 'zhongzhan-2020',
  });
  await drawSample(db, office, campaign.id);
  const files = await listFiles(db, office, campaign.id);
  const PROBLEMS: [string, number, string][] = [
    ['LJ', 3, '卷内文书目录不完整，部分文书未编页码'], ['CX', 5, '先行登记保存证据通知书未载明当事人陈述申辩权利'], ['SS', 6, '现场检查笔录未经当事人签字确认，亦未注明原因'],
    ['YJ', 4, '处罚决定书引用法律条款不具体，未引用到项'], ['CL', 3, '未说明适用裁量基准的理由'],
  ];
  for (const [k, f] of files.entries()) {
    // 5 excellent (deductions ≤ 10), 28 pass, 2 fail.
    const items = k < 5 ? [{ code: 'LJ', deduction: 2 + (k % 3), vetoed: false, problem: '案卷装订顺序不规范' }]
      : k < 33 ? [PROBLEMS[k % 5], PROBLEMS[(k + 2) % 5]].map(([code, deduction, problem]) => ({ code, deduction: deduction + (k % 4) + 2, vetoed: false, problem }))
      : [{ code: 'SS', deduction: 25, vetoed: false, problem: '主要证据缺失，违法事实认定不清' }, { code: 'CX', deduction: 20, vetoed: false, problem: '未履行告知程序即作出处罚决定' }];
    await scoreFile(db, office, f.id, { reviewer: '王晓丽', on: `2020-12-${pad(7 + (k % 10), 2)}`, items, rectifyWithinDays: 30 });
  }

  // ── 互联网+监管 catalogue: 347 main items (65 with two sub-items each), claimed by 20 units
  const SUBJECTS = ['城市道路占用', '户外广告设置', '建筑垃圾处置', '食品生产经营', '药品零售', '农药经营', '兽药经营', '种子生产经营', '特种设备使用', '计量器具使用',
    '建筑施工安全', '房地产开发经营', '物业服务', '矿产资源开采', '土地利用', '排污单位', '道路运输经营', '文化娱乐场所', '医疗机构执业', '危险化学品经营',
    '学校办学', '劳动用工', '河道采砂', '林木采伐', '成品油流通', '养老机构', '医保定点机构', '统计调查对象', '价格行为', '工业企业节能'];
  const items = [];
  for (let m = 1; m <= 347; m++) {
    const subject = SUBJECTS[(m - 1) % SUBJECTS.length];
    const code = `410803-JG-${pad(m, 4)}`;
    items.push({ code, name: `对${subject}的行政检查（${Math.ceil(m / SUBJECTS.length)}）`, competent: CLAIMING[(m - 1) % CLAIMING.length], listedOn: '2020-03-20' });
    if (m > 216 && m <= 281) {
      for (const s of [1, 2]) items.push({ code: `${code}-${s}`, name: `对${subject}的${s === 1 ? '日常' : '专项'}检查`, parentCode: code, competent: CLAIMING[(m - 1) % CLAIMING.length], listedOn: '2020-03-20' });
    }
  }
  await addItems(db, office, items);
  const rows = await db.selectFrom('enforcement_supervision_items').select(['id', 'code', 'parent_id', 'competent']).where('code', 'like', '410803-JG-%').execute();
  const claimable = rows.filter((r) => {
    const m = Number(r.code.slice(10, 14));
    return (m <= 216 && !r.parent_id) || (m > 216 && m <= 281 && !!r.parent_id);
  }).sort((x, y) => x.code.localeCompare(y.code));
  for (const [k, r] of claimable.entries()) {
    const on = `2020-${pad(4 + (k % 6), 2)}-${pad(1 + (k % 25), 2)}`;
    await claimItem(db, office, { unitId: uid(r.competent), itemId: r.id, claimedOn: on, implementationListOn: addDays(on, 14) });
  }

  // ── violation-risk lists
  const RISKS: [string, string, string, string, string, 'high' | 'medium' | 'low', string][] = [
    ['区城市管理局', '擅自占用城市道路经营', '在城市道路、人行道上摆摊设点、店外经营', '《城市道路管理条例》第二十七条、第四十二条', '责令限期改正，可处以2万元以下罚款', 'medium', '依法申请临时占道许可，在规定区域和时段经营'],
    ['区城市管理局', '建筑垃圾运输撒漏', '运输车辆未密闭、沿途撒漏', '《城市建筑垃圾管理规定》第十四条、第二十三条', '责令限期改正，给予警告，处5000元以上5万元以下罚款', 'high', '使用密闭运输车辆，办理核准手续，按规定路线运输'],
    ['区市场监督管理局', '经营超过保质期的食品', '销售、贮存过期预包装食品', '《食品安全法》第三十四条、第一百二十四条', '没收违法所得和违法经营的食品，并处罚款；情节严重的吊销许可证', 'high', '建立进货查验和临期食品清查制度'],
    ['区市场监督管理局', '未公示营业执照', '经营场所未在醒目位置悬挂营业执照', '《市场主体登记管理条例》第三十六条、第五十条', '责令改正；拒不改正的，处3万元以下罚款', 'low', '在经营场所醒目位置悬挂营业执照'],
    ['区农业农村局', '经营假劣农药', '销售未取得登记证或过期失效的农药', '《农药管理条例》第二十七条、第五十五条', '没收违法所得和农药，并处货值金额5倍以上10倍以下罚款', 'high', '严格执行进货查验和购销台账制度'],
  ];
  for (const [unit, riskPoint, forms, legalBasis, consequence, level, prevention] of RISKS) {
    await addRisk(db, office, { unitId: uid(unit), riskPoint, forms, legalBasis, consequence, level, prevention, published: true });
  }

  // ── open cases of the current year for the officer's to-dos
  await seedCurrentCases(db, officerActor, office, uid(team), byUnit[team], day);
  void closedCases;
}

async function seedCurrentCases(db: Kysely<Database>, officer: Actor, office: Actor, teamId: string, staff: string[], day: string) {
  const year = day.slice(0, 4);
  const mk = (n: number, filedBack: number, title: string, party: string, extra: Partial<Parameters<typeof svc.fileCase>[2]> = {}) =>
    svc.fileCase(db, officer, {
      unitId: teamId, system: 'penalty', caseNo: `中城管罚〔${year}〕${n}号`, title, partyName: party, partyKind: 'person', cause: title.replace(/^.某|案$/g, ''),
      filedOn: addDays(day, -filedBack), officerIds: [staff[0], staff[2]], major: false, majorReasons: [], ...extra,
    });
  const a = await mk(101, 12, '李某擅自占用城市道路经营案', '李某');
  await svc.investigate(db, officer, a.id, addDays(day, -11));
  const b = await mk(102, 60, '王某擅自设置户外广告设施案', '王某', { majorReasons: ['hearing'] });
  await svc.investigate(db, officer, b.id, addDays(day, -59));
  await svc.submitForReview(db, officer, b.id, addDays(day, -5));
  const c = await mk(103, 40, '某建材公司运输建筑垃圾撒漏案', '焦作市某建材有限公司', { partyKind: 'organisation' });
  await svc.investigate(db, officer, c.id, addDays(day, -39));
  await svc.decide(db, officer, c.id, { on: addDays(day, -3), decision: 'penalty', decisionNo: `中城管罚决字〔${year}〕103号`, signedBy: '张建国', fine: 5000 });
  await mk(104, 2, '赵某占道堆放物料案', '赵某');
  // A decision of this year already published: on the public portal within its display period.
  const e = await mk(105, 50, '孙某擅自设置户外广告设施案', '孙某');
  await svc.investigate(db, officer, e.id, addDays(day, -49));
  await svc.decide(db, officer, e.id, { on: addDays(day, -20), decision: 'penalty', decisionNo: `中城管罚决字〔${year}〕105号`, signedBy: '张建国', fine: 2000 });
  await svc.publish(db, officer, e.id, addDays(day, -16));
  void office;
}
