import { Fragment, useState, type ReactNode } from 'react';
import { Button, Input, Space, Tag, Tooltip } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import type { Figure, RenderedBlock, ReportMeta, SourceBlock } from '../../../common/report';
import { placeholdersOf } from './schema';

/** 2021-02-25 → 2021年2月25日 (GB/T 9704: full year, no leading zeros). */
export function zhDate(d: string | null | undefined): string {
  if (!d) return '';
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** Props of the document view. */
export interface OfficialDocumentProps {
  meta: ReportMeta;
  blocks: RenderedBlock[];
  figures: Record<string, Figure>;
  /** Source blocks for editing (only when the report can be edited). */
  source?: SourceBlock[];
  /** Metric labels by id (for the placeholder chips). */
  labels?: Record<string, string>;
  onFigure?(f: Figure): void;
  onSaveBlock?(b: SourceBlock): Promise<void>;
  /** Block to highlight (jumped to from a warning). */
  flash?: string | null;
}

/**
 * The report laid out like the official paper (GB/T 9704-2012): red 发文机关标志, 发文字号 and 签发人,
 * red rule, title, 主送机关, body with 一、 headings and （一） run-in leads, signature and date, 版记.
 * Figures are inline and highlighted; clicking one opens the records behind it.
 */
export function OfficialDocument(p: OfficialDocumentProps) {
  const { t } = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const sourceById = new Map((p.source ?? []).map((b) => [b.id, b]));

  const segs = (b: RenderedBlock) =>
    b.segments.map((s, i) => {
      let node: ReactNode = s.text;
      if (s.figure) {
        const f = p.figures[s.figure];
        node = (
          <Tooltip title={f.noData ? t('report.editor.noDataTip', { label: f.label }) : t('report.editor.figureTip', { label: f.label, count: f.recordCount })}>
            <span
              className={`fz-doc-fig${f.noData ? ' nodata' : ''}`}
              data-testid="figure"
              data-metric={f.metricId}
              role="button"
              tabIndex={0}
              onClick={() => p.onFigure?.(f)}
              onKeyDown={(e) => e.key === 'Enter' && p.onFigure?.(f)}
            >
              {s.text}
            </span>
          </Tooltip>
        );
      }
      if (s.claim === 'unconfirmed')
        node = (
          <Tooltip title={t('report.editor.claimTip')}>
            <mark className="fz-doc-claim" data-testid="claim">{node}</mark>
          </Tooltip>
        );
      return <Fragment key={i}>{s.bold ? <b>{node}</b> : node}</Fragment>;
    });

  const m = p.meta;
  return (
    <div className="fz-doc-page" data-testid="official-document">
      <div className="fz-doc-issuer" data-testid="doc-issuer" style={{ fontSize: Math.min(56, Math.floor(560 / (m.issuer.length + 2))) }}>
        {m.issuer}
        {t('report.doc.issuerSuffix')}
      </div>
      <div className="fz-doc-numline">
        <span data-testid="doc-number">{m.docNumber || <span className="fz-doc-missing">{t('report.doc.noNumber')}</span>}</span>
        {m.signer && (
          <span>
            {t('report.doc.signer')}
            <span className="fz-doc-kai">{m.signer}</span>
          </span>
        )}
      </div>
      <hr className="fz-doc-rule" />
      <h1 className="fz-doc-title">{m.title}</h1>
      <p className="fz-doc-to">{m.addressee}：</p>
      {p.blocks.map((b) => {
        const src = sourceById.get(b.id);
        const editable = !!p.onSaveBlock && !!src;
        const cls = `fz-doc-block${p.flash === b.id ? ' flash' : ''}${editable ? ' editable' : ''}`;
        if (editing === b.id && src)
          return <BlockEditor key={b.id} block={src} labels={p.labels ?? {}} onCancel={() => setEditing(null)} onSave={async (nb) => { await p.onSaveBlock!(nb); setEditing(null); }} />;
        const edit = editable && (
          <Button size="small" type="text" className="fz-doc-edit" icon={<EditOutlined />} onClick={() => setEditing(b.id)} data-testid={`edit-${b.id}`} aria-label={t('report.editor.edit')} />
        );
        return b.kind === 'h1' ? (
          <div key={b.id} id={`block-${b.id}`} className={cls} data-block={b.id}>
            <h2 className="fz-doc-h1">{segs(b)}</h2>
            {edit}
          </div>
        ) : (
          <div key={b.id} id={`block-${b.id}`} className={cls} data-block={b.id}>
            <p className="fz-doc-p">
              {b.lead && <span className="fz-doc-kai">{b.lead}</span>}
              {segs(b)}
            </p>
            {edit}
          </div>
        );
      })}
      <div className="fz-doc-sign">
        <div>{m.signature}</div>
        <div>{zhDate(m.issueDate)}</div>
      </div>
      <div className="fz-doc-colophon">
        {m.cc && (
          <div className="fz-doc-cc">
            {t('report.doc.cc')}
            {m.cc}
          </div>
        )}
        <div className="fz-doc-print">
          <span>{m.printOrg}</span>
          <span>
            {zhDate(m.printDate)}
            {t('report.doc.printed')}
          </span>
        </div>
      </div>
    </div>
  );
}

/** Per-block editor: the stored text with `{{…}}` placeholders, and chips naming the figures it uses. */
function BlockEditor({ block, labels, onSave, onCancel }: { block: SourceBlock; labels: Record<string, string>; onSave(b: SourceBlock): Promise<void>; onCancel(): void }) {
  const { t } = useT();
  const [text, setText] = useState(block.text);
  const [lead, setLead] = useState(block.lead ?? '');
  const [saving, setSaving] = useState(false);
  const phs = placeholdersOf(text);
  return (
    <div className="fz-doc-editor" id={`block-${block.id}`} data-testid={`editor-${block.id}`}>
      {block.kind === 'p' && block.lead !== undefined && (
        <Input value={lead} onChange={(e) => setLead(e.target.value)} addonBefore={t('report.editor.lead')} style={{ marginBottom: 8 }} data-testid="block-lead" />
      )}
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 18 }} data-testid="block-text" />
      <div className="fz-muted" style={{ margin: '6px 0', fontSize: 12 }}>{t('report.editor.editHint', { ph: '{{…}}' })}</div>
      <div style={{ marginBottom: 8 }}>
        <span className="fz-muted" style={{ fontSize: 12, marginRight: 6 }}>{phs.length ? t('report.editor.placeholders') : t('report.editor.noPlaceholders')}</span>
        {phs.map((ph, i) => (
          <Tooltip key={i} title={ph.raw}>
            <Tag color="blue" style={{ marginBottom: 4 }}>{labels[ph.metricId] ?? ph.metricId}</Tag>
          </Tooltip>
        ))}
      </div>
      <Space>
        <Button
          type="primary"
          size="small"
          loading={saving}
          data-testid="block-save"
          onClick={async () => {
            setSaving(true);
            try {
              await onSave({ ...block, text, ...(block.lead !== undefined ? { lead } : {}) });
            } catch {
              /* the page shows the server's message; the editor stays open */
            } finally {
              setSaving(false);
            }
          }}
        >
          {t('report.editor.save')}
        </Button>
        <Button size="small" onClick={onCancel}>{t('report.editor.cancel')}</Button>
      </Space>
    </div>
  );
}
