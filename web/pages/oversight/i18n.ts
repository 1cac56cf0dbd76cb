import type { EnglishOf } from '../../locales';
import { AUDIT_KINDS, AUDIT_STATUSES, ITEM_KINDS, ITEM_STATUSES, RESULT_CLASSES, SATISFACTION, ASSIGNMENT_ROLES, REPORT_STATUSES } from '../../../common/oversight';

const pick = (o: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v[lang]])) as Record<string, string>;

/** Strings of the oversight pages, under `t('oversight.…')`. */
export const oversightZh = {
  deadlines: { title: '办理期限', what: '事项', due: '期限' },
  nav: { items: '建议提案办理', audits: '审计监督', reports: '建议提案办理情况报告' },
  reports: {
    title: '建议提案办理情况报告', detail: '办理情况报告', generate: '生成年度报告', regenerate: '按最新记录重新生成', review: '审核', publish: '公开', year: '年度', foreword: '前言（说明，不含数字）',
    reviewedOn: '审核日期', opinion: '审核意见', publishedOn: '公开日期', generatedAt: '生成时间', status: pick(REPORT_STATUSES, 'zh'),
    col: { year: '年度', title: '标题', status: '状态', generatedAt: '生成时间', reviewedOn: '审核日期', publishedOn: '公开日期' },
    fig: {
      title: '办理情况统计（由办理记录生成）', kind: '类别', npc: '人大代表建议', cppcc: '政协提案', total: '合计', received: '承办件数', replied: '已答复', inHand: '办理中', onTime: '按期答复',
      onTimeRate: '按期答复率', contactRate: '答复前沟通率', satisfactionRate: '满意率', satisfied: '满意', basically: '基本满意', unsatisfied: '不满意', second: '再次答复',
      units: '各主办单位办理情况', unit: '主办单位', classes: '办理结果（A/B/C/D）', noData: '无数据', text: '报告正文',
    },
    publicTitle: '建议提案办理情况报告', publicEmpty: '尚未公开办理情况报告',
  },
  detail: '建议提案详情',
  auditDetail: '审计项目详情',
  numberOf: { npc_suggestion: '建议第{{n}}号', cppcc_proposal: '提案第{{n}}号' },
  actions: {
    done: '已保存', register: '登记建议提案', import: '从 Excel 导入', newAudit: '登记审计项目',
    assign: '交办', contact: '记录沟通', reply: '答复', secondReply: '再次答复', satisfaction: '登记代表（委员）意见', return: '退回交办', opinion: '提出会办意见',
  },
  kind: pick(ITEM_KINDS, 'zh'), status: pick(ITEM_STATUSES, 'zh'), resultClass: pick(RESULT_CLASSES, 'zh'), satisfaction: pick(SATISFACTION, 'zh'), role: pick(ASSIGNMENT_ROLES, 'zh'),
  auditKind: pick(AUDIT_KINDS, 'zh'), auditStatus: pick(AUDIT_STATUSES, 'zh'),
  items: {
    title: '人大代表建议和政协提案', q: '按标题或编号查询', kindF: '类别', statusF: '办理状态', yearF: '年度',
    col: { number: '编号', title: '标题', kind: '类别', proposers: '提出人', lead: '主办单位', receivedOn: '收到日期', dueDate: '答复期限', status: '状态', satisfaction: '满意度' },
  },
  d: {
    session: '届次', category: '内容分类', content: '内容', assignedOn: '交办日期', hard: '难度大（六个月答复）', hardReason: '延期理由', repliedOn: '答复日期', reply: '答复内容',
    resultClass: '办理结果', satisfaction: '代表（委员）意见', secondDueDate: '再次答复期限', secondRepliedOn: '再次答复日期', secondReply: '再次答复内容',
    assignments: '承办单位', contacts: '沟通情况', unit: '单位', role: '承办方式', returnBy: '可退回至', opinion: '会办意见', opinionDue: '会办意见期限', returned: '已退回',
    contactedOn: '沟通日期', method: '方式', note: '情况', none: '暂无',
    leadUnit: '主办单位', coUnits: '会办单位', satisfactionOn: '登记日期', returnedOn: '退回日期', returnReason: '退回理由', opinionOn: '会办意见日期', actions: '操作', proposersHint: '提出人（可输入多人，回车分隔）',
  },
  audits: {
    title: '审计项目', q: '按项目、编号或姓名查询', kindF: '审计类型', statusF: '状态',
    f: {
      title: '审计项目名称', startOn: '审计实施日期', projectName: '建设项目名称', personName: '被审计领导干部', post: '职务', periodFrom: '审计期间起', periodTo: '审计期间止', period: '审计期间',
      noticeOn: '审计通知书送达日期', reportSentOn: '审计报告征求意见日期', commentsDue: '书面意见期限', commentsOn: '书面意见日期', comments: '被审计单位书面意见', findings: '审计发现的问题和结论',
      isIncrease: '审增（审定金额大于送审金额）', publishedOn: '结果公告日期', publicationRef: '公告载体及文号', rectifications: '审计整改', issue: '问题', requirement: '整改要求', dueOn: '整改期限', report: '整改情况', reportedOn: '报告日期',
    },
    step: { notice: '送达审计通知书', report: '送审计报告征求意见', comments: '登记书面意见', conclude: '出具审计结论', publish: '公告审计结果', rectify: '新增整改事项', reportRect: '报告整改情况' },
    rectStatus: { open: '整改中', done: '已整改' },
    col: { auditNo: '审计编号', title: '项目/对象', unit: '被审计单位', submitted: '送审金额（元）', approved: '审定金额（元）', reduction: '审减金额（元）', rate: '审减率', concludedOn: '审计结论日期', status: '状态' },
  },
};
export const oversightEn: EnglishOf<typeof oversightZh> = {
  deadlines: { title: 'Deadlines', what: 'What is due', due: 'Due' },
  nav: { items: 'Suggestions & proposals', audits: 'Audits', reports: 'Handling reports' },
  reports: {
    title: 'Handling reports of suggestions and proposals', detail: 'Handling report', generate: 'Generate the year\'s report', regenerate: 'Regenerate from the records', review: 'Review', publish: 'Publish', year: 'Year', foreword: 'Foreword (prose, no figures)',
    reviewedOn: 'Reviewed on', opinion: 'Review opinion', publishedOn: 'Published on', generatedAt: 'Generated at', status: pick(REPORT_STATUSES, 'en'),
    col: { year: 'Year', title: 'Title', status: 'Status', generatedAt: 'Generated at', reviewedOn: 'Reviewed on', publishedOn: 'Published on' },
    fig: {
      title: 'Figures (generated from the records)', kind: 'Kind', npc: 'NPC suggestions', cppcc: 'CPPCC proposals', total: 'Total', received: 'Received', replied: 'Replied', inHand: 'In hand', onTime: 'On time',
      onTimeRate: 'On-time rate', contactRate: 'Contact rate', satisfactionRate: 'Satisfaction', satisfied: 'Satisfied', basically: 'Basically', unsatisfied: 'Unsatisfied', second: 'Second replies',
      units: 'By lead unit', unit: 'Lead unit', classes: 'Result (A/B/C/D)', noData: 'No data', text: 'Report text',
    },
    publicTitle: 'Handling reports of suggestions and proposals', publicEmpty: 'No handling report published yet',
  },
  detail: 'Suggestion / proposal',
  auditDetail: 'Audit',
  numberOf: { npc_suggestion: 'Suggestion No. {{n}}', cppcc_proposal: 'Proposal No. {{n}}' },
  actions: {
    done: 'Saved', register: 'Register an item', import: 'Import from Excel', newAudit: 'Register an audit',
    assign: 'Assign', contact: 'Record a contact', reply: 'Reply', secondReply: 'Second reply', satisfaction: 'Record satisfaction', return: 'Return the assignment', opinion: 'Send co-opinion',
  },
  kind: pick(ITEM_KINDS, 'en'), status: pick(ITEM_STATUSES, 'en'), resultClass: pick(RESULT_CLASSES, 'en'), satisfaction: pick(SATISFACTION, 'en'), role: pick(ASSIGNMENT_ROLES, 'en'),
  auditKind: pick(AUDIT_KINDS, 'en'), auditStatus: pick(AUDIT_STATUSES, 'en'),
  items: {
    title: 'NPC suggestions and CPPCC proposals', q: 'Search title or number', kindF: 'Kind', statusF: 'Status', yearF: 'Year',
    col: { number: 'No.', title: 'Title', kind: 'Kind', proposers: 'Proposers', lead: 'Lead unit', receivedOn: 'Received', dueDate: 'Reply due', status: 'Status', satisfaction: 'Satisfaction' },
  },
  d: {
    session: 'Session', category: 'Category', content: 'Content', assignedOn: 'Assigned on', hard: 'Hard (6 months)', hardReason: 'Reason', repliedOn: 'Replied on', reply: 'Reply',
    resultClass: 'Result', satisfaction: 'Proposer\'s opinion', secondDueDate: 'Second reply due', secondRepliedOn: 'Second reply on', secondReply: 'Second reply',
    assignments: 'Handling units', contacts: 'Contacts', unit: 'Unit', role: 'Role', returnBy: 'Return by', opinion: 'Opinion', opinionDue: 'Opinion due', returned: 'Returned',
    contactedOn: 'Date', method: 'Method', note: 'Note', none: 'None',
    leadUnit: 'Lead unit', coUnits: 'Co-handling units', satisfactionOn: 'Recorded on', returnedOn: 'Returned on', returnReason: 'Reason for return', opinionOn: 'Opinion date', actions: 'Actions', proposersHint: 'Proposers (press Enter after each)',
  },
  audits: {
    title: 'Audits', q: 'Search project, number or name', kindF: 'Kind', statusF: 'Status',
    f: {
      title: 'Title', startOn: 'Audit starts', projectName: 'Project', personName: 'Official audited', post: 'Post', periodFrom: 'Period from', periodTo: 'Period to', period: 'Period audited',
      noticeOn: 'Notice served', reportSentOn: 'Report sent for comments', commentsDue: 'Comments due', commentsOn: 'Comments received', comments: 'Auditee\'s comments', findings: 'Findings and conclusion',
      isIncrease: 'Increase (approved above submitted)', publishedOn: 'Results published', publicationRef: 'Where published', rectifications: 'Rectification', issue: 'Issue', requirement: 'Requirement', dueOn: 'Due', report: 'Report', reportedOn: 'Reported on',
    },
    step: { notice: 'Serve the notice', report: 'Send the report for comments', comments: 'Record comments', conclude: 'Conclude', publish: 'Publish the results', rectify: 'Add a rectification item', reportRect: 'Report rectification' },
    rectStatus: { open: 'Open', done: 'Done' },
    col: { auditNo: 'No.', title: 'Project / official', unit: 'Audited unit', submitted: 'Submitted (yuan)', approved: 'Approved (yuan)', reduction: 'Reduction (yuan)', rate: 'Rate', concludedOn: 'Concluded', status: 'Status' },
  },
};
