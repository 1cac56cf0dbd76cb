import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { today as todayFn } from '../../core/calendar/index.js';
import { badRequest, forbidden, notFound } from '../../core/errors/index.js';
import { paginate } from '../../core/list.js';
import { DEFAULT_WRITE, hasRole, mayWriteAt, type Actor } from '../../core/scope/index.js';
import { regionById, unitsById, unitWithin } from '../org/lookup.js';
import { Activities } from './records.js';
import type { ActivityInput, ActivityListQuery } from './schema.js';

/** Participants of an activity: named attendance when kept, else the recorded count (person-times). */
export const participantsSql = sql<number>`coalesce(nullif((select count(*) from learning_attendance la where la.activity_id = a.id), 0), a.participant_count, 0)`;

/** Activities in scope (organiser unit's staff, region readers), paged; equal dates are ordered by id, so paging never skips or repeats one. */
export async function listActivities(db: Db, actor: Actor, q: z.infer<typeof ActivityListQuery>) {
  const base = db
    .selectFrom('learning_activities as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id', 'a.region_id', 'a.unit_id', 'u.name as unit_name', 'a.kind', 'a.audience', 'a.activity_date', 'a.topic', 'a.speaker', 'a.location', 'a.participant_count', 'a.notes',
    ])
    .where(Activities.readWhere(actor))
    .$if(!!q.kind, (b) => b.where('a.kind', '=', q.kind!))
    .$if(!!q.audience, (b) => b.where('a.audience', '=', q.audience!))
    .$if(!!q.unitId, (b) => b.where('a.unit_id', '=', q.unitId!))
    .$if(!!q.year, (b) => b.where('a.activity_date', '>=', `${q.year}-01-01`).where('a.activity_date', '<=', `${q.year}-12-31`))
    .$if(!!q.q, (b) => b.where('a.topic', 'like', `%${q.q}%`));
  const page = await paginate(base, q, { date: 'a.activity_date', topic: 'a.topic', unit: 'u.name' }, { column: 'a.activity_date', order: 'desc' }, 'a.id');
  // The attendance count and the write check for the page's rows only: computed before the sort they cost
  // one sub-query per record in scope (60,000 for a provincial office), not per row shown.
  const ids = page.items.map((a) => a.id);
  const extra = ids.length
    ? await db
        .selectFrom('learning_activities as a')
        .select(['a.id', participantsSql.as('participants'), sql<boolean>`${Activities.writeWhere(actor)}`.as('canEdit')])
        .where('a.id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(extra.map((e) => [e.id, e]));
  return { ...page, items: page.items.map((a) => ({ ...a, participants: Number(byId.get(a.id)?.participants ?? 0), canEdit: !!byId.get(a.id)?.canEdit })) };
}

