import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';
import { RecordDeadlineOut } from './core-api.js';

/** Major administrative decisions (重大行政决策): labels and step schemas shared by server and web. */

/** Procedure states of a major decision, in order. */
export const STATES = {
  launched: { zh: '已立项', en: 'Launched' },
  drafted: { zh: '草案已拟订', en: 'Draft ready' },
  public_comment: { zh: '公开征求意见中', en: 'Public comment open' },
  comment_closed: { zh: '公众意见已反馈', en: 'Public comment closed' },
  expert_done: { zh: '专家论证已完成', en: 'Expert consultation done' },
  risk_done: { zh: '风险评估已完成', en: 'Risk assessment done' },
  legality_review: { zh: '合法性审查中', en: 'Legality review' },
  legality_amend: { zh: '待按审查意见修改', en: 'Amend per legality opinion' },
  legality_failed: { zh: '合法性审查未通过', en: 'Legality review failed' },
  legality_passed: { zh: '合法性审查通过', en: 'Legality review passed' },
  decided: { zh: '已集体讨论决定', en: 'Decided' },
  rejected: { zh: '集体讨论未通过', en: 'Not approved' },
  published: { zh: '已公布', en: 'Published' },
  evaluated: { zh: '已后评估', en: 'Evaluated' },
} as const;
/** A decision state. */
export type DecisionState = keyof typeof STATES;

/** 第三条 categories of decision items. */
export const CATEGORIES = {
  public_policy: { zh: '重大公共政策和措施', en: 'Major public policy' },
  plan: { zh: '经济和社会发展等方面的重要规划', en: 'Important plan' },
  resources: { zh: '开发利用、保护重要自然资源和文化资源', en: 'Natural/cultural resources' },
  construction: { zh: '重大公共建设项目', en: 'Major public construction project' },
  other: { zh: '其他重大事项', en: 'Other major matter' },
} as const;
/** Category key. */
export type Category = keyof typeof CATEGORIES;

/** Dispositions of a comment or an expert opinion. */
export const DISPOSITIONS = {
  adopted: { zh: '采纳', en: 'Adopted' },
  partly: { zh: '部分采纳', en: 'Partly adopted' },
  not_adopted: { zh: '不予采纳', en: 'Not adopted' },
} as const;
/** Disposition key. */
export type Disposition = keyof typeof DISPOSITIONS;

/** Archive checklist (第三十三条 过程记录和材料归档; 第二十九条 materials). */
export const ARCHIVE_ITEMS = {
  launch: '决策启动（立项）材料',
  draft: '决策草案及起草说明',
  publicOpinion: '公众意见及研究采纳情况',
  expert: '专家论证意见及采纳情况',
  risk: '风险评估报告或不予评估说明',
  legality: '合法性审查意见',
  minutes: '集体讨论会议纪要',
  partyReport: '向区委请示报告材料',
  publication: '决策公布材料',
} as const;
/** Archive item key. */
export type ArchiveItem = keyof typeof ARCHIVE_ITEMS;

const Text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const dispositionEnum = z.enum(['adopted', 'partly', 'not_adopted']);

/** Create the year's catalogue. */
export const CatalogueInput = z.object({
  year: z.number().int().min(2000).max(2100),
  title: Text(120, 4),
  partyConsentOn: DateStr.nullish(),
  partyConsentRef: z.string().trim().max(120).nullish(),
});
/** Record the Party committee's consent (第三条). */
export const ConsentInput = z.object({ partyConsentOn: DateStr, partyConsentRef: Text(120, 2) });
/** Publish the catalogue (第三条: after the Party committee's consent). */
export const PublishCatalogueInput = z.object({ publishedOn: DateStr, via: Text(200, 2) });

