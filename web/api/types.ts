/** Shapes the API answers with (kept beside the client; the server's zod schemas are the source). */

/** The signed-in person (`GET /api/v1/auth/me`). */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  unitName: string | null;
  regionName: string | null;
  roles: { role: string; unitId: string | null; regionId: string | null }[];
  mustChangePassword: boolean;
  abilities: Record<string, boolean>;
  csrfToken?: string;
}

/** A page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A region. */
export interface Region {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
}

/** A unit. */
export interface Unit {
  id: string;
  name: string;
  shortName: string | null;
  code: string | null;
  type: string;
  regionId: string;
  parentId: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  sort: number;
  regionName?: string;
}

/** A role grant. */
export interface Grant {
  id: string;
  role: string;
  unitId: string | null;
  regionId: string | null;
}

/** A user account. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  unitName?: string | null;
  active: boolean;
  locked?: boolean;
  phone?: string | null;
  mustChangePassword?: boolean;
  grants?: Grant[];
}

/** State of a deadline relative to today. */
export type DeadlineState = 'overdue' | 'due_soon' | 'open' | 'done';

/** An open deadline in the to-do list. */
export interface Deadline {
  id: string;
  module: string;
  entity: string;
  entityId: string;
  kind: string;
  title: string;
  dueDate: string;
  state: DeadlineState;
  provisional: boolean;
  basis: string;
  explain: string;
  unitId: string | null;
  unitName: string | null;
  priority: number;
}

/** A module's non-deadline to-do. */
export interface TodoItem {
  module: string;
  kind: string;
  title: string;
  count: number;
  href: string;
}

/** `GET /api/v1/todos`. */
export interface Todos {
  deadlines: Deadline[];
  items: TodoItem[];
  counts: { overdue: number; dueSoon: number; open: number; tasks: number };
}

/** One day of the working-day calendar. */
export interface CalendarDay {
  date: string;
  workday: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup' | 'override-workday' | 'override-holiday' | string;
  name?: string;
  provisional: boolean;
}

/** A local calendar override. */
export interface CalendarOverride {
  day: string;
  kind: 'workday' | 'holiday';
  reason: string;
  created_at: string;
}

/** An audit log entry. */
export interface AuditEntry {
  seq: number | string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  region_id: string | null;
  unit_id: string | null;
  before: unknown;
  after: unknown;
}

/** A registered metric (`GET /api/v1/metrics`). */
export interface MetricInfo {
  id: string;
  module: string;
  label: string;
  unit: string;
  definition: string;
}

/** A metric's value for a region and year. */
export interface MetricValue extends MetricInfo {
  value: number | null;
  scope: 'unit' | 'region';
}

/** A file attached to a record. */
export interface FileInfo {
  id: string;
  name: string;
  mime: string;
  size: number | string;
  sha256?: string;
  effective_date?: string | null;
  uploaded_at?: string;
}

/** Result of an Excel import (dry run or commit). */
export interface ImportResult {
  dryRun: boolean;
  rowCount: number;
  errors: { row: number; column?: string; message: string }[];
  committed: number;
}

/** A system setting. */
export interface Setting {
  key: string;
  label: string;
  value: unknown;
  default: unknown;
}
