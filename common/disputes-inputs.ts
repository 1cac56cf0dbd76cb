/**
 * Input schemas of the disputes module (行政复议、行政应诉), shared by the server routes and the web
 * forms so both validate alike.
 */
import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';
import {
  ABSENCE_REASONS, CASE_TYPES, HEAD_POSITIONS, LAWSUIT_OUTCOMES, RECON_OUTCOMES, TERMINATION_REASONS,
} from './disputes.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const enumOf = <T extends readonly [string, ...string[]]>(v: T) => z.enum(v);

// ---------------- reconsideration inputs ----------------

/** Register a reconsideration application (申请登记). */
export const ReconsiderationInput = z.object({
  /** 案号; generated (e.g. 中站政复〔2020〕1号) when absent. */
  caseNo: text(60).optional(),
  /** 被申请人: the respondent unit. */
  respondentUnitId: Id,
  /** 申请人. */
  applicantName: text(80),
  applicantType: z.enum(['natural', 'legal', 'other']),
  applicantContact: z.string().trim().max(80).optional(),
  /** 被申请复议的行政行为. */
  actChallenged: text(300),
  caseType: enumOf(CASE_TYPES),
  /** Date the act was made (for the 5/20-year cut-off, 2023法 第21条). */
  actDate: DateStr.optional(),
  /** Date the applicant knew or should have known of the act. */
  knewDate: DateStr,
  /** Date the organ received the application. */
  receivedDate: DateStr,
  /** Whether the respondent informed the applicant of the right and period to apply (2023法 第20条第二款). */
  informedOfRights: z.boolean().default(true),
  /** When not informed: date the applicant learned of the right and period. */
  rightsKnownDate: DateStr.optional(),
  /** Act concerns immovable property (20-year cut-off). */
  immovable: z.boolean().default(false),
  /** 简易程序 (2023法 第53条; not available under the 2017 law). */
  procedure: z.enum(['ordinary', 'simplified']).default('ordinary'),
});
/** A date-only action. */
export const DateAction = z.object({ date: DateStr });
/** Accept an application (受理). */
export const AcceptInput = z.object({
  date: DateStr,
  /** Required to accept an application filed after the period: the 正当理由 of 第20条第二款. */
  delayReason: z.string().trim().min(4).max(300).optional(),
});
/** Refuse an application (不予受理, 第30条). */
export const RefuseInput = z.object({ date: DateStr, reason: text(300) });
/** A correction notice (补正通知, 第31条). */
export const CorrectionInput = z.object({
  noticeDate: DateStr,
  /** Date the applicant received the notice (the applicant's period runs from it). */
  receivedDate: DateStr,
  items: text(500),
  /** 2017 law only: the period stated in the notice, in days (default 10). */
  periodDays: z.number().int().min(1).max(60).optional(),
});
/** Send the application copy to the respondent (第48/54条). */
export const CopyInput = z.object({ sentDate: DateStr, receivedDate: DateStr.optional() });
/** Record a hearing. */
export const ReconHearingInput = z.object({
  hearingDate: DateStr,
  noticeDate: DateStr,
  place: z.string().trim().max(100).optional(),
  respondentHeadAttended: z.boolean(),
  respondentAttendee: z.string().trim().max(60).optional(),
  notes: z.string().trim().max(1000).optional(),
});
/** Suspend the case (中止, 第39条). */
export const SuspendInput = z.object({ date: DateStr, reasonItem: z.number().int().min(1).max(10), reason: z.string().trim().max(300).optional() });
/** One extension of the decision period (第62条). */
export const ExtensionInput = z.object({
  approvedDate: DateStr,
  /** 行政复议机构负责人 who approved it. */
  approver: text(40),
  days: z.number().int().min(1).max(30),
  /** Date of the written notice to the parties. */
  noticeDate: DateStr,
  reason: text(300),
});
/** Conclude an accepted case. */
export const DecisionInput = z.object({
  date: DateStr,
  outcome: z.enum(RECON_OUTCOMES),
  summary: text(2000),
  terminationReason: z.enum(TERMINATION_REASONS).optional(),
});
/** Issue an opinion letter or suggestion (第76条). */
export const OpinionInput = z.object({
  kind: z.enum(['opinion', 'suggestion']),
  unitId: Id,
  issuedDate: DateStr,
  receivedDate: DateStr,
  content: text(2000),
});
/** The addressee's compliance report. */
export const ComplianceInput = z.object({ date: DateStr, note: text(1000) });
/** Filters of the reconsideration register. */
export const ReconListQuery = ListQuery.extend({
  status: z.enum(['received', 'correction', 'accepted', 'suspended', 'closed', 'refused', 'abandoned']).optional(),
  unitId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  lawVersion: z.enum(['2017', '2023']).optional(),
  caseType: z.string().max(20).optional(),
});

