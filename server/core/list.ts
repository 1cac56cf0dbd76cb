import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/index.js';
import { badRequest } from './errors/index.js';

/** Page/sort parameters (see `ListQuery` in common/schemas.ts). */
export interface PageQuery {
  page: number;
  pageSize: number;
  sort?: string;
  order: 'asc' | 'desc';
}

/** A page of results with the total count of the filtered (and scoped) query. */
export interface PageResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Runs a scoped, filtered query as one page plus its total. `sortable` maps the API's sort keys to
 * SQL columns (anything else is refused), so the URL can carry sort and filters safely.
 * Scope and filters must already be in `qb`'s WHERE — never filter after paging.
 */
export async function paginate<_TB = unknown, O = any>(
  // Any select over our tables, aliased and joined ones included (Kysely types aliases as extra tables).
  qb: SelectQueryBuilder<any, any, O>,
  q: PageQuery,
  sortable: Record<string, string>,
  defaultSort: { column: string; order: 'asc' | 'desc' },
  /** A unique column ordered last, so rows with equal sort keys never fall between pages. */
  tiebreak?: string,
): Promise<PageResult<O>> {
  let column = defaultSort.column;
  let order = defaultSort.order;
  if (q.sort) {
    // Own keys only: `constructor`, `__proto__`, `toString` are on every object's prototype.
    const c = Object.hasOwn(sortable, q.sort) ? sortable[q.sort] : undefined;
    if (typeof c !== 'string')
      throw badRequest('BAD_SORT', { zh: `不能按“${q.sort}”排序`, en: `Cannot sort by ${q.sort}` }, {
        fields: [{ path: 'sort', message: `可排序字段：${Object.keys(sortable).join('、')}` }],
      });
    column = c;
    order = q.order;
  }
  const countRow = await (qb as SelectQueryBuilder<Database, keyof Database, any>)
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  const items = await qb
    .orderBy(sql.ref(column), order)
    .$if(column !== defaultSort.column, (b) => b.orderBy(sql.ref(defaultSort.column), defaultSort.order))
    .$if(!!tiebreak && tiebreak !== column && tiebreak !== defaultSort.column, (b) => b.orderBy(sql.ref(tiebreak!), order))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total: Number((countRow as { n: number } | undefined)?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
