import type { EnglishOf } from '../../locales';
/** Strings of the people's mediation pages (人民调解), under `t('mediation.…')`. */
export const mediationZh = {
  nav: { disputes: '矛盾纠纷调解', committees: '人民调解组织' },
  status: { mediating: '调解中', succeeded: '调解成功', failed: '调解不成', refused: '当事人拒绝调解' },
  list: {
    title: '矛盾纠纷调解台账', caseNo: '编号', committee: '调解委员会', type: '纠纷类型', source: '来源', parties: '当事人', receivedOn: '受理日期', status: '状态',
    due: '期限', q: '按当事人、编号查询', receive: '受理纠纷', import: '导入纠纷台账',
  },
  form: {
    committeeId: '调解委员会', disputeType: '纠纷类型', source: '纠纷来源', referredBy: '移送单位', parties: '当事人', summary: '纠纷简要情况', receivedOn: '受理日期', mediatorId: '调解员',
    agreementForm: '协议形式', agreementOn: '协议生效日期', agreement: '协议内容', endedOn: '终止日期', advice: '告知的其他解决途径', note: '情况说明', appliedOn: '申请日期', court: '受理法院',
    sessionOn: '调解日期', sessionNote: '调解过程及双方意见', visitOn: '回访日期', visitNote: '协议履行情况',
  },
  action: { success: '调解成功', failure: '调解不成', refusal: '当事人拒绝调解', confirmation: '登记司法确认申请', session: '记录调解过程', visit: '记录回访' },
  detail: { title: '纠纷详情', deadlines: '期限', outcome: '调解结果', confirmationDue: '司法确认申请期限', notes: '调解及回访记录' },
  history: { receive: '受理纠纷', refused: '当事人拒绝调解', succeeded: '调解成功', failed: '调解不成', confirmation_applied: '登记司法确认申请', session: '记录调解过程', visit: '记录回访' },
  committees: {
    title: '人民调解委员会', name: '名称', kind: '类别', unit: '负责单位', region: '所在区域', establishedOn: '成立日期', mediators: '调解员', disputes: '受理纠纷',
    setUp: '登记调解委员会', appoint: '登记调解员', committee: '调解委员会', mediatorName: '姓名', fullTime: '专兼职', fullTimeYes: '专职', fullTimeNo: '兼职', list: '调解员名册',
  },
};
export const mediationEn: EnglishOf<typeof mediationZh> = {
  nav: { disputes: 'Mediation', committees: 'Mediation committees' },
  status: { mediating: 'Mediating', succeeded: 'Succeeded', failed: 'Failed', refused: 'Refused by a party' },
  list: {
    title: 'Dispute ledger', caseNo: 'No.', committee: 'Committee', type: 'Type', source: 'Source', parties: 'Parties', receivedOn: 'Received', status: 'Status',
    due: 'Due', q: 'Search parties or number', receive: 'Receive a dispute', import: 'Import dispute ledger',
  },
  form: {
    committeeId: 'Committee', disputeType: 'Dispute type', source: 'Source', referredBy: 'Referred by', parties: 'Parties', summary: 'Summary', receivedOn: 'Received on', mediatorId: 'Mediator',
    agreementForm: 'Agreement form', agreementOn: 'Agreement effective on', agreement: 'Agreement', endedOn: 'Ended on', advice: 'Other channels advised', note: 'Note', appliedOn: 'Applied on', court: 'Court',
    sessionOn: 'Session date', sessionNote: 'What happened, positions of the parties', visitOn: 'Visit date', visitNote: 'How the agreement is being performed',
  },
  action: { success: 'Agreement reached', failure: 'Mediation failed', refusal: 'Party refused', confirmation: 'Record confirmation application', session: 'Record a session', visit: 'Record a follow-up visit' },
  detail: { title: 'Dispute', deadlines: 'Time limits', outcome: 'Outcome', confirmationDue: 'Judicial confirmation window', notes: 'Sessions and follow-up visits' },
  history: { receive: 'Received', refused: 'Refused by a party', succeeded: 'Agreement reached', failed: 'Mediation failed', confirmation_applied: 'Confirmation application recorded', session: 'Session recorded', visit: 'Follow-up visit recorded' },
  committees: {
    title: 'Mediation committees', name: 'Name', kind: 'Kind', unit: 'Responsible office', region: 'Area', establishedOn: 'Established', mediators: 'Mediators', disputes: 'Disputes',
    setUp: 'Register a committee', appoint: 'Add a mediator', committee: 'Committee', mediatorName: 'Name', fullTime: 'Full/part time', fullTimeYes: 'Full-time', fullTimeNo: 'Part-time', list: 'Mediators',
  },
};
