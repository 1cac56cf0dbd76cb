/**
 * Response contracts of the disputes API (行政复议、行政应诉). The routes declare these as
 * `schema.response`, so the server serialises through them (a new column never leaks) and OpenAPI shows
 * them; the web infers its types from them (`z.infer`).
 */
import { z } from 'zod';
import { page } from './schemas.js';

const d = z.string(); // 'YYYY-MM-DD'
const dn = d.nullable();
const sn = z.string().nullable();
const bool = z.boolean();
const Party = z.enum(['natural', 'legal', 'other']);
const Stage = z.enum(['first', 'appeal', 'retrial']);

/** A deadline on a case clock, with its legal basis and how it was computed. */
export const ClockItemOut = z.object({
  kind: z.string(),
  title: z.string(),
  dueDate: d,
  status: z.string(),
  state: z.enum(['overdue', 'due_soon', 'open', 'done']),
  basis: z.string(),
  explain: z.string(),
  spec: z.unknown().optional(),
  provisional: bool,
  priority: z.number(),
  /** A court's own period, shown for reference (not the agency's duty). */
  reference: bool.optional(),
});

/** A reconsideration case as listed. */
export const ReconOut = z.object({
  id: z.string(),
  caseNo: z.string(),
  lawVersion: z.enum(['2017', '2023']),
  procedure: z.enum(['ordinary', 'simplified']),
  /** The state as of today: a case whose review lapsed without refusal reads 'accepted' (视为受理). */
  status: z.enum(['received', 'correction', 'accepted', 'suspended', 'closed', 'refused', 'abandoned']),
  respondentUnitId: z.string(),
  respondentUnitName: z.string(),
  applicantName: z.string(),
  applicantType: Party,
  applicantContact: sn,
  actChallenged: z.string(),
  caseType: z.string(),
  actDate: dn,
  knewDate: d,
  receivedDate: d,
  informedOfRights: bool,
  rightsKnownDate: dn,
  immovable: bool,
  applyDeadline: d,
  timely: bool,
  delayReason: sn,
  acceptanceMode: z.enum(['decided', 'deemed']).nullable(),
  acceptedDate: dn,
  reviewDue: dn,
  refusedDate: dn,
  refusalReason: sn,
  correction: z.object({ noticeDate: d, receivedDate: dn, items: sn, suppliedDate: dn }).nullable(),
  abandonedDate: dn,
  copySentDate: dn,
  respondentReceivedDate: dn,
  answerDate: dn,
  extension: z.object({ days: z.number(), approvedDate: d, approver: z.string(), noticeDate: d, reason: z.string() }).nullable(),
  outcome: sn,
  terminationReason: sn,
  decisionDate: dn,
  decisionSummary: sn,
  decisionDue: dn,
  closedWithinPeriod: bool.nullable(),
  abilities: z.object({
    canManage: bool, canReview: bool, canRequestCorrection: bool, canMarkAbandoned: bool, canSupplyCorrection: bool, canSendCopy: bool,
    canAnswer: bool, canHear: bool, canSuspend: bool, canResume: bool, canExtend: bool, canDecide: bool, canIssueOpinion: bool,
  }),
});

/** An opinion letter (意见书) or suggestion and its compliance report. */
export const OpinionOut = z.object({
  id: z.string(),
  kind: z.enum(['opinion', 'suggestion']),
  unitId: z.string(),
  unitName: z.string(),
  issuedDate: d,
  receivedDate: d,
  content: z.string(),
  complianceDate: dn,
  complianceNote: sn,
  abilities: z.object({ canReportCompliance: bool }),
});

/** A suspension (中止) of a case. */
export const SuspensionOut = z.object({ id: z.string(), fromDate: d, resumedDate: dn, reasonItem: z.number().nullable(), reason: z.string() });

/** A reconsideration case with its hearings, suspensions, opinion letters and deadlines. */
export const ReconDetailOut = ReconOut.extend({
  hearings: z.array(z.object({ id: z.string(), hearingDate: d, noticeDate: d, place: sn, respondentHeadAttended: bool, respondentAttendee: sn, notes: sn })),
  suspensions: z.array(SuspensionOut),
  opinions: z.array(OpinionOut),
  deadlines: z.array(ClockItemOut),
});

/** The case clock of a reconsideration case: the law, the application period and every deadline. */
export const ReconClockOut = z.object({
  caseNo: z.string(),
  lawVersion: z.enum(['2017', '2023']),
  law: z.string(),
  workingDayRule: z.string(),
  status: z.string(),
  application: z.object({ knewDate: d, receivedDate: d, dueDate: d, timely: bool, explain: z.string(), basis: z.string() }),
  acceptance: z.object({ mode: z.enum(['decided', 'deemed']).nullable(), date: dn, deemed: bool }),
  suspensions: z.array(SuspensionOut),
  extension: z.object({ days: z.number(), approvedDate: d, approver: z.string(), noticeDate: d }).nullable(),
  items: z.array(ClockItemOut),
});

/** The 中止 grounds a case may be suspended on. */
export const SuspensionItemsOut = z.object({ items: z.array(z.object({ item: z.number(), text: z.string(), leadsToTermination: bool })) });

