import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Space, Table, Tabs, Tag } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { OfficerInput, type BodyOut, type OfficerOut } from '../../../common/enforcement';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import type { Unit } from '../../api/types';
import { ImportDialog } from '../../components/ImportDialog';
import { ActionModal } from '../oversight/ActionModal';
import { useApi } from '../../api/useApi';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';

type Officer = z.infer<typeof OfficerOut>;
type Body = z.infer<typeof BodyOut>;

/** 执法主体与执法人员: the bodies with the fields they cover over time, the officers with their current certificate. */
export default function OfficersPage() {
  const { t, lang, paren } = useT();
  const { can, me } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const units = useApi<{ items: Unit[] }>(creating ? '/api/v1/units' : null);
  const bodies = useApi<{ items: Body[] }>('/api/v1/enforcement/bodies');
  const fm = (k: string) => t(`enforcement.officers.form.${k}`);
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
            <DataTable<Officer> id="enforcement-officers" url="/api/v1/enforcement/officers" exportUrl="/api/v1/enforcement/officers/export" rowKey="id" columns={columns} reloadKey={reloadKey}
              toolbar={can('enforcement.manageOfficers') ? (
                <Space>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="officer-create">{o('create')}</Button>
                  <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="officer-import">{o('import')}</Button>
                </Space>
              ) : undefined}
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
                      <Tag key={f.id} color={f.validTo ? 'default' : 'green'}>{f.field}{paren(`${formatDate(f.validFrom, lang)}—${f.validTo ? formatDate(f.validTo, lang) : o('body.now')}`)}</Tag>
                    )),
                  },
                ]} />
            </Card>
          ),
        },
      ]} />
      {creating && (
        <ActionModal title={o('create')} url="/api/v1/enforcement/officers" schema={OfficerInput} initial={{ unitId: me?.unitId ?? undefined, legalReviewer: false, legalQualification: false }}
          fields={[
            { name: 'unitId', label: fm('unitId'), kind: 'select', required: true, options: (units.data?.items ?? []).filter((u) => !u.activeTo).map((u) => ({ value: u.id, label: u.name })) },
            { name: 'name', label: fm('name'), kind: 'text', required: true },
            { name: 'legalReviewer', label: fm('legalReviewer'), kind: 'check' },
            { name: 'legalQualification', label: fm('legalQualification'), kind: 'check' },
            { name: 'supervisionRegisteredOn', label: fm('supervisionRegisteredOn'), kind: 'date' },
          ]}
          onClose={() => setCreating(false)} onDone={(b) => { setCreating(false); void nav(`/enforcement/officers/${(b as { id: string }).id}`); }} />
      )}
      <ImportDialog open={importing} url="/api/v1/enforcement/officers/import" title={o('import')} onClose={() => setImporting(false)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
