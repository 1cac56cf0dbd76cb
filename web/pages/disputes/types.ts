/** Shapes of the disputes API answers (server/modules/disputes/routes.ts presenters). */
import type { ClockItem } from './shared';

/** A reconsideration case as listed. */
export interface Recon {
  id: string;
  caseNo: string;
  lawVersion: '2017' | '2023';
  procedure: 'ordinary' | 'simplified';
  status: string;
  respondentUnitId: string;
  respondentUnitName: string;
  applicantName: string;
  applicantType: 'natural' | 'legal' | 'other';
  applicantContact: string | null;
  actChallenged: string;
  caseType: string;
  actDate: string | null;
  knewDate: string;
  receivedDate: string;
  informedOfRights: boolean;
  rightsKnownDate: string | null;
  immovable: boolean;
  applyDeadline: string;
  timely: boolean;
  delayReason: string | null;
  acceptanceMode: 'decided' | 'deemed' | null;
  acceptedDate: string | null;
  refusedDate: string | null;
  refusalReason: string | null;
  correction: { noticeDate: string; receivedDate: string | null; items: string | null; suppliedDate: string | null } | null;
  abandonedDate: string | null;
  copySentDate: string | null;
  respondentReceivedDate: string | null;
  answerDate: string | null;
  extension: { days: number; approvedDate: string; approver: string; noticeDate: string; reason: string } | null;
  outcome: string | null;
  terminationReason: string | null;
  decisionDate: string | null;
  decisionSummary: string | null;
  decisionDue: string | null;
  closedWithinPeriod: boolean | null;
  abilities: Record<
    | 'canManage' | 'canReview' | 'canRequestCorrection' | 'canMarkAbandoned' | 'canSupplyCorrection' | 'canSendCopy' | 'canAnswer' | 'canHear'
    | 'canSuspend' | 'canResume' | 'canExtend' | 'canDecide' | 'canIssueOpinion',
    boolean
  >;
}

/** A reconsideration case with its parts. */
export interface ReconDetail extends Recon {
  hearings: { id: string; hearingDate: string; noticeDate: string; place: string | null; respondentHeadAttended: boolean; respondentAttendee: string | null; notes: string | null }[];
  suspensions: { id: string; fromDate: string; resumedDate: string | null; reasonItem: number | null; reason: string }[];
  opinions: { id: string; kind: 'opinion' | 'suggestion'; unitId: string; unitName?: string; issuedDate: string; receivedDate: string; content: string; complianceDate: string | null; complianceNote: string | null; abilities: { canReportCompliance: boolean } }[];
  deadlines: ClockItem[];
}

/** The case clock answer of a reconsideration case. */
export interface ReconClock {
  law: string;
  workingDayRule: string;
  application: { knewDate: string; receivedDate: string; dueDate: string; timely: boolean; explain: { zh: string; en: string } | string; basis: string };
  items: ClockItem[];
}

/** A lawsuit as listed. */
export interface Suit {
  id: string;
  caseNo: string;
  courtName: string;
  defendantUnitId: string;
  defendantUnitName: string;
  plaintiffName: string;
  plaintiffType: 'natural' | 'legal' | 'other';
  actChallenged: string;
  caseType: string;
  filedDate: string | null;
  complaintReceivedDate: string;
  defenceDue?: string | null;
  defenceFiledDate: string | null;
  evidenceSubmitted: boolean | null;
  stage: 'first' | 'appeal' | 'retrial';
  status: string;
  advisorUnitId: string | null;
  advisorUnitName: string | null;
  advisorName: string | null;
  lastOutcome: string | null;
  lastServedDate: string | null;
  agencyAppealDecision: 'appeal' | 'accept' | null;
  agencyAppealDecisionDate: string | null;
  appealBy: 'defendant' | 'plaintiff' | 'both' | null;
  appealDate: string | null;
  effectiveDate: string | null;
  finalOutcome: string | null;
  lost: boolean | null;
  closedDate: string | null;
  performanceDue: string | null;
  performanceDate: string | null;
  performanceNote: string | null;
  abilities: Record<'canEdit' | 'canFileDefence' | 'canRecordHearing' | 'canRecordJudgment' | 'canDecideAppeal' | 'canRecordEffective' | 'canRecordPerformance' | 'canApplyRetrial', boolean>;
}

/** A lawsuit with hearings, judgments and deadlines. */
export interface SuitDetail extends Suit {
  hearings: { id: string; stage: string; hearingDate: string; courtNoticeServed: boolean; headAppeared: boolean; headName: string | null; headPosition: string | null; absenceReason: string | null; absenceDetail: string | null; delegateName: string | null; lawyerName: string | null; notes: string | null }[];
  judgments: { id: string; stage: string; kind: string; outcome: string; servedDate: string; summary: string | null }[];
  deadlines: ClockItem[];
}
