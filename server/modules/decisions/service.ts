import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { AppError, badRequest, conflict, forbidden, notFound, type Msg } from '../../core/errors/index.js';
import { hasRole, inGovernedRegions, mayWriteAt, requireRole, writeRegionPaths, DEFAULT_WRITE, OFFICE_WRITE, type Actor } from '../../core/scope/index.js';
import { closeDeadline, setDeadline } from '../../core/deadlines/index.js';
import { daysBetween, loadCalendar, type DeadlineSpec } from '../../core/calendar/index.js';
import type { PageQuery } from '../../core/list.js';
import { regionByCode, regionById, unitsById } from '../org/lookup.js';
import { Catalogues, Decisions } from './records.js';
import { getReviewConclusion, onReviewConcluded, requestReview, type ReviewConclusionView } from '../advisors/service.js';
import {
  ARCHIVE_ITEMS, STATES,
  type AmendInput, type ArchiveInput, type CatalogueInput, type CommentInput, type ConsentInput, type DecideInput, type DecisionState, type DisposeInput,
  type DraftInput, type EvaluateInput, type ExpertInput, type FeedbackInput, type HearingInput, type LaunchInput, type LegalityInput, type OpenCommentInput,
  type PublishCatalogueInput, type PublishInput, type RiskInput, type SendLegalityInput, type DecisionsTable,
} from './schema.js';

const CATALOGUE: Msg = { zh: '决策事项目录', en: 'Decision catalogue' };
const REG = '《重大行政决策程序暂行条例》';

/** 第十五条: 公开征求意见的期限一般不少于30日 (natural days; the start day is not counted, 民法典 第二百零一条). */
export const COMMENT_MIN_DAYS = 30;
/** 第二十六条: 送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日. */
export const LEGALITY_MIN_WORKDAYS = 7;
/** 第十六条: 听证会材料应当于召开听证会7日前送达听证参加人. */
export const HEARING_MATERIALS_DAYS = 7;

/** Rank of each state in the procedure; states of equal rank are alternatives of one step. */
const RANK: Record<DecisionState, number> = {
  launched: 0, drafted: 1, public_comment: 2, comment_closed: 3, expert_done: 4, risk_done: 5,
  legality_review: 6, legality_amend: 6, legality_failed: 6, legality_passed: 7, decided: 8, rejected: 8, published: 9, evaluated: 10,
};

/** What the procedure still lacks in each state — the rule named when a later step is attempted. */
const MISSING: Record<DecisionState, Msg> = {
  launched: { zh: `决策承办单位应当在调查研究的基础上拟订决策草案，未拟订草案不得进入后续环节（${REG}第十二条）`, en: 'The draft must be prepared after research first (art. 12)' },
  drafted: { zh: `决策事项应当向社会公开征求意见，公开征求意见的期限一般不少于30日（${REG}第十四条、第十五条）`, en: 'The draft must first be put out for public comment for at least 30 days (arts. 14–15)' },
  public_comment: { zh: `公开征求意见尚未结束：期满后应当对意见逐条研究处理并公布反馈情况（${REG}第十五条、第十八条）`, en: 'Public comment must close, every comment be answered and feedback published first (arts. 15, 18)' },
  comment_closed: { zh: `专业性、技术性较强的决策事项应当组织专家论证，或记明无需论证的理由（${REG}第十九条）`, en: 'Expert consultation (or the reason it is not needed) must be recorded first (art. 19)' },
  expert_done: { zh: `可能对社会稳定、公共安全等造成不利影响的，应当进行风险评估，或记明无需评估的理由（${REG}第二十二条）`, en: 'Risk assessment (or the reason it is not needed) must be recorded first (art. 22)' },
  risk_done: { zh: `决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论（${REG}第二十五条）`, en: 'A draft not reviewed for legality, or found unlawful, may not be discussed (art. 25)' },
  legality_review: { zh: `合法性审查尚未作出结论；决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论（${REG}第二十五条）`, en: 'The legality review has not concluded; the draft may not be discussed (art. 25)' },
  legality_failed: { zh: `决策草案经合法性审查不合法，不得提交决策机关讨论；修改后须重新送审（${REG}第二十五条）`, en: 'The draft was found unlawful and may not be discussed; revise and resubmit (art. 25)' },
  legality_amend: { zh: `须根据合法性审查意见对决策草案进行必要的调整并记录修改情况后，方可提交讨论（${REG}第二十八条）`, en: 'Amend the draft per the legality opinion first (art. 28)' },
  legality_passed: { zh: `决策草案应当经决策机关常务会议或者全体会议讨论决定（${REG}第三十条）`, en: 'The draft must be decided at an executive or plenary meeting first (art. 30)' },
  decided: { zh: `重大行政决策应当依法公布（${REG}第三十二条）`, en: 'The decision must be published first (art. 32)' },
  rejected: { zh: '决策草案未获集体讨论通过，程序已终结，不能公布或评估', en: 'The draft was not approved; the procedure has ended' },
  published: { zh: `决策已公布，可组织决策后评估（${REG}第三十六条）`, en: 'Published; evaluation may follow (art. 36)' },
  evaluated: { zh: '决策已公布并完成后评估', en: 'Published and evaluated' },
};

