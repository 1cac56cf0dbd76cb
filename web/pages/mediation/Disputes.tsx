import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { CommitteeOut, DisputeDetailOut, DisputeInput, DisputeOut, MediatorOut, SOURCES } from '../../../common/mediation';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { useApi } from '../../api/useApi';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { StatusTag, type StatusMap } from '../../components/StatusTag';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { DateField } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';
import { ImportDialog } from '../../components/ImportDialog';
import { ActionModal } from '../legalaid/ActionModal';
import { clip, opts } from '../legalaid/Cases';

type Dispute = z.infer<typeof DisputeOut>;
/** Status colours of a dispute. */
export const DISPUTE_STATUS: StatusMap = {
  mediating: { color: 'processing', labelKey: 'mediation.status.mediating' }, succeeded: { color: 'green', labelKey: 'mediation.status.succeeded' },
  failed: { color: 'red', labelKey: 'mediation.status.failed' }, refused: { color: 'default', labelKey: 'mediation.status.refused' },
};

/** 矛盾纠纷调解台账: a committee's disputes (its office's staff) or the district's (the office). */
export default function DisputesPage() {
  const { t, lang } = useT();
  const { can } = useAuth();
  const nav = useNavigate();
  const [importing, setImporting] = useState(false);
  const [reload, setReload] = useState(0);
  const committees = useApi<{ items: z.infer<typeof CommitteeOut>[] }>('/api/v1/mediation/committees', { pageSize: 200 });
  const types = useApi<{ code: string; zh: string; en: string }[]>('/api/v1/mediation/dispute-types');
  const mediators = useApi<{ items: z.infer<typeof MediatorOut>[] }>(can('mediation.write') ? '/api/v1/mediation/mediators' : null, { pageSize: 200 });
  // Widths that fit 1440 px: long texts are cut with an ellipsis (the full text is on the dispute page).
  const columns: DataColumn<Dispute>[] = [
    { key: 'caseNo', title: t('mediation.list.caseNo'), sortable: true, width: 96, render: (v: string, d) => <Link to={`/mediation/disputes/${d.id}`}>{v}</Link> },
    { key: 'parties', title: t('mediation.list.parties'), width: 150, render: clip(140) },
    { key: 'disputeTypeLabel', title: t('mediation.list.type'), width: 120, render: clip(110) },
    { key: 'source', title: t('mediation.list.source'), width: 170, render: (v: keyof typeof SOURCES) => clip(160)(SOURCES[v][lang]) },
    { key: 'committeeName', title: t('mediation.list.committee'), width: 200, render: clip(190) },
    { key: 'receivedOn', title: t('mediation.list.receivedOn'), sortable: true, width: 104 },
    { key: 'status', title: t('mediation.list.status'), sortable: true, width: 100, render: (v: string) => <StatusTag status={v} map={DISPUTE_STATUS} /> },
    {
      key: 'due', title: t('mediation.list.due'), width: 150, render: (_: unknown, d) => {
        if (d.status === 'mediating' && d.dueOn) return <DeadlineBadge dueDate={d.dueOn} showDate />;
        // The parties' 30-day window, while it is open (a passed window lapses: core/schedule.ts).
        if (d.confirmationDue && d.confirmationOpen) return <DeadlineBadge dueDate={d.confirmationDue} showDate />;
        return '—';
      },
    },
  ];
  return (
    <>
      <PageTitle title={t('mediation.list.title')} />
      <DataTable<Dispute>
        id="mediation-disputes"
        url="/api/v1/mediation/disputes"
        exportUrl="/api/v1/mediation/disputes/export"
        reloadKey={reload}
        rowKey="id"
        columns={columns}
        filters={[
          { key: 'q', label: t('mediation.list.q'), type: 'text' },
          { key: 'status', label: t('mediation.list.status'), type: 'select', options: Object.keys(DISPUTE_STATUS).map((s) => ({ value: s, label: t(`mediation.status.${s}`) })) },
          { key: 'source', label: t('mediation.list.source'), type: 'select', options: opts(SOURCES, lang) },
          { key: 'committeeId', label: t('mediation.list.committee'), type: 'select', options: (committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })) },
        ]}
        toolbar={can('mediation.write') && (
          <Space>
          <ActionModal primary label={t('mediation.list.receive')} schema={DisputeInput} url="/api/v1/mediation/disputes" testId="mediation-receive" width={720}
            initialValues={{ source: 'application', committeeId: committees.data?.items.length === 1 ? committees.data.items[0].id : undefined }}
            onDone={(r: z.infer<typeof DisputeDetailOut>) => nav(`/mediation/disputes/${r.dispute.id}`)}>
            <Form.Item name="committeeId" label={t('mediation.form.committeeId')} required><Select showSearch={{ optionFilterProp: 'label' }} options={(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
            <Row gutter={12}>
              <Col span={8}><DateField name="receivedOn" label={t('mediation.form.receivedOn')} required /></Col>
              <Col span={8}><Form.Item name="disputeType" label={t('mediation.form.disputeType')} required><Select options={(types.data ?? []).map((x) => ({ value: x.code, label: x[lang] }))} /></Form.Item></Col>
              <Col span={8}><Form.Item name="source" label={t('mediation.form.source')} required><Select options={opts(SOURCES, lang)} /></Form.Item></Col>
            </Row>
            <Form.Item noStyle shouldUpdate>
              {({ getFieldValue }) => ['court', 'petition', 'police'].includes(getFieldValue('source')) && <Form.Item name="referredBy" label={t('mediation.form.referredBy')} required><Input /></Form.Item>}
            </Form.Item>
            <Form.Item name="parties" label={t('mediation.form.parties')} required><Input /></Form.Item>
            <Form.Item name="summary" label={t('mediation.form.summary')} required><Input.TextArea rows={3} /></Form.Item>
            <Form.Item noStyle shouldUpdate>
              {({ getFieldValue }) => (
                <Form.Item name="mediatorId" label={t('mediation.form.mediatorId')}>
                  <Select allowClear options={(mediators.data?.items ?? []).filter((m) => m.committeeId === getFieldValue('committeeId')).map((m) => ({ value: m.id, label: m.name }))} />
                </Form.Item>
              )}
            </Form.Item>
          </ActionModal>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="mediation-import">{t('mediation.list.import')}</Button>
          </Space>
        )}
      />
      <ImportDialog open={importing} url="/api/v1/mediation/disputes/import" title={t('mediation.list.import')} onClose={() => setImporting(false)} onDone={() => setReload((k) => k + 1)} />
    </>
  );
}
