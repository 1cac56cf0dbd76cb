/** Excel registers (行政复议案件登记表, 行政应诉案件登记表) and statistical tables of the disputes module. */
import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/index.js';
import { defineSheet, type CellError } from '../../core/excel/index.js';
import type { ImportSpec } from '../../core/excel/routes.js';
import { DEFAULT_WRITE, hasRole, mayWriteAt, type Actor, type WritePolicy } from '../../core/scope/index.js';
import { actorRegion, unitsByNameIn, type UnitRef } from '../org/lookup.js';
import { forbidden } from '../../core/errors/index.js';
import { DateStr } from '../../../common/schemas.js';
import { CASE_TYPES, LAWSUIT_STAGES, LAWSUIT_STATUSES, RECON_STATUSES } from '../../../common/disputes.js';
import { AGENCY_TYPES, organRegionOfUnit, reconCaseNoTaken, registerReconsideration } from './reconsideration.js';
import { lawsuitCaseNoTaken, registerLawsuit } from './litigation.js';
import type { ReconStatRow, SuitStatRow } from './stats.js';

const PARTY: Record<string, 'natural' | 'legal' | 'other'> = { 自然人: 'natural', 法人: 'legal', 其他组织: 'other' };
const PARTY_LABEL: Record<string, string> = { natural: '自然人', legal: '法人', other: '其他组织' };
const PROCEDURE: Record<string, 'ordinary' | 'simplified'> = { 普通程序: 'ordinary', 简易程序: 'simplified' };
const must = (name: string) => ({ message: `${name}必填` });
const caseType = z.string(must('案件类别')).refine((v) => (CASE_TYPES as readonly string[]).includes(v), { message: `案件类别应为：${CASE_TYPES.join('、')}` });
const party = (name: string) => z.string(must(name)).refine((v) => !!PARTY[v], { message: `${name}应为：自然人、法人、其他组织` });

/** One row of the reconsideration intake sheet. */
export interface ReconImportRow {
  caseNo?: string;
  respondent: string;
  applicantName: string;
  applicantType: string;
  actChallenged: string;
  caseType: string;
  actDate?: string;
  knewDate: string;
  receivedDate: string;
  procedure?: string;
}

/** Reconsideration intake sheet (import and its template). */
export const reconImportSheet = defineSheet<ReconImportRow>({
  name: '行政复议案件登记',
  columns: [
    { key: 'caseNo', header: '案号', headerEn: 'Case no.', width: 24 },
    { key: 'respondent', header: '被申请人', headerEn: 'Respondent', width: 24 },
    { key: 'applicantName', header: '申请人', headerEn: 'Applicant', width: 18 },
    { key: 'applicantType', header: '申请人类型', headerEn: 'Applicant type', options: Object.keys(PARTY) },
    { key: 'actChallenged', header: '被申请复议的行政行为', headerEn: 'Act challenged', width: 40 },
    { key: 'caseType', header: '案件类别', headerEn: 'Case type', options: [...CASE_TYPES] },
    { key: 'actDate', header: '行政行为作出日期', headerEn: 'Act date', type: 'date' },
    { key: 'knewDate', header: '知道行政行为日期', headerEn: 'Knew of act', type: 'date' },
    { key: 'receivedDate', header: '收到申请日期', headerEn: 'Received', type: 'date' },
    { key: 'procedure', header: '审理程序', headerEn: 'Procedure', options: Object.keys(PROCEDURE) },
  ],
  row: z.object({
    caseNo: z.string().max(60).optional(),
    respondent: z.string(must('被申请人')).min(2).max(80),
    applicantName: z.string(must('申请人')).min(1).max(80),
    applicantType: party('申请人类型'),
    actChallenged: z.string(must('被申请复议的行政行为')).min(1).max(300),
    caseType,
    actDate: DateStr.optional(),
    knewDate: DateStr,
    receivedDate: DateStr,
    procedure: z.string().refine((v) => !!PROCEDURE[v], { message: '审理程序应为：普通程序、简易程序' }).optional(),
  }) as z.ZodType<ReconImportRow>,
});

