import type { Generated } from 'kysely';
import type { DateStr as DateCol, Json, Timestamp } from '../../db/types.js';
import type { ChangeKind, PowerCategory, ServiceStatus } from '../../../common/powers.js';

/** One version of an item of a unit's power-and-responsibility list. */
export interface PowerItemsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  /** Department list or subdistrict list (decided by the unit's type when the item is added). */
  list_level: 'department' | 'subdistrict';
  code: string;
  name: string;
  category: PowerCategory;
  basis: string;
  responsibility: Generated<string>;
  accountability: Generated<string>;
  version: Generated<number>;
  predecessor_id: string | null;
  /** First day this version is in force. */
  effective_from: DateCol;
  /** First day it is no longer in force (null = current). */
  effective_to: DateCol | null;
  created_at: Generated<Timestamp>;
}

/** An approved, dated change to the list. */
export interface PowerChangesTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  kind: ChangeKind;
  item_id: string;
  new_item_id: string | null;
  to_unit_id: string | null;
  approval_ref: string;
  approved_on: DateCol;
  effective_on: DateCol;
  reason: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** An integrated service ("一件事") bundling list items across units. */
export interface PowerServicesTable {
  id: Generated<string>;
  region_id: string;
  code: string;
  name: string;
  /** The unit that runs the window (牵头单位). */
  lead_unit_id: string;
  /** 办理窗口. */
  service_window: string;
  /** Documents asked once (jsonb array of strings). */
  documents: Json;
  /** 承诺时限, working days. */
  promised_days: number;
  description: Generated<string>;
  status: Generated<ServiceStatus>;
  published_on: DateCol | null;
  withdrawn_on: DateCol | null;
  withdraw_reason: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A list item (one version) bundled in a service. */
export interface PowerServiceItemsTable {
  service_id: string;
  power_item_id: string;
  seq: number;
}

/** A plan reform task that a service delivers. */
export interface PowerServiceTasksTable {
  service_id: string;
  task_id: string;
}

declare module '../../db/types.js' {
  interface Database {
    power_items: PowerItemsTable;
    power_changes: PowerChangesTable;
    power_services: PowerServicesTable;
    power_service_items: PowerServiceItemsTable;
    power_service_tasks: PowerServiceTasksTable;
  }
}

export * from '../../../common/powers.js';
