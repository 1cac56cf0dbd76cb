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
  /**
   * For a quarterly or monthly task: the last day of the period the report is for (the reporter
   * chooses; default: the period containing the entry date). Ignored for a one-off task.
   */
  periodEnd: DateStr.nullish(),
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

// ---------------------------------------------------------------- responses (what each endpoint exposes)

const recurrences = Object.keys(RECURRENCE) as [Recurrence, ...Recurrence[]];
const reviews = Object.keys(REVIEW) as [keyof typeof REVIEW, ...(keyof typeof REVIEW)[]];
/** An instant as ISO 8601 text. */
const Instant = z.string();

/** A plan as listed and returned by writes. */
export const PlanOut = z.object({
  id: z.string(), regionId: z.string(), year: z.number().int(), kind: z.enum(kinds), kindLabel: z.string(), title: z.string(), docNo: z.string().nullable(),
  status: z.enum(['draft', 'published']), publishedAt: Instant.nullable(),
});
/** A plan in the list, with its counts. */
export const PlanListItemOut = PlanOut.extend({ keyWorks: z.number().int(), tasks: z.number().int(), done: z.number().int() });
/** Roll-up of task statuses (a count, never an average of percentages). */
export const RollUpOut = z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int(), complete: z.boolean(), progress: z.number().nullable() });
/** A key work with its roll-up. */
export const KeyWorkRollUpOut = RollUpOut.extend({ id: z.string(), seq: z.number().int(), title: z.string(), area: z.string().nullable() });
/** A plan's detail page. */
export const PlanDetailOut = PlanOut.extend({ canEdit: z.boolean(), canPublish: z.boolean(), rollUp: RollUpOut, keyWorks: z.array(KeyWorkRollUpOut) });
/** A key work as created. */
export const KeyWorkOut = z.object({ id: z.string(), planId: z.string(), seq: z.number().int(), title: z.string(), area: z.string().nullable() });

/** A task of the ledger, with its derived status and the reader's abilities. */
export const TaskOut = z.object({
  id: z.string(), planId: z.string(), planTitle: z.string(), planStatus: z.enum(['draft', 'published']), year: z.number().int(), keyWorkId: z.string(), keyWorkTitle: z.string(),
  code: z.string(), title: z.string(), content: z.string().nullable(), expectedOutcome: z.string().nullable(), leader: z.string().nullable(),
  unitId: z.string(), unitName: z.string(), coUnits: z.array(z.object({ id: z.string(), name: z.string() })), recurrence: z.enum(recurrences), recurrenceLabel: z.string(),
  dueDate: z.string(), currentDue: z.string().nullable(), doneDate: z.string().nullable(), status: z.enum(statuses), statusLabel: z.string(),
  latestReview: z.enum(reviews).nullable(), activeEntries: z.number().int(), canReport: z.boolean(), canEdit: z.boolean(),
});
/** A task as created or edited. */
export const TaskSavedOut = z.object({ id: z.string(), keyWorkId: z.string(), seq: z.number().int(), title: z.string(), unitId: z.string(), dueDate: z.string(), recurrence: z.enum(recurrences) });
/** A ledger entry. */
export const EntryOut = z.object({
  id: z.string(), taskId: z.string(), unitId: z.string(), unitName: z.string().nullable(), entryDate: z.string(),
  /** The period (its last day) a periodic task's report is for; null for a one-off task. */
  periodEnd: z.string().nullable(),
  text: z.string(), claimedStatus: z.enum(['in_progress', 'done']), review: z.enum(reviews), reviewLabel: z.string(), reviewComment: z.string().nullable(), createdAt: Instant,
  taskTitle: z.string().optional(), planTitle: z.string().optional(), author: z.string().nullable().optional(), canEdit: z.boolean().optional(), canReview: z.boolean().optional(),
});
/** One reporting obligation of a task and how the ledger met it. */
export const ObligationOut = z.object({ periodStart: z.string(), periodEnd: z.string(), due: z.string(), metOn: z.string().nullable(), entryId: z.string().nullable() });
/** A reporting period a periodic task's report can be for. */
export const PeriodOut = z.object({ periodStart: z.string(), periodEnd: z.string() });
/** A task's detail: its obligations, periods and entries. */
export const TaskDetailOut = TaskOut.extend({ obligations: z.array(ObligationOut), periods: z.array(PeriodOut), entries: z.array(EntryOut) });
/** The status and roll-up rules as shown to users. */
export const RulesOut = z.object({
  statuses: z.array(z.object({ order: z.number().int(), status: z.enum(statuses), label: z.string(), rule: z.string() })),
  rollUp: z.array(z.string()),
  kinds: z.array(z.object({ kind: z.enum(kinds), label: z.string() })),
  assessment: z.object({ measures: z.array(z.object({ id: z.string(), label: z.string() })), unitTypes: z.array(z.string()) }),
});

