import type { EnglishOf } from '../../locales';
/** Strings of the normative-documents pages (规范性文件), under `t('documents.…')`. */
export const documentsZh = {
  nav: { list: '规范性文件', reviews: '合法性审核', cleanups: '文件清理' },
  detail: '文件详情',
  cleanupDetail: '清理详情',
  list: { title: '规范性文件登记台账', q: '按标题或文号查询', create: '起草登记', import: '导入台账', status: '状态', filing: '备案' },
  f: {
    title: '文件名称', docNumber: '发文字号', unit: '起草单位', issuer: '制定机关', status: '状态', draftedOn: '起草日期', publishedOn: '发布日期',
    effectiveFrom: '施行日期', validUntil: '有效期至', filingDue: '报备期限', filedOn: '报备日期', filing: '备案状态', npcFiling: '人大常委会备案', summary: '主要内容',
    affectsRights: '涉及公民、法人和其他组织权利义务', marketRelated: '与市场主体生产经营活动密切相关', registrationNo: '统一登记号',
    openedOn: '征求意见开始', closesOn: '征求意见截止', channel: '征求意见途径', closedOn: '结束日期', commentCount: '收到意见（条）', commentSummary: '意见采纳情况',
    reason: '理由', reviewedOn: '审查日期', conclusion: '结论', opinion: '意见', reviewerKind: '审核机构', reviewerUnitId: '律师事务所', requestedOn: '送审日期',
    completedOn: '审核完成日期', reviewerName: '审核人', deliberatedOn: '审议日期', meeting: '会议', minutes: '会议纪要', issuerCode: '机关代字（系统统一编号）',
    filedWith: '备案机关', note: '备注', receivedOn: '回执日期', result: '备案结果', missing: '所缺材料', supplyDays: '补正期限（日）', suppliedOn: '补充材料日期',
    decidedOn: '决定日期', source: '来源', description: '问题描述', outcome: '处理结果', outcomeOn: '办结日期', dueOn: '审核期限', asOf: '查询日期',
  },
  steps: { draft: '起草', comment: '征求意见', review: '合法性审核', deliberation: '集体审议', publish: '登记发布', filing: '报送备案' },
  act: {
    comment: '公开征求意见', commentClose: '结束征求意见', waive: '说明不征求意见理由', fair: '公平竞争审查', review: '报送合法性审核', opinion: '出具审核意见',
    deliberate: '记录集体审议', publish: '统一登记编号并发布', file: '报送备案', fileNpc: '报送本级人大常委会备案', receipt: '登记备案回执', supplement: '补充备案材料', extend: '延长有效期', correct: '登记纠错事项', close: '办结',
  },
  gaps: '尚不能发布：',
  reviews: { title: '合法性审核', pending: '待审核', done: '已审核', document: '文件', inQueue: '法律顾问审查事项' },
  filingFlags: { overdue: '逾期未报备', late: '逾期报备' },
  cleanups: { title: '规范性文件清理', create: '发起清理', issuedBefore: '发布日期早于', startedOn: '开始日期', items: '文件数', decided: '已决定', publish: '公布清理结果', decide: '保存决定', decision: '清理结果', undecided: '未决定', basis: '依据' },
  sections: { procedure: '制定程序', filing: '备案', reviews: '合法性审核', corrections: '纠错', relations: '关联文件', deadlines: '期限' },
  saved: '已保存',
  actions: {
    draft: '起草登记', update: '修改草案', comment_open: '公开征求意见', comment_close: '结束征求意见', comment_waive: '说明不征求意见理由', fair_competition: '公平竞争审查',
    deliberate: '集体审议', publish: '统一登记编号发布', file: '报送备案', file_npc: '报送本级人大常委会备案', filing_suspended: '备案中止（材料不全）', filing_supplied: '补充备案材料', filing_accepted: '备案通过',
    extend: '延长有效期', repeal: '废止', invalidate: '宣布失效', revoke: '撤销', flag_amend: '标注待修改', amended: '已被新文件修改', import: '台账导入', upload: '上传附件', request: '送请合法性审核', opinion: '出具审核意见', open: '启动纠错', close: '纠错办结', create: '启动清理', decide: '作出清理决定', delete: '删除附件',
  },
};

