/**
 * The data table's state lives in the URL (page, page size, sort, filters), so a list can be
 * bookmarked, shared and returned to. Pure functions, tested in node.
 */

/** Table state read from the URL. */
export interface TableState {
  page: number;
  pageSize: number;
  sort?: string;
  order: 'asc' | 'desc';
  filters: Record<string, string>;
}

/** Page sizes offered. */
export const PAGE_SIZES = [10, 20, 50, 100];

const key = (prefix: string, k: string) => (prefix ? `${prefix}.${k}` : k);

/** Reads the state from search params; unknown keys are ignored, bad numbers fall back. */
export function readTableState(sp: URLSearchParams, filterKeys: string[], opts: { prefix?: string; pageSize?: number } = {}): TableState {
  const p = opts.prefix ?? '';
  const page = Math.max(1, Number.parseInt(sp.get(key(p, 'page')) ?? '', 10) || 1);
  const ps = Number.parseInt(sp.get(key(p, 'pageSize')) ?? '', 10);
  const pageSize = PAGE_SIZES.includes(ps) ? ps : (opts.pageSize ?? 20);
  const sort = sp.get(key(p, 'sort')) || undefined;
  const order = sp.get(key(p, 'order')) === 'desc' ? 'desc' : 'asc';
  const filters: Record<string, string> = {};
  for (const f of filterKeys) {
    const v = sp.get(key(p, f));
    if (v) filters[f] = v;
  }
  return { page, pageSize, sort, order, filters };
}

/**
 * Writes a change into the search params (other params are kept). Changing filters or page size
 * goes back to page 1.
 */
export function writeTableState(sp: URLSearchParams, patch: Partial<Omit<TableState, 'filters'>> & { filters?: Record<string, string | undefined> }, opts: { prefix?: string } = {}): URLSearchParams {
  const p = opts.prefix ?? '';
  const out = new URLSearchParams(sp);
  const set = (k: string, v: string | number | undefined) => {
    if (v === undefined || v === '') out.delete(key(p, k));
    else out.set(key(p, k), String(v));
  };
  if (patch.filters) for (const [k, v] of Object.entries(patch.filters)) set(k, v);
  if ('sort' in patch) set('sort', patch.sort);
  if ('order' in patch) set('order', patch.sort ? patch.order : undefined);
  if (patch.pageSize !== undefined) set('pageSize', patch.pageSize);
  const resetPage = !!patch.filters || patch.pageSize !== undefined || 'sort' in patch;
  if (patch.page !== undefined && !resetPage) set('page', patch.page > 1 ? patch.page : undefined);
  else if (resetPage) out.delete(key(p, 'page'));
  return out;
}

/** Query for the list endpoint: page, pageSize, sort, order and filters. */
export function listParams(s: TableState, fixed: Record<string, string | undefined> = {}): Record<string, string | number | undefined> {
  return { ...fixed, ...s.filters, page: s.page, pageSize: s.pageSize, sort: s.sort, order: s.sort ? s.order : undefined };
}

/** The export URL of the current filter and sort (no paging): `GET <list>/export?…`. */
export function exportHref(exportUrl: string, s: TableState, fixed: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...fixed, ...s.filters })) if (v) q.set(k, v);
  if (s.sort) {
    q.set('sort', s.sort);
    q.set('order', s.order);
  }
  const qs = q.toString();
  return qs ? `${exportUrl}?${qs}` : exportUrl;
}

/** For endpoints that return the whole (scoped, filtered) list without `total`: sort and page here. */
export function pageLocally<T>(items: T[], s: TableState, sortValue: (item: T, key: string) => unknown = (i, k) => (i as Record<string, unknown>)[k]): { items: T[]; total: number } {
  let rows = items;
  if (s.sort) {
    const k = s.sort;
    const dir = s.order === 'desc' ? -1 : 1;
    rows = [...items].sort((a, b) => {
      const x = sortValue(a, k);
      const y = sortValue(b, k);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) * dir;
    });
  }
  const start = (s.page - 1) * s.pageSize;
  return { items: rows.slice(start, start + s.pageSize), total: items.length };
}

/** Columns hidden by the user, remembered per table. */
export function loadHidden(tableId: string, defaults: string[]): string[] {
  try {
    const v = localStorage.getItem(`fazhi.cols.${tableId}`);
    return v ? (JSON.parse(v) as string[]) : defaults;
  } catch {
    return defaults;
  }
}
/** Remembers hidden columns. */
export function saveHidden(tableId: string, hidden: string[]) {
  try {
    localStorage.setItem(`fazhi.cols.${tableId}`, JSON.stringify(hidden));
  } catch {
    /* not remembered */
  }
}
