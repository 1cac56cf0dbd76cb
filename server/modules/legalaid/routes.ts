import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { Id, page } from '../../../common/schemas.js';
import { maskIdNumber, maskPhone } from '../../../common/idcard.js';
import * as svc from './service.js';
import { exportXlsx } from '../../core/excel/index.js';
import { importRoutes, sendXlsx, xlsxResponse } from '../../core/excel/routes.js';
import { caseLedgerImport, caseLedgerRowOf, caseLedgerSheet } from './excel.js';
import { legalaidMonthly } from './stats.js';
import { monthlyRoute } from '../../core/metrics/monthly.js';
import { presentDeadline } from '../../core/deadlines/index.js';
import {
  ApplicationInput, AssignInput, CaseDetailOut, CaseListQuery, CaseOut, CheckupInput, CheckupOut, CloseInput, DecisionInput, HelpInput, HelpListQuery,
  HelpOut, LawyerInput, LawyerOut, NotificationInput, ObjectionInput, ObjectionReviewInput, ProgressInput, QualityInput, TeamInput, TeamOut, YearQuery,
} from './schema.js';

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** A case as the API shows it: ID number and phone only in full to those who handle it (法律援助法 第二十一条). */
export function presentCase(r: svc.CaseRow): z.infer<typeof CaseOut> {
  const full = !!r.can_edit;
  return {
    id: r.id, caseNo: r.case_no, origin: r.origin, caseType: r.case_type, serviceForm: r.service_form, status: r.status,
    personName: r.person_name, idNumber: full ? r.id_number : maskIdNumber(r.id_number), phone: full ? r.phone : maskPhone(r.phone),
    matter: r.matter, unitName: r.unit_name, receivedOn: r.received_on, decisionDue: r.decision_due, decidedOn: r.decided_on,
    notifyingOrgan: r.notifying_organ, notifyingOrganName: r.notifying_organ_name, mandatoryCategory: r.mandatory_category,
    hardshipBasis: r.hardship_basis, exemption: r.exemption, monthlyIncome: num(r.monthly_income), standardApplied: num(r.standard_applied),
    refusalReasons: r.refusal_reasons, lateReason: r.late_reason, objectedOn: r.objected_on, objectionReasons: r.objection_reasons,
    objectionReviewedOn: r.objection_reviewed_on, objectionUpheld: r.objection_upheld, objectionOpinion: r.objection_opinion,
    assignmentDue: r.assignment_due, lawyerName: r.lawyer_name, assignedOn: r.assigned_on, possibleSentence: r.possible_sentence,
    closedOn: r.closed_on, result: r.result, qualityGrade: r.quality_grade, qualityComment: r.quality_comment, subsidy: num(r.subsidy), canEdit: full,
  };
}

const P = z.object({ id: Id });

