import type { ReviewConclusion } from '../../../common/documents.js';
import type { ReviewConclusion as AdvisorConclusion } from '../../../common/advisors.js';

/**
 * The legality review (合法性审核) seen from the documents module. One way to do it:
 * - reviewed by the office itself: recorded here (`normative_doc_reviews`), the office gives the opinion;
 * - assigned to an engaged law firm: the request goes to the advisors' review queue
 *   (`requestReview`, type `normative_document`, subject = the document) in the same transaction, and
 *   the document-side record keeps the queue request's id (`queue_ref`). The advisor gives the opinion
 *   in the advisors queue; `onReviewConcluded('normative_document', …)` copies it onto the record
 *   (`completeLegalityReview`) in the concluding transaction. The advisor has one inbox, and
 *   `advisors.normativeDocsReviewed` counts each review once.
 */

/** The opinion that concludes a review (国办发〔2018〕115号: 合法 / 不合法 / 修改后合法, with reasons). */
export interface LegalityOpinion {
  completedOn: string;
  conclusion: ReviewConclusion;
  opinion: string;
  reviewerName?: string;
}

/** The advisors queue's conclusion, in this module's terms (修改后合法 is spelt differently there). */
export const fromAdvisorConclusion = (c: AdvisorConclusion): ReviewConclusion => (c === 'lawful_if_amended' ? 'lawful_after_revision' : c);

/** Whether a conclusion lets the document go on to deliberation (国办发〔2018〕37号). */
export const isPassed = (c: ReviewConclusion | null | undefined) => c === 'lawful' || c === 'lawful_after_revision';
