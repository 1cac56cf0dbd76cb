import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';

/** Legal advisors (政府法律顾问): labels and request schemas shared by server and web. */

/** Kinds of review request: 合同审查 / 规范性文件合法性审查 / 重大决策合法性审查 / 其他法律意见. */
export const REVIEW_TYPES = {
  contract: { zh: '合同审查', en: 'Contract review' },
  normative_document: { zh: '规范性文件合法性审查', en: 'Normative-document legality review' },
  major_decision: { zh: '重大行政决策合法性审查', en: 'Major-decision legality review' },
  opinion: { zh: '其他法律意见', en: 'Other legal opinion' },
} as const;
/** A review type key. */
export type ReviewType = keyof typeof REVIEW_TYPES;
const REVIEW_TYPE_KEYS = Object.keys(REVIEW_TYPES) as [ReviewType, ...ReviewType[]];

/** Opinion conclusions: 合法 / 不合法 / 修改后合法. */
export const CONCLUSIONS = {
  lawful: { zh: '合法', en: 'Lawful' },
  unlawful: { zh: '不合法', en: 'Unlawful' },
  lawful_if_amended: { zh: '修改后合法', en: 'Lawful if amended' },
} as const;
/** A conclusion key. */
export type ReviewConclusion = keyof typeof CONCLUSIONS;

/** Work-log kinds. */
export const WORK_KINDS = {
  litigation: { zh: '代理行政诉讼', en: 'Litigation representation' },
  reconsideration: { zh: '代理行政复议', en: 'Reconsideration representation' },
  consultation: { zh: '法律咨询', en: 'Consultation' },
  meeting: { zh: '列席会议', en: 'Meeting' },
  training: { zh: '法治讲座', en: 'Training' },
  other: { zh: '其他', en: 'Other' },
} as const;
/** A work kind key. */
export type WorkKind = keyof typeof WORK_KINDS;

/** The advisor's role in a lawsuit. */
export const LITIGATION_ROLES = {
  defendant_agent: { zh: '被告委托代理人', en: "Defendant's agent" },
  appellee_agent: { zh: '被上诉人委托代理人', en: "Appellee's agent" },
  appellant_agent: { zh: '上诉人委托代理人', en: "Appellant's agent" },
  third_party_agent: { zh: '第三人委托代理人', en: "Third party's agent" },
  respondent_agent: { zh: '被申请人委托代理人', en: "Respondent's agent" },
} as const;
/** A litigation role key. */
export type LitigationRole = keyof typeof LITIGATION_ROLES;

/** Assessment grades. */
export const GRADES = {
  excellent: { zh: '优秀', en: 'Excellent' },
  competent: { zh: '称职', en: 'Competent' },
  basically_competent: { zh: '基本称职', en: 'Basically competent' },
  incompetent: { zh: '不称职', en: 'Incompetent' },
} as const;
/** A grade key. */
export type Grade = keyof typeof GRADES;

const Text = (max: number, min = 1) => z.string().trim().min(min).max(max);

/** Create an engagement contract. */
export const EngagementInput = z
  .object({
    /** The law firm (unit of type law_firm). */
    firmId: Id,
    contractNo: Text(60, 2),
    signedOn: DateStr,
    periodFrom: DateStr,
    periodTo: DateStr,
    scope: Text(2000, 4),
    /** Fee in yuan, 2 decimals. */
    fee: z.number().min(0).max(100_000_000).multipleOf(0.01),
  })
  .refine((e) => e.periodTo >= e.periodFrom, { message: '聘期结束日期不得早于开始日期', path: ['periodTo'] })
  .refine((e) => e.signedOn <= e.periodTo, { message: '签订日期不得晚于聘期结束日期', path: ['signedOn'] });

/** Register an advisor. */
export const AdvisorInput = z.object({
  /** The advisor's firm, or for a public lawyer the department they work in. */
  unitId: Id,
  kind: z.enum(['firm_lawyer', 'public_lawyer']),
  name: Text(40),
  userId: Id.nullish(),
  certificateNo: z.string().trim().regex(/^[0-9A-Za-z]{10,20}$/, { message: '执业证号应为10-20位数字或字母' }),
  speciality: Text(200, 2),
});

/** Ask for a legal opinion (the queue). */
export const ReviewRequestInput = z.object({
  type: z.enum(REVIEW_TYPE_KEYS),
  /** The requesting unit (defaults to the requester's own unit). */
  unitId: Id.optional(),
  title: Text(200, 4),
  summary: z.string().trim().max(4000).default(''),
  requestedOn: DateStr,
});

/** Assign a request to a firm or to one of its advisors, with a due date. */
export const AssignInput = z
  .object({
    firmId: Id.optional(),
    advisorId: Id.optional(),
    assignedOn: DateStr,
    dueDate: DateStr,
  })
  .refine((a) => !!a.firmId || !!a.advisorId, { message: '请指定律师事务所或法律顾问', path: ['firmId'] })
  .refine((a) => a.dueDate >= a.assignedOn, { message: '办理期限不得早于指派日期', path: ['dueDate'] });

/** A written opinion concluding a request. */
export const OpinionInput = z.object({
  conclusion: z.enum(['lawful', 'unlawful', 'lawful_if_amended']),
  opinion: Text(8000, 4),
  reasons: Text(4000, 4),
  concludedOn: DateStr,
});

