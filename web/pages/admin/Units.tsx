import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Card, Col, Row, Tree, Button, Modal, Form, Input, Select, App, Spin } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { UnitInput } from '../../../common/schemas';
import { UNIT_TYPES } from '../../../common/roles';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Region, Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ImportDialog } from '../../components/ImportDialog';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField, RegionSelect, regionTree } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';

/** Unit create/edit dialog on the shared UnitInput schema. */
export function UnitFormModal({ open, unit, regions, defaultRegionId, onClose, onSaved }: { open: boolean; unit: Unit | null; regions: Region[]; defaultRegionId?: string; onClose(): void; onSaved(u: Unit): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(UnitInput);
  return (
    <Modal
      open={open}
      title={unit ? t('adminPages.units.edit') : t('adminPages.units.create')}
      onCancel={onClose}
      onOk={() => sf.form.submit()}
      okButtonProps={{ loading: sf.submitting, 'data-testid': 'unit-save' } as never}
      destroyOnHidden
      width={560}
    >
      <SchemaForm
        sf={sf}
        layout="vertical"
        preserve={false}
        initialValues={unit ? { name: unit.name, shortName: unit.shortName, type: unit.type, regionId: unit.regionId, activeFrom: unit.activeFrom } : { type: 'department', regionId: defaultRegionId }}
        onSubmit={async (v) => {
          const saved = unit ? await api.put<Unit>(`/api/v1/units/${unit.id}`, { ...v, sort: unit.sort }) : await api.post<Unit>('/api/v1/units', v);
          void message.success(unit ? t('adminPages.units.updated') : t('adminPages.units.created'));
          onSaved(saved);
        }}
      >
        <Form.Item name="name" label={t('adminPages.units.name')} required>
          <Input id="unit-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('adminPages.units.shortName')}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="type" label={t('adminPages.units.type')} required>
              <Select options={Object.entries(UNIT_TYPES).map(([k, v]) => ({ value: k, label: v[lang] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <DateField name="activeFrom" label={t('adminPages.units.activeFrom')} />
          </Col>
        </Row>
        <Form.Item name="regionId" label={t('adminPages.units.region')} required>
          <RegionSelect regions={regions} />
        </Form.Item>
      </SchemaForm>
    </Modal>
  );
}

/** 区域与单位: region tree + units table, create/edit, Excel import/export. */
export default function UnitsPage() {
  const { t, lang } = useT();
  const [sp, setSp] = useSearchParams();
  const regionId = sp.get('regionId') ?? undefined;
  const regions = useApi<{ items: Region[] }>('/api/v1/regions');
  const [editing, setEditing] = useState<Unit | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const tree = useMemo(() => regionTree(regions.data?.items ?? []), [regions.data]);
  const typeLabel = (k: string) => UNIT_TYPES[k as keyof typeof UNIT_TYPES]?.[lang] ?? k;

  const columns: DataColumn<Unit>[] = [
    { key: 'name', title: t('adminPages.units.name'), sortable: true, render: (v: string, u) => <Link to={`/admin/units/${u.id}`}>{v}</Link> },
    { key: 'shortName', title: t('adminPages.units.shortName'), render: (v: string | null) => v ?? '—' },
    { key: 'type', title: t('adminPages.units.type'), sortable: true, render: (v: string) => typeLabel(v) },
    { key: 'regionName', title: t('adminPages.units.region'), sortable: true },
    { key: 'activeFrom', title: t('adminPages.units.activeFrom'), sortable: true, render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'actions', title: t('common.actions'), render: (_: unknown, u) => <Button type="link" size="small" onClick={() => setEditing(u)}>{t('common.edit')}</Button> },
  ];

  return (
    <>
      <PageTitle title={t('adminPages.units.title')} />
      <Row gutter={16}>
        <Col span={6}>
          <Card size="small" title={t('adminPages.units.regions')} styles={{ body: { minHeight: 480 } }}>
            {regions.loading ? (
              <Spin />
            ) : (
              <>
                <Button type={regionId ? 'text' : 'link'} size="small" onClick={() => setSp((p) => { p.delete('regionId'); p.delete('page'); return p; })} style={{ paddingLeft: 0 }}>
                  {t('adminPages.units.allRegions')}
                </Button>
                <Tree
                  treeData={tree}
                  defaultExpandAll
                  selectedKeys={regionId ? [regionId] : []}
                  onSelect={(keys) => setSp((p) => { if (keys[0]) p.set('regionId', String(keys[0])); else p.delete('regionId'); p.delete('page'); return p; })}
                  data-testid="region-tree"
                />
              </>
            )}
          </Card>
        </Col>
        <Col span={18}>
          <DataTable<Unit>
            id="units"
            url="/api/v1/units"
            exportUrl="/api/v1/units/export"
            params={{ regionId }}
            rowKey="id"
            columns={columns}
            reloadKey={reloadKey}
            filters={[
              { key: 'q', label: t('adminPages.units.q'), type: 'text' },
              { key: 'type', label: t('adminPages.units.type'), type: 'select', options: Object.entries(UNIT_TYPES).map(([k, v]) => ({ value: k, label: v[lang] })) },
            ]}
            toolbar={
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="unit-create">{t('adminPages.units.create')}</Button>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="unit-import">{t('adminPages.units.import')}</Button>
              </>
            }
          />
        </Col>
      </Row>
      <UnitFormModal
        open={editing !== undefined}
        unit={editing ?? null}
        regions={regions.data?.items ?? []}
        defaultRegionId={regionId}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          setReloadKey((k) => k + 1);
        }}
      />
      <ImportDialog open={importing} url="/api/v1/units/import" title={t('adminPages.units.import')} onClose={() => setImporting(false)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
