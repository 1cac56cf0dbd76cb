import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { REVIEW_TYPES, ReviewRequestInput } from '../../../common/advisors';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { StatusTag } from '../../components/StatusTag';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { StepForm } from '../decisions/StepForm';
import { REVIEW_STATUS } from './ui';
import type { ReviewOut as Review } from '../../../common/advisors';

/** 法律顾问审查事项: the queue in the caller's scope — for an advisor, only what is assigned to them or their firm. */
export default function ReviewsPage() {
  const { t, lang } = useT();
  const { can, me } = useAuth();
  const [creating, setCreating] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const units = useApi<{ items: Unit[] }>(creating ? '/api/v1/units' : null);
  const inbox = can('advisors.inbox') && !can('advisors.manage');
  const columns: DataColumn<Review>[] = [
    { key: 'title', title: t('advisors.reviews.col.title'), render: (v: string, r) => <Link to={`/advisors/reviews/${r.id}`}>{v}</Link> },
    { key: 'type', title: t('advisors.reviews.col.type'), sortable: true, render: (_: string, r) => r.typeLabel },
    { key: 'unitName', title: t('advisors.reviews.col.unit') },
    { key: 'requestedOn', title: t('advisors.reviews.col.requestedOn'), sortable: true, render: (v: string) => formatDate(v, lang) },
    { key: 'assignee', title: t('advisors.reviews.col.assignee'), render: (_: unknown, r) => [r.firmName, r.advisorName].filter(Boolean).join(' · ') || '—' },
    { key: 'dueDate', title: t('advisors.reviews.col.dueDate'), sortable: true, render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'status', title: t('advisors.reviews.col.status'), sortable: true, render: (v: string) => <StatusTag status={v} map={REVIEW_STATUS} /> },
    { key: 'conclusionLabel', title: t('advisors.reviews.col.conclusion'), render: (v: string | null) => v ?? '—' },
  ];
  const typeOpts = Object.entries(REVIEW_TYPES).map(([k, v]) => ({ value: k, label: v[lang] }));
  return (
    <>
      <PageTitle title={inbox ? t('advisors.reviews.inboxTitle') : t('advisors.reviews.title')} />
      <DataTable<Review>
        id="advisor-reviews"
        url="/api/v1/advisors/reviews"
        exportUrl="/api/v1/advisors/reviews/export"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        filters={[
          { key: 'q', label: t('advisors.reviews.q'), type: 'text' },
          { key: 'type', label: t('advisors.reviews.type'), type: 'select', options: typeOpts },
          { key: 'status', label: t('advisors.reviews.status'), type: 'select', options: Object.keys(REVIEW_STATUS).map((k) => ({ value: k, label: t(`advisors.status.${k}`) })) },
        ]}
        toolbar={can('advisors.request') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="review-create">{t('advisors.reviews.create')}</Button> : undefined}
      />
      {creating && (
        <StepForm open labelPrefix="advisors.f" title={t('advisors.reviews.create')} url="/api/v1/advisors/reviews" schema={ReviewRequestInput}
          initial={{ type: 'contract', unitId: me?.unitId ?? undefined }}
          fields={[
            { name: 'type', label: 'type', kind: 'select', options: typeOpts.filter((o) => o.value !== 'major_decision') },
            { name: 'unitId', label: 'unitId', kind: 'select', options: (units.data?.items ?? []).filter((u) => u.type !== 'law_firm').map((u) => ({ value: u.id, label: u.name })) },
            { name: 'title', label: 'title', kind: 'text', required: true },
            { name: 'summary', label: 'summary', kind: 'textarea' },
            { name: 'requestedOn', label: 'requestedOn', kind: 'date', required: true },
          ]}
          onClose={() => setCreating(false)} onDone={() => { setCreating(false); setReloadKey((k) => k + 1); }} />
      )}
    </>
  );
}
