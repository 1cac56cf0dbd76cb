import { useState } from 'react';
import { Alert, Card, Input, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { z } from 'zod';
import type { PublicBodyOut, PublicDecisionOut, PublicOfficerOut, PublicRiskOut } from '../../../common/enforcement';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { formatDate, formatNumber } from '../../format';
import { PublicShell, usePublicRegion } from './PublicShell';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
const LEVEL_COLOR: Record<string, string> = { high: 'red', medium: 'orange', low: 'green' };

/** A searchable, paged public list. */
function PublicList<T extends { id: string }>({ url, region, columns, testId, extra }: { url: string; region: string; columns: ColumnsType<T>; testId: string; extra?: (d: Page<T>) => React.ReactNode }) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const res = useApi<Page<T>>(url, { region, q: q || undefined, page, pageSize: 20 });
  return (
    <>
      <Input.Search allowClear placeholder={t('enforcement.public.q')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ maxWidth: 360, marginBottom: 12 }} data-testid={`${testId}-search`} />
      {res.data && extra?.(res.data)}
      {res.error && <Alert type="error" showIcon title={res.error.message} />}
      <Table<T> size="small" rowKey="id" loading={res.loading} dataSource={res.data?.items ?? []} columns={columns} data-testid={testId} scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: res.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('table.total', { total: n }) }} />
    </>
  );
}

/** 行政执法公示 on the public portal: bodies (事前), officers, decisions within their display period, risk lists. */
export default function PublicEnforcementPage() {
  const { t, lang, list, paren } = useT();
  const { region, regionName } = usePublicRegion();
  const c = (k: string) => t(`enforcement.public.col.${k}`);
  const date = (v: string) => formatDate(v, lang);
  const bodies = useApi<{ items: z.infer<typeof PublicBodyOut>[] }>(region ? '/api/v1/public/enforcement/bodies' : null, { region: region ?? '' });
  return (
    <PublicShell title={t('enforcement.public.title')} region={region} regionName={regionName} testId="page-public-enforcement">
      {region === '' && <Alert type="info" showIcon title={t('enforcement.public.noRegion')} />}
      {region && (
        <Card>
          <Tabs defaultActiveKey="decisions" items={[
            {
              key: 'decisions', label: t('enforcement.public.tab.decisions'),
              children: <PublicList<z.infer<typeof PublicDecisionOut>> url="/api/v1/public/enforcement/decisions" region={region} testId="public-decisions"
                extra={(d) => <div className="fz-muted" style={{ marginBottom: 8 }}>{t('enforcement.public.displayHint', { years: (d as unknown as { displayYears: number }).displayYears })}</div>}
                columns={[
                  { title: c('decisionNo'), dataIndex: 'decisionNo' },
                  { title: c('title'), dataIndex: 'title' },
                  { title: c('unit'), dataIndex: 'unitName' },
                  { title: c('party'), dataIndex: 'party' },
                  { title: c('system'), dataIndex: 'systemLabel' },
                  { title: c('decision'), dataIndex: 'decisionLabel', render: (v: string, r) => (r.fine ? `${v}${paren(t('enforcement.public.fine', { amount: formatNumber(r.fine, lang) }))}` : v) },
                  { title: c('decidedOn'), dataIndex: 'decidedOn', render: date },
                  { title: c('publishedOn'), dataIndex: 'publishedOn', render: date },
                ]} />,
            },
            {
              key: 'bodies', label: t('enforcement.public.tab.bodies'),
              children: <Table size="small" rowKey="id" loading={bodies.loading} dataSource={bodies.data?.items ?? []} pagination={false} data-testid="public-bodies"
                columns={[
                  { title: c('body'), dataIndex: 'unitName' },
                  { title: c('kind'), dataIndex: 'kindLabel' },
                  { title: c('fields'), dataIndex: 'fields', render: (v: string[]) => v.join(list) || '—' },
                  { title: c('legalBasis'), dataIndex: 'legalBasis', render: (v: string) => v || '—' },
                  { title: c('officers'), dataIndex: 'officers', align: 'right' },
                ]} />,
            },
            {
              key: 'officers', label: t('enforcement.public.tab.officers'),
              children: <PublicList<z.infer<typeof PublicOfficerOut>> url="/api/v1/public/enforcement/officers" region={region} testId="public-officers"
                columns={[
                  { title: c('name'), dataIndex: 'name' },
                  { title: c('unit'), dataIndex: 'unitName' },
                  { title: c('certNo'), dataIndex: 'certNo' },
                  { title: c('certKind'), dataIndex: 'kindLabel' },
                  { title: c('field'), dataIndex: 'field' },
                  { title: c('expiresOn'), dataIndex: 'expiresOn', render: date },
                ]} />,
            },
            {
              key: 'risks', label: t('enforcement.public.tab.risks'),
              children: <PublicList<z.infer<typeof PublicRiskOut>> url="/api/v1/public/enforcement/risks" region={region} testId="public-risks"
                columns={[
                  { title: c('unit'), dataIndex: 'unitName', width: 160 },
                  { title: c('riskPoint'), dataIndex: 'riskPoint', width: 200 },
                  { title: c('forms'), dataIndex: 'forms', width: 220 },
                  { title: c('legalBasis'), dataIndex: 'legalBasis', width: 220 },
                  { title: c('consequence'), dataIndex: 'consequence', width: 200 },
                  { title: c('level'), dataIndex: 'levelLabel', width: 90, render: (v: string, r) => <Tag color={LEVEL_COLOR[r.level]}>{v}</Tag> },
                  { title: c('prevention'), dataIndex: 'prevention', width: 240 },
                ]} />,
            },
          ]} />
        </Card>
      )}
    </PublicShell>
  );
}
