import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import * as d from '../server/modules/decisions/service.js';
import { giveOpinion } from '../server/modules/advisors/service.js';
import { demoActor } from './advisors.js';

const ALL_ARCHIVED = { launch: true, draft: true, publicOpinion: true, expert: true, risk: true, legality: true, minutes: true, partyReport: true, publication: true };

/**
 * Demo 2020 major decisions of 中站区 through the decisions services: the year's catalogue (党委同意,
 * published), two decisions run through the whole procedure (one reviewed by the legal advisor 河南纳圣
 * 律师事务所, one by the 区司法局), and a third still being drafted at year end.
 * Seed §一(二) names the six steps but no count; decisions.decided for 2020 is therefore 2.
 */
export async function seedDecisions(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db, 'office');
  const zhou = await demoActor(db, 'advisor');
  const zz = await db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
  const unit = async (name: string) => (await db.selectFrom('units').select('id').where('region_id', '=', zz.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
  const ns = await unit('河南纳圣律师事务所');

  const cat = await d.createCatalogue(db, office, zz.id, { year: 2020, title: '中站区人民政府2020年度重大行政决策事项目录' });
  await d.recordCatalogueConsent(db, office, cat.id, { partyConsentOn: '2020-03-13', partyConsentRef: '中共焦作市中站区委常委会2020年第5次会议' });
  await d.publishCatalogue(db, office, cat.id, { publishedOn: '2020-03-20', via: '中站区人民政府网站“重大行政决策”专栏' });

  // 1. 老旧小区改造 — hearing held, legality review by the legal advisor.
  const a = await d.launchDecision(db, office, {
    unitId: await unit('区住房和城乡建设局'), catalogueId: cat.id, title: '中站区2020年老旧小区改造实施方案', category: 'construction', proposalSource: 'department',
    launchBasis: '区住房和城乡建设局根据《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》提出建议，区政府2020年第4次常务会议研究决定启动，明确区住房和城乡建设局为决策承办单位。',
    launchedOn: '2020-03-25',
  });
  await d.recordDraft(db, office, a.id, {
    draftedOn: '2020-04-20',
    researchSummary: '承办单位会同各街道对2000年底前建成的42个老旧小区逐一摸底，入户走访居民1260户，召开居民代表座谈会6场，梳理供水、供暖、道路、安防等改造需求。',
    costBenefit: '计划改造小区18个、惠及居民3216户，总投资约1.26亿元，其中争取中央和省级补助资金8600万元。',
    alternatives: '就居民出资比例提出“按户定额”和“按面积分摊”两个方案。',
  });
  await d.openPublicComment(db, office, a.id, { startsOn: '2020-04-24', endsOn: '2020-05-25', channel: '中站区人民政府网站、各小区公示栏' });
  const comments: [string, string, string, 'adopted' | 'partly' | 'not_adopted', string][] = [
    ['2020-04-28', '府城街道焦东小区居民王某', '建议将加装电梯纳入改造内容。', 'partly', '加装电梯列入完善类改造内容，按照居民自愿、费用分摊原则分步实施。'],
    ['2020-05-06', '区人大代表李某', '建议增设小区充电桩和非机动车棚，解决电动车入户充电安全隐患。', 'adopted', '已在实施方案第三部分“基础类改造”中增加。'],
    ['2020-05-19', '龙洞街道某小区业主委员会', '要求改造资金全部由政府承担，居民不出资。', 'not_adopted', '根据国办发〔2020〕23号文件“居民合理共担”的原则，居民应按规定适当出资，困难家庭可申请减免。'],
  ];
  for (const [receivedOn, commenter, content, disposition, reason] of comments) {
    const c = await d.addComment(db, office, a.id, { receivedOn, commenter, content });
    await d.disposeComment(db, office, a.id, c.id, { disposition, reason });
  }
  await d.recordHearing(db, office, a.id, {
    heldOn: '2020-05-15', place: '中站区人民政府三楼会议室', participantsPublishedOn: '2020-05-06', materialsSentOn: '2020-05-07',
    participants: '居民代表9名、人大代表和政协委员各2名、物业企业代表2名、专家1名', record: '听证参加人就居民出资比例、改造内容优先顺序进行了陈述和辩论，听证笔录已经参加人签字确认。',
  });
  await d.publishFeedback(db, office, a.id, { publishedOn: '2020-05-29', summary: '公开征求意见期间共收到意见建议3条，采纳1条、部分采纳1条、不予采纳1条，采纳情况及理由已在区政府网站公布。' });
  await d.recordExpertConsultation(db, office, a.id, {
    required: true, doneOn: '2020-06-03',
    experts: [
      { name: '陈国强', organisation: '河南理工大学土木工程学院', field: '建筑结构', opinion: '建议对房屋结构安全进行检测后再确定加装电梯和外墙保温方案。', signed: true, noConflict: true, disposition: 'adopted', reason: '已增加结构安全检测前置程序。', givenOn: '2020-06-02' },
      { name: '孙慧', organisation: '焦作市城乡规划设计研究院', field: '城市规划', opinion: '改造应与周边道路、管网统一规划，避免重复开挖。', signed: true, noConflict: true, disposition: 'adopted', reason: '已明确与市政管网改造同步实施。', givenOn: '2020-06-02' },
    ],
  });
  await d.recordRiskAssessment(db, office, a.id, {
    required: true, level: 'medium', doneOn: '2020-06-05',
    report: '通过重点走访和会商分析，主要风险点为居民出资意愿不一、施工扰民和低保家庭负担能力，总体风险等级为中，风险可控。',
    measures: '实行“一区一策”，困难家庭减免出资；施工期间错峰作业，设专人受理投诉。',
  });
  await d.sendForLegalityReview(db, office, a.id, { reviewer: 'advisor', firmId: ns, sentOn: '2020-06-08' });
  const aReview = (await db.selectFrom('decisions').select('legality_review_id').where('id', '=', a.id).executeTakeFirstOrThrow()).legality_review_id!;
  await giveOpinion(db, zhou, aReview, {
    conclusion: 'lawful', concludedOn: '2020-06-16',
    opinion: '决策事项属区政府职权范围，已履行公众参与、专家论证、风险评估等程序，方案内容符合国办发〔2020〕23号文件及省市有关规定，同意提交区政府常务会议讨论。',
    reasons: '《重大行政决策程序暂行条例》第二十七条所列审查内容均无问题',
  });
  await d.decide(db, office, a.id, {
    meetingKind: 'executive', meetingName: '区政府2020年第9次常务会议', meetingOn: '2020-06-23',
    minutes: '会议听取区住房和城乡建设局关于实施方案的汇报，与会人员逐一发表意见，法律顾问列席并发表法律意见，会议原则通过。',
    dissent: '副区长刘某提出居民出资比例应进一步降低，已如实记录。', headConclusion: '区长：原则同意，居民出资比例按会议意见调整后报区委常委会审议。', outcome: 'approved',
    partyReportOn: '2020-06-29', partyReportRef: '中站政文〔2020〕41号',
  });
  await d.publishDecision(db, office, a.id, { publishedOn: '2020-07-03', via: '中站区人民政府网站、《焦作日报》' });
  await d.archiveDecision(db, office, a.id, { archivedOn: '2020-07-20', checklist: ALL_ARCHIVED });

  // 2. 生活垃圾分类 — legality review by the office (区司法局), 修改后合法.
  const b = await d.launchDecision(db, office, {
    unitId: await unit('区城市管理局'), catalogueId: cat.id, title: '中站区城区生活垃圾分类工作实施方案', category: 'public_policy', proposalSource: 'leader',
    launchBasis: '根据《焦作市城市生活垃圾分类管理办法》和市政府工作部署，经区政府主要负责同志提出，区政府2020年第7次常务会议研究决定启动。',
    launchedOn: '2020-05-06',
  });
  await d.recordDraft(db, office, b.id, {
    draftedOn: '2020-06-10', researchSummary: '赴郑州、许昌学习考察，选取3个社区开展为期一个月的分类试点，统计试点期间居民参与率和分类准确率。',
    costBenefit: '城区配置分类投放点420个、分类运输车辆12台，年运行费用约380万元。',
  });
  await d.openPublicComment(db, office, b.id, { startsOn: '2020-06-15', endsOn: '2020-07-16', channel: '中站区人民政府网站' });
  const c1 = await d.addComment(db, office, b.id, { receivedOn: '2020-06-30', commenter: '许衡街道居民赵某', content: '建议定时定点投放时间延长至晚上九点，方便上班族。' });
  await d.disposeComment(db, office, b.id, c1.id, { disposition: 'adopted', reason: '投放时间调整为早6:30—9:00、晚18:00—21:00。' });
  await d.publishFeedback(db, office, b.id, { publishedOn: '2020-07-20', summary: '公开征求意见期间共收到意见建议1条，已采纳并公布。' });
  await d.recordExpertConsultation(db, office, b.id, {
    required: true, doneOn: '2020-07-28',
    experts: [{ name: '刘建军', organisation: '河南省环境卫生科学研究所', field: '环境卫生工程', opinion: '厨余垃圾处理能力应与分类收集量匹配，建议分阶段推进。', signed: true, noConflict: true, disposition: 'adopted', reason: '实施方案分试点、推广、全覆盖三个阶段。', givenOn: '2020-07-27' }],
  });
  await d.recordRiskAssessment(db, office, b.id, { required: false, notRequiredReason: '方案以宣传引导和设施配置为主，不涉及征收、收费等可能影响社会稳定的事项，经研判无需开展社会稳定风险评估。', doneOn: '2020-07-30' });
  await d.sendForLegalityReview(db, office, b.id, { reviewer: 'office', sentOn: '2020-08-03' });
  await d.recordLegalityConclusion(db, office, b.id, {
    conclusion: 'lawful_if_amended', concludedOn: '2020-08-12',
    opinion: '方案第六条“对未分类投放的个人处以罚款”超出区政府权限，罚款应依照《焦作市城市生活垃圾分类管理办法》由城市管理部门实施，建议修改表述；其余内容合法。',
  });
  await d.recordAmendments(db, office, b.id, { amendments: '已删除第六条中区政府自行设定罚款的表述，改为“依照《焦作市城市生活垃圾分类管理办法》处理”。' });
  await d.decide(db, office, b.id, {
    meetingKind: 'executive', meetingName: '区政府2020年第14次常务会议', meetingOn: '2020-08-25',
    minutes: '会议听取区城市管理局汇报，法律顾问列席，会议同意实施方案。', dissent: '无不同意见', headConclusion: '区长：同意，按程序报区委后印发实施。', outcome: 'approved',
    partyReportOn: '2020-08-28', partyReportRef: '中站政文〔2020〕57号',
  });
  await d.publishDecision(db, office, b.id, { publishedOn: '2020-09-04', via: '中站区人民政府网站' });
  await d.archiveDecision(db, office, b.id, { archivedOn: '2020-09-30', checklist: ALL_ARCHIVED });

  // 3. 养老服务体系规划 — in the catalogue, still being drafted at year end.
  const c = await d.launchDecision(db, office, {
    unitId: await unit('区民政局'), catalogueId: cat.id, title: '中站区养老服务体系建设规划（2021—2025年）', category: 'plan', proposalSource: 'npc_cppcc',
    launchBasis: '区政协委员提案建议编制“十四五”养老服务体系建设规划，区政府2020年第16次常务会议研究决定启动。', launchedOn: '2020-09-15',
  });
  await d.recordDraft(db, office, c.id, { draftedOn: '2020-12-18', researchSummary: '完成全区60周岁以上老年人口和养老机构床位调查，形成规划初稿。' });
}
