import { Tag, Tooltip, Space } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { daysBetween, formatDate, punct, todayStr, type Lang } from '../format';
import type { DeadlineState } from '../api/types';

/** Days before the due date at which a deadline shows as due soon (same as the server's DUE_SOON_DAYS). */
export const DUE_SOON_DAYS = 3;

/** A deadline's state relative to today (same rule as the server's `deadlineState`). */
export function deadlineState(due: string, done = false, today = todayStr()): DeadlineState {
  if (done) return 'done';
  if (due < today) return 'overdue';
  if (daysBetween(today, due) <= DUE_SOON_DAYS) return 'due_soon';
  return 'open';
}

const COLORS: Record<DeadlineState, string> = { overdue: 'red', due_soon: 'orange', open: 'blue', done: 'green' };

/** The words on the badge: state and distance (`已逾期 · 逾期 2 天`). */
export function deadlineText(due: string, state: DeadlineState, t: (k: string, o?: Record<string, unknown>) => string, today = todayStr()): string {
  const d = daysBetween(today, due);
  if (state === 'done') return t('deadline.done');
  if (state === 'overdue') return `${t('deadline.overdue')} · ${t('deadline.daysOver', { count: -d })}`;
  if (d === 0) return t('deadline.today');
  return `${t(`deadline.${state}`)} · ${t('deadline.daysLeft', { count: d })}`;
}

/** Props of the badge: the stored deadline as the server gives it. */
export interface DeadlineBadgeProps {
  dueDate: string;
  /** State from the server; computed from today when absent. */
  state?: DeadlineState;
  provisional?: boolean;
  /** Legal basis (article cited). */
  basis?: string;
  /** How the date was computed (in the UI language). */
  explain?: string;
  /** Show the due date next to the state. */
  showDate?: boolean;
  /** Overrides "today" (tests). */
  today?: string;
  lang?: Lang;
}

/**
 * Due soon / overdue / provisional, with the computed date; hovering explains the legal basis and
 * the computation (working days across holidays and 调休).
 */
export function DeadlineBadge(p: DeadlineBadgeProps) {
  const { t, lang: uiLang } = useT();
  const lang = p.lang ?? uiLang;
  const state = p.state ?? deadlineState(p.dueDate, false, p.today);
  const { colon } = punct(lang);
  const tip = (
    <div style={{ maxWidth: 360, lineHeight: 1.7 }}>
      <div>{t('deadline.due')}{colon}{formatDate(p.dueDate, lang)}</div>
      {p.basis && <div>{t('deadline.basis')}{colon}{p.basis}</div>}
      {p.explain && <div>{t('deadline.computation')}{colon}{p.explain}</div>}
      {p.provisional && <div>{t('deadline.provisionalHint')}</div>}
    </div>
  );
  return (
    <Tooltip title={tip}>
      <Space size={4} wrap data-testid="deadline-badge" data-state={state}>
        {p.showDate !== false && <span style={{ whiteSpace: 'nowrap' }}>{formatDate(p.dueDate, lang)}</span>}
        <Tag color={COLORS[state]} icon={state === 'overdue' ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
          {deadlineText(p.dueDate, state, t, p.today)}
        </Tag>
        {p.provisional && (
          <Tag color="default" icon={<QuestionCircleOutlined />} style={{ marginInlineEnd: 0 }}>
            {t('deadline.provisional')}
          </Tag>
        )}
      </Space>
    </Tooltip>
  );
}
