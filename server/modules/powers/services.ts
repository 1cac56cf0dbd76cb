/**
 * "一件事" integrated services (REFERENCE §11; 国发〔2024〕3号 「推动“高效办成一件事”」): a service bundles items
 * of the power-and-responsibility list across units, with one window (只进一门), the documents asked once
 * (一次告知、一表申请), the promised time and its status; the published services form the public catalogue.
 * A reform task of the plan (放管服 重点工作) is linked to the services it delivers.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors/index.js';
import { hasRole, inRegionPaths, OFFICE_WRITE, writeRegionPaths, type Actor } from '../../core/scope/index.js';
import { actorRegion, regionByCode, regionById, unitWithin } from '../org/lookup.js';
// The plan module's own record definition (its scoped read), not its tables: a linked task must be one the actor can read.
import { Tasks } from '../plan/records.js';
import { Services } from './records.js';
import {
  POWER_CATEGORIES, SERVICE_STATUSES,
  type PowerCategory, type PowerServicesTable, type PublishServiceInput, type PublicServiceQuery, type ServiceInput, type ServiceListQuery, type WithdrawServiceInput,
} from './schema.js';

type Lang = 'zh' | 'en';
/** A service row with its lead unit's name and its counts. */
export type ServiceRow = Selectable<PowerServicesTable> & { lead_unit_name: string; item_count: number; unit_count: number };
type FieldErr = { path: string; message: string; en: string };

const fieldsErr = (code: string, errs: FieldErr[]) =>
  badRequest(code, { zh: errs.map((e) => e.message).join('；'), en: errs.map((e) => e.en).join('; ') }, { fields: errs.map((e) => ({ path: e.path, message: e.message })) });

/** May the actor draft and publish services (the office of a region)? */
export const mayManageServices = (actor: Actor) => hasRole(actor, 'office') && writeRegionPaths(actor, OFFICE_WRITE).length > 0;

const withCounts = (qb: ReturnType<typeof Services.query>) =>
  qb.innerJoin('units as lu', 'lu.id', 's.lead_unit_id')
    .selectAll('s')
    .select([
      'lu.name as lead_unit_name',
      sql<number>`(select count(*) from power_service_items si where si.service_id = s.id)::int`.as('item_count'),
      sql<number>`(select count(distinct pi.unit_id) from power_service_items si join power_items pi on pi.id = si.power_item_id where si.service_id = s.id)::int`.as('unit_count'),
    ]);

/** Services in the actor's scope, filtered and paged. */
export function listServices(db: Db, actor: Actor, q: ServiceListQuery) {
  return Services.list(db, actor, q, {
    select: (qb) =>
      withCounts(qb)
        .$if(!!q.status, (b) => b.where('s.status', '=', q.status!))
        .$if(!!q.unitId, (b) => b.where((eb) => eb.or([
          eb('s.lead_unit_id', '=', q.unitId!),
          eb.exists(eb.selectFrom('power_service_items as fi').innerJoin('power_items as fp', 'fp.id', 'fi.power_item_id').select('fi.seq').whereRef('fi.service_id', '=', 's.id').where('fp.unit_id', '=', q.unitId!)),
        ])))
        .$if(!!q.taskId, (b) => b.where((eb) => eb.exists(eb.selectFrom('power_service_tasks as ft').select('ft.task_id').whereRef('ft.service_id', '=', 's.id').where('ft.task_id', '=', q.taskId!))))
        .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('s.name', 'ilike', `%${q.q}%`), eb('s.code', 'ilike', `%${q.q}%`), eb('s.service_window', 'ilike', `%${q.q}%`)]))),
    sortable: { code: 's.code', name: 's.name', promisedDays: 's.promised_days', publishedOn: 's.published_on', status: 's.status' },
    defaultSort: { column: 's.code', order: 'asc' },
  }) as Promise<{ items: ServiceRow[]; total: number; page: number; pageSize: number }>;
}

/** One service in scope (404 otherwise). */
export async function getService(db: Db, actor: Actor, id: string): Promise<ServiceRow> {
  const row = await withCounts(Services.query(db, actor)).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(Services.label);
  return row as ServiceRow;
}