/**
 * The state machine's gate: the action is allowed only in `allowed` states. A later step attempted
 * early is refused (409 DECISION_STEP_SKIPPED) with the rule of the step that is missing; an earlier
 * step attempted again is refused as out of order (409 DECISION_STEP_DONE).
 */
export function gate(state: DecisionState, allowed: DecisionState[], step: Msg) {
  if (allowed.includes(state)) return;
  const target = Math.min(...allowed.filter((s) => s !== 'rejected').map((s) => RANK[s]));
  if (state === 'rejected' || RANK[state] < target) {
    const m = MISSING[state];
    throw conflict('DECISION_STEP_SKIPPED', { zh: `不能办理“${step.zh}”：${m.zh}`, en: `Cannot ${step.en}: ${m.en}` }, { state, step: step.en });
  }
  throw conflict('DECISION_STEP_DONE', {
    zh: `该决策已处于“${STATES[state].zh}”阶段，不能再办理“${step.zh}”（程序环节不得倒序或重复）`,
    en: `The decision is already at "${STATES[state].en}"; cannot ${step.en} (steps cannot be repeated or reordered)`,
  }, { state, step: step.en });
}

/** 400 naming the field, for a date that precedes what it must follow. */
function notBefore(date: string, min: string | null, field: string, what: string) {
  if (min && date < min)
    throw badRequest('DATE_OUT_OF_ORDER', { zh: `${what}不得早于${min}`, en: `${field} cannot precede ${min}` }, { fields: [{ path: field, message: `${what}不得早于${min}` }] });
}

/** Steps the 承办单位 (or the office) takes; the office alone takes the government's own steps. */
const UNIT_STEP = (a: Actor) => requireRole(a, 'office', 'unit_head', 'liaison');
const OFFICE_STEP = (a: Actor) => requireRole(a, 'office');

type Row = Selectable<Database['decisions']>;
type Patch = Partial<{ [K in keyof DecisionsTable]: DecisionsTable[K] extends { __select__: infer S } ? S : DecisionsTable[K] }>;

/** Updates a locked decision (audited before/after by the record core). */
const update = (trx: Transaction<Database>, actor: Actor, before: Row, action: string, patch: Patch | Record<string, unknown>) =>
  Decisions.update(trx, actor, before, patch as Record<string, unknown>, action);

/** Audits a change to one of a decision's child records (comment, hearing, expert, evaluation) on the decision. */
const auditChild = (trx: Transaction<Database>, actor: Actor, d: Row, action: string, kind: string, before: unknown, after: unknown) =>
  Decisions.audit(trx, actor, action, before === null ? null : { [kind]: before }, { id: d.id, region_id: d.region_id, unit_id: d.unit_id, [kind]: after });

/** Runs a step in a transaction, turning a CHECK violation into a 409 (the database is the last guard). */
async function step<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as { code?: string; message?: string };
    if (err.code === '23514')
      throw conflict('DECISION_RULE_VIOLATED', { zh: `不符合${REG}规定的程序要求，未予保存`, en: 'The record breaks a rule of the procedure' }, { constraint: err.message });
    throw e;
  }
}

// ---------------------------------------------------------------- catalogue (第三条)

/** Creates the year's decision catalogue (the office of the region). */
export async function createCatalogue(db: Kysely<Database>, actor: Actor, regionId: string, input: z.infer<typeof CatalogueInput>) {
  OFFICE_STEP(actor);
  return step(db, async (trx) => {
    if (!(await mayWriteAt(trx, actor, regionId, null, OFFICE_WRITE))) throw forbidden();
    if (await Catalogues.query(trx, actor).select('c.id').where('c.region_id', '=', regionId).where('c.year', '=', input.year).executeTakeFirst())
      throw conflict('CATALOGUE_EXISTS', { zh: `${input.year}年度决策事项目录已建立`, en: `The ${input.year} catalogue exists` });
    return Catalogues.insert(trx, actor, {
      region_id: regionId, year: input.year, title: input.title, party_consent_on: input.partyConsentOn ?? null, party_consent_ref: input.partyConsentRef ?? null,
    });
  });
}

/** Records the Party committee's consent to the catalogue (第三条: 经同级党委同意). */
export async function recordCatalogueConsent(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ConsentInput>) {
  OFFICE_STEP(actor);
  return step(db, async (trx) => {
    const c = await Catalogues.lockForWrite(trx, actor, id);
    if (c.published_on) throw conflict('CATALOGUE_PUBLISHED', { zh: '目录已公布，不能修改党委同意记录', en: 'The catalogue is published' });
    return Catalogues.update(trx, actor, c, { party_consent_on: input.partyConsentOn, party_consent_ref: input.partyConsentRef }, 'party_consent');
  });
}

/** Publishes the catalogue — only after the Party committee's consent (第三条). */
export async function publishCatalogue(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof PublishCatalogueInput>) {
  OFFICE_STEP(actor);
  return step(db, async (trx) => {
    const c = await Catalogues.lockForWrite(trx, actor, id);
    if (c.published_on) throw conflict('CATALOGUE_PUBLISHED', { zh: '目录已公布', en: 'Already published' });
    if (!c.party_consent_on)
      throw conflict('CATALOGUE_NO_PARTY_CONSENT', { zh: `决策事项目录应当经同级党委同意后向社会公布（${REG}第三条）`, en: 'The catalogue is published only after the Party committee consents (art. 3)' });
    notBefore(input.publishedOn, c.party_consent_on, 'publishedOn', '公布日期（应在党委同意之后）');
    return Catalogues.update(trx, actor, c, { published_on: input.publishedOn, published_via: input.via }, 'publish');
  });
}

