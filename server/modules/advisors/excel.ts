import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/index.js';
import { defineSheet, type CellError } from '../../core/excel/index.js';
import type { ImportSpec } from '../../core/excel/routes.js';
import { hasRole, mayWriteAt, type Actor } from '../../core/scope/index.js';
import { forbidden } from '../../core/errors/index.js';
import { DateStr } from '../../../common/schemas.js';
import { CONCLUSIONS, LITIGATION_ROLES, REVIEW_TYPES, WORK_KINDS, type LitigationRole, type WorkKind } from './schema.js';
import { logWork } from './service.js';
import { WORKLOG_WRITE } from './records.js';
import { actorRegion, unitsByNameIn, type UnitRef } from '../org/lookup.js';

/** One row of the review ledger (export). */
export interface ReviewLedgerRow {
  title: string;
  type: string;
  unit: string;
  requestedOn: string;
  firm?: string;
  advisor?: string;
  dueDate?: string;
  status: string;
  conclusion?: string;
  concludedOn?: string;
}

const STATUS_ZH: Record<string, string> = { pending: '待指派', assigned: '办理中', concluded: '已出具意见', withdrawn: '已撤回' };
/** zh label of a review status. */
export const statusZh = (s: string) => STATUS_ZH[s] ?? s;

/** The review ledger sheet (法律顾问审查台账). */
export const reviewSheet = defineSheet<ReviewLedgerRow>({
  name: '法律顾问审查台账',
  columns: [
    { key: 'title', header: '事项名称', headerEn: 'Title', width: 40 },
    { key: 'type', header: '审查类型', headerEn: 'Type', options: Object.values(REVIEW_TYPES).map((t) => t.zh) },
    { key: 'unit', header: '送审单位', headerEn: 'Requesting unit', width: 24 },
    { key: 'requestedOn', header: '送审日期', headerEn: 'Requested on', type: 'date' },
    { key: 'firm', header: '承办律所', headerEn: 'Firm', width: 24 },
    { key: 'advisor', header: '承办律师', headerEn: 'Advisor' },
    { key: 'dueDate', header: '办理期限', headerEn: 'Due', type: 'date' },
    { key: 'status', header: '办理状态', headerEn: 'Status' },
    { key: 'conclusion', header: '审查结论', headerEn: 'Conclusion', options: Object.values(CONCLUSIONS).map((c) => c.zh) },
    { key: 'concludedOn', header: '出具意见日期', headerEn: 'Concluded on', type: 'date' },
  ],
});

/** One row of the work log sheet (export and import). */
export interface WorkLogRow {
  firm: string;
  kind: string;
  workDate: string;
  title: string;
  description?: string;
  clientUnit?: string;
  caseRef?: string;
  court?: string;
  role?: string;
  hours?: number;
}

const KIND_BY_LABEL = Object.fromEntries(Object.entries(WORK_KINDS).map(([k, v]) => [v.zh, k])) as Record<string, WorkKind>;
const ROLE_BY_LABEL = Object.fromEntries(Object.entries(LITIGATION_ROLES).map(([k, v]) => [v.zh, k])) as Record<string, LitigationRole>;

