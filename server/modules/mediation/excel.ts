/**
 * A committee's dispute ledger (人民调解纠纷登记台账) in Excel, the way subdistricts keep it today — with
 * the judicial-confirmation and follow-up-visit columns their ledgers carry: one sheet for export and import. Import is all-or-nothing through core/excel (`importRoutes`): every bad
 * cell is named, committees and mediators are found by name inside the uploader's region, and each row
 * is written through the same services as the forms (receive, then the outcome), in one transaction.
 */
import { z } from 'zod';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/index.js';
import { defineSheet, type CellError } from '../../core/excel/index.js';
import type { ImportSpec } from '../../core/excel/routes.js';
import { today } from '../../core/calendar/index.js';
import { inRegionPaths, requireRole, type Actor } from '../../core/scope/index.js';
import { actorRegion } from '../org/lookup.js';
import { DateStr } from '../../../common/schemas.js';
import { AGREEMENT_FORMS, DISPUTE_STATUSES, SOURCES } from '../../../common/mediation.js';
import { Committees, Disputes } from './records.js';
import { addDisputeNoteIn, disputeTypeLabels, receiveDisputeIn, recordConfirmationIn, recordFailureIn, recordRefusalIn, recordSuccessIn, type DisputeRow } from './service.js';
import { computeDeadline, loadCalendar } from '../../core/calendar/index.js';

type Source = keyof typeof SOURCES;
/** The short source names ledgers use, and the full labels, both accepted. */
const SOURCE_SHORT: Record<Source, string> = { application: '当事人申请', initiative: '主动调解', court: '诉调对接', petition: '访调对接', police: '警调对接' };
const SOURCE_BY_NAME = new Map<string, Source>([
  ...Object.entries(SOURCE_SHORT).map(([k, v]) => [v, k as Source] as const),
  ...Object.entries(SOURCES).map(([k, v]) => [v.zh, k as Source] as const),
  ['申请调解', 'application'], ['申请', 'application'], ['主动', 'initiative'],
]);
type Outcome = keyof typeof DISPUTE_STATUSES;
const OUTCOME_BY_NAME = new Map<string, Outcome>(Object.entries(DISPUTE_STATUSES).map(([k, v]) => [v.zh, k as Outcome]));
OUTCOME_BY_NAME.set('拒绝调解', 'refused');
OUTCOME_BY_NAME.set('调解失败', 'failed');
const FORM_SHORT = { written: '书面', oral: '口头' } as const;
const FORM_BY_NAME = new Map<string, 'written' | 'oral'>([
  ['书面', 'written'], ['口头', 'oral'], [AGREEMENT_FORMS.written.zh, 'written'], [AGREEMENT_FORMS.oral.zh, 'oral'], ['书面协议', 'written'],
]);

/** One row of the ledger. */
export interface LedgerRow {
  caseNo?: string;
  committee: string;
  receivedOn: string;
  disputeType: string;
  source: string;
  referredBy?: string;
  parties: string;
  summary: string;
  mediator?: string;
  outcome?: string;
  agreementForm?: string;
  agreementOn?: string;
  agreement?: string;
  endedOn?: string;
  advice?: string;
  /** The parties' joint application for judicial confirmation (人民调解法 第三十三条), and the court. */
  confirmationAppliedOn?: string;
  confirmationCourt?: string;
  /** A follow-up visit after the agreement (第三十一条), and what it found. */
  visitOn?: string;
  visitNote?: string;
}

const H = {
  caseNo: '编号', committee: '调解委员会', receivedOn: '受理日期', disputeType: '纠纷类型', source: '纠纷来源', referredBy: '移送单位', parties: '当事人',
  summary: '纠纷简要情况', mediator: '调解员', outcome: '调解结果', agreementForm: '协议形式', agreementOn: '协议生效日期', agreement: '协议内容', endedOn: '终止日期',
  advice: '告知其他途径及说明', confirmationAppliedOn: '申请司法确认日期', confirmationCourt: '司法确认法院', visitOn: '回访日期', visitNote: '回访情况',
} as const;
const req = (name: string, max: number) => z.string({ message: `${name}必填` }).trim().min(1, { message: `${name}必填` }).max(max);
const opt = (max: number) => z.string().trim().max(max).optional();