// ---------------- litigation inputs ----------------

/** Register a lawsuit when the complaint copy arrives (应诉登记). */
export const LawsuitInput = z.object({
  caseNo: text(60),
  courtName: text(60),
  /** 被告: the defendant unit. */
  defendantUnitId: Id,
  plaintiffName: text(80),
  plaintiffType: z.enum(['natural', 'legal', 'other']),
  actChallenged: text(300),
  caseType: enumOf(CASE_TYPES),
  /** 立案日期 (court's filing), if known. */
  filedDate: DateStr.optional(),
  /** Date the agency received the complaint copy: the 15-day defence period runs from it (第67条). */
  complaintReceivedDate: DateStr,
  advisorUnitId: Id.optional(),
  advisorName: z.string().trim().max(40).optional(),
});
/** File the defence and evidence. */
export const DefenceInput = z.object({ date: DateStr, evidenceSubmitted: z.boolean() });
/** Record a court hearing and the agency's appearance. */
export const LawsuitHearingInput = z.object({
  hearingDate: DateStr,
  courtNoticeServed: z.boolean().default(false),
  headAppeared: z.boolean(),
  headName: z.string().trim().max(40).optional(),
  headPosition: z.enum(HEAD_POSITIONS).optional(),
  /** The person is a head of an entrusted organisation or a lower agency (does not count, 出庭规定 第2条). */
  headOfOtherBody: z.boolean().default(false),
  absenceReason: z.enum(ABSENCE_REASONS).optional(),
  absenceDetail: z.string().trim().max(300).optional(),
  /** The agency's staff member who appeared instead (相应的工作人员). */
  delegateName: z.string().trim().max(40).optional(),
  lawyerName: z.string().trim().max(40).optional(),
  notes: z.string().trim().max(1000).optional(),
});
const OUTCOME_KEYS = Object.keys(LAWSUIT_OUTCOMES) as [string, ...string[]];
/** Record a judgment or ruling served on the agency. */
export const JudgmentInput = z.object({
  outcome: z.enum(OUTCOME_KEYS),
  /** For 改判: the outcome after revision (decides 败诉). */
  revisedTo: z.enum(OUTCOME_KEYS).optional(),
  servedDate: DateStr,
  summary: z.string().trim().max(2000).optional(),
});
/** The agency's decision whether to appeal, within the appeal period (第85条). */
export const AppealDecisionInput = z.object({ decision: z.enum(['appeal', 'accept']), date: DateStr, note: z.string().trim().max(500).optional() });
/** An appeal by the plaintiff (or both). */
export const AppealInput = z.object({ by: z.enum(['plaintiff', 'both']), date: DateStr });
/** The judgment became effective (no appeal, or final judgment served). */
export const EffectiveInput = z.object({
  date: DateStr,
  /** Days the judgment gives the agency to perform (e.g. 重新作出行政行为), counted from effectiveness. */
  performanceDays: z.number().int().min(1).max(365).optional(),
});
/** Record performance of the judgment. */
export const PerformanceInput = z.object({ date: DateStr, note: text(500) });
/** Apply for retrial (再审, 行诉解释 第110条). */
export const RetrialInput = z.object({ date: DateStr });
/** Set the representing legal advisor. */
export const AdvisorInput = z.object({ advisorUnitId: Id, advisorName: z.string().trim().max(40).optional() });
/** Filters of the litigation register. */
export const LawsuitListQuery = ListQuery.extend({
  status: z.enum(['defence', 'pending', 'judged', 'closed']).optional(),
  stage: z.enum(['first', 'appeal', 'retrial']).optional(),
  unitId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  caseType: z.string().max(20).optional(),
});
/** Statistics query. */
export const StatsQuery = z.object({ region: z.string().regex(/^\d{6,12}$/), year: z.coerce.number().int().min(2000).max(2100) });
