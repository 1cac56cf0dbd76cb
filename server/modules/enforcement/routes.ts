import { z } from 'zod';
import type { App, AppContext } from '../../core/module.js';
import { activeActorOf } from '../../core/http.js';
import { DateStr, Id, ListQuery, page } from '../../../common/schemas.js';
import * as svc from './service.js';
import * as rev from './review.js';
import * as cat from './catalogue.js';
import * as pub from './public.js';
import { attendanceOfOfficer } from '../learning/service.js';
import { exportXlsx } from '../../core/excel/index.js';
import { presentDeadline } from '../../core/deadlines/index.js';
import { ImportQuery, ImportResultOut, importRoutes, runImport, sendXlsx, uploadedFile, xlsxResponse } from '../../core/excel/routes.js';
import {
  caseImport, caseLedgerRows, caseLedgerSheet, claimExportSheet, claimImport, claimSheetRows, itemExportSheet, itemImport, itemSheetRows, officerImport, officerSheet,
  officerSheetRows, scoreImport, scoreSheet, scoreSheetRows,
} from './excel.js';
import { Campaigns } from './records.js';
import {
  BODY_KINDS, CASE_STATUSES, CASE_SYSTEMS, CERT_KINDS, CERT_STATUSES, DECISIONS, GRADES, PROBLEM_CATEGORIES, RISK_LEVELS,
  BodyInput, BodyOut, CampaignInput, CampaignOut, CaseDetailOut, CaseInput, CaseListQuery, CaseOut, CatalogueSummaryOut, CertificateEndInput,
  CertificateInput, CertificateOut, ClaimInput, DecideInput, ExamResultInput, ExecuteInput, FieldMoveInput, ItemInput, ItemListQuery, ItemOut,
  LegalReviewInput, OfficerDetailOut, OfficerInput, OfficerListQuery, OfficerOut, RectifyInput, ReviewFileOut, RiskInput, RiskOut, ScoreInput,
  ServeInput, StepDateInput, TrainingInput, UnitAverageOut, PublicListQuery, PublicOfficerOut, PublicBodyOut, PublicDecisionOut, PublicRiskOut, type Bands, type CaseStatus, type Criterion,
} from './schema.js';

type Lang = 'zh' | 'en';
const num = (x: number | string | null | undefined) => (x === null || x === undefined ? null : Number(x));
const P = z.object({ id: Id });
const Ok = z.object({ ok: z.boolean() });

