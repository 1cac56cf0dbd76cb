/** Shapes the core API answers with; module and org shapes are inferred from the zod contracts in common/. */

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

// Org shapes and the page of a list come from the server's response contracts (common/schemas.ts).
export type { Page, RegionOut as Region, UnitOut as Unit, GrantOut as Grant, UserOut as User } from '../../common/schemas';

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
