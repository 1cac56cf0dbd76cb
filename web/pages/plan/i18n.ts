import type { EnglishOf } from '../../locales';
/** Strings of the plan pages (工作安排、台账、考核), under `t('plan.…')`. */
export const planZh = {
  nav: { plans: '工作安排', tasks: '推进台账', entries: '进展审核', assess: '依法行政考核', rules: '状态规则' },
  plans: {
    title: '年度工作安排', create: '新建计划', year: '年度', kind: '类别', kindLabel: '类别名称', titleCol: '计划名称', docNo: '文号', status: '状态',
    keyWorks: '重点工作', tasks: '重点任务', done: '已完成', created: '计划已创建（草稿），请导入或录入重点任务后印发',
    draft: '草稿', published: '已印发', q: '按计划名称查询',
  },
  plan: {
    detail: '计划详情', import: '从Excel导入任务', publish: '印发', publishConfirm: '印发后重点工作和任务不能再修改，任务将进入各牵头单位待办。确定印发吗？',
    published: '计划已印发', progress: '完成进度', overdue: '逾期', rollUp: '汇总规则', keyWork: '重点工作', area: '纲要领域',
  },
  tasks: {
    title: '推进台账', code: '序号', task: '重点任务', plan: '计划', keyWork: '重点工作', lead: '牵头单位', co: '配合单位', leader: '责任领导',
    due: '完成时限', currentDue: '当前期限', status: '状态', q: '按任务或重点工作查询', bulk: '按台账批量报送进展', bulkHint: '先导出台账，在“本次进展日期”“本次进展情况”“本次完成情况”三列填写后上传。',
    recurrence: '报送周期', outcome: '预期成果', content: '工作措施', obligations: '报送节点', period: '周期', metOn: '报送日期', onTime: '按时', late: '逾期报送', missing: '未报送',
  },
  entry: {
    title: '进展记录', report: '报送进展', date: '进展日期', period: '所报周期', periodHint: '按季度/按月报送的任务，请选择本次进展所报的周期（默认为进展日期所在周期）', text: '进展情况', claimed: '完成情况', in_progress: '推进中', done: '已完成', unit: '报送单位',
    review: '审核', accept: '采纳', return: '退回', comment: '退回意见', commentHint: '请写明需补充或修改的内容', edit: '修改重报', saved: '进展已报送，等待依法治区办审核',
    accepted: '已采纳', returnedMsg: '已退回', resubmitted: '已修改并重新报送', evidence: '佐证材料', none: '暂无进展记录', author: '填报人', evidencePick: '选择文件', evidenceHint: '随进展一并报送（PDF、图片、Word、Excel、OFD，可多选）', evidenceFailed: '进展已保存，但以下佐证材料未能上传，请在进展记录中补传：',
  },
  entries: { title: '进展审核', task: '任务', plan: '计划', unit: '报送单位', review: '审核状态' },
  assess: {
    title: '依法行政考核', year: '年度', noScheme: '本年度尚未制定考核细则', rounds: '考核轮次', weight: '权重', round: '轮次', period: '考核期间',
    compute: '按台账计算自动评分', computed: '已计算 {{count}} 项自动评分', review: '审核', reviewed: '已审核', publish: '公布', publishedMsg: '考核结果已公布',
    verify: '复核可重现性', consistent: '重新计算结果与已存评分一致', inconsistent: '有 {{count}} 项评分与记录不一致，请重新计算', results: '得分与排名',
    rank: '名次', unit: '单位', total: '得分', vetoed: '一票否决', sheet: '评分表', readiness: '满分差距', item: '评分项', points: '分值', nPoints: '{{n}}分', awarded: '得分', reason: '扣分理由',
    missing: '差距', todo: '待办事项', lost: '已失分原因', status: { scoring: '评分中', reviewed: '已审核', published: '已公布' }, tree: '考核细则', method: { auto: '自动', manual: '人工', veto: '否决项' },
    myUnit: '本单位',
  },
  status: { not_started: '未开始', in_progress: '推进中', due_soon: '临期', overdue: '逾期', done: '已完成', returned: '退回' },
  review: { pending: '待审核', accepted: '已采纳', returned: '已退回' },
  audit: { create: '新增', update: '修改', publish: '印发', import: '导入', accept: '采纳', return: '退回', resubmit: '修改重报', upload: '上传附件', compute: '计算评分', score: '评分', review: '审核' },
};

