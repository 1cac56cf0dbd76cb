/**
 * People's mediation use cases (人民调解法): set up committees and mediators, receive a dispute (on
 * application, on the committee's initiative, or referred by a court, petition office or police),
 * end it by a party's refusal, a success with its agreement, or a failure with the other channels
 * advised, and record the parties' application for judicial confirmation.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { today, type DeadlineSpec } from '../../core/calendar/index.js';
import { closeDeadline, deadlinesOf, setDeadline } from '../../core/deadlines/index.js';
import { badRequest, conflict, notFound } from '../../core/errors/index.js';
import { registerConstraints } from '../../core/errors/database.js';
import { defineSetting, getSetting } from '../../core/settings.js';
import { hasRole, type Actor } from '../../core/scope/index.js';
import { unitRegion } from '../org/lookup.js';
import type { ScheduledTask } from '../../core/schedule.js';
import { Committees, Disputes, Mediators } from './records.js';
import {
  DEFAULT_DISPUTE_TYPES, type CommitteeInput, type NoteInput, type ConfirmationInput, type DisputeInput, type DisputeListQuery, type FailureInput, type MediatorInput,
  type RefusalInput, type SuccessInput,
} from './schema.js';
import type { ListQuery } from '../../../common/schemas.js';

const MODULE = 'mediation';
type In<T extends z.ZodType> = z.infer<T>;

/** Dispute types (REFERENCE §13: a statistical code list that differs by place, so configurable). */
export const DisputeTypes = defineSetting({
  key: 'mediation.disputeTypes',
  label: { zh: '矛盾纠纷类型', en: 'Dispute types' },
  schema: z.array(z.object({ code: z.string().min(1).max(40), zh: z.string().min(1).max(40), en: z.string().min(1).max(60) })).min(1).max(60),
  default: DEFAULT_DISPUTE_TYPES,
});
/**
 * The mediation norm in months. 人民调解法 sets none; 司法部《人民调解工作若干规定》(令第75号, 2002)
 * 第三十三条：「人民调解委员会调解纠纷，一般在一个月内调结。」 (REFERENCE §13) — default 1, configurable.
 */
export const NormMonths = defineSetting({
  key: 'mediation.normMonths',
  label: { zh: '人民调解一般调结期限（月）', en: 'Mediation norm (months)' },
  schema: z.number().int().min(1).max(12),
  default: 1,
});

registerConstraints({
  mediation_committees_name_unique: { status: 409, code: 'COMMITTEE_EXISTS', msg: { zh: '同名调解委员会已存在', en: 'A committee with this name exists' } },
  mediation_disputes_agreement_after: { status: 400, code: 'AGREEMENT_BEFORE_RECEIPT', msg: { zh: '协议生效日期不能早于受理日期', en: 'The agreement cannot precede receipt' } },
});

const fieldErr = (code: string, path: string, zh: string, en: string) => badRequest(code, { zh, en }, { fields: [{ path, message: zh }] });
const notAfterToday = (day: string, path: string) => {
  if (day > today()) throw fieldErr('DATE_IN_FUTURE', path, '日期不能晚于今天', 'The date cannot be in the future');
};

/** Sets up a committee under its responsible office (placed in that office's region). */
export async function setUpCommittee(db: Kysely<Database>, actor: Actor, input: In<typeof CommitteeInput>) {
  const region = await unitRegion(db, input.unitId);
  if (!region) throw fieldErr('UNIT_UNKNOWN', 'unitId', '负责单位不存在', 'Unknown unit');
  return db.transaction().execute((trx) =>
    Committees.insert(trx, actor, { region_id: region.id, unit_id: input.unitId, name: input.name, kind: input.kind, established_on: input.establishedOn }),
  );
}

/** Committees in scope with their mediator and dispute counts. */
export function listCommittees(db: Db, actor: Actor, q: In<typeof ListQuery> & { year?: number }) {
  return Committees.list(db, actor, q, {
    select: (qb) => qb.innerJoin('units as u', 'u.id', 'mc.unit_id').innerJoin('regions as r', 'r.id', 'mc.region_id').selectAll('mc').select([
      'u.name as unit_name', 'r.name as region_name',
      sql<number>`(select count(*) from mediation_mediators m where m.committee_id = mc.id)`.as('mediators'),
      sql<number>`(select count(*) from mediation_disputes x where x.committee_id = mc.id ${q.year ? sql`and extract(year from x.received_on) = ${q.year}` : sql``})`.as('disputes'),
    ]),
    sortable: { name: 'mc.name', kind: 'mc.kind' },
    defaultSort: { column: 'mc.name', order: 'asc' },
  });
}

