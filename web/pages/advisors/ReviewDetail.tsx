import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Descriptions, Space, Spin } from 'antd';
import { AssignInput, OpinionInput } from '../../../common/advisors';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { api, ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { codedFields, RecordDetail } from '../../components/RecordDetail';
import { StatusTag } from '../../components/StatusTag';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { StepForm } from '../decisions/StepForm';
import { REVIEW_STATUS } from './ui';
import type { ReviewOut as Review } from '../../../common/advisors';

/** 审查事项详情: the request, its assignment and the written opinion (合法 / 不合法 / 修改后合法), with attachments. */
export default function ReviewDetailPage() {
  const { id = '' } = useParams();
  const { t, lang, colon, paren } = useT();
  const { message } = App.useApp();
  const { can } = useAuth();
  const res = useApi<Review>(`/api/v1/advisors/reviews/${id}`);
  const [form, setForm] = useState<'assign' | 'opinion' | null>(null);
  const firms = useApi<{ items: { id: string; name: string }[] }>(form === 'assign' ? '/api/v1/units' : null, { type: 'law_firm' });
  const people = useApi<{ items: { id: string; name: string; unitName?: string }[] }>(form === 'assign' ? '/api/v1/advisors/people' : null, { pageSize: 200 });
  if (res.error) return <NotFoundPage message={res.error.message} />;
  if (!res.data) return <Spin />;
  const r = res.data;
  const f = (k: string) => t(`advisors.f.${k}`);
  const done = () => { setForm(null); res.reload(); };
  const withdraw = async () => {
    try {
      await api.post(`/api/v1/advisors/reviews/${r.id}/withdraw`);
      res.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <PageTitle title={r.title} extra={<StatusTag status={r.status} map={REVIEW_STATUS} />} />
      <RecordDetail
        entity="advisor_review"
        id={r.id}
        title={t('advisors.detail')}
        canUpload={r.canConclude || r.canWithdraw || r.canAssign}
        actionLabel={(a) => t(`advisors.history.${a}`, { defaultValue: a })}
        fieldLabel={(k) => t(`advisors.fields.${k}`, { defaultValue: '' }) || undefined}
        fieldValue={codedFields(t, lang, { status: 'advisors.status', type: 'advisors.type', conclusion: 'advisors.conclusion' })}
        extra={
          <Space>
            {r.canAssign && <Button type="primary" onClick={() => setForm('assign')} data-testid="review-assign">{t('advisors.act.assign')}</Button>}
            {r.canConclude && <Button type="primary" onClick={() => setForm('opinion')} data-testid="review-opinion">{t('advisors.act.opinion')}</Button>}
            {r.canWithdraw && <Button danger onClick={withdraw}>{t('advisors.act.withdraw')}</Button>}
          </Space>
        }
      >
        <Descriptions column={2} bordered size="middle" data-testid="review-descriptions">
          <Descriptions.Item label={f('type')}>{r.typeLabel}</Descriptions.Item>
          <Descriptions.Item label={f('unitId')}>{r.unitName}</Descriptions.Item>
          <Descriptions.Item label={f('requestedOn')}>{formatDate(r.requestedOn, lang)}</Descriptions.Item>
          <Descriptions.Item label={f('dueDate')}>{formatDate(r.dueDate, lang) || '—'}</Descriptions.Item>
          <Descriptions.Item label={f('firmId')}>{r.firmName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={f('advisorId')}>{r.advisorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={f('summary')} span={2}>{r.summary || '—'}</Descriptions.Item>
          {r.subjectEntity === 'decision' && r.subjectId && can('decisions.view') && (
            <Descriptions.Item label={t('advisors.act.subject')} span={2}><Link to={`/decisions/${r.subjectId}`}>{t('decisions.detail')}</Link></Descriptions.Item>
          )}
          {r.subjectEntity === 'normative_document' && r.subjectId && can('documents.view') && (
            <Descriptions.Item label={t('advisors.act.subject')} span={2}><Link to={`/documents/${r.subjectId}`} data-testid="review-subject-link">{t('documents.detail')}</Link></Descriptions.Item>
          )}
        </Descriptions>
        {r.status === 'concluded' && (
          <Alert style={{ marginTop: 16 }} type={r.conclusion === 'unlawful' ? 'error' : r.conclusion === 'lawful' ? 'success' : 'warning'} showIcon data-testid="review-conclusion"
            title={`${f('conclusion')}${colon}${r.conclusionLabel}${paren(formatDate(r.concludedOn, lang))}`}
            description={<><div>{r.opinion}</div><div className="fz-muted">{f('reasons')}{colon}{r.reasons}</div></>} />
        )}
      </RecordDetail>
      {form === 'assign' && (
        <StepForm open labelPrefix="advisors.f" title={t('advisors.act.assign')} url={`/api/v1/advisors/reviews/${r.id}/assign`} schema={AssignInput} initial={{ assignedOn: r.requestedOn }}
          fields={[
            { name: 'firmId', label: 'firmId', kind: 'select', options: (firms.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) },
            { name: 'advisorId', label: 'advisorId', kind: 'select', options: (people.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name}${paren(a.unitName ?? '')}` })) },
            { name: 'assignedOn', label: 'assignedOn', kind: 'date', required: true },
            { name: 'dueDate', label: 'dueDate', kind: 'date', required: true },
          ]}
          onClose={() => setForm(null)} onDone={done} />
      )}
      {form === 'opinion' && (
        <StepForm open labelPrefix="advisors.f" title={t('advisors.act.opinion')} url={`/api/v1/advisors/reviews/${r.id}/opinion`} schema={OpinionInput}
          fields={[
            { name: 'conclusion', label: 'conclusion', kind: 'select', options: ['lawful', 'unlawful', 'lawful_if_amended'].map((k) => ({ value: k, label: t(`advisors.conclusion.${k}`) })) },
            { name: 'opinion', label: 'opinion', kind: 'textarea', required: true },
            { name: 'reasons', label: 'reasons', kind: 'textarea', required: true },
            { name: 'concludedOn', label: 'concludedOn', kind: 'date', required: true },
          ]}
          onClose={() => setForm(null)} onDone={done} />
      )}
    </>
  );
}