/** Catalogues in the actor's scope (region readers; unit staff see their region's catalogues). */
export async function listCatalogues(db: Db, actor: Actor, q: { year?: number }) {
  return Catalogues.query(db, actor)
    .select(['c.id', 'c.region_id', 'c.year', 'c.title', 'c.party_consent_on', 'c.party_consent_ref', 'c.published_on', 'c.published_via',
      (eb) => eb.selectFrom('decisions as d').select(sql<number>`count(*)::int`.as('n')).whereRef('d.catalogue_id', '=', 'c.id').as('items')])
    .$if(!!q.year, (b) => b.where('c.year', '=', q.year!))
    .orderBy('c.year', 'desc')
    .orderBy('c.id')
    .execute() as Promise<{ id: string; region_id: string; year: number; title: string; party_consent_on: string | null; party_consent_ref: string | null; published_on: string | null; published_via: string | null; items: number | null }[]>;
}

// ---------------------------------------------------------------- launch and draft

/** Launches a decision with its 承办单位 (第十条、第十一条): the office, or the unit for itself. */
export async function launchDecision(db: Kysely<Database>, actor: Actor, input: z.infer<typeof LaunchInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const unit = (await unitsById(trx, [input.unitId])).get(input.unitId);
    if (!unit || !(await mayWriteAt(trx, actor, unit.region_id, unit.id, DEFAULT_WRITE)))
      throw badRequest('UNIT_NOT_FOUND', { zh: '承办单位不存在或无权为其立项', en: 'Unit not found' }, { fields: [{ path: 'unitId', message: '承办单位不存在' }] });
    if (input.catalogueId) {
      // The catalogue of the unit's region, or of the district above a subdistrict's unit.
      const region = await regionById(trx, unit.region_id);
      const regions = [unit.region_id, ...(region?.parent_id ? [region.parent_id] : [])];
      const c = await trx.selectFrom('decision_catalogues').select(['id']).where('id', '=', input.catalogueId).where('region_id', 'in', regions).executeTakeFirst();
      if (!c) throw badRequest('CATALOGUE_NOT_FOUND', { zh: '决策事项目录不存在', en: 'Catalogue not found' }, { fields: [{ path: 'catalogueId', message: '目录不存在' }] });
    }
    return Decisions.insert(trx, actor, {
      region_id: unit.region_id, unit_id: unit.id, catalogue_id: input.catalogueId ?? null, title: input.title, category: input.category,
      proposal_source: input.proposalSource, launch_basis: input.launchBasis, launched_on: input.launchedOn, created_by: actor.userId,
    }, 'launch');
  });
}

/** Records the research and the draft (第十二条、第十三条). */
export async function recordDraft(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DraftInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['launched'], { zh: '拟订决策草案', en: 'record the draft' });
    notBefore(input.draftedOn, d.launched_on, 'draftedOn', '草案拟订日期（应在立项之后）');
    return update(trx, actor, d, 'draft', {
      state: 'drafted', drafted_on: input.draftedOn, research_summary: input.researchSummary, cost_benefit: input.costBenefit ?? null, alternatives: input.alternatives ?? null,
    });
  });
}

// ---------------------------------------------------------------- public participation

/** Opens public comment: at least 30 natural days unless a shortening reason is recorded (第十五条). */
export async function openPublicComment(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof OpenCommentInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['drafted'], { zh: '公开征求意见', en: 'open public comment' });
    notBefore(input.startsOn, d.drafted_on, 'startsOn', '征求意见开始日期（应在草案拟订之后）');
    const days = daysBetween(input.startsOn, input.endsOn);
    if (days <= 0) throw badRequest('COMMENT_PERIOD_EMPTY', { zh: '截止日期应晚于开始日期', en: 'The end must follow the start' }, { fields: [{ path: 'endsOn', message: '截止日期应晚于开始日期' }] });
    if (days < COMMENT_MIN_DAYS && !input.shortenedReason)
      throw badRequest('COMMENT_PERIOD_TOO_SHORT', {
        zh: `公开征求意见的期限一般不少于30日（${REG}第十五条）：自${input.startsOn}起应至少到${addDaysStr(input.startsOn, COMMENT_MIN_DAYS)}，现为${days}日；确需缩短的，应当说明理由`,
        en: `Public comment runs at least 30 days (art. 15): from ${input.startsOn} at least until ${addDaysStr(input.startsOn, COMMENT_MIN_DAYS)}; now ${days} days. Give the reason to shorten it.`,
      }, { fields: [{ path: 'endsOn', message: `不少于30日，最早截止于${addDaysStr(input.startsOn, COMMENT_MIN_DAYS)}` }, { path: 'shortenedReason', message: '缩短期限须说明理由' }] });
    const after = await update(trx, actor, d, 'open_comment', {
      state: 'public_comment', comment_starts_on: input.startsOn, comment_ends_on: input.endsOn, comment_channel: input.channel,
      comment_shortened_reason: days < COMMENT_MIN_DAYS ? input.shortenedReason! : null,
    });
    // The comment window's end is the 承办单位's to-do: sort the comments and publish the feedback.
    await setDeadline(trx, {
      module: 'decisions', entity: 'decision', entityId: d.id, kind: 'comment_end', title: { zh: `征求意见期满，研究处理意见并公布反馈：${d.title}`, en: `Comment period over: study the comments and publish the feedback — ${d.title}` },
      regionId: d.region_id, unitId: d.unit_id, spec: { from: input.startsOn, unit: 'ND', n: days },
      basis: `${REG}第十五条：公开征求意见的期限一般不少于30日；第十八条：对意见归纳整理、研究论证`,
    });
    return after;
  });
}

