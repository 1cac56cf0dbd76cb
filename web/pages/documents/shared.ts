import type { StatusMap } from '../../components/StatusTag';
import { CLEANUP_DECISIONS, DOC_STATUS, FILING_STATUS, REVIEW_CONCLUSIONS } from '../../../common/documents';

/** Status colours of documents. */
export const DOC_STATUS_MAP: StatusMap = Object.fromEntries(
  Object.entries(DOC_STATUS).map(([k, v]) => [k, { label: v, color: { drafting: 'processing', in_force: 'success', repealed: 'default', invalidated: 'default', revoked: 'error' }[k] ?? 'default' }]),
);
/** Filing status colours. */
export const FILING_MAP: StatusMap = Object.fromEntries(
  Object.entries(FILING_STATUS).map(([k, v]) => [k, { label: v, color: { pending: 'warning', submitted: 'processing', suspended: 'error', accepted: 'success' }[k] ?? 'default' }]),
);
/** Review conclusion colours. */
export const CONCLUSION_MAP: StatusMap = Object.fromEntries(
  Object.entries(REVIEW_CONCLUSIONS).map(([k, v]) => [k, { label: v, color: { lawful: 'success', unlawful: 'error', lawful_after_revision: 'warning' }[k] ?? 'default' }]),
);
/** Cleanup decision colours. */
export const DECISION_MAP: StatusMap = Object.fromEntries(
  Object.entries(CLEANUP_DECISIONS).map(([k, v]) => [k, { label: v, color: { keep: 'success', amend: 'warning', extend: 'processing', repeal: 'error', invalidate: 'default' }[k] ?? 'default' }]),
);

