import { defineSheet } from '../../core/excel/index.js';

/** One row of the decision ledger (export). */
export interface DecisionLedgerRow {
  title: string;
  unit: string;
  category: string;
  launchedOn: string;
  state: string;
  commentPeriod?: string;
  legality?: string;
  meeting?: string;
  decidedOn?: string;
  publishedOn?: string;
  archivedOn?: string;
}

/** The major-decision ledger (重大行政决策台账). */
export const decisionSheet = defineSheet<DecisionLedgerRow>({
  name: '重大行政决策台账',
  columns: [
    { key: 'title', header: '决策事项', headerEn: 'Decision', width: 40 },
    { key: 'unit', header: '承办单位', headerEn: 'Lead unit', width: 24 },
    { key: 'category', header: '事项类别', headerEn: 'Category', width: 28 },
    { key: 'launchedOn', header: '立项日期', headerEn: 'Launched', type: 'date' },
    { key: 'state', header: '办理阶段', headerEn: 'Stage' },
    { key: 'commentPeriod', header: '公开征求意见期', headerEn: 'Comment period', width: 26 },
    { key: 'legality', header: '合法性审查', headerEn: 'Legality review', width: 28 },
    { key: 'meeting', header: '决定会议', headerEn: 'Meeting', width: 28 },
    { key: 'decidedOn', header: '决定日期', headerEn: 'Decided', type: 'date' },
    { key: 'publishedOn', header: '公布日期', headerEn: 'Published', type: 'date' },
    { key: 'archivedOn', header: '归档日期', headerEn: 'Archived', type: 'date' },
  ],
});
