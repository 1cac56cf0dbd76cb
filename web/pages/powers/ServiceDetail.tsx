import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, List, Space, Spin, Table, Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { PublishServiceInput, WithdrawServiceInput, type ServiceOut } from '../../../common/powers';
import { useT } from '../../i18n';
import { useRecord } from '../oversight/useRecord';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { NotFoundPage } from '../errors/ErrorPages';
import { ActionModal } from '../oversight/ActionModal';
import { ServiceForm } from './ServiceForm';
import { SERVICE_COLORS } from './Services';

type Service = z.infer<typeof ServiceOut>;

/** One "一件事": the items it bundles across units, its window, documents asked once, promised time, linked reform tasks, and its steps. */
export default function ServiceDetailPage() {
  const { id = '' } = useParams();
  const { t, lang, colon } = useT();
  const res = useRecord<Service>(`/api/v1/powers/services/${id}`);
  const [editing, setEditing] = useState(false);
  const [step, setStep] = useState<'publish' | 'withdraw' | null>(null);
  const f = (k: string) => t(`powers.services.f.${k}`);
  const d = (k: string) => t(`powers.services.d.${k}`);
  const c = (k: string) => t(`powers.services.col.${k}`);
  if (res.error) return <NotFoundPage message={res.error.message} />;
  const s = res.data;
  if (!s) return <Spin />;
  const date = (v: string | null) => formatDate(v, lang) || '—';
  return (
    <>
      <PageTitle title={<span data-record>{s.name}</span>} extra={
        <Space wrap>
          {s.abilities.edit && <Button onClick={() => setEditing(true)} data-testid="service-edit">{t('powers.services.edit')}</Button>}
          {s.abilities.publish && <Button type="primary" onClick={() => setStep('publish')} data-testid="service-publish">{t('powers.services.publish')}</Button>}
          {s.abilities.withdraw && <Button danger onClick={() => setStep('withdraw')} data-testid="service-withdraw">{t('powers.services.withdraw')}</Button>}
        </Space>
      } />
      <Card size="small">
        <Descriptions size="small" column={2} bordered data-testid="service-descriptions">
          <Descriptions.Item label={c('code')}>{s.code}</Descriptions.Item>
          <Descriptions.Item label={c('status')}><Tag color={SERVICE_COLORS[s.status]} data-testid="service-status">{s.statusLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label={c('lead')}>{s.leadUnitName}</Descriptions.Item>
          <Descriptions.Item label={c('promisedDays')}>{t('powers.services.days', { n: s.promisedDays })}</Descriptions.Item>
          <Descriptions.Item label={c('window')} span={2}>{s.window}</Descriptions.Item>
          <Descriptions.Item label={c('publishedOn')}>{date(s.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label={c('units')}>{s.unitCount}</Descriptions.Item>
          {s.withdrawnOn && <Descriptions.Item label={d('withdrawn')} span={2}>{date(s.withdrawnOn)}{colon}{s.withdrawReason}</Descriptions.Item>}
          {s.description && <Descriptions.Item label={d('description')} span={2}>{s.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={d('items')} style={{ marginTop: 16 }}>
        <Table size="small" rowKey="id" pagination={false} dataSource={s.items} data-testid="service-items" locale={{ emptyText: d('none') }}
          columns={[
            { title: d('itemCode'), dataIndex: 'code', width: 130 },
            { title: d('itemName'), dataIndex: 'name', render: (v: string, r) => (r.current ? v : <Tooltip title={d('notCurrent')}><span>{v} <WarningOutlined style={{ color: '#d48806' }} /></span></Tooltip>) },
            { title: d('category'), dataIndex: 'categoryLabel', width: 120 },
            { title: d('unit'), dataIndex: 'unitName', width: 200 },
            { title: d('basis'), dataIndex: 'basis', ellipsis: { showTitle: true } },
          ]} />
      </Card>
      <Card size="small" title={d('documents')} style={{ marginTop: 16 }}>
        <List size="small" dataSource={s.documents} data-testid="service-documents" locale={{ emptyText: d('none') }} renderItem={(x, i) => <List.Item>{i + 1}. {x}</List.Item>} />
      </Card>
      <Card size="small" title={d('tasks')} style={{ marginTop: 16 }}>
        <Table size="small" rowKey="id" pagination={false} dataSource={s.tasks} data-testid="service-tasks" locale={{ emptyText: d('none') }}
          columns={[
            { title: d('task'), dataIndex: 'title', render: (v: string, r) => <Link to={`/plan/tasks/${r.id}`}>{v}</Link> },
            { title: d('plan'), dataIndex: 'planTitle' },
            { title: d('taskUnit'), dataIndex: 'unitName', width: 200 },
          ]} />
      </Card>
      {editing && <ServiceForm service={s} onClose={() => setEditing(false)} onDone={(b) => { setEditing(false); res.set(b); }} />}
      {step === 'publish' && (
        <ActionModal title={t('powers.services.publish')} url={`/api/v1/powers/services/${s.id}/publish`} schema={PublishServiceInput}
          fields={[{ name: 'publishedOn', label: f('publishedOn'), kind: 'date', required: true }]} onClose={() => setStep(null)} onDone={(b) => { setStep(null); res.set(b as Service); }} />
      )}
      {step === 'withdraw' && (
        <ActionModal title={t('powers.services.withdraw')} url={`/api/v1/powers/services/${s.id}/withdraw`} schema={WithdrawServiceInput}
          fields={[{ name: 'withdrawnOn', label: f('withdrawnOn'), kind: 'date', required: true }, { name: 'reason', label: f('reason'), kind: 'textarea', required: true }]}
          onClose={() => setStep(null)} onDone={(b) => { setStep(null); res.set(b as Service); }} />
      )}
    </>
  );
}
