/** HTTP of the disputes module: parse → actor → service → present. */
import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { exportXlsx } from '../../core/excel/index.js';
import { importRoutes, sendXlsx, xlsxResponse } from '../../core/excel/routes.js';
import { metricScopeFor } from '../../core/routes.js';
import { yearPeriod } from '../../core/metrics/index.js';
import { loadCalendar } from '../../core/calendar/index.js';
import { deadlinesOf, presentDeadline, type DeadlineRow } from '../../core/deadlines/index.js';
import { Id } from '../../../common/schemas.js';
import { SUSPENSION_ITEMS, SUSPENSION_ITEMS_EN } from '../../../common/disputes.js';
import * as O from '../../../common/disputes-api.js';
import type { Selectable } from 'kysely';
import type { Database } from '../../db/index.js';
import type { Actor } from '../../core/scope/index.js';
import * as R from './reconsideration.js';
import * as L from './litigation.js';
import * as S from './schema.js';
import * as clocks from './clocks.js';
import { disputeStats } from './stats.js';
import {
  lawsuitExportRow, lawsuitExportSheet, lawsuitImport, reconExportRow, reconExportSheet, reconImport, reconStatsSheet, suitStatsSheet,
} from './excel.js';

const P = z.object({ id: Id });
type Lang = 'zh' | 'en';

/**
 * A stored deadline as the case clock shows it (core `presentDeadline`, plus the spec). `reviewLapsed`:
 * the case's review ended without a refusal, so its review deadline is met by the law itself (视为受理)
 * even before a write records it.
 */
function presentClock(d: DeadlineRow, lang: Lang, reviewLapsed = false) {
  const status = reviewLapsed && d.kind === 'acceptance_review' && d.status === 'open' ? 'done' : d.status;
  return { ...presentDeadline(d, lang, { status }), spec: d.spec };
}

/** Whether the case's acceptance was derived (the review lapsed, not yet recorded by a write). */
const lapsed = (c: R.ReconRead) => c.status === 'received' && c.eff_status === 'accepted';

function presentRecon(c: R.ReconRead) {
  const manage = c.may_manage;
  const status = c.eff_status;
  return {
    id: c.id, caseNo: c.case_no, lawVersion: c.law_version, procedure: c.procedure, status,
    respondentUnitId: c.unit_id, respondentUnitName: c.unit_name, applicantName: c.applicant_name, applicantType: c.applicant_type, applicantContact: c.applicant_contact,
    actChallenged: c.act_challenged, caseType: c.case_type, actDate: c.act_date, knewDate: c.knew_date, receivedDate: c.received_date,
    informedOfRights: c.informed_of_rights, rightsKnownDate: c.rights_known_date, immovable: c.immovable, applyDeadline: c.apply_deadline, timely: c.timely, delayReason: c.delay_reason,
    acceptanceMode: c.eff_acceptance_mode, acceptedDate: c.eff_accepted_date, reviewDue: c.review_due, refusedDate: c.refused_date, refusalReason: c.refusal_reason,
    correction: c.correction_notice_date ? { noticeDate: c.correction_notice_date, receivedDate: c.correction_received_date, items: c.correction_items, suppliedDate: c.correction_supplied_date } : null,
    abandonedDate: c.abandoned_date, copySentDate: c.copy_sent_date, respondentReceivedDate: c.respondent_received_date, answerDate: c.answer_date,
    extension: c.extension_days ? { days: c.extension_days, approvedDate: c.extension_approved_date!, approver: c.extension_approver!, noticeDate: c.extension_notice_date!, reason: c.extension_reason! } : null,
    outcome: c.outcome, terminationReason: c.termination_reason, decisionDate: c.decision_date, decisionSummary: c.decision_summary, decisionDue: c.decision_due, closedWithinPeriod: c.closed_within_period,
    abilities: {
      canManage: manage,
      canReview: manage && status === 'received',
      canRequestCorrection: manage && status === 'received' && !c.correction_notice_date,
      canMarkAbandoned: manage && status === 'correction',
      canHear: manage && status === 'accepted',
      canIssueOpinion: manage && ['accepted', 'suspended', 'closed'].includes(status),
      canSupplyCorrection: manage && status === 'correction',
      canSendCopy: manage && ['accepted', 'suspended'].includes(status) && !c.respondent_received_date,
      canAnswer: c.may_respond && ['accepted', 'suspended'].includes(status) && !!c.respondent_received_date && !c.answer_date,
      canSuspend: manage && status === 'accepted',
      canResume: manage && status === 'suspended',
      canExtend: manage && status === 'accepted' && !c.extension_days && c.procedure === 'ordinary',
      canDecide: manage && status === 'accepted',
    },
  };
}