/** The dispute ledger sheet (编号 is written on export and ignored on import: numbers are given by the system). */
export const ledgerSheet = defineSheet<LedgerRow>({
  name: '人民调解纠纷登记台账',
  columns: [
    { key: 'caseNo', header: H.caseNo, headerEn: 'No.', width: 12 },
    { key: 'committee', header: H.committee, headerEn: 'Committee', width: 30 },
    { key: 'receivedOn', header: H.receivedOn, headerEn: 'Received on', type: 'date' },
    { key: 'disputeType', header: H.disputeType, headerEn: 'Dispute type', width: 16 },
    { key: 'source', header: H.source, headerEn: 'Source', options: Object.values(SOURCE_SHORT) },
    { key: 'referredBy', header: H.referredBy, headerEn: 'Referred by', width: 22 },
    { key: 'parties', header: H.parties, headerEn: 'Parties', width: 22 },
    { key: 'summary', header: H.summary, headerEn: 'Summary', width: 40 },
    { key: 'mediator', header: H.mediator, headerEn: 'Mediator' },
    { key: 'outcome', header: H.outcome, headerEn: 'Outcome', options: Object.values(DISPUTE_STATUSES).map((s) => s.zh) },
    { key: 'agreementForm', header: H.agreementForm, headerEn: 'Agreement form', options: Object.values(FORM_SHORT) },
    { key: 'agreementOn', header: H.agreementOn, headerEn: 'Agreement effective on', type: 'date' },
    { key: 'agreement', header: H.agreement, headerEn: 'Agreement', width: 40 },
    { key: 'endedOn', header: H.endedOn, headerEn: 'Ended on', type: 'date' },
    { key: 'advice', header: H.advice, headerEn: 'Channels advised / note', width: 30 },
    { key: 'confirmationAppliedOn', header: H.confirmationAppliedOn, headerEn: 'Judicial confirmation applied on', type: 'date' },
    { key: 'confirmationCourt', header: H.confirmationCourt, headerEn: 'Confirming court', width: 24 },
    { key: 'visitOn', header: H.visitOn, headerEn: 'Follow-up visit on', type: 'date' },
    { key: 'visitNote', header: H.visitNote, headerEn: 'Follow-up visit findings', width: 30 },
  ],
  row: z.object({
    caseNo: opt(40),
    committee: req(H.committee, 80),
    receivedOn: DateStr,
    disputeType: req(H.disputeType, 40),
    source: req(H.source, 40).refine((s) => SOURCE_BY_NAME.has(s), { message: `纠纷来源应为：${Object.values(SOURCE_SHORT).join('、')}` }),
    referredBy: opt(80),
    parties: req(H.parties, 200),
    summary: req(H.summary, 2000),
    mediator: opt(40),
    outcome: opt(20).refine((s) => !s || OUTCOME_BY_NAME.has(s), { message: `调解结果应为：${Object.values(DISPUTE_STATUSES).map((x) => x.zh).join('、')}` }),
    agreementForm: opt(20).refine((s) => !s || FORM_BY_NAME.has(s), { message: '协议形式应为“书面”或“口头”' }),
    agreementOn: DateStr.optional(),
    agreement: opt(4000),
    endedOn: DateStr.optional(),
    advice: opt(1000),
    confirmationAppliedOn: DateStr.optional(),
    confirmationCourt: opt(80),
    visitOn: DateStr.optional(),
    visitNote: opt(2000),
  }) as z.ZodType<LedgerRow>,
});

/** A ledger row from a dispute (export). */
export function ledgerRowOf(d: DisputeRow, types: Map<string, { zh: string }>): LedgerRow {
  return {
    caseNo: d.case_no, committee: d.committee_name, receivedOn: d.received_on, disputeType: types.get(d.dispute_type)?.zh ?? d.dispute_type, source: SOURCE_SHORT[d.source],
    referredBy: d.referred_by ?? undefined, parties: d.parties, summary: d.summary, mediator: d.mediator_name ?? undefined, outcome: DISPUTE_STATUSES[d.status].zh,
    agreementForm: d.agreement_form ? FORM_SHORT[d.agreement_form] : undefined, agreementOn: d.agreement_on ?? undefined, agreement: d.agreement ?? undefined,
    endedOn: d.agreement_on ? undefined : (d.ended_on ?? undefined), advice: d.advice ?? undefined,
    confirmationAppliedOn: d.confirmation_applied_on ?? undefined, confirmationCourt: d.confirmation_court ?? undefined, visitOn: d.visit_on ?? undefined, visitNote: d.visit_note ?? undefined,
  };
}

interface CommitteeRef { id: string; name: string; established_on: string; may_write: boolean }

/**
 * The committees named in the file, found inside the uploader's region (names are unique per region,
 * not across the country) and within what the uploader may read; with whether they may record there.
 */
async function committeesByName(trx: Transaction<Database>, actor: Actor, names: string[]) {
  const region = await actorRegion(trx, actor);
  const out = new Map<string, CommitteeRef[]>();
  if (!region || !names.length) return out;
  const rows = (await Committees.query(trx, actor)
    .where('mc.name', 'in', names)
    .where(inRegionPaths('mc.region_id', [region.path]))
    .select(['mc.id', 'mc.name', 'mc.established_on', sql<boolean>`${Committees.writeWhere(actor)}`.as('may_write')])
    .orderBy('mc.id')
    .execute()) as unknown as CommitteeRef[];
  for (const r of rows) out.set(r.name, [...(out.get(r.name) ?? []), r]);
  return out;
}

