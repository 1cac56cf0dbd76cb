/**
 * The power-and-responsibility list (权责清单, REFERENCE §8): items per unit with category, legal basis,
 * responsibility and accountability; approved, dated changes (add, amend, remove, transfer) keep every
 * version, so the list as of any date can be shown and compared; the published list is public.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { today } from '../../core/calendar/index.js';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors/index.js';
import { inRegionPaths, OFFICE_WRITE, writeRegionPaths, type Actor } from '../../core/scope/index.js';
import { regionByCode, unitRegion, unitWithin } from '../org/lookup.js';
import { Powers } from './records.js';
import { POWER_CATEGORIES, type PowerItemsTable } from './schema.js';
import type { AddPowerInput, AmendPowerInput, PowerListQuery, PublicPowerQuery, RemovePowerInput, TransferPowerInput } from './schema.js';

/** An item row with its unit's name. */
export type PowerRow = Selectable<PowerItemsTable> & { unit_name: string };
type Approval = { approvalRef: string; approvedOn: string; effectiveOn: string; reason?: string };

const fieldErr = (code: string, path: string, zh: string, en: string) => badRequest(code, { zh, en }, { fields: [{ path, message: zh }] });

/** SQL condition: the version is in force on a date. */
const inForce = (alias: string, asOf: string) =>
  sql<boolean>`(${sql.ref(`${alias}.effective_from`)} <= ${asOf} and (${sql.ref(`${alias}.effective_to`)} is null or ${sql.ref(`${alias}.effective_to`)} > ${asOf}))`;

function checkApproval(a: Approval) {
  if (a.effectiveOn < a.approvedOn) throw fieldErr('EFFECTIVE_BEFORE_APPROVAL', 'effectiveOn', '生效日期不能早于批准日期', 'The change cannot take effect before it is approved');
}

/** The list level of a unit: a unit of a subdistrict (办事处, its comprehensive enforcement team) is on the subdistrict list. */
async function levelOf(db: Db, unitId: string) {
  const r = await unitRegion(db, unitId);
  if (!r) throw fieldErr('UNIT_UNKNOWN', 'unitId', '单位不存在', 'Unknown unit');
  return { region: r, level: r.level === 'subdistrict' ? ('subdistrict' as const) : ('department' as const) };
}

async function assertUnitInScope(db: Db, actor: Actor, unitId: string, path: string) {
  if (!(await unitWithin(db, unitId, writeRegionPaths(actor, OFFICE_WRITE)))) throw fieldErr('UNIT_OUT_OF_SCOPE', path, '单位不在本辖区', 'The unit is not in your region');
}

async function logChange(trx: Db, actor: Actor | null, item: Selectable<PowerItemsTable>, kind: string, a: Approval, extra: { newItemId?: string; toUnitId?: string } = {}) {
  await trx.insertInto('power_changes').values({
    region_id: item.region_id, unit_id: item.unit_id, kind: kind as 'add', item_id: item.id, new_item_id: extra.newItemId ?? null, to_unit_id: extra.toUnitId ?? null,
    approval_ref: a.approvalRef, approved_on: a.approvedOn, effective_on: a.effectiveOn, reason: a.reason ?? '', created_by: actor?.userId ?? null,
  }).execute();
}

/** Adds an item to a unit's list (inside the caller's transaction). A code already current in the unit is refused. */
export async function addPowerIn(trx: Db, actor: Actor, input: AddPowerInput) {
  if (!mayChangePowers(actor)) throw forbidden();
  checkApproval(input);
  await assertUnitInScope(trx, actor, input.unitId, 'unitId');
  const { region, level } = await levelOf(trx, input.unitId);
  const row = await Powers.insert(trx, actor, {
    region_id: region.id, unit_id: input.unitId, list_level: level, code: input.code, name: input.name, category: input.category, basis: input.basis,
    responsibility: input.responsibility, accountability: input.accountability, effective_from: input.effectiveOn,
  }, 'add');
  await logChange(trx, actor, row, 'add', input);
  return row;
}

/** Adds an item (the office, with the approval and effective date). */
export function addPower(db: Kysely<Database>, actor: Actor, input: AddPowerInput) {
  return db.transaction().execute((trx) => addPowerIn(trx, actor, input));
}