function presentLawsuit(l: L.LawsuitRead) {
  const manage = l.may_manage;
  return {
    id: l.id, caseNo: l.case_no, courtName: l.court_name, defendantUnitId: l.unit_id, defendantUnitName: l.unit_name, plaintiffName: l.plaintiff_name, plaintiffType: l.plaintiff_type,
    actChallenged: l.act_challenged, caseType: l.case_type, filedDate: l.filed_date, complaintReceivedDate: l.complaint_received_date, defenceDue: l.defence_due ?? null,
    defenceFiledDate: l.defence_filed_date, evidenceSubmitted: l.evidence_submitted, stage: l.stage, status: l.status,
    advisorUnitId: l.advisor_unit_id, advisorUnitName: l.advisor_unit_name, advisorName: l.advisor_name,
    lastOutcome: l.last_outcome, lastJudgmentKind: l.last_judgment_kind, lastServedDate: l.last_served_date, agencyAppealDecision: l.agency_appeal_decision, agencyAppealDecisionDate: l.agency_appeal_decision_date,
    appealBy: l.appeal_by, appealDate: l.appeal_date, effectiveDate: l.effective_date, finalOutcome: l.final_outcome, lost: l.lost, closedDate: l.closed_date,
    performanceDue: l.performance_due, performanceDate: l.performance_date, performanceNote: l.performance_note, retrialApplicationDate: l.retrial_application_date,
    abilities: {
      canEdit: manage,
      canFileDefence: manage && l.status === 'defence',
      canRecordHearing: manage && l.status === 'pending',
      canRecordJudgment: manage && l.status === 'pending',
      canDecideAppeal: manage && (l.status === 'judged' || (l.status === 'pending' && l.stage === 'appeal' && l.appeal_by === 'plaintiff')) && !l.agency_appeal_decision,
      canRecordEffective: manage && l.status === 'judged',
      canRecordPerformance: manage && !!l.performance_due && !l.performance_date,
      canApplyRetrial: manage && l.status === 'closed',
    },
  };
}

const presentSuspension = (s: { id: string; from_date: string; resumed_date: string | null; reason_item: number | null; reason: string }) => ({ id: s.id, fromDate: s.from_date, resumedDate: s.resumed_date, reasonItem: s.reason_item, reason: s.reason });
const presentReconHearing = (h: { id: string; hearing_date: string; notice_date: string; place: string | null; respondent_head_attended: boolean; respondent_attendee: string | null; notes: string | null }) => ({
  id: h.id, hearingDate: h.hearing_date, noticeDate: h.notice_date, place: h.place, respondentHeadAttended: h.respondent_head_attended, respondentAttendee: h.respondent_attendee, notes: h.notes,
});
const presentOpinion = (o: { id: string; kind: 'opinion' | 'suggestion'; unit_id: string; unit_name: string; issued_date: string; received_date: string; content: string; compliance_date: string | null; compliance_note: string | null; may_comply: boolean }) => ({
  id: o.id, kind: o.kind, unitId: o.unit_id, unitName: o.unit_name, issuedDate: o.issued_date, receivedDate: o.received_date, content: o.content, complianceDate: o.compliance_date, complianceNote: o.compliance_note,
  abilities: { canReportCompliance: o.may_comply && !o.compliance_date },
});
const presentSuitHearing = (h: Selectable<Database['lawsuit_hearings']>) => ({
  id: h.id, stage: h.stage, hearingDate: h.hearing_date, courtNoticeServed: h.court_notice_served, headAppeared: h.head_appeared, headName: h.head_name, headPosition: h.head_position,
  absenceReason: h.absence_reason, absenceDetail: h.absence_detail, delegateName: h.delegate_name, lawyerName: h.lawyer_name, notes: h.notes,
});
const presentJudgment = (j: Selectable<Database['lawsuit_judgments']>) => ({ id: j.id, stage: j.stage, kind: j.kind, outcome: j.outcome, servedDate: j.served_date, summary: j.summary });

