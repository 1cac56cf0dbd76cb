import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { RECON_MERITS_OUTCOMES, RECON_PROCEDURAL_OUTCOMES, SUSPENSION_ITEMS, SUSPENSION_ITEMS_EN, TERMINATION_REASONS, TERMINATION_REASONS_EN } from '../../../common/disputes';
import {
  AcceptInput, ComplianceInput, CopyInput, CorrectionInput, DateAction, DecisionInput, ExtensionInput, OpinionInput, ReconHearingInput, RefuseInput, SuspendInput,
} from '../../../common/disputes-inputs';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { codedFields, RecordDetail } from '../../components/RecordDetail';
import { RECON_STATUSES } from '../../../common/disputes';
import { StatusTag } from '../../components/StatusTag';
import { DateField } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';
import { NotFoundPage } from '../errors/ErrorPages';
import { formatDate, todayStr } from '../../format';
import { ActionButton, CaseClock, RECON_STATUS_MAP, useTerm, useUnits, OFFICIAL_TERMS } from './shared';
import type { ReconClock, ReconDetail } from '../../../common/disputes-api';

/** The decision form: merits decisions and procedural outcomes; 终止 asks for its ground. */
function DecisionFields() {
  const { t, lang } = useT();
  const term = useTerm();
  const outcome = Form.useWatch('outcome') as string | undefined;
  return (
    <>
      <DateField name="date" label={t('disputes.common.date')} required />
      <Form.Item name="outcome" label={t('disputes.recon.f.outcome')} required>
        <Select
          data-testid="decision-outcome"
          options={[
            { label: t('disputes.recon.outcomes.merits'), options: RECON_MERITS_OUTCOMES.map((o) => ({ value: o, label: term(o) })) },
            { label: t('disputes.recon.outcomes.procedural'), options: RECON_PROCEDURAL_OUTCOMES.map((o) => ({ value: o, label: term(o) })) },
          ]}
        />
      </Form.Item>
      {outcome === '终止' && (
        <Form.Item name="terminationReason" label={t('disputes.recon.f.terminationReason')} required>
          <Select options={TERMINATION_REASONS.map((o) => ({ value: o, label: lang === 'en' ? TERMINATION_REASONS_EN[o] : o }))} />
        </Form.Item>
      )}
      {outcome === '调解书' && <Alert type="info" showIcon title={t('disputes.recon.mediationHint')} style={{ marginBottom: 12 }} />}
      <Form.Item name="summary" label={t('disputes.recon.f.summary')} required><Input.TextArea id="decision-summary" rows={4} /></Form.Item>
    </>
  );
}