/** Adds a mediator to a committee. */
export async function appointMediator(db: Kysely<Database>, actor: Actor, input: In<typeof MediatorInput>) {
  return db.transaction().execute(async (trx) => {
    const c = await Committees.lockForWrite(trx, actor, input.committeeId);
    return Mediators.insert(trx, actor, { region_id: c.region_id, unit_id: c.unit_id, committee_id: c.id, name: input.name, full_time: input.fullTime });
  });
}

/** Mediators in scope. */
export function listMediators(db: Db, actor: Actor, q: In<typeof ListQuery>) {
  return Mediators.list(db, actor, q, {
    select: (qb) => qb.innerJoin('mediation_committees as mc', 'mc.id', 'mm.committee_id').selectAll('mm').select('mc.name as committee_name'),
    sortable: { name: 'mm.name' },
    defaultSort: { column: 'mm.name', order: 'asc' },
  });
}

/** A dispute as lists read it. */
export type DisputeRow = Selectable<Database['mediation_disputes']> & {
  committee_name: string; unit_name: string; mediator_name: string | null; can_edit: boolean; due_on: string | null; confirmation_due: string | null; confirmation_open: boolean;
  /** The latest follow-up visit (the ledger's 回访 columns). */
  visit_on: string | null; visit_note: string | null;
};
const dueOf = (kind: string) =>
  sql<string | null>`(select to_char(dl.due_date, 'YYYY-MM-DD') from deadlines dl where dl.entity = 'mediation_dispute' and dl.entity_id = md.id and dl.kind = ${kind})`;
function disputeSelect(qb: any, actor: Actor) {
  return qb
    .innerJoin('mediation_committees as mc', 'mc.id', 'md.committee_id')
    .innerJoin('units as u', 'u.id', 'md.unit_id')
    .leftJoin('mediation_mediators as mm', 'mm.id', 'md.mediator_id')
    .selectAll('md')
    .select(['mc.name as committee_name', 'u.name as unit_name', 'mm.name as mediator_name', sql<boolean>`${Disputes.writeWhere(actor)}`.as('can_edit'), dueOf('mediation').as('due_on'), dueOf('confirmation').as('confirmation_due'),
      sql<boolean>`exists (select 1 from deadlines dl where dl.entity = 'mediation_dispute' and dl.entity_id = md.id and dl.kind = 'confirmation' and dl.status = 'open')`.as('confirmation_open'),
      sql<string | null>`(select to_char(v.on_date, 'YYYY-MM-DD') from mediation_dispute_notes v where v.dispute_id = md.id and v.kind = 'visit' order by v.on_date desc, v.created_at desc, v.id desc limit 1)`.as('visit_on'),
      sql<string | null>`(select v.note from mediation_dispute_notes v where v.dispute_id = md.id and v.kind = 'visit' order by v.on_date desc, v.created_at desc, v.id desc limit 1)`.as('visit_note')]);
}

/** Disputes in scope, filtered and paged. */
export function listDisputes(db: Db, actor: Actor, q: In<typeof DisputeListQuery>) {
  return Disputes.list<DisputeRow>(db, actor, q, {
    select: (qb) => disputeSelect(qb, actor)
      .$if(!!q.status, (b: any) => b.where('md.status', '=', q.status))
      .$if(!!q.source, (b: any) => b.where('md.source', '=', q.source))
      .$if(!!q.committeeId, (b: any) => b.where('md.committee_id', '=', q.committeeId))
      .$if(!!q.year, (b: any) => b.where('md.received_on', '>=', `${q.year}-01-01`).where('md.received_on', '<=', `${q.year}-12-31`))
      .$if(!!q.q, (b: any) => b.where((eb: any) => eb.or([eb('md.parties', 'like', `%${q.q}%`), eb('md.case_no', 'like', `%${q.q}%`)]))),
    sortable: { receivedOn: 'md.received_on', caseNo: 'md.case_no', status: 'md.status' },
    defaultSort: { column: 'md.received_on', order: 'desc' },
  });
}

/** One dispute with its sessions, visits and deadlines. */
export async function getDispute(db: Db, actor: Actor, id: string) {
  const row = (await disputeSelect(Disputes.query(db, actor), actor).where('md.id', '=', id).executeTakeFirst()) as DisputeRow | undefined;
  if (!row) throw notFound(Disputes.label);
  const notes = await db.selectFrom('mediation_dispute_notes as n').leftJoin('mediation_mediators as m', 'm.id', 'n.mediator_id')
    .select(['n.id', 'n.kind', 'n.on_date', 'n.note', 'm.name as mediator_name']).where('n.dispute_id', '=', id).orderBy('n.on_date').orderBy('n.created_at').orderBy('n.id').execute();
  return { row, notes, deadlines: await deadlinesOf(db, Disputes.entity, id) };
}

