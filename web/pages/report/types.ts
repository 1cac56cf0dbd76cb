/** Shapes of the report API answers (server/modules/report/routes.ts is the source). */

/** Report statuses in workflow order. */
export const REPORT_STATUSES = ['draft', 'review', 'secrecy', 'submitted', 'published'] as const;
/** A report status. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A row of `GET /api/v1/reports`. */
export interface ReportListItem {
  id: string;
  year: number;
  status: ReportStatus;
  statusLabel: string;
  title: string;
  regionCode: string;
  regionName: string;
  updatedAt: string;
  publishedOn: string | null;
  publicUrl: string | null;
}

/** Document metadata (GB/T 9704 elements). */
export interface ReportMeta {
  issuer: string;
  docNumber: string;
  signer: string;
  title: string;
  addressee: string;
  signature: string;
  issueDate: string;
  printOrg: string;
  printDate: string;
  cc?: string;
}

/** A mandatory part key. */
export type Part = 'measures' | 'shortcomings' | 'leaders' | 'nextYear' | 'other';

/** A prose block as stored (placeholders unevaluated). */
export interface SourceBlock {
  id: string;
  kind: 'h1' | 'p';
  lead?: string;
  text: string;
  parts?: Part[];
}

/** A run of a rendered block. */
export interface Segment {
  text: string;
  bold?: boolean;
  figure?: string;
}

/** A rendered block. */
export interface RenderedBlock {
  id: string;
  kind: 'h1' | 'p';
  lead?: string;
  segments: Segment[];
  parts: Part[];
}

/** An evaluated figure. */
export interface Figure {
  key: string;
  blockId: string;
  metricId: string;
  format?: string;
  label: string;
  unit: string;
  value: number | null;
  text: string;
  noData: boolean;
  pending: boolean;
  recordCount: number;
}

/** Warning kinds the server sends. */
export type WarningKind = 'no_data' | 'contradiction' | 'changed_since_review' | 'missing_part' | 'doc_number' | 'changed_since_submission';

/** A warning for the office. */
export interface ReportWarning {
  kind: WarningKind;
  blockId?: string;
  metricId?: string;
  message: string;
}

/** What the UI may do with the report (the server's own checks). */
export interface ReportAbilities {
  canEdit: boolean;
  canSubmitReview: boolean;
  canApproveReview: boolean;
  canReturn: boolean;
  canSubmit: boolean;
  canPublish: boolean;
}

/** `GET /api/v1/reports/:id`. */
export interface ReportDetail {
  report: { id: string; regionId: string; regionCode: string; regionName: string; year: number; status: ReportStatus; templateVersion: string };
  meta: ReportMeta;
  blocks: RenderedBlock[];
  figures: Record<string, Figure>;
  frozen: boolean;
  warnings: ReportWarning[];
  source: { meta: ReportMeta; blocks: SourceBlock[] };
  statusLabel: string;
  secrecy: { reviewer: string | null; opinion: string | null; at: string | null };
  submittedAt: string | null;
  publication: { url: string | null; on: string | null; lateReason: string | null };
  abilities: ReportAbilities;
}

/** One record behind a figure. */
export interface MetricRecord {
  id: string;
  entity: string;
  label: string;
  date?: string | null;
  unitName?: string | null;
}

/** `GET /api/v1/reports/:id/figures/:metricId/records`. */
export interface FigureRecords {
  metric: { id: string; label: string; definition: string; unit: string };
  records: MetricRecord[];
}

/** A row of `GET /api/v1/public/reports`. */
export interface PublicReport {
  id: string;
  year: number;
  title: string;
  publishedOn: string | null;
  regionCode: string;
  regionName: string;
}

/** Workflow actions. */
export type ReportAction = 'submit_review' | 'approve_review' | 'return' | 'submit' | 'publish';
