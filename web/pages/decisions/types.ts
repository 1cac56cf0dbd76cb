import { STATES } from '../../../common/decisions';

/** Tag colour of each procedure state. */
export const STATE_COLORS: Record<keyof typeof STATES, string> = {
  launched: 'default', drafted: 'default', public_comment: 'processing', comment_closed: 'cyan', expert_done: 'cyan', risk_done: 'cyan',
  legality_review: 'processing', legality_amend: 'warning', legality_failed: 'error', legality_passed: 'success', decided: 'success', rejected: 'error',
  published: 'green', evaluated: 'green',
};

/** An action of the procedure and whether the viewer may take it now (and why not). */
export interface DecisionAction {
  key: string;
  allowed: boolean;
  reason: string | null;
}

/** A decision in the list (`GET /api/v1/decisions`). */
export interface DecisionSummary {
  id: string;
  title: string;
  unitId: string;
  unitName: string;
  category: string;
  categoryLabel: string;
  catalogueId: string | null;
  catalogueYear: number | null;
  launchedOn: string;
  state: string;
  stateLabel: string;
  commentEndsOn: string | null;
  legalityDueOn: string | null;
  decidedOn: string | null;
  publishedOn: string | null;
  archivedOn: string | null;
  actions: DecisionAction[];
}

/** A decision with every step's record (`GET /api/v1/decisions/:id`). */
export interface DecisionDetail extends DecisionSummary {
  proposalSource: string;
  launchBasis: string;
  draft: { draftedOn: string | null; researchSummary: string | null; costBenefit: string | null; alternatives: string | null };
  publicComment: {
    startsOn: string | null; endsOn: string | null; channel: string | null; shortenedReason: string | null; feedbackPublishedOn: string | null; feedbackSummary: string | null;
    comments: { id: string; receivedOn: string; commenter: string; content: string; disposition: string | null; dispositionLabel: string | null; reason: string | null }[];
    hearings: { id: string; heldOn: string; place: string; participantsPublishedOn: string; materialsSentOn: string; participants: string; record: string }[];
  };
  expert: { required: boolean | null; notRequiredReason: string | null; doneOn: string | null; experts: { id: string; name: string; organisation: string; field: string; opinion: string; disposition: string; reason: string; givenOn: string }[] };
  risk: { required: boolean | null; notRequiredReason: string | null; level: string | null; report: string | null; measures: string | null; doneOn: string | null };
  legality: {
    reviewer: string | null; sentOn: string | null; dueOn: string | null; reviewId: string | null; conclusion: string | null; opinion: string | null; concludedOn: string | null; amendments: string | null;
    advisor: { status: string; firmName: string | null; advisorName: string | null; dueDate: string | null } | null;
  };
  meeting: { kind: string | null; name: string | null; on: string | null; minutes: string | null; dissent: string | null; headConclusion: string | null; outcome: string | null; partyReportOn: string | null; partyReportRef: string | null };
  publication: { publishedOn: string | null; via: string | null };
  evaluations: { id: string; evaluatedOn: string; trigger: string; evaluator: string; findings: string; recommendation: string }[];
  archive: { archivedOn: string | null; checklist: Record<string, boolean> | null };
  deadlines: { kind: string; title: string; dueDate: string; status: string; basis: string }[];
}
