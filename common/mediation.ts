/** People's mediation (人民调解法): labels and request/response schemas shared by server and web. */
import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';
import { RecordDeadlineOut } from './core-api.js';

type L = { zh: string; en: string };
const keys = <T extends Record<string, L>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Kinds of committee (人民调解法 第八条、第三十四条). */
export const COMMITTEE_KINDS = {
  subdistrict: { zh: '街道（乡镇）人民调解委员会', en: 'Subdistrict committee' },
  village: { zh: '村民委员会人民调解委员会', en: 'Village committee' },
  community: { zh: '社区（居民委员会）人民调解委员会', en: 'Community committee' },
  enterprise: { zh: '企事业单位人民调解委员会', en: 'Enterprise committee' },
  industry: { zh: '行业性、专业性人民调解委员会', en: 'Industry committee' },
} as const satisfies Record<string, L>;
/** Dispute types — the default of the configurable list (REFERENCE §13, 黄石市司法局 statistics). */
export const DEFAULT_DISPUTE_TYPES: { code: string; zh: string; en: string }[] = [
  { code: 'family', zh: '婚姻家庭纠纷', en: 'Marriage and family' },
  { code: 'neighbour', zh: '邻里纠纷', en: 'Neighbours' },
  { code: 'housing', zh: '房屋宅基地纠纷', en: 'Housing and homestead' },
  { code: 'contract', zh: '合同纠纷', en: 'Contract' },
  { code: 'business', zh: '生产经营纠纷', en: 'Business operation' },
  { code: 'damages', zh: '损害赔偿纠纷', en: 'Damages' },
  { code: 'land', zh: '山林土地纠纷', en: 'Land and forest' },
  { code: 'demolition', zh: '征地拆迁纠纷', en: 'Expropriation and demolition' },
  { code: 'environment', zh: '环境污染纠纷', en: 'Pollution' },
  { code: 'labour', zh: '劳动争议纠纷', en: 'Labour' },
  { code: 'consumer', zh: '消费纠纷', en: 'Consumer' },
  { code: 'medical', zh: '医疗纠纷', en: 'Medical' },
  { code: 'traffic', zh: '道路交通事故纠纷', en: 'Road traffic accident' },
  { code: 'property', zh: '物业纠纷', en: 'Property management' },
  { code: 'other', zh: '其他纠纷', en: 'Other' },
];
/** Where a dispute came from: 申请/主动调解, or referral (诉调、访调、警调对接; 人民调解法 第十八条). */
export const SOURCES = {
  application: { zh: '当事人申请', en: 'Application' },
  initiative: { zh: '主动调解', en: 'On own initiative' },
  court: { zh: '法院委托移送（诉调对接）', en: 'Court referral' },
  petition: { zh: '信访部门移送（访调对接）', en: 'Petition office referral' },
  police: { zh: '公安机关移送（警调对接）', en: 'Police referral' },
} as const satisfies Record<string, L>;
/** Dispute status. */
export const DISPUTE_STATUSES = {
  mediating: { zh: '调解中', en: 'Mediating' },
  succeeded: { zh: '调解成功', en: 'Succeeded' },
  failed: { zh: '调解不成', en: 'Failed' },
  refused: { zh: '当事人拒绝调解', en: 'Refused by a party' },
} as const satisfies Record<string, L>;
/** Agreement forms (人民调解法 第二十八条至第三十条). */
export const AGREEMENT_FORMS = {
  written: { zh: '书面调解协议', en: 'Written agreement' },
  oral: { zh: '口头协议', en: 'Oral agreement' },
} as const satisfies Record<string, L>;

export type DisputeStatus = keyof typeof DISPUTE_STATUSES;
const Text = (max: number) => z.string().trim().min(1).max(max);

