import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { addDays, today } from '../server/core/calendar/index.js';
import { regionByCode, unitsByNameIn } from '../server/modules/org/lookup.js';
import { assignItem, giveCoOpinion, listAssignments, recordContact, recordSatisfaction, registerItem, replyItem } from '../server/modules/oversight/suggestions.js';
import { addRectification, reportRectification, concludeAudit, createAudit, publishAudit, recordComments, sendNotice, sendReport } from '../server/modules/oversight/audits.js';
import type { ResultClass } from '../server/modules/oversight/schema.js';
import { generateReport, publishReport, reviewReport } from '../server/modules/oversight/reports.js';
import { demoActor } from './advisors.js';
import { DEPARTMENTS } from './org.js';

/** Subjects of the 2020 suggestions and proposals: [category, title, lead unit, co-unit or null]. */
const TOPICS: [string, string, string, string | null][] = [
  ['城乡建设', '关于加快老旧小区改造进度的建议', '区住房和城乡建设局', '区财政局'],
  ['城市管理', '关于规范城区占道经营管理的建议', '区城市管理局', '区市场监督管理局'],
  ['城市管理', '关于增设城区公共停车泊位的建议', '区城市管理局', '焦作市公安局中站分局'],
  ['教育', '关于缓解城区学校大班额问题的建议', '区教育局', '区住房和城乡建设局'],
  ['卫生健康', '关于加强基层医疗卫生服务能力建设的建议', '区卫生健康委员会', null],
  ['社会保障', '关于完善社区居家养老服务体系的建议', '区民政局', '区卫生健康委员会'],
  ['生态环境', '关于加强工业企业大气污染治理的建议', '区生态环境分局', '区科技和工业信息化局'],
  ['交通', '关于改善农村公路通行条件的建议', '区交通运输局', '区农业农村局'],
  ['经济发展', '关于进一步优化营商环境的建议', '区发展和改革委员会', '区行政审批和政务信息管理局'],
  ['农业农村', '关于推进农村人居环境整治的建议', '区农业农村局', '区城市管理局'],
  ['市场监管', '关于加强校园周边食品安全监管的建议', '区市场监督管理局', '区教育局'],
  ['就业', '关于加强高校毕业生就业创业扶持的建议', '区人力资源和社会保障局', null],
  ['文化旅游', '关于加强缝山公园文化旅游开发的建议', '区文化广电和旅游局', '区自然资源和规划局'],
  ['安全生产', '关于加强老旧小区消防安全隐患整治的建议', '区应急管理局', '区住房和城乡建设局'],
];
const PROPOSERS = ['王建军', '李秀英', '张国庆', '刘红梅', '陈志刚', '杨丽娟', '赵永强', '黄晓燕', '周文斌', '吴桂芳', '徐海涛', '孙玉兰', '马向阳', '朱春华', '胡卫东'];
const CLASSES: ResultClass[] = ['A', 'A', 'B', 'A', 'B', 'C', 'A', 'B'];

/**
 * 2020 suggestions and proposals handled by 中站区 (seed §一(四)一是: 人大建议、批评、意见26件、政协提案84件,
 * 满意率均为100%), each received, assigned, co-handled, discussed with the proposer and replied through the
 * services; one proposer first unsatisfied, satisfied with the second reply. Plus this year's open items so
 * the unit liaisons have replies due on their to-do lists.
 */
