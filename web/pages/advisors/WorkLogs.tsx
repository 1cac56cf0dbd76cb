import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { LITIGATION_ROLES, WORK_KINDS, WorkLogInput, type WorkLogOut } from '../../../common/advisors';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ImportDialog } from '../../components/ImportDialog';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { StepForm } from '../decisions/StepForm';

type WorkLog = WorkLogOut;

/** 法律顾问工作日志: work of the advisors, incl. litigation representation (案号、法院、代理身份); Excel in and out. */
export default function WorkLogsPage() {
  const { t, lang, comma, paren } = useT();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const units = useApi<{ items: Unit[] }>(creating ? '/api/v1/units' : null);
  // The lawsuit represented is picked from the 行政应诉 records (its case number and court come from it); typing stays for those who do not read them.
  const suits = useApi<{ items: { id: string; caseNo: string; courtName: string; plaintiffName: string }[] }>(creating && can('disputes.view') ? '/api/v1/disputes/lawsuits?pageSize=200' : null);
  const f = (k: string) => t(`advisors.f.${k}`);
  const writer = can('advisors.manage') || can('advisors.inbox');
  const columns: DataColumn<WorkLog>[] = [
    { key: 'workDate', title: f('workDate'), sortable: true, render: (v: string) => formatDate(v, lang) },
    { key: 'kind', title: f('kind'), sortable: true, render: (v: string) => t(`advisors.kind.${v}`) },
    { key: 'title', title: f('title') },
    { key: 'firmName', title: f('firmId'), sortable: true },
    { key: 'clientName', title: f('clientUnitId'), render: (v: string | null) => v ?? '—' },
    { key: 'caseRef', title: f('caseRef'), render: (v: string | null) => v ?? '—' },
    { key: 'court', title: f('court'), defaultHidden: true },
    { key: 'role', title: f('role'), defaultHidden: true, render: (v: string | null) => (v ? t(`advisors.role.${v}`) : '—') },
  ];
  const all = units.data?.items ?? [];
  return (
    <>
      <PageTitle title={t('advisors.worklogs.title')} />
      <DataTable<WorkLog> id="advisor-worklogs" url="/api/v1/advisors/worklogs" exportUrl="/api/v1/advisors/worklogs/export" rowKey="id" columns={columns} reloadKey={reloadKey}
        filters={[
          { key: 'q', label: f('title'), type: 'text' },
          { key: 'kind', label: f('kind'), type: 'select', options: Object.entries(WORK_KINDS).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'year', label: f('year'), type: 'select', width: 120, options: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => ({ value: String(y), label: String(y) })) },
        ]}
        toolbar={writer ? (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('advisors.worklogs.create')}</Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>{t('advisors.worklogs.import')}</Button>
          </>
        ) : undefined} />
      {creating && (
        <StepForm open labelPrefix="advisors.f" title={t('advisors.worklogs.create')} url="/api/v1/advisors/worklogs"
          schema={z.preprocess((v) => { const o = v as { hours?: unknown }; return { ...(v as object), hours: o.hours === undefined || o.hours === null || o.hours === '' ? undefined : Number(o.hours) }; }, WorkLogInput)}
          initial={{ kind: 'litigation' }}
          fields={[
            { name: 'firmId', label: 'firmId', kind: 'select', options: all.filter((u) => u.type === 'law_firm').map((u) => ({ value: u.id, label: u.name })) },
            { name: 'kind', label: 'kind', kind: 'select', options: Object.entries(WORK_KINDS).map(([k, v]) => ({ value: k, label: v[lang] })) },
            { name: 'workDate', label: 'workDate', kind: 'date', required: true },
            { name: 'title', label: 'title', kind: 'text', required: true },
            { name: 'clientUnitId', label: 'clientUnitId', kind: 'select', options: all.filter((u) => u.type !== 'law_firm').map((u) => ({ value: u.id, label: u.name })) },
            ...(suits.data?.items.length ? [{ name: 'lawsuitId', label: 'lawsuitId', kind: 'select' as const, options: suits.data.items.map((x) => ({ value: x.id, label: `${x.caseNo}${paren(`${x.courtName}${comma}${x.plaintiffName}`)}` })) }] : []),
            { name: 'caseRef', label: 'caseRef', kind: 'text' },
            { name: 'court', label: 'court', kind: 'text' },
            { name: 'role', label: 'role', kind: 'select', options: Object.entries(LITIGATION_ROLES).map(([k, v]) => ({ value: k, label: v[lang] })) },
            { name: 'hours', label: 'hours', kind: 'text' },
            { name: 'description', label: 'description', kind: 'textarea' },
          ]}
          onClose={() => setCreating(false)} onDone={() => { setCreating(false); setReloadKey((k) => k + 1); }} />
      )}
      <ImportDialog open={importing} url="/api/v1/advisors/worklogs/import" title={t('advisors.worklogs.import')} onClose={() => setImporting(false)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