function addDaysStr(day: string, n: number) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Records a comment received during the window. */
export async function addComment(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof CommentInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['public_comment'], { zh: '登记公众意见', en: 'record a comment' });
    if (input.receivedOn < d.comment_starts_on! || input.receivedOn > d.comment_ends_on!)
      throw badRequest('COMMENT_OUTSIDE_PERIOD', { zh: `收到日期应在征求意见期内（${d.comment_starts_on}至${d.comment_ends_on}）`, en: 'Outside the comment period' }, { fields: [{ path: 'receivedOn', message: '不在征求意见期内' }] });
    const row = await trx
      .insertInto('decision_comments')
      .values({ decision_id: d.id, region_id: d.region_id, unit_id: d.unit_id, received_on: input.receivedOn, commenter: input.commenter, content: input.content })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChild(trx, actor, d, 'add_comment', 'comment', null, row);
    return row;
  });
}

/** Gives a comment its disposition (采纳 / 部分采纳 / 不予采纳) with the reason (第十八条). */
export async function disposeComment(db: Kysely<Database>, actor: Actor, id: string, commentId: string, input: z.infer<typeof DisposeInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['public_comment'], { zh: '研究处理公众意见', en: 'dispose of a comment' });
    const c = await trx.selectFrom('decision_comments').selectAll().where('id', '=', commentId).where('decision_id', '=', d.id).forUpdate().executeTakeFirst();
    if (!c) throw notFound({ zh: '公众意见', en: 'Comment' });
    const after = await trx.updateTable('decision_comments').set({ disposition: input.disposition, reason: input.reason }).where('id', '=', c.id).returningAll().executeTakeFirstOrThrow();
    await auditChild(trx, actor, d, 'dispose_comment', 'comment', c, after);
    return after;
  });
}

/** Records a hearing: participants published beforehand, materials sent ≥ 7 days before (第十六条). */
export async function recordHearing(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof HearingInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['drafted', 'public_comment'], { zh: '记录听证会', en: 'record a hearing' });
    notBefore(input.heldOn, d.drafted_on, 'heldOn', '听证日期（应在草案拟订之后）');
    const gap = daysBetween(input.materialsSentOn, input.heldOn);
    if (gap < HEARING_MATERIALS_DAYS)
      throw badRequest('HEARING_MATERIALS_LATE', {
        zh: `听证会材料应当于召开听证会7日前送达听证参加人（${REG}第十六条）：${input.heldOn}召开的，最迟应于${addDaysStr(input.heldOn, -HEARING_MATERIALS_DAYS)}送达`,
        en: `Hearing materials must reach participants 7 days before (art. 16): by ${addDaysStr(input.heldOn, -HEARING_MATERIALS_DAYS)}`,
      }, { fields: [{ path: 'materialsSentOn', message: `最迟${addDaysStr(input.heldOn, -HEARING_MATERIALS_DAYS)}` }] });
    if (input.participantsPublishedOn >= input.heldOn)
      throw badRequest('HEARING_PARTICIPANTS_LATE', { zh: `听证参加人名单应当提前向社会公布（${REG}第十六条）`, en: 'The participant list must be published beforehand (art. 16)' }, { fields: [{ path: 'participantsPublishedOn', message: '应早于听证日期' }] });
    const row = await trx
      .insertInto('decision_hearings')
      .values({
        decision_id: d.id, region_id: d.region_id, unit_id: d.unit_id, held_on: input.heldOn, place: input.place, participants_published_on: input.participantsPublishedOn,
        materials_sent_on: input.materialsSentOn, participants: input.participants, record: input.record,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChild(trx, actor, d, 'add_hearing', 'hearing', null, row);
    return row;
  });
}

/** Closes public comment: the window has ended, every comment is disposed of, the feedback is published (第十五条、第十八条). */
export async function publishFeedback(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof FeedbackInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['public_comment'], { zh: '公布意见反馈', en: 'publish the feedback' });
    if (input.publishedOn < d.comment_ends_on!)
      throw conflict('COMMENT_PERIOD_NOT_OVER', {
        zh: `公开征求意见期至${d.comment_ends_on}届满，期满前不能结束征求意见（${REG}第十五条）`,
        en: `Public comment runs until ${d.comment_ends_on} (art. 15)`,
      });
    const open = await trx.selectFrom('decision_comments').select(sql<number>`count(*)::int`.as('n')).where('decision_id', '=', d.id).where('disposition', 'is', null).executeTakeFirstOrThrow();
    if (Number(open.n) > 0)
      throw conflict('COMMENTS_NOT_DISPOSED', {
        zh: `尚有${open.n}条公众意见未研究处理（采纳、部分采纳或不予采纳并说明理由），不能公布反馈（${REG}第十八条）`,
        en: `${open.n} comments have no disposition yet (art. 18)`,
      });
    const after = await update(trx, actor, d, 'feedback', { state: 'comment_closed', feedback_published_on: input.publishedOn, feedback_summary: input.summary });
    await closeDeadline(trx, 'decision', d.id, 'comment_end');
    return after;
  });
}

