import type { Generated } from 'kysely';
import type { DateStr as DateCol } from '../../db/types.js';
import type { ActivityKind, Audience } from '../../../common/learning.js';

export * from '../../../common/learning.js';

/** A study session, test, training, exam or competition. */
export interface LearningActivitiesTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  kind: ActivityKind;
  audience: Audience | null;
  activity_date: DateCol;
  topic: string;
  speaker: string | null;
  location: string | null;
  participant_count: number | null;
  notes: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}
/** Named attendance (with a score for tests and exams). */
export interface LearningAttendanceTable {
  id: Generated<string>;
  activity_id: string;
  region_id: string;
  unit_id: string | null;
  person_name: string;
  /** The registered enforcement officer this attendee is (null for others). */
  officer_id: string | null;
  score: number | null;
  passed: boolean | null;
}

declare module '../../db/types.js' {
  interface Database {
    learning_activities: LearningActivitiesTable;
    learning_attendance: LearningAttendanceTable;
  }
}

