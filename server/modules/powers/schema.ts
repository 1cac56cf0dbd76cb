import type { Generated } from 'kysely';
import type { DateStr as DateCol, Timestamp } from '../../db/types.js';
import type { ChangeKind, PowerCategory } from '../../../common/powers.js';

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

declare module '../../db/types.js' {
  interface Database {
    power_items: PowerItemsTable;
    power_changes: PowerChangesTable;
  }
}

export * from '../../../common/powers.js';
