import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Col, Form, Input, InputNumber, Modal, Row, Select, Tag, App } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PlanInput, PLAN_KINDS } from '../../../common/plan';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { api } from '../../api/client';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { PageTitle } from '../../layout/AppLayout';
import type { z } from 'zod';
import type { PlanListItemOut } from '../../../common/plan';

/** Response contracts of the plan API (common/plan.ts). */
type PlanItem = z.infer<typeof PlanListItemOut>;

/** 年度工作安排: plans of every kind, with counts; the office creates drafts here. */
export default function PlansPage() {
  const { t, lang } = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const sf = useSchemaForm(PlanInput);
  const kinds = Object.entries(PLAN_KINDS).map(([k, v]) => ({ value: k, label: v[lang] }));
  const columns: DataColumn<PlanItem>[] = [
    { key: 'year', title: t('plan.plans.year'), sortable: true, width: 80 },
    { key: 'title', title: t('plan.plans.titleCol'), sortable: true, render: (v: string, p) => <Link to={`/plan/plans/${p.id}`}>{v}</Link> },
    { key: 'kindLabel', title: t('plan.plans.kind') },
    { key: 'keyWorks', title: t('plan.plans.keyWorks') },
    { key: 'tasks', title: t('plan.plans.tasks') },
    { key: 'done', title: t('plan.plans.done') },
    { key: 'status', title: t('plan.plans.status'), render: (v: string) => <Tag color={v === 'published' ? 'green' : 'default'}>{t(`plan.plans.${v}`)}</Tag> },
  ];
  return (
    <>
      <PageTitle title={t('plan.plans.title')} />
      <DataTable<PlanItem>
        id="plan-plans"
        url="/api/v1/plan/plans"
        rowKey="id"
        columns={columns}
        filters={[
          { key: 'q', label: t('plan.plans.q'), type: 'text' },
          { key: 'kind', label: t('plan.plans.kind'), type: 'select', options: kinds },
          { key: 'status', label: t('plan.plans.status'), type: 'select', options: ['draft', 'published'].map((s) => ({ value: s, label: t(`plan.plans.${s}`) })) },
        ]}
        toolbar={can('plan.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">{t('plan.plans.create')}</Button>}
      />
      <Modal open={creating} title={t('plan.plans.create')} onCancel={() => setCreating(false)} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'plan-save' } as never} destroyOnHidden width={600}>
        <SchemaForm
          sf={sf}
          layout="vertical"
          preserve={false}
          initialValues={{ year: new Date().getFullYear(), kind: 'gov_work' }}
          onSubmit={async (v) => {
            const p = await api.post<PlanItem>('/api/v1/plan/plans', v);
            void message.success(t('plan.plans.created'));
            setCreating(false);
            void nav(`/plan/plans/${p.id}`);
          }}
        >
          <Row gutter={12}>
            <Col span={8}><Form.Item name="year" label={t('plan.plans.year')} required><InputNumber id="plan-year" style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={16}><Form.Item name="kind" label={t('plan.plans.kind')} required><Select options={kinds} /></Form.Item></Col>
          </Row>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => getFieldValue('kind') === 'custom' && <Form.Item name="kindLabel" label={t('plan.plans.kindLabel')} required><Input /></Form.Item>}
          </Form.Item>
          <Form.Item name="title" label={t('plan.plans.titleCol')} required><Input id="plan-title" /></Form.Item>
          <Form.Item name="docNo" label={t('plan.plans.docNo')}><Input /></Form.Item>
        </SchemaForm>
      </Modal>
    </>
  );
}