/** The work log sheet (法律顾问工作日志). */
export const workLogSheet = defineSheet<WorkLogRow>({
  name: '法律顾问工作日志',
  columns: [
    { key: 'firm', header: '律师事务所', headerEn: 'Firm', width: 24 },
    { key: 'kind', header: '工作类型', headerEn: 'Kind', options: Object.values(WORK_KINDS).map((k) => k.zh) },
    { key: 'workDate', header: '日期', headerEn: 'Date', type: 'date' },
    { key: 'title', header: '事项', headerEn: 'Title', width: 40 },
    { key: 'description', header: '工作内容', headerEn: 'Description', width: 40 },
    { key: 'clientUnit', header: '服务单位', headerEn: 'Client unit', width: 24 },
    { key: 'caseRef', header: '案号', headerEn: 'Case number', width: 24 },
    { key: 'court', header: '审理法院', headerEn: 'Court', width: 24 },
    { key: 'role', header: '代理身份', headerEn: 'Role', options: Object.values(LITIGATION_ROLES).map((r) => r.zh) },
    { key: 'hours', header: '工时', headerEn: 'Hours', type: 'number' },
  ],
  row: z
    .object({
      firm: z.string({ message: '律师事务所必填' }).min(2).max(80),
      kind: z.string({ message: '工作类型必填' }).refine((k) => !!KIND_BY_LABEL[k], { message: `工作类型应为：${Object.values(WORK_KINDS).map((k) => k.zh).join('、')}` }),
      workDate: DateStr,
      title: z.string({ message: '事项必填' }).min(2).max(200),
      description: z.string().max(4000).optional(),
      clientUnit: z.string().max(80).optional(),
      caseRef: z.string().max(80).optional(),
      court: z.string().max(80).optional(),
      role: z.string().refine((r) => !!ROLE_BY_LABEL[r], { message: `代理身份应为：${Object.values(LITIGATION_ROLES).map((r) => r.zh).join('、')}` }).optional(),
      hours: z.number().min(0).max(1000).optional(),
    })
    .superRefine((w, ctx) => {
      if (w.kind !== WORK_KINDS.litigation.zh) return;
      for (const [k, m] of [['caseRef', '代理诉讼须填写案号'], ['court', '代理诉讼须填写审理法院'], ['role', '代理诉讼须填写代理身份']] as const)
        if (!w[k]) ctx.addIssue({ code: 'custom', path: [k], message: m });
    }) as z.ZodType<WorkLogRow>,
});

/**
 * Resolves every row's firm and client unit by name *within the uploader's region* (names repeat across
 * districts: every district has its 区司法局). A name that is absent or ambiguous there resolves to nothing.
 */
async function resolveRows(trx: Transaction<Database>, actor: Actor, values: WorkLogRow[]) {
  const region = await actorRegion(trx, actor);
  const byName = region ? await unitsByNameIn(trx, region.path, values.flatMap((v) => [v.firm, v.clientUnit ?? ''])) : new Map<string, UnitRef[]>();
  const one = (name: string | undefined, type?: string) => {
    const found = (byName.get(name ?? '') ?? []).filter((u) => !type || u.type === type);
    return found.length === 1 ? found[0] : undefined;
  };
  return values.map((v) => ({ firm: one(v.firm, 'law_firm'), client: v.clientUnit ? one(v.clientUnit) : undefined }));
}

/** Importing the work log: the office for firms of its region; an advisor for their own firm. All-or-nothing. */
export const workLogImport: ImportSpec<WorkLogRow> = {
  sheet: workLogSheet,
  authorize(actor: Actor) {
    if (!hasRole(actor, 'office', 'advisor')) throw forbidden();
  },
  async check(trx, actor, rows) {
    const errors: CellError[] = [];
    const resolved = await resolveRows(trx, actor, rows.map((r) => r.value));
    for (const [i, { rowNumber, value }] of rows.entries()) {
      const { firm, client } = resolved[i];
      if (!firm || !(await mayWriteAt(trx, actor, firm.region_id, firm.id, WORKLOG_WRITE)))
        errors.push({ row: rowNumber, column: '律师事务所', message: `律师事务所“${value.firm}”不存在或无权录入` });
      if (value.clientUnit && !client) errors.push({ row: rowNumber, column: '服务单位', message: `本区没有名为“${value.clientUnit}”的单位` });
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    const resolved = await resolveRows(trx, actor, rows.map((r) => r.value));
    for (const [i, { value }] of rows.entries()) {
      const { firm, client } = resolved[i];
      await logWork(trx, actor, {
        firmId: firm!.id, clientUnitId: client?.id ?? null, kind: KIND_BY_LABEL[value.kind], workDate: value.workDate, title: value.title,
        description: value.description ?? '', hours: value.hours ?? null, caseRef: value.caseRef ?? null, court: value.court ?? null,
        role: value.role ? ROLE_BY_LABEL[value.role] : null,
      });
    }
  },
};
