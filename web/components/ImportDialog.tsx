import { useState } from 'react';
import { Modal, Steps, Upload, Button, Alert, Table, Progress, Space, Result } from 'antd';
import { InboxOutlined, DownloadOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { upload, ApiError } from '../api/client';
import type { ImportResult } from '../api/types';

/** Where the import is: choose → checked (dry run) → done. */
export type ImportPhase = 'choose' | 'checking' | 'checked' | 'committing' | 'done';

/** Which step of the four the phase shows, and whether the confirm button is allowed. */
export function importStep(phase: ImportPhase, result: ImportResult | null): { step: number; canConfirm: boolean } {
  if (phase === 'done') return { step: 3, canConfirm: false };
  if (phase === 'committing') return { step: 2, canConfirm: false };
  if (phase === 'checked') return { step: result && result.errors.length === 0 ? 2 : 1, canConfirm: !!result && result.errors.length === 0 && result.rowCount > 0 };
  if (phase === 'checking') return { step: 1, canConfirm: false };
  return { step: 0, canConfirm: false };
}

/**
 * The one Excel import dialog: upload → dry run listing every bad row and cell → confirm → result.
 * `url` is the module's import path (`importRoutes` on the server: `POST url?dryRun=1|0`, `GET url/template`).
 */
export function ImportDialog({ open, url, title, onClose, onDone }: { open: boolean; url: string; title?: string; onClose(): void; onDone?(r: ImportResult): void }) {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<ImportPhase>('choose');
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { step, canConfirm } = importStep(phase, result);

  const reset = () => {
    setFile(null);
    setPhase('choose');
    setResult(null);
    setError(null);
    setProgress(0);
  };
  const send = async (dryRun: boolean) => {
    if (!file) return setError(t('import.noFile'));
    setError(null);
    setPhase(dryRun ? 'checking' : 'committing');
    setProgress(0);
    try {
      const r = await upload<ImportResult>(`${url}?dryRun=${dryRun ? 1 : 0}`, file, { onProgress: setProgress });
      setResult(r);
      setPhase(!dryRun && r.errors.length === 0 ? 'done' : 'checked');
      if (!dryRun && r.errors.length === 0) onDone?.(r);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setPhase(dryRun ? 'choose' : 'checked');
    }
  };

  const footer = (
    <Space>
      <Button onClick={() => { reset(); onClose(); }}>{phase === 'done' ? t('common.close') : t('common.cancel')}</Button>
      {phase === 'choose' && <Button type="primary" disabled={!file} onClick={() => void send(true)} data-testid="import-check">{t('import.check')}</Button>}
      {phase === 'checked' && <Button onClick={reset}>{t('import.again')}</Button>}
      {phase === 'checked' && canConfirm && <Button type="primary" onClick={() => void send(false)} data-testid="import-confirm">{t('import.confirm')}</Button>}
    </Space>
  );

  return (
    <Modal open={open} title={title ?? t('import.title')} onCancel={() => { reset(); onClose(); }} footer={footer} width={760} destroyOnHidden data-testid="import-dialog">
      <Steps size="small" current={step} style={{ margin: '8px 0 20px' }} items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }, { title: t('import.step4') }]} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="import-error" />}
      {phase === 'choose' && (
        <>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>{t('import.choose')}</p>
            <p className="fz-muted">{t('import.allOrNothing')}</p>
          </Upload.Dragger>
          <Button type="link" icon={<DownloadOutlined />} href={`${url}/template`} style={{ paddingLeft: 0, marginTop: 8 }}>{t('import.template')}</Button>
        </>
      )}
      {(phase === 'checking' || phase === 'committing') && (
        <div style={{ padding: '24px 0' }}>
          <Progress percent={progress < 100 ? progress : 99} status="active" />
          <div className="fz-muted" style={{ marginTop: 8 }}>{t('import.checking')}</div>
        </div>
      )}
      {phase === 'checked' && result && (
        <div data-testid="import-result">
          {result.errors.length === 0 ? (
            <Alert type="success" showIcon title={t('import.ok', { count: result.rowCount })} />
          ) : (
            <>
              <Alert type="error" showIcon title={t('import.bad', { count: result.errors.length })} description={t('import.rows', { count: result.rowCount })} style={{ marginBottom: 12 }} />
              <Table
                size="small"
                rowKey={(_, i) => String(i)}
                dataSource={result.errors}
                pagination={result.errors.length > 10 ? { pageSize: 10 } : false}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 80 },
                  { title: t('import.column'), dataIndex: 'column', width: 160, render: (v?: string) => v ?? '—' },
                  { title: t('import.problem'), dataIndex: 'message' },
                ]}
                data-testid="import-errors"
              />
            </>
          )}
        </div>
      )}
      {phase === 'done' && result && <Result status="success" title={t('import.done', { count: result.committed })} data-testid="import-done" />}
    </Modal>
  );
}
