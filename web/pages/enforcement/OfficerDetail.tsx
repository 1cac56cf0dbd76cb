import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Space, Spin, Table, Tag } from 'antd';
import type { z } from 'zod';
import { CERT_KINDS, CertificateEndInput, CertificateInput, ExamResultInput, StepDateInput, TrainingInput, type OfficerDetailOut } from '../../../common/enforcement';
import { ActionModal, type ActionField } from '../oversight/ActionModal';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { RecordDetail } from '../../components/RecordDetail';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';

type Officer = z.infer<typeof OfficerDetailOut>;

/** 执法人员: certificates (with renewals), qualification exams and training hours — one officer's record in one place. */
export default function OfficerDetailPage() {
  const { id = '' } = useParams();
  const { t, lang, paren } = useT();
  const res = useApi<Officer>(`/api/v1/enforcement/officers/${id}`);
  const [step, setStep] = useState<{ key: string; url: string; schema: z.ZodType; fields: ActionField[]; initial?: Record<string, unknown> } | null>(null);
  if (res.error) return <NotFoundPage message={res.error.message} />;
  if (!res.data) return <Spin />;
  const p = res.data;
  const o = (k: string) => t(`enforcement.officers.${k}`);
  const fm = (k: string) => t(`enforcement.officers.form.${k}`);
  const base = `/api/v1/enforcement/officers/${p.id}`;
  const current = p.certificates.find((c) => c.status === 'valid');
  const certFields: ActionField[] = [
    { name: 'certNo', label: fm('certNo'), kind: 'text', required: true },
    { name: 'kind', label: fm('kind'), kind: 'select', options: Object.entries(CERT_KINDS).map(([k, v]) => ({ value: k, label: v[lang] })) },
    { name: 'field', label: fm('field'), kind: 'text', required: true },
    { name: 'issuedOn', label: fm('issuedOn'), kind: 'date', required: true },
    { name: 'expiresOn', label: fm('expiresOn'), kind: 'date', required: true },
  ];
  const steps = p.canEdit ? [
    { key: 'issue', url: `${base}/certificates`, schema: CertificateInput, fields: certFields, initial: { kind: 'enforcement' } },
    ...(current ? [
      { key: 'renew', url: `/api/v1/enforcement/certificates/${current.id}/renew`, schema: CertificateInput, fields: certFields, initial: { kind: current.kind, field: current.field } },
      { key: 'end', url: `/api/v1/enforcement/certificates/${current.id}/end`, schema: CertificateEndInput, initial: { status: 'suspended' }, fields: [
        { name: 'status', label: fm('status'), kind: 'select' as const, options: (['suspended', 'revoked'] as const).map((k) => ({ value: k, label: o(`endStatus.${k}`) })) },
        { name: 'on', label: fm('on'), kind: 'date' as const, required: true },
      ] },
    ] : []),
    { key: 'exam', url: `${base}/exams`, schema: ExamResultInput, initial: { part: 'public', passMark: 60 }, fields: [
      { name: 'examDate', label: fm('examDate'), kind: 'date' as const, required: true },
      { name: 'part', label: fm('part'), kind: 'select' as const, options: (['public', 'special'] as const).map((k) => ({ value: k, label: o(`part.${k}`) })) },
      { name: 'score', label: fm('examScore'), kind: 'number' as const, required: true },
      { name: 'passMark', label: fm('passMark'), kind: 'number' as const },
    ] },
    { key: 'training', url: `${base}/trainings`, schema: TrainingInput, fields: [
      { name: 'trainedOn', label: fm('trainedOn'), kind: 'date' as const, required: true },
      { name: 'topic', label: fm('topic'), kind: 'text' as const, required: true },
      { name: 'hours', label: fm('hours'), kind: 'number' as const, required: true },
    ] },
    ...(!p.supervisionRegisteredOn ? [{ key: 'register', url: `${base}/supervision-registration`, schema: StepDateInput, fields: [{ name: 'on', label: fm('on'), kind: 'date' as const, required: true }] }] : []),
  ] : [];
  return (
    <>
      <PageTitle title={`${p.name}${paren(p.unitName)}`} extra={<Space wrap>{steps.map((s) => (
        <Button key={s.key} type={s.key === 'issue' || s.key === 'renew' ? 'primary' : 'default'} danger={s.key === 'end'} onClick={() => setStep(s)} data-testid={`officer-${s.key}`}>{o(`step.${s.key}`)}</Button>
      ))}</Space>} />
      <RecordDetail entity="enforcement_officer" id={p.id} title={t('enforcement.officerDetail')} canUpload={p.canEdit} actionLabel={(a) => t(`enforcement.step.${a}`, { defaultValue: a })}>
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label={o('col.unit')}>{p.unitName}</Descriptions.Item>
          <Descriptions.Item label={o('col.certNo')}>{p.certNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={o('col.reviewer')}>{p.legalReviewer ? o('yes') : o('no')}</Descriptions.Item>
          <Descriptions.Item label={o('col.registered')}>{formatDate(p.supervisionRegisteredOn, lang) || '—'}</Descriptions.Item>
          <Descriptions.Item label={o('col.hours')}>{p.trainingHours}</Descriptions.Item>
        </Descriptions>
        <Card size="small" title={o('cert.title')} style={{ marginTop: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={p.certificates} columns={[
            { key: 'no', title: o('cert.certNo'), dataIndex: 'certNo' },
            { key: 'kind', title: o('cert.kind'), dataIndex: 'kindLabel' },
            { key: 'field', title: o('cert.field'), dataIndex: 'field' },
            { key: 'issued', title: o('cert.issuedOn'), dataIndex: 'issuedOn', render: (v: string) => formatDate(v, lang) },
            { key: 'expires', title: o('cert.expiresOn'), dataIndex: 'expiresOn', render: (v: string) => formatDate(v, lang) },
            { key: 'status', title: o('cert.status'), dataIndex: 'statusLabel', render: (v: string, r) => <Tag color={r.status === 'valid' ? 'green' : 'default'}>{v}</Tag> },
          ]} />
        </Card>
        <Card size="small" title={o('exams')} style={{ marginTop: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={p.exams} columns={[
            { key: 'date', title: t('enforcement.f.on'), dataIndex: 'examDate', render: (v: string) => formatDate(v, lang) },
            { key: 'part', title: o('cert.kind'), dataIndex: 'part', render: (v: string) => o(`part.${v}`) },
            { key: 'score', title: t('enforcement.reviews.col.score'), dataIndex: 'score' },
            { key: 'passed', title: t('enforcement.reviews.col.grade'), dataIndex: 'passed', render: (v: boolean) => (v ? o('passed') : o('failed')) },
          ]} />
        </Card>
        <Card size="small" title={o('trainings')} style={{ marginTop: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={p.trainings} columns={[
            { key: 'date', title: t('enforcement.f.on'), dataIndex: 'trainedOn', render: (v: string) => formatDate(v, lang) },
            { key: 'topic', title: t('enforcement.f.title'), dataIndex: 'topic' },
            { key: 'hours', title: o('col.hours'), dataIndex: 'hours' },
          ]} />
        </Card>
        <Card size="small" title={o('attendance')} style={{ marginTop: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={p.attendance} data-testid="officer-attendance" locale={{ emptyText: t('common.none') }} columns={[
            { key: 'date', title: t('enforcement.f.on'), dataIndex: 'date', render: (v: string) => formatDate(v, lang) },
            { key: 'kind', title: o('cert.kind'), dataIndex: 'kind', render: (v: string) => o(`attendanceKind.${v}`) },
            { key: 'topic', title: o('activity'), dataIndex: 'topic', render: (v: string, r) => <Link to={`/learning/${r.activityId}`}>{v}</Link> },
            { key: 'score', title: o('score'), dataIndex: 'score', render: (v: number | null, r) => (v === null ? '—' : `${v}${paren(r.passed ? o('passed') : o('failed'))}`) },
          ]} />
        </Card>
      </RecordDetail>
      {step && <ActionModal title={o(`step.${step.key}`)} url={step.url} schema={step.schema} fields={step.fields} initial={step.initial}
        onClose={() => setStep(null)} onDone={() => { setStep(null); res.reload(); }} />}
    </>
  );
}
