import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { buildActor, type Actor } from '../server/core/scope/index.js';
import { assessFirm, engageFirm, giveOpinion, logWork, registerAdvisor, requestReview } from '../server/modules/advisors/service.js';
import type { ReviewConclusion, ReviewType } from '../server/modules/advisors/schema.js';

/** The signed-in actor of a demo account (demo seeds act through the services as real users would). */
export async function demoActor(db: Kysely<Database>, username: string): Promise<Actor> {
  const u = await db.selectFrom('users').select(['id', 'username', 'display_name', 'unit_id', 'must_change_password']).where('username', '=', username).executeTakeFirstOrThrow();
  return buildActor(db, u, 'cli');
}

async function unitIds(db: Kysely<Database>) {
  const zz = await db.selectFrom('regions').select('path').where('code', '=', '410803').executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.id', 'u.region_id')
    .select(['u.id', 'u.name'])
    .where((eb) => eb.or([eb('r.path', '=', zz.path), eb('r.path', 'like', `${zz.path}/%`)]))
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.id])) as Record<string, string>;
}

const NS = '河南纳圣律师事务所';
const SB = '河南善博律师事务所';

/**
 * 15 government contracts reviewed by the advisors in 2020 (seed §一(二): 审核政府签订合同15件).
 * [requesting unit, title, firm, requested, due, concluded, conclusion, opinion, reasons]
 */
const CONTRACTS: [string, string, string, string, string, string, ReviewConclusion, string, string][] = [
  ['区城市管理局', '中站区城区道路清扫保洁市场化服务合同', NS, '2020-01-06', '2020-01-16', '2020-01-14', 'lawful_if_amended', '合同第八条考核扣款标准不明确，建议细化扣款情形和计算方式后签订。', '《民法典》第五百一十条关于约定不明的补充规定'],
  ['区城市管理局', '中站区生活垃圾中转站运营管理委托合同', NS, '2020-02-24', '2020-03-05', '2020-03-04', 'lawful', '合同主体适格，委托事项、期限、费用及违约责任约定明确，未发现违反法律强制性规定的条款。', '符合《民法典》合同编及《城市生活垃圾管理办法》有关规定'],
  ['区住房和城乡建设局', '中站区2020年老旧小区改造工程设计合同', SB, '2020-03-16', '2020-03-26', '2020-03-24', 'lawful_if_amended', '设计成果交付时间与工程招标进度不衔接，建议增加分阶段交付条款；知识产权归属应明确归甲方。', '《建设工程勘察设计管理条例》第二十八条'],
  ['区教育局', '中站区中小学校园安保服务采购合同', SB, '2020-03-30', '2020-04-09', '2020-04-08', 'lawful', '采购程序合法，合同条款与招标文件及中标人投标文件一致。', '《政府采购法》第四十六条、第五十条'],
  ['区卫生健康委员会', '新冠肺炎疫情防控物资应急采购合同', NS, '2020-02-10', '2020-02-14', '2020-02-12', 'lawful_if_amended', '建议补充产品质量标准、检验验收及不合格品退换条款，明确交付时限。', '《民法典》第六百一十五条至第六百二十一条'],
  ['区自然资源和规划局', '中站区国有建设用地使用权出让合同（龙洞片区A-03地块）', NS, '2020-04-20', '2020-04-30', '2020-04-29', 'lawful', '出让合同采用国家示范文本，出让程序、价款及开竣工期限约定符合规定。', '《城镇国有土地使用权出让和转让暂行条例》第十一条至第十六条'],
  ['区发展和改革委员会', '中站区城乡一体化示范区污水处理厂PPP项目合同补充协议', SB, '2020-05-11', '2020-05-25', '2020-05-22', 'lawful_if_amended', '补充协议调整可行性缺口补助计算方式，应履行财政承受能力论证并报区政府常务会议研究后签订。', '《政府和社会资本合作项目财政承受能力论证指引》'],
  ['区政府办公室', '中站区人民政府办公楼物业管理服务合同', SB, '2020-06-01', '2020-06-11', '2020-06-10', 'lawful', '物业服务内容、标准及费用与采购结果一致，条款合法有效。', '《物业管理条例》第三十四条、第三十五条'],
  ['区民政局', '中站区社区居家养老服务中心委托运营协议', NS, '2020-06-22', '2020-07-02', '2020-07-01', 'lawful_if_amended', '建议明确政府补贴的拨付条件、绩效考核及退出机制，增加服务对象权益保障条款。', '《河南省养老服务条例》有关规定'],
  ['区交通运输局', '中站区农村公路养护工程施工合同', NS, '2020-07-13', '2020-07-23', '2020-07-21', 'lawful', '合同采用建设工程施工合同示范文本，工期、质量、价款及保修条款约定明确。', '《建设工程质量管理条例》第四十条'],
  ['区城市管理局', '中站区数字化城市管理平台运维服务合同', NS, '2020-08-03', '2020-08-13', '2020-08-12', 'lawful', '合同主体适格，服务内容、数据安全与保密责任约定明确。', '《网络安全法》第二十一条'],
  ['区市场监督管理局', '中站区食品快速检测服务采购合同', SB, '2020-08-24', '2020-09-03', '2020-09-02', 'lawful_if_amended', '检测结果的法律效力表述不当，快检结果不得直接作为行政处罚依据，建议修改第五条表述。', '《食品安全法》第八十八条'],
  ['区财政局', '中站区政府投资项目预算评审委托服务合同', SB, '2020-09-14', '2020-09-24', '2020-09-23', 'lawful', '委托程序符合规定，评审费用计取标准明确。', '《河南省政府投资管理办法》'],
  ['区农业农村局', '中站区高标准农田建设项目监理合同', NS, '2020-10-19', '2020-10-29', '2020-10-28', 'lawful', '监理范围、监理费用及监理人责任约定明确，符合有关规定。', '《建设工程监理范围和规模标准规定》'],
  ['区住房和城乡建设局', '中站区城区集中供热特许经营协议补充协议', NS, '2020-11-16', '2020-11-26', '2020-11-25', 'lawful_if_amended', '补充协议延长特许经营期限，应当依法履行评估论证程序，并明确期满移交条款。', '《基础设施和公用事业特许经营管理办法》第十八条、第四十一条'],
];