const presentCert = (c: any, lang: Lang) => ({
  id: c.id, certNo: c.cert_no, kind: c.kind, kindLabel: CERT_KINDS[c.kind as keyof typeof CERT_KINDS][lang], field: c.field, issuedOn: c.issued_on, expiresOn: c.expires_on,
  status: c.status, statusLabel: CERT_STATUSES[c.status as keyof typeof CERT_STATUSES][lang], endedOn: c.ended_on,
});
const presentOfficer = (o: any) => ({
  id: o.id, unitId: o.unit_id, unitName: o.unit_name ?? '', name: o.name, legalReviewer: o.legal_reviewer, legalQualification: o.legal_qualification,
  supervisionRegisteredOn: o.supervision_registered_on, active: o.active, certNo: o.cert_no ?? null, certExpiresOn: o.cert_expires_on ?? null, trainingHours: Number(o.training_hours ?? 0),
});
const presentCase = (c: any, lang: Lang) => ({
  id: c.id, unitId: c.unit_id, unitName: c.unit_name ?? '', system: c.system, systemLabel: CASE_SYSTEMS[c.system as keyof typeof CASE_SYSTEMS][lang], caseNo: c.case_no, title: c.title,
  partyName: c.party_name, partyKind: c.party_kind, filedOn: c.filed_on, status: c.status, statusLabel: CASE_STATUSES[c.status as CaseStatus][lang], major: c.major,
  decidedOn: c.decided_on, decision: c.decision, decisionLabel: c.decision ? DECISIONS[c.decision as keyof typeof DECISIONS][lang] : null, fine: num(c.fine),
  closedOn: c.closed_on, publishedOn: c.published_on, decisionDue: c.decision_due ?? null,
});
async function caseDetail(ctx: AppContext, actor: ReturnType<typeof activeActorOf>, id: string, lang: Lang) {
  const d = await svc.getCase(ctx.db, actor, id);
  const decisionDue = d.deadlines.find((x) => x.kind === 'decision')?.due_date ?? null;
  return {
    ...presentCase({ ...d.c, unit_name: d.unitName, decision_due: decisionDue }, lang),
    cause: d.c.cause, majorReasons: d.c.major_reasons, investigatedOn: d.c.investigated_on, reviewSubmittedOn: d.c.review_submitted_on, reviewerName: d.reviewerName,
    reviewConclusion: d.c.review_conclusion, reviewOpinion: d.c.review_opinion, reviewedOn: d.c.reviewed_on, decisionNo: d.c.decision_no, signedBy: d.c.signed_by,
    servedOn: d.c.served_on, partyPresent: d.c.party_present, executedOn: d.c.executed_on, paidOn: d.c.paid_on, lateFee: num(d.c.late_fee),
    officers: d.officers.map((o) => ({ id: o.id, name: o.name, certNo: o.cert_no })),
    deadlines: d.deadlines.map((x) => presentDeadline(x, lang)),
    next: d.canEdit ? svc.nextSteps(d.c) : [],
    canEdit: d.canEdit,
  };
}
const presentBody = (b: any, lang: Lang) => ({
  id: b.id, unitId: b.unit_id, unitName: b.unit_name, kind: b.kind, kindLabel: BODY_KINDS[b.kind as keyof typeof BODY_KINDS][lang], legalBasis: b.legal_basis,
  fields: b.fields.map((f: any) => ({ id: f.id, field: f.field, validFrom: f.valid_from, validTo: f.valid_to, note: f.note })),
});
const presentCampaign = (c: any) => ({
  id: c.id, year: c.year, title: c.title, criteria: c.criteria as Criterion[], bands: c.bands as Bands, sampleSeed: c.sample_seed, sampleSize: c.sample_size,
  status: c.status, files: Number(c.files ?? 0), scored: Number(c.scored ?? 0), excellent: Number(c.excellent ?? 0),
});
const presentFile = (f: any, lang: Lang) => ({
  id: f.id, campaignId: f.campaign_id, caseId: f.case_id, caseNo: f.case_no, caseTitle: f.case_title, unitId: f.unit_id, unitName: f.unit_name, system: f.system,
  score: num(f.score), grade: f.grade, gradeLabel: f.grade ? GRADES[f.grade as keyof typeof GRADES][lang] : null, reviewer: f.reviewer, reviewedOn: f.reviewed_on,
  problems: (f.problems ?? []).map((p: any) => ({
    id: p.id, criterion: p.criterion, category: p.category, categoryLabel: PROBLEM_CATEGORIES[p.category as keyof typeof PROBLEM_CATEGORIES][lang], description: p.description,
    deduction: Number(p.deduction), dueOn: p.due_on, rectifiedOn: p.rectified_on, measure: p.measure,
  })),
});
const presentItem = (i: any) => ({
  id: i.id, code: i.code, name: i.name, parentId: i.parent_id, parentCode: i.parent_code ?? null, competent: i.competent, main: !i.parent_id,
  claims: (i.claims ?? []).map((c: any) => ({ id: c.id, unitId: c.unit_id, unitName: c.unit_name, claimedOn: c.claimed_on, implementationListOn: c.implementation_list_on })),
});
const presentRisk = (r: any, lang: Lang) => ({
  id: r.id, unitId: r.unit_id, unitName: r.unit_name ?? '', riskPoint: r.risk_point, forms: r.forms, legalBasis: r.legal_basis, consequence: r.consequence,
  level: r.level, levelLabel: RISK_LEVELS[r.level as keyof typeof RISK_LEVELS][lang], prevention: r.prevention, published: r.published,
});

