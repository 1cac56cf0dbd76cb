/**
 * Administrative enforcement: bodies and the fields they cover, officers and their certificates,
 * exams and training, and cases under the three systems with the statutory limits of 行政处罚法(2021).
 * Every rule is checked here, in the write's transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { addDays, daysBetween, loadCalendar, today } from '../../core/calendar/index.js';
import { closeDeadline, deadlinesOf, setDeadline, setDeadlines, type DeadlineInput } from '../../core/deadlines/index.js';
import { badRequest, conflict, forbidden } from '../../core/errors/index.js';
import { mayWriteAt, type Actor } from '../../core/scope/index.js';
import { unitName, unitRegion } from '../org/lookup.js';
import { Bodies, Cases, Certificates, CASE_WRITE, Officers } from './records.js';
import {
  CASE_STATUSES, DECISIONS, DECISIONS_BY_SYSTEM, MAJOR_REASONS,
  type BodyInput, type CaseInput, type CaseListQuery, type CaseStatus, type CaseSystem, type CertificateEndInput, type CertificateInput,
  type DecideInput, type ExamResultInput, type ExecuteInput, type FieldMoveInput, type LegalReviewInput, type OfficerInput, type OfficerListQuery,
  type ServeInput, type TrainingInput,
} from './schema.js';

type DbK = Kysely<Database>;
const field = (path: string, zh: string, en: string, code = 'ENFORCEMENT_RULE') => badRequest(code, { zh, en }, { fields: [{ path, message: zh }] });

async function regionOfUnit(db: Db, unitId: string, path = 'unitId') {
  const r = await unitRegion(db, unitId);
  if (!r) throw field(path, '所选单位不存在', 'Unknown unit', 'UNKNOWN_UNIT');
  return r;
}

// ───────────────────────────── bodies ─────────────────────────────

/** Registers an enforcement body with the fields it covers from a date. */
export function registerBody(db: DbK, actor: Actor, input: BodyInput) {
  return db.transaction().execute(async (trx) => {
    const region = await regionOfUnit(trx, input.unitId);
    const body = await Bodies.insert(trx, actor, { region_id: region.id, unit_id: input.unitId, kind: input.kind, legal_basis: input.legalBasis });
    for (const f of new Set(input.fields)) {
      await trx.insertInto('enforcement_body_fields').values({ region_id: region.id, unit_id: input.unitId, body_id: body.id, field: f, valid_from: input.since }).execute();
    }
    return body;
  });
}

/** Bodies in scope with the fields they cover (current and past). */
export async function listBodies(db: Db, actor: Actor) {
  const rows = (await Bodies.query(db, actor).innerJoin('units as u', 'u.id', 'b.unit_id').selectAll('b').select('u.name as unit_name')
    .orderBy('u.sort').orderBy('b.id').execute()) as (Database['enforcement_bodies'] & { id: string; unit_name: string; legal_basis: string; kind: string; unit_id: string })[];
  const fields = rows.length
    ? await db.selectFrom('enforcement_body_fields').selectAll().where('body_id', 'in', rows.map((r) => r.id)).orderBy('valid_from').orderBy('field').execute()
    : [];
  return rows.map((r) => ({ ...r, fields: fields.filter((f) => f.body_id === r.id) }));
}

/**
 * Moves a field of enforcement from one body to another on a date (the reform's "一支队伍管全部"): the
 * source stops covering it the day before, the target covers it from that day; both kept as history.
 */
export function moveField(db: DbK, actor: Actor, fromBodyId: string, input: FieldMoveInput) {
  return db.transaction().execute(async (trx) => {
    const from = await Bodies.lockForWrite(trx, actor, fromBodyId);
    const to = await Bodies.lockForWrite(trx, actor, input.toBodyId);
    if (from.id === to.id) throw field('toBodyId', '移入主体不能与移出主体相同', 'The target body is the source body');
    const open = await trx.selectFrom('enforcement_body_fields').selectAll().where('body_id', '=', from.id).where('field', '=', input.field).where('valid_to', 'is', null).forUpdate().executeTakeFirst();
    if (!open) throw field('field', `该执法主体目前不负责“${input.field}”领域`, `The body does not cover ${input.field} now`);
    if (input.on <= open.valid_from) throw field('on', `划转日期应晚于该领域的起始日期${open.valid_from}`, `The date must be after ${open.valid_from}`);
    const dup = await trx.selectFrom('enforcement_body_fields').select('id').where('body_id', '=', to.id).where('field', '=', input.field).where('valid_to', 'is', null).executeTakeFirst();
    if (dup) throw field('toBodyId', `移入主体已负责“${input.field}”领域`, `The target body already covers ${input.field}`);
    await trx.updateTable('enforcement_body_fields').set({ valid_to: addDays(input.on, -1) }).where('id', '=', open.id).execute();
    await trx.insertInto('enforcement_body_fields').values({ region_id: to.region_id, unit_id: to.unit_id, body_id: to.id, field: input.field, valid_from: input.on, note: input.note }).execute();
    await Bodies.audit(trx, actor, 'move_field', { body: from.id, field: input.field }, { ...to, field: input.field, on: input.on });
    return { from, to };
  });
}