export async function seedOversight(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db, 'office');
  const zz = (await regionByCode(db, '410803'))!;
  const names = [...new Set(TOPICS.flatMap((t) => [t[2], t[3]]).filter((x): x is string => !!x))];
  const units = new Map([...(await unitsByNameIn(db, zz.path, names))].map(([k, v]) => [k, v[0].id]));
  const unitActor = async (unit: string) => {
    // The lead unit acts through its own account when it has one (区城市管理局: liaison), else the office enters it.
    if (unit === '区城市管理局') return demoActor(db, 'liaison');
    if (unit === '区市场监督管理局') return demoActor(db, 'liaison2');
    return office;
  };
  const handle = async (kind: 'npc_suggestion' | 'cppcc_proposal', n: number, i: number, receivedOn: string, assignedOn: string, session: string, secondRound: boolean) => {
    const [category, baseTitle, lead, co] = TOPICS[(i + (kind === 'cppcc_proposal' ? 5 : 0)) % TOPICS.length];
    const title = kind === 'cppcc_proposal' ? baseTitle.replace(/的建议$/, '的提案') : baseTitle;
    const proposers = i % 3 === 0 ? [PROPOSERS[i % PROPOSERS.length], PROPOSERS[(i + 4) % PROPOSERS.length]] : [PROPOSERS[i % PROPOSERS.length]];
    const item = await registerItem(db, office, { kind, number: String(n), session, title, proposers, category, receivedOn, content: `${title.replace(/^关于/, '建议').replace(/的(建议|提案)$/, '')}。` });
    const hard = i % 13 === 5;
    await assignItem(db, office, item.id, {
      leadUnitId: units.get(lead)!, coUnitIds: co ? [units.get(co)!] : [], assignedOn, hard, hardReason: hard ? '涉及多个部门和专项资金安排，处理难度大' : undefined,
    });
    const leadActor = await unitActor(lead);
    if (co) {
      const coAssignment = (await listAssignments(db, office, item.id)).find((a) => a.role === 'co')!;
      await giveCoOpinion(db, await unitActor(co), coAssignment.id, { opinionOn: addDays(assignedOn, 14 + (i % 10)), opinion: `${co}同意主办单位办理意见，将在职责范围内配合落实。` });
    }
    await recordContact(db, leadActor, item.id, { contactedOn: addDays(assignedOn, 30 + (i % 20)), method: i % 4 === 0 ? 'site_visit' : i % 2 ? 'face_to_face' : 'phone', note: `就${title.replace(/^关于/, '').replace(/的(建议|提案)$/, '')}当面听取意见，沟通办理思路。` });
    const repliedOn = addDays(assignedOn, 60 + (i % 25));
    await replyItem(db, leadActor, item.id, { repliedOn, resultClass: CLASSES[i % CLASSES.length], reply: `${lead}已认真研究办理，并将办理情况书面答复。` });
    if (secondRound) {
      await recordSatisfaction(db, office, item.id, { recordedOn: addDays(repliedOn, 10), satisfaction: 'unsatisfied' });
      await recordContact(db, leadActor, item.id, { contactedOn: addDays(repliedOn, 20), method: 'face_to_face', note: '再次登门听取意见，共同研究解决办法。' });
      await replyItem(db, leadActor, item.id, { repliedOn: addDays(repliedOn, 40), resultClass: 'A', reply: `${lead}再次研究，所提问题已基本解决。` });
      await recordSatisfaction(db, office, item.id, { recordedOn: addDays(repliedOn, 50), satisfaction: 'satisfied' });
    } else {
      await recordSatisfaction(db, office, item.id, { recordedOn: addDays(repliedOn, 10), satisfaction: i % 5 === 0 ? 'basically' : 'satisfied' });
    }
  };
  // 区十一届人大五次会议 and 区政协十届四次会议 (held in May 2020 after the epidemic's first wave).
  for (let i = 0; i < 26; i++) await handle('npc_suggestion', i + 1, i, '2020-05-20', '2020-05-29', '中站区第十一届人民代表大会第五次会议', i === 7);
  for (let i = 0; i < 84; i++) await handle('cppcc_proposal', i + 1, i, '2020-05-18', '2020-05-29', '政协中站区第十届委员会第四次会议', false);

  // The 2020 handling report, generated from these records, reviewed and published (代表法 第五十一条 「应当予以公开」).
  const report = await generateReport(db, office, { year: 2020, foreword: '区政府高度重视人大代表建议和政协提案办理工作，坚持把办理工作作为接受人大监督、政协民主监督的重要途径。' });
  await reviewReport(db, office, report.id, { reviewedOn: '2020-12-22', opinion: '数据与办理台账核对一致，同意公开。' });
  await publishReport(db, office, report.id, { publishedOn: '2020-12-28' });

  // This year's items still in hand: replies due on the units' to-do lists.
  const now = today();
  const year = now.slice(0, 4);
  const open: [string, string, string][] = [
    ['关于整治城区背街小巷环境卫生的建议', '区城市管理局', '城市管理'],
    ['关于规范共享单车停放管理的建议', '区城市管理局', '城市管理'],
    ['关于加强农贸市场周边秩序管理的建议', '区市场监督管理局', '市场监管'],
  ];
  for (const [k, [title, lead, category]] of open.entries()) {
    const item = await registerItem(db, office, { kind: 'npc_suggestion', number: String(k + 1), session: `中站区第十二届人民代表大会（${year}年）`, title, proposers: [PROPOSERS[k]], category, receivedOn: addDays(now, -40), content: '' });
    await assignItem(db, office, item.id, { leadUnitId: units.get(lead)!, coUnitIds: [], assignedOn: addDays(now, -30 + k * 5), hard: false });
  }
}

