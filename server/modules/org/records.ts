/** The org module's records on the record core: a unit, readable in scope, managed by the office of its region (and the admin). */
import { sql, type SqlBool } from 'kysely';
import { defineRecord } from '../../core/record.js';
import { mayWriteAt, OFFICE_WRITE, type Actor } from '../../core/scope/index.js';
import type { Db } from '../../db/index.js';

/** A unit: its own staff and the region's readers read it; the office of its region (or the admin) edits it. */
export const Units = defineRecord({
  table: 'units', alias: 'u', entity: 'unit',
  label: { zh: '单位', en: 'Unit' },
  scope: { region: 'region_id', unit: 'id' },
  write: OFFICE_WRITE,
  writeWhere: (actor, _alias, base) => (actor.isAdmin ? sql<SqlBool>`true` : base),
});

/** Whether the actor manages units in a region: the admin anywhere, the office within its regions (in SQL). */
export async function mayManageRegion(db: Db, actor: Actor, regionId: string) {
  return actor.isAdmin || mayWriteAt(db, actor, regionId, null, OFFICE_WRITE);
}