// ───────────────────────────── officers ─────────────────────────────

/** Registers an officer of a unit. */
export function registerOfficer(db: DbK, actor: Actor, input: OfficerInput) {
  return db.transaction().execute((trx) => registerOfficerIn(trx, actor, input));
}

/** Registers an officer inside the caller's transaction (the Excel import writes many rows in one). */
export async function registerOfficerIn(trx: DbK, actor: Actor, input: OfficerInput) {
  const region = await regionOfUnit(trx, input.unitId);
  if (input.legalReviewer && !input.legalQualification) {
    // 行政处罚法 第五十八条第二款: a first-time legal reviewer holds the national legal professional qualification.
    throw field('legalQualification', '法制审核人员应当取得法律职业资格（行政处罚法第五十八条第二款）', 'A legal reviewer must hold the legal professional qualification (art. 58)');
  }
  return Officers.insert(trx, actor, {
    region_id: region.id, unit_id: input.unitId, name: input.name, user_id: input.userId ?? null,
    legal_reviewer: input.legalReviewer, legal_qualification: input.legalQualification, supervision_registered_on: input.supervisionRegisteredOn ?? null,
  });
}

/** Marks an officer registered on the 互联网+监管 system. */
export function registerOnSupervisionSystem(db: DbK, actor: Actor, officerId: string, on: string) {
  return db.transaction().execute(async (trx) => {
    const o = await Officers.lockForWrite(trx, actor, officerId);
    return Officers.update(trx, actor, o, { supervision_registered_on: on }, 'register_supervision');
  });
}

/** Issues a certificate to an officer. */
export function issueCertificate(db: DbK, actor: Actor, officerId: string, input: CertificateInput, replacesId: string | null = null) {
  return db.transaction().execute((trx) => issueCertificateIn(trx, actor, officerId, input, replacesId));
}

/** Issues a certificate inside the caller's transaction (the Excel import writes many rows in one). */
export async function issueCertificateIn(trx: DbK, actor: Actor, officerId: string, input: CertificateInput, replacesId: string | null = null) {
  const o = await Officers.lockForWrite(trx, actor, officerId);
  return Certificates.insert(trx, actor, {
    region_id: o.region_id, unit_id: o.unit_id, officer_id: o.id, cert_no: input.certNo, kind: input.kind, field: input.field,
    issued_on: input.issuedOn, expires_on: input.expiresOn, replaces_id: replacesId,
  }, replacesId ? 'renew' : 'issue');
}

/** Renews a certificate: the new one is issued, the old one stops being valid on the new one's issue date. */
export function renewCertificate(db: DbK, actor: Actor, certId: string, input: CertificateInput) {
  return db.transaction().execute(async (trx) => {
    const old = await Certificates.lockForWrite(trx, actor, certId);
    if (old.status !== 'valid') throw conflict('CERT_NOT_VALID', { zh: '只有有效的证件可以换发', en: 'Only a valid certificate can be renewed' });
    if (input.issuedOn < old.issued_on) throw field('issuedOn', '换发日期不能早于原证件发证日期', 'The renewal cannot precede the old issue date');
    const row = await Certificates.insert(trx, actor, {
      region_id: old.region_id, unit_id: old.unit_id, officer_id: old.officer_id, cert_no: input.certNo, kind: input.kind, field: input.field,
      issued_on: input.issuedOn, expires_on: input.expiresOn, replaces_id: old.id,
    }, 'renew');
    await Certificates.update(trx, actor, old, { status: 'renewed', ended_on: input.issuedOn }, 'renewed');
    return row;
  });
}

/** Suspends or revokes a certificate from a date. */
export function endCertificate(db: DbK, actor: Actor, certId: string, input: CertificateEndInput) {
  return db.transaction().execute(async (trx) => {
    const c = await Certificates.lockForWrite(trx, actor, certId);
    if (c.status !== 'valid') throw conflict('CERT_NOT_VALID', { zh: '该证件已不是有效状态', en: 'The certificate is no longer valid' });
    if (input.on < c.issued_on) throw field('on', '日期不能早于发证日期', 'The date cannot precede the issue date');
    return Certificates.update(trx, actor, c, { status: input.status, ended_on: input.on }, input.status);
  });
}

/** Records one part of a qualification exam (公共法律知识 / 专业法律知识). */
export function recordExam(db: DbK, actor: Actor, officerId: string, input: ExamResultInput) {
  return db.transaction().execute(async (trx) => {
    const o = await Officers.lockForWrite(trx, actor, officerId);
    const row = await trx.insertInto('enforcement_exam_results').values({
      region_id: o.region_id, unit_id: o.unit_id, officer_id: o.id, exam_date: input.examDate, part: input.part, score: input.score, passed: input.score >= input.passMark,
    }).returningAll().executeTakeFirstOrThrow();
    await Officers.audit(trx, actor, 'exam', null, { ...o, exam: row });
    return row;
  });
}

