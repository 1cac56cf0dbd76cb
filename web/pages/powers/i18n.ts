import type { EnglishOf } from '../../locales';
import { POWER_CATEGORIES, SERVICE_STATUSES } from '../../../common/powers';

const pick = (o: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v[lang]])) as Record<string, string>;

/** Strings of the power-list pages, under `t('powers.…')`. */
export const powersZh = {
  nav: { list: '权责清单', services: '“一件事”集成服务' },
  services: {
    title: '“一件事”集成服务', detail: '“一件事”详情', q: '按名称、编码或窗口查询', statusF: '状态', create: '新建“一件事”', edit: '修改', publish: '发布', withdraw: '撤回',
    status: pick(SERVICE_STATUSES, 'zh'),
    col: { code: '编码', name: '“一件事”名称', lead: '牵头单位', window: '办理窗口', items: '整合事项', units: '涉及单位', promisedDays: '承诺时限', status: '状态', publishedOn: '发布日期', documents: '申请材料' },
    days: '{{n}}个工作日',
    f: {
      code: '编码', name: '名称', leadUnitId: '牵头单位', window: '办理窗口', documents: '一次提交的申请材料（输入后回车，逐项添加）', promisedDays: '承诺时限（工作日）',
      powerItemIds: '整合的权责清单事项（输入名称或编码查找，至少两项）', taskIds: '落实的改革任务（输入任务名称查找）', description: '服务说明',
      publishedOn: '发布日期', withdrawnOn: '撤回日期', reason: '撤回理由',
    },
    d: {
      items: '整合的清单事项', documents: '申请材料（一次提交）', tasks: '落实的改革任务', description: '服务说明', none: '暂无', notCurrent: '该事项已调整或取消，请更新为现行版本',
      itemCode: '事项编码', itemName: '事项名称', category: '类别', unit: '实施主体', basis: '设定依据', task: '任务', plan: '计划', taskUnit: '牵头单位', withdrawn: '撤回',
    },
  },
  public: {
    title: '权责清单', q: '输入事项名称、编码、依据或实施主体', accountability: '追责情形',
    services: '“一件事”服务目录', servicesQ: '输入“一件事”名称或所含事项', window: '办理窗口', promised: '承诺时限', documents: '申请材料（一次提交）', items: '整合事项',
    nav: { services: '“一件事”服务', reports: '建议提案办理情况' },
  },
  category: pick(POWER_CATEGORIES, 'zh'),
  list: {
    title: '权责清单', q: '按事项名称、编码或依据查询', categoryF: '事项类别', levelF: '清单层级', asOf: '清单日期（默认今日）',
    showingToday: '当前显示今日施行的清单。选择清单日期可查看该日施行的清单。', showingAsOf: '当前显示{{date}}施行的清单。清除清单日期即回到今日。',
    amend: '调整事项', remove: '取消事项', amendShort: '调整', removeShort: '取消',
    f: { approvalRef: '批准文号', approvedOn: '批准日期', effectiveOn: '生效日期', reason: '调整理由' },
    level: { department: '政府部门', subdistrict: '街道办事处' },
    col: { code: '事项编码', name: '事项名称', category: '类别', unit: '实施主体', basis: '设定依据', responsibility: '责任事项', effectiveFrom: '生效日期', effectiveTo: '失效日期', version: '版本', actions: '清单调整' },
  },
};
export const powersEn: EnglishOf<typeof powersZh> = {
  nav: { list: 'Power list', services: 'Integrated services' },
  services: {
    title: 'Integrated services ("one thing")', detail: 'Integrated service', q: 'Search name, code or window', statusF: 'Status', create: 'New service', edit: 'Edit', publish: 'Publish', withdraw: 'Withdraw',
    status: pick(SERVICE_STATUSES, 'en'),
    col: { code: 'Code', name: 'Service', lead: 'Lead unit', window: 'Window', items: 'Items', units: 'Units', promisedDays: 'Promised time', status: 'Status', publishedOn: 'Published on', documents: 'Documents' },
    days: '{{n}} working days',
    f: {
      code: 'Code', name: 'Name', leadUnitId: 'Lead unit', window: 'Window', documents: 'Documents asked once (press Enter after each)', promisedDays: 'Promised time (working days)',
      powerItemIds: 'Power-list items bundled (search by name or code; at least two)', taskIds: 'Reform tasks delivered (search by title)', description: 'Description',
      publishedOn: 'Published on', withdrawnOn: 'Withdrawn on', reason: 'Reason',
    },
    d: {
      items: 'Items bundled', documents: 'Documents (asked once)', tasks: 'Reform tasks delivered', description: 'Description', none: 'None', notCurrent: 'This item was amended or removed; update it to the current version',
      itemCode: 'Code', itemName: 'Item', category: 'Category', unit: 'Unit', basis: 'Legal basis', task: 'Task', plan: 'Plan', taskUnit: 'Lead unit', withdrawn: 'Withdrawn',
    },
  },
  public: {
    title: 'Power and responsibility list', q: 'Search name, code, basis or unit', accountability: 'Accountability',
    services: 'Integrated services catalogue', servicesQ: 'Search a service or an item it bundles', window: 'Window', promised: 'Promised time', documents: 'Documents (asked once)', items: 'Items bundled',
    nav: { services: 'Integrated services', reports: 'Suggestion handling reports' },
  },
  category: pick(POWER_CATEGORIES, 'en'),
  list: {
    title: 'Power and responsibility list', q: 'Search name, code or basis', categoryF: 'Category', levelF: 'Level', asOf: 'List as of (default today)',
    showingToday: 'Showing the list in force today. Pick a date to see the list in force on that day.', showingAsOf: 'Showing the list in force on {{date}}. Clear the date to return to today.',
    amend: 'Amend item', remove: 'Remove item', amendShort: 'Amend', removeShort: 'Remove',
    f: { approvalRef: 'Approval document', approvedOn: 'Approved on', effectiveOn: 'Effective on', reason: 'Reason' },
    level: { department: 'Departments', subdistrict: 'Subdistricts' },
    col: { code: 'Code', name: 'Name', category: 'Category', unit: 'Unit', basis: 'Legal basis', responsibility: 'Responsibility', effectiveFrom: 'In force from', effectiveTo: 'In force until', version: 'Version', actions: 'Change' },
  },
};
