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
import { mayWriteAt, OFFICE_WRITE, writeRegionPaths, writeUnits, type Actor, type WritePolicy } from '../../core/scope/index.js';
import { DateStr } from '../../../common/schemas.js';
import { actorRegion, regionById, unitsByNameIn, type UnitRef } from '../org/lookup.js';
import { Campaigns, CASE_WRITE, Claims, Items, ReviewFiles } from './records.js';
import { scoreSheetProblems, writeScore } from './review.js';
import { DEFAULT_WRITE } from '../../core/scope/index.js';
import { CASE_STATUSES, CASE_SYSTEMS, CERT_KINDS, DECISIONS, type CaseStatus, type CaseSystem, type CertKind, type Criterion, type ScoreInput } from './schema.js';
import { fileCasesIn, issueCertificateIn, registerOfficerIn, validOn, type CaseRow } from './service.js';

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
  async commit(trx, actor, rows, progress) {
    const unitOf = await resolveUnits(trx, actor, rows.map((r) => r.value.unit.trim()), CASE_WRITE);
    const officersOf = await officerIndex(trx, rows.map((r) => unitOf(r.value.unit.trim(), '', 0).unit!.id));
    const inputs = rows.map(({ value }) => {
      const unitId = unitOf(value.unit.trim(), '', 0).unit!.id;
      return {
        unitId, system: SYSTEM_BY_LABEL[value.system.trim()], caseNo: value.caseNo.trim(), title: value.title.trim(), partyName: value.partyName.trim(),
        partyKind: PARTY_BY_LABEL[value.partyKind.trim()], cause: value.cause ?? '', filedOn: value.filedOn,
        officerIds: names(value.officers).map((n) => officersOf.get(`${unitId}|${n}`)![0].id), major: false, majorReasons: [],
      };
    });
    // Filed in batches (the rules of the form checked per case, the writes multi-row): 10,000 rows one by
    // one took over a minute, holding the only connection of the embedded database.
    for (let i = 0; i < inputs.length; i += CASE_BATCH) {
      await fileCasesIn(trx, actor, inputs.slice(i, i + CASE_BATCH));
      await progress?.(Math.min(i + CASE_BATCH, inputs.length), inputs.length);
    }
  },
};

/** Cases filed per batch by the ledger import (the progress steps). */
const CASE_BATCH = 1000;

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

// ───────────────────────────── 互联网+监管 catalogue ─────────────────────────────

/**
 * One row of the provincial catalogue as it is published: a main item (主项) alone, or a sub-item (子项)
 * with its main item. A main item not yet in the catalogue is created from its first row.
 */
export interface ItemSheetRow {
  mainCode: string; mainName: string; subCode?: string; subName?: string; competent?: string; listedOn?: string;
  /** Export only: the units that claimed the item. */
  claimedBy?: string;
}
const itemColumns = [
  { key: 'mainCode', header: '主项编码', headerEn: 'Main item code', width: 20 },
  { key: 'mainName', header: '主项名称', headerEn: 'Main item', width: 40 },
  { key: 'subCode', header: '子项编码', headerEn: 'Sub-item code', width: 20 },
  { key: 'subName', header: '子项名称', headerEn: 'Sub-item', width: 40 },
  { key: 'competent', header: '主管部门', headerEn: 'Competent department', width: 24 },
  { key: 'listedOn', header: '列入目录日期', headerEn: 'Listed on', type: 'date' },
] as const;
const Code = (what: string) => z.string({ message: `${what}必填` }).trim().min(1).max(40).regex(/^[0-9A-Za-z._-]+$/, { message: `${what}应由数字、字母、点、短横线或下划线组成` });
/** The catalogue sheet (import and its template). */
export const itemSheet = defineSheet<ItemSheetRow>({
  name: '监管事项目录',
  columns: [...itemColumns] as never,
  row: z.object({
    mainCode: Code('主项编码'),
    mainName: z.string({ message: '主项名称必填' }).trim().min(1).max(200),
    subCode: Code('子项编码').optional(),
    subName: z.string().trim().min(1).max(200).optional(),
    competent: z.string().trim().max(100).optional(),
    listedOn: DateStr.optional(),
  }).superRefine((v, ctx) => {
    if (v.subCode && !v.subName) ctx.addIssue({ code: 'custom', path: ['subName'], message: '填写子项编码时子项名称必填' });
    if (v.subName && !v.subCode) ctx.addIssue({ code: 'custom', path: ['subCode'], message: '填写子项名称时子项编码必填' });
    if (v.subCode && v.subCode === v.mainCode) ctx.addIssue({ code: 'custom', path: ['subCode'], message: '子项编码不能与主项编码相同' });
  }) as unknown as z.ZodType<ItemSheetRow>,
});
/** The catalogue as exported: the import's columns and the units that claimed each item. */
export const itemExportSheet = defineSheet<ItemSheetRow>({
  name: '监管事项目录',
  columns: [...itemColumns, { key: 'claimedBy', header: '认领单位', headerEn: 'Claimed by', width: 40 }] as never,
});

