import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Space, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ImportDialog } from '../../components/ImportDialog';
import type { z } from 'zod';
import { CASE_SYSTEMS, CaseInput, MAJOR_REASONS, type CaseOut } from '../../../common/enforcement';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { StatusTag } from '../../components/StatusTag';
import { PageTitle } from '../../layout/AppLayout';
import { formatDate } from '../../format';
import { StepForm } from '../decisions/StepForm';
import { CASE_STATUS } from './status';
import { clip } from '../../components/clip';

type Case = z.infer<typeof CaseOut>;

/** 行政执法案件: the unit's ledger for officers, heads and liaisons; the district's for the office. */
export default function CasesPage() {
  const { t, lang, paren } = useT();
  const { can, me } = useAuth();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const units = useApi<{ items: Unit[] }>(creating ? '/api/v1/units' : null);
  const officers = useApi<{ items: { id: string; name: string; unitId: string; certNo: string | null }[] }>(creating ? '/api/v1/enforcement/officers' : null, { pageSize: 200, ...(me?.unitId ? { unitId: me.unitId } : {}) });
  // Widths that fit 1440 px, key columns first: long texts are cut with an ellipsis, the full text on hover
  // (and on the case page).
  const columns: DataColumn<Case>[] = [
    { key: 'caseNo', title: t('enforcement.cases.col.caseNo'), sortable: true, width: 180, render: (v: string, r) => <Link to={`/enforcement/cases/${r.id}`}><Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 165, color: 'inherit' }}>{v}</Typography.Text></Link> },
    { key: 'title', title: t('enforcement.cases.col.title'), render: clip(220) },
    { key: 'unitName', title: t('enforcement.cases.col.unit'), width: 150, render: clip(140) },
    { key: 'systemLabel', title: t('enforcement.cases.col.system'), width: 110, render: clip(100) },
    { key: 'status', title: t('enforcement.cases.col.status'), sortable: true, width: 140, render: (v: string) => <StatusTag status={v} map={CASE_STATUS} /> },
    { key: 'filedOn', title: t('enforcement.cases.col.filedOn'), sortable: true, width: 112, render: (v: string) => formatDate(v, lang) },
    { key: 'decisionDue', title: t('enforcement.cases.col.decisionDue'), width: 112, render: (v: string | null, r) => (r.decidedOn ? '—' : formatDate(v, lang) || '—') },
    { key: 'publishedOn', title: t('enforcement.cases.col.publishedOn'), width: 112, render: (v: string | null) => formatDate(v, lang) || '—' },
    { key: 'partyName', title: t('enforcement.cases.col.party'), defaultHidden: true, width: 140, render: clip(130) },
    { key: 'decidedOn', title: t('enforcement.cases.col.decidedOn'), sortable: true, defaultHidden: true, width: 112, render: (v: string | null) => formatDate(v, lang) || '—' },
  ];
  const officerOpts = (officers.data?.items ?? []).filter((o) => o.certNo).map((o) => ({ value: o.id, label: `${o.name}${paren(o.certNo ?? '')}` }));
  return (
    <>
      <PageTitle title={t('enforcement.cases.title')} />
      <DataTable<Case>
        id="enforcement-cases"
        url="/api/v1/enforcement/cases"
        exportUrl="/api/v1/enforcement/cases/export"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        filters={[
          { key: 'q', label: t('enforcement.cases.q'), type: 'text' },
          { key: 'system', label: t('enforcement.cases.col.system'), type: 'select', options: Object.entries(CASE_SYSTEMS).map(([k, v]) => ({ value: k, label: v[lang] })) },
          { key: 'status', label: t('enforcement.cases.col.status'), type: 'select', options: Object.keys(CASE_STATUS).map((k) => ({ value: k, label: t(`enforcement.status.${k}`) })) },
          { key: 'open', label: t('enforcement.cases.open'), type: 'select', options: [{ value: 'true', label: t('enforcement.cases.openYes') }, { value: 'false', label: t('enforcement.cases.openNo') }] },
        ]}
        toolbar={can('enforcement.fileCase') ? (
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="case-create">{t('enforcement.cases.create')}</Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="case-import">{t('enforcement.cases.import')}</Button>
          </Space>
        ) : undefined}
      />
      {creating && (
        <StepForm open labelPrefix="enforcement.f" title={t('enforcement.cases.create')} url="/api/v1/enforcement/cases" schema={CaseInput}
          initial={{ system: 'penalty', partyKind: 'person', unitId: me?.unitId ?? undefined, majorReasons: [] }}
          fields={[
            { name: 'unitId', label: 'unitId', kind: 'select', options: (units.data?.items ?? []).filter((u) => ['enforcement', 'department', 'subdistrict'].includes(u.type)).map((u) => ({ value: u.id, label: u.name })) },
            { name: 'system', label: 'system', kind: 'select', options: Object.entries(CASE_SYSTEMS).map(([k, v]) => ({ value: k, label: v[lang] })) },
            { name: 'caseNo', label: 'caseNo', kind: 'text', required: true },
            { name: 'title', label: 'title', kind: 'text', required: true },
            { name: 'partyName', label: 'partyName', kind: 'text', required: true },
            { name: 'partyKind', label: 'partyKind', kind: 'select', options: [{ value: 'person', label: t('enforcement.f.person') }, { value: 'organisation', label: t('enforcement.f.organisation') }] },
            { name: 'cause', label: 'cause', kind: 'textarea' },
            { name: 'filedOn', label: 'filedOn', kind: 'date', required: true },
            { name: ['officerIds', 0], label: 'officer1', kind: 'select', options: officerOpts },
            { name: ['officerIds', 1], label: 'officer2', kind: 'select', options: officerOpts },
            { name: ['majorReasons', 0], label: 'majorReasons', kind: 'select', options: Object.entries(MAJOR_REASONS).map(([k, v]) => ({ value: k, label: v[lang] })) },
          ]}
          onClose={() => setCreating(false)} onDone={() => { setCreating(false); setReloadKey((k) => k + 1); }} />
      )}
      <ImportDialog open={importing} url="/api/v1/enforcement/cases/import" title={t('enforcement.cases.import')} onClose={() => setImporting(false)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
