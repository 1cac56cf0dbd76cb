import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';
import { RecordDeadlineOut } from './core-api.js';

/** Oversight (人大代表建议、政协提案、审计): labels, request and response schemas shared by server and web. */

/** Kinds of item received: 人大代表建议、批评和意见 / 政协提案. */
export const ITEM_KINDS = {
  npc_suggestion: { zh: '人大代表建议', en: 'NPC deputy suggestion' },
  cppcc_proposal: { zh: '政协提案', en: 'CPPCC proposal' },
} as const;
/** An item kind key. */
export type ItemKind = keyof typeof ITEM_KINDS;
const KIND_KEYS = Object.keys(ITEM_KINDS) as [ItemKind, ...ItemKind[]];

/** States of a suggestion or proposal (server-side state machine). */
export const ITEM_STATUSES = {
  registered: { zh: '待交办', en: 'To assign' },
  assigned: { zh: '办理中', en: 'In hand' },
  replied: { zh: '已答复', en: 'Replied' },
  reopened: { zh: '不满意待再次答复', en: 'Reopened (second reply due)' },
  closed: { zh: '已办结', en: 'Closed' },
} as const;
/** An item status key. */
export type ItemStatus = keyof typeof ITEM_STATUSES;
const STATUS_KEYS = Object.keys(ITEM_STATUSES) as [ItemStatus, ...ItemStatus[]];

/**
 * Result classes of a reply (national NPC practice, REFERENCE §6): A 已经解决或基本解决; B 正在解决或列入规划
 * 逐步解决; C 因条件限制需待以后解决; D 留作参考.
 */
export const RESULT_CLASSES = {
  A: { zh: 'A类（已解决或基本解决）', en: 'A (solved or largely solved)' },
  B: { zh: 'B类（正在解决或列入规划逐步解决）', en: 'B (being solved or planned)' },
  C: { zh: 'C类（因条件限制待以后解决）', en: 'C (to be solved later)' },
  D: { zh: 'D类（留作参考）', en: 'D (kept for reference)' },
} as const;
/** A result class key. */
export type ResultClass = keyof typeof RESULT_CLASSES;

/** The proposer's satisfaction with a reply. */
export const SATISFACTION = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
} as const;
/** A satisfaction key. */
export type Satisfaction = keyof typeof SATISFACTION;

/** How the handling unit contacted the proposer before replying (面商/沟通). */
export const CONTACT_METHODS = {
  face_to_face: { zh: '当面沟通', en: 'Face to face' },
  phone: { zh: '电话沟通', en: 'Phone' },
  letter: { zh: '书面沟通', en: 'Letter' },
  site_visit: { zh: '实地察看', en: 'Site visit' },
} as const;
/** A contact method key. */
export type ContactMethod = keyof typeof CONTACT_METHODS;

/** A handling unit's role on an item: 主办 / 会办. */
export const ASSIGNMENT_ROLES = {
  lead: { zh: '主办', en: 'Lead' },
  co: { zh: '会办', en: 'Co-handling' },
} as const;
/** An assignment role key. */
export type AssignmentRole = keyof typeof ASSIGNMENT_ROLES;

/** Assignment states: active, or returned by the unit as a wrong assignment. */
export const ASSIGNMENT_STATUSES = {
  active: { zh: '承办中', en: 'Active' },
  returned: { zh: '已退回', en: 'Returned' },
} as const;

const Text = (max: number, min = 1) => z.string().trim().min(min).max(max);

/** Registering a received suggestion or proposal. */
export const ItemInput = z.object({
  /** 建议/提案 kind. */
  kind: z.enum(KIND_KEYS),
  /** The NPC/CPPCC's number (建议第12号, 提案第35号). */
  number: Text(40),
  /** The session (区十一届人大五次会议 / 区政协十届五次会议). */
  session: Text(80),
  /** Title. */
  title: Text(200),
  /** Proposers: one deputy/member or several (联名). */
  proposers: z.array(Text(40)).min(1).max(50),
  /** Subject category (城建、教育…). */
  category: Text(40),
  /** Date received from the NPC standing committee / CPPCC office. */
  receivedOn: DateStr,
  /** The text of the suggestion. */
  content: z.string().max(20000).default(''),
});
export type ItemInput = z.infer<typeof ItemInput>;

