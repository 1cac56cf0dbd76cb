import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Descriptions, Divider, List, Space, Spin, Steps, Tag } from 'antd';
import type { z } from 'zod';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import type { Unit } from '../../api/types';
import { RecordDetail } from '../../components/RecordDetail';
import { StatusTag } from '../../components/StatusTag';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import {
  CommentCloseInput, CommentOpenInput, CommentWaiverInput, CorrectionInput, CorrectionOutcomeInput, DeliberationInput, ExtendInput, FairCompetitionInput, FilingInput, OpinionInput,
  PublishInput, ReceiptInput, ReviewInput, SupplementInput, type DocReviewView, type DocumentDetail,
} from '../../../common/documentSchemas';
import { CORRECTION_OUTCOMES, CORRECTION_SOURCES, FAIR_COMPETITION, RELATION_KINDS, REVIEW_CONCLUSIONS, REVIEWER_KINDS } from '../../../common/documents';
import { StepModal, type StepField } from './StepModal';
import { CONCLUSION_MAP, DOC_STATUS_MAP, FILING_MAP } from './shared';

/** Stored columns shown in the history, by their label key. */
const FIELD_LABELS: Record<string, string> = {
  title: 'title', status: 'status', doc_number: 'docNumber', published_on: 'publishedOn', effective_from: 'effectiveFrom', valid_until: 'validUntil', filing_status: 'filing',
  filed_on: 'filedOn', filed_with: 'filedWith', filing_received_on: 'receivedOn', filing_missing: 'missing', comment_opened_on: 'openedOn', comment_closes_on: 'closesOn',
  comment_channel: 'channel', comment_closed_on: 'closedOn', comment_count: 'commentCount', comment_summary: 'commentSummary', deliberated_on: 'deliberatedOn',
  deliberation_meeting: 'meeting', deliberation_minutes: 'minutes', summary: 'summary',
};
type Step = { key: string; title: string; schema: z.ZodType; fields: StepField[]; url: string; initial?: Record<string, unknown>; extra?: Record<string, unknown> };

