import { useParams } from 'react-router-dom';
import { Checkbox, Col, Descriptions, Form, Input, InputNumber, List, Radio, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import type { z } from 'zod';
import {
  ART32, ART42, AssignInput, CASE_TYPES, CaseDetailOut, CloseInput, DecisionInput, HARDSHIP_BASES, MANDATORY_CATEGORIES, NOTIFYING_ORGANS, ObjectionInput,
  ObjectionReviewInput, ORIGINS, ProgressInput, QUALITY_GRADES, QualityInput, SERVICE_FORMS, LawyerOut,
} from '../../../common/legalaid';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { RecordDetail } from '../../components/RecordDetail';
import { StatusTag } from '../../components/StatusTag';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { DateField } from '../../components/fields';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { ActionModal } from './ActionModal';
import { CASE_STATUS, opts } from './Cases';

type Detail = z.infer<typeof CaseDetailOut>;
type Deadline = Detail['deadlines'][number];

/** The deadlines of a record with their computation and legal basis (shared with the mediation pages). */
export function DeadlineList({ items }: { items: Deadline[] }) {
  const { t } = useT();
  if (!items.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <List size="small" dataSource={items} renderItem={(d) => (
      <List.Item data-testid={`deadline-${d.kind}`}>
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{d.title}</Typography.Text>
            {d.status === 'open' ? <DeadlineBadge dueDate={d.dueDate} basis={d.basis} explain={d.explain} showDate /> : <Tag>{t(`legalaid.detail.${d.status}`)}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.explain}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.basis}</Typography.Text>
        </Space>
      </List.Item>
    )} />
  );
}

/** Labels of the case's fields in the history (the form's labels). */
const FIELD_KEYS: Record<string, string> = {
  status: 'legalaid.list.status', decided_on: 'legalaid.form.decidedOn', hardship_basis: 'legalaid.form.hardshipBasis', exemption: 'legalaid.form.exemption',
  monthly_income: 'legalaid.form.monthlyIncome', standard_applied: 'legalaid.detail.standard', refusal_reasons: 'legalaid.form.refusalReasons', late_reason: 'legalaid.form.lateReason',
  objected_on: 'legalaid.form.objectedOn', objection_reasons: 'legalaid.form.reasons', objection_reviewed_on: 'legalaid.form.reviewedOn', objection_upheld: 'legalaid.form.upheld',
  objection_opinion: 'legalaid.form.opinion', lawyer_id: 'legalaid.form.lawyerId', assigned_on: 'legalaid.form.assignedOn', possible_sentence: 'legalaid.form.possibleSentence',
  closed_on: 'legalaid.form.closedOn', result: 'legalaid.form.result', quality_grade: 'legalaid.form.grade', quality_reviewed_on: 'legalaid.form.reviewedOn',
  quality_comment: 'legalaid.form.comment', subsidy: 'legalaid.form.subsidy',
};

