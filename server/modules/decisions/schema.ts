import type { Generated } from 'kysely';
import type { DateStr as DateCol, Json, Timestamp } from '../../db/types.js';
import type { Category, DecisionState, Disposition } from '../../../common/decisions.js';

/** The yearly catalogue of major decisions (决策事项目录, 条例 第三条). */
export interface DecisionCataloguesTable {
  id: Generated<string>;
  region_id: string;
  year: number;
  title: string;
  party_consent_on: DateCol | null;
  party_consent_ref: string | null;
  published_on: DateCol | null;
  published_via: string | null;
  created_at: Generated<Timestamp>;
}

/** A major administrative decision and its procedure record. */
export interface DecisionsTable {
  id: Generated<string>;
  region_id: string;
  /** 决策承办单位 (第十一条). */
  unit_id: string;
  catalogue_id: string | null;
  title: string;
  category: Category;
  proposal_source: 'leader' | 'department' | 'npc_cppcc' | 'public';
  launch_basis: string;
  launched_on: DateCol;
  state: Generated<DecisionState>;
  research_summary: string | null;
  cost_benefit: string | null;
  alternatives: string | null;
  drafted_on: DateCol | null;
  comment_starts_on: DateCol | null;
  comment_ends_on: DateCol | null;
  comment_channel: string | null;
  comment_shortened_reason: string | null;
  feedback_published_on: DateCol | null;
  feedback_summary: string | null;
  expert_required: boolean | null;
  expert_not_required_reason: string | null;
  expert_done_on: DateCol | null;
  risk_required: boolean | null;
  risk_not_required_reason: string | null;
  risk_level: 'low' | 'medium' | 'high' | null;
  risk_report: string | null;
  risk_measures: string | null;
  risk_done_on: DateCol | null;
  legality_reviewer: 'office' | 'advisor' | null;
  legality_sent_on: DateCol | null;
  legality_due_on: DateCol | null;
  legality_review_id: string | null;
  legality_conclusion: 'lawful' | 'unlawful' | 'lawful_if_amended' | null;
  legality_opinion: string | null;
  legality_concluded_on: DateCol | null;
  legality_amendments: string | null;
  meeting_kind: 'executive' | 'plenary' | null;
  meeting_name: string | null;
  meeting_on: DateCol | null;
  minutes: string | null;
  dissent: string | null;
  head_conclusion: string | null;
  outcome: 'approved' | 'rejected' | null;
  decided_on: DateCol | null;
  party_report_on: DateCol | null;
  party_report_ref: string | null;
  published_on: DateCol | null;
  published_via: string | null;
  archived_on: DateCol | null;
  archive_checklist: Json | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A public comment on a draft and its disposition. */
export interface DecisionCommentsTable {
  id: Generated<string>;
  decision_id: string;
  region_id: string;
  unit_id: string;
  received_on: DateCol;
  commenter: string;
  content: string;
  disposition: Disposition | null;
  reason: string | null;
  created_at: Generated<Timestamp>;
}

/** A hearing (听证会, 第十六条、第十七条). */
export interface DecisionHearingsTable {
  id: Generated<string>;
  decision_id: string;
  region_id: string;
  unit_id: string;
  held_on: DateCol;
  place: string;
  participants_published_on: DateCol;
  materials_sent_on: DateCol;
  participants: string;
  record: string;
  created_at: Generated<Timestamp>;
}

/** An expert's signed opinion (第十九条、第二十条). */
export interface DecisionExpertsTable {
  id: Generated<string>;
  decision_id: string;
  region_id: string;
  unit_id: string;
  name: string;
  organisation: string;
  field: string;
  opinion: string;
  signed: boolean;
  no_conflict: boolean;
  disposition: Disposition;
  reason: string;
  given_on: DateCol;
  created_at: Generated<Timestamp>;
}

/** A post-decision evaluation (第三十六条). */
export interface DecisionEvaluationsTable {
  id: Generated<string>;
  decision_id: string;
  region_id: string;
  unit_id: string;
  evaluated_on: DateCol;
  trigger: 'below_expectation' | 'public_opinion' | 'deemed_necessary';
  evaluator: string;
  findings: string;
  recommendation: 'continue' | 'adjust' | 'suspend';
  created_at: Generated<Timestamp>;
}

declare module '../../db/types.js' {
  interface Database {
    decision_catalogues: DecisionCataloguesTable;
    decisions: DecisionsTable;
    decision_comments: DecisionCommentsTable;
    decision_hearings: DecisionHearingsTable;
    decision_experts: DecisionExpertsTable;
    decision_evaluations: DecisionEvaluationsTable;
  }
}

export * from '../../../common/decisions.js';
