import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import type { Region } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { StatusTag } from '../../components/StatusTag';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { CleanupInput, type CleanupView } from '../../../common/documentSchemas';
import { StepModal } from './StepModal';

const STATUS = { open: { color: 'processing', label: { zh: '进行中', en: 'Open' } }, published: { color: 'success', label: { zh: '已公布', en: 'Published' } } };

/** 规范性文件清理: campaigns of the office's region; start one by criteria. */
export default function CleanupsPage() {
  const { t, lang } = useT();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const regions = useApi<{ items: Region[] }>(creating ? '/api/v1/regions' : null);
  const columns: DataColumn<CleanupView>[] = [
    { key: 'title', title: t('documents.f.title'), render: (v: string, c) => <Link to={`/documents/cleanups/${c.id}`}>{v}</Link> },
    { key: 'issuedBefore', title: t('documents.cleanups.issuedBefore'), render: (v: string) => formatDate(v, lang) },
    { key: 'itemCount', title: t('documents.cleanups.items') },
    { key: 'decidedCount', title: t('documents.cleanups.decided') },
    { key: 'status', title: t('documents.f.status'), render: (v: string) => <StatusTag status={v} map={STATUS} /> },
    { key: 'publishedOn', title: t('documents.f.publishedOn'), render: (v: string | null, c) => (v ? `${formatDate(v, lang)} ${c.decisionNumber ?? ''}` : '—') },
  ];
  return (
    <>
      <PageTitle title={t('documents.cleanups.title')} />
      <DataTable<CleanupView> id="document-cleanups" url="/api/v1/documents/cleanups" rowKey="id" columns={columns}
        toolbar={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cleanup-create">{t('documents.cleanups.create')}</Button>} />
      <StepModal
        open={creating}
        title={t('documents.cleanups.create')}
        schema={CleanupInput}
        url="/api/v1/documents/cleanups"
        fields={[
          { name: 'title', label: 'title', type: 'text', required: true },
          { name: 'regionId', label: 'issuer', type: 'select', required: true, options: (regions.data?.items ?? []).filter((r) => r.level === 'district').map((r) => ({ value: r.id, label: r.name })) },
          { name: 'issuedBefore', label: 'publishedOn', type: 'date', required: true },
          { name: 'startedOn', label: 'draftedOn', type: 'date', required: true },
          { name: 'basis', label: 'reason', type: 'textarea' },
        ]}
        onClose={() => setCreating(false)}
        onDone={(r) => { setCreating(false); void nav(`/documents/cleanups/${(r as { id: string }).id}`); }}
      />
    </>
  );
}