/** 规范性文件详情: the procedure (审、登、备、纠) with one action per step, as the server allows it. */
export default function DocumentDetail() {
  const { id = '' } = useParams();
  const { t, lang, colon, comma, semi, paren } = useT();
  const { can } = useAuth();
  const doc = useApi<DocumentDetail>(`/api/v1/documents/${id}`);
  const [step, setStep] = useState<Step | null>(null);
  const firms = useApi<{ items: Unit[] }>(step?.key === 'review' && can('documents.publish') ? '/api/v1/units' : null, { type: 'law_firm' });
  if (doc.error) return <NotFoundPage message={doc.error.message} />;
  if (!doc.data) return <Spin />;
  const d = doc.data;
  const base = `/api/v1/documents/${d.id}`;
  const opts = (o: Record<string, { zh: string; en: string }>) => Object.entries(o).map(([value, l]) => ({ value, label: l[lang] }));
  const pendingReview = d.reviews.find((r) => r.status === 'pending');
  const lastReview = d.reviews.filter((r) => r.status === 'done').at(-1);
  const drafting = d.status === 'drafting';
  const current = !drafting ? (d.filing.filedOn ? 6 : 5) : d.deliberation ? 4 : lastReview ? 3 : d.comment.closedOn || d.comment.waiver ? 2 : d.comment.openedOn ? 1 : 0;

  const steps: Step[] = [];
  if (d.canEdit && !d.comment.openedOn) steps.push({ key: 'comment', title: t('documents.act.comment'), schema: CommentOpenInput, url: `${base}/comment`, fields: [{ name: 'openedOn', label: 'openedOn', type: 'date', required: true }, { name: 'closesOn', label: 'closesOn', type: 'date', required: true }, { name: 'channel', label: 'channel', type: 'text', required: true }] });
  if (d.canEdit && d.comment.openedOn && !d.comment.closedOn) steps.push({ key: 'commentClose', title: t('documents.act.commentClose'), schema: CommentCloseInput, url: `${base}/comment/close`, fields: [{ name: 'closedOn', label: 'closedOn', type: 'date', required: true }, { name: 'commentCount', label: 'commentCount', type: 'number', required: true }, { name: 'summary', label: 'commentSummary', type: 'textarea', required: true }] });
  if (d.canEdit && !d.comment.openedOn && !d.affectsRights && !d.marketRelated && !d.comment.waiver) steps.push({ key: 'waive', title: t('documents.act.waive'), schema: CommentWaiverInput, url: `${base}/comment/waive`, fields: [{ name: 'reason', label: 'reason', type: 'textarea', required: true }] });
  if (d.canEdit && d.marketRelated) steps.push({ key: 'fair', title: t('documents.act.fair'), schema: FairCompetitionInput, url: `${base}/fair-competition`, fields: [{ name: 'reviewedOn', label: 'reviewedOn', type: 'date', required: true }, { name: 'conclusion', label: 'conclusion', type: 'select', options: opts(FAIR_COMPETITION), required: true }, { name: 'opinion', label: 'opinion', type: 'textarea', required: true }] });
  if (d.canEdit && !pendingReview) steps.push({ key: 'review', title: t('documents.act.review'), schema: ReviewInput, url: `${base}/reviews`, initial: { reviewerKind: 'office' }, fields: [{ name: 'reviewerKind', label: 'reviewerKind', type: 'select', options: opts(REVIEWER_KINDS), required: true }, { name: 'reviewerUnitId', label: 'reviewerUnitId', type: 'select', options: (firms.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) }, { name: 'requestedOn', label: 'requestedOn', type: 'date', required: true }] });
  if (d.canEdit && lastReview && !pendingReview && !d.deliberation) steps.push({ key: 'deliberate', title: t('documents.act.deliberate'), schema: DeliberationInput, url: `${base}/deliberation`, initial: { meeting: '区政府常务会议' }, fields: [{ name: 'deliberatedOn', label: 'deliberatedOn', type: 'date', required: true }, { name: 'meeting', label: 'meeting', type: 'text', required: true }, { name: 'minutes', label: 'minutes', type: 'textarea' }] });
  if (d.canPublish) steps.push({ key: 'publish', title: t('documents.act.publish'), schema: PublishInput, url: `${base}/publish`, fields: [{ name: 'issuerCode', label: 'issuerCode', type: 'text' }, { name: 'docNumber', label: 'docNumber', type: 'text' }, { name: 'publishedOn', label: 'publishedOn', type: 'date', required: true }, { name: 'effectiveFrom', label: 'effectiveFrom', type: 'date' }] });
  if (d.canFile && d.filing.status === 'pending') steps.push({ key: 'file', title: t('documents.act.file'), schema: FilingInput, url: `${base}/filing`, initial: { filedWith: d.filing.authority ?? '' }, fields: [{ name: 'filedOn', label: 'filedOn', type: 'date', required: true }, { name: 'filedWith', label: 'filedWith', type: 'text', required: true }, { name: 'note', label: 'note', type: 'textarea' }] });
  // The government's own document is filed a second time, with the standing committee of the people's congress at its level.
  if (d.canFile && d.npcFiling?.status === 'pending') steps.push({ key: 'fileNpc', title: t('documents.act.fileNpc'), schema: FilingInput, url: `${base}/filing`, initial: { filedWith: d.npcFiling.authority }, extra: { body: 'npc' }, fields: [{ name: 'filedOn', label: 'filedOn', type: 'date', required: true }, { name: 'filedWith', label: 'filedWith', type: 'text', required: true }, { name: 'note', label: 'note', type: 'textarea' }] });
  if (d.canRecordReceipt) steps.push({ key: 'receipt', title: t('documents.act.receipt'), schema: ReceiptInput, url: `${base}/filing/receipt`, initial: { result: 'accepted' }, fields: [{ name: 'receivedOn', label: 'receivedOn', type: 'date', required: true }, { name: 'result', label: 'result', type: 'select', options: [{ value: 'accepted', label: lang === 'zh' ? '备案通过' : 'Accepted' }, { value: 'materials_missing', label: lang === 'zh' ? '材料不全，中止备案' : 'Materials missing' }], required: true }, { name: 'missing', label: 'missing', type: 'text' }, { name: 'supplyDays', label: 'supplyDays', type: 'number' }] });
  if (d.canFile && d.filing.status === 'suspended') steps.push({ key: 'supplement', title: t('documents.act.supplement'), schema: SupplementInput, url: `${base}/filing/supplement`, fields: [{ name: 'suppliedOn', label: 'suppliedOn', type: 'date', required: true }] });
  if (d.canExtend) steps.push({ key: 'extend', title: t('documents.act.extend'), schema: ExtendInput, url: `${base}/extend`, fields: [{ name: 'validUntil', label: 'validUntil', type: 'date', required: true }, { name: 'decidedOn', label: 'decidedOn', type: 'date', required: true }, { name: 'reason', label: 'reason', type: 'textarea', required: true }] });
  if (d.canCorrect && d.status === 'in_force') steps.push({ key: 'correct', title: t('documents.act.correct'), schema: CorrectionInput, url: `${base}/corrections`, fields: [{ name: 'source', label: 'source', type: 'select', options: opts(CORRECTION_SOURCES), required: true }, { name: 'receivedOn', label: 'receivedOn', type: 'date', required: true }, { name: 'description', label: 'description', type: 'textarea', required: true }] });
  const opinionStep = (r: DocReviewView): Step => ({ key: 'opinion', title: t('documents.act.opinion'), schema: OpinionInput, url: `/api/v1/documents/reviews/${r.id}/opinion`, fields: [{ name: 'completedOn', label: 'completedOn', type: 'date', required: true }, { name: 'conclusion', label: 'conclusion', type: 'select', options: opts(REVIEW_CONCLUSIONS), required: true }, { name: 'opinion', label: 'opinion', type: 'textarea', required: true }] });

  // The open step as of this render (its options, e.g. the law firms, may have loaded since it was opened).
  const active = step && (steps.find((s) => s.key === step.key) ?? step);
  return (
    <>
      <PageTitle title={`《${d.title}》`} extra={<StatusTag status={d.status} map={DOC_STATUS_MAP} />} />
      <RecordDetail
        entity="normative_document"
        id={d.id}
        title={d.docNumber ?? t('documents.steps.draft')}
        canUpload={d.canAttach}
        actionLabel={(a) => t(`documents.actions.${a}`, { defaultValue: a })}
        fieldLabel={(f) => FIELD_LABELS[f] && t(`documents.f.${FIELD_LABELS[f]}`)}
        extra={<Space wrap>{steps.map((s) => <Button key={s.key} onClick={() => setStep(s)} data-testid={`act-${s.key}`}>{s.title}</Button>)}</Space>}
        side={[{
          key: 'deadlines', label: t('documents.sections.deadlines'), children: (
            <List size="small" dataSource={d.deadlines} renderItem={(x) => (
              <List.Item><Space direction="vertical" size={0}><span>{x.title}</span>{x.status === 'open' ? <DeadlineBadge dueDate={x.dueDate} basis={x.basis ?? undefined} showDate /> : <Tag>{formatDate(x.dueDate, lang)}</Tag>}</Space></List.Item>
            )} />
          ),
        }]}
      >
        <Steps size="small" current={current} style={{ marginBottom: 16 }} items={['draft', 'comment', 'review', 'deliberation', 'publish', 'filing'].map((k) => ({ title: t(`documents.steps.${k}`) }))} />
        {drafting && d.publicationGaps.length > 0 && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="publication-gaps" title={t('documents.gaps')} description={<ul style={{ margin: 0 }}>{d.publicationGaps.map((g) => <li key={g.zh}>{g[lang]}</li>)}</ul>} />
        )}
        <Descriptions column={2} bordered size="small" data-testid="doc-descriptions">
          <Descriptions.Item label={t('documents.f.title')} span={2}>{d.title}</Descriptions.Item>
          <Descriptions.Item label={t('documents.f.docNumber')}>{d.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('documents.f.registrationNo')}>{d.registrationNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('documents.f.issuer')}>{d.issuerName}</Descriptions.Item>
          <Descriptions.Item label={t('documents.f.unit')}>{d.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('documents.f.publishedOn')}>{formatDate(d.publishedOn, lang) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('documents.f.effectiveFrom')}>{formatDate(d.effectiveFrom, lang) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('documents.f.validUntil')}>{formatDate(d.validUntil, lang) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('documents.f.filing')}>
            <Space>{d.filing.status ? <StatusTag status={d.filing.status} map={FILING_MAP} /> : '—'}{d.filing.status === 'pending' && d.filing.due && <DeadlineBadge dueDate={d.filing.due} showDate />}{d.filing.filedOn && formatDate(d.filing.filedOn, lang)}</Space>
          </Descriptions.Item>
          {d.npcFiling && (
            <Descriptions.Item label={t('documents.f.npcFiling')} span={2}>
              <Space data-testid="npc-filing">{d.npcFiling.authority}<StatusTag status={d.npcFiling.status} map={FILING_MAP} />{d.npcFiling.status === 'pending' && d.npcFiling.due && <DeadlineBadge dueDate={d.npcFiling.due} showDate />}{d.npcFiling.filedOn && formatDate(d.npcFiling.filedOn, lang)}</Space>
            </Descriptions.Item>
          )}
          {d.endReason && <Descriptions.Item label={t('documents.f.reason')} span={2}>{d.endReason}</Descriptions.Item>}
        </Descriptions>
        <Divider titlePlacement="start">{t('documents.sections.procedure')}</Divider>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('documents.steps.comment')}>{d.comment.waiver ?? (d.comment.openedOn ? `${formatDate(d.comment.openedOn, lang)} — ${formatDate(d.comment.closesOn, lang)}${paren(d.comment.channel ?? '')}${d.comment.summary ? `${semi}${d.comment.summary}` : ''}` : '—')}</Descriptions.Item>
          {d.fairCompetition && <Descriptions.Item label={t('documents.act.fair')}>{FAIR_COMPETITION[d.fairCompetition.conclusion as keyof typeof FAIR_COMPETITION]?.[lang]}{colon}{d.fairCompetition.opinion}</Descriptions.Item>}
          <Descriptions.Item label={t('documents.steps.deliberation')}>{d.deliberation ? `${formatDate(d.deliberation.deliberatedOn, lang)} ${d.deliberation.meeting}` : '—'}</Descriptions.Item>
        </Descriptions>
        <Divider titlePlacement="start">{t('documents.sections.reviews')}</Divider>
        <List size="small" dataSource={d.reviews} data-testid="doc-reviews" locale={{ emptyText: '—' }} renderItem={(r) => (
          <List.Item actions={[
            ...(r.canGiveOpinion ? [<Button key="o" size="small" type="primary" onClick={() => setStep(opinionStep(r))} data-testid="act-opinion">{t('documents.act.opinion')}</Button>] : []),
            // A firm's review lives in the advisors queue: the opinion is given (and read in full) there.
            ...(r.queueRef && can('advisors.view') ? [<Link key="q" to={`/advisors/reviews/${r.queueRef}`} data-testid="review-queue-link">{t('documents.reviews.inQueue')}</Link>] : []),
          ]}>
            <Space direction="vertical" size={0}>
              <Space>{r.reviewerUnitName ?? REVIEWER_KINDS[r.reviewerKind as keyof typeof REVIEWER_KINDS]?.[lang]}{r.conclusion ? <StatusTag status={r.conclusion} map={CONCLUSION_MAP} /> : r.dueOn && <DeadlineBadge dueDate={r.dueOn} showDate />}</Space>
              {r.opinion && <span className="fz-muted">{r.opinion}{paren(`${r.reviewerName}${comma}${formatDate(r.completedOn, lang)}`)}</span>}
            </Space>
          </List.Item>
        )} />
        {d.relations.length > 0 && (
          <>
            <Divider titlePlacement="start">{t('documents.sections.relations')}</Divider>
            {d.relations.map((r) => (
              <div key={`${r.from.id}-${r.to.id}`}>
                <Link to={`/documents/${r.from.id}`}>{r.from.docNumber}《{r.from.title}》</Link> {RELATION_KINDS[r.kind as keyof typeof RELATION_KINDS]?.[lang]} <Link to={`/documents/${r.to.id}`}>{r.to.docNumber}《{r.to.title}》</Link>
              </div>
            ))}
          </>
        )}
        {d.corrections.length > 0 && (
          <>
            <Divider titlePlacement="start">{t('documents.sections.corrections')}</Divider>
            <List size="small" dataSource={d.corrections} renderItem={(c) => (
              <List.Item actions={c.status === 'open' && d.canCorrect ? [<Button key="c" size="small" onClick={() => setStep({ key: 'close', title: t('documents.act.close'), schema: CorrectionOutcomeInput, url: `/api/v1/documents/corrections/${c.id}/outcome`, fields: [{ name: 'outcome', label: 'outcome', type: 'select', options: opts(CORRECTION_OUTCOMES), required: true }, { name: 'outcomeOn', label: 'outcomeOn', type: 'date', required: true }, { name: 'note', label: 'note', type: 'textarea', required: true }] })}>{t('documents.act.close')}</Button>] : []}>
                {CORRECTION_SOURCES[c.source as keyof typeof CORRECTION_SOURCES]?.[lang]} · {formatDate(c.receivedOn, lang)} · {c.description}{c.outcome && ` → ${CORRECTION_OUTCOMES[c.outcome as keyof typeof CORRECTION_OUTCOMES]?.[lang]}`}
              </List.Item>
            )} />
          </>
        )}
      </RecordDetail>
      {active && (
        <StepModal open title={active.title} schema={active.schema} fields={active.fields} url={active.url} initial={active.initial} extra={active.extra} onClose={() => setStep(null)} onDone={() => { setStep(null); doc.reload(); }} />
      )}
    </>
  );
}
