/** Pieces shared by the disputes pages: status maps, the case clock, action dialogs, unit lists. */
import { useState, type ReactNode } from 'react';
import { Button, Modal, Table, Tag, App, Typography } from 'antd';
import type { z } from 'zod';
import { LAWSUIT_STATUSES, RECON_STATUSES } from '../../../common/disputes';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Unit } from '../../api/types';
import type { ClockItem } from '../../../common/disputes-api';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { formatDate } from '../../format';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import type { StatusMap } from '../../components/StatusTag';
import { TERMS_EN } from './i18n';

const RECON_COLORS: Record<string, string> = { received: 'gold', correction: 'orange', accepted: 'blue', suspended: 'purple', closed: 'green', refused: 'default', abandoned: 'default' };
const SUIT_COLORS: Record<string, string> = { defence: 'red', pending: 'blue', judged: 'gold', closed: 'green' };

/** Reconsideration states as tags. */
export const RECON_STATUS_MAP: StatusMap = Object.fromEntries(Object.entries(RECON_STATUSES).map(([k, v]) => [k, { color: RECON_COLORS[k], label: v }]));
/** Lawsuit states as tags. */
export const SUIT_STATUS_MAP: StatusMap = Object.fromEntries(Object.entries(LAWSUIT_STATUSES).map(([k, v]) => [k, { color: SUIT_COLORS[k], label: v }]));

/** Official terms stored as values, as a code table for the history (`codedFields`). */
export const OFFICIAL_TERMS: Readonly<Record<string, { zh: string; en: string }>> = Object.fromEntries(Object.entries(TERMS_EN).map(([zh, en]) => [zh, { zh, en }]));

/** Official terms stored as values (案件类别, 决定类型…): the value in zh, a translation in en. */
export function useTerm() {
  const { lang } = useT();
  return (v: string | null | undefined) => (!v ? '—' : lang === 'zh' ? v : (TERMS_EN[v] ?? v));
}

/** Unit types that can be respondent or defendant. */
export const AGENCY_TYPES = ['department', 'subdistrict', 'enforcement', 'government'];

/** The units the user sees (for pickers and filters). */
export function useUnits() {
  const units = useApi<{ items: Unit[] }>('/api/v1/units');
  const all = units.data?.items ?? [];
  return {
    agencies: all.filter((u) => AGENCY_TYPES.includes(u.type)).map((u) => ({ value: u.id, label: u.name })),
    firms: all.filter((u) => u.type === 'law_firm').map((u) => ({ value: u.id, label: u.name })),
  };
}

/** A stored deadline as the case clock shows it. */
/** A deadline on a case clock (the server's contract). */
export type { ClockItem };

/** The case clock: every deadline with its badge, legal basis and how it was computed. */
export function CaseClock({ items, testId = 'case-clock' }: { items: ClockItem[]; testId?: string }) {
  const { t, lang, colon } = useT();
  return (
    <Table<ClockItem>
      size="small"
      rowKey={(r) => `${r.kind}-${r.title}`}
      pagination={false}
      dataSource={items}
      data-testid={testId}
      locale={{ emptyText: t('disputes.common.noDeadlines') }}
      columns={[
        {
          title: t('disputes.common.kind'),
          dataIndex: 'title',
          width: 170,
          render: (v: string, r) => (
            <span data-kind={r.kind}>
              {r.reference ? v : v.replace(/^.*?：/, '')}
            </span>
          ),
        },
        {
          title: t('disputes.common.due'),
          dataIndex: 'dueDate',
          width: 210,
          render: (_: string, r) =>
            r.status === 'cancelled' ? <Tag>{t('disputes.common.cancelled')}</Tag> : r.reference ? <span className="fz-muted">{formatDate(r.dueDate, lang)}</span> : <DeadlineBadge dueDate={r.dueDate} state={r.state} provisional={r.provisional} basis={r.basis} explain={r.explain} />,
        },
        {
          title: t('disputes.common.basisAndComputation'),
          dataIndex: 'basis',
          render: (v: string, r) => (
            <>
              <Typography.Paragraph style={{ fontSize: 13, margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>{v}</Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 0' }} ellipsis={{ rows: 2, expandable: true }}>{t('disputes.common.computation')}{colon}{r.explain}</Typography.Paragraph>
            </>
          ),
        },
      ]}
    />
  );
}

/**
 * One action on a case: a button that opens a schema-bound form; on success the server's fresh
 * detail replaces the page's. Shown only when the server says the action is allowed.
 */
export function ActionButton<S extends z.ZodType>({
  allowed, label, title, schema, url, method = 'post', initialValues, children, onDone, primary, danger, testId, width = 560, transform,
}: {
  allowed: boolean;
  label: string;
  title?: string;
  schema: S;
  url: string;
  method?: 'post' | 'put';
  initialValues?: Record<string, unknown>;
  children: ReactNode;
  onDone(detail: unknown): void;
  primary?: boolean;
  danger?: boolean;
  testId: string;
  width?: number;
  transform?: (v: z.output<S>) => unknown;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const sf = useSchemaForm(schema);
  if (!allowed) return null;
  return (
    <>
      <Button type={primary ? 'primary' : 'default'} danger={danger} onClick={() => setOpen(true)} data-testid={`action-${testId}`}>{label}</Button>
      <Modal
        open={open}
        title={title ?? label}
        onCancel={() => setOpen(false)}
        onOk={() => sf.form.submit()}
        okText={t('common.submit')}
        okButtonProps={{ loading: sf.submitting, 'data-testid': `submit-${testId}` } as never}
        destroyOnHidden
        width={width}
      >
        <SchemaForm
          sf={sf}
          layout="vertical"
          preserve={false}
          initialValues={initialValues}
          onSubmit={async (v) => {
            const body = transform ? transform(v) : v;
            const d = method === 'put' ? await api.put(url, body) : await api.post(url, body);
            void message.success(t('disputes.common.saved'));
            setOpen(false);
            onDone(d);
          }}
        >
          {children}
        </SchemaForm>
      </Modal>
    </>
  );
}

/** Today as YYYY-MM-DD (Beijing), the default date of an action. */
export { todayStr } from '../../format';
