/** Plan module: labels and request schemas shared by the server and the web app. */
import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';

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
