import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Descriptions, Drawer, Empty, Select, Space, Spin, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useAuth } from '../../auth';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import type { Region } from '../../api/types';
import { PageTitle } from '../../layout/AppLayout';
import { YearSelect, useWorkYear } from '../../components/YearSelect';
import { formatDate, formatMetric } from '../../format';
import { recordPath } from '../../modules';
import type { MetricRecord } from '../../../common/report';
import type { RollupCell, RollupMetric, RollupRegion, RollupReports, RollupTable } from '../../../common/rollup';

/** A clicked cell: which figure of which region. */
interface Pick {
  metric: RollupMetric;
  region: RollupRegion;
  cell: RollupCell;
}

/** The metric id and region code the records endpoint takes for a roll-up column (own level = `own.` modifier). */
function recordsTarget(metricId: string, region: RollupRegion) {
  if (region.kind === 'own') return { id: `own.${metricId}`, code: region.code.split(':')[0] };
  return { id: metricId, code: region.code };
}

/**
 * 汇总统计: for a city or province office or leader, every figure of the regions beneath side by side (with
 * the own level and the whole recomputed from records), ranks, outliers and last year; and where the
 * regions beneath stand with their annual reports.
 */
export default function RollupPage() {
  const { me } = useAuth();
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const { year, years, setYear } = useWorkYear();
  const regions = useApi<{ items: Region[] }>('/api/v1/regions');
  const mine = useMemo(() => {
    const ids = new Set((me?.roles ?? []).map((r) => r.regionId).filter(Boolean));
    return (regions.data?.items ?? []).filter((r) => ids.has(r.id) && (r.level === 'city' || r.level === 'province'));
  }, [regions.data, me]);
  // A region beneath (a province's city) opens from the table by its code; the server checks the scope.
  const wanted = params.get('region');
  const region = mine.find((r) => r.code === wanted) ?? (wanted && /^\d{6}$/.test(wanted) ? (regions.data?.items ?? []).find((r) => r.code === wanted) ?? null : null) ?? mine[0] ?? null;
  const tab = params.get('tab') === 'reports' ? 'reports' : 'figures';
  const set = (k: string, v: string) => setParams((p) => { p.set(k, v); return p; }, { replace: true });

  return (
    <div data-testid="page-rollup">
      <PageTitle
        title={t('rollup.nav.rollup')}
        extra={
          <Space>
            {/* The region is data (its own Chinese name in either language), shown beside the title. */}
            {region && !(mine.length > 1) && <Tag color="blue" data-record data-testid="rollup-region-name">{region.name}</Tag>}
            {mine.length > 1 && <Select value={region?.code} style={{ width: 160 }} onChange={(v) => set('region', v)} options={mine.map((r) => ({ value: r.code, label: r.name }))} />}
            <YearSelect value={year} years={[...new Set([...years, ...(year ? [year] : [])])]} onChange={setYear} testId="rollup-year" />
          </Space>
        }
      />
      {regions.loading && !regions.data ? (
        <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div>
      ) : !region ? (
        <Alert type="info" showIcon title={t('rollup.noRegion')} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => set('tab', k)}
          items={[
            { key: 'figures', label: t('rollup.tabs.figures'), children: year ? <Figures code={region.code} year={year} /> : <Spin /> },
            { key: 'reports', label: <span data-testid="tab-reports">{t('rollup.tabs.reports')}</span>, children: year ? <ReportsStatus code={region.code} year={year} /> : <Spin /> },
          ]}
        />
      )}
    </div>
  );
}

