import type { EnglishOf } from '../../locales';
import { BODY_KINDS, CASE_STATUSES, CASE_SYSTEMS, DECISIONS, GRADES, MAJOR_REASONS, PROBLEM_CATEGORIES, RISK_LEVELS } from '../../../common/enforcement';

const pick = (o: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v[lang]])) as Record<string, string>;

/** Strings of the enforcement pages, under `t('enforcement.…')`. */
export const enforcementZh = {
  public: {
    title: '行政执法公示', signIn: '工作人员登录', q: '输入关键词查询', noRegion: '门户尚未发布本地区信息。',
    nav: { reports: '法治政府建设年度报告', enforcement: '行政执法公示', powers: '权责清单' },
    tab: { decisions: '执法决定', bodies: '执法主体', officers: '执法人员', risks: '违法风险清单' },
    displayHint: '执法决定信息自公开之日起公示{{years}}年，期满后不再公示。', fine: '罚款{{amount}}元',
    col: {
      decisionNo: '决定书文号', title: '案件名称', unit: '执法机关', party: '当事人', system: '执法类别', decision: '处理决定', decidedOn: '决定日期', publishedOn: '公开日期',
      body: '执法主体', kind: '主体类型', fields: '执法领域', legalBasis: '法定依据', officers: '持证执法人员',
      name: '姓名', certNo: '证件号', certKind: '证件类别', field: '执法领域', expiresOn: '有效期至',
      riskPoint: '风险点', forms: '表现形式', consequence: '法律后果', level: '风险等级', prevention: '防控措施',
    },
  },
  nav: { cases: '执法案件', officers: '执法主体与人员', reviews: '案卷评查', catalogue: '监管事项与风险清单' },
  detail: '案件详情',
  fields: { status: '状态', filed_on: '立案日期', investigated_on: '调查开始', review_submitted_on: '提交审核', reviewer_id: '审核人员', review_conclusion: '审核结论', review_opinion: '审核意见', reviewed_on: '审核日期', decided_on: '决定日期', decision: '决定结果', decision_no: '决定书文号', signed_by: '负责人', fine: '罚款', served_on: '送达日期', party_present: '当事人在场', executed_on: '执行日期', paid_on: '缴款日期', late_fee: '加处罚款', closed_on: '结案日期', published_on: '公示日期' },
  officerDetail: '执法人员',
  system: pick(CASE_SYSTEMS, 'zh'),
  status: pick(CASE_STATUSES, 'zh'),
  decision: pick(DECISIONS, 'zh'),
  major: pick(MAJOR_REASONS, 'zh'),
  grade: pick(GRADES, 'zh'),
  level: pick(RISK_LEVELS, 'zh'),
  bodyKind: pick(BODY_KINDS, 'zh'),
  cases: {
    title: '行政执法案件', q: '按案号、案由或当事人查询', create: '立案登记', import: '从 Excel 导入', open: '办理状态', openYes: '在办', openNo: '已结案',
    col: { caseNo: '案号', title: '案件名称', system: '类别', unit: '办案单位', party: '当事人', filedOn: '立案日期', status: '状态', decisionDue: '决定期限', decidedOn: '决定日期', publishedOn: '公示日期' },
  },
  f: {
    unitId: '办案单位', system: '执法类别', caseNo: '案号', title: '案件名称', partyName: '当事人', partyKind: '当事人类型', cause: '案由', filedOn: '立案日期',
    officer1: '承办执法人员（一）', officer2: '承办执法人员（二）', majorReasons: '法制审核情形', on: '日期', reviewerId: '法制审核人员', conclusion: '审核结论',
    opinion: '审核意见', decision: '决定结果', decisionNo: '决定书文号', signedBy: '负责人', fine: '罚款金额（元）', partyPresent: '当事人在场', paidOn: '缴款日期',
    person: '自然人', organisation: '法人或其他组织', pass: '同意', fail: '不同意（退回补充调查）', majorYes: '属于重大执法决定', none: '不属于',
  },
  d: {
    basic: '基本情况', officers: '承办人员', review: '法制审核', decisionBlock: '决定与执行', deadlines: '法定期限', reviewer: '审核人员', lateFee: '加处罚款（元）',
    servedOn: '送达日期', executedOn: '执行日期', closedOn: '结案日期', investigatedOn: '调查开始', reviewedOn: '审核日期', noDeadline: '暂无期限',
  },
  step: { file: '立案登记', legal_review: '法制审核', create: '登记', update: '修改', issue: '发证', renew: '换发', renewed: '已换发', exam: '考试成绩', training: '培训记录', register_supervision: '监管系统注册', investigate: '开始调查', submit_review: '提交法制审核', review: '出具审核意见', decide: '作出决定', serve: '登记送达', execute: '登记执行', close: '结案', publish: '登记公示' },
  officers: {
    title: '执法主体与执法人员', bodies: '执法主体', people: '执法人员', q: '按姓名或证件号查询', create: '登记执法人员', expiring: '90日内证件到期',
    col: { name: '姓名', unit: '所在单位', certNo: '执法证号', certExpiresOn: '有效期至', reviewer: '法制审核人员', registered: '监管系统注册', hours: '培训学时' },
    body: { unit: '执法主体', kind: '类型', basis: '设立依据', fields: '执法领域（含历史）', since: '起', until: '止', now: '至今' },
    cert: { title: '执法证件', certNo: '证件号', kind: '证件类别', field: '执法领域', issuedOn: '发证日期', expiresOn: '有效期至', status: '状态' },
    exams: '资格考试', trainings: '培训记录', part: { public: '公共法律知识', special: '专业法律知识' }, passed: '合格', failed: '不合格', yes: '是', no: '否',
    import: '从 Excel 导入', attendance: '培训和考试签到记录', attendanceKind: { training: '培训', exam: '考试' }, activity: '活动', score: '成绩',
    form: {
      unitId: '所在单位', name: '姓名', legalReviewer: '法制审核人员', legalQualification: '取得法律职业资格', supervisionRegisteredOn: '监管系统注册日期',
      certNo: '证件号', kind: '证件类别', field: '执法领域', issuedOn: '发证日期', expiresOn: '有效期至', examDate: '考试日期', part: '考试科目', examScore: '成绩', passMark: '合格分数线',
      trainedOn: '培训日期', topic: '培训内容', hours: '学时', status: '处理', on: '日期',
    },
    step: { issue: '发放证件', renew: '换发', end: '暂扣/吊销', exam: '登记考试成绩', training: '登记培训', register: '登记监管系统注册' },
    endStatus: { suspended: '暂扣', revoked: '吊销' },
  },
  reviews: {
    title: '行政执法案卷评查', campaign: '评查活动', sample: '抽取案卷', files: '抽查案卷', scored: '已评分', excellent: '优秀', units: '单位平均分及排名',
    col: { caseNo: '案号', caseTitle: '案件名称', unit: '办案单位', score: '得分', grade: '等次', reviewer: '评查人', reviewedOn: '评查日期', problems: '存在问题', rank: '排名', average: '平均分', count: '案卷数', actions: '操作' },
    score: '评分', seed: '抽样种子', size: '抽样数量', none: '暂无评查活动',
    create: '新建评查活动', rescore: '重新评分', exportScores: '导出评分表', importScores: '导入评分', year: '年度', campaignTitle: '活动名称', dueOn: '整改期限', rectify: '登记整改', rectifiedOn: '整改完成日期', measure: '整改措施',
    sheet: { title: '案卷评分表', reviewer: '评查人', on: '评查日期', rectifyWithinDays: '整改期限（日）', preview: '预计得分', criterion: '评查项目', max: '分值', deduction: '扣分', veto: '否决', problem: '存在问题' },
  },
  problemCategory: pick(PROBLEM_CATEGORIES, 'zh'),
  catalogue: {
    title: '“互联网+监管”事项目录', summary: { mainItems: '目录主项', subItems: '子项', claims: '认领事项', claimingUnits: '认领单位', mainCovered: '覆盖主项', officersRegistered: '注册执法人员' },
    col: { code: '事项编码', name: '监管事项名称', kind: '层级', competent: '主管部门', claims: '认领单位（检查实施清单）' }, main: '主项', sub: '子项', q: '按名称或编码查询',
    importItems: '导入监管事项目录', importClaims: '导入事项认领', exportClaims: '导出事项认领',
    risks: '违法风险清单', riskCol: { unit: '单位', riskPoint: '风险点', forms: '表现形式', legalBasis: '法律依据', consequence: '法律后果', level: '风险等级', prevention: '防控措施' },
  },
};

