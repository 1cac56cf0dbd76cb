import { describe, expect, it } from 'vitest';
import { exportHref, listParams, pageLocally, readTableState, writeTableState } from './tableState';

describe('data table state in the URL', () => {
  it('reads page, size, sort and the declared filters, ignoring other params', () => {
    const s = readTableState(new URLSearchParams('page=3&pageSize=50&sort=name&order=desc&q=城管&type=department&other=x'), ['q', 'type']);
    expect(s).toEqual({ page: 3, pageSize: 50, sort: 'name', order: 'desc', filters: { q: '城管', type: 'department' } });
  });
  it('falls back on bad numbers and unknown page sizes', () => {
    const s = readTableState(new URLSearchParams('page=-2&pageSize=33'), []);
    expect(s.page).toBe(1);
    expect(s.pageSize).toBe(20);
  });
  it('goes back to page 1 when a filter changes, and keeps unrelated params', () => {
    const sp = writeTableState(new URLSearchParams('page=4&regionId=r1'), { filters: { q: '司法' } });
    expect(sp.get('page')).toBeNull();
    expect(sp.get('q')).toBe('司法');
    expect(sp.get('regionId')).toBe('r1');
  });
  it('keeps the page when only paging', () => {
    expect(writeTableState(new URLSearchParams('q=a'), { page: 2 }).toString()).toBe('q=a&page=2');
  });
  it('drops order when sort is cleared', () => {
    const sp = writeTableState(new URLSearchParams('sort=name&order=desc'), { sort: undefined, order: 'asc' });
    expect(sp.has('sort')).toBe(false);
    expect(sp.has('order')).toBe(false);
  });
  it('sends paging, sort and filters to the list endpoint', () => {
    const s = readTableState(new URLSearchParams('q=x&sort=name&order=desc'), ['q']);
    expect(listParams(s, { regionId: 'r1' })).toEqual({ regionId: 'r1', q: 'x', page: 1, pageSize: 20, sort: 'name', order: 'desc' });
  });
  it('exports the current filter and sort without paging', () => {
    const s = readTableState(new URLSearchParams('q=城管&page=3&sort=name&order=desc'), ['q']);
    expect(exportHref('/api/v1/units/export', s, { regionId: 'r1' })).toBe('/api/v1/units/export?regionId=r1&q=%E5%9F%8E%E7%AE%A1&sort=name&order=desc');
    expect(exportHref('/api/v1/units/export', readTableState(new URLSearchParams(''), []))).toBe('/api/v1/units/export');
  });
  it('pages and sorts whole lists locally, Chinese-aware, nulls last', () => {
    const items = [{ n: '乙', v: 2 }, { n: '甲', v: null }, { n: '丙', v: 1 }];
    const s = { page: 1, pageSize: 2, sort: 'v', order: 'asc' as const, filters: {} };
    expect(pageLocally(items, s)).toEqual({ items: [{ n: '丙', v: 1 }, { n: '乙', v: 2 }], total: 3 });
    expect(pageLocally(items, { ...s, page: 2 }).items).toEqual([{ n: '甲', v: null }]);
  });
});
