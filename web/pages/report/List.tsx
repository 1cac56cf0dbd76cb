import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Form, InputNumber, Modal, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { useAuth } from '../../auth';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Region } from '../../api/types';
import { PageTitle } from '../../layout/AppLayout';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { StatusTag } from '../../components/StatusTag';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { formatDate, formatDateTime } from '../../format';
import { REPORT_STATUS } from './status';
import type { ReportListItem } from '../../../common/report';

const CreateSchema = z.object({ regionCode: z.string().regex(/^\d{6}$/), year: z.number().int().min(2000).max(2100) });

/** 年度报告 list: one report per district and year, with its status; the office starts the year's report. */
export default function ReportList() {
  const { t, lang } = useT();
  const { me, can } = useAuth();
  const [creating, setCreating] = useState(false);
  const [tick, setTick] = useState(0);
  const reports = useApi<{ items: ReportListItem[] }>('/api/v1/reports');
  const regions = useApi<{ items: Region[] }>(can('report.edit') ? '/api/v1/regions' : null);
  // Districts where the user is the rule-of-law office: where they may start a report.
  const officeRegions = useMemo(() => {
    const ids = new Set((me?.roles ?? []).filter((r) => r.role === 'office' && r.regionId).map((r) => r.regionId));
    return (regions.data?.items ?? []).filter((r) => ids.has(r.id));
  }, [regions.data, me]);

  const columns: DataColumn<ReportListItem>[] = [
    { key: 'year', title: t('report.list.year'), dataIndex: 'year', width: 110, sortable: true, render: (v: number) => t('report.list.yearLabel', { year: v }) },
    { key: 'title', title: t('report.list.reportTitle'), dataIndex: 'title', render: (v: string, r) => <Link to={`/report/${r.id}`}>{v}</Link> },
    { key: 'regionName', title: t('report.list.region'), dataIndex: 'regionName', width: 140 },
    { key: 'status', title: t('report.list.status'), dataIndex: 'status', width: 120, render: (v: string) => <StatusTag status={v} map={REPORT_STATUS} /> },
    { key: 'updatedAt', title: t('report.list.updatedAt'), dataIndex: 'updatedAt', width: 180, render: (v: string) => formatDateTime(v, lang) },
    { key: 'publishedOn', title: t('report.list.publishedOn'), dataIndex: 'publishedOn', width: 140, render: (v: string | null) => (v ? formatDate(v, lang) : '—') },
    { key: 'actions', title: t('report.list.actions'), width: 100, render: (_: unknown, r) => <Link to={`/report/${r.id}`} data-testid={`open-${r.year}`}>{t('report.list.open')}</Link> },
  ];
  const years = new Set((reports.data?.items ?? []).map((r) => r.year));
  return (
    <div data-testid="page-report-list">
      <PageTitle title={t('report.list.title')} />
      <DataTable<ReportListItem>
        id="reports"
        url="/api/v1/reports"
        rowKey="id"
        columns={columns}
        reloadKey={tick}
        testId="report-table"
        toolbar={
          can('report.edit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="report-create">
              {t('report.list.create')}
            </Button>
          )
        }
      />
      <CreateDialog open={creating} regions={officeRegions} taken={years} onClose={() => setCreating(false)} onCreated={() => { setTick((n) => n + 1); reports.reload(); }} />
    </div>
  );
}

/** Starts the year's report for the user's district from the default template. */
function CreateDialog({ open, regions, taken, onClose, onCreated }: { open: boolean; regions: Region[]; taken: Set<number>; onClose(): void; onCreated(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const sf = useSchemaForm(CreateSchema);
  const last = new Date().getFullYear() - 1;
  // The year after the latest report (up to last year), else last year.
  let year = taken.size ? Math.min(last, Math.max(...taken) + 1) : last;
  while (taken.has(year) && year > 2000) year--;
  return (
    <Modal open={open} title={t('report.list.createTitle')} onCancel={onClose} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, disabled: !regions.length, 'data-testid': 'report-create-ok' } as never} destroyOnHidden>
      {!regions.length ? (
        <Alert type="warning" showIcon title={t('report.list.noRegion')} />
      ) : (
        <SchemaForm
          sf={sf}
          layout="vertical"
          preserve={false}
          initialValues={{ regionCode: regions[0]?.code, year }}
          onSubmit={async (v) => {
            const r = await api.post<{ id: string }>('/api/v1/reports', v);
            void message.success(t('report.list.created', { year: v.year }));
            onCreated();
            onClose();
            void navigate(`/report/${r.id}`);
          }}
        >
          <Alert type="info" showIcon title={t('report.list.createHint')} style={{ marginBottom: 16 }} />
          <Form.Item name="regionCode" label={t('report.list.createRegion')} required>
            <Select options={regions.map((r) => ({ value: r.code, label: r.name }))} />
          </Form.Item>
          <Form.Item name="year" label={t('report.list.createYear')} required>
            <InputNumber id="report-year" min={2000} max={2100} style={{ width: 160 }} />
          </Form.Item>
        </SchemaForm>
      )}
    </Modal>
  );
}