/** The office's assignment: a lead unit, co-units, and whether the item is hard (6 months, with the reason). */
export const AssignInput = z
  .object({
    leadUnitId: Id,
    coUnitIds: z.array(Id).max(20).default([]),
    assignedOn: DateStr,
    /** 涉及面广、处理难度大: the reply is due in 6 months instead of 3. */
    hard: z.boolean().default(false),
    hardReason: z.string().trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.hard && !v.hardReason) ctx.addIssue({ code: 'custom', path: ['hardReason'], message: '延长至六个月答复应说明理由' });
    if (v.coUnitIds.includes(v.leadUnitId)) ctx.addIssue({ code: 'custom', path: ['coUnitIds'], message: '会办单位不能与主办单位相同' });
    if (new Set(v.coUnitIds).size !== v.coUnitIds.length) ctx.addIssue({ code: 'custom', path: ['coUnitIds'], message: '会办单位重复' });
  });
export type AssignInput = z.infer<typeof AssignInput>;

/** A unit returns a wrong assignment, with its reason. */
export const ReturnInput = z.object({ returnedOn: DateStr, reason: Text(500, 4) });
export type ReturnInput = z.infer<typeof ReturnInput>;

/** A co-unit's opinion to the lead unit. */
export const OpinionInput = z.object({ opinionOn: DateStr, opinion: Text(5000, 2) });
export type OpinionInput = z.infer<typeof OpinionInput>;

/** Contact with the proposer before replying. */
export const ContactInput = z.object({ contactedOn: DateStr, method: z.enum(Object.keys(CONTACT_METHODS) as [ContactMethod, ...ContactMethod[]]), note: z.string().trim().max(2000).default('') });
export type ContactInput = z.infer<typeof ContactInput>;

/** The reply letter (first or second). */
export const ReplyInput = z.object({
  repliedOn: DateStr,
  resultClass: z.enum(['A', 'B', 'C', 'D']),
  reply: Text(20000, 2),
});
export type ReplyInput = z.infer<typeof ReplyInput>;

/** The proposer's satisfaction with the latest reply. */
export const SatisfactionInput = z.object({ recordedOn: DateStr, satisfaction: z.enum(['satisfied', 'basically', 'unsatisfied']) });
export type SatisfactionInput = z.infer<typeof SatisfactionInput>;

/** List filters of suggestions/proposals. */
export const ItemListQuery = ListQuery.extend({
  kind: z.enum(KIND_KEYS).optional(),
  status: z.enum(STATUS_KEYS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: Id.optional(),
});
export type ItemListQuery = z.infer<typeof ItemListQuery>;

/** A handling unit's assignment as the API shows it. */
export const AssignmentOut = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string(), role: z.enum(['lead', 'co']), assignedOn: z.string(), status: z.enum(['active', 'returned']),
  returnedOn: z.string().nullable(), returnReason: z.string().nullable(), returnBy: z.string().nullable(),
  opinion: z.string().nullable(), opinionOn: z.string().nullable(), opinionDue: z.string().nullable(),
  canReturn: z.boolean(), canGiveOpinion: z.boolean(),
});
export type AssignmentOut = z.infer<typeof AssignmentOut>;

/** The answer to a return: the unit may no longer see the item. */
export const ReturnOut = z.object({ assignmentId: z.string(), itemId: z.string(), status: z.literal('returned'), returnedOn: z.string(), itemVisible: z.boolean() });

/** A contact with the proposer. */
export const ContactOut = z.object({ id: z.string(), contactedOn: z.string(), method: z.string(), methodLabel: z.string(), note: z.string() });