/** Items of the region by code (main and sub-items share the region's codes). */
async function itemsByCode(db: Db, regionId: string, codes: string[]) {
  const out = new Map<string, { id: string; name: string; parent_id: string | null }>();
  const want = [...new Set(codes)];
  for (const r of await chunked(want, (part) => db.selectFrom('enforcement_supervision_items').select(['id', 'code', 'name', 'parent_id']).where('region_id', '=', regionId).where('code', 'in', part).execute()))
    out.set(r.code, r);
  return out;
}

/** What the rows will create: new main items (first row naming each) and sub-items, or the bad cells. */
async function planItems(db: Db, actor: Actor, rows: { rowNumber: number; value: ItemSheetRow }[]) {
  const errors: CellError[] = [];
  const region = await actorRegion(db, actor);
  if (!region) return { errors: [{ row: rows[0]?.rowNumber ?? 2, message: '无法确定导入人所属地区' }], mains: [], subs: [], region };
  const existing = await itemsByCode(db, region.id, rows.flatMap((r) => [r.value.mainCode.trim(), ...(r.value.subCode ? [r.value.subCode.trim()] : [])]));
  const mains = new Map<string, { row: number; name: string; competent: string; listedOn?: string; mainRow: boolean }>();
  const subs: { row: number; code: string; name: string; parentCode: string; competent: string; listedOn?: string }[] = [];
  const subSeen = new Map<string, number>();
  for (const { rowNumber: row, value } of rows) {
    const mainCode = value.mainCode.trim();
    const mainName = value.mainName.trim();
    const competent = value.competent?.trim() ?? '';
    const had = existing.get(mainCode);
    if (!value.subCode) {
      // A main item's own row: new to the catalogue, once in the file; one already in it, as it is, is left
      // alone (the province's catalogue is imported again when it is revised).
      if (had) {
        if (had.parent_id) errors.push({ row, column: '主项编码', message: `编码“${mainCode}”在目录中是子项，不能作为主项` });
        else if (had.name !== mainName) errors.push({ row, column: '主项名称', message: `与目录中该主项的名称“${had.name}”不一致` });
      }
      else if (mains.get(mainCode)?.mainRow) errors.push({ row, column: '主项编码', message: `与第${mains.get(mainCode)!.row}行的主项编码重复` });
      else if (subSeen.has(mainCode)) errors.push({ row, column: '主项编码', message: `编码“${mainCode}”已在第${subSeen.get(mainCode)}行用作子项编码` });
      else if (mains.has(mainCode) && mains.get(mainCode)!.name !== mainName) errors.push({ row, column: '主项名称', message: `与第${mains.get(mainCode)!.row}行的主项名称“${mains.get(mainCode)!.name}”不一致` });
      else mains.set(mainCode, { row, name: mainName, competent, listedOn: value.listedOn, mainRow: true });
      continue;
    }
    const subCode = value.subCode.trim();
    // The sub-item's main item: in the catalogue (a main item of the same name) or new, named alike on every row.
    if (had) {
      if (had.parent_id) errors.push({ row, column: '主项编码', message: `编码“${mainCode}”在目录中是子项，不能作为主项` });
      else if (had.name !== mainName) errors.push({ row, column: '主项名称', message: `与目录中该主项的名称“${had.name}”不一致` });
    } else if (subSeen.has(mainCode)) {
      errors.push({ row, column: '主项编码', message: `编码“${mainCode}”已在第${subSeen.get(mainCode)}行用作子项编码` });
    } else if (mains.has(mainCode)) {
      if (mains.get(mainCode)!.name !== mainName) errors.push({ row, column: '主项名称', message: `与第${mains.get(mainCode)!.row}行的主项名称“${mains.get(mainCode)!.name}”不一致` });
    } else mains.set(mainCode, { row, name: mainName, competent, listedOn: value.listedOn, mainRow: false });
    const was = existing.get(subCode);
    if (was) {
      // Already in the catalogue: left alone when it is the same sub-item of the same main item.
      if (!was.parent_id || was.parent_id !== had?.id) errors.push({ row, column: '子项编码', message: `编码“${subCode}”已在本地区监管事项目录中，且不是该主项的子项` });
      else if (was.name !== value.subName!.trim()) errors.push({ row, column: '子项名称', message: `与目录中该子项的名称“${was.name}”不一致` });
      continue;
    }
    if (subSeen.has(subCode)) errors.push({ row, column: '子项编码', message: `与第${subSeen.get(subCode)}行的子项编码重复` });
    else if (mains.has(subCode)) errors.push({ row, column: '子项编码', message: `编码“${subCode}”已在第${mains.get(subCode)!.row}行用作主项编码` });
    if (!subSeen.has(subCode)) subSeen.set(subCode, row);
    subs.push({ row, code: subCode, name: value.subName!.trim(), parentCode: mainCode, competent, listedOn: value.listedOn });
  }
  return { errors, mains: [...mains.entries()], subs, region, existing };
}

