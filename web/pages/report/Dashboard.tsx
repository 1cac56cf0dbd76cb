import './report.css';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Tooltip } from 'antd';
import { useAuth } from '../../auth';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { MetricInfo, MetricValue, Region } from '../../api/types';
import { PageTitle } from '../../layout/AppLayout';
import { formatMetric } from '../../format';
import type { MetricRecord } from '../../../common/report';
import { breakdown } from './breakdown';
import { useWorkYear, YearSelect } from '../../components/YearSelect';

const EChart = lazy(() => import('../../components/EChart'));

/** Runs `fn` over items with at most `n` at a time. */
async function pool<T, R>(items: T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (i < items.length) {
        const k = i++;
        out[k] = await fn(items[k]);
      }
    }),
  );
  return out;
}

const YEARS_BACK = 4;

/**
 * 指标看板: every registered metric for the district and year, and for one metric its spread by unit
 * and by month (from the records behind it) and its values year over year — all from `/api/v1/metrics`.
 */
export default function ReportDashboard() {
  const { me } = useAuth();
  const { t, lang, colon } = useT();
  const [params, setParams] = useSearchParams();
  // Opens on the year being reported on (GET /api/v1/years), kept in the URL: the one year picker.
  const { year, years, setYear } = useWorkYear();
  const metrics = useApi<{ items: MetricInfo[] }>('/api/v1/metrics');
  const regions = useApi<{ items: Region[] }>('/api/v1/regions');
  const mine = useMemo(() => {
    const ids = new Set((me?.roles ?? []).map((r) => r.regionId).filter(Boolean));
    return (regions.data?.items ?? []).filter((r) => ids.has(r.id));
  }, [regions.data, me]);
  const region = mine.find((r) => r.code === params.get('region')) ?? mine[0] ?? null;
  const [values, setValues] = useState<MetricValue[] | null>(null);
  const set = (k: string, v: string) => setParams((p) => { p.set(k, v); return p; }, { replace: true });

  useEffect(() => {
    if (!metrics.data || !region || !year) return;
    let live = true;
    setValues(null);
    // Every figure in one request (a figure that cannot be computed comes back as "no data").
    api.get<{ items: MetricValue[] }>('/api/v1/metrics/values', { region: region.code, year })
      .then((v) => live && setValues(v.items))
      .catch(() => live && setValues([]));
    return () => {
      live = false;
    };
  }, [metrics.data, region, year]);

  const selectedId = params.get('metric') ?? values?.find((v) => v.value !== null)?.id ?? metrics.data?.items[0]?.id ?? null;
  const selected = values?.find((v) => v.id === selectedId) ?? null;

  return (
    <div data-testid="page-report-dashboard">
      <PageTitle
        title={t('report.dash.title')}
        extra={
          <Space>
            {mine.length > 1 ? (
              <Select value={region?.code} style={{ width: 160 }} onChange={(v) => set('region', v)} options={mine.map((r) => ({ value: r.code, label: r.name }))} />
            ) : (
              region && <span className="fz-muted">{region.name}</span>
            )}
            <span>{t('report.dash.year')}</span>
            <YearSelect value={year} years={years} onChange={setYear} testId="dash-year" />
          </Space>
        }
      />
      {metrics.error && <Alert type="error" showIcon title={metrics.error.message} />}
      {metrics.data && metrics.data.items.length === 0 ? (
        <Empty />
      ) : !values || !region ? (
        <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div>
      ) : (
        <>
          <Card size="small" title={t('report.dash.cards')} style={{ marginBottom: 16 }}>
            <Row gutter={[12, 12]} data-testid="dash-metrics">
              {values.map((v) => (
                <Col span={6} key={v.id}>
                  <Tooltip title={<><b>{t('report.dash.definition')}</b>{colon}{v.definition}</>}>
                    <Card
                      size="small"
                      hoverable
                      className={`fz-stat-card${v.id === selectedId ? ' fz-stat-selected' : ''}`}
                      data-metric={v.id}
                      onClick={() => set('metric', v.id)}
                    >
                      <Statistic title={v.label} value={v.value === null ? t('report.dash.noData') : formatMetric(v.value, v.unit, lang)} styles={{ content: { fontSize: 22, color: v.value === null ? '#9ca3af' : '#111827' } }} />
                    </Card>
                  </Tooltip>
                </Col>
              ))}
            </Row>
          </Card>
          {selected && year && <MetricCharts key={`${selected.id}:${year}:${region.code}`} metric={selected} regionCode={region.code} year={year} />}
        </>
      )}
    </div>
  );
}

