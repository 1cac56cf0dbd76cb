import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';
import { RecordDeadlineOut } from './core-api.js';
import { DocNumber, IssuerCode } from './docnumber.js';
import {
  CLEANUP_DECISIONS, CORRECTION_OUTCOMES, CORRECTION_SOURCES, DOC_STATUS, FAIR_COMPETITION, RELATION_KINDS, REVIEW_CONCLUSIONS, REVIEWER_KINDS, keysOf,
} from './documents.js';

/** Request schemas of the normative-documents module, shared by the server routes and the web forms. */

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** Register a draft (起草登记) by the drafting unit. */
export const DraftInput = z.object({
  /** Title, e.g. 中站区城市生活垃圾分类管理实施办法. */
  title: Text(4, 120),
  /** Drafting unit. */
  unitId: Id,
  /** Issuing organ (defaults to the drafting unit). */
  issuerUnitId: Id.optional(),
  summary: z.string().trim().max(2000).optional(),
  /** Bears on citizens' rights and obligations (→ ≥7 working days of public comment). */
  affectsRights: z.boolean().default(true),
  /** Closely related to businesses' operations (→ ≥30 days of comment + fair-competition review). */
  marketRelated: z.boolean().default(false),
  draftedOn: DateStr,
});

/** Edit a draft's particulars. */
export const DraftPatch = z.object({
  title: Text(4, 120).optional(),
  summary: z.string().trim().max(2000).optional(),
  affectsRights: z.boolean().optional(),
  marketRelated: z.boolean().optional(),
});

/** Filters of the legality-review list. */
export const ReviewListQuery = ListQuery.extend({ status: z.enum(['pending', 'done']).optional() });

/** Open public comment. */
export const CommentOpenInput = z.object({ openedOn: DateStr, closesOn: DateStr, channel: Text(2, 200) });
/** Close public comment with its outcome. */
export const CommentCloseInput = z.object({ closedOn: DateStr, commentCount: z.number().int().min(0).max(100000), summary: Text(2, 4000) });
/** Record why a document that bears on no one's rights and no business is not put to public comment. */
export const CommentWaiverInput = z.object({ reason: Text(4, 500) });
/** Fair-competition review (公平竞争审查). */
export const FairCompetitionInput = z.object({ reviewedOn: DateStr, conclusion: z.enum(keysOf(FAIR_COMPETITION)), opinion: Text(2, 4000) });

/** Request a legality review, optionally with its opinion when the office reviews it at once. */
export const ReviewInput = z
  .object({
    reviewerKind: z.enum(keysOf(REVIEWER_KINDS)),
    /** The advisor firm (required for advisor reviews). */
    reviewerUnitId: Id.optional(),
    reviewerName: z.string().trim().max(60).optional(),
    requestedOn: DateStr,
    completedOn: DateStr.optional(),
    conclusion: z.enum(keysOf(REVIEW_CONCLUSIONS)).optional(),
    opinion: z.string().trim().min(2).max(8000).optional(),
  })
  .refine((r) => r.reviewerKind !== 'advisor' || !!r.reviewerUnitId, { message: '法律顾问审核须指定律师事务所', path: ['reviewerUnitId'] })
  .refine((r) => [r.completedOn, r.conclusion, r.opinion].every((x) => x === undefined) || [r.completedOn, r.conclusion, r.opinion].every((x) => x !== undefined), {
    message: '审核日期、结论、意见须同时填写',
    path: ['conclusion'],
  });
/** The reviewer's written opinion. */
export const OpinionInput = z.object({
  completedOn: DateStr,
  conclusion: z.enum(keysOf(REVIEW_CONCLUSIONS)),
  opinion: Text(2, 8000),
  reviewerName: z.string().trim().max(60).optional(),
});
/** Collective deliberation (集体审议). */
export const DeliberationInput = z.object({ deliberatedOn: DateStr, meeting: Text(2, 60), minutes: z.string().trim().max(4000).optional() });

