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
