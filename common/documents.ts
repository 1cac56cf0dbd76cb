/** Enumerations of the normative-documents module with zh/en labels (shared by server and web). */

/** Life status of a normative document. */
export const DOC_STATUS = {
  drafting: { zh: '起草中', en: 'Drafting' },
  in_force: { zh: '现行有效', en: 'In force' },
  repealed: { zh: '已废止', en: 'Repealed' },
  invalidated: { zh: '已宣布失效', en: 'Declared invalid' },
  revoked: { zh: '已撤销', en: 'Revoked' },
} as const;
/** A stored document status. */
export type DocStatus = keyof typeof DOC_STATUS;
/** Statuses as of a date, adding the derived ones (not yet issued, expired by its validity period). */
export const DOC_STATE_AS_OF = { ...DOC_STATUS, not_issued: { zh: '尚未发布', en: 'Not yet issued' }, expired: { zh: '有效期届满', en: 'Expired' } } as const;

/** Legality review conclusion (国办发〔2018〕115号). */
export const REVIEW_CONCLUSIONS = {
  lawful: { zh: '合法', en: 'Lawful' },
  unlawful: { zh: '不合法', en: 'Unlawful' },
  lawful_after_revision: { zh: '修改后合法', en: 'Lawful after revision' },
} as const;
/** A review conclusion. */
export type ReviewConclusion = keyof typeof REVIEW_CONCLUSIONS;

/** Who performs a legality review: the rule-of-law office (司法局) or a legal-advisor firm. */
export const REVIEWER_KINDS = {
  office: { zh: '司法行政部门（依法治区办）', en: 'Rule-of-law office' },
  advisor: { zh: '政府法律顾问', en: 'Government legal advisor' },
} as const;

/** Fair-competition review conclusion (优化营商环境条例 第六十三条). */
export const FAIR_COMPETITION = {
  compliant: { zh: '符合公平竞争审查标准', en: 'Passes the fair-competition review' },
  non_compliant: { zh: '不符合公平竞争审查标准', en: 'Fails the fair-competition review' },
} as const;

/** Filing (备案) status. */
export const FILING_STATUS = {
  pending: { zh: '待报备', en: 'To be filed' },
  submitted: { zh: '已报备', en: 'Filed' },
  suspended: { zh: '中止（待补充材料）', en: 'Suspended (materials missing)' },
  accepted: { zh: '备案通过', en: 'Filing accepted' },
} as const;

/** Cleanup decision (清理结果, REFERENCE §4.3). */
export const CLEANUP_DECISIONS = {
  keep: { zh: '继续有效', en: 'Remains in force' },
  amend: { zh: '修改', en: 'To be amended' },
  repeal: { zh: '废止', en: 'Repealed' },
  invalidate: { zh: '宣布失效', en: 'Declared invalid' },
  extend: { zh: '延长有效期', en: 'Validity extended' },
} as const;
/** A cleanup decision key. */
export type CleanupDecision = keyof typeof CLEANUP_DECISIONS;

/** Where a correction (纠错) request comes from. */
export const CORRECTION_SOURCES = {
  filing_review: { zh: '备案审查', en: 'Filing review' },
  complaint: { zh: '投诉举报', en: 'Complaint' },
  citizen_request: { zh: '公民、法人或其他组织审查建议', en: "Citizen's review request" },
  reconsideration: { zh: '行政复议附带审查', en: 'Incidental review in reconsideration' },
  self_inspection: { zh: '自查', en: 'Self-inspection' },
} as const;

/** Outcome of a correction. */
export const CORRECTION_OUTCOMES = {
  no_problem: { zh: '经审查无问题', en: 'No problem found' },
  self_corrected: { zh: '自行纠正（修改）', en: 'Self-corrected' },
  revoked: { zh: '撤销', en: 'Revoked' },
  repealed: { zh: '废止', en: 'Repealed' },
} as const;

/** Relation between two documents (the newer one acts on the older one). */
export const RELATION_KINDS = {
  amends: { zh: '修改', en: 'Amends' },
  repeals: { zh: '废止', en: 'Repeals' },
  replaces: { zh: '替代', en: 'Replaces' },
} as const;

/** Meetings at which a document is deliberated (集体审议). */
export const DELIBERATION_MEETINGS = ['区政府常务会议', '区政府全体会议', '部门领导班子会议', '局务会议', '主任办公会议'] as const;

/** Keys of a label map as a zod-enum tuple. */
export function keysOf<T extends Record<string, unknown>>(o: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
}
