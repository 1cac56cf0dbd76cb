/**
 * NPC suggestions (人大代表建议、批评和意见) and CPPCC proposals (政协提案): receipt, assignment to a lead
 * unit and co-handling units, return of a wrong assignment, co-units' opinions, contact with the
 * proposer, reply with its result class, satisfaction and the second reply. REFERENCE §6.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { computeDeadline, loadCalendar, type DeadlineSpec } from '../../core/calendar/index.js';
import { closeDeadline, setDeadline } from '../../core/deadlines/index.js';
import { badRequest, conflict, notFound } from '../../core/errors/index.js';
import { defineSetting, getSetting } from '../../core/settings.js';
import { hasRole, OFFICE_WRITE, readUnits, writeRegionPaths, writeUnits, type Actor } from '../../core/scope/index.js';
import { actorRegion, unitWithin } from '../org/lookup.js';
import { Assignments, Items } from './records.js';
import type { OversightAssignmentsTable, OversightItemsTable } from './schema.js';
import {
  ITEM_KINDS, ITEM_STATUSES, SATISFACTION,
  type AssignInput, type ContactInput, type ItemInput, type ItemListQuery, type OpinionInput, type ReplyInput, type ReturnInput, type SatisfactionInput,
} from './schema.js';

/**
 * Days within which a unit may return a wrong assignment (natural days from the assignment). Local rules
 * differ — 「在接到……的10日内」, 山东 「5日内」 (REFERENCE §6, fsou 17010450; fymate 16876868) — so it is a setting.
 */
export const ReturnDays = defineSetting({
  key: 'oversight.returnDays',
  label: { zh: '建议提案交办有误退回期限（自然日）', en: 'Days to return a wrong assignment' },
  schema: z.number().int().min(1).max(60),
  default: 10,
});
/** Months within which a co-handling unit sends its opinion to the lead (福建: 「一个月内」, REFERENCE §6). */
export const CoOpinionMonths = defineSetting({
  key: 'oversight.coOpinionMonths',
  label: { zh: '会办单位向主办单位提出会办意见期限（月）', en: 'Months for a co-unit’s opinion' },
  schema: z.number().int().min(1).max(6),
  default: 1,
});

const MODULE = 'oversight';
// 代表法(2025修正) 第五十一条: 「自交办之日起三个月内答复。涉及面广、处理难度大的……应当自交办之日起六个月内答复。」
// The same limits are applied to 政协提案 by local rules (「应于三个月内办理完毕……最迟不得超过六个月」, REFERENCE §6).
// Month periods end on the corresponding day (民法典 第二百零二条) and a last day on a holiday rolls over (第二百零三条).
const REPLY_BASIS = '《代表法》第五十一条：自交办之日起三个月内答复；涉及面广、处理难度大的，自交办之日起六个月内答复';
const SECOND_BASIS = '建议提案办理规定：代表（委员）对答复不满意的，承办单位应在三个月内再次研究答复';
const OPINION_BASIS = '建议提案办理规定：会办单位应在规定期限内将会办意见送主办单位';

/** The reply deadline spec: 3 months from assignment, 6 for a hard item. */
export const replySpec = (assignedOn: string, hard: boolean): DeadlineSpec => ({ from: assignedOn, unit: 'M', n: hard ? 6 : 3, rollOver: true });

const kindLabel = (k: keyof typeof ITEM_KINDS, lang: 'zh' | 'en') => ITEM_KINDS[k][lang];

/** An item row with its lead unit's name. */
export type ItemRow = Selectable<OversightItemsTable> & { lead_unit_name: string | null };
/** An assignment row with its unit's name. */
export type AssignmentRow = Selectable<OversightAssignmentsTable> & { unit_name: string };

/** One suggestion/proposal in the actor's scope (404 otherwise). */
export async function getItem(db: Db, actor: Actor, id: string): Promise<ItemRow> {
  const row = await Items.query(db, actor)
    .leftJoin('units as u', 'u.id', 'i.lead_unit_id')
    .selectAll('i')
    .select('u.name as lead_unit_name')
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(Items.label);
  return row as ItemRow;
}