/** Launch a decision (第十条、第十一条). */
export const LaunchInput = z.object({
  unitId: Id,
  catalogueId: Id.nullish(),
  title: Text(200, 4),
  category: z.enum(Object.keys(CATEGORIES) as [Category, ...Category[]]),
  proposalSource: z.enum(['leader', 'department', 'npc_cppcc', 'public']),
  launchBasis: Text(4000, 4),
  launchedOn: DateStr,
});
/** Research and draft (第十二条、第十三条). */
export const DraftInput = z.object({
  draftedOn: DateStr,
  researchSummary: Text(8000, 4),
  costBenefit: z.string().trim().max(4000).nullish(),
  alternatives: z.string().trim().max(4000).nullish(),
});
/** Open public comment (第十五条). */
export const OpenCommentInput = z.object({
  startsOn: DateStr,
  endsOn: DateStr,
  channel: Text(200, 2),
  shortenedReason: z.string().trim().min(4).max(1000).nullish(),
});
/** A received comment. */
export const CommentInput = z.object({ receivedOn: DateStr, commenter: Text(100), content: Text(4000, 2) });
/** A comment's disposition with reason (第十八条). */
export const DisposeInput = z.object({ disposition: dispositionEnum, reason: Text(2000, 2) });
/** Publish the feedback summary and close public comment. */
export const FeedbackInput = z.object({ publishedOn: DateStr, summary: Text(8000, 4) });
/** A hearing (第十六条). */
export const HearingInput = z.object({
  heldOn: DateStr,
  place: Text(200, 2),
  participantsPublishedOn: DateStr,
  materialsSentOn: DateStr,
  participants: Text(4000, 2),
  record: Text(8000, 4),
});
/** Expert consultation (第十九条—第二十一条). */
export const ExpertInput = z
  .object({
    required: z.boolean(),
    notRequiredReason: z.string().trim().min(4).max(2000).nullish(),
    doneOn: DateStr,
    experts: z
      .array(
        z.object({
          name: Text(40), organisation: Text(100, 2), field: Text(100, 2), opinion: Text(4000, 4),
          signed: z.literal(true, { message: '书面论证意见应当署名、盖章（第十九条）' }),
          noConflict: z.literal(true, { message: '不得选择与决策事项有直接利害关系的专家（第二十条）' }),
          disposition: dispositionEnum, reason: Text(2000, 2), givenOn: DateStr,
        }),
      )
      .max(50)
      .default([]),
  })
  .superRefine((e, ctx) => {
    if (e.required && e.experts.length === 0) ctx.addIssue({ code: 'custom', path: ['experts'], message: '专业性、技术性较强的决策事项应当组织专家论证（第十九条）' });
    if (!e.required && !e.notRequiredReason) ctx.addIssue({ code: 'custom', path: ['notRequiredReason'], message: '请说明无需专家论证的理由' });
  });
/** Risk assessment (第二十二条—第二十四条). */
export const RiskInput = z
  .object({
    required: z.boolean(),
    notRequiredReason: z.string().trim().min(4).max(2000).nullish(),
    level: z.enum(['low', 'medium', 'high']).nullish(),
    report: z.string().trim().min(4).max(8000).nullish(),
    measures: z.string().trim().max(4000).nullish(),
    doneOn: DateStr,
  })
  .superRefine((r, ctx) => {
    if (r.required && !r.report) ctx.addIssue({ code: 'custom', path: ['report'], message: '应当形成风险评估报告（第二十三条）' });
    if (r.required && !r.level) ctx.addIssue({ code: 'custom', path: ['level'], message: '请填写风险等级' });
    if (!r.required && !r.notRequiredReason) ctx.addIssue({ code: 'custom', path: ['notRequiredReason'], message: '请说明无需风险评估的理由' });
  });
/** Send for legality review (第二十五条、第二十六条). */
export const SendLegalityInput = z
  .object({
    reviewer: z.enum(['office', 'advisor']),
    sentOn: DateStr,
    /** Defaults to 7 working days after sentOn, the minimum. */
    dueDate: DateStr.optional(),
    firmId: Id.optional(),
    advisorId: Id.optional(),
  })
  .refine((s) => s.reviewer === 'office' || !!s.firmId || !!s.advisorId, { message: '送法律顾问审查须指定律师事务所或法律顾问', path: ['firmId'] });
/** The office's own legality conclusion. */
export const LegalityInput = z.object({
  conclusion: z.enum(['lawful', 'unlawful', 'lawful_if_amended']),
  opinion: Text(8000, 4),
  concludedOn: DateStr,
});
/** The amendments made after a 修改后合法 opinion (第二十八条). */
export const AmendInput = z.object({ amendments: Text(4000, 4) });
/** The collective decision (第二十九条—第三十一条). */
export const DecideInput = z.object({
  meetingKind: z.enum(['executive', 'plenary']),
  meetingName: Text(100, 4),
  meetingOn: DateStr,
  minutes: Text(8000, 4),
  /** 不同意见应当如实载明 — "无" when none was voiced. */
  dissent: Text(4000, 1),
  headConclusion: Text(2000, 2),
  outcome: z.enum(['approved', 'rejected']),
  partyReportOn: DateStr.nullish(),
  partyReportRef: z.string().trim().max(200).nullish(),
});
/** Publication (第三十一条、第三十二条). */
export const PublishInput = z.object({
  publishedOn: DateStr,
  via: Text(200, 2),
  partyReportOn: DateStr.nullish(),
  partyReportRef: z.string().trim().max(200).nullish(),
});
/** A later evaluation (第三十六条). */
export const EvaluateInput = z.object({
  evaluatedOn: DateStr,
  trigger: z.enum(['below_expectation', 'public_opinion', 'deemed_necessary']),
  evaluator: Text(100, 2),
  findings: Text(8000, 4),
  recommendation: z.enum(['continue', 'adjust', 'suspend']),
});
/** Archive (第三十三条): every item checked. */
export const ArchiveInput = z.object({
  archivedOn: DateStr,
  checklist: z.object(Object.fromEntries(Object.keys(ARCHIVE_ITEMS).map((k) => [k, z.boolean()])) as Record<ArchiveItem, z.ZodBoolean>),
});

