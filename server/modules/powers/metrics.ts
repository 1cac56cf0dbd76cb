import { sql } from 'kysely';
import { badDim, inMetricScope, type MetricDef, type MetricScope, type Period } from '../../core/metrics/index.js';
import type { Db } from '../../db/index.js';
import { POWER_CATEGORIES } from './schema.js';

/**
 * Items of a list in force at the end of the period (a list is a stock, not a flow: 「目前……保留行政权力
 * 事项1898项」 counts the list as it stands). `nullWhen`: no list item of the level at all in scope.
 */
function listCount(id: string, zh: string, en: string, level: 'department' | 'subdistrict', services: boolean, defZh: string, defEn: string): MetricDef {
  const base = (db: Db, scope: MetricScope, p: Period) =>
    db.selectFrom('power_items as p').where('p.list_level', '=', level).where(inMetricScope(scope, 'p.region_id', 'p.unit_id'))
      .where('p.category', services ? '=' : '<>', 'public_service')
      .where('p.effective_from', '<=', p.to).where((eb) => eb.or([eb('p.effective_to', 'is', null), eb('p.effective_to', '>', p.to)]));
  const any = (db: Db, scope: MetricScope) =>
    db.selectFrom('power_items as p').where('p.list_level', '=', level).where(inMetricScope(scope, 'p.region_id', 'p.unit_id')).select(sql`1`.as('one')).limit(1).executeTakeFirst();
  return {
    id, module: 'powers', label: { zh, en }, unit: 'item', definition: { zh: defZh, en: defEn },
    dims: [{ dim: 'unit', label: { zh: '按单位', en: 'By unit' } }, { dim: 'category', label: { zh: '按事项类别', en: 'By category' } }],
    async compute(db, scope, p) {
      const r = await base(db, scope, p).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      const n = Number(r.n);
      if (n === 0 && !(await any(db, scope))) return null;
      return n;
    },
    async records(db, scope, p) {
      const rows = await base(db, scope, p).innerJoin('units as u', 'u.id', 'p.unit_id')
        .select(['p.id', 'p.code', 'p.name', 'p.effective_from', 'u.name as unit_name']).orderBy('p.code').orderBy('p.id').execute();
      return rows.map((r) => ({ id: r.id, entity: 'power_item', label: `${r.code} ${r.name}`, date: r.effective_from, unitName: r.unit_name }));
    },
    async breakdown(db, scope, p, dim) {
      if (dim === 'unit') {
        const rows = await base(db, scope, p).innerJoin('units as u', 'u.id', 'p.unit_id')
          .select(['p.unit_id as key', 'u.name as label', sql<number>`count(*)`.as('value')]).groupBy(['p.unit_id', 'u.name']).orderBy(sql`3`, 'desc').orderBy(sql`1`).execute();
        return rows.map((r) => ({ key: r.key, label: r.label, value: Number(r.value) }));
      }
      if (dim === 'category') {
        const rows = await base(db, scope, p).select(['p.category as key', sql<number>`count(*)`.as('value')]).groupBy('p.category').orderBy(sql`2`, 'desc').orderBy(sql`1`).execute();
        return rows.map((r) => ({ key: r.key, label: POWER_CATEGORIES[r.key].zh, value: Number(r.value) }));
      }
      throw badDim(dim);
    },
    sql(db) {
      return base(db, { regionPath: ':regionPath' }, { from: ':from', to: ':to' }).select(sql<number>`count(*)`.as('n')).compile().sql;
    },
  };
}

/** Every figure of the powers module. */
export const powersMetrics: MetricDef[] = [
  listCount('powers.departmentItems', '政府部门行政权力事项数', 'Administrative powers kept by departments', 'department', false,
    '统计期末（期间最后一日）现行有效的政府部门权责清单中的行政权力事项数（“9+X”类，不含公共服务事项），可按单位、类别分组。',
    'Administrative-power items (the 9+X categories, without public services) of the departments’ lists in force on the last day of the period.'),
  listCount('powers.subdistrictItems', '街道办事处行政权力事项数', 'Administrative powers of subdistricts', 'subdistrict', false,
    '统计期末现行有效的街道权责清单中的行政权力事项数（不含公共服务事项）。', 'Administrative-power items of the subdistricts’ lists in force on the last day of the period.'),
  listCount('powers.subdistrictPublicServices', '街道办事处公共服务事项数', 'Public services of subdistricts', 'subdistrict', true,
    '统计期末现行有效的街道权责清单中的公共服务事项数。', 'Public-service items of the subdistricts’ lists in force on the last day of the period.'),
];

