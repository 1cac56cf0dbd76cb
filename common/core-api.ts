/**
 * Response contracts of the shared endpoints (audit, history, calendar, files, to-dos, metrics, settings,
 * jobs). The server serialises through them (fields not listed never leave it) and OpenAPI shows them; the
 * web takes its types from them with `z.input` (the wire form: instants as ISO strings).
 */
import { z } from 'zod';

/** An instant: a Date on the server, an ISO 8601 string on the wire. */
export const Instant = z.codec(z.string(), z.union([z.date(), z.string()]), {
  decode: (s) => new Date(s),
  encode: (v) => (v instanceof Date ? v.toISOString() : v),
});

/** Any JSON value (audit before/after states, setting values). */
export const JsonValue = z.unknown();

/** One audit log entry. */
export const AuditEntryOut = z.object({
  seq: z.number(),
  chain: z.string(),
  chain_seq: z.number(),
  at: Instant,
  actor_id: z.string().nullable(),
  actor_name: z.string().nullable(),
  ip: z.string().nullable(),
  entity: z.string(),
  entity_id: z.string().nullable(),
  action: z.string(),
  region_id: z.string().nullable(),
  unit_id: z.string().nullable(),
  before: JsonValue,
  after: JsonValue,
  hash: z.string(),
});
/** A page of audit entries. */
export const AuditPageOut = z.object({ items: z.array(AuditEntryOut), total: z.number(), page: z.number(), pageSize: z.number() });

/** One change in a record's history. */
export const HistoryEntryOut = z.object({ seq: z.number(), at: Instant, actor_name: z.string().nullable(), action: z.string(), before: JsonValue, after: JsonValue });
export const HistoryOut = z.object({ items: z.array(HistoryEntryOut) });

/** A computed deadline. */
export const ComputeOut = z.object({ due: z.string(), provisional: z.boolean(), explain: z.string() });
/** Local calendar overrides. */
export const OverridesOut = z.object({ items: z.array(z.object({ day: z.string(), kind: z.enum(['workday', 'holiday']), reason: z.string(), created_at: Instant })) });
/** A calendar change and how many open deadlines it moved. */
export const OverrideChangeOut = z.object({ ok: z.literal(true), deadlinesMoved: z.number() });

/** An uploaded file. */
export const FileOut = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), sha256: z.string() });
/** The files attached to a record. */
export const FilesOut = z.object({
  items: z.array(FileOut.extend({ effective_date: z.string().nullable(), uploaded_at: Instant, uploaded_by: z.string().nullable() })),
});

/** An open deadline on the to-do list. */
export const DeadlineOut = z.object({
  id: z.string(),
  module: z.string(),
  entity: z.string(),
  entityId: z.string(),
  kind: z.string(),
  title: z.string(),
  dueDate: z.string(),
  state: z.enum(['overdue', 'due_soon', 'open', 'done']),
  provisional: z.boolean(),
  basis: z.string(),
  explain: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  priority: z.number(),
});
/** A deadline of one record, as its detail page shows it (core `presentDeadline`). */
export const RecordDeadlineOut = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  dueDate: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  state: z.enum(['overdue', 'due_soon', 'open', 'done']),
  basis: z.string(),
  explain: z.string(),
  provisional: z.boolean(),
  priority: z.number(),
});
/** A module's to-do (not a deadline). */
export const TodoItemOut = z.object({ module: z.string(), kind: z.string(), title: z.string(), count: z.number(), href: z.string() });
/** The to-do list. */
export const TodosOut = z.object({
  deadlines: z.array(DeadlineOut),
  items: z.array(TodoItemOut),
  counts: z.object({ overdue: z.number(), dueSoon: z.number(), open: z.number(), tasks: z.number() }),
});

/** A registered metric. */
export const MetricInfoOut = z.object({ id: z.string(), module: z.string(), label: z.string(), unit: z.string(), definition: z.string() });
export const MetricsOut = z.object({ items: z.array(MetricInfoOut) });
/** A metric's value in the caller's scope. */
export const MetricValueOut = MetricInfoOut.omit({ module: true }).extend({ value: z.number().nullable(), scope: z.enum(['unit', 'region']) });
/** Every figure for a region and year in one answer (the leader's home), with its module. */
export const MetricValuesOut = z.object({ items: z.array(MetricValueOut.extend({ module: z.string(), previous: z.number().nullable().optional() })) });
/** What is late, by unit and module (the leader's summary). */
export const LateByUnitOut = z.object({
  items: z.array(z.object({ unitId: z.string().nullable(), unitName: z.string().nullable(), module: z.string(), overdue: z.number().int(), dueSoon: z.number().int(), oldest: z.string() })),
});
/** A record behind a figure. */
export const MetricRecordOut = z.object({
  id: z.string(),
  entity: z.string(),
  label: z.string(),
  date: z.string().nullable().optional(),
  unitName: z.string().nullable().optional(),
  hash: z.string().optional(),
});
export const MetricRecordsOut = z.object({ id: z.string(), label: z.string(), definition: z.string(), items: z.array(MetricRecordOut) });
/** A figure broken down by a dimension. */
export const BreakdownOut = z.object({ id: z.string(), by: z.string(), items: z.array(z.object({ key: z.string(), label: z.string(), value: z.number() })) });

