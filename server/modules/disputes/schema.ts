import { z } from 'zod';
import type { Generated } from 'kysely';
import type { DateStr as D, Timestamp } from '../../db/types.js';
import { DateStr, Id, ListQuery } from '../../../common/schemas.js';
import {
  ABSENCE_REASONS, CASE_TYPES, HEAD_POSITIONS, LAWSUIT_OUTCOMES, RECON_OUTCOMES, TERMINATION_REASONS,
} from '../../../common/disputes.js';

/** A reconsideration case: one application to the district government as 行政复议机关. */
export interface ReconsiderationCasesTable {
  id: Generated<string>;
  region_id: string;
  /** The respondent unit (被申请人). */
  unit_id: string;
  case_no: string;
  law_version: '2017' | '2023';
  procedure: 'ordinary' | 'simplified';
  applicant_name: string;
  applicant_type: 'natural' | 'legal' | 'other';
  applicant_contact: string | null;
  act_challenged: string;
  case_type: string;
  act_date: D | null;
  knew_date: D;
  received_date: D;
  informed_of_rights: boolean;
  rights_known_date: D | null;
  immovable: boolean;
  apply_deadline: D;
  timely: boolean;
  delay_reason: string | null;
  status: 'received' | 'correction' | 'accepted' | 'suspended' | 'closed' | 'refused' | 'abandoned';
  acceptance_mode: 'decided' | 'deemed' | null;
  accepted_date: D | null;
  refused_date: D | null;
  refusal_reason: string | null;
  correction_notice_date: D | null;
  correction_received_date: D | null;
  correction_items: string | null;
  correction_supplied_date: D | null;
  abandoned_date: D | null;
  copy_sent_date: D | null;
  respondent_received_date: D | null;
  answer_date: D | null;
  extension_days: number | null;
  extension_approved_date: D | null;
  extension_approver: string | null;
  extension_notice_date: D | null;
  extension_reason: string | null;
  outcome: string | null;
  termination_reason: string | null;
  decision_date: D | null;
  decision_summary: string | null;
  decision_due: D | null;
  closed_within_period: boolean | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A suspension (中止) of a reconsideration case; the decision clock stops while it is open. */
export interface ReconsiderationSuspensionsTable {
  id: Generated<string>;
  case_id: string;
  from_date: D;
  resumed_date: D | null;
  reason_item: number | null;
  reason: string;
  created_at: Timestamp;
}

/** A hearing (听证) of a reconsideration case (2023法 第50—51条). */
export interface ReconsiderationHearingsTable {
  id: Generated<string>;
  case_id: string;
  hearing_date: D;
  notice_date: D;
  place: string | null;
  respondent_head_attended: boolean;
  respondent_attendee: string | null;
  notes: string | null;
  created_at: Timestamp;
}

/** An opinion letter (行政复议意见书) or suggestion (建议书) and its compliance report (2023法 第76条). */
export interface ReconsiderationOpinionsTable {
  id: Generated<string>;
  case_id: string;
  region_id: string;
  /** The unit the letter is addressed to (it must report compliance). */
  unit_id: string;
  kind: 'opinion' | 'suggestion';
  issued_date: D;
  received_date: D;
  content: string;
  compliance_date: D | null;
  compliance_note: string | null;
  created_at: Timestamp;
}

/** An administrative lawsuit against a district agency (被告). */
export interface LawsuitsTable {
  id: Generated<string>;
  region_id: string;
  /** The defendant unit (被告). */
  unit_id: string;
  case_no: string;
  court_name: string;
  plaintiff_name: string;
  plaintiff_type: 'natural' | 'legal' | 'other';
  act_challenged: string;
  case_type: string;
  filed_date: D | null;
  complaint_received_date: D;
  defence_filed_date: D | null;
  evidence_submitted: boolean | null;
  stage: 'first' | 'appeal' | 'retrial';
  status: 'defence' | 'pending' | 'judged' | 'closed';
  /** The representing law firm (a law_firm unit; the advisors module references the same unit). */
  advisor_unit_id: string | null;
  advisor_name: string | null;
  last_outcome: string | null;
  last_judgment_kind: 'judgment' | 'ruling' | null;
  last_served_date: D | null;
  agency_appeal_decision: 'appeal' | 'accept' | null;
  agency_appeal_decision_date: D | null;
  appeal_by: 'defendant' | 'plaintiff' | 'both' | null;
  appeal_date: D | null;
  effective_date: D | null;
  final_outcome: string | null;
  lost: boolean | null;
  closed_date: D | null;
  performance_due: D | null;
  performance_date: D | null;
  performance_note: string | null;
  retrial_application_date: D | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A court hearing and who appeared for the agency (出庭应诉). */
export interface LawsuitHearingsTable {
  id: Generated<string>;
  lawsuit_id: string;
  stage: 'first' | 'appeal' | 'retrial';
  hearing_date: D;
  court_notice_served: boolean;
  head_appeared: boolean;
  head_name: string | null;
  head_position: string | null;
  absence_reason: string | null;
  absence_detail: string | null;
  delegate_name: string | null;
  lawyer_name: string | null;
  notes: string | null;
  created_at: Timestamp;
}

/** A judgment or ruling served in a lawsuit. */
export interface LawsuitJudgmentsTable {
  id: Generated<string>;
  lawsuit_id: string;
  stage: 'first' | 'appeal' | 'retrial';
  kind: 'judgment' | 'ruling';
  outcome: string;
  served_date: D;
  summary: string | null;
  created_at: Timestamp;
}

declare module '../../db/types.js' {
  interface Database {
    reconsideration_cases: ReconsiderationCasesTable;
    reconsideration_suspensions: ReconsiderationSuspensionsTable;
    reconsideration_hearings: ReconsiderationHearingsTable;
    reconsideration_opinions: ReconsiderationOpinionsTable;
    lawsuits: LawsuitsTable;
    lawsuit_hearings: LawsuitHearingsTable;
    lawsuit_judgments: LawsuitJudgmentsTable;
  }
}

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
