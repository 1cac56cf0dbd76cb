/**
 * Enumerations of the disputes module (行政复议、行政应诉) with zh/en labels, shared by server and web.
 * Sources: 行政复议法(2023) 第30、33、39、41、63—74条; 行政诉讼法 第69—78、89条; 行诉解释 第101条;
 * 《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第2、8条 (see domain REFERENCE §9–§10).
 */

/** Which reconsideration law governs a case: the 2017 text until 2023-12-31, the 2023 revision from 2024-01-01 (2023法 第90条). */
export const LAW_VERSIONS = ['2017', '2023'] as const;
/** A law version. */
export type LawVersion = (typeof LAW_VERSIONS)[number];

/** The law that governs a reconsideration application received on `receivedDate`. */
export function lawVersionFor(receivedDate: string): LawVersion {
  return receivedDate >= '2024-01-01' ? '2023' : '2017';
}

/** Case types (被申请/被诉行政行为类别) used by the registers and the statistical tables. */
export const CASE_TYPES = ['行政处罚', '行政强制', '行政许可', '行政确认', '工伤认定', '行政征收征用', '政府信息公开', '不履行法定职责', '行政协议', '行政登记', '其他'] as const;

/** Reconsideration case states. */
export const RECON_STATUSES = {
  received: { zh: '待审查', en: 'Under acceptance review' },
  correction: { zh: '补正中', en: 'Awaiting correction' },
  accepted: { zh: '审理中', en: 'Accepted, under review' },
  suspended: { zh: '中止', en: 'Suspended' },
  closed: { zh: '已审结', en: 'Concluded' },
  refused: { zh: '不予受理', en: 'Not accepted' },
  abandoned: { zh: '视为放弃', en: 'Deemed abandoned' },
} as const;
/** A reconsideration state. */
export type ReconStatus = keyof typeof RECON_STATUSES;

/** Merits decisions of the 2023 law (第63—72条). */
export const RECON_MERITS_OUTCOMES = ['变更', '撤销', '部分撤销', '确认违法', '责令履行', '确认无效', '维持', '驳回复议请求', '行政协议决定'] as const;
/** Procedural outcomes that conclude an accepted case (驳回申请 第33条, 终止 第41条, 调解书 第73条). */
export const RECON_PROCEDURAL_OUTCOMES = ['驳回申请', '终止', '调解书'] as const;
/** Every concluding outcome of an accepted case. */
export const RECON_OUTCOMES = [...RECON_MERITS_OUTCOMES, ...RECON_PROCEDURAL_OUTCOMES] as const;
/** A concluding outcome. */
export type ReconOutcome = (typeof RECON_OUTCOMES)[number];
/**
 * Outcomes that correct the respondent (纠错): 变更、撤销、部分撤销、确认违法、责令履行、确认无效
 * (REFERENCE §9.3, usual practice).
 */
export const RECON_CORRECTIVE: readonly string[] = ['变更', '撤销', '部分撤销', '确认违法', '责令履行', '确认无效'];
/** Grounds of 终止 (2023法 第41条; 第74条 和解后撤回). */
export const TERMINATION_REASONS = ['申请人撤回申请', '和解后撤回申请', '申请人死亡且无近亲属或近亲属放弃', '法人或其他组织终止且无承受人或放弃', '申请人被采取刑事强制措施', '中止满六十日原因仍未消除'] as const;
/** The grounds of 终止 in English (for the English form; the stored value is the law's Chinese). */
export const TERMINATION_REASONS_EN: Record<(typeof TERMINATION_REASONS)[number], string> = {
  申请人撤回申请: 'The applicant withdrew the application',
  和解后撤回申请: 'Withdrawn after a settlement',
  申请人死亡且无近亲属或近亲属放弃: 'The applicant died with no close relative, or the relatives waived',
  法人或其他组织终止且无承受人或放弃: 'The organisation ended with no successor, or the successor waived',
  申请人被采取刑事强制措施: 'The applicant is under criminal compulsory measures',
  中止满六十日原因仍未消除: 'Suspended for 60 days and the cause remains',
};
/** Grounds of 中止 (2023法 第39条 items 1–10; items 1, 2, 4 lead to 终止 after 60 days, 第41条). */
export const SUSPENSION_ITEMS: Record<number, string> = {
  1: '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  2: '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议',
  3: '作为申请人的公民下落不明',
  4: '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  5: '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  6: '依法进行调解、和解，申请人和被申请人同意中止',
  7: '行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认',
  8: '行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  9: '有本法第五十六条或者第五十七条规定的情形',
  10: '需要中止行政复议的其他情形',
};
/** The grounds of 中止 in English (for the English form). */
export const SUSPENSION_ITEMS_EN: Record<number, string> = {
  1: 'The applicant (a citizen) died and the close relatives have not decided whether to take part',
  2: 'The applicant (a citizen) lost legal capacity and no legal representative is yet determined',
  3: 'The applicant (a citizen) is missing',
  4: 'The applicant (an organisation) ended and no successor is yet determined',
  5: 'The applicant or respondent cannot take part for force majeure or another proper reason',
  6: 'Mediation or settlement under way, and both parties agree to suspend',
  7: 'A question of law needs an interpretation or confirmation by the competent authority',
  8: 'The case depends on the outcome of another case not yet concluded',
  9: 'A circumstance of Article 56 or 57 of the Law',
  10: 'Another circumstance requiring suspension',
};

