/**
 * The legal-aid case ledger (法律援助案件登记台账) in Excel. Export: the cases of the current filter, ID
 * numbers and phones masked for readers who do not handle the case (法律援助法 第二十一条). Import: a
 * centre's backlog of applications and notifications received, all-or-nothing through core/excel — every
 * bad cell named, the handling unit found by name inside the uploader's region, each row received through
 * the same services as the window's form, so the 7-day decision and 3-day assignment clocks start.
 */
import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/index.js';
import { defineSheet, type CellError } from '../../core/excel/index.js';
import type { ImportSpec } from '../../core/excel/routes.js';
import { today } from '../../core/calendar/index.js';
import { mayWriteAt, requireRole, type Actor } from '../../core/scope/index.js';
import { actorRegion, unitsByNameIn, type UnitRef } from '../org/lookup.js';
import { DateStr } from '../../../common/schemas.js';
import { maskIdNumber, maskPhone } from '../../../common/idcard.js';
import { CASE_STATUSES, CASE_TYPES, IdNumber, MANDATORY_CATEGORIES, NOTIFYING_ORGANS, ORIGINS, SERVICE_FORMS } from '../../../common/legalaid.js';
import { Cases } from './records.js';
import { receiveApplicationIn, receiveNotificationIn, type CaseRow } from './service.js';

type L = Record<string, { zh: string }>;
/** zh label → code, for a code list (the sheet carries the labels officials read). */
const byLabel = <T extends L>(m: T, extra: [string, keyof T][] = []) =>
  new Map<string, keyof T & string>([...Object.entries(m).map(([k, v]) => [v.zh, k] as [string, keyof T & string]), ...(extra as [string, keyof T & string][])]);
const ORIGIN_BY = byLabel(ORIGINS, [['通知', 'notification'], ['通知辩护', 'notification'], ['通知代理', 'notification']]);
const TYPE_BY = byLabel(CASE_TYPES);
const FORM_BY = byLabel(SERVICE_FORMS);
const ORGAN_BY = byLabel(NOTIFYING_ORGANS, [['法院', 'court'], ['检察院', 'procuratorate'], ['公安', 'police']]);
const CATEGORY_BY = byLabel(MANDATORY_CATEGORIES);
const labels = (m: L) => Object.values(m).map((v) => v.zh);

/** One row of the ledger. The columns after 法定通知情形 are written on export and ignored on import. */
export interface CaseLedgerRow {
  caseNo?: string;
  origin: string;
  caseType: string;
  serviceForm: string;
  personName: string;
  idNumber?: string;
  phone?: string;
  matter: string;
  receivedOn: string;
  unit: string;
  notifyingOrgan?: string;
  notifyingOrganName?: string;
  mandatoryCategory?: string;
  status?: string;
  decidedOn?: string;
  lawyer?: string;
  assignedOn?: string;
  closedOn?: string;
}

const H = {
  caseNo: '案件编号', origin: '案件来源', caseType: '案件类型', serviceForm: '援助形式', personName: '受援人', idNumber: '身份证号码', phone: '联系电话',
  matter: '案由（事项）', receivedOn: '收到申请（通知）日期', unit: '承办单位', notifyingOrgan: '通知机关类别', notifyingOrganName: '通知机关名称',
  mandatoryCategory: '法定通知情形', status: '办理状态', decidedOn: '决定日期', lawyer: '承办律师', assignedOn: '指派日期', closedOn: '结案日期',
} as const;
const req = (name: string, max: number) => z.string({ message: `${name}必填` }).trim().min(1, { message: `${name}必填` }).max(max);
const opt = (max: number) => z.string().trim().max(max).optional();
const oneOf = (name: string, m: Map<string, string>, list: string[]) => req(name, 40).refine((s) => m.has(s), { message: `${name}应为：${list.join('、')}` });

