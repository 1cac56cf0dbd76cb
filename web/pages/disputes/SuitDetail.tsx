import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Card, Checkbox, Col, Descriptions, Empty, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Table, Tag } from 'antd';
import { ABSENCE_REASONS, APPEAL_STAGE_OUTCOMES, HEAD_POSITIONS, LAWSUIT_OUTCOMES } from '../../../common/disputes';
import {
  AdvisorInput, AppealDecisionInput, AppealInput, DefenceInput, EffectiveInput, JudgmentInput, LawsuitHearingInput, PerformanceInput, RetrialInput,
} from '../../../common/disputes-inputs';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { codedFields, RecordDetail } from '../../components/RecordDetail';
import { JUDGMENT_KINDS, LAWSUIT_STATUSES } from '../../../common/disputes';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { StatusTag } from '../../components/StatusTag';
import { DateField } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';
import { NotFoundPage } from '../errors/ErrorPages';
import { formatDate, todayStr } from '../../format';
import { ActionButton, CaseClock, SUIT_STATUS_MAP, useTerm, useUnits, OFFICIAL_TERMS } from './shared';
import type { SuitClockOut, SuitDetail } from '../../../common/disputes-api';
import type { z } from 'zod';

/** The hearing form: the head's appearance, or the permitted reason and the staff member who went instead. */
function HearingFields() {
  const { t } = useT();
  const term = useTerm();
  const appeared = Form.useWatch('headAppeared') as boolean | undefined;
  return (
    <>
      <DateField name="hearingDate" label={t('disputes.suit.f.hearingDate')} required />
      <Form.Item name="courtNoticeServed" valuePropName="checked"><Checkbox>{t('disputes.suit.f.courtNotice')}</Checkbox></Form.Item>
      <Form.Item name="headAppeared" label={t('disputes.suit.f.headAppeared')} required extra={t('disputes.suit.headHint')}>
        <Radio.Group data-testid="head-appeared" options={[{ value: true, label: t('disputes.common.yes') }, { value: false, label: t('disputes.common.no') }]} />
      </Form.Item>
      {appeared !== false ? (
        <Row gutter={12}>
          <Col span={12}><Form.Item name="headName" label={t('disputes.suit.f.headName')}><Input id="head-name" /></Form.Item></Col>
          <Col span={12}><Form.Item name="headPosition" label={t('disputes.suit.f.headPosition')}>
            <Select options={HEAD_POSITIONS.map((p) => ({ value: p, label: term(p) }))} data-testid="head-position" />
          </Form.Item></Col>
        </Row>
      ) : (
        <>
          <Alert type="warning" showIcon title={t('disputes.suit.absenceHint')} style={{ marginBottom: 12 }} />
          <Form.Item name="absenceReason" label={t('disputes.suit.f.absenceReason')} required>
            <Select options={ABSENCE_REASONS.map((r) => ({ value: r, label: term(r) }))} data-testid="absence-reason" />
          </Form.Item>
          <Form.Item name="absenceDetail" label={t('disputes.suit.f.absenceDetail')}><Input /></Form.Item>
          <Form.Item name="delegateName" label={t('disputes.suit.f.delegate')} required><Input id="delegate-name" /></Form.Item>
        </>
      )}
      {appeared !== false && <Form.Item name="headOfOtherBody" valuePropName="checked"><Checkbox>{t('disputes.suit.f.headOfOtherBody')}</Checkbox></Form.Item>}
      <Form.Item name="lawyerName" label={t('disputes.suit.f.lawyer')}><Input /></Form.Item>
      <Form.Item name="notes" label={t('disputes.common.notes')}><Input.TextArea rows={2} /></Form.Item>
    </>
  );
}

