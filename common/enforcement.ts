import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';
import { RecordDeadlineOut } from './core-api.js';

/** Administrative enforcement (行政执法): labels, request and response schemas shared by server and web. */

type L = { zh: string; en: string };
const keys = <T extends Record<string, L>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Kinds of enforcement body. */
export const BODY_KINDS = {
  department: { zh: '行政机关', en: 'Department' },
  team: { zh: '综合行政执法队伍', en: 'Comprehensive enforcement team' },
  subdistrict: { zh: '街道综合执法队', en: 'Subdistrict enforcement team' },
  other: { zh: '其他执法主体', en: 'Other body' },
} as const;
export type BodyKind = keyof typeof BODY_KINDS;

/** Certificate kinds: 行政执法证 / 行政执法监督证. */
export const CERT_KINDS = {
  enforcement: { zh: '行政执法证', en: 'Enforcement certificate' },
  supervision: { zh: '行政执法监督证', en: 'Supervision certificate' },
} as const;
export type CertKind = keyof typeof CERT_KINDS;

/** Certificate statuses. */
export const CERT_STATUSES = {
  valid: { zh: '有效', en: 'Valid' },
  renewed: { zh: '已换发', en: 'Renewed' },
  suspended: { zh: '暂扣', en: 'Suspended' },
  revoked: { zh: '已注销', en: 'Revoked' },
} as const;
export type CertStatus = keyof typeof CERT_STATUSES;

/** The three systems' case types: 行政处罚 / 行政许可 / 行政强制 / 行政检查. */
export const CASE_SYSTEMS = {
  penalty: { zh: '行政处罚', en: 'Administrative penalty' },
  license: { zh: '行政许可', en: 'Administrative licence' },
  coercion: { zh: '行政强制', en: 'Administrative coercion' },
  inspection: { zh: '行政检查', en: 'Administrative inspection' },
} as const;
export type CaseSystem = keyof typeof CASE_SYSTEMS;

/** Case statuses, in the order of the procedure. */
export const CASE_STATUSES = {
  filed: { zh: '已立案', en: 'Filed' },
  investigating: { zh: '调查取证', en: 'Investigating' },
  in_review: { zh: '法制审核中', en: 'In legal review' },
  reviewed: { zh: '法制审核通过', en: 'Legal review passed' },
  decided: { zh: '已作出决定', en: 'Decided' },
  served: { zh: '已送达', en: 'Served' },
  executed: { zh: '已执行', en: 'Executed' },
  closed: { zh: '已结案', en: 'Closed' },
} as const;
export type CaseStatus = keyof typeof CASE_STATUSES;

/** Decisions, by system. */
export const DECISIONS = {
  penalty: { zh: '给予行政处罚', en: 'Penalty imposed' },
  no_penalty: { zh: '不予行政处罚', en: 'No penalty' },
  granted: { zh: '准予许可', en: 'Licence granted' },
  refused: { zh: '不予许可', en: 'Licence refused' },
  measure: { zh: '采取强制措施', en: 'Coercive measure' },
  compliant: { zh: '检查未发现问题', en: 'Compliant' },
  violation: { zh: '检查发现违法问题', en: 'Violation found' },
} as const;
export type Decision = keyof typeof DECISIONS;
/** Which decisions each system may record. */
export const DECISIONS_BY_SYSTEM: Record<CaseSystem, Decision[]> = {
  penalty: ['penalty', 'no_penalty'],
  license: ['granted', 'refused'],
  coercion: ['measure'],
  inspection: ['compliant', 'violation'],
};

/** Conditions of 行政处罚法 第五十八条 that require legal review before the decision. */
export const MAJOR_REASONS = {
  public_interest: { zh: '涉及重大公共利益', en: 'Major public interest' },
  hearing: { zh: '直接关系当事人或者第三人重大权益，经过听证程序', en: 'Major rights, after a hearing' },
  complex: { zh: '案件情况疑难复杂、涉及多个法律关系', en: 'Complex, several legal relations' },
  statutory: { zh: '法律、法规规定应当进行法制审核的其他情形', en: 'Other statutory case' },
  unit_list: { zh: '本单位重大执法决定法制审核目录清单所列情形', en: "On the unit's legal-review list" },
} as const;
export type MajorReason = keyof typeof MAJOR_REASONS;