/** Settings (admin). */
export const SettingsOut = z.object({ items: z.array(z.object({ key: z.string(), label: z.string(), value: JsonValue, default: JsonValue })) });
export const OkOut = z.object({ ok: z.literal(true) });

/** A background job. */
export const JobOut = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed']),
  progress: z.number().nullable(),
  total: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: Instant,
  finishedAt: Instant.nullable(),
  fileName: z.string().nullable(),
  /** What the job produced besides a file (an import's rows, errors and rows committed). */
  result: z.unknown().optional(),
});
/** A long operation started in the background (202): follow it at `GET /api/v1/jobs/:id`. */
export const JobStartedOut = z.object({ jobId: z.string() });
export const JobsOut = z.object({ items: z.array(JobOut) });

/** The years with records in the caller's scope, and the year pages open on (the report year being worked on). */
export const YearsOut = z.object({ years: z.array(z.number().int()), working: z.number().int() });

/** Wire types for the web. */
/** The signed-in person (`GET /api/v1/auth/me`, `POST /api/v1/auth/login`). */
export const MeOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  regionName: z.string().nullable(),
  /** `level`: the level of a region grant's region (province, city, district…), null for a unit grant. */
  roles: z.array(z.object({ role: z.string(), unitId: z.string().nullable(), regionId: z.string().nullable(), level: z.string().nullable() })),
  mustChangePassword: z.boolean(),
  abilities: z.record(z.string(), z.boolean()),
  csrfToken: z.string().optional(),
});

/** One day of the working-day calendar. */
export const CalendarDayOut = z.object({
  date: z.string(),
  workday: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup', 'override-workday', 'override-holiday']),
  name: z.string().optional(),
  provisional: z.boolean(),
});
/** A month of the calendar. */
export const CalendarMonthOut = z.object({ days: z.array(CalendarDayOut), coveredUntil: z.number() });

/** One problem found in an imported spreadsheet: the row as the user sees it, the column, what is wrong. */
export const CellErrorOut = z.object({ row: z.number(), column: z.string().optional(), message: z.string() });
/** Result of an Excel import (dry run or commit): all rows are written, or none. */
export const ImportResultOut = z.object({ dryRun: z.boolean(), rowCount: z.number(), errors: z.array(CellErrorOut), committed: z.number() });

/** Content types of the files the API sends. */
export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html',
  md: 'text/markdown',
  json: 'application/json',
  csv: 'text/csv',
  any: 'application/octet-stream',
  /** An uploaded file is sent with the type it was stored with. */
  stored: '*/*',
} as const;

/**
 * The response contract of a file download: a 200 whose body is the file's bytes, declared by content
 * type (OpenAPI `format: binary`). `reply.send(buffer)` bypasses serialisation, so the contract documents
 * and the access test checks; it does not reshape the bytes.
 */
export function fileResponse(description: string, ...types: (keyof typeof MIME)[]) {
  // On the wire a binary string; to the handler's type checker, the bytes it sends (reply.send(buffer)).
  const schema = z.string().meta({ format: 'binary' }) as unknown as z.ZodType<Uint8Array | string>;
  const body = { schema };
  return { 200: { description, content: Object.fromEntries(types.map((t) => [MIME[t], body])) as Record<string, typeof body> } };
}
/** An Excel workbook download. */
export const xlsxResponse = (description = 'Excel 工作簿（.xlsx）') => fileResponse(description, 'xlsx');

export type AuditEntry = z.input<typeof AuditEntryOut>;
export type HistoryEntry = z.input<typeof HistoryEntryOut>;
export type Deadline = z.input<typeof DeadlineOut>;
export type Todos = z.input<typeof TodosOut>;
export type RecordDeadline = z.input<typeof RecordDeadlineOut>;
export type FileInfo = z.input<typeof FilesOut>['items'][number];
export type Job = z.input<typeof JobOut>;
export type MetricRecordWire = z.input<typeof MetricRecordOut>;
export type Years = z.input<typeof YearsOut>;
export type Me = z.input<typeof MeOut>;
export type CalendarDay = z.input<typeof CalendarDayOut>;
export type ImportResult = z.input<typeof ImportResultOut>;
export type MetricValues = z.input<typeof MetricValuesOut>;
export type LateByUnit = z.input<typeof LateByUnitOut>;
