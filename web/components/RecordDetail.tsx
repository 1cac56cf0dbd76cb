import { useState, type ReactNode } from 'react';
import { Card, Col, Row, Tabs, Timeline, Empty, Button, List, Progress, Modal, Space, Table, Alert, App, Typography } from 'antd';
import { UploadOutlined, EyeOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { useApi } from '../api/useApi';
import { upload, ApiError } from '../api/client';
import type { FileInfo } from '../api/types';
import { formatBytes, formatDateTime } from '../format';
import { diffEntries } from './diff';
import { actionLabel as commonAction, fieldLabel as commonField, valueLabel } from '../../common/labels';
import type { Lang } from '../../common/labels';

/** A value as a reader sees it: status codes by their names (common/labels.ts), true/false as yes/no. */
export function readableValue(v: string, lang: Lang): string {
  if (v === 'true') return lang === 'zh' ? '是' : 'Yes';
  if (v === 'false') return lang === 'zh' ? '否' : 'No';
  // A structured value (a checklist, a nested opinion): a list of names is read as names; anything
  // else is not shown as JSON — the record's own page shows it in full.
  if (/^[[{]/.test(v)) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string' || typeof x === 'number')) return parsed.join(lang === 'zh' ? '、' : ', ');
      return lang === 'zh' ? '（详见正文）' : '(see the record)';
    } catch {
      return v;
    }
  }
  return /^[a-z][a-z0-9_]*$/.test(v) ? (valueLabel(v, lang) ?? v) : v;
}

/**
 * A page's name for a stored code of one of its fields (undefined: the shared names apply). The same code
 * can mean different things in different fields — `penalty` is 行政处罚 as a case's type and 给予行政处罚
 * as its decision — so a page that knows its fields names them.
 */
export type FieldValue = (field: string, value: string) => string | undefined;

/**
 * A page's `FieldValue`: each coded field names where its codes are named — a locale table's key
 * (`{ state: 'decisions.state' }`) or a shared zh/en map (`{ agreement_form: AGREEMENT_FORMS }`).
 */
export function codedFields(
  t: (key: string, o: { defaultValue: string }) => string,
  lang: Lang,
  tables: Record<string, string | Readonly<Record<string, { zh: string; en: string }>>>,
): FieldValue {
  return (field, value) => {
    if (!Object.hasOwn(tables, field)) return undefined;
    const table = tables[field];
    if (typeof table === 'string') return t(`${table}.${value}`, { defaultValue: '' }) || undefined;
    return Object.hasOwn(table, value) ? table[value][lang] : undefined;
  };
}

/** One history entry (`GET /api/v1/history/:entity/:id`). */
export interface HistoryEntry {
  seq: number | string;
  at: string;
  actor_name: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** Whether the browser can show a file inline (images and PDF). */
export function previewable(mime: string): 'image' | 'pdf' | 'video' | 'audio' | null {
  if (mime.startsWith('image/')) return 'image';
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return null;
}

/** Whether a stored value is an id (or nothing). */
const isIdOrEmpty = (v: string) => v === '' || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/**
 * Changed fields worth showing: no ids or timestamps; each named by the page's `fieldLabel` or the
 * platform's field labels (common/labels.ts); a field without a name is left out rather than shown raw.
 */
export function readableChanges(before: unknown, after: unknown, fieldLabel?: (field: string) => string | undefined, lang: Lang = 'zh', fieldValue?: FieldValue) {
  const value = (field: string, v: string) => (v !== '' && fieldValue?.(field, v)) || readableValue(v, lang);
  // The shared field names are lower-case for use inside sentences; a history line starts with one.
  const named = (f: string) => (lang === 'en' ? f.charAt(0).toUpperCase() + f.slice(1) : f);
  return diffEntries(before, after)
    // Ids (also those not named …_id, as concluded_by) mean nothing to a reader: the page names the person or unit.
    .filter((r) => r.changed && r.field !== 'id' && !r.field.endsWith('_id') && !r.field.endsWith('_at') && !(isIdOrEmpty(r.before) && isIdOrEmpty(r.after)))
    .map((r) => {
      const own = fieldLabel?.(r.field);
      return { ...r, field: own && own !== r.field ? own : commonField(r.field, lang), before: value(r.field, r.before), after: value(r.field, r.after) };
    })
    .filter((r): r is typeof r & { field: string } => r.field !== undefined)
    .map((r) => ({ ...r, field: named(r.field) }));
}

/**
 * Newest first, with runs of the same action by the same person and no before-state folded into one
 * entry (a case opened four times in a row is one "查阅案件 · 共4次"): reads of personal data are audited
 * one by one in the log, but the record's history is for what happened to it.
 */
export function foldRepeats(items: HistoryEntry[]): (HistoryEntry & { count: number; first: string })[] {
  const out: (HistoryEntry & { count: number; first: string })[] = [];
  for (const h of [...items].reverse()) {
    const last = out[out.length - 1];
    const plain = h.before === null || h.before === undefined;
    if (last && plain && last.action === h.action && last.actor_name === h.actor_name && (last.before === null || last.before === undefined)) {
      last.count++;
      last.first = h.at;
    } else out.push({ ...h, count: 1, first: h.at });
  }
  return out;
}

/** The history timeline of a record, from the audit log, with a before/after table per change. */
export function HistoryTimeline({ entity, id, actionLabel, fieldLabel, fieldValue }: { entity: string; id: string; actionLabel?: (action: string) => string; fieldLabel?: (field: string) => string | undefined; fieldValue?: FieldValue }) {
  const { t, lang, colon, semi } = useT();
  const { data, error, loading } = useApi<{ items: HistoryEntry[] }>(`/api/v1/history/${entity}/${id}`);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!loading && !data?.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noHistory')} />;
  return (
    <Timeline
      data-testid="history-timeline"
      items={foldRepeats(data?.items ?? []).map((h) => {
        // A creation is just "新增"; an update lists the changed fields a reader knows (labelled ones when labels are given).
        const rows = h.before === null || h.before === undefined ? [] : readableChanges(h.before, h.after, fieldLabel, lang, fieldValue);
        const own = actionLabel?.(h.action);
        return {
          key: String(h.seq),
          content: (
            <div>
              <Space size={8}>
                <b>{own && own !== h.action ? own : (commonAction(h.action, lang) ?? h.action)}</b>
                <span className="fz-muted">{h.actor_name ?? '—'} · {formatDateTime(h.at, lang)}</span>
              </Space>
              {h.count > 1 && <div className="fz-muted" style={{ fontSize: 12 }} data-testid="history-repeated">{t('detail.repeated', { count: h.count, first: formatDateTime(h.first, lang) })}</div>}
              {rows.length > 0 && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }} ellipsis={{ rows: 3, expandable: true }}>
                  {rows.map((r) => (r.before === r.after ? `${r.field}${colon}${t('detail.updated')}` : `${r.field}${colon}${r.before || '—'} → ${r.after || '—'}`)).join(semi)}
                </Typography.Paragraph>
              )}
            </div>
          ),
        };
      })}
    />
  );
}

