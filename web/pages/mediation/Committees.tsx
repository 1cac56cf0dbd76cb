import type { z } from 'zod';
import { COMMITTEE_KINDS, CommitteeOut } from '../../../common/mediation';
import { useT } from '../../i18n';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageTitle } from '../../layout/AppLayout';

type Committee = z.infer<typeof CommitteeOut>;

/** 人民调解组织: committees of the subdistricts, villages/communities and industries, with mediators. */
export default function CommitteesPage() {
  const { t, lang } = useT();
  const columns: DataColumn<Committee>[] = [
    { key: 'name', title: t('mediation.committees.name'), sortable: true },
    { key: 'kind', title: t('mediation.committees.kind'), sortable: true, render: (v: keyof typeof COMMITTEE_KINDS) => COMMITTEE_KINDS[v][lang] },
    { key: 'regionName', title: t('mediation.committees.region') },
    { key: 'unitName', title: t('mediation.committees.unit') },
    { key: 'establishedOn', title: t('mediation.committees.establishedOn'), width: 110 },
    { key: 'mediators', title: t('mediation.committees.mediators') },
    { key: 'disputes', title: t('mediation.committees.disputes') },
  ];
  return (
    <>
      <PageTitle title={t('mediation.committees.title')} />
      <DataTable<Committee> id="mediation-committees" url="/api/v1/mediation/committees" rowKey="id" columns={columns} />
    </>
  );
}
