import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Descriptions, Space, Spin, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import { z } from 'zod';
import {
  AmendInput, ArchiveInput, CommentInput, DecideInput, DisposeInput, DraftInput, EvaluateInput, ExpertInput, FeedbackInput, HearingInput, LegalityInput,
  OpenCommentInput, PublishInput, RiskInput, SendLegalityInput, ARCHIVE_ITEMS, DISPOSITIONS,
} from '../../../common/decisions';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { codedFields, RecordDetail } from '../../components/RecordDetail';

/** Stored fields whose codes the pages name, with the table of their names. */
const CODED_FIELDS = {
  state: 'decisions.state', proposal_source: 'decisions.opt.source', risk_level: 'decisions.opt.level', legality_reviewer: 'decisions.opt.reviewer',
  legality_conclusion: 'decisions.opt.conclusion', meeting_kind: 'decisions.opt.meeting', outcome: 'decisions.opt.outcome', trigger: 'decisions.opt.trigger',
  recommendation: 'decisions.opt.recommendation',
};
import { StatusTag, type StatusMap } from '../../components/StatusTag';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { StepForm, type FieldSpec } from './StepForm';
import { STATE_COLORS } from './ui';
import type { DecisionDetail } from '../../../common/decisions';

/** Drops an empty expert entry (the form always renders one) so "not required" validates. */
const expertSchema = z.preprocess((v) => {
  const o = (v ?? {}) as { experts?: Record<string, unknown>[] };
  const experts = (o.experts ?? []).filter((e) => e && Object.values(e).some((x) => x !== undefined && x !== null && x !== '' && x !== false));
  return { ...o, experts };
}, ExpertInput);

/** Which step of the procedure (for the Steps bar) a state is at. */
const STEP_OF: Record<string, number> = {
  launched: 1, drafted: 2, public_comment: 2, comment_closed: 3, expert_done: 4, risk_done: 5, legality_review: 5, legality_amend: 5, legality_failed: 5,
  legality_passed: 6, decided: 7, rejected: 6, published: 8, evaluated: 9,
};

