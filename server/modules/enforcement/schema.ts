import type { Generated } from 'kysely';
import type { DateStr as DateCol, Json, Timestamp } from '../../db/types.js';
import type { BodyKind, CaseStatus, CaseSystem, CertKind, CertStatus, Decision, Grade, ProblemCategory, RiskLevel } from '../../../common/enforcement.js';

/** An enforcement body (执法主体): a unit that enforces in its own name. */
export interface EnforcementBodiesTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  kind: BodyKind;
  legal_basis: Generated<string>;
  created_at: Generated<Timestamp>;
}

/** A field of enforcement (执法领域) a body covers from one date to another (null: still covers it). */
export interface EnforcementBodyFieldsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  body_id: string;
  field: string;
  valid_from: DateCol;
  valid_to: DateCol | null;
  note: Generated<string>;
  created_at: Generated<Timestamp>;
}

/** An enforcement officer (行政执法人员) of a unit. */
export interface EnforcementOfficersTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  name: string;
  user_id: string | null;
  /** Does legal review (法制审核) of major decisions for the unit. */
  legal_reviewer: Generated<boolean>;
  /** Holds the national legal professional qualification (行政处罚法 第五十八条第二款). */
  legal_qualification: Generated<boolean>;
  /** Registered on the 互联网+监管 system on this date. */
  supervision_registered_on: DateCol | null;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

/** A certificate (执法证/监督证). */
export interface EnforcementCertificatesTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  officer_id: string;
  cert_no: string;
  kind: CertKind;
  field: string;
  issued_on: DateCol;
  expires_on: DateCol;
  status: Generated<CertStatus>;
  /** The day it stopped being valid early (renewed, suspended, revoked). */
  ended_on: DateCol | null;
  replaces_id: string | null;
  created_at: Generated<Timestamp>;
}

/** One part of a qualification exam taken by an officer. */
export interface EnforcementExamResultsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  officer_id: string;
  exam_date: DateCol;
  part: 'public' | 'special';
  score: number | string;
  passed: boolean;
  created_at: Generated<Timestamp>;
}

/** One training attended by an officer. */
export interface EnforcementTrainingsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  officer_id: string;
  trained_on: DateCol;
  topic: string;
  hours: number | string;
  created_at: Generated<Timestamp>;
}

/** An enforcement case under one of the three systems. */
export interface EnforcementCasesTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  system: CaseSystem;
  case_no: string;
  title: string;
  party_name: string;
  party_kind: 'person' | 'organisation';
  cause: Generated<string>;
  filed_on: DateCol;
  status: Generated<CaseStatus>;
  major: Generated<boolean>;
  major_reasons: Generated<string[]>;
  investigated_on: DateCol | null;
  review_submitted_on: DateCol | null;
  reviewer_id: string | null;
  review_conclusion: 'pass' | 'fail' | null;
  review_opinion: string | null;
  reviewed_on: DateCol | null;
  decided_on: DateCol | null;
  decision: Decision | null;
  decision_no: string | null;
  signed_by: string | null;
  fine: number | string | null;
  served_on: DateCol | null;
  party_present: boolean | null;
  executed_on: DateCol | null;
  paid_on: DateCol | null;
  late_fee: number | string | null;
  closed_on: DateCol | null;
  published_on: DateCol | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** An officer handling a case, with the certificate valid on the filing day. */
export interface EnforcementCaseOfficersTable {
  case_id: string;
  officer_id: string;
  certificate_id: string;
}

/** A case-file review campaign (案卷评查). */
export interface EnforcementReviewCampaignsTable {
  id: Generated<string>;
  region_id: string;
  year: number;
  title: string;
  criteria: Json;
  bands: Json;
  sample_seed: string;
  sample_size: number;
  status: Generated<'open' | 'closed'>;
  created_at: Generated<Timestamp>;
}

/** A case file sampled into a campaign, with its scoring sheet. */
export interface EnforcementReviewFilesTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  campaign_id: string;
  case_id: string;
  scores: Json | null;
  score: number | string | null;
  grade: Grade | null;
  reviewer: string | null;
  reviewed_on: DateCol | null;
  created_at: Generated<Timestamp>;
}

/** A problem found in a file, to be rectified by the unit. */
export interface EnforcementReviewProblemsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  file_id: string;
  criterion: string;
  category: ProblemCategory;
  description: string;
  deduction: number | string;
  due_on: DateCol;
  rectified_on: DateCol | null;
  measure: string | null;
}

/** An item of the 互联网+监管 catalogue: a main item (no parent) or a sub-item. */
export interface EnforcementSupervisionItemsTable {
  id: Generated<string>;
  region_id: string;
  code: string;
  name: string;
  parent_id: string | null;
  competent: Generated<string>;
  /** The day the item entered the catalogue. */
  listed_on: Generated<DateCol>;
  created_at: Generated<Timestamp>;
}

/** A unit's claim of a catalogue item. */
export interface EnforcementItemClaimsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  item_id: string;
  claimed_on: DateCol;
  /** The inspection implementation list (检查实施清单) was compiled on this day. */
  implementation_list_on: DateCol | null;
  withdrawn_on: DateCol | null;
  created_at: Generated<Timestamp>;
}

/** A point of a unit's violation-risk list (违法风险清单). */
export interface EnforcementRisksTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  risk_point: string;
  forms: string;
  legal_basis: string;
  consequence: string;
  level: RiskLevel;
  prevention: string;
  published: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

declare module '../../db/types.js' {
  interface Database {
    enforcement_bodies: EnforcementBodiesTable;
    enforcement_body_fields: EnforcementBodyFieldsTable;
    enforcement_officers: EnforcementOfficersTable;
    enforcement_certificates: EnforcementCertificatesTable;
    enforcement_exam_results: EnforcementExamResultsTable;
    enforcement_trainings: EnforcementTrainingsTable;
    enforcement_cases: EnforcementCasesTable;
    enforcement_case_officers: EnforcementCaseOfficersTable;
    enforcement_review_campaigns: EnforcementReviewCampaignsTable;
    enforcement_review_files: EnforcementReviewFilesTable;
    enforcement_review_problems: EnforcementReviewProblemsTable;
    enforcement_supervision_items: EnforcementSupervisionItemsTable;
    enforcement_item_claims: EnforcementItemClaimsTable;
    enforcement_risks: EnforcementRisksTable;
  }
}

export * from '../../../common/enforcement.js';