/** One legal aid case: what was decided, who handles it, the time limits and the next step. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, lang, colon, comma, paren } = useT();
  const fieldLabel = (f: string) => (FIELD_KEYS[f] ? t(FIELD_KEYS[f]) : undefined);
  const d = useApi<Detail>(`/api/v1/legalaid/cases/${id}`);
  const lawyers = useApi<{ items: z.infer<typeof LawyerOut>[] }>(d.data?.case.status === 'granted' ? '/api/v1/legalaid/lawyers' : null, { pageSize: 200 });
  if (d.error) return <NotFoundPage message={d.error.message} />;
  if (!d.data) return <Spin />;
  const c = d.data.case;
  const base = `/api/v1/legalaid/cases/${c.id}`;
  const done = () => d.reload();
  const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
  const exemptionLabel = c.exemption ? ((c.hardshipBasis === 'art32' ? ART32 : ART42) as Record<string, { zh: string; en: string }>)[c.exemption]?.[lang] : null;
  const actions = c.canEdit && (
    <Space wrap>
      {c.status === 'received' && (
        <ActionModal primary label={t('legalaid.action.decide')} schema={DecisionInput} url={`${base}/decision`} testId="legalaid-decide" onDone={done} initialValues={{ granted: true, hardshipBasis: 'checked' }} width={640}>
          <Row gutter={12}>
            <Col span={12}><DateField name="decidedOn" label={t('legalaid.form.decidedOn')} required /></Col>
            <Col span={12}><Form.Item name="granted" label={t('legalaid.form.granted')} required><Radio.Group options={[{ value: true, label: t('legalaid.form.grant') }, { value: false, label: t('legalaid.form.refuse') }]} /></Form.Item></Col>
          </Row>
          <Form.Item name="hardshipBasis" label={t('legalaid.form.hardshipBasis')} required><Radio.Group options={opts(HARDSHIP_BASES, lang)} /></Form.Item>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => getFieldValue('hardshipBasis') === 'checked'
              ? <Form.Item name="monthlyIncome" label={t('legalaid.form.monthlyIncome')} required><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
              : <Form.Item name="exemption" label={t('legalaid.form.exemption')} required><Select options={opts(getFieldValue('hardshipBasis') === 'art32' ? ART32 : ART42, lang)} /></Form.Item>}
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => getFieldValue('granted') === false && <Form.Item name="refusalReasons" label={t('legalaid.form.refusalReasons')} required><Input.TextArea rows={3} /></Form.Item>}
          </Form.Item>
          <Form.Item name="lateReason" label={t('legalaid.form.lateReason')} extra={c.decisionDue ? `${t('legalaid.list.due')}${colon}${c.decisionDue}` : undefined}><Input /></Form.Item>
        </ActionModal>
      )}
      {c.status === 'refused' && !c.objectedOn && (
        <ActionModal label={t('legalaid.action.object')} schema={ObjectionInput} url={`${base}/objection`} testId="legalaid-object" onDone={done}>
          <DateField name="objectedOn" label={t('legalaid.form.objectedOn')} required />
          <Form.Item name="reasons" label={t('legalaid.form.reasons')} required><Input.TextArea rows={3} /></Form.Item>
        </ActionModal>
      )}
      {c.status === 'objected' && (
        <ActionModal primary label={t('legalaid.action.review')} schema={ObjectionReviewInput} url={`${base}/objection-review`} testId="legalaid-review" onDone={done} initialValues={{ upheld: false }}>
          <DateField name="reviewedOn" label={t('legalaid.form.reviewedOn')} required />
          <Form.Item name="upheld" label={t('legalaid.form.upheld')} required><Radio.Group options={[{ value: true, label: t('legalaid.form.upheldYes') }, { value: false, label: t('legalaid.form.upheldNo') }]} /></Form.Item>
          <Form.Item name="opinion" label={t('legalaid.form.opinion')} required><Input.TextArea rows={3} /></Form.Item>
        </ActionModal>
      )}
      {c.status === 'granted' && (
        <ActionModal primary label={t('legalaid.action.assign')} schema={AssignInput} url={`${base}/assign`} testId="legalaid-assign" onDone={done}>
          <Form.Item name="lawyerId" label={t('legalaid.form.lawyerId')} required>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(lawyers.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name}${paren(`${l.firm}${comma}${t('legalaid.services.practisingSince', { date: l.practiceSince })}`)}` }))} />
          </Form.Item>
          <DateField name="assignedOn" label={t('legalaid.form.assignedOn')} required />
          {c.caseType === 'criminal' && (
            <Form.Item name="possibleSentence" label={t('legalaid.form.possibleSentence')}>
              <Select allowClear options={[{ value: 'life', label: t('legalaid.form.life') }, { value: 'death', label: t('legalaid.form.death') }]} />
            </Form.Item>
          )}
        </ActionModal>
      )}
      {c.status === 'assigned' && (
        <>
          <ActionModal label={t('legalaid.action.progress')} schema={ProgressInput} url={`${base}/progress`} testId="legalaid-progress" onDone={done}>
            <DateField name="on" label={t('legalaid.form.on')} required />
            <Form.Item name="note" label={t('legalaid.form.note')} required><Input.TextArea rows={3} /></Form.Item>
          </ActionModal>
          <ActionModal primary label={t('legalaid.action.close')} schema={CloseInput} url={`${base}/close`} testId="legalaid-close" onDone={done}>
            <DateField name="closedOn" label={t('legalaid.form.closedOn')} required />
            <Form.Item name="result" label={t('legalaid.form.result')} required><Input.TextArea rows={3} /></Form.Item>
            <Form.Item name="materialsComplete" valuePropName="checked"><Checkbox>{t('legalaid.form.materialsComplete')}</Checkbox></Form.Item>
          </ActionModal>
        </>
      )}
      {c.status === 'closed' && !c.qualityGrade && (
        <ActionModal primary label={t('legalaid.action.quality')} schema={QualityInput} url={`${base}/quality`} testId="legalaid-quality" onDone={done} initialValues={{ grade: 'good' }}>
          <DateField name="reviewedOn" label={t('legalaid.form.reviewedOn')} required />
          <Form.Item name="grade" label={t('legalaid.form.grade')} required><Radio.Group options={opts(QUALITY_GRADES, lang)} /></Form.Item>
          <Form.Item name="subsidy" label={t('legalaid.form.subsidy')} required><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="comment" label={t('legalaid.form.comment')}><Input.TextArea rows={2} /></Form.Item>
        </ActionModal>
      )}
    </Space>
  );
  return (
    <>
      <PageTitle title={`${c.caseNo} ${c.personName}`} />
      <RecordDetail entity="legalaid_case" id={c.id} canUpload={c.canEdit} actionLabel={(a) => t(`legalaid.history.${a}`, { defaultValue: a })} fieldLabel={fieldLabel} title={<Space>{t('legalaid.detail.title')}<StatusTag status={c.status} map={CASE_STATUS} /></Space>} extra={actions}>
        {d.data.deadlines.length > 0 && (
          <div style={{ marginBottom: 16 }} data-testid="legalaid-deadlines">
            <Typography.Title level={5}>{t('legalaid.detail.deadlines')}</Typography.Title>
            <DeadlineList items={d.data.deadlines} />
          </div>
        )}
        <Descriptions column={2} size="small" bordered title={t('legalaid.detail.basic')}>
          <Descriptions.Item label={t('legalaid.list.caseNo')}>{c.caseNo}</Descriptions.Item>
          <Descriptions.Item label={t('legalaid.list.origin')}>{ORIGINS[c.origin as keyof typeof ORIGINS][lang]}</Descriptions.Item>
          <Descriptions.Item label={t('legalaid.form.personName')}>{c.personName}</Descriptions.Item>
          <Descriptions.Item label={t('legalaid.form.idNumber')}>{dash(c.idNumber)}{!c.canEdit && c.idNumber ? t('legalaid.detail.masked') : ''}</Descriptions.Item>
          <Descriptions.Item label={t('legalaid.form.phone')}>{dash(c.phone)}</Descriptions.Item>
          <Descriptions.Item label={t('legalaid.form.unit')}>{c.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('legalaid.form.caseType')}>{CASE_TYPES[c.caseType as keyof typeof CASE_TYPES][lang]}</Descriptions.Item>
          <Descriptions.Item label={t('legalaid.form.serviceForm')}>{SERVICE_FORMS[c.serviceForm as keyof typeof SERVICE_FORMS]?.[lang] ?? c.serviceForm}</Descriptions.Item>
          <Descriptions.Item label={t('legalaid.form.matter')} span={2}>{c.matter}</Descriptions.Item>
          <Descriptions.Item label={c.origin === 'notification' ? t('legalaid.form.notifiedOn') : t('legalaid.form.receivedOn')}>{c.receivedOn}</Descriptions.Item>
          {c.notifyingOrgan && <Descriptions.Item label={t('legalaid.form.notifyingOrganName')}>{NOTIFYING_ORGANS[c.notifyingOrgan as keyof typeof NOTIFYING_ORGANS][lang]} {c.notifyingOrganName}</Descriptions.Item>}
          {c.mandatoryCategory && <Descriptions.Item label={t('legalaid.form.mandatoryCategory')} span={2}>{MANDATORY_CATEGORIES[c.mandatoryCategory as keyof typeof MANDATORY_CATEGORIES]?.[lang]}</Descriptions.Item>}
        </Descriptions>
        {c.decidedOn && (
          <Descriptions column={2} size="small" bordered title={t('legalaid.detail.decision')} style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('legalaid.form.decidedOn')}>{c.decidedOn}</Descriptions.Item>
            <Descriptions.Item label={t('legalaid.form.hardshipBasis')}>{c.hardshipBasis ? HARDSHIP_BASES[c.hardshipBasis as keyof typeof HARDSHIP_BASES][lang] : '—'}</Descriptions.Item>
            {exemptionLabel && <Descriptions.Item label={t('legalaid.form.exemption')} span={2}>{exemptionLabel}</Descriptions.Item>}
            {c.monthlyIncome !== null && <Descriptions.Item label={t('legalaid.form.monthlyIncome')}>{c.monthlyIncome}</Descriptions.Item>}
            {c.standardApplied !== null && <Descriptions.Item label={t('legalaid.detail.standard')}>{c.standardApplied} {t('legalaid.detail.yuan')}</Descriptions.Item>}
            {c.refusalReasons && <Descriptions.Item label={t('legalaid.form.refusalReasons')} span={2}>{c.refusalReasons}</Descriptions.Item>}
            {c.lateReason && <Descriptions.Item label={t('legalaid.form.lateReason')} span={2}>{c.lateReason}</Descriptions.Item>}
            {c.objectedOn && <Descriptions.Item label={t('legalaid.form.objectedOn')}>{c.objectedOn}</Descriptions.Item>}
            {c.objectionReasons && <Descriptions.Item label={t('legalaid.form.reasons')}>{c.objectionReasons}</Descriptions.Item>}
            {c.objectionReviewedOn && <Descriptions.Item label={t('legalaid.form.reviewedOn')}>{c.objectionReviewedOn}</Descriptions.Item>}
            {c.objectionOpinion && <Descriptions.Item label={t('legalaid.form.opinion')}>{c.objectionOpinion}</Descriptions.Item>}
          </Descriptions>
        )}
        {c.assignedOn && (
          <Descriptions column={2} size="small" bordered title={t('legalaid.detail.assignment')} style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('legalaid.form.lawyerId')}>{c.lawyerName}</Descriptions.Item>
            <Descriptions.Item label={t('legalaid.form.assignedOn')}>{c.assignedOn}</Descriptions.Item>
            {c.closedOn && <Descriptions.Item label={t('legalaid.form.closedOn')}>{c.closedOn}</Descriptions.Item>}
            {c.result && <Descriptions.Item label={t('legalaid.form.result')}>{c.result}</Descriptions.Item>}
            {c.qualityGrade && <Descriptions.Item label={t('legalaid.form.grade')}>{QUALITY_GRADES[c.qualityGrade as keyof typeof QUALITY_GRADES][lang]}</Descriptions.Item>}
            {c.subsidy !== null && <Descriptions.Item label={t('legalaid.form.subsidy')}>{c.subsidy}</Descriptions.Item>}
          </Descriptions>
        )}
        {d.data.progress.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('legalaid.detail.progress')}</Typography.Title>
            <List size="small" dataSource={d.data.progress} renderItem={(p) => <List.Item><Space><Typography.Text type="secondary">{p.on}</Typography.Text>{p.note}</Space></List.Item>} />
          </>
        )}
      </RecordDetail>
    </>
  );
}
