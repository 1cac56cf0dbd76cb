import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Space, Tag } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { AUDIT_KINDS, AUDIT_STATUSES, AuditInput, type AuditSummaryOut } from '../../../common/oversight';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ImportDialog } from '../../components/ImportDialog';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate, formatNumber } from '../../format';
import { ActionModal } from './ActionModal';
import { clip } from '../../components/clip';

type Audit = z.infer<typeof AuditSummaryOut>;

/** 审计监督: project audits with their reductions, economic-responsibility audits of leading officials. */
export default function AuditsPage() {
  const { t, lang, comma, paren } = useT();
  const { can } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const units = useApi<{ items: Unit[] }>(creating ? '/api/v1/units' : null);
  const c = (k: string) => t(`oversight.audits.col.${k}`);
  const f = (k: string) => t(`oversight.audits.f.${k}`);
  const money = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, { minimumFractionDigits: 2 }));
  // Widths that fit 1440 px, key columns first; long texts cut with an ellipsis (the full text on hover and on the audit's page).
  const columns: DataColumn<Audit>[] = [
    { key: 'auditNo', title: c('auditNo'), sortable: true, width: 150, render: (v: string, a) => <Link to={`/oversight/audits/${a.id}`}>{clip(136)(v)}</Link> },
    { key: 'title', title: c('title'), width: 240, render: (_: string, a) => clip(226)(a.projectName ?? `${a.personName}${paren(`${a.post}${comma}${formatDate(a.periodFrom, lang)} — ${formatDate(a.periodTo, lang)}`)}`) },
    { key: 'unitName', title: c('unit'), width: 140, render: clip(126) },
    { key: 'status', title: c('status'), width: 130, render: (_: string, a) => <Tag style={{ whiteSpace: 'normal' }}>{a.statusLabel}</Tag> },
    { key: 'submittedAmount', title: c('submitted'), sortable: true, align: 'right', width: 128, render: money },
    { key: 'approvedAmount', title: c('approved'), align: 'right', defaultHidden: true, width: 128, render: money },
    { key: 'reduction', title: c('reduction'), align: 'right', width: 118, render: money },
    { key: 'reductionRate', title: c('rate'), align: 'right', width: 70, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
    { key: 'concludedOn', title: c('concludedOn'), sortable: true, width: 112, render: (v: string | null) => formatDate(v, lang) || '—' },
  ];
  return (
    <>
      <PageTitle title={t('oversight.audits.title')} />
      <DataTable<Audit> id="oversight-audits" url="/api/v1/oversight/audits" exportUrl="/api/v1/oversight/audits/export" rowKey="id" columns={columns} reloadKey={reloadKey}
        toolbar={can('oversight.manage') ? (
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="audit-create">{t('oversight.actions.newAudit')}</Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="audit-import">{t('oversight.actions.import')}</Button>
          </Space>
        ) : undefined}
        filters={[
          { key: 'q', label: t('oversight.audits.q'), type: 'text' },
          { key: 'kind', label: t('oversight.audits.kindF'), type: 'select', options: Object.entries(AUDIT_KINDS).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'status', label: t('oversight.audits.statusF'), type: 'select', options: Object.entries(AUDIT_STATUSES).map(([k, v]) => ({ value: k, label: v[lang] })) },
        ]} />
      {creating && (
        <ActionModal title={t('oversight.actions.newAudit')} url="/api/v1/oversight/audits" schema={AuditInput} initial={{ kind: 'investment' }}
          fields={[
            { name: 'kind', label: t('oversight.audits.kindF'), kind: 'select', options: Object.entries(AUDIT_KINDS).map(([k, v]) => ({ value: k, label: v[lang] })) },
            { name: 'auditNo', label: c('auditNo'), kind: 'text', required: true },
            { name: 'title', label: f('title'), kind: 'text', required: true },
            { name: 'unitId', label: c('unit'), kind: 'select', required: true, options: (units.data?.items ?? []).filter((u) => !u.activeTo).map((u) => ({ value: u.id, label: u.name })) },
            { name: 'startOn', label: f('startOn'), kind: 'date', required: true },
            { name: 'projectName', label: f('projectName'), kind: 'text' },
            { name: 'submittedAmount', label: c('submitted'), kind: 'number' },
            { name: 'personName', label: f('personName'), kind: 'text' },
            { name: 'post', label: f('post'), kind: 'text' },
            { name: 'periodFrom', label: f('periodFrom'), kind: 'date' },
            { name: 'periodTo', label: f('periodTo'), kind: 'date' },
          ]}
          onClose={() => setCreating(false)} onDone={(b) => { setCreating(false); void nav(`/oversight/audits/${(b as { id: string }).id}`); }} />
      )}
      <ImportDialog open={importing} url="/api/v1/oversight/audits/import" title={t('oversight.actions.import')} onClose={() => setImporting(false)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