/** A committee. */
export const CommitteeInput = z.object({ unitId: Id, name: Text(80), kind: z.enum(keys(COMMITTEE_KINDS)), establishedOn: DateStr });
/** A mediator of a committee. */
export const MediatorInput = z.object({ committeeId: Id, name: Text(40), fullTime: z.boolean() });
/** Receive a dispute. */
export const DisputeInput = z.object({
  committeeId: Id,
  disputeType: z.string().trim().min(1).max(40),
  source: z.enum(keys(SOURCES)),
  /** The referring court, petition office or police station (for referrals). */
  referredBy: z.string().trim().max(80).nullish(),
  parties: Text(200),
  summary: Text(2000),
  receivedOn: DateStr,
  mediatorId: Id.nullish(),
}).superRefine((d, ctx) => {
  if (['court', 'petition', 'police'].includes(d.source) && !d.referredBy) ctx.addIssue({ code: 'custom', path: ['referredBy'], message: '移送调解的须填写移送单位' });
});
/** A success: the agreement, written or oral, and the day it took effect (第二十九条、第三十条). */
export const SuccessInput = z.object({
  agreementForm: z.enum(keys(AGREEMENT_FORMS)),
  agreementOn: DateStr,
  agreement: z.string({ message: '调解成功须记录调解协议内容' }).trim().min(1, { message: '调解成功须记录调解协议内容' }).max(4000),
});
/** A failure, with the other channels the parties were told of (第二十六条). */
export const FailureInput = z.object({ endedOn: DateStr, advice: Text(1000) });
/** A party refused mediation (第十七条). */
export const RefusalInput = z.object({ endedOn: DateStr, note: Text(500) });
/** Records kept on a dispute: a mediation session (调解记录) while it is mediated, a follow-up visit (回访) after an agreement. */
export const NOTE_KINDS = {
  session: { zh: '调解记录', en: 'Mediation session' },
  visit: { zh: '回访记录', en: 'Follow-up visit' },
} as const satisfies Record<string, L>;
/** A mediation session or a follow-up visit (人民调解法 第二十二条 调解过程；第三十一条 督促履行协议). */
export const NoteInput = z.object({ kind: z.enum(keys(NOTE_KINDS)), on: DateStr, mediatorId: Id.nullish(), note: Text(2000) });
/** The parties applied for judicial confirmation (第三十三条). */
export const ConfirmationInput = z.object({ appliedOn: DateStr, court: Text(80) });

export const DisputeListQuery = ListQuery.extend({
  status: z.enum(keys(DISPUTE_STATUSES)).optional(),
  source: z.enum(keys(SOURCES)).optional(),
  committeeId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const CommitteeOut = z.object({ id: z.string(), name: z.string(), kind: z.string(), unitName: z.string(), regionName: z.string(), establishedOn: z.string(), mediators: z.number(), disputes: z.number() });
export const MediatorOut = z.object({ id: z.string(), committeeId: z.string(), committeeName: z.string(), name: z.string(), fullTime: z.boolean() });
export const DisputeOut = z.object({
  id: z.string(), caseNo: z.string(), committeeId: z.string(), committeeName: z.string(), unitName: z.string(), disputeType: z.string(), disputeTypeLabel: z.string(),
  source: z.string(), referredBy: z.string().nullable(), parties: z.string(), summary: z.string(), receivedOn: z.string(), dueOn: z.string().nullable(),
  mediatorName: z.string().nullable(), status: z.string(), agreementForm: z.string().nullable(), agreementOn: z.string().nullable(), agreement: z.string().nullable(),
  confirmationDue: z.string().nullable(), confirmationOpen: z.boolean(), confirmationAppliedOn: z.string().nullable(), confirmationCourt: z.string().nullable(),
  endedOn: z.string().nullable(), advice: z.string().nullable(), canEdit: z.boolean(),
});
export const DisputeDetailOut = z.object({
  dispute: DisputeOut,
  notes: z.array(z.object({ id: z.string(), kind: z.string(), on: z.string(), mediatorName: z.string().nullable(), note: z.string() })),
  /** Its deadlines in the reader's language (core `presentDeadline`). */
  deadlines: z.array(RecordDeadlineOut),
});