/**
 * Importing the provincial catalogue into the office's region: new main items, then their sub-items; items
 * already in the catalogue as the sheet has them are left alone, so a revised catalogue imports again.
 */
export const itemImport: ImportSpec<ItemSheetRow> = {
  sheet: itemSheet,
  maxRows: 20_000,
  authorize: mayImport(OFFICE_WRITE),
  async check(trx, actor, rows) {
    return (await planItems(trx, actor, rows)).errors;
  },
  async commit(trx, actor, rows) {
    const p = await planItems(trx, actor, rows);
    const region = p.region!;
    const created = await Items.insertMany(trx, actor, p.mains.map(([code, m]) => ({
      region_id: region.id, code, name: m.name, parent_id: null, competent: m.competent, ...(m.listedOn ? { listed_on: m.listedOn } : {}),
    })), 'import');
    const idOf = new Map<string, string>([...p.existing!].map(([code, x]) => [code, x.id]));
    for (const r of created) idOf.set(r.code, r.id);
    await Items.insertMany(trx, actor, p.subs.map((s) => ({
      region_id: region.id, code: s.code, name: s.name, parent_id: idOf.get(s.parentCode)!, competent: s.competent, ...(s.listedOn ? { listed_on: s.listedOn } : {}),
    })), 'import');
  },
};

/** The catalogue in scope as sheet rows: each main item, then its sub-items, with the units claiming each. */
export async function itemSheetRows(db: Db, actor: Actor): Promise<ItemSheetRow[]> {
  const items = await Items.query(db, actor).leftJoin('enforcement_supervision_items as p', 'p.id', 'si.parent_id')
    .select(['si.id', 'si.code', 'si.name', 'si.competent', sql<string>`to_char(si.listed_on, 'YYYY-MM-DD')`.as('listed_on'), 'p.code as parent_code', 'p.name as parent_name'])
    .orderBy(sql`coalesce(p.code, si.code)`).orderBy(sql`si.parent_id is not null`).orderBy('si.code').orderBy('si.id').execute() as
    { id: string; code: string; name: string; competent: string; listed_on: string; parent_code: string | null; parent_name: string | null }[];
  const claims = await chunked(items.map((i) => i.id), (part) => Claims.query(db, actor).innerJoin('units as u', 'u.id', 'cl.unit_id')
    .select(['cl.item_id', sql<string>`string_agg(u.name, '、' order by u.name)`.as('names')]).where('cl.item_id', 'in', part).where('cl.withdrawn_on', 'is', null).groupBy('cl.item_id').execute() as Promise<{ item_id: string; names: string }[]>);
  const by = new Map(claims.map((c) => [c.item_id, c.names]));
  return items.map((i) => ({
    mainCode: i.parent_code ?? i.code, mainName: i.parent_name ?? i.name, subCode: i.parent_code ? i.code : undefined, subName: i.parent_code ? i.name : undefined,
    competent: i.competent || undefined, listedOn: i.listed_on, claimedBy: by.get(i.id),
  }));
}