/**
 * Records a mediation session while the dispute is mediated (人民调解法 第二十二条), or a follow-up visit
 * after an agreement (第三十一条: the committee 应当对调解协议的履行情况进行监督，督促当事人履行). The
 * mediator, if named, must be on the dispute's committee.
 */
export async function addDisputeNote(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof NoteInput>) {
  return db.transaction().execute((trx) => addDisputeNoteIn(trx, actor, id, input));
}

/** `addDisputeNote` inside the caller's transaction (the ledger import writes many in one). */
export async function addDisputeNoteIn(trx: Db, actor: Actor, id: string, input: In<typeof NoteInput>) {
  notAfterToday(input.on, 'on');
  const before = await Disputes.lockForWrite(trx, actor, id);
  if (input.kind === 'session') {
    if (before.status !== 'mediating') throw conflict('DISPUTE_ALREADY_ENDED', { zh: '该纠纷调解已终结，不能再记录调解过程', en: 'Mediation has ended; no session can be recorded' });
    if (input.on < before.received_on) throw fieldErr('SESSION_BEFORE_RECEIPT', 'on', `调解日期不能早于受理日期（${before.received_on}）`, `The session cannot precede receipt (${before.received_on})`);
  } else {
    if (before.status !== 'succeeded') throw conflict('VISIT_WITHOUT_AGREEMENT', { zh: '调解成功达成协议后方可回访', en: 'Follow-up visits come after an agreement' });
    if (input.on < before.agreement_on!) throw fieldErr('VISIT_BEFORE_AGREEMENT', 'on', `回访日期不能早于协议生效日期（${before.agreement_on}）`, `The visit cannot precede the agreement (${before.agreement_on})`);
  }
  if (input.mediatorId) await mediatorOf(trx, before.committee_id, input.mediatorId);
  const n = await trx.insertInto('mediation_dispute_notes')
    .values({ dispute_id: id, kind: input.kind, on_date: input.on, mediator_id: input.mediatorId ?? null, note: input.note, created_by: actor.userId })
    .returningAll().executeTakeFirstOrThrow();
  await Disputes.audit(trx, actor, input.kind, null, { ...before, note: n });
  return n;
}

/** Labels of the configured dispute types. */
export async function disputeTypeLabels(db: Db) {
  return new Map((await getSetting(db, DisputeTypes)).map((t) => [t.code, t]));
}

/**
 * Receives a dispute at a committee. The one-month norm (令第75号 第三十三条) becomes its due date on the
 * office's to-do list; a last day that is a holiday moves to the next working day (民法典 第二百零三条).
 */
export async function receiveDispute(db: Kysely<Database>, actor: Actor, input: In<typeof DisputeInput>) {
  return db.transaction().execute((trx) => receiveDisputeIn(trx, actor, input));
}

/** `receiveDispute` inside the caller's transaction (the ledger import writes many in one). */
export async function receiveDisputeIn(trx: Db, actor: Actor, input: In<typeof DisputeInput>) {
  notAfterToday(input.receivedOn, 'receivedOn');
  const types = await disputeTypeLabels(trx);
  if (!types.has(input.disputeType)) throw fieldErr('DISPUTE_TYPE_UNKNOWN', 'disputeType', '纠纷类型不在设置的类型清单中', 'Unknown dispute type');
  const months = await getSetting(trx, NormMonths);
  const c = await Committees.find(trx, actor, input.committeeId);
  if (!c) throw fieldErr('COMMITTEE_UNKNOWN', 'committeeId', '调解委员会不存在或无权访问', 'Unknown committee');
  if (input.receivedOn < c.established_on) throw fieldErr('BEFORE_COMMITTEE', 'receivedOn', '受理日期早于调解委员会成立日期', 'The committee did not exist yet');
  if (input.mediatorId) await mediatorOf(trx, c.id, input.mediatorId);
  const year = input.receivedOn.slice(0, 4);
  const n = await trx.selectFrom('mediation_disputes').select(sql<number>`count(*)`.as('n')).where('committee_id', '=', c.id).where('case_no', 'like', `${year}-%`).executeTakeFirstOrThrow();
  const row = await Disputes.insert(trx, actor, {
    region_id: c.region_id, unit_id: c.unit_id, committee_id: c.id, case_no: `${year}-${String(Number(n.n) + 1).padStart(4, '0')}`,
    dispute_type: input.disputeType, source: input.source, referred_by: input.referredBy ?? null, parties: input.parties, summary: input.summary,
    received_on: input.receivedOn, mediator_id: input.mediatorId ?? null, status: 'mediating', created_by: actor.userId,
  }, 'receive');
  const spec: DeadlineSpec = { from: input.receivedOn, unit: 'M', n: months, rollOver: true };
  await setDeadline(trx, {
    module: MODULE, entity: Disputes.entity, entityId: row.id, kind: 'mediation', title: { zh: `调结纠纷：${row.parties}（${c.name} ${row.case_no}）`, en: `Conclude the mediation: ${row.parties} (${c.name} ${row.case_no})` },
    regionId: c.region_id, unitId: c.unit_id, spec, basis: '司法部《人民调解工作若干规定》第三十三条：人民调解委员会调解纠纷，一般在一个月内调结',
    // A norm, not a statutory limit: it ranks below every statutory limit on the to-do list (priority 0).
    priority: 0,
  });
  return row;
}

