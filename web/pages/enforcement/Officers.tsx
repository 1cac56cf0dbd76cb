import { Link } from 'react-router-dom';
import { Card, Table, Tabs, Tag } from 'antd';
import type { z } from 'zod';
import type { BodyOut, OfficerOut } from '../../../common/enforcement';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';

type Officer = z.infer<typeof OfficerOut>;
type Body = z.infer<typeof BodyOut>;

/** 执法主体与执法人员: the bodies with the fields they cover over time, the officers with their current certificate. */
export default function OfficersPage() {
  const { t, lang } = useT();
  const bodies = useApi<{ items: Body[] }>('/api/v1/enforcement/bodies');
  const o = (k: string) => t(`enforcement.officers.${k}`);
  const expiringBy = new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10);
  const columns: DataColumn<Officer>[] = [
    { key: 'name', title: o('col.name'), sortable: true, render: (v: string, r) => <Link to={`/enforcement/officers/${r.id}`}>{v}</Link> },
    { key: 'unitName', title: o('col.unit'), sortable: true },
    { key: 'certNo', title: o('col.certNo'), render: (v: string | null) => v ?? '—' },
    { key: 'certExpiresOn', title: o('col.certExpiresOn'), render: (v: string | null) => (v ? <span className={v <= expiringBy ? 'fz-warn' : undefined}>{formatDate(v, lang)}</span> : '—') },
    { key: 'legalReviewer', title: o('col.reviewer'), render: (v: boolean) => (v ? <Tag color="blue">{o('yes')}</Tag> : '') },
    { key: 'supervisionRegisteredOn', title: o('col.registered'), render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'trainingHours', title: o('col.hours') },
  ];
  return (
    <>
      <PageTitle title={o('title')} />
      <Tabs items={[
        {
          key: 'people', label: o('people'),
          children: (
            <DataTable<Officer> id="enforcement-officers" url="/api/v1/enforcement/officers" rowKey="id" columns={columns}
              filters={[{ key: 'q', label: o('q'), type: 'text' }, { key: 'expiringBy', label: o('expiring'), type: 'select', options: [{ value: expiringBy, label: o('expiring') }] }]} />
          ),
        },
        {
          key: 'bodies', label: o('bodies'),
          children: (
            <Card>
              <Table<Body> rowKey="id" size="small" loading={!bodies.data} dataSource={bodies.data?.items ?? []} pagination={false} data-testid="bodies-table"
                columns={[
                  { key: 'unit', title: o('body.unit'), dataIndex: 'unitName' },
                  { key: 'kind', title: o('body.kind'), dataIndex: 'kindLabel' },
                  { key: 'basis', title: o('body.basis'), dataIndex: 'legalBasis' },
                  {
                    key: 'fields', title: o('body.fields'),
                    render: (_: unknown, b) => b.fields.map((f) => (
                      <Tag key={f.id} color={f.validTo ? 'default' : 'green'}>{f.field}（{formatDate(f.validFrom, lang)}—{f.validTo ? formatDate(f.validTo, lang) : o('body.now')}）</Tag>
                    )),
                  },
                ]} />
            </Card>
          ),
        },
      ]} />
    </>
  );
}
