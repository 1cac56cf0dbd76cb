import { sql, type Expression, type SqlBool } from 'kysely';
import { defineRecord } from '../../core/record.js';
import { DEFAULT_WRITE, OFFICE_WRITE, readUnits, type Actor } from '../../core/scope/index.js';
import './schema.js';

/** Units the actor works in, as an SQL list condition on a column (deny when none). */
function inActorUnits(actor: Actor, col: Expression<unknown>): Expression<SqlBool> {
  const units = readUnits(actor);
  if (!units.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`${col} in (${sql.join(units)})`;
}

/**
 * A suggestion or proposal. Region staff read their region's; the lead unit reads and writes it; a
 * co-handling unit reads it while its assignment is active (it writes only its own assignment).
 */
export const Items = defineRecord({
  table: 'oversight_items',
  alias: 'i',
  entity: 'oversight_item',
  label: { zh: '建议提案', en: 'Suggestion or proposal' },
  scope: { region: 'region_id', unit: 'lead_unit_id' },
  write: DEFAULT_WRITE,
  read: (actor, alias, base) =>
    sql<SqlBool>`(${base} or exists (select 1 from oversight_assignments xa where xa.item_id = ${sql.ref(`${alias}.id`)} and xa.status = 'active' and ${inActorUnits(actor, sql.ref('xa.unit_id'))}))`,
});

/**
 * A unit's assignment to an item. The unit reads and writes its own; the lead unit also reads the
 * co-units' assignments (their opinions come to it).
 */
export const Assignments = defineRecord({
  table: 'oversight_assignments',
  alias: 'a',
  entity: 'oversight_assignment',
  label: { zh: '交办记录', en: 'Assignment' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
  read: (actor, alias, base) =>
    sql<SqlBool>`(${base} or exists (select 1 from oversight_items xi where xi.id = ${sql.ref(`${alias}.item_id`)} and ${inActorUnits(actor, sql.ref('xi.lead_unit_id'))}))`,
});

/** An audit (project or economic responsibility): the audit office writes; the audited unit reads its own and writes rectification reports. */
export const Audits = defineRecord({
  table: 'audits',
  alias: 'au',
  entity: 'audit',
  label: { zh: '审计项目', en: 'Audit' },
  scope: { region: 'region_id', unit: 'unit_id' },
  // The audit's facts (amounts, findings) are entered by the office, never by the audited unit.
  write: OFFICE_WRITE,
});

/** A rectification item of an audit, owned by the audited unit. */
export const Rectifications = defineRecord({
  table: 'audit_rectifications',
  alias: 'r',
  entity: 'audit_rectification',
  label: { zh: '审计整改事项', en: 'Rectification item' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
});

/** The year's handling report of a region: the office writes it; region staff read it; published ones are public. */
export const HandlingReports = defineRecord({
  table: 'oversight_reports',
  alias: 'rp',
  entity: 'oversight_report',
  label: { zh: '建议提案办理情况报告', en: 'Handling report' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
});
