import { useMemo, useState, type ReactNode, type Key } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Table, Button, Space, Input, Select, DatePicker, Popover, Checkbox, Alert, Card } from 'antd';
import type { ColumnType, TableProps } from 'antd/es/table';
import { SettingOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../i18n';
import { useApi } from '../api/useApi';
import { exportHref, listParams, loadHidden, pageLocally, PAGE_SIZES, readTableState, saveHidden, writeTableState } from './tableState';

/** A column: antd's column plus a stable key, a title, and whether the server can sort by it. */
export interface DataColumn<T> extends Omit<ColumnType<T>, 'key' | 'title' | 'sorter'> {
  key: string;
  title: string;
  /** The list endpoint accepts `sort=<key>` (or, for whole-list endpoints, sorted here). */
  sortable?: boolean;
  /** Hidden until the user shows it in the column chooser. */
  defaultHidden?: boolean;
}

/** A filter above the table; its value is kept in the URL under `key`. */
export type FilterDef =
  | { key: string; label: string; type: 'text'; width?: number }
  | { key: string; label: string; type: 'select'; options: { value: string; label: string }[]; width?: number }
  | { key: string; label: string; type: 'date'; width?: number }
  | { key: string; label: string; type: 'dateRange'; toKey: string; width?: number };

/** Props of the data table. */
export interface DataTableProps<T> {
  /** Remembers the column choice under this id. */
  id: string;
  /** The list endpoint (`{items,total,page,pageSize}`; a `{items}` answer is paged here). */
  url: string;
  columns: DataColumn<T>[];
  filters?: FilterDef[];
  /** Fixed query parameters (e.g. the region picked in a tree). */
  params?: Record<string, string | undefined>;
  rowKey: string | ((row: T) => Key);
  /** `GET …/export` of the same list: the "导出Excel" button downloads the current filter. */
  exportUrl?: string;
  /** Buttons at the right of the toolbar (create, import…). */
  toolbar?: ReactNode;
  /** Changes to this value reload the data (after a create or import). */
  reloadKey?: unknown;
  /** URL parameter prefix when two tables share a page. */
  prefix?: string;
  expandable?: TableProps<T>['expandable'];
  onRow?: TableProps<T>['onRow'];
  testId?: string;
}

/**
 * The scoped list every module uses: server-side pagination, sort and filters kept in the URL, a
 * column chooser, and Excel export of the current filter.
 */
export function DataTable<T extends object>(p: DataTableProps<T>) {
  const { t } = useT();
  const [sp, setSp] = useSearchParams();
  const filterKeys = (p.filters ?? []).flatMap((f) => (f.type === 'dateRange' ? [f.key, f.toKey] : [f.key]));
  const state = readTableState(sp, filterKeys, { prefix: p.prefix });
  const [hidden, setHidden] = useState<string[]>(() => loadHidden(p.id, p.columns.filter((c) => c.defaultHidden).map((c) => c.key)));
  const query = listParams(state, p.params);
  const { data, error, loading, reload } = useApi<{ items: T[]; total?: number }>(p.url, { ...query, _r: p.reloadKey === undefined ? undefined : String(p.reloadKey) });
  const serverPaged = typeof data?.total === 'number';
  const view = useMemo(() => {
    if (!data) return { items: [] as T[], total: 0 };
    return serverPaged ? { items: data.items, total: data.total! } : pageLocally(data.items, state);
  }, [data, serverPaged, state.page, state.pageSize, state.sort, state.order]);

  const update = (patch: Parameters<typeof writeTableState>[1]) => setSp(writeTableState(sp, patch, { prefix: p.prefix }), { replace: false });

  const columns: ColumnType<T>[] = p.columns
    .filter((c) => !hidden.includes(c.key))
    .map(({ sortable, defaultHidden: _d, ...c }) => ({
      ...c,
      dataIndex: c.dataIndex ?? c.key,
      sorter: sortable ? true : undefined,
      sortOrder: sortable && state.sort === c.key ? (state.order === 'desc' ? 'descend' : 'ascend') : null,
    }));

  const fixedWidth = columns.reduce((s, c) => s + (typeof c.width === 'number' ? c.width : 0), 0);

  const filterBar = (p.filters ?? []).map((f) => {
    const v = state.filters[f.key];
    const set = (val: string | undefined) => update({ filters: { [f.key]: val } });
    if (f.type === 'text')
      return <Input.Search key={f.key} placeholder={f.label} allowClear defaultValue={v} style={{ width: f.width ?? 220 }} onSearch={(s) => set(s.trim() || undefined)} data-testid={`filter-${f.key}`} />;
    if (f.type === 'select')
      return <Select key={f.key} placeholder={f.label} allowClear showSearch={{ optionFilterProp: 'label' }} value={v} style={{ width: f.width ?? 180 }} options={f.options} onChange={(val) => set(val ?? undefined)} data-testid={`filter-${f.key}`} />;
    if (f.type === 'date')
      return <DatePicker key={f.key} placeholder={f.label} style={f.width ? { width: f.width } : undefined} value={v ? dayjs(v) : null} onChange={(d) => set(d ? d.format('YYYY-MM-DD') : undefined)} data-testid={`filter-${f.key}`} />;
    const to = state.filters[f.toKey];
    return (
      <DatePicker.RangePicker
        key={f.key}
        value={[v ? dayjs(v) : null, to ? dayjs(to) : null]}
        allowEmpty={[true, true]}
        onChange={(r) => update({ filters: { [f.key]: r?.[0]?.format('YYYY-MM-DD'), [f.toKey]: r?.[1]?.format('YYYY-MM-DD') } })}
        data-testid={`filter-${f.key}`}
      />
    );
  });

  const chooser = (
    <Checkbox.Group
      style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      value={p.columns.filter((c) => !hidden.includes(c.key)).map((c) => c.key)}
      options={p.columns.map((c) => ({ value: c.key, label: c.title }))}
      onChange={(shown) => {
        const h = p.columns.map((c) => c.key).filter((k) => !shown.includes(k));
        setHidden(h);
        saveHidden(p.id, h);
      }}
    />
  );

  return (
    <Card size="small" styles={{ body: { padding: 16 } }} data-testid={p.testId ?? `table-${p.id}`}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <Space wrap>{filterBar}</Space>
        <Space wrap>
          {p.toolbar}
          {p.exportUrl && (
            <Button icon={<DownloadOutlined />} href={exportHref(p.exportUrl, state, p.params)} data-testid="export-excel">
              {t('table.exportExcel')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('common.refresh')} />
          <Popover content={chooser} title={t('table.columns')} trigger="click" placement="bottomRight">
            <Button icon={<SettingOutlined />} data-testid="column-chooser">{t('table.columns')}</Button>
          </Popover>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Table<T>
        rowKey={p.rowKey as never}
        size="middle"
        columns={columns}
        dataSource={view.items}
        loading={loading}
        expandable={p.expandable}
        onRow={p.onRow}
        // Long text wraps inside the page's width; a horizontal scroll only when the fixed-width
        // columns alone are wider than the area (the last resort).
        scroll={fixedWidth > 1100 ? { x: fixedWidth } : undefined}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: view.total,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('table.total', { total }),
        }}
        onChange={(pg, _f, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            update({ sort: s.order ? String(s.columnKey) : undefined, order: s.order === 'descend' ? 'desc' : 'asc' });
          } else if (extra.action === 'paginate') {
            if (pg.pageSize !== state.pageSize) update({ pageSize: pg.pageSize });
            else update({ page: pg.current });
          }
        }}
      />
    </Card>
  );
}
