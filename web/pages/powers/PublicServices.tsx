import { useState } from 'react';
import { Alert, Card, Descriptions, Empty, Input, List, Space, Table, Tag } from 'antd';
import type { z } from 'zod';
import type { PublicServiceOut } from '../../../common/powers';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { formatDate } from '../../format';
import { PublicShell, usePublicRegion } from '../enforcement/PublicShell';

type Service = z.infer<typeof PublicServiceOut>;
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** The "一件事" catalogue on the public portal: each published service with its window, documents asked once, promised time and the items it bundles. */
export default function PublicServicesPage() {
  const { t, lang, colon, semi } = useT();
  const { region, regionName } = usePublicRegion();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const res = useApi<Page<Service>>(region ? '/api/v1/public/services' : null, { region: region ?? '', q: q || undefined, page, pageSize: 10 });
  const p = (k: string) => t(`powers.public.${k}`);
  const d = (k: string) => t(`powers.services.d.${k}`);
  return (
    <PublicShell title={p('services')} region={region} regionName={regionName} testId="page-public-services">
      {region === '' && <Alert type="info" showIcon title={t('enforcement.public.noRegion')} />}
      {region && (
        <Card>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search allowClear placeholder={p('servicesQ')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 320 }} data-testid="public-services-search" />
          </Space>
          {res.error && <Alert type="error" showIcon title={res.error.message} />}
          <List<Service> loading={res.loading} dataSource={res.data?.items ?? []} data-testid="public-services" locale={{ emptyText: <Empty /> }}
            pagination={{ current: page, pageSize: 10, total: res.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
            renderItem={(s) => (
              <List.Item key={s.id} data-testid="public-service">
                <div style={{ width: '100%' }}>
                  <Space align="baseline" wrap>
                    <h3 style={{ margin: 0 }}>{s.name}</h3>
                    <Tag color="red">{p('promised')}{colon}{t('powers.services.days', { n: s.promisedDays })}</Tag>
                    <span className="fz-muted">{s.code} · {s.leadUnitName} · {formatDate(s.publishedOn, lang)}</span>
                  </Space>
                  {s.description && <p style={{ margin: '8px 0' }}>{s.description}</p>}
                  <Descriptions size="small" column={1} bordered style={{ marginTop: 8 }}>
                    <Descriptions.Item label={p('window')}>{s.window}</Descriptions.Item>
                    <Descriptions.Item label={p('documents')}>{s.documents.map((x, i) => `${i + 1}. ${x}`).join(semi)}</Descriptions.Item>
                  </Descriptions>
                  <Table size="small" rowKey="id" pagination={false} style={{ marginTop: 8 }} dataSource={s.items} data-testid="public-service-items"
                    columns={[
                      { title: d('itemName'), dataIndex: 'name' },
                      { title: d('category'), dataIndex: 'categoryLabel', width: 130 },
                      { title: d('unit'), dataIndex: 'unitName', width: 220 },
                    ]} />
                </div>
              </List.Item>
            )} />
        </Card>
      )}
    </PublicShell>
  );
}
