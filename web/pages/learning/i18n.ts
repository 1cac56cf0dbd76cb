import type { EnglishOf } from '../../locales';
/** Strings of the learning pages (学法培训), under `t('learning.…')`. */
export const learningZh = {
  nav: { list: '学法与培训' },
  list: {
    title: '学法用法与培训台账', create: '登记活动', date: '日期', kind: '类别', audience: '对象', unit: '组织单位', topic: '主题', speaker: '主讲人', location: '地点',
    participants: '参加人次', participantCount: '参加人次（无签到名单时填写）', notes: '备注', q: '按主题查询', year: '年度', created: '已登记',
  },
  detail: { title: '活动详情', attendees: '签到名单', name: '姓名', score: '成绩', passed: '合格', materials: '学习材料' },
};
export const learningEn: EnglishOf<typeof learningZh> = {
  nav: { list: 'Study & training' },
  list: {
    title: 'Law study and training records', create: 'Record activity', date: 'Date', kind: 'Kind', audience: 'Audience', unit: 'Organiser', topic: 'Topic', speaker: 'Speaker', location: 'Place',
    participants: 'Participants', participantCount: 'Participants (without a roster)', notes: 'Notes', q: 'Search topics', year: 'Year', created: 'Recorded',
  },
  detail: { title: 'Activity', attendees: 'Attendance', name: 'Name', score: 'Score', passed: 'Passed', materials: 'Materials' },
};