export const planEn: EnglishOf<typeof planZh> = {
  nav: { plans: 'Plans', tasks: 'Ledger', entries: 'Entry review', assess: 'Assessment', rules: 'Status rules' },
  plans: {
    title: 'Annual plans', create: 'New plan', year: 'Year', kind: 'Kind', kindLabel: 'Kind name', titleCol: 'Title', docNo: 'Document no.', status: 'Status',
    keyWorks: 'Key works', tasks: 'Tasks', done: 'Done', created: 'Plan created as a draft; import or add tasks, then publish',
    draft: 'Draft', published: 'Published', q: 'Search by title',
  },
  plan: {
    detail: 'Plan', import: 'Import tasks from Excel', publish: 'Publish', publishConfirm: 'After publication the key works and tasks cannot change and the tasks go to the lead units\' to-do lists. Publish?',
    published: 'Plan published', progress: 'Progress', overdue: 'Overdue', rollUp: 'Roll-up rules', keyWork: 'Key work', area: 'Outline area',
  },
  tasks: {
    title: 'Ledger', code: 'No.', task: 'Task', plan: 'Plan', keyWork: 'Key work', lead: 'Lead unit', co: 'Co-units', leader: 'Leader',
    due: 'Deadline', currentDue: 'Current deadline', status: 'Status', q: 'Search tasks', bulk: 'Bulk progress from the ledger', bulkHint: 'Export the ledger, fill in the three “本次” columns and upload it.',
    recurrence: 'Reporting', outcome: 'Expected outcome', content: 'Measures', obligations: 'Reporting dates', period: 'Period', metOn: 'Reported', onTime: 'On time', late: 'Late', missing: 'Missing',
  },
  entry: {
    title: 'Progress entries', report: 'Report progress', date: 'Date', period: 'Period reported', periodHint: 'For a quarterly or monthly task, choose the period this report is for (default: the period of its date)', text: 'Progress', claimed: 'Completion', in_progress: 'In progress', done: 'Done', unit: 'Unit',
    review: 'Review', accept: 'Accept', return: 'Return', comment: 'Comment', commentHint: 'Say what to add or correct', edit: 'Correct and resubmit', saved: 'Progress reported; waiting for review',
    accepted: 'Accepted', returnedMsg: 'Returned', resubmitted: 'Corrected and resubmitted', evidence: 'Evidence', none: 'No entries yet', author: 'Reported by', evidencePick: 'Choose files', evidenceHint: 'Sent with the report (PDF, images, Word, Excel, OFD; several at once)', evidenceFailed: 'The report is saved, but these files were not uploaded; add them from the entry row:',
  },
  entries: { title: 'Entry review', task: 'Task', plan: 'Plan', unit: 'Unit', review: 'Review' },
  assess: {
    title: 'Assessment', year: 'Year', noScheme: 'No assessment scheme for this year', rounds: 'Rounds', weight: 'Weight', round: 'Round', period: 'Period',
    compute: 'Compute automatic scores', computed: '{{count}} automatic scores computed', computed_one: '{{count}} automatic score computed', review: 'Review', reviewed: 'Reviewed', publish: 'Publish', publishedMsg: 'Results published',
    verify: 'Check reproducibility', consistent: 'Recomputed scores equal the stored ones', inconsistent: '{{count}} scores differ from the records; recompute', inconsistent_one: '{{count}} score differs from the records; recompute', results: 'Scores and ranking',
    rank: 'Rank', unit: 'Unit', total: 'Score', vetoed: 'Vetoed', sheet: 'Score sheet', readiness: 'Gap to full marks', item: 'Item', points: 'Points', nPoints: '{{n}} points', awarded: 'Awarded', reason: 'Reason',
    missing: 'Gap', todo: 'To do', lost: 'Points lost', status: { scoring: 'Scoring', reviewed: 'Reviewed', published: 'Published' }, tree: 'Scheme', method: { auto: 'Auto', manual: 'Manual', veto: 'Veto' },
    myUnit: 'My unit',
  },
  status: { not_started: 'Not started', in_progress: 'In progress', due_soon: 'Due soon', overdue: 'Overdue', done: 'Done', returned: 'Returned' },
  review: { pending: 'Pending', accepted: 'Accepted', returned: 'Returned' },
  audit: { create: 'Created', update: 'Updated', publish: 'Published', import: 'Imported', accept: 'Accepted', return: 'Returned', resubmit: 'Resubmitted', upload: 'Uploaded', compute: 'Computed', score: 'Scored', review: 'Reviewed' },
};

/** Colours of the derived task statuses. */
export const STATUS_COLORS: Record<string, string> = { not_started: 'default', in_progress: 'blue', due_soon: 'orange', overdue: 'red', done: 'green', returned: 'magenta' };
/** Colours of entry reviews. */
export const REVIEW_COLORS: Record<string, string> = { pending: 'gold', accepted: 'green', returned: 'red' };
