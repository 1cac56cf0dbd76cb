import './report.css';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Empty, Form, Input, Modal, Row, Space, Spin, Tabs, Tag } from 'antd';
import { DownloadOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { useT } from '../../i18n';
import { api, ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { MetricInfo } from '../../api/types';
import { PageTitle } from '../../layout/AppLayout';
import { StatusTag } from '../../components/StatusTag';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField } from '../../components/fields';
import { formatDate, formatDateTime } from '../../format';
import { DateStr } from '../../../common/schemas';
import { OfficialDocument } from './OfficialDocument';
import { FigureDrawer } from './FigureDrawer';
import { metaSchema, publishDeadline } from './schema';
import { REPORT_STATUS, WARNING_COLOR, WARNING_ORDER } from './status';
import { REPORT_STATUSES, type CandidateProblem, type Figure, type ReportAction, type ReportDetail, type ReportMeta, type ReportWarning, type SourceBlock } from '../../../common/report';
import { Link } from 'react-router-dom';
import { recordPath } from '../../modules';

/** The report editor and viewer: the official document on the left; warnings, elements, workflow and exports on the right. */
export default function ReportDetailPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const { message } = App.useApp();
  const rep = useApi<ReportDetail>(`/api/v1/reports/${id}`);
  const metrics = useApi<{ items: MetricInfo[] }>('/api/v1/metrics');
  const [figure, setFigure] = useState<Figure | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const r = rep.data;

  const labels = useMemo(() => {
    const out: Record<string, string> = {};
    for (const m of metrics.data?.items ?? []) out[m.id] = m.label;
    for (const f of Object.values(r?.figures ?? {})) out[f.metricId] = f.label;
    return out;
  }, [metrics.data, r]);

  if (rep.error) return <Alert type="error" showIcon title={rep.error.message} data-testid="report-error" />;
  if (!r) return <div style={{ padding: 64, textAlign: 'center' }}><Spin /></div>;

  const saveBlock = async (b: SourceBlock) => {
    const blocks = r.source.blocks.map((x) => (x.id === b.id ? b : x));
    try {
      await api.put(`/api/v1/reports/${id}`, { blocks });
    } catch (e) {
      void message.error((e as Error).message);
      throw e;
    }
    void message.success(t('report.editor.saved'));
    rep.reload();
  };
  const jump = (blockId?: string) => {
    if (!blockId) return;
    document.getElementById(`block-${blockId}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    setFlash(blockId);
    window.setTimeout(() => setFlash(null), 2000);
  };
  const changed = r.warnings.filter((w) => w.kind === 'changed_since_submission');
  const warnings = [...r.warnings].sort((a, b) => WARNING_ORDER.indexOf(a.kind) - WARNING_ORDER.indexOf(b.kind));

  return (
    <div data-testid="page-report-detail">
      <PageTitle title={<Space>{r.meta.title}<StatusTag status={r.report.status} map={REPORT_STATUS} /></Space>} />
      <Row gutter={16} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {r.frozen && <Alert type="info" showIcon title={t('report.editor.frozen')} style={{ marginBottom: 12 }} data-testid="frozen-note" />}
          {changed.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="changed-since-submission"
              title={t('report.editor.changedTitle')}
              description={
                <>
                  <div className="fz-muted" style={{ marginBottom: 4 }}>{t('report.editor.changedHint')}</div>
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {changed.map((w, i) => <li key={i}>{w.message}</li>)}
                  </ul>
                </>
              }
            />
          )}
          {!r.abilities.canEdit && !r.frozen && r.report.status === 'secrecy' && <Alert type="info" showIcon title={t('report.editor.locked')} style={{ marginBottom: 12 }} />}
          <div className="fz-doc-desk">
            <OfficialDocument
              meta={r.meta}
              blocks={r.blocks}
              figures={r.figures}
              source={r.abilities.canEdit ? r.source.blocks : undefined}
              labels={labels}
              onFigure={setFigure}
              onSaveBlock={r.abilities.canEdit ? saveBlock : undefined}
              flash={flash}
            />
          </div>
        </Col>
        <Col flex="400px" className="fz-report-side">
          <WorkflowCard r={r} onDone={rep.reload} />
          <Card size="small" className="fz-report-tabs" style={{ marginBottom: 12 }}>
            <Tabs
              size="small"
              defaultActiveKey="warnings"
              items={[
                {
                  key: 'warnings',
                  label: <span data-testid="tab-warnings">{t('report.editor.warnings')} <Tag style={{ marginInlineStart: 4 }}>{warnings.length}</Tag></span>,
                  children: <WarningList r={r} warnings={warnings} onJump={jump} onDone={rep.reload} />,
                },
                { key: 'meta', label: <span data-testid="tab-meta">{t('report.editor.meta')}</span>, children: <MetaForm r={r} onSaved={rep.reload} /> },
              ]}
            />
          </Card>
          {r.abilities.canEdit && <Candidates r={r} onDone={rep.reload} />}
          <Card size="small" title={t('report.editor.export')} data-testid="exports">
            <Space wrap size={[6, 6]}>
              {(['docx', 'pdf', 'html', 'md', 'json'] as const).map((f) => (
                <Button key={f} size="small" icon={<DownloadOutlined />} href={`/api/v1/reports/${id}/export?format=${f}`} target={f === 'html' ? '_blank' : undefined} data-testid={`export-${f}`}>
                  {t(`report.export.${f}`)}
                </Button>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
      <FigureDrawer reportId={id} figure={figure} frozen={r.frozen} onClose={() => setFigure(null)} />
    </div>
  );
}

/**
 * Warnings, most urgent first; the many "no data" ones folded into one group. While the report can be
 * edited, a claim can be confirmed for the year and a blocking warning kept with a recorded reason; a
 * frozen report lists the warnings it was submitted with and the reasons given.
 */
function WarningList({ r, warnings, onJump, onDone }: { r: ReportDetail; warnings: ReportWarning[]; onJump(blockId?: string): void; onDone(): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [ack, setAck] = useState<ReportWarning | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const id = r.report.id;
  const put = async (body: Record<string, unknown>, done: string) => {
    setBusy(true);
    try {
      await api.put(`/api/v1/reports/${id}`, body);
      void message.success(done);
      onDone();
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  if (!warnings.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.editor.noWarnings')} data-testid="warnings" />;
  const noData = warnings.filter((w) => w.kind === 'no_data');
  const item = (w: ReportWarning, i: number) => (
    <div key={w.key ?? i} className="fz-report-warning" data-testid="warning" data-kind={w.kind} data-key={w.key}>
      <div>
        <Tag color={WARNING_COLOR[w.kind]}>{t(`report.editor.kinds.${w.kind}`)}</Tag>
        <span>{w.message}</span>
        {w.acknowledged && (
          <div className="fz-report-ack" data-testid="acknowledged">{t('report.editor.acknowledged', { reason: w.acknowledged.reason, by: `${w.acknowledged.byName} ${formatDateTime(w.acknowledged.at, lang)}` })}</div>
        )}
        {r.abilities.canEdit && (
          <Space size={4} wrap style={{ marginTop: 4 }}>
            {w.kind === 'unconfirmed_claim' && w.claim && w.blockId && (
              <Button size="small" loading={busy} data-testid="confirm-claim" onClick={() => void put({ confirmClaims: [{ blockId: w.blockId, text: w.claim }] }, t('report.editor.confirmed'))}>
                {t('report.editor.confirm')}
              </Button>
            )}
            {w.blocking && !w.acknowledged && (
              <Button size="small" data-testid="acknowledge" onClick={() => { setReason(''); setAck(w); }}>{t('report.editor.acknowledge')}</Button>
            )}
            {w.acknowledged && (
              <Button size="small" type="link" loading={busy} onClick={() => void put({ withdraw: [w.key] }, t('report.editor.saved'))}>{t('report.editor.withdraw')}</Button>
            )}
          </Space>
        )}
      </div>
      {w.blockId && <Button type="link" size="small" icon={<EnvironmentOutlined />} onClick={() => onJump(w.blockId)}>{t('report.editor.jump')}</Button>}
    </div>
  );
  return (
    <div className="fz-report-warnings" data-testid="warnings">
      {warnings.filter((w) => w.kind !== 'no_data').map(item)}
      {noData.length > 0 && (
        <Collapse
          size="small"
          ghost
          items={[{ key: 'nd', label: <span><Tag color={WARNING_COLOR.no_data}>{t('report.editor.kinds.no_data')}</Tag>{t('report.editor.noDataCount', { count: noData.length })}</span>, children: noData.map(item) }]}
        />
      )}
      <Modal
        open={!!ack}
        title={t('report.editor.ackTitle')}
        onCancel={() => setAck(null)}
        okButtonProps={{ loading: busy, disabled: reason.trim().length < 4, 'data-testid': 'ack-ok' } as never}
        onOk={async () => {
          if (ack && (await put({ acknowledgements: [{ key: ack.key, reason: reason.trim() }] }, t('report.editor.saved')))) setAck(null);
        }}
        destroyOnHidden
      >
        <p>{ack?.message}</p>
        <Form layout="vertical">
          <Form.Item label={t('report.editor.ackReason')} required extra={t('report.editor.ackHint')}>
            <Input.TextArea id="ack-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** Section 二 drafted from the records: each candidate inserted as an editable sentence into part 2. */
function Candidates({ r, onDone }: { r: ReportDetail; onDone(): void }) {
  const { t, paren } = useT();
  const { message } = App.useApp();
  const list = useApi<{ items: CandidateProblem[] }>(`/api/v1/reports/${r.report.id}/candidates`);
  const [busy, setBusy] = useState<string | null>(null);
  const insert = async (c: CandidateProblem) => {
    // Problems go into the first paragraph under heading 二 (the shortcomings), next-year items into the paragraph after it.
    const blocks = [...r.source.blocks];
    const h2 = blocks.findIndex((b) => b.kind === 'h1' && /^二、/.test(b.text));
    const paras = h2 >= 0 ? blocks.slice(h2 + 1).filter((b, i, a) => b.kind === 'p' && a.slice(0, i).every((x) => x.kind === 'p')) : [];
    const target = c.kind === 'next_year' ? (paras[1] ?? paras[0]) : paras[0];
    let next: SourceBlock[];
    if (target) next = blocks.map((b) => (b.id === target.id ? { ...b, text: `${b.text}${c.text}` } : b));
    else {
      const nb: SourceBlock = { id: `p-2-c${Date.now().toString(36)}`, kind: 'p', text: c.text, parts: [c.kind === 'next_year' ? 'nextYear' : 'shortcomings'] };
      next = h2 >= 0 ? [...blocks.slice(0, h2 + 1), nb, ...blocks.slice(h2 + 1)] : [...blocks, nb];
    }
    setBusy(c.id);
    try {
      await api.put(`/api/v1/reports/${r.report.id}`, { blocks: next });
      void message.success(t('report.editor.inserted'));
      onDone();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Card size="small" title={t('report.editor.candidates')} style={{ marginBottom: 12 }} data-testid="candidates" loading={list.loading && !list.data}>
      <div className="fz-muted" style={{ fontSize: 12, marginBottom: 4 }}>{t('report.editor.candidatesHint')}</div>
      {!items.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.editor.noCandidates')} />}
      {items.map((c) => (
        <div key={c.id} className="fz-report-cand" data-testid="candidate" data-id={c.id}>
          <div><Tag color={c.kind === 'next_year' ? 'blue' : 'volcano'}>{t(c.kind === 'next_year' ? 'report.editor.nextYear' : 'report.editor.problem')}</Tag><b>{c.title}</b></div>
          <div>{c.text}</div>
          <Collapse
            size="small"
            ghost
            items={[{
              key: 'r', label: t('report.editor.candidateRecords', { count: c.records.length }),
              children: (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {c.records.map((x) => {
                    const href = recordPath(x.entity, x.id);
                    return <li key={`${x.entity}:${x.id}`}>{href ? <Link to={href}>{x.label}</Link> : x.label}{x.unitName ? paren(x.unitName) : ''}</li>;
                  })}
                </ul>
              ),
            }]}
          />
          <Button size="small" type="primary" ghost loading={busy === c.id} onClick={() => void insert(c)} data-testid="insert-candidate">{t('report.editor.insert')}</Button>
        </div>
      ))}
    </Card>
  );
}

/** 发文字号, 签发人, title… — editable while the report is a draft or in review. */
function MetaForm({ r, onSaved }: { r: ReportDetail; onSaved(): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(metaSchema(lang));
  const ro = !r.abilities.canEdit;
  const field = (name: keyof ReportMeta, extra: { required?: boolean; placeholder?: string } = {}) => (
    <Form.Item name={name} label={t(`report.meta.${name}`)} required={extra.required}>
      <Input id={`meta-${name}`} placeholder={extra.placeholder} disabled={ro} />
    </Form.Item>
  );
  return (
    <SchemaForm
      sf={sf}
      layout="vertical"
      size="small"
      initialValues={r.source.meta}
      data-testid="meta-form"
      onValuesChange={(changed: Record<string, unknown>) => sf.form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })))}
      onSubmit={async (v) => {
        await api.put(`/api/v1/reports/${r.report.id}`, { meta: { ...v, docNumber: v.docNumber ?? '', signer: v.signer ?? '' } });
        void message.success(t('report.editor.saved'));
        onSaved();
      }}
    >
      <Row gutter={8}>
        <Col span={14}>{field('docNumber', { placeholder: t('report.meta.docNumberHint') })}</Col>
        <Col span={10}>{field('signer')}</Col>
      </Row>
      {field('issuer', { required: true })}
      {field('title', { required: true })}
      <Row gutter={8}>
        <Col span={12}>{field('addressee', { required: true })}</Col>
        <Col span={12}>{field('signature', { required: true })}</Col>
      </Row>
      <Row gutter={8}>
        <Col span={12}><DateField name="issueDate" label={t('report.meta.issueDate')} required /></Col>
        <Col span={12}><DateField name="printDate" label={t('report.meta.printDate')} required /></Col>
      </Row>
      {field('printOrg', { required: true })}
      {field('cc')}
      {!ro && (
        <Button type="primary" htmlType="submit" loading={sf.submitting} data-testid="meta-save">
          {t('report.meta.save')}
        </Button>
      )}
    </SchemaForm>
  );
}

const SubmitSchema = z.object({ secrecyReviewer: z.string().trim().min(2).max(40), secrecyOpinion: z.string().trim().min(2).max(500) });
const PublishSchema = z.object({ publicUrl: z.url().max(300), publishedOn: DateStr, lateReason: z.string().trim().min(4).max(300).optional() });

/** Status, steps and the workflow buttons the server's abilities allow. */
function WorkflowCard({ r, onDone }: { r: ReportDetail; onDone(): void }) {
  const { t, lang } = useT();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<'submit' | 'publish' | null>(null);
  const [busy, setBusy] = useState<ReportAction | null>(null);
  const id = r.report.id;
  const act = async (action: ReportAction, body: Record<string, unknown> = {}) => {
    setBusy(action);
    try {
      await api.post(`/api/v1/reports/${id}/transitions`, { action, ...body });
      void message.success(t('report.editor.done', { action: t(`report.actions.${action}`) }));
      setDialog(null);
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError) || !e.fields.length || !dialog) void message.error((e as Error).message);
      throw e;
    } finally {
      setBusy(null);
    }
  };
  const quiet = (p: Promise<unknown>) => p.catch(() => {});
  const a = r.abilities;
  const current = REPORT_STATUSES.indexOf(r.report.status);
  return (
    <Card size="small" title={t('report.editor.workflow')} extra={<StatusTag status={r.report.status} map={REPORT_STATUS} />} style={{ marginBottom: 12 }} data-testid="workflow">
      <div className="fz-report-flow">
        {REPORT_STATUSES.map((s, i) => (
          <span key={s} className={i < current ? 'done' : i === current ? 'now' : ''}>{t(`report.status.${s}`)}</span>
        ))}
      </div>
      <Space wrap style={{ marginTop: 12 }}>
        {a.canSubmitReview && <Button type="primary" loading={busy === 'submit_review'} onClick={() => quiet(act('submit_review'))} data-testid="act-submit_review">{t('report.actions.submit_review')}</Button>}
        {a.canApproveReview && <Button type="primary" loading={busy === 'approve_review'} onClick={() => quiet(act('approve_review'))} data-testid="act-approve_review">{t('report.actions.approve_review')}</Button>}
        {a.canSubmit && <Button type="primary" onClick={() => setDialog('submit')} data-testid="act-submit">{t('report.actions.submit')}</Button>}
        {a.canPublish && <Button type="primary" onClick={() => setDialog('publish')} data-testid="act-publish">{t('report.actions.publish')}</Button>}
        {a.canReturn && (
          <Button
            danger
            loading={busy === 'return'}
            data-testid="act-return"
            onClick={() => modal.confirm({ title: t('report.editor.confirmReturn'), onOk: () => quiet(act('return')) })}
          >
            {t('report.actions.return')}
          </Button>
        )}
      </Space>
      {(r.secrecy.reviewer || r.publication.url) && (
        <Descriptions column={1} size="small" style={{ marginTop: 12 }} styles={{ label: { width: 96 } }}>
          {r.secrecy.reviewer && <Descriptions.Item label={t('report.editor.secrecyReviewer')}>{r.secrecy.reviewer}</Descriptions.Item>}
          {r.secrecy.opinion && <Descriptions.Item label={t('report.editor.secrecyOpinion')}>{r.secrecy.opinion}</Descriptions.Item>}
          {r.submittedAt && <Descriptions.Item label={t('report.editor.submittedAt')}>{formatDateTime(r.submittedAt, lang)}</Descriptions.Item>}
          {r.publication.on && <Descriptions.Item label={t('report.editor.publishedOn')}>{formatDate(r.publication.on, lang)}</Descriptions.Item>}
          {r.publication.url && (
            <Descriptions.Item label={t('report.editor.publicUrl')}>
              <a href={r.publication.url} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>{r.publication.url}</a>
            </Descriptions.Item>
          )}
          {r.publication.lateReason && <Descriptions.Item label={t('report.editor.lateReason')}>{r.publication.lateReason}</Descriptions.Item>}
        </Descriptions>
      )}
      <SubmitDialog open={dialog === 'submit'} onClose={() => setDialog(null)} onSubmit={(v) => act('submit', v)} />
      <PublishDialog open={dialog === 'publish'} year={r.report.year} onClose={() => setDialog(null)} onSubmit={(v) => act('publish', v)} />
    </Card>
  );
}

function SubmitDialog({ open, onClose, onSubmit }: { open: boolean; onClose(): void; onSubmit(v: z.output<typeof SubmitSchema>): Promise<void> }) {
  const { t } = useT();
  const sf = useSchemaForm(SubmitSchema);
  return (
    <Modal open={open} title={`${t('report.actions.submit')} · ${t('report.editor.secrecy')}`} onCancel={onClose} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'submit-ok' } as never} destroyOnHidden>
      <SchemaForm sf={sf} layout="vertical" preserve={false} onSubmit={onSubmit}>
        <Form.Item name="secrecyReviewer" label={t('report.editor.secrecyReviewer')} required><Input id="secrecy-reviewer" /></Form.Item>
        <Form.Item name="secrecyOpinion" label={t('report.editor.secrecyOpinion')} required><Input.TextArea id="secrecy-opinion" rows={3} /></Form.Item>
      </SchemaForm>
    </Modal>
  );
}

function PublishDialog({ open, year, onClose, onSubmit }: { open: boolean; year: number; onClose(): void; onSubmit(v: z.output<typeof PublishSchema>): Promise<void> }) {
  const { t, lang } = useT();
  const sf = useSchemaForm(PublishSchema);
  const on = Form.useWatch('publishedOn', sf.form) as string | undefined;
  const late = !!on && on > publishDeadline(year);
  return (
    <Modal open={open} title={t('report.actions.publish')} onCancel={onClose} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'publish-ok' } as never} destroyOnHidden>
      <SchemaForm sf={sf} layout="vertical" preserve={false} onSubmit={onSubmit}>
        <Form.Item name="publicUrl" label={t('report.editor.publicUrl')} required><Input id="public-url" placeholder="http://" /></Form.Item>
        <DateField name="publishedOn" label={t('report.editor.publishedOn')} required />
        {late && (
          <>
            <Alert type="warning" showIcon title={t('report.editor.lateHint', { date: formatDate(`${year + 1}-04-01`, lang) })} style={{ marginBottom: 12 }} />
            <Form.Item name="lateReason" label={t('report.editor.lateReason')} required><Input.TextArea id="late-reason" rows={2} /></Form.Item>
          </>
        )}
      </SchemaForm>
    </Modal>
  );
}