/** Case-file grades. */
export const GRADES = {
  excellent: { zh: '优秀', en: 'Excellent' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
} as const;
export type Grade = keyof typeof GRADES;

/** Problem categories of a case file: 立卷 / 实体 / 程序. */
export const PROBLEM_CATEGORIES = {
  filing: { zh: '立卷', en: 'File keeping' },
  substantive: { zh: '实体', en: 'Substance' },
  procedural: { zh: '程序', en: 'Procedure' },
} as const;
export type ProblemCategory = keyof typeof PROBLEM_CATEGORIES;

/** Violation-risk levels. */
export const RISK_LEVELS = {
  high: { zh: '高风险', en: 'High' },
  medium: { zh: '中风险', en: 'Medium' },
  low: { zh: '低风险', en: 'Low' },
} as const;
export type RiskLevel = keyof typeof RISK_LEVELS;

const Text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const Money = z.number().min(0).max(1e10);

// ---- bodies and officers

export const BodyInput = z.object({
  unitId: Id,
  kind: z.enum(keys(BODY_KINDS)),
  legalBasis: Text(500, 0).default(''),
  fields: z.array(Text(40)).max(50).default([]),
  since: DateStr,
});
export type BodyInput = z.infer<typeof BodyInput>;

/** Moving a field of enforcement from one body to another on a date (综合执法改革). */
export const FieldMoveInput = z.object({
  field: Text(40),
  toBodyId: Id,
  on: DateStr,
  note: Text(200, 0).default(''),
});
export type FieldMoveInput = z.infer<typeof FieldMoveInput>;

export const OfficerInput = z.object({
  unitId: Id,
  name: Text(40),
  userId: Id.optional(),
  legalReviewer: z.boolean().default(false),
  legalQualification: z.boolean().default(false),
  supervisionRegisteredOn: DateStr.optional(),
});
export type OfficerInput = z.infer<typeof OfficerInput>;

export const CertificateInput = z
  .object({
    certNo: z.string().trim().regex(/^[0-9A-Za-z-]{6,30}$/, { message: '证件号应为6至30位数字或字母' }),
    kind: z.enum(keys(CERT_KINDS)),
    field: Text(40),
    issuedOn: DateStr,
    expiresOn: DateStr,
  })
  .refine((c) => c.expiresOn > c.issuedOn, { path: ['expiresOn'], message: '有效期至应晚于发证日期' });
export type CertificateInput = z.infer<typeof CertificateInput>;

export const CertificateEndInput = z.object({ status: z.enum(['suspended', 'revoked']), on: DateStr });
export type CertificateEndInput = z.infer<typeof CertificateEndInput>;

export const ExamResultInput = z.object({
  examDate: DateStr,
  part: z.enum(['public', 'special']),
  score: z.number().min(0).max(100),
  passMark: z.number().min(0).max(100).default(60),
});
export type ExamResultInput = z.infer<typeof ExamResultInput>;

export const TrainingInput = z.object({ trainedOn: DateStr, topic: Text(200), hours: z.number().positive().max(24) });
export type TrainingInput = z.infer<typeof TrainingInput>;

export const OfficerListQuery = ListQuery.extend({ unitId: Id.optional(), expiringBy: DateStr.optional() });
export type OfficerListQuery = z.infer<typeof OfficerListQuery>;

// ---- cases

export const CaseInput = z.object({
  unitId: Id,
  system: z.enum(keys(CASE_SYSTEMS)),
  caseNo: Text(60),
  title: Text(200),
  partyName: Text(100),
  partyKind: z.enum(['person', 'organisation']),
  cause: Text(1000, 0).default(''),
  filedOn: DateStr,
  officerIds: z.array(Id).max(10),
  major: z.boolean().default(false),
  majorReasons: z.array(z.enum(keys(MAJOR_REASONS))).max(5).default([]),
});
export type CaseInput = z.infer<typeof CaseInput>;

export const StepDateInput = z.object({ on: DateStr });
export const LegalReviewInput = z.object({ reviewerId: Id, conclusion: z.enum(['pass', 'fail']), opinion: Text(2000), on: DateStr });
export type LegalReviewInput = z.infer<typeof LegalReviewInput>;
export const DecideInput = z.object({
  on: DateStr,
  decision: z.enum(keys(DECISIONS)),
  decisionNo: Text(60),
  signedBy: Text(40),
  fine: Money.optional(),
});
export type DecideInput = z.infer<typeof DecideInput>;
export const ServeInput = z.object({ on: DateStr, partyPresent: z.boolean() });
export type ServeInput = z.infer<typeof ServeInput>;
export const ExecuteInput = z.object({ on: DateStr, paidOn: DateStr.optional() });
export type ExecuteInput = z.infer<typeof ExecuteInput>;

export const CaseListQuery = ListQuery.extend({
  status: z.enum(keys(CASE_STATUSES)).optional(),
  system: z.enum(keys(CASE_SYSTEMS)).optional(),
  unitId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  open: z.enum(['true', 'false']).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

// ---- case-file review

export const Criterion = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,20}$/),
  name: Text(100),
  max: z.number().positive().max(100),
  category: z.enum(keys(PROBLEM_CATEGORIES)),
  veto: z.boolean().default(false),
});
export type Criterion = z.infer<typeof Criterion>;
/**
 * The default scoring sheet after 《河南省行政处罚案卷评查标准》's dimensions (REFERENCE §5.3), 100 points; a
 * campaign may configure its own.
 */
