import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Space } from 'antd';
import type { z } from 'zod';
import { AmendPowerInput, POWER_CATEGORIES, RemovePowerInput, type PowerOut } from '../../../common/powers';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { ActionModal, type ActionField } from '../oversight/ActionModal';
import { clip } from '../../components/clip';

type Power = z.infer<typeof PowerOut>;

/**
 * 权责清单: the list in force on a date (default today, the date kept in the URL as `asOf`), by unit,
 * category and keyword, with each item's basis; the office records an approved, dated amendment or
 * removal of a current item.
 */
export default function PowersPage() {
  const { t, lang, colon } = useT();
  const { can } = useAuth();
  const [sp] = useSearchParams();
  const asOf = sp.get('asOf');
  const [changing, setChanging] = useState<{ kind: 'amend' | 'remove'; item: Power } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const c = (k: string) => t(`powers.list.col.${k}`);
  const f = (k: string) => t(`powers.list.f.${k}`);
  // Widths that fit 1440 px, key columns first; long texts (name, basis) cut with an ellipsis, the full text on hover.
  const columns: DataColumn<Power>[] = [
    { key: 'code', title: c('code'), sortable: true, width: 120, render: clip(106) },
    { key: 'name', title: c('name'), sortable: true, width: 230, render: clip(216) },
    { key: 'category', title: c('category'), sortable: true, width: 104, render: (_: string, p) => clip(90)(p.categoryLabel) },
    { key: 'unitName', title: c('unit'), width: 150, render: clip(136) },
    { key: 'basis', title: c('basis'), width: 200, render: clip(186) },
    { key: 'responsibility', title: c('responsibility'), defaultHidden: true, width: 180, render: clip(166) },
    { key: 'effectiveFrom', title: c('effectiveFrom'), sortable: true, width: 112, render: (v: string) => formatDate(v, lang) },
    { key: 'effectiveTo', title: c('effectiveTo'), defaultHidden: true, width: 112, render: (v: string | null) => (v ? formatDate(v, lang) : '—') },
    { key: 'version', title: c('version'), width: 64 },
  ];
  if (can('powers.manage'))
    columns.push({
      key: 'actions', title: c('actions'), width: 112,
      // Only the version in force now can change; a past date shows versions that may since have ended.
      render: (_: unknown, p) => (p.effectiveTo ? '—' : (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => setChanging({ kind: 'amend', item: p })} data-testid={`power-amend-${p.code}`}>{t('powers.list.amendShort')}</Button>
          <Button size="small" type="link" danger onClick={() => setChanging({ kind: 'remove', item: p })} data-testid={`power-remove-${p.code}`}>{t('powers.list.removeShort')}</Button>
        </Space>
      )),
    });
  const approvalFields: ActionField[] = [
    { name: 'approvalRef', label: f('approvalRef'), kind: 'text', required: true },
    { name: 'approvedOn', label: f('approvedOn'), kind: 'date', required: true },
    { name: 'effectiveOn', label: f('effectiveOn'), kind: 'date', required: true },
    { name: 'reason', label: f('reason'), kind: 'textarea' },
  ];
  const item = changing?.item;
  return (
    <>
      <PageTitle title={t('powers.list.title')} />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="powers-as-of"
        message={asOf ? t('powers.list.showingAsOf', { date: formatDate(asOf, lang) }) : t('powers.list.showingToday')} />
      <DataTable<Power> id="powers" url="/api/v1/powers" exportUrl="/api/v1/powers/export" rowKey="id" columns={columns} reloadKey={reloadKey}
        filters={[
          { key: 'asOf', label: t('powers.list.asOf'), type: 'date', width: 200 },
          { key: 'q', label: t('powers.list.q'), type: 'text' },
          { key: 'category', label: t('powers.list.categoryF'), type: 'select', options: Object.entries(POWER_CATEGORIES).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'level', label: t('powers.list.levelF'), type: 'select', options: [{ value: 'department', label: t('powers.list.level.department') }, { value: 'subdistrict', label: t('powers.list.level.subdistrict') }] },
        ]} />
      {changing && item && (
        <ActionModal
          title={`${t(`powers.list.${changing.kind}`)}${colon}${item.code} ${item.name}`}
          url={`/api/v1/powers/${item.id}/${changing.kind}`}
          schema={changing.kind === 'amend' ? AmendPowerInput : RemovePowerInput}
          initial={changing.kind === 'amend' ? { name: item.name, basis: item.basis } : undefined}
          fields={changing.kind === 'amend'
            ? [{ name: 'name', label: c('name'), kind: 'text', required: true }, { name: 'basis', label: c('basis'), kind: 'textarea', required: true }, ...approvalFields]
            : approvalFields}
          onClose={() => setChanging(null)}
          onDone={() => { setChanging(null); setReloadKey((k) => k + 1); }} />
      )}
    </>
  );
}
