import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { PLAN_KINDS, TASK_STATUS } from '../../../common/plan';
import { useT } from '../../i18n';
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
  const { t, lang } = useT();
  const columns: DataColumn<TaskItem>[] = [
    { key: 'ord', dataIndex: 'code', title: t('plan.tasks.code'), sortable: true, width: 70 },
    { key: 'title', title: t('plan.tasks.task'), sortable: true, render: (v: string, r) => <Link to={`/plan/tasks/${r.id}`}>{v}</Link> },
    { key: 'keyWorkTitle', title: t('plan.tasks.keyWork'), defaultHidden: true },
    { key: 'plan', dataIndex: 'planTitle', title: t('plan.tasks.plan'), sortable: true, defaultHidden: !!params?.planId },
    { key: 'unit', dataIndex: 'unitName', title: t('plan.tasks.lead'), sortable: true },
    { key: 'coUnits', title: t('plan.tasks.co'), render: (v: { name: string }[]) => v.map((c) => c.name).join('、') || '—' },
    { key: 'leader', title: t('plan.tasks.leader'), defaultHidden: true },
    { key: 'dueDate', dataIndex: 'currentDue', title: t('plan.tasks.currentDue'), sortable: true, render: (v: string | null, r) => (v && r.status !== 'done' ? <DeadlineBadge dueDate={v} /> : r.doneDate ?? '—') },
    { key: 'status', title: t('plan.tasks.status'), render: (v: string) => <TaskStatusTag status={v} /> },
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
