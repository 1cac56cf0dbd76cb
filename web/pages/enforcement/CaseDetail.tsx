import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Descriptions, Empty, List, Space, Spin } from 'antd';
import type { z } from 'zod';
import { DecideInput, DECISIONS_BY_SYSTEM, ExecuteInput, LegalReviewInput, ServeInput, StepDateInput, type CaseDetailOut, type CaseSystem } from '../../../common/enforcement';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { codedFields, RecordDetail } from '../../components/RecordDetail';
import { StatusTag } from '../../components/StatusTag';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { StepForm, type FieldSpec } from '../decisions/StepForm';
import { CASE_STATUS } from './status';

type Case = z.infer<typeof CaseDetailOut>;
const URL_OF: Record<string, string> = { submit_review: 'submit-review' };
/** Stored fields whose codes the module names. */
const CODED_FIELDS = { system: 'enforcement.system', status: 'enforcement.status', decision: 'enforcement.decision' };

/** 案件详情: the procedure from filing to closing, its statutory deadlines, the full-process record (attachments). */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, lang, comma, list, semi, paren } = useT();
  const res = useApi<Case>(`/api/v1/enforcement/cases/${id}`);
  const [step, setStep] = useState<string | null>(null);
  const reviewers = useApi<{ items: { id: string; name: string; legalReviewer: boolean }[] }>(step === 'review' && res.data ? '/api/v1/enforcement/officers' : null, { pageSize: 200, unitId: res.data?.unitId });
  if (res.error) return <NotFoundPage message={res.error.message} />;
  if (!res.data) return <Spin />;
  const c = res.data;
  const f = (k: string) => t(`enforcement.f.${k}`);
  const d = (k: string) => t(`enforcement.d.${k}`);
  const date = (v: string | null) => formatDate(v, lang) || '—';
  const forms: Record<string, { schema: z.ZodType; fields: FieldSpec[]; initial?: Record<string, unknown> }> = {
    investigate: { schema: StepDateInput, fields: [{ name: 'on', label: 'on', kind: 'date', required: true }] },
    submit_review: { schema: StepDateInput, fields: [{ name: 'on', label: 'on', kind: 'date', required: true }] },
    review: {
      schema: LegalReviewInput, initial: { conclusion: 'pass' },
      fields: [
        { name: 'reviewerId', label: 'reviewerId', kind: 'select', options: (reviewers.data?.items ?? []).filter((o) => o.legalReviewer).map((o) => ({ value: o.id, label: o.name })) },
        { name: 'conclusion', label: 'conclusion', kind: 'select', options: [{ value: 'pass', label: f('pass') }, { value: 'fail', label: f('fail') }] },
        { name: 'opinion', label: 'opinion', kind: 'textarea', required: true },
        { name: 'on', label: 'on', kind: 'date', required: true },
      ],
    },
    decide: {
      schema: DecideInput, initial: { decision: DECISIONS_BY_SYSTEM[c.system as CaseSystem][0] },
      fields: [
        { name: 'decision', label: 'decision', kind: 'select', options: DECISIONS_BY_SYSTEM[c.system as CaseSystem].map((k) => ({ value: k, label: t(`enforcement.decision.${k}`) })) },
        { name: 'decisionNo', label: 'decisionNo', kind: 'text', required: true },
        { name: 'signedBy', label: 'signedBy', kind: 'text', required: true },
        { name: 'on', label: 'on', kind: 'date', required: true },
      ],
    },
    serve: { schema: ServeInput, initial: { partyPresent: true }, fields: [{ name: 'on', label: 'on', kind: 'date', required: true }, { name: 'partyPresent', label: 'partyPresent', kind: 'check' }] },
    execute: { schema: ExecuteInput, fields: [{ name: 'on', label: 'on', kind: 'date', required: true }, ...(c.fine ? [{ name: 'paidOn', label: 'paidOn', kind: 'date' as const, required: true }] : [])] },
    close: { schema: StepDateInput, fields: [{ name: 'on', label: 'on', kind: 'date', required: true }] },
    publish: { schema: StepDateInput, fields: [{ name: 'on', label: 'on', kind: 'date', required: true }] },
  };
  const form = step ? forms[step] : null;
  return (
    <>
      <PageTitle title={`${c.caseNo} ${c.title}`} extra={<StatusTag status={c.status} map={CASE_STATUS} />} />
      <RecordDetail
        entity="enforcement_case" id={c.id} title={d('basic')} canUpload={c.canEdit && c.status !== 'closed'}
        actionLabel={(a) => t(`enforcement.step.${a}`, { defaultValue: a })}
        fieldLabel={(k) => t(`enforcement.fields.${k}`, { defaultValue: '' }) || undefined}
        fieldValue={codedFields(t, lang, CODED_FIELDS)}
        extra={<Space wrap>{c.next.map((s) => <Button key={s} type={s === 'publish' ? 'default' : 'primary'} onClick={() => setStep(s)} data-testid={`case-${s}`}>{t(`enforcement.step.${s}`)}</Button>)}</Space>}
        side={[{
          key: 'deadlines', label: d('deadlines'),
          children: c.deadlines.length ? (
            <List size="small" dataSource={c.deadlines} renderItem={(x) => (
              <List.Item data-testid={`deadline-${x.kind}`}>
                <List.Item.Meta title={<Space>{x.title}<DeadlineBadge dueDate={x.dueDate} state={x.status === 'open' ? undefined : 'done'} basis={x.basis} explain={x.explain} showDate lang={lang} /></Space>}
                  description={<><div>{x.basis}</div><div className="fz-muted">{x.explain}</div></>} />
              </List.Item>
            )} />
          ) : <Empty description={d('noDeadline')} />,
        }]}
      >
        <Descriptions column={2} bordered size="small" data-testid="case-descriptions">
          <Descriptions.Item label={f('system')}>{c.systemLabel}</Descriptions.Item>
          <Descriptions.Item label={f('unitId')}>{c.unitName}</Descriptions.Item>
          <Descriptions.Item label={f('partyName')}>{c.partyName}{paren(f(c.partyKind))}</Descriptions.Item>
          <Descriptions.Item label={f('filedOn')}>{date(c.filedOn)}</Descriptions.Item>
          <Descriptions.Item label={f('cause')} span={2}>{c.cause || '—'}</Descriptions.Item>
          <Descriptions.Item label={d('officers')} span={2}>{c.officers.map((o) => `${o.name}${paren(o.certNo)}`).join(list)}</Descriptions.Item>
          <Descriptions.Item label={f('majorReasons')} span={2}>{c.major ? (c.majorReasons.map((r) => t(`enforcement.major.${r}`)).join(semi) || f('majorYes')) : f('none')}</Descriptions.Item>
          <Descriptions.Item label={d('investigatedOn')}>{date(c.investigatedOn)}</Descriptions.Item>
          <Descriptions.Item label={d('reviewedOn')}>{c.reviewConclusion ? `${date(c.reviewedOn)} · ${c.reviewerName} · ${f(c.reviewConclusion)}` : '—'}</Descriptions.Item>
          {c.reviewOpinion && <Descriptions.Item label={f('opinion')} span={2}>{c.reviewOpinion}</Descriptions.Item>}
          <Descriptions.Item label={f('decision')}>{c.decisionLabel ? `${c.decisionLabel}${c.fine ? `${comma}${t('enforcement.public.fine', { amount: c.fine })}` : ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={f('decisionNo')}>{c.decisionNo ? `${c.decisionNo}${paren(`${date(c.decidedOn)}${comma}${c.signedBy}`)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={d('servedOn')}>{date(c.servedOn)}</Descriptions.Item>
          <Descriptions.Item label={d('executedOn')}>{c.executedOn ? `${date(c.executedOn)}${c.paidOn ? ` · ${f('paidOn')} ${date(c.paidOn)}` : ''}${c.lateFee ? ` · ${d('lateFee')} ${c.lateFee}` : ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.cases.col.publishedOn')}>{date(c.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label={d('closedOn')}>{date(c.closedOn)}</Descriptions.Item>
        </Descriptions>
      </RecordDetail>
      {step && form && (
        <StepForm open labelPrefix="enforcement.f" title={t(`enforcement.step.${step}`)} url={`/api/v1/enforcement/cases/${c.id}/${URL_OF[step] ?? step}`} schema={form.schema}
          initial={form.initial} fields={form.fields} onClose={() => setStep(null)} onDone={() => { setStep(null); res.reload(); }} />
      )}
    </>
  );
}
