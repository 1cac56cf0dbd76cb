import { sql, type Expression, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/index.js';
import { badDim, inMetricScope, type BreakdownRow, type MetricDef, type MetricDim, type MetricRecord, type MetricScope, type Period } from '../../core/metrics/index.js';
import { participantsSql } from './service.js';
import { ACTIVITY_KINDS, type ActivityKind, type Audience } from './schema.js';

/** Activities in scope (by region path; scope unit = organiser) whose date falls in the period. */
function activities(db: Db, scope: MetricScope, period: Period) {
  return db
    .selectFrom('learning_activities as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .where(inMetricScope(scope, 'a.region_id', 'a.unit_id'))
    .where('a.activity_date', '>=', period.from)
    .where('a.activity_date', '<=', period.to);
}

const DIMS = [
  { dim: 'unit', label: { zh: '按组织单位', en: 'By organising unit' } },
  { dim: 'month', label: { zh: '按活动月份', en: 'By month of the activity' } },
];

/** A figure (`value`, e.g. count(*) or a sum of participants) grouped in SQL by organising unit or month of the activity date. */
async function groupBy(qb: SelectQueryBuilder<any, any, any>, value: Expression<number>, dim: MetricDim): Promise<BreakdownRow[]> {
  if (dim === 'unit') {
    const rows = (await qb.select(['a.unit_id as key', 'u.name as label', sql<number>`${value}`.as('value')]).groupBy(['a.unit_id', 'u.name', 'u.sort']).orderBy('u.sort').orderBy('a.unit_id').execute()) as BreakdownRow[];
    return rows.map((r) => ({ ...r, value: Number(r.value) }));
  }
  if (dim === 'month') {
    const m = sql<string>`to_char(a.activity_date, 'YYYY-MM')`;
    const rows = (await qb.select([m.as('key'), sql<number>`${value}`.as('value')]).groupBy(m as never).orderBy(sql`1`).execute()) as { key: string; value: number }[];
    return rows.map((r) => ({ key: r.key, label: r.key, value: Number(r.value) }));
  }
  throw badDim(dim);
}

const SQL_SCOPE: MetricScope = { regionPath: ':regionPath' };
const SQL_PERIOD: Period = { from: '2000-01-01', to: '2000-12-31' };

/** No learning record at all in scope and period → "no data" (null), never a made-up 0. */
async function anyRecord(db: Db, scope: MetricScope, period: Period) {
  return !!(await activities(db, scope, period).select('a.id').limit(1).executeTakeFirst());
}

function filtered(db: Db, scope: MetricScope, period: Period, kind: ActivityKind, audience?: Audience) {
  return activities(db, scope, period).where('a.kind', '=', kind).$if(!!audience, (q) => q.where('a.audience', '=', audience!));
}

async function listRecords(db: Db, scope: MetricScope, period: Period, kind: ActivityKind, audience?: Audience): Promise<MetricRecord[]> {
  const rows = await filtered(db, scope, period, kind, audience).select(['a.id', 'a.topic', 'a.activity_date', 'u.name as unit_name', participantsSql.as('participants')]).orderBy('a.activity_date').orderBy('a.id').execute();
  return rows.map((r) => ({ id: r.id, entity: 'learning_activity', label: `${r.topic}（${Number(r.participants)}人次）`, date: r.activity_date, unitName: r.unit_name }));
}

function countMetric(id: string, kind: ActivityKind, audience: Audience | undefined, label: { zh: string; en: string }, definition: { zh: string; en: string }): MetricDef {
  return {
    id, module: 'learning', unit: 'count', label, definition,
    async compute(db, scope, period) {
      if (!(await anyRecord(db, scope, period))) return null;
      const r = await filtered(db, scope, period, kind, audience).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    records: (db, scope, period) => listRecords(db, scope, period, kind, audience),
    dims: DIMS,
    breakdown: (db, scope, period, dim) => groupBy(filtered(db, scope, period, kind, audience), sql<number>`count(*)`, dim),
    sql: (db) => filtered(db, SQL_SCOPE, SQL_PERIOD, kind, audience).select(sql<number>`count(*)`.as('n')).compile().sql,
  };
}

function participantMetric(id: string, kind: ActivityKind, audience: Audience, label: { zh: string; en: string }, definition: { zh: string; en: string }, unit: 'person' | 'person_time' = 'person_time'): MetricDef {
  return {
    id, module: 'learning', unit, label, definition,
    async compute(db, scope, period) {
      if (!(await anyRecord(db, scope, period))) return null;
      const r = await filtered(db, scope, period, kind, audience).select(sql<number>`coalesce(sum(${participantsSql}), 0)`.as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    records: (db, scope, period) => listRecords(db, scope, period, kind, audience),
    dims: DIMS,
    breakdown: (db, scope, period, dim) => groupBy(filtered(db, scope, period, kind, audience), sql<number>`coalesce(sum(${participantsSql}), 0)`, dim),
    sql: (db) => filtered(db, SQL_SCOPE, SQL_PERIOD, kind, audience).select(sql<number>`coalesce(sum(${participantsSql}), 0)`.as('n')).compile().sql,
  };
}

const PARTICIPANTS = '参加人次：有签到名单的按名单人数，否则按登记的参加人次';

/** The learning module's figures. */
export const learningMetrics: MetricDef[] = [
  countMetric('learning.executiveStudySessions', 'executive_study', undefined, { zh: '政府常务会学法次数', en: 'Law studies at executive meetings' }, {
    zh: `活动日期在统计期内的“${ACTIVITY_KINDS.executive_study.zh}”记录数`, en: 'Law-study sessions held at the government executive meeting, by session date',
  }),
  countMetric('learning.legalTests', 'test', undefined, { zh: '依法行政知识测试次数', en: 'Legal knowledge tests' }, {
    zh: '测试日期在统计期内的“依法行政知识测试”记录数', en: 'Legal knowledge tests held in the period, by test date',
  }),
  countMetric('learning.enforcementTrainings', 'training', 'enforcement', { zh: '行政执法培训次数', en: 'Enforcement officer trainings' }, {
    zh: '培训日期在统计期内、培训对象为行政执法人员的培训记录数', en: 'Trainings for enforcement officers held in the period',
  }),
  participantMetric('learning.enforcementTrainees', 'training', 'enforcement', { zh: '行政执法培训人次', en: 'Enforcement training person-times' }, {
    zh: `统计期内行政执法人员培训的参加人次之和（${PARTICIPANTS}）`, en: 'Sum of participants (named attendance, else the recorded count) of enforcement trainings in the period',
  }),
  {
    id: 'learning.enforcementExamUnits', module: 'learning', unit: 'count',
    label: { zh: '参加执法考试的执法单位', en: 'Units taking the enforcement exam' },
    definition: { zh: '统计期内行政执法人员考试签到名单中的不同单位数', en: 'Distinct units in the attendance of enforcement-officer exams held in the period' },
    async compute(db, scope, period) {
      if (!(await anyRecord(db, scope, period))) return null;
      const r = await filtered(db, scope, period, 'exam', 'enforcement').innerJoin('learning_attendance as la', 'la.activity_id', 'a.id').select(sql<number>`count(distinct la.unit_id)`.as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async records(db, scope, period) {
      const rows = await filtered(db, scope, period, 'exam', 'enforcement').innerJoin('learning_attendance as la', 'la.activity_id', 'a.id').innerJoin('units as au', 'au.id', 'la.unit_id')
        .select(['au.id', 'au.name', sql<number>`count(*)`.as('n')]).groupBy(['au.id', 'au.name']).orderBy('au.name').orderBy('au.id').execute();
      return rows.map((r) => ({ id: r.id, entity: 'unit', label: `${r.name}（${Number(r.n)}人）`, unitName: r.name }));
    },
  },
  participantMetric('learning.enforcementExamParticipants', 'exam', 'enforcement', { zh: '参加执法考试的执法人员', en: 'Officers taking the enforcement exam' }, {
    zh: `统计期内行政执法人员考试的参加人数之和（${PARTICIPANTS}）`, en: 'Participants of enforcement-officer exams held in the period',
  }, 'person'),
  countMetric('learning.mediatorTrainings', 'training', 'mediator', { zh: '人民调解员培训次数', en: 'Mediator trainings' }, {
    zh: '培训日期在统计期内、培训对象为人民调解员的培训记录数', en: 'Trainings for mediators held in the period',
  }),
  countMetric('learning.lectures', 'lecture', undefined, { zh: '法治专题报告会次数', en: 'Rule-of-law lectures' }, {
    zh: '统计期内举办的法治教育专题报告会记录数', en: 'Rule-of-law lectures held in the period',
  }),
];