async function mediatorOf(trx: Db, committeeId: string, mediatorId: string) {
  const m = await trx.selectFrom('mediation_mediators').select(['id', 'name']).where('id', '=', mediatorId).where('committee_id', '=', committeeId).executeTakeFirst();
  if (!m) throw fieldErr('MEDIATOR_UNKNOWN', 'mediatorId', '调解员不属于该调解委员会', 'The mediator is not on this committee');
  return m;
}

async function mediatingForWrite(trx: Db, actor: Actor, id: string) {
  const before = await Disputes.lockForWrite(trx, actor, id);
  if (before.status !== 'mediating') throw conflict('DISPUTE_ALREADY_ENDED', { zh: '该纠纷调解已终结', en: 'Mediation of this dispute has ended' });
  return before;
}

/** 人民调解法 第十七条：当事人一方明确拒绝调解的，不得调解 — the dispute ends. */
export async function recordRefusal(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof RefusalInput>) {
  return db.transaction().execute((trx) => recordRefusalIn(trx, actor, id, input));
}

/** `recordRefusal` inside the caller's transaction. */
export async function recordRefusalIn(trx: Db, actor: Actor, id: string, input: In<typeof RefusalInput>) {
  notAfterToday(input.endedOn, 'endedOn');
  const before = await mediatingForWrite(trx, actor, id);
  if (input.endedOn < before.received_on) throw fieldErr('END_BEFORE_RECEIPT', 'endedOn', '终止日期不能早于受理日期', 'Cannot end before receipt');
  const after = await Disputes.update(trx, actor, before, { status: 'refused', ended_on: input.endedOn, advice: input.note }, 'refused');
  await closeDeadline(trx, Disputes.entity, id, 'mediation', 'cancelled');
  return after;
}

/**
 * A success with its agreement (第二十八条至第三十条). A written agreement opens the parties' 30-day window
 * to apply jointly for judicial confirmation (第三十三条; 民事诉讼法(2023) 第二百零五条), counted from the day
 * it took effect; a last day on a holiday moves to the next working day (民事诉讼法 第八十五条).
 */
export async function recordSuccess(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof SuccessInput>) {
  return db.transaction().execute((trx) => recordSuccessIn(trx, actor, id, input));
}

/** `recordSuccess` inside the caller's transaction. */
export async function recordSuccessIn(trx: Db, actor: Actor, id: string, input: In<typeof SuccessInput>) {
  notAfterToday(input.agreementOn, 'agreementOn');
  const before = await mediatingForWrite(trx, actor, id);
  if (input.agreementOn < before.received_on)
    throw fieldErr('AGREEMENT_BEFORE_RECEIPT', 'agreementOn', `协议生效日期不能早于受理日期（${before.received_on}）`, `The agreement cannot precede receipt (${before.received_on})`);
  const after = await Disputes.update(trx, actor, before, {
    status: 'succeeded', agreement_form: input.agreementForm, agreement_on: input.agreementOn, agreement: input.agreement, ended_on: input.agreementOn,
  }, 'succeeded');
  await closeDeadline(trx, Disputes.entity, id, 'mediation');
  if (input.agreementForm === 'written')
    await setDeadline(trx, {
      module: MODULE, entity: Disputes.entity, entityId: id, kind: 'confirmation', title: { zh: `司法确认申请期限（告知当事人）：${before.parties}（${before.case_no}）`, en: `Judicial confirmation window (the parties' option): ${before.parties} (${before.case_no})` },
      regionId: before.region_id, unitId: before.unit_id, spec: { from: input.agreementOn, unit: 'ND', n: 30, rollOver: true },
      basis: '人民调解法 第三十三条：双方当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认',
    });
  return after;
}

