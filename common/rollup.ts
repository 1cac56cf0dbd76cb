/**
 * Response contracts of the roll-up for the levels above a district (city, province) and of the public
 * portal across levels. The server serialises through them; the web infers its types from them.
 */
import { z } from 'zod';
import { REPORT_STATUSES } from './report.js';

/** One region of a roll-up: a region beneath (`child`), the region's own level (`own`), or the whole (`total`). */
export const RollupRegion = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['child', 'own', 'total']),
  /** The region's level (a province's children are cities, whose own roll-up opens from here). */
  level: z.string(),
});
export type RollupRegion = z.infer<typeof RollupRegion>;

/** A figure of one region: this year, last year, rank among the regions beneath, outlier flag. */
export const RollupCell = z.object({
  region: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** 1 = highest among the regions beneath that have data; null for own/total or no data. */
  rank: z.number().nullable(),
  /** Outside Tukey's fences (Q1 − 1.5 IQR, Q3 + 1.5 IQR) among four or more regions beneath. */
  outlier: z.enum(['high', 'low']).nullable(),
});
export type RollupCell = z.infer<typeof RollupCell>;

/** One metric's row of the roll-up. */
export const RollupMetric = z.object({
  id: z.string(),
  module: z.string(),
  moduleLabel: z.string(),
  label: z.string(),
  unit: z.string(),
  definition: z.string(),
  cells: z.array(RollupCell),
});
export type RollupMetric = z.infer<typeof RollupMetric>;

/** `GET /api/v1/rollup`. */
export const RollupTable = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  year: z.number(),
  regions: z.array(RollupRegion),
  modules: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  metrics: z.array(RollupMetric),
});
export type RollupTable = z.infer<typeof RollupTable>;

/** Where a region beneath stands with its annual report. */
export const REPORT_STANDINGS = ['on_time', 'late', 'overdue', 'pending'] as const;
export type ReportStanding = (typeof REPORT_STANDINGS)[number];

/** `GET /api/v1/rollup/reports`. */
export const RollupReports = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  deadline: z.object({ due: z.string(), explain: z.string(), basis: z.string(), provisional: z.boolean() }),
  items: z.array(z.object({
    regionCode: z.string(),
    regionName: z.string(),
    reportId: z.string().nullable(),
    status: z.enum(REPORT_STATUSES).nullable(),
    statusLabel: z.string(),
    submittedOn: z.string().nullable(),
    publishedOn: z.string().nullable(),
    /** Published after 31 March of the next year (publishedLate in common/report.ts), and the reason the office gave. */
    publishedLate: z.boolean(),
    lateReason: z.string().nullable(),
    standing: z.enum(REPORT_STANDINGS),
    standingLabel: z.string(),
    /** Days after the deadline (submitted late, or overdue until today). */
    daysLate: z.number().nullable(),
    /** Figures whose live records differ from the submission snapshot (submitted and published reports). */
    changedFigures: z.array(z.object({ metricId: z.string(), message: z.string() })),
  })),
});
export type RollupReports = z.infer<typeof RollupReports>;

/** A published report on the public portal. */
export const PortalReport = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  publishedOn: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  /** The region's own report, or one of a region beneath. */
  own: z.boolean(),
});
export type PortalReport = z.infer<typeof PortalReport>;

/** `GET /api/v1/public/regions/:code/reports`. */
export const PortalReports = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  items: z.array(PortalReport),
  /** Regions beneath with a published report, for the filter. */
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type PortalReports = z.infer<typeof PortalReports>;

/** One figure of a published report as open data. */
export const OpenFigure = z.object({
  key: z.string(),
  metricId: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  text: z.string(),
  definition: z.string(),
  recordCount: z.number(),
});
export type OpenFigure = z.infer<typeof OpenFigure>;

/** `GET /api/v1/public/reports/:id/figures` (JSON; `?format=csv` gives the same table as CSV). */
export const OpenFigures = z.object({
  report: z.object({ id: z.string(), title: z.string(), year: z.number(), regionCode: z.string(), regionName: z.string(), publishedOn: z.string().nullable() }),
  figures: z.array(OpenFigure),
});
export type OpenFigures = z.infer<typeof OpenFigures>;
