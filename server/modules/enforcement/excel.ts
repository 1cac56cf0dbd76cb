/**
 * Excel in and out for enforcement: officers with their certificates, and the case ledger. Imports are
 * all-or-nothing with every bad cell named; unit names are resolved inside the importer's region (org
 * look-ups); officers inside their unit. A case row is filed (立案) under the same rules as the form:
 * two officers of the unit whose enforcement certificates are valid on the filing day (行政处罚法 第四十二条).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/index.js';
import { today } from '../../core/calendar/index.js';
import { defineSheet, type CellError } from '../../core/excel/index.js';
import type { ImportSpec } from '../../core/excel/routes.js';
import { forbidden } from '../../core/errors/index.js';
import { mayWriteAt, writeRegionPaths, writeUnits, type Actor, type WritePolicy } from '../../core/scope/index.js';
import { DateStr } from '../../../common/schemas.js';
import { actorRegion, unitsByNameIn, type UnitRef } from '../org/lookup.js';
import { CASE_WRITE } from './records.js';
import { DEFAULT_WRITE } from '../../core/scope/index.js';
import { CASE_STATUSES, CASE_SYSTEMS, CERT_KINDS, DECISIONS, type CaseStatus, type CaseSystem, type CertKind } from './schema.js';
import { fileCaseIn, issueCertificateIn, registerOfficerIn, validOn, type CaseRow } from './service.js';

/** Runs a look-up over ids in chunks (PostgreSQL binds at most 65,535 parameters in one statement). */
async function chunked<T>(ids: string[], run: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...(await run(ids.slice(i, i + 5000))));
  return out;
}

const YES = '是';
const NO = '否';
const yesNo = z.enum([YES, NO], { message: '应填“是”或“否”' });
const labelMap = <K extends string>(o: Record<K, { zh: string }>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [(v as { zh: string }).zh, k])) as Record<string, K>;
const CERT_KIND_BY_LABEL = labelMap<CertKind>(CERT_KINDS);
const SYSTEM_BY_LABEL = labelMap<CaseSystem>(CASE_SYSTEMS);
const PARTY_KINDS = { person: '自然人', organisation: '法人或其他组织' } as const;
const PARTY_BY_LABEL: Record<string, 'person' | 'organisation'> = { 自然人: 'person', 法人或其他组织: 'organisation' };
/** Names in one cell: 张三、李四. */
const names = (s: string) => s.split(/[、,，;；\s]+/).map((x) => x.trim()).filter(Boolean);

function mayImport(policy: WritePolicy) {
  return (actor: Actor) => {
    if (!writeRegionPaths(actor, policy).length && !writeUnits(actor, policy).length) throw forbidden();
  };
}

/** Resolves each row's unit in the importer's region and checks the importer may write there. */
async function resolveUnits(db: Db, actor: Actor, unitNames: string[], policy: WritePolicy) {
  const region = await actorRegion(db, actor);
  const found = region ? await unitsByNameIn(db, region.path, unitNames) : new Map<string, UnitRef[]>();
  const allowed = new Map<string, boolean>();
  for (const [, us] of found) for (const u of us) allowed.set(u.id, await mayWriteAt(db, actor, u.region_id, u.id, policy));
  return (name: string, column: string, row: number): { unit?: UnitRef; error?: CellError } => {
    const us = found.get(name) ?? [];
    if (us.length !== 1) return { error: { row, column, message: us.length ? `本辖区有多个名为“${name}”的单位` : `本辖区没有名为“${name}”的单位` } };
    if (!allowed.get(us[0].id)) return { error: { row, column, message: `无权为“${name}”导入数据` } };
    return { unit: us[0] };
  };
}

// ───────────────────────────── officers and certificates ─────────────────────────────