/** What a clean row resolves to. */
interface Resolved { committeeId: string; mediatorId: string | null; disputeType: string; source: Source; outcome: Outcome; form?: 'written' | 'oral' }

/** Checks the rows and resolves names; returns the problems and, for clean rows, what they resolve to. */
async function resolve(trx: Transaction<Database>, actor: Actor, rows: { rowNumber: number; value: LedgerRow }[]) {
  const errors: CellError[] = [];
  const resolved = new Map<number, Resolved>();
  const committees = await committeesByName(trx, actor, [...new Set(rows.map((r) => r.value.committee))]);
  const ids = [...new Set([...committees.values()].flat().map((c) => c.id))];
  const mediators = ids.length
    ? await trx.selectFrom('mediation_mediators').select(['id', 'name', 'committee_id']).where('committee_id', 'in', ids).orderBy('id').execute()
    : [];
  const types = [...(await disputeTypeLabels(trx)).values()];
  const typeOf = (s: string) => types.find((t) => t.zh === s || t.code === s)?.code;
  const existing = ids.length
    ? await Disputes.query(trx, actor).where('md.committee_id', 'in', ids).select(['md.committee_id', 'md.received_on', 'md.parties', 'md.case_no']).execute()
    : [];
  const taken = new Map(existing.map((e) => [`${e.committee_id}|${e.received_on}|${e.parties}`, e.case_no]));
  const seen = new Map<string, number>();
  const now = today();
  const cal = await loadCalendar(trx);
  for (const { rowNumber: row, value: v } of rows) {
    const n = errors.length;
    const err = (column: string, message: string) => errors.push({ row, column, message });
    const found = committees.get(v.committee) ?? [];
    const c = found[0];
    if (!found.length) err(H.committee, `调解委员会“${v.committee}”不存在或不在您的范围内`);
    else if (found.length > 1) err(H.committee, `您的区域内有多个名为“${v.committee}”的调解委员会`);
    else if (!c.may_write) err(H.committee, `无权登记“${v.committee}”的纠纷`);
    const type = typeOf(v.disputeType);
    if (!type) err(H.disputeType, `纠纷类型“${v.disputeType}”不在设置的类型清单中（可填：${types.map((t) => t.zh).join('、')}）`);
    const source = SOURCE_BY_NAME.get(v.source)!;
    if (['court', 'petition', 'police'].includes(source) && !v.referredBy) err(H.referredBy, '移送调解的须填写移送单位');
    if (v.receivedOn > now) err(H.receivedOn, '受理日期不能晚于今天');
    if (c && found.length === 1 && v.receivedOn < c.established_on) err(H.receivedOn, `受理日期早于调解委员会成立日期（${c.established_on}）`);
    let mediatorId: string | null = null;
    if (v.mediator && c && found.length === 1) {
      const m = mediators.filter((x) => x.committee_id === c.id && x.name === v.mediator);
      if (!m.length) err(H.mediator, `调解员“${v.mediator}”不是“${v.committee}”的调解员`);
      else mediatorId = m[0].id;
    }
    const outcome = v.outcome ? OUTCOME_BY_NAME.get(v.outcome)! : 'mediating';
    const form = v.agreementForm ? FORM_BY_NAME.get(v.agreementForm) : undefined;
    if (outcome === 'succeeded') {
      if (!form) err(H.agreementForm, '调解成功须填写协议形式（书面或口头）');
      if (!v.agreementOn) err(H.agreementOn, '调解成功须填写协议生效日期');
      else if (v.agreementOn < v.receivedOn) err(H.agreementOn, `协议生效日期不能早于受理日期（${v.receivedOn}）`);
      else if (v.agreementOn > now) err(H.agreementOn, '协议生效日期不能晚于今天');
      if (!v.agreement) err(H.agreement, '调解成功须记录调解协议内容');
    } else {
      for (const [k, what] of [['agreementForm', H.agreementForm], ['agreementOn', H.agreementOn], ['agreement', H.agreement]] as const)
        if (v[k]) err(what, `调解结果为“${DISPUTE_STATUSES[outcome].zh}”，不应填写${what}`);
    }
    if (outcome === 'failed' || outcome === 'refused') {
      if (!v.endedOn) err(H.endedOn, `调解结果为“${DISPUTE_STATUSES[outcome].zh}”的，须填写终止日期`);
      else if (v.endedOn < v.receivedOn) err(H.endedOn, '终止日期不能早于受理日期');
      else if (v.endedOn > now) err(H.endedOn, '终止日期不能晚于今天');
      if (!v.advice) err(H.advice, outcome === 'failed' ? '调解不成的，须写明已告知当事人的其他解决途径（人民调解法第二十六条）' : '须说明当事人拒绝调解的情况');
    }
    // 人民调解法 第三十三条: a written agreement, applied for within 30 days of taking effect (rolled over a holiday).
    if (v.confirmationAppliedOn || v.confirmationCourt) {
      if (outcome !== 'succeeded' || form !== 'written') err(H.confirmationAppliedOn, '只有调解成功并达成书面调解协议的，才可申请司法确认');
      else if (!v.confirmationAppliedOn) err(H.confirmationAppliedOn, '填写了司法确认法院的，须填写申请司法确认日期');
      else if (v.agreementOn && v.confirmationAppliedOn < v.agreementOn) err(H.confirmationAppliedOn, `申请司法确认日期不能早于协议生效日期（${v.agreementOn}）`);
      else if (v.confirmationAppliedOn > now) err(H.confirmationAppliedOn, '申请司法确认日期不能晚于今天');
      else if (v.agreementOn) {
        const due = computeDeadline(cal, { from: v.agreementOn, unit: 'ND', n: 30, rollOver: true }).due;
        if (v.confirmationAppliedOn > due) err(H.confirmationAppliedOn, `已超过自协议生效之日起三十日的司法确认申请期限（${due}）`);
      }
      if (v.confirmationAppliedOn && !v.confirmationCourt) err(H.confirmationCourt, '申请司法确认的，须填写受理申请的人民法院');
    }
    // 第三十一条: the committee follows up how the agreement is performed — after an agreement only.
    if (v.visitOn || v.visitNote) {
      if (outcome !== 'succeeded') err(H.visitOn, '调解成功达成协议后方可回访');
      else if (!v.visitOn) err(H.visitOn, '填写了回访情况的，须填写回访日期');
      else if (v.agreementOn && v.visitOn < v.agreementOn) err(H.visitOn, `回访日期不能早于协议生效日期（${v.agreementOn}）`);
      else if (v.visitOn > now) err(H.visitOn, '回访日期不能晚于今天');
      if (v.visitOn && !v.visitNote) err(H.visitNote, '须填写回访情况');
    }
    if (c && found.length === 1) {
      const key = `${c.id}|${v.receivedOn}|${v.parties}`;
      if (seen.has(key)) err(H.parties, `与本文件第${seen.get(key)}行重复（同一调解委员会、受理日期和当事人）`);
      else seen.set(key, row);
      if (taken.has(key)) err(H.parties, `该纠纷已登记（编号${taken.get(key)}）`);
    }
    if (errors.length === n) resolved.set(row, { committeeId: c.id, mediatorId, disputeType: type!, source, outcome, form });
  }
  return { errors, resolved };
}

