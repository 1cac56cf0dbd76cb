import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { buildActor, type Actor } from '../server/core/scope/index.js';
import { formatDocNumber } from '../common/docnumber.js';
import type { CleanupDecision } from '../common/documents.js';
import {
  closeComment, createCleanup, createDraft, decideCleanupItems, fileDocument, getCleanup, openComment, publishCleanup, publishDocument, recordDeliberation,
  recordFairCompetition, recordReceipt, registerExistingDocument, requestLegalityReview, supplyMaterials, validUntilFor, validityYearsFor,
} from '../server/modules/documents/service.js';
import { giveOpinion } from '../server/modules/advisors/service.js';

/** 机关代字 of the issuing organs of 中站区 (焦作市中站区 = 焦中). */
const CODES: Record<string, string> = {
  区人民政府: '焦中政', 区政府办公室: '焦中政办', 区城市管理局: '焦中城管', 区民政局: '焦中民', 区教育局: '焦中教', 区人力资源和社会保障局: '焦中人社',
  区住房和城乡建设局: '焦中建', 区财政局: '焦中财', 区农业农村局: '焦中农', 区卫生健康委员会: '焦中卫健', 区自然资源和规划局: '焦中自然资源',
  区生态环境分局: '焦中环', 区应急管理局: '焦中应急', 区文化广电和旅游局: '焦中文旅', 区商务局: '焦中商', 区交通运输局: '焦中交', 区水利局: '焦中水', 区市场监督管理局: '焦中市监',
};

/**
 * The register of documents issued before 2019-10-01 that the 2020 cleanup reviewed, with the
 * decision each received: K 继续有效, A 修改, E 延长有效期, R 废止, I 宣布失效; X = replaced in 2020 by
 * 《中站区城市生活垃圾分类管理实施办法》 before the cleanup began (so the cleanup decides 95).
 */