/** Records a training an officer attended, with its hours. */
export function recordTraining(db: DbK, actor: Actor, officerId: string, input: TrainingInput) {
  return db.transaction().execute(async (trx) => {
    const o = await Officers.lockForWrite(trx, actor, officerId);
    const row = await trx.insertInto('enforcement_trainings').values({
      region_id: o.region_id, unit_id: o.unit_id, officer_id: o.id, trained_on: input.trainedOn, topic: input.topic, hours: input.hours,
    }).returningAll().executeTakeFirstOrThrow();
    await Officers.audit(trx, actor, 'training', null, { ...o, training: row });
    return row;
  });
}

/** SQL: a certificate is valid on a day (issued, not expired, not ended before). */
export const validOn = (alias: string, day: string) =>
  sql<boolean>`(${sql.ref(`${alias}.issued_on`)} <= ${day} and ${sql.ref(`${alias}.expires_on`)} >= ${day} and (${sql.ref(`${alias}.ended_on`)} is null or ${sql.ref(`${alias}.ended_on`)} > ${day}))`;

/** Officers in scope, with their current enforcement certificate and training hours. */
export function listOfficers(db: Db, actor: Actor, q: OfficerListQuery) {
  const day = today();
  return Officers.list(db, actor, q, {
    select: (qb) => qb
      .innerJoin('units as u', 'u.id', 'o.unit_id')
      .selectAll('o')
      .select([
        'u.name as unit_name',
        sql<string | null>`(select ct.cert_no from enforcement_certificates ct where ct.officer_id = o.id and ${validOn('ct', day)} order by ct.expires_on desc limit 1)`.as('cert_no'),
        sql<string | null>`(select to_char(ct.expires_on, 'YYYY-MM-DD') from enforcement_certificates ct where ct.officer_id = o.id and ${validOn('ct', day)} order by ct.expires_on desc limit 1)`.as('cert_expires_on'),
        sql<number>`(select coalesce(sum(t.hours), 0) from enforcement_trainings t where t.officer_id = o.id)`.as('training_hours'),
      ])
      .$if(!!q.unitId, (b) => b.where('o.unit_id', '=', q.unitId!))
      .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('o.name', 'like', `%${q.q}%`), eb.exists(eb.selectFrom('enforcement_certificates as c2').select('c2.id').whereRef('c2.officer_id', '=', 'o.id').where('c2.cert_no', 'like', `%${q.q}%`))])))
      .$if(!!q.expiringBy, (b) => b.where((eb) => eb.exists(eb.selectFrom('enforcement_certificates as c3').select('c3.id').whereRef('c3.officer_id', '=', 'o.id').where('c3.status', '=', 'valid').where('c3.expires_on', '<=', q.expiringBy!)))),
    sortable: { name: 'o.name', unit: 'u.name' },
    defaultSort: { column: 'u.name', order: 'asc' },
  });
}

/** One officer with certificates, exams and trainings. */
export async function getOfficer(db: Db, actor: Actor, id: string) {
  const o = await Officers.get(db, actor, id);
  const [certs, exams, trainings, unit] = await Promise.all([
    Certificates.query(db, actor).selectAll('ct').where('ct.officer_id', '=', id).orderBy('ct.issued_on', 'desc').orderBy('ct.id').execute(),
    db.selectFrom('enforcement_exam_results').selectAll().where('officer_id', '=', id).orderBy('exam_date', 'desc').orderBy('part').execute(),
    db.selectFrom('enforcement_trainings').selectAll().where('officer_id', '=', id).orderBy('trained_on', 'desc').orderBy('id').execute(),
    unitName(db, o.unit_id).then((name) => ({ name })),
  ]);
  const canEdit = await mayWriteAt(db, actor, o.region_id, o.unit_id);
  return { officer: o, unitName: unit.name, certs: certs as Database['enforcement_certificates'][] as any[], exams, trainings, canEdit };
}

/** Certificates of the actor's own work (`workWhere`) that expire between today and `days` ahead (still valid). */
export async function countExpiring(db: Db, actor: Actor, days: number, day = today()) {
  const r = await Certificates.query(db, actor).where(Certificates.workWhere(actor)).select(sql<number>`count(*)::int`.as('n'))
    .where('ct.status', '=', 'valid').where('ct.expires_on', '>=', day).where('ct.expires_on', '<=', addDays(day, days)).executeTakeFirst();
  return Number((r as { n?: number } | undefined)?.n ?? 0);
}

// ───────────────────────────── cases ─────────────────────────────

