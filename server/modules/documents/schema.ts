import { z } from 'zod';
import type { ColumnType, Generated } from 'kysely';
import type { DateStr as DateCol, Timestamp } from '../../db/types.js';
import { DateStr, Id, ListQuery } from '../../../common/schemas.js';
import { DocNumber, IssuerCode } from '../../../common/docnumber.js';
import {
  CLEANUP_DECISIONS, CORRECTION_OUTCOMES, CORRECTION_SOURCES, DOC_STATUS, FAIR_COMPETITION, FILING_STATUS, RELATION_KINDS, REVIEW_CONCLUSIONS, REVIEWER_KINDS, keysOf,
} from '../../../common/documents.js';

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

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** Register a draft (起草登记) by the drafting unit. */
export const DraftInput = z.object({
  /** Title, e.g. 中站区城市生活垃圾分类管理实施办法. */
  title: Text(4, 120),
  /** Drafting unit. */
  unitId: Id,
  /** Issuing organ (defaults to the drafting unit). */
  issuerUnitId: Id.optional(),
  summary: z.string().trim().max(2000).optional(),
  /** Bears on citizens' rights and obligations (→ ≥7 working days of public comment). */
  affectsRights: z.boolean().default(true),
  /** Closely related to businesses' operations (→ ≥30 days of comment + fair-competition review). */
  marketRelated: z.boolean().default(false),
  draftedOn: DateStr,
});

/** Edit a draft's particulars. */
export const DraftPatch = z.object({
  title: Text(4, 120).optional(),
  summary: z.string().trim().max(2000).optional(),
  affectsRights: z.boolean().optional(),
  marketRelated: z.boolean().optional(),
});

/** Filters of the legality-review list. */
export const ReviewListQuery = ListQuery.extend({ status: z.enum(['pending', 'done']).optional() });

/** Open public comment. */
export const CommentOpenInput = z.object({ openedOn: DateStr, closesOn: DateStr, channel: Text(2, 200) });
/** Close public comment with its outcome. */
export const CommentCloseInput = z.object({ closedOn: DateStr, commentCount: z.number().int().min(0).max(100000), summary: Text(2, 4000) });
/** Record why a document that bears on no one's rights and no business is not put to public comment. */
export const CommentWaiverInput = z.object({ reason: Text(4, 500) });
/** Fair-competition review (公平竞争审查). */
export const FairCompetitionInput = z.object({ reviewedOn: DateStr, conclusion: z.enum(keysOf(FAIR_COMPETITION)), opinion: Text(2, 4000) });

/** Request a legality review, optionally with its opinion when the office reviews it at once. */
export const ReviewInput = z
  .object({
    reviewerKind: z.enum(keysOf(REVIEWER_KINDS)),
    /** The advisor firm (required for advisor reviews). */
    reviewerUnitId: Id.optional(),
    reviewerName: z.string().trim().max(60).optional(),
    requestedOn: DateStr,
    completedOn: DateStr.optional(),
    conclusion: z.enum(keysOf(REVIEW_CONCLUSIONS)).optional(),
    opinion: z.string().trim().min(2).max(8000).optional(),
  })
  .refine((r) => r.reviewerKind !== 'advisor' || !!r.reviewerUnitId, { message: '法律顾问审核须指定律师事务所', path: ['reviewerUnitId'] })
  .refine((r) => [r.completedOn, r.conclusion, r.opinion].every((x) => x === undefined) || [r.completedOn, r.conclusion, r.opinion].every((x) => x !== undefined), {
    message: '审核日期、结论、意见须同时填写',
    path: ['conclusion'],
  });
/** The reviewer's written opinion. */
export const OpinionInput = z.object({
  completedOn: DateStr,
  conclusion: z.enum(keysOf(REVIEW_CONCLUSIONS)),
  opinion: Text(2, 8000),
  reviewerName: z.string().trim().max(60).optional(),
});
/** Collective deliberation (集体审议). */
export const DeliberationInput = z.object({ deliberatedOn: DateStr, meeting: Text(2, 60), minutes: z.string().trim().max(4000).optional() });

/** Register, number and publish (登). Either a full 发文字号 or the 机关代字 to number automatically. */
export const PublishInput = z
  .object({
    docNumber: DocNumber.optional(),
    issuerCode: IssuerCode.optional(),
    publishedOn: DateStr,
    effectiveFrom: DateStr.optional(),
    /** Explicit end of validity; otherwise from the validity settings. */
    validUntil: DateStr.optional(),
    relations: z.array(z.object({ kind: z.enum(keysOf(RELATION_KINDS)), documentId: Id })).max(20).default([]),
  })
  .refine((p) => !!p.docNumber !== !!p.issuerCode, { message: '请填写发文字号，或填写机关代字由系统统一编号（二选一）', path: ['docNumber'] });

/** File with the superior (报备). */
export const FilingInput = z.object({ filedOn: DateStr, filedWith: Text(2, 60), note: z.string().trim().max(1000).optional() });
/** The superior's receipt on a filing. */
export const ReceiptInput = z
  .object({
    receivedOn: DateStr,
    result: z.enum(['accepted', 'materials_missing']),
    missing: z.string().trim().min(2).max(1000).optional(),
    supplyDays: z.number().int().min(1).max(90).optional(),
  })
  .refine((r) => r.result !== 'materials_missing' || (!!r.missing && !!r.supplyDays), { message: '材料不全时须写明所缺材料和补正期限', path: ['missing'] });
/** Missing materials supplied. */
export const SupplementInput = z.object({ suppliedOn: DateStr });
/** Extend the validity period. */
export const ExtendInput = z.object({ validUntil: DateStr, decidedOn: DateStr, reason: Text(4, 1000) });

/** Open a correction case (纠). */
export const CorrectionInput = z.object({ source: z.enum(keysOf(CORRECTION_SOURCES)), receivedOn: DateStr, description: Text(4, 4000) });
/** Close a correction case with its outcome. */
export const CorrectionOutcomeInput = z.object({ outcome: z.enum(keysOf(CORRECTION_OUTCOMES)), outcomeOn: DateStr, note: Text(2, 4000) });

/** Start a cleanup campaign; documents in force issued before the date (and by the issuer) are selected. */
export const CleanupInput = z.object({
  title: Text(4, 120),
  regionId: Id,
  issuedBefore: DateStr,
  issuerUnitId: Id.optional(),
  startedOn: DateStr,
  basis: z.string().trim().max(1000).optional(),
});
/** Decisions on cleanup items. */
export const DecisionsInput = z.object({
  decidedOn: DateStr,
  items: z
    .array(
      z
        .object({ documentId: Id, decision: z.enum(keysOf(CLEANUP_DECISIONS)), reason: Text(2, 1000), newValidUntil: DateStr.optional() })
        .refine((i) => i.decision !== 'extend' || !!i.newValidUntil, { message: '延长有效期须填写新的有效期截止日', path: ['newValidUntil'] }),
    )
    .min(1)
    .max(1000),
});
/** Publish a cleanup's results. */
export const CleanupPublishInput = z.object({ publishedOn: DateStr, decisionNumber: DocNumber.optional() });

/** Filters of the document register. */
export const DocListQuery = ListQuery.extend({
  status: z.enum(keysOf(DOC_STATUS)).optional(),
  unitId: Id.optional(),
  issuerUnitId: Id.optional(),
  /** Year of publication. */
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  filing: z.enum(['pending', 'overdue', 'submitted', 'suspended', 'accepted']).optional(),
  issuedBefore: DateStr.optional(),
});
