import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Space, Spin, Tag } from 'antd';
import type { z } from 'zod';
import { PublishReportInput, RegenerateReportInput, ReviewReportInput, type HandlingReportOut } from '../../../common/oversight';
import { useT } from '../../i18n';
import { useRecord } from './useRecord';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate, formatDateTime } from '../../format';
import { NotFoundPage } from '../errors/ErrorPages';
import { ActionModal, type ActionField } from './ActionModal';
import { ReportView } from './ReportView';
import { REPORT_COLORS } from './Reports';

type Report = z.infer<typeof HandlingReportOut>;
type Step = { key: string; url: string; schema: z.ZodType; fields: ActionField[]; initial?: Record<string, unknown> };

/** One year's handling report: its generated figures and text, review and publication. */
export default function ReportDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useT();
  const res = useRecord<Report>(`/api/v1/oversight/reports/${id}`);
  const [step, setStep] = useState<Step | null>(null);
  const r = (k: string) => t(`oversight.reports.${k}`);
  if (res.error) return <NotFoundPage message={res.error.message} />;
  const rep = res.data;
  if (!rep) return <Spin />;
  const base = `/api/v1/oversight/reports/${rep.id}`;
  const steps: Step[] = [];
  if (rep.abilities.regenerate) steps.push({ key: 'regenerate', url: `${base}/regenerate`, schema: RegenerateReportInput, initial: { foreword: rep.foreword }, fields: [{ name: 'foreword', label: r('foreword'), kind: 'textarea' }] });
  if (rep.abilities.review) steps.push({ key: 'review', url: `${base}/review`, schema: ReviewReportInput, fields: [{ name: 'reviewedOn', label: r('reviewedOn'), kind: 'date', required: true }, { name: 'opinion', label: r('opinion'), kind: 'textarea', required: true }] });
  if (rep.abilities.publish) steps.push({ key: 'publish', url: `${base}/publish`, schema: PublishReportInput, fields: [{ name: 'publishedOn', label: r('publishedOn'), kind: 'date', required: true }] });
  return (
    <>
      <PageTitle title={<span data-record>{rep.title}</span>} extra={<Space wrap>{steps.map((s) => <Button key={s.key} type={s.key === 'regenerate' ? 'default' : 'primary'} onClick={() => setStep(s)} data-testid={`report-${s.key}`}>{r(s.key)}</Button>)}</Space>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={r('year')}>{rep.year}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.reports.col.status')}><Tag color={REPORT_COLORS[rep.status]} data-testid="report-status">{rep.statusLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label={r('generatedAt')}>{formatDateTime(rep.generatedAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={r('publishedOn')}>{formatDate(rep.publishedOn, lang) || '—'}</Descriptions.Item>
          {rep.reviewedOn && <Descriptions.Item label={r('reviewedOn')}>{formatDate(rep.reviewedOn, lang)}</Descriptions.Item>}
          {rep.reviewOpinion && <Descriptions.Item label={r('opinion')} span={3}>{rep.reviewOpinion}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <ReportView figures={rep.figures} body={rep.body} foreword={rep.foreword} />
      {step && <ActionModal title={r(step.key)} url={step.url} schema={step.schema} fields={step.fields} initial={step.initial} onClose={() => setStep(null)} onDone={(b) => { setStep(null); res.set(b as Report); }} />}
    </>
  );
}