/** The items bundled in services, in their order, with each item's unit (and whether it is still the current version). */
export async function itemsOf(db: Db, serviceIds: string[]) {
  if (!serviceIds.length) return new Map<string, ItemRow[]>();
  const rows = await db.selectFrom('power_service_items as si').innerJoin('power_items as p', 'p.id', 'si.power_item_id').innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['si.service_id', 'p.id', 'p.code', 'p.name', 'p.category', 'p.unit_id', 'u.name as unit_name', 'p.basis', 'p.effective_to'])
    .where('si.service_id', 'in', serviceIds).orderBy('si.service_id').orderBy('si.seq').execute();
  const out = new Map<string, ItemRow[]>();
  for (const r of rows) out.set(r.service_id, [...(out.get(r.service_id) ?? []), r]);
  return out;
}
type ItemRow = { id: string; code: string; name: string; category: PowerCategory; unit_id: string; unit_name: string; basis: string; effective_to: string | null };

/** Presenter: a bundled item. */
export const presentItem = (p: ItemRow, lang: Lang) => ({
  id: p.id, code: p.code, name: p.name, category: p.category, categoryLabel: POWER_CATEGORIES[p.category][lang], unitId: p.unit_id, unitName: p.unit_name, basis: p.basis,
  current: p.effective_to === null,
});

/** Presenter: a service in a list. */
export function presentServiceSummary(s: ServiceRow, lang: Lang) {
  return {
    id: s.id, code: s.code, name: s.name, leadUnitId: s.lead_unit_id, leadUnitName: s.lead_unit_name, window: s.service_window, promisedDays: s.promised_days,
    status: s.status, statusLabel: SERVICE_STATUSES[s.status][lang], publishedOn: s.published_on, itemCount: Number(s.item_count), unitCount: Number(s.unit_count),
    documentCount: (s.documents as string[]).length,
  };
}

/** Presenter: a service with its items, documents, linked reform tasks and the actor's abilities. */
export async function presentService(db: Db, actor: Actor, id: string, lang: Lang) {
  const s = await getService(db, actor, id);
  const items = (await itemsOf(db, [s.id])).get(s.id) ?? [];
  // Linked tasks the actor can read (the plan's own scope decides).
  const tasks = await Tasks.query(db, actor).innerJoin('power_service_tasks as st', 'st.task_id', 't.id').innerJoin('plan_plans as pp', 'pp.id', 't.plan_id').innerJoin('units as tu', 'tu.id', 't.unit_id')
    .select(['t.id', 't.title', 'pp.title as plan_title', 'tu.name as unit_name']).where('st.service_id', '=', s.id).orderBy('t.ord').orderBy('t.id').execute() as { id: string; title: string; plan_title: string; unit_name: string }[];
  const office = mayManageServices(actor) && writeRegionPaths(actor, OFFICE_WRITE).length > 0;
  return {
    ...presentServiceSummary(s, lang),
    documents: s.documents as string[], description: s.description, withdrawnOn: s.withdrawn_on, withdrawReason: s.withdraw_reason,
    items: items.map((p) => presentItem(p, lang)),
    tasks: tasks.map((t) => ({ id: t.id, title: t.title, planTitle: t.plan_title, unitName: t.unit_name })),
    abilities: { edit: office && s.status !== 'withdrawn', publish: office && s.status === 'draft', withdraw: office && s.status === 'published' },
  };
}

/**
 * Checks the lead unit, the bundled items and the linked tasks; every problem is named by its field.
 * Items must be in the region's list and current (a version not yet amended, removed or transferred);
 * on publication (`inForceOn`) they must also be in force on that day.
 */
