import type { STATES } from '../../../common/decisions';

/** Tag colour of each procedure state. */
export const STATE_COLORS: Record<keyof typeof STATES, string> = {
  launched: 'default', drafted: 'default', public_comment: 'processing', comment_closed: 'cyan', expert_done: 'cyan', risk_done: 'cyan',
  legality_review: 'processing', legality_amend: 'warning', legality_failed: 'error', legality_passed: 'success', decided: 'success', rejected: 'error',
  published: 'green', evaluated: 'green',
};