/** Enforcement routes: bodies, officers and certificates, cases, case-file review, the catalogue, risk lists. */
export function enforcementRoutes(app: App, ctx: AppContext) {
  const tags = ['enforcement'];
  const base = '/api/v1/enforcement';

  // ── bodies
  app.get(`${base}/bodies`, { schema: { tags, response: { 200: z.object({ items: z.array(BodyOut) }) } } }, async (req) => {
    const rows = await svc.listBodies(ctx.db, activeActorOf(req));
    return { items: rows.map((b) => presentBody(b, req.lang)) };
  });
  app.post(`${base}/bodies`, { schema: { tags, body: BodyInput, response: { 201: BodyOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const b = await svc.registerBody(ctx.db, actor, req.body);
    const row = (await svc.listBodies(ctx.db, actor)).find((x) => x.id === b.id)!;
    return reply.status(201).send(presentBody(row, req.lang));
  });
  app.post(`${base}/bodies/:id/move-field`, { schema: { tags, params: P, body: FieldMoveInput, response: { 200: z.object({ items: z.array(BodyOut) }) } } }, async (req) => {
    const actor = activeActorOf(req);
    await svc.moveField(ctx.db, actor, req.params.id, req.body);
    return { items: (await svc.listBodies(ctx.db, actor)).map((b) => presentBody(b, req.lang)) };
  });

  // ── officers and certificates
  app.get(`${base}/officers`, { schema: { tags, querystring: OfficerListQuery, response: { 200: page(OfficerOut) } } }, async (req) => {
    const r = await svc.listOfficers(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentOfficer) };
  });
  app.get(`${base}/officers/export`, { schema: { tags, querystring: OfficerListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const r = await svc.listOfficers(ctx.db, actor, { ...req.query, page: 1, pageSize: 100_000 });
    return sendXlsx(reply, '执法人员及证件.xlsx', await exportXlsx(officerSheet, await officerSheetRows(ctx.db, r.items)));
  });
  importRoutes(app, ctx, `${base}/officers/import`, officerImport);
  const officerDetail = async (actor: ReturnType<typeof activeActorOf>, id: string, lang: Lang) => {
    const d = await svc.getOfficer(ctx.db, actor, id);
    const current = d.certs.find((c) => c.status === 'valid');
    return {
      ...presentOfficer({ ...d.officer, unit_name: d.unitName, cert_no: current?.cert_no ?? null, cert_expires_on: current?.expires_on ?? null, training_hours: d.trainings.reduce((s, t) => s + Number(t.hours), 0) }),
      certificates: d.certs.map((c) => presentCert(c, lang)),
      exams: d.exams.map((e) => ({ id: e.id, examDate: e.exam_date, part: e.part, score: Number(e.score), passed: e.passed })),
      trainings: d.trainings.map((t) => ({ id: t.id, trainedOn: t.trained_on, topic: t.topic, hours: Number(t.hours) })),
      attendance: (await attendanceOfOfficer(ctx.db, d.officer.id)).map((x) => ({
        id: x.id, activityId: x.activity_id, kind: x.kind as 'training' | 'exam', date: x.activity_date, topic: x.topic, score: x.score === null ? null : Number(x.score), passed: x.passed,
      })),
      canEdit: d.canEdit,
    };
  };
  app.post(`${base}/officers`, { schema: { tags, body: OfficerInput, response: { 201: OfficerDetailOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const o = await svc.registerOfficer(ctx.db, actor, req.body);
    return reply.status(201).send(await officerDetail(actor, o.id, req.lang));
  });
  app.get(`${base}/officers/:id`, { schema: { tags, params: P, response: { 200: OfficerDetailOut } } }, async (req) => officerDetail(activeActorOf(req), req.params.id, req.lang));
  app.post(`${base}/officers/:id/certificates`, { schema: { tags, params: P, body: CertificateInput, response: { 201: CertificateOut } } }, async (req, reply) => {
    const c = await svc.issueCertificate(ctx.db, activeActorOf(req), req.params.id, req.body);
    return reply.status(201).send(presentCert(c, req.lang));
  });
  app.post(`${base}/officers/:id/exams`, { schema: { tags, params: P, body: ExamResultInput, response: { 201: Ok } } }, async (req, reply) => {
    await svc.recordExam(ctx.db, activeActorOf(req), req.params.id, req.body);
    return reply.status(201).send({ ok: true });
  });
  app.post(`${base}/officers/:id/trainings`, { schema: { tags, params: P, body: TrainingInput, response: { 201: Ok } } }, async (req, reply) => {
    await svc.recordTraining(ctx.db, activeActorOf(req), req.params.id, req.body);
    return reply.status(201).send({ ok: true });
  });
  app.post(`${base}/officers/:id/supervision-registration`, { schema: { tags, params: P, body: StepDateInput, response: { 200: Ok } } }, async (req) => {
    await svc.registerOnSupervisionSystem(ctx.db, activeActorOf(req), req.params.id, req.body.on);
    return { ok: true };
  });
  app.post(`${base}/certificates/:id/renew`, { schema: { tags, params: P, body: CertificateInput, response: { 201: CertificateOut } } }, async (req, reply) => {
    const c = await svc.renewCertificate(ctx.db, activeActorOf(req), req.params.id, req.body);
    return reply.status(201).send(presentCert(c, req.lang));
  });
  app.post(`${base}/certificates/:id/end`, { schema: { tags, params: P, body: CertificateEndInput, response: { 200: CertificateOut } } }, async (req) => {
    return presentCert(await svc.endCertificate(ctx.db, activeActorOf(req), req.params.id, req.body), req.lang);
  });

  // ── cases
  app.get(`${base}/cases`, { schema: { tags, querystring: CaseListQuery, response: { 200: page(CaseOut) } } }, async (req) => {
    const r = await svc.listCases(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((c) => presentCase(c, req.lang)) };
  });
  app.get(`${base}/cases/export`, { schema: { tags, querystring: CaseListQuery.omit({ page: true, pageSize: true }), response: xlsxResponse() } }, async (req, reply) => {
    const r = await svc.listCases(ctx.db, activeActorOf(req), { ...req.query, page: 1, pageSize: 100_000 });
    return sendXlsx(reply, '执法案件台账.xlsx', await exportXlsx(caseLedgerSheet, await caseLedgerRows(ctx.db, r.items)));
  });
  importRoutes(app, ctx, `${base}/cases/import`, caseImport);
  app.post(`${base}/cases`, { schema: { tags, body: CaseInput, response: { 201: CaseDetailOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const c = await svc.fileCase(ctx.db, actor, req.body);
    return reply.status(201).send(await caseDetail(ctx, actor, c.id, req.lang));
  });
  app.get(`${base}/cases/:id`, { schema: { tags, params: P, response: { 200: CaseDetailOut } } }, async (req) => caseDetail(ctx, activeActorOf(req), req.params.id, req.lang));
  const step = <S extends z.ZodType>(name: string, body: S, run: (actor: ReturnType<typeof activeActorOf>, id: string, b: z.infer<S>) => Promise<unknown>) => {
    app.post(`${base}/cases/:id/${name}`, { schema: { tags, params: P, body, response: { 200: CaseDetailOut } } }, async (req) => {
      const actor = activeActorOf(req);
      await run(actor, (req.params as { id: string }).id, req.body as z.infer<S>);
      return caseDetail(ctx, actor, (req.params as { id: string }).id, req.lang);
    });
  };
  step('investigate', StepDateInput, (a, id, b) => svc.investigate(ctx.db, a, id, b.on));
  step('submit-review', StepDateInput, (a, id, b) => svc.submitForReview(ctx.db, a, id, b.on));
  step('review', LegalReviewInput, (a, id, b) => svc.concludeReview(ctx.db, a, id, b));
  step('decide', DecideInput, (a, id, b) => svc.decide(ctx.db, a, id, b));
  step('serve', ServeInput, (a, id, b) => svc.serve(ctx.db, a, id, b));
  step('execute', ExecuteInput, (a, id, b) => svc.execute(ctx.db, a, id, b));
  step('close', StepDateInput, (a, id, b) => svc.closeCase(ctx.db, a, id, b.on));
  step('publish', StepDateInput, (a, id, b) => svc.publish(ctx.db, a, id, b.on));

  // ── case-file review
  app.get(`${base}/reviews/campaigns`, { schema: { tags, response: { 200: z.object({ items: z.array(CampaignOut) }) } } }, async (req) => {
    return { items: (await rev.listCampaigns(ctx.db, activeActorOf(req))).map(presentCampaign) };
  });
  app.post(`${base}/reviews/campaigns`, { schema: { tags, body: CampaignInput, response: { 201: CampaignOut } } }, async (req, reply) => {
    const c = await rev.createCampaign(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(presentCampaign(c));
  });
  app.post(`${base}/reviews/campaigns/:id/sample`, { schema: { tags, params: P, response: { 200: z.object({ drawn: z.number() }) } } }, async (req) => {
    return { drawn: (await rev.drawSample(ctx.db, activeActorOf(req), req.params.id)).length };
  });
  app.get(`${base}/reviews/campaigns/:id/files`, { schema: { tags, params: P, response: { 200: z.object({ items: z.array(ReviewFileOut) }) } } }, async (req) => {
    return { items: (await rev.listFiles(ctx.db, activeActorOf(req), req.params.id)).map((f) => presentFile(f, req.lang)) };
  });
  app.get(`${base}/reviews/campaigns/:id/units`, { schema: { tags, params: P, response: { 200: z.object({ items: z.array(UnitAverageOut) }) } } }, async (req) => {
    const rows = await rev.unitAverages(ctx.db, activeActorOf(req), req.params.id);
    return { items: rows.map((r) => ({ ...r, gradeLabel: GRADES[r.grade][req.lang] })) };
  });
  app.post(`${base}/reviews/files/:id/score`, { schema: { tags, params: P, body: ScoreInput, response: { 200: ReviewFileOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const f = await rev.scoreFile(ctx.db, actor, req.params.id, req.body);
    const row = (await rev.listFiles(ctx.db, actor, f.campaign_id)).find((x) => x.id === f.id)!;
    return presentFile(row, req.lang);
  });
  // A campaign's scoring sheets in Excel: the export is also the import's template (every sampled file ×
  // every criterion, pre-filled with what was scored); the import scores each file under the form's rules.
  const scoresXlsx = async (req: { params: { id: string } }, reply: Parameters<typeof sendXlsx>[0], actor: ReturnType<typeof activeActorOf>) => {
    const c = await Campaigns.get(ctx.db, actor, req.params.id);
    return sendXlsx(reply, `${c.title}-评分表.xlsx`, await exportXlsx(scoreSheet, await scoreSheetRows(ctx.db, actor, c)));
  };
  app.get(`${base}/reviews/campaigns/:id/scores/export`, { schema: { tags, params: P, response: xlsxResponse('评查活动的评分表（.xlsx）') } }, async (req, reply) => scoresXlsx(req, reply, activeActorOf(req)));
  app.get(`${base}/reviews/campaigns/:id/scores/import/template`, { schema: { tags, params: P, response: xlsxResponse('评分表导入模板（.xlsx，已列出抽取的案卷和评查项目）') } }, async (req, reply) => {
    const actor = activeActorOf(req);
    const spec = scoreImport(req.params.id);
    spec.authorize(actor);
    return scoresXlsx(req, reply, actor);
  });
  app.post(`${base}/reviews/campaigns/:id/scores/import`, { schema: { tags: [...tags, 'import'], params: P, querystring: ImportQuery, response: { 200: ImportResultOut } } }, async (req) => {
    const actor = activeActorOf(req);
    const spec = scoreImport(req.params.id);
    spec.authorize(actor);
    // 404 for a campaign out of scope or unknown, before the file is read.
    await Campaigns.get(ctx.db, actor, req.params.id);
    return runImport(ctx.db, actor, spec, await uploadedFile(req, ctx.cfg.maxUploadBytes), req.query.dryRun === '1', req.lang);
  });
  app.post(`${base}/reviews/problems/:id/rectify`, { schema: { tags, params: P, body: RectifyInput, response: { 200: Ok } } }, async (req) => {
    await rev.rectifyProblem(ctx.db, activeActorOf(req), req.params.id, req.body);
    return { ok: true };
  });

  // ── catalogue and risks
  app.get(`${base}/catalogue/items`, { schema: { tags, querystring: ItemListQuery, response: { 200: page(ItemOut) } } }, async (req) => {
    const r = await cat.listItems(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map(presentItem) };
  });
  app.post(`${base}/catalogue/items`, { schema: { tags, body: z.object({ items: z.array(ItemInput).min(1).max(5000) }), response: { 201: z.object({ created: z.number() }) } } }, async (req, reply) => {
    const rows = await cat.addItems(ctx.db, activeActorOf(req), req.body.items);
    return reply.status(201).send({ created: rows.length });
  });
  app.get(`${base}/catalogue/items/export`, { schema: { tags, response: xlsxResponse('监管事项目录（.xlsx）') } }, async (req, reply) => {
    return sendXlsx(reply, '监管事项目录.xlsx', await exportXlsx(itemExportSheet, await itemSheetRows(ctx.db, activeActorOf(req))));
  });
  importRoutes(app, ctx, `${base}/catalogue/items/import`, itemImport);
  app.get(`${base}/catalogue/claims/export`, { schema: { tags, querystring: z.object({ unitId: Id.optional() }), response: xlsxResponse('监管事项认领（.xlsx）') } }, async (req, reply) => {
    return sendXlsx(reply, '监管事项认领.xlsx', await exportXlsx(claimExportSheet, await claimSheetRows(ctx.db, activeActorOf(req), req.query)));
  });
  importRoutes(app, ctx, `${base}/catalogue/claims/import`, claimImport);
  app.get(`${base}/catalogue/summary`, { schema: { tags, response: { 200: CatalogueSummaryOut } } }, async (req) => cat.catalogueSummary(ctx.db, activeActorOf(req)));
  app.post(`${base}/catalogue/claims`, { schema: { tags, body: ClaimInput, response: { 201: z.object({ id: z.string() }) } } }, async (req, reply) => {
    const c = await cat.claimItem(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send({ id: c.id });
  });
  app.post(`${base}/catalogue/claims/:id/implementation-list`, { schema: { tags, params: P, body: StepDateInput, response: { 200: Ok } } }, async (req) => {
    await cat.compileImplementationList(ctx.db, activeActorOf(req), req.params.id, req.body.on);
    return { ok: true };
  });
  app.get(`${base}/risks`, { schema: { tags, querystring: ListQuery.extend({ unitId: Id.optional() }), response: { 200: page(RiskOut) } } }, async (req) => {
    const r = await cat.listRisks(ctx.db, activeActorOf(req), req.query);
    return { ...r, items: r.items.map((x) => presentRisk(x, req.lang)) };
  });
  app.post(`${base}/risks`, { schema: { tags, body: RiskInput, response: { 201: RiskOut } } }, async (req, reply) => {
    const r = await cat.addRisk(ctx.db, activeActorOf(req), req.body);
    return reply.status(201).send(presentRisk(r, req.lang));
  });

  // ── public portal (no sign-in): what 行政执法公示 requires, for the region in the address
  const ptags = ['public'];
  app.get('/api/v1/public/enforcement/bodies', { config: { public: true }, schema: { tags: ptags, querystring: PublicListQuery.pick({ region: true }), response: { 200: z.object({ items: z.array(PublicBodyOut) }) } } }, async (req) => {
    const rows = await pub.publicBodies(ctx.db, req.query.region);
    return { items: rows.map((b) => ({ id: b.id, unitName: b.unit_name, kindLabel: BODY_KINDS[b.kind as keyof typeof BODY_KINDS][req.lang], legalBasis: b.legal_basis, fields: b.fields, officers: b.officers })) };
  });
  app.get('/api/v1/public/enforcement/officers', { config: { public: true }, schema: { tags: ptags, querystring: PublicListQuery, response: { 200: page(PublicOfficerOut) } } }, async (req) => {
    const r = await pub.publicOfficers(ctx.db, req.query);
    return { ...r, items: r.items.map((o) => ({ id: o.id, name: o.name, unitName: o.unit_name, certNo: o.cert_no, kindLabel: CERT_KINDS[o.kind][req.lang], field: o.field, expiresOn: o.expires_on })) };
  });
  app.get('/api/v1/public/enforcement/decisions', { config: { public: true }, schema: { tags: ptags, querystring: PublicListQuery, response: { 200: page(PublicDecisionOut).extend({ displayYears: z.number() }) } } }, async (req) => {
    const r = await pub.publicDecisions(ctx.db, req.query);
    return {
      ...r,
      items: r.items.map((c) => ({
        id: c.id, systemLabel: CASE_SYSTEMS[c.system][req.lang], unitName: c.unit_name, title: c.title, party: pub.maskParty(c.party_name, c.party_kind),
        decisionLabel: c.decision ? DECISIONS[c.decision][req.lang] : '', decisionNo: c.decision_no ?? '', fine: num(c.fine), decidedOn: c.decided_on!, publishedOn: c.published_on!,
      })),
    };
  });
  app.get('/api/v1/public/enforcement/risks', { config: { public: true }, schema: { tags: ptags, querystring: PublicListQuery, response: { 200: page(PublicRiskOut) } } }, async (req) => {
    const r = await pub.publicRisks(ctx.db, req.query);
    return { ...r, items: r.items.map((x) => ({ id: x.id, unitName: x.unit_name, riskPoint: x.risk_point, forms: x.forms, legalBasis: x.legal_basis, consequence: x.consequence, level: x.level, levelLabel: RISK_LEVELS[x.level as keyof typeof RISK_LEVELS][req.lang], prevention: x.prevention })) };
  });
  void DateStr;
}