const PUBLICITY_WD: Record<CaseSystem, number> = {
  // 国办发〔2018〕118号 (国新办 2019-01-04): 许可、处罚 decisions public within 7 working days; others within 20.
  penalty: 7, license: 7, coercion: 20, inspection: 20,
};
const BASIS = {
  decision: '行政处罚法（2021）第六十条：行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定',
  publicity7: '国办发〔2018〕118号：行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开',
  publicity20: '国办发〔2018〕118号：行政执法机关要在执法决定作出之日起20个工作日内向社会公布',
  delivery: '行政处罚法（2021）第六十一条：当事人不在场的，行政机关应当在七日内将行政处罚决定书送达当事人（第八十五条：七日指工作日）',
  payment: '行政处罚法（2021）第六十七条：当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款',
};

/** The steps that may follow a status (for the UI and the state machine alike). */
export function nextSteps(c: { status: CaseStatus; major: boolean; decision: string | null; fine: number | string | null; published_on: string | null; decided_on: string | null }): string[] {
  const out: string[] = [];
  switch (c.status) {
    case 'filed': out.push('investigate'); break;
    case 'investigating': out.push(c.major ? 'submit_review' : 'decide'); break;
    case 'in_review': out.push('review'); break;
    case 'reviewed': out.push('decide'); break;
    case 'decided': out.push('serve'); break;
    case 'served': out.push(needsExecution(c) ? 'execute' : 'close'); break;
    case 'executed': out.push('close'); break;
    default: break;
  }
  if (c.decided_on && !c.published_on) out.push('publish');
  return out;
}
const needsExecution = (c: { decision: string | null; fine: number | string | null }) => c.decision === 'penalty' || c.decision === 'measure' || c.decision === 'violation';

function wrongState(c: { status: CaseStatus }, step: string) {
  return conflict('CASE_STATE', {
    zh: `案件当前处于“${CASE_STATUSES[c.status].zh}”阶段，不能${STEP_ZH[step] ?? step}`,
    en: `The case is ${CASE_STATUSES[c.status].en.toLowerCase()}; it cannot be ${step}`,
  });
}
const STEP_ZH: Record<string, string> = {
  investigate: '开始调查取证', submit_review: '提交法制审核', review: '作出法制审核意见', decide: '作出决定', serve: '登记送达', execute: '登记执行', close: '结案', publish: '登记公示',
};
function notBefore(on: string, earlier: string | null, path: string, what: string) {
  if (earlier && on < earlier) throw field(path, `日期不能早于${what}（${earlier}）`, `The date cannot precede the ${what} (${earlier})`, 'DATE_ORDER');
}

/**
 * Files a case (立案): at least two officers of the unit, each holding an enforcement certificate valid on
 * the filing day (行政处罚法 第四十二条); the 90-day decision deadline goes on the to-do list (第六十条).
 */
export function fileCase(db: DbK, actor: Actor, input: CaseInput) {
  return db.transaction().execute((trx) => fileCaseIn(trx, actor, input));
}

/** Files a case inside the caller's transaction (the Excel import writes many rows in one). */
export async function fileCaseIn(trx: DbK, actor: Actor, input: CaseInput) {
  const region = await regionOfUnit(trx, input.unitId);
  const ids = [...new Set(input.officerIds)];
  // 行政处罚法 第四十二条：执法人员不得少于两人.
  if (ids.length < 2) throw field('officerIds', '执法人员不得少于两人（行政处罚法第四十二条）', 'At least two officers must handle a case (art. 42)', 'TWO_OFFICERS_REQUIRED');
  const officers = await trx.selectFrom('enforcement_officers as o')
    .select(['o.id', 'o.name', 'o.unit_id', 'o.active',
      sql<string | null>`(select ct.id from enforcement_certificates ct where ct.officer_id = o.id and ct.kind = 'enforcement' and ${validOn('ct', input.filedOn)} order by ct.expires_on desc, ct.id limit 1)`.as('cert_id')])
    .where('o.id', 'in', ids).execute();
  for (const [i, id] of ids.entries()) {
    const o = officers.find((x) => x.id === id);
    if (!o || o.unit_id !== input.unitId || !o.active) throw field(`officerIds.${i}`, '所选执法人员不属于办案单位', 'The officer is not of the handling unit', 'OFFICER_NOT_IN_UNIT');
    if (!o.cert_id) {
      throw field(`officerIds.${i}`, `执法人员${o.name}在立案日${input.filedOn}没有有效的行政执法证，不得从事执法活动（行政处罚法第四十二条）`,
        `${o.name} holds no enforcement certificate valid on ${input.filedOn} (art. 42)`, 'CERTIFICATE_NOT_VALID');
    }
  }
  const majorReasons = [...new Set(input.majorReasons)];
  const c = await Cases.insert(trx, actor, {
    region_id: region.id, unit_id: input.unitId, system: input.system, case_no: input.caseNo, title: input.title, party_name: input.partyName,
    party_kind: input.partyKind, cause: input.cause, filed_on: input.filedOn, major: input.major || majorReasons.length > 0, major_reasons: majorReasons,
    created_by: actor.userId,
  }, 'file');
  for (const o of officers) await trx.insertInto('enforcement_case_officers').values({ case_id: c.id, officer_id: o.id, certificate_id: o.cert_id! }).execute();
  if (input.system === 'penalty') await setDeadline(trx, decisionDeadline(c.id, region.id, input));
  return c;
}