async function currentVersionForChange(trx: Db, actor: Actor, id: string, a: Approval) {
  checkApproval(a);
  const before = await Powers.lockForWrite(trx, actor, id);
  if (before.effective_to) throw conflict('POWER_NOT_CURRENT', { zh: '该事项版本已失效，请在现行版本上调整', en: 'This version is no longer in force' });
  if (a.effectiveOn <= before.effective_from) throw fieldErr('EFFECTIVE_TOO_EARLY', 'effectiveOn', `生效日期应晚于现行版本生效日期（${before.effective_from}）`, 'The change must take effect after the current version');
  return before;
}

/** Amends an item: the current version ends on the effective date and a new version starts. */
export function amendPower(db: Kysely<Database>, actor: Actor, id: string, input: AmendPowerInput) {
  return db.transaction().execute(async (trx) => {
    const before = await currentVersionForChange(trx, actor, id, input);
    await Powers.update(trx, actor, before, { effective_to: input.effectiveOn }, 'superseded');
    const next = await Powers.insert(trx, actor, {
      region_id: before.region_id, unit_id: before.unit_id, list_level: before.list_level, code: input.code ?? before.code, name: input.name ?? before.name,
      category: input.category ?? before.category, basis: input.basis ?? before.basis, responsibility: input.responsibility ?? before.responsibility,
      accountability: input.accountability ?? before.accountability, version: before.version + 1, predecessor_id: before.id, effective_from: input.effectiveOn,
    }, 'amend');
    await logChange(trx, actor, before, 'amend', input, { newItemId: next.id });
    return next;
  });
}

/** Removes an item from the list from the effective date. */
export function removePower(db: Kysely<Database>, actor: Actor, id: string, input: RemovePowerInput) {
  return db.transaction().execute(async (trx) => {
    const before = await currentVersionForChange(trx, actor, id, input);
    const after = await Powers.update(trx, actor, before, { effective_to: input.effectiveOn }, 'remove');
    await logChange(trx, actor, before, 'remove', input);
    return after;
  });
}

/** Transfers an item to another unit (e.g. to a subdistrict's comprehensive enforcement team) from the effective date. */
export function transferPower(db: Kysely<Database>, actor: Actor, id: string, input: TransferPowerInput) {
  return db.transaction().execute(async (trx) => {
    const before = await currentVersionForChange(trx, actor, id, input);
    if (input.toUnitId === before.unit_id) throw fieldErr('TRANSFER_SAME_UNIT', 'toUnitId', '划入单位与现实施单位相同', 'The item already belongs to this unit');
    await assertUnitInScope(trx, actor, input.toUnitId, 'toUnitId');
    const { region, level } = await levelOf(trx, input.toUnitId);
    await Powers.update(trx, actor, before, { effective_to: input.effectiveOn }, 'transferred_out');
    const next = await Powers.insert(trx, actor, {
      region_id: region.id, unit_id: input.toUnitId, list_level: level, code: before.code, name: before.name, category: before.category, basis: before.basis,
      responsibility: before.responsibility, accountability: before.accountability, version: before.version + 1, predecessor_id: before.id, effective_from: input.effectiveOn,
    }, 'transfer');
    await logChange(trx, actor, before, 'transfer', input, { newItemId: next.id, toUnitId: input.toUnitId });
    return next;
  });
}

function filtered(qb: ReturnType<typeof Powers.query>, q: PowerListQuery) {
  const asOf = q.asOf ?? today();
  return qb
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select('u.name as unit_name')
    .where(inForce('p', asOf))
    .$if(!!q.unitId, (b) => b.where('p.unit_id', '=', q.unitId!))
    .$if(!!q.category, (b) => b.where('p.category', '=', q.category!))
    .$if(!!q.level, (b) => b.where('p.list_level', '=', q.level!))
    .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('p.name', 'ilike', `%${q.q}%`), eb('p.code', 'ilike', `%${q.q}%`), eb('p.basis', 'ilike', `%${q.q}%`), eb('u.name', 'ilike', `%${q.q}%`)])));
}
const SORTABLE = { code: 'p.code', name: 'p.name', category: 'p.category', effectiveFrom: 'p.effective_from' };

/** The list in the actor's scope as of a date (default today), filtered and paged. */
export function listPowers(db: Db, actor: Actor, q: PowerListQuery) {
  return Powers.list(db, actor, q, { select: (qb) => filtered(qb, q), sortable: SORTABLE, defaultSort: { column: 'p.code', order: 'asc' } }) as Promise<{ items: PowerRow[]; total: number; page: number; pageSize: number }>;
}

