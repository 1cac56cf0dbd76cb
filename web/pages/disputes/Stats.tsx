import { useMemo } from 'react';
import { Alert, Button, Card, Col, Row, Space, Spin, Statistic, Table, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useAuth } from '../../auth';
import { useWorkYear, YearSelect } from '../../components/YearSelect';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { qs } from '../../api/client';
import type { Region } from '../../api/types';
import { PageTitle } from '../../layout/AppLayout';
import { formatMetric } from '../../format';
import { useTerm } from './shared';
import type { DisputeStats } from '../../../common/disputes-api';

type Stats = DisputeStats;

/** 复议应诉统计: tables by case type, respondent unit and outcome, the rates, and the statutory tables in Excel. */
export default function StatsPage() {
  const { me } = useAuth();
  const { t, lang } = useT();
  const term = useTerm();
  const { year: workYear, years, setYear } = useWorkYear();
  const year = workYear ?? undefined;
  const regions = useApi<{ items: Region[] }>('/api/v1/regions');
  const region = useMemo(() => {
    const ids = new Set((me?.roles ?? []).map((r) => r.regionId).filter(Boolean));
    const items = regions.data?.items ?? [];
    return items.find((r) => ids.has(r.id)) ?? null;
  }, [regions.data, me]);
  const stats = useApi<Stats>(region && year ? '/api/v1/disputes/stats' : null, { region: region?.code, year });

  const reconCols = (first: string) => [
    { title: first, dataIndex: 'category', render: (v: string) => term(v) },
    ...(['received', 'accepted', 'concluded', 'corrective', 'onTime'] as const).map((k) => ({ title: t(`disputes.stats.${k}`), dataIndex: k, width: 140, align: 'right' as const })),
  ];
  const suitCols = (first: string) => [
    { title: first, dataIndex: 'category', render: (v: string) => term(v) },
    ...(['handled', 'closed', 'pending', 'lost', 'heard', 'headAppeared'] as const).map((k) => ({ title: t(`disputes.stats.${k}`), dataIndex: k, width: 120, align: 'right' as const })),
  ];
  const outcomeCols = [
    { title: t('disputes.stats.outcome'), dataIndex: 'outcome', render: (v: string) => term(v) },
    { title: t('disputes.stats.count'), dataIndex: 'count', width: 100, align: 'right' as const },
  ];
  const rate = (label: string, v: number | null | undefined, unit: string, key: string) => (
    <Col span={lang === 'zh' ? 4 : 6} key={key}>
      <Card size="small" data-rate={key}>
        <Statistic title={label} value={v === null || v === undefined ? t('home.noData') : formatMetric(v, unit, lang)} styles={{ content: { fontSize: 22 } }} />
      </Card>
    </Col>
  );
  const s = stats.data;
  const href = (table: string) => `/api/v1/disputes/stats/export${qs({ region: region?.code, year, table })}`;
  const withTotal = <T extends { category: string }>(total: T, rows: T[]) => [...rows, { ...total, category: t('disputes.stats.total') }];

  return (
    <div data-testid="disputes-stats">
      <PageTitle
        title={t('disputes.stats.title')}
        extra={
          <>
            <span>{t('disputes.stats.year')}</span>
            <YearSelect value={workYear} years={years} onChange={setYear} testId="stats-year" />
            <Button icon={<DownloadOutlined />} href={href('reconsideration')} disabled={!region} data-testid="export-recon-stats">{t('disputes.stats.exportRecon')}</Button>
            <Button icon={<DownloadOutlined />} href={href('litigation')} disabled={!region} data-testid="export-suit-stats">{t('disputes.stats.exportSuits')}</Button>
          </>
        }
      />
      {regions.data && !region && <Alert type="warning" showIcon title={t('disputes.stats.noRegion')} />}
      {stats.error && <Alert type="error" showIcon title={stats.error.message} style={{ marginBottom: 16 }} />}
      {!s ? (
        region && <Spin />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[12, 12]} data-testid="stats-rates">
            {rate(t('disputes.stats.rates.accepted'), s.reconsideration.rates.accepted, 'item', 'accepted')}
            {rate(t('disputes.stats.rates.onTimeRate'), s.reconsideration.rates.onTimeRate, 'percent', 'onTimeRate')}
            {rate(t('disputes.stats.rates.correctionRate'), s.reconsideration.rates.correctionRate, 'percent', 'correctionRate')}
            {rate(t('disputes.stats.rates.handled'), s.litigation.rates.handled, 'item', 'handled')}
            {rate(t('disputes.stats.rates.lossRate'), s.litigation.rates.lossRate, 'percent', 'lossRate')}
            {rate(t('disputes.stats.rates.headAppearanceRate'), s.litigation.rates.headAppearanceRate, 'percent', 'headAppearanceRate')}
          </Row>
          <Card size="small" title={t('disputes.stats.recon')} data-testid="stats-recon">
            <Tabs
              items={[
                { key: 'type', label: t('disputes.stats.byType'), children: <Table size="small" rowKey="category" pagination={false} dataSource={withTotal(s.reconsideration.total, s.reconsideration.byType)} columns={reconCols(t('disputes.common.caseType'))} /> },
                { key: 'unit', label: t('disputes.stats.byRespondent'), children: <Table size="small" rowKey="category" pagination={false} dataSource={withTotal(s.reconsideration.total, s.reconsideration.byUnit)} columns={reconCols(t('disputes.recon.respondent'))} /> },
                { key: 'outcome', label: t('disputes.stats.byOutcome'), children: <Table size="small" rowKey="outcome" pagination={false} dataSource={s.reconsideration.byOutcome} columns={outcomeCols} /> },
              ]}
            />
          </Card>
          <Card size="small" title={t('disputes.stats.suits')} data-testid="stats-suits">
            <Tabs
              items={[
                { key: 'type', label: t('disputes.stats.byType'), children: <Table size="small" rowKey="category" pagination={false} dataSource={withTotal(s.litigation.total, s.litigation.byType)} columns={suitCols(t('disputes.common.caseType'))} /> },
                { key: 'unit', label: t('disputes.stats.byDefendant'), children: <Table size="small" rowKey="category" pagination={false} dataSource={withTotal(s.litigation.total, s.litigation.byUnit)} columns={suitCols(t('disputes.suit.defendant'))} /> },
                { key: 'outcome', label: t('disputes.stats.byOutcome'), children: <Table size="small" rowKey="outcome" pagination={false} dataSource={s.litigation.byOutcome} columns={outcomeCols} /> },
              ]}
            />
          </Card>
        </Space>
      )}
    </div>
  );
}
