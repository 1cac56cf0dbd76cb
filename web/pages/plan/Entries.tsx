import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { ReviewTag } from './shared';
import type { z } from 'zod';
import type { EntryOut } from '../../../common/plan';

/** Response contracts of the plan API (common/plan.ts). */
type EntryItem = z.infer<typeof EntryOut>;

/** 进展审核: the office's queue of ledger entries (pending first by default through the filter). */
export default function EntriesPage() {
  const { t } = useT();
  const columns: DataColumn<EntryItem>[] = [
    { key: 'entryDate', title: t('plan.entry.date'), sortable: true, width: 110 },
    { key: 'taskTitle', title: t('plan.entries.task'), render: (v: string, e) => <Link to={`/plan/tasks/${e.taskId}`}>{v}</Link> },
    { key: 'unit', dataIndex: 'unitName', title: t('plan.entries.unit'), sortable: true },
    { key: 'text', title: t('plan.entry.text'), ellipsis: true },
    { key: 'claimedStatus', title: t('plan.entry.claimed'), render: (v: string) => t(`plan.entry.${v}`) },
    { key: 'review', title: t('plan.entries.review'), render: (v: string) => <ReviewTag status={v} /> },
  ];
  return (
    <>
      <PageTitle title={t('plan.entries.title')} />
      <DataTable<EntryItem>
        id="plan-entries"
        url="/api/v1/plan/entries"
        rowKey="id"
        columns={columns}
        filters={[
          { key: 'q', label: t('plan.tasks.q'), type: 'text' },
          { key: 'review', label: t('plan.entries.review'), type: 'select', options: ['pending', 'accepted', 'returned'].map((k) => ({ value: k, label: t(`plan.review.${k}`) })) },
        ]}
      />
    </>
  );
}