// ───────────────────────────── units' claims ─────────────────────────────

/** One claim: the unit, the item by its code (the name is checked when given), the dates. */
export interface ClaimSheetRow { unit: string; code: string; name?: string; kind?: string; claimedOn: string; implementationListOn?: string }
const claimColumns = [
  { key: 'unit', header: '认领单位', headerEn: 'Unit', width: 26 },
  { key: 'code', header: '事项编码', headerEn: 'Item code', width: 20 },
  { key: 'name', header: '事项名称', headerEn: 'Item', width: 40 },
  { key: 'claimedOn', header: '认领日期', headerEn: 'Claimed on', type: 'date' },
  { key: 'implementationListOn', header: '检查实施清单编制日期', headerEn: 'Implementation list compiled on', type: 'date' },
] as const;
/** The claims sheet (import and its template). */
export const claimSheet = defineSheet<ClaimSheetRow>({
  name: '监管事项认领',
  columns: [...claimColumns] as never,
  row: z.object({
    unit: z.string({ message: '认领单位必填' }).trim().min(2).max(80),
    code: z.string({ message: '事项编码必填' }).trim().min(1).max(40),
    name: z.string().trim().max(200).optional(),
    claimedOn: DateStr,
    implementationListOn: DateStr.optional(),
  }).superRefine((v, ctx) => {
    if (v.implementationListOn && v.claimedOn && v.implementationListOn < v.claimedOn) ctx.addIssue({ code: 'custom', path: ['implementationListOn'], message: '检查实施清单编制日期不能早于认领日期' });
  }) as unknown as z.ZodType<ClaimSheetRow>,
});
/** Claims as exported: the import's columns and whether the item is a main item or a sub-item. */
export const claimExportSheet = defineSheet<ClaimSheetRow>({
  name: '监管事项认领',
  columns: [...claimColumns.slice(0, 3), { key: 'kind', header: '事项类别', headerEn: 'Kind' }, ...claimColumns.slice(3)] as never,
});

/** The claims the rows make (unit, item), or the bad cells: the unit in the importer's write scope, the item in its region's catalogue or above. */
async function planClaims(db: Db, actor: Actor, rows: { rowNumber: number; value: ClaimSheetRow }[]) {
  const errors: CellError[] = [];
  const out: { unit: UnitRef; itemId: string; value: ClaimSheetRow }[] = [];
  const unitOf = await resolveUnits(db, actor, rows.map((r) => r.value.unit.trim()), DEFAULT_WRITE);
  const units = rows.map((r) => unitOf(r.value.unit.trim(), '认领单位', r.rowNumber));
  const unitRegionIds = [...new Set(units.map((u) => u.unit?.region_id).filter((x): x is string => !!x))];
  const codes = [...new Set(rows.map((r) => r.value.code.trim()))];
  const found = await chunked(codes, (part) => db.selectFrom('enforcement_supervision_items').select(['id', 'code', 'name', 'region_id']).where('code', 'in', part).execute());
  // Region paths of the units and of the items' catalogues (a handful of regions: one look-up each).
  const paths = new Map<string, string>();
  for (const id of new Set([...unitRegionIds, ...found.map((i) => i.region_id)])) paths.set(id, (await regionById(db, id))!.path);
  const items = found.map((i) => ({ ...i, path: paths.get(i.region_id)! }));
  const unitIds = [...new Set(units.map((u) => u.unit?.id).filter((x): x is string => !!x))];
  const itemIds = items.map((i) => i.id);
  const taken = new Map((unitIds.length && itemIds.length
    ? await chunked(itemIds, (part) => db.selectFrom('enforcement_item_claims').select(['unit_id', 'item_id', 'claimed_on', 'implementation_list_on', 'withdrawn_on'])
      .where('unit_id', 'in', unitIds).where('item_id', 'in', part).execute())
    : []).map((c) => [`${c.unit_id}|${c.item_id}`, c]));
  const seen = new Map<string, number>();
  rows.forEach(({ rowNumber: row, value }, i) => {
    const u = units[i];
    if (u.error) errors.push(u.error);
    if (!u.unit) return;
    const path = paths.get(u.unit.region_id)!;
    const code = value.code.trim();
    // The unit's region's catalogue, or one above it (a city's or the province's).
    const hits = items.filter((it) => it.code === code && (path === it.path || path.startsWith(`${it.path}/`)));
    if (!hits.length) return void errors.push({ row, column: '事项编码', message: `本地区监管事项目录中没有编码为“${code}”的事项` });
    if (hits.length > 1) return void errors.push({ row, column: '事项编码', message: `编码“${code}”在本地区及上级目录中各有一项，无法确定` });
    const item = hits[0];
    if (value.name && value.name.trim() !== item.name) errors.push({ row, column: '事项名称', message: `与目录中该编码的名称“${item.name}”不一致` });
    const key = `${u.unit.id}|${item.id}`;
    const had = taken.get(key);
    if (seen.has(key)) errors.push({ row, column: '事项编码', message: `与第${seen.get(key)}行重复` });
    seen.set(key, row);
    if (had) {
      // The same claim already recorded (the claims exported and imported again) is left alone; another is refused.
      const same = !had.withdrawn_on && had.claimed_on === value.claimedOn && (had.implementation_list_on ?? undefined) === value.implementationListOn;
      if (!same) errors.push({ row, column: '事项编码', message: `${u.unit.name}已于${had.claimed_on}认领该事项${had.withdrawn_on ? `（${had.withdrawn_on}撤回）` : ''}` });
      return;
    }
    out.push({ unit: u.unit, itemId: item.id, value });
  });
  return { errors, claims: out };
}

