import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { PLAN_KINDS, TASK_STATUS } from '../../../common/plan';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { ImportDialog } from '../../components/ImportDialog';
import { PageTitle } from '../../layout/AppLayout';
import { TaskStatusTag } from './shared';
import type { z } from 'zod';
import type { TaskOut } from '../../../common/plan';

/** Response contracts of the plan API (common/plan.ts). */
type TaskItem = z.infer<typeof TaskOut>;

/** The ledger table (used on the ledger page and a plan's page). */
export function TasksTable({ params, reloadKey, prefix, toolbar }: { params?: Record<string, string | undefined>; reloadKey?: unknown; prefix?: string; toolbar?: React.ReactNode }) {
  const { t, lang, list } = useT();
  // The plans in scope, for the plan filter (two plans' numbering 1.1, 1.2… must not mix).
  const plans = useApi<{ items: { id: string; year: number; title: string }[] }>(params?.planId ? null : '/api/v1/plan/plans', { pageSize: '200' });
  // Key columns first (number, task, status, deadline, lead unit); long ones on demand.
  const columns: DataColumn<TaskItem>[] = [
    { key: 'ord', dataIndex: 'code', title: t('plan.tasks.code'), sortable: true, width: 70 },
    { key: 'title', title: t('plan.tasks.task'), sortable: true, render: (v: string, r) => <Link to={`/plan/tasks/${r.id}`}>{v}</Link> },
    { key: 'status', title: t('plan.tasks.status'), width: 110, render: (v: string) => <TaskStatusTag status={v} /> },
    { key: 'dueDate', dataIndex: 'currentDue', title: t('plan.tasks.currentDue'), sortable: true, width: 250, render: (v: string | null, r) => (v && r.status !== 'done' ? <DeadlineBadge dueDate={v} /> : r.doneDate ?? '—') },
    { key: 'unit', dataIndex: 'unitName', title: t('plan.tasks.lead'), sortable: true, width: 200 },
    { key: 'coUnits', title: t('plan.tasks.co'), defaultHidden: true, render: (v: { name: string }[]) => v.map((c) => c.name).join(list) || '—' },
    { key: 'keyWorkTitle', title: t('plan.tasks.keyWork'), defaultHidden: true },
    { key: 'plan', dataIndex: 'planTitle', title: t('plan.tasks.plan'), sortable: true, defaultHidden: true },
    { key: 'leader', title: t('plan.tasks.leader'), defaultHidden: true },
  ];
  return (
    <DataTable<TaskItem>
      id="plan-tasks"
      url="/api/v1/plan/tasks"
      exportUrl="/api/v1/plan/tasks/export"
      params={params}
      prefix={prefix}
      reloadKey={reloadKey}
      rowKey="id"
      columns={columns}
      toolbar={toolbar}
      filters={[
        ...(params?.planId ? [] : [{ key: 'planId', label: t('plan.tasks.plan'), type: 'select' as const, width: 300, options: (plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title })) }]),
        { key: 'q', label: t('plan.tasks.q'), type: 'text' },
        { key: 'status', label: t('plan.tasks.status'), type: 'select', options: Object.entries(TASK_STATUS).map(([k, v]) => ({ value: k, label: v[lang] })) },
        ...(params?.planId ? [] : [{ key: 'kind', label: t('plan.plans.kind'), type: 'select' as const, options: Object.entries(PLAN_KINDS).map(([k, v]) => ({ value: k, label: v[lang] })) }]),
      ]}
    />
  );
}

/** 推进台账: every task in scope with its derived status; export and bulk progress by spreadsheet. */
export default function TasksPage() {
  const { t } = useT();
  const { can } = useAuth();
  const [bulk, setBulk] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <>
      <PageTitle title={t('plan.tasks.title')} extra={<Typography.Text type="secondary">{t('plan.tasks.bulkHint')}</Typography.Text>} />
      <TasksTable
        reloadKey={reloadKey}
        toolbar={(can('plan.report') || can('plan.manage')) && <Button icon={<UploadOutlined />} onClick={() => setBulk(true)} data-testid="progress-import">{t('plan.tasks.bulk')}</Button>}
      />
      <ImportDialog open={bulk} url="/api/v1/plan/progress/import" title={t('plan.tasks.bulk')} onClose={() => setBulk(false)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
