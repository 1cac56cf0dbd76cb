/** Tag colours of review statuses. */
export const REVIEW_STATUS = {
  pending: { color: 'default', labelKey: 'advisors.status.pending' },
  assigned: { color: 'processing', labelKey: 'advisors.status.assigned' },
  concluded: { color: 'success', labelKey: 'advisors.status.concluded' },
  withdrawn: { color: 'default', labelKey: 'advisors.status.withdrawn' },
};