/** A work-log entry. */
export const WorkLogInput = z
  .object({
    firmId: Id,
    advisorId: Id.nullish(),
    clientUnitId: Id.nullish(),
    kind: z.enum(Object.keys(WORK_KINDS) as [WorkKind, ...WorkKind[]]),
    workDate: DateStr,
    title: Text(200, 2),
    description: z.string().trim().max(4000).default(''),
    hours: z.number().min(0).max(1000).nullish(),
    /** The lawsuit represented (行政应诉 record): its case number and court come from it. */
    lawsuitId: Id.nullish(),
    caseRef: z.string().trim().max(80).nullish(),
    court: z.string().trim().max(80).nullish(),
    role: z.enum(Object.keys(LITIGATION_ROLES) as [LitigationRole, ...LitigationRole[]]).nullish(),
  })
  .superRefine((w, ctx) => {
    if (w.kind !== 'litigation') return;
    if (!w.lawsuitId && !w.caseRef) ctx.addIssue({ code: 'custom', path: ['caseRef'], message: '代理诉讼须填写案号' });
    if (!w.lawsuitId && !w.court) ctx.addIssue({ code: 'custom', path: ['court'], message: '代理诉讼须填写审理法院' });
    if (!w.role) ctx.addIssue({ code: 'custom', path: ['role'], message: '代理诉讼须填写代理身份' });
  });

/** One scored criterion of an assessment. */
export const Criterion = z
  .object({ name: Text(60, 2), max: z.number().positive().max(100), score: z.number().min(0).max(100), note: z.string().trim().max(400).default('') })
  .refine((c) => c.score <= c.max, { message: '得分不得超过该项分值', path: ['score'] });

/** The annual assessment of a firm. */
export const AssessmentInput = z.object({
  firmId: Id,
  year: z.number().int().min(2000).max(2100),
  assessedOn: DateStr,
  criteria: z.array(Criterion).min(1).max(20),
  comment: z.string().trim().max(2000).default(''),
});

/** Filters of the review list. */
export const ReviewListQuery = ListQuery.extend({
  type: z.enum(REVIEW_TYPE_KEYS).optional(),
  status: z.enum(['pending', 'assigned', 'concluded', 'withdrawn']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
/** Filters of the work log list. */
export const WorkLogListQuery = ListQuery.extend({
  kind: z.enum(Object.keys(WORK_KINDS) as [WorkKind, ...WorkKind[]]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

// ---------------------------------------------------------------- response contracts

/** An engagement contract with a law firm. */
export const EngagementOut = z.object({
  id: z.string(), firmId: z.string(), firmName: z.string(), contractNo: z.string(), signedOn: z.string().optional(),
  periodFrom: z.string(), periodTo: z.string(), scope: z.string(), fee: z.number(),
});
/** A registered advisor. */
export const AdvisorOut = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string().optional(), kind: z.string(), name: z.string(), hasAccount: z.boolean(),
  certificateNo: z.string(), speciality: z.string(), active: z.boolean(),
});
/** A review request as the queue and detail show it, with the viewer's abilities. */
export const ReviewOut = z.object({
  id: z.string(), type: z.string(), typeLabel: z.string(), title: z.string(), summary: z.string(), unitId: z.string(), unitName: z.string(),
  subjectEntity: z.string().nullable(), subjectId: z.string().nullable(), requestedOn: z.string(), status: z.string(),
  firmId: z.string().nullable(), firmName: z.string().nullable(), advisorId: z.string().nullable(), advisorName: z.string().nullable(),
  assignedOn: z.string().nullable(), dueDate: z.string().nullable(), conclusion: z.string().nullable(), conclusionLabel: z.string().nullable(),
  opinion: z.string().nullable(), reasons: z.string().nullable(), concludedOn: z.string().nullable(),
  canAssign: z.boolean(), canConclude: z.boolean(), canWithdraw: z.boolean(),
});
/** A work-log entry. */
export const WorkLogOut = z.object({
  id: z.string(), firmId: z.string(), firmName: z.string(), advisorId: z.string().nullable(), advisorName: z.string().nullable(),
  clientUnitId: z.string().nullable(), clientName: z.string().nullable(), kind: z.string(), workDate: z.string(), title: z.string(),
  description: z.string(), hours: z.number().nullable(), lawsuitId: z.string().nullable(), caseRef: z.string().nullable(), court: z.string().nullable(), role: z.string().nullable(),
});
/** A firm's annual assessment. */
export const AssessmentOut = z.object({
  id: z.string(), firmId: z.string(), firmName: z.string().optional(), year: z.number(), assessedOn: z.string(),
  criteria: z.array(z.object({ name: z.string(), max: z.number(), score: z.number(), note: z.string().optional() })),
  total: z.number(), maxTotal: z.number(), grade: z.string(), gradeLabel: z.string(), comment: z.string(),
});
export type EngagementOut = z.infer<typeof EngagementOut>;
export type AdvisorOut = z.infer<typeof AdvisorOut>;
export type ReviewOut = z.infer<typeof ReviewOut>;
export type WorkLogOut = z.infer<typeof WorkLogOut>;
export type AssessmentOut = z.infer<typeof AssessmentOut>;
/** `GET /api/v1/advisors/assessments`. */
export const AssessmentList = z.object({ items: z.array(AssessmentOut), canCreate: z.boolean() });
export type AssessmentList = z.infer<typeof AssessmentList>;
