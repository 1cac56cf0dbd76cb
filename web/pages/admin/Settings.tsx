import { useState } from 'react';
import { Table, Button, Modal, Input, InputNumber, Switch, App, Card, Alert } from 'antd';
import { useT } from '../../i18n';
import { api, ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Setting } from '../../api/types';
import { PageTitle } from '../../layout/AppLayout';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** An editor matching the kind of the setting's default (text, number, switch, or JSON). */
function ValueEditor({ sample, value, onChange }: { sample: unknown; value: unknown; onChange(v: unknown): void }) {
  if (typeof sample === 'boolean') return <Switch checked={!!value} onChange={onChange} />;
  if (typeof sample === 'number') return <InputNumber value={value as number} onChange={(v) => onChange(v)} style={{ width: '100%' }} />;
  if (typeof sample === 'string') return <Input value={value as string} onChange={(e) => onChange(e.target.value)} data-testid="setting-input" />;
  return <Input.TextArea rows={6} value={typeof value === 'string' ? value : JSON.stringify(value, null, 2)} onChange={(e) => onChange(e.target.value)} />;
}

/** 系统设置: every declared setting, its value and default; edit one at a time. */
export default function SettingsPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const settings = useApi<{ items: Setting[] }>('/api/v1/settings');
  const [editing, setEditing] = useState<Setting | null>(null);
  const [draft, setDraft] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!editing) return;
    let value = draft;
    const structured = typeof editing.default === 'object' && editing.default !== null;
    if (structured && typeof draft === 'string') {
      try {
        value = JSON.parse(draft);
      } catch {
        return setError('JSON');
      }
    }
    try {
      await api.put(`/api/v1/settings/${encodeURIComponent(editing.key)}`, { value });
      void message.success(t('adminPages.settings.saved'));
      setEditing(null);
      settings.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <PageTitle title={t('adminPages.settings.title')} />
      <Card size="small">
        <Table<Setting>
          tableLayout="fixed"
          rowKey="key"
          loading={settings.loading}
          dataSource={settings.data?.items ?? []}
          pagination={false}
          data-testid="settings-table"
          columns={[
            // A setting by its name only: its key is an internal code (it stays in the API and the URL).
            { title: t('adminPages.settings.key'), dataIndex: 'label' },
            { title: t('adminPages.settings.value'), dataIndex: 'value', width: 260, ellipsis: { showTitle: true }, render: show },
            { title: t('adminPages.settings.default'), dataIndex: 'default', width: 260, ellipsis: { showTitle: true }, render: (v: unknown) => <span className="fz-muted">{show(v)}</span> },
            { title: t('common.actions'), key: 'a', width: 100, render: (_: unknown, s) => <Button type="link" size="small" onClick={() => { setEditing(s); setDraft(s.value); setError(null); }}>{t('adminPages.settings.edit')}</Button> },
          ]}
        />
      </Card>
      <Modal open={!!editing} title={editing?.label} onCancel={() => setEditing(null)} onOk={() => void save()} okButtonProps={{ 'data-testid': 'setting-save' } as never} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {editing && <ValueEditor sample={editing.default} value={draft} onChange={setDraft} />}
      </Modal>
    </>
  );
}