const OLD: [issuer: string, year: number, title: string, decision: 'K' | 'A' | 'E' | 'R' | 'I' | 'X', reason?: string][] = [
  ['区人民政府', 2010, '中站区城市房屋拆迁管理暂行办法', 'R', '《国有土地上房屋征收与补偿条例》施行，拆迁制度已废止'],
  ['区人民政府', 2010, '中站区新型农村合作医疗管理办法', 'R', '已整合为城乡居民基本医疗保险制度'],
  ['区人民政府', 2011, '中站区城镇居民基本医疗保险实施办法', 'R', '已整合为城乡居民基本医疗保险制度'],
  ['区人民政府', 2011, '中站区行政事业性收费管理办法', 'I', '所涉收费项目已按规定取消，调整对象已消失'],
  ['区人民政府', 2012, '中站区城市绿化管理办法', 'K'],
  ['区人民政府', 2012, '中站区人口和计划生育奖励扶助办法', 'R', '与修正后的《人口与计划生育法》不一致'],
  ['区人民政府', 2013, '中站区城区生活垃圾管理暂行办法', 'X'],
  ['区人民政府', 2013, '中站区重大行政决策程序规定', 'A', '需依照《重大行政决策程序暂行条例》修订'],
  ['区人民政府', 2013, '中站区行政执法责任制实施办法', 'K'],
  ['区人民政府', 2014, '中站区国有资产管理办法', 'K'],
  ['区人民政府', 2014, '中站区政府投资项目管理办法', 'K'],
  ['区人民政府', 2014, '中站区城市道路挖掘管理办法', 'K'],
  ['区人民政府', 2015, '中站区农村土地承包经营权流转管理办法', 'A', '需依照2018年修正的《农村土地承包法》修订'],
  ['区人民政府', 2015, '中站区城市规划管理技术规定', 'I', '国土空间规划体系建立后已不再执行'],
  ['区人民政府', 2015, '中站区行政规范性文件管理办法', 'A', '需依照国办发〔2018〕37号、115号修订'],
  ['区人民政府', 2016, '中站区城市市容和环境卫生管理办法', 'K'],
  ['区人民政府', 2016, '中站区公共资源交易管理办法', 'K'],
  ['区人民政府', 2016, '中站区安全生产监督管理办法', 'K'],
  ['区人民政府', 2017, '中站区全面推行河长制实施方案', 'K'],
  ['区人民政府', 2017, '中站区城乡居民基本养老保险实施办法', 'K'],
  ['区人民政府', 2018, '中站区扶持小微企业发展若干措施', 'E', '评估认为仍需执行，延长有效期'],
  ['区人民政府', 2018, '中站区农村生活垃圾治理办法', 'K'],
  ['区人民政府', 2019, '中站区优化营商环境实施办法', 'K'],
  ['区政府办公室', 2010, '中站区政府信息公开工作实施办法', 'R', '与2019年修订的《政府信息公开条例》不一致'],
  ['区政府办公室', 2011, '中站区廉租住房保障办法', 'R', '廉租住房已与公共租赁住房并轨运行'],
  ['区政府办公室', 2011, '中站区经济适用住房管理办法', 'R', '经济适用住房政策已调整，新文件已完全涵盖'],
  ['区政府办公室', 2012, '中站区城市居民最低生活保障审核审批暂行办法', 'I', '适用期已过'],
  ['区政府办公室', 2012, '中站区“十二五”节能减排工作实施方案', 'I', '阶段性工作已完成'],
  ['区政府办公室', 2013, '中站区集中整治违法建设工作实施方案', 'I', '阶段性工作已完成'],
  ['区政府办公室', 2013, '中站区政府性债务管理暂行办法', 'R', '与2014年修正的《预算法》不一致'],
  ['区政府办公室', 2014, '中站区政务服务中心管理办法', 'A', '机构改革后职责发生变化，需修订'],
  ['区政府办公室', 2014, '中站区企业登记注册“先照后证”改革实施意见', 'R', '已被“证照分离”改革文件完全涵盖'],
  ['区政府办公室', 2014, '中站区大气污染防治攻坚战实施方案', 'I', '阶段性工作已完成'],
  ['区政府办公室', 2015, '中站区棚户区改造工作实施意见', 'I', '阶段性工作已完成'],
  ['区政府办公室', 2015, '中站区城市集中供热管理办法', 'K'],
  ['区政府办公室', 2015, '中站区农村危房改造实施办法', 'I', '阶段性工作已完成'],
  ['区政府办公室', 2016, '中站区“十三五”脱贫攻坚实施方案', 'K'],
  ['区政府办公室', 2016, '中站区行政执法公示办法', 'K'],
  ['区政府办公室', 2016, '中站区城市停车场管理暂行办法', 'I', '有效期已届满'],
  ['区政府办公室', 2017, '中站区农村人居环境整治实施方案', 'K'],
  ['区政府办公室', 2017, '中站区社会救助家庭经济状况核对办法', 'K'],
  ['区政府办公室', 2017, '中站区城市管理网格化实施办法', 'K'],
  ['区政府办公室', 2018, '中站区行政执法全过程记录办法', 'K'],
  ['区政府办公室', 2018, '中站区重大执法决定法制审核办法', 'K'],
  ['区政府办公室', 2018, '中站区城区建筑垃圾管理办法', 'K'],
  ['区政府办公室', 2019, '中站区政务服务“一网通办”实施办法', 'K'],
  ['区政府办公室', 2019, '中站区公共法律服务体系建设实施意见', 'K'],
  ['区政府办公室', 2019, '中站区老年人优待办法', 'E', '评估认为仍需执行，延长有效期'],
  ['区城市管理局', 2012, '中站区城市管理行政执法细则', 'R', '综合执法体制改革后已被新规定完全涵盖'],
  ['区城市管理局', 2014, '中站区户外广告设置管理办法', 'K'],
  ['区城市管理局', 2016, '中站区占道经营管理暂行规定', 'I', '有效期已届满'],
  ['区城市管理局', 2017, '中站区城市照明设施管理办法', 'K'],
  ['区城市管理局', 2018, '中站区渣土运输车辆管理办法', 'K'],
  ['区民政局', 2011, '中站区殡葬管理实施细则', 'R', '与修订后的《殡葬管理条例》不一致'],
  ['区民政局', 2013, '中站区农村五保供养工作实施办法', 'R', '已被特困人员救助供养制度完全涵盖'],
  ['区民政局', 2015, '中站区临时救助实施办法', 'K'],
  ['区民政局', 2016, '中站区社区居民委员会工作规则', 'K'],
  ['区民政局', 2018, '中站区特困人员救助供养实施办法', 'K'],
  ['区教育局', 2011, '中站区中小学学籍管理暂行办法', 'I', '全国中小学生学籍信息管理系统启用后不再执行'],
  ['区教育局', 2014, '中站区义务教育阶段招生入学管理办法', 'I', '招生政策按年度另行发布，本文件已不再执行'],
  ['区教育局', 2016, '中站区民办学校管理办法', 'K'],
  ['区教育局', 2018, '中站区校外培训机构管理办法', 'K'],
  ['区人力资源和社会保障局', 2012, '中站区农民工工资保证金管理办法', 'R', '与《保障农民工工资支付条例》不一致'],
  ['区人力资源和社会保障局', 2014, '中站区公益性岗位管理办法', 'K'],
  ['区人力资源和社会保障局', 2016, '中站区创业担保贷款实施办法', 'I', '上级政策调整，本文件已不再执行'],
  ['区人力资源和社会保障局', 2018, '中站区就业困难人员认定办法', 'K'],
  ['区住房和城乡建设局', 2012, '中站区建筑市场管理办法', 'R', '已被新的建筑市场监管文件完全涵盖'],
  ['区住房和城乡建设局', 2014, '中站区物业管理办法', 'R', '与《民法典》物权编、合同编物业服务合同规定不一致'],
  ['区住房和城乡建设局', 2016, '中站区建设工程质量安全监督管理办法', 'K'],
  ['区住房和城乡建设局', 2017, '中站区住房公积金缴存管理暂行办法', 'I', '住房公积金已由市级统一管理'],
  ['区住房和城乡建设局', 2018, '中站区公共租赁住房管理办法', 'K'],
  ['区财政局', 2011, '中站区政府采购管理暂行办法', 'R', '与《政府采购法实施条例》不一致'],
  ['区财政局', 2014, '中站区财政专项资金管理办法', 'K'],
  ['区财政局', 2016, '中站区行政事业单位国有资产处置办法', 'K'],
  ['区财政局', 2018, '中站区预算绩效管理实施办法', 'K'],
  ['区农业农村局', 2013, '中站区农业机械购置补贴实施方案', 'I', '补贴政策按年度实施，适用期已过'],
  ['区农业农村局', 2015, '中站区畜禽养殖污染防治办法', 'K'],
  ['区农业农村局', 2017, '中站区农村集体“三资”管理办法', 'K'],
  ['区农业农村局', 2019, '中站区农村宅基地管理办法', 'K'],
  ['区卫生健康委员会', 2012, '中站区基本公共卫生服务项目管理暂行办法', 'I', '适用期已过'],
  ['区卫生健康委员会', 2014, '中站区计划生育特别扶助实施办法', 'R', '与修正后的《人口与计划生育法》不一致'],
  ['区卫生健康委员会', 2016, '中站区家庭医生签约服务实施方案', 'K'],
  ['区卫生健康委员会', 2019, '中站区医疗废物管理办法', 'K'],
  ['区自然资源和规划局', 2019, '中站区国有建设用地供应管理办法', 'K'],
  ['区自然资源和规划局', 2019, '中站区不动产登记便民服务办法', 'K'],
  ['区生态环境分局', 2015, '中站区扬尘污染防治管理办法', 'K'],
  ['区生态环境分局', 2017, '中站区重污染天气应急预案', 'I', '已由年度修订的应急预案替代'],
  ['区应急管理局', 2019, '中站区安全生产约谈办法', 'K'],
  ['区文化广电和旅游局', 2013, '中站区互联网上网服务营业场所管理暂行办法', 'I', '适用期已过'],
  ['区文化广电和旅游局', 2016, '中站区文物保护管理办法', 'K'],
  ['区商务局', 2014, '中站区成品油市场管理暂行办法', 'I', '成品油零售经营资格审批已取消，调整对象已消失'],
  ['区商务局', 2017, '中站区电子商务发展扶持办法', 'K'],
  ['区交通运输局', 2012, '中站区出租汽车管理办法', 'R', '与网络预约出租汽车经营服务管理规定等不一致'],
  ['区交通运输局', 2016, '中站区农村公路管理养护办法', 'K'],
  ['区水利局', 2014, '中站区农村饮水安全工程管理办法', 'K'],
  ['区市场监督管理局', 2019, '中站区食品小作坊登记管理办法', 'K'],
];

