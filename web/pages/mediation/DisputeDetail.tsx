import { useParams } from 'react-router-dom';
import { Descriptions, Form, Input, List, Radio, Select, Space, Spin, Tag, Typography } from 'antd';
import type { z } from 'zod';
import { AGREEMENT_FORMS, ConfirmationInput, DISPUTE_STATUSES, DisputeDetailOut, FailureInput, MediatorOut, NOTE_KINDS, NoteInput, RefusalInput, SOURCES, SuccessInput } from '../../../common/mediation';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { codedFields, RecordDetail } from '../../components/RecordDetail';
import { StatusTag } from '../../components/StatusTag';
import { DateField } from '../../components/fields';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { ActionModal } from '../legalaid/ActionModal';
import { DeadlineList } from '../legalaid/CaseDetail';
import { opts } from '../legalaid/Cases';
import { DISPUTE_STATUS } from './Disputes';

/** Labels of the dispute's fields in the history (the form's labels). */
const FIELD_KEYS: Record<string, string> = {
  status: 'mediation.list.status', agreement_form: 'mediation.form.agreementForm', agreement_on: 'mediation.form.agreementOn', agreement: 'mediation.form.agreement',
  ended_on: 'mediation.form.endedOn', advice: 'mediation.form.advice', confirmation_applied_on: 'mediation.form.appliedOn', confirmation_court: 'mediation.form.court',
  mediator_id: 'mediation.form.mediatorId',
};
const LABEL_STYLE = { label: { width: 120, whiteSpace: 'nowrap' as const } };

