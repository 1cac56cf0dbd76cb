/**
 * Excel in and out for the oversight registers: the suggestions/proposals received (registration sheet
 * and handling ledger) and the audits (registration sheet and ledger). Imports are all-or-nothing, every
 * bad cell named; unit names are resolved inside the importer's region (org look-ups).
 */
import { z } from 'zod';
import { defineSheet, type CellError } from '../../core/excel/index.js';
import type { ImportSpec } from '../../core/excel/routes.js';
import { forbidden } from '../../core/errors/index.js';
import { hasRole, OFFICE_WRITE, writeRegionPaths, type Actor } from '../../core/scope/index.js';
import { DateStr } from '../../../common/schemas.js';
import { actorRegion, unitsByNameIn } from '../org/lookup.js';
import { AUDIT_KINDS, AUDIT_STATUSES, AuditInput, ITEM_KINDS, ITEM_STATUSES, RESULT_CLASSES, SATISFACTION, type AuditKind, type ItemKind } from './schema.js';
import { registerItemIn, type ItemRow } from './suggestions.js';
import { createAuditIn, reductionOf, type AuditRow } from './audits.js';

const kindByLabel = <K extends string>(o: Record<K, { zh: string }>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [(v as { zh: string }).zh, k])) as Record<string, K>;
const ITEM_KIND_BY_LABEL = kindByLabel<ItemKind>(ITEM_KINDS);
const AUDIT_KIND_BY_LABEL = kindByLabel<AuditKind>(AUDIT_KINDS);
/** Proposers in one cell: 张三、李四 (also commas and spaces). */
export const splitNames = (s: string) => s.split(/[、,，;；\s]+/).map((x) => x.trim()).filter(Boolean);

function officeOnly(actor: Actor) {
  if (!hasRole(actor, 'office') || !writeRegionPaths(actor, OFFICE_WRITE).length) throw forbidden();
}

// ───────────────────────────── suggestions and proposals ─────────────────────────────

/** One row of the registration sheet (建议提案登记). */
export interface ItemSheetRow {
  kind: string; number: string; session: string; title: string; proposers: string; category: string; receivedOn: string; content?: string;
}

/** The registration sheet: what the NPC standing committee / CPPCC office hands over. */
export const itemSheet = defineSheet<ItemSheetRow>({
  name: '建议提案登记',
  columns: [
    { key: 'kind', header: '类别', headerEn: 'Kind', options: Object.values(ITEM_KINDS).map((k) => k.zh) },
    { key: 'number', header: '编号', headerEn: 'No.' },
    { key: 'session', header: '届次', headerEn: 'Session', width: 26 },
    { key: 'title', header: '标题', headerEn: 'Title', width: 40 },
    { key: 'proposers', header: '提出人（多人用顿号分隔）', headerEn: 'Proposers', width: 24 },
    { key: 'category', header: '内容分类', headerEn: 'Category' },
    { key: 'receivedOn', header: '收到日期', headerEn: 'Received on', type: 'date' },
    { key: 'content', header: '内容', headerEn: 'Content', width: 60 },
  ],
  row: z.object({
    kind: z.string({ message: '类别必填' }).refine((k) => !!ITEM_KIND_BY_LABEL[k.trim()], { message: `类别应为：${Object.values(ITEM_KINDS).map((k) => k.zh).join('或')}` }),
    number: z.string({ message: '编号必填' }).trim().min(1).max(40),
    session: z.string({ message: '届次必填' }).trim().min(1).max(80),
    title: z.string({ message: '标题必填' }).trim().min(1).max(200),
    proposers: z.string({ message: '提出人必填' }).refine((s) => splitNames(s).length >= 1 && splitNames(s).length <= 50 && splitNames(s).every((n) => n.length <= 40), { message: '提出人应为1至50个姓名，用顿号分隔' }),
    category: z.string({ message: '内容分类必填' }).trim().min(1).max(40),
    receivedOn: DateStr,
    content: z.string().max(20000).optional(),
  }) as z.ZodType<ItemSheetRow>,
});

