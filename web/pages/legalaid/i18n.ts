import type { EnglishOf } from '../../locales';
/** Strings of the public legal service pages (法律援助、法律帮助、律师服务团), under `t('legalaid.…')`. */
export const legalaidZh = {
  monthly: { button: '统计月报表', title: '统计月报表（本月及本年累计）', hint: '按您的查看范围计算，逐项统计本月和本年累计数。', download: '下载月报表' },
  nav: { cases: '法律援助案件', services: '法律帮助与服务团' },
  status: { received: '待审查', refused: '不予援助', objected: '异议审查中', granted: '待指派', assigned: '承办中', closed: '已结案' },
  list: {
    title: '法律援助案件', caseNo: '案件编号', person: '受援人', caseType: '案件类型', origin: '来源', status: '状态', receivedOn: '收到日期',
    lawyer: '承办律师', due: '期限', q: '按姓名、编号、事项查询', apply: '受理申请', notify: '登记通知辩护', year: '年度', import: '导入案件台账',
  },
  form: {
    unit: '法律援助机构', caseType: '案件类型', serviceForm: '援助形式', personName: '申请人（受援人）姓名', idNumber: '身份证号码', phone: '联系电话',
    matter: '申请事项', receivedOn: '收到申请日期', notifyingOrgan: '通知机关类别', notifyingOrganName: '通知机关名称', mandatoryCategory: '应当通知辩护情形', notifiedOn: '收到通知日期',
    decidedOn: '决定日期', granted: '审查结论', grant: '给予法律援助', refuse: '不予法律援助', hardshipBasis: '经济困难认定', exemption: '免予审查情形',
    monthlyIncome: '家庭人均月收入（元）', refusalReasons: '不予援助理由（书面告知）', lateReason: '逾期原因',
    objectedOn: '收到异议日期', reasons: '异议理由', reviewedOn: '审查日期', upheld: '审查结论', upheldYes: '异议成立，责令给予援助', upheldNo: '维持原决定', opinion: '审查意见',
    lawyerId: '承办律师', assignedOn: '指派日期', possibleSentence: '可能判处', life: '无期徒刑', death: '死刑', none: '否',
    on: '日期', note: '进展情况', closedOn: '结案日期', result: '结案情况', materialsComplete: '结案材料已齐全', grade: '质量评查等级', comment: '评查意见', subsidy: '办案补贴（元）',
  },
  action: { decide: '审查决定', object: '登记异议', review: '审查异议', assign: '指派律师', progress: '记录进展', close: '结案', quality: '质量评查与补贴' },
  detail: {
    title: '案件详情', deadlines: '办理期限', basic: '基本情况', decision: '审查决定', assignment: '指派与承办', progress: '承办进展', standard: '适用经济困难标准',
    yuan: '元', none: '—', done: '已办结', open: '进行中', cancelled: '已取消', masked: '（已脱敏）',
  },
  history: {
    open: '查阅案件', receive_application: '受理申请', receive_notification: '登记通知辩护（代理）', grant: '决定给予法律援助', refuse: '决定不予法律援助', object: '登记异议',
    objection_upheld: '异议成立，责令给予援助', objection_dismissed: '异议不成立，维持原决定', assign: '指派律师', progress: '记录承办进展', close: '结案', quality_review: '质量评查与补贴',
  },
  services: {
    help: '法律帮助', teams: '律师服务团', checkups: '企业法治体检', record: '登记法律帮助', servedOn: '服务日期', channel: '渠道', form: '形式', matterType: '事项类型',
    personName: '当事人', summary: '内容摘要', unit: '服务单位', name: '名称', formedOn: '成立日期', lawyers: '成员律师', checkupCount: '体检次数',
    checkedOn: '体检日期', enterprise: '企业', ownership: '性质', issues: '发现问题', recommendations: '法律建议', followUp: '跟踪整改',
    roster: '法律援助律师名册', registerLawyer: '登记律师', lawyerName: '姓名', firm: '执业机构', licenceNo: '执业证号', practiceSince: '首次执业日期', practisingSince: '{{date}}起执业',
    formTeam: '组建律师服务团', focus: '服务重点', recordCheckup: '登记法治体检', team: '律师服务团', creditCode: '统一社会信用代码',
  },
};
export const legalaidEn: EnglishOf<typeof legalaidZh> = {
  monthly: { button: 'Monthly statistics', title: 'Monthly statistics (month and year to date)', hint: 'Computed within what you can see: each item for the month and the year to date.', download: 'Download the table' },
  nav: { cases: 'Legal aid cases', services: 'Legal help & teams' },
  status: { received: 'Awaiting decision', refused: 'Refused', objected: 'Objection under review', granted: 'Awaiting assignment', assigned: 'In progress', closed: 'Closed' },
  list: {
    title: 'Legal aid cases', caseNo: 'Case no.', person: 'Person', caseType: 'Type', origin: 'Origin', status: 'Status', receivedOn: 'Received',
    lawyer: 'Lawyer', due: 'Due', q: 'Search name, number, matter', apply: 'Take an application', notify: 'Record a notification', year: 'Year', import: 'Import case ledger',
  },
  form: {
    unit: 'Legal aid office', caseType: 'Case type', serviceForm: 'Service form', personName: 'Applicant', idNumber: 'ID number', phone: 'Phone',
    matter: 'Matter', receivedOn: 'Received on', notifyingOrgan: 'Notifying organ', notifyingOrganName: 'Organ name', mandatoryCategory: 'Mandatory category', notifiedOn: 'Notified on',
    decidedOn: 'Decided on', granted: 'Decision', grant: 'Grant aid', refuse: 'Refuse aid', hardshipBasis: 'Economic hardship', exemption: 'Exemption',
    monthlyIncome: 'Monthly income per person (yuan)', refusalReasons: 'Reasons for refusal (written)', lateReason: 'Reason for delay',
    objectedOn: 'Objection received', reasons: 'Reasons', reviewedOn: 'Reviewed on', upheld: 'Result', upheldYes: 'Well-founded: aid ordered', upheldNo: 'Refusal upheld', opinion: 'Opinion',
    lawyerId: 'Lawyer', assignedOn: 'Assigned on', possibleSentence: 'Possible sentence', life: 'Life', death: 'Death', none: 'No',
    on: 'Date', note: 'Progress', closedOn: 'Closed on', result: 'Result', materialsComplete: 'Closing materials complete', grade: 'Quality grade', comment: 'Comment', subsidy: 'Subsidy (yuan)',
  },
  action: { decide: 'Decide', object: 'Record objection', review: 'Review objection', assign: 'Assign lawyer', progress: 'Record progress', close: 'Close', quality: 'Quality review & subsidy' },
  detail: {
    title: 'Case', deadlines: 'Time limits', basic: 'Basics', decision: 'Decision', assignment: 'Assignment', progress: 'Progress', standard: 'Hardship standard applied',
    yuan: 'yuan', none: '—', done: 'Done', open: 'Open', cancelled: 'Cancelled', masked: '(masked)',
  },
  history: {
    open: 'Opened the case', receive_application: 'Application received', receive_notification: 'Notification recorded', grant: 'Aid granted', refuse: 'Aid refused', object: 'Objection recorded',
    objection_upheld: 'Objection upheld', objection_dismissed: 'Objection dismissed', assign: 'Lawyer assigned', progress: 'Progress recorded', close: 'Closed', quality_review: 'Quality review & subsidy',
  },
  services: {
    help: 'Legal help', teams: 'Lawyer teams', checkups: 'Enterprise check-ups', record: 'Record legal help', servedOn: 'Date', channel: 'Channel', form: 'Form', matterType: 'Matter',
    personName: 'Person', summary: 'Summary', unit: 'Unit', name: 'Name', formedOn: 'Formed on', lawyers: 'Lawyers', checkupCount: 'Check-ups',
    checkedOn: 'Date', enterprise: 'Enterprise', ownership: 'Ownership', issues: 'Issues found', recommendations: 'Recommendations', followUp: 'Follow-up',
    roster: 'Legal aid lawyers', registerLawyer: 'Add a lawyer', lawyerName: 'Name', firm: 'Law firm', licenceNo: 'Licence no.', practiceSince: 'Practising since', practisingSince: 'practising since {{date}}',
    formTeam: 'Form a team', focus: 'Focus', recordCheckup: 'Record a check-up', team: 'Team', creditCode: 'Unified credit code',
  },
};
