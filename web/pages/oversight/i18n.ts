import { AUDIT_KINDS, AUDIT_STATUSES, ITEM_KINDS, ITEM_STATUSES, RESULT_CLASSES, SATISFACTION, ASSIGNMENT_ROLES } from '../../../common/oversight';

const pick = (o: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v[lang]])) as Record<string, string>;

/** Strings of the oversight pages, under `t('oversight.…')`. */
export const oversightZh = {
  nav: { items: '建议提案办理', audits: '审计监督' },
  detail: '建议提案详情',
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
  },
  audits: {
    title: '审计项目', q: '按项目、编号或姓名查询', kindF: '审计类型', statusF: '状态',
    col: { auditNo: '审计编号', title: '项目/对象', unit: '被审计单位', submitted: '送审金额（元）', approved: '审定金额（元）', reduction: '审减金额（元）', rate: '审减率', concludedOn: '审计结论日期', status: '状态' },
  },
};
export const oversightEn: typeof oversightZh = {
  nav: { items: 'Suggestions & proposals', audits: 'Audits' },
  detail: 'Suggestion / proposal',
  kind: pick(ITEM_KINDS, 'en'), status: pick(ITEM_STATUSES, 'en'), resultClass: pick(RESULT_CLASSES, 'en'), satisfaction: pick(SATISFACTION, 'en'), role: pick(ASSIGNMENT_ROLES, 'en'),
  auditKind: pick(AUDIT_KINDS, 'en'), auditStatus: pick(AUDIT_STATUSES, 'en'),
  items: {
    title: 'NPC suggestions and CPPCC proposals', q: 'Search title or number', kindF: 'Kind', statusF: 'Status', yearF: 'Year',
    col: { number: 'No.', title: 'Title', kind: 'Kind', proposers: 'Proposers', lead: 'Lead unit', receivedOn: 'Received', dueDate: 'Reply due', status: 'Status', satisfaction: 'Satisfaction' },
  },
  d: {
    session: 'Session', category: 'Category', content: 'Content', assignedOn: 'Assigned on', hard: 'Hard (6 months)', hardReason: 'Reason', repliedOn: 'Replied on', reply: 'Reply',
    resultClass: 'Result', satisfaction: 'Proposer’s opinion', secondDueDate: 'Second reply due', secondRepliedOn: 'Second reply on', secondReply: 'Second reply',
    assignments: 'Handling units', contacts: 'Contacts', unit: 'Unit', role: 'Role', returnBy: 'Return by', opinion: 'Opinion', opinionDue: 'Opinion due', returned: 'Returned',
    contactedOn: 'Date', method: 'Method', note: 'Note', none: 'None',
  },
  audits: {
    title: 'Audits', q: 'Search project, number or name', kindF: 'Kind', statusF: 'Status',
    col: { auditNo: 'No.', title: 'Project / official', unit: 'Audited unit', submitted: 'Submitted (yuan)', approved: 'Approved (yuan)', reduction: 'Reduction (yuan)', rate: 'Rate', concludedOn: 'Concluded', status: 'Status' },
  },
};
