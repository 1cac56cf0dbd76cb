import type { ColumnType, Generated } from 'kysely';
import type { DateStr as DateCol, Timestamp } from '../../db/types.js';
import type { CLEANUP_DECISIONS, CORRECTION_OUTCOMES, CORRECTION_SOURCES, DOC_STATUS, FILING_STATUS, RELATION_KINDS, REVIEW_CONCLUSIONS } from '../../../common/documents.js';

type Auto<T> = ColumnType<T, T | undefined, T>;

/** A normative document (行政规范性文件) from drafting to its end. */
export interface NormativeDocumentsTable {
  id: Generated<string>;
  region_id: string;
  /** Drafting unit (起草单位), owner of the record. */
  unit_id: string;
  /** Organ in whose name it is issued (制定机关), e.g. 区人民政府. */
  issuer_unit_id: string;
  title: string;
  summary: string | null;
  affects_rights: Auto<boolean>;
  market_related: Auto<boolean>;
  source: Auto<'drafted' | 'imported'>;
  drafted_on: DateCol;
  status: Auto<keyof typeof DOC_STATUS>;
  comment_opened_on: DateCol | null;
  comment_closes_on: DateCol | null;
  comment_min_closes_on: DateCol | null;
  comment_channel: string | null;
  comment_closed_on: DateCol | null;
  comment_count: number | null;
  comment_summary: string | null;
  comment_waiver: string | null;
  fair_competition_on: DateCol | null;
  fair_competition_conclusion: string | null;
  fair_competition_opinion: string | null;
  deliberated_on: DateCol | null;
  deliberation_meeting: string | null;
  deliberation_minutes: string | null;
  doc_number: string | null;
  doc_code: string | null;
  doc_year: number | null;
  doc_seq: number | null;
  reg_year: number | null;
  reg_seq: number | null;
  published_on: DateCol | null;
  effective_from: DateCol | null;
  valid_until: DateCol | null;
  filing_due: DateCol | null;
  filing_status: keyof typeof FILING_STATUS | null;
  filed_on: DateCol | null;
  filed_with: string | null;
  filing_note: string | null;
  filing_received_on: DateCol | null;
  filing_missing: string | null;
  filing_supply_due: DateCol | null;
  filing_supplied_on: DateCol | null;
  filing_defective: Auto<boolean>;
  /** The body the (first) filing goes to: 本级人民政府 for a department's document, 上一级人民政府 for the government's. */
  filing_authority: string | null;
  /** The second filing of a government's own document: 本级人大常委会 (监督法 第三十条). */
  npc_filing_authority: string | null;
  npc_filing_due: DateCol | null;
  npc_filing_status: 'pending' | 'submitted' | null;
  npc_filed_on: DateCol | null;
  npc_filed_with: string | null;
  needs_amendment: Auto<boolean>;
  ended_on: DateCol | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A legality review (合法性审核) of a document, by the office or an advisor firm. */
export interface NormativeDocReviewsTable {
  id: Generated<string>;
  document_id: string;
  region_id: string;
  /** Reviewing unit: the advisor firm (or the office's unit). */
  unit_id: string | null;
  reviewer_kind: 'office' | 'advisor';
  reviewer_name: string | null;
  requested_on: DateCol;
  due_on: DateCol | null;
  status: Auto<'pending' | 'done'>;
  completed_on: DateCol | null;
  conclusion: keyof typeof REVIEW_CONCLUSIONS | null;
  opinion: string | null;
  /** Reference of the request in the advisors' review queue, once routed there. */
  queue_ref: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** A newer document amending, repealing or replacing an older one. */
export interface NormativeDocRelationsTable {
  id: Generated<string>;
  region_id: string;
  from_document_id: string;
  to_document_id: string;
  kind: keyof typeof RELATION_KINDS;
  on_date: DateCol;
  created_at: Timestamp;
}

/** A change of a document's status on a date (for "state as of any date"). */
export interface NormativeDocEventsTable {
  id: Generated<string>;
  seq: Generated<number>;
  document_id: string;
  region_id: string;
  on_date: DateCol;
  status: keyof typeof DOC_STATUS;
  reason: string;
  created_at: Timestamp;
}

/** A correction case (纠错) about a document. */
export interface NormativeDocCorrectionsTable {
  id: Generated<string>;
  document_id: string;
  region_id: string;
  unit_id: string | null;
  source: keyof typeof CORRECTION_SOURCES;
  received_on: DateCol;
  description: string;
  status: Auto<'open' | 'closed'>;
  outcome: keyof typeof CORRECTION_OUTCOMES | null;
  outcome_on: DateCol | null;
  outcome_note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** A cleanup campaign (规范性文件清理). */
export interface NormativeCleanupsTable {
  id: Generated<string>;
  region_id: string;
  title: string;
  issued_before: DateCol;
  issuer_unit_id: string | null;
  basis: string | null;
  started_on: DateCol;
  status: Auto<'open' | 'published'>;
  published_on: DateCol | null;
  decision_number: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** One document in a cleanup campaign and the decision on it. */
export interface NormativeCleanupItemsTable {
  id: Generated<string>;
  cleanup_id: string;
  document_id: string;
  region_id: string;
  unit_id: string | null;
  decision: keyof typeof CLEANUP_DECISIONS | null;
  reason: string | null;
  new_valid_until: DateCol | null;
  decided_on: DateCol | null;
  decided_by: string | null;
}

declare module '../../db/types.js' {
  interface Database {
    normative_documents: NormativeDocumentsTable;
    normative_doc_reviews: NormativeDocReviewsTable;
    normative_doc_relations: NormativeDocRelationsTable;
    normative_doc_events: NormativeDocEventsTable;
    normative_doc_corrections: NormativeDocCorrectionsTable;
    normative_cleanups: NormativeCleanupsTable;
    normative_cleanup_items: NormativeCleanupItemsTable;
  }
}

/** The module's request schemas live in common/ (shared with the web forms). */
export * from '../../../common/documentSchemas.js';
