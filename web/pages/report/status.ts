import type { StatusMap } from '../../components/StatusTag';
import type { WarningKind } from '../../../common/report';

/** How report statuses look (草稿 → 审核 → 保密审查 → 已报送 → 已公开). */
export const REPORT_STATUS: StatusMap = {
  draft: { color: 'default', labelKey: 'report.status.draft' },
  review: { color: 'processing', labelKey: 'report.status.review' },
  secrecy: { color: 'purple', labelKey: 'report.status.secrecy' },
  submitted: { color: 'orange', labelKey: 'report.status.submitted' },
  published: { color: 'success', labelKey: 'report.status.published' },
};

/** Colour of each warning kind. */
export const WARNING_COLOR: Record<WarningKind, string> = {
  contradiction: 'red',
  changed_since_submission: 'volcano',
  changed_since_review: 'orange',
  no_data: 'gold',
  zero: 'orange',
  unconfirmed_claim: 'purple',
  missing_part: 'magenta',
  doc_number: 'geekblue',
};

/** Warning kinds, most urgent first. */
export const WARNING_ORDER: WarningKind[] = ['contradiction', 'zero', 'unconfirmed_claim', 'changed_since_submission', 'changed_since_review', 'doc_number', 'missing_part', 'no_data'];
