import { clip } from '../../components/clip';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import {
  ApplicationInput, CASE_TYPES, CaseDetailOut, CaseOut, MANDATORY_CATEGORIES, NOTIFYING_ORGANS, NotificationInput, ORIGINS, SERVICE_FORMS,
} from '../../../common/legalaid';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { StatusTag, type StatusMap } from '../../components/StatusTag';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { DateField } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';
import { ImportDialog } from '../../components/ImportDialog';
import { ActionModal } from './ActionModal';
import { MonthlyExport } from './MonthlyExport';

type Case = z.infer<typeof CaseOut>;
/** Status colours of a legal aid case. */
export const CASE_STATUS: StatusMap = {
  received: { color: 'gold', labelKey: 'legalaid.status.received' }, refused: { color: 'default', labelKey: 'legalaid.status.refused' },
  objected: { color: 'orange', labelKey: 'legalaid.status.objected' }, granted: { color: 'blue', labelKey: 'legalaid.status.granted' },
  assigned: { color: 'processing', labelKey: 'legalaid.status.assigned' }, closed: { color: 'green', labelKey: 'legalaid.status.closed' },
};
/** Options of a zh/en label map. */
export const opts = (m: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => Object.entries(m).map(([value, l]) => ({ value, label: l[lang] }));

/** 法律援助案件: the list, and intake of applications and notifications at the window. */
export default function CasesPage() {
  const { t, lang, paren } = useT();
  const { can, me } = useAuth();
  const nav = useNavigate();
  const [importing, setImporting] = useState(false);
  const [reload, setReload] = useState(0);
  const units = useApi<{ items: Unit[] }>(can('legalaid.write') ? '/api/v1/units' : null);
  const unitOpts = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const open = (r: z.infer<typeof CaseDetailOut>) => nav(`/legalaid/cases/${r.case.id}`);
  // Key columns first (number, person, dates, status, the running time limit); widths that sum to 1080 px, inside
  // the 1440 px page's area (≈1128 px); long texts cut with an ellipsis and the full text on hover.
  const columns: DataColumn<Case>[] = [
    { key: 'caseNo', title: t('legalaid.list.caseNo'), sortable: true, width: 100, render: (v: string, c) => <Link to={`/legalaid/cases/${c.id}`} style={{ whiteSpace: 'nowrap' }}>{v}</Link> },
    { key: 'personName', title: t('legalaid.list.person'), width: 80, render: clip(72) },
    { key: 'receivedOn', title: t('legalaid.list.receivedOn'), sortable: true, width: 104, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    { key: 'status', title: t('legalaid.list.status'), sortable: true, width: 150, render: (v: string) => <StatusTag status={v} map={CASE_STATUS} /> },
    {
      key: 'due', title: t('legalaid.list.due'), width: 236, render: (_: unknown, c) => {
        const d = c.status === 'received' ? c.decisionDue : c.status === 'granted' ? c.assignmentDue : null;
        return d ? <span style={{ whiteSpace: 'nowrap' }}><DeadlineBadge dueDate={d} showDate /></span> : '—';
      },
    },
    { key: 'caseType', title: t('legalaid.list.caseType'), width: 90, render: (v: keyof typeof CASE_TYPES) => clip(82)(CASE_TYPES[v][lang]) },
    { key: 'origin', title: t('legalaid.list.origin'), width: 120, render: (v: keyof typeof ORIGINS, c) => clip(112)(c.notifyingOrganName ? `${ORIGINS[v][lang]}${paren(c.notifyingOrganName)}` : ORIGINS[v][lang]) },
    { key: 'matter', title: t('legalaid.form.matter'), width: 120, render: clip(112) },
    { key: 'lawyerName', title: t('legalaid.list.lawyer'), width: 80, render: clip(72) },
  ];
  const person = (
    <>
      <Row gutter={12}>
        <Col span={8}><Form.Item name="personName" label={t('legalaid.form.personName')} required><Input autoFocus /></Form.Item></Col>
        <Col span={10}><Form.Item name="idNumber" label={t('legalaid.form.idNumber')}><Input maxLength={18} /></Form.Item></Col>
        <Col span={6}><Form.Item name="phone" label={t('legalaid.form.phone')}><Input /></Form.Item></Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}><Form.Item name="caseType" label={t('legalaid.form.caseType')} required><Select options={opts(CASE_TYPES, lang)} /></Form.Item></Col>
        <Col span={16}><Form.Item name="serviceForm" label={t('legalaid.form.serviceForm')} required><Select options={opts(SERVICE_FORMS, lang)} /></Form.Item></Col>
      </Row>
      <Form.Item name="matter" label={t('legalaid.form.matter')} required><Input.TextArea rows={2} /></Form.Item>
      <Form.Item name="unitId" label={t('legalaid.form.unit')} required><Select showSearch={{ optionFilterProp: 'label' }} options={unitOpts} /></Form.Item>
    </>
  );
  return (
    <>
      <PageTitle title={t('legalaid.list.title')} />
      <DataTable<Case>
        id="legalaid-cases"
        url="/api/v1/legalaid/cases"
        exportUrl="/api/v1/legalaid/cases/export"
        reloadKey={reload}
        rowKey="id"
        columns={columns}
        filters={[
          { key: 'q', label: t('legalaid.list.q'), type: 'text' },
          { key: 'status', label: t('legalaid.list.status'), type: 'select', options: Object.keys(CASE_STATUS).map((s) => ({ value: s, label: t(`legalaid.status.${s}`) })) },
          { key: 'caseType', label: t('legalaid.list.caseType'), type: 'select', options: opts(CASE_TYPES, lang) },
          { key: 'origin', label: t('legalaid.list.origin'), type: 'select', options: opts(ORIGINS, lang) },
        ]}
        toolbar={(
          <Space>
            <MonthlyExport url="/api/v1/legalaid/stats/monthly" testId="legalaid-monthly" />
            {can('legalaid.write') && (<>
            <ActionModal primary label={t('legalaid.list.apply')} schema={ApplicationInput} url="/api/v1/legalaid/cases/applications" testId="legalaid-apply" width={720}
              initialValues={{ unitId: me?.unitId ?? undefined, caseType: 'civil', serviceForm: 'litigation' }} onDone={open}>
              {person}
              <DateField name="receivedOn" label={t('legalaid.form.receivedOn')} required />
            </ActionModal>
            <ActionModal label={t('legalaid.list.notify')} schema={NotificationInput} url="/api/v1/legalaid/cases/notifications" testId="legalaid-notify" width={720}
              initialValues={{ unitId: me?.unitId ?? undefined, caseType: 'criminal', serviceForm: 'criminal_defence', notifyingOrgan: 'police' }} onDone={open}>
              <Row gutter={12}>
                <Col span={8}><Form.Item name="notifyingOrgan" label={t('legalaid.form.notifyingOrgan')} required><Select options={opts(NOTIFYING_ORGANS, lang)} /></Form.Item></Col>
                <Col span={16}><Form.Item name="notifyingOrganName" label={t('legalaid.form.notifyingOrganName')} required><Input /></Form.Item></Col>
              </Row>
              <Row gutter={12}>
                <Col span={16}><Form.Item name="mandatoryCategory" label={t('legalaid.form.mandatoryCategory')} required><Select options={opts(MANDATORY_CATEGORIES, lang)} /></Form.Item></Col>
                <Col span={8}><DateField name="notifiedOn" label={t('legalaid.form.notifiedOn')} required /></Col>
              </Row>
              {person}
            </ActionModal>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="legalaid-import">{t('legalaid.list.import')}</Button>
            </>)}
          </Space>
        )}
      />
      <ImportDialog open={importing} url="/api/v1/legalaid/cases/import" title={t('legalaid.list.import')} onClose={() => setImporting(false)} onDone={() => setReload((k) => k + 1)} />
    </>
  );
}