/** The judgment form: outcomes of the current stage; 改判 asks for the revised outcome. */
function JudgmentFields({ stage }: { stage: string }) {
  const { t, paren } = useT();
  const term = useTerm();
  const outcome = Form.useWatch('outcome') as string | undefined;
  const all = Object.keys(LAWSUIT_OUTCOMES);
  const options = stage === 'appeal' ? [...APPEAL_STAGE_OUTCOMES] : all.filter((o) => !['驳回上诉维持原判', '改判'].includes(o));
  return (
    <>
      <Form.Item name="outcome" label={t('disputes.suit.f.outcome')} required>
        <Select options={options.map((o) => ({ value: o, label: `${term(o)}${LAWSUIT_OUTCOMES[o].lost ? paren(t('disputes.suit.lostMark')) : ''}` }))} data-testid="judgment-outcome" />
      </Form.Item>
      {outcome === '改判' && (
        <Form.Item name="revisedTo" label={t('disputes.suit.f.revisedTo')} required>
          <Select options={all.filter((o) => LAWSUIT_OUTCOMES[o].kind === 'judgment' && !APPEAL_STAGE_OUTCOMES.includes(o)).map((o) => ({ value: o, label: term(o) }))} />
        </Form.Item>
      )}
      <DateField name="servedDate" label={t('disputes.suit.f.servedDate')} required />
      <Form.Item name="summary" label={t('disputes.suit.f.summary')}><Input.TextArea rows={3} /></Form.Item>
    </>
  );
}

