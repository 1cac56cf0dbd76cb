/**
 * Response contracts of the annual-report endpoints: the server serialises through them (a new column
 * never leaks) and the web infers its types from them.
 */
import { z } from 'zod';

/** Report statuses in workflow order: 草稿 → 审核 → 保密审查 → 已报送 → 已公开. */
export const REPORT_STATUSES = ['draft', 'review', 'secrecy', 'submitted', 'published'] as const;
/** A report status. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Workflow actions. */
export const REPORT_ACTIONS = ['submit_review', 'approve_review', 'return', 'submit', 'publish'] as const;
/** A workflow action. */
export type ReportAction = (typeof REPORT_ACTIONS)[number];
/** The mandatory parts of a report (督察规定 第二十四条). */
export const PART_KEYS = ['measures', 'shortcomings', 'leaders', 'nextYear', 'other'] as const;
/** A mandatory part key. */
export type Part = (typeof PART_KEYS)[number];
/**
 * The last day a year's report may be published: 年度报告应当于每年4月1日之前向社会公开
 * (《法治政府建设与责任落实督察工作规定》第二十四条). A fixed calendar day, not moved past holidays:
 * "before 1 April" is a date, not a period counted in days.
 */
export const publicationDeadline = (year: number) => `${year + 1}-03-31`;
/** Whether a report of `year` published on `publishedOn` ('YYYY-MM-DD') was published after the deadline. */
export const publishedLate = (year: number, publishedOn: string | null | undefined) => !!publishedOn && publishedOn > publicationDeadline(year);

/** Warning kinds the server sends. */
export const WARNING_KINDS = [
  'no_data', 'zero', 'contradiction', 'unconfirmed_claim', 'missing_part', 'doc_number', 'changed_since_review', 'changed_since_submission',
] as const;
/** A warning kind. */
export type WarningKind = (typeof WARNING_KINDS)[number];

/** A row of `GET /api/v1/reports`. */
export const ReportListItem = z.object({
  id: z.string(), year: z.number(), status: z.enum(REPORT_STATUSES), statusLabel: z.string(), title: z.string(),
  regionCode: z.string(), regionName: z.string(), updatedAt: z.string(), publishedOn: z.string().nullable(), publicUrl: z.string().nullable(),
});
export type ReportListItem = z.infer<typeof ReportListItem>;
/** `GET /api/v1/reports`. */
export const ReportList = z.object({ items: z.array(ReportListItem) });