/** Legal aid routes: roster, cases and their steps, legal help, teams and check-ups. */
export function legalaidRoutes(app: App, ctx: AppContext) {
  const tags = ['legalaid'];
  const detail = async (req: { lang: 'zh' | 'en' } & any, id: string) => {
    const d = await svc.getCase(ctx.db, activeActorOf(req), id);
    return {
      case: presentCase(d.row),
      progress: d.progress.map((p) => ({ id: p.id, on: p.on_date, note: p.note })),
      deadlines: d.deadlines.map((x) => presentDeadline(x, req.lang === 'en' ? 'en' : 'zh')),
    };
  };

  app.get('/api/v1/legalaid/lawyers', { schema: { tags, querystring: YearQuery, response: { 200: page(LawyerOut) } } }, async (req) => {
    const r = await svc.listLawyers(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((l: any) => ({ id: l.id, name: l.name, firm: l.firm, licenceNo: l.licence_no, practiceSince: l.practice_since, unitName: l.unit_name })) };
  });
  app.post('/api/v1/legalaid/lawyers', { schema: { tags, body: LawyerInput, response: { 201: LawyerOut } } }, async (req, reply) => {
    const l = await svc.registerLawyer(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send({ id: l.id, name: l.name, firm: l.firm, licenceNo: l.licence_no, practiceSince: l.practice_since, unitName: '' });
  });

  app.get('/api/v1/legalaid/cases', { schema: { tags, querystring: CaseListQuery, response: { 200: page(CaseOut) } } }, async (req) => {
    const r = await svc.listCases(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentCase) };
  });
  app.get('/api/v1/legalaid/cases/export', { schema: { tags, querystring: CaseListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await svc.listCases(ctx.db, activeActorOf(req), { ...req.query, page: 1, pageSize: 100000 });
    return sendXlsx(reply, '法律援助案件登记台账.xlsx', await exportXlsx(caseLedgerSheet, r.items.map(caseLedgerRowOf)));
  });
  importRoutes(app, ctx, '/api/v1/legalaid/cases/import', caseLedgerImport);
  // 法律援助工作统计月报表: the month and the year to date, within the reader's scope.
  monthlyRoute(app, ctx, { path: '/api/v1/legalaid/stats/monthly', tags, title: '法律援助工作统计月报表', canView: (a) => !!svc.legalaidAbilities(a)['legalaid.view'], lines: legalaidMonthly });
  app.get('/api/v1/legalaid/cases/:id', { schema: { tags, params: P, response: { 200: CaseDetailOut } } }, async (req) => detail(req, req.params.id));
  app.post('/api/v1/legalaid/cases/applications', { schema: { tags, body: ApplicationInput, response: { 201: CaseDetailOut } } }, async (req, reply) => {
    const row = await svc.receiveApplication(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(await detail(req, row.id));
  });
  app.post('/api/v1/legalaid/cases/notifications', { schema: { tags, body: NotificationInput, response: { 201: CaseDetailOut } } }, async (req, reply) => {
    const row = await svc.receiveNotification(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(await detail(req, row.id));
  });
  const step = <B extends z.ZodType>(path: string, body: B, run: (actor: ReturnType<typeof activeActorOf>, id: string, input: z.infer<B>) => Promise<unknown>) =>
    app.post(`/api/v1/legalaid/cases/:id/${path}`, { schema: { tags, params: P, body, response: { 200: CaseDetailOut } } }, async (req) => {
      await run(activeActorOf(req), req.params.id, req.body as z.infer<B>);
      return detail(req, req.params.id);
    });
  step('decision', DecisionInput, (a, id, b) => svc.decideApplication(ctx.db, a, id, b));
  step('objection', ObjectionInput, (a, id, b) => svc.objectToRefusal(ctx.db, a, id, b));
  step('objection-review', ObjectionReviewInput, (a, id, b) => svc.reviewObjection(ctx.db, a, id, b));
  step('assign', AssignInput, (a, id, b) => svc.assignLawyer(ctx.db, a, id, b));
  step('progress', ProgressInput, (a, id, b) => svc.recordProgress(ctx.db, a, id, b));
  step('close', CloseInput, (a, id, b) => svc.closeCase(ctx.db, a, id, b));
  step('quality', QualityInput, (a, id, b) => svc.reviewQuality(ctx.db, a, id, b));

  const presentHelp = (h: any) => ({ id: h.id, servedOn: h.served_on, channel: h.channel, form: h.form, matterType: h.matter_type, personName: h.person_name, summary: h.summary, unitName: h.unit_name ?? '' });
  app.get('/api/v1/legalaid/help', { schema: { tags, querystring: HelpListQuery, response: { 200: page(HelpOut) } } }, async (req) => {
    const r = await svc.listHelp(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentHelp) };
  });
  app.post('/api/v1/legalaid/help', { schema: { tags, body: HelpInput, response: { 201: HelpOut } } }, async (req, reply) =>
    reply.status(201).send(presentHelp(await svc.recordHelp(ctx.db, activeActorOf(req), req.body))));

  const presentTeam = (t: any) => ({ id: t.id, name: t.name, formedOn: t.formed_on, focus: t.focus, unitName: t.unit_name ?? '', lawyers: t.lawyers ?? [], checkups: Number(t.checkups ?? 0) });
  app.get('/api/v1/legalaid/teams', { schema: { tags, querystring: YearQuery, response: { 200: page(TeamOut) } } }, async (req) => {
    const r = await svc.listTeams(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentTeam) };
  });
  app.post('/api/v1/legalaid/teams', { schema: { tags, body: TeamInput, response: { 201: TeamOut } } }, async (req, reply) =>
    reply.status(201).send(presentTeam(await svc.formTeam(ctx.db, activeActorOf(req), req.body))));

  const presentCheckup = (k: any) => ({
    id: k.id, teamId: k.team_id, teamName: k.team_name ?? '', checkedOn: k.checked_on, enterpriseName: k.enterprise_name ?? '', creditCode: k.credit_code ?? '',
    ownership: k.ownership ?? '', issuesFound: k.issues_found, recommendations: k.recommendations, followUp: k.follow_up,
  });
  app.get('/api/v1/legalaid/checkups', { schema: { tags, querystring: YearQuery, response: { 200: page(CheckupOut) } } }, async (req) => {
    const r = await svc.listCheckups(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentCheckup) };
  });
  app.post('/api/v1/legalaid/checkups', { schema: { tags, body: CheckupInput, response: { 201: CheckupOut } } }, async (req, reply) => {
    const k = await svc.recordCheckup(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(presentCheckup({ ...k, enterprise_name: req.body.enterpriseName, credit_code: req.body.creditCode, ownership: req.body.ownership }));
  });
}
