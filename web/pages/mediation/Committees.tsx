import { useState } from 'react';
import { Col, Form, Input, Radio, Row, Select, Tabs } from 'antd';
import type { z } from 'zod';
import { COMMITTEE_KINDS, CommitteeInput, CommitteeOut, MediatorInput, MediatorOut } from '../../../common/mediation';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { DateField } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';
import { ActionModal } from '../legalaid/ActionModal';
import { opts } from '../legalaid/Cases';

type Committee = z.infer<typeof CommitteeOut>;
type Mediator = z.infer<typeof MediatorOut>;

/** 人民调解组织: committees of the subdistricts, villages/communities and industries, and their mediators. */
export default function CommitteesPage() {
  const { t, lang } = useT();
  const { can, me } = useAuth();
  const [reload, setReload] = useState(0);
  const units = useApi<{ items: Unit[] }>(can('mediation.write') ? '/api/v1/units' : null);
  const committees = useApi<{ items: Committee[] }>(can('mediation.write') ? '/api/v1/mediation/committees' : null, { pageSize: 200 });
  const done = () => { setReload((k) => k + 1); committees.reload(); };
  const columns: DataColumn<Committee>[] = [
    { key: 'name', title: t('mediation.committees.name'), sortable: true },
    { key: 'kind', title: t('mediation.committees.kind'), sortable: true, render: (v: keyof typeof COMMITTEE_KINDS) => COMMITTEE_KINDS[v][lang] },
    { key: 'regionName', title: t('mediation.committees.region'), width: 110 },
    { key: 'unitName', title: t('mediation.committees.unit') },
    { key: 'establishedOn', title: t('mediation.committees.establishedOn'), width: 110 },
    { key: 'mediators', title: t('mediation.committees.mediators'), width: 90 },
    { key: 'disputes', title: t('mediation.committees.disputes'), width: 100 },
  ];
  const mediatorColumns: DataColumn<Mediator>[] = [
    { key: 'name', title: t('mediation.committees.mediatorName'), sortable: true },
    { key: 'committeeName', title: t('mediation.committees.committee') },
    { key: 'fullTime', title: t('mediation.committees.fullTime'), render: (v: boolean) => (v ? t('mediation.committees.fullTimeYes') : t('mediation.committees.fullTimeNo')) },
  ];
  return (
    <>
      <PageTitle title={t('mediation.committees.title')} />
      <Tabs items={[
        {
          key: 'committees', label: t('mediation.committees.title'), children: (
            <DataTable<Committee> id="mediation-committees" url="/api/v1/mediation/committees" rowKey="id" columns={columns} reloadKey={reload}
              toolbar={can('mediation.write') && (
                <ActionModal primary label={t('mediation.committees.setUp')} schema={CommitteeInput} url="/api/v1/mediation/committees" testId="mediation-committee" onDone={done}
                  initialValues={{ unitId: me?.unitId ?? undefined, kind: 'community' }}>
                  <Form.Item name="name" label={t('mediation.committees.name')} required><Input /></Form.Item>
                  <Row gutter={12}>
                    <Col span={14}><Form.Item name="kind" label={t('mediation.committees.kind')} required><Select options={opts(COMMITTEE_KINDS, lang)} /></Form.Item></Col>
                    <Col span={10}><DateField name="establishedOn" label={t('mediation.committees.establishedOn')} required /></Col>
                  </Row>
                  <Form.Item name="unitId" label={t('mediation.committees.unit')} required>
                    <Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
                  </Form.Item>
                </ActionModal>
              )} />
          ),
        },
        {
          key: 'mediators', label: t('mediation.committees.list'), children: (
            <DataTable<Mediator> id="mediation-mediators" prefix="m" url="/api/v1/mediation/mediators" rowKey="id" columns={mediatorColumns} reloadKey={reload}
              toolbar={can('mediation.write') && (
                <ActionModal primary label={t('mediation.committees.appoint')} schema={MediatorInput} url="/api/v1/mediation/mediators" testId="mediation-mediator" onDone={done}
                  initialValues={{ fullTime: false }}>
                  <Form.Item name="committeeId" label={t('mediation.committees.committee')} required>
                    <Select showSearch={{ optionFilterProp: 'label' }} options={(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col span={12}><Form.Item name="name" label={t('mediation.committees.mediatorName')} required><Input /></Form.Item></Col>
                    <Col span={12}>
                      <Form.Item name="fullTime" label={t('mediation.committees.fullTime')} required>
                        <Radio.Group options={[{ value: true, label: t('mediation.committees.fullTimeYes') }, { value: false, label: t('mediation.committees.fullTimeNo') }]} />
                      </Form.Item>
                    </Col>
                  </Row>
                </ActionModal>
              )} />
          ),
        },
      ]} />
    </>
  );
}