/** The 90-day decision deadline of a penalty case (the form and the bulk import alike). */
function decisionDeadline(caseId: string, regionId: string, input: CaseInput): DeadlineInput {
  // 行政处罚法(2021) 第六十条: decision within 90 (natural) days of filing; last day on a holiday rolls over (民法典 第二百零三条).
  return {
    module: 'enforcement', entity: Cases.entity, entityId: caseId, kind: 'decision', title: { zh: `作出行政处罚决定：${input.title}`, en: `Decide the penalty case: ${input.title}` },
    regionId, unitId: input.unitId, spec: { from: input.filedOn, unit: 'ND', n: 90, rollOver: true }, basis: BASIS.decision, priority: 2,
  };
}

/**
 * Files many cases in the caller's transaction (the ledger import): every rule of `fileCaseIn` checked per
 * case in memory, over the officers and certificates read in a few queries; the cases, their officers,
 * audit entries and decision deadlines written in batches. Stores exactly what filing the cases one by one
 * stores (same rows, same certificate chosen, same deadlines and audit actions).
 */
export async function fileCasesIn(trx: DbK, actor: Actor, inputs: CaseInput[]) {
  if (!inputs.length) return [];
  const regions = new Map<string, Awaited<ReturnType<typeof regionOfUnit>>>();
  for (const u of new Set(inputs.map((i) => i.unitId))) regions.set(u, await regionOfUnit(trx, u));
  const officerIds = [...new Set(inputs.flatMap((i) => i.officerIds))];
  const officers = new Map<string, { id: string; name: string; unit_id: string; active: boolean }>();
  const certsOf = new Map<string, { id: string; issued_on: string; expires_on: string; ended_on: string | null }[]>();
  for (let i = 0; i < officerIds.length; i += 5000) {
    const part = officerIds.slice(i, i + 5000);
    for (const o of await trx.selectFrom('enforcement_officers').select(['id', 'name', 'unit_id', 'active']).where('id', 'in', part).execute()) officers.set(o.id, o);
    // In the order fileCaseIn picks one: the latest expiry first, then the id.
    const certs = await trx.selectFrom('enforcement_certificates').select(['id', 'officer_id', 'issued_on', 'expires_on', 'ended_on'])
      .where('officer_id', 'in', part).where('kind', '=', 'enforcement').orderBy('expires_on', 'desc').orderBy('id').execute();
    for (const c of certs) certsOf.set(c.officer_id, [...(certsOf.get(c.officer_id) ?? []), c]);
  }
  // validOn in memory: issued, not expired, not ended on or before the day.
  const certOn = (officerId: string, day: string) => certsOf.get(officerId)?.find((c) => c.issued_on <= day && c.expires_on >= day && (!c.ended_on || c.ended_on > day))?.id;
  const values: Record<string, unknown>[] = [];
  const links: { officer_id: string; certificate_id: string }[][] = [];
  for (const input of inputs) {
    const ids = [...new Set(input.officerIds)];
    if (ids.length < 2) throw field('officerIds', '执法人员不得少于两人（行政处罚法第四十二条）', 'At least two officers must handle a case (art. 42)', 'TWO_OFFICERS_REQUIRED');
    const mine: { officer_id: string; certificate_id: string }[] = [];
    for (const [i, id] of ids.entries()) {
      const o = officers.get(id);
      if (!o || o.unit_id !== input.unitId || !o.active) throw field(`officerIds.${i}`, '所选执法人员不属于办案单位', 'The officer is not of the handling unit', 'OFFICER_NOT_IN_UNIT');
      const cert = certOn(id, input.filedOn);
      if (!cert) {
        throw field(`officerIds.${i}`, `执法人员${o.name}在立案日${input.filedOn}没有有效的行政执法证，不得从事执法活动（行政处罚法第四十二条）`,
          `${o.name} holds no enforcement certificate valid on ${input.filedOn} (art. 42)`, 'CERTIFICATE_NOT_VALID');
      }
      mine.push({ officer_id: id, certificate_id: cert });
    }
    const majorReasons = [...new Set(input.majorReasons)];
    values.push({
      region_id: regions.get(input.unitId)!.id, unit_id: input.unitId, system: input.system, case_no: input.caseNo, title: input.title, party_name: input.partyName,
      party_kind: input.partyKind, cause: input.cause, filed_on: input.filedOn, major: input.major || majorReasons.length > 0, major_reasons: majorReasons,
      created_by: actor.userId,
    });
    links.push(mine);
  }
  const rows = await Cases.insertMany(trx, actor, values, 'file');
  const pairs = rows.flatMap((c, i) => links[i].map((l) => ({ case_id: c.id, ...l })));
  for (let i = 0; i < pairs.length; i += 1000) await trx.insertInto('enforcement_case_officers').values(pairs.slice(i, i + 1000)).execute();
  await setDeadlines(trx, rows.flatMap((c, i) => (inputs[i].system === 'penalty' ? [decisionDeadline(c.id, c.region_id, inputs[i])] : [])));
  return rows;
}