/** 2020 audits (seed: 审计政府投资基建项目38个，累计审减金额561万元；完成10名领导干部经济责任审计). */
export async function seedAudits(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db, 'office');
  const zz = (await regionByCode(db, '410803'))!;
  const units = new Map([...(await unitsByNameIn(db, zz.path, DEPARTMENTS))].map(([k, v]) => [k, v[0].id]));
  const owners = ['区住房和城乡建设局', '区城市管理局', '区交通运输局', '区教育局', '区水利局', '区农业农村局', '区卫生健康委员会', '区城乡一体化示范区管委会'];
  const kinds = ['道路改造工程', '老旧小区改造工程', '雨污分流管网工程', '校舍维修改造工程', '农田水利设施工程', '公园绿化提升工程', '社区卫生服务中心建设工程', '城区照明改造工程'];
  // Reductions in yuan: 38 projects whose 送审−审定 add up to 5,610,000 (561万元).
  const reductions: number[] = [];
  for (let i = 0; i < 37; i++) reductions.push(52_000 + ((i * 7919) % 190_000) + (i % 3) * 350.5);
  reductions.push(5_610_000 - reductions.reduce((s, x) => Math.round((s + x) * 100) / 100, 0));
  for (let i = 0; i < 38; i++) {
    const unit = owners[i % owners.length];
    const reduction = Math.round(reductions[i] * 100) / 100;
    const submitted = Math.round((reduction / (0.06 + (i % 9) * 0.012)) * 100) / 100;
    const month = 1 + Math.floor((i * 11) / 38);
    const startOn = `2020-${String(month).padStart(2, '0')}-${String(6 + (i % 15)).padStart(2, '0')}`;
    const name = `中站区${['龙翔', '府城', '许衡', '朱村', '月山', '冯封', '李封', '王封'][i % 8]}片区${kinds[i % kinds.length]}（${i + 1}标段）`;
    const a = await createAudit(db, office, { kind: 'investment', auditNo: `中审投〔2020〕${i + 1}号`, title: `${name}结算审计`, unitId: units.get(unit)!, startOn, projectName: name, submittedAmount: submitted });
    await sendNotice(db, office, a.id, { noticeOn: addDays(startOn, -5) });
    const sent = addDays(startOn, 30);
    await sendReport(db, office, a.id, { reportSentOn: sent });
    await recordComments(db, office, a.id, { commentsOn: addDays(sent, 5), comments: '对审计报告无异议。' });
    const concludedOn = addDays(sent, 15);
    await concludeAudit(db, office, a.id, { concludedOn, findings: '工程结算存在多计工程量、套用定额不当等问题，已予审减。', approvedAmount: Math.round((submitted - reduction) * 100) / 100, isIncrease: false });
    if (i % 6 === 0) {
      const withRect = await addRectification(db, office, a.id, { issue: '未按规定办理工程变更签证审批手续', requirement: '完善变更签证审批制度并报送整改情况', dueOn: addDays(concludedOn, 60) });
      await reportRectification(db, office, withRect.id, { reportedOn: addDays(concludedOn, 45), report: '已修订工程变更签证审批办法，补办相关手续。' });
    }
    if (i % 2 === 0) await publishAudit(db, office, a.id, { publishedOn: addDays(concludedOn, 20), publicationRef: '中站区人民政府网站·审计结果公告' });
  }
  const officials: [string, string, string, string, string][] = [
    ['区教育局', '张某', '原局长', '2016-03-01', '2019-12-31'], ['区民政局', '李某', '局长', '2017-01-01', '2019-12-31'],
    ['区财政局', '王某', '原局长', '2016-06-01', '2020-03-31'], ['区交通运输局', '刘某', '局长', '2017-05-01', '2019-12-31'],
    ['区农业农村局', '陈某', '原局长', '2016-01-01', '2019-06-30'], ['区水利局', '杨某', '局长', '2017-03-01', '2019-12-31'],
    ['区商务局', '赵某', '原局长', '2016-09-01', '2020-01-31'], ['区卫生健康委员会', '黄某', '主任', '2017-01-01', '2019-12-31'],
    ['区文化广电和旅游局', '周某', '局长', '2018-01-01', '2020-03-31'], ['区统计局', '吴某', '原局长', '2016-04-01', '2019-12-31'],
  ];
  for (const [i, [unit, person, post, from, to]] of officials.entries()) {
    const startOn = `2020-${String(1 + i).padStart(2, '0')}-10`;
    const a = await createAudit(db, office, { kind: 'economic_responsibility', auditNo: `中审经〔2020〕${i + 1}号`, title: `${unit}${post}${person}任期经济责任审计`, unitId: units.get(unit)!, startOn, personName: person, post, periodFrom: from, periodTo: to });
    await sendNotice(db, office, a.id, { noticeOn: addDays(startOn, -4) });
    const sent = addDays(startOn, 40);
    await sendReport(db, office, a.id, { reportSentOn: sent });
    // Half send no comments within 10 days: no objection is assumed (审计法实施条例 第三十九条).
    if (i % 2) await recordComments(db, office, a.id, { commentsOn: addDays(sent, 7), comments: '对审计报告反映的问题无异议，将认真整改。' });
    await concludeAudit(db, office, a.id, { concludedOn: addDays(sent, 20), findings: '任期内较好履行了经济责任，存在部分专项资金使用不够规范等问题。', isIncrease: false });
  }
}
