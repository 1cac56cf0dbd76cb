import { useEffect, useMemo, useState, lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Empty, Space, Tooltip, Spin, Tag } from 'antd';
import { useWorkYear, YearSelect } from '../../components/YearSelect';
import { useAuth } from '../../auth';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { MetricInfo, MetricValue, Region } from '../../api/types';
import { formatMetric } from '../../format';

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

/** The leader's dashboard: every registered metric evaluated for the user's district and a chosen year. */
export default function Dashboard() {
  const { me, can } = useAuth();
  const { t, lang } = useT();
  const { year, years, setYear } = useWorkYear();
  const metrics = useApi<{ items: MetricInfo[] }>('/api/v1/metrics');
  const regions = useApi<{ items: Region[] }>('/api/v1/regions');
  const region = useMemo(() => {
    const ids = new Set((me?.roles ?? []).map((r) => r.regionId).filter(Boolean));
    return regions.data?.items.find((r) => ids.has(r.id)) ?? null;
  }, [regions.data, me]);
  const [values, setValues] = useState<MetricValue[] | null>(null);

  useEffect(() => {
    if (!metrics.data || !region || !year) return;
    let live = true;
    setValues(null);
    pool(metrics.data.items, 6, (m) => api.get<MetricValue>(`/api/v1/metrics/${encodeURIComponent(m.id)}`, { region: region.code, year }).catch(() => ({ ...m, value: null, scope: 'region' as const })))
      .then((v) => live && setValues(v))
      .catch(() => live && setValues([]));
    return () => {
      live = false;
    };
  }, [metrics.data, region, year]);

  const countLike = (values ?? []).filter((v) => v.value !== null && v.unit !== 'percent' && v.unit !== 'yuan');
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: countLike.map((v) => v.label), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', data: countLike.map((v) => v.value), itemStyle: { color: '#1f5fbf' }, label: { show: true, position: 'right' } }],
    }),
    [values],
  );

  return (
    <Card
      title={t('home.dashboard')}
      style={{ marginBottom: 16 }}
      data-testid="dashboard"
      extra={
        <Space>
          {can('dashboard.view') && <Link to={`/report/dashboard?year=${year}`} data-testid="dashboard-more">{t('report.nav.dashboard')}</Link>}
          {region && <Tag>{region.name}</Tag>}
          <span>{t('home.year')}</span>
          <YearSelect value={year} years={years} onChange={setYear} testId="dashboard-year" />
        </Space>
      }
    >
      {metrics.data && metrics.data.items.length === 0 ? (
        <Empty description={t('home.noMetrics')} data-testid="dashboard-empty" />
      ) : !values ? (
        <div style={{ textAlign: 'center', padding: 24 }}><Spin /></div>
      ) : (
        <>
          <Row gutter={[12, 12]} data-testid="dashboard-metrics">
            {values.map((v) => (
              <Col span={6} key={v.id}>
                <Tooltip title={<><b>{t('home.metricDefinition')}</b>：{v.definition}</>}>
                  <Card size="small" className="fz-stat-card" data-metric={v.id}>
                    <Statistic title={v.label} value={v.value === null ? t('home.noData') : formatMetric(v.value, v.unit, lang)} styles={{ content: { fontSize: 22, color: v.value === null ? '#9ca3af' : '#111827' } }} />
                    {v.scope === 'unit' && <Tag style={{ marginTop: 4 }}>{t('home.scopeUnit')}</Tag>}
                  </Card>
                </Tooltip>
              </Col>
            ))}
          </Row>
          {countLike.length > 0 && (
            <Card size="small" title={t('home.chart')} style={{ marginTop: 16 }}>
              <Suspense fallback={<Spin />}>
                <EChart option={option} height={Math.max(200, countLike.length * 28 + 40)} testId="dashboard-chart" />
              </Suspense>
            </Card>
          )}
        </>
      )}
    </Card>
  );
}