/** Starts the investigation (调查取证). */
export function investigate(db: DbK, actor: Actor, id: string, on: string) {
  return db.transaction().execute(async (trx) => {
    const c = await Cases.lockForWrite(trx, actor, id);
    if (c.status !== 'filed') throw wrongState(c, 'investigate');
    notBefore(on, c.filed_on, 'on', '立案日期');
    return Cases.update(trx, actor, c, { status: 'investigating', investigated_on: on }, 'investigate');
  });
}

/** Submits a major case for legal review (法制审核) before the decision (行政处罚法 第五十八条). */
export function submitForReview(db: DbK, actor: Actor, id: string, on: string) {
  return db.transaction().execute(async (trx) => {
    const c = await Cases.lockForWrite(trx, actor, id);
    if (c.status !== 'investigating') throw wrongState(c, 'submit_review');
    if (!c.major) throw conflict('REVIEW_NOT_REQUIRED', { zh: '该案件不属于重大执法决定，无需法制审核', en: 'The case needs no legal review' });
    notBefore(on, c.investigated_on, 'on', '调查开始日期');
    return Cases.update(trx, actor, c, { status: 'in_review', review_submitted_on: on }, 'submit_review');
  });
}

/**
 * Concludes the legal review: by a legal reviewer of the unit who holds the legal professional
 * qualification and did not handle the case (行政处罚法 第五十八条). A failed review sends the case back.
 */
export function concludeReview(db: DbK, actor: Actor, id: string, input: LegalReviewInput) {
  return db.transaction().execute(async (trx) => {
    const c = await Cases.lockForWrite(trx, actor, id);
    if (c.status !== 'in_review') throw wrongState(c, 'review');
    notBefore(input.on, c.review_submitted_on, 'on', '提交审核日期');
    const r = await trx.selectFrom('enforcement_officers').selectAll().where('id', '=', input.reviewerId).executeTakeFirst();
    if (!r || r.unit_id !== c.unit_id || !r.active || !r.legal_reviewer) {
      throw field('reviewerId', '审核人员应为本单位的法制审核人员', "The reviewer must be one of the unit's legal reviewers", 'NOT_A_REVIEWER');
    }
    if (!r.legal_qualification) throw field('reviewerId', `${r.name}未取得法律职业资格，不能从事法制审核（行政处罚法第五十八条第二款）`, `${r.name} lacks the legal professional qualification (art. 58)`, 'NOT_A_REVIEWER');
    const handler = await trx.selectFrom('enforcement_case_officers').select('officer_id').where('case_id', '=', c.id).where('officer_id', '=', r.id).executeTakeFirst();
    if (handler) throw field('reviewerId', `${r.name}是本案承办人员，不能审核本案`, `${r.name} handles the case and cannot review it`, 'REVIEWER_IS_HANDLER');
    // The reviewer with an account concludes in person; an account linked to a handling officer never reviews.
    if (r.user_id && r.user_id !== actor.userId) throw forbidden({ zh: '法制审核意见应由审核人员本人出具', en: 'The reviewer gives the opinion in person' });
    const self = await trx.selectFrom('enforcement_case_officers as co').innerJoin('enforcement_officers as o', 'o.id', 'co.officer_id').select('o.id')
      .where('co.case_id', '=', c.id).where('o.user_id', '=', actor.userId).executeTakeFirst();
    if (self) throw forbidden({ zh: '承办人员不能审核本人承办的案件', en: 'A handling officer cannot review the case' });
    return Cases.update(trx, actor, c, {
      status: input.conclusion === 'pass' ? 'reviewed' : 'investigating', reviewer_id: r.id, review_conclusion: input.conclusion, review_opinion: input.opinion, reviewed_on: input.on,
    }, 'legal_review');
  });
}

/**
 * Records the decision. A major case needs a concluded, passed legal review first (第五十八条: 未经法制审核或者
 * 审核未通过的，不得作出决定). Closes the 90-day deadline and opens publicity and delivery deadlines.
 */
