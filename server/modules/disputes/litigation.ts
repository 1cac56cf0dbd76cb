/**
 * Administrative litigation (行政应诉): district agencies as defendants. Intake when the complaint copy
 * arrives starts the 15-day defence clock (行政诉讼法 第67条, the highest-priority alert); hearings
 * with the head's appearance check (出庭应诉); judgments, the appeal decision within the appeal
 * period, effectiveness, performance and retrial. No HTTP here.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { loadCalendar, type WorkCalendar } from '../../core/calendar/index.js';
import { closeDeadline, deadlinesOf } from '../../core/deadlines/index.js';
import { conflict, notFound } from '../../core/errors/index.js';
import { assertMayWriteAt, inRegionPaths, DEFAULT_WRITE, type Actor } from '../../core/scope/index.js';
import { unitsById } from '../org/lookup.js';
import { APPEAL_STAGE_OUTCOMES, LAWSUIT_OUTCOMES } from '../../../common/disputes.js';
import * as clocks from './clocks.js';
import { ENTITY, fieldError, notBefore, setClock } from './common.js';
import { Lawsuits } from './records.js';
import { AGENCY_TYPES } from './reconsideration.js';
import type {
  AdvisorInput, AppealDecisionInput, AppealInput, DefenceInput, EffectiveInput, JudgmentInput, LawsuitHearingInput,
  LawsuitInput, LawsuitListQuery, LawsuitsTable, PerformanceInput, RetrialInput,
} from './schema.js';

/** A lawsuit row. */
export type LawsuitRow = Selectable<LawsuitsTable>;

/** A lawsuit as read: the row, the defendant's and the firm's names, the defence due date and whether the actor may manage it. */
export type LawsuitRead = LawsuitRow & { unit_name: string; advisor_unit_name: string | null; defence_due: string | null; may_manage: boolean };

/** Locks a lawsuit for a step: 404 unseen, 403 seen but not the office's or the defendant unit's (谁主管、谁应诉). */
const lockLawsuit = (trx: Db, actor: Actor, id: string) => Lawsuits.lockForWrite(trx, actor, id, DEFAULT_WRITE);

const save = (trx: Db, actor: Actor, before: LawsuitRow, patch: Partial<LawsuitRow>, action: string) =>
  Lawsuits.update(trx, actor, before, { ...patch, updated_at: new Date() }, action);

/** Records a change in a lawsuit's child table (hearing, judgment) in the lawsuit's audit trail. */
const auditChild = (trx: Db, actor: Actor, l: LawsuitRow, action: string, child: unknown) =>
  Lawsuits.audit(trx, actor, action, null, { id: l.id, region_id: l.region_id, unit_id: l.unit_id, [action]: child });

const where = (l: LawsuitRow) => ({ regionId: l.region_id, unitId: l.unit_id, titlePrefix: l.case_no });

async function dueOf(trx: Db, id: string, kind: string) {
  const d = await trx.selectFrom('deadlines').select(['due_date', 'status']).where('entity', '=', ENTITY.lawsuit).where('entity_id', '=', id).where('kind', '=', kind).executeTakeFirst();
  return d ?? null;
}

async function checkAdvisor(trx: Db, advisorUnitId?: string) {
  if (!advisorUnitId) return;
  const firm = (await unitsById(trx, [advisorUnitId])).get(advisorUnitId);
  if (!firm || firm.type !== 'law_firm')
    throw fieldError('ADVISOR_NOT_LAW_FIRM', 'advisorUnitId', { zh: '代理法律顾问单位须为律师事务所', en: 'The advisor must be a law firm' });
}

/** Whether a case number is already registered in a region (case numbers are unique per region). */
export async function lawsuitCaseNoTaken(trx: Db, regionId: string, caseNo: string) {
  return !!(await trx.selectFrom('lawsuits').select('id').where('region_id', '=', regionId).where('case_no', '=', caseNo).executeTakeFirst());
}