// ---------------------------------------------------------------- experts and risk

/** Records expert consultation, or why none was needed (第十九条—第二十一条). */
export async function recordExpertConsultation(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ExpertInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['comment_closed'], { zh: '专家论证', en: 'record expert consultation' });
    notBefore(input.doneOn, d.drafted_on, 'doneOn', '专家论证完成日期');
    for (const [i, e] of input.experts.entries()) {
      notBefore(e.givenOn, d.drafted_on, `experts.${i}.givenOn`, '论证意见日期');
      const row = await trx
        .insertInto('decision_experts')
        .values({
          decision_id: d.id, region_id: d.region_id, unit_id: d.unit_id, name: e.name, organisation: e.organisation, field: e.field, opinion: e.opinion,
          signed: e.signed, no_conflict: e.noConflict, disposition: e.disposition, reason: e.reason, given_on: e.givenOn,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await auditChild(trx, actor, d, 'add_expert', 'expert', null, row);
    }
    return update(trx, actor, d, 'expert', {
      state: 'expert_done', expert_required: input.required, expert_not_required_reason: input.required ? null : input.notRequiredReason!, expert_done_on: input.doneOn,
    });
  });
}

/** Records the risk assessment, or why none was needed (第二十二条—第二十四条). */
export async function recordRiskAssessment(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof RiskInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['expert_done'], { zh: '风险评估', en: 'record the risk assessment' });
    notBefore(input.doneOn, d.drafted_on, 'doneOn', '风险评估完成日期');
    return update(trx, actor, d, 'risk', {
      state: 'risk_done', risk_required: input.required, risk_not_required_reason: input.required ? null : input.notRequiredReason!,
      risk_level: input.required ? input.level! : null, risk_report: input.required ? input.report! : null, risk_measures: input.measures ?? null, risk_done_on: input.doneOn,
    });
  });
}

// ---------------------------------------------------------------- legality review (第二十五条—第二十八条)

/** The earliest due date of a legality review sent on `sentOn`: 7 working days (第二十六条), on the shared calendar. */
export async function legalityMinDue(db: Db, sentOn: string) {
  const cal = await loadCalendar(db);
  return cal.addWorkdays(sentOn, LEGALITY_MIN_WORKDAYS);
}

/**
 * Sends the draft for legality review — to the office, or to a legal advisor through the advisors
 * queue (第二十八条: 组织法律顾问、公职律师提出法律意见) — with at least 7 working days (第二十六条).
 */
export async function sendForLegalityReview(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof SendLegalityInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['risk_done', 'legality_failed'], { zh: '送请合法性审查', en: 'send for legality review' });
    notBefore(input.sentOn, d.risk_done_on, 'sentOn', '送审日期（应在风险评估之后）');
    const cal = await loadCalendar(trx);
    const min = cal.addWorkdays(input.sentOn, LEGALITY_MIN_WORKDAYS);
    const due = input.dueDate ?? min;
    if (due < min)
      throw badRequest('LEGALITY_TIME_TOO_SHORT', {
        zh: `送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日（${REG}第二十六条）：${input.sentOn}送审的，审查期限最早为${min}`,
        en: `Legality review needs at least 7 working days (art. 26): sent ${input.sentOn}, due no earlier than ${min}`,
      }, { fields: [{ path: 'dueDate', message: `不少于7个工作日，最早${min}` }] });
    const spec: DeadlineSpec = due === min ? { from: input.sentOn, unit: 'WD', n: LEGALITY_MIN_WORKDAYS } : { from: input.sentOn, unit: 'ND', n: daysBetween(input.sentOn, due) };
    const basis = `${REG}第二十六条：送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日`;
    let reviewId: string | null = null;
    if (input.reviewer === 'advisor') {
      const r = await requestReview(trx, actor, {
        type: 'major_decision', subjectEntity: 'decision', subjectId: d.id, unitId: d.unit_id, title: `${d.title}（合法性审查）`,
        summary: `决策草案及起草说明、公众意见采纳情况、专家论证及风险评估材料已随附。`, requestedOn: input.sentOn,
        assign: { firmId: input.firmId, advisorId: input.advisorId, assignedOn: input.sentOn, dueDate: due, spec, basis },
      });
      reviewId = r.id;
    } else {
      await setDeadline(trx, {
        module: 'decisions', entity: 'decision', entityId: d.id, kind: 'legality_review', title: { zh: `合法性审查：${d.title}`, en: `Legality review: ${d.title}` },
        regionId: d.region_id, unitId: null, spec, basis,
      });
    }
    return update(trx, actor, d, 'send_legality', {
      state: 'legality_review', legality_reviewer: input.reviewer, legality_sent_on: input.sentOn, legality_due_on: due, legality_review_id: reviewId,
      legality_conclusion: null, legality_opinion: null, legality_concluded_on: null, legality_amendments: null,
    });
  });
}