export function decide(db: DbK, actor: Actor, id: string, input: DecideInput) {
  return db.transaction().execute(async (trx) => {
    const c = await Cases.lockForWrite(trx, actor, id);
    if (c.status === 'in_review' || (c.major && c.status === 'investigating')) {
      throw badRequest('LEGAL_REVIEW_REQUIRED', {
        zh: '重大执法决定未经法制审核或者审核未通过的，不得作出决定（行政处罚法第五十八条）',
        en: 'A major decision needs a passed legal review first (art. 58)',
      }, { fields: [{ path: 'decision', message: '未经法制审核' }] });
    }
    if (c.status !== 'investigating' && c.status !== 'reviewed') throw wrongState(c, 'decide');
    if (!DECISIONS_BY_SYSTEM[c.system].includes(input.decision)) {
      throw field('decision', `“${DECISIONS[input.decision].zh}”不适用于该类案件`, 'The decision does not fit the case type');
    }
    if (input.fine !== undefined && input.decision !== 'penalty') throw field('fine', '只有给予行政处罚的决定可以登记罚款', 'Only a penalty carries a fine');
    notBefore(input.on, c.reviewed_on ?? c.investigated_on ?? c.filed_on, 'on', c.reviewed_on ? '法制审核日期' : '调查开始日期');
    const after = await Cases.update(trx, actor, c, {
      status: 'decided', decided_on: input.on, decision: input.decision, decision_no: input.decisionNo, signed_by: input.signedBy, fine: input.fine ?? null,
    }, 'decide');
    const cal = await loadCalendar(trx);
    await closeDeadline(trx, Cases.entity, c.id, 'decision');
    const wd = PUBLICITY_WD[c.system];
    await setDeadline(trx, {
      module: 'enforcement', entity: Cases.entity, entityId: c.id, kind: 'publicity', title: { zh: `公示执法决定：${c.title}`, en: `Publish the enforcement decision: ${c.title}` },
      regionId: c.region_id, unitId: c.unit_id, spec: { from: input.on, unit: 'WD', n: wd }, basis: wd === 7 ? BASIS.publicity7 : BASIS.publicity20, priority: 1,
    }, cal);
    if (c.system === 'penalty') {
      await setDeadline(trx, {
        module: 'enforcement', entity: Cases.entity, entityId: c.id, kind: 'delivery', title: { zh: `送达行政处罚决定书：${c.title}`, en: `Serve the penalty decision: ${c.title}` },
        regionId: c.region_id, unitId: c.unit_id, spec: { from: input.on, unit: 'WD', n: 7 }, basis: BASIS.delivery, priority: 1,
      }, cal);
    }
    return after;
  });
}

/** Records delivery (送达); for a fine, the 15-day payment deadline starts (第六十七条). */
export function serve(db: DbK, actor: Actor, id: string, input: ServeInput) {
  return db.transaction().execute(async (trx) => {
    const c = await Cases.lockForWrite(trx, actor, id);
    if (c.status !== 'decided') throw wrongState(c, 'serve');
    notBefore(input.on, c.decided_on, 'on', '决定日期');
    const after = await Cases.update(trx, actor, c, { status: 'served', served_on: input.on, party_present: input.partyPresent }, 'serve');
    await closeDeadline(trx, Cases.entity, c.id, 'delivery');
    if (c.fine !== null && Number(c.fine) > 0) {
      // 行政处罚法 第六十七条: 15 days from receipt; a holiday last day rolls over (民法典 第二百零三条).
      await setDeadline(trx, {
        module: 'enforcement', entity: Cases.entity, entityId: c.id, kind: 'payment', title: { zh: `督促缴纳罚款：${c.title}`, en: `Follow up the payment of the fine: ${c.title}` },
        regionId: c.region_id, unitId: c.unit_id, spec: { from: input.on, unit: 'ND', n: 15, rollOver: true }, basis: BASIS.payment,
      });
    }
    return after;
  });
}

/**
 * Late-payment surcharge (行政处罚法 第七十二条第一项): 3 % of the fine per day after the payment deadline,
 * never more than the fine.
 */
export function lateFee(fine: number, due: string, paidOn: string): number {
  const days = Math.max(0, daysBetween(due, paidOn));
  return Math.min(Math.round(fine * 0.03 * days * 100) / 100, fine);
}

/** Records execution (执行): for a fine, the payment date and any late surcharge. */
export function execute(db: DbK, actor: Actor, id: string, input: ExecuteInput) {
  return db.transaction().execute(async (trx) => {
    const c = await Cases.lockForWrite(trx, actor, id);
    if (c.status !== 'served' || !needsExecution(c)) throw wrongState(c, 'execute');
    notBefore(input.on, c.served_on, 'on', '送达日期');
    const fine = c.fine === null ? 0 : Number(c.fine);
    let fee: number | null = null;
    if (fine > 0) {
      if (!input.paidOn) throw field('paidOn', '处以罚款的案件应登记缴款日期', 'Enter the payment date of the fine');
      notBefore(input.paidOn, c.served_on, 'paidOn', '送达日期');
      const d = (await deadlinesOf(trx, Cases.entity, c.id)).find((x) => x.kind === 'payment');
      fee = d ? lateFee(fine, d.due_date, input.paidOn) : 0;
    }
    const after = await Cases.update(trx, actor, c, { status: 'executed', executed_on: input.on, paid_on: input.paidOn ?? null, late_fee: fee }, 'execute');
    await closeDeadline(trx, Cases.entity, c.id, 'payment');
    return after;
  });
}

