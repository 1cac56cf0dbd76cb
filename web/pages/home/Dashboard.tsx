import { useMemo, lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Empty, Space, Tooltip, Spin, Tag, Typography } from 'antd';
import { useWorkYear, YearSelect } from '../../components/YearSelect';
import { useAuth } from '../../auth';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import type { Region } from '../../api/types';
import type { MetricValues } from '../../../common/core-api';
import { MODULE_LABELS } from '../../../common/labels';
import { formatMetric } from '../../format';

const EChart = lazy(() => import('../../components/EChart'));

type Value = MetricValues['items'][number];

/** Units that are compared on one axis: a chart never mixes 件, 人, 人次 and rates. */
const UNIT_GROUPS = ['percent', 'item', 'count', 'person', 'person_time'] as const;

/**
 * The leader's dashboard: every registered figure of the district for the working year in one
 * request, grouped by module; charts compare like with like (one unit per chart), this year against
 * the year before.
 */
export default function Dashboard() {
  const { me, can } = useAuth();
  const { t, lang, colon } = useT();
  const { year, years, setYear } = useWorkYear();
  const regions = useApi<{ items: Region[] }>('/api/v1/regions');
  const region = useMemo(() => {
    const ids = new Set((me?.roles ?? []).map((r) => r.regionId).filter(Boolean));
    return regions.data?.items.find((r) => ids.has(r.id)) ?? null;
  }, [regions.data, me]);
  const values = useApi<MetricValues>(region && year ? '/api/v1/metrics/values' : null, { region: region?.code, year: year ?? undefined, compare: '1' });
  const items = values.data?.items ?? [];
  const byModule = useMemo(() => {
    const m = new Map<string, Value[]>();
    for (const v of items) m.set(v.module, [...(m.get(v.module) ?? []), v]);
    return [...m.entries()];
  }, [values.data]);

  const charts = UNIT_GROUPS.map((unit) => {
    const vs = items.filter((v) => v.unit === unit && (v.value !== null || (v.previous ?? null) !== null));
    if (vs.length < 1 || !year) return null;
    const name = (y: number) => (lang === 'zh' ? `${y}年` : String(y));
    const option = {
      tooltip: { trigger: 'axis', valueFormatter: (x: number | null) => formatMetric(x, unit, lang) },
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: unit === 'percent' ? 100 : undefined },
      yAxis: { type: 'category', inverse: true, data: vs.map((v) => v.label), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [
        { name: name(year - 1), type: 'bar', data: vs.map((v) => v.previous ?? null), itemStyle: { color: '#9ca3af' } },
        { name: name(year), type: 'bar', data: vs.map((v) => v.value), itemStyle: { color: '#1f5fbf' }, label: { show: true, position: 'right' } },
      ],
    };
    return (
      <Col span={12} key={unit}>
        <Card size="small" title={t(`home.unitChart.${unit}`)} data-testid={`dashboard-chart-${unit}`}>
          <Suspense fallback={<Spin />}>
            <EChart option={option} height={Math.max(160, vs.length * 44 + 50)} testId={`chart-${unit}`} />
          </Suspense>
        </Card>
      </Col>
    );
  }).filter(Boolean);

  return (
    <Card
      title={t('home.dashboard')}
      style={{ marginBottom: 16 }}
      data-testid="dashboard"
      extra={
        <Space>
          {can('dashboard.view') && year && <Link to={`/report/dashboard?year=${year}`} data-testid="dashboard-more">{t('report.nav.dashboard')}</Link>}
          {region && <Tag data-record>{region.name}</Tag>}
          <span>{t('home.year')}</span>
          <YearSelect value={year} years={years} onChange={setYear} testId="dashboard-year" />
        </Space>
      }
    >
      {values.data && items.length === 0 ? (
        <Empty description={t('home.noMetrics')} data-testid="dashboard-empty" />
      ) : !values.data ? (
        <div style={{ textAlign: 'center', padding: 24 }}><Spin /></div>
      ) : (
        <>
          <div data-testid="dashboard-metrics">
            {byModule.map(([module, vs]) => (
              <div key={module} style={{ marginBottom: 12 }}>
                <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>{MODULE_LABELS[module]?.[lang] ?? module}</Typography.Text>
                <Row gutter={[12, 12]}>
                  {vs.map((v) => (
                    <Col span={6} key={v.id}>
                      <Tooltip title={<><b>{t('home.metricDefinition')}</b>{colon}{v.definition}</>}>
                        <Card size="small" className="fz-stat-card" data-metric={v.id}>
                          <Statistic title={v.label} value={v.value === null ? t('home.noData') : formatMetric(v.value, v.unit, lang)} styles={{ content: { fontSize: 22, color: v.value === null ? '#9ca3af' : '#111827' } }} />
                          {v.scope === 'unit' && <Tag style={{ marginTop: 4 }}>{t('home.scopeUnit')}</Tag>}
                        </Card>
                      </Tooltip>
                    </Col>
                  ))}
                </Row>
              </div>
            ))}
          </div>
          {charts.length > 0 && <Row gutter={[16, 16]} style={{ marginTop: 8 }}>{charts}</Row>}
        </>
      )}
    </Card>
  );
}