/** 第二十六条：调解不成的，应当终止调解，并告知当事人可以依法通过仲裁、行政、司法等途径维护权利. */
export async function recordFailure(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof FailureInput>) {
  return db.transaction().execute((trx) => recordFailureIn(trx, actor, id, input));
}

/** `recordFailure` inside the caller's transaction. */
export async function recordFailureIn(trx: Db, actor: Actor, id: string, input: In<typeof FailureInput>) {
  notAfterToday(input.endedOn, 'endedOn');
  const before = await mediatingForWrite(trx, actor, id);
  if (input.endedOn < before.received_on) throw fieldErr('END_BEFORE_RECEIPT', 'endedOn', '终止日期不能早于受理日期', 'Cannot end before receipt');
  const after = await Disputes.update(trx, actor, before, { status: 'failed', ended_on: input.endedOn, advice: input.advice }, 'failed');
  await closeDeadline(trx, Disputes.entity, id, 'mediation');
  return after;
}

/** Records the parties' application for judicial confirmation, inside the 30-day window. */
export async function recordConfirmation(db: Kysely<Database>, actor: Actor, id: string, input: In<typeof ConfirmationInput>) {
  return db.transaction().execute((trx) => recordConfirmationIn(trx, actor, id, input));
}

/** `recordConfirmation` inside the caller's transaction. */
export async function recordConfirmationIn(trx: Db, actor: Actor, id: string, input: In<typeof ConfirmationInput>) {
  notAfterToday(input.appliedOn, 'appliedOn');
  const before = await Disputes.lockForWrite(trx, actor, id);
  if (before.status !== 'succeeded' || before.agreement_form !== 'written')
    throw conflict('NO_WRITTEN_AGREEMENT', { zh: '只有书面调解协议可以申请司法确认', en: 'Only a written agreement can be confirmed' });
  const dl = (await deadlinesOf(trx, Disputes.entity, id)).find((d) => d.kind === 'confirmation');
  if (input.appliedOn < before.agreement_on!) throw fieldErr('CONFIRMATION_BEFORE_AGREEMENT', 'appliedOn', '申请日期不能早于协议生效日期', 'Cannot apply before the agreement');
  if (dl && input.appliedOn > dl.due_date)
    throw fieldErr('CONFIRMATION_WINDOW_PASSED', 'appliedOn', `已超过三十日司法确认申请期限（${dl.due_date}）`, `Past the 30-day window (${dl.due_date})`);
  const after = await Disputes.update(trx, actor, before, { confirmation_applied_on: input.appliedOn, confirmation_court: input.court }, 'confirmation_applied');
  await closeDeadline(trx, Disputes.entity, id, 'confirmation');
  return after;
}

/** Disputes still being mediated in the actor's write scope and own work (to-do count). */
export async function countMediating(db: Db, actor: Actor) {
  const r = await Disputes.query(db, actor).where(Disputes.writeWhere(actor)).where(Disputes.workWhere(actor)).where('md.status', '=', 'mediating').select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number((r as { n?: number } | undefined)?.n ?? 0);
}

/** Abilities for the UI. */
export const mediationAbilities = (a: Actor) => ({
  'mediation.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison'),
  'mediation.write': hasRole(a, 'office', 'unit_head', 'liaison'),
});

/**
 * Lapses the judicial-confirmation windows that passed without an application. The 30 days of 人民调解法
 * 第三十三条 are the parties' option, not a task of the committee: once passed, the window is closed
 * (cancelled), so it does not stay on anyone's to-do list as overdue. A system sweep run by the server's
 * scheduler (core/schedule.ts) over every district — it has no actor, and changes nothing but the
 * deadline's state. Returns how many lapsed.
 */
export async function lapseConfirmationWindows(db: Db, asOf: string = today()) {
  const r = await db
    .updateTable('deadlines')
    .set({ status: 'cancelled', done_at: new Date() })
    .where('entity', '=', Disputes.entity)
    .where('kind', '=', 'confirmation')
    .where('status', '=', 'open')
    .where('due_date', '<', asOf)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The mediation module's scheduled work: lapse passed confirmation windows, hourly (the day turns at midnight). */
export const mediationTasks: ScheduledTask[] = [
  { name: 'mediation.lapseConfirmationWindows', everyMinutes: 60, run: (db, asOf) => lapseConfirmationWindows(db, asOf) },
];
