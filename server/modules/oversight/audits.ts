/**
 * Audits (审计法 2021, REFERENCE §7): government-investment project audits (送审、审定、审减) and
 * economic-responsibility audits of leading officials; notice, the auditee's comments window, findings,
 * rectification items with deadlines, publication.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { daysBetween, loadCalendar } from '../../core/calendar/index.js';
import { closeDeadline, deadlinesOf, presentDeadline, setDeadline } from '../../core/deadlines/index.js';
import { badRequest, conflict, notFound } from '../../core/errors/index.js';
import { rate } from '../../core/metrics/index.js';
import { DEFAULT_WRITE, hasRole, OFFICE_WRITE, writeRegionPaths, writeUnits, type Actor } from '../../core/scope/index.js';
import { actorRegion, regionById, unitWithin } from '../org/lookup.js';
import { Audits, Rectifications } from './records.js';
import type { AuditsTable } from './schema.js';
import {
  AUDIT_KINDS, AUDIT_STATUSES,
  type AuditInput, type AuditListQuery, type CommentsInput, type ConcludeInput, type NoticeInput, type PublishInput, type RectificationInput,
  type RectificationReportInput, type ReportSentInput, type AuditOut,
} from './schema.js';

const MODULE = 'oversight';
// 审计法(2021) 第四十二条: 「审计机关应当在实施审计三日前，向被审计单位送达审计通知书」.
export const NOTICE_DAYS = 3;
// 审计法(2021) 第四十四条: 被审计单位 「应当自接到审计组的审计报告之日起十日内，将其书面意见送交审计组」;
// 审计法实施条例 第三十九条: 「10日内未提出书面意见的，视同无异议」. Natural days, start day excluded, rolled over a holiday.
export const COMMENT_DAYS = 10;
const COMMENTS_BASIS = '《审计法》第四十四条：自接到审计组的审计报告之日起十日内提出书面意见；《审计法实施条例》第三十九条：10日内未提出书面意见的，视同无异议';
const RECTIFY_BASIS = '《审计法》第五十二条：被审计单位应当按照规定时间整改审计查出的问题，将整改情况报告审计机关';

/** An audit row with the audited unit's name. */
export type AuditRow = Selectable<AuditsTable> & { unit_name: string };
const fieldErr = (code: string, path: string, zh: string, en: string) => badRequest(code, { zh, en }, { fields: [{ path, message: zh }] });

/** Audits in the actor's scope, filtered and paged. */
export function listAudits(db: Db, actor: Actor, q: AuditListQuery) {
  return Audits.list(db, actor, q, {
    select: (qb) =>
      qb.innerJoin('units as u', 'u.id', 'au.unit_id').selectAll('au').select('u.name as unit_name')
        .$if(!!q.kind, (b) => b.where('au.kind', '=', q.kind!))
        .$if(!!q.status, (b) => b.where('au.status', '=', q.status!))
        .$if(!!q.year, (b) => b.where(sql<string>`coalesce(au.concluded_on, au.start_on)`, '>=', `${q.year}-01-01`).where(sql<string>`coalesce(au.concluded_on, au.start_on)`, '<=', `${q.year}-12-31`))
        .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('au.title', 'ilike', `%${q.q}%`), eb('au.audit_no', 'ilike', `%${q.q}%`), eb('au.person_name', 'ilike', `%${q.q}%`)]))),
    sortable: { startOn: 'au.start_on', concludedOn: 'au.concluded_on', auditNo: 'au.audit_no', submittedAmount: 'au.submitted_amount' },
    defaultSort: { column: 'au.start_on', order: 'desc' },
  }) as Promise<{ items: AuditRow[]; total: number; page: number; pageSize: number }>;
}