/** Document metadata (GB/T 9704 elements). */
export const ReportMeta = z.object({
  issuer: z.string(), docNumber: z.string(), signer: z.string(), title: z.string(), addressee: z.string(), signature: z.string(),
  issueDate: z.string(), printOrg: z.string(), printDate: z.string(), cc: z.string().optional(),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

/** A prose block as stored (placeholders unevaluated). */
export const SourceBlock = z.object({ id: z.string(), kind: z.enum(['h1', 'p']), lead: z.string().optional(), text: z.string(), parts: z.array(z.enum(PART_KEYS)).optional() });
export type SourceBlock = z.infer<typeof SourceBlock>;
/** A run of a rendered block. */
export const Segment = z.object({
  text: z.string(), bold: z.boolean().optional(), figure: z.string().optional(),
  /** The office's own claim (no record backs it): highlighted until confirmed for the report's year. */
  claim: z.enum(['confirmed', 'unconfirmed']).optional(),
});
export type Segment = z.infer<typeof Segment>;
/** A rendered block. */
export const RenderedBlock = z.object({ id: z.string(), kind: z.enum(['h1', 'p']), lead: z.string().optional(), segments: z.array(Segment), parts: z.array(z.enum(PART_KEYS)) });
export type RenderedBlock = z.infer<typeof RenderedBlock>;
/** An evaluated figure (the ids and hashes of its records stay on the server; the click-through lists them). */
export const Figure = z.object({
  key: z.string(), blockId: z.string(), metricId: z.string(), format: z.string().optional(), label: z.string(), unit: z.string(),
  value: z.number().nullable(), text: z.string(), noData: z.boolean(), pending: z.boolean(), recordCount: z.number(),
  /** no_data: no records at all in its module for the year; zero: records, none counted; number. */
  state: z.enum(['no_data', 'zero', 'number']),
  /** The module whose records supply the figure (in the request's language). */
  module: z.string(),
});
export type Figure = z.infer<typeof Figure>;
/** A warning for the office. */
export const ReportWarning = z.object({
  key: z.string(), kind: z.enum(WARNING_KINDS), blockId: z.string().optional(), metricId: z.string().optional(), message: z.string(),
  /** A claim's text (to confirm it). */
  claim: z.string().optional(),
  /** Must be resolved or acknowledged before submission and publication. */
  blocking: z.boolean(),
  acknowledged: z.object({ reason: z.string(), byName: z.string(), at: z.string() }).optional(),
});
export type ReportWarning = z.infer<typeof ReportWarning>;
/** What the UI may do with the report (the server's own checks). */
export const ReportAbilities = z.object({
  canEdit: z.boolean(), canSubmitReview: z.boolean(), canApproveReview: z.boolean(), canReturn: z.boolean(), canSubmit: z.boolean(), canPublish: z.boolean(),
});
export type ReportAbilities = z.infer<typeof ReportAbilities>;

/** `GET /api/v1/reports/:id`. */
export const ReportDetail = z.object({
  report: z.object({
    id: z.string().nullable(), regionId: z.string(), regionCode: z.string(), regionName: z.string(), year: z.number(), status: z.enum(REPORT_STATUSES), templateVersion: z.string(),
  }),
  meta: ReportMeta,
  blocks: z.array(RenderedBlock),
  figures: z.record(z.string(), Figure),
  frozen: z.boolean(),
  warnings: z.array(ReportWarning),
  source: z.object({ meta: ReportMeta, blocks: z.array(SourceBlock) }),
  statusLabel: z.string(),
  secrecy: z.object({ reviewer: z.string().nullable(), opinion: z.string().nullable(), at: z.string().nullable() }),
  submittedAt: z.string().nullable(),
  publication: z.object({ url: z.string().nullable(), on: z.string().nullable(), lateReason: z.string().nullable() }),
  abilities: ReportAbilities,
});
export type ReportDetail = z.infer<typeof ReportDetail>;

/** One candidate problem for section 二, drafted from the records. */
export const CandidateProblem = z.object({
  id: z.string(),
  kind: z.enum(['problem', 'next_year']),
  title: z.string(),
  /** The sentence the office may insert and edit. */
  text: z.string(),
  /** The metric whose records back it (the figure drawer lists them). */
  metricId: z.string(),
  records: z.array(z.object({ id: z.string(), entity: z.string(), label: z.string(), unitName: z.string().nullish(), date: z.string().nullish() })),
});
export type CandidateProblem = z.infer<typeof CandidateProblem>;
/** `GET /api/v1/reports/:id/candidates`. */
export const CandidateList = z.object({ items: z.array(CandidateProblem) });

/** `POST /api/v1/reports`. */
export const ReportCreated = z.object({ id: z.string() });
/** `PUT /api/v1/reports/:id`. */
export const ReportSaved = z.object({ id: z.string(), updatedAt: z.string() });
/** `POST /api/v1/reports/:id/transitions`. */
export const ReportTransitioned = z.object({ id: z.string(), status: z.enum(REPORT_STATUSES), statusLabel: z.string() });
/** `POST /api/v1/reports/:id/export-jobs`. */
export const ExportJobStarted = z.object({ jobId: z.string() });

/** One record behind a figure. */
export const MetricRecord = z.object({ id: z.string(), entity: z.string(), label: z.string(), date: z.string().nullish(), unitName: z.string().nullish() });
export type MetricRecord = z.infer<typeof MetricRecord>;
/** `GET /api/v1/reports/:id/figures/:metricId/records`. */
export const FigureRecords = z.object({
  metric: z.object({ id: z.string(), label: z.string(), definition: z.string(), unit: z.string() }),
  records: z.array(MetricRecord),
});
export type FigureRecords = z.infer<typeof FigureRecords>;

/** A row of `GET /api/v1/public/reports`. */
export const PublicReport = z.object({
  id: z.string(), year: z.number(), title: z.string(), publishedOn: z.string().nullable(), regionCode: z.string(), regionName: z.string(),
});
export type PublicReport = z.infer<typeof PublicReport>;
/** `GET /api/v1/public/reports`. */
export const PublicReportList = z.object({ items: z.array(PublicReport) });