/**
 * Importing units' claims (认领) of catalogue items, with the implementation list's date where compiled; a
 * claim already recorded as the sheet has it is left alone.
 */
export const claimImport: ImportSpec<ClaimSheetRow> = {
  sheet: claimSheet,
  maxRows: 20_000,
  authorize: mayImport(DEFAULT_WRITE),
  async check(trx, actor, rows) {
    return (await planClaims(trx, actor, rows)).errors;
  },
  async commit(trx, actor, rows) {
    const p = await planClaims(trx, actor, rows);
    await Claims.insertMany(trx, actor, p.claims.map((c) => ({
      region_id: c.unit.region_id, unit_id: c.unit.id, item_id: c.itemId, claimed_on: c.value.claimedOn, implementation_list_on: c.value.implementationListOn ?? null,
    })), 'claim');
  },
};

/** Active claims in scope as sheet rows, by unit and item code. */
export async function claimSheetRows(db: Db, actor: Actor, q: { unitId?: string } = {}): Promise<ClaimSheetRow[]> {
  const rows = await Claims.query(db, actor).innerJoin('units as u', 'u.id', 'cl.unit_id').innerJoin('enforcement_supervision_items as si', 'si.id', 'cl.item_id')
    .select(['u.name as unit', 'si.code', 'si.name', 'si.parent_id', sql<string>`to_char(cl.claimed_on, 'YYYY-MM-DD')`.as('claimed_on'), sql<string | null>`to_char(cl.implementation_list_on, 'YYYY-MM-DD')`.as('list_on')])
    .where('cl.withdrawn_on', 'is', null).$if(!!q.unitId, (b) => b.where('cl.unit_id', '=', q.unitId!))
    .orderBy('u.sort').orderBy('u.name').orderBy('si.code').orderBy('cl.id').execute() as { unit: string; code: string; name: string; parent_id: string | null; claimed_on: string; list_on: string | null }[];
  return rows.map((r) => ({ unit: r.unit, code: r.code, name: r.name, kind: r.parent_id ? '子项' : '主项', claimedOn: r.claimed_on, implementationListOn: r.list_on ?? undefined }));
}

// ───────────────────────────── review-campaign scores ─────────────────────────────

/**
 * One line of a scoring sheet: a sampled file (by its unit and case number) and one criterion, with the
 * deduction, the veto, the problem, the reviewer and the day. A file's lines together are its sheet.
 */
