/** Learning module: labels and request schemas shared by the server and the web app. */
import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';

/** Kinds of learning activity, with labels. */
export const ACTIVITY_KINDS = {
  executive_study: { zh: '政府常务会学法', en: 'Law study at the executive meeting' },
  lecture: { zh: '法治专题报告会', en: 'Rule-of-law lecture' },
  group_viewing: { zh: '集中观看学习', en: 'Group viewing' },
  test: { zh: '依法行政知识测试', en: 'Legal knowledge test' },
  training: { zh: '培训', en: 'Training' },
  exam: { zh: '执法资格考试', en: 'Qualification exam' },
  competition: { zh: '知识竞赛', en: 'Competition' },
} as const;
/** An activity kind. */
export type ActivityKind = keyof typeof ACTIVITY_KINDS;

/** Audiences of trainings and exams. */
export const AUDIENCES = {
  leaders: { zh: '领导干部', en: 'Leaders' },
  enforcement: { zh: '行政执法人员', en: 'Enforcement officers' },
  mediator: { zh: '人民调解员', en: 'Mediators' },
  staff: { zh: '机关工作人员', en: 'Civil servants' },
  other: { zh: '其他', en: 'Other' },
} as const;
/** An audience. */
export type Audience = keyof typeof AUDIENCES;

const kinds = Object.keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]];
const audiences = Object.keys(AUDIENCES) as [Audience, ...Audience[]];

/** One attendee. */
export const AttendeeInput = z.object({
  name: z.string().trim().min(1).max(40),
  unitId: Id.nullish(),
  /** The registered enforcement officer (training and exam attendance of officers). */
  officerId: Id.nullish(),
  score: z.number().min(0).max(100).nullish(),
  passed: z.boolean().nullish(),
});

/** Record an activity: date, organiser, topic, participants as a count or named attendance. */
export const ActivityInput = z.object({
  kind: z.enum(kinds),
  /** Required for trainings and exams (执法人员, 调解员…). */
  audience: z.enum(audiences).nullish(),
  date: DateStr,
  /** Organiser unit (defaults to the recorder's unit). */
  unitId: Id.optional(),
  topic: z.string().trim().min(2).max(200),
  speaker: z.string().trim().max(60).nullish(),
  location: z.string().trim().max(100).nullish(),
  /** Person-times when no named attendance is kept. */
  participantCount: z.number().int().min(0).max(100000).nullish(),
  attendees: z.array(AttendeeInput).max(5000).default([]),
  notes: z.string().trim().max(2000).nullish(),
})
  .refine((a) => !['training', 'exam'].includes(a.kind) || !!a.audience, { message: '培训和考试须注明对象', path: ['audience'] })
  .refine((a) => a.participantCount == null || a.attendees.length === 0 || a.participantCount >= a.attendees.length, { message: '参加人次不能少于签到名单人数', path: ['participantCount'] });

/** List filters. */
export const ActivityListQuery = ListQuery.extend({
  kind: z.enum(kinds).optional(),
  audience: z.enum(audiences).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: Id.optional(),
});

// ---------------------------------------------------------------- responses (what each endpoint exposes)

/** An activity as listed, created or edited, with the reader's ability to edit it. */
export const ActivityOut = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string(), kind: z.enum(kinds), kindLabel: z.string(), audience: z.enum(audiences).nullable(), audienceLabel: z.string().nullable(),
  date: z.string(), topic: z.string(), speaker: z.string().nullable(), location: z.string().nullable(), participantCount: z.number().int().nullable(),
  /** Named attendance when kept, else the recorded count. */
  participants: z.number().int(), notes: z.string().nullable(), canEdit: z.boolean(),
});
/** One attendee of an activity. */
export const AttendeeOut = z.object({ id: z.string(), name: z.string(), unitId: z.string().nullable(), unitName: z.string().nullable(), score: z.number().nullable(), passed: z.boolean().nullable() });
/** An activity with its attendance. */
export const ActivityDetailOut = ActivityOut.extend({ attendees: z.array(AttendeeOut) });
/** A spreadsheet download. */