/** A suggestion/proposal in a list. */
export const ItemSummaryOut = z.object({
  id: z.string(), kind: z.enum(KIND_KEYS), kindLabel: z.string(), number: z.string(), session: z.string(), title: z.string(),
  proposers: z.array(z.string()), category: z.string(), receivedOn: z.string(), status: z.enum(STATUS_KEYS), statusLabel: z.string(),
  leadUnitId: z.string().nullable(), leadUnitName: z.string().nullable(), assignedOn: z.string().nullable(), hard: z.boolean(), dueDate: z.string().nullable(),
  resultClass: z.string().nullable(), satisfaction: z.string().nullable(), satisfactionLabel: z.string().nullable(),
});
export type ItemSummaryOut = z.infer<typeof ItemSummaryOut>;

/** A suggestion/proposal with its assignments, contacts and replies. */
export const ItemOut = ItemSummaryOut.extend({
  content: z.string(), hardReason: z.string().nullable(),
  repliedOn: z.string().nullable(), reply: z.string().nullable(), satisfactionOn: z.string().nullable(),
  secondDueDate: z.string().nullable(), secondRepliedOn: z.string().nullable(), secondReply: z.string().nullable(), secondResultClass: z.string().nullable(),
  secondSatisfaction: z.string().nullable(), secondSatisfactionOn: z.string().nullable(),
  assignments: z.array(AssignmentOut),
  contacts: z.array(ContactOut),
  /** The item's deadlines (reply, second reply) and its co-units' opinion deadlines, in the reader's language. */
  deadlines: z.array(RecordDeadlineOut),
  abilities: z.object({ assign: z.boolean(), contact: z.boolean(), reply: z.boolean(), satisfaction: z.boolean() }),
});
export type ItemOut = z.infer<typeof ItemOut>;

// ————————————————————————————— audits —————————————————————————————

/** Kinds of audit: 政府投资项目审计 / 领导干部经济责任审计. */
export const AUDIT_KINDS = {
  investment: { zh: '政府投资项目审计', en: 'Government-investment project audit' },
  economic_responsibility: { zh: '领导干部经济责任审计', en: 'Economic-responsibility audit' },
} as const;
/** An audit kind key. */
export type AuditKind = keyof typeof AUDIT_KINDS;
const AUDIT_KIND_KEYS = Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]];

/** Audit states. */
export const AUDIT_STATUSES = {
  planned: { zh: '已立项', en: 'Planned' },
  noticed: { zh: '已送达审计通知书', en: 'Notice served' },
  reported: { zh: '审计报告征求意见', en: 'Report out for comments' },
  concluded: { zh: '已出具审计结论', en: 'Concluded' },
  published: { zh: '已公告', en: 'Published' },
} as const;
/** An audit status key. */
export type AuditStatus = keyof typeof AUDIT_STATUSES;
const AUDIT_STATUS_KEYS = Object.keys(AUDIT_STATUSES) as [AuditStatus, ...AuditStatus[]];

/** Money in yuan, 2 decimals. */
const Yuan = z.number().min(0).max(1e13).refine((v) => Math.round(v * 100) === v * 100 || Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: '金额最多两位小数' });

/** A new audit. Investment audits name the project and its submitted amount; economic-responsibility audits the official. */
export const AuditInput = z
  .object({
    kind: z.enum(AUDIT_KIND_KEYS),
    /** 审计项目编号. */
    auditNo: Text(60),
    title: Text(200),
    /** The audited unit. */
    unitId: Id,
    /** Date the audit is carried out from (审计实施日). */
    startOn: DateStr,
    projectName: Text(200).optional(),
    /** 送审金额 (yuan). */
    submittedAmount: Yuan.optional(),
    personName: Text(40).optional(),
    post: Text(80).optional(),
    periodFrom: DateStr.optional(),
    periodTo: DateStr.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'investment') {
      if (!v.projectName) ctx.addIssue({ code: 'custom', path: ['projectName'], message: '请填写项目名称' });
      if (v.submittedAmount === undefined) ctx.addIssue({ code: 'custom', path: ['submittedAmount'], message: '请填写送审金额' });
    } else {
      if (!v.personName) ctx.addIssue({ code: 'custom', path: ['personName'], message: '请填写被审计领导干部姓名' });
      if (!v.post) ctx.addIssue({ code: 'custom', path: ['post'], message: '请填写职务' });
      if (!v.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodFrom'], message: '请填写审计期间起始日' });
      if (!v.periodTo) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: '请填写审计期间截止日' });
      if (v.periodFrom && v.periodTo && v.periodTo < v.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: '审计期间截止日不能早于起始日' });
    }
  });