export const DEFAULT_CRITERIA: Criterion[] = [
  { code: 'ZT', name: '执法主体合法、执法人员具有执法资格', max: 10, category: 'substantive', veto: true },
  { code: 'SS', name: '认定事实清楚，证据确凿充分', max: 25, category: 'substantive', veto: false },
  { code: 'YJ', name: '适用法律依据准确', max: 15, category: 'substantive', veto: false },
  { code: 'CX', name: '程序合法（告知、听证、法制审核、送达）', max: 25, category: 'procedural', veto: false },
  { code: 'CL', name: '裁量标准运用适当', max: 10, category: 'substantive', veto: false },
  { code: 'YS', name: '涉嫌犯罪案件依法移送', max: 5, category: 'procedural', veto: false },
  { code: 'LJ', name: '案卷制作、装订和管理规范', max: 10, category: 'filing', veto: false },
];
export const Bands = z.object({ excellent: z.number().min(0).max(100), pass: z.number().min(0).max(100) }).refine((b) => b.excellent > b.pass, { path: ['excellent'], message: '优秀分数线应高于合格分数线' });
export type Bands = z.infer<typeof Bands>;

export const CampaignInput = z.object({
  year: z.number().int().min(2000).max(2100),
  title: Text(200),
  criteria: z.array(Criterion).min(1).max(60).refine((cs) => new Set(cs.map((c) => c.code)).size === cs.length, { message: '评查项目编号不能重复' }),
  bands: Bands.default({ excellent: 90, pass: 60 }),
  sampleSize: z.number().int().min(1).max(1000),
  sampleSeed: Text(40),
});
export type CampaignInput = z.infer<typeof CampaignInput>;

export const ScoreInput = z.object({
  reviewer: Text(40),
  on: DateStr,
  items: z.array(z.object({
    code: z.string().max(20),
    deduction: z.number().min(0).max(100),
    vetoed: z.boolean().default(false),
    problem: Text(500, 0).default(''),
  })).max(60),
  rectifyWithinDays: z.number().int().min(1).max(180).default(30),
});
export type ScoreInput = z.infer<typeof ScoreInput>;
export const RectifyInput = z.object({ on: DateStr, measure: Text(1000) });

// ---- catalogue