/** One row of the exported reconsideration register. */
export interface ReconExportRow extends ReconImportRow {
  lawVersion: string;
  status: string;
  acceptedDate?: string;
  acceptanceMode?: string;
  decisionDue?: string;
  outcome?: string;
  decisionDate?: string;
  withinPeriod?: string;
}
/** The reconsideration register as exported (intake columns + progress). */
export const reconExportSheet = defineSheet<ReconExportRow>({
  name: '行政复议案件登记',
  columns: [
    ...(reconImportSheet.columns as unknown as import('../../core/excel/index.js').Column<ReconExportRow>[]),
    { key: 'lawVersion', header: '适用法律', headerEn: 'Law' },
    { key: 'status', header: '状态', headerEn: 'Status' },
    { key: 'acceptedDate', header: '受理日期', headerEn: 'Accepted', type: 'date' },
    { key: 'acceptanceMode', header: '受理方式', headerEn: 'Acceptance' },
    { key: 'decisionDue', header: '审理期限届满日', headerEn: 'Decision due', type: 'date' },
    { key: 'outcome', header: '审结结果', headerEn: 'Outcome' },
    { key: 'decisionDate', header: '审结日期', headerEn: 'Concluded', type: 'date' },
    { key: 'withinPeriod', header: '法定期限内审结', headerEn: 'Within period' },
  ],
});

/** Presents a case row for the export. */
export function reconExportRow(c: {
  case_no: string; unit_name: string; applicant_name: string; applicant_type: string; act_challenged: string; case_type: string; act_date: string | null; knew_date: string; received_date: string;
  procedure: string; law_version: string; status: string; accepted_date: string | null; acceptance_mode: string | null; decision_due: string | null; outcome: string | null; decision_date: string | null; closed_within_period: boolean | null;
}): ReconExportRow {
  return {
    caseNo: c.case_no, respondent: c.unit_name, applicantName: c.applicant_name, applicantType: PARTY_LABEL[c.applicant_type], actChallenged: c.act_challenged, caseType: c.case_type,
    actDate: c.act_date ?? undefined, knewDate: c.knew_date, receivedDate: c.received_date, procedure: c.procedure === 'simplified' ? '简易程序' : '普通程序',
    lawVersion: c.law_version === '2023' ? '行政复议法(2023)' : '行政复议法(2017)', status: RECON_STATUSES[c.status as keyof typeof RECON_STATUSES]?.zh ?? c.status,
    acceptedDate: c.accepted_date ?? undefined, acceptanceMode: c.acceptance_mode === 'deemed' ? '视为受理' : c.acceptance_mode === 'decided' ? '决定受理' : undefined,
    decisionDue: c.decision_due ?? undefined, outcome: c.outcome ?? undefined, decisionDate: c.decision_date ?? undefined,
    withinPeriod: c.closed_within_period === null ? undefined : c.closed_within_period ? '是' : '否',
  };
}

/**
 * Resolves unit names within the uploader's region (its subtree) — names are unique only within a
 * region: every district has a 区民政局 — keeping the units of `types` the uploader may write for under
 * `policy`. The dry run and the commit call the same resolver, so what the dry run accepts is what the
 * commit writes.
 */
async function resolveUnits(trx: Transaction<Database>, actor: Actor, names: string[], types: string[], policy: WritePolicy | null) {
  const region = await actorRegion(trx, actor);
  const out = new Map<string, UnitRef[]>();
  if (!region) return out;
  const found = await unitsByNameIn(trx, region.path, names);
  for (const [name, units] of found) {
    const ok: UnitRef[] = [];
    for (const u of units) if (types.includes(u.type) && (!policy || (await mayWriteAt(trx, actor, u.region_id, u.id, policy)))) ok.push(u);
    out.set(name, ok);
  }
  return out;
}

/** The one unit a name resolves to, or the cell's problem. */
function oneUnit(map: Map<string, UnitRef[]>, name: string): UnitRef | string {
  const units = map.get(name) ?? [];
  if (units.length === 1) return units[0];
  return units.length ? `“${name}”在本区有${units.length}个同名单位，请联系管理员区分名称` : '';
}