/** One row of the officers sheet: the officer and (optionally) the certificate held. */
export interface OfficerSheetRow {
  unit: string; name: string; legalReviewer: string; legalQualification: string; supervisionRegisteredOn?: string;
  certNo?: string; certKind?: string; field?: string; issuedOn?: string; expiresOn?: string;
}
export const officerSheet = defineSheet<OfficerSheetRow>({
  name: '执法人员及证件',
  columns: [
    { key: 'unit', header: '所在单位', headerEn: 'Unit', width: 26 },
    { key: 'name', header: '姓名', headerEn: 'Name' },
    { key: 'legalReviewer', header: '法制审核人员', headerEn: 'Legal reviewer', options: [YES, NO] },
    { key: 'legalQualification', header: '法律职业资格', headerEn: 'Legal qualification', options: [YES, NO] },
    { key: 'supervisionRegisteredOn', header: '监管系统注册日期', headerEn: 'Registered on supervision system', type: 'date' },
    { key: 'certNo', header: '证件号', headerEn: 'Certificate no.', width: 18 },
    { key: 'certKind', header: '证件类别', headerEn: 'Certificate kind', options: Object.values(CERT_KINDS).map((k) => k.zh) },
    { key: 'field', header: '执法领域', headerEn: 'Field' },
    { key: 'issuedOn', header: '发证日期', headerEn: 'Issued on', type: 'date' },
    { key: 'expiresOn', header: '有效期至', headerEn: 'Expires on', type: 'date' },
  ],
  row: z.object({
    unit: z.string({ message: '所在单位必填' }).trim().min(2).max(80),
    name: z.string({ message: '姓名必填' }).trim().min(1).max(40),
    legalReviewer: yesNo,
    legalQualification: yesNo,
    supervisionRegisteredOn: DateStr.optional(),
    certNo: z.string().trim().regex(/^[0-9A-Za-z-]{6,30}$/, { message: '证件号应为6至30位数字或字母' }).optional(),
    certKind: z.string().refine((k) => !!CERT_KIND_BY_LABEL[k.trim()], { message: `证件类别应为：${Object.values(CERT_KINDS).map((k) => k.zh).join('或')}` }).optional(),
    field: z.string().trim().min(1).max(40).optional(),
    issuedOn: DateStr.optional(),
    expiresOn: DateStr.optional(),
  }).superRefine((v, ctx) => {
    if (v.legalReviewer === YES && v.legalQualification !== YES) ctx.addIssue({ code: 'custom', path: ['legalQualification'], message: '法制审核人员应当取得法律职业资格（行政处罚法第五十八条第二款）' });
    if (v.certNo) {
      for (const k of ['certKind', 'field', 'issuedOn', 'expiresOn'] as const) if (!v[k]) ctx.addIssue({ code: 'custom', path: [k], message: '填写证件号时此项必填' });
      if (v.issuedOn && v.expiresOn && v.expiresOn <= v.issuedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: '有效期至应晚于发证日期' });
    }
  }) as unknown as z.ZodType<OfficerSheetRow>,
});

/** Sheet rows of listed officers, each with the certificate valid today (one query for all). */
export async function officerSheetRows(db: Db, rows: { id: string; unit_name: string; name: string; legal_reviewer: boolean; legal_qualification: boolean; supervision_registered_on: string | null }[]): Promise<OfficerSheetRow[]> {
  const ids = rows.map((r) => r.id);
  const day = today();
  const certs = await chunked(ids, (part) => db.selectFrom('enforcement_certificates as ct').select(['ct.officer_id', 'ct.cert_no', 'ct.kind', 'ct.field', 'ct.issued_on', 'ct.expires_on'])
    .where('ct.officer_id', 'in', part).where(validOn('ct', day)).orderBy('ct.expires_on', 'desc').orderBy('ct.id').execute());
  const byOfficer = new Map<string, (typeof certs)[number]>();
  for (const c of certs) if (!byOfficer.has(c.officer_id)) byOfficer.set(c.officer_id, c);
  return rows.map((o) => {
    const c = byOfficer.get(o.id);
    return {
      unit: o.unit_name, name: o.name, legalReviewer: o.legal_reviewer ? YES : NO, legalQualification: o.legal_qualification ? YES : NO,
      supervisionRegisteredOn: o.supervision_registered_on ?? undefined, certNo: c?.cert_no, certKind: c ? CERT_KINDS[c.kind].zh : undefined,
      field: c?.field, issuedOn: c?.issued_on, expiresOn: c?.expires_on,
    };
  });
}