/** 重大行政决策详情: the procedure with each step's record, the actions allowed now, and why others are not. */
export default function DecisionDetailPage() {
  const { id = '' } = useParams();
  const { t, lang, colon, paren } = useT();
  const res = useApi<DecisionDetail>(`/api/v1/decisions/${id}`);
  const firms = useApi<{ items: { id: string; name: string }[] }>('/api/v1/units', { type: 'law_firm' });
  const [action, setAction] = useState<string | null>(null);
  const [dispose, setDispose] = useState<string | null>(null);
  if (res.error) return <NotFoundPage message={res.error.message} />;
  if (!res.data) return <Spin />;
  const d = res.data;
  const f = (k: string) => t(`decisions.f.${k}`);
  const opts = (group: string, keys: string[]) => keys.map((k) => ({ value: k, label: t(`decisions.opt.${group}.${k}`) }));
  const yesNo = [{ value: true, label: lang === 'zh' ? '是' : 'Yes' }, { value: false, label: lang === 'zh' ? '否' : 'No' }];
  const dispOpts = Object.entries(DISPOSITIONS).map(([k, v]) => ({ value: k, label: v[lang] }));
  const base = `/api/v1/decisions/${d.id}`;
  const forms: Record<string, { path: string; schema: z.ZodType; fields: FieldSpec[]; initial?: Record<string, unknown> }> = {
    draft: { path: 'draft', schema: DraftInput, fields: [{ name: 'draftedOn', label: 'draftedOn', kind: 'date', required: true }, { name: 'researchSummary', label: 'researchSummary', kind: 'textarea', required: true }, { name: 'costBenefit', label: 'costBenefit', kind: 'textarea' }, { name: 'alternatives', label: 'alternatives', kind: 'textarea' }] },
    openComment: { path: 'public-comment', schema: OpenCommentInput, fields: [{ name: 'startsOn', label: 'startsOn', kind: 'date', required: true }, { name: 'endsOn', label: 'endsOn', kind: 'date', required: true }, { name: 'channel', label: 'channel', kind: 'text', required: true }, { name: 'shortenedReason', label: 'shortenedReason', kind: 'textarea' }] },
    hearing: { path: 'hearings', schema: HearingInput, fields: ['heldOn', 'participantsPublishedOn', 'materialsSentOn'].map((n): FieldSpec => ({ name: n, label: n, kind: 'date', required: true })).concat([{ name: 'place', label: 'place', kind: 'text', required: true }, { name: 'participants', label: 'participants', kind: 'textarea', required: true }, { name: 'record', label: 'record', kind: 'textarea', required: true }]) },
    comment: { path: 'comments', schema: CommentInput, fields: [{ name: 'receivedOn', label: 'receivedOn', kind: 'date', required: true }, { name: 'commenter', label: 'commenter', kind: 'text', required: true }, { name: 'content', label: 'content', kind: 'textarea', required: true }] },
    feedback: { path: 'feedback', schema: FeedbackInput, fields: [{ name: 'publishedOn', label: 'publishedOn', kind: 'date', required: true }, { name: 'summary', label: 'summary', kind: 'textarea', required: true }] },
    expert: {
      path: 'experts', schema: expertSchema, initial: { required: true },
      fields: [
        { name: 'required', label: 'required', kind: 'select', options: yesNo }, { name: 'notRequiredReason', label: 'notRequiredReason', kind: 'textarea' }, { name: 'doneOn', label: 'doneOn', kind: 'date', required: true },
        { name: ['experts', 0, 'name'], label: 'expertName', kind: 'text' }, { name: ['experts', 0, 'organisation'], label: 'organisation', kind: 'text' }, { name: ['experts', 0, 'field'], label: 'field', kind: 'text' },
        { name: ['experts', 0, 'opinion'], label: 'opinion', kind: 'textarea' }, { name: ['experts', 0, 'givenOn'], label: 'givenOn', kind: 'date' },
        { name: ['experts', 0, 'disposition'], label: 'disposition', kind: 'select', options: dispOpts }, { name: ['experts', 0, 'reason'], label: 'reason', kind: 'text' },
        { name: ['experts', 0, 'signed'], label: 'signed', kind: 'check' }, { name: ['experts', 0, 'noConflict'], label: 'noConflict', kind: 'check' },
      ],
    },
    risk: { path: 'risk', schema: RiskInput, initial: { required: true }, fields: [{ name: 'required', label: 'required', kind: 'select', options: yesNo }, { name: 'notRequiredReason', label: 'notRequiredReason', kind: 'textarea' }, { name: 'level', label: 'level', kind: 'select', options: opts('level', ['low', 'medium', 'high']) }, { name: 'report', label: 'report', kind: 'textarea' }, { name: 'measures', label: 'measures', kind: 'textarea' }, { name: 'doneOn', label: 'doneOn', kind: 'date', required: true }] },
    sendLegality: { path: 'legality-review', schema: SendLegalityInput, initial: { reviewer: 'office' }, fields: [{ name: 'reviewer', label: 'reviewer', kind: 'select', options: opts('reviewer', ['office', 'advisor']) }, { name: 'firmId', label: 'firmId', kind: 'select', options: (firms.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) }, { name: 'sentOn', label: 'sentOn', kind: 'date', required: true }, { name: 'dueDate', label: 'dueDate', kind: 'date' }] },
    legality: { path: 'legality-conclusion', schema: LegalityInput, fields: [{ name: 'conclusion', label: 'conclusion', kind: 'select', options: opts('conclusion', ['lawful', 'unlawful', 'lawful_if_amended']) }, { name: 'opinion', label: 'opinion', kind: 'textarea', required: true }, { name: 'concludedOn', label: 'concludedOn', kind: 'date', required: true }] },
    amend: { path: 'amendments', schema: AmendInput, fields: [{ name: 'amendments', label: 'amendments', kind: 'textarea', required: true }] },
    decide: { path: 'decision', schema: DecideInput, initial: { meetingKind: 'executive', outcome: 'approved' }, fields: [{ name: 'meetingKind', label: 'meetingKind', kind: 'select', options: opts('meeting', ['executive', 'plenary']) }, { name: 'meetingName', label: 'meetingName', kind: 'text', required: true }, { name: 'meetingOn', label: 'meetingOn', kind: 'date', required: true }, { name: 'minutes', label: 'minutes', kind: 'textarea', required: true }, { name: 'dissent', label: 'dissent', kind: 'textarea', required: true }, { name: 'headConclusion', label: 'headConclusion', kind: 'textarea', required: true }, { name: 'outcome', label: 'outcome', kind: 'select', options: opts('outcome', ['approved', 'rejected']) }, { name: 'partyReportOn', label: 'partyReportOn', kind: 'date' }, { name: 'partyReportRef', label: 'partyReportRef', kind: 'text' }] },
    publish: { path: 'publication', schema: PublishInput, fields: [{ name: 'publishedOn', label: 'publishedOn', kind: 'date', required: true }, { name: 'via', label: 'via', kind: 'text', required: true }, { name: 'partyReportOn', label: 'partyReportOn', kind: 'date' }, { name: 'partyReportRef', label: 'partyReportRef', kind: 'text' }] },
    evaluate: { path: 'evaluations', schema: EvaluateInput, fields: [{ name: 'evaluatedOn', label: 'evaluatedOn', kind: 'date', required: true }, { name: 'trigger', label: 'trigger', kind: 'select', options: opts('trigger', ['below_expectation', 'public_opinion', 'deemed_necessary']) }, { name: 'evaluator', label: 'evaluator', kind: 'text', required: true }, { name: 'findings', label: 'findings', kind: 'textarea', required: true }, { name: 'recommendation', label: 'recommendation', kind: 'select', options: opts('recommendation', ['continue', 'adjust', 'suspend']) }] },
    archive: { path: 'archive', schema: ArchiveInput, initial: { checklist: Object.fromEntries(Object.keys(ARCHIVE_ITEMS).map((k) => [k, false])) }, fields: [{ name: 'archivedOn', label: 'archivedOn', kind: 'date', required: true }, ...Object.entries(ARCHIVE_ITEMS).map(([k, v]): FieldSpec => ({ name: ['checklist', k], label: 'checklist', kind: 'check', options: [{ value: true, label: v }] }))] },
  };
  const decideBlocked = d.actions.find((a) => a.key === 'decide');
  const show = d.actions.filter((a) => a.allowed || a.reason);
  const text = (v: ReactNode) => (v === null || v === undefined || v === '' ? t('decisions.none') : v);
  const date = (v: string | null) => text(formatDate(v, lang));
  const states: StatusMap = Object.fromEntries(Object.entries(STATE_COLORS).map(([k, color]) => [k, { color, labelKey: `decisions.state.${k}` }]));
  const current = STEP_OF[d.state] ?? 0;
  const stepKeys = ['launch', 'draft', 'comment', 'expert', 'risk', 'legality', 'decide', 'publish', 'evaluate'];
  const spec = action ? forms[action] : null;
  return (
    <>
      <PageTitle title={d.title} extra={<StatusTag status={d.state} map={states} />} />
      <Steps size="small" current={current} items={stepKeys.map((k) => ({ title: t(`decisions.steps.${k}`) }))} style={{ marginBottom: 16 }} data-testid="decision-steps" />
      {decideBlocked && !decideBlocked.allowed && decideBlocked.reason && !['decided', 'published', 'evaluated', 'rejected'].includes(d.state) && (
        <Alert type="warning" showIcon title={t('decisions.blocked')} description={decideBlocked.reason} style={{ marginBottom: 16 }} data-testid="decide-blocked" />
      )}
      <RecordDetail
        entity="decision"
        id={d.id}
        title={t('decisions.detail')}
        canUpload={d.actions.some((a) => a.allowed)}
        actionLabel={(a) => t(`decisions.history.${a}`, { defaultValue: a })}
        fieldLabel={(k) => (k === 'state' ? undefined : (t(`decisions.fields.${k}`, { defaultValue: '' }) || undefined))}
        fieldValue={codedFields(t, lang, CODED_FIELDS)}
        side={[{ key: 'deadlines', label: t('decisions.sec.deadlines'), children: (
          <Space direction="vertical">{d.deadlines.map((x) => <Space key={x.kind}><span>{x.title}</span><DeadlineBadge dueDate={x.dueDate} state={x.status === 'open' ? undefined : 'done'} basis={x.basis} showDate /></Space>)}</Space>
        ) }]}
        extra={
          <Space wrap>
            {show.map((a) => (
              <Tooltip key={a.key} title={a.allowed ? undefined : a.reason}>
                <Button size="small" type={a.allowed ? 'primary' : 'default'} disabled={!a.allowed} onClick={() => setAction(a.key)} data-testid={`action-${a.key}`}>
                  {t(`decisions.actions.${a.key}`)}
                </Button>
              </Tooltip>
            ))}
          </Space>
        }
      >
        <Descriptions title={t('decisions.sec.basic')} column={2} size="small" bordered>
          <Descriptions.Item label={f('unitId')}>{d.unitName}</Descriptions.Item>
          <Descriptions.Item label={f('category')}>{d.categoryLabel}</Descriptions.Item>
          <Descriptions.Item label={f('launchedOn')}>{date(d.launchedOn)}</Descriptions.Item>
          <Descriptions.Item label={f('proposalSource')}>{t(`decisions.opt.source.${d.proposalSource}`)}</Descriptions.Item>
          <Descriptions.Item label={f('launchBasis')} span={2}>{d.launchBasis}</Descriptions.Item>
        </Descriptions>
        <Descriptions title={t('decisions.sec.draft')} column={2} size="small" bordered style={{ marginTop: 16 }}>
          <Descriptions.Item label={f('draftedOn')}>{date(d.draft.draftedOn)}</Descriptions.Item>
          <Descriptions.Item label={f('costBenefit')}>{text(d.draft.costBenefit)}</Descriptions.Item>
          <Descriptions.Item label={f('researchSummary')} span={2}>{text(d.draft.researchSummary)}</Descriptions.Item>
        </Descriptions>
        <Descriptions title={t('decisions.sec.comment')} column={2} size="small" bordered style={{ marginTop: 16 }}>
          <Descriptions.Item label={`${f('startsOn')} — ${f('endsOn')}`} span={2}>
            {d.publicComment.startsOn ? `${formatDate(d.publicComment.startsOn, lang)} — ${formatDate(d.publicComment.endsOn, lang)}` : t('decisions.none')}
            {d.publicComment.shortenedReason && <Tag color="orange" style={{ marginLeft: 8 }}>{t('decisions.shortened', { reason: d.publicComment.shortenedReason })}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={f('summary')} span={2}>{text(d.publicComment.feedbackSummary)}</Descriptions.Item>
        </Descriptions>
        {d.publicComment.comments.length > 0 && (
          <Table size="small" rowKey="id" pagination={false} dataSource={d.publicComment.comments} style={{ marginTop: 8 }} data-testid="comments"
            columns={[
              { title: f('receivedOn'), dataIndex: 'receivedOn', render: (v: string) => formatDate(v, lang) },
              { title: f('commenter'), dataIndex: 'commenter' },
              { title: f('content'), dataIndex: 'content' },
              { title: f('disposition'), dataIndex: 'dispositionLabel', render: (v: string | null, c) => v ? <Tooltip title={c.reason}>{v}</Tooltip> : (d.state === 'public_comment' && d.actions.some((a) => a.key === 'comment' && a.allowed)
                ? <Button size="small" type="link" onClick={() => setDispose(c.id)} data-testid="comment-dispose">{t('decisions.actions.dispose')}</Button> : '—') },
            ]} />
        )}
        {d.publicComment.hearings.map((h) => (
          <Typography.Paragraph key={h.id} type="secondary" style={{ marginTop: 8 }}>{`${f('heldOn')}${colon}${formatDate(h.heldOn, lang)} · ${h.place} · ${f('materialsSentOn')}${colon}${formatDate(h.materialsSentOn, lang)}`}</Typography.Paragraph>
        ))}
        <Descriptions title={t('decisions.sec.expert')} column={1} size="small" bordered style={{ marginTop: 16 }}>
          <Descriptions.Item label={f('doneOn')}>{date(d.expert.doneOn)}{d.expert.notRequiredReason ? paren(d.expert.notRequiredReason) : ''}</Descriptions.Item>
          {d.expert.experts.map((e) => <Descriptions.Item key={e.id} label={`${e.name}${paren(e.organisation)}`}>{e.opinion}</Descriptions.Item>)}
        </Descriptions>
        <Descriptions title={t('decisions.sec.risk')} column={2} size="small" bordered style={{ marginTop: 16 }}>
          <Descriptions.Item label={f('doneOn')}>{date(d.risk.doneOn)}</Descriptions.Item>
          <Descriptions.Item label={f('level')}>{d.risk.level ? t(`decisions.opt.level.${d.risk.level}`) : text(d.risk.notRequiredReason)}</Descriptions.Item>
          <Descriptions.Item label={f('report')} span={2}>{text(d.risk.report)}</Descriptions.Item>
        </Descriptions>
        <Descriptions title={t('decisions.sec.legality')} column={2} size="small" bordered style={{ marginTop: 16 }} data-testid="legality">
          <Descriptions.Item label={f('reviewer')}>{d.legality.reviewer ? t(`decisions.opt.reviewer.${d.legality.reviewer}`) + (d.legality.advisor?.firmName ? `${colon}${d.legality.advisor.firmName}` : '') : t('decisions.none')}</Descriptions.Item>
          <Descriptions.Item label={f('sentOn')}>{date(d.legality.sentOn)}{d.legality.dueOn ? ` → ${formatDate(d.legality.dueOn, lang)}` : ''}</Descriptions.Item>
          <Descriptions.Item label={f('conclusion')}>{d.legality.conclusion ? t(`decisions.opt.conclusion.${d.legality.conclusion}`) : t('decisions.none')}</Descriptions.Item>
          <Descriptions.Item label={f('concludedOn')}>{date(d.legality.concludedOn)}</Descriptions.Item>
          <Descriptions.Item label={f('opinion')} span={2}>{text(d.legality.opinion)}</Descriptions.Item>
          {d.legality.amendments && <Descriptions.Item label={f('amendments')} span={2}>{d.legality.amendments}</Descriptions.Item>}
        </Descriptions>
        <Descriptions title={t('decisions.sec.meeting')} column={2} size="small" bordered style={{ marginTop: 16 }}>
          <Descriptions.Item label={f('meetingName')}>{text(d.meeting.name)}</Descriptions.Item>
          <Descriptions.Item label={f('meetingOn')}>{date(d.meeting.on)}</Descriptions.Item>
          <Descriptions.Item label={f('minutes')} span={2}>{text(d.meeting.minutes)}</Descriptions.Item>
          <Descriptions.Item label={f('dissent')} span={2}>{text(d.meeting.dissent)}</Descriptions.Item>
          <Descriptions.Item label={f('partyReportOn')}>{date(d.meeting.partyReportOn)}</Descriptions.Item>
          <Descriptions.Item label={f('outcome')}>{d.meeting.outcome ? t(`decisions.opt.outcome.${d.meeting.outcome}`) : t('decisions.none')}</Descriptions.Item>
        </Descriptions>
        <Descriptions title={t('decisions.sec.publication')} column={2} size="small" bordered style={{ marginTop: 16 }}>
          <Descriptions.Item label={f('publishedOn')}>{date(d.publication.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label={f('via')}>{text(d.publication.via)}</Descriptions.Item>
          <Descriptions.Item label={f('archivedOn')}>{date(d.archive.archivedOn)}</Descriptions.Item>
        </Descriptions>
        {d.evaluations.length > 0 && (
          <Descriptions title={t('decisions.sec.evaluations')} column={1} size="small" bordered style={{ marginTop: 16 }}>
            {d.evaluations.map((e) => <Descriptions.Item key={e.id} label={formatDate(e.evaluatedOn, lang)}>{e.findings}</Descriptions.Item>)}
          </Descriptions>
        )}
      </RecordDetail>
      {spec && (
        <StepForm open title={t(`decisions.actions.${action}`)} url={`${base}/${spec.path}`} schema={spec.schema} fields={spec.fields} initial={spec.initial}
          onClose={() => setAction(null)} onDone={() => { setAction(null); res.reload(); }} />
      )}
      {dispose && (
        <StepForm open title={t('decisions.actions.dispose')} url={`${base}/comments/${dispose}/disposition`} schema={DisposeInput}
          fields={[{ name: 'disposition', label: 'disposition', kind: 'select', options: dispOpts }, { name: 'reason', label: 'reason', kind: 'textarea', required: true }]}
          onClose={() => setDispose(null)} onDone={() => { setDispose(null); res.reload(); }} />
      )}
    </>
  );
}
