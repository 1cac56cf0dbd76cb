import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Col, Form, Input, InputNumber, Modal, Row, Select, App } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { ActivityInput, ACTIVITY_KINDS, AUDIENCES, type ActivityOut } from '../../../common/learning';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';

/** An activity as the list shows it (the server's response contract). */
export type Activity = z.infer<typeof ActivityOut>;

/** 学法与培训: study sessions, tests, trainings, exams, competitions (with participants), recorded by the office and units. */
export default function ActivitiesPage() {
  const { t, lang } = useT();
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const sf = useSchemaForm(ActivityInput);
  const units = useApi<{ items: Unit[] }>(creating ? '/api/v1/units' : null);
  const kinds = Object.entries(ACTIVITY_KINDS).map(([k, v]) => ({ value: k, label: v[lang] }));
  const audiences = Object.entries(AUDIENCES).map(([k, v]) => ({ value: k, label: v[lang] }));
  const columns: DataColumn<Activity>[] = [
    { key: 'date', title: t('learning.list.date'), sortable: true, width: 110 },
    { key: 'kindLabel', title: t('learning.list.kind') },
    { key: 'audienceLabel', title: t('learning.list.audience'), render: (v: string | null) => v ?? '—' },
    { key: 'topic', title: t('learning.list.topic'), sortable: true, render: (v: string, a) => <Link to={`/learning/${a.id}`}>{v}</Link> },
    { key: 'unit', dataIndex: 'unitName', title: t('learning.list.unit'), sortable: true },
    { key: 'participants', title: t('learning.list.participants') },
  ];
  return (
    <>
      <PageTitle title={t('learning.list.title')} />
      <DataTable<Activity>
        id="learning"
        url="/api/v1/learning/activities"
        exportUrl="/api/v1/learning/activities/export"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        filters={[
          { key: 'q', label: t('learning.list.q'), type: 'text' },
          { key: 'kind', label: t('learning.list.kind'), type: 'select', options: kinds },
          { key: 'audience', label: t('learning.list.audience'), type: 'select', options: audiences },
        ]}
        toolbar={can('learning.record') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="learning-create">{t('learning.list.create')}</Button>}
      />
      <Modal open={creating} title={t('learning.list.create')} onCancel={() => setCreating(false)} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'learning-save' } as never} destroyOnHidden width={640}>
        <SchemaForm
          sf={sf}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'executive_study', unitId: me?.unitId ?? undefined, attendees: [] }}
          onSubmit={async (v) => {
            await api.post('/api/v1/learning/activities', v);
            void message.success(t('learning.list.created'));
            setCreating(false);
            setReloadKey((k) => k + 1);
          }}
        >
          <Row gutter={12}>
            <Col span={12}><Form.Item name="kind" label={t('learning.list.kind')} required><Select options={kinds} /></Form.Item></Col>
            <Col span={12}><Form.Item name="audience" label={t('learning.list.audience')}><Select allowClear options={audiences} /></Form.Item></Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}><DateField name="date" label={t('learning.list.date')} required /></Col>
            <Col span={12}><Form.Item name="unitId" label={t('learning.list.unit')} required><Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item></Col>
          </Row>
          <Form.Item name="topic" label={t('learning.list.topic')} required><Input id="learning-topic" /></Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item name="speaker" label={t('learning.list.speaker')}><Input /></Form.Item></Col>
            <Col span={12}><Form.Item name="participantCount" label={t('learning.list.participantCount')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
          <Form.Item name="notes" label={t('learning.list.notes')}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="attendees" hidden><Input /></Form.Item>
        </SchemaForm>
      </Modal>
    </>
  );
}
