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

/** A document as the API gives it (the fields the pages use). */
export interface DocView {
  id: string; title: string; summary: string | null; unitName: string | null; issuerName: string | null; status: string; draftedOn: string;
  affectsRights: boolean; marketRelated: boolean; docNumber: string | null; registrationNo: string | null; publishedOn: string | null; effectiveFrom: string | null; validUntil: string | null;
  needsAmendment: boolean; endedOn: string | null; endReason: string | null;
  comment: { openedOn: string | null; closesOn: string | null; minClosesOn: string | null; channel: string | null; closedOn: string | null; count: number | null; summary: string | null; waiver: string | null };
  fairCompetition: { reviewedOn: string; conclusion: string; opinion: string } | null;
  deliberation: { deliberatedOn: string; meeting: string; minutes: string | null } | null;
  filing: { status: string | null; due: string | null; filedOn: string | null; filedWith: string | null; receivedOn: string | null; missing: string | null; supplyDue: string | null; overdue: boolean; late: boolean; defective: boolean };
  canEdit: boolean; canReview: boolean; canPublish: boolean; canFile: boolean; canRecordReceipt: boolean; canCorrect: boolean; canExtend: boolean;
}