/** The case ledger sheet. */
export const caseLedgerSheet = defineSheet<CaseLedgerRow>({
  name: '法律援助案件登记台账',
  columns: [
    { key: 'caseNo', header: H.caseNo, headerEn: 'Case no.', width: 12 },
    { key: 'origin', header: H.origin, headerEn: 'Origin', options: ['申请', '通知'] },
    { key: 'caseType', header: H.caseType, headerEn: 'Case type', options: labels(CASE_TYPES) },
    { key: 'serviceForm', header: H.serviceForm, headerEn: 'Service form', width: 28, options: labels(SERVICE_FORMS) },
    { key: 'personName', header: H.personName, headerEn: 'Person' },
    { key: 'idNumber', header: H.idNumber, headerEn: 'ID number', width: 22 },
    { key: 'phone', header: H.phone, headerEn: 'Phone', width: 16 },
    { key: 'matter', header: H.matter, headerEn: 'Matter', width: 30 },
    { key: 'receivedOn', header: H.receivedOn, headerEn: 'Received on', type: 'date', width: 20 },
    { key: 'unit', header: H.unit, headerEn: 'Handling unit', width: 18 },
    { key: 'notifyingOrgan', header: H.notifyingOrgan, headerEn: 'Notifying organ', options: labels(NOTIFYING_ORGANS) },
    { key: 'notifyingOrganName', header: H.notifyingOrganName, headerEn: 'Notifying organ name', width: 24 },
    { key: 'mandatoryCategory', header: H.mandatoryCategory, headerEn: 'Mandatory category', width: 26, options: labels(MANDATORY_CATEGORIES) },
    { key: 'status', header: H.status, headerEn: 'Status' },
    { key: 'decidedOn', header: H.decidedOn, headerEn: 'Decided on', type: 'date' },
    { key: 'lawyer', header: H.lawyer, headerEn: 'Lawyer' },
    { key: 'assignedOn', header: H.assignedOn, headerEn: 'Assigned on', type: 'date' },
    { key: 'closedOn', header: H.closedOn, headerEn: 'Closed on', type: 'date' },
  ],
  row: z.object({
    caseNo: opt(40),
    origin: oneOf(H.origin, ORIGIN_BY, ['申请', '通知']),
    caseType: oneOf(H.caseType, TYPE_BY, labels(CASE_TYPES)),
    serviceForm: oneOf(H.serviceForm, FORM_BY, labels(SERVICE_FORMS)),
    personName: req(H.personName, 40),
    idNumber: z.union([z.string(), z.number()]).transform(String).pipe(IdNumber).optional(),
    phone: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().regex(/^[0-9+\- ]{5,20}$/, { message: '电话号码格式不正确' })).optional(),
    matter: req(H.matter, 500),
    receivedOn: DateStr,
    unit: req(H.unit, 80),
    notifyingOrgan: opt(40).refine((s) => !s || ORGAN_BY.has(s), { message: `${H.notifyingOrgan}应为：${labels(NOTIFYING_ORGANS).join('、')}` }),
    notifyingOrganName: opt(80),
    mandatoryCategory: opt(40).refine((s) => !s || CATEGORY_BY.has(s), { message: `${H.mandatoryCategory}应为：${labels(MANDATORY_CATEGORIES).join('、')}` }),
    status: opt(40),
    decidedOn: z.string().optional(),
    lawyer: opt(40),
    assignedOn: z.string().optional(),
    closedOn: z.string().optional(),
  }) as unknown as z.ZodType<CaseLedgerRow>,
});

/** A ledger row from a case (export); the ID number and phone masked unless the reader handles the case. */
export function caseLedgerRowOf(c: CaseRow): CaseLedgerRow {
  const full = !!c.can_edit;
  return {
    caseNo: c.case_no, origin: c.origin === 'application' ? '申请' : '通知', caseType: CASE_TYPES[c.case_type].zh,
    serviceForm: SERVICE_FORMS[c.service_form as keyof typeof SERVICE_FORMS]?.zh ?? c.service_form, personName: c.person_name,
    idNumber: (full ? c.id_number : maskIdNumber(c.id_number)) ?? undefined, phone: (full ? c.phone : maskPhone(c.phone)) ?? undefined, matter: c.matter,
    receivedOn: c.received_on, unit: c.unit_name, notifyingOrgan: c.notifying_organ ? NOTIFYING_ORGANS[c.notifying_organ].zh : undefined,
    notifyingOrganName: c.notifying_organ_name ?? undefined, mandatoryCategory: c.mandatory_category ? MANDATORY_CATEGORIES[c.mandatory_category as keyof typeof MANDATORY_CATEGORIES]?.zh : undefined,
    status: CASE_STATUSES[c.status].zh, decidedOn: c.decided_on ?? undefined, lawyer: c.lawyer_name ?? undefined, assignedOn: c.assigned_on ?? undefined, closedOn: c.closed_on ?? undefined,
  };
}

