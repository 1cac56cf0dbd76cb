/**
 * The advisors module's records on the record core: engagement contracts, advisors, review requests,
 * work-log entries and annual assessments. Each is kept at a region and a unit (the law firm, or for a
 * review the requesting unit); an advisor firm reads what it is assigned, never by a filter after the query.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { defineRecord } from '../../core/record.js';
import { readUnits, DEFAULT_WRITE, OFFICE_WRITE, type Actor, type WritePolicy } from '../../core/scope/index.js';
import './schema.js';

/** Law-firm units the actor works in as an advisor. */
export function advisorFirms(actor: Actor): string[] {
  return actor.unitsByRole.advisor ?? [];
}

/**
 * SQL condition: the review is assigned to the actor as an advisor — to them by name, or to their firm
 * without a named advisor.
 */
export function assignedToActor(actor: Actor, alias = 'r'): Expression<SqlBool> {
  const firms = advisorFirms(actor);
  const byFirm = firms.length
    ? sql<SqlBool>`(${sql.ref(`${alias}.assigned_advisor_id`)} is null and ${sql.ref(`${alias}.assigned_firm_id`)} in (${sql.join(firms)}))`
    : sql<SqlBool>`false`;
  return sql<SqlBool>`(${byFirm} or ${sql.ref(`${alias}.assigned_advisor_id`)} in (select aa.id from advisors aa where aa.user_id = ${actor.userId}))`;
}

/** Withdrawing a request: the requesting unit's staff or the office — never the assigned advisor. */
export const REQUESTER_WRITE: WritePolicy = { regionRoles: ['office'], unitRoles: ['unit_head', 'liaison'] };
/** Giving the opinion: the assigned advisor (or their firm), or the office on their behalf. */
export const OPINION_WRITE: WritePolicy = { regionRoles: ['office'], unitRoles: [] };
/** Policies under which the assigned advisor also writes (the opinion; attachments such as the written opinion). */
const ADVISOR_WRITES = new Set<WritePolicy>([DEFAULT_WRITE, OPINION_WRITE]);

/** An engagement contract with a law firm: the office writes, the firm reads its own. */
export const Engagements = defineRecord({
  table: 'advisor_engagements', alias: 'e', entity: 'advisor_engagement',
  label: { zh: '法律顾问聘用合同', en: 'Engagement' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: OFFICE_WRITE,
});

/** A registered advisor (firm lawyer or public lawyer): the office writes. */
export const Advisors = defineRecord({
  table: 'advisors', alias: 'a', entity: 'advisor',
  label: { zh: '法律顾问', en: 'Advisor' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: OFFICE_WRITE,
});

/**
 * A review request. Read: the office and leaders of its region, the requesting unit's staff, and — as an
 * advisor — only requests assigned to them personally, or to their firm without a named advisor.
 * Attachments (the draft under review, the written opinion) while it is open: the requesting unit, the
 * office, or the assigned advisor; never after the opinion is given or the request withdrawn.
 */
export const Reviews = defineRecord({
  table: 'advisor_reviews', alias: 'r', entity: 'advisor_review',
  label: { zh: '审查事项', en: 'Review request' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
  read: (actor, alias, base) => sql<SqlBool>`(${base} or ${assignedToActor(actor, alias)})`,
  writeWhere: (actor, alias, base, policy) => (ADVISOR_WRITES.has(policy) ? sql<SqlBool>`(${base} or ${assignedToActor(actor, alias)})` : base),
  attachable: (r) => r.status === 'pending' || r.status === 'assigned',
});

/** Who logs work for a firm: the office of its region, or the firm's own advisors. */
export const WORKLOG_WRITE: WritePolicy = { regionRoles: ['office'], unitRoles: ['advisor'] };

/** A work-log entry (e.g. the judgment or the power of attorney attached): region readers, the firm, and the unit served. */
export const WorkLogs = defineRecord({
  table: 'advisor_work_logs', alias: 'w', entity: 'advisor_work_log',
  label: { zh: '工作日志', en: 'Work log entry' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: WORKLOG_WRITE,
  read: (actor, alias, base) => {
    const served = readUnits(actor);
    return served.length ? sql<SqlBool>`(${base} or ${sql.ref(`${alias}.client_unit_id`)} in (${sql.join(served)}))` : base;
  },
});

/** A firm's annual assessment: the office writes; the firm reads its own. */
export const Assessments = defineRecord({
  table: 'advisor_assessments', alias: 's', entity: 'advisor_assessment',
  label: { zh: '法律顾问考核', en: 'Advisor assessment' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: OFFICE_WRITE,
});