/** Litigation stages. */
export const LAWSUIT_STAGES = { first: { zh: '一审', en: 'First instance' }, appeal: { zh: '二审', en: 'Appeal' }, retrial: { zh: '再审', en: 'Retrial' } } as const;
/** A litigation stage. */
export type LawsuitStage = keyof typeof LAWSUIT_STAGES;
/** Litigation states. */
export const LAWSUIT_STATUSES = {
  defence: { zh: '待答辩举证', en: 'Defence due' },
  pending: { zh: '审理中', en: 'Pending' },
  judged: { zh: '已判决待生效', en: 'Judged, appeal period running' },
  closed: { zh: '已结案', en: 'Closed' },
} as const;
/** A litigation state. */
export type LawsuitStatus = keyof typeof LAWSUIT_STATUSES;

/** Kinds of a court's document: 判决 or 裁定. */
export const JUDGMENT_KINDS = {
  judgment: { zh: '判决', en: 'Judgment' },
  ruling: { zh: '裁定', en: 'Ruling' },
} as const;

/** Outcomes of a judgment or ruling, with whether it goes against the agency (败诉). */
export const LAWSUIT_OUTCOMES: Record<string, { kind: 'judgment' | 'ruling'; lost: boolean; performance?: boolean }> = {
  驳回诉讼请求: { kind: 'judgment', lost: false },
  撤销: { kind: 'judgment', lost: true, performance: true },
  部分撤销: { kind: 'judgment', lost: true, performance: true },
  判决履行法定职责: { kind: 'judgment', lost: true, performance: true },
  判决履行给付义务: { kind: 'judgment', lost: true, performance: true },
  确认违法: { kind: 'judgment', lost: true },
  确认无效: { kind: 'judgment', lost: true },
  变更: { kind: 'judgment', lost: true, performance: true },
  行政协议责任: { kind: 'judgment', lost: true, performance: true },
  行政赔偿: { kind: 'judgment', lost: true, performance: true },
  驳回上诉维持原判: { kind: 'judgment', lost: false },
  改判: { kind: 'judgment', lost: true, performance: true },
  发回重审: { kind: 'ruling', lost: false },
  驳回起诉: { kind: 'ruling', lost: false },
  不予立案: { kind: 'ruling', lost: false },
  准许撤诉: { kind: 'ruling', lost: false },
  终结诉讼: { kind: 'ruling', lost: false },
  调解: { kind: 'ruling', lost: false },
};

/** Outcomes a second-instance court gives (行政诉讼法 第89条, with 撤诉、终结、调解). */
export const APPEAL_STAGE_OUTCOMES: readonly string[] = ['驳回上诉维持原判', '改判', '发回重审', '准许撤诉', '终结诉讼', '调解'];

/** Positions that count as the agency head (出庭规定 第2条). */
export const HEAD_POSITIONS = ['正职', '副职', '分管副职级', '其他分管负责人'] as const;
/** Permitted reasons for the head's absence (出庭规定 第8条). */
export const ABSENCE_REASONS = ['不可抗力', '意外事件', '需要履行他人不能代替的公务', '其他正当事由'] as const;