export const ItemInput = z.object({ code: Text(40), name: Text(200), parentCode: Text(40).optional(), competent: Text(100, 0).default(''), listedOn: DateStr.optional() });
export type ItemInput = z.infer<typeof ItemInput>;
export const ClaimInput = z.object({ unitId: Id, itemId: Id, claimedOn: DateStr, implementationListOn: DateStr.optional() });
export type ClaimInput = z.infer<typeof ClaimInput>;
export const ItemListQuery = ListQuery.extend({ main: z.enum(['true', 'false']).optional(), claimed: z.enum(['true', 'false']).optional() });
export type ItemListQuery = z.infer<typeof ItemListQuery>;

export const RiskInput = z.object({
  unitId: Id,
  riskPoint: Text(200),
  forms: Text(1000),
  legalBasis: Text(500),
  consequence: Text(500),
  level: z.enum(keys(RISK_LEVELS)),
  prevention: Text(1000),
  published: z.boolean().default(true),
});
export type RiskInput = z.infer<typeof RiskInput>;

// ---- responses

export const BodyOut = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string(), kind: z.string(), kindLabel: z.string(), legalBasis: z.string(),
  fields: z.array(z.object({ id: z.string(), field: z.string(), validFrom: z.string(), validTo: z.string().nullable(), note: z.string() })),
});
export const CertificateOut = z.object({
  id: z.string(), certNo: z.string(), kind: z.string(), kindLabel: z.string(), field: z.string(), issuedOn: z.string(), expiresOn: z.string(),
  status: z.string(), statusLabel: z.string(), endedOn: z.string().nullable(),
});
export const OfficerOut = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string(), name: z.string(), legalReviewer: z.boolean(), legalQualification: z.boolean(),
  supervisionRegisteredOn: z.string().nullable(), active: z.boolean(),
  certNo: z.string().nullable(), certExpiresOn: z.string().nullable(), trainingHours: z.number(),
});
export const OfficerDetailOut = OfficerOut.extend({
  certificates: z.array(CertificateOut),
  exams: z.array(z.object({ id: z.string(), examDate: z.string(), part: z.string(), score: z.number(), passed: z.boolean() })),
  trainings: z.array(z.object({ id: z.string(), trainedOn: z.string(), topic: z.string(), hours: z.number() })),
  /** Trainings and exams the officer signed in to (the learning module's attendance linked to the officer). */
  attendance: z.array(z.object({ id: z.string(), activityId: z.string(), kind: z.enum(['training', 'exam']), date: z.string(), topic: z.string(), score: z.number().nullable(), passed: z.boolean().nullable() })),
  canEdit: z.boolean(),
});
export const CaseOut = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string(), system: z.string(), systemLabel: z.string(), caseNo: z.string(), title: z.string(),
  partyName: z.string(), partyKind: z.string(), filedOn: z.string(), status: z.string(), statusLabel: z.string(), major: z.boolean(),
  decidedOn: z.string().nullable(), decision: z.string().nullable(), decisionLabel: z.string().nullable(), fine: z.number().nullable(),
  closedOn: z.string().nullable(), publishedOn: z.string().nullable(), decisionDue: z.string().nullable(),
});
export const CaseDetailOut = CaseOut.extend({
  cause: z.string(), majorReasons: z.array(z.string()), investigatedOn: z.string().nullable(), reviewSubmittedOn: z.string().nullable(),
  reviewerName: z.string().nullable(), reviewConclusion: z.string().nullable(), reviewOpinion: z.string().nullable(), reviewedOn: z.string().nullable(),
  decisionNo: z.string().nullable(), signedBy: z.string().nullable(), servedOn: z.string().nullable(), partyPresent: z.boolean().nullable(),
  executedOn: z.string().nullable(), paidOn: z.string().nullable(), lateFee: z.number().nullable(),
  officers: z.array(z.object({ id: z.string(), name: z.string(), certNo: z.string() })),
  /** The case's statutory deadlines in the reader's language (core `presentDeadline`). */
  deadlines: z.array(RecordDeadlineOut),
  next: z.array(z.string()),
  canEdit: z.boolean(),
});
export const CampaignOut = z.object({
  id: z.string(), year: z.number(), title: z.string(), criteria: z.array(Criterion), bands: z.object({ excellent: z.number(), pass: z.number() }),
  sampleSeed: z.string(), sampleSize: z.number(), status: z.string(), files: z.number(), scored: z.number(), excellent: z.number(),
});
export const ReviewFileOut = z.object({
  id: z.string(), campaignId: z.string(), caseId: z.string(), caseNo: z.string(), caseTitle: z.string(), unitId: z.string(), unitName: z.string(),
  system: z.string(), score: z.number().nullable(), grade: z.string().nullable(), gradeLabel: z.string().nullable(), reviewer: z.string().nullable(), reviewedOn: z.string().nullable(),
  problems: z.array(z.object({ id: z.string(), criterion: z.string(), category: z.string(), categoryLabel: z.string(), description: z.string(), deduction: z.number(), dueOn: z.string(), rectifiedOn: z.string().nullable(), measure: z.string().nullable() })),
});
export const UnitAverageOut = z.object({ unitId: z.string(), unitName: z.string(), files: z.number(), average: z.number(), grade: z.string(), gradeLabel: z.string(), rank: z.number() });
export const ItemOut = z.object({
  id: z.string(), code: z.string(), name: z.string(), parentId: z.string().nullable(), parentCode: z.string().nullable(), competent: z.string(),
  main: z.boolean(), claims: z.array(z.object({ id: z.string(), unitId: z.string(), unitName: z.string(), claimedOn: z.string(), implementationListOn: z.string().nullable() })),
});
export const RiskOut = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string(), riskPoint: z.string(), forms: z.string(), legalBasis: z.string(), consequence: z.string(),
  level: z.string(), levelLabel: z.string(), prevention: z.string(), published: z.boolean(),
});
export const CatalogueSummaryOut = z.object({ mainItems: z.number(), subItems: z.number(), claims: z.number(), claimingUnits: z.number(), mainCovered: z.number(), officersRegistered: z.number() });
export type CaseOutT = z.infer<typeof CaseOut>;
export type CaseDetailOutT = z.infer<typeof CaseDetailOut>;
export type OfficerOutT = z.infer<typeof OfficerOut>;
export type OfficerDetailOutT = z.infer<typeof OfficerDetailOut>;
export type BodyOutT = z.infer<typeof BodyOut>;
export type CampaignOutT = z.infer<typeof CampaignOut>;
export type ReviewFileOutT = z.infer<typeof ReviewFileOut>;
export type ItemOutT = z.infer<typeof ItemOut>;
export type RiskOutT = z.infer<typeof RiskOut>;