/** 复议案件详情: the case, its clock (every deadline with basis and computation) and the actions the server allows. */
export default function ReconDetailPage() {
  const { id = '' } = useParams();
  const { t, lang, colon, semi, paren } = useT();
  const term = useTerm();
  const units = useUnits();
  const res = useApi<ReconDetail>(`/api/v1/disputes/reconsiderations/${id}`);
  const [rev, setRev] = useState(0);
  const [c, setC] = useState<ReconDetail | undefined>(undefined);
  useEffect(() => setC(res.data), [res.data]);
  const clock = useApi<ReconClock>(c ? `/api/v1/disputes/reconsiderations/${id}/clock` : null, { v: c ? JSON.stringify(c.deadlines.map((x) => x.dueDate + x.status)) + c.opinions.length : '' });
  if (res.error) return <NotFoundPage message={res.error.message} />;
  if (!c) return <Spin />;
  const a = c.abilities;
  const today = todayStr();
  const done = (d: unknown) => {
    setRev((r) => r + 1);
    setC(d as ReconDetail);
  };
  const url = (p: string) => `/api/v1/disputes/reconsiderations/${c.id}/${p}`;
  const d = (v: string | null | undefined) => (v ? formatDate(v, lang) : '—');
  const actionLabel = (x: string) => t(`disputes.history.${x}`, { defaultValue: x });
  const fieldLabel = (f: string) => t(`disputes.fields.${f}`, { defaultValue: '' }) || undefined;
  const fieldValue = codedFields(t, lang, {
    status: RECON_STATUSES, procedure: 'disputes.recon.procedures', applicant_type: 'disputes.common.partyTypes', acceptance_mode: 'disputes.recon.acceptanceModes',
    outcome: OFFICIAL_TERMS, case_type: OFFICIAL_TERMS, act_type: OFFICIAL_TERMS,
  });
  const app = clock.data?.application;

  const actions = (
    <Space wrap data-testid="recon-actions">
      <ActionButton allowed={a.canReview} primary label={t('disputes.recon.a.accept')} schema={AcceptInput} url={url('accept')} onDone={done} testId="accept" initialValues={{ date: today }}>
        <DateField name="date" label={t('disputes.common.date')} required />
        {!c.timely && <Form.Item name="delayReason" label={t('disputes.recon.f.delayReason')} required><Input.TextArea rows={2} /></Form.Item>}
      </ActionButton>
      <ActionButton allowed={a.canReview} danger label={t('disputes.recon.a.refuse')} schema={RefuseInput} url={url('refuse')} onDone={done} testId="refuse" initialValues={{ date: today }}>
        <DateField name="date" label={t('disputes.common.date')} required />
        <Form.Item name="reason" label={t('disputes.recon.refusal')} required><Input.TextArea rows={3} /></Form.Item>
      </ActionButton>
      <ActionButton allowed={a.canRequestCorrection} label={t('disputes.recon.a.correction')} schema={CorrectionInput} url={url('correction')} onDone={done} testId="correction" initialValues={{ noticeDate: today }}>
        <Row gutter={12}>
          <Col span={12}><DateField name="noticeDate" label={t('disputes.recon.correctionNotice')} required /></Col>
          <Col span={12}><DateField name="receivedDate" label={t('disputes.recon.correctionReceived')} required /></Col>
        </Row>
        <Form.Item name="items" label={t('disputes.recon.correctionItems')} required><Input.TextArea rows={3} /></Form.Item>
        {c.lawVersion === '2017' && <Form.Item name="periodDays" label={t('disputes.recon.f.periodDays')}><InputNumber min={1} max={60} style={{ width: '100%' }} /></Form.Item>}
      </ActionButton>
      <ActionButton allowed={a.canSupplyCorrection} primary label={t('disputes.recon.a.supplied')} schema={DateAction} url={url('correction-supplied')} onDone={done} testId="supplied" initialValues={{ date: today }}>
        <DateField name="date" label={t('disputes.common.date')} required />
      </ActionButton>
      <ActionButton allowed={a.canMarkAbandoned} danger label={t('disputes.recon.a.abandon')} schema={DateAction} url={url('abandon')} onDone={done} testId="abandon" initialValues={{ date: today }}>
        <DateField name="date" label={t('disputes.common.date')} required />
      </ActionButton>
      <ActionButton allowed={a.canSendCopy} primary label={t('disputes.recon.a.copy')} schema={CopyInput} url={url('copy')} onDone={done} testId="copy" initialValues={{ sentDate: today }}>
        <DateField name="sentDate" label={t('disputes.recon.copySent')} required />
        <DateField name="receivedDate" label={t('disputes.recon.f.copyReceived')} />
      </ActionButton>
      <ActionButton allowed={a.canAnswer} primary label={t('disputes.recon.a.answer')} schema={DateAction} url={url('answer')} onDone={done} testId="answer" initialValues={{ date: today }}>
        <DateField name="date" label={t('disputes.recon.answerDate')} required />
      </ActionButton>
      <ActionButton allowed={a.canHear} label={t('disputes.recon.a.hearing')} schema={ReconHearingInput} url={url('hearings')} onDone={done} testId="recon-hearing" initialValues={{ respondentHeadAttended: false }}>
        <Row gutter={12}>
          <Col span={12}><DateField name="noticeDate" label={t('disputes.recon.f.hearingNotice')} required /></Col>
          <Col span={12}><DateField name="hearingDate" label={t('disputes.recon.f.hearingDate')} required /></Col>
        </Row>
        <Form.Item name="place" label={t('disputes.recon.f.place')}><Input /></Form.Item>
        <Form.Item name="respondentHeadAttended" valuePropName="checked"><Checkbox>{t('disputes.recon.f.headAttended')}</Checkbox></Form.Item>
        <Form.Item name="respondentAttendee" label={t('disputes.recon.f.attendee')}><Input /></Form.Item>
        <Form.Item name="notes" label={t('disputes.common.notes')}><Input.TextArea rows={2} /></Form.Item>
      </ActionButton>
      <ActionButton allowed={a.canSuspend} label={t('disputes.recon.a.suspend')} schema={SuspendInput} url={url('suspend')} onDone={done} testId="suspend" initialValues={{ date: today }} width={680}>
        <DateField name="date" label={t('disputes.recon.suspendedFrom')} required />
        <Form.Item name="reasonItem" label={t('disputes.recon.f.reasonItem')} required>
          <Select options={Object.entries(SUSPENSION_ITEMS).map(([k, v]) => ({ value: Number(k), label: lang === 'en' ? `(${k}) ${SUSPENSION_ITEMS_EN[Number(k)]}` : `（${k}）${v}` }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('disputes.recon.f.reason')}><Input.TextArea rows={2} /></Form.Item>
      </ActionButton>
      <ActionButton allowed={a.canResume} primary label={t('disputes.recon.a.resume')} schema={DateAction} url={url('resume')} onDone={done} testId="resume" initialValues={{ date: today }}>
        <DateField name="date" label={t('disputes.recon.resumedDate')} required />
      </ActionButton>
      <ActionButton allowed={a.canExtend} label={t('disputes.recon.a.extension')} schema={ExtensionInput} url={url('extension')} onDone={done} testId="extension" initialValues={{ approvedDate: today, noticeDate: today, days: 30 }}>
        <Row gutter={12}>
          <Col span={12}><DateField name="approvedDate" label={t('disputes.recon.f.approvedDate')} required /></Col>
          <Col span={12}><DateField name="noticeDate" label={t('disputes.recon.f.extNotice')} required /></Col>
        </Row>
        <Form.Item name="approver" label={t('disputes.recon.f.approver')} required><Input /></Form.Item>
        <Form.Item name="days" label={t('disputes.recon.f.extDays')} required><InputNumber min={1} max={30} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="reason" label={t('disputes.recon.f.extReason')} required><Input.TextArea rows={2} /></Form.Item>
      </ActionButton>
      <ActionButton allowed={a.canDecide} primary label={t('disputes.recon.a.decide')} schema={DecisionInput} url={url('decision')} onDone={done} testId="decide" initialValues={{ date: today }} width={640}>
        <DecisionFields />
      </ActionButton>
      <ActionButton allowed={a.canDecide} label={t('disputes.recon.a.mediation')} schema={DecisionInput} url={url('decision')} onDone={done} testId="mediation" initialValues={{ date: today, outcome: '调解书' }} width={640}>
        <DecisionFields />
      </ActionButton>
      <ActionButton allowed={a.canIssueOpinion} label={t('disputes.recon.a.opinion')} schema={OpinionInput} url={url('opinions')} onDone={done} testId="opinion" initialValues={{ kind: 'opinion', unitId: c.respondentUnitId, issuedDate: today, receivedDate: today }} width={640}>
        <Form.Item name="kind" label={t('disputes.recon.f.opinionKind')} required>
          <Radio.Group options={(['opinion', 'suggestion'] as const).map((k) => ({ value: k, label: t(`disputes.recon.f.opinionKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('disputes.recon.f.opinionUnit')} required><Select showSearch={{ optionFilterProp: 'label' }} options={units.agencies} /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><DateField name="issuedDate" label={t('disputes.recon.f.issued')} required /></Col>
          <Col span={12}><DateField name="receivedDate" label={t('disputes.recon.f.received')} required /></Col>
        </Row>
        <Form.Item name="content" label={t('disputes.recon.f.content')} required><Input.TextArea rows={3} /></Form.Item>
      </ActionButton>
    </Space>
  );

  return (
    <>
      <PageTitle title={<Space>{c.caseNo}<StatusTag status={c.status} map={RECON_STATUS_MAP} /><Tag>{t(`disputes.recon.laws.${c.lawVersion}`)}</Tag></Space>} />
      <RecordDetail key={rev} entity="reconsideration_case" id={c.id} title={t('disputes.recon.basic')} canUpload={a.canManage || a.canAnswer} actionLabel={actionLabel} fieldLabel={fieldLabel} fieldValue={fieldValue}>
        <div style={{ marginBottom: 16 }}>{actions}</div>
        <Descriptions column={2} bordered size="small" styles={{ label: { width: 124 } }} data-testid="recon-descriptions">
          <Descriptions.Item label={t('disputes.recon.applicant')}>{c.applicantName}{paren(t(`disputes.common.partyTypes.${c.applicantType}`))}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.respondent')}>{c.respondentUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.act')} span={2}>{c.actChallenged}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.common.caseType')}>{term(c.caseType)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.procedure')}>{t(`disputes.recon.procedures.${c.procedure}`)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.actDate')}>{d(c.actDate)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.knewDate')}>{d(c.knewDate)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.receivedDate')}>{d(c.receivedDate)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.timely')}>
            <Tag color={c.timely ? 'green' : 'red'}>{c.timely ? t('disputes.recon.timelyYes') : t('disputes.recon.timelyNo')}</Tag>
            {t('disputes.recon.applyDeadline')}{colon}{d(c.applyDeadline)}
          </Descriptions.Item>
          {app && (
            <Descriptions.Item label={t('disputes.common.computation')} span={2}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{app.basis}{colon}{typeof app.explain === 'string' ? app.explain : app.explain[lang]}</Typography.Text>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('disputes.recon.acceptance')}>{c.acceptanceMode ? `${t(`disputes.recon.acceptanceModes.${c.acceptanceMode}`)}${paren(d(c.acceptedDate))}` : c.refusedDate ? `${t('disputes.recon.a.refuse')}${paren(d(c.refusedDate))}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.decisionDue')}>{d(c.decisionDue)}</Descriptions.Item>
          {c.refusalReason && <Descriptions.Item label={t('disputes.recon.refusal')} span={2}>{c.refusalReason}</Descriptions.Item>}
          {c.correction && (
            <Descriptions.Item label={t('disputes.recon.correction')} span={2}>
              {t('disputes.recon.correctionNotice')} {d(c.correction.noticeDate)}{semi}{t('disputes.recon.correctionItems')}{colon}{c.correction.items}{semi}{t('disputes.recon.correctionSupplied')} {d(c.correction.suppliedDate)}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('disputes.recon.copySent')}>{d(c.copySentDate)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.respondentReceived')}>{d(c.respondentReceivedDate)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.answerDate')}>{d(c.answerDate)}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.extension')}>{c.extension ? t('disputes.recon.extensionText', { days: c.extension.days, approver: c.extension.approver, date: d(c.extension.approvedDate) }) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.outcome')}>{c.outcome ? `${term(c.outcome)}${c.terminationReason ? paren(c.terminationReason) : ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disputes.recon.decisionDate')}>
            {d(c.decisionDate)}
            {c.closedWithinPeriod !== null && <Tag color={c.closedWithinPeriod ? 'green' : 'red'} style={{ marginLeft: 6 }}>{t('disputes.recon.withinPeriod')}{colon}{c.closedWithinPeriod ? t('disputes.common.yes') : t('disputes.common.no')}</Tag>}
          </Descriptions.Item>
          {c.decisionSummary && <Descriptions.Item label={t('disputes.recon.decision')} span={2}>{c.decisionSummary}</Descriptions.Item>}
        </Descriptions>

        <Card size="small" title={t('disputes.common.clock')} style={{ marginTop: 16 }} extra={<span className="fz-muted" style={{ fontSize: 12 }}>{clock.data?.workingDayRule ?? t('disputes.common.clockHint')}</span>}>
          <CaseClock items={[...c.deadlines, ...(clock.data?.items ?? []).filter((x) => !c.deadlines.some((y) => y.kind === x.kind && y.title === x.title))]} />
        </Card>

        {c.suspensions.length > 0 && (
          <Card size="small" title={t('disputes.recon.suspensions')} style={{ marginTop: 16 }}>
            <Table size="small" rowKey="id" pagination={false} dataSource={c.suspensions} columns={[
              { title: t('disputes.recon.suspendedFrom'), dataIndex: 'fromDate', width: 130, render: (v: string) => d(v) },
              { title: t('disputes.recon.resumedDate'), dataIndex: 'resumedDate', width: 130, render: (v: string | null) => d(v) },
              { title: t('disputes.recon.f.reason'), dataIndex: 'reason' },
            ]} />
          </Card>
        )}
        {c.hearings.length > 0 && (
          <Card size="small" title={t('disputes.recon.hearings')} style={{ marginTop: 16 }}>
            <Table size="small" rowKey="id" pagination={false} dataSource={c.hearings} columns={[
              { title: t('disputes.recon.f.hearingDate'), dataIndex: 'hearingDate', width: 130, render: (v: string) => d(v) },
              { title: t('disputes.recon.f.hearingNotice'), dataIndex: 'noticeDate', width: 130, render: (v: string) => d(v) },
              { title: t('disputes.recon.f.place'), dataIndex: 'place', render: (v: string | null) => v ?? '—' },
              { title: t('disputes.recon.f.headAttended'), dataIndex: 'respondentHeadAttended', render: (v: boolean, h) => `${v ? t('disputes.common.yes') : t('disputes.common.no')}${h.respondentAttendee ? paren(h.respondentAttendee) : ''}` },
            ]} />
          </Card>
        )}
        {c.opinions.length > 0 && (
          <Card size="small" title={t('disputes.recon.opinions')} style={{ marginTop: 16 }}>
            <Table size="small" rowKey="id" pagination={false} dataSource={c.opinions} columns={[
              { title: t('disputes.recon.f.opinionKind'), dataIndex: 'kind', width: 130, render: (v: string) => t(`disputes.recon.f.opinionKinds.${v}`) },
              { title: t('disputes.recon.f.opinionUnit'), dataIndex: 'unitName', width: 160 },
              { title: t('disputes.recon.f.issued'), dataIndex: 'issuedDate', width: 130, render: (v: string) => d(v) },
              { title: t('disputes.recon.f.content'), dataIndex: 'content' },
              {
                title: t('disputes.recon.f.compliance'),
                dataIndex: 'complianceDate',
                render: (v: string | null, o) =>
                  v ? `${d(v)}${colon}${o.complianceNote}` : (
                    <ActionButton allowed={o.abilities.canReportCompliance} label={t('disputes.recon.a.compliance')} schema={ComplianceInput} url={`/api/v1/disputes/opinions/${o.id}/compliance`} onDone={() => res.reload()} testId="compliance" initialValues={{ date: today }}>
                      <DateField name="date" label={t('disputes.recon.f.complianceDate')} required />
                      <Form.Item name="note" label={t('disputes.recon.f.compliance')} required><Input.TextArea rows={3} /></Form.Item>
                    </ActionButton>
                  ),
              },
            ]} />
          </Card>
        )}
      </RecordDetail>
    </>
  );
}