export interface ScoreSheetRow {
  unit: string; caseNo: string; caseTitle?: string; code: string; criterion?: string; max?: number;
  deduction?: number; vetoed?: string; problem?: string; reviewer?: string; reviewedOn?: string;
}
/** A campaign's scoring sheets (export, template and import). */
export const scoreSheet = defineSheet<ScoreSheetRow>({
  name: '案卷评查评分表',
  columns: [
    { key: 'unit', header: '办案单位', headerEn: 'Unit', width: 26 },
    { key: 'caseNo', header: '案号', headerEn: 'Case no.', width: 22 },
    { key: 'caseTitle', header: '案件名称', headerEn: 'Title', width: 30 },
    { key: 'code', header: '评查项目编号', headerEn: 'Criterion code' },
    { key: 'criterion', header: '评查项目', headerEn: 'Criterion', width: 36 },
    { key: 'max', header: '分值', headerEn: 'Points', type: 'number' },
    { key: 'deduction', header: '扣分', headerEn: 'Deduction', type: 'number' },
    { key: 'vetoed', header: '否决', headerEn: 'Veto', options: [YES, NO] },
    { key: 'problem', header: '存在问题', headerEn: 'Problem', width: 40 },
    { key: 'reviewer', header: '评查人', headerEn: 'Reviewer' },
    { key: 'reviewedOn', header: '评查日期', headerEn: 'Reviewed on', type: 'date' },
  ],
  row: z.object({
    unit: z.string({ message: '办案单位必填' }).trim().min(1).max(80),
    caseNo: z.string({ message: '案号必填' }).trim().min(1).max(60),
    caseTitle: z.string().optional(),
    code: z.string({ message: '评查项目编号必填' }).trim().min(1).max(20),
    criterion: z.string().optional(),
    max: z.number().optional(),
    deduction: z.number({ message: '扣分应为数字' }).min(0, { message: '扣分不能为负数' }).max(100, { message: '扣分不能超过100分' }).optional(),
    vetoed: yesNo.optional(),
    problem: z.string().trim().max(500).optional(),
    reviewer: z.string().trim().min(1).max(40).optional(),
    reviewedOn: DateStr.optional(),
  }) as unknown as z.ZodType<ScoreSheetRow>,
});

type CampaignRow = Awaited<ReturnType<typeof Campaigns.get>>;
/** A campaign's files with their cases and units (the office's scope: the campaign's). */
async function campaignFiles(db: Db, actor: Actor, campaignId: string) {
  return ReviewFiles.query(db, actor).innerJoin('enforcement_cases as k', 'k.id', 'rf.case_id').innerJoin('units as u', 'u.id', 'rf.unit_id')
    .select(['rf.id', 'rf.scores', 'rf.reviewer', sql<string | null>`to_char(rf.reviewed_on, 'YYYY-MM-DD')`.as('reviewed_on'), 'k.case_no', 'k.title', 'u.name as unit_name'])
    .where('rf.campaign_id', '=', campaignId).orderBy('u.name').orderBy('k.case_no').orderBy('rf.id').execute() as Promise<
      { id: string; scores: unknown; reviewer: string | null; reviewed_on: string | null; case_no: string; title: string; unit_name: string }[]>;
}

/** A campaign's scoring sheets: each sampled file × each criterion, with what was scored so far. */
export async function scoreSheetRows(db: Db, actor: Actor, c: CampaignRow): Promise<ScoreSheetRow[]> {
  const criteria = c.criteria as unknown as Criterion[];
  const files = await campaignFiles(db, actor, c.id);
  return files.flatMap((f) => {
    const given = new Map(((f.scores ?? []) as ScoreInput['items']).map((s) => [s.code, s]));
    return criteria.map((cr) => {
      const s = given.get(cr.code);
      return {
        unit: f.unit_name, caseNo: f.case_no, caseTitle: f.title, code: cr.code, criterion: cr.name, max: cr.max,
        deduction: f.reviewed_on ? (s?.deduction ?? 0) : undefined, vetoed: cr.veto ? (s?.vetoed ? YES : f.reviewed_on ? NO : undefined) : undefined,
        problem: s?.problem || undefined, reviewer: f.reviewer ?? undefined, reviewedOn: f.reviewed_on ?? undefined,
      };
    });
  });
}