const roundStatuses = z.enum(['scoring', 'reviewed', 'published']);
/** An assessment scheme as listed or created. */
export const SchemeOut = z.object({ id: z.string(), regionId: z.string(), year: z.number().int(), title: z.string() });
const IndicatorFields = {
  id: z.string(), title: z.string(), level: z.number().int(), seq: z.number().int(), points: z.number().nullable(),
  method: z.enum(['auto', 'manual', 'veto']).nullable(), measure: z.string().nullable(), target: z.number().nullable(), guidance: z.string().nullable(),
};
/** An item (level 3) of the indicator tree. */
export const IndicatorItemOut = z.object({ ...IndicatorFields, children: z.array(z.never()) });
/** A sub-indicator (level 2) with its items. */
export const SubIndicatorOut = z.object({ ...IndicatorFields, children: z.array(IndicatorItemOut) });
/** An indicator (level 1) with its sub-indicators. */
export const IndicatorOut = z.object({ ...IndicatorFields, children: z.array(SubIndicatorOut) });
/** A scoring round. */
export const RoundOut = z.object({ id: z.string(), kind: z.enum(['routine', 'year_end']), title: z.string(), periodFrom: z.string(), periodTo: z.string(), weight: z.number(), status: roundStatuses });
/** A scheme with its indicator tree and rounds. */
export const SchemeDetailOut = z.object({ id: z.string(), year: z.number().int(), title: z.string(), totalPoints: z.number(), tree: z.array(IndicatorOut), rounds: z.array(RoundOut) });
/** A unit's place in a round's or a year's ranking. */
export const RankOut = z.object({ unitId: z.string(), unitName: z.string(), total: z.number(), vetoed: z.boolean(), rank: z.number().int() });
/** A year's results. */
export const SchemeResultsOut = z.object({
  schemeId: z.string(), complete: z.boolean(),
  rounds: z.array(z.object({ id: z.string(), title: z.string(), weight: z.number(), status: roundStatuses })),
  items: z.array(RankOut.extend({ rounds: z.record(z.string(), z.number()) })),
});
/** A round's results. */
export const RoundResultsOut = z.object({ roundId: z.string(), status: roundStatuses, items: z.array(RankOut) });
/** The office's recomputation check. */
export const VerifyOut = z.object({
  consistent: z.boolean(), checked: z.number().int(),
  differences: z.array(z.object({ unitId: z.string(), itemId: z.string(), stored: z.number().nullable(), recomputed: z.number() })),
});
/** A round's state after a step of its workflow. */
export const RoundStateOut = z.object({ id: z.string(), status: roundStatuses });
/** A score as recorded. */
export const ScoreOut = z.object({ id: z.string(), unitId: z.string(), itemId: z.string(), awarded: z.number().nullable(), vetoed: z.boolean().nullable(), reason: z.string().nullable() });
/** A unit's note as recorded. */
export const UnitNoteOut = z.object({ id: z.string(), itemId: z.string(), unitId: z.string(), note: z.string().nullable() });
/** One line of a unit's score sheet. */
export const SheetLineOut = z.object({
  itemId: z.string(), indicator: z.string(), subIndicator: z.string(), order: z.array(z.number()), title: z.string(), method: z.enum(['auto', 'manual', 'veto']).nullable(),
  points: z.number().nullable(), awarded: z.number().nullable(), vetoed: z.boolean().nullable(), reason: z.string().nullable(), basis: z.unknown(),
  unitNote: z.string().nullable(), scoreId: z.string().nullable(), scored: z.boolean(),
});
/** A unit's score sheet for a round. */
export const SheetOut = z.object({
  roundId: z.string(), roundTitle: z.string(), status: roundStatuses, unit: z.object({ id: z.string(), name: z.string() }),
  total: z.number(), fullMarks: z.number(), vetoed: z.boolean(), lines: z.array(SheetLineOut),
});
/** What a unit is missing for full marks in a round. */
export const ReadinessOut = z.object({
  roundId: z.string(), roundTitle: z.string(), unitId: z.string(), missingPoints: z.number(),
  lines: z.array(z.object({
    itemId: z.string(), title: z.string(), method: z.enum(['auto', 'manual', 'veto']).nullable(), points: z.number().nullable(), current: z.number().nullable(),
    missingPoints: z.number(), todo: z.array(z.string()), lost: z.array(z.string()),
  })),
});
