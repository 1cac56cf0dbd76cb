import type { EnglishOf } from '../../locales';
/** Strings of the annual report pages (年度报告), under `t('report.…')`. */
export const reportZh = {
  nav: { list: '年度报告', dashboard: '指标看板' },
  detail: '报告详情',
  status: { draft: '草稿', review: '审核中', secrecy: '保密审查', submitted: '已报送', published: '已公开' },
  list: {
    title: '法治政府建设年度报告', year: '年度', region: '区域', reportTitle: '报告标题', status: '状态', updatedAt: '最后修改',
    publishedOn: '公开日期', actions: '操作', open: '打开', create: '新建年度报告', createTitle: '新建年度报告',
    createYear: '报告年度', createRegion: '所属区域', createHint: '按默认模板（依据2020年度报告的结构与表述）生成草稿，数字由各模块的记录自动计算。',
    created: '已新建{{year}}年度报告', noRegion: '您没有区级依法治区办的权限，不能新建报告', yearLabel: '{{year}}年度', empty: '尚无年度报告',
  },
  editor: {
    document: '公文版式预览', warnings: '提示', noWarnings: '没有需要处理的提示', meta: '公文要素', workflow: '办理流程', export: '导出',
    edit: '编辑', save: '保存', cancel: '取消', saved: '已保存，预览已按最新数据刷新', editHint: '数字以 {{ph}} 占位，保存后由记录自动填入；两个星号 ** 之间的文字为加粗的小标题。',
    placeholders: '本段引用的指标', noPlaceholders: '本段没有引用指标', lead: '段首小标题', locked: '报告已进入保密审查或已报送，正文和公文要素不能再修改。',
    frozen: '本报告已报送，数字为报送时冻结的数值。', changedTitle: '报送后数据有变动', changedHint: '以下数字报送后其背后的记录有新增、删除或修改；报告中的数字保持报送时的数值不变。',
    figureTip: '{{label}}：{{count}} 条记录，点击查看', noDataTip: '{{label}}：暂无数据',
    stepDraft: '草稿', stepReview: '审核', stepSecrecy: '保密审查', stepSubmitted: '已报送', stepPublished: '已公开',
    secrecy: '保密审查', secrecyReviewer: '保密审查人', secrecyOpinion: '审查意见', submittedAt: '报送时间', publication: '公开情况',
    publicUrl: '公开网址', publishedOn: '公开日期', lateReason: '逾期公开原因', lateHint: '年度报告应当于{{date}}之前向社会公开（《法治政府建设与责任落实督察工作规定》第二十四条）；逾期须说明原因。',
    done: '已办理：{{action}}', confirmReturn: '确定退回为草稿吗？', returnComment: '退回理由（选填）',
    kinds: {
      no_data: '暂无数据', contradiction: '数字矛盾', changed_since_review: '审核后有变动', changed_since_submission: '报送后有变动',
      missing_part: '缺少必备内容', doc_number: '发文字号', zero: '数字为零', unconfirmed_claim: '待确认的自述情况',
    },
    jump: '定位', noDataCount: '{{count}} 个数字暂无数据',
    confirm: '确认属实', confirmed: '已确认为本年度情况', acknowledge: '说明理由并保留', ackTitle: '说明保留理由', ackReason: '保留理由',
    ackHint: '报送和公开时将连同理由一并记录在报送快照中。', acknowledged: '已说明理由保留：{{reason}}（{{by}}）', withdraw: '撤回',
    blocking: '报送前须处理', claimTip: '本单位自述的情况，没有记录支撑；请确认本年度属实，或改写、删除',
    candidates: '第二部分候选问题', candidatesHint: '根据本年度记录梳理的问题和下一年度安排，可插入“存在问题及下步打算”后再修改。',
    noCandidates: '本年度记录中未发现需要列出的问题', insert: '插入第二部分', inserted: '已插入第二部分，可继续修改', candidateRecords: '依据记录（{{count}}条）',
    nextYear: '下一年度安排', problem: '存在问题',
  },
  actions: { submit_review: '送审核', approve_review: '审核通过', return: '退回', submit: '报送', publish: '公开' },
  meta: {
    issuer: '发文机关', docNumber: '发文字号', signer: '签发人', title: '标题', addressee: '主送机关', signature: '署名',
    issueDate: '成文日期', printOrg: '印发机关', printDate: '印发日期', cc: '抄送机关', save: '保存公文要素', docNumberHint: '如：焦中政文〔2021〕3号',
  },
  doc: { issuerSuffix: '文件', signer: '签发人：', printed: '印发', cc: '抄送：', noNumber: '〔发文字号〕' },
  figure: {
    title: '数字来源', metric: '指标', definition: '统计口径', value: '数值', records: '背后的记录（{{count}}条）', record: '记录', date: '日期',
    unit: '单位', open: '查看', noModulePage: '该记录所属模块暂无页面', frozenNote: '报送时冻结的数值：{{text}}；下表为按现有记录列出的明细。', noData: '暂无数据',
    module: '数据来源模块', noDataWhy: '“{{module}}”模块中没有本年度的任何记录，因此没有数据。请在该模块录入本年度记录，或改写、删除该句。',
    zeroWhy: '“{{module}}”模块有本年度记录，但没有符合统计口径的记录，数值为0。', state: { no_data: '暂无数据', zero: '为零', number: '有数据' },
  },
  export: { docx: 'Word', pdf: 'PDF', html: 'HTML', md: 'Markdown', json: 'JSON' },
  dash: {
    title: '法治政府建设指标看板', year: '年度', region: '区域', metric: '指标', all: '全部指标', byUnit: '按单位（记录数）', byMonth: '按月份（记录数）',
    yoy: '逐年对比', noData: '暂无数据', value: '数值', records: '记录数', breakdownHint: '按单位、按月份的分布只对“每条记录计一次”的指标显示（记录数等于指标值）。',
    noBreakdown: '该指标不是逐条计数的指标，不按单位、月份拆分。', noUnit: '（未注明单位）', month: '{{m}}月', definition: '统计口径', cards: '本年度各项指标',
  },
  public: {
    title: '法治政府建设年度报告公开', subtitle: '依据《法治政府建设与责任落实督察工作规定》第二十四条，每年4月1日之前向社会公开', list: '已公开的报告',
    publishedOn: '公开日期：{{date}}', back: '返回列表', empty: '暂无已公开的报告', signIn: '工作人员登录', notFound: '该报告不存在或尚未公开',
  },
};