/** Days a unit has to rectify a problem found by an imported sheet (the form's default). */
const RECTIFY_DAYS = 30;

/** The sheets the rows make, one per file, or the bad cells (every rule of the scoring form, per cell). */
async function planScores(db: Db, actor: Actor, campaignId: string, rows: { rowNumber: number; value: ScoreSheetRow }[]) {
  const c = await Campaigns.get(db, actor, campaignId);
  const criteria = c.criteria as unknown as Criterion[];
  const errors: CellError[] = [];
  if (c.status !== 'open') return { c, errors: [{ row: rows[0]?.rowNumber ?? 2, message: '评查活动已结束，不能再评分' }], sheets: [] };
  const files = await campaignFiles(db, actor, c.id);
  const fileOf = new Map(files.map((f) => [`${f.unit_name}|${f.case_no}`, f]));
  const byFile = new Map<string, { file: (typeof files)[number]; rows: { rowNumber: number; value: ScoreSheetRow }[] }>();
  for (const r of rows) {
    const f = fileOf.get(`${r.value.unit.trim()}|${r.value.caseNo.trim()}`);
    if (!f) {
      errors.push({ row: r.rowNumber, column: '案号', message: `本次评查活动没有抽取${r.value.unit.trim()}的案卷“${r.value.caseNo.trim()}”` });
      continue;
    }
    byFile.set(f.id, { file: f, rows: [...(byFile.get(f.id)?.rows ?? []), r] });
  }
  const sheets: { fileId: string; input: ScoreInput }[] = [];
  for (const { file, rows: lines } of byFile.values()) {
    // A file none of whose lines is filled in is left as it is (the export lists every sampled file).
    const filled = lines.filter(({ value: v }) => v.reviewer || v.reviewedOn || (v.deduction ?? 0) > 0 || v.vetoed === YES || v.problem);
    if (!filled.length) continue;
    const first = lines.find(({ value: v }) => v.reviewer && v.reviewedOn) ?? lines[0];
    const reviewer = first.value.reviewer?.trim();
    const on = first.value.reviewedOn;
    for (const { rowNumber: row, value: v } of lines) {
      if (!v.reviewer) errors.push({ row, column: '评查人', message: '评查人必填（同一案卷各行相同）' });
      else if (reviewer && v.reviewer.trim() !== reviewer) errors.push({ row, column: '评查人', message: `同一案卷的评查人应相同（第${first.rowNumber}行为“${reviewer}”）` });
      if (!v.reviewedOn) errors.push({ row, column: '评查日期', message: '评查日期必填（同一案卷各行相同）' });
      else if (on && v.reviewedOn !== on) errors.push({ row, column: '评查日期', message: `同一案卷的评查日期应相同（第${first.rowNumber}行为${on}）` });
    }
    const items = lines.map(({ value: v }) => ({ code: v.code.trim(), deduction: v.deduction ?? 0, vetoed: v.vetoed === YES, problem: v.problem?.trim() ?? '' }));
    const column = { code: '评查项目编号', deduction: '扣分', vetoed: '否决', problem: '存在问题' } as const;
    for (const p of scoreSheetProblems(criteria, items)) errors.push({ row: lines[p.index].rowNumber, column: column[p.field], message: p.message });
    if (reviewer && on) sheets.push({ fileId: file.id, input: { reviewer, on, items, rectifyWithinDays: RECTIFY_DAYS } });
  }
  return { c, errors, sheets };
}

/** Importing a campaign's scores: each file's lines become its scoring sheet, under the scoring form's rules. */
export function scoreImport(campaignId: string): ImportSpec<ScoreSheetRow> {
  return {
    sheet: scoreSheet,
    maxRows: 60_000,
    authorize: mayImport(OFFICE_WRITE),
    async check(trx, actor, rows) {
      return (await planScores(trx, actor, campaignId, rows)).errors;
    },
    async commit(trx, actor, rows) {
      const p = await planScores(trx, actor, campaignId, rows);
      const c = await Campaigns.lockForWrite(trx, actor, p.c.id);
      for (const s of p.sheets) await writeScore(trx, actor, await ReviewFiles.lockForWrite(trx, actor, s.fileId), c, s.input);
    },
  };
}