/** One audit in scope (404 otherwise). */
export async function getAudit(db: Db, actor: Actor, id: string): Promise<AuditRow> {
  const row = await Audits.query(db, actor).innerJoin('units as u', 'u.id', 'au.unit_id').selectAll('au').select('u.name as unit_name').where('au.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(Audits.label);
  return row as AuditRow;
}

/** 审减金额 (yuan) and 审减率 (%) of a concluded project audit; null before the approved amount is known. */
export function reductionOf(a: { submitted_amount: number | null; approved_amount: number | null }) {
  if (a.submitted_amount === null || a.approved_amount === null) return { reduction: null, reductionRate: null };
  const reduction = Math.round((Number(a.submitted_amount) - Number(a.approved_amount)) * 100) / 100;
  return { reduction, reductionRate: rate(reduction, Number(a.submitted_amount)) };
}

/** Presenter: an audit in a list. */
export function presentAuditSummary(a: AuditRow, lang: 'zh' | 'en') {
  return {
    id: a.id, kind: a.kind, kindLabel: AUDIT_KINDS[a.kind][lang], auditNo: a.audit_no, title: a.title, unitId: a.unit_id, unitName: a.unit_name,
    status: a.status, statusLabel: AUDIT_STATUSES[a.status][lang], startOn: a.start_on, concludedOn: a.concluded_on, publishedOn: a.published_on,
    projectName: a.project_name, submittedAmount: a.submitted_amount === null ? null : Number(a.submitted_amount),
    approvedAmount: a.approved_amount === null ? null : Number(a.approved_amount), ...reductionOf(a),
    personName: a.person_name, post: a.post, periodFrom: a.period_from, periodTo: a.period_to,
  };
}

/** Presenter: an audit with its rectification items and the actor's abilities. */
export async function presentAudit(db: Db, actor: Actor, id: string, lang: 'zh' | 'en'): Promise<AuditOut> {
  const a = await getAudit(db, actor, id);
  const rects = await Rectifications.query(db, actor).innerJoin('units as u', 'u.id', 'r.unit_id').selectAll('r').select('u.name as unit_name')
    .where('r.audit_id', '=', id).orderBy('r.due_on').orderBy('r.id').execute();
  const office = hasRole(actor, 'office') && writeRegionPaths(actor, OFFICE_WRITE).length > 0;
  const auditee = writeUnits(actor, DEFAULT_WRITE).includes(a.unit_id);
  return {
    ...presentAuditSummary(a, lang),
    noticeOn: a.notice_on, reportSentOn: a.report_sent_on, commentsDue: a.comments_due, commentsOn: a.comments_on, comments: a.comments,
    findings: a.findings, publicationRef: a.publication_ref, isIncrease: a.is_increase,
    rectifications: rects.map((r: any) => ({
      id: r.id, unitId: r.unit_id, unitName: r.unit_name, issue: r.issue, requirement: r.requirement, dueOn: r.due_on, status: r.status,
      reportedOn: r.reported_on, report: r.report, canReport: r.status === 'open' && (office || writeUnits(actor, DEFAULT_WRITE).includes(r.unit_id)),
    })),
    // The comments window and the rectification deadlines, by due date.
    deadlines: (await Promise.all([deadlinesOf(db, Audits.entity, a.id), ...rects.map((r) => deadlinesOf(db, Rectifications.entity, String(r.id)))])).flat()
      .sort((x, y) => x.due_date.localeCompare(y.due_date) || x.id.localeCompare(y.id)).map((d) => presentDeadline(d, lang)),
    abilities: {
      notice: office && a.status === 'planned',
      report: office && a.status === 'noticed',
      comments: (office || auditee) && a.status === 'reported' && !a.comments_on,
      conclude: office && a.status === 'reported',
      publish: office && a.status === 'concluded',
      rectify: office && (a.status === 'concluded' || a.status === 'published'),
    },
  };
}

/** The office registers an audit of a unit in its region. */
export async function createAudit(db: Kysely<Database>, actor: Actor, input: AuditInput) {
  const region = await actorRegion(db, actor);
  if (!region) throw badRequest('NO_REGION', { zh: '当前账号未关联行政区划', en: 'Your account has no region' });
  return db.transaction().execute((trx) => createAuditIn(trx, actor, region, input));
}

/** Registers an audit inside the caller's transaction (the Excel import writes many in one). */
export async function createAuditIn(trx: Transaction<Database>, actor: Actor, region: { id: string; path: string }, input: AuditInput) {
  if (!(await unitWithin(trx, input.unitId, [region.path]))) throw fieldErr('UNIT_OUT_OF_SCOPE', 'unitId', '被审计单位不在本辖区', 'The audited unit is not in your region');
  const inv = input.kind === 'investment';
  return Audits.insert(trx, actor, {
    region_id: region.id, kind: input.kind, audit_no: input.auditNo, title: input.title, unit_id: input.unitId, start_on: input.startOn,
    project_name: inv ? input.projectName : null, submitted_amount: inv ? input.submittedAmount : null,
    person_name: inv ? null : input.personName, post: inv ? null : input.post, period_from: inv ? null : input.periodFrom, period_to: inv ? null : input.periodTo,
    created_by: actor.userId,
  });
}

const stateErr = (zh: string, en: string) => conflict('AUDIT_STATE', { zh, en });

/** Serves the audit notice, at least 3 days before the audit (审计法 第四十二条). */
export async function sendNotice(db: Kysely<Database>, actor: Actor, id: string, input: NoticeInput) {
  return db.transaction().execute(async (trx) => {
    const a = await Audits.lockForWrite(trx, actor, id);
    if (a.status !== 'planned') throw stateErr('审计通知书已送达', 'The notice was already served');
    if (daysBetween(input.noticeOn, a.start_on) < NOTICE_DAYS)
      throw fieldErr('NOTICE_TOO_LATE', 'noticeOn', `审计通知书应当在实施审计三日前送达（实施日${a.start_on}）`, `The notice must be served at least 3 days before the audit starts (${a.start_on})`);
    return Audits.update(trx, actor, a, { status: 'noticed', notice_on: input.noticeOn }, 'notice');
  });
}

/** Sends the audit group's report to the auditee: its 10-day comments window opens (审计法 第四十四条). */
export async function sendReport(db: Kysely<Database>, actor: Actor, id: string, input: ReportSentInput) {
  return db.transaction().execute(async (trx) => {
    const a = await Audits.lockForWrite(trx, actor, id);
    if (a.status !== 'noticed') throw stateErr('当前状态不能送达审计报告征求意见', 'The report cannot be sent in this state');
    if (input.reportSentOn < a.start_on) throw fieldErr('REPORT_BEFORE_START', 'reportSentOn', '审计报告送达日期不能早于实施审计日期', 'The report cannot predate the audit');
    const c = await setDeadline(trx, {
      module: MODULE, entity: Audits.entity, entityId: a.id, kind: 'comments', title: { zh: `对审计报告提出书面意见：${a.title}`, en: `Written comments on the audit report: ${a.title}` },
      regionId: a.region_id, unitId: a.unit_id, spec: { from: input.reportSentOn, unit: 'ND', n: COMMENT_DAYS, rollOver: true }, basis: COMMENTS_BASIS,
    });
    return Audits.update(trx, actor, a, { status: 'reported', report_sent_on: input.reportSentOn, comments_due: c.due }, 'report_sent');
  });
}

/** The auditee (or the office on its behalf) records its written comments within the window. */
export async function recordComments(db: Kysely<Database>, actor: Actor, id: string, input: CommentsInput) {
  return db.transaction().execute(async (trx) => {
    const a = await Audits.lockForWrite(trx, actor, id, DEFAULT_WRITE);
    if (a.status !== 'reported' || a.comments_on) throw stateErr('当前不在征求意见期间', 'The audit is not open for comments');
    if (input.commentsOn < a.report_sent_on!) throw fieldErr('COMMENTS_TOO_EARLY', 'commentsOn', '书面意见日期不能早于审计报告送达日期', 'The comments cannot predate the report');
    if (input.commentsOn > a.comments_due!)
      throw conflict('COMMENTS_WINDOW_PASSED', { zh: `已超过提出书面意见期限（${a.comments_due}），视同无异议`, en: `The comments window ended on ${a.comments_due}; no objection is assumed` });
    await closeDeadline(trx, Audits.entity, a.id, 'comments');
    return Audits.update(trx, actor, a, { comments_on: input.commentsOn, comments: input.comments }, 'comments');
  });
}

/**
 * Concludes the audit with its findings (and, for a project, the approved amount). Before the auditee's
 * comments arrive it waits until the window has passed (视同无异议, 实施条例 第三十九条).
 */
export async function concludeAudit(db: Kysely<Database>, actor: Actor, id: string, input: ConcludeInput) {
  return db.transaction().execute(async (trx) => {
    const a = await Audits.lockForWrite(trx, actor, id);
    if (a.status !== 'reported') throw stateErr('当前状态不能出具审计结论', 'The audit cannot be concluded in this state');
    if (!a.comments_on && input.concludedOn <= a.comments_due!)
      throw fieldErr('COMMENTS_WINDOW_OPEN', 'concludedOn', `被审计单位书面意见期限（${a.comments_due}）届满前不能出具审计结论`, `Wait for the auditee's comments or the end of the window (${a.comments_due})`);
    if (input.concludedOn < a.report_sent_on!) throw fieldErr('CONCLUDED_TOO_EARLY', 'concludedOn', '审计结论日期不能早于审计报告送达日期', 'The conclusion cannot predate the report');
    const set: Record<string, unknown> = { status: 'concluded', concluded_on: input.concludedOn, findings: input.findings };
    if (a.kind === 'investment') {
      if (input.approvedAmount === undefined) throw fieldErr('APPROVED_AMOUNT_REQUIRED', 'approvedAmount', '请填写审定金额', 'Enter the approved amount');
      if (input.approvedAmount > Number(a.submitted_amount) && !input.isIncrease)
        throw fieldErr('APPROVED_ABOVE_SUBMITTED', 'approvedAmount', '审定金额大于送审金额，如属审增请勾选“审增”', 'The approved amount exceeds the submitted one; mark it as an increase if so');
      set.approved_amount = input.approvedAmount;
      set.is_increase = input.approvedAmount > Number(a.submitted_amount);
    }
    await closeDeadline(trx, Audits.entity, a.id, 'comments');
    return Audits.update(trx, actor, a, set, 'conclude');
  });
}

/** Publishes the audit results (审计法 第五十二条: 按照规定向社会公布). */
export async function publishAudit(db: Kysely<Database>, actor: Actor, id: string, input: PublishInput) {
  return db.transaction().execute(async (trx) => {
    const a = await Audits.lockForWrite(trx, actor, id);
    if (a.status !== 'concluded') throw stateErr('只有已出具结论的审计项目可以公告', 'Only a concluded audit can be published');
    if (input.publishedOn < a.concluded_on!) throw fieldErr('PUBLISHED_TOO_EARLY', 'publishedOn', '公告日期不能早于审计结论日期', 'Publication cannot predate the conclusion');
    return Audits.update(trx, actor, a, { status: 'published', published_on: input.publishedOn, publication_ref: input.publicationRef }, 'publish');
  });
}

/** Adds a rectification item with its deadline; it goes on the audited unit's to-do list. */
export async function addRectification(db: Kysely<Database>, actor: Actor, auditId: string, input: RectificationInput) {
  return db.transaction().execute(async (trx) => {
    const a = await Audits.lockForWrite(trx, actor, auditId);
    if (a.status !== 'concluded' && a.status !== 'published') throw stateErr('出具审计结论后方可下达整改事项', 'Rectification items follow the conclusion');
    if (input.dueOn <= a.concluded_on!) throw fieldErr('DUE_BEFORE_CONCLUSION', 'dueOn', '整改期限应晚于审计结论日期', 'The deadline must follow the conclusion');
    const unitId = input.unitId ?? a.unit_id;
    const region = (await regionById(trx, a.region_id))!;
    if (!(await unitWithin(trx, unitId, [region.path]))) throw fieldErr('UNIT_OUT_OF_SCOPE', 'unitId', '整改单位不在本辖区', 'The unit is not in the region');
    const r = await trx.insertInto('audit_rectifications').values({ audit_id: a.id, region_id: a.region_id, unit_id: unitId, issue: input.issue, requirement: input.requirement, due_on: input.dueOn })
      .returningAll().executeTakeFirstOrThrow();
    await Rectifications.audit(trx, actor, 'create', null, r);
    // The period is the one set in the audit decision (审计法 第五十二条 「按照规定时间整改」), stored as days from the conclusion.
    await setDeadline(trx, {
      module: MODULE, entity: Rectifications.entity, entityId: r.id, kind: 'rectify', title: { zh: `审计整改：${input.issue.slice(0, 40)}`, en: `Audit rectification: ${input.issue.slice(0, 40)}` },
      regionId: a.region_id, unitId, spec: { from: a.concluded_on!, unit: 'ND', n: daysBetween(a.concluded_on!, input.dueOn) }, basis: RECTIFY_BASIS,
    }, await loadCalendar(trx));
    return r;
  });
}

/** The audited unit reports a rectification item done. */
export async function reportRectification(db: Kysely<Database>, actor: Actor, id: string, input: RectificationReportInput) {
  return db.transaction().execute(async (trx) => {
    const r = await Rectifications.lockForWrite(trx, actor, id);
    if (r.status !== 'open') throw conflict('RECTIFICATION_DONE', { zh: '该整改事项已报告完成', en: 'This item was already reported done' });
    await closeDeadline(trx, Rectifications.entity, r.id, 'rectify');
    return Rectifications.update(trx, actor, r, { status: 'done', reported_on: input.reportedOn, report: input.report }, 'report');
  });
}
