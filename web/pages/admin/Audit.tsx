import { useApi } from '../../api/useApi';
import { useT } from '../../i18n';
import type { AuditEntry, User } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { DiffTable } from '../../components/RecordDetail';
import { PageTitle } from '../../layout/AppLayout';
import { formatDateTime } from '../../format';
import { Tooltip } from 'antd';
import { actionLabel, entityLabel, recordTitle, ENTITY_LABELS } from '../../../common/labels';

/** 操作日志: filter by actor, entity and time; expand a row for the before/after diff. */
export default function AuditPage() {
  const { t, lang, paren } = useT();
  const users = useApi<{ items: User[] }>('/api/v1/users');
  // Names from the platform's one label table (common/labels.ts); a record by its own title.
  const action = (a: string) => actionLabel(a, lang) ?? a;
  const entity = (e: string) => entityLabel(e, lang) ?? e;
  const columns: DataColumn<AuditEntry>[] = [
    { key: 'at', title: t('adminPages.audit.at'), width: 180, render: (v: string) => formatDateTime(v, lang) },
    { key: 'actor_name', title: t('adminPages.audit.actor'), render: (v: string | null) => v ?? t('adminPages.audit.system') },
    { key: 'action', title: t('adminPages.audit.action'), render: action },
    { key: 'entity', title: t('adminPages.audit.entity'), render: entity },
    {
      key: 'entity_id',
      title: t('adminPages.audit.entityId'),
      ellipsis: true,
      render: (v: string | null, r: AuditEntry) => {
        const title = recordTitle(r.after) ?? recordTitle(r.before);
        if (r.entity === 'session') return '—';
        return v ? <Tooltip title={v}><span>{title ?? <span className="fz-muted">{t('adminPages.audit.untitled')}</span>}</span></Tooltip> : '—';
      },
    },
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
          { key: 'actorId', label: t('adminPages.audit.actor'), type: 'select', width: 200, options: (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}${paren(u.username)}` })) },
          { key: 'entity', label: t('adminPages.audit.entity'), type: 'select', width: 200, options: Object.keys(ENTITY_LABELS).map((k) => ({ value: k, label: entity(k) })) },
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
