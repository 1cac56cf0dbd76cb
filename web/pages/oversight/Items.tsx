import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Space, Tag } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { ITEM_KINDS, ITEM_STATUSES, ItemInput, type ItemSummaryOut } from '../../../common/oversight';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { ImportDialog } from '../../components/ImportDialog';
import { ActionModal } from './ActionModal';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { clip } from '../../components/clip';

type Item = z.infer<typeof ItemSummaryOut>;
const COLORS: Record<string, string> = { registered: 'default', assigned: 'processing', replied: 'cyan', reopened: 'warning', closed: 'success' };

/** 建议提案办理: the office sees the region's; a unit sees the items assigned to it (lead or co-handling). */
export default function ItemsPage() {
  const { t, lang, list } = useT();
  const { can } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const c = (k: string) => t(`oversight.items.col.${k}`);
  const d = (k: string) => t(`oversight.d.${k}`);
  // Widths that fit 1440 px, key columns first; long texts cut with an ellipsis (the full text on hover and on the item's page).
  const columns: DataColumn<Item>[] = [
    { key: 'number', title: c('number'), sortable: true, width: 118, render: (v: string, r) => clip(104)(t(`oversight.numberOf.${r.kind}`, { n: v })) },
    { key: 'title', title: c('title'), width: 250, render: (v: string, r) => <Link to={`/oversight/items/${r.id}`}>{clip(236)(v)}</Link> },
    { key: 'kind', title: c('kind'), defaultHidden: true, width: 120, render: (_: string, r) => clip(106)(r.kindLabel) },
    { key: 'leadUnitName', title: c('lead'), width: 150, render: clip(136) },
    { key: 'status', title: c('status'), sortable: true, width: 150, render: (v: string, r) => <Tag color={COLORS[v]} style={{ whiteSpace: 'normal' }}>{r.statusLabel}</Tag> },
    { key: 'dueDate', title: c('dueDate'), sortable: true, width: 112, render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'proposers', title: c('proposers'), width: 110, render: (v: string[]) => clip(96)(v.join(list)) },
    { key: 'receivedOn', title: c('receivedOn'), sortable: true, width: 112, render: (v: string) => formatDate(v, lang) },
    { key: 'satisfactionLabel', title: c('satisfaction'), width: 96, render: clip(82) },
  ];
  return (
    <>
      <PageTitle title={t('oversight.items.title')} />
      <DataTable<Item> id="oversight-items" url="/api/v1/oversight/items" exportUrl="/api/v1/oversight/items/export" rowKey="id" columns={columns} reloadKey={reloadKey}
        toolbar={can('oversight.manage') ? (
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="item-create">{t('oversight.actions.register')}</Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="item-import">{t('oversight.actions.import')}</Button>
          </Space>
        ) : undefined}
        filters={[
          { key: 'q', label: t('oversight.items.q'), type: 'text' },
          { key: 'kind', label: t('oversight.items.kindF'), type: 'select', options: Object.entries(ITEM_KINDS).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'status', label: t('oversight.items.statusF'), type: 'select', options: Object.entries(ITEM_STATUSES).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'year', label: t('oversight.items.yearF'), type: 'select', width: 110, options: [2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => ({ value: String(y), label: String(y) })) },
        ]} />
      {creating && (
        <ActionModal title={t('oversight.actions.register')} url="/api/v1/oversight/items" schema={ItemInput} initial={{ kind: 'npc_suggestion', proposers: [] }}
          fields={[
            { name: 'kind', label: c('kind'), kind: 'select', options: Object.entries(ITEM_KINDS).map(([k, v]) => ({ value: k, label: v[lang] })) },
            { name: 'number', label: c('number'), kind: 'text', required: true },
            { name: 'session', label: d('session'), kind: 'text', required: true },
            { name: 'title', label: c('title'), kind: 'text', required: true },
            { name: 'proposers', label: d('proposersHint'), kind: 'tags', required: true },
            { name: 'category', label: d('category'), kind: 'text', required: true },
            { name: 'receivedOn', label: c('receivedOn'), kind: 'date', required: true },
            { name: 'content', label: d('content'), kind: 'textarea' },
          ]}
          onClose={() => setCreating(false)} onDone={(b) => { setCreating(false); void nav(`/oversight/items/${(b as { id: string }).id}`); }} />
      )}
      <ImportDialog open={importing} url="/api/v1/oversight/items/import" title={t('oversight.actions.import')} onClose={() => setImporting(false)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
