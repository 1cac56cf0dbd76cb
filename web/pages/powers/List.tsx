import type { z } from 'zod';
import { POWER_CATEGORIES, type PowerOut } from '../../../common/powers';
import { useT } from '../../i18n';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';

type Power = z.infer<typeof PowerOut>;

/** 权责清单: the list in force on a date (default today), by unit, category and keyword, with each item's basis. */
export default function PowersPage() {
  const { t, lang } = useT();
  const c = (k: string) => t(`powers.list.col.${k}`);
  const columns: DataColumn<Power>[] = [
    { key: 'code', title: c('code'), sortable: true },
    { key: 'name', title: c('name'), sortable: true },
    { key: 'category', title: c('category'), sortable: true, render: (_: string, p) => p.categoryLabel },
    { key: 'unitName', title: c('unit') },
    { key: 'basis', title: c('basis') },
    { key: 'responsibility', title: c('responsibility'), defaultHidden: true },
    { key: 'effectiveFrom', title: c('effectiveFrom'), sortable: true, render: (v: string) => formatDate(v, lang) },
    { key: 'version', title: c('version') },
  ];
  return (
    <>
      <PageTitle title={t('powers.list.title')} />
      <DataTable<Power> id="powers" url="/api/v1/powers" exportUrl="/api/v1/powers/export" rowKey="id" columns={columns}
        filters={[
          { key: 'q', label: t('powers.list.q'), type: 'text' },
          { key: 'category', label: t('powers.list.categoryF'), type: 'select', options: Object.entries(POWER_CATEGORIES).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'level', label: t('powers.list.levelF'), type: 'select', options: [{ value: 'department', label: t('powers.list.level.department') }, { value: 'subdistrict', label: t('powers.list.level.subdistrict') }] },
          { key: 'asOf', label: t('powers.list.asOf'), type: 'date' },
        ]} />
    </>
  );
}
