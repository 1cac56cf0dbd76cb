import { useApi } from '../../api/useApi';
import { useT } from '../../i18n';
import type { AuditEntry, User } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { DiffTable } from '../../components/RecordDetail';
import { PageTitle } from '../../layout/AppLayout';
import { formatDateTime } from '../../format';
import { adminZh } from './i18n';

/** 操作日志: filter by actor, entity and time; expand a row for the before/after diff. */
export default function AuditPage() {
  const { t, lang } = useT();
  const users = useApi<{ items: User[] }>('/api/v1/users');
  const action = (a: string) => t(`adminPages.audit.actions.${a}`, { defaultValue: a });
  const entity = (e: string) => t(`adminPages.audit.entities.${e}`, { defaultValue: e });
  const columns: DataColumn<AuditEntry>[] = [
    { key: 'at', title: t('adminPages.audit.at'), width: 180, render: (v: string) => formatDateTime(v, lang) },
    { key: 'actor_name', title: t('adminPages.audit.actor'), render: (v: string | null) => v ?? t('adminPages.audit.system') },
    { key: 'action', title: t('adminPages.audit.action'), render: action },
    { key: 'entity', title: t('adminPages.audit.entity'), render: entity },
    { key: 'entity_id', title: t('adminPages.audit.entityId'), render: (v: string | null) => <span className="fz-muted" style={{ fontFamily: 'monospace', fontSize: 12 }}>{v ?? '—'}</span> },
    { key: 'ip', title: t('adminPages.audit.ip'), defaultHidden: true },
  ];
  return (
    <>
      <PageTitle title={t('adminPages.audit.title')} />
      <DataTable<AuditEntry>
        id="audit"
        url="/api/v1/audit"
        rowKey="seq"
        columns={columns}
        filters={[
          { key: 'actorId', label: t('adminPages.audit.actor'), type: 'select', width: 200, options: (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })) },
          { key: 'entity', label: t('adminPages.audit.entity'), type: 'select', options: Object.keys(adminZh.audit.entities).map((k) => ({ value: k, label: entity(k) })) },
          { key: 'from', toKey: 'to', label: t('adminPages.audit.range'), type: 'dateRange' },
        ]}
        expandable={{
          expandedRowRender: (r) => <DiffTable before={r.before} after={r.after} />,
          rowExpandable: (r) => r.before !== null || r.after !== null,
        }}
      />
    </>
  );
}
