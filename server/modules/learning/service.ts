import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { today as todayFn } from '../../core/calendar/index.js';
import { badRequest, forbidden, notFound } from '../../core/errors/index.js';
import { paginate as corePaginate } from '../../core/list.js';
import { auditActor, canWriteAt, DEFAULT_WRITE, hasRole, readScope, writeScope, type Actor } from '../../core/scope/index.js';
import { regionSubtree } from '../org/service.js';
import type { ActivityInput, ActivityListQuery } from './schema.js';

const ACTIVITY = { zh: '学法培训记录', en: 'Learning record' };

/** Participants of an activity: named attendance when kept, else the recorded count (person-times). */
export const participantsSql = sql<number>`coalesce(nullif((select count(*) from learning_attendance la where la.activity_id = a.id), 0), a.participant_count, 0)`;

/** Activities in scope (organiser unit's staff, region readers), paged. */
export async function listActivities(db: Db, actor: Actor, q: z.infer<typeof ActivityListQuery>) {
  const base = db
    .selectFrom('learning_activities as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.region_id', 'a.unit_id', 'u.name as unit_name', 'a.kind', 'a.audience', 'a.activity_date', 'a.topic', 'a.speaker', 'a.location', 'a.participant_count', 'a.notes', participantsSql.as('participants')])
    .where(readScope(actor, { region: 'a.region_id', unit: 'a.unit_id' }))
    .$if(!!q.kind, (b) => b.where('a.kind', '=', q.kind!))
    .$if(!!q.audience, (b) => b.where('a.audience', '=', q.audience!))
    .$if(!!q.unitId, (b) => b.where('a.unit_id', '=', q.unitId!))
    .$if(!!q.year, (b) => b.where('a.activity_date', '>=', `${q.year}-01-01`).where('a.activity_date', '<=', `${q.year}-12-31`))
    .$if(!!q.q, (b) => b.where('a.topic', 'like', `%${q.q}%`));
  const page = await corePaginate(base as never, q, { date: 'a.activity_date', topic: 'a.topic', unit: 'u.name' }, { column: 'a.activity_date', order: 'desc' });
  return { ...page, items: (page.items as Awaited<ReturnType<typeof base.execute>>).map((a) => ({ ...a, canEdit: canWriteAt(actor, a.region_id, a.unit_id, DEFAULT_WRITE) })) };
}

/** One activity with its attendance, if visible. */
export async function getActivity(db: Db, actor: Actor, id: string) {
  const a = await db
    .selectFrom('learning_activities as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select(['u.name as unit_name', participantsSql.as('participants')])
    .where('a.id', '=', id)
    .where(readScope(actor, { region: 'a.region_id', unit: 'a.unit_id' }))
    .executeTakeFirst();
  if (!a) throw notFound(ACTIVITY);
  const attendees = await db.selectFrom('learning_attendance as la').leftJoin('units as u', 'u.id', 'la.unit_id').select(['la.id', 'la.person_name', 'la.unit_id', 'u.name as unit_name', 'la.score', 'la.passed']).where('la.activity_id', '=', id).orderBy('u.name').orderBy('la.person_name').execute();
  return { activity: { ...a, canEdit: canWriteAt(actor, a.region_id, a.unit_id, DEFAULT_WRITE) }, attendees };
}

async function checkInput(trx: Db, regionId: string, input: z.infer<typeof ActivityInput>, today: string) {
  const fields: { path: string; message: string }[] = [];
  if (input.date > today) fields.push({ path: 'date', message: '活动日期不能晚于今天' });
  const ids = [...new Set(input.attendees.map((x) => x.unitId).filter((x): x is string => !!x))];
  if (ids.length) {
    const subtree = await regionSubtree(trx, regionId);
    const ok = await trx.selectFrom('units').select('id').where('id', 'in', ids).where('region_id', 'in', subtree).execute();
    if (ok.length !== ids.length) fields.push({ path: 'attendees', message: '参加人员的单位不在本辖区' });
  }
  if (fields.length) throw badRequest('ACTIVITY_INVALID', { zh: fields.map((f) => f.message).join('；'), en: 'Invalid activity' }, { fields });
}

/** Records an activity (the office for any unit of its region; a unit's head or liaison for their unit). */
export async function recordActivity(db: Kysely<Database>, actor: Actor, input: z.infer<typeof ActivityInput>, today = todayFn()) {
  const unitId = input.unitId ?? actor.unitId;
  if (!unitId) throw badRequest('UNIT_REQUIRED', { zh: '请选择组织单位', en: 'Choose the organising unit' }, { fields: [{ path: 'unitId', message: '请选择组织单位' }] });
  if (!hasRole(actor, 'office', 'unit_head', 'liaison')) throw forbidden();
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select(['id', 'region_id']).where('id', '=', unitId).executeTakeFirst();
    if (!unit || !canWriteAt(actor, unit.region_id, unit.id, DEFAULT_WRITE)) throw notFound({ zh: '组织单位', en: 'Organising unit' });
    await checkInput(trx, unit.region_id, input, today);
    const row = await trx
      .insertInto('learning_activities')
      .values({
        region_id: unit.region_id, unit_id: unit.id, kind: input.kind, audience: input.audience ?? null, activity_date: input.date, topic: input.topic,
        speaker: input.speaker ?? null, location: input.location ?? null, participant_count: input.participantCount ?? null, notes: input.notes ?? null, created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.attendees.length)
      await trx.insertInto('learning_attendance').values(input.attendees.map((x) => ({ activity_id: row.id, region_id: unit.region_id, unit_id: x.unitId ?? null, person_name: x.name, score: x.score ?? null, passed: x.passed ?? null }))).execute();
    await recordAudit(trx, auditActor(actor), { entity: 'learning_activity', entityId: row.id, action: 'create', regionId: row.region_id, unitId: row.unit_id, after: { ...row, attendees: input.attendees.length } });
    return row;
  });
}

