import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { SERVICE_STATUSES, type ServiceSummaryOut } from '../../../common/powers';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';

import { clip } from '../../components/clip';
import { ServiceForm } from './ServiceForm';

type Service = z.infer<typeof ServiceSummaryOut>;
export const SERVICE_COLORS: Record<string, string> = { draft: 'default', published: 'success', withdrawn: 'warning' };

/** “一件事”集成服务: the office drafts, publishes and withdraws the services; region staff and lead units read them. */
export default function ServicesPage() {
  const { t, lang } = useT();
  const { can } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const c = (k: string) => t(`powers.services.col.${k}`);
  const columns: DataColumn<Service>[] = [
    { key: 'code', title: c('code'), sortable: true, width: 120, render: clip(106) },
    { key: 'name', title: c('name'), sortable: true, width: 220, render: (v: string, s) => <Link to={`/powers/services/${s.id}`}>{clip(206)(v)}</Link> },
    { key: 'leadUnitName', title: c('lead'), width: 170, render: clip(156) },
    { key: 'status', title: c('status'), sortable: true, width: 96, render: (v: string, s) => <Tag color={SERVICE_COLORS[v]}>{s.statusLabel}</Tag> },
    { key: 'itemCount', title: c('items'), width: 90, align: 'right' },
    { key: 'unitCount', title: c('units'), width: 90, align: 'right' },
    { key: 'promisedDays', title: c('promisedDays'), sortable: true, width: 130, render: (v: number) => t('powers.services.days', { n: v }) },
    { key: 'window', title: c('window'), width: 180, render: clip(166) },
  ];
  return (
    <>
      <PageTitle title={t('powers.services.title')} />
      <DataTable<Service> id="power-services" url="/api/v1/powers/services" exportUrl="/api/v1/powers/services/export" rowKey="id" columns={columns}
        toolbar={can('powers.manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="service-create">{t('powers.services.create')}</Button> : undefined}
        filters={[
          { key: 'q', label: t('powers.services.q'), type: 'text' },
          { key: 'status', label: t('powers.services.statusF'), type: 'select', options: Object.entries(SERVICE_STATUSES).map(([k, v]) => ({ value: k, label: v[lang] })) },
        ]} />
      {creating && <ServiceForm onClose={() => setCreating(false)} onDone={(s) => { setCreating(false); void nav(`/powers/services/${s.id}`); }} />}
    </>
  );
}