/**
 * Importing a committee's dispute ledger: the committee's office (a subdistrict's staff) or the office
 * of the district; every row is received and its outcome recorded through the services, so numbers,
 * the one-month norm and the judicial-confirmation windows are what the forms would have made.
 */
export const ledgerImport: ImportSpec<LedgerRow> = {
  sheet: ledgerSheet,
  maxRows: 5000,
  authorize(actor) {
    requireRole(actor, 'office', 'unit_head', 'liaison');
  },
  async check(trx, actor, rows) {
    return (await resolve(trx, actor, rows)).errors;
  },
  async commit(trx, actor, rows) {
    const { resolved } = await resolve(trx, actor, rows);
    for (const { rowNumber, value: v } of rows) {
      const r = resolved.get(rowNumber)!;
      const d = await receiveDisputeIn(trx, actor, {
        committeeId: r.committeeId, disputeType: r.disputeType, source: r.source, referredBy: v.referredBy ?? null, parties: v.parties, summary: v.summary,
        receivedOn: v.receivedOn, mediatorId: r.mediatorId,
      });
      if (r.outcome === 'succeeded') {
        await recordSuccessIn(trx, actor, d.id, { agreementForm: r.form!, agreementOn: v.agreementOn!, agreement: v.agreement! });
        if (v.confirmationAppliedOn) await recordConfirmationIn(trx, actor, d.id, { appliedOn: v.confirmationAppliedOn, court: v.confirmationCourt! });
        if (v.visitOn) await addDisputeNoteIn(trx, actor, d.id, { kind: 'visit', on: v.visitOn, mediatorId: r.mediatorId, note: v.visitNote! });
      }
      else if (r.outcome === 'failed') await recordFailureIn(trx, actor, d.id, { endedOn: v.endedOn!, advice: v.advice! });
      else if (r.outcome === 'refused') await recordRefusalIn(trx, actor, d.id, { endedOn: v.endedOn!, note: v.advice! });
    }
  },
};
