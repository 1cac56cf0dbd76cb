import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Space, Spin, Table, Tag } from 'antd';
import type { z } from 'zod';
import {
  CommentsInput, ConcludeInput, NoticeInput, PublishInput, RectificationInput, RectificationReportInput, ReportSentInput, type AuditOut,
} from '../../../common/oversight';
import { useT } from '../../i18n';
import { useRecord } from './useRecord';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate, formatNumber } from '../../format';
import { NotFoundPage } from '../errors/ErrorPages';
import { ActionModal, type ActionField } from './ActionModal';
import { DeadlinesCard } from './DeadlinesCard';

type Audit = z.infer<typeof AuditOut>;
type Step = { key: string; url: string; schema: z.ZodType; fields: ActionField[]; initial?: Record<string, unknown> };

/** One audit: notice, the report out for comments (10 days), conclusion with the approved amount, publication, rectification. */
export default function AuditDetailPage() {
  const { id = '' } = useParams();
  const { t, lang, paren } = useT();
  const res = useRecord<Audit>(`/api/v1/oversight/audits/${id}`);
  const [step, setStep] = useState<Step | null>(null);
  const c = (k: string) => t(`oversight.audits.col.${k}`);
  const f = (k: string) => t(`oversight.audits.f.${k}`);
  if (res.error) return <NotFoundPage message={res.error.message} />;
  const a = res.data;
  if (!a) return <Spin />;
  const date = (v: string | null) => formatDate(v, lang) || '—';
  const money = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, { minimumFractionDigits: 2 }));
  const base = `/api/v1/oversight/audits/${a.id}`;
  const inv = a.kind === 'investment';
  const steps: Step[] = [];
  if (a.abilities.notice) steps.push({ key: 'notice', url: `${base}/notice`, schema: NoticeInput, fields: [{ name: 'noticeOn', label: f('noticeOn'), kind: 'date', required: true }] });
  if (a.abilities.report) steps.push({ key: 'report', url: `${base}/report`, schema: ReportSentInput, fields: [{ name: 'reportSentOn', label: f('reportSentOn'), kind: 'date', required: true }] });
  if (a.abilities.comments) steps.push({ key: 'comments', url: `${base}/comments`, schema: CommentsInput, fields: [
    { name: 'commentsOn', label: f('commentsOn'), kind: 'date', required: true }, { name: 'comments', label: f('comments'), kind: 'textarea', required: true },
  ] });
  if (a.abilities.conclude) steps.push({ key: 'conclude', url: `${base}/conclude`, schema: ConcludeInput, initial: { isIncrease: false }, fields: [
    { name: 'concludedOn', label: c('concludedOn'), kind: 'date', required: true }, { name: 'findings', label: f('findings'), kind: 'textarea', required: true },
    ...(inv ? [{ name: 'approvedAmount', label: c('approved'), kind: 'number' as const }, { name: 'isIncrease', label: f('isIncrease'), kind: 'check' as const }] : []),
  ] });
  if (a.abilities.publish) steps.push({ key: 'publish', url: `${base}/publish`, schema: PublishInput, fields: [
    { name: 'publishedOn', label: f('publishedOn'), kind: 'date', required: true }, { name: 'publicationRef', label: f('publicationRef'), kind: 'text', required: true },
  ] });
  if (a.abilities.rectify) steps.push({ key: 'rectify', url: `${base}/rectifications`, schema: RectificationInput, fields: [
    { name: 'issue', label: f('issue'), kind: 'textarea', required: true }, { name: 'requirement', label: f('requirement'), kind: 'textarea' },
    { name: 'dueOn', label: f('dueOn'), kind: 'date', required: true },
  ] });
  return (
    <>
      <PageTitle title={<span data-record>{a.auditNo} {a.title}</span>} extra={<Space wrap>
        <Tag data-testid="audit-status">{a.statusLabel}</Tag>
        {steps.map((s) => <Button key={s.key} type={s.key === 'rectify' ? 'default' : 'primary'} onClick={() => setStep(s)} data-testid={`audit-${s.key}`}>{t(`oversight.audits.step.${s.key}`)}</Button>)}
      </Space>} />
      <Card size="small">
        <Descriptions size="small" column={2} bordered data-testid="audit-descriptions">
          <Descriptions.Item label={t('oversight.audits.kindF')}>{a.kindLabel}</Descriptions.Item>
          <Descriptions.Item label={c('unit')}>{a.unitName}</Descriptions.Item>
          {inv ? <>
            <Descriptions.Item label={f('projectName')} span={2}>{a.projectName}</Descriptions.Item>
            <Descriptions.Item label={c('submitted')}>{money(a.submittedAmount)}</Descriptions.Item>
            <Descriptions.Item label={c('approved')}>{money(a.approvedAmount)}{a.isIncrease ? paren(f('isIncrease')) : ''}</Descriptions.Item>
            <Descriptions.Item label={c('reduction')}>{money(a.reduction)}</Descriptions.Item>
            <Descriptions.Item label={c('rate')}>{a.reductionRate === null ? '—' : `${a.reductionRate}%`}</Descriptions.Item>
          </> : <>
            <Descriptions.Item label={f('personName')}>{a.personName}</Descriptions.Item>
            <Descriptions.Item label={f('post')}>{a.post}</Descriptions.Item>
            <Descriptions.Item label={f('period')} span={2}>{date(a.periodFrom)} — {date(a.periodTo)}</Descriptions.Item>
          </>}
          <Descriptions.Item label={f('startOn')}>{date(a.startOn)}</Descriptions.Item>
          <Descriptions.Item label={f('noticeOn')}>{date(a.noticeOn)}</Descriptions.Item>
          <Descriptions.Item label={f('reportSentOn')}>{date(a.reportSentOn)}</Descriptions.Item>
          <Descriptions.Item label={f('commentsDue')}>{date(a.commentsDue)}</Descriptions.Item>
          <Descriptions.Item label={f('commentsOn')}>{date(a.commentsOn)}</Descriptions.Item>
          <Descriptions.Item label={c('concludedOn')}>{date(a.concludedOn)}</Descriptions.Item>
          {a.comments && <Descriptions.Item label={f('comments')} span={2}>{a.comments}</Descriptions.Item>}
          {a.findings && <Descriptions.Item label={f('findings')} span={2}>{a.findings}</Descriptions.Item>}
          <Descriptions.Item label={f('publishedOn')}>{date(a.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label={f('publicationRef')}>{a.publicationRef ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <DeadlinesCard deadlines={a.deadlines} />
      <Card size="small" title={f('rectifications')} style={{ marginTop: 16 }}>
        <Table size="small" rowKey="id" pagination={false} dataSource={a.rectifications} locale={{ emptyText: t('oversight.d.none') }} data-testid="audit-rectifications"
          columns={[
            { title: f('issue'), dataIndex: 'issue' },
            { title: f('requirement'), dataIndex: 'requirement' },
            { title: c('unit'), dataIndex: 'unitName' },
            { title: f('dueOn'), dataIndex: 'dueOn', render: date },
            { title: c('status'), dataIndex: 'status', render: (v: string) => <Tag color={v === 'done' ? 'success' : 'processing'}>{t(`oversight.audits.rectStatus.${v}`)}</Tag> },
            { title: f('report'), dataIndex: 'report', render: (v: string | null, r) => (v ? `${v}${paren(date(r.reportedOn))}` : '—') },
            { title: t('oversight.d.actions'), key: 'actions', render: (_: unknown, r) => r.canReport && (
              <Button size="small" onClick={() => setStep({ key: 'reportRect', url: `/api/v1/oversight/rectifications/${r.id}/report`, schema: RectificationReportInput, fields: [
                { name: 'reportedOn', label: f('reportedOn'), kind: 'date', required: true }, { name: 'report', label: f('report'), kind: 'textarea', required: true },
              ] })}>{t('oversight.audits.step.reportRect')}</Button>
            ) },
          ]} />
      </Card>
      {step && <ActionModal title={t(`oversight.audits.step.${step.key}`)} url={step.url} schema={step.schema} fields={step.fields} initial={step.initial}
        onClose={() => setStep(null)} onDone={(b) => { setStep(null); res.set(b as Audit); }} />}
    </>
  );
}
