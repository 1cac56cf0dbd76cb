/**
 * The decisions module's records on the record core: a decision (scoped to its region and 承办单位) and
 * the year's catalogue (kept at a region; the office writes it, unit staff read their region's).
 */
import { sql, type SqlBool } from 'kysely';
import { defineRecord } from '../../core/record.js';
import { DEFAULT_WRITE, OFFICE_WRITE } from '../../core/scope/index.js';
import { inRegionOfUnits } from '../org/lookup.js';
import './schema.js';

/** A major administrative decision: the office region-wide, the 承办单位's heads and liaisons for their unit. */
export const Decisions = defineRecord({
  table: 'decisions', alias: 'd', entity: 'decision',
  label: { zh: '重大行政决策', en: 'Major decision' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
  // Attachments (draft, minutes, expert opinions, risk report…) until the procedure's records are archived.
  attachable: (d) => !d.archived_on,
});

/** The year's decision catalogue (第三条): the office writes; unit staff also read their own region's catalogue. */
export const Catalogues = defineRecord({
  table: 'decision_catalogues', alias: 'c', entity: 'decision_catalogue',
  label: { zh: '决策事项目录', en: 'Decision catalogue' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
  read: (actor, alias, base) =>
    sql<SqlBool>`(${base} or ${inRegionOfUnits(`${alias}.region_id`, actor.grants.map((g) => g.unitId ?? ''))})`,
});
