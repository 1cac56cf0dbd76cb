/**
 * The disputes module's aggregates on the record core: reconsideration cases, opinion letters and
 * lawsuits. Scope, locking, audit and record access (attachments, history) all come from here.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { defineRecord } from '../../core/record.js';
import { DEFAULT_WRITE, readScope } from '../../core/scope/index.js';
import { ENTITY, LAWSUIT_LABEL, RECON_LABEL } from './common.js';

/**
 * A reconsideration case. Read: the office of its region (and the levels above), the respondent
 * unit's staff. Write (attachments, the respondent's answer): the office or the respondent unit's
 * head/liaison; the organ's own steps lock with OFFICE_WRITE.
 */
export const Recons = defineRecord({
  table: 'reconsideration_cases',
  alias: 'c',
  entity: ENTITY.recon,
  label: RECON_LABEL,
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
});

/** An opinion letter (意见书/建议书): the office and the addressee unit. */
export const Opinions = defineRecord({
  table: 'reconsideration_opinions',
  alias: 'o',
  entity: ENTITY.opinion,
  label: { zh: '行政复议意见书', en: 'Opinion letter' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
});

/**
 * A lawsuit. Read: the office, the defendant unit's staff, and the representing law firm's advisors
 * (what is assigned to them). Write: the office or the defendant unit (谁主管、谁应诉).
 */
export const Lawsuits = defineRecord({
  table: 'lawsuits',
  alias: 'l',
  entity: ENTITY.lawsuit,
  label: LAWSUIT_LABEL,
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
  read: (actor, alias, base): Expression<SqlBool> =>
    sql<SqlBool>`(${base} or ${readScope(actor, { region: `${alias}.region_id`, unit: `${alias}.advisor_unit_id` })})`,
});
