import { useState } from 'react';
import { Alert, Card, Descriptions, Input, Select, Space, Table } from 'antd';
import type { z } from 'zod';
import { POWER_CATEGORIES, type PowerOut } from '../../../common/powers';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { formatDate } from '../../format';
import { PublicShell, usePublicRegion } from '../enforcement/PublicShell';

type Power = z.infer<typeof PowerOut>;
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** The power-and-responsibility list on the public portal: search by unit, category and keyword; each item's basis. */
export default function PublicPowersPage() {
  const { t, lang } = useT();
  const { region, regionName } = usePublicRegion();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const res = useApi<Page<Power>>(region ? '/api/v1/public/powers' : null, { region: region ?? '', q: q || undefined, category, level, page, pageSize: 20 });
  const c = (k: string) => t(`powers.list.col.${k}`);
  return (
    <PublicShell title={t('powers.public.title')} region={region} regionName={regionName} testId="page-public-powers">
      {region === '' && <Alert type="info" showIcon title={t('enforcement.public.noRegion')} />}
      {region && (
        <Card>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search allowClear placeholder={t('powers.public.q')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 320 }} data-testid="public-powers-search" />
            <Select allowClear placeholder={t('powers.list.categoryF')} style={{ width: 180 }} value={category} onChange={(v) => { setCategory(v); setPage(1); }}
              options={Object.entries(POWER_CATEGORIES).map(([k, v]) => ({ value: k, label: v[lang] }))} />
            <Select allowClear placeholder={t('powers.list.levelF')} style={{ width: 160 }} value={level} onChange={(v) => { setLevel(v); setPage(1); }}
              options={[{ value: 'department', label: t('powers.list.level.department') }, { value: 'subdistrict', label: t('powers.list.level.subdistrict') }]} />
          </Space>
          {res.error && <Alert type="error" showIcon title={res.error.message} />}
          <Table<Power> size="small" rowKey="id" loading={res.loading} dataSource={res.data?.items ?? []} data-testid="public-powers"
            expandable={{ expandedRowRender: (p) => (
              <Descriptions size="small" column={1} bordered data-testid="public-power-basis">
                <Descriptions.Item label={c('basis')}>{p.basis}</Descriptions.Item>
                {p.responsibility && <Descriptions.Item label={c('responsibility')}>{p.responsibility}</Descriptions.Item>}
                {p.accountability && <Descriptions.Item label={t('powers.public.accountability')}>{p.accountability}</Descriptions.Item>}
              </Descriptions>
            ) }}
            columns={[
              { title: c('code'), dataIndex: 'code', width: 160 },
              { title: c('name'), dataIndex: 'name' },
              { title: c('category'), dataIndex: 'categoryLabel', width: 120 },
              { title: c('unit'), dataIndex: 'unitName', width: 200 },
              { title: c('effectiveFrom'), dataIndex: 'effectiveFrom', width: 120, render: (v: string) => formatDate(v, lang) },
            ]}
            pagination={{ current: page, pageSize: 20, total: res.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('table.total', { total: n }) }} />
        </Card>
      )}
    </PublicShell>
  );
}