/** Registers a lawsuit when the complaint copy is received; starts the 15-day defence clock. */
export async function registerLawsuit(trx: Db, actor: Actor, input: z.infer<typeof LawsuitInput>, cal?: WorkCalendar): Promise<LawsuitRow> {
  const unit = (await unitsById(trx, [input.defendantUnitId])).get(input.defendantUnitId);
  if (!unit || !AGENCY_TYPES.includes(unit.type))
    throw fieldError('DEFENDANT_NOT_FOUND', 'defendantUnitId', { zh: '被告须为本区行政机关或街道办事处', en: 'The defendant must be an agency of the district' });
  await assertMayWriteAt(trx, actor, unit.region_id, unit.id, DEFAULT_WRITE);
  if (input.filedDate) notBefore('complaintReceivedDate', input.complaintReceivedDate, input.filedDate, '立案日期');
  if (input.advisorName && !input.advisorUnitId)
    throw fieldError('ADVISOR_FIRM_REQUIRED', 'advisorUnitId', { zh: '请选择代理律师所在的律师事务所', en: 'Choose the advisor\'s law firm' });
  await checkAdvisor(trx, input.advisorUnitId);
  if (await lawsuitCaseNoTaken(trx, unit.region_id, input.caseNo)) throw conflict('CASE_NO_TAKEN', { zh: `案号${input.caseNo}已登记`, en: `Case ${input.caseNo} is already registered` }, { fields: [{ path: 'caseNo', message: '案号已登记' }] });
  const row = await Lawsuits.insert(trx, actor, {
      region_id: unit.region_id,
      unit_id: unit.id,
      case_no: input.caseNo,
      court_name: input.courtName,
      plaintiff_name: input.plaintiffName,
      plaintiff_type: input.plaintiffType,
      act_challenged: input.actChallenged,
      case_type: input.caseType,
      filed_date: input.filedDate ?? null,
      complaint_received_date: input.complaintReceivedDate,
      stage: 'first',
      status: 'defence',
      advisor_unit_id: input.advisorUnitId ?? null,
      advisor_name: input.advisorName ?? null,
  });
  // 行政诉讼法 第67条: 收到起诉状副本之日起十五日内 — priority DEFENCE_PRIORITY, the highest alert.
  await setClock(trx, cal ?? (await loadCalendar(trx)), ENTITY.lawsuit, row.id, clocks.defence(input.complaintReceivedDate), where(row));
  return row;
}

/** Registers a lawsuit in its own transaction. */
export function createLawsuit(db: Kysely<Database>, actor: Actor, input: z.infer<typeof LawsuitInput>) {
  return db.transaction().execute((trx) => registerLawsuit(trx, actor, input));
}

/** Files the defence (答辩状) and evidence; closes the defence clock. */
export async function fileDefence(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof DefenceInput>) {
  return db.transaction().execute(async (trx) => {
    const l = await lockLawsuit(trx, actor, id);
    if (l.status !== 'defence') throw conflict('DEFENCE_ALREADY_FILED', { zh: '答辩状已提交', en: 'The defence was already filed' });
    notBefore('date', input.date, l.complaint_received_date, '收到起诉状副本的日期');
    const after = await save(trx, actor, l, { status: 'pending', defence_filed_date: input.date, evidence_submitted: input.evidenceSubmitted }, 'file_defence');
    await closeDeadline(trx, ENTITY.lawsuit, id, 'defence', 'done');
    return after;
  });
}

/**
 * Records a hearing and who appeared for the agency. The head must be 正职、副职、分管副职级 or 其他分管负责人
 * of the defendant itself (出庭规定 第2条); if absent, a permitted reason (第8条) and the agency's own
 * staff member — never a lawyer alone (行诉解释 第128条).
 */
