import type { Generated } from 'kysely';
import type { DateStr as D, Timestamp } from '../../db/types.js';

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
  /**
   * Acceptance as recorded: by the organ's decision, or (written by the next step on the case) the law's
   * own when the review lapsed. Reads derive it as of today (reconsideration.ts `effectiveAcceptance`).
   */
  acceptance_mode: 'decided' | 'deemed' | null;
  accepted_date: D | null;
  /** Last day of the (current) 5-working-day acceptance review; null while a correction is pending. */
  review_due: D | null;
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

// The input schemas are shared with the web forms (common/disputes-inputs.ts).
export * from '../../../common/disputes-inputs.js';
