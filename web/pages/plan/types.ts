/** API shapes of the plan module (what the server's presenters return). */
export interface PlanItem {
  id: string; regionId: string; year: number; kind: string; kindLabel: string; title: string; docNo: string | null; status: 'draft' | 'published';
  publishedAt: string | null; keyWorks?: number; tasks?: number; done?: number; canEdit?: boolean; canPublish?: boolean;
}
export interface RollUp { total: number; done: number; overdue: number; complete: boolean; progress: number | null }
export interface PlanDetail extends Omit<PlanItem, 'keyWorks'> {
  rollUp: RollUp;
  keyWorks: KeyWorkItem[];
}
export interface KeyWorkItem extends RollUp { id: string; seq: number; title: string; area: string | null }
export interface TaskItem {
  id: string; planId: string; planTitle: string; planStatus: string; year: number; keyWorkId: string; keyWorkTitle: string; code: string; title: string;
  content: string | null; expectedOutcome: string | null; leader: string | null; unitId: string; unitName: string; coUnits: { id: string; name: string }[];
  recurrence: string; recurrenceLabel: string; dueDate: string; currentDue: string | null; doneDate: string | null; status: string; statusLabel: string;
  latestReview: string | null; activeEntries: number; canReport: boolean; canEdit: boolean;
}
export interface EntryItem {
  id: string; taskId: string; unitId: string; unitName: string | null; entryDate: string; text: string; claimedStatus: 'in_progress' | 'done';
  review: 'pending' | 'accepted' | 'returned'; reviewLabel: string; reviewComment: string | null; createdAt: string; taskTitle?: string; planTitle?: string;
  author?: string; canEdit?: boolean; canReview?: boolean;
}
export interface Obligation { periodStart: string; periodEnd: string; due: string; metOn: string | null; entryId: string | null }
export interface TaskDetail extends TaskItem { obligations: Obligation[]; entries: EntryItem[] }
