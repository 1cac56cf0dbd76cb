/** A review request as the queue shows it (`GET /api/v1/advisors/reviews`). */
export interface Review {
  id: string;
  type: string;
  typeLabel: string;
  title: string;
  summary: string;
  unitId: string;
  unitName: string;
  subjectEntity: string | null;
  subjectId: string | null;
  requestedOn: string;
  status: string;
  firmId: string | null;
  firmName: string | null;
  advisorId: string | null;
  advisorName: string | null;
  assignedOn: string | null;
  dueDate: string | null;
  conclusion: string | null;
  conclusionLabel: string | null;
  opinion: string | null;
  reasons: string | null;
  concludedOn: string | null;
  canAssign: boolean;
  canConclude: boolean;
  canWithdraw: boolean;
}

/** Tag colours of review statuses. */
export const REVIEW_STATUS = {
  pending: { color: 'default', labelKey: 'advisors.status.pending' },
  assigned: { color: 'processing', labelKey: 'advisors.status.assigned' },
  concluded: { color: 'success', labelKey: 'advisors.status.concluded' },
  withdrawn: { color: 'default', labelKey: 'advisors.status.withdrawn' },
};