/** Register, number and publish (登). Either a full 发文字号 or the 机关代字 to number automatically. */
export const PublishInput = z
  .object({
    docNumber: DocNumber.optional(),
    issuerCode: IssuerCode.optional(),
    publishedOn: DateStr,
    effectiveFrom: DateStr.optional(),
    /** Explicit end of validity; otherwise from the validity settings. */
    validUntil: DateStr.optional(),
    relations: z.array(z.object({ kind: z.enum(keysOf(RELATION_KINDS)), documentId: Id })).max(20).default([]),
  })
  .refine((p) => !!p.docNumber !== !!p.issuerCode, { message: '请填写发文字号，或填写机关代字由系统统一编号（二选一）', path: ['docNumber'] });

/** File with the superior (报备). */
export const FilingInput = z.object({
  filedOn: DateStr,
  filedWith: Text(2, 60),
  note: z.string().trim().max(1000).optional(),
  /** Which filing: with the government (default) or, for the government's own document, with the standing committee of the people's congress. */
  body: z.enum(['government', 'npc']).default('government'),
});
/** The superior's receipt on a filing. */
export const ReceiptInput = z
  .object({
    receivedOn: DateStr,
    result: z.enum(['accepted', 'materials_missing']),
    missing: z.string().trim().min(2).max(1000).optional(),
    supplyDays: z.number().int().min(1).max(90).optional(),
  })
  .refine((r) => r.result !== 'materials_missing' || (!!r.missing && !!r.supplyDays), { message: '材料不全时须写明所缺材料和补正期限', path: ['missing'] });
/** Missing materials supplied. */
export const SupplementInput = z.object({ suppliedOn: DateStr });
/** Extend the validity period. */
export const ExtendInput = z.object({ validUntil: DateStr, decidedOn: DateStr, reason: Text(4, 1000) });

/** Open a correction case (纠). */
export const CorrectionInput = z.object({ source: z.enum(keysOf(CORRECTION_SOURCES)), receivedOn: DateStr, description: Text(4, 4000) });
/** Close a correction case with its outcome. */
export const CorrectionOutcomeInput = z.object({ outcome: z.enum(keysOf(CORRECTION_OUTCOMES)), outcomeOn: DateStr, note: Text(2, 4000) });

/** Start a cleanup campaign; documents in force issued before the date (and by the issuer) are selected. */
export const CleanupInput = z.object({
  title: Text(4, 120),
  regionId: Id,
  issuedBefore: DateStr,
  issuerUnitId: Id.optional(),
  startedOn: DateStr,
  basis: z.string().trim().max(1000).optional(),
});
/** Decisions on cleanup items. */
export const DecisionsInput = z.object({
  decidedOn: DateStr,
  items: z
    .array(
      z
        .object({ documentId: Id, decision: z.enum(keysOf(CLEANUP_DECISIONS)), reason: Text(2, 1000), newValidUntil: DateStr.optional() })
        .refine((i) => i.decision !== 'extend' || !!i.newValidUntil, { message: '延长有效期须填写新的有效期截止日', path: ['newValidUntil'] }),
    )
    .min(1)
    .max(1000),
});
/** Publish a cleanup's results. */
export const CleanupPublishInput = z.object({ publishedOn: DateStr, decisionNumber: DocNumber.optional() });

/** Filters of the document register. */
export const DocListQuery = ListQuery.extend({
  status: z.enum(keysOf(DOC_STATUS)).optional(),
  unitId: Id.optional(),
  issuerUnitId: Id.optional(),
  /** Year of publication. */
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  filing: z.enum(['pending', 'overdue', 'submitted', 'suspended', 'accepted']).optional(),
  issuedBefore: DateStr.optional(),
});

// ---------------------------------------------------------------- responses
// What each endpoint exposes, picked field by field: the server serialises through these (a new column
// never leaks), OpenAPI shows them, and the web pages infer their types from them.