/** By unit, by month and year over year for one metric. */
function MetricCharts({ metric, regionCode, year }: { metric: MetricValue; regionCode: string; year: number }) {
  const { t, lang, colon } = useT();
  const recs = useApi<{ items: MetricRecord[] }>(metric.value === null ? null : `/api/v1/metrics/${encodeURIComponent(metric.id)}/records`, { region: regionCode, year });
  const [yoy, setYoy] = useState<{ year: number; value: number | null }[] | null>(null);
  useEffect(() => {
    let live = true;
    const ys = Array.from({ length: YEARS_BACK + 1 }, (_, i) => year - YEARS_BACK + i);
    pool(ys, 3, (y) => api.get<MetricValue>(`/api/v1/metrics/${encodeURIComponent(metric.id)}`, { region: regionCode, year: y }).then((v) => ({ year: y, value: v.value })).catch(() => ({ year: y, value: null })))
      .then((v) => live && setYoy(v))
      .catch(() => live && setYoy([]));
    return () => {
      live = false;
    };
  }, [metric.id, regionCode, year]);

  // Unit and month spreads only when each record counts once (records = value), so bars add up to the figure.
  const items = recs.data?.items ?? [];
  const countable = metric.value !== null && metric.unit !== 'percent' && items.length === metric.value;
  const b = useMemo(() => breakdown(items, t('report.dash.noUnit')), [recs.data, t]);
  const bar = (labels: string[], data: number[], horizontal: boolean) => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 32, top: 16, bottom: 8, containLabel: true },
    [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: labels, axisLabel: horizontal ? { width: 180, overflow: 'truncate' } : {} },
    [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data, barMaxWidth: 28, itemStyle: { color: '#1f5fbf' }, label: { show: true, position: horizontal ? 'right' : 'top', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') } }],
  });
  const unitOpt = useMemo(() => bar(b.units.map((u) => u[0]).reverse(), b.units.map((u) => u[1]).reverse(), true), [b]);
  const monthOpt = useMemo(() => bar(b.months.map((_, i) => t('report.dash.month', { m: i + 1 })), b.months, false), [b, t]);
  const yoyOpt = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: (yoy ?? []).map((y) => (lang === 'zh' ? `${y.year}年` : String(y.year))) },
      yAxis: { type: 'value', minInterval: metric.unit === 'percent' ? undefined : 1 },
      series: [{ type: metric.unit === 'percent' ? 'line' : 'bar', barMaxWidth: 36, data: (yoy ?? []).map((y) => y.value), itemStyle: { color: '#c2410c' }, label: { show: true, position: 'top' }, connectNulls: false }],
    }),
    [yoy, metric.unit, lang],
  );

  return (
    <Card size="small" title={metric.label} data-testid="dash-charts">
      <div className="fz-muted" style={{ marginBottom: 8, lineHeight: 1.6 }}>{t('report.dash.definition')}{colon}{metric.definition}</div>
      <Suspense fallback={<Spin />}>
        <Row gutter={16}>
          <Col span={8}>
            <h4>{t('report.dash.yoy')}</h4>
            {yoy ? <EChart option={yoyOpt} height={260} testId="chart-yoy" /> : <Spin />}
          </Col>
          {countable ? (
            <>
              <Col span={8}>
                <h4>{t('report.dash.byUnit')}</h4>
                <EChart option={unitOpt} height={Math.max(260, b.units.length * 30 + 40)} testId="chart-unit" />
              </Col>
              <Col span={8}>
                <h4>{t('report.dash.byMonth')}</h4>
                <EChart option={monthOpt} height={260} testId="chart-month" />
              </Col>
            </>
          ) : (
            <Col span={16}>
              <Alert type="info" showIcon title={metric.value === null ? t('report.dash.noData') : t('report.dash.noBreakdown')} style={{ marginTop: 32 }} />
            </Col>
          )}
        </Row>
        <div className="fz-muted" style={{ fontSize: 12, marginTop: 8 }}>{t('report.dash.breakdownHint')}</div>
      </Suspense>
    </Card>
  );
}