const NEXT_BY_CONCLUSION = { lawful: 'legality_passed', lawful_if_amended: 'legality_amend', unlawful: 'legality_failed' } as const;

async function applyLegality(trx: Transaction<Database>, actor: Actor, d: Row, c: { conclusion: 'lawful' | 'unlawful' | 'lawful_if_amended'; opinion: string; concludedOn: string }) {
  notBefore(c.concludedOn, d.legality_sent_on, 'concludedOn', '审查意见日期（应在送审之后）');
  const after = await update(trx, actor, d, 'legality_conclusion', {
    state: NEXT_BY_CONCLUSION[c.conclusion], legality_conclusion: c.conclusion, legality_opinion: c.opinion, legality_concluded_on: c.concludedOn,
  });
  await closeDeadline(trx, 'decision', d.id, 'legality_review');
  return after;
}

/** The office's own legality conclusion (when the office reviewed). */
export async function recordLegalityConclusion(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof LegalityInput>) {
  OFFICE_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, OFFICE_WRITE);
    gate(d.state, ['legality_review'], { zh: '出具合法性审查意见', en: 'conclude the legality review' });
    if (d.legality_reviewer === 'advisor')
      throw conflict('LEGALITY_BY_ADVISOR', { zh: '该决策草案已送法律顾问审查，审查意见由被指派的法律顾问在审查事项中出具', en: 'An advisor reviews this draft; the opinion is given in the review queue' });
    return applyLegality(trx, actor, d, input);
  });
}

// When an advisor concludes a decision's legality review, the decision moves on in the same transaction.
onReviewConcluded('decision', async (trx, actor, review) => {
  // The assigned advisor works outside the decision's scope: the review they concluded (locked in scope by
  // the advisors module) names the decision, so it is locked here by that reference, not by the actor's scope.
  const d = await trx.selectFrom('decisions').selectAll().where('id', '=', review.subjectId).where('legality_review_id', '=', review.id).forUpdate().executeTakeFirst();
  if (!d || d.legality_review_id !== review.id || d.state !== 'legality_review') return;
  await applyLegality(trx, actor, d, { conclusion: review.conclusion!, opinion: `${review.opinion}（理由：${review.reasons}）`, concludedOn: review.concludedOn! });
});

/** Records how the draft was amended after a 修改后合法 opinion (第二十八条). */
export async function recordAmendments(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof AmendInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['legality_amend'], { zh: '记录按审查意见修改情况', en: 'record the amendments' });
    return update(trx, actor, d, 'amend', { state: 'legality_passed', legality_amendments: input.amendments });
  });
}

// ---------------------------------------------------------------- collective decision, publication

/** The collective decision at an executive or plenary meeting, with minutes and dissent (第二十九条—第三十一条). */
export async function decide(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DecideInput>) {
  OFFICE_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, OFFICE_WRITE);
    gate(d.state, ['legality_passed'], { zh: '提交集体讨论决定', en: 'submit to collective discussion' });
    if (d.legality_reviewer === 'advisor') {
      // Read the advisor's conclusion again from its owner, so the gate never rests on a stale copy.
      const r = await getReviewConclusion(trx, actor, d.legality_review_id!);
      if (!r || r.status !== 'concluded' || r.conclusion === 'unlawful') gate('legality_review', ['legality_passed'], { zh: '提交集体讨论决定', en: 'submit to collective discussion' });
    }
    notBefore(input.meetingOn, d.legality_concluded_on, 'meetingOn', '会议日期（应在合法性审查意见出具之后）');
    if (input.partyReportOn) notBefore(input.partyReportOn, d.launched_on, 'partyReportOn', '请示报告日期');
    return update(trx, actor, d, 'decide', {
      state: input.outcome === 'approved' ? 'decided' : 'rejected', meeting_kind: input.meetingKind, meeting_name: input.meetingName, meeting_on: input.meetingOn,
      minutes: input.minutes, dissent: input.dissent, head_conclusion: input.headConclusion, outcome: input.outcome, decided_on: input.meetingOn,
      party_report_on: input.partyReportOn ?? null, party_report_ref: input.partyReportRef ?? null,
    });
  });
}

/** Publishes the decision; requires the report to the Party committee before it is issued (第三十一条、第三十二条). */
export async function publishDecision(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof PublishInput>) {
  OFFICE_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, OFFICE_WRITE);
    gate(d.state, ['decided'], { zh: '公布决策', en: 'publish the decision' });
    const reportOn = input.partyReportOn ?? d.party_report_on;
    if (!reportOn)
      throw conflict('DECISION_PARTY_REPORT_MISSING', { zh: `重大行政决策出台前应当按照规定向同级党委请示报告，请先记录请示报告情况（${REG}第三十一条）`, en: 'Report to the Party committee before issuing (art. 31)' });
    notBefore(input.publishedOn, d.decided_on, 'publishedOn', '公布日期（应在决定之后）');
    if (reportOn > input.publishedOn)
      throw conflict('DECISION_PARTY_REPORT_MISSING', { zh: `向党委请示报告应在决策出台前（${REG}第三十一条）`, en: 'The report must precede publication (art. 31)' });
    return update(trx, actor, d, 'publish', {
      state: 'published', published_on: input.publishedOn, published_via: input.via, party_report_on: reportOn, party_report_ref: input.partyReportRef ?? d.party_report_ref,
    });
  });
}