/**
 * The published list of a district for the public (no sign-in). Deliberately outside the actor scope:
 * the list is public by rule — 「以清单的形式列明，并向社会公开」 (中办发〔2015〕21号, REFERENCE §8).
 */
export async function publicPowers(db: Db, q: PublicPowerQuery) {
  const region = await regionByCode(db, q.region);
  if (!region) throw notFound({ zh: '行政区划', en: 'Region' });
  const base = filtered(db.selectFrom('power_items as p').where(inRegionPaths('p.region_id', [region.path])) as ReturnType<typeof Powers.query>, q);
  const total = Number((await db.selectFrom(base.as('x')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const sortCol = q.sort ? SORTABLE[q.sort as keyof typeof SORTABLE] : 'p.code';
  if (!sortCol) throw badRequest('SORT_UNSUPPORTED', { zh: '不支持按该字段排序', en: 'Unsupported sort' }, { fields: [{ path: 'sort', message: '不支持按该字段排序' }] });
  const items = (await base.orderBy(sql.ref(sortCol), q.order).orderBy('p.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute()) as PowerRow[];
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One version of an item in scope, with the history of the whole chain of versions. */
export async function getPower(db: Db, actor: Actor, id: string) {
  const row = (await Powers.query(db, actor).innerJoin('units as u', 'u.id', 'p.unit_id').selectAll('p').select('u.name as unit_name').where('p.id', '=', id).executeTakeFirst()) as PowerRow | undefined;
  if (!row) throw notFound(Powers.label);
  // The chain of versions: up through predecessors, down through successors.
  const chain = new Set<string>([row.id]);
  let up = row.predecessor_id;
  while (up && !chain.has(up)) {
    chain.add(up);
    up = (await db.selectFrom('power_items').select('predecessor_id').where('id', '=', up).executeTakeFirst())?.predecessor_id ?? null;
  }
  let down = [row.id];
  while (down.length) {
    const next = (await db.selectFrom('power_items').select('id').where('predecessor_id', 'in', down).execute()).map((x) => x.id).filter((x) => !chain.has(x));
    next.forEach((x) => chain.add(x));
    down = next;
  }
  const history = await db.selectFrom('power_changes as c').innerJoin('power_items as i', 'i.id', 'c.item_id').innerJoin('units as u', 'u.id', 'c.unit_id').leftJoin('units as tu', 'tu.id', 'c.to_unit_id')
    .select(['c.id', 'c.kind', 'i.code', 'i.name', 'u.name as unit_name', 'tu.name as to_unit_name', 'c.approval_ref', 'c.approved_on', 'c.effective_on', 'c.reason'])
    .where('c.item_id', 'in', [...chain]).orderBy('c.effective_on').orderBy('c.created_at').orderBy('c.id').execute();
  return { row, history };
}

/** Whether the actor may change items (the office). */
export const mayChangePowers = (actor: Actor) => writeRegionPaths(actor, OFFICE_WRITE).length > 0;

/** Sheet rows of list items (export), with the approval of the change that put each version in force. */
export async function sheetRowsOf(db: Db, items: PowerRow[]) {
  const ids = items.map((i) => i.id);
  const approvals = new Map<string, { approval_ref: string; approved_on: string; effective_on: string }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const rows = await db.selectFrom('power_changes').select(['item_id', 'new_item_id', 'kind', 'approval_ref', 'approved_on', 'effective_on'])
      .where((eb) => eb.or([eb('new_item_id', 'in', chunk), eb.and([eb('kind', '=', 'add'), eb('item_id', 'in', chunk)])])).execute();
    for (const r of rows) approvals.set(r.kind === 'add' ? r.item_id : r.new_item_id!, r);
  }
  return items.map((p) => {
    const a = approvals.get(p.id);
    return {
      unit: p.unit_name, code: p.code, name: p.name, category: POWER_CATEGORIES[p.category].zh, basis: p.basis, responsibility: p.responsibility || undefined,
      accountability: p.accountability || undefined, approvalRef: a?.approval_ref ?? '', approvedOn: a?.approved_on ?? p.effective_from, effectiveOn: p.effective_from,
    };
  });
}
