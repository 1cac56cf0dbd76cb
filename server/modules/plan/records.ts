/**
 * The plan module's records on the record core: plans, key works, tasks, ledger entries, assessment
 * schemes, rounds and scores. Scope is in SQL (region paths, unit ids); reads wider than the default
 * (unit staff see the published plans and tasks they lead or co-operate on) are the `read` option.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { defineRecord } from '../../core/record.js';
import { DEFAULT_WRITE, OFFICE_WRITE, readUnits, writeScope, writeUnits, type Actor, type WritePolicy } from '../../core/scope/index.js';
import './schema.js';

function orWith(base: Expression<SqlBool>, extra: Expression<SqlBool> | null): Expression<SqlBool> {
  return extra ? sql<SqlBool>`(${base} or ${extra})` : base;
}

/** Unit ids through which the actor reads as a member (lead or co-unit of a task). */
function memberUnits(actor: Actor): string[] {
  return readUnits(actor);
}

/** SQL: the task `taskRef` (a column holding a task id) is in a published plan and led or co-operated on by one of the units. */
export function taskOfUnits(taskRef: string, units: string[]): Expression<SqlBool> | null {
  if (!units.length) return null;
  const ids = sql.join(units);
  return sql<SqlBool>`exists (select 1 from plan_tasks tu join plan_plans pu on pu.id = tu.plan_id
    where tu.id = ${sql.ref(taskRef)} and pu.status = 'published'
      and (tu.unit_id in (${ids}) or exists (select 1 from plan_task_units cu where cu.task_id = tu.id and cu.unit_id in (${ids}))))`;
}

/** A plan (工作安排/要点/改革重点工作): the office writes; unit staff read a published plan holding a task of their unit. */
export const Plans = defineRecord({
  table: 'plan_plans', alias: 'p', entity: 'plan',
  label: { zh: '计划', en: 'Plan' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
  read: (actor, alias, base) => {
    const units = memberUnits(actor);
    if (!units.length) return base;
    const ids = sql.join(units);
    return orWith(base, sql<SqlBool>`(${sql.ref(`${alias}.status`)} = 'published' and exists (select 1 from plan_tasks t2
      where t2.plan_id = ${sql.ref(`${alias}.id`)} and (t2.unit_id in (${ids}) or exists (select 1 from plan_task_units cu2 where cu2.task_id = t2.id and cu2.unit_id in (${ids})))))`);
  },
});

/** A key work (重点工作) of a plan: written by the office with the plan. */
export const KeyWorks = defineRecord({
  table: 'plan_key_works', alias: 'kw', entity: 'plan_key_work',
  label: { zh: '重点工作', en: 'Key work' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
});

/**
 * Reporting progress on a task (the policy passed to `Tasks.lockForWrite` by a ledger write): the
 * office region-wide, or the head/liaison of its lead unit or a co-unit.
 */
export const REPORT_WRITE: WritePolicy = { regionRoles: ['office'], unitRoles: ['unit_head', 'liaison'] };

/** A task (重点任务): region readers read every task, drafts included; unit staff the published tasks they lead or co-operate on. */
export const Tasks = defineRecord({
  table: 'plan_tasks', alias: 't', entity: 'plan_task',
  label: { zh: '重点任务', en: 'Task' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
  read: (actor, alias, base) => orWith(base, taskOfUnits(`${alias}.id`, memberUnits(actor))),
  writeWhere: (actor, alias, base, policy) => (policy === REPORT_WRITE ? orWith(base, taskOfUnits(`${alias}.id`, writeUnits(actor, policy))) : base),
});

/**
 * A ledger entry (台账进展): the reporting unit (head, liaison) and the office write it until it is
 * accepted; the lead unit and co-units of its task read it.
 */
export const Entries = defineRecord({
  table: 'plan_entries', alias: 'e', entity: 'plan_entry',
  label: { zh: '进展记录', en: 'Ledger entry' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
  read: (actor, alias, base) => orWith(base, taskOfUnits(`${alias}.task_id`, memberUnits(actor))),
  attachable: (row) => row.review !== 'accepted',
});

/** The year's assessment rules (考核细则); written by the office. */
export const Schemes = defineRecord({
  table: 'plan_assess_schemes', alias: 's', entity: 'plan_assess_scheme',
  label: { zh: '考核细则', en: 'Assessment scheme' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
});

/** A scoring round (平时/年终); the office computes, scores, reviews and publishes it. */
export const Rounds = defineRecord({
  table: 'plan_assess_rounds', alias: 'r', entity: 'plan_assess_round',
  label: { zh: '考核轮次', en: 'Assessment round' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
});

/** Who may add a note and evidence to their own unit's score: its head or liaison. */
export const UNIT_NOTE_WRITE: WritePolicy = { regionRoles: [], unitRoles: ['unit_head', 'liaison'] };

/**
 * One unit's score on one item of a round (with the unit's note and evidence as attachments): the
 * office writes it; the unit's head or liaison adds a note and evidence while the round is being scored.
 */
export const Scores = defineRecord({
  table: 'plan_assess_scores', alias: 'sc', entity: 'plan_assess_score',
  label: { zh: '评分记录', en: 'Score' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
  writeWhere: (actor, alias) => {
    const office = writeScope(actor, { region: `${alias}.region_id` }, OFFICE_WRITE);
    const unit = writeScope(actor, { region: `${alias}.region_id`, unit: `${alias}.unit_id` }, UNIT_NOTE_WRITE);
    return sql<SqlBool>`(${office} or (${unit} and exists (select 1 from plan_assess_rounds rs where rs.id = ${sql.ref(`${alias}.round_id`)} and rs.status = 'scoring')))`;
  },
});
