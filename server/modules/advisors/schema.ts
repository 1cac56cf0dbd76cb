import type { Generated } from 'kysely';
import type { DateStr as DateCol, Json, Timestamp } from '../../db/types.js';
import type { ReviewType, ReviewConclusion, WorkKind, LitigationRole, Grade } from '../../../common/advisors.js';

/** An engagement contract of a law firm as the government's legal advisor (法律顾问聘用合同). */
export interface AdvisorEngagementsTable {
  id: Generated<string>;
  region_id: string;
  /** The law firm (unit of type law_firm). */
  unit_id: string;
  contract_no: string;
  signed_on: DateCol;
  period_from: DateCol;
  period_to: DateCol;
  scope: string;
  /** Annual fee in yuan. */
  fee: number;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A lawyer of an engaged firm, or a public lawyer (公职律师) of a department. */
export interface AdvisorsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  kind: 'firm_lawyer' | 'public_lawyer';
  name: string;
  /** The advisor's sign-in account, when they have one. */
  user_id: string | null;
  /** 律师执业证号 / 公职律师证号. */
  certificate_no: string;
  speciality: string;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

/** A request for a legal opinion in the review queue. */
export interface AdvisorReviewsTable {
  id: Generated<string>;
  region_id: string;
  /** The requesting unit. */
  unit_id: string;
  type: ReviewType;
  title: string;
  summary: Generated<string>;
  subject_entity: string | null;
  subject_id: string | null;
  requested_on: DateCol;
  requested_by: string | null;
  status: Generated<'pending' | 'assigned' | 'concluded' | 'withdrawn'>;
  assigned_firm_id: string | null;
  assigned_advisor_id: string | null;
  assigned_on: DateCol | null;
  due_date: DateCol | null;
  conclusion: ReviewConclusion | null;
  opinion: string | null;
  reasons: string | null;
  concluded_on: DateCol | null;
  concluded_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A work-log entry of an advisor firm (incl. litigation representation). */
export interface AdvisorWorkLogsTable {
  id: Generated<string>;
  region_id: string;
  /** The firm (or the public lawyer's unit). */
  unit_id: string;
  advisor_id: string | null;
  /** The government unit served (e.g. the defendant department). */
  client_unit_id: string | null;
  kind: WorkKind;
  work_date: DateCol;
  title: string;
  description: Generated<string>;
  hours: number | null;
  /** The lawsuit represented (the disputes module's record); its case number and court are read from it. */
  lawsuit_id: string | null;
  case_ref: string | null;
  court: string | null;
  role: LitigationRole | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** The annual assessment of a firm as legal advisor (法律顾问考核). */
export interface AdvisorAssessmentsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  year: number;
  assessed_on: DateCol;
  criteria: Json;
  total: number;
  max_total: number;
  grade: Grade;
  comment: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

declare module '../../db/types.js' {
  interface Database {
    advisor_engagements: AdvisorEngagementsTable;
    advisors: AdvisorsTable;
    advisor_reviews: AdvisorReviewsTable;
    advisor_work_logs: AdvisorWorkLogsTable;
    advisor_assessments: AdvisorAssessmentsTable;
  }
}

export * from '../../../common/advisors.js';