/** One activity with its attendance, if visible (one scoped query; 404 for unknown and forbidden alike). */
export async function getActivity(db: Db, actor: Actor, id: string) {
  const a = await db
    .selectFrom('learning_activities as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select(['u.name as unit_name', participantsSql.as('participants'), sql<boolean>`${Activities.writeWhere(actor)}`.as('canEdit')])
    .where('a.id', '=', id)
    .where(Activities.readWhere(actor))
    .executeTakeFirst();
  if (!a) throw notFound(Activities.label);
  const attendees = await db
    .selectFrom('learning_attendance as la')
    .leftJoin('units as u', 'u.id', 'la.unit_id')
    .select(['la.id', 'la.person_name', 'la.unit_id', 'u.name as unit_name', 'la.score', 'la.passed'])
    .where('la.activity_id', '=', id)
    .orderBy('u.name')
    .orderBy('la.person_name')
    .orderBy('la.id')
    .execute();
  return { activity: { ...a, canEdit: !!a.canEdit }, attendees };
}

async function checkInput(trx: Db, regionId: string, input: z.infer<typeof ActivityInput>, today: string) {
  const fields: { path: string; message: string }[] = [];
  if (input.date > today) fields.push({ path: 'date', message: '活动日期不能晚于今天' });
  const ids = [...new Set(input.attendees.map((x) => x.unitId).filter((x): x is string => !!x))];
  if (ids.length) {
    const region = await regionById(trx, regionId);
    let inside = !!region;
    for (const id of ids) if (inside && !(await unitWithin(trx, id, [region!.path]))) inside = false;
    if (!inside) fields.push({ path: 'attendees', message: '参加人员的单位不在本辖区' });
  }
  if (fields.length) throw badRequest('ACTIVITY_INVALID', { zh: fields.map((f) => f.message).join('；'), en: 'Invalid activity' }, { fields });
}

const attendanceRows = (activityId: string, regionId: string, input: z.infer<typeof ActivityInput>) =>
  input.attendees.map((x) => ({ activity_id: activityId, region_id: regionId, unit_id: x.unitId ?? null, person_name: x.name, officer_id: x.officerId ?? null, score: x.score ?? null, passed: x.passed ?? null }));

/** Records an activity (the office for any unit of its region; a unit's head or liaison for their unit). */
export async function recordActivity(db: Kysely<Database>, actor: Actor, input: z.infer<typeof ActivityInput>, today = todayFn()) {
  const unitId = input.unitId ?? actor.unitId;
  if (!unitId) throw badRequest('UNIT_REQUIRED', { zh: '请选择组织单位', en: 'Choose the organising unit' }, { fields: [{ path: 'unitId', message: '请选择组织单位' }] });
  if (!hasRole(actor, 'office', 'unit_head', 'liaison')) throw forbidden();
  return db.transaction().execute(async (trx) => {
    // A unit the actor may not write for is not theirs to name: 404, as for a unit that does not exist.
    const unit = (await unitsById(trx, [unitId])).get(unitId);
    if (!unit || !(await mayWriteAt(trx, actor, unit.region_id, unit.id, DEFAULT_WRITE))) throw notFound({ zh: '组织单位', en: 'Organising unit' });
    await checkInput(trx, unit.region_id, input, today);
    const row = await Activities.insert(trx, actor, {
      region_id: unit.region_id, unit_id: unit.id, kind: input.kind, audience: input.audience ?? null, activity_date: input.date, topic: input.topic,
      speaker: input.speaker ?? null, location: input.location ?? null, participant_count: input.participantCount ?? null, notes: input.notes ?? null, created_by: actor.userId,
    });
    if (input.attendees.length) {
      await trx.insertInto('learning_attendance').values(attendanceRows(row.id, unit.region_id, input)).execute();
      await Activities.audit(trx, actor, 'set_attendance', null, { ...row, attendees: input.attendees.length });
    }
    return row;
  });
}

/** Edits an activity and replaces its attendance. */
export async function updateActivity(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ActivityInput>, today = todayFn()) {
  return db.transaction().execute(async (trx) => {
    const before = await Activities.lockForWrite(trx, actor, id);
    if (input.unitId && input.unitId !== before.unit_id) throw badRequest('UNIT_FIXED', { zh: '不能变更组织单位', en: 'The organiser cannot change' }, { fields: [{ path: 'unitId', message: '不能变更组织单位' }] });
    await checkInput(trx, before.region_id, input, today);
    const after = await Activities.update(trx, actor, before, {
      kind: input.kind, audience: input.audience ?? null, activity_date: input.date, topic: input.topic, speaker: input.speaker ?? null, location: input.location ?? null,
      participant_count: input.participantCount ?? null, notes: input.notes ?? null,
    });
    const old = await trx.selectFrom('learning_attendance').select((eb) => eb.fn.countAll<number>().as('n')).where('activity_id', '=', id).executeTakeFirstOrThrow();
    await trx.deleteFrom('learning_attendance').where('activity_id', '=', id).execute();
    if (input.attendees.length) await trx.insertInto('learning_attendance').values(attendanceRows(id, before.region_id, input)).execute();
    if (Number(old.n) || input.attendees.length) await Activities.audit(trx, actor, 'set_attendance', { attendees: Number(old.n) }, { ...after, attendees: input.attendees.length });
    return after;
  });
}

/**
 * The trainings and exams a registered enforcement officer attended (named attendance linked to the
 * officer): the one place an officer's training record is kept. The caller has checked it may read the officer.
 */
export function attendanceOfOfficer(db: Db, officerId: string) {
  return db.selectFrom('learning_attendance as la').innerJoin('learning_activities as a', 'a.id', 'la.activity_id')
    .select(['la.id', 'a.id as activity_id', 'a.kind', 'a.activity_date', 'a.topic', 'la.score', 'la.passed'])
    .where('la.officer_id', '=', officerId).where('a.kind', 'in', ['training', 'exam'])
    .orderBy('a.activity_date', 'desc').orderBy('la.id').execute();
}