/** The figures of one area (module) for every region beneath, the own level and the whole. */
function Figures({ code, year }: { code: string; year: number }) {
  const { t, lang, colon, paren } = useT();
  const [params, setParams] = useSearchParams();
  const [modules, setModules] = useState<RollupTable['modules'] | null>(null);
  const module = params.get('module') ?? 'disputes';
  const data = useApi<RollupTable>('/api/v1/rollup', { region: code, year, module });
  const [pick, setPick] = useState<Pick | null>(null);
  // The list of areas comes with every answer; keep it while another area loads.
  useEffect(() => {
    if (data.data) setModules(data.data.modules);
  }, [data.data]);
  const table = data.data;
  const children = table?.regions.filter((r) => r.kind === 'child') ?? [];
  const rest = table?.regions.filter((r) => r.kind !== 'child') ?? [];

  const cellOf = (m: RollupMetric, regionCode: string) => m.cells.find((c) => c.region === regionCode)!;
  // The districts side by side, ordered by one figure when its name is clicked (highest first, then lowest first, then as listed).
  const [sortBy, setSortBy] = useState<{ metric: string; dir: 'desc' | 'asc' } | null>(null);
  const sortMetric = sortBy ? table?.metrics.find((m) => m.id === sortBy.metric) : undefined;
  const ordered = sortMetric
    ? [...children].sort((a, b) => {
        const va = cellOf(sortMetric, a.code).value;
        const vb = cellOf(sortMetric, b.code).value;
        if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1; // no data last either way
        return sortBy!.dir === 'desc' ? vb - va : va - vb;
      })
    : children;
  const cycleSort = (id: string) =>
    setSortBy((s) => (s?.metric !== id ? { metric: id, dir: 'desc' } : s.dir === 'desc' ? { metric: id, dir: 'asc' } : null));

  const show = (m: RollupMetric, r: RollupRegion, c: RollupCell) => {
    const delta = c.value !== null && c.previous !== null ? Math.round((c.value - c.previous) * 10) / 10 : null;
    return (
      <div className="fz-rollup-cell">
        <a
          onClick={() => c.value !== null && setPick({ metric: m, region: r, cell: c })}
          data-testid="rollup-cell"
          data-region={r.code}
          data-kind={r.kind}
          data-metric={m.id}
          style={{ fontWeight: r.kind === 'total' ? 600 : 400, color: c.value === null ? '#9ca3af' : undefined, cursor: c.value === null ? 'default' : 'pointer' }}
        >
          {c.value === null ? t('rollup.noData') : formatMetric(c.value, m.unit, lang)}
        </a>
        {c.outlier && (
          <Tooltip title={`${t(c.outlier === 'high' ? 'rollup.outlierHigh' : 'rollup.outlierLow')}${colon}${t('rollup.outlierHint')}`}>
            <Tag color={c.outlier === 'high' ? 'red' : 'blue'} className="fz-rollup-outlier" data-testid="outlier" data-outlier={c.outlier}>
              {t(c.outlier === 'high' ? 'rollup.outlierHighShort' : 'rollup.outlierLowShort')}
            </Tag>
          </Tooltip>
        )}
        {(c.rank !== null || delta !== null) && (
          <div className="fz-muted fz-rollup-sub">
            {c.rank !== null && <span title={t('rollup.rankHint')}>{t('rollup.rank', { rank: c.rank })}</span>}
            {delta !== null ? (
              <Tooltip title={t('rollup.previous', { value: formatMetric(c.previous, m.unit, lang) })}>
                <span style={{ color: delta > 0 ? '#b45309' : delta < 0 ? '#1d4ed8' : undefined }}>
                  {delta > 0 ? '▲' : delta < 0 ? '▼' : '＝'}{formatMetric(Math.abs(delta), m.unit, lang)}
                </span>
              </Tooltip>
            ) : null}
          </div>
        )}
      </div>
    );
  };

  // One row per figure, one column per district (then the own level and the whole): a city's districts fit
  // side by side at 1440 px; a region with many more scrolls inside the card with the figure names held.
  const NAME_WIDTH = 220;
  const VALUE_WIDTH = 112;
  const regionHeader = (r: RollupRegion) => {
    const name = r.kind === 'child' && r.level === 'city'
      ? <a onClick={() => setParams((p) => { p.set('region', r.code); return p; })}>{r.name}</a>
      : r.name;
    return <span data-testid="rollup-region" data-region={r.code} data-kind={r.kind}>{name}</span>;
  };
  const columns: ColumnsType<RollupMetric> = [
    {
      key: 'metric', title: t('rollup.metricCol'), fixed: 'left', width: NAME_WIDTH, ellipsis: { showTitle: false },
      render: (_: unknown, m: RollupMetric) => {
        const sorted = sortBy?.metric === m.id ? sortBy.dir : null;
        return (
          <Tooltip title={<div><b>{m.label}</b><div style={{ marginTop: 4 }}>{m.definition}</div><div className="fz-muted" style={{ marginTop: 4, color: '#d1d5db' }}>{t('rollup.sortHint')}</div></div>} placement="right">
            <a className="fz-rollup-metric" onClick={() => cycleSort(m.id)} data-testid="rollup-col" data-metric={m.id} data-sorted={sorted ?? undefined}>
              {sorted && <span className="fz-rollup-sort">{sorted === 'desc' ? '↓' : '↑'}</span>}
              {m.label}
            </a>
          </Tooltip>
        );
      },
    },
    ...[...ordered, ...rest].map((r) => ({
      key: r.code,
      title: regionHeader(r),
      align: 'right' as const,
      className: `fz-rollup-col fz-rollup-${r.kind}`,
      // Region names are data, not the page's chrome.
      onHeaderCell: () => ({ 'data-record': '', 'data-region': r.code }) as React.HTMLAttributes<HTMLElement>,
      render: (_: unknown, m: RollupMetric) => show(m, r, cellOf(m, r.code)),
    })),
  ];
  const allRegions = children.length + rest.length;

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('rollup.module')}</span>
        <Select
          value={module}
          style={{ width: 220 }}
          data-testid="rollup-module"
          onChange={(v) => setParams((p) => { p.set('module', v); return p; }, { replace: true })}
          options={(modules ?? []).map((m) => ({ value: m.key, label: `${m.label}${paren(m.count)}` }))}
        />
      </Space>
      <Alert type="info" showIcon title={t('rollup.recomputed')} style={{ marginBottom: 12 }} />
      {data.error && <Alert type="error" showIcon title={data.error.message} />}
      {table && children.length === 0 ? (
        <Empty description={t('rollup.empty')} />
      ) : (
        <Table<RollupMetric>
          rowKey="id"
          size="small"
          bordered
          className="fz-rollup-table"
          loading={data.loading}
          dataSource={table?.metrics ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: NAME_WIDTH + allRegions * VALUE_WIDTH }}
          data-testid="rollup-table"
        />
      )}
      <RecordsDrawer pick={pick} year={year} onClose={() => setPick(null)} />
    </>
  );
}

