import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Modal, App } from 'antd';
import { CATEGORIES, LaunchInput, STATES } from '../../../common/decisions';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { StatusTag, type StatusMap } from '../../components/StatusTag';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { STATE_COLORS } from './ui';
import type { DecisionSummary } from '../../../common/decisions';

/** 决策立项 dialog on the shared LaunchInput schema. */
function LaunchModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const sf = useSchemaForm(LaunchInput);
  const units = useApi<{ items: Unit[] }>(open ? '/api/v1/units' : null);
  const cats = useApi<{ items: { id: string; title: string }[] }>(open ? '/api/v1/decisions/catalogues' : null);
  const f = (k: string) => t(`decisions.f.${k}`);
  return (
    <Modal open={open} title={t('decisions.list.launch')} onCancel={onClose} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'launch-save' } as never} destroyOnHidden width={640}>
      <SchemaForm sf={sf} layout="vertical" preserve={false} initialValues={{ category: 'public_policy', proposalSource: 'department' }}
        onSubmit={async (v) => {
          const d = await api.post<{ id: string }>('/api/v1/decisions', v);
          void message.success(t('decisions.list.launched'));
          void navigate(`/decisions/${d.id}`);
        }}>
        <Form.Item name="title" label={f('title')} required><Input id="launch-title" /></Form.Item>
        <Form.Item name="unitId" label={f('unitId')} required>
          <Select id="launch-unit" showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).filter((u) => u.type !== 'law_firm').map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="catalogueId" label={f('catalogueId')}>
          <Select allowClear options={(cats.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} />
        </Form.Item>
        <Form.Item name="category" label={f('category')} required><Select options={Object.entries(CATEGORIES).map(([k, v]) => ({ value: k, label: v[lang] }))} /></Form.Item>
        <Form.Item name="proposalSource" label={f('proposalSource')} required><Select options={['leader', 'department', 'npc_cppcc', 'public'].map((k) => ({ value: k, label: t(`decisions.opt.source.${k}`) }))} /></Form.Item>
        <DateField name="launchedOn" label={f('launchedOn')} required />
        <Form.Item name="launchBasis" label={f('launchBasis')} required><Input.TextArea id="launch-basis" rows={3} /></Form.Item>
      </SchemaForm>
    </Modal>
  );
}

/** 重大行政决策: the scoped list with stage filter, Excel export and 立项. */
export default function DecisionListPage() {
  const { t, lang } = useT();
  const { can } = useAuth();
  const [launching, setLaunching] = useState(false);
  const states: StatusMap = Object.fromEntries(Object.entries(STATE_COLORS).map(([k, color]) => [k, { color, labelKey: `decisions.state.${k}` }]));
  const columns: DataColumn<DecisionSummary>[] = [
    { key: 'title', title: t('decisions.col.title'), sortable: true, render: (v: string, d) => <Link to={`/decisions/${d.id}`}>{v}</Link> },
    { key: 'unitName', title: t('decisions.col.unit') },
    { key: 'categoryLabel', title: t('decisions.col.category'), defaultHidden: true },
    { key: 'launchedOn', title: t('decisions.col.launchedOn'), sortable: true, render: (v: string) => formatDate(v, lang) },
    { key: 'state', title: t('decisions.col.state'), sortable: true, render: (v: string) => <StatusTag status={v} map={states} /> },
    { key: 'commentEndsOn', title: t('decisions.col.commentEndsOn'), render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'decidedOn', title: t('decisions.col.decidedOn'), sortable: true, render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'publishedOn', title: t('decisions.col.publishedOn'), render: (v: string | null) => formatDate(v, lang) || '—' },
  ];
  return (
    <>
      <PageTitle title={t('decisions.list.title')} />
      <DataTable<DecisionSummary>
        id="decisions"
        url="/api/v1/decisions"
        exportUrl="/api/v1/decisions/export"
        rowKey="id"
        columns={columns}
        filters={[
          { key: 'q', label: t('decisions.list.q'), type: 'text' },
          { key: 'state', label: t('decisions.list.state'), type: 'select', options: Object.entries(STATES).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'year', label: t('decisions.list.year'), type: 'select', width: 120, options: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => ({ value: String(y), label: String(y) })) },
        ]}
        toolbar={can('decisions.launch') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setLaunching(true)} data-testid="decision-launch">{t('decisions.list.launch')}</Button> : undefined}
      />
      <LaunchModal open={launching} onClose={() => setLaunching(false)} />
    </>
  );
}