/** One row of the handling ledger (建议提案办理台账, export). */
export interface ItemLedgerRow extends ItemSheetRow {
  status: string; leadUnit: string; assignedOn: string; dueDate: string; repliedOn: string; resultClass: string; satisfaction: string;
}
/** The handling ledger: registration columns plus the handling state. */
export const itemLedgerSheet = defineSheet<ItemLedgerRow>({
  name: '建议提案办理台账',
  columns: [
    ...itemSheet.columns.filter((c) => c.key !== 'content') as never[],
    { key: 'status', header: '办理状态', headerEn: 'Status' },
    { key: 'leadUnit', header: '主办单位', headerEn: 'Lead unit', width: 24 },
    { key: 'assignedOn', header: '交办日期', headerEn: 'Assigned on', type: 'date' },
    { key: 'dueDate', header: '答复期限', headerEn: 'Reply due', type: 'date' },
    { key: 'repliedOn', header: '答复日期', headerEn: 'Replied on', type: 'date' },
    { key: 'resultClass', header: '办理结果', headerEn: 'Result', width: 30 },
    { key: 'satisfaction', header: '代表（委员）意见', headerEn: 'Satisfaction' },
  ],
});

/** Ledger rows of listed items (zh labels, as filed). */
export function itemLedgerRows(items: ItemRow[]): ItemLedgerRow[] {
  return items.map((r) => {
    const sat = r.second_satisfaction ?? r.satisfaction;
    const cls = r.second_result_class ?? r.result_class;
    return {
      kind: ITEM_KINDS[r.kind].zh, number: r.number, session: r.session, title: r.title, proposers: (r.proposers as string[]).join('、'), category: r.category,
      receivedOn: r.received_on, status: ITEM_STATUSES[r.status].zh, leadUnit: r.lead_unit_name ?? '', assignedOn: r.assigned_on ?? '',
      dueDate: (r.status === 'reopened' ? r.second_due_date : r.due_date) ?? '', repliedOn: r.second_replied_on ?? r.replied_on ?? '',
      resultClass: cls ? RESULT_CLASSES[cls].zh : '', satisfaction: sat ? SATISFACTION[sat].zh : '',
    };
  });
}

/** Importing the items received: each row is registered (待交办); duplicates of a number in a session refused. */
export const itemImport: ImportSpec<ItemSheetRow> = {
  sheet: itemSheet,
  maxRows: 5000,
  authorize: officeOnly,
  async check(trx, actor, rows) {
    const errors: CellError[] = [];
    const region = await actorRegion(trx, actor);
    if (!region) return [{ row: 0, message: '当前账号未关联行政区划' }];
    const keyOf = (v: ItemSheetRow) => `${ITEM_KIND_BY_LABEL[v.kind.trim()]}|${v.session.trim()}|${v.number.trim()}`;
    const existing = new Set(
      (await trx.selectFrom('oversight_items').select(['kind', 'session', 'number']).where('region_id', '=', region.id)
        .where('session', 'in', [...new Set(rows.map((r) => r.value.session.trim()))]).execute()).map((r) => `${r.kind}|${r.session}|${r.number}`),
    );
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const k = keyOf(value);
      if (seen.has(k)) errors.push({ row: rowNumber, column: '编号', message: `与第${seen.get(k)}行的编号重复` });
      else if (existing.has(k)) errors.push({ row: rowNumber, column: '编号', message: `${value.session}已有编号为“${value.number}”的${value.kind}` });
      seen.set(k, rowNumber);
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    const region = (await actorRegion(trx, actor))!;
    for (const { value } of rows) {
      await registerItemIn(trx, actor, region.id, {
        kind: ITEM_KIND_BY_LABEL[value.kind.trim()], number: value.number.trim(), session: value.session.trim(), title: value.title.trim(),
        proposers: splitNames(value.proposers), category: value.category.trim(), receivedOn: value.receivedOn, content: value.content ?? '',
      });
    }
  },
};

