import { useState } from 'react';
import { Col, Form, Input, Row, Select, Tabs } from 'antd';
import type { z } from 'zod';
import { CheckupInput, CheckupOut, HELP_CHANNELS, HELP_FORMS, HelpInput, HelpOut, LawyerInput, LawyerOut, MATTER_TYPES, OWNERSHIPS, TeamInput, TeamOut } from '../../../common/legalaid';
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
type Lawyer = z.infer<typeof LawyerOut>;
const lbl = (m: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => (v: string) => m[v]?.[lang] ?? v;

/** 法律帮助（人次）、律师服务团与企业法治体检. */
export default function ServicesPage() {
  const { t, lang, list, paren } = useT();
  const { can, me } = useAuth();
  const [reload, setReload] = useState(0);
  const units = useApi<{ items: Unit[] }>(can('legalaid.write') ? '/api/v1/units' : null);
  const unitOpts = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const roster = useApi<{ items: Lawyer[] }>(can('legalaid.write') ? '/api/v1/legalaid/lawyers' : null, { pageSize: 200 });
  const teamList = useApi<{ items: Team[] }>(can('legalaid.write') ? '/api/v1/legalaid/teams' : null, { pageSize: 200 });
  const done = () => { setReload((k) => k + 1); roster.reload(); teamList.reload(); };
  const lawyers: DataColumn<Lawyer>[] = [
    { key: 'name', title: t('legalaid.services.lawyerName'), sortable: true },
    { key: 'firm', title: t('legalaid.services.firm') },
    { key: 'licenceNo', title: t('legalaid.services.licenceNo'), width: 180 },
    { key: 'practiceSince', title: t('legalaid.services.practiceSince'), sortable: true, width: 130 },
    { key: 'unitName', title: t('legalaid.services.unit') },
  ];
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
    { key: 'lawyers', title: t('legalaid.services.lawyers'), render: (v: string[]) => v.join(list) },
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
                  <Form.Item name="unitId" label={t('legalaid.services.unit')} required><Select showSearch={{ optionFilterProp: 'label' }} options={unitOpts} /></Form.Item>
                </ActionModal>
              )} />
          ),
        },
        {
          key: 'teams', label: t('legalaid.services.teams'), children: (
            <DataTable<Team> id="legalaid-teams" prefix="t" url="/api/v1/legalaid/teams" rowKey="id" columns={teams} reloadKey={reload}
              toolbar={can('legalaid.write') && (
                <ActionModal primary label={t('legalaid.services.formTeam')} schema={TeamInput} url="/api/v1/legalaid/teams" testId="legalaid-team" onDone={done}
                  initialValues={{ unitId: me?.unitId ?? undefined, focus: '' }}>
                  <Row gutter={12}>
                    <Col span={16}><Form.Item name="name" label={t('legalaid.services.name')} required><Input /></Form.Item></Col>
                    <Col span={8}><DateField name="formedOn" label={t('legalaid.services.formedOn')} required /></Col>
                  </Row>
                  <Form.Item name="lawyerIds" label={t('legalaid.services.lawyers')} required>
                    <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(roster.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name}${paren(l.firm)}` }))} />
                  </Form.Item>
                  <Form.Item name="focus" label={t('legalaid.services.focus')}><Input /></Form.Item>
                  <Form.Item name="unitId" label={t('legalaid.services.unit')} required><Select showSearch={{ optionFilterProp: 'label' }} options={unitOpts} /></Form.Item>
                </ActionModal>
              )} />
          ),
        },
        {
          key: 'checkups', label: t('legalaid.services.checkups'), children: (
            <DataTable<Checkup> id="legalaid-checkups" prefix="k" url="/api/v1/legalaid/checkups" rowKey="id" columns={checkups} reloadKey={reload}
              toolbar={can('legalaid.write') && (
                <ActionModal primary label={t('legalaid.services.recordCheckup')} schema={CheckupInput} url="/api/v1/legalaid/checkups" testId="legalaid-checkup" onDone={done} width={720}
                  initialValues={{ ownership: 'private', followUp: '' }}>
                  <Row gutter={12}>
                    <Col span={16}><Form.Item name="teamId" label={t('legalaid.services.team')} required><Select options={(teamList.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} /></Form.Item></Col>
                    <Col span={8}><DateField name="checkedOn" label={t('legalaid.services.checkedOn')} required /></Col>
                  </Row>
                  <Row gutter={12}>
                    <Col span={10}><Form.Item name="enterpriseName" label={t('legalaid.services.enterprise')} required><Input /></Form.Item></Col>
                    <Col span={8}><Form.Item name="creditCode" label={t('legalaid.services.creditCode')} required><Input maxLength={18} /></Form.Item></Col>
                    <Col span={6}><Form.Item name="ownership" label={t('legalaid.services.ownership')} required><Select options={opts(OWNERSHIPS, lang)} /></Form.Item></Col>
                  </Row>
                  <Form.Item name="issuesFound" label={t('legalaid.services.issues')} required><Input.TextArea rows={2} /></Form.Item>
                  <Form.Item name="recommendations" label={t('legalaid.services.recommendations')} required><Input.TextArea rows={2} /></Form.Item>
                  <Form.Item name="followUp" label={t('legalaid.services.followUp')}><Input.TextArea rows={2} /></Form.Item>
                </ActionModal>
              )} />
          ),
        },
        {
          key: 'lawyers', label: t('legalaid.services.roster'), children: (
            <DataTable<Lawyer> id="legalaid-lawyers" prefix="l" url="/api/v1/legalaid/lawyers" rowKey="id" columns={lawyers} reloadKey={reload}
              toolbar={can('legalaid.write') && (
                <ActionModal primary label={t('legalaid.services.registerLawyer')} schema={LawyerInput} url="/api/v1/legalaid/lawyers" testId="legalaid-lawyer" onDone={done}
                  initialValues={{ unitId: me?.unitId ?? undefined }}>
                  <Row gutter={12}>
                    <Col span={8}><Form.Item name="name" label={t('legalaid.services.lawyerName')} required><Input /></Form.Item></Col>
                    <Col span={16}><Form.Item name="firm" label={t('legalaid.services.firm')} required><Input /></Form.Item></Col>
                  </Row>
                  <Row gutter={12}>
                    <Col span={12}><Form.Item name="licenceNo" label={t('legalaid.services.licenceNo')} required><Input maxLength={17} /></Form.Item></Col>
                    <Col span={12}><DateField name="practiceSince" label={t('legalaid.services.practiceSince')} required /></Col>
                  </Row>
                  <Form.Item name="unitId" label={t('legalaid.services.unit')} required><Select showSearch={{ optionFilterProp: 'label' }} options={unitOpts} /></Form.Item>
                </ActionModal>
              )} />
          ),
        },
      ]} />
    </>
  );
}
