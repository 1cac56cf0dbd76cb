import type { Generated } from 'kysely';
import type { DateStr as DateCol, Json, Timestamp } from '../../db/types.js';
import type { PlanKind, Recurrence } from '../../../common/plan.js';

export * from '../../../common/plan.js';

/** A plan (工作安排/要点/改革重点工作). */
export interface PlanPlansTable {
  id: Generated<string>;
  region_id: string;
  year: number;
  kind: PlanKind;
  kind_label: string | null;
  title: string;
  doc_no: string | null;
  status: Generated<'draft' | 'published'>;
  published_at: Timestamp | null;
  published_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}
/** A key work (重点工作) of a plan. */
export interface PlanKeyWorksTable {
  id: Generated<string>;
  plan_id: string;
  region_id: string;
  seq: number;
  title: string;
  area: string | null;
}
/** A task (重点任务) with its lead unit and the ledger facts its status is derived from. */
export interface PlanTasksTable {
  id: Generated<string>;
  plan_id: string;
  key_work_id: string;
  region_id: string;
  unit_id: string;
  seq: number;
  /** Ledger order: key work seq × 1000 + task seq. */
  ord: number;
  title: string;
  content: string | null;
  expected_outcome: string | null;
  leader: string | null;
  recurrence: Generated<Recurrence>;
  due_date: DateCol;
  current_due: DateCol | null;
  done_date: DateCol | null;
  latest_review: 'pending' | 'accepted' | 'returned' | null;
  active_entries: Generated<number>;
  created_at: Generated<Date>;
}
/** A co-operating unit (配合单位) of a task. */
export interface PlanTaskUnitsTable {
  task_id: string;
  unit_id: string;
}
/** A dated progress entry of the ledger (台账). */
export interface PlanEntriesTable {
  id: Generated<string>;
  task_id: string;
  region_id: string;
  unit_id: string;
  entry_date: DateCol;
  /** Last day of the period a periodic task's report is for (null for a one-off task). */
  period_end: DateCol | null;
  text: string;
  claimed_status: 'in_progress' | 'done';
  review: Generated<'pending' | 'accepted' | 'returned'>;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
/** The year's assessment rules (考核细则). */
export interface PlanAssessSchemesTable {
  id: Generated<string>;
  region_id: string;
  year: number;
  title: string;
  created_by: string | null;
  created_at: Generated<Date>;
}
/** Node of the indicator tree: level 1 indicator, 2 sub-indicator, 3 item (scored). */
export interface PlanAssessIndicatorsTable {
  id: Generated<string>;
  scheme_id: string;
  region_id: string;
  parent_id: string | null;
  level: 1 | 2 | 3;
  seq: number;
  title: string;
  points: number | null;
  method: 'auto' | 'manual' | 'veto' | null;
  measure: string | null;
  target: number | null;
  guidance: string | null;
}
/** A scoring round (平时/年终) with its weight in the year's total. */
export interface PlanAssessRoundsTable {
  id: Generated<string>;
  scheme_id: string;
  region_id: string;
  kind: 'routine' | 'year_end';
  title: string;
  period_from: DateCol;
  period_to: DateCol;
  weight: number;
  status: Generated<'scoring' | 'reviewed' | 'published'>;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  published_at: Timestamp | null;
}
/** One unit's score on one item in one round, with the reason for any deduction. */
export interface PlanAssessScoresTable {
  id: Generated<string>;
  round_id: string;
  item_id: string;
  region_id: string;
  unit_id: string;
  awarded: number | null;
  vetoed: boolean | null;
  reason: string | null;
  basis: Json | null;
  unit_note: string | null;
  scored_by: string | null;
  scored_at: Timestamp | null;
}

declare module '../../db/types.js' {
  interface Database {
    plan_plans: PlanPlansTable;
    plan_key_works: PlanKeyWorksTable;
    plan_tasks: PlanTasksTable;
    plan_task_units: PlanTaskUnitsTable;
    plan_entries: PlanEntriesTable;
    plan_assess_schemes: PlanAssessSchemesTable;
    plan_assess_indicators: PlanAssessIndicatorsTable;
    plan_assess_rounds: PlanAssessRoundsTable;
    plan_assess_scores: PlanAssessScoresTable;
  }
}

