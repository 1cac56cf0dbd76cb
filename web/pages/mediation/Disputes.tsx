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
import { clip } from '../../components/clip';
import { opts } from '../legalaid/Cases';
import { MonthlyExport } from '../legalaid/MonthlyExport';

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
  // Key columns first (number, parties, date received, status, the running time limit); widths that sum to 1076 px,
  // inside the 1440 px page's area (≈1128 px); long texts cut with an ellipsis and the full text on hover.
  const columns: DataColumn<Dispute>[] = [
    { key: 'caseNo', title: t('mediation.list.caseNo'), sortable: true, width: 96, render: (v: string, d) => <Link to={`/mediation/disputes/${d.id}`} style={{ whiteSpace: 'nowrap' }}>{v}</Link> },
    { key: 'parties', title: t('mediation.list.parties'), width: 130, render: clip(122) },
    { key: 'receivedOn', title: t('mediation.list.receivedOn'), sortable: true, width: 104, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    { key: 'status', title: t('mediation.list.status'), sortable: true, width: 130, render: (v: string) => <StatusTag status={v} map={DISPUTE_STATUS} /> },
    {
      key: 'due', title: t('mediation.list.due'), width: 236, render: (_: unknown, d) => {
        const due = d.status === 'mediating' && d.dueOn ? d.dueOn : d.confirmationDue && d.confirmationOpen ? d.confirmationDue : null;
        // The one-month norm while mediating; then the parties' 30-day window while it is open (a passed window lapses: core/schedule.ts).
        return due ? <span style={{ whiteSpace: 'nowrap' }}><DeadlineBadge dueDate={due} showDate /></span> : '—';
      },
    },
    { key: 'disputeTypeLabel', title: t('mediation.list.type'), width: 100, render: clip(92) },
    { key: 'source', title: t('mediation.list.source'), width: 130, render: (v: keyof typeof SOURCES) => clip(122)(SOURCES[v][lang]) },
    { key: 'committeeName', title: t('mediation.list.committee'), width: 150, render: clip(142) },
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
        toolbar={(
          <Space>
          <MonthlyExport url="/api/v1/mediation/stats/monthly" testId="mediation-monthly" />
          {can('mediation.write') && (<>
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
          </>)}
          </Space>
        )}
      />
      <ImportDialog open={importing} url="/api/v1/mediation/disputes/import" title={t('mediation.list.import')} onClose={() => setImporting(false)} onDone={() => setReload((k) => k + 1)} />
    </>
  );
}