export async function recordLawsuitHearing(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof LawsuitHearingInput>) {
  return db.transaction().execute(async (trx) => {
    const l = await lockLawsuit(trx, actor, id);
    if (l.status === 'defence')
      throw conflict('DEFENCE_NOT_FILED', { zh: '尚未提交答辩状，请先登记答辩举证（《行政诉讼法》第六十七条）', en: 'File the defence first' });
    if (l.status !== 'pending') throw conflict('LAWSUIT_NOT_PENDING', { zh: '案件不在审理中，不能登记开庭', en: 'The case is not pending' });
    notBefore('hearingDate', input.hearingDate, l.complaint_received_date, '收到起诉状副本的日期');
    if (input.headAppeared) {
      if (!input.headName || !input.headPosition)
        throw fieldError('HEAD_DETAILS_REQUIRED', !input.headName ? 'headName' : 'headPosition', { zh: '负责人出庭的，应当写明姓名和职务类别（正职、副职、分管副职级或其他分管负责人）', en: 'Give the head\'s name and position' });
      if (input.headOfOtherBody)
        throw conflict('HEAD_NOT_QUALIFIED', { zh: '被诉行政机关委托的组织或者下级行政机关的负责人，不能作为被诉行政机关负责人出庭（《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第二条）', en: 'A head of an entrusted or lower body does not count as the defendant\'s head' });
    } else {
      if (!input.absenceReason)
        throw fieldError('ABSENCE_REASON_REQUIRED', 'absenceReason', { zh: '负责人不能出庭的，应当写明正当理由：不可抗力、意外事件、需要履行他人不能代替的公务或其他正当事由（出庭规定第八条）', en: 'Give the permitted reason for absence' });
      if (!input.delegateName)
        throw fieldError('DELEGATE_REQUIRED', 'delegateName', { zh: '负责人不能出庭的，应当委托行政机关相应的工作人员出庭，不得仅委托律师出庭（《行政诉讼法》第三条、行诉解释第一百二十八条）', en: 'Name the agency staff member who appeared; a lawyer alone is not allowed' });
      if (input.lawyerName && input.delegateName === input.lawyerName)
        throw fieldError('LAWYER_ONLY', 'delegateName', { zh: '不得仅委托律师出庭，出庭工作人员应为本机关工作人员（行诉解释第一百二十八条）', en: 'A lawyer alone may not appear' });
    }
    const h = await trx
      .insertInto('lawsuit_hearings')
      .values({
        lawsuit_id: id, stage: l.stage, hearing_date: input.hearingDate, court_notice_served: input.courtNoticeServed, head_appeared: input.headAppeared,
        head_name: input.headAppeared ? input.headName! : null, head_position: input.headAppeared ? input.headPosition! : null,
        absence_reason: input.headAppeared ? null : input.absenceReason!, absence_detail: input.absenceDetail ?? null,
        delegate_name: input.delegateName ?? null, lawyer_name: input.lawyerName ?? null, notes: input.notes ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChild(trx, actor, l, 'hearing', h);
    return h;
  });
}

/** Rulings that can be appealed (行政诉讼法 第85条 with 行诉解释 第101条 — 不予立案、驳回起诉、管辖异议). */
const APPEALABLE_RULINGS = ['不予立案', '驳回起诉'];

/** What a served judgment means for the case: its final outcome and whether the agency lost. */
async function effectOf(trx: Db, l: LawsuitRow, outcome: string, revisedTo?: string) {
  if (outcome === '驳回上诉维持原判') {
    const prev = await trx.selectFrom('lawsuit_judgments').select('outcome').where('lawsuit_id', '=', l.id).where('stage', '<>', 'appeal').orderBy('served_date', 'desc').executeTakeFirst();
    const o = prev?.outcome ?? '驳回诉讼请求';
    return { final: o, lost: LAWSUIT_OUTCOMES[o]?.lost ?? false };
  }
  if (outcome === '改判') return { final: revisedTo!, lost: LAWSUIT_OUTCOMES[revisedTo!]?.lost ?? true };
  return { final: outcome, lost: LAWSUIT_OUTCOMES[outcome].lost };
}

/**
 * Records a judgment or ruling served on the agency. At first instance (or retrial at first instance)
 * an appealable one starts the appeal clock (第85条); a second-instance judgment is final on service.
 */
export async function recordJudgment(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof JudgmentInput>) {
  return db.transaction().execute(async (trx) => {
    const l = await lockLawsuit(trx, actor, id);
    if (l.status !== 'pending')
      throw conflict(l.status === 'defence' ? 'DEFENCE_NOT_FILED' : 'LAWSUIT_NOT_PENDING', { zh: l.status === 'defence' ? '尚未提交答辩状，不能登记裁判结果' : '案件不在审理中，不能登记裁判结果', en: 'The case is not pending' });
    notBefore('servedDate', input.servedDate, l.complaint_received_date, '收到起诉状副本的日期');
    const def = LAWSUIT_OUTCOMES[input.outcome];
    if (l.stage === 'appeal' && !APPEAL_STAGE_OUTCOMES.includes(input.outcome))
      throw fieldError('OUTCOME_NOT_FOR_STAGE', 'outcome', { zh: `二审裁判结果应为：${APPEAL_STAGE_OUTCOMES.join('、')}（《行政诉讼法》第八十九条）`, en: 'Not a second-instance outcome' });
    if (l.stage !== 'appeal' && ['驳回上诉维持原判', '改判'].includes(input.outcome))
      throw fieldError('OUTCOME_NOT_FOR_STAGE', 'outcome', { zh: '一审不能作出二审裁判', en: 'Not a first-instance outcome' });
    if (input.outcome === '改判' && (!input.revisedTo || APPEAL_STAGE_OUTCOMES.includes(input.revisedTo) || LAWSUIT_OUTCOMES[input.revisedTo].kind !== 'judgment'))
      throw fieldError('REVISED_OUTCOME_REQUIRED', 'revisedTo', { zh: '改判的，应当写明改判后的判决结果', en: 'Give the revised outcome' });
    const j = await trx
      .insertInto('lawsuit_judgments')
      .values({ lawsuit_id: id, stage: l.stage, kind: def.kind, outcome: input.outcome, served_date: input.servedDate, summary: input.summary ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const cal = await loadCalendar(trx);
    const base = { last_outcome: input.outcome, last_judgment_kind: def.kind, last_served_date: input.servedDate, agency_appeal_decision: null, agency_appeal_decision_date: null } as const;
    let after: LawsuitRow;
    if (input.outcome === '发回重审') {
      // 第89条第一款第三项: 发回原审人民法院重审 — the case is tried again at first instance.
      after = await save(trx, actor, l, { ...base, stage: 'first', status: 'pending' }, 'judgment');
    } else if (l.stage === 'appeal' || (def.kind === 'ruling' && !APPEALABLE_RULINGS.includes(input.outcome))) {
      // Final on service: second-instance judgments (第89条) and non-appealable rulings (撤诉、终结、调解).
      const eff = await effectOf(trx, l, input.outcome, input.revisedTo);
      after = await save(trx, actor, l, { ...base, status: 'closed', effective_date: input.servedDate, closed_date: input.servedDate, final_outcome: eff.final, lost: eff.lost }, 'judgment');
    } else {
      after = await save(trx, actor, l, { ...base, status: 'judged' }, 'judgment');
      await setClock(trx, cal, ENTITY.lawsuit, id, clocks.appealDecision(def.kind, input.servedDate), where(l));
    }
    await auditChild(trx, actor, l, 'judgment_served', j);
    return after;
  });
}

/** The agency decides, within the appeal period, whether to appeal (决定是否上诉). */
export async function decideAppeal(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof AppealDecisionInput>) {
  return db.transaction().execute(async (trx) => {
    const l = await lockLawsuit(trx, actor, id);
    const pendingOnPlaintiffAppeal = l.status === 'pending' && l.stage === 'appeal' && l.appeal_by === 'plaintiff' && !l.agency_appeal_decision;
    if (l.status !== 'judged' && !pendingOnPlaintiffAppeal)
      throw conflict('NO_APPEALABLE_JUDGMENT', { zh: '没有处于上诉期内的一审判决或裁定', en: 'No first-instance judgment in its appeal period' });
    if (l.agency_appeal_decision) throw conflict('APPEAL_ALREADY_DECIDED', { zh: '已作出是否上诉的决定', en: 'The appeal decision was already made' });
    notBefore('date', input.date, l.last_served_date!, '裁判文书送达日期');
    const due = (await dueOf(trx, id, 'appeal_decision'))!;
    if (input.date > due.due_date)
      throw conflict('APPEAL_PERIOD_EXPIRED', { zh: `上诉期限已于${due.due_date}届满（《行政诉讼法》第八十五条）`, en: `The appeal period ended on ${due.due_date}` });
    const patch: Partial<LawsuitRow> = { agency_appeal_decision: input.decision, agency_appeal_decision_date: input.date };
    if (input.decision === 'appeal') {
      Object.assign(patch, { stage: 'appeal', status: 'pending', appeal_by: l.appeal_by === 'plaintiff' ? 'both' : 'defendant', appeal_date: l.appeal_date ?? input.date });
    }
    const after = await save(trx, actor, l, patch, input.decision === 'appeal' ? 'appeal' : 'accept_judgment');
    await closeDeadline(trx, ENTITY.lawsuit, id, 'appeal_decision', 'done');
    return after;
  });
}

/** Records the plaintiff's appeal: the case goes to second instance. */
export async function recordPlaintiffAppeal(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof AppealInput>) {
  return db.transaction().execute(async (trx) => {
    const l = await lockLawsuit(trx, actor, id);
    if (l.status !== 'judged') throw conflict('NO_APPEALABLE_JUDGMENT', { zh: '没有处于上诉期内的一审判决或裁定', en: 'No first-instance judgment in its appeal period' });
    notBefore('date', input.date, l.last_served_date!, '裁判文书送达日期');
    const by = input.by === 'both' || l.agency_appeal_decision === 'appeal' ? 'both' : 'plaintiff';
    const after = await save(trx, actor, l, { stage: 'appeal', status: 'pending', appeal_by: by, appeal_date: input.date }, 'plaintiff_appeal');
    // The agency's own decision clock stays open if it has not decided (it may still cross-appeal).
    if (l.agency_appeal_decision) await closeDeadline(trx, ENTITY.lawsuit, id, 'appeal_decision', 'done');
    return after;
  });
}

/** The first-instance judgment took effect (no appeal in time): closes the case; starts performance if ordered. */
export async function recordEffective(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof EffectiveInput>) {
  return db.transaction().execute(async (trx) => {
    const l = await lockLawsuit(trx, actor, id);
    if (l.status !== 'judged') throw conflict('NO_APPEALABLE_JUDGMENT', { zh: '没有待生效的一审裁判', en: 'No judgment awaiting effectiveness' });
    const due = (await dueOf(trx, id, 'appeal_decision'))!;
    if (input.date <= due.due_date)
      throw conflict('APPEAL_PERIOD_RUNNING', { zh: `上诉期限至${due.due_date}届满，届满后无人上诉裁判方发生法律效力`, en: `The appeal period runs until ${due.due_date}` });
    const eff = await effectOf(trx, l, l.last_outcome!);
    const needsPerformance = !!LAWSUIT_OUTCOMES[eff.final]?.performance;
    if (input.performanceDays && !needsPerformance)
      throw fieldError('NO_PERFORMANCE_ORDERED', 'performanceDays', { zh: `“${eff.final}”判决未课以被告履行义务`, en: 'This outcome orders nothing to perform' });
    const cal = await loadCalendar(trx);
    let performanceDue: string | null = null;
    if (input.performanceDays) performanceDue = (await setClock(trx, cal, ENTITY.lawsuit, id, clocks.performance(input.date, input.performanceDays), where(l))).due;
    const after = await save(trx, actor, l, {
      status: 'closed', effective_date: input.date, closed_date: input.date, final_outcome: eff.final, lost: eff.lost, performance_due: performanceDue,
      agency_appeal_decision: l.agency_appeal_decision ?? 'accept', agency_appeal_decision_date: l.agency_appeal_decision_date ?? due.due_date,
    }, 'effective');
    if (due.status === 'open') await closeDeadline(trx, ENTITY.lawsuit, id, 'appeal_decision', 'done');
    return after;
  });
}

/** Records performance of the effective judgment (履行). */
export async function recordPerformance(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof PerformanceInput>) {
  return db.transaction().execute(async (trx) => {
    const l = await lockLawsuit(trx, actor, id);
    if (l.status !== 'closed' || !l.effective_date) throw conflict('NOT_EFFECTIVE', { zh: '裁判尚未生效', en: 'The judgment is not effective' });
    if (l.performance_date) throw conflict('ALREADY_PERFORMED', { zh: '已登记履行情况', en: 'Performance already recorded' });
    notBefore('date', input.date, l.effective_date, '裁判生效日期');
    const after = await save(trx, actor, l, { performance_date: input.date, performance_note: input.note }, 'performance');
    await closeDeadline(trx, ENTITY.lawsuit, id, 'performance', 'done');
    return after;
  });
}

/** The agency applies for retrial within 6 months of effectiveness (行诉解释 第110条): the case reopens. */
export async function applyRetrial(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof RetrialInput>) {
  return db.transaction().execute(async (trx) => {
    const l = await lockLawsuit(trx, actor, id);
    if (l.status !== 'closed' || !l.effective_date) throw conflict('NOT_EFFECTIVE', { zh: '只有已生效的裁判可以申请再审', en: 'Only an effective judgment can be retried' });
    notBefore('date', input.date, l.effective_date, '裁判生效日期');
    const cal = await loadCalendar(trx);
    const limit = clocks.computeClock(cal, clocks.retrialPeriod(l.effective_date)).due;
    if (input.date > limit)
      throw conflict('RETRIAL_PERIOD_EXPIRED', { zh: `申请再审应当在裁判发生法律效力后六个月内提出，期限已于${limit}届满（行诉解释第一百一十条）`, en: `The retrial period ended on ${limit}` });
    return save(trx, actor, l, { stage: 'retrial', status: 'pending', retrial_application_date: input.date, closed_date: null, final_outcome: null, lost: null }, 'retrial');
  });
}

/** Sets the representing law firm and advisor (代理法律顾问). */
export async function setLawsuitAdvisor(db: Kysely<Database>, actor: Actor, id: string, input: z.infer<typeof AdvisorInput>) {
  return db.transaction().execute(async (trx) => {
    const l = await lockLawsuit(trx, actor, id);
    await checkAdvisor(trx, input.advisorUnitId);
    return save(trx, actor, l, { advisor_unit_id: input.advisorUnitId, advisor_name: input.advisorName ?? null }, 'set_advisor');
  });
}

// ---------------- reads ----------------

/** The defendant's and firm's names, the defence due date and the actor's right to manage, for every read. */
function lawsuitReadCols(qb: any, actor: Actor) {
  return qb
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .leftJoin('units as f', 'f.id', 'l.advisor_unit_id')
    .leftJoin('deadlines as d', (j: any) => j.onRef('d.entity_id', '=', 'l.id').on('d.entity', '=', ENTITY.lawsuit).on('d.kind', '=', 'defence'))
    .selectAll('l')
    .select(['u.name as unit_name', 'f.name as advisor_unit_name', 'd.due_date as defence_due'])
    .select(sql<boolean>`${Lawsuits.writeWhere(actor, 'l', DEFAULT_WRITE)}`.as('may_manage'));
}

/** The litigation register, scoped and paged. */
export async function listLawsuits(db: Kysely<Database>, actor: Actor, q: z.infer<typeof LawsuitListQuery>) {
  return Lawsuits.list(db, actor, q, {
    select: (qb) =>
      lawsuitReadCols(qb, actor)
        .$if(!!q.status, (b: any) => b.where('l.status', '=', q.status!))
        .$if(!!q.stage, (b: any) => b.where('l.stage', '=', q.stage!))
        .$if(!!q.unitId, (b: any) => b.where('l.unit_id', '=', q.unitId!))
        .$if(!!q.caseType, (b: any) => b.where('l.case_type', '=', q.caseType!))
        .$if(!!q.year, (b: any) => b.where('l.complaint_received_date', '>=', `${q.year}-01-01`).where('l.complaint_received_date', '<=', `${q.year}-12-31`))
        .$if(!!q.q, (b: any) => b.where((eb: any) => eb.or([eb('l.case_no', 'like', `%${q.q}%`), eb('l.plaintiff_name', 'like', `%${q.q}%`), eb('l.act_challenged', 'like', `%${q.q}%`)]))),
    sortable: { receivedDate: 'l.complaint_received_date', caseNo: 'l.case_no', status: 'l.status', defenceDue: 'd.due_date' },
    defaultSort: { column: 'l.complaint_received_date', order: 'desc' },
  }) as Promise<{ items: LawsuitRead[]; total: number; page: number; pageSize: number }>;
}

/** One lawsuit with its hearings, judgments and deadlines. */
export async function getLawsuit(db: Kysely<Database>, actor: Actor, id: string) {
  const l = (await lawsuitReadCols(Lawsuits.query(db, actor), actor).where('l.id', '=', id).executeTakeFirst()) as LawsuitRead | undefined;
  if (!l) throw notFound(Lawsuits.label);
  const [hearings, judgments, deadlines] = await Promise.all([
    db.selectFrom('lawsuit_hearings').selectAll().where('lawsuit_id', '=', id).orderBy('hearing_date').execute(),
    db.selectFrom('lawsuit_judgments').selectAll().where('lawsuit_id', '=', id).orderBy('served_date').execute(),
    deadlinesOf(db, ENTITY.lawsuit, id),
  ]);
  return { l, hearings, judgments, deadlines };
}

/**
 * For the advisors' work log (a system look-up, not a user read): the lawsuit's region and the firm
 * recorded on it as representing the agency, when it lies in the given region or below it (a firm registered with the city serves its districts).
 */
export async function lawsuitForWorkLog(db: Db, id: string, regionPath: string) {
  return db.selectFrom('lawsuits').select(['id', 'region_id', 'advisor_unit_id', 'case_no', 'court_name']).where('id', '=', id).where(inRegionPaths('region_id', [regionPath])).executeTakeFirst();
}

/** SQL: a linked lawsuit's case number or court (the lawsuit record's value), else the row's own typed value. */
export function lawsuitRefSql(linkCol: string, field: 'case_no' | 'court_name', fallbackCol: string) {
  return sql<string | null>`coalesce((select l.${sql.ref(field)} from lawsuits l where l.id = ${sql.ref(linkCol)}), ${sql.ref(fallbackCol)})`;
}