const D = z.string(); // a date, YYYY-MM-DD
const Label = z.object({ zh: z.string(), en: z.string() });
const FILING_KEYS = ['pending', 'submitted', 'suspended', 'accepted'] as const;
const DOC_STATE_KEYS = [...keysOf(DOC_STATUS), 'not_issued', 'expired'] as const;

/** A document as listed and shown, with the actor's abilities on it. */
export const DocumentOut = z.object({
  id: Id,
  title: z.string(),
  summary: z.string().nullable(),
  regionId: Id,
  unitId: Id,
  unitName: z.string(),
  issuerUnitId: Id,
  issuerName: z.string(),
  affectsRights: z.boolean(),
  marketRelated: z.boolean(),
  source: z.enum(['drafted', 'imported']),
  status: z.enum(keysOf(DOC_STATUS)),
  draftedOn: D,
  comment: z.object({
    openedOn: D.nullable(), closesOn: D.nullable(), minClosesOn: D.nullable(), channel: z.string().nullable(),
    closedOn: D.nullable(), count: z.number().nullable(), summary: z.string().nullable(), waiver: z.string().nullable(),
  }),
  fairCompetition: z.object({ reviewedOn: D, conclusion: z.enum(keysOf(FAIR_COMPETITION)), opinion: z.string() }).nullable(),
  deliberation: z.object({ deliberatedOn: D, meeting: z.string(), minutes: z.string().nullable() }).nullable(),
  docNumber: z.string().nullable(),
  registrationNo: z.string().nullable(),
  publishedOn: D.nullable(),
  effectiveFrom: D.nullable(),
  validUntil: D.nullable(),
  needsAmendment: z.boolean(),
  endedOn: D.nullable(),
  endReason: z.string().nullable(),
  filing: z.object({
    status: z.enum(FILING_KEYS).nullable(), due: D.nullable(), filedOn: D.nullable(), filedWith: z.string().nullable(), note: z.string().nullable(),
    receivedOn: D.nullable(), missing: z.string().nullable(), supplyDue: D.nullable(), suppliedOn: D.nullable(), defective: z.boolean(),
    overdue: z.boolean(), late: z.boolean(), supplementOverdue: z.boolean(),
    /** The body this filing goes to (本级人民政府 or 上一级人民政府, by name). */
    authority: z.string().nullable(),
  }),
  /** The second filing of a government's own document, with the standing committee of the people's congress at its level. */
  npcFiling: z.object({ authority: z.string(), status: z.enum(['pending', 'submitted']), due: D.nullable(), filedOn: D.nullable(), filedWith: z.string().nullable() }).nullable(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
  canPublish: z.boolean(),
  canFile: z.boolean(),
  canRecordReceipt: z.boolean(),
  canCorrect: z.boolean(),
  canExtend: z.boolean(),
  /** Whether the actor may add or remove attachments (write policy and the document's state). */
  canAttach: z.boolean(),
});

/** A legality review of a document. */
export const DocReviewOut = z.object({
  id: Id,
  reviewerKind: z.enum(keysOf(REVIEWER_KINDS)),
  reviewerUnitId: Id.nullable(),
  reviewerUnitName: z.string().nullable(),
  reviewerName: z.string().nullable(),
  requestedOn: D,
  dueOn: D.nullable(),
  status: z.enum(['pending', 'done']),
  completedOn: D.nullable(),
  conclusion: z.enum(keysOf(REVIEW_CONCLUSIONS)).nullable(),
  opinion: z.string().nullable(),
  /** The request in the advisors queue, for a firm's review. */
  queueRef: Id.nullable(),
  canGiveOpinion: z.boolean(),
});
/** A review in the list of reviews, with its document. */
export const DocReviewListItemOut = DocReviewOut.extend({ documentId: Id, documentTitle: z.string() });

/** A correction case. */
export const CorrectionOut = z.object({
  id: Id,
  documentId: Id,
  source: z.enum(keysOf(CORRECTION_SOURCES)),
  receivedOn: D,
  description: z.string(),
  status: z.enum(['open', 'closed']),
  outcome: z.enum(keysOf(CORRECTION_OUTCOMES)).nullable(),
  outcomeOn: D.nullable(),
  note: z.string().nullable(),
});

const DocRef = z.object({ id: Id, docNumber: z.string().nullable(), title: z.string() });
/** A newer document acting on an older one. */
export const RelationOut = z.object({ kind: z.enum(keysOf(RELATION_KINDS)), onDate: D, from: DocRef, to: DocRef });

/** A statutory deadline on the document. */
/** A document with its reviews, corrections, relations, deadlines and what is missing before it may be issued. */
export const DocumentDetailOut = DocumentOut.extend({
  reviews: z.array(DocReviewOut),
  corrections: z.array(CorrectionOut),
  relations: z.array(RelationOut),
  deadlines: z.array(RecordDeadlineOut),
  publicationGaps: z.array(Label),
});

/** A document's state on a date. */
export const DocStateOut = z.object({ asOf: D, state: z.enum(DOC_STATE_KEYS), since: D.nullable(), reason: z.string().nullable() });

/** A cleanup campaign. */
export const CleanupOut = z.object({
  id: Id,
  regionId: Id,
  title: z.string(),
  issuedBefore: D,
  issuerUnitId: Id.nullable(),
  basis: z.string().nullable(),
  startedOn: D,
  status: z.enum(['open', 'published']),
  publishedOn: D.nullable(),
  decisionNumber: z.string().nullable(),
  itemCount: z.number().int().optional(),
  decidedCount: z.number().int().optional(),
});
/** One document in a cleanup and its decision. */
export const CleanupItemOut = z.object({
  documentId: Id,
  docNumber: z.string().nullable(),
  title: z.string(),
  issuerName: z.string(),
  publishedOn: D.nullable(),
  validUntil: D.nullable(),
  decision: z.enum(keysOf(CLEANUP_DECISIONS)).nullable(),
  reason: z.string().nullable(),
  newValidUntil: D.nullable(),
  decidedOn: D.nullable(),
});
/** A cleanup with its items. */
export const CleanupDetailOut = CleanupOut.extend({ items: z.array(CleanupItemOut) });
/** How many decisions were recorded. */
export const DecisionsOut = z.object({ decided: z.number().int() });

/** The public catalogue of documents in force of a district (portal). */
export const PublicCatalogueOut = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  asOf: D,
  total: z.number().int(),
  items: z.array(z.object({ id: Id, docNumber: z.string().nullable(), title: z.string(), issuerName: z.string(), publishedOn: D.nullable(), effectiveFrom: D.nullable(), validUntil: D.nullable() })),
  cleanups: z.array(z.object({ id: Id, title: z.string(), publishedOn: D.nullable(), decisionNumber: z.string().nullable() })),
});
/** Published cleanup results (portal). */
export const PublicCleanupOut = z.object({
  id: Id,
  title: z.string(),
  publishedOn: D.nullable(),
  decisionNumber: z.string().nullable(),
  items: z.array(CleanupItemOut.pick({ docNumber: true, title: true, issuerName: true, decision: true, reason: true, newValidUntil: true })),
});

/** An xlsx download (binary; not serialised as JSON). */

/** Response types, for the web pages. */
export type DocumentView = z.infer<typeof DocumentOut>;
export type DocumentDetail = z.infer<typeof DocumentDetailOut>;
export type DocReviewView = z.infer<typeof DocReviewOut>;
export type DocReviewListItem = z.infer<typeof DocReviewListItemOut>;
export type CorrectionView = z.infer<typeof CorrectionOut>;
export type CleanupView = z.infer<typeof CleanupOut>;
export type CleanupDetail = z.infer<typeof CleanupDetailOut>;
export type CleanupItemView = z.infer<typeof CleanupItemOut>;