/** 7 administrative lawsuits represented by the advisors in 2020 (代理行政诉讼案件7件). */

/** Demo 2020 records of the legal-advisor system of 中站区, created through the advisors services. */
export async function seedAdvisors(db: Kysely<Database>, _cfg: Config) {
  const office = await demoActor(db, 'office');
  const zhouActor = await demoActor(db, 'advisor');
  const u = await unitIds(db);
  const scope = '担任中站区人民政府常年法律顾问：参与重大行政决策合法性论证，审查政府合同和行政规范性文件，代理行政诉讼、行政复议案件，列席政府常务会议，提供日常法律咨询。';
  await engageFirm(db, office, { firmId: u[NS], contractNo: '中站政法顾〔2020〕1号', signedOn: '2019-12-27', periodFrom: '2020-01-01', periodTo: '2020-12-31', scope, fee: 80000 });
  await engageFirm(db, office, { firmId: u[SB], contractNo: '中站政法顾〔2020〕2号', signedOn: '2019-12-27', periodFrom: '2020-01-01', periodTo: '2020-12-31', scope, fee: 60000 });
  const zhouUser = await db.selectFrom('users').select('id').where('username', '=', 'advisor').executeTakeFirstOrThrow();
  const zhou = await registerAdvisor(db, office, { unitId: u[NS], kind: 'firm_lawyer', name: '周律师', userId: zhouUser.id, certificateNo: '14108201510287431', speciality: '行政法、政府合同审查' });
  await registerAdvisor(db, office, { unitId: u[NS], kind: 'firm_lawyer', name: '王志刚', certificateNo: '14108200910156782', speciality: '行政诉讼、征收补偿' });
  const li = await registerAdvisor(db, office, { unitId: u[SB], kind: 'firm_lawyer', name: '李红梅', certificateNo: '14108201211093265', speciality: '民商事合同、行政复议' });
  await registerAdvisor(db, office, { unitId: u[SB], kind: 'firm_lawyer', name: '赵建华', certificateNo: '14108201610374418', speciality: '行政诉讼、劳动社会保障' });
  await registerAdvisor(db, office, { unitId: u['区司法局'], kind: 'public_lawyer', name: '马晓燕', certificateNo: '41080320180012', speciality: '行政执法监督、规范性文件审查' });

  // Reviews at 纳圣 go to 周律师 by name (he gives the opinion himself); 善博 ones to 李红梅, whose written
  // opinions the office enters (she has no account).
  const review = async (type: ReviewType, unit: string, title: string, firm: string, requestedOn: string, dueDate: string, concludedOn: string, conclusion: ReviewConclusion, opinion: string, reasons: string) => {
    const advisorId = firm === NS ? zhou.id : li.id;
    const r = await requestReview(db, office, { type, unitId: u[unit], title, summary: '送审材料：送审稿（文本）、起草说明、有关依据。', requestedOn, assign: { advisorId, assignedOn: requestedOn, dueDate } });
    await giveOpinion(db, firm === NS ? zhouActor : office, r.id, { conclusion, opinion, reasons, concludedOn });
  };
  for (const [unit, title, firm, req, due, done, c, op, why] of CONTRACTS) await review('contract', unit, title, firm, req, due, done, c, op, why);
  // The 5 normative documents the firms reviewed in 2020 (审核规范性文件5件) are the documents demo's own
  // legality reviews, sent to the firms through this queue (demo/documents.ts, run after this seed).
  // Other legal opinions.
  await review('opinion', '区信访局', '关于某小区业主集体信访事项处理的法律意见', NS, '2020-09-07', '2020-09-14', '2020-09-11', 'lawful', '信访事项属于物业服务合同纠纷，建议引导通过诉讼或人民调解途径解决。', '《信访条例》第十四条、第十五条');

  // Litigation representation: the work log lists the lawsuits of the disputes module (one record per
  // lawsuit, the firm recorded on it) — a hearing day each, or the defence work when there was no hearing.
  const suits = await db
    .selectFrom('lawsuits as l')
    .innerJoin('units as d', 'd.id', 'l.unit_id')
    .leftJoin('lawsuit_hearings as h', 'h.lawsuit_id', 'l.id')
    .select(['l.id', 'l.advisor_unit_id', 'l.plaintiff_name', 'l.act_challenged', 'l.unit_id', 'd.name as defendant', 'l.defence_filed_date', 'h.hearing_date', 'h.stage'])
    .where('l.advisor_unit_id', 'in', [u[NS], u[SB]])
    .orderBy('l.complaint_received_date').orderBy('h.hearing_date')
    .execute();
  for (const s of suits) {
    const ns = s.advisor_unit_id === u[NS];
    const hearing = (s.hearing_date as string | null) ?? null;
    const defence = s.defence_filed_date as string;
    await logWork(db, ns ? zhouActor : office, {
      firmId: s.advisor_unit_id!, advisorId: ns ? zhou.id : li.id, clientUnitId: s.unit_id, kind: 'litigation', lawsuitId: s.id,
      workDate: hearing ?? defence,
      title: hearing ? `代理${s.plaintiff_name}诉${s.defendant}案${s.stage === 'appeal' ? '二审' : ''}出庭应诉` : `代理${s.plaintiff_name}诉${s.defendant}案答辩及调解`,
      description: hearing ? '审查案卷材料，指导起草答辩状并组织举证，出庭发表代理意见。' : '审查案卷材料，指导起草答辩状，参与庭外调解。',
      hours: 8, role: s.stage === 'appeal' ? 'appellee_agent' : 'defendant_agent',
    });
  }
  const misc: [string, 'meeting' | 'training' | 'consultation', string, string][] = [
    [NS, 'meeting', '2020-06-23', '列席区政府2020年第9次常务会议，就老旧小区改造实施方案发表法律意见'],
    [SB, 'training', '2020-07-09', '为区直部门行政执法人员讲授《民法典》与依法行政专题课'],
    [NS, 'consultation', '2020-04-03', '就疫情期间国有房屋租金减免政策提供法律咨询'],
    [SB, 'meeting', '2020-08-25', '列席区政府2020年第14次常务会议'],
  ];
  for (const [firm, kind, date, title] of misc)
    await logWork(db, firm === NS ? zhouActor : office, { firmId: u[firm], kind, workDate: date, title, description: '', hours: 3 });

  // Annual assessment under the advisors' assessment rules (法律顾问考核办法).
  const criteria = (a: number, b: number, c: number, d: number) => [
    { name: '法律意见质量', max: 40, score: a, note: '' },
    { name: '办理时效', max: 20, score: b, note: '' },
    { name: '诉讼代理成效', max: 20, score: c, note: '' },
    { name: '工作纪律和保密', max: 20, score: d, note: '' },
  ];
  await assessFirm(db, office, { firmId: u[NS], year: 2020, assessedOn: '2020-12-28', criteria: criteria(37, 19, 18, 20), comment: '全年审查意见质量较高，均在期限内出具。' });
  await assessFirm(db, office, { firmId: u[SB], year: 2020, assessedOn: '2020-12-28', criteria: criteria(35, 18, 17, 19), comment: '服务及时，建议加强对规范性文件制定程序的审查。' });
}