/** English strings of the normative-documents pages. */
export const documentsEn: EnglishOf<typeof documentsZh> = {
  nav: { list: 'Normative documents', reviews: 'Legality reviews', cleanups: 'Cleanups' },
  detail: 'Document',
  cleanupDetail: 'Cleanup',
  list: { title: 'Register of normative documents', q: 'Search title or number', create: 'Register a draft', import: 'Import register', status: 'Status', filing: 'Filing' },
  f: {
    title: 'Title', docNumber: 'Number', unit: 'Drafting unit', issuer: 'Issuing organ', status: 'Status', draftedOn: 'Drafted on', publishedOn: 'Published on',
    effectiveFrom: 'Effective from', validUntil: 'Valid until', filingDue: 'Filing due', filedOn: 'Filed on', filing: 'Filing', npcFiling: 'Standing committee filing', summary: 'Summary',
    affectsRights: "Bears on citizens' rights and obligations", marketRelated: 'Closely related to business operations', registrationNo: 'Registration no.',
    openedOn: 'Comment opens', closesOn: 'Comment closes', channel: 'Channel', closedOn: 'Closed on', commentCount: 'Comments received', commentSummary: 'How comments were taken up',
    reason: 'Reason', reviewedOn: 'Reviewed on', conclusion: 'Conclusion', opinion: 'Opinion', reviewerKind: 'Reviewer', reviewerUnitId: 'Law firm', requestedOn: 'Requested on',
    completedOn: 'Completed on', reviewerName: 'Reviewer', deliberatedOn: 'Deliberated on', meeting: 'Meeting', minutes: 'Minutes', issuerCode: 'Organ code (numbered by the system)',
    filedWith: 'Filed with', note: 'Note', receivedOn: 'Receipt date', result: 'Result', missing: 'Missing materials', supplyDays: 'Days to supply', suppliedOn: 'Supplied on',
    decidedOn: 'Decided on', source: 'Source', description: 'Problem', outcome: 'Outcome', outcomeOn: 'Closed on', dueOn: 'Due', asOf: 'As of',
  },
  steps: { draft: 'Draft', comment: 'Public comment', review: 'Legality review', deliberation: 'Deliberation', publish: 'Registered & issued', filing: 'Filed' },
  act: {
    comment: 'Open public comment', commentClose: 'Close comment', waive: 'Record why no comment', fair: 'Fair-competition review', review: 'Request legality review', opinion: 'Give opinion',
    deliberate: 'Record deliberation', publish: 'Number and issue', file: 'File with superior', fileNpc: 'File with the people\'s congress standing committee', receipt: 'Record receipt', supplement: 'Supply materials', extend: 'Extend validity', correct: 'Open correction', close: 'Close',
  },
  gaps: 'Cannot issue yet:',
  reviews: { title: 'Legality reviews', pending: 'Pending', done: 'Done', document: 'Document', inQueue: 'In the advisors queue' },
  filingFlags: { overdue: 'Filing overdue', late: 'Filed late' },
  cleanups: { title: 'Cleanup campaigns', create: 'Start a cleanup', issuedBefore: 'Issued before', startedOn: 'Started on', items: 'Documents', decided: 'Decided', publish: 'Publish results', decide: 'Save decisions', decision: 'Decision', undecided: 'Undecided', basis: 'Basis' },
  sections: { procedure: 'Procedure', filing: 'Filing', reviews: 'Legality reviews', corrections: 'Corrections', relations: 'Related documents', deadlines: 'Deadlines' },
  saved: 'Saved',
  actions: {
    draft: 'Draft registered', update: 'Draft edited', comment_open: 'Comment opened', comment_close: 'Comment closed', comment_waive: 'Comment waived', fair_competition: 'Fair-competition review',
    deliberate: 'Deliberated', publish: 'Numbered and issued', file: 'Filed', file_npc: 'Filed with the standing committee', filing_suspended: 'Filing suspended', filing_supplied: 'Materials supplied', filing_accepted: 'Filing accepted',
    extend: 'Validity extended', repeal: 'Repealed', invalidate: 'Declared invalid', revoke: 'Revoked', flag_amend: 'Flagged for amendment', amended: 'Amended by a newer document', import: 'Imported', upload: 'Upload', request: 'Review requested', opinion: 'Opinion given', open: 'Correction opened', close: 'Correction closed', create: 'Cleanup started', decide: 'Cleanup decisions', delete: 'Attachment removed',
  },
};