/** English strings of the annual report pages. */
export const reportEn: EnglishOf<typeof reportZh> = {
  nav: { list: 'Annual reports', dashboard: 'Indicator dashboard' },
  detail: 'Report',
  status: { draft: 'Draft', review: 'In review', secrecy: 'Secrecy review', submitted: 'Submitted', published: 'Published' },
  list: {
    title: 'Annual reports on rule-of-law government', year: 'Year', region: 'Region', reportTitle: 'Title', status: 'Status', updatedAt: 'Last changed',
    publishedOn: 'Published on', actions: 'Actions', open: 'Open', create: 'New annual report', createTitle: 'New annual report',
    createYear: 'Year', createRegion: 'Region', createHint: 'A draft from the default template (the structure and wording of the 2020 report); figures are computed from the modules\' records.',
    created: 'The {{year}} report was created', noRegion: 'You are not the rule-of-law office of a district and cannot create reports', yearLabel: '{{year}}', empty: 'No annual reports yet',
  },
  editor: {
    document: 'Official document preview', warnings: 'Warnings', noWarnings: 'Nothing to address', meta: 'Document elements', workflow: 'Workflow', export: 'Export',
    edit: 'Edit', save: 'Save', cancel: 'Cancel', saved: 'Saved; the preview shows the latest figures', editHint: 'Figures are {{ph}} placeholders filled from the records when saved; text between ** is a bold run-in heading.',
    placeholders: 'Figures used in this paragraph', noPlaceholders: 'No figures in this paragraph', lead: 'Run-in heading', locked: 'The report is in secrecy review or submitted; its text and elements can no longer change.',
    frozen: 'This report is submitted: figures are the values frozen at submission.', changedTitle: 'Data changed since submission', changedHint: 'The records behind these figures were added, removed or changed after submission; the report keeps the submitted values.',
    figureTip: '{{label}}: {{count}} records, click to see them', noDataTip: '{{label}}: no data',
    stepDraft: 'Draft', stepReview: 'Review', stepSecrecy: 'Secrecy review', stepSubmitted: 'Submitted', stepPublished: 'Published',
    secrecy: 'Secrecy review', secrecyReviewer: 'Secrecy reviewer', secrecyOpinion: 'Opinion', submittedAt: 'Submitted at', publication: 'Publication',
    publicUrl: 'Public URL', publishedOn: 'Published on', lateReason: 'Reason for late publication', lateHint: 'Annual reports must be published before {{date}} (Art. 24 of the Supervision Provisions); give the reason when late.',
    done: 'Done: {{action}}', confirmReturn: 'Return the report to draft?', returnComment: 'Reason (optional)',
    kinds: {
      no_data: 'No data', contradiction: 'Contradiction', changed_since_review: 'Changed since review', changed_since_submission: 'Changed since submission',
      missing_part: 'Missing part', doc_number: 'Document number', zero: 'Zero', unconfirmed_claim: 'Unconfirmed statement',
    },
    jump: 'Show', noDataCount: '{{count}} figures have no data yet', noDataCount_one: '{{count}} figure has no data yet',
    confirm: 'Confirm for this year', confirmed: 'Confirmed for this year', acknowledge: 'Keep, with a reason', ackTitle: 'Why keep it', ackReason: 'Reason',
    ackHint: 'The reason is recorded in the submission snapshot.', acknowledged: 'Kept: {{reason}} ({{by}})', withdraw: 'Withdraw',
    blocking: 'To resolve before submission', claimTip: 'The office\'s own statement, backed by no record: confirm it for this year, or rewrite or remove it',
    candidates: 'Candidate problems for part 2', candidatesHint: 'Problems and next-year items drawn from this year\'s records; insert them into part 2 and edit.',
    noCandidates: 'The records show no problem to list', insert: 'Insert into part 2', inserted: 'Inserted into part 2; edit as needed', candidateRecords: 'Records ({{count}})',
    nextYear: 'Next year', problem: 'Problem',
  },
  actions: { submit_review: 'Send to review', approve_review: 'Approve', return: 'Return', submit: 'Submit', publish: 'Publish' },
  meta: {
    issuer: 'Issuing authority', docNumber: 'Document number', signer: 'Signed by', title: 'Title', addressee: 'Addressee', signature: 'Signature',
    issueDate: 'Date of writing', printOrg: 'Printed by', printDate: 'Printed on', cc: 'Copies to', save: 'Save elements', docNumberHint: 'e.g. 焦中政文〔2021〕3号',
  },
  doc: { issuerSuffix: '文件', signer: '签发人：', printed: '印发', cc: '抄送：', noNumber: '〔发文字号〕' },
  figure: {
    title: 'Where this figure comes from', metric: 'Metric', definition: 'Definition', value: 'Value', records: 'Records behind it ({{count}})', record: 'Record', date: 'Date',
    unit: 'Unit', open: 'Open', noModulePage: 'Its module has no page yet', frozenNote: 'Frozen at submission: {{text}}; the list shows the current records.', noData: 'No data',
    module: 'Supplied by', noDataWhy: 'The {{module}} module holds no records at all for this year, so there is no figure. Enter this year\'s records there, or rewrite or remove the sentence.',
    zeroWhy: 'The {{module}} module has records this year, but none that this figure counts: it is 0.', state: { no_data: 'No data', zero: 'Zero', number: 'Number' },
  },
  export: { docx: 'Word', pdf: 'PDF', html: 'HTML', md: 'Markdown', json: 'JSON' },
  dash: {
    title: 'Rule-of-law indicator dashboard', year: 'Year', region: 'Region', metric: 'Metric', all: 'All metrics', byUnit: 'By unit (records)', byMonth: 'By month (records)',
    yoy: 'Year over year', noData: 'No data', value: 'Value', records: 'Records', breakdownHint: 'Unit and month breakdowns are shown for metrics that count each record once (records = value).',
    noBreakdown: 'This metric does not count records one by one; no unit or month breakdown.', noUnit: '(no unit)', month: 'M{{m}}', definition: 'Definition', cards: 'This year\'s indicators',
  },
  public: {
    title: 'Published annual reports on rule-of-law government', subtitle: 'Published before 1 April each year (Art. 24 of the Supervision Provisions)', list: 'Published reports',
    publishedOn: 'Published {{date}}', back: 'Back to the list', empty: 'No published reports yet', signIn: 'Staff sign-in', notFound: 'This report does not exist or is not published',
  },
};
