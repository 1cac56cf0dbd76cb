/** Tag colours of case statuses. */
export const CASE_STATUS = {
  filed: { color: 'default', labelKey: 'enforcement.status.filed' },
  investigating: { color: 'processing', labelKey: 'enforcement.status.investigating' },
  in_review: { color: 'warning', labelKey: 'enforcement.status.in_review' },
  reviewed: { color: 'cyan', labelKey: 'enforcement.status.reviewed' },
  decided: { color: 'blue', labelKey: 'enforcement.status.decided' },
  served: { color: 'geekblue', labelKey: 'enforcement.status.served' },
  executed: { color: 'purple', labelKey: 'enforcement.status.executed' },
  closed: { color: 'success', labelKey: 'enforcement.status.closed' },
};
/** Tag colours of case-file grades. */
export const GRADE_STATUS = {
  excellent: { color: 'success', labelKey: 'enforcement.grade.excellent' },
  pass: { color: 'processing', labelKey: 'enforcement.grade.pass' },
  fail: { color: 'error', labelKey: 'enforcement.grade.fail' },
};