/** Edits an activity and replaces its attendance. */
export async function updateActivity(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ActivityInput>, today = todayFn()) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('learning_activities as a').selectAll('a').where('a.id', '=', id).where(readScope(actor, { region: 'a.region_id', unit: 'a.unit_id' })).executeTakeFirst();
    if (!before) throw notFound(ACTIVITY);
    const locked = await trx.selectFrom('learning_activities as a').select('a.id').where('a.id', '=', id).where(writeScope(actor, { region: 'a.region_id', unit: 'a.unit_id' })).forUpdate().executeTakeFirst();
    if (!locked) throw forbidden();
    if (input.unitId && input.unitId !== before.unit_id) throw badRequest('UNIT_FIXED', { zh: '不能变更组织单位', en: 'The organiser cannot change' }, { fields: [{ path: 'unitId', message: '不能变更组织单位' }] });
    await checkInput(trx, before.region_id, input, today);
    const after = await trx
      .updateTable('learning_activities')
      .set({ kind: input.kind, audience: input.audience ?? null, activity_date: input.date, topic: input.topic, speaker: input.speaker ?? null, location: input.location ?? null, participant_count: input.participantCount ?? null, notes: input.notes ?? null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('learning_attendance').where('activity_id', '=', id).execute();
    if (input.attendees.length)
      await trx.insertInto('learning_attendance').values(input.attendees.map((x) => ({ activity_id: id, region_id: before.region_id, unit_id: x.unitId ?? null, person_name: x.name, score: x.score ?? null, passed: x.passed ?? null }))).execute();
    await recordAudit(trx, auditActor(actor), { entity: 'learning_activity', entityId: id, action: 'update', regionId: after.region_id, unitId: after.unit_id, before, after: { ...after, attendees: input.attendees.length } });
    return after;
  });
}

/** Access for attachments (materials) and history. */
export async function activityAccess(db: Db, actor: Actor, id: string, mode: 'read' | 'write') {
  const a = await db
    .selectFrom('learning_activities as a')
    .select(['a.region_id', 'a.unit_id'])
    .where('a.id', '=', id)
    .where(mode === 'read' ? readScope(actor, { region: 'a.region_id', unit: 'a.unit_id' }) : writeScope(actor, { region: 'a.region_id', unit: 'a.unit_id' }))
    .executeTakeFirst();
  return a ? { regionId: a.region_id, unitId: a.unit_id } : null;
}
