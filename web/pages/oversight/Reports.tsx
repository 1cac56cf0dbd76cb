import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { HandlingReportInput, type HandlingReportSummaryOut } from '../../../common/oversight';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate, formatDateTime } from '../../format';
import { ActionModal } from './ActionModal';
import { clip } from '../../components/clip';

type Report = z.infer<typeof HandlingReportSummaryOut>;
export const REPORT_COLORS: Record<string, string> = { draft: 'default', reviewed: 'processing', published: 'success' };

/** 建议提案办理情况报告: the office generates the year's report from the records, reviews it and publishes it. */
export default function ReportsPage() {
  const { t, lang } = useT();
  const { can } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const c = (k: string) => t(`oversight.reports.col.${k}`);
  const r = (k: string) => t(`oversight.reports.${k}`);
  const columns: DataColumn<Report>[] = [
    { key: 'year', title: c('year'), sortable: true, width: 90 },
    { key: 'title', title: c('title'), width: 460, render: (v: string, x) => <Link to={`/oversight/reports/${x.id}`}>{clip(446)(v)}</Link> },
    { key: 'status', title: c('status'), sortable: true, width: 100, render: (v: string, x) => <Tag color={REPORT_COLORS[v]}>{x.statusLabel}</Tag> },
    { key: 'generatedAt', title: c('generatedAt'), width: 170, render: (v: string) => formatDateTime(v, lang) },
    { key: 'reviewedOn', title: c('reviewedOn'), width: 120, render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'publishedOn', title: c('publishedOn'), width: 120, render: (v: string | null) => formatDate(v, lang) || '—' },
  ];
  return (
    <>
      <PageTitle title={r('title')} />
      <DataTable<Report> id="oversight-reports" url="/api/v1/oversight/reports" rowKey="id" columns={columns}
        toolbar={can('oversight.manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="report-generate">{r('generate')}</Button> : undefined} />
      {creating && (
        <ActionModal title={r('generate')} url="/api/v1/oversight/reports" schema={HandlingReportInput} initial={{ year: new Date().getFullYear() - 1, foreword: '' }}
          fields={[{ name: 'year', label: r('year'), kind: 'integer', required: true }, { name: 'foreword', label: r('foreword'), kind: 'textarea' }]}
          onClose={() => setCreating(false)} onDone={(b) => { setCreating(false); void nav(`/oversight/reports/${(b as { id: string }).id}`); }} />
      )}
    </>
  );
}