/** Importing officers (and their certificates): every row a new officer. */
export const officerImport: ImportSpec<OfficerSheetRow> = {
  sheet: officerSheet,
  maxRows: 10_000,
  authorize: mayImport(DEFAULT_WRITE),
  async check(trx, actor, rows) {
    const errors: CellError[] = [];
    const unitOf = await resolveUnits(trx, actor, rows.map((r) => r.value.unit.trim()), DEFAULT_WRITE);
    const certNos = rows.map((r) => r.value.certNo).filter((x): x is string => !!x);
    const taken = new Set(certNos.length ? (await trx.selectFrom('enforcement_certificates').select('cert_no').where('cert_no', 'in', certNos).execute()).map((r) => r.cert_no) : []);
    const seenCert = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const u = unitOf(value.unit.trim(), '所在单位', rowNumber);
      if (u.error) errors.push(u.error);
      if (value.certNo) {
        if (seenCert.has(value.certNo)) errors.push({ row: rowNumber, column: '证件号', message: `与第${seenCert.get(value.certNo)}行的证件号重复` });
        else if (taken.has(value.certNo)) errors.push({ row: rowNumber, column: '证件号', message: `证件号“${value.certNo}”已登记` });
        seenCert.set(value.certNo, rowNumber);
      }
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    const unitOf = await resolveUnits(trx, actor, rows.map((r) => r.value.unit.trim()), DEFAULT_WRITE);
    for (const { rowNumber, value } of rows) {
      const o = await registerOfficerIn(trx, actor, {
        unitId: unitOf(value.unit.trim(), '所在单位', rowNumber).unit!.id, name: value.name.trim(), legalReviewer: value.legalReviewer === YES,
        legalQualification: value.legalQualification === YES, supervisionRegisteredOn: value.supervisionRegisteredOn,
      });
      if (value.certNo) {
        await issueCertificateIn(trx, actor, o.id, { certNo: value.certNo, kind: CERT_KIND_BY_LABEL[value.certKind!.trim()], field: value.field!, issuedOn: value.issuedOn!, expiresOn: value.expiresOn! });
      }
    }
  },
};

// ───────────────────────────── case ledger ─────────────────────────────