/** English strings of the enforcement pages. */
export const enforcementEn: EnglishOf<typeof enforcementZh> = {
  public: {
    title: 'Enforcement publicity', signIn: 'Staff sign-in', q: 'Search', noRegion: 'The portal has not published this region\'s information yet.',
    nav: { reports: 'Annual reports', enforcement: 'Enforcement publicity', powers: 'Power list' },
    tab: { decisions: 'Decisions', bodies: 'Enforcement bodies', officers: 'Officers', risks: 'Violation-risk lists' },
    displayHint: 'A decision stays public for {{years}} years from its publication.', fine: 'fine {{amount}} yuan',
    col: {
      decisionNo: 'Decision no.', title: 'Case', unit: 'Authority', party: 'Party', system: 'Type', decision: 'Decision', decidedOn: 'Decided on', publishedOn: 'Published on',
      body: 'Body', kind: 'Kind', fields: 'Fields', legalBasis: 'Legal basis', officers: 'Certified officers',
      name: 'Name', certNo: 'Certificate no.', certKind: 'Certificate', field: 'Field', expiresOn: 'Valid until',
      riskPoint: 'Risk point', forms: 'Forms', consequence: 'Consequence', level: 'Level', prevention: 'Prevention',
    },
  },
  nav: { cases: 'Enforcement cases', officers: 'Bodies and officers', reviews: 'Case-file review', catalogue: 'Supervision catalogue & risks' },
  detail: 'Case',
  fields: { status: 'Status', filed_on: 'Filed', investigated_on: 'Investigation', review_submitted_on: 'Submitted for review', reviewer_id: 'Reviewer', review_conclusion: 'Review conclusion', review_opinion: 'Review opinion', reviewed_on: 'Reviewed', decided_on: 'Decided', decision: 'Decision', decision_no: 'Decision no.', signed_by: 'Signed by', fine: 'Fine', served_on: 'Served', party_present: 'Party present', executed_on: 'Executed', paid_on: 'Paid', late_fee: 'Late fee', closed_on: 'Closed', published_on: 'Published' },
  officerDetail: 'Officer',
  system: pick(CASE_SYSTEMS, 'en'),
  status: pick(CASE_STATUSES, 'en'),
  decision: pick(DECISIONS, 'en'),
  major: pick(MAJOR_REASONS, 'en'),
  grade: pick(GRADES, 'en'),
  level: pick(RISK_LEVELS, 'en'),
  bodyKind: pick(BODY_KINDS, 'en'),
  cases: {
    title: 'Enforcement cases', q: 'Case number, title or party', create: 'File a case', import: 'Import from Excel', open: 'State', openYes: 'Open', openNo: 'Closed',
    col: { caseNo: 'Case no.', title: 'Title', system: 'Type', unit: 'Unit', party: 'Party', filedOn: 'Filed', status: 'Status', decisionDue: 'Decision due', decidedOn: 'Decided', publishedOn: 'Published' },
  },
  f: {
    unitId: 'Handling unit', system: 'Type', caseNo: 'Case no.', title: 'Title', partyName: 'Party', partyKind: 'Party kind', cause: 'Cause', filedOn: 'Filed on',
    officer1: 'Officer (1)', officer2: 'Officer (2)', majorReasons: 'Legal-review grounds', on: 'Date', reviewerId: 'Legal reviewer', conclusion: 'Conclusion',
    opinion: 'Opinion', decision: 'Decision', decisionNo: 'Decision no.', signedBy: 'Signed by', fine: 'Fine (yuan)', partyPresent: 'Party present', paidOn: 'Paid on',
    person: 'Person', organisation: 'Organisation', pass: 'Approve', fail: 'Reject (further investigation)', majorYes: 'Major decision', none: 'None',
  },
  d: {
    basic: 'Case', officers: 'Officers', review: 'Legal review', decisionBlock: 'Decision and execution', deadlines: 'Statutory deadlines', reviewer: 'Reviewer', lateFee: 'Late fee (yuan)',
    servedOn: 'Served', executedOn: 'Executed', closedOn: 'Closed', investigatedOn: 'Investigation', reviewedOn: 'Reviewed', noDeadline: 'No deadlines',
  },
  step: { file: 'Filed', legal_review: 'Legal review', create: 'Created', update: 'Updated', issue: 'Issued', renew: 'Renewed', renewed: 'Replaced', exam: 'Exam result', training: 'Training', register_supervision: 'Registered', investigate: 'Start investigation', submit_review: 'Submit for legal review', review: 'Give review opinion', decide: 'Decide', serve: 'Record delivery', execute: 'Record execution', close: 'Close', publish: 'Record publicity' },
  officers: {
    title: 'Enforcement bodies and officers', bodies: 'Bodies', people: 'Officers', q: 'Name or certificate no.', create: 'Register officer', expiring: 'Expiring in 90 days',
    col: { name: 'Name', unit: 'Unit', certNo: 'Certificate', certExpiresOn: 'Valid until', reviewer: 'Legal reviewer', registered: 'Supervision system', hours: 'Training hours' },
    body: { unit: 'Body', kind: 'Kind', basis: 'Legal basis', fields: 'Fields (with history)', since: 'from', until: 'to', now: 'now' },
    cert: { title: 'Certificates', certNo: 'Number', kind: 'Kind', field: 'Field', issuedOn: 'Issued', expiresOn: 'Valid until', status: 'Status' },
    exams: 'Qualification exams', trainings: 'Trainings', part: { public: 'Public law', special: 'Specialised law' }, passed: 'Passed', failed: 'Failed', yes: 'Yes', no: 'No',
    import: 'Import from Excel', attendance: 'Trainings and exams attended', attendanceKind: { training: 'Training', exam: 'Exam' }, activity: 'Activity', score: 'Score',
    form: {
      unitId: 'Unit', name: 'Name', legalReviewer: 'Legal reviewer', legalQualification: 'Holds the legal qualification', supervisionRegisteredOn: 'Registered on supervision system',
      certNo: 'Certificate no.', kind: 'Kind', field: 'Field', issuedOn: 'Issued on', expiresOn: 'Valid until', examDate: 'Exam date', part: 'Part', examScore: 'Score', passMark: 'Pass mark',
      trainedOn: 'Date', topic: 'Topic', hours: 'Hours', status: 'Action', on: 'Date',
    },
    step: { issue: 'Issue certificate', renew: 'Renew', end: 'Suspend / revoke', exam: 'Record exam', training: 'Record training', register: 'Register on supervision system' },
    endStatus: { suspended: 'Suspend', revoked: 'Revoke' },
  },
  reviews: {
    title: 'Case-file review', campaign: 'Campaign', sample: 'Draw sample', files: 'Files', scored: 'Scored', excellent: 'Excellent', units: 'Unit averages and ranking',
    col: { caseNo: 'Case no.', caseTitle: 'Case', unit: 'Unit', score: 'Score', grade: 'Grade', reviewer: 'Reviewer', reviewedOn: 'Reviewed', problems: 'Problems', rank: 'Rank', average: 'Average', count: 'Files', actions: 'Actions' },
    score: 'Score', seed: 'Sampling seed', size: 'Sample size', none: 'No campaign yet',
    create: 'New campaign', rescore: 'Re-score', exportScores: 'Export scoring sheets', importScores: 'Import scores', year: 'Year', campaignTitle: 'Title', dueOn: 'Due', rectify: 'Record rectification', rectifiedOn: 'Rectified on', measure: 'Measure taken',
    sheet: { title: 'Scoring sheet', reviewer: 'Reviewer', on: 'Reviewed on', rectifyWithinDays: 'Days to rectify', preview: 'Score (preview)', criterion: 'Criterion', max: 'points', deduction: 'Deduction', veto: 'Veto', problem: 'Problem found' },
  },
  problemCategory: pick(PROBLEM_CATEGORIES, 'en'),
  catalogue: {
    title: 'Supervision item catalogue', summary: { mainItems: 'Main items', subItems: 'Sub-items', claims: 'Claims', claimingUnits: 'Claiming units', mainCovered: 'Main items covered', officersRegistered: 'Officers registered' },
    col: { code: 'Code', name: 'Item', kind: 'Level', competent: 'Competent department', claims: 'Claimed by (implementation list)' }, main: 'Main', sub: 'Sub', q: 'Name or code',
    importItems: 'Import the catalogue', importClaims: 'Import claims', exportClaims: 'Export claims',
    risks: 'Violation-risk list', riskCol: { unit: 'Unit', riskPoint: 'Risk', forms: 'Forms', legalBasis: 'Legal basis', consequence: 'Consequence', level: 'Level', prevention: 'Prevention' },
  },
};
