import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Descriptions, Button, Spin } from 'antd';
import { UNIT_TYPES } from '../../../common/roles';
import { useT } from '../../i18n';
import { useApi } from '../../api/useApi';
import type { Region, Unit } from '../../api/types';
import { RecordDetail } from '../../components/RecordDetail';
import { NotFoundPage } from '../errors/ErrorPages';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { UnitFormModal } from './Units';

/** 单位详情: the unit, its history and attachments (the RecordDetail example). */
export default function UnitDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useT();
  const unit = useApi<Unit>(`/api/v1/units/${id}`);
  const regions = useApi<{ items: Region[] }>('/api/v1/regions');
  const [editing, setEditing] = useState(false);
  if (unit.error) return <NotFoundPage message={unit.error.message} />;
  if (!unit.data) return <Spin />;
  const u = unit.data;
  const region = regions.data?.items.find((r) => r.id === u.regionId);
  const action = (a: string) => t(`adminPages.audit.actions.${a}`, { defaultValue: a });
  return (
    <>
      <PageTitle title={u.name} />
      <RecordDetail
        entity="unit"
        id={u.id}
        title={t('adminPages.unit.basic')}
        actionLabel={action}
        fieldLabel={(f) => ({ name: t('adminPages.units.name'), short_name: t('adminPages.units.shortName'), type: t('adminPages.units.type'), active_from: t('adminPages.units.activeFrom'), active_to: t('adminPages.units.activeTo'), sort: t('adminPages.units.sort') })[f]}
        extra={<Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      >
        <Descriptions column={2} bordered size="middle" data-testid="unit-descriptions">
          <Descriptions.Item label={t('adminPages.units.name')} span={2}>{u.name}</Descriptions.Item>
          <Descriptions.Item label={t('adminPages.units.shortName')}>{u.shortName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('adminPages.units.type')}>{UNIT_TYPES[u.type as keyof typeof UNIT_TYPES]?.[lang] ?? u.type}</Descriptions.Item>
          <Descriptions.Item label={t('adminPages.units.region')}>{region?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('adminPages.units.activeFrom')}>{formatDate(u.activeFrom, lang) || '—'}</Descriptions.Item>
        </Descriptions>
      </RecordDetail>
      <UnitFormModal open={editing} unit={u} regions={regions.data?.items ?? []} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); unit.reload(); }} />
    </>
  );
}
