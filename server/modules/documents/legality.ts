import type { Db } from '../../db/index.js';
import type { ReviewConclusion } from '../../../common/documents.js';

/**
 * The legality review (合法性审核) seen from the documents module, kept behind a small interface so
 * that it can be routed through the advisors' review queue later without changing this module:
 * - `requestLegalityReview` (service.ts) stores a pending review and asks the router for a queue
 *   reference; the default router keeps the review here (the office or the assigned firm's advisor
 *   records the opinion through this module's endpoint).
 * - The advisors module, when it lands, calls `setLegalityReviewRouter` at start with a router that
 *   creates a "normative-document legality review" request in its queue, and calls
 *   `completeLegalityReview` (service.ts) when the advisor signs the opinion.
 */
export interface LegalityReviewRequest {
  reviewId: string;
  documentId: string;
  regionId: string;
  title: string;
  reviewerKind: 'office' | 'advisor';
  /** Advisor firm unit (or the office's unit). */
  reviewerUnitId: string | null;
  requestedOn: string;
  dueOn: string;
}

/** The opinion that concludes a review (国办发〔2018〕115号: 合法 / 不合法 / 修改后合法, with reasons). */
export interface LegalityOpinion {
  completedOn: string;
  conclusion: ReviewConclusion;
  opinion: string;
  reviewerName?: string;
  /** Reference of the request in the advisors' queue, when routed there. */
  queueRef?: string | null;
}

/** Where review requests go. Returns the queue reference (null = recorded in this module only). */
export interface LegalityReviewRouter {
  route(trx: Db, req: LegalityReviewRequest): Promise<string | null>;
}

const localRouter: LegalityReviewRouter = { route: async () => null };
let router: LegalityReviewRouter = localRouter;

/** Installs the router (the advisors module calls this at start); `null` restores the local one. */
export function setLegalityReviewRouter(r: LegalityReviewRouter | null) {
  router = r ?? localRouter;
}

/** The current router. */
export function legalityReviewRouter(): LegalityReviewRouter {
  return router;
}

/** Whether a conclusion lets the document go on to deliberation (国办发〔2018〕37号). */
export const isPassed = (c: ReviewConclusion | null | undefined) => c === 'lawful' || c === 'lawful_after_revision';