/** One row of the case ledger. Import reads the filing columns; export fills the rest. */
export interface CaseSheetRow {
  unit: string; system: string; caseNo: string; title: string; partyName: string; partyKind: string; cause?: string; filedOn: string; officers: string;
  status?: string; decidedOn?: string; decision?: string; fine?: number; publishedOn?: string; closedOn?: string;
}
const caseColumns = [
  { key: 'unit', header: '办案单位', headerEn: 'Unit', width: 26 },
  { key: 'system', header: '执法类别', headerEn: 'Type', options: Object.values(CASE_SYSTEMS).map((k) => k.zh) },
  { key: 'caseNo', header: '案号', headerEn: 'Case no.', width: 22 },
  { key: 'title', header: '案件名称', headerEn: 'Title', width: 36 },
  { key: 'partyName', header: '当事人', headerEn: 'Party', width: 20 },
  { key: 'partyKind', header: '当事人类型', headerEn: 'Party kind', options: Object.values(PARTY_KINDS) },
  { key: 'cause', header: '案由', headerEn: 'Cause', width: 36 },
  { key: 'filedOn', header: '立案日期', headerEn: 'Filed on', type: 'date' },
  { key: 'officers', header: '执法人员（两人以上，顿号分隔）', headerEn: 'Officers', width: 22 },
] as const;
/** The filing sheet (import and its template). */
export const caseSheet = defineSheet<CaseSheetRow>({
  name: '执法案件立案',
  columns: [...caseColumns] as never,
  row: z.object({
    unit: z.string({ message: '办案单位必填' }).trim().min(2).max(80),
    system: z.string({ message: '执法类别必填' }).refine((k) => !!SYSTEM_BY_LABEL[k.trim()], { message: `执法类别应为：${Object.values(CASE_SYSTEMS).map((k) => k.zh).join('、')}` }),
    caseNo: z.string({ message: '案号必填' }).trim().min(1).max(60),
    title: z.string({ message: '案件名称必填' }).trim().min(1).max(200),
    partyName: z.string({ message: '当事人必填' }).trim().min(1).max(100),
    partyKind: z.string({ message: '当事人类型必填' }).refine((k) => !!PARTY_BY_LABEL[k.trim()], { message: '当事人类型应为：自然人或法人或其他组织' }),
    cause: z.string().max(1000).optional(),
    filedOn: DateStr,
    officers: z.string({ message: '执法人员必填' }).refine((s) => names(s).length >= 2, { message: '执法人员不得少于两人（行政处罚法第四十二条）' }),
  }) as unknown as z.ZodType<CaseSheetRow>,
});
/** The case ledger (export): filing columns plus the state of each case. */
export const caseLedgerSheet = defineSheet<CaseSheetRow>({
  name: '执法案件台账',
  columns: [
    ...caseColumns,
    { key: 'status', header: '办理状态', headerEn: 'Status' },
    { key: 'decidedOn', header: '决定日期', headerEn: 'Decided on', type: 'date' },
    { key: 'decision', header: '处理决定', headerEn: 'Decision' },
    { key: 'fine', header: '罚款（元）', headerEn: 'Fine (yuan)', type: 'number' },
    { key: 'publishedOn', header: '公示日期', headerEn: 'Published on', type: 'date' },
    { key: 'closedOn', header: '结案日期', headerEn: 'Closed on', type: 'date' },
  ] as never,
});

/** Ledger rows of listed cases (officers' names joined in one query). */
export async function caseLedgerRows(db: Db, rows: CaseRow[]): Promise<CaseSheetRow[]> {
  const ids = rows.map((r) => r.id);
  const officers = await chunked(ids, (part) => db.selectFrom('enforcement_case_officers as co').innerJoin('enforcement_officers as o', 'o.id', 'co.officer_id')
    .select(['co.case_id', sql<string>`string_agg(o.name, '、' order by o.name)`.as('names')]).where('co.case_id', 'in', part).groupBy('co.case_id').execute());
  const byCase = new Map(officers.map((o) => [o.case_id, o.names]));
  return rows.map((c) => ({
    unit: c.unit_name, system: CASE_SYSTEMS[c.system].zh, caseNo: c.case_no, title: c.title, partyName: c.party_name, partyKind: PARTY_KINDS[c.party_kind],
    cause: String(c.cause ?? ''), filedOn: c.filed_on, officers: byCase.get(c.id) ?? '', status: CASE_STATUSES[c.status as CaseStatus].zh, decidedOn: c.decided_on ?? undefined,
    decision: c.decision ? DECISIONS[c.decision].zh : undefined, fine: c.fine === null ? undefined : Number(c.fine), publishedOn: c.published_on ?? undefined, closedOn: c.closed_on ?? undefined,
  }));
}

