/**
 * Demo 2020 reconsideration and litigation records of 焦作市中站区, created through the disputes
 * services as the office would enter them. Seed §一(四): 全年受理行政复议案件 3 件，法定期限内结案率
 * 100%；全年共办理行政诉讼案件 7 件，结案 6 件，剩余 1 件上诉未审结. The figures are computed from these
 * records by the module's metrics — nothing here states them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { buildActor, type Actor } from '../server/core/scope/index.js';
import * as R from '../server/modules/disputes/reconsideration.js';
import * as L from '../server/modules/disputes/litigation.js';

async function actorOf(db: Kysely<Database>, username: string): Promise<Actor> {
  const u = await db.selectFrom('users').select(['id', 'username', 'display_name', 'unit_id', 'must_change_password']).where('username', '=', username).executeTakeFirstOrThrow();
  return buildActor(db, u, 'demo');
}

/** Creates the 2020 disputes records. */
export async function seedDisputes(db: Kysely<Database>, _cfg: Config) {
  void _cfg;
  const office = await actorOf(db, 'office');
  const unit = async (name: string) => (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const nasheng = await unit('河南纳圣律师事务所');
  const shanbo = await unit('河南善博律师事务所');

  // ---------- 行政复议 (2017年《行政复议法》) ----------
  const r1 = await R.createReconsideration(db, office, {
    caseNo: '中站政复〔2020〕1号', respondentUnitId: await unit('区城市管理局'), applicantName: '王某某', applicantType: 'natural',
    actChallenged: '区城市管理局作出的《责令限期拆除决定书》（中站城管限拆〔2020〕15号），责令申请人于七日内自行拆除位于许衡街道某村的违法建设', caseType: '行政强制',
    actDate: '2020-04-17', knewDate: '2020-04-20', receivedDate: '2020-05-18', informedOfRights: true, immovable: true, procedure: 'ordinary',
  });
  await R.acceptReconsideration(db, office, r1.id, { date: '2020-05-20' });
  await R.sendCopyToRespondent(db, office, r1.id, { sentDate: '2020-05-22', receivedDate: '2020-05-25' });
  await R.submitAnswer(db, office, r1.id, { date: '2020-06-03' });
  await R.decideReconsideration(db, office, r1.id, {
    date: '2020-06-30', outcome: '终止', terminationReason: '和解后撤回申请',
    summary: '经行政复议机构组织实地调查并主持和解，被申请人对拆除范围重新核定，申请人自愿撤回行政复议申请，本机关决定终止行政复议。',
  });

  const r2 = await R.createReconsideration(db, office, {
    caseNo: '中站政复〔2020〕2号', respondentUnitId: await unit('区市场监督管理局'), applicantName: '焦作市某商贸有限公司', applicantType: 'legal',
    actChallenged: '区市场监督管理局作出的《行政处罚决定书》（中站市监罚〔2020〕23号），以销售标签不符合规定的预包装食品为由，没收违法所得并处罚款三万元', caseType: '行政处罚',
    actDate: '2020-06-12', knewDate: '2020-06-15', receivedDate: '2020-07-06', informedOfRights: true, immovable: false, procedure: 'ordinary',
  });
  await R.acceptReconsideration(db, office, r2.id, { date: '2020-07-08' });
  await R.sendCopyToRespondent(db, office, r2.id, { sentDate: '2020-07-09', receivedDate: '2020-07-10' });
  await R.submitAnswer(db, office, r2.id, { date: '2020-07-17' });
  await R.decideReconsideration(db, office, r2.id, {
    date: '2020-08-28', outcome: '变更',
    summary: '被申请人认定事实清楚，但申请人系初次违法且已主动召回涉案食品，罚款数额明显不当。经专家咨询，决定将罚款三万元变更为一万元，维持没收违法所得。',
  });

  const r3 = await R.createReconsideration(db, office, {
    caseNo: '中站政复〔2020〕3号', respondentUnitId: await unit('区人力资源和社会保障局'), applicantName: '李某某', applicantType: 'natural',
    actChallenged: '区人力资源和社会保障局作出的《不予认定工伤决定书》（中站人社工伤〔2020〕41号），认定申请人于上班途中受伤不属于工伤', caseType: '工伤认定',
    actDate: '2020-08-21', knewDate: '2020-08-24', receivedDate: '2020-09-14', informedOfRights: true, immovable: false, procedure: 'ordinary',
  });
  await R.acceptReconsideration(db, office, r3.id, { date: '2020-09-16' });
  await R.sendCopyToRespondent(db, office, r3.id, { sentDate: '2020-09-18', receivedDate: '2020-09-21' });
  await R.submitAnswer(db, office, r3.id, { date: '2020-09-29' });
  await R.suspendReconsideration(db, office, r3.id, { date: '2020-10-12', reasonItem: 8, reason: '案件审理需以交通事故责任认定结果为依据，该认定尚未作出' });
  await R.resumeReconsideration(db, office, r3.id, { date: '2020-10-22' });
  await R.recordReconHearing(db, office, r3.id, {
    hearingDate: '2020-11-05', noticeDate: '2020-10-26', place: '区司法局行政复议听证室', respondentHeadAttended: true, respondentAttendee: '区人力资源和社会保障局副局长',
    notes: '双方就上下班途中合理路线及事故责任认定书的效力进行了质证和辩论。',
  });
  await R.decideReconsideration(db, office, r3.id, {
    date: '2020-11-20', outcome: '维持',
    summary: '交通事故认定书认定申请人负事故主要责任，被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当，决定维持。',
  });

  // ---------- 行政应诉 ----------
  const court = '焦作市中站区人民法院';
  const suit = (input: Omit<Parameters<typeof L.createLawsuit>[2], 'courtName'>) => L.createLawsuit(db, office, { courtName: court, ...input });

  const l1 = await suit({
    caseNo: '（2020）豫0803行初3号', defendantUnitId: await unit('区城市管理局'), plaintiffName: '张某某', plaintiffType: 'natural',
    actChallenged: '《责令限期拆除决定书》（中站城管限拆〔2019〕87号），责令原告拆除未取得建设工程规划许可证建设的两层砖混房屋', caseType: '行政处罚',
    filedDate: '2020-02-26', complaintReceivedDate: '2020-03-02', advisorUnitId: nasheng, advisorName: '周律师',
  });
  await L.fileDefence(db, office, l1.id, { date: '2020-03-12', evidenceSubmitted: true });
  await L.recordLawsuitHearing(db, office, l1.id, { hearingDate: '2020-04-15', courtNoticeServed: false, headAppeared: true, headName: '张建国', headPosition: '正职', headOfOtherBody: false, lawyerName: '周律师' });
  await L.recordJudgment(db, office, l1.id, { outcome: '驳回诉讼请求', servedDate: '2020-05-08', summary: '被告作出的限期拆除决定认定事实清楚，程序合法，判决驳回原告的诉讼请求。' });
  await L.decideAppeal(db, office, l1.id, { decision: 'accept', date: '2020-05-11' });
  await L.recordEffective(db, office, l1.id, { date: '2020-05-26' });

  const l2 = await suit({
    caseNo: '（2020）豫0803行初9号', defendantUnitId: await unit('区市场监督管理局'), plaintiffName: '焦作市某建材有限公司', plaintiffType: 'legal',
    actChallenged: '《行政处罚决定书》（中站市监罚〔2020〕6号），以生产销售不合格建筑材料为由处以罚款', caseType: '行政处罚',
    filedDate: '2020-04-07', complaintReceivedDate: '2020-04-10', advisorUnitId: nasheng, advisorName: '周律师',
  });
  await L.fileDefence(db, office, l2.id, { date: '2020-04-22', evidenceSubmitted: true });
  await L.recordLawsuitHearing(db, office, l2.id, { hearingDate: '2020-05-20', courtNoticeServed: false, headAppeared: true, headName: '王志刚', headPosition: '副职', headOfOtherBody: false, lawyerName: '周律师' });
  await L.recordJudgment(db, office, l2.id, { outcome: '驳回诉讼请求', servedDate: '2020-06-15' });
  await L.decideAppeal(db, office, l2.id, { decision: 'accept', date: '2020-06-18' });
  await L.recordEffective(db, office, l2.id, { date: '2020-07-01' });

  const l3 = await suit({
    caseNo: '（2020）豫0803行初15号', defendantUnitId: await unit('区人力资源和社会保障局'), plaintiffName: '刘某某', plaintiffType: 'natural',
    actChallenged: '《不予认定工伤决定书》（中站人社工伤〔2020〕12号）', caseType: '工伤认定',
    filedDate: '2020-05-25', complaintReceivedDate: '2020-05-28', advisorUnitId: shanbo, advisorName: '李红梅',
  });
  await L.fileDefence(db, office, l3.id, { date: '2020-06-08', evidenceSubmitted: true });
  await L.recordLawsuitHearing(db, office, l3.id, {
    hearingDate: '2020-07-08', courtNoticeServed: false, headAppeared: false, headOfOtherBody: false, absenceReason: '需要履行他人不能代替的公务',
    absenceDetail: '局长参加市政府根治欠薪专项督导，分管副局长外出学习', delegateName: '陈晓峰', lawyerName: '李红梅',
  });
  await L.recordJudgment(db, office, l3.id, { outcome: '撤销', servedDate: '2020-08-10', summary: '被诉决定对原告是否在合理上下班路线上认定证据不足，判决撤销，责令被告于判决生效之日起六十日内重新作出工伤认定。' });
  await L.decideAppeal(db, office, l3.id, { decision: 'accept', date: '2020-08-20', note: '经集体研究并听取法律顾问意见，不再上诉，依法重新作出认定' });
  await L.recordEffective(db, office, l3.id, { date: '2020-08-26', performanceDays: 60 });
  await L.recordPerformance(db, office, l3.id, { date: '2020-10-16', note: '已重新作出认定工伤决定（中站人社工伤〔2020〕58号）并送达' });

  const l4 = await suit({
    caseNo: '（2020）豫0803行初21号', defendantUnitId: await unit('府城街道办事处'), plaintiffName: '赵某某', plaintiffType: 'natural',
    actChallenged: '府城街道办事处对原告搭建的彩钢板房实施强制拆除的行为', caseType: '行政强制',
    filedDate: '2020-06-29', complaintReceivedDate: '2020-07-02', advisorUnitId: shanbo, advisorName: '李红梅',
  });
  await L.fileDefence(db, office, l4.id, { date: '2020-07-14', evidenceSubmitted: true });
  await L.recordJudgment(db, office, l4.id, { outcome: '准许撤诉', servedDate: '2020-08-05', summary: '经行政调解，双方就物品损失补偿达成和解，原告申请撤诉，法院裁定准许。' });

  const l5 = await suit({
    caseNo: '（2020）豫0803行初26号', defendantUnitId: await unit('区自然资源和规划局'), plaintiffName: '焦作市某置业有限公司', plaintiffType: 'legal',
    actChallenged: '《行政处罚决定书》（中站自然资罚〔2020〕9号），以未经批准占用土地建设为由责令退还并处罚款', caseType: '行政处罚',
    filedDate: '2020-07-20', complaintReceivedDate: '2020-07-23', advisorUnitId: nasheng, advisorName: '周律师',
  });
  await L.fileDefence(db, office, l5.id, { date: '2020-08-04', evidenceSubmitted: true });
  await L.recordLawsuitHearing(db, office, l5.id, { hearingDate: '2020-08-26', courtNoticeServed: false, headAppeared: true, headName: '李卫东', headPosition: '分管副职级', headOfOtherBody: false, lawyerName: '周律师' });
  await L.recordJudgment(db, office, l5.id, { outcome: '驳回诉讼请求', servedDate: '2020-09-10' });
  await L.decideAppeal(db, office, l5.id, { decision: 'accept', date: '2020-09-14' });
  await L.recordPlaintiffAppeal(db, office, l5.id, { by: 'plaintiff', date: '2020-09-22' });
  await L.recordLawsuitHearing(db, office, l5.id, { hearingDate: '2020-11-05', courtNoticeServed: false, headAppeared: true, headName: '李卫东', headPosition: '分管副职级', headOfOtherBody: false, lawyerName: '周律师' });
  await L.recordJudgment(db, office, l5.id, { outcome: '驳回上诉维持原判', servedDate: '2020-12-01', summary: '焦作市中级人民法院（2020）豫08行终112号行政判决：驳回上诉，维持原判。' });

  const l6 = await suit({
    caseNo: '（2020）豫0803行初31号', defendantUnitId: await unit('区住房和城乡建设局'), plaintiffName: '孙某某', plaintiffType: 'natural',
    actChallenged: '《政府信息公开申请答复书》（中站住建依复〔2020〕7号），告知原告申请公开的老旧小区改造资金明细不属于本机关公开职责范围', caseType: '政府信息公开',
    filedDate: '2020-08-17', complaintReceivedDate: '2020-08-20', advisorUnitId: shanbo, advisorName: '李红梅',
  });
  await L.fileDefence(db, office, l6.id, { date: '2020-09-01', evidenceSubmitted: true });
  await L.recordLawsuitHearing(db, office, l6.id, { hearingDate: '2020-09-23', courtNoticeServed: false, headAppeared: true, headName: '马国强', headPosition: '正职', headOfOtherBody: false, lawyerName: '李红梅' });
  await L.recordJudgment(db, office, l6.id, { outcome: '驳回诉讼请求', servedDate: '2020-10-20' });
  await L.decideAppeal(db, office, l6.id, { decision: 'accept', date: '2020-10-23' });
  await L.recordEffective(db, office, l6.id, { date: '2020-11-05' });

  const l7 = await suit({
    caseNo: '（2020）豫0803行初38号', defendantUnitId: await unit('区城市管理局'), plaintiffName: '周某某', plaintiffType: 'natural',
    actChallenged: '《强制拆除决定书》（中站城管强拆〔2020〕4号），决定对原告在道路红线内搭建的违法建设实施强制拆除', caseType: '行政强制',
    filedDate: '2020-10-12', complaintReceivedDate: '2020-10-15', advisorUnitId: nasheng, advisorName: '周律师',
  });
  await L.fileDefence(db, office, l7.id, { date: '2020-10-27', evidenceSubmitted: true });
  await L.recordLawsuitHearing(db, office, l7.id, { hearingDate: '2020-11-18', courtNoticeServed: true, headAppeared: true, headName: '张建国', headPosition: '正职', headOfOtherBody: false, lawyerName: '周律师' });
  await L.recordJudgment(db, office, l7.id, { outcome: '驳回诉讼请求', servedDate: '2020-12-02' });
  await L.decideAppeal(db, office, l7.id, { decision: 'accept', date: '2020-12-04' });
  await L.recordPlaintiffAppeal(db, office, l7.id, { by: 'plaintiff', date: '2020-12-14' });
}