export type AuditInput = z.infer<typeof AuditInput>;

/** Serving the audit notice (审计法 第四十二条: at least 3 days before the audit). */
export const NoticeInput = z.object({ noticeOn: DateStr });
export type NoticeInput = z.infer<typeof NoticeInput>;
/** Sending the audit group's report to the auditee for comments (审计法 第四十四条: 10 days). */
export const ReportSentInput = z.object({ reportSentOn: DateStr });
export type ReportSentInput = z.infer<typeof ReportSentInput>;
/** The auditee's written comments. */
export const CommentsInput = z.object({ commentsOn: DateStr, comments: Text(10000, 2) });
export type CommentsInput = z.infer<typeof CommentsInput>;
/** The audit's conclusion: findings, and for a project the approved amount (审定金额). */
export const ConcludeInput = z.object({
  concludedOn: DateStr,
  findings: Text(20000, 2),
  approvedAmount: Yuan.optional(),
  /** The approved amount exceeds the submitted one (审增), stated deliberately. */
  isIncrease: z.boolean().default(false),
});
export type ConcludeInput = z.infer<typeof ConcludeInput>;
/** Publication of the audit results (审计法 第五十二条). */
export const PublishInput = z.object({ publishedOn: DateStr, publicationRef: Text(300) });
export type PublishInput = z.infer<typeof PublishInput>;
/** A rectification item with its deadline. */
export const RectificationInput = z.object({ unitId: Id.optional(), issue: Text(2000, 2), requirement: z.string().trim().max(2000).default(''), dueOn: DateStr });
export type RectificationInput = z.infer<typeof RectificationInput>;
/** The audited unit reports a rectification done. */
export const RectificationReportInput = z.object({ reportedOn: DateStr, report: Text(5000, 2) });
export type RectificationReportInput = z.infer<typeof RectificationReportInput>;

