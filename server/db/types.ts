import type { ColumnType, Generated } from 'kysely';

/** A column the database fills on insert. */
type Auto<T> = ColumnType<T, T | undefined, T>;
/** timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** date: read and written as 'YYYY-MM-DD'. */
export type DateStr = string;
/** jsonb column. */
export type Json = ColumnType<unknown, string, string>;

/** Region of the administrative division tree, keyed by the national division code. */
export interface RegionsTable {
  id: Generated<string>;
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | 'subdistrict' | 'community';
  parent_id: string | null;
  path: string;
  created_at: Timestamp;
}

/** A unit: department, subdistrict office, enforcement team, law firm, committee, court… */
export interface UnitsTable {
  id: Generated<string>;
  region_id: string;
  parent_id: string | null;
  code: string | null;
  name: string;
  short_name: string | null;
  type: string;
  active_from: DateStr | null;
  active_to: DateStr | null;
  sort: Auto<number>;
  created_at: Timestamp;
}

/** A person who signs in. */
export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  unit_id: string | null;
  password_hash: string;
  must_change_password: Auto<boolean>;
  password_changed_at: Timestamp | null;
  failed_logins: Auto<number>;
  locked_until: Timestamp | null;
  active: Auto<boolean>;
  phone: string | null;
  created_at: Timestamp;
}

/** A role held by a user over a unit or a region. */
export interface RoleAssignmentsTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  unit_id: string | null;
  region_id: string | null;
  created_at: Timestamp;
}

/** Server-side session (id is the sha256 of the cookie token). */
export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

/** Failed sign-in attempts, for per-IP throttling. */
export interface LoginFailuresTable {
  id: Generated<number>;
  ip: string;
  username: string | null;
  at: Timestamp;
}

/** Append-only, hash-chained audit log. */
export interface AuditLogTable {
  /** Global order of writing (a sequence; gaps where a transaction rolled back). */
  seq: Generated<number>;
  /** The chain the entry belongs to: its region id, 'system', or '' for entries before per-region chains. */
  chain: string;
  /** Position in its chain, from 1 without gaps. */
  chain_seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  region_id: string | null;
  unit_id: string | null;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

/** The last entry of each audit chain (appends lock this row, not the whole log). */
export interface AuditHeadsTable {
  chain: string;
  seq: number;
  hash: string;
}

/** Local override of the national holiday calendar. */
export interface CalendarOverridesTable {
  day: DateStr;
  kind: 'workday' | 'holiday';
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
}

/** Stored file (evidence, attachment). */
export interface FilesTable {
  id: Generated<string>;
  owner_entity: string;
  owner_id: string;
  region_id: string;
  unit_id: string | null;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  effective_date: DateStr | null;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** Key/value system settings. */
export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

/** A statutory or assigned deadline of some record, computed by the shared calendar. */
export interface DeadlinesTable {
  id: Generated<string>;
  module: string;
  entity: string;
  entity_id: string;
  kind: string;
  title: string;
  /** English title (null on rows written before migration 0800: shown in Chinese). */
  title_en: string | null;
  region_id: string;
  unit_id: string | null;
  assignee_id: string | null;
  spec: Json;
  due_date: DateStr;
  computation: Json;
  basis: string;
  provisional: Auto<boolean>;
  priority: Auto<number>;
  status: Auto<'open' | 'done' | 'cancelled'>;
  done_at: Timestamp | null;
  created_at: Timestamp;
}

/** A long operation (import, render, export) with progress. */
export interface JobsTable {
  id: Generated<string>;
  kind: string;
  user_id: string | null;
  status: Auto<'running' | 'done' | 'failed'>;
  progress: Auto<number>;
  total: number | null;
  result: Json | null;
  error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  title: string | null;
  file_key: string | null;
  file_name: string | null;
  file_mime: string | null;
}

/**
 * All tables. Modules add theirs by declaration merging in their schema.ts:
 * `declare module '../../db/types.js' { interface Database { plan_tasks: PlanTasksTable } }`.
 */
export interface Database {
  regions: RegionsTable;
  units: UnitsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  calendar_overrides: CalendarOverridesTable;
  files: FilesTable;
  settings: SettingsTable;
  deadlines: DeadlinesTable;
  jobs: JobsTable;
}