async function checkLinks(trx: Db, actor: Actor, paths: string[], input: Pick<ServiceInput, 'leadUnitId' | 'powerItemIds' | 'taskIds'>, inForceOn?: string) {
  const errs: FieldErr[] = [];
  if (!(await unitWithin(trx, input.leadUnitId, paths))) errs.push({ path: 'leadUnitId', message: '牵头单位不在本辖区', en: 'The lead unit is not in your region' });
  const items = input.powerItemIds.length
    ? await trx.selectFrom('power_items as p').select(['p.id', 'p.code', 'p.name', 'p.effective_from', 'p.effective_to']).where('p.id', 'in', input.powerItemIds).where(inRegionPaths('p.region_id', paths)).execute()
    : [];
  const byId = new Map(items.map((i) => [i.id, i]));
  input.powerItemIds.forEach((id, i) => {
    const p = byId.get(id);
    const path = `powerItemIds.${i}`;
    if (!p) errs.push({ path, message: `第${i + 1}个清单事项不存在或不在本辖区权责清单中`, en: `Item ${i + 1} is not in your region's power list` });
    else if (p.effective_to) errs.push({ path, message: `清单事项“${p.code} ${p.name}”已调整、取消或划转，不是现行事项，请选用现行版本`, en: `Item ${p.code} is no longer current in the power list; pick its current version` });
    else if (inForceOn && p.effective_from > inForceOn) errs.push({ path, message: `清单事项“${p.code} ${p.name}”自${p.effective_from}起施行，发布日期前尚未施行`, en: `Item ${p.code} is in force only from ${p.effective_from}` });
  });
  const tasks = input.taskIds.length
    ? await Tasks.query(trx, actor).select(['t.id']).where('t.id', 'in', input.taskIds).where(inRegionPaths('t.region_id', paths)).execute()
    : [];
  const taskIds = new Set((tasks as { id: string }[]).map((t) => t.id));
  input.taskIds.forEach((id, i) => {
    if (!taskIds.has(id)) errs.push({ path: `taskIds.${i}`, message: `第${i + 1}个改革任务不存在或不在本辖区`, en: `Reform task ${i + 1} is not in your region's plans` });
  });
  if (errs.length) throw fieldsErr('SERVICE_LINKS_INVALID', errs);
}

async function writeLinks(trx: Db, serviceId: string, input: Pick<ServiceInput, 'powerItemIds' | 'taskIds'>) {
  await trx.deleteFrom('power_service_items').where('service_id', '=', serviceId).execute();
  await trx.deleteFrom('power_service_tasks').where('service_id', '=', serviceId).execute();
  await trx.insertInto('power_service_items').values(input.powerItemIds.map((power_item_id, seq) => ({ service_id: serviceId, power_item_id, seq }))).execute();
  if (input.taskIds.length) await trx.insertInto('power_service_tasks').values(input.taskIds.map((task_id) => ({ service_id: serviceId, task_id }))).execute();
}
async function linksOf(trx: Db, serviceId: string) {
  const items = await trx.selectFrom('power_service_items').select('power_item_id').where('service_id', '=', serviceId).orderBy('seq').execute();
  const tasks = await trx.selectFrom('power_service_tasks').select('task_id').where('service_id', '=', serviceId).orderBy('task_id').execute();
  return { powerItemIds: items.map((i) => i.power_item_id), taskIds: tasks.map((t) => t.task_id) };
}

const fields = (input: ServiceInput) => ({
  code: input.code, name: input.name, lead_unit_id: input.leadUnitId, service_window: input.window, documents: JSON.stringify(input.documents.map((d) => d.trim())),
  promised_days: input.promisedDays, description: input.description,
});

/** The office drafts a service in its region. */
export async function createService(db: Kysely<Database>, actor: Actor, input: ServiceInput) {
  if (!mayManageServices(actor)) throw forbidden();
  const region = await actorRegion(db, actor);
  if (!region) throw badRequest('NO_REGION', { zh: '当前账号未关联行政区划', en: 'Your account has no region' });
  return db.transaction().execute(async (trx) => {
    await checkLinks(trx, actor, [region.path], input);
    const row = await Services.insert(trx, actor, { region_id: region.id, ...fields(input), created_by: actor.userId }, 'create');
    await writeLinks(trx, row.id, input);
    await Services.audit(trx, actor, 'links', null, { ...row, powerItemIds: input.powerItemIds, taskIds: input.taskIds });
    return row;
  });
}