/** Importing reconsideration applications: the office, for respondents in its district; all-or-nothing. */
export const reconImport: ImportSpec<ReconImportRow> = {
  sheet: reconImportSheet,
  authorize(actor: Actor) {
    if (!hasRole(actor, 'office')) throw forbidden();
  },
  async check(trx, actor, rows) {
    const errors: CellError[] = [];
    const seen = new Set<string>();
    const units = await resolveUnits(trx, actor, rows.map((r) => r.value.respondent), AGENCY_TYPES, null);
    for (const { rowNumber, value } of rows) {
      const unit = oneUnit(units, value.respondent);
      if (typeof unit === 'string') errors.push({ row: rowNumber, column: '被申请人', message: unit || `本区没有名为“${value.respondent}”的行政机关` });
      if (value.receivedDate < value.knewDate) errors.push({ row: rowNumber, column: '收到申请日期', message: '收到申请日期不得早于知道行政行为日期' });
      if (value.procedure === '简易程序' && value.receivedDate < '2024-01-01') errors.push({ row: rowNumber, column: '审理程序', message: '2024年1月1日前的申请适用2017年《行政复议法》，无简易程序' });
      if (value.caseNo && typeof unit !== 'string') {
        // Case numbers are unique per organ region, as in the service.
        const regionId = await organRegionOfUnit(trx, unit.region_id);
        const key = `${regionId}|${value.caseNo}`;
        if (seen.has(key)) errors.push({ row: rowNumber, column: '案号', message: '与本文件中前面的行重复' });
        seen.add(key);
        if (await reconCaseNoTaken(trx, regionId, value.caseNo)) errors.push({ row: rowNumber, column: '案号', message: `案号${value.caseNo}已存在` });
      }
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    const units = await resolveUnits(trx, actor, rows.map((r) => r.value.respondent), AGENCY_TYPES, null);
    for (const { value } of rows) {
      const unit = oneUnit(units, value.respondent) as UnitRef;
      await registerReconsideration(trx, actor, {
        caseNo: value.caseNo, respondentUnitId: unit.id, applicantName: value.applicantName, applicantType: PARTY[value.applicantType], actChallenged: value.actChallenged,
        caseType: value.caseType as (typeof CASE_TYPES)[number], actDate: value.actDate, knewDate: value.knewDate, receivedDate: value.receivedDate,
        informedOfRights: true, immovable: false, procedure: PROCEDURE[value.procedure ?? '普通程序'],
      });
    }
  },
};

/** One row of the lawsuit intake sheet. */
export interface LawsuitImportRow {
  caseNo: string;
  courtName: string;
  defendant: string;
  plaintiffName: string;
  plaintiffType: string;
  actChallenged: string;
  caseType: string;
  filedDate?: string;
  complaintReceivedDate: string;
  advisorFirm?: string;
  advisorName?: string;
}

/** Lawsuit intake sheet (import and template). */
export const lawsuitImportSheet = defineSheet<LawsuitImportRow>({
  name: '行政应诉案件登记',
  columns: [
    { key: 'caseNo', header: '案号', headerEn: 'Case no.', width: 26 },
    { key: 'courtName', header: '审理法院', headerEn: 'Court', width: 22 },
    { key: 'defendant', header: '被告', headerEn: 'Defendant', width: 24 },
    { key: 'plaintiffName', header: '原告', headerEn: 'Plaintiff', width: 18 },
    { key: 'plaintiffType', header: '原告类型', headerEn: 'Plaintiff type', options: Object.keys(PARTY) },
    { key: 'actChallenged', header: '被诉行政行为', headerEn: 'Act challenged', width: 40 },
    { key: 'caseType', header: '案件类别', headerEn: 'Case type', options: [...CASE_TYPES] },
    { key: 'filedDate', header: '立案日期', headerEn: 'Filed', type: 'date' },
    { key: 'complaintReceivedDate', header: '收到起诉状副本日期', headerEn: 'Complaint received', type: 'date' },
    { key: 'advisorFirm', header: '代理律师事务所', headerEn: 'Law firm', width: 22 },
    { key: 'advisorName', header: '代理律师', headerEn: 'Advisor' },
  ],
  row: z.object({
    caseNo: z.string(must('案号')).min(1).max(60),
    courtName: z.string(must('审理法院')).min(1).max(60),
    defendant: z.string(must('被告')).min(2).max(80),
    plaintiffName: z.string(must('原告')).min(1).max(80),
    plaintiffType: party('原告类型'),
    actChallenged: z.string(must('被诉行政行为')).min(1).max(300),
    caseType,
    filedDate: DateStr.optional(),
    complaintReceivedDate: DateStr,
    advisorFirm: z.string().max(80).optional(),
    advisorName: z.string().max(40).optional(),
  }) as z.ZodType<LawsuitImportRow>,
});

/** One row of the exported litigation register. */
export interface LawsuitExportRow extends LawsuitImportRow {
  defenceDue?: string;
  defenceFiled?: string;
  stage: string;
  status: string;
  finalOutcome?: string;
  closedDate?: string;
}
/** The litigation register as exported. */
export const lawsuitExportSheet = defineSheet<LawsuitExportRow>({
  name: '行政应诉案件登记',
  columns: [
    ...(lawsuitImportSheet.columns as unknown as import('../../core/excel/index.js').Column<LawsuitExportRow>[]),
    { key: 'defenceDue', header: '答辩期限', headerEn: 'Defence due', type: 'date' },
    { key: 'defenceFiled', header: '答辩日期', headerEn: 'Defence filed', type: 'date' },
    { key: 'stage', header: '审级', headerEn: 'Stage' },
    { key: 'status', header: '状态', headerEn: 'Status' },
    { key: 'finalOutcome', header: '生效裁判结果', headerEn: 'Final outcome' },
    { key: 'closedDate', header: '结案日期', headerEn: 'Closed', type: 'date' },
  ],
});

/** Presents a lawsuit row for the export. */
export function lawsuitExportRow(l: {
  case_no: string; court_name: string; unit_name: string; plaintiff_name: string; plaintiff_type: string; act_challenged: string; case_type: string; filed_date: string | null;
  complaint_received_date: string; advisor_unit_name: string | null; advisor_name: string | null; defence_due: string | null; defence_filed_date: string | null; stage: string; status: string;
  final_outcome: string | null; closed_date: string | null;
}): LawsuitExportRow {
  return {
    caseNo: l.case_no, courtName: l.court_name, defendant: l.unit_name, plaintiffName: l.plaintiff_name, plaintiffType: PARTY_LABEL[l.plaintiff_type], actChallenged: l.act_challenged,
    caseType: l.case_type, filedDate: l.filed_date ?? undefined, complaintReceivedDate: l.complaint_received_date, advisorFirm: l.advisor_unit_name ?? undefined, advisorName: l.advisor_name ?? undefined,
    defenceDue: l.defence_due ?? undefined, defenceFiled: l.defence_filed_date ?? undefined, stage: LAWSUIT_STAGES[l.stage as keyof typeof LAWSUIT_STAGES]?.zh ?? l.stage,
    status: LAWSUIT_STATUSES[l.status as keyof typeof LAWSUIT_STATUSES]?.zh ?? l.status, finalOutcome: l.final_outcome ?? undefined, closedDate: l.closed_date ?? undefined,
  };
}

/** Importing lawsuits: the office for its district, a unit's head or liaison for its own unit; all-or-nothing. */
export const lawsuitImport: ImportSpec<LawsuitImportRow> = {
  sheet: lawsuitImportSheet,
  authorize(actor: Actor) {
    if (!hasRole(actor, 'office', 'unit_head', 'liaison')) throw forbidden();
  },
  async check(trx, actor, rows) {
    const errors: CellError[] = [];
    const seen = new Set<string>();
    const units = await resolveUnits(trx, actor, rows.map((r) => r.value.defendant), AGENCY_TYPES, DEFAULT_WRITE);
    const firms = await resolveUnits(trx, actor, rows.map((r) => r.value.advisorFirm ?? ''), ['law_firm'], null);
    for (const { rowNumber, value } of rows) {
      const unit = oneUnit(units, value.defendant);
      if (typeof unit === 'string') errors.push({ row: rowNumber, column: '被告', message: unit || `“${value.defendant}”不在您可登记的单位范围内` });
      if (value.filedDate && value.complaintReceivedDate < value.filedDate) errors.push({ row: rowNumber, column: '收到起诉状副本日期', message: '不得早于立案日期' });
      if (value.advisorName && !value.advisorFirm) errors.push({ row: rowNumber, column: '代理律师事务所', message: '填写代理律师的，应填写其律师事务所' });
      if (value.advisorFirm) {
        const firm = oneUnit(firms, value.advisorFirm);
        if (typeof firm === 'string') errors.push({ row: rowNumber, column: '代理律师事务所', message: firm || `本区没有名为“${value.advisorFirm}”的律师事务所` });
      }
      if (typeof unit !== 'string') {
        // Case numbers are unique per region, as in the service.
        const key = `${unit.region_id}|${value.caseNo}`;
        if (seen.has(key)) errors.push({ row: rowNumber, column: '案号', message: '与本文件中前面的行重复' });
        seen.add(key);
        if (await lawsuitCaseNoTaken(trx, unit.region_id, value.caseNo)) errors.push({ row: rowNumber, column: '案号', message: `案号${value.caseNo}已登记` });
      }
    }
    return errors;
  },
  async commit(trx, actor, rows) {
    const units = await resolveUnits(trx, actor, rows.map((r) => r.value.defendant), AGENCY_TYPES, DEFAULT_WRITE);
    const firms = await resolveUnits(trx, actor, rows.map((r) => r.value.advisorFirm ?? ''), ['law_firm'], null);
    for (const { value } of rows) {
      const unit = oneUnit(units, value.defendant) as UnitRef;
      const firm = value.advisorFirm ? (oneUnit(firms, value.advisorFirm) as UnitRef) : undefined;
      await registerLawsuit(trx, actor, {
        caseNo: value.caseNo, courtName: value.courtName, defendantUnitId: unit.id, plaintiffName: value.plaintiffName, plaintiffType: PARTY[value.plaintiffType],
        actChallenged: value.actChallenged, caseType: value.caseType as (typeof CASE_TYPES)[number], filedDate: value.filedDate, complaintReceivedDate: value.complaintReceivedDate,
        advisorUnitId: firm?.id, advisorName: value.advisorName,
      });
    }
  },
};

/** Statutory statistical table: reconsideration (行政复议案件统计表). */
export const reconStatsSheet = defineSheet<ReconStatRow>({
  name: '行政复议案件统计表',
  columns: [
    { key: 'dimension', header: '统计口径', headerEn: 'Dimension', width: 14 },
    { key: 'category', header: '类别', headerEn: 'Category', width: 26 },
    { key: 'received', header: '收到申请', headerEn: 'Received', type: 'integer' },
    { key: 'accepted', header: '受理', headerEn: 'Accepted', type: 'integer' },
    { key: 'concluded', header: '审结', headerEn: 'Concluded', type: 'integer' },
    { key: 'corrective', header: '纠错', headerEn: 'Corrected', type: 'integer' },
    { key: 'onTime', header: '法定期限内审结', headerEn: 'Within period', type: 'integer' },
  ],
});
/** Statutory statistical table: litigation (行政应诉案件统计表). */
export const suitStatsSheet = defineSheet<SuitStatRow>({
  name: '行政应诉案件统计表',
  columns: [
    { key: 'dimension', header: '统计口径', headerEn: 'Dimension', width: 14 },
    { key: 'category', header: '类别', headerEn: 'Category', width: 26 },
    { key: 'handled', header: '办理', headerEn: 'Handled', type: 'integer' },
    { key: 'closed', header: '结案', headerEn: 'Closed', type: 'integer' },
    { key: 'pending', header: '未结', headerEn: 'Pending', type: 'integer' },
    { key: 'lost', header: '败诉', headerEn: 'Lost', type: 'integer' },
    { key: 'heard', header: '开庭审理', headerEn: 'Heard', type: 'integer' },
    { key: 'headAppeared', header: '负责人出庭', headerEn: 'Head appeared', type: 'integer' },
  ],
});