/** One dispute: the parties, the one-month norm, the outcome and the judicial-confirmation window. */
export default function DisputeDetailPage() {
  const { id = '' } = useParams();
  const { t, lang, paren } = useT();
  const fieldLabel = (f: string) => (FIELD_KEYS[f] ? t(FIELD_KEYS[f]) : undefined);
  const d = useApi<z.infer<typeof DisputeDetailOut>>(`/api/v1/mediation/disputes/${id}`);
  const mediators = useApi<{ items: z.infer<typeof MediatorOut>[] }>(d.data?.dispute.canEdit ? '/api/v1/mediation/mediators' : null, { pageSize: 200 });
  if (d.error) return <NotFoundPage message={d.error.message} />;
  if (!d.data) return <Spin />;
  const x = d.data.dispute;
  const base = `/api/v1/mediation/disputes/${x.id}`;
  const done = () => d.reload();
  const mediatorField = (
    <Form.Item name="mediatorId" label={t('mediation.form.mediatorId')}>
      <Select allowClear options={(mediators.data?.items ?? []).filter((m) => m.committeeId === x.committeeId).map((m) => ({ value: m.id, label: m.name }))} />
    </Form.Item>
  );
  const actions = x.canEdit && (
    <Space wrap>
      {x.status === 'mediating' && (
        <>
          <ActionModal label={t('mediation.action.session')} schema={NoteInput} url={`${base}/notes`} testId="mediation-session" onDone={done} initialValues={{ kind: 'session' }}>
            <Form.Item name="kind" hidden><Input /></Form.Item>
            <DateField name="on" label={t('mediation.form.sessionOn')} required />
            {mediatorField}
            <Form.Item name="note" label={t('mediation.form.sessionNote')} required><Input.TextArea rows={4} /></Form.Item>
          </ActionModal>
          <ActionModal primary label={t('mediation.action.success')} schema={SuccessInput} url={`${base}/success`} testId="mediation-success" onDone={done} initialValues={{ agreementForm: 'written' }}>
            <Form.Item name="agreementForm" label={t('mediation.form.agreementForm')} required><Radio.Group options={opts(AGREEMENT_FORMS, lang)} /></Form.Item>
            <DateField name="agreementOn" label={t('mediation.form.agreementOn')} required />
            <Form.Item name="agreement" label={t('mediation.form.agreement')} required><Input.TextArea rows={4} /></Form.Item>
          </ActionModal>
          <ActionModal label={t('mediation.action.failure')} schema={FailureInput} url={`${base}/failure`} testId="mediation-failure" onDone={done}>
            <DateField name="endedOn" label={t('mediation.form.endedOn')} required />
            <Form.Item name="advice" label={t('mediation.form.advice')} required><Input.TextArea rows={3} /></Form.Item>
          </ActionModal>
          <ActionModal label={t('mediation.action.refusal')} schema={RefusalInput} url={`${base}/refusal`} testId="mediation-refusal" onDone={done}>
            <DateField name="endedOn" label={t('mediation.form.endedOn')} required />
            <Form.Item name="note" label={t('mediation.form.note')} required><Input.TextArea rows={2} /></Form.Item>
          </ActionModal>
        </>
      )}
      {x.status === 'succeeded' && (
        <ActionModal label={t('mediation.action.visit')} schema={NoteInput} url={`${base}/notes`} testId="mediation-visit" onDone={done} initialValues={{ kind: 'visit' }}>
          <Form.Item name="kind" hidden><Input /></Form.Item>
          <DateField name="on" label={t('mediation.form.visitOn')} required />
          {mediatorField}
          <Form.Item name="note" label={t('mediation.form.visitNote')} required><Input.TextArea rows={3} /></Form.Item>
        </ActionModal>
      )}
      {x.status === 'succeeded' && x.agreementForm === 'written' && !x.confirmationAppliedOn && (
        <ActionModal label={t('mediation.action.confirmation')} schema={ConfirmationInput} url={`${base}/confirmation`} testId="mediation-confirmation" onDone={done}>
          <DateField name="appliedOn" label={t('mediation.form.appliedOn')} required />
          <Form.Item name="court" label={t('mediation.form.court')} required><Input /></Form.Item>
        </ActionModal>
      )}
    </Space>
  );
  return (
    <>
      <PageTitle title={`${x.caseNo} ${x.parties}`} />
      <RecordDetail entity="mediation_dispute" id={x.id} canUpload={x.canEdit} actionLabel={(a) => t(`mediation.history.${a}`, { defaultValue: a })} fieldLabel={fieldLabel} fieldValue={codedFields(t, lang, { status: DISPUTE_STATUSES, source: SOURCES, agreement_form: AGREEMENT_FORMS })} title={<Space>{t('mediation.detail.title')}<StatusTag status={x.status} map={DISPUTE_STATUS} /></Space>} extra={actions}>
        {d.data.deadlines.length > 0 && (
          <div style={{ marginBottom: 16 }} data-testid="mediation-deadlines">
            <Typography.Title level={5}>{t('mediation.detail.deadlines')}</Typography.Title>
            <DeadlineList items={d.data.deadlines} />
          </div>
        )}
        <Descriptions column={2} size="small" bordered styles={LABEL_STYLE}>
          <Descriptions.Item label={t('mediation.list.caseNo')}>{x.caseNo}</Descriptions.Item>
          <Descriptions.Item label={t('mediation.list.committee')}>{x.committeeName}</Descriptions.Item>
          <Descriptions.Item label={t('mediation.form.parties')}>{x.parties}</Descriptions.Item>
          <Descriptions.Item label={t('mediation.form.disputeType')}>{x.disputeTypeLabel}</Descriptions.Item>
          <Descriptions.Item label={t('mediation.form.source')}>{SOURCES[x.source as keyof typeof SOURCES][lang]}{x.referredBy ? paren(x.referredBy) : ''}</Descriptions.Item>
          <Descriptions.Item label={t('mediation.form.receivedOn')}>{x.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t('mediation.form.mediatorId')}>{x.mediatorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mediation.list.due')}>{x.dueOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mediation.form.summary')} span={2}>{x.summary}</Descriptions.Item>
        </Descriptions>
        {x.status !== 'mediating' && (
          <Descriptions column={2} size="small" bordered styles={LABEL_STYLE} title={t('mediation.detail.outcome')} style={{ marginTop: 16 }}>
            {x.agreementForm && <Descriptions.Item label={t('mediation.form.agreementForm')}>{AGREEMENT_FORMS[x.agreementForm as keyof typeof AGREEMENT_FORMS][lang]}</Descriptions.Item>}
            {x.agreementOn && <Descriptions.Item label={t('mediation.form.agreementOn')}>{x.agreementOn}</Descriptions.Item>}
            {x.agreement && <Descriptions.Item label={t('mediation.form.agreement')} span={2}>{x.agreement}</Descriptions.Item>}
            {x.confirmationDue && <Descriptions.Item label={t('mediation.detail.confirmationDue')}>{x.confirmationDue}</Descriptions.Item>}
            {x.confirmationAppliedOn && <Descriptions.Item label={t('mediation.form.appliedOn')}>{x.confirmationAppliedOn}{paren(x.confirmationCourt ?? '')}</Descriptions.Item>}
            {x.endedOn && !x.agreementOn && <Descriptions.Item label={t('mediation.form.endedOn')}>{x.endedOn}</Descriptions.Item>}
            {x.advice && <Descriptions.Item label={t('mediation.form.advice')} span={2}>{x.advice}</Descriptions.Item>}
          </Descriptions>
        )}
        {d.data.notes.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('mediation.detail.notes')}</Typography.Title>
            <List size="small" dataSource={d.data.notes} data-testid="mediation-notes" renderItem={(n) => (
              <List.Item>
                <Space align="start">
                  <Tag color={n.kind === 'visit' ? 'green' : 'blue'}>{NOTE_KINDS[n.kind as keyof typeof NOTE_KINDS][lang]}</Tag>
                  <Typography.Text>{n.on}</Typography.Text>
                  {n.mediatorName && <Typography.Text type="secondary">{n.mediatorName}</Typography.Text>}
                  <Typography.Text>{n.note}</Typography.Text>
                </Space>
              </List.Item>
            )} />
          </>
        )}
      </RecordDetail>
    </>
  );
}