// ───────────────────────────── public portal (行政执法公示) ─────────────────────────────

/** The public pages' query: the region's code, a keyword, a page. */
export const PublicListQuery = z.object({
  region: z.string().regex(/^[0-9]{6}$/, { message: '行政区划代码应为6位数字' }),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicListQuery = z.infer<typeof PublicListQuery>;
/** An officer on the public page: name, unit, certificate — no ID number, no phone. */
export const PublicOfficerOut = z.object({ id: z.string(), name: z.string(), unitName: z.string(), certNo: z.string(), kindLabel: z.string(), field: z.string(), expiresOn: z.string() });
/** A body on the public page with the fields it covers today and its officers on duty. */
export const PublicBodyOut = z.object({ id: z.string(), unitName: z.string(), kindLabel: z.string(), legalBasis: z.string(), fields: z.array(z.string()), officers: z.number() });
/** A decision on the public page (a natural person's name masked). */
export const PublicDecisionOut = z.object({
  id: z.string(), systemLabel: z.string(), unitName: z.string(), title: z.string(), party: z.string(), decisionLabel: z.string(), decisionNo: z.string(),
  fine: z.number().nullable(), decidedOn: z.string(), publishedOn: z.string(),
});
/** A risk point on the public page. */
export const PublicRiskOut = z.object({
  id: z.string(), unitName: z.string(), riskPoint: z.string(), forms: z.string(), legalBasis: z.string(), consequence: z.string(), level: z.string(), levelLabel: z.string(), prevention: z.string(),
});