/** Suggestions/proposals in the actor's scope, filtered and paged. */
export function listItems(db: Db, actor: Actor, q: ItemListQuery) {
  return Items.list(db, actor, q, {
    select: (qb) =>
      qb
        .leftJoin('units as u', 'u.id', 'i.lead_unit_id')
        .selectAll('i')
        .select('u.name as lead_unit_name')
        .$if(!!q.kind, (b) => b.where('i.kind', '=', q.kind!))
        .$if(!!q.status, (b) => b.where('i.status', '=', q.status!))
        .$if(!!q.year, (b) => b.where('i.received_on', '>=', `${q.year}-01-01`).where('i.received_on', '<=', `${q.year}-12-31`))
        .$if(!!q.unitId, (b) => b.where(sql<boolean>`exists (select 1 from oversight_assignments fa where fa.item_id = i.id and fa.status = 'active' and fa.unit_id = ${q.unitId!})`))
        .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('i.title', 'ilike', `%${q.q}%`), eb('i.number', 'ilike', `%${q.q}%`)]))),
    sortable: { receivedOn: 'i.received_on', number: 'i.number', dueDate: 'i.due_date', status: 'i.status' },
    defaultSort: { column: 'i.received_on', order: 'desc' },
  }) as Promise<{ items: ItemRow[]; total: number; page: number; pageSize: number }>;
}

/** The assignments of an item the actor may see (its own unit's, or all when region staff or the lead). */
export function listAssignments(db: Db, actor: Actor, itemId: string) {
  return Assignments.query(db, actor)
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select('u.name as unit_name')
    .where('a.item_id', '=', itemId)
    .orderBy('a.role', 'desc')
    .orderBy('a.assigned_on')
    .orderBy('a.id')
    .execute() as Promise<AssignmentRow[]>;
}

/** Contacts with the proposer recorded on an item (the item must be readable). */
export async function listContacts(db: Db, actor: Actor, itemId: string) {
  await Items.get(db, actor, itemId);
  return db.selectFrom('oversight_contacts').selectAll().where('item_id', '=', itemId).orderBy('contacted_on').orderBy('id').execute();
}

/** Registers a suggestion/proposal received from the NPC standing committee or the CPPCC office (the office). */
export async function registerItem(db: Kysely<Database>, actor: Actor, input: ItemInput) {
  const region = await actorRegion(db, actor);
  if (!region) throw badRequest('NO_REGION', { zh: '当前账号未关联行政区划', en: 'Your account has no region' });
  return db.transaction().execute((trx) => registerItemIn(trx, actor, region.id, input));
}

/** Registers an item inside the caller's transaction (the Excel import writes many in one). */
export function registerItemIn(trx: Transaction<Database>, actor: Actor, regionId: string, input: ItemInput) {
  return Items.insert(trx, actor, {
    region_id: regionId, kind: input.kind, number: input.number, session: input.session, title: input.title,
    proposers: JSON.stringify(input.proposers), category: input.category, received_on: input.receivedOn, content: input.content,
    created_by: actor.userId,
  }, 'register');
}

const fieldErr = (code: string, path: string, zh: string, en: string) => badRequest(code, { zh, en }, { fields: [{ path, message: zh }] });

/**
 * The office assigns a lead unit (主办) and co-handling units (会办). Sets the reply deadline (3 or 6
 * months, 代表法 第五十一条), each unit's window to return a wrong assignment (setting), and each co-unit's
 * opinion deadline (setting) on the shared calendar.
 */