/** Audit list filters. */
export const AuditListQuery = ListQuery.extend({
  kind: z.enum(AUDIT_KIND_KEYS).optional(),
  status: z.enum(AUDIT_STATUS_KEYS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

/** An audit in a list. */
export const AuditSummaryOut = z.object({
  id: z.string(), kind: z.enum(AUDIT_KIND_KEYS), kindLabel: z.string(), auditNo: z.string(), title: z.string(), unitId: z.string(), unitName: z.string(),
  status: z.enum(AUDIT_STATUS_KEYS), statusLabel: z.string(), startOn: z.string(), concludedOn: z.string().nullable(), publishedOn: z.string().nullable(),
  projectName: z.string().nullable(), submittedAmount: z.number().nullable(), approvedAmount: z.number().nullable(),
  /** 审减金额 = 送审 − 审定 (yuan), computed. */
  reduction: z.number().nullable(),
  /** 审减率 = 审减金额 ÷ 送审金额 (percent, one decimal). */
  reductionRate: z.number().nullable(),
  personName: z.string().nullable(), post: z.string().nullable(), periodFrom: z.string().nullable(), periodTo: z.string().nullable(),
});
export type AuditSummaryOut = z.infer<typeof AuditSummaryOut>;

/** A rectification item. */
export const RectificationOut = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string(), issue: z.string(), requirement: z.string(), dueOn: z.string(), status: z.enum(['open', 'done']),
  reportedOn: z.string().nullable(), report: z.string().nullable(), canReport: z.boolean(),
});
/** An audit with its steps and rectification items. */
export const AuditOut = AuditSummaryOut.extend({
  noticeOn: z.string().nullable(), reportSentOn: z.string().nullable(), commentsDue: z.string().nullable(), commentsOn: z.string().nullable(),
  comments: z.string().nullable(), findings: z.string().nullable(), publicationRef: z.string().nullable(), isIncrease: z.boolean(),
  rectifications: z.array(RectificationOut),
  /** The comments window and the rectification deadlines, in the reader's language. */
  deadlines: z.array(RecordDeadlineOut),
  abilities: z.object({ notice: z.boolean(), report: z.boolean(), comments: z.boolean(), conclude: z.boolean(), publish: z.boolean(), rectify: z.boolean() }),
});
export type AuditOut = z.infer<typeof AuditOut>;

// ————————————————————————————— the year's handling report —————————————————————————————

/** States of the handling report (办理情况报告): generated, reviewed, published. */
export const REPORT_STATUSES = {
  draft: { zh: '待审核', en: 'To review' },
  reviewed: { zh: '已审核', en: 'Reviewed' },
  published: { zh: '已公开', en: 'Published' },
} as const;
/** A report status key. */
export type ReportStatus = keyof typeof REPORT_STATUSES;

/** Generating the year's report from the records; the office may add a foreword (prose, not figures). */
export const HandlingReportInput = z.object({ year: z.number().int().min(2000).max(2100), foreword: z.string().trim().max(5000).default('') });
export type HandlingReportInput = z.infer<typeof HandlingReportInput>;
/** Regenerating the figures (after records changed), optionally with a new foreword. */
export const RegenerateReportInput = z.object({ foreword: z.string().trim().max(5000).optional() });
/** The review before publication. */
export const ReviewReportInput = z.object({ reviewedOn: DateStr, opinion: z.string().trim().min(2).max(2000) });
/** Publication on the portal. */
export const PublishReportInput = z.object({ publishedOn: DateStr });

/** The figures of one kind (or both), all counted over the items received in the year. */
export const HandlingFigures = z.object({
  received: z.number(), assigned: z.number(), replied: z.number(), inHand: z.number(), onTime: z.number(), contacted: z.number(), secondReplies: z.number(),
  classes: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }),
  satisfaction: z.object({ satisfied: z.number(), basically: z.number(), unsatisfied: z.number() }),
  /** Percent (one decimal), null when the base is empty (no data, never 100 %). */
  onTimeRate: z.number().nullable(), contactRate: z.number().nullable(), satisfactionRate: z.number().nullable(),
});
export type HandlingFigures = z.infer<typeof HandlingFigures>;
/** One lead unit's row. */
export const HandlingUnitRow = HandlingFigures.pick({ received: true, replied: true, onTime: true, classes: true, satisfaction: true, satisfactionRate: true }).extend({ unitId: z.string(), unitName: z.string() });
/** The report's figures. */
export const HandlingReportFigures = z.object({
  year: z.number(), npc: HandlingFigures, cppcc: HandlingFigures, total: HandlingFigures, units: z.array(HandlingUnitRow),
});
export type HandlingReportFigures = z.infer<typeof HandlingReportFigures>;

/** A report in a list. */
export const HandlingReportSummaryOut = z.object({
  id: z.string(), year: z.number(), title: z.string(), regionName: z.string(), status: z.enum(['draft', 'reviewed', 'published']), statusLabel: z.string(),
  generatedAt: z.string(), reviewedOn: z.string().nullable(), publishedOn: z.string().nullable(),
});
/** A report: its figures and the text written from them. */
export const HandlingReportOut = HandlingReportSummaryOut.extend({
  foreword: z.string(), figures: HandlingReportFigures, body: z.array(z.string()), reviewOpinion: z.string().nullable(),
  abilities: z.object({ regenerate: z.boolean(), review: z.boolean(), publish: z.boolean() }),
});
export type HandlingReportOut = z.infer<typeof HandlingReportOut>;
/** A published report on the portal. */
export const PublicHandlingReportOut = HandlingReportOut.omit({ abilities: true, reviewOpinion: true });
/** Report list filters. */
export const HandlingReportListQuery = ListQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });
/** Public list: the district by its code. */
export const PublicHandlingReportQuery = ListQuery.extend({ region: z.string().regex(/^[0-9]{6}$/, { message: '行政区划代码应为6位数字' }) });
