import { z } from 'zod';
import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../db/types.js';
import { DateStr } from '../../../common/schemas.js';

/** Report statuses: 草稿 → 审核 → 保密审查 → 已报送 → 已公开. */
export const REPORT_STATUS = ['draft', 'review', 'secrecy', 'submitted', 'published'] as const;
/** A report status. */
export type ReportStatus = (typeof REPORT_STATUS)[number];
/** zh/en labels of statuses. */
export const STATUS_LABELS: Record<ReportStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  review: { zh: '审核中', en: 'In review' },
  secrecy: { zh: '保密审查', en: 'Secrecy review' },
  submitted: { zh: '已报送', en: 'Submitted' },
  published: { zh: '已公开', en: 'Published' },
};

/** reports table. */
export interface ReportsTable {
  id: Generated<string>;
  region_id: string;
  year: number;
  template_version: string;
  status: ReportStatus;
  meta: Json;
  blocks: Json;
  secrecy_reviewer: string | null;
  secrecy_opinion: string | null;
  secrecy_reviewed_at: Timestamp | null;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  public_url: string | null;
  published_on: string | null;
  late_reason: string | null;
  /** Warnings the office acknowledged, each with its reason (`Acknowledgement[]`). */
  acknowledgements: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** report_snapshots table: frozen figures at review or submission. */
export interface ReportSnapshotsTable {
  id: Generated<string>;
  report_id: string;
  kind: 'review' | 'submission';
  taken_at: Timestamp;
  taken_by: string | null;
  figures: Json;
  /** The warnings the report had at that moment, with their acknowledgements. */
  warnings: Json;
  content_hash: string;
}

declare module '../../db/types.js' {
  interface Database {
    reports: ReportsTable;
    report_snapshots: ReportSnapshotsTable;
  }
}

/** Document metadata input. */
export const MetaInput = z.object({
  issuer: z.string().trim().min(2).max(40),
  docNumber: z.string().trim().max(40),
  signer: z.string().trim().max(40),
  title: z.string().trim().min(4).max(120),
  addressee: z.string().trim().min(1).max(60),
  signature: z.string().trim().min(2).max(40),
  issueDate: DateStr,
  printOrg: z.string().trim().min(2).max(40),
  printDate: DateStr,
  cc: z.string().trim().max(120).optional(),
});

/** One block input. */
export const BlockInput = z.object({
  id: z.string().min(1).max(40),
  kind: z.enum(['h1', 'p']),
  lead: z.string().max(80).optional(),
  text: z.string().max(6000),
  parts: z.array(z.enum(['measures', 'shortcomings', 'leaders', 'nextYear', 'other'])).max(5).optional(),
});

/** Create a report for a region and year. */
export const CreateReportInput = z.object({ regionCode: z.string().regex(/^\d{6}$/), year: z.number().int().min(2000).max(2100) });
/** An acknowledgement of a warning: its key and why the text stays as it is. */
export const AcknowledgementInput = z.object({ key: z.string().min(1).max(200), reason: z.string().trim().min(4, '请说明理由（至少4个字）').max(300) });
/** Edit a report's metadata and prose, and acknowledge warnings. */
export const UpdateReportInput = z.object({
  meta: MetaInput.optional(),
  blocks: z.array(BlockInput).min(1).max(200).optional(),
  /** Added or replaced acknowledgements (by key); an empty reason is not accepted. */
  acknowledgements: z.array(AcknowledgementInput).max(200).optional(),
  /** Keys of acknowledgements to withdraw. */
  withdraw: z.array(z.string().max(200)).max(200).optional(),
  /** Confirm the office's own claims for the report's year (by block and claim text). */
  confirmClaims: z.array(z.object({ blockId: z.string().max(40), text: z.string().max(6000) })).max(200).optional(),
});
/** A status transition. */
export const TransitionInput = z.object({
  action: z.enum(['submit_review', 'approve_review', 'return', 'submit', 'publish']),
  comment: z.string().trim().max(500).optional(),
  secrecyReviewer: z.string().trim().min(2).max(40).optional(),
  secrecyOpinion: z.string().trim().min(2).max(500).optional(),
  publicUrl: z.url().max(300).optional(),
  publishedOn: DateStr.optional(),
  lateReason: z.string().trim().min(4).max(300).optional(),
  /** Acknowledgements given with the transition (e.g. in the submission dialog). */
  acknowledgements: z.array(AcknowledgementInput).max(200).optional(),
});