/** The attachments of a record: upload with progress, inline preview of images and PDF, download. */
export function AttachmentsPanel({ entity, id, canUpload = true }: { entity: string; id: string; canUpload?: boolean }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const files = useApi<{ items: FileInfo[] }>(`/api/v1/files/${entity}/${id}`);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [preview, setPreview] = useState<FileInfo | null>(null);
  const pick = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.doc,.xls,.ofd,.mp4,.mov,.mp3,.m4a,.wav';
    input.onchange = async () => {
      const f = input.files?.[0];
      if (!f) return;
      setProgress({ name: f.name, percent: 0 });
      try {
        await upload(`/api/v1/files/${entity}/${id}`, f, { onProgress: (percent) => setProgress({ name: f.name, percent }) });
        void message.success(t('files.uploaded', { name: f.name }));
        files.reload();
      } catch (e) {
        void message.error(e instanceof ApiError ? e.message : String(e));
      } finally {
        setProgress(null);
      }
    };
    input.click();
  };
  const kind = preview ? previewable(preview.mime) : null;
  return (
    <div data-testid="attachments">
      {canUpload && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Space>
            <Button icon={<UploadOutlined />} onClick={pick} disabled={!!progress} data-testid="attach-upload">{t('files.upload')}</Button>
            <span className="fz-muted" style={{ fontSize: 12 }}>{t('files.hint')}</span>
          </Space>
          {progress && (
            <div data-testid="upload-progress">
              <div className="fz-muted" style={{ fontSize: 12 }}>{t('files.uploading', { name: progress.name })}</div>
              <Progress percent={progress.percent} size="small" />
            </div>
          )}
        </Space>
      )}
      <List
        loading={files.loading}
        dataSource={files.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('files.none')} /> }}
        renderItem={(f) => (
          <List.Item
            actions={[
              previewable(f.mime) && <Button key="p" type="link" size="small" icon={<EyeOutlined />} onClick={() => setPreview(f)} data-testid="attach-preview">{t('common.preview')}</Button>,
              <Button key="d" type="link" size="small" icon={<DownloadOutlined />} href={`/api/v1/file/${f.id}`}>{t('common.download')}</Button>,
            ].filter(Boolean)}
          >
            <List.Item.Meta avatar={<PaperClipOutlined />} title={f.name} description={`${formatBytes(f.size)} · ${formatDateTime(f.uploaded_at, lang)}`} />
          </List.Item>
        )}
      />
      <Modal open={!!preview} title={preview?.name} footer={null} width={900} onCancel={() => setPreview(null)} destroyOnHidden>
        {preview && kind === 'image' && <img className="fz-preview-img" src={`/api/v1/file/${preview.id}?inline=1`} alt={preview.name} data-testid="preview-image" />}
        {preview && kind === 'pdf' && <iframe className="fz-preview-frame" src={`/api/v1/file/${preview.id}?inline=1`} title={preview.name} data-testid="preview-pdf" />}
        {preview && kind === 'video' && <video className="fz-preview-img" src={`/api/v1/file/${preview.id}?inline=1`} controls data-testid="preview-video" />}
        {preview && kind === 'audio' && <audio style={{ width: '100%' }} src={`/api/v1/file/${preview.id}?inline=1`} controls data-testid="preview-audio" />}
      </Modal>
    </div>
  );
}

