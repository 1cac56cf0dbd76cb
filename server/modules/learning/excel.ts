import { defineSheet } from '../../core/excel/index.js';
import { ACTIVITY_KINDS, AUDIENCES, type ActivityKind, type Audience } from './schema.js';

/** One row of the learning records export. */
export interface ActivityRow {
  date: string;
  kind: string;
  audience: string;
  unit: string;
  topic: string;
  speaker: string;
  participants: number;
}

/** Export of study sessions, tests and trainings (the office's 学法培训台账). */
export const activitiesSheet = defineSheet<ActivityRow>({
  name: '学法培训台账',
  columns: [
    { key: 'date', header: '日期', headerEn: 'Date', type: 'date', width: 12 },
    { key: 'kind', header: '类别', headerEn: 'Kind', width: 18 },
    { key: 'audience', header: '对象', headerEn: 'Audience', width: 14 },
    { key: 'unit', header: '组织单位', headerEn: 'Organiser', width: 22 },
    { key: 'topic', header: '主题', headerEn: 'Topic', width: 50 },
    { key: 'speaker', header: '主讲人', headerEn: 'Speaker', width: 14 },
    { key: 'participants', header: '参加人次', headerEn: 'Participants', type: 'integer' },
  ],
});

/** Formats an activity for the export. */
export function activityRow(a: { activity_date: string; kind: ActivityKind; audience: Audience | null; unit_name: string; topic: string; speaker: string | null; participants: number }): ActivityRow {
  return {
    date: a.activity_date, kind: ACTIVITY_KINDS[a.kind].zh, audience: a.audience ? AUDIENCES[a.audience].zh : '', unit: a.unit_name, topic: a.topic, speaker: a.speaker ?? '', participants: Number(a.participants),
  };
}