/** Records a later evaluation (第三十六条). */
export async function evaluateDecision(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof EvaluateInput>) {
  UNIT_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    gate(d.state, ['published', 'evaluated'], { zh: '决策后评估', en: 'evaluate the decision' });
    notBefore(input.evaluatedOn, d.published_on, 'evaluatedOn', '评估日期（应在公布之后）');
    const row = await trx
      .insertInto('decision_evaluations')
      .values({ decision_id: d.id, region_id: d.region_id, unit_id: d.unit_id, evaluated_on: input.evaluatedOn, trigger: input.trigger, evaluator: input.evaluator, findings: input.findings, recommendation: input.recommendation })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChild(trx, actor, d, 'add_evaluation', 'evaluation', null, row);
    if (d.state !== 'evaluated') await update(trx, actor, d, 'evaluate', { state: 'evaluated' });
    return row;
  });
}

/** Archives the procedure's records once every checklist item is in (第三十三条). */
export async function archiveDecision(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof ArchiveInput>) {
  OFFICE_STEP(actor);
  return step(db, async (trx) => {
    const d = await Decisions.lockForWrite(trx, actor, id, OFFICE_WRITE);
    if (d.archived_on) throw conflict('DECISION_ARCHIVED', { zh: '该决策已归档', en: 'Already archived' });
    gate(d.state, ['published', 'evaluated', 'rejected'], { zh: '归档', en: 'archive' });
    const applicable = Object.keys(ARCHIVE_ITEMS).filter((k) => !(d.state === 'rejected' && (k === 'partyReport' || k === 'publication'))) as (keyof typeof ARCHIVE_ITEMS)[];
    const missing = applicable.filter((k) => !input.checklist[k]);
    if (missing.length)
      throw conflict('DECISION_ARCHIVE_INCOMPLETE', {
        zh: `履行决策程序形成的记录、材料应当及时完整归档（${REG}第三十三条），尚缺：${missing.map((k) => ARCHIVE_ITEMS[k]).join('、')}`,
        en: `Archive every record of the procedure (art. 33); missing: ${missing.join(', ')}`,
      }, { missing });
    notBefore(input.archivedOn, d.decided_on, 'archivedOn', '归档日期');
    return update(trx, actor, d, 'archive', { archived_on: input.archivedOn, archive_checklist: JSON.stringify(input.checklist) });
  });
}

// ---------------------------------------------------------------- reading

const decisionSelect = (db: Db, actor: Actor) =>
  Decisions.query(db, actor)
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .leftJoin('decision_catalogues as c', 'c.id', 'd.catalogue_id')
    .selectAll('d')
    .select(['u.name as unit_name', 'c.year as catalogue_year'])
    // What the actor may do on each row, decided in SQL by the same write scope lockForWrite uses.
    .select(sql<boolean>`${Decisions.writeWhere(actor, 'd', DEFAULT_WRITE)}`.as('may_write'))
    .select(sql<boolean>`${Decisions.writeWhere(actor, 'd', OFFICE_WRITE)}`.as('may_office'));

/** A decision row with names and the actor's write abilities. */
export type DecisionRow = Row & { unit_name: string; catalogue_year: number | null; may_write: boolean; may_office: boolean };

/** Decisions in the actor's scope (region readers; the 承办单位's staff). */
export async function listDecisions(db: Db, actor: Actor, q: PageQuery & { q?: string; state?: DecisionState; year?: number; unitId?: string }) {
  return Decisions.list<DecisionRow>(db, actor, q, {
    select: () =>
      decisionSelect(db, actor)
        .$if(!!q.state, (b) => b.where('d.state', '=', q.state!))
        .$if(!!q.unitId, (b) => b.where('d.unit_id', '=', q.unitId!))
        .$if(!!q.year, (b) => b.where((eb) => eb.or([eb('c.year', '=', q.year!), eb.and([eb('d.launched_on', '>=', `${q.year}-01-01`), eb('d.launched_on', '<=', `${q.year}-12-31`)])])))
        .$if(!!q.q, (b) => b.where('d.title', 'like', `%${q.q}%`)),
    sortable: { launchedOn: 'd.launched_on', title: 'd.title', state: 'd.state', decidedOn: 'd.decided_on' },
    defaultSort: { column: 'd.launched_on', order: 'desc' },
  });
}

/** One decision with its comments, hearings, experts, evaluations and the advisor's review, if in scope. */
export async function getDecision(db: Db, actor: Actor, id: string) {
  const d = (await decisionSelect(db, actor).where('d.id', '=', id).executeTakeFirst()) as DecisionRow | undefined;
  if (!d) throw notFound(Decisions.label);
  const [comments, hearings, experts, evaluations] = await Promise.all([
    db.selectFrom('decision_comments').selectAll().where('decision_id', '=', id).orderBy('received_on').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('decision_hearings').selectAll().where('decision_id', '=', id).orderBy('held_on').orderBy('id').execute(),
    db.selectFrom('decision_experts').selectAll().where('decision_id', '=', id).orderBy('given_on').orderBy('id').execute(),
    db.selectFrom('decision_evaluations').selectAll().where('decision_id', '=', id).orderBy('evaluated_on').orderBy('id').execute(),
  ]);
  const review: ReviewConclusionView | null = d.legality_review_id ? await getReviewConclusion(db, actor, d.legality_review_id) : null;
  return { d, comments, hearings, experts, evaluations, review };
}

