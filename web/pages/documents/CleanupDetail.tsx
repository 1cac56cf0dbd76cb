import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Spin, Table } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { api, ApiError } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { CLEANUP_DECISIONS, type CleanupDecision } from '../../../common/documents';
import type { CleanupDetail, CleanupItemView } from '../../../common/documentSchemas';
import { DECISION_MAP } from './shared';

type Draft = { decision?: CleanupDecision; reason?: string; newValidUntil?: string };

/** 清理详情: decide each document with a reason, then publish the results (refused while any is undecided). */
export default function CleanupDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useT();
  const { message } = App.useApp();
  const c = useApi<CleanupDetail>(`/api/v1/documents/cleanups/${id}`);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (c.error) return <NotFoundPage message={c.error.message} />;
  if (!c.data) return <Spin />;
  const cl = c.data;
  const open = cl.status === 'open';
  const today = dayjs().format('YYYY-MM-DD');
  const set = (docId: string, patch: Draft) => setDrafts((d) => ({ ...d, [docId]: { ...d[docId], ...patch } }));
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      void message.success(t('documents.saved'));
      setDrafts({});
      c.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () => run(() => api.post(`/api/v1/documents/cleanups/${id}/decisions`, {
    decidedOn: today,
    items: Object.entries(drafts).filter(([, v]) => v.decision).map(([documentId, v]) => ({ documentId, decision: v.decision, reason: v.reason ?? '', newValidUntil: v.newValidUntil })),
  }));
  const publish = () => run(() => api.post(`/api/v1/documents/cleanups/${id}/publish`, { publishedOn: today }));
  const counts = Object.keys(CLEANUP_DECISIONS).map((k) => `${CLEANUP_DECISIONS[k as CleanupDecision][lang]} ${cl.items.filter((i) => i.decision === k).length}`).join(' · ');
  return (
    <>
      <PageTitle title={cl.title} />
      <Card size="small" style={{ marginBottom: 12 }} data-testid="cleanup-summary">
        <Space wrap>
          <span>{t('documents.cleanups.issuedBefore')} {formatDate(cl.issuedBefore, lang)}</span>
          <span>{t('documents.cleanups.items')} {cl.items.length}</span>
          <span>{counts}</span>
          {cl.publishedOn && <span>{t('documents.f.publishedOn')} {formatDate(cl.publishedOn, lang)} {cl.decisionNumber}</span>}
          {open && <Button onClick={save} loading={busy} disabled={!Object.keys(drafts).length} data-testid="cleanup-save">{t('documents.cleanups.decide')}</Button>}
          {open && <Button type="primary" onClick={publish} loading={busy} data-testid="cleanup-publish">{t('documents.cleanups.publish')}</Button>}
          <Button href={`/api/v1/documents/cleanups/${id}/export`}>{t('table.exportExcel')}</Button>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="cleanup-error" />}
      <Table<CleanupItemView>
        rowKey="documentId"
        size="small"
        dataSource={cl.items}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('documents.f.docNumber'), dataIndex: 'docNumber' },
          { title: t('documents.f.title'), dataIndex: 'title', render: (v: string, i) => <Link to={`/documents/${i.documentId}`}>《{v}》</Link> },
          { title: t('documents.f.issuer'), dataIndex: 'issuerName' },
          { title: t('documents.f.publishedOn'), dataIndex: 'publishedOn', render: (v: string | null) => formatDate(v, lang) },
          {
            title: t('documents.cleanups.decision'), dataIndex: 'decision', render: (v: CleanupDecision | null, i) => open ? (
              <Select style={{ width: 130 }} value={drafts[i.documentId]?.decision ?? v ?? undefined} placeholder={t('documents.cleanups.undecided')} data-testid="decision-select"
                options={Object.entries(CLEANUP_DECISIONS).map(([k, l]) => ({ value: k, label: l[lang] }))} onChange={(d) => set(i.documentId, { decision: d, reason: drafts[i.documentId]?.reason ?? i.reason ?? undefined })} />
            ) : v ? <StatusTag status={v} map={DECISION_MAP} /> : '—',
          },
          {
            title: t('documents.f.reason'), dataIndex: 'reason', render: (v: string | null, i) => open ? (
              <Space.Compact>
                <Input style={{ width: 220 }} value={drafts[i.documentId]?.reason ?? v ?? ''} onChange={(e) => set(i.documentId, { reason: e.target.value })} data-testid="reason-input" />
                {(drafts[i.documentId]?.decision ?? i.decision) === 'extend' && (
                  <DatePicker value={drafts[i.documentId]?.newValidUntil ? dayjs(drafts[i.documentId]!.newValidUntil) : null} onChange={(d) => set(i.documentId, { newValidUntil: d?.format('YYYY-MM-DD') })} />
                )}
              </Space.Compact>
            ) : v,
          },
        ]}
      />
    </>
  );
}