const DECISION: Record<'K' | 'A' | 'E' | 'R' | 'I', CleanupDecision> = { K: 'keep', A: 'amend', E: 'extend', R: 'repeal', I: 'invalidate' };

/** A publication date for the n-th document of a year (before 2019-10-01 for 2019). */
function pubDate(year: number, n: number) {
  const month = year === 2019 ? 1 + ((n * 2) % 9) : 1 + ((n * 5) % 12);
  const day = 3 + ((n * 7) % 24);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

async function actorOf(db: Kysely<Database>, username: string): Promise<Actor> {
  const u = await db.selectFrom('users').select(['id', 'username', 'display_name', 'unit_id', 'must_change_password']).where('username', '=', username).executeTakeFirstOrThrow();
  return buildActor(db, u, 'demo');
}

/**
 * Demo 2020 for 中站区 (seed §一(二)): 5 normative documents drafted, reviewed by the two legal-advisor
 * firms through the advisors review queue (these are the 5 of 审核规范性文件5件; run after the advisors
 * demo, whose engagements they need), deliberated, published and filed in 2020; and the cleanup of the documents issued before
 * 2019-10-01: 95 decided, 58 kept (52 继续有效, 4 修改, 2 延长有效期), 18 废止, 19 宣布失效.
 */
export async function seedDemoDocuments(db: Kysely<Database>, _cfg: Config) {
  const office = await actorOf(db, 'office');
  const liaison = await actorOf(db, 'liaison');
  const advisor = await actorOf(db, 'advisor');
  const units = Object.fromEntries((await db.selectFrom('units as u').innerJoin('regions as r', 'r.id', 'u.region_id').select(['u.id', 'u.name']).where('r.code', '=', '410803').execute()).map((u) => [u.name, u.id]));
  const region = (await db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow()).id;

  // The register taken over: documents issued 2010–2019-09 (documents before 2016 carried no validity period).
  const oldIds = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    const seqs = new Map<string, number>();
    let n = 0;
    for (const [issuer, year, title] of OLD) {
      const code = CODES[issuer];
      const key = `${code}|${year}`;
      const seq = (seqs.get(key) ?? 1 + (n % 4)) + 2 + (n % 5);
      seqs.set(key, seq);
      const publishedOn = pubDate(year, n++);
      const validUntil = year >= 2016 ? validUntilFor(publishedOn, await validityYearsFor(trx, title)) : undefined;
      const filedOn = year >= 2016 ? pubDate(year, n - 1).replace(/-(\d\d)$/, (_m, d) => `-${String(Math.min(Number(d) + 3, 28)).padStart(2, '0')}`) : undefined;
      const row = await registerExistingDocument(trx, office, {
        docNumber: formatDocNumber({ prefix: code, year, seq }), title, issuerUnitId: units[issuer], unitId: units[issuer], regionId: region, publishedOn, validUntil, status: 'in_force',
        filedOn, filedWith: filedOn ? '焦作市人民政府' : undefined,
      });
      oldIds.set(title, row.id);
    }
  });

  // 1. 《中站区城市生活垃圾分类管理实施办法》: drafted by 区城市管理局, reviewed by 河南纳圣律师事务所,
  //    replaces the 2013 暂行办法.
  const d1 = await createDraft(db, liaison, { title: '中站区城市生活垃圾分类管理实施办法', unitId: units['区城市管理局'], issuerUnitId: units['区人民政府'], affectsRights: true, marketRelated: false, draftedOn: '2020-03-02', summary: '规定生活垃圾分类投放、收集、运输、处理的责任和要求' });
  await openComment(db, liaison, d1.id, { openedOn: '2020-03-16', closesOn: '2020-03-27', channel: '中站区人民政府门户网站' });
  await closeComment(db, liaison, d1.id, { closedOn: '2020-03-27', commentCount: 12, summary: '收到意见12条，采纳7条，部分采纳3条，未采纳2条并说明理由' });
  const r1 = await requestLegalityReview(db, liaison, d1.id, { reviewerKind: 'advisor', reviewerUnitId: units['河南纳圣律师事务所'], requestedOn: '2020-03-30' });
  await giveOpinion(db, advisor, r1.queue_ref!, { concludedOn: '2020-04-08', conclusion: 'lawful_if_amended', opinion: '第二十一条设定罚款超出区政府权限，删除后合法', reasons: '《行政处罚法》第十四条：规章以外的规范性文件不得设定行政处罚' });
  await recordDeliberation(db, liaison, d1.id, { deliberatedOn: '2020-04-16', meeting: '区政府常务会议', minutes: '区政府第38次常务会议审议通过' });
  await publishDocument(db, office, d1.id, { docNumber: '焦中政〔2020〕9号', publishedOn: '2020-04-24', effectiveFrom: '2020-06-01', relations: [{ kind: 'replaces', documentId: oldIds.get('中站区城区生活垃圾管理暂行办法')! }] });
  await fileDocument(db, liaison, d1.id, { filedOn: '2020-05-15', filedWith: '焦作市人民政府', note: '报送备案报告、文件正式文本、起草说明、合法性审核意见' });
  await fileDocument(db, office, d1.id, { body: 'npc', filedOn: '2020-05-15', filedWith: '焦作市中站区人大常委会' });
  await recordReceipt(db, office, d1.id, { receivedOn: '2020-06-05', result: 'accepted' });

  // 2. 《中站区优化营商环境若干措施》: market-related (30 days of comment, fair-competition review), 河南善博律师事务所.
  const d2 = await createDraft(db, office, { title: '中站区进一步优化营商环境若干措施', unitId: units['区发展和改革委员会'], issuerUnitId: units['区人民政府'], affectsRights: true, marketRelated: true, draftedOn: '2020-04-27' });
  await openComment(db, office, d2.id, { openedOn: '2020-05-06', closesOn: '2020-06-05', channel: '中站区人民政府门户网站、区工商联' });
  await closeComment(db, office, d2.id, { closedOn: '2020-06-05', commentCount: 21, summary: '收到企业和商会意见21条，采纳15条' });
  await recordFairCompetition(db, office, d2.id, { reviewedOn: '2020-06-08', conclusion: 'compliant', opinion: '未含排除、限制竞争的内容' });
  // 善博's lawyer has no account: the office enters the firm's signed opinion in the queue on its behalf.
  const r2 = await requestLegalityReview(db, office, d2.id, { reviewerKind: 'advisor', reviewerUnitId: units['河南善博律师事务所'], requestedOn: '2020-06-09' });
  await giveOpinion(db, office, r2.queue_ref!, { concludedOn: '2020-06-16', conclusion: 'lawful', opinion: '经审核，内容合法，程序符合规定', reasons: '《优化营商环境条例》第六十二条、第六十三条' });
  await recordDeliberation(db, office, d2.id, { deliberatedOn: '2020-06-22', meeting: '区政府常务会议' });
  await publishDocument(db, office, d2.id, { docNumber: '焦中政〔2020〕15号', publishedOn: '2020-06-30', relations: [] });
  await fileDocument(db, office, d2.id, { filedOn: '2020-07-20', filedWith: '焦作市人民政府' });
  await fileDocument(db, office, d2.id, { body: 'npc', filedOn: '2020-07-20', filedWith: '焦作市中站区人大常委会' });
  await recordReceipt(db, office, d2.id, { receivedOn: '2020-08-03', result: 'accepted' });

  // 3. 《中站区城乡居民最低生活保障实施细则（试行）》: 2-year validity; filing suspended once for a missing document.
  const d3 = await createDraft(db, office, { title: '中站区城乡居民最低生活保障实施细则（试行）', unitId: units['区民政局'], issuerUnitId: units['区政府办公室'], affectsRights: true, marketRelated: false, draftedOn: '2020-06-01' });
  await openComment(db, office, d3.id, { openedOn: '2020-06-10', closesOn: '2020-06-24', channel: '中站区人民政府门户网站' });
  await closeComment(db, office, d3.id, { closedOn: '2020-06-24', commentCount: 6, summary: '收到意见6条，采纳4条' });
  const r3 = await requestLegalityReview(db, office, d3.id, { reviewerKind: 'advisor', reviewerUnitId: units['河南纳圣律师事务所'], requestedOn: '2020-06-29' });
  await giveOpinion(db, advisor, r3.queue_ref!, { concludedOn: '2020-07-10', conclusion: 'lawful', opinion: '符合《社会救助暂行办法》及省市规定，合法', reasons: '《社会救助暂行办法》第九条至第十四条' });
  await recordDeliberation(db, office, d3.id, { deliberatedOn: '2020-07-23', meeting: '区政府常务会议' });
  await publishDocument(db, office, d3.id, { docNumber: '焦中政办〔2020〕6号', publishedOn: '2020-08-10', relations: [] });
  await fileDocument(db, office, d3.id, { filedOn: '2020-08-28', filedWith: '焦作市人民政府' });
  await fileDocument(db, office, d3.id, { body: 'npc', filedOn: '2020-08-28', filedWith: '焦作市中站区人大常委会' });
  await recordReceipt(db, office, d3.id, { receivedOn: '2020-09-03', result: 'materials_missing', missing: '合法性审核意见书原件', supplyDays: 10 });
  await supplyMaterials(db, office, d3.id, { suppliedOn: '2020-09-10' });
  await recordReceipt(db, office, d3.id, { receivedOn: '2020-09-18', result: 'accepted' });

  // 4. 《中站区老旧小区改造项目管理暂行办法》: 2-year validity, 河南善博律师事务所.
  const d4 = await createDraft(db, office, { title: '中站区老旧小区改造项目管理暂行办法', unitId: units['区住房和城乡建设局'], issuerUnitId: units['区人民政府'], affectsRights: true, marketRelated: false, draftedOn: '2020-07-01' });
  await openComment(db, office, d4.id, { openedOn: '2020-07-13', closesOn: '2020-07-24', channel: '中站区人民政府门户网站' });
  await closeComment(db, office, d4.id, { closedOn: '2020-07-24', commentCount: 9, summary: '收到居民意见9条，采纳6条' });
  const r4 = await requestLegalityReview(db, office, d4.id, { reviewerKind: 'advisor', reviewerUnitId: units['河南善博律师事务所'], requestedOn: '2020-07-27' });
  await giveOpinion(db, office, r4.queue_ref!, { concludedOn: '2020-08-07', conclusion: 'lawful', opinion: '制定主体和权限合法，内容与上位规定相符', reasons: '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》' });
  await recordDeliberation(db, office, d4.id, { deliberatedOn: '2020-08-27', meeting: '区政府常务会议' });
  await publishDocument(db, office, d4.id, { docNumber: '焦中政〔2020〕27号', publishedOn: '2020-09-18', relations: [] });
  await fileDocument(db, office, d4.id, { filedOn: '2020-10-13', filedWith: '焦作市人民政府' });
  await fileDocument(db, office, d4.id, { body: 'npc', filedOn: '2020-10-13', filedWith: '焦作市中站区人大常委会' });
  await recordReceipt(db, office, d4.id, { receivedOn: '2020-10-26', result: 'accepted' });

  // 5. 《中站区农村集体经济组织资产管理办法》: 河南纳圣律师事务所.
  const d5 = await createDraft(db, office, { title: '中站区农村集体经济组织资产管理办法', unitId: units['区农业农村局'], issuerUnitId: units['区人民政府'], affectsRights: true, marketRelated: false, draftedOn: '2020-08-17' });
  await openComment(db, office, d5.id, { openedOn: '2020-09-01', closesOn: '2020-09-14', channel: '中站区人民政府门户网站' });
  await closeComment(db, office, d5.id, { closedOn: '2020-09-14', commentCount: 4, summary: '收到意见4条，全部采纳' });
  const r5 = await requestLegalityReview(db, office, d5.id, { reviewerKind: 'advisor', reviewerUnitId: units['河南纳圣律师事务所'], requestedOn: '2020-09-16' });
  await giveOpinion(db, advisor, r5.queue_ref!, { concludedOn: '2020-09-29', conclusion: 'lawful', opinion: '符合《农村集体经济组织财务制度》等规定，合法', reasons: '《农村集体经济组织财务制度》；《河南省农村集体经济组织资产管理办法》' });
  await recordDeliberation(db, office, d5.id, { deliberatedOn: '2020-10-22', meeting: '区政府常务会议' });
  await publishDocument(db, office, d5.id, { docNumber: '焦中政〔2020〕33号', publishedOn: '2020-11-06', relations: [] });
  await fileDocument(db, office, d5.id, { filedOn: '2020-11-27', filedWith: '焦作市人民政府' });
  await fileDocument(db, office, d5.id, { body: 'npc', filedOn: '2020-11-27', filedWith: '焦作市中站区人大常委会' });
  await recordReceipt(db, office, d5.id, { receivedOn: '2020-12-08', result: 'accepted' });

  // The cleanup of documents issued before 2019-10-01 (民法典 and other revisions).
  const c = await createCleanup(db, office, {
    title: '2020年中站区行政规范性文件全面清理', regionId: region, issuedBefore: '2019-10-01', startedOn: '2020-06-15',
    basis: '结合国家相关法律修订以及民法典的出台，对2019年10月1日前发布的规范性文件进行全面清理',
  });
  const { items } = await getCleanup(db, office, c.id);
  const byTitle = new Map(OLD.map(([, , title, d, reason]) => [title, { d, reason }]));
  await decideCleanupItems(db, office, c.id, {
    decidedOn: '2020-11-20',
    items: items.map((i) => {
      const o = byTitle.get(i.title)!;
      const decision = DECISION[o.d as keyof typeof DECISION];
      return {
        documentId: i.document_id, decision,
        reason: o.reason ?? '文件内容合法，仍需继续执行',
        newValidUntil: decision === 'extend' ? `${Number((i.valid_until ?? '2023-12-31').slice(0, 4)) + 2}-12-31` : undefined,
      };
    }),
  });
  await publishCleanup(db, office, c.id, { publishedOn: '2020-12-10', decisionNumber: '焦中政〔2020〕38号' });
}