/** Filters of the decision list. */
export const DecisionListQuery = ListQuery.extend({
  state: z.enum(Object.keys(STATES) as [DecisionState, ...DecisionState[]]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: Id.optional(),
});

// ---------------------------------------------------------------- response contracts

/** A decision catalogue (`GET /api/v1/decisions/catalogues`). */
export const CatalogueOut = z.object({
  id: z.string(), year: z.number(), title: z.string(), partyConsentOn: z.string().nullable(), partyConsentRef: z.string().nullable(),
  publishedOn: z.string().nullable(), publishedVia: z.string().nullable(), items: z.number().optional(),
});
/** An action of the procedure and whether the viewer may take it now (and why not). */
export const ActionOut = z.object({ key: z.string(), allowed: z.boolean(), reason: z.string().nullable() });
/** A decision in the list (`GET /api/v1/decisions`). */
export const DecisionSummary = z.object({
  id: z.string(), title: z.string(), unitId: z.string(), unitName: z.string(), category: z.string(), categoryLabel: z.string(), catalogueId: z.string().nullable(),
  catalogueYear: z.number().nullable(), launchedOn: z.string(), state: z.string(), stateLabel: z.string(), commentEndsOn: z.string().nullable(),
  legalityDueOn: z.string().nullable(), decidedOn: z.string().nullable(), publishedOn: z.string().nullable(), archivedOn: z.string().nullable(),
  actions: z.array(ActionOut),
});
/** A decision with every step's record (`GET /api/v1/decisions/:id`, and every step's answer). */
export const DecisionDetail = DecisionSummary.extend({
  proposalSource: z.string(), launchBasis: z.string(),
  draft: z.object({ draftedOn: z.string().nullable(), researchSummary: z.string().nullable(), costBenefit: z.string().nullable(), alternatives: z.string().nullable() }),
  publicComment: z.object({
    startsOn: z.string().nullable(), endsOn: z.string().nullable(), channel: z.string().nullable(), shortenedReason: z.string().nullable(),
    feedbackPublishedOn: z.string().nullable(), feedbackSummary: z.string().nullable(),
    comments: z.array(z.object({ id: z.string(), receivedOn: z.string(), commenter: z.string(), content: z.string(), disposition: z.string().nullable(), dispositionLabel: z.string().nullable(), reason: z.string().nullable() })),
    hearings: z.array(z.object({ id: z.string(), heldOn: z.string(), place: z.string(), participantsPublishedOn: z.string(), materialsSentOn: z.string(), participants: z.string(), record: z.string() })),
  }),
  expert: z.object({
    required: z.boolean().nullable(), notRequiredReason: z.string().nullable(), doneOn: z.string().nullable(),
    experts: z.array(z.object({ id: z.string(), name: z.string(), organisation: z.string(), field: z.string(), opinion: z.string(), disposition: z.string(), reason: z.string(), givenOn: z.string() })),
  }),
  risk: z.object({ required: z.boolean().nullable(), notRequiredReason: z.string().nullable(), level: z.string().nullable(), report: z.string().nullable(), measures: z.string().nullable(), doneOn: z.string().nullable() }),
  legality: z.object({
    reviewer: z.string().nullable(), sentOn: z.string().nullable(), dueOn: z.string().nullable(), reviewId: z.string().nullable(), conclusion: z.string().nullable(),
    opinion: z.string().nullable(), concludedOn: z.string().nullable(), amendments: z.string().nullable(),
    advisor: z.object({ status: z.string(), firmName: z.string().nullable(), advisorName: z.string().nullable(), dueDate: z.string().nullable() }).nullable(),
  }),
  meeting: z.object({
    kind: z.string().nullable(), name: z.string().nullable(), on: z.string().nullable(), minutes: z.string().nullable(), dissent: z.string().nullable(),
    headConclusion: z.string().nullable(), outcome: z.string().nullable(), partyReportOn: z.string().nullable(), partyReportRef: z.string().nullable(),
  }),
  publication: z.object({ publishedOn: z.string().nullable(), via: z.string().nullable() }),
  evaluations: z.array(z.object({ id: z.string(), evaluatedOn: z.string(), trigger: z.string(), evaluator: z.string(), findings: z.string(), recommendation: z.string() })),
  archive: z.object({ archivedOn: z.string().nullable(), checklist: z.record(z.string(), z.boolean()).nullable() }),
  deadlines: z.array(RecordDeadlineOut),
});
export type CatalogueOut = z.infer<typeof CatalogueOut>;
export type DecisionAction = z.infer<typeof ActionOut>;
export type DecisionSummary = z.infer<typeof DecisionSummary>;
export type DecisionDetail = z.infer<typeof DecisionDetail>;
/** `GET /api/v1/decisions/catalogues`. */
export const CatalogueList = z.object({ items: z.array(CatalogueOut) });
/** The published catalogue on the public portal. */
export const PublicCatalogue = z.object({
  region: z.string(), year: z.number(), title: z.string(), partyConsentOn: z.string().nullable(), publishedOn: z.string().nullable(),
  items: z.array(z.object({ title: z.string(), unitName: z.string(), category: z.string(), stage: z.string(), publishedOn: z.string().nullable(), publishedVia: z.string().nullable() })),
});
export type PublicCatalogue = z.infer<typeof PublicCatalogue>;
