import { Link } from 'react-router-dom';
import { Tag } from 'antd';
import type { z } from 'zod';
import { ITEM_KINDS, ITEM_STATUSES, type ItemSummaryOut } from '../../../common/oversight';
import { useT } from '../../i18n';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';

type Item = z.infer<typeof ItemSummaryOut>;
const COLORS: Record<string, string> = { registered: 'default', assigned: 'processing', replied: 'cyan', reopened: 'warning', closed: 'success' };

/** 建议提案办理: the office sees the region's; a unit sees the items assigned to it (lead or co-handling). */
export default function ItemsPage() {
  const { t, lang } = useT();
  const c = (k: string) => t(`oversight.items.col.${k}`);
  const columns: DataColumn<Item>[] = [
    { key: 'number', title: c('number'), sortable: true, render: (v: string, r) => `${r.kind === 'npc_suggestion' ? '建议' : '提案'}第${v}号` },
    { key: 'title', title: c('title'), render: (v: string, r) => <Link to={`/oversight/items/${r.id}`}>{v}</Link> },
    { key: 'kind', title: c('kind'), render: (_: string, r) => r.kindLabel },
    { key: 'proposers', title: c('proposers'), render: (v: string[]) => v.join('、') },
    { key: 'leadUnitName', title: c('lead'), render: (v: string | null) => v ?? '—' },
    { key: 'receivedOn', title: c('receivedOn'), sortable: true, render: (v: string) => formatDate(v, lang) },
    { key: 'dueDate', title: c('dueDate'), sortable: true, render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'status', title: c('status'), sortable: true, render: (v: string, r) => <Tag color={COLORS[v]}>{r.statusLabel}</Tag> },
    { key: 'satisfactionLabel', title: c('satisfaction'), render: (v: string | null) => v ?? '—' },
  ];
  return (
    <>
      <PageTitle title={t('oversight.items.title')} />
      <DataTable<Item> id="oversight-items" url="/api/v1/oversight/items" rowKey="id" columns={columns}
        filters={[
          { key: 'q', label: t('oversight.items.q'), type: 'text' },
          { key: 'kind', label: t('oversight.items.kindF'), type: 'select', options: Object.entries(ITEM_KINDS).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'status', label: t('oversight.items.statusF'), type: 'select', options: Object.entries(ITEM_STATUSES).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'year', label: t('oversight.items.yearF'), type: 'select', width: 110, options: [2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => ({ value: String(y), label: String(y) })) },
        ]} />
    </>
  );
}
