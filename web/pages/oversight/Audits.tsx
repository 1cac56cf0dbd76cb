import { Tag } from 'antd';
import type { z } from 'zod';
import { AUDIT_KINDS, AUDIT_STATUSES, type AuditSummaryOut } from '../../../common/oversight';
import { useT } from '../../i18n';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate, formatNumber } from '../../format';

type Audit = z.infer<typeof AuditSummaryOut>;

/** 审计监督: project audits with their reductions, economic-responsibility audits of leading officials. */
export default function AuditsPage() {
  const { t, lang } = useT();
  const c = (k: string) => t(`oversight.audits.col.${k}`);
  const money = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, { minimumFractionDigits: 2 }));
  const columns: DataColumn<Audit>[] = [
    { key: 'auditNo', title: c('auditNo'), sortable: true },
    { key: 'title', title: c('title'), render: (_: string, a) => a.projectName ?? `${a.personName}（${a.post}，${a.periodFrom} — ${a.periodTo}）` },
    { key: 'unitName', title: c('unit') },
    { key: 'submittedAmount', title: c('submitted'), sortable: true, render: money },
    { key: 'approvedAmount', title: c('approved'), render: money },
    { key: 'reduction', title: c('reduction'), render: money },
    { key: 'reductionRate', title: c('rate'), render: (v: number | null) => (v === null ? '—' : `${v}%`) },
    { key: 'concludedOn', title: c('concludedOn'), sortable: true, render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'status', title: c('status'), render: (_: string, a) => <Tag>{a.statusLabel}</Tag> },
  ];
  return (
    <>
      <PageTitle title={t('oversight.audits.title')} />
      <DataTable<Audit> id="oversight-audits" url="/api/v1/oversight/audits" rowKey="id" columns={columns}
        filters={[
          { key: 'q', label: t('oversight.audits.q'), type: 'text' },
          { key: 'kind', label: t('oversight.audits.kindF'), type: 'select', options: Object.entries(AUDIT_KINDS).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'status', label: t('oversight.audits.statusF'), type: 'select', options: Object.entries(AUDIT_STATUSES).map(([k, v]) => ({ value: k, label: v[lang] })) },
        ]} />
    </>
  );
}