export async function assignItem(db: Kysely<Database>, actor: Actor, id: string, input: AssignInput) {
  return db.transaction().execute(async (trx) => {
    const before = await Items.lockForWrite(trx, actor, id, OFFICE_WRITE);
    if (before.status !== 'registered') throw conflict('ITEM_ALREADY_ASSIGNED', { zh: '该件已交办，不能重复交办', en: 'This item is already assigned' });
    if (input.assignedOn < before.received_on) throw fieldErr('ASSIGNED_BEFORE_RECEIVED', 'assignedOn', '交办日期不能早于收到日期', 'The assignment date cannot be before the date received');
    const paths = writeRegionPaths(actor, OFFICE_WRITE);
    for (const [i, u] of [input.leadUnitId, ...input.coUnitIds].entries()) {
      if (!(await unitWithin(trx, u, paths))) throw fieldErr('UNIT_OUT_OF_SCOPE', i === 0 ? 'leadUnitId' : `coUnitIds.${i - 1}`, '承办单位不在本辖区', 'The unit is not in your region');
    }
    const cal = await loadCalendar(trx);
    const returnDays = await getSetting(trx, ReturnDays);
    const coMonths = await getSetting(trx, CoOpinionMonths);
    // Return window: natural days from the assignment, the start day excluded (民法典 第二百零一条), rolled over a holiday (第二百零三条).
    const returnBy = computeDeadline(cal, { from: input.assignedOn, unit: 'ND', n: returnDays, rollOver: true }).due;
    const active = await trx.selectFrom('oversight_assignments').select(['unit_id']).where('item_id', '=', id).where('status', '=', 'active').execute();
    const has = new Set(active.map((a) => a.unit_id));
    if (has.has(input.leadUnitId)) throw fieldErr('UNIT_ALREADY_ASSIGNED', 'leadUnitId', '该单位已是本件的会办单位', 'The unit is already co-handling this item');
    const lead = await Assignments.insert(trx, actor, { item_id: id, region_id: before.region_id, unit_id: input.leadUnitId, role: 'lead', assigned_on: input.assignedOn, return_by: returnBy }, 'assign');
    void lead;
    for (const u of input.coUnitIds.filter((x) => !has.has(x))) {
      const opinionDue = computeDeadline(cal, { from: input.assignedOn, unit: 'M', n: coMonths, rollOver: true }).due;
      const co = await Assignments.insert(trx, actor, { item_id: id, region_id: before.region_id, unit_id: u, role: 'co', assigned_on: input.assignedOn, return_by: returnBy, opinion_due: opinionDue }, 'assign');
      await setDeadline(trx, {
        module: MODULE, entity: Assignments.entity, entityId: co.id, kind: 'opinion', title: { zh: `向主办单位提出会办意见：${before.title}`, en: `Send the co-handling opinion to the lead unit: ${before.title}` },
        regionId: before.region_id, unitId: u, spec: { from: input.assignedOn, unit: 'M', n: coMonths, rollOver: true }, basis: OPINION_BASIS,
      }, cal);
    }
    const spec = replySpec(input.assignedOn, input.hard);
    const c = await setDeadline(trx, {
      module: MODULE, entity: Items.entity, entityId: id, kind: 'reply', title: { zh: `答复${kindLabel(before.kind, 'zh')}：${before.title}`, en: `Reply to the ${kindLabel(before.kind, 'en')}: ${before.title}` },
      regionId: before.region_id, unitId: input.leadUnitId, spec, basis: REPLY_BASIS, priority: 1,
    }, cal);
    return Items.update(trx, actor, before, {
      status: 'assigned', lead_unit_id: input.leadUnitId, assigned_on: input.assignedOn, hard: input.hard,
      hard_reason: input.hard ? input.hardReason : null, due_date: c.due,
    }, 'assign');
  });
}

/**
 * A unit returns a wrong assignment within the window, with its reason. A returned lead puts the item
 * back to the office for re-assignment; a returned co-unit simply leaves it.
 */
export async function returnAssignment(db: Kysely<Database>, actor: Actor, assignmentId: string, input: ReturnInput) {
  return db.transaction().execute(async (trx) => {
    const a = await Assignments.lockForWrite(trx, actor, assignmentId);
    if (a.status !== 'active') throw conflict('ASSIGNMENT_NOT_ACTIVE', { zh: '该交办记录已退回', en: 'This assignment was already returned' });
    if (input.returnedOn < a.assigned_on) throw fieldErr('RETURN_BEFORE_ASSIGNED', 'returnedOn', '退回日期不能早于交办日期', 'The return date cannot be before the assignment');
    if (a.return_by && input.returnedOn > a.return_by)
      throw conflict('RETURN_WINDOW_PASSED', { zh: `已超过退回期限（${a.return_by}），请与依法治区办协商调整`, en: `The window to return ended on ${a.return_by}; ask the office` });
    if (a.role === 'lead') {
      const item = await Items.lockForWrite(trx, actor, a.item_id);
      if (item.status !== 'assigned' || item.replied_on) throw conflict('ITEM_ALREADY_REPLIED', { zh: '已答复的件不能退回', en: 'A replied item cannot be returned' });
      await Items.update(trx, actor, item, { status: 'registered', lead_unit_id: null, assigned_on: null, due_date: null, hard: false, hard_reason: null }, 'lead_returned');
      await closeDeadline(trx, Items.entity, item.id, 'reply', 'cancelled');
    } else {
      await closeDeadline(trx, Assignments.entity, a.id, 'opinion', 'cancelled');
    }
    return Assignments.update(trx, actor, a, { status: 'returned', returned_on: input.returnedOn, return_reason: input.reason }, 'return');
  });
}