/** Units named in the file, within the uploader's region (names are unique only within a region). */
async function unitsOf(trx: Transaction<Database>, actor: Actor, names: string[]): Promise<Map<string, UnitRef[]>> {
  const region = await actorRegion(trx, actor);
  return region ? unitsByNameIn(trx, region.path, names) : new Map();
}

/** Checks every row; for clean rows, the handling unit. */
async function resolve(trx: Transaction<Database>, actor: Actor, rows: { rowNumber: number; value: CaseLedgerRow }[]) {
  const errors: CellError[] = [];
  const unitOf = new Map<number, UnitRef>();
  const units = await unitsOf(trx, actor, [...new Set(rows.map((r) => r.value.unit))]);
  const may = new Map<string, boolean>();
  const now = today();
  const seen = new Map<string, number>();
  for (const { rowNumber: row, value: v } of rows) {
    const n = errors.length;
    const err = (column: string, message: string) => errors.push({ row, column, message });
    const found = units.get(v.unit) ?? [];
    if (!found.length) err(H.unit, `单位“${v.unit}”不存在或不在您的区域内`);
    else if (found.length > 1) err(H.unit, `您的区域内有多个名为“${v.unit}”的单位`);
    else {
      const u = found[0];
      if (!may.has(u.id)) may.set(u.id, await mayWriteAt(trx, actor, u.region_id, u.id));
      if (!may.get(u.id)) err(H.unit, `无权登记“${v.unit}”承办的法律援助案件`);
    }
    if (v.receivedOn > now) err(H.receivedOn, '日期不能晚于今天');
    if (ORIGIN_BY.get(v.origin) === 'notification') {
      if (!v.notifyingOrgan) err(H.notifyingOrgan, '通知辩护（代理）须填写通知机关类别');
      if (!v.notifyingOrganName) err(H.notifyingOrganName, '通知辩护（代理）须填写通知机关名称');
      if (!v.mandatoryCategory) err(H.mandatoryCategory, '通知辩护（代理）须填写法律援助法第二十五条规定的情形');
      else if (TYPE_BY.get(v.caseType) !== 'criminal' && CATEGORY_BY.get(v.mandatoryCategory) !== 'compulsory_treatment')
        err(H.caseType, '通知辩护（代理）适用于刑事案件和强制医疗案件');
    }
    if (found.length === 1) {
      const key = `${found[0].id}|${v.personName}|${v.receivedOn}|${v.matter}`;
      if (seen.has(key)) err(H.personName, `与本文件第${seen.get(key)}行重复（同一受援人、日期和事项）`);
      else seen.set(key, row);
      const dup = await Cases.query(trx, actor).where('c.unit_id', '=', found[0].id).where('c.person_name', '=', v.personName)
        .where('c.received_on', '=', v.receivedOn).where('c.matter', '=', v.matter).select('c.case_no').executeTakeFirst();
      if (dup) err(H.personName, `该案件已登记（编号${dup.case_no}）`);
    }
    if (errors.length === n) unitOf.set(row, found[0]);
  }
  return { errors, unitOf };
}

/** Importing received applications and notifications: the centre's staff or the office. */
export const caseLedgerImport: ImportSpec<CaseLedgerRow> = {
  sheet: caseLedgerSheet,
  maxRows: 5000,
  authorize(actor) {
    requireRole(actor, 'office', 'unit_head', 'liaison');
  },
  async check(trx, actor, rows) {
    return (await resolve(trx, actor, rows)).errors;
  },
  async commit(trx, actor, rows) {
    const { unitOf } = await resolve(trx, actor, rows);
    for (const { rowNumber, value: v } of rows) {
      const person = {
        unitId: unitOf.get(rowNumber)!.id, caseType: TYPE_BY.get(v.caseType)!, serviceForm: FORM_BY.get(v.serviceForm)!, personName: v.personName,
        idNumber: v.idNumber ?? null, phone: v.phone ?? null, matter: v.matter,
      };
      if (ORIGIN_BY.get(v.origin) === 'application') await receiveApplicationIn(trx, actor, { ...person, receivedOn: v.receivedOn });
      else
        await receiveNotificationIn(trx, actor, {
          ...person, notifyingOrgan: ORGAN_BY.get(v.notifyingOrgan!)!, notifyingOrganName: v.notifyingOrganName!, mandatoryCategory: CATEGORY_BY.get(v.mandatoryCategory!)!,
          notifiedOn: v.receivedOn,
        });
    }
  },
};
