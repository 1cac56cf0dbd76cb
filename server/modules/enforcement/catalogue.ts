/**
 * The 互联网+监管 supervision catalogue (监管事项目录清单): main items and sub-items, units' claims with
 * their inspection implementation lists (检查实施清单); and the violation-risk lists. REFERENCE §5.4, §5.6.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { badRequest, conflict } from '../../core/errors/index.js';
import type { PageQuery } from '../../core/list.js';
import type { Actor } from '../../core/scope/index.js';
import { actorRegion, regionById, unitRegion } from '../org/lookup.js';
import { inRegionPaths } from '../../core/scope/index.js';
import { Claims, Items, Risks } from './records.js';
import type { ClaimInput, ItemInput, ItemListQuery, RiskInput } from './schema.js';

type DbK = Kysely<Database>;
const field = (path: string, zh: string, en: string, code = 'CATALOGUE_RULE') => badRequest(code, { zh, en }, { fields: [{ path, message: zh }] });

/** Adds catalogue items in the office's region, all or nothing (a sub-item names its main item's code). */
export function addItems(db: DbK, actor: Actor, items: ItemInput[]) {
  return db.transaction().execute(async (trx) => {
    const region = await actorRegion(trx, actor);
    if (!region) throw badRequest('NO_REGION', { zh: '无法确定所属地区', en: 'No region' });
    const out = [];
    const codes = new Map<string, string>();
    for (const [i, it] of items.entries()) {
      let parentId: string | null = null;
      if (it.parentCode) {
        parentId = codes.get(it.parentCode) ?? (await trx.selectFrom('enforcement_supervision_items').select('id').where('region_id', '=', region.id).where('code', '=', it.parentCode).where('parent_id', 'is', null).executeTakeFirst())?.id ?? null;
        if (!parentId) throw field(items.length > 1 ? `items.${i}.parentCode` : 'parentCode', `主项编码“${it.parentCode}”不存在`, `No main item ${it.parentCode}`);
      }
      const row = await Items.insert(trx, actor, { region_id: region.id, code: it.code, name: it.name, parent_id: parentId, competent: it.competent, ...(it.listedOn ? { listed_on: it.listedOn } : {}) });
      if (!parentId) codes.set(it.code, row.id);
      out.push(row);
    }
    return out;
  });
}

/** A unit claims an item (认领), optionally with its implementation list compiled. */
export function claimItem(db: DbK, actor: Actor, input: ClaimInput) {
  return db.transaction().execute(async (trx) => {
    const item = await Items.get(trx, actor, input.itemId).catch(() => { throw field('itemId', '监管事项不存在', 'Unknown item'); });
    const region = await unitRegion(trx, input.unitId);
    if (!region) throw field('unitId', '所选单位不存在', 'Unknown unit');
    const itemRegion = (await regionById(trx, item.region_id))!;
    const within = region.path === itemRegion.path || region.path.startsWith(`${itemRegion.path}/`);
    if (!within) throw field('itemId', '只能认领本地区目录中的监管事项', "Only the region's catalogue items can be claimed");
    if (input.implementationListOn && input.implementationListOn < input.claimedOn) throw field('implementationListOn', '检查实施清单编制日期不能早于认领日期', 'The list cannot precede the claim');
    return Claims.insert(trx, actor, {
      region_id: region.id, unit_id: input.unitId, item_id: item.id, claimed_on: input.claimedOn, implementation_list_on: input.implementationListOn ?? null,
    }, 'claim');
  });
}

/** Records that a claimed item's inspection implementation list is compiled. */
export function compileImplementationList(db: DbK, actor: Actor, claimId: string, on: string) {
  return db.transaction().execute(async (trx) => {
    const c = await Claims.lockForWrite(trx, actor, claimId);
    if (c.implementation_list_on) throw conflict('ALREADY_COMPILED', { zh: '检查实施清单已编制', en: 'Already compiled' });
    if (on < c.claimed_on) throw field('on', '编制日期不能早于认领日期', 'The list cannot precede the claim');
    return Claims.update(trx, actor, c, { implementation_list_on: on }, 'implementation_list');
  });
}