/** Closes the case (结案). */
export function closeCase(db: DbK, actor: Actor, id: string, on: string) {
  return db.transaction().execute(async (trx) => {
    const c = await Cases.lockForWrite(trx, actor, id);
    const ready = c.status === 'executed' || (c.status === 'served' && !needsExecution(c));
    if (!ready) throw wrongState(c, 'close');
    notBefore(on, c.executed_on ?? c.served_on, 'on', c.executed_on ? '执行日期' : '送达日期');
    return Cases.update(trx, actor, c, { status: 'closed', closed_on: on }, 'close');
  });
}

/** Records the publication of the decision (事后公开); not before the decision. */
export function publish(db: DbK, actor: Actor, id: string, on: string) {
  return db.transaction().execute(async (trx) => {
    const c = await Cases.lockForWrite(trx, actor, id);
    if (!c.decided_on) throw field('on', '案件尚未作出决定，不能公示', 'No decision to publish yet', 'NO_DECISION');
    if (c.published_on) throw conflict('ALREADY_PUBLISHED', { zh: '该决定已公示', en: 'Already published' });
    if (on < c.decided_on) throw field('on', `公示日期不能早于决定日期（${c.decided_on}）`, `The publicity date cannot precede the decision (${c.decided_on})`, 'PUBLICITY_BEFORE_DECISION');
    const after = await Cases.update(trx, actor, c, { published_on: on }, 'publish');
    await closeDeadline(trx, Cases.entity, c.id, 'publicity');
    return after;
  });
}

/** The case list's row. */
export type CaseRow = Database['enforcement_cases'] & { id: string; status: CaseStatus; major: boolean; unit_name: string; decision_due: string | null };

/** Cases in scope: officers, heads and liaisons see their unit's; the office sees its district. */
export function listCases(db: Db, actor: Actor, q: CaseListQuery) {
  return Cases.list<CaseRow>(db, actor, q, {
    select: (qb) => qb
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .selectAll('c')
      .select(['u.name as unit_name',
        sql<string | null>`(select to_char(d.due_date, 'YYYY-MM-DD') from deadlines d where d.entity = 'enforcement_case' and d.entity_id = c.id and d.kind = 'decision')`.as('decision_due')])
      .$if(!!q.status, (b) => b.where('c.status', '=', q.status!))
      .$if(!!q.system, (b) => b.where('c.system', '=', q.system!))
      .$if(!!q.unitId, (b) => b.where('c.unit_id', '=', q.unitId!))
      .$if(!!q.year, (b) => b.where('c.filed_on', '>=', `${q.year}-01-01`).where('c.filed_on', '<=', `${q.year}-12-31`))
      .$if(q.open === 'true', (b) => b.where('c.status', '!=', 'closed'))
      .$if(q.open === 'false', (b) => b.where('c.status', '=', 'closed'))
      .$if(!!q.q, (b) => b.where((eb) => eb.or([eb('c.title', 'like', `%${q.q}%`), eb('c.case_no', 'like', `%${q.q}%`), eb('c.party_name', 'like', `%${q.q}%`)]))),
    sortable: { filedOn: 'c.filed_on', caseNo: 'c.case_no', status: 'c.status', decidedOn: 'c.decided_on' },
    defaultSort: { column: 'c.filed_on', order: 'desc' },
  });
}

/** One case with its officers, deadlines and the steps that may follow. */
export async function getCase(db: Db, actor: Actor, id: string) {
  const c = await Cases.get(db, actor, id);
  const [unit, officers, deadlines, reviewer, canEdit] = await Promise.all([
    unitName(db, c.unit_id).then((name) => ({ name })),
    db.selectFrom('enforcement_case_officers as co').innerJoin('enforcement_officers as o', 'o.id', 'co.officer_id').innerJoin('enforcement_certificates as ct', 'ct.id', 'co.certificate_id')
      .select(['o.id', 'o.name', 'ct.cert_no']).where('co.case_id', '=', id).orderBy('o.name').execute(),
    deadlinesOf(db, Cases.entity, id),
    c.reviewer_id ? db.selectFrom('enforcement_officers').select('name').where('id', '=', c.reviewer_id).executeTakeFirst() : undefined,
    mayWriteAt(db, actor, c.region_id, c.unit_id, CASE_WRITE),
  ]);
  return { c, unitName: unit.name, officers, deadlines, reviewerName: reviewer?.name ?? null, canEdit };
}

export { MAJOR_REASONS };