/**
 * The record detail layout every module uses: the record on the left (title, actions, body), and on
 * the right its history (from the audit log) and its attachments.
 */
export function RecordDetail({
  entity, id, title, extra, children, canUpload, actionLabel, fieldLabel, fieldValue, side,
}: {
  entity: string;
  id: string;
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  canUpload?: boolean;
  actionLabel?: (action: string) => string;
  /** Label of a stored field in the history (e.g. `name` → 单位名称). */
  fieldLabel?: (field: string) => string | undefined;
  /** Name of a stored code in the history where the field decides it (`decision: penalty` → 给予行政处罚). */
  fieldValue?: FieldValue;
  /** More tabs on the right (e.g. deadlines). */
  side?: { key: string; label: string; children: ReactNode }[];
}) {
  const { t } = useT();
  return (
    <Row gutter={16} data-testid="record-detail">
      <Col span={15}>
        {/* A long record title wraps rather than hiding its status tag behind the action buttons. */}
        <Card title={title} extra={extra} styles={{ title: { whiteSpace: 'normal', padding: '10px 0' } }}>{children}</Card>
      </Col>
      <Col span={9}>
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            items={[
              { key: 'history', label: t('detail.history'), children: <HistoryTimeline entity={entity} id={id} actionLabel={actionLabel} fieldLabel={fieldLabel} fieldValue={fieldValue} /> },
              { key: 'files', label: t('detail.attachments'), children: <AttachmentsPanel entity={entity} id={id} canUpload={canUpload} /> },
              ...(side ?? []),
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** A before/after table (used by the audit log). */
export function DiffTable({ before, after }: { before: unknown; after: unknown }) {
  const { t, lang } = useT();
  // Fields by their names and values by theirs; ids, hashes and fields without a name stay out.
  const rows = diffEntries(before, after)
    .filter((r) => r.field !== 'id' && !r.field.endsWith('_id') && !r.field.endsWith('_ids'))
    .map((r) => ({ ...r, field: commonField(r.field, lang), before: readableValue(r.before, lang), after: readableValue(r.after, lang) }))
    .filter((r): r is typeof r & { field: string } => r.field !== undefined);
  if (!rows.length) return <span className="fz-muted">—</span>;
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed ? 'fz-diff-changed' : '')}
      columns={[
        { title: t('detail.field'), dataIndex: 'field', width: 180 },
        { title: t('detail.before'), dataIndex: 'before', render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v || '—'}</span> },
        { title: t('detail.after'), dataIndex: 'after', render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v || '—'}</span> },
      ]}
      data-testid="diff-table"
    />
  );
}