/** A co-handling unit sends its opinion to the lead unit. */
export async function giveCoOpinion(db: Kysely<Database>, actor: Actor, assignmentId: string, input: OpinionInput) {
  return db.transaction().execute(async (trx) => {
    const a = await Assignments.lockForWrite(trx, actor, assignmentId);
    if (a.role !== 'co') throw conflict('NOT_CO_UNIT', { zh: '只有会办单位提出会办意见', en: 'Only a co-handling unit gives an opinion' });
    if (a.status !== 'active') throw conflict('ASSIGNMENT_NOT_ACTIVE', { zh: '该交办记录已退回', en: 'This assignment was returned' });
    if (input.opinionOn < a.assigned_on) throw fieldErr('OPINION_BEFORE_ASSIGNED', 'opinionOn', '会办意见日期不能早于交办日期', 'The opinion cannot predate the assignment');
    await closeDeadline(trx, Assignments.entity, a.id, 'opinion');
    return Assignments.update(trx, actor, a, { opinion: input.opinion, opinion_on: input.opinionOn }, 'opinion');
  });
}

const isOpen = (s: string) => s === 'assigned' || s === 'reopened';

/** The lead unit records a contact with the proposer (面商/沟通) before replying. */
export async function recordContact(db: Kysely<Database>, actor: Actor, itemId: string, input: ContactInput) {
  return db.transaction().execute(async (trx) => {
    const item = await Items.lockForWrite(trx, actor, itemId);
    if (!item.lead_unit_id || !isOpen(item.status)) throw conflict('ITEM_NOT_IN_HAND', { zh: '该件不在办理中，不能登记沟通情况', en: 'The item is not being handled' });
    if (item.assigned_on && input.contactedOn < item.assigned_on) throw fieldErr('CONTACT_BEFORE_ASSIGNED', 'contactedOn', '沟通日期不能早于交办日期', 'The contact cannot predate the assignment');
    const row = await trx.insertInto('oversight_contacts').values({
      item_id: item.id, region_id: item.region_id, unit_id: item.lead_unit_id, contacted_on: input.contactedOn, method: input.method, note: input.note, created_by: actor.userId,
    }).returningAll().executeTakeFirstOrThrow();
    await Items.audit(trx, actor, 'contact', null, { ...item, contact: row });
    return row;
  });
}

/**
 * The lead unit replies (first reply, or the second after dissatisfaction). Refused without an assigned
 * lead, before every active co-unit has sent its opinion, or without a contact with the proposer.
 */
export async function replyItem(db: Kysely<Database>, actor: Actor, itemId: string, input: ReplyInput) {
  return db.transaction().execute(async (trx) => {
    const item = await Items.lockForWrite(trx, actor, itemId);
    if (!item.lead_unit_id) throw fieldErr('REPLY_WITHOUT_LEAD', 'leadUnitId', '该件尚未交办主办单位，不能答复', 'The item has no lead unit yet; it cannot be replied');
    if (!isOpen(item.status)) throw conflict('ITEM_NOT_IN_HAND', { zh: '该件当前状态不能答复', en: 'The item cannot be replied in its current state' });
    const second = item.status === 'reopened';
    const since = second ? item.satisfaction_on! : item.assigned_on!;
    if (input.repliedOn < since) throw fieldErr('REPLY_TOO_EARLY', 'repliedOn', second ? '再次答复日期不能早于不满意意见登记日期' : '答复日期不能早于交办日期', 'The reply date is too early');
    const pending = await trx
      .selectFrom('oversight_assignments as a').innerJoin('units as u', 'u.id', 'a.unit_id').select('u.name')
      .where('a.item_id', '=', item.id).where('a.role', '=', 'co').where('a.status', '=', 'active').where('a.opinion_on', 'is', null).execute();
    if (!second && pending.length)
      throw conflict('CO_OPINIONS_PENDING', { zh: `会办单位尚未提出会办意见：${pending.map((p) => p.name).join('、')}`, en: `Co-units have not sent their opinions: ${pending.map((p) => p.name).join(', ')}` });
    const contact = await trx.selectFrom('oversight_contacts').select('id').where('item_id', '=', item.id)
      .where('contacted_on', '>=', since).where('contacted_on', '<=', input.repliedOn).executeTakeFirst();
    if (!contact) throw conflict('CONTACT_REQUIRED', { zh: '答复前应当与代表（委员）联系沟通，请先登记沟通情况', en: 'Record a contact with the proposer before replying' });
    if (second) {
      await closeDeadline(trx, Items.entity, item.id, 'second_reply');
      return Items.update(trx, actor, item, { status: 'replied', second_replied_on: input.repliedOn, second_result_class: input.resultClass, second_reply_text: input.reply }, 'second_reply');
    }
    await closeDeadline(trx, Items.entity, item.id, 'reply');
    return Items.update(trx, actor, item, { status: 'replied', replied_on: input.repliedOn, result_class: input.resultClass, reply_text: input.reply }, 'reply');
  });
}