/**
 * Services in the public catalogue on the last day of the period (published on or before it and not
 * withdrawn by then) — the catalogue is a stock, like the list. `nullWhen`: no service at all in scope.
 */
const inCatalogue = (db: Db, scope: MetricScope, p: Period) =>
  db.selectFrom('power_services as s').where(inMetricScope(scope, 's.region_id', 's.lead_unit_id'))
    .where('s.published_on', '<=', p.to).where((eb) => eb.or([eb('s.withdrawn_on', 'is', null), eb('s.withdrawn_on', '>', p.to)]));
const anyService = async (db: Db, scope: MetricScope) =>
  !!(await db.selectFrom('power_services as s').where(inMetricScope(scope, 's.region_id', 's.lead_unit_id')).select(sql`1`.as('one')).limit(1).executeTakeFirst());

/** “一件事” services published in the catalogue at the end of the period. */
export const servicesPublished: MetricDef = {
  id: 'powers.servicesPublished', module: 'powers', label: { zh: '发布“一件事”集成服务数', en: 'Integrated services published' }, unit: 'item',
  definition: {
    zh: '统计期末（期间最后一日）在公开目录中的“一件事”集成服务个数：发布日期不晚于期末、且期末前未撤回；本辖区尚无任何“一件事”时为无数据。',
    en: 'Integrated services in the public catalogue on the last day of the period: published on or before it and not withdrawn by then; no data when the district has no service at all.',
  },
  async compute(db, scope, p) {
    const r = await inCatalogue(db, scope, p).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const n = Number(r.n);
    if (n === 0 && !(await anyService(db, scope))) return null;
    return n;
  },
  async records(db, scope, p) {
    const rows = await inCatalogue(db, scope, p).innerJoin('units as u', 'u.id', 's.lead_unit_id')
      .select(['s.id', 's.code', 's.name', 's.published_on', 'u.name as unit_name']).orderBy('s.code').orderBy('s.id').execute();
    return rows.map((r) => ({ id: r.id, entity: 'power_service', label: `${r.code} ${r.name}`, date: r.published_on!, unitName: r.unit_name }));
  },
  sql(db) {
    return inCatalogue(db, { regionPath: ':regionPath' }, { from: ':from', to: ':to' }).select(sql<number>`count(*)`.as('n')).compile().sql;
  },
};

/** Power-list items integrated into the published services (each item once, however many services bundle it). */
export const serviceItemsBundled: MetricDef = {
  id: 'powers.serviceItemsBundled', module: 'powers', label: { zh: '“一件事”整合清单事项数', en: 'List items bundled in integrated services' }, unit: 'item',
  definition: {
    zh: '统计期末在公开目录中的“一件事”所整合的权责清单事项数，同一事项被多个“一件事”整合的只计一次；本辖区尚无任何“一件事”时为无数据。',
    en: 'Distinct power-list items bundled in the services in the catalogue on the last day of the period (an item in several services counts once); no data when the district has no service at all.',
  },
  async compute(db, scope, p) {
    const r = await inCatalogue(db, scope, p).innerJoin('power_service_items as si', 'si.service_id', 's.id').select(sql<number>`count(distinct si.power_item_id)`.as('n')).executeTakeFirstOrThrow();
    const n = Number(r.n);
    if (n === 0 && !(await anyService(db, scope))) return null;
    return n;
  },
  async records(db, scope, p) {
    const rows = await inCatalogue(db, scope, p).innerJoin('power_service_items as si', 'si.service_id', 's.id').innerJoin('power_items as pi', 'pi.id', 'si.power_item_id')
      .innerJoin('units as u', 'u.id', 'pi.unit_id')
      .select(['pi.id', 'pi.code', 'pi.name', 'pi.effective_from', 'u.name as unit_name']).distinct().orderBy('pi.code').orderBy('pi.id').execute();
    return rows.map((r) => ({ id: r.id, entity: 'power_item', label: `${r.code} ${r.name}`, date: r.effective_from, unitName: r.unit_name }));
  },
  sql(db) {
    return inCatalogue(db, { regionPath: ':regionPath' }, { from: ':from', to: ':to' }).innerJoin('power_service_items as si', 'si.service_id', 's.id').select(sql<number>`count(distinct si.power_item_id)`.as('n')).compile().sql;
  },
};

powersMetrics.push(servicesPublished, serviceItemsBundled);
