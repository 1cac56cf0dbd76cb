/**
 * The public portal's enforcement pages (行政执法公示, 国办发〔2018〕118号): the bodies and their officers
 * (name, certificate number, field — never ID numbers or phones), the decisions within their display
 * period, and the published violation-risk lists. What is published is public: these queries are scoped
 * by the region code in the address, not by a user (deliberately unscoped by actor).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/index.js';
import { addDays, today } from '../../core/calendar/index.js';
import { notFound } from '../../core/errors/index.js';
import { defineSetting, getSetting } from '../../core/settings.js';
import { inRegionPaths } from '../../core/scope/index.js';
import { regionByCode } from '../org/lookup.js';
import { validOn } from './service.js';
import type { PublicListQuery } from './schema.js';

/**
 * Years a published decision stays on the public page. Sector rules differ (市场监管: 3 years, or 3 months for
 * 通报批评 and small fines; 河北: 5 years, 2 for natural persons — REFERENCE §5), so it is a setting.
 */
export const DisplayYears = defineSetting({
  key: 'enforcement.publicDisplayYears',
  label: { zh: '行政执法决定信息公示期（年）', en: 'Years a decision stays on the public page' },
  schema: z.number().int().min(1).max(10),
  default: 3,
});

async function regionOf(db: Db, code: string) {
  const r = await regionByCode(db, code);
  if (!r) throw notFound({ zh: '行政区划', en: 'Region' });
  return r;
}
const paged = <T>(items: T[], total: number, q: PublicListQuery) => ({ items, total, page: q.page, pageSize: q.pageSize });

/** A natural person's name shown as 张某某 (only the family name), an organisation's in full. */
export const maskParty = (name: string, kind: string) => (kind === 'person' ? `${[...name][0] ?? ''}某某` : name);

/** Officers holding a certificate valid today, with their unit; sorted by unit then name (id tiebreaker). */
export async function publicOfficers(db: Db, q: PublicListQuery) {
  const region = await regionOf(db, q.region);
  const day = today();
  const base = db.selectFrom('enforcement_certificates as ct')
    .innerJoin('enforcement_officers as o', 'o.id', 'ct.officer_id')
    .innerJoin('units as u', 'u.id', 'o.unit_id')
    .where(inRegionPaths('ct.region_id', [region.path]))
    .where('o.active', '=', true)
    .where(validOn('ct', day))
    .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('o.name', 'like', `%${q.q}%`), eb('u.name', 'like', `%${q.q}%`), eb('ct.cert_no', 'like', `%${q.q}%`), eb('ct.field', 'like', `%${q.q}%`)])));
  const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const items = await base.select(['ct.id', 'o.name', 'u.name as unit_name', 'ct.cert_no', 'ct.kind', 'ct.field', 'ct.expires_on'])
    .orderBy('u.sort').orderBy('u.name').orderBy('o.name').orderBy('ct.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return paged(items, total, q);
}

/** Bodies with their legal basis and the fields they cover today (事前公开: 主体、职责、依据). */
export async function publicBodies(db: Db, code: string) {
  const region = await regionOf(db, code);
  const day = today();
  const bodies = await db.selectFrom('enforcement_bodies as b').innerJoin('units as u', 'u.id', 'b.unit_id')
    .select(['b.id', 'b.kind', 'b.legal_basis', 'u.name as unit_name'])
    .where(inRegionPaths('b.region_id', [region.path])).orderBy('u.sort').orderBy('u.name').orderBy('b.id').execute();
  const fields = bodies.length
    ? await db.selectFrom('enforcement_body_fields').select(['body_id', 'field']).where('body_id', 'in', bodies.map((b) => b.id))
      .where('valid_from', '<=', day).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)])).orderBy('field').execute()
    : [];
  const officers = bodies.length
    ? await db.selectFrom('enforcement_bodies as b').innerJoin('enforcement_officers as o', 'o.unit_id', 'b.unit_id')
      .innerJoin('enforcement_certificates as ct', 'ct.officer_id', 'o.id')
      .select(['b.id', sql<number>`count(distinct o.id)`.as('n')])
      .where('b.id', 'in', bodies.map((b) => b.id)).where('o.active', '=', true).where(validOn('ct', day)).groupBy('b.id').execute()
    : [];
  return bodies.map((b) => ({ ...b, fields: fields.filter((f) => f.body_id === b.id).map((f) => f.field), officers: Number(officers.find((o) => o.id === b.id)?.n ?? 0) }));
}

/** Decisions published and still within the display period (published on or after today − N years). */
export async function publicDecisions(db: Db, q: PublicListQuery) {
  const region = await regionOf(db, q.region);
  const years = await getSetting(db, DisplayYears);
  const since = addDays(`${Number(today().slice(0, 4)) - years}${today().slice(4)}`, 1);
  const base = db.selectFrom('enforcement_cases as c').innerJoin('units as u', 'u.id', 'c.unit_id')
    .where(inRegionPaths('c.region_id', [region.path]))
    .where('c.published_on', 'is not', null).where('c.decided_on', 'is not', null)
    .where('c.published_on', '>=', since)
    .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('c.title', 'like', `%${q.q}%`), eb('c.decision_no', 'like', `%${q.q}%`), eb('u.name', 'like', `%${q.q}%`),
      eb.and([eb('c.party_kind', '=', 'organisation'), eb('c.party_name', 'like', `%${q.q}%`)])])));
  const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const items = await base.select(['c.id', 'c.system', 'c.title', 'c.party_name', 'c.party_kind', 'c.decision', 'c.decision_no', 'c.fine', 'c.decided_on', 'c.published_on', 'u.name as unit_name'])
    .orderBy('c.published_on', 'desc').orderBy('c.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { ...paged(items, total, q), displayYears: years };
}

/** The published violation-risk lists. */
export async function publicRisks(db: Db, q: PublicListQuery) {
  const region = await regionOf(db, q.region);
  const base = db.selectFrom('enforcement_risks as r').innerJoin('units as u', 'u.id', 'r.unit_id')
    .where(inRegionPaths('r.region_id', [region.path])).where('r.published', '=', true)
    .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('r.risk_point', 'like', `%${q.q}%`), eb('u.name', 'like', `%${q.q}%`)])));
  const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const items = await base.select(['r.id', 'u.name as unit_name', 'r.risk_point', 'r.forms', 'r.legal_basis', 'r.consequence', 'r.level', 'r.prevention'])
    .orderBy('u.sort').orderBy('u.name').orderBy(sql`case r.level when 'high' then 0 when 'medium' then 1 else 2 end`).orderBy('r.id')
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return paged(items, total, q);
}
