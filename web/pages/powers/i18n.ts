import { POWER_CATEGORIES } from '../../../common/powers';

const pick = (o: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v[lang]])) as Record<string, string>;

/** Strings of the power-list pages, under `t('powers.…')`. */
export const powersZh = {
  nav: { list: '权责清单' },
  public: { title: '权责清单', q: '输入事项名称、编码、依据或实施主体', accountability: '追责情形' },
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
export const powersEn: typeof powersZh = {
  nav: { list: 'Power list' },
  public: { title: 'Power and responsibility list', q: 'Search name, code, basis or unit', accountability: 'Accountability' },
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
