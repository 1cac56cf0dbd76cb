import type { EnglishOf } from '../../locales';
/** Strings of the admin pages (系统管理), under `t('adminPages.…')`. */
export const adminZh = {
  units: {
    title: '区域与单位', regions: '行政区域', allRegions: '全部区域', name: '单位名称', shortName: '简称', type: '单位类型', region: '所属区域',
    activeFrom: '设立日期', activeTo: '撤销日期', sort: '排序', code: '单位代码', create: '新增单位', edit: '编辑单位', import: '导入单位',
    q: '按单位名称查询', created: '单位已创建', updated: '单位信息已保存',
  },
  unit: { detail: '单位详情', basic: '基本信息' },
  users: {
    title: '用户与角色', username: '用户名', displayName: '姓名', unit: '所在单位', phone: '联系电话', status: '状态', active: '正常', inactive: '已停用',
    locked: '已锁定', mustChange: '待改初始密码', roles: '角色', create: '新增用户', password: '初始密码', passwordHint: '用户首次登录时须修改此密码',
    grants: '角色授权', grantRole: '角色', grantScope: '授权范围', grantUnit: '单位', grantRegion: '区域', addGrant: '授予角色', revoke: '撤销',
    revokeConfirm: '确定撤销该角色吗？', reset: '重置密码', resetTitle: '重置 {{name}} 的密码', resetDone: '密码已重置，用户下次登录时须修改密码',
    deactivate: '停用', activate: '启用', q: '按用户名或姓名查询', created: '用户已创建', granted: '已授予角色', revoked: '已撤销角色', noGrants: '尚未授予任何角色',
    unitRoleHint: '单位联络员、单位负责人、法律顾问、执法人员须指定单位；依法治区办、区领导、上级查看、系统管理员须指定区域。',
  },
  calendar: {
    title: '工作日历', month: '月份', legend: '图例', workday: '工作日', weekend: '休息日', holiday: '法定节假日', makeup: '调休上班',
    overrideHoliday: '本地调整·休息', overrideWorkday: '本地调整·上班', overrides: '本地调整', addOverride: '新增调整', day: '日期', kind: '调整为',
    reason: '事由', asWorkday: '工作日', asHoliday: '休息日', saved: '已保存，{{count}} 个未办结期限已重新计算', removed: '已删除，{{count}} 个未办结期限已重新计算',
    provisional: '{{year}}年国家节假日安排尚未发布，本月暂按周一至周五为工作日显示。', coveredUntil: '国家节假日数据覆盖至{{year}}年',
    weekdays: ['一', '二', '三', '四', '五', '六', '日'], tagHoliday: '休', tagMakeup: '班', tagLocal: '本地',
    hint: '法定期限按工作日计算时，以本日历为准；修改后系统自动重算所有未办结的期限。',
  },
  audit: {
    title: '操作日志', at: '时间', actor: '操作人', action: '操作', entity: '对象类型', entityId: '记录', ip: 'IP地址', range: '时间范围',
    diff: '变更前后对比', noChange: '无字段变化', system: '系统', untitled: '（无标题）',
    actions: { create: '新增', update: '修改', delete: '删除', import: '导入', login: '登录', logout: '退出', lock: '锁定', seed_org: '载入演示数据', grant: '授予角色', revoke: '撤销角色', reset_password: '重置密码', change_password: '修改密码', upload: '上传附件' },
    entities: { unit: '单位', user: '用户', region: '区域', calendar_override: '日历调整', setting: '系统设置', file: '附件', demo: '演示数据', session: '会话', role_assignment: '角色授权' },
  },
  settings: { title: '系统设置', key: '设置项', value: '当前值', default: '默认值', edit: '修改', saved: '设置已保存' },
};

/** English strings of the admin pages. */
export const adminEn: EnglishOf<typeof adminZh> = {
  units: {
    title: 'Regions & units', regions: 'Regions', allRegions: 'All regions', name: 'Name', shortName: 'Short name', type: 'Type', region: 'Region',
    activeFrom: 'Active from', activeTo: 'Active to', sort: 'Order', code: 'Code', create: 'New unit', edit: 'Edit unit', import: 'Import units',
    q: 'Search by name', created: 'Unit created', updated: 'Unit saved',
  },
  unit: { detail: 'Unit', basic: 'Details' },
  users: {
    title: 'Users & roles', username: 'Username', displayName: 'Name', unit: 'Unit', phone: 'Phone', status: 'Status', active: 'Active', inactive: 'Deactivated',
    locked: 'Locked', mustChange: 'Must change password', roles: 'Roles', create: 'New user', password: 'Initial password', passwordHint: 'The user must change it at first sign-in',
    grants: 'Role grants', grantRole: 'Role', grantScope: 'Scope', grantUnit: 'Unit', grantRegion: 'Region', addGrant: 'Grant role', revoke: 'Revoke',
    revokeConfirm: 'Revoke this role?', reset: 'Reset password', resetTitle: 'Reset the password of {{name}}', resetDone: 'Password reset; the user must change it at next sign-in',
    deactivate: 'Deactivate', activate: 'Activate', q: 'Search username or name', created: 'User created', granted: 'Role granted', revoked: 'Role revoked', noGrants: 'No roles granted',
    unitRoleHint: 'Unit liaison, unit head, legal advisor and officer need a unit; office, leader, viewer and administrator need a region.',
  },
  calendar: {
    title: 'Working-day calendar', month: 'Month', legend: 'Legend', workday: 'Working day', weekend: 'Weekend', holiday: 'Public holiday', makeup: 'Make-up workday',
    overrideHoliday: 'Local: day off', overrideWorkday: 'Local: working day', overrides: 'Local overrides', addOverride: 'Add override', day: 'Date', kind: 'Make it',
    reason: 'Reason', asWorkday: 'Working day', asHoliday: 'Day off', saved: 'Saved; {{count}} open deadlines recomputed', removed: 'Removed; {{count}} open deadlines recomputed',
    provisional: 'The national holiday schedule for {{year}} is not published; Mon–Fri are shown as working days.', coveredUntil: 'National holiday data covers up to {{year}}',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], tagHoliday: 'Off', tagMakeup: 'Work', tagLocal: 'Local',
    hint: 'Deadlines in working days follow this calendar; changing it recomputes every open deadline.',
  },
  audit: {
    title: 'Audit log', at: 'Time', actor: 'Actor', action: 'Action', entity: 'Entity', entityId: 'Record', ip: 'IP', range: 'Time range',
    diff: 'Before / after', noChange: 'No field changed', system: 'System', untitled: '(untitled)',
    actions: { create: 'Create', update: 'Update', delete: 'Delete', import: 'Import', login: 'Sign in', logout: 'Sign out', lock: 'Lock', seed_org: 'Demo loaded', grant: 'Grant role', revoke: 'Revoke role', reset_password: 'Reset password', change_password: 'Change password', upload: 'Upload' },
    entities: { unit: 'Unit', user: 'User', region: 'Region', calendar_override: 'Calendar override', setting: 'Setting', file: 'File', demo: 'Demo data', session: 'Session', role_assignment: 'Role grant' },
  },
  settings: { title: 'Settings', key: 'Setting', value: 'Value', default: 'Default', edit: 'Edit', saved: 'Setting saved' },
};
