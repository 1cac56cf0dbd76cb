import { z } from 'zod';
import type { Generated } from 'kysely';
import type { DateStr as DateCol, Json, Timestamp } from '../../db/types.js';
import { DateStr, Id, ListQuery } from '../../../common/schemas.js';

/** Plan kinds with labels (zh/en). */
export const PLAN_KINDS = {
  gov_work: { zh: '法治政府建设工作安排', en: 'Rule-of-law government work plan' },
  district_points: { zh: '全面依法治区工作要点', en: 'Rule-of-law district key points' },
  reform: { zh: '放管服改革重点工作', en: '“Fang-guan-fu” reform key work' },
  custom: { zh: '其他计划', en: 'Other plan' },
} as const;
/** A plan kind. */
export type PlanKind = keyof typeof PLAN_KINDS;

/** Derived task status (never typed by anyone; see `STATUS_RULES` in service.ts). */
export const TASK_STATUS = {
  not_started: { zh: '未开始', en: 'Not started' },
  in_progress: { zh: '推进中', en: 'In progress' },
  due_soon: { zh: '临期', en: 'Due soon' },
  overdue: { zh: '逾期', en: 'Overdue' },
  done: { zh: '已完成', en: 'Done' },
  returned: { zh: '退回', en: 'Returned' },
} as const;
/** A derived task status. */
export type TaskStatus = keyof typeof TASK_STATUS;

/** Recurrence of a task's reporting deadline. */
export const RECURRENCE = {
  none: { zh: '按期完成', en: 'One deadline' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  monthly: { zh: '每月', en: 'Monthly' },
} as const;
/** A recurrence. */
export type Recurrence = keyof typeof RECURRENCE;

/** Review states of a ledger entry. */
export const REVIEW = {
  pending: { zh: '待审核', en: 'Pending review' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
} as const;

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

const kinds = Object.keys(PLAN_KINDS) as [PlanKind, ...PlanKind[]];
const statuses = Object.keys(TASK_STATUS) as [TaskStatus, ...TaskStatus[]];
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** Create or edit a plan (draft). */
export const PlanInput = z.object({
  /** Region the plan governs (defaults to the office's region). */
  regionId: Id.optional(),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(kinds),
  /** Name of the kind for `custom` plans. */
  kindLabel: text(2, 40).nullish(),
  title: text(2, 200),
  docNo: text(1, 60).nullish(),
}).refine((p) => p.kind !== 'custom' || !!p.kindLabel, { message: '自定义计划须填写计划类别名称', path: ['kindLabel'] });

/** Add a key work to a draft plan. */
export const KeyWorkInput = z.object({
  title: text(2, 200),
  /** 纲要 area it implements (e.g. 依法全面履行政府职能). */
  area: text(2, 60).nullish(),
});

/** Add or edit a task of a draft plan. */
export const TaskInput = z.object({
  keyWorkId: Id,
  title: text(2, 300),
  content: text(1, 2000).nullish(),
  expectedOutcome: text(1, 500).nullish(),
  /** 牵头单位. */
  unitId: Id,
  /** 配合单位. */
  coUnitIds: z.array(Id).max(40).default([]),
  /** 责任领导. */
  leader: text(1, 40).nullish(),
  recurrence: z.enum(['none', 'quarterly', 'monthly']).default('none'),
  /** Completion date (for recurring tasks: the end of the last period). */
  dueDate: DateStr,
});

/** A progress entry reported by a unit. */
export const EntryInput = z.object({
  /** Date the progress refers to (进展日期). */
  entryDate: DateStr,
  text: text(2, 4000),
  claimedStatus: z.enum(['in_progress', 'done']),
  /** Reporting unit (lead or co-unit); defaults to the reporter's unit, or the lead unit for the office. */
  unitId: Id.optional(),
});

/** The office's review of an entry. */
export const ReviewInput = z.object({
  decision: z.enum(['accept', 'return']),
  comment: text(2, 1000).optional(),
}).refine((r) => r.decision !== 'return' || !!r.comment, { message: '退回时须填写退回意见', path: ['comment'] });

/** Ledger list filters. */
export const TaskListQuery = ListQuery.extend({
  planId: Id.optional(),
  unitId: Id.optional(),
  status: z.enum(statuses).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(kinds).optional(),
});
/** Plan list filters. */
export const PlanListQuery = ListQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(kinds).optional(),
  status: z.enum(['draft', 'published']).optional(),
});
/** Entry list filters (review queue). */
export const EntryListQuery = ListQuery.extend({
  review: z.enum(['pending', 'accepted', 'returned']).optional(),
  taskId: Id.optional(),
  unitId: Id.optional(),
});

/** Assessment scheme (考核细则) with its indicator tree and rounds, created in one go. */
export const SchemeInput = z.object({
  regionId: Id.optional(),
  year: z.number().int().min(2000).max(2100),
  title: text(2, 200),
  indicators: z.array(z.object({
    title: text(2, 200),
    children: z.array(z.object({
      title: text(2, 200),
      items: z.array(z.object({
        title: text(2, 300),
        /** auto: from a ledger measure; manual: the office scores with evidence; veto: 一票否决 item. */
        method: z.enum(['auto', 'manual', 'veto']),
        points: z.number().positive().max(100).optional(),
        measure: z.enum(['plan.onTimeEntryRate', 'plan.completionRate']).optional(),
        /** Rate (%) that earns full points for an auto item (default 100). */
        target: z.number().positive().max(100).optional(),
        guidance: text(1, 1000).optional(),
      }).refine((i) => (i.method === 'veto') === (i.points === undefined), { message: '一票否决项不设分值，其他评分项须设分值', path: ['points'] })
        .refine((i) => i.method !== 'auto' || !!i.measure, { message: '自动评分项须指定计算依据', path: ['measure'] })).min(1).max(50),
    })).min(1).max(30),
  })).min(1).max(20),
  rounds: z.array(z.object({
    kind: z.enum(['routine', 'year_end']),
    title: text(2, 100),
    periodFrom: DateStr,
    periodTo: DateStr,
    weight: z.number().positive().max(100),
  })).min(1).max(13).refine((rs) => Math.abs(rs.reduce((s, r) => s + r.weight, 0) - 100) < 1e-9, { message: '各轮次权重之和须为100' }),
});

/** The office scores a manual or veto item for a unit. */
export const ScoreInput = z.object({
  unitId: Id,
  itemId: Id,
  awarded: z.number().min(0).max(100).optional(),
  vetoed: z.boolean().optional(),
  reason: text(2, 1000).optional(),
});
/** A unit's note (and evidence, as attachments) on a manual item. */
export const UnitNoteInput = z.object({ itemId: Id, note: text(2, 2000) });
