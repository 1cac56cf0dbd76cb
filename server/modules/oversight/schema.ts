import type { Generated } from 'kysely';
import type { DateStr as DateCol, Json, Timestamp } from '../../db/types.js';
import type { ItemKind, ItemStatus, ResultClass, Satisfaction, ContactMethod, AssignmentRole } from '../../../common/oversight.js';

/** A suggestion (人大代表建议、批评和意见) or a proposal (政协提案) received for handling. */
export interface OversightItemsTable {
  id: Generated<string>;
  region_id: string;
  kind: ItemKind;
  number: string;
  session: string;
  title: string;
  /** Names of the proposers (jsonb array). */
  proposers: Json;
  category: string;
  received_on: DateCol;
  content: Generated<string>;
  status: Generated<ItemStatus>;
  /** The lead unit (主办), null until assigned or after the lead returned it. */
  lead_unit_id: string | null;
  assigned_on: DateCol | null;
  hard: Generated<boolean>;
  hard_reason: string | null;
  /** Reply due date (3 or 6 months from assignment). */
  due_date: DateCol | null;
  replied_on: DateCol | null;
  result_class: ResultClass | null;
  reply_text: string | null;
  satisfaction: Satisfaction | null;
  satisfaction_on: DateCol | null;
  second_due_date: DateCol | null;
  second_replied_on: DateCol | null;
  second_result_class: ResultClass | null;
  second_reply_text: string | null;
  second_satisfaction: Satisfaction | null;
  second_satisfaction_on: DateCol | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A unit's assignment to an item: lead (主办) or co-handling (会办). */
export interface OversightAssignmentsTable {
  id: Generated<string>;
  item_id: string;
  region_id: string;
  unit_id: string;
  role: AssignmentRole;
  assigned_on: DateCol;
  status: Generated<'active' | 'returned'>;
  returned_on: DateCol | null;
  return_reason: string | null;
  /** Last day the unit may return a wrong assignment. */
  return_by: DateCol | null;
  opinion: string | null;
  opinion_on: DateCol | null;
  opinion_due: DateCol | null;
  created_at: Generated<Timestamp>;
}

/** A contact with the proposer before replying (面商/沟通). */
export interface OversightContactsTable {
  id: Generated<string>;
  item_id: string;
  region_id: string;
  unit_id: string;
  contacted_on: DateCol;
  method: ContactMethod;
  note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** An audit: a government-investment project audit or an economic-responsibility audit of a leading official. */
export interface AuditsTable {
  id: Generated<string>;
  region_id: string;
  kind: 'investment' | 'economic_responsibility';
  audit_no: string;
  title: string;
  /** The audited unit. */
  unit_id: string;
  status: Generated<'planned' | 'noticed' | 'reported' | 'concluded' | 'published'>;
  notice_on: DateCol | null;
  start_on: DateCol;
  report_sent_on: DateCol | null;
  comments_due: DateCol | null;
  comments_on: DateCol | null;
  comments: string | null;
  concluded_on: DateCol | null;
  findings: string | null;
  published_on: DateCol | null;
  publication_ref: string | null;
  project_name: string | null;
  /** 送审金额, yuan. */
  submitted_amount: number | null;
  /** 审定金额, yuan. */
  approved_amount: number | null;
  is_increase: Generated<boolean>;
  person_name: string | null;
  post: string | null;
  period_from: DateCol | null;
  period_to: DateCol | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A rectification item of an audit (审计整改). */
export interface AuditRectificationsTable {
  id: Generated<string>;
  audit_id: string;
  region_id: string;
  unit_id: string;
  issue: string;
  requirement: Generated<string>;
  due_on: DateCol;
  status: Generated<'open' | 'done'>;
  reported_on: DateCol | null;
  report: string | null;
  created_at: Generated<Timestamp>;
}

/** The year's handling report (办理情况报告) of a region, with the figures generated from the records. */
export interface OversightReportsTable {
  id: Generated<string>;
  region_id: string;
  year: number;
  title: string;
  foreword: Generated<string>;
  /** The generated figures (HandlingReportFigures). */
  figures: Json;
  generated_at: Date;
  status: Generated<'draft' | 'reviewed' | 'published'>;
  reviewed_on: DateCol | null;
  reviewed_by: string | null;
  review_opinion: string | null;
  published_on: DateCol | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

declare module '../../db/types.js' {
  interface Database {
    oversight_reports: OversightReportsTable;
    oversight_items: OversightItemsTable;
    oversight_assignments: OversightAssignmentsTable;
    oversight_contacts: OversightContactsTable;
    audits: AuditsTable;
    audit_rectifications: AuditRectificationsTable;
  }
}

export * from '../../../common/oversight.js';
