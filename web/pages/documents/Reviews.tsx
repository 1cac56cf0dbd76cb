import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { StatusTag } from '../../components/StatusTag';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { REVIEWER_KINDS } from '../../../common/documents';
import type { DocReviewListItem } from '../../../common/documentSchemas';
import { CONCLUSION_MAP } from './shared';

/**
 * 合法性审核: the document-side review records (office, leaders, drafting units). Not an advisor inbox:
 * a firm's reviews are worked in the advisors queue (/advisors/reviews).
 */
export default function ReviewsPage() {
  const { t, lang } = useT();
  const columns: DataColumn<DocReviewListItem>[] = [
    { key: 'documentTitle', title: t('documents.reviews.document'), render: (v: string, r) => <Link to={`/documents/${r.documentId}`}>《{v}》</Link> },
    { key: 'reviewer', title: t('documents.f.reviewerKind'), render: (_: unknown, r) => r.reviewerUnitName ?? REVIEWER_KINDS[r.reviewerKind as keyof typeof REVIEWER_KINDS]?.[lang] },
    { key: 'requestedOn', title: t('documents.f.requestedOn'), sortable: true, render: (v: string) => formatDate(v, lang) },
    { key: 'dueOn', title: t('documents.f.dueOn'), sortable: true, render: (v: string | null, r) => (r.status === 'pending' && v ? <DeadlineBadge dueDate={v} showDate /> : formatDate(v, lang)) },
    { key: 'conclusion', title: t('documents.f.conclusion'), render: (v: string | null) => (v ? <StatusTag status={v} map={CONCLUSION_MAP} /> : t('documents.reviews.pending')) },
  ];
  return (
    <>
      <PageTitle title={t('documents.reviews.title')} />
      <DataTable<DocReviewListItem>
        id="document-reviews"
        url="/api/v1/documents/reviews"
        rowKey="id"
        columns={columns}
        filters={[{ key: 'status', label: t('documents.f.status'), type: 'select', options: [{ value: 'pending', label: t('documents.reviews.pending') }, { value: 'done', label: t('documents.reviews.done') }] }]}
      />
    </>
  );
}