/**
 * The office records the proposer's satisfaction with the latest reply (from the returned 征询意见表).
 * Dissatisfaction with the first reply reopens the item for a second reply within 3 months.
 */
export async function recordSatisfaction(db: Kysely<Database>, actor: Actor, itemId: string, input: SatisfactionInput) {
  return db.transaction().execute(async (trx) => {
    const item = await Items.lockForWrite(trx, actor, itemId, OFFICE_WRITE);
    if (item.status !== 'replied') throw fieldErr('SATISFACTION_BEFORE_REPLY', 'satisfaction', '尚未答复，不能登记满意度', 'There is no reply to rate yet');
    const second = !!item.second_replied_on;
    const repliedOn = second ? item.second_replied_on! : item.replied_on!;
    if (input.recordedOn < repliedOn) throw fieldErr('SATISFACTION_BEFORE_REPLY', 'recordedOn', '满意度登记日期不能早于答复日期', 'The satisfaction date cannot predate the reply');
    if (second) return Items.update(trx, actor, item, { status: 'closed', second_satisfaction: input.satisfaction, second_satisfaction_on: input.recordedOn }, 'second_satisfaction');
    if (input.satisfaction !== 'unsatisfied') return Items.update(trx, actor, item, { status: 'closed', satisfaction: input.satisfaction, satisfaction_on: input.recordedOn }, 'satisfaction');
    // Second reply within 3 months of the dissatisfaction (local rules, REFERENCE §6: 「在3个月内再次答复」).
    const c = await setDeadline(trx, {
      module: MODULE, entity: Items.entity, entityId: item.id, kind: 'second_reply', title: { zh: `再次答复${kindLabel(item.kind, 'zh')}：${item.title}`, en: `Second reply to the ${kindLabel(item.kind, 'en')}: ${item.title}` },
      regionId: item.region_id, unitId: item.lead_unit_id, spec: { from: input.recordedOn, unit: 'M', n: 3, rollOver: true }, basis: SECOND_BASIS, priority: 1,
    });
    return Items.update(trx, actor, item, { status: 'reopened', satisfaction: input.satisfaction, satisfaction_on: input.recordedOn, second_due_date: c.due }, 'satisfaction');
  });
}

/** What the actor may do on an item, by the same rules the server enforces. */
export function itemAbilities(actor: Actor, item: { status: string; lead_unit_id: string | null; region_id: string }) {
  const office = hasRole(actor, 'office') && writeRegionPaths(actor, OFFICE_WRITE).length > 0;
  const lead = !!item.lead_unit_id && writeUnits(actor).includes(item.lead_unit_id);
  return {
    assign: office && item.status === 'registered',
    contact: (office || lead) && isOpen(item.status),
    reply: (office || lead) && isOpen(item.status),
    satisfaction: office && item.status === 'replied',
  };
}

/** What the actor may do on an assignment. */
export function assignmentAbilities(actor: Actor, a: { unit_id: string; status: string; role: string; opinion_on: string | null }, itemStatus: string) {
  const mine = writeUnits(actor).includes(a.unit_id) || (hasRole(actor, 'office') && writeRegionPaths(actor, OFFICE_WRITE).length > 0);
  return {
    canReturn: mine && a.status === 'active' && itemStatus === 'assigned',
    canGiveOpinion: mine && a.status === 'active' && a.role === 'co' && isOpen(itemStatus),
  };
}

/** Open items assigned to the actor's units (to-do count). */
export async function countOpenForUnits(db: Db, actor: Actor) {
  const units = readUnits(actor);
  if (!units.length) return 0;
  const r = await db.selectFrom('oversight_assignments as a').innerJoin('oversight_items as i', 'i.id', 'a.item_id')
    .select(sql<number>`count(distinct i.id)`.as('n')).where('a.status', '=', 'active').where('a.unit_id', 'in', units)
    .where('i.status', 'in', ['assigned', 'reopened']).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Labels for presenters. */
export const labels = { ITEM_KINDS, ITEM_STATUSES, SATISFACTION };
