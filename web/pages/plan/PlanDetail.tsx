import { useState } from 'react';
import { useParams, Link } from 'react-router-dom';
import { Button, Descriptions, Progress, Space, Spin, Table, Tag, App, Popconfirm, Typography } from 'antd';
import { UploadOutlined, SendOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { api, ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RecordDetail } from '../../components/RecordDetail';
import { ImportDialog } from '../../components/ImportDialog';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { TasksTable } from './Tasks';
import type { z } from 'zod';
import type { KeyWorkRollUpOut, PlanDetailOut } from '../../../common/plan';

/** Response contracts of the plan API (common/plan.ts). */
type KeyWorkItem = z.infer<typeof KeyWorkRollUpOut>;
type PlanDetail = z.infer<typeof PlanDetailOut>;

/** A plan: roll-up per key work (done/total, never an average), import and publication for drafts, its tasks. */
export default function PlanDetailPage() {
  const { id = '' } = useParams();
  const { t, colon, semi, stop } = useT();
  const { message } = App.useApp();
  const plan = useApi<PlanDetail>(`/api/v1/plan/plans/${id}`);
  const rules = useApi<{ rollUp: string[] }>('/api/v1/plan/rules');
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  if (plan.error) return <NotFoundPage message={plan.error.message} />;
  if (!plan.data) return <Spin />;
  const p = plan.data;
  const publish = async () => {
    try {
      await api.post(`/api/v1/plan/plans/${id}/publish`);
      void message.success(t('plan.plan.published'));
      plan.reload();
      setReloadKey((k) => k + 1);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const percent = (r: { progress: number | null }) => <Progress percent={r.progress ?? 0} size="small" style={{ width: 160 }} format={() => (r.progress === null ? '—' : `${r.progress}%`)} />;
  return (
    <>
      <PageTitle title={p.title} />
      <RecordDetail
        entity="plan"
        id={p.id}
        title={t('plan.plan.detail')}
        canUpload={p.canEdit}
        actionLabel={(a) => t(`plan.audit.${a}`, { defaultValue: a })}
        extra={
          p.canPublish && (
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="plan-import">{t('plan.plan.import')}</Button>
              <Popconfirm title={t('plan.plan.publishConfirm')} onConfirm={() => void publish()} okButtonProps={{ 'data-testid': 'plan-publish-confirm' } as never}>
                <Button type="primary" icon={<SendOutlined />} data-testid="plan-publish">{t('plan.plan.publish')}</Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        <Descriptions column={3} size="small" bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('plan.plans.year')}>{p.year}</Descriptions.Item>
          <Descriptions.Item label={t('plan.plans.kind')}>{p.kindLabel}</Descriptions.Item>
          <Descriptions.Item label={t('plan.plans.status')}><Tag color={p.status === 'published' ? 'green' : 'default'} data-testid="plan-status">{t(`plan.plans.${p.status}`)}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('plan.plans.docNo')}>{p.docNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.plan.progress')} span={2}>
            <Space data-testid="plan-rollup">{percent(p.rollUp)} {p.rollUp.done}/{p.rollUp.total} {p.rollUp.overdue > 0 && <Tag color="red">{t('plan.plan.overdue')} {p.rollUp.overdue}</Tag>}</Space>
          </Descriptions.Item>
        </Descriptions>
        <Table<KeyWorkItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.keyWorks}
          data-testid="key-works"
          columns={[
            { title: t('plan.tasks.code'), dataIndex: 'seq', width: 60 },
            { title: t('plan.plan.keyWork'), dataIndex: 'title' },
            { title: t('plan.plan.area'), dataIndex: 'area', render: (v: string | null) => v ?? '—' },
            { title: t('plan.plan.progress'), render: (_: unknown, k) => <Space>{percent(k)} {k.done}/{k.total}{k.overdue > 0 && <Tag color="red">{t('plan.plan.overdue')} {k.overdue}</Tag>}</Space> },
          ]}
        />
        {rules.data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('plan.plan.rollUp')}{colon}{rules.data.rollUp.join(semi)}{stop}<Link to="/plan/rules">{t('plan.nav.rules')}</Link>
          </Typography.Paragraph>
        )}
      </RecordDetail>
      <div style={{ marginTop: 16 }}>
        <TasksTable params={{ planId: p.id }} reloadKey={reloadKey} prefix="t_" />
      </div>
      <ImportDialog open={importing} url={`/api/v1/plan/plans/${id}/import`} title={t('plan.plan.import')} onClose={() => setImporting(false)} onDone={() => { plan.reload(); setReloadKey((k) => k + 1); }} />
    </>
  );
}