/** The office edits a draft or published service (a withdrawn one stays as it was withdrawn). */
export async function updateService(db: Kysely<Database>, actor: Actor, id: string, input: ServiceInput) {
  return db.transaction().execute(async (trx) => {
    const before = await Services.lockForWrite(trx, actor, id);
    if (before.status === 'withdrawn') throw conflict('SERVICE_WITHDRAWN', { zh: '已撤回的“一件事”不能修改', en: 'A withdrawn service cannot be edited' });
    const region = (await regionById(trx, before.region_id))!;
    await checkLinks(trx, actor, [region.path], input, before.status === 'published' ? before.published_on! : undefined);
    const linksBefore = await linksOf(trx, id);
    const row = await Services.update(trx, actor, before, fields(input), 'update');
    await writeLinks(trx, id, input);
    await Services.audit(trx, actor, 'links', { ...before, ...linksBefore }, { ...row, powerItemIds: input.powerItemIds, taskIds: input.taskIds });
    return row;
  });
}

/** Publishes a draft in the catalogue: every bundled item must be current and in force on the publication day. */
export async function publishService(db: Kysely<Database>, actor: Actor, id: string, input: PublishServiceInput) {
  return db.transaction().execute(async (trx) => {
    const before = await Services.lockForWrite(trx, actor, id);
    if (before.status !== 'draft') throw conflict('SERVICE_NOT_DRAFT', { zh: '只有草稿状态的“一件事”可以发布', en: 'Only a draft can be published' });
    const region = (await regionById(trx, before.region_id))!;
    await checkLinks(trx, actor, [region.path], { leadUnitId: before.lead_unit_id, ...(await linksOf(trx, id)) }, input.publishedOn);
    return Services.update(trx, actor, before, { status: 'published', published_on: input.publishedOn }, 'publish');
  });
}

/** Withdraws a published service from the catalogue, with the reason. */
export async function withdrawService(db: Kysely<Database>, actor: Actor, id: string, input: WithdrawServiceInput) {
  return db.transaction().execute(async (trx) => {
    const before = await Services.lockForWrite(trx, actor, id);
    if (before.status !== 'published') throw conflict('SERVICE_NOT_PUBLISHED', { zh: '只有已发布的“一件事”可以撤回', en: 'Only a published service can be withdrawn' });
    if (input.withdrawnOn < before.published_on!)
      throw fieldsErr('WITHDRAWN_BEFORE_PUBLISHED', [{ path: 'withdrawnOn', message: `撤回日期不能早于发布日期（${before.published_on}）`, en: `The withdrawal cannot predate publication (${before.published_on})` }]);
    return Services.update(trx, actor, before, { status: 'withdrawn', withdrawn_on: input.withdrawnOn, withdraw_reason: input.reason }, 'withdraw');
  });
}

/**
 * The published catalogue of a district for the public (no sign-in). Deliberately outside the actor scope:
 * the catalogue is public (国发〔2024〕3号: 「一件事」 service guides published for the public).
 */
export async function publicServices(db: Db, q: PublicServiceQuery) {
  const region = await regionByCode(db, q.region);
  if (!region) throw notFound({ zh: '行政区划', en: 'Region' });
  const base = withCounts(db.selectFrom('power_services as s').where(inRegionPaths('s.region_id', [region.path])).where('s.status', '=', 'published') as ReturnType<typeof Services.query>)
    .$if(!!q.q, (b) => b.where((eb) => eb.or([
      eb('s.name', 'ilike', `%${q.q}%`), eb('s.code', 'ilike', `%${q.q}%`),
      eb.exists(eb.selectFrom('power_service_items as qi').innerJoin('power_items as qp', 'qp.id', 'qi.power_item_id').select('qi.seq').whereRef('qi.service_id', '=', 's.id').where('qp.name', 'ilike', `%${q.q}%`)),
    ])));
  const total = Number((await db.selectFrom(base.as('x')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const items = (await base.orderBy('s.code').orderBy('s.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute()) as ServiceRow[];
  return { items, total, page: q.page, pageSize: q.pageSize };
}
