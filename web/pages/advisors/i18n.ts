import type { EnglishOf } from '../../locales';
import { CONCLUSIONS, GRADES, LITIGATION_ROLES, REVIEW_TYPES, WORK_KINDS } from '../../../common/advisors';

const pick = (o: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v[lang]])) as Record<string, string>;

/** Strings of the legal-advisor pages, under `t('advisors.…')`. */
export const advisorsZh = {
  nav: { reviews: '法律顾问审查', firms: '法律顾问聘用', worklogs: '法律顾问工作日志' },
  detail: '审查事项',
  type: pick(REVIEW_TYPES, 'zh'),
  conclusion: pick(CONCLUSIONS, 'zh'),
  kind: pick(WORK_KINDS, 'zh'),
  role: pick(LITIGATION_ROLES, 'zh'),
  grade: pick(GRADES, 'zh'),
  status: { pending: '待指派', assigned: '办理中', concluded: '已出具意见', withdrawn: '已撤回' },
  reviews: {
    title: '法律顾问审查事项', inboxTitle: '我的审查事项', q: '按事项或送审单位查询', type: '审查类型', status: '办理状态', create: '送请审查', created: '已送审',
    col: { title: '事项名称', type: '审查类型', unit: '送审单位', requestedOn: '送审日期', assignee: '承办律所/律师', dueDate: '办理期限', status: '状态', conclusion: '审查结论' },
  },
  f: {
    type: '审查类型', unitId: '送审单位', title: '事项名称', summary: '送审说明', requestedOn: '送审日期', firmId: '律师事务所', advisorId: '法律顾问（可不指定）',
    assignedOn: '指派日期', dueDate: '办理期限', conclusion: '审查结论', opinion: '法律意见', reasons: '理由及依据', concludedOn: '出具日期',
    contractNo: '合同编号', signedOn: '签订日期', periodFrom: '聘期开始', periodTo: '聘期结束', scope: '服务范围', fee: '年度费用（元）',
    name: '姓名', kind: '类别', certificateNo: '执业证号', speciality: '专业特长', unit: '所在单位',
    workDate: '日期', clientUnitId: '服务单位', lawsuitId: '代理的行政应诉案件（选择后无需填写案号和法院）', caseRef: '案号', court: '审理法院', role: '代理身份', hours: '工时', description: '工作内容',
    year: '年度', total: '得分', grade: '等次', assessedOn: '考核日期', comment: '考核意见',
  },
  act: { assign: '指派', opinion: '出具意见', withdraw: '撤回', saved: '已保存', subject: '来源业务' },
  history: { request: '送审', assign: '指派法律顾问', opinion: '出具法律意见', withdraw: '撤回', upload: '上传附件' },
  fields: { status: '办理状态', due_date: '办理期限', assigned_on: '指派日期', conclusion: '审查结论', concluded_on: '出具日期' },
  firms: { title: '法律顾问聘用与考核', engagements: '聘用合同', people: '法律顾问', assessments: '年度考核', engage: '登记聘用合同', publicLawyer: '公职律师', firmLawyer: '执业律师' },
  worklogs: { title: '法律顾问工作日志', create: '记录工作', import: '导入工作日志' },
};

/** English strings of the legal-advisor pages. */
export const advisorsEn: EnglishOf<typeof advisorsZh> = {
  nav: { reviews: 'Advisor reviews', firms: 'Advisor engagements', worklogs: 'Advisor work log' },
  detail: 'Review request',
  type: pick(REVIEW_TYPES, 'en'),
  conclusion: pick(CONCLUSIONS, 'en'),
  kind: pick(WORK_KINDS, 'en'),
  role: pick(LITIGATION_ROLES, 'en'),
  grade: pick(GRADES, 'en'),
  status: { pending: 'Awaiting assignment', assigned: 'In progress', concluded: 'Opinion given', withdrawn: 'Withdrawn' },
  reviews: {
    title: 'Legal review requests', inboxTitle: 'My review requests', q: 'Search title or unit', type: 'Type', status: 'Status', create: 'Request a review', created: 'Request sent',
    col: { title: 'Title', type: 'Type', unit: 'Requesting unit', requestedOn: 'Requested', assignee: 'Firm / advisor', dueDate: 'Due', status: 'Status', conclusion: 'Conclusion' },
  },
  f: {
    type: 'Type', unitId: 'Requesting unit', title: 'Title', summary: 'Notes', requestedOn: 'Requested on', firmId: 'Law firm', advisorId: 'Advisor (optional)',
    assignedOn: 'Assigned on', dueDate: 'Due date', conclusion: 'Conclusion', opinion: 'Opinion', reasons: 'Reasons and basis', concludedOn: 'Given on',
    contractNo: 'Contract no.', signedOn: 'Signed on', periodFrom: 'From', periodTo: 'To', scope: 'Scope', fee: 'Annual fee (yuan)',
    name: 'Name', kind: 'Kind', certificateNo: 'Certificate no.', speciality: 'Speciality', unit: 'Unit',
    workDate: 'Date', clientUnitId: 'Client unit', lawsuitId: 'Lawsuit represented (then no case no. or court needed)', caseRef: 'Case no.', court: 'Court', role: 'Role', hours: 'Hours', description: 'Work done',
    year: 'Year', total: 'Score', grade: 'Grade', assessedOn: 'Assessed on', comment: 'Comment',
  },
  act: { assign: 'Assign', opinion: 'Give opinion', withdraw: 'Withdraw', saved: 'Saved', subject: 'From procedure' },
  history: { request: 'Requested', assign: 'Assigned', opinion: 'Opinion given', withdraw: 'Withdrawn', upload: 'Attachment uploaded' },
  fields: { status: 'Status', due_date: 'Due', assigned_on: 'Assigned on', conclusion: 'Conclusion', concluded_on: 'Given on' },
  firms: { title: 'Advisor engagements & assessment', engagements: 'Engagement contracts', people: 'Advisors', assessments: 'Annual assessment', engage: 'Record engagement', publicLawyer: 'Public lawyer', firmLawyer: 'Firm lawyer' },
  worklogs: { title: 'Advisor work log', create: 'Log work', import: 'Import work log' },
};