/** 应诉案件详情: the defence deadline up front, the case clock, stages, hearings, judgments and the allowed actions. */
export default function SuitDetailPage() {
  const { id = '' } = useParams();
  const { t, lang, colon, paren } = useT();
  const term = useTerm();
  const units = useUnits();
  const res = useApi<SuitDetail>(`/api/v1/disputes/lawsuits/${id}`);
  const [rev, setRev] = useState(0);
  const [s, setS] = useState<SuitDetail | undefined>(undefined);
  useEffect(() => setS(res.data), [res.data]);
  const clock = useApi<z.infer<typeof SuitClockOut>>(s ? `/api/v1/disputes/lawsuits/${id}/clock` : null, { v: s ? `${s.status}-${s.stage}-${s.appealDate ?? ''}` : '' });
  if (res.error) return <NotFoundPage message={res.error.message} />;
  if (!s) return <Spin />;
  const a = s.abilities;
  const today = todayStr();
  const done = (d: unknown) => {
    setRev((r) => r + 1);
    setS(d as SuitDetail);
  };
  const url = (p: string) => `/api/v1/disputes/lawsuits/${s.id}/${p}`;
  const d = (v: string | null | undefined) => (v ? formatDate(v, lang) : '—');
  const defence = s.deadlines.find((x) => x.kind === 'defence');
  const actionLabel = (x: string) => t(`disputes.history.${x === 'hearing' ? 'suitHearing' : x}`, { defaultValue: x });
  const fieldLabel = (f: string) => t(`disputes.fields.${f}`, { defaultValue: '' }) || undefined;
  const fieldValue = codedFields(t, lang, {
    status: LAWSUIT_STATUSES, stage: 'disputes.suit.stages', plaintiff_type: 'disputes.common.partyTypes', last_judgment_kind: JUDGMENT_KINDS,
    agency_appeal_decision: 'disputes.suit.appealDecisions', appeal_by: 'disputes.suit.appealByOptions',
    last_outcome: OFFICIAL_TERMS, final_outcome: OFFICIAL_TERMS,
  });

  const actions = (
    <Space wrap data-testid="suit-actions">
      <ActionButton allowed={a.canFileDefence} primary label={t('disputes.suit.a.defence')} schema={DefenceInput} url={url('defence')} onDone={done} testId="defence" initialValues={{ date: today, evidenceSubmitted: true }}>
        <DateField name="date" label={t('disputes.suit.f.defenceDate')} required />
        <Form.Item name="evidenceSubmitted" valuePropName="checked"><Checkbox>{t('disputes.suit.f.evidenceSubmitted')}</Checkbox></Form.Item>
      </ActionButton>
      <ActionButton allowed={a.canRecordHearing} label={t('disputes.suit.a.hearing')} schema={LawsuitHearingInput} url={url('hearings')} onDone={done} testId="hearing" width={640} initialValues={{ hearingDate: today, headAppeared: true, courtNoticeServed: true }}>
        <HearingFields />
      </ActionButton>
      <ActionButton allowed={a.canRecordJudgment} label={t('disputes.suit.a.judgment')} schema={JudgmentInput} url={url('judgments')} onDone={done} testId="judgment" initialValues={{ servedDate: today }}>
        <JudgmentFields stage={s.stage} />
      </ActionButton>
      <ActionButton allowed={a.canDecideAppeal} primary label={t('disputes.suit.a.appealDecision')} schema={AppealDecisionInput} url={url('appeal-decision')} onDone={done} testId="appeal-decision" initialValues={{ date: today }}>
        <Form.Item name="decision" label={t('disputes.suit.f.decision')} required>
          <Radio.Group data-testid="appeal-choice" options={(['appeal', 'accept'] as const).map((k) => ({ value: k, label: t(`disputes.suit.appealDecisions.${k}`) }))} />
        </Form.Item>
        <DateField name="date" label={t('disputes.suit.f.decisionDate')} required />
        <Form.Item name="note" label={t('disputes.suit.f.note')}><Input.TextArea rows={2} /></Form.Item>
      </ActionButton>
      <ActionButton allowed={a.canRecordEffective} label={t('disputes.suit.a.plaintiffAppeal')} schema={AppealInput} url={url('appeal')} onDone={done} testId="plaintiff-appeal" initialValues={{ by: 'plaintiff', date: today }}>
        <Form.Item name="by" label={t('disputes.suit.f.appealBy')} required>
          <Radio.Group options={(['plaintiff', 'both'] as const).map((k) => ({ value: k, label: t(`disputes.suit.appealByOptions.${k}`) }))} />
        </Form.Item>
        <DateField name="date" label={t('disputes.suit.f.appealDate')} required />
      </ActionButton>
      <ActionButton allowed={a.canRecordEffective} label={t('disputes.suit.a.effective')} schema={EffectiveInput} url={url('effective')} onDone={done} testId="effective" initialValues={{ date: today }}>
        <DateField name="date" label={t('disputes.suit.f.effectiveDate')} required />
        <Form.Item name="performanceDays" label={t('disputes.suit.f.performanceDays')}><InputNumber min={1} max={365} style={{ width: '100%' }} /></Form.Item>
      </ActionButton>
      <ActionButton allowed={a.canRecordPerformance} primary label={t('disputes.suit.a.performance')} schema={PerformanceInput} url={url('performance')} onDone={done} testId="performance" initialValues={{ date: today }}>
        <DateField name="date" label={t('disputes.suit.f.performanceDate')} required />
        <Form.Item name="note" label={t('disputes.suit.f.performanceNote')} required><Input.TextArea rows={3} /></Form.Item>
      </ActionButton>
      <ActionButton allowed={a.canApplyRetrial} label={t('disputes.suit.a.retrial')} schema={RetrialInput} url={url('retrial')} onDone={done} testId="retrial" initialValues={{ date: today }}>
        <DateField name="date" label={t('disputes.suit.f.retrialDate')} required />
      </ActionButton>
      <ActionButton allowed={a.canEdit} method="put" label={t('disputes.suit.a.advisor')} schema={AdvisorInput} url={url('advisor')} onDone={done} testId="advisor" initialValues={{ advisorUnitId: s.advisorUnitId ?? undefined, advisorName: s.advisorName ?? undefined }}>
        <Form.Item name="advisorUnitId" label={t('disputes.suit.advisorFirm')} required><Select options={units.firms} /></Form.Item>
        <Form.Item name="advisorName" label={t('disputes.suit.advisorName')}><Input /></Form.Item>
      </ActionButton>
    </Space>
  );

  return (
    <>
      <PageTitle title={<Space>{s.caseNo}<StatusTag status={s.status} map={SUIT_STATUS_MAP} /><Tag>{t(`disputes.suit.stages.${s.stage}`)}</Tag></Space>} />
      {defence && defence.status === 'open' && (
        <Alert
          type={defence.state === 'overdue' || defence.state === 'due_soon' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="defence-alert"
          title={<Space size={12}><b>{t('disputes.suit.defenceAlertTitle')}</b><DeadlineBadge dueDate={defence.dueDate} state={defence.state} basis={defence.basis} explain={defence.explain} provisional={defence.provisional} /></Space>}
          description={t('disputes.suit.defenceAlert', { date: formatDate(defence.dueDate, lang) })}
        />
      )}
      <RecordDetail key={rev} entity="lawsuit" id={s.id} title={t('disputes.suit.basic')} canUpload={a.canEdit} actionLabel={actionLabel} fieldLabel={fieldLabel} fieldValue={fieldValue} extra={null}>
        <div style={{ marginBottom: 16 }}>{actions}</div>
        <Descriptions column={2} bordered size="small" styles={{ label: { width: 124 } }} data-testid="suit-descriptions">
          <Descriptions.Item label={t('disputes.suit.court')}>{s.courtName}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.common.caseType')}>{term(s.caseType)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.defendant')}>{s.defendantUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.plaintiff')}>{s.plaintiffName}{paren(t(`disputes.common.partyTypes.${s.plaintiffType}`))}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.act')} span={2}>{s.actChallenged}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.filedDate')}>{d(s.filedDate)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.complaintReceived')}>{d(s.complaintReceivedDate)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.defenceFiled')}>{s.defenceFiledDate ? `${d(s.defenceFiledDate)}${paren(s.evidenceSubmitted ? t('disputes.suit.evidenceYes') : t('disputes.suit.evidenceNo'))}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.advisorFirm')}>{s.advisorUnitName ? `${s.advisorUnitName}${s.advisorName ? ` · ${s.advisorName}` : ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.lastOutcome')}>{s.lastOutcome ? `${term(s.lastOutcome)}${paren(d(s.lastServedDate))}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.appealDecision')}>{s.agencyAppealDecision ? `${t(`disputes.suit.appealDecisions.${s.agencyAppealDecision}`)}${paren(d(s.agencyAppealDecisionDate))}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.appealBy')}>{s.appealBy ? `${t(`disputes.suit.appealByOptions.${s.appealBy}`)}${paren(d(s.appealDate))}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.finalOutcome')}>{s.finalOutcome ? `${term(s.finalOutcome)}${s.lost ? paren(t('disputes.suit.lostMark')) : ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.closedDate')}>{d(s.closedDate)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.suit.performanceDue')}>{s.performanceDue ? <DeadlineBadge dueDate={s.performanceDue} state={s.performanceDate ? 'done' : undefined} /> : '—'}</Descriptions.Item>
          {s.performanceDate && <Descriptions.Item label={t('disputes.suit.performanceNote')} span={2}>{d(s.performanceDate)}{colon}{s.performanceNote}</Descriptions.Item>}
        </Descriptions>

        <Card size="small" title={t('disputes.common.clock')} style={{ marginTop: 16 }} extra={<span className="fz-muted" style={{ fontSize: 12 }}>{t('disputes.common.clockHint')}</span>}>
          <CaseClock items={[...s.deadlines, ...(clock.data?.courtPeriods ?? [])]} />
        </Card>

        <Card size="small" title={t('disputes.suit.hearings')} style={{ marginTop: 16 }}>
          {s.hearings.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={s.hearings}
              data-testid="suit-hearings"
              columns={[
                { title: t('disputes.suit.f.hearingDate'), dataIndex: 'hearingDate', width: 130, render: (v: string) => d(v) },
                { title: t('disputes.suit.stage'), dataIndex: 'stage', width: 70, render: (v: string) => t(`disputes.suit.stages.${v}`) },
                {
                  title: t('disputes.suit.f.headAppeared'),
                  dataIndex: 'headAppeared',
                  render: (v: boolean, h) =>
                    v ? <Tag color="green">{t('disputes.suit.headYes', { name: h.headName, position: term(h.headPosition) })}</Tag> : <Tag color="orange">{t('disputes.suit.headNo', { reason: term(h.absenceReason), delegate: h.delegateName })}</Tag>,
                },
                { title: t('disputes.suit.f.lawyer'), dataIndex: 'lawyerName', width: 110, render: (v: string | null) => v ?? '—' },
              ]}
            />
          )}
        </Card>

        <Card size="small" title={t('disputes.suit.judgments')} style={{ marginTop: 16 }}>
          {s.judgments.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={s.judgments}
              data-testid="suit-judgments"
              columns={[
                { title: t('disputes.suit.f.servedDate'), dataIndex: 'servedDate', width: 130, render: (v: string) => d(v) },
                { title: t('disputes.suit.stage'), dataIndex: 'stage', width: 70, render: (v: string) => t(`disputes.suit.stages.${v}`) },
                { title: t('disputes.suit.f.outcome'), dataIndex: 'outcome', width: 150, render: (v: string) => <Tag color={LAWSUIT_OUTCOMES[v]?.lost ? 'red' : 'default'}>{term(v)}</Tag> },
                { title: t('disputes.suit.f.summary'), dataIndex: 'summary', render: (v: string | null) => v ?? '—' },
              ]}
            />
          )}
        </Card>
      </RecordDetail>
    </>
  );
}
