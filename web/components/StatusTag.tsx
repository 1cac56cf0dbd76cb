import { Tag } from 'antd';
import { useT } from '../i18n';

/** How one status looks: colour and label key (or a literal label). */
export interface StatusStyle {
  color: string;
  labelKey?: string;
  label?: { zh: string; en: string };
}

/** A module's statuses, e.g. `{ draft: {color:'default', labelKey:'decisions.status.draft'}, … }`. */
export type StatusMap = Record<string, StatusStyle>;

/** The label of a status in the UI language (unknown statuses show their key, never nothing). */
export function statusLabel(map: StatusMap, status: string, t: (k: string) => string, lang: 'zh' | 'en'): string {
  const s = map[status];
  if (!s) return status;
  if (s.label) return s.label[lang];
  return s.labelKey ? t(s.labelKey) : status;
}

/** A coloured tag for a record's status, the same everywhere. */
export function StatusTag({ status, map }: { status: string; map: StatusMap }) {
  const { t, lang } = useT();
  return (
    <Tag color={map[status]?.color ?? 'default'} data-testid="status-tag" data-status={status}>
      {statusLabel(map, status, t, lang)}
    </Tag>
  );
}
