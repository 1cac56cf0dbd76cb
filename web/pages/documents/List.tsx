import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Space, Tag } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import type { Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ImportDialog } from '../../components/ImportDialog';
import { StatusTag } from '../../components/StatusTag';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { DraftInput, type DocumentView } from '../../../common/documentSchemas';
import { DOC_STATUS, FILING_STATUS } from '../../../common/documents';
import { StepModal } from './StepModal';
import { DOC_STATUS_MAP, FILING_MAP } from './shared';

/** 规范性文件登记台账: the scoped register with filters in the URL, Excel export/import, draft registration. */
export default function DocumentsList() {
  const { t, lang } = useT();
  const { me } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const units = useApi<{ items: Unit[] }>(creating ? '/api/v1/units' : null);
  const canDraft = !!me?.abilities['documents.draft'];
  const columns: DataColumn<DocumentView>[] = [
    { key: 'docNumber', title: t('documents.f.docNumber'), sortable: true, render: (v: string | null) => v ?? '—' },
    { key: 'title', title: t('documents.f.title'), sortable: true, render: (v: string, d) => <Link to={`/documents/${d.id}`}>《{v}》</Link> },
    { key: 'issuerName', title: t('documents.f.issuer') },
    { key: 'unitName', title: t('documents.f.unit'), defaultHidden: true },
    { key: 'status', title: t('documents.f.status'), sortable: true, render: (v: string) => <StatusTag status={v} map={DOC_STATUS_MAP} /> },
    { key: 'publishedOn', title: t('documents.f.publishedOn'), sortable: true, render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'validUntil', title: t('documents.f.validUntil'), sortable: true, render: (v: string | null) => formatDate(v, lang) || '—' },
    {
      key: 'filing', title: t('documents.f.filing'), render: (_: unknown, d) => (
        <Space size={4}>
          {d.filing.status ? <StatusTag status={d.filing.status} map={FILING_MAP} /> : '—'}
          {d.filing.status === 'pending' && d.filing.due && <DeadlineBadge dueDate={d.filing.due} />}
          {d.filing.late && <Tag color="orange">{t('documents.filingFlags.late')}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageTitle title={t('documents.list.title')} />
      <DataTable<DocumentView>
        id="documents"
        url="/api/v1/documents"
        exportUrl="/api/v1/documents/export"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        filters={[
          { key: 'q', label: t('documents.list.q'), type: 'text' },
          { key: 'status', label: t('documents.list.status'), type: 'select', options: Object.entries(DOC_STATUS).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'filing', label: t('documents.list.filing'), type: 'select', options: [...Object.entries(FILING_STATUS).map(([k, v]) => ({ value: k, label: v[lang] })), { value: 'overdue', label: t('documents.filingFlags.overdue') }] },
        ]}
        toolbar={canDraft && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="doc-create">{t('documents.list.create')}</Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="doc-import">{t('documents.list.import')}</Button>
          </>
        )}
      />
      <StepModal
        open={creating}
        title={t('documents.list.create')}
        schema={DraftInput}
        url="/api/v1/documents"
        initial={{ affectsRights: true, marketRelated: false, unitId: me?.unitId ?? undefined }}
        fields={[
          { name: 'title', label: 'title', type: 'text', required: true },
          { name: 'unitId', label: 'unit', type: 'select', required: true, options: (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) },
          { name: 'issuerUnitId', label: 'issuer', type: 'select', options: (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) },
          { name: 'draftedOn', label: 'draftedOn', type: 'date', required: true },
          { name: 'summary', label: 'summary', type: 'textarea' },
          { name: 'affectsRights', label: 'affectsRights', type: 'check' },
          { name: 'marketRelated', label: 'marketRelated', type: 'check' },
        ]}
        onClose={() => setCreating(false)}
        onDone={(r) => { setCreating(false); void nav(`/documents/${(r as { id: string }).id}`); }}
      />
      <ImportDialog open={importing} url="/api/v1/documents/import" title={t('documents.list.import')} onClose={() => setImporting(false)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