// ───────────────────────────── audits ─────────────────────────────

/** One row of the audit registration sheet. */
export interface AuditSheetRow {
  kind: string; auditNo: string; title: string; unit: string; startOn: string;
  projectName?: string; submittedAmount?: number; personName?: string; post?: string; periodFrom?: string; periodTo?: string;
}
const auditColumns = [
  { key: 'kind', header: '审计类型', headerEn: 'Kind', options: Object.values(AUDIT_KINDS).map((k) => k.zh), width: 26 },
  { key: 'auditNo', header: '审计项目编号', headerEn: 'Audit no.', width: 20 },
  { key: 'title', header: '审计项目名称', headerEn: 'Title', width: 36 },
  { key: 'unit', header: '被审计单位', headerEn: 'Audited unit', width: 24 },
  { key: 'startOn', header: '审计实施日期', headerEn: 'Start on', type: 'date' },
  { key: 'projectName', header: '建设项目名称', headerEn: 'Project', width: 36 },
  { key: 'submittedAmount', header: '送审金额（元）', headerEn: 'Submitted (yuan)', type: 'number' },
  { key: 'personName', header: '被审计领导干部', headerEn: 'Official' },
  { key: 'post', header: '职务', headerEn: 'Post', width: 24 },
  { key: 'periodFrom', header: '审计期间起', headerEn: 'Period from', type: 'date' },
  { key: 'periodTo', header: '审计期间止', headerEn: 'Period to', type: 'date' },
] as const;

/** The audit registration sheet: investment audits fill the project columns, economic-responsibility audits the official's. */
export const auditSheet = defineSheet<AuditSheetRow>({
  name: '审计项目登记',
  columns: [...auditColumns] as never,
  row: z.object({
    kind: z.string({ message: '审计类型必填' }).refine((k) => !!AUDIT_KIND_BY_LABEL[k.trim()], { message: `审计类型应为：${Object.values(AUDIT_KINDS).map((k) => k.zh).join('或')}` }),
    auditNo: z.string({ message: '审计项目编号必填' }).trim().min(1).max(60),
    title: z.string({ message: '审计项目名称必填' }).trim().min(1).max(200),
    unit: z.string({ message: '被审计单位必填' }).trim().min(2).max(80),
    startOn: DateStr,
    projectName: z.string().trim().max(200).optional(),
    submittedAmount: z.number().min(0).max(1e13).optional(),
    personName: z.string().trim().max(40).optional(),
    post: z.string().trim().max(80).optional(),
    periodFrom: DateStr.optional(),
    periodTo: DateStr.optional(),
  }) as z.ZodType<AuditSheetRow>,
});

/** The audit ledger (export): registration columns plus the result. */
export interface AuditLedgerRow extends AuditSheetRow {
  approvedAmount?: number; reduction?: number; reductionRate?: number; status: string; concludedOn: string; publishedOn: string;
}
export const auditLedgerSheet = defineSheet<AuditLedgerRow>({
  name: '审计项目台账',
  columns: [
    ...auditColumns,
    { key: 'approvedAmount', header: '审定金额（元）', headerEn: 'Approved (yuan)', type: 'number' },
    { key: 'reduction', header: '审减金额（元）', headerEn: 'Reduction (yuan)', type: 'number' },
    { key: 'reductionRate', header: '审减率（%）', headerEn: 'Rate (%)', type: 'number' },
    { key: 'status', header: '状态', headerEn: 'Status' },
    { key: 'concludedOn', header: '审计结论日期', headerEn: 'Concluded on', type: 'date' },
    { key: 'publishedOn', header: '公告日期', headerEn: 'Published on', type: 'date' },
  ] as never,
});