/** The records behind one cell, read-only, through the metrics records endpoint (scoped on the server). */
function RecordsDrawer({ pick, year, onClose }: { pick: Pick | null; year: number; onClose(): void }) {
  const { t, lang } = useT();
  const target = pick ? recordsTarget(pick.metric.id, pick.region) : null;
  const data = useApi<{ id: string; label: string; definition: string; items: MetricRecord[] }>(
    target ? `/api/v1/metrics/${encodeURIComponent(target.id)}/records` : null,
    target ? { region: target.code, year } : undefined,
  );
  const recs = target && data.data?.id === target.id ? data.data.items : [];
  return (
    <Drawer open={!!pick} onClose={onClose} width={680} title={t('rollup.drawer.title')} destroyOnHidden>
      {pick && (
        <div data-testid="rollup-drawer">
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
            <Descriptions.Item label={t('rollup.drawer.metric')}>{pick.metric.label}</Descriptions.Item>
            <Descriptions.Item label={t('rollup.drawer.region')}><span data-testid="drawer-region">{pick.region.name}</span></Descriptions.Item>
            <Descriptions.Item label={t('rollup.drawer.value')}><b data-testid="drawer-value">{formatMetric(pick.cell.value, pick.metric.unit, lang)}</b></Descriptions.Item>
            <Descriptions.Item label={t('rollup.drawer.definition')}>{pick.metric.definition}</Descriptions.Item>
          </Descriptions>
          {data.error && <Alert type="error" showIcon title={data.error.message} style={{ marginTop: 16 }} />}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('rollup.drawer.readOnly')}</Typography.Paragraph>
          <h3 style={{ margin: '8px 0' }}>{t('rollup.drawer.records', { count: recs.length })}</h3>
          <Table<MetricRecord>
            rowKey={(r) => `${r.entity}:${r.id}:${r.label}`}
            size="small"
            loading={data.loading}
            dataSource={recs}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="drawer-records"
            columns={[
              {
                title: t('rollup.drawer.record'),
                dataIndex: 'label',
                render: (v: string, r) => {
                  const href = recordPath(r.entity, r.id);
                  return href ? <Link to={href}>{v}</Link> : v;
                },
              },
              { title: t('rollup.drawer.unit'), dataIndex: 'unitName', width: 180, render: (v: string | null) => v ?? '—' },
              { title: t('rollup.drawer.date'), dataIndex: 'date', width: 130, render: (v: string | null) => (v ? formatDate(v, lang) : '—') },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}

const STANDING_COLORS: Record<string, string> = { on_time: 'green', late: 'orange', overdue: 'red', pending: 'default' };

/** Where each region beneath stands with its annual report of the year. */
function ReportsStatus({ code, year }: { code: string; year: number }) {
  const { t, lang, colon } = useT();
  const data = useApi<RollupReports>('/api/v1/rollup/reports', { region: code, year });
  const d = data.data;
  const late = d?.items.filter((i) => i.standing === 'late' || i.standing === 'overdue').length ?? 0;
  return (
    <>
      {data.error && <Alert type="error" showIcon title={data.error.message} />}
      {d && (
        <Alert
          type={late ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="rollup-deadline"
          title={
            <span>
              <b>{t('rollup.reports.deadline', { date: formatDate(d.deadline.due, lang) })}</b>
              {late > 0 && <span style={{ marginLeft: 12 }}>{t('rollup.reports.lateCount', { count: late })}</span>}
            </span>
          }
          description={
            <div style={{ lineHeight: 1.7 }}>
              <div>{t('rollup.reports.explain')}{colon}{d.deadline.explain}</div>
              <div>{t('rollup.reports.basis')}{colon}{d.deadline.basis}</div>
            </div>
          }
        />
      )}
      <Table<RollupReports['items'][number]>
        rowKey="regionCode"
        size="small"
        loading={data.loading}
        dataSource={d?.items ?? []}
        pagination={false}
        data-testid="rollup-reports"
        onRow={(r) => ({ 'data-region': r.regionCode }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('rollup.reports.region'), dataIndex: 'regionName', width: 120, render: (v: string) => <b>{v}</b> },
          { title: t('rollup.reports.standing'), dataIndex: 'standing', width: 120, render: (v: string) => <Tag color={STANDING_COLORS[v]} data-testid="standing">{t(`rollup.standing.${v}`)}</Tag> },
          { title: t('rollup.reports.status'), dataIndex: 'statusLabel', width: 110 },
          { title: t('rollup.reports.submittedOn'), dataIndex: 'submittedOn', width: 130, render: (v: string | null) => (v ? formatDate(v, lang) : '—') },
          { title: t('rollup.reports.daysLate'), dataIndex: 'daysLate', width: 100, render: (v: number | null) => (v ? t('rollup.reports.days', { n: v }) : '—') },
          {
            title: t('rollup.reports.publishedOn'),
            dataIndex: 'publishedOn',
            width: 190,
            render: (v: string | null, r) =>
              !v ? '—' : (
                <span>
                  {formatDate(v, lang)}
                  {r.publishedLate && (
                    <Tooltip title={r.lateReason ? `${t('rollup.reports.lateReason')}${colon}${r.lateReason}` : undefined}>
                      <Tag color="orange" style={{ marginLeft: 6 }} data-testid="published-late">{t('rollup.reports.publishedLate')}</Tag>
                    </Tooltip>
                  )}
                </span>
              ),
          },
          {
            title: t('rollup.reports.changes'),
            dataIndex: 'changedFigures',
            render: (v: RollupReports['items'][number]['changedFigures'], r) =>
              !r.submittedOn ? '—' : v.length === 0 ? <span className="fz-muted">{t('rollup.reports.noChanges')}</span> : (
                <Tooltip title={<div>{v.map((c, i) => <div key={i}>{c.message}</div>)}</div>}>
                  <Tag color="orange" data-testid="changed-figures">{t('rollup.reports.changesCount', { count: v.length })}</Tag>
                </Tooltip>
              ),
          },
          { title: '', width: 100, render: (_: unknown, r) => (r.reportId ? <Link to={`/report/${r.reportId}`} data-testid="open-report">{t('rollup.reports.open')}</Link> : null) },
        ]}
      />
    </>
  );
}
