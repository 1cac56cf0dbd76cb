import { useState, type ComponentType } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { CASE_TYPES } from '../../../common/disputes';
import { useT } from '../../i18n';
import { DataTable, type DataColumn, type FilterDef } from '../../components/DataTable';
import { ImportDialog } from '../../components/ImportDialog';
import type { StatusMap } from '../../components/StatusTag';
import { PageTitle } from '../../layout/AppLayout';
import { useTerm, useUnits } from './shared';

/** What a register page says about its records; the table, filters, register and import are shared. */
export interface CaseRegisterProps<T> {
  /** DataTable id (column settings) and test-id prefix (`recon`, `suit`). */
  id: string;
  testId: string;
  title: string;
  /** The list endpoint; its `/export` and `/import` are next to it. */
  url: string;
  /** Where a new record opens: `${detailPath}/${id}`. */
  detailPath: string;
  columns: DataColumn<T>[];
  statusMap: StatusMap;
  /** Label of the unit filter (respondent / defendant). */
  unitLabel: string;
  /** Filters after the status filter, and at the end. */
  filtersAfterStatus?: FilterDef[];
  filtersAtEnd?: FilterDef[];
  canRegister: boolean;
  registerLabel: string;
  importTitle: string;
  /** The registration dialog. */
  RegisterModal: ComponentType<{ open: boolean; onClose(): void; onSaved(r: { id: string }): void }>;
}

/** A disputes register (行政复议 / 行政应诉): the scoped list with its filters, registration and import. */
export function CaseRegister<T extends { id: string }>(p: CaseRegisterProps<T>) {
  const { t, lang } = useT();
  const term = useTerm();
  const navigate = useNavigate();
  const units = useUnits();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const year = new Date().getFullYear();
  const { RegisterModal } = p;
  return (
    <>
      <PageTitle title={p.title} />
      <DataTable<T>
        id={p.id}
        url={p.url}
        exportUrl={`${p.url}/export`}
        rowKey="id"
        columns={p.columns}
        reloadKey={reloadKey}
        filters={[
          { key: 'q', label: t('disputes.common.q'), type: 'text', width: 260 },
          { key: 'status', label: t('disputes.common.status'), type: 'select', width: 150, options: Object.keys(p.statusMap).map((k) => ({ value: k, label: p.statusMap[k].label![lang] })) },
          ...(p.filtersAfterStatus ?? []),
          { key: 'unitId', label: p.unitLabel, type: 'select', width: 200, options: units.agencies },
          { key: 'caseType', label: t('disputes.common.caseType'), type: 'select', width: 150, options: CASE_TYPES.map((c) => ({ value: c, label: term(c) })) },
          { key: 'year', label: t('disputes.common.year'), type: 'select', width: 110, options: Array.from({ length: 8 }, (_, i) => String(year - i)).map((y) => ({ value: y, label: lang === 'zh' ? `${y}年` : y })) },
          ...(p.filtersAtEnd ?? []),
        ]}
        toolbar={
          p.canRegister && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={`${p.testId}-create`}>{p.registerLabel}</Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid={`${p.testId}-import`}>{t('disputes.common.import')}</Button>
            </>
          )
        }
      />
      <RegisterModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(r) => {
          setCreating(false);
          void navigate(`${p.detailPath}/${r.id}`);
        }}
      />
      <ImportDialog open={importing} url={`${p.url}/import`} title={p.importTitle} onClose={() => setImporting(false)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