/** Importing the case ledger: each row is filed (立案) with its officers; a bad officer or certificate names the row. */
export const caseImport: ImportSpec<CaseSheetRow> = {
  sheet: caseSheet,
  maxRows: 10_000,
  authorize: mayImport(CASE_WRITE),
  async check(trx, actor, rows) {
    const errors: CellError[] = [];
    const unitOf = await resolveUnits(trx, actor, rows.map((r) => r.value.unit.trim()), CASE_WRITE);
    const region = await actorRegion(trx, actor);
    const nos = [...new Set(rows.map((r) => r.value.caseNo.trim()))];
    const taken = new Set(region && nos.length ? (await trx.selectFrom('enforcement_cases').select('case_no').where('region_id', '=', region.id).where('case_no', 'in', nos).execute()).map((r) => r.case_no) : []);
    const officersOf = await officerIndex(trx, rows.map((r) => unitOf(r.value.unit.trim(), '', 0).unit?.id).filter((x): x is string => !!x));
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const u = unitOf(value.unit.trim(), '办案单位', rowNumber);
      if (u.error) errors.push(u.error);
      const no = value.caseNo.trim();
      if (seen.has(no)) errors.push({ row: rowNumber, column: '案号', message: `与第${seen.get(no)}行的案号重复` });
      else if (taken.has(no)) errors.push({ row: rowNumber, column: '案号', message: `案号“${no}”已登记` });
      seen.set(no, rowNumber);
      if (!u.unit) continue;
      for (const n of names(value.officers)) {
        const os = officersOf.get(`${u.unit.id}|${n}`) ?? [];
        if (os.length !== 1) {
          errors.push({ row: rowNumber, column: '执法人员', message: os.length ? `${value.unit}有多名执法人员名为“${n}”` : `${value.unit}没有名为“${n}”的在职执法人员` });
          continue;
        }
        const valid = os[0].certs.some((c) => c.issued_on <= value.filedOn && c.expires_on >= value.filedOn && (!c.ended_on || c.ended_on > value.filedOn));
        if (!valid) errors.push({ row: rowNumber, column: '执法人员', message: `执法人员${n}在立案日${value.filedOn}没有有效的行政执法证，不得从事执法活动（行政处罚法第四十二条）` });
      }
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    const unitOf = await resolveUnits(trx, actor, rows.map((r) => r.value.unit.trim()), CASE_WRITE);
    const officersOf = await officerIndex(trx, rows.map((r) => unitOf(r.value.unit.trim(), '', 0).unit!.id));
    for (const { value } of rows) {
      const unitId = unitOf(value.unit.trim(), '', 0).unit!.id;
      await fileCaseIn(trx, actor, {
        unitId, system: SYSTEM_BY_LABEL[value.system.trim()], caseNo: value.caseNo.trim(), title: value.title.trim(), partyName: value.partyName.trim(),
        partyKind: PARTY_BY_LABEL[value.partyKind.trim()], cause: value.cause ?? '', filedOn: value.filedOn,
        officerIds: names(value.officers).map((n) => officersOf.get(`${unitId}|${n}`)![0].id), major: false, majorReasons: [],
      });
    }
  },
};

/** Active officers of the units by `unitId|name`, with their enforcement certificates (one query each). */
async function officerIndex(db: Db, unitIds: string[]) {
  const ids = [...new Set(unitIds)];
  const out = new Map<string, { id: string; certs: { issued_on: string; expires_on: string; ended_on: string | null }[] }[]>();
  if (!ids.length) return out;
  const officers = await db.selectFrom('enforcement_officers').select(['id', 'unit_id', 'name']).where('unit_id', 'in', ids).where('active', '=', true).execute();
  const certs = officers.length
    ? await db.selectFrom('enforcement_certificates').select(['officer_id', 'issued_on', 'expires_on', 'ended_on']).where('kind', '=', 'enforcement')
      .where('unit_id', 'in', ids).execute()
    : [];
  const certsOf = new Map<string, (typeof certs)[number][]>();
  for (const c of certs) certsOf.set(c.officer_id, [...(certsOf.get(c.officer_id) ?? []), c]);
  for (const o of officers) {
    const k = `${o.unit_id}|${o.name}`;
    out.set(k, [...(out.get(k) ?? []), { id: o.id, certs: certsOf.get(o.id) ?? [] }]);
  }
  return out;
}
