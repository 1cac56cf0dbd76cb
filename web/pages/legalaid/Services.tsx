import { useState } from 'react';
import { Col, Form, Input, Row, Select, Tabs } from 'antd';
import type { z } from 'zod';
import { CheckupOut, HELP_CHANNELS, HELP_FORMS, HelpInput, HelpOut, MATTER_TYPES, OWNERSHIPS, TeamOut } from '../../../common/legalaid';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { DateField } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';
import { ActionModal } from './ActionModal';
import { opts } from './Cases';

type Help = z.infer<typeof HelpOut>;
type Team = z.infer<typeof TeamOut>;
type Checkup = z.infer<typeof CheckupOut>;
const lbl = (m: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => (v: string) => m[v]?.[lang] ?? v;

/** 法律帮助（人次）、律师服务团与企业法治体检. */
export default function ServicesPage() {
  const { t, lang } = useT();
  const { can, me } = useAuth();
  const [reload, setReload] = useState(0);
  const units = useApi<{ items: Unit[] }>(can('legalaid.write') ? '/api/v1/units' : null);
  const help: DataColumn<Help>[] = [
    { key: 'servedOn', title: t('legalaid.services.servedOn'), sortable: true, width: 110 },
    { key: 'channel', title: t('legalaid.services.channel'), render: lbl(HELP_CHANNELS, lang) },
    { key: 'form', title: t('legalaid.services.form'), render: lbl(HELP_FORMS, lang) },
    { key: 'matterType', title: t('legalaid.services.matterType'), render: lbl(MATTER_TYPES, lang) },
    { key: 'personName', title: t('legalaid.services.personName'), render: (v: string | null) => v ?? '—' },
    { key: 'summary', title: t('legalaid.services.summary') },
    { key: 'unitName', title: t('legalaid.services.unit') },
  ];
  const teams: DataColumn<Team>[] = [
    { key: 'name', title: t('legalaid.services.name'), sortable: true },
    { key: 'formedOn', title: t('legalaid.services.formedOn'), sortable: true, width: 110 },
    { key: 'lawyers', title: t('legalaid.services.lawyers'), render: (v: string[]) => v.join('、') },
    { key: 'checkups', title: t('legalaid.services.checkupCount') },
  ];
  const checkups: DataColumn<Checkup>[] = [
    { key: 'checkedOn', title: t('legalaid.services.checkedOn'), sortable: true, width: 110 },
    { key: 'enterpriseName', title: t('legalaid.services.enterprise') },
    { key: 'ownership', title: t('legalaid.services.ownership'), render: lbl(OWNERSHIPS, lang) },
    { key: 'teamName', title: t('legalaid.services.teams') },
    { key: 'issuesFound', title: t('legalaid.services.issues'), ellipsis: true },
    { key: 'recommendations', title: t('legalaid.services.recommendations'), ellipsis: true },
  ];
  return (
    <>
      <PageTitle title={t('legalaid.nav.services')} />
      <Tabs items={[
        {
          key: 'help', label: t('legalaid.services.help'), children: (
            <DataTable<Help> id="legalaid-help" prefix="h" url="/api/v1/legalaid/help" rowKey="id" columns={help} reloadKey={reload}
              filters={[{ key: 'channel', label: t('legalaid.services.channel'), type: 'select', options: opts(HELP_CHANNELS, lang) }]}
              toolbar={can('legalaid.write') && (
                <ActionModal primary label={t('legalaid.services.record')} schema={HelpInput} url="/api/v1/legalaid/help" testId="legalaid-help" onDone={() => setReload((k) => k + 1)}
                  initialValues={{ unitId: me?.unitId ?? undefined, channel: 'window', form: 'consultation', matterType: 'labour' }}>
                  <Row gutter={12}>
                    <Col span={8}><DateField name="servedOn" label={t('legalaid.services.servedOn')} required /></Col>
                    <Col span={8}><Form.Item name="channel" label={t('legalaid.services.channel')} required><Select options={opts(HELP_CHANNELS, lang)} /></Form.Item></Col>
                    <Col span={8}><Form.Item name="form" label={t('legalaid.services.form')} required><Select options={opts(HELP_FORMS, lang)} /></Form.Item></Col>
                  </Row>
                  <Row gutter={12}>
                    <Col span={12}><Form.Item name="matterType" label={t('legalaid.services.matterType')} required><Select options={opts(MATTER_TYPES, lang)} /></Form.Item></Col>
                    <Col span={12}><Form.Item name="personName" label={t('legalaid.services.personName')}><Input /></Form.Item></Col>
                  </Row>
                  <Form.Item name="summary" label={t('legalaid.services.summary')} required><Input.TextArea rows={2} /></Form.Item>
                  <Form.Item name="unitId" label={t('legalaid.services.unit')} required><Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
                </ActionModal>
              )} />
          ),
        },
        { key: 'teams', label: t('legalaid.services.teams'), children: <DataTable<Team> id="legalaid-teams" prefix="t" url="/api/v1/legalaid/teams" rowKey="id" columns={teams} /> },
        { key: 'checkups', label: t('legalaid.services.checkups'), children: <DataTable<Checkup> id="legalaid-checkups" prefix="k" url="/api/v1/legalaid/checkups" rowKey="id" columns={checkups} /> },
      ]} />
    </>
  );
}