/** Catalogue items in scope, with their claims. */
export async function listItems(db: Db, actor: Actor, q: ItemListQuery & PageQuery) {
  const r = await Items.list(db, actor, q, {
    select: (qb) => qb.leftJoin('enforcement_supervision_items as p', 'p.id', 'si.parent_id').selectAll('si').select('p.code as parent_code')
      .$if(q.main === 'true', (b) => b.where('si.parent_id', 'is', null))
      .$if(q.main === 'false', (b) => b.where('si.parent_id', 'is not', null))
      .$if(q.claimed === 'true', (b) => b.where((eb) => eb.exists(eb.selectFrom('enforcement_item_claims as x').select('x.id').whereRef('x.item_id', '=', 'si.id').where('x.withdrawn_on', 'is', null))))
      .$if(q.claimed === 'false', (b) => b.where((eb) => eb.not(eb.exists(eb.selectFrom('enforcement_item_claims as x').select('x.id').whereRef('x.item_id', '=', 'si.id').where('x.withdrawn_on', 'is', null)))))
      .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('si.name', 'like', `%${q.q}%`), eb('si.code', 'like', `%${q.q}%`)]))),
    sortable: { code: 'si.code', name: 'si.name' },
    defaultSort: { column: 'si.code', order: 'asc' },
  });
  const ids = r.items.map((x: { id: string }) => x.id);
  const claims = ids.length
    ? await db.selectFrom('enforcement_item_claims as cl').innerJoin('units as u', 'u.id', 'cl.unit_id').select(['cl.id', 'cl.item_id', 'cl.unit_id', 'u.name as unit_name', 'cl.claimed_on', 'cl.implementation_list_on'])
      .where('cl.item_id', 'in', ids).where('cl.withdrawn_on', 'is', null).orderBy('u.name').execute()
    : [];
  return { ...r, items: r.items.map((x: any) => ({ ...x, claims: claims.filter((c) => c.item_id === x.id) })) };
}

/** Counts of the catalogue in the actor's region (today's state). */
export async function catalogueSummary(db: Db, actor: Actor) {
  const region = await actorRegion(db, actor);
  if (!region) return { mainItems: 0, subItems: 0, claims: 0, claimingUnits: 0, mainCovered: 0, officersRegistered: 0 };
  const inR = (c: string) => inRegionPaths(c, [region.path]);
  const r = await sql<{ main: number; sub: number; claims: number; units: number; covered: number; officers: number }>`
    select
      (select count(*)::int from enforcement_supervision_items si where ${inR('si.region_id')} and si.parent_id is null) as main,
      (select count(*)::int from enforcement_supervision_items si where ${inR('si.region_id')} and si.parent_id is not null) as sub,
      (select count(*)::int from enforcement_item_claims cl where ${inR('cl.region_id')} and cl.withdrawn_on is null) as claims,
      (select count(distinct cl.unit_id)::int from enforcement_item_claims cl where ${inR('cl.region_id')} and cl.withdrawn_on is null) as units,
      (select count(distinct coalesce(si.parent_id, si.id))::int from enforcement_item_claims cl join enforcement_supervision_items si on si.id = cl.item_id
        where ${inR('cl.region_id')} and cl.withdrawn_on is null and cl.implementation_list_on is not null) as covered,
      (select count(*)::int from enforcement_officers o where ${inR('o.region_id')} and o.active and o.supervision_registered_on is not null) as officers`.execute(db);
  const x = r.rows[0]!;
  return { mainItems: Number(x.main), subItems: Number(x.sub), claims: Number(x.claims), claimingUnits: Number(x.units), mainCovered: Number(x.covered), officersRegistered: Number(x.officers) };
}

/** Adds a point to a unit's violation-risk list. */
export function addRisk(db: DbK, actor: Actor, input: RiskInput) {
  return db.transaction().execute(async (trx) => {
    const region = await unitRegion(trx, input.unitId);
    if (!region) throw field('unitId', '所选单位不存在', 'Unknown unit');
    return Risks.insert(trx, actor, {
      region_id: region.id, unit_id: input.unitId, risk_point: input.riskPoint, forms: input.forms, legal_basis: input.legalBasis,
      consequence: input.consequence, level: input.level, prevention: input.prevention, published: input.published,
    });
  });
}

/** Risk points in scope. */
export function listRisks(db: Db, actor: Actor, q: PageQuery & { q?: string; unitId?: string }) {
  return Risks.list(db, actor, q, {
    select: (qb) => qb.innerJoin('units as u', 'u.id', 'rk.unit_id').selectAll('rk').select('u.name as unit_name')
      .$if(!!q.unitId, (b) => b.where('rk.unit_id', '=', q.unitId!))
      .$if(!!q.q, (b) => b.where('rk.risk_point', 'like', `%${q.q}%`)),
    sortable: { unit: 'u.name', level: 'rk.level' },
    defaultSort: { column: 'u.name', order: 'asc' },
  });
}