/** Every action of the procedure with the states it is allowed in, who may take it, and its name. */
export const ACTIONS: { key: string; allowed: DecisionState[]; office: boolean; name: Msg }[] = [
  { key: 'draft', allowed: ['launched'], office: false, name: { zh: '拟订决策草案', en: 'record the draft' } },
  { key: 'openComment', allowed: ['drafted'], office: false, name: { zh: '公开征求意见', en: 'open public comment' } },
  { key: 'hearing', allowed: ['drafted', 'public_comment'], office: false, name: { zh: '记录听证会', en: 'record a hearing' } },
  { key: 'comment', allowed: ['public_comment'], office: false, name: { zh: '登记公众意见', en: 'record a comment' } },
  { key: 'feedback', allowed: ['public_comment'], office: false, name: { zh: '公布意见反馈', en: 'publish the feedback' } },
  { key: 'expert', allowed: ['comment_closed'], office: false, name: { zh: '专家论证', en: 'record expert consultation' } },
  { key: 'risk', allowed: ['expert_done'], office: false, name: { zh: '风险评估', en: 'record the risk assessment' } },
  { key: 'sendLegality', allowed: ['risk_done', 'legality_failed'], office: false, name: { zh: '送请合法性审查', en: 'send for legality review' } },
  { key: 'legality', allowed: ['legality_review'], office: true, name: { zh: '出具合法性审查意见', en: 'conclude the legality review' } },
  { key: 'amend', allowed: ['legality_amend'], office: false, name: { zh: '记录按审查意见修改情况', en: 'record the amendments' } },
  { key: 'decide', allowed: ['legality_passed'], office: true, name: { zh: '提交集体讨论决定', en: 'submit to collective discussion' } },
  { key: 'publish', allowed: ['decided'], office: true, name: { zh: '公布决策', en: 'publish the decision' } },
  { key: 'evaluate', allowed: ['published', 'evaluated'], office: false, name: { zh: '决策后评估', en: 'evaluate the decision' } },
  { key: 'archive', allowed: ['published', 'evaluated', 'rejected'], office: true, name: { zh: '归档', en: 'archive' } },
];

/**
 * For the UI: each action, whether this actor may take it now, and — when the procedure forbids it —
 * the same message the server would answer with (so the page explains why a button is disabled).
 */
export function decisionActions(actor: Actor, d: { state: DecisionState; may_write: boolean; may_office: boolean; legality_reviewer: string | null; archived_on: string | null }, lang: 'zh' | 'en') {
  return ACTIONS.map((a) => {
    const mayWrite = a.office ? hasRole(actor, 'office') && !!d.may_office : !!d.may_write;
    let reason: string | null = null;
    try {
      gate(d.state, a.allowed, a.name);
      if (a.key === 'legality' && d.legality_reviewer === 'advisor') reason = lang === 'zh' ? '由被指派的法律顾问出具审查意见' : 'The assigned advisor gives the opinion';
      if (a.key === 'archive' && d.archived_on) reason = lang === 'zh' ? '已归档' : 'Archived';
    } catch (e) {
      reason = (e as AppError).msg[lang];
    }
    return { key: a.key, allowed: mayWrite && !reason, reason: mayWrite ? reason : null };
  });
}

/** Counts for the office's to-do list: drafts ready for collective discussion, decisions awaiting publication. */
export async function officeQueue(db: Db, actor: Actor) {
  const paths = writeRegionPaths(actor, OFFICE_WRITE);
  if (!paths.length) return { toDecide: 0, toPublish: 0 };
  const r = await db
    .selectFrom('decisions as d')
    .select([sql<number>`count(*) filter (where d.state = 'legality_passed')::int`.as('toDecide'), sql<number>`count(*) filter (where d.state = 'decided')::int`.as('toPublish')])
    .where(inGovernedRegions('d.region_id', paths))
    .executeTakeFirstOrThrow();
  return { toDecide: Number(r.toDecide), toPublish: Number(r.toPublish) };
}

/** Public view (portal): the published catalogue of a region and year, with each decision's stage. */
export async function publicCatalogue(db: Db, regionCode: string, year: number) {
  const region = await regionByCode(db, regionCode);
  if (!region) throw notFound(CATALOGUE);
  // Deliberately unscoped: only what has been published to the public (目录 after publication; decisions' own publication).
  const c = await db.selectFrom('decision_catalogues').selectAll().where('region_id', '=', region.id).where('year', '=', year).where('published_on', 'is not', null).executeTakeFirst();
  if (!c) throw notFound(CATALOGUE);
  const items = await db
    .selectFrom('decisions as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.title', 'd.category', 'u.name as unit_name', 'd.state', 'd.published_on', 'd.published_via'])
    .where('d.catalogue_id', '=', c.id)
    .orderBy('d.launched_on')
    .execute();
  return { region: region.name, catalogue: c, items };
}