/** A lawsuit as listed. */
export const SuitOut = z.object({
  id: z.string(),
  caseNo: z.string(),
  courtName: z.string(),
  defendantUnitId: z.string(),
  defendantUnitName: z.string(),
  plaintiffName: z.string(),
  plaintiffType: Party,
  actChallenged: z.string(),
  caseType: z.string(),
  filedDate: dn,
  complaintReceivedDate: d,
  defenceDue: dn,
  defenceFiledDate: dn,
  evidenceSubmitted: bool.nullable(),
  stage: Stage,
  status: z.enum(['defence', 'pending', 'judged', 'closed']),
  advisorUnitId: sn,
  advisorUnitName: sn,
  advisorName: sn,
  lastOutcome: sn,
  lastJudgmentKind: z.enum(['judgment', 'ruling']).nullable(),
  lastServedDate: dn,
  agencyAppealDecision: z.enum(['appeal', 'accept']).nullable(),
  agencyAppealDecisionDate: dn,
  appealBy: z.enum(['defendant', 'plaintiff', 'both']).nullable(),
  appealDate: dn,
  effectiveDate: dn,
  finalOutcome: sn,
  lost: bool.nullable(),
  closedDate: dn,
  performanceDue: dn,
  performanceDate: dn,
  performanceNote: sn,
  retrialApplicationDate: dn,
  abilities: z.object({
    canEdit: bool, canFileDefence: bool, canRecordHearing: bool, canRecordJudgment: bool, canDecideAppeal: bool, canRecordEffective: bool,
    canRecordPerformance: bool, canApplyRetrial: bool,
  }),
});

/** A lawsuit with its hearings, judgments and deadlines. */
export const SuitDetailOut = SuitOut.extend({
  hearings: z.array(z.object({
    id: z.string(), stage: Stage, hearingDate: d, courtNoticeServed: bool, headAppeared: bool, headName: sn, headPosition: sn,
    absenceReason: sn, absenceDetail: sn, delegateName: sn, lawyerName: sn, notes: sn,
  })),
  judgments: z.array(z.object({ id: z.string(), stage: Stage, kind: z.enum(['judgment', 'ruling']), outcome: z.string(), servedDate: d, summary: sn })),
  deadlines: z.array(ClockItemOut),
});

/** The case clock of a lawsuit, with the court's own periods for reference. */
export const SuitClockOut = z.object({
  caseNo: z.string(),
  stage: Stage,
  status: z.string(),
  items: z.array(ClockItemOut),
  courtPeriods: z.array(ClockItemOut),
});

/** One row of the reconsideration statistical table (行政复议案件统计表). */
export const ReconStatRowOut = z.object({
  dimension: z.string(), category: z.string(), received: z.number(), accepted: z.number(), concluded: z.number(), corrective: z.number(), onTime: z.number(),
});
/** One row of the litigation statistical table (行政应诉案件统计表). */
export const SuitStatRowOut = z.object({
  dimension: z.string(), category: z.string(), handled: z.number(), closed: z.number(), pending: z.number(), lost: z.number(), heard: z.number(), headAppeared: z.number(),
});
const OutcomeCount = z.object({ outcome: z.string(), count: z.number() });
const MonthCount = z.object({ month: z.string(), count: z.number() });
const fig = z.number().nullable();

/** The statistics page of one region (or unit) and year. */
export const DisputeStatsOut = z.object({
  region: z.string(),
  year: z.number(),
  scope: z.enum(['unit', 'region']),
  reconsideration: z.object({
    total: ReconStatRowOut,
    byType: z.array(ReconStatRowOut),
    byUnit: z.array(ReconStatRowOut),
    byOutcome: z.array(OutcomeCount),
    byMonth: z.array(MonthCount),
    rates: z.object({ accepted: fig, onTimeRate: fig, correctionRate: fig }),
  }),
  litigation: z.object({
    total: SuitStatRowOut,
    byType: z.array(SuitStatRowOut),
    byUnit: z.array(SuitStatRowOut),
    byOutcome: z.array(OutcomeCount),
    byMonth: z.array(MonthCount),
    rates: z.object({ handled: fig, closed: fig, pending: fig, lossRate: fig, headAppearanceRate: fig }),
  }),
});

/** Pages of the registers. */
export const ReconPageOut = page(ReconOut);
/** A page of the litigation register. */
export const SuitPageOut = page(SuitOut);

/** A deadline on a case clock. */
export type ClockItem = z.infer<typeof ClockItemOut>;
/** A reconsideration case as listed. */
export type Recon = z.infer<typeof ReconOut>;
/** A reconsideration case with its parts. */
export type ReconDetail = z.infer<typeof ReconDetailOut>;
/** The reconsideration case clock. */
export type ReconClock = z.infer<typeof ReconClockOut>;
/** A lawsuit as listed. */
export type Suit = z.infer<typeof SuitOut>;
/** A lawsuit with its parts. */
export type SuitDetail = z.infer<typeof SuitDetailOut>;
/** The statistics page. */
export type DisputeStats = z.infer<typeof DisputeStatsOut>;