/** Registers the disputes routes. */
export function disputesRoutes(app: App, ctx: AppContext) {
  const db = ctx.db;
  const tags = ['disputes'];

  // ---------------- reconsideration ----------------
  const reconDetail = async (actor: Actor, id: string, lang: Lang) => {
    const d = await R.getReconsideration(db, actor, id);
    return {
      ...presentRecon(d.c),
      hearings: d.hearings.map(presentReconHearing),
      suspensions: d.suspensions.map(presentSuspension),
      opinions: d.opinions.map(presentOpinion),
      deadlines: d.deadlines.map((x) => presentClock(x, lang, lapsed(d.c))),
    };
  };

  app.get('/api/v1/disputes/reconsiderations', { schema: { tags, querystring: S.ReconListQuery, response: { 200: O.ReconPageOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const page = await R.listReconsiderations(db, actor, req.query);
    return { ...page, items: page.items.map(presentRecon) };
  });
  app.get('/api/v1/disputes/reconsiderations/export', { schema: { tags, querystring: S.ReconListQuery, response: xlsxResponse() } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const page = await R.listReconsiderations(db, actor, { ...req.query, page: 1, pageSize: 5000 } as z.infer<typeof S.ReconListQuery>);
    return sendXlsx(reply, '行政复议案件登记表.xlsx', await exportXlsx(reconExportSheet, page.items.map(reconExportRow)));
  });
  importRoutes(app, ctx, '/api/v1/disputes/reconsiderations/import', reconImport);
  app.post('/api/v1/disputes/reconsiderations', { schema: { tags, body: S.ReconsiderationInput, response: { 201: O.ReconDetailOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const c = await R.createReconsideration(db, actor, req.body);
    return reply.status(201).send(await reconDetail(actor, c.id, req.lang));
  });
  app.get('/api/v1/disputes/reconsiderations/:id', { schema: { tags, params: P, response: { 200: O.ReconDetailOut } } }, async (req) => reconDetail(activeActorOf(req), req.params.id, req.lang));
  app.get('/api/v1/disputes/reconsiderations/:id/clock', { schema: { tags, params: P, response: { 200: O.ReconClockOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const d = await R.getReconsideration(db, actor, req.params.id);
    const c = d.c;
    const period = clocks.applicationPeriod(await loadCalendar(db), {
      lawVersion: c.law_version, knewDate: c.knew_date, informedOfRights: c.informed_of_rights, rightsKnownDate: c.rights_known_date, actDate: c.act_date, immovable: c.immovable,
    });
    return {
      caseNo: c.case_no,
      lawVersion: c.law_version,
      law: c.law_version === '2023' ? '《中华人民共和国行政复议法》(2023年修订，2024年1月1日起施行)' : '《中华人民共和国行政复议法》(2017年修正)',
      workingDayRule: c.law_version === '2023' ? '第八十八条：“三日”“五日”“七日”“十日”指工作日，不含法定休假日' : '第四十条：“五日”“七日”指工作日，不含节假日（“十日”为自然日）',
      status: c.eff_status,
      application: { knewDate: c.knew_date, receivedDate: c.received_date, dueDate: period.due, timely: c.received_date <= period.due, explain: period.explain, basis: period.basis },
      acceptance: { mode: c.eff_acceptance_mode, date: c.eff_accepted_date, deemed: c.eff_acceptance_mode === 'deemed' },
      suspensions: d.suspensions.map(presentSuspension),
      extension: c.extension_days ? { days: c.extension_days, approvedDate: c.extension_approved_date!, approver: c.extension_approver!, noticeDate: c.extension_notice_date! } : null,
      items: [
        ...d.deadlines.map((x) => presentClock(x, req.lang, lapsed(c))),
        ...(await Promise.all(d.opinions.map(async (o) => deadlinesOf(db, 'reconsideration_opinion', o.id)))).flat().map((x) => presentClock(x, req.lang)),
      ],
    };
  });
  const action = <T extends z.ZodType>(path: string, body: T, fn: (actor: Actor, id: string, input: z.infer<T>) => Promise<unknown>) =>
    app.post(`/api/v1/disputes/reconsiderations/:id/${path}`, { schema: { tags, params: P, body, response: { 200: O.ReconDetailOut } } }, async (req) => {
      const actor = activeActorOf(req);
      await fn(actor, req.params.id, req.body as z.infer<T>);
      return reconDetail(actor, req.params.id, req.lang);
    });
  action('accept', S.AcceptInput, (a, id, b) => R.acceptReconsideration(db, a, id, b));
  action('refuse', S.RefuseInput, (a, id, b) => R.refuseReconsideration(db, a, id, b));
  action('correction', S.CorrectionInput, (a, id, b) => R.requestCorrection(db, a, id, b));
  action('correction-supplied', S.DateAction, (a, id, b) => R.recordCorrectionSupplied(db, a, id, b));
  action('abandon', S.DateAction, (a, id, b) => R.markAbandoned(db, a, id, b));
  action('copy', S.CopyInput, (a, id, b) => R.sendCopyToRespondent(db, a, id, b));
  action('answer', S.DateAction, (a, id, b) => R.submitAnswer(db, a, id, b));
  action('hearings', S.ReconHearingInput, (a, id, b) => R.recordReconHearing(db, a, id, b));
  action('suspend', S.SuspendInput, (a, id, b) => R.suspendReconsideration(db, a, id, b));
  action('resume', S.DateAction, (a, id, b) => R.resumeReconsideration(db, a, id, b));
  action('extension', S.ExtensionInput, (a, id, b) => R.extendReconsideration(db, a, id, b));
  action('decision', S.DecisionInput, (a, id, b) => R.decideReconsideration(db, a, id, b));
  action('opinions', S.OpinionInput, (a, id, b) => R.issueOpinion(db, a, id, b));
  app.post('/api/v1/disputes/opinions/:id/compliance', { schema: { tags, params: P, body: S.ComplianceInput, response: { 200: O.OpinionOut } } }, async (req) => {
    const actor = activeActorOf(req);
    await R.reportCompliance(db, actor, req.params.id, req.body);
    return presentOpinion(await R.getOpinion(db, actor, req.params.id));
  });
  app.get('/api/v1/disputes/suspension-items', { schema: { tags, response: { 200: O.SuspensionItemsOut } } }, async (req) => {
    activeActorOf(req);
    return { items: Object.entries(SUSPENSION_ITEMS).map(([k, v]) => ({ item: Number(k), text: req.lang === 'en' ? SUSPENSION_ITEMS_EN[Number(k)] : v, leadsToTermination: ['1', '2', '4'].includes(k) })) };
  });

  // ---------------- litigation ----------------
  const suitDetail = async (actor: Actor, id: string, lang: Lang) => {
    const d = await L.getLawsuit(db, actor, id);
    return {
      ...presentLawsuit(d.l),
      hearings: d.hearings.map(presentSuitHearing),
      judgments: d.judgments.map(presentJudgment),
      deadlines: d.deadlines.map((x) => presentClock(x, lang)),
    };
  };
  app.get('/api/v1/disputes/lawsuits', { schema: { tags, querystring: S.LawsuitListQuery, response: { 200: O.SuitPageOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const page = await L.listLawsuits(db, actor, req.query);
    return { ...page, items: page.items.map(presentLawsuit) };
  });
  app.get('/api/v1/disputes/lawsuits/export', { schema: { tags, querystring: S.LawsuitListQuery, response: xlsxResponse() } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const page = await L.listLawsuits(db, actor, { ...req.query, page: 1, pageSize: 5000 } as z.infer<typeof S.LawsuitListQuery>);
    return sendXlsx(reply, '行政应诉案件登记表.xlsx', await exportXlsx(lawsuitExportSheet, page.items.map(lawsuitExportRow)));
  });
  importRoutes(app, ctx, '/api/v1/disputes/lawsuits/import', lawsuitImport);
  app.post('/api/v1/disputes/lawsuits', { schema: { tags, body: S.LawsuitInput, response: { 201: O.SuitDetailOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const l = await L.createLawsuit(db, actor, req.body);
    return reply.status(201).send(await suitDetail(actor, l.id, req.lang));
  });
  app.get('/api/v1/disputes/lawsuits/:id', { schema: { tags, params: P, response: { 200: O.SuitDetailOut } } }, async (req) => suitDetail(activeActorOf(req), req.params.id, req.lang));
  app.get('/api/v1/disputes/lawsuits/:id/clock', { schema: { tags, params: P, response: { 200: O.SuitClockOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const d = await L.getLawsuit(db, actor, req.params.id);
    const cal = await loadCalendar(db);
    const reference = clocks.courtPeriods({ filedDate: d.l.filed_date, appealDate: d.l.appeal_date }).map((c) => {
      const r = clocks.computeClock(cal, c);
      // The court's duty, shown for reference: never done or overdue for the agency.
      return { kind: c.kind, title: c.title[req.lang], dueDate: r.due, status: 'reference', state: 'open' as const, basis: c.basis, explain: r.explain[req.lang], spec: c.spec, provisional: r.provisional, priority: 0, reference: true };
    });
    return { caseNo: d.l.case_no, stage: d.l.stage, status: d.l.status, items: d.deadlines.map((x) => presentClock(x, req.lang)), courtPeriods: reference };
  });
  const suitAction = <T extends z.ZodType>(path: string, body: T, fn: (actor: Actor, id: string, input: z.infer<T>) => Promise<unknown>, method: 'post' | 'put' = 'post') =>
    app[method](`/api/v1/disputes/lawsuits/:id/${path}`, { schema: { tags, params: P, body, response: { 200: O.SuitDetailOut } } }, async (req) => {
      const actor = activeActorOf(req);
      await fn(actor, req.params.id, req.body as z.infer<T>);
      return suitDetail(actor, req.params.id, req.lang);
    });
  suitAction('defence', S.DefenceInput, (a, id, b) => L.fileDefence(db, a, id, b));
  suitAction('hearings', S.LawsuitHearingInput, (a, id, b) => L.recordLawsuitHearing(db, a, id, b));
  suitAction('judgments', S.JudgmentInput, (a, id, b) => L.recordJudgment(db, a, id, b));
  suitAction('appeal-decision', S.AppealDecisionInput, (a, id, b) => L.decideAppeal(db, a, id, b));
  suitAction('appeal', S.AppealInput, (a, id, b) => L.recordPlaintiffAppeal(db, a, id, b));
  suitAction('effective', S.EffectiveInput, (a, id, b) => L.recordEffective(db, a, id, b));
  suitAction('performance', S.PerformanceInput, (a, id, b) => L.recordPerformance(db, a, id, b));
  suitAction('retrial', S.RetrialInput, (a, id, b) => L.applyRetrial(db, a, id, b));
  suitAction('advisor', S.AdvisorInput, (a, id, b) => L.setLawsuitAdvisor(db, a, id, b), 'put');

  // ---------------- statistics ----------------
  app.get('/api/v1/disputes/stats', { schema: { tags, querystring: S.StatsQuery, response: { 200: O.DisputeStatsOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const scope = await metricScopeFor(ctx, actor, req.query.region);
    return { region: req.query.region, year: req.query.year, scope: scope.unitId ? ('unit' as const) : ('region' as const), ...(await disputeStats(db, scope, yearPeriod(req.query.year))) };
  });
  app.get('/api/v1/disputes/stats/export', { schema: { tags, querystring: S.StatsQuery.extend({ table: z.enum(['reconsideration', 'litigation']) }), response: xlsxResponse() } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const scope = await metricScopeFor(ctx, actor, req.query.region);
    const s = await disputeStats(db, scope, yearPeriod(req.query.year));
    if (req.query.table === 'reconsideration') {
      const rows = [s.reconsideration.total, ...s.reconsideration.byType, ...s.reconsideration.byUnit];
      return sendXlsx(reply, `${req.query.year}年行政复议案件统计表.xlsx`, await exportXlsx(reconStatsSheet, rows, { title: `${req.query.year}年行政复议案件统计表` }));
    }
    const rows = [s.litigation.total, ...s.litigation.byType, ...s.litigation.byUnit];
    return sendXlsx(reply, `${req.query.year}年行政应诉案件统计表.xlsx`, await exportXlsx(suitStatsSheet, rows, { title: `${req.query.year}年行政应诉案件统计表` }));
  });
}