/** Ledger rows of listed audits. */
export function auditLedgerRows(rows: AuditRow[]): AuditLedgerRow[] {
  return rows.map((a) => {
    const r = reductionOf(a);
    return {
      kind: AUDIT_KINDS[a.kind].zh, auditNo: a.audit_no, title: a.title, unit: a.unit_name, startOn: a.start_on,
      projectName: a.project_name ?? undefined, submittedAmount: a.submitted_amount === null ? undefined : Number(a.submitted_amount),
      personName: a.person_name ?? undefined, post: a.post ?? undefined, periodFrom: a.period_from ?? undefined, periodTo: a.period_to ?? undefined,
      approvedAmount: a.approved_amount === null ? undefined : Number(a.approved_amount), reduction: r.reduction ?? undefined, reductionRate: r.reductionRate ?? undefined,
      status: AUDIT_STATUSES[a.status].zh, concludedOn: a.concluded_on ?? '', publishedOn: a.published_on ?? '',
    };
  });
}

const HEADER_OF: Record<string, string> = Object.fromEntries(auditColumns.map((c) => [c.key, c.header]));
/** The input a row stands for, or the cells that are wrong (the shared AuditInput rules, column-named). */
function auditInputOf(value: AuditSheetRow, unitId: string | undefined): { input?: AuditInput; errors: { column: string; message: string }[] } {
  const r = AuditInput.safeParse({
    kind: AUDIT_KIND_BY_LABEL[value.kind.trim()], auditNo: value.auditNo, title: value.title, unitId, startOn: value.startOn, projectName: value.projectName,
    submittedAmount: value.submittedAmount, personName: value.personName, post: value.post, periodFrom: value.periodFrom, periodTo: value.periodTo,
  });
  if (r.success) return { input: r.data, errors: [] };
  // An unknown unit is reported on its own cell by the caller.
  return { errors: r.error.issues.filter((i) => i.path[0] !== 'unitId').map((i) => ({ column: HEADER_OF[String(i.path[0])] ?? String(i.path[0] ?? ''), message: i.message })) };
}

/** Importing audits: every row registered (已立项); unit names resolved in the importer's region. */
export const auditImport: ImportSpec<AuditSheetRow> = {
  sheet: auditSheet,
  maxRows: 5000,
  authorize: officeOnly,
  async check(trx, actor, rows) {
    const errors: CellError[] = [];
    const region = await actorRegion(trx, actor);
    if (!region) return [{ row: 0, message: '当前账号未关联行政区划' }];
    const units = await unitsByNameIn(trx, region.path, rows.map((r) => r.value.unit.trim()));
    const existing = new Set((await trx.selectFrom('audits').select('audit_no').where('region_id', '=', region.id)
      .where('audit_no', 'in', [...new Set(rows.map((r) => r.value.auditNo.trim()))]).execute()).map((r) => r.audit_no));
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const found = units.get(value.unit.trim()) ?? [];
      if (found.length !== 1) errors.push({ row: rowNumber, column: '被审计单位', message: found.length ? `本辖区有多个名为“${value.unit}”的单位` : `本辖区没有名为“${value.unit}”的单位` });
      const no = value.auditNo.trim();
      if (seen.has(no)) errors.push({ row: rowNumber, column: '审计项目编号', message: `与第${seen.get(no)}行的编号重复` });
      else if (existing.has(no)) errors.push({ row: rowNumber, column: '审计项目编号', message: `审计项目编号“${no}”已存在` });
      seen.set(no, rowNumber);
      for (const e of auditInputOf(value, found[0]?.id).errors) errors.push({ row: rowNumber, ...e });
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    const region = (await actorRegion(trx, actor))!;
    const units = await unitsByNameIn(trx, region.path, rows.map((r) => r.value.unit.trim()));
    for (const { value } of rows) await createAuditIn(trx, actor, region, auditInputOf(value, units.get(value.unit.trim())![0].id).input!);
  },
};
