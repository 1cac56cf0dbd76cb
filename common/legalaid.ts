/** Legal aid (法律援助法 2021), legal help, lawyer service teams: labels and request/response schemas. */
import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';
import { validIdNumber } from './idcard.js';
import { RecordDeadlineOut } from './core-api.js';

type L = { zh: string; en: string };
const keys = <T extends Record<string, L>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Case types. */
export const CASE_TYPES = {
  civil: { zh: '民事', en: 'Civil' },
  criminal: { zh: '刑事', en: 'Criminal' },
  administrative: { zh: '行政', en: 'Administrative' },
} as const satisfies Record<string, L>;
/** 法律援助法 第二十二条: service forms (the consultation/drafting/duty-lawyer forms are legal help, not cases). */
export const SERVICE_FORMS = {
  criminal_defence: { zh: '刑事辩护与代理', en: 'Criminal defence and representation' },
  litigation: { zh: '民事、行政、国家赔偿案件诉讼代理', en: 'Litigation representation' },
  non_litigation: { zh: '非诉讼代理', en: 'Non-litigation representation' },
  labour_arbitration: { zh: '劳动争议调解与仲裁代理', en: 'Labour mediation and arbitration' },
  other: { zh: '其他形式', en: 'Other' },
} as const satisfies Record<string, L>;
/** How a case came: an application, or a notification from a court, procuratorate or police (art. 25, 36). */
export const ORIGINS = {
  application: { zh: '申请', en: 'Application' },
  notification: { zh: '通知辩护（代理）', en: 'Notification' },
} as const satisfies Record<string, L>;
/** Notifying organs (法律援助法 第三十六条). */
export const NOTIFYING_ORGANS = {
  court: { zh: '人民法院', en: 'Court' },
  procuratorate: { zh: '人民检察院', en: 'Procuratorate' },
  police: { zh: '公安机关', en: 'Police' },
} as const satisfies Record<string, L>;
/** 法律援助法 第二十五条、第二十八条: the mandatory notification categories. */
export const MANDATORY_CATEGORIES = {
  minor: { zh: '未成年人', en: 'Minor' },
  sensory_disability: { zh: '视力、听力、言语残疾人', en: 'Visual, hearing or speech disability' },
  mental_capacity: { zh: '不能完全辨认自己行为的成年人', en: 'Adult not fully able to understand their conduct' },
  life_or_death: { zh: '可能被判处无期徒刑、死刑的人', en: 'May be sentenced to life or death' },
  death_review: { zh: '死刑复核案件被告人', en: 'Death-sentence review' },
  absentia: { zh: '缺席审判案件的被告人', en: 'Trial in absentia' },
  compulsory_treatment: { zh: '强制医疗案件被申请人', en: 'Compulsory medical treatment' },
  other: { zh: '法律规定的其他人员', en: 'Other by law' },
} as const satisfies Record<string, L>;
/** How economic hardship was established: checked against the standard, or why the check was skipped. */
export const HARDSHIP_BASES = {
  checked: { zh: '经济困难审查', en: 'Means test' },
  art32: { zh: '不受经济困难条件限制（第三十二条）', en: 'No means test (art. 32)' },
  art42: { zh: '免予核查经济困难状况（第四十二条）', en: 'Means check exempt (art. 42)' },
} as const satisfies Record<string, L>;
/** 第三十二条 categories (no means test). */
export const ART32 = {
  hero_relatives: { zh: '英雄烈士近亲属维护英雄烈士人格权益', en: 'Relatives of heroes and martyrs' },
  good_samaritan: { zh: '因见义勇为行为主张相关民事权益', en: 'Good Samaritan' },
  wrongful_conviction: { zh: '再审改判无罪请求国家赔偿', en: 'State compensation after acquittal on retrial' },
  domestic_violence: { zh: '遭受虐待、遗弃或者家庭暴力的受害人', en: 'Victim of abuse, abandonment or domestic violence' },
  other: { zh: '法律、法规、规章规定的其他情形', en: 'Other' },
} as const satisfies Record<string, L>;
/** 第四十二条 categories (hardship check exempt). */
export const ART42 = {
  vulnerable: { zh: '无固定生活来源的未成年人、老年人、残疾人等特定群体', en: 'Minors, elderly or disabled without fixed income' },
  assistance: { zh: '社会救助、司法救助或者优抚对象', en: 'Recipients of social or judicial assistance' },
  migrant_wages: { zh: '申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员', en: 'Migrant workers claiming wages or injury compensation' },
  other: { zh: '法律、法规、规章规定的其他人员', en: 'Other' },
} as const satisfies Record<string, L>;
/** Case status. */
export const CASE_STATUSES = {
  received: { zh: '待审查', en: 'Awaiting decision' },
  refused: { zh: '不予援助', en: 'Refused' },
  objected: { zh: '异议审查中', en: 'Objection under review' },
  granted: { zh: '待指派', en: 'Awaiting assignment' },
  assigned: { zh: '承办中', en: 'In progress' },
  closed: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, L>;
/** Quality review grades. */
export const QUALITY_GRADES = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
} as const satisfies Record<string, L>;
/** Legal help channels. */
export const HELP_CHANNELS = {
  window: { zh: '窗口', en: 'Window' },
  hotline: { zh: '12348热线', en: '12348 hotline' },
  online: { zh: '网络平台', en: 'Online' },
} as const satisfies Record<string, L>;
/** Legal help forms (第二十二条 第一、二、五项). */
export const HELP_FORMS = {
  consultation: { zh: '法律咨询', en: 'Legal consultation' },
  drafting: { zh: '代拟法律文书', en: 'Document drafting' },
  duty_lawyer: { zh: '值班律师法律帮助', en: 'Duty lawyer help' },
} as const satisfies Record<string, L>;
/** Matter types of legal help (statistical practice). */
export const MATTER_TYPES = {
  labour: { zh: '劳动争议', en: 'Labour' },
  family: { zh: '婚姻家庭', en: 'Marriage and family' },
  contract: { zh: '合同纠纷', en: 'Contract' },
  tort: { zh: '损害赔偿', en: 'Damages' },
  property: { zh: '房产物业', en: 'Housing and property' },
  criminal: { zh: '刑事', en: 'Criminal' },
  administrative: { zh: '行政', en: 'Administrative' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, L>;
/** Enterprise ownership. */
export const OWNERSHIPS = {
  private: { zh: '民营企业', en: 'Private' },
  state: { zh: '国有企业', en: 'State-owned' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, L>;

export type CaseType = keyof typeof CASE_TYPES;
export type CaseStatus = keyof typeof CASE_STATUSES;

/** An ID number with a valid check digit (GB 11643). */
export const IdNumber = z.string().trim().toUpperCase().refine(validIdNumber, { message: '身份证号码无效（校验位不符）' });
const Phone = z.string().trim().regex(/^[0-9+\- ]{5,20}$/, { message: '电话号码格式不正确' });
const Text = (max: number) => z.string().trim().min(1).max(max);

/** A lawyer on the legal-aid roster. */
export const LawyerInput = z.object({
  unitId: Id,
  name: Text(40),
  firm: Text(80),
  licenceNo: z.string().trim().regex(/^\d{17}$/, { message: '律师执业证号应为17位数字' }),
  /** 首次执业日期, for 法律援助法 第二十六条 (three years of practice for 无期/死刑 cases). */
  practiceSince: DateStr,
});

const person = {
  /** The handling unit (法律援助机构所在单位). */
  unitId: Id,
  caseType: z.enum(keys(CASE_TYPES)),
  serviceForm: z.enum(keys(SERVICE_FORMS)),
  personName: Text(40),
  idNumber: IdNumber.nullish(),
  phone: Phone.nullish(),
  matter: Text(500),
};

/** Receive an application (法律援助法 第四十一条). */
export const ApplicationInput = z.object({ ...person, receivedOn: DateStr });
/** Receive a notification from a court, procuratorate or police (第二十五条、第三十六条). */
export const NotificationInput = z.object({
  ...person,
  notifyingOrgan: z.enum(keys(NOTIFYING_ORGANS)),
  notifyingOrganName: Text(80),
  mandatoryCategory: z.enum(keys(MANDATORY_CATEGORIES)),
  notifiedOn: DateStr,
});
/** The eligibility decision on an application (第四十三条). */
export const DecisionInput = z
  .object({
    decidedOn: DateStr,
    granted: z.boolean(),
    hardshipBasis: z.enum(keys(HARDSHIP_BASES)),
    /** The art. 32 / art. 42 category when the check was skipped. */
    exemption: z.string().max(40).nullish(),
    /** Monthly income per household member (yuan), when checked. */
    monthlyIncome: z.number().min(0).max(1_000_000).nullish(),
    refusalReasons: z.string().trim().max(1000).nullish(),
    /** Required when the decision comes after the 7-day limit. */
    lateReason: z.string().trim().max(500).nullish(),
  })
  .superRefine((d, ctx) => {
    if (d.hardshipBasis === 'checked' && d.monthlyIncome == null) ctx.addIssue({ code: 'custom', path: ['monthlyIncome'], message: '经济困难审查须填写家庭人均月收入' });
    if (d.hardshipBasis === 'art32' && !(d.exemption && d.exemption in ART32)) ctx.addIssue({ code: 'custom', path: ['exemption'], message: '请选择第三十二条规定的情形' });
    if (d.hardshipBasis === 'art42' && !(d.exemption && d.exemption in ART42)) ctx.addIssue({ code: 'custom', path: ['exemption'], message: '请选择第四十二条规定的情形' });
    if (!d.granted && !d.refusalReasons) ctx.addIssue({ code: 'custom', path: ['refusalReasons'], message: '不予法律援助的，应当书面说明理由' });
  });
/** An objection to a refusal (第四十九条). */
export const ObjectionInput = z.object({ objectedOn: DateStr, reasons: Text(1000) });
/** The justice bureau's review of an objection (第四十九条: within 5 days). */
export const ObjectionReviewInput = z.object({ reviewedOn: DateStr, upheld: z.boolean(), opinion: Text(1000) });
/** Assignment of a lawyer (第三十六条、第四十三条: within 3 days). */
export const AssignInput = z.object({ lawyerId: Id, assignedOn: DateStr, possibleSentence: z.enum(['life', 'death']).nullish() });
/** A progress note. */
export const ProgressInput = z.object({ on: DateStr, note: Text(1000) });
/** Closing with materials (第五十九条: 结案材料). */
export const CloseInput = z.object({ closedOn: DateStr, result: Text(1000), materialsComplete: z.literal(true, { message: '结案须提交完整的结案材料' }) });
/** Quality review of a closed case and its subsidy (第五十二条 补贴). */
export const QualityInput = z.object({ reviewedOn: DateStr, grade: z.enum(keys(QUALITY_GRADES)), comment: z.string().trim().max(1000).default(''), subsidy: z.number().min(0).max(100_000) });

/** Case list filters (in the URL). */
export const CaseListQuery = ListQuery.extend({
  status: z.enum(keys(CASE_STATUSES)).optional(),
  caseType: z.enum(keys(CASE_TYPES)).optional(),
  origin: z.enum(keys(ORIGINS)).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** Record legal help to one person (one person-time). */
export const HelpInput = z.object({
  unitId: Id,
  servedOn: DateStr,
  channel: z.enum(keys(HELP_CHANNELS)),
  form: z.enum(keys(HELP_FORMS)),
  matterType: z.enum(keys(MATTER_TYPES)),
  personName: z.string().trim().max(40).nullish(),
  summary: Text(500),
});
export const HelpListQuery = ListQuery.extend({
  channel: z.enum(keys(HELP_CHANNELS)).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** A lawyer service team (律师服务团) with its lawyers. */
export const TeamInput = z.object({ unitId: Id, name: Text(80), formedOn: DateStr, focus: z.string().trim().max(200).default(''), lawyerIds: z.array(Id).min(1).max(50) });
/** An enterprise check-up (法治体检). */
export const CheckupInput = z.object({
  teamId: Id,
  checkedOn: DateStr,
  enterpriseName: Text(100),
  creditCode: z.string().trim().toUpperCase().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: '统一社会信用代码应为18位' }),
  ownership: z.enum(keys(OWNERSHIPS)),
  issuesFound: Text(2000),
  recommendations: Text(2000),
  followUp: z.string().trim().max(2000).default(''),
});
export const YearQuery = ListQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

// ---- responses -------------------------------------------------------------------------------
/** A lawyer as listed. */
export const LawyerOut = z.object({ id: z.string(), name: z.string(), firm: z.string(), licenceNo: z.string(), practiceSince: z.string(), unitName: z.string() });
/** A case as a list row (ID number and phone masked unless the reader handles the case). */
export const CaseOut = z.object({
  id: z.string(), caseNo: z.string(), origin: z.string(), caseType: z.string(), serviceForm: z.string(), status: z.string(),
  personName: z.string(), idNumber: z.string().nullable(), phone: z.string().nullable(), matter: z.string(), unitName: z.string(),
  receivedOn: z.string(), decisionDue: z.string().nullable(), decidedOn: z.string().nullable(),
  notifyingOrgan: z.string().nullable(), notifyingOrganName: z.string().nullable(), mandatoryCategory: z.string().nullable(),
  hardshipBasis: z.string().nullable(), exemption: z.string().nullable(), monthlyIncome: z.number().nullable(), standardApplied: z.number().nullable(),
  refusalReasons: z.string().nullable(), lateReason: z.string().nullable(),
  objectedOn: z.string().nullable(), objectionReasons: z.string().nullable(), objectionReviewedOn: z.string().nullable(), objectionUpheld: z.boolean().nullable(), objectionOpinion: z.string().nullable(),
  assignmentDue: z.string().nullable(), lawyerName: z.string().nullable(), assignedOn: z.string().nullable(), possibleSentence: z.string().nullable(),
  closedOn: z.string().nullable(), result: z.string().nullable(), qualityGrade: z.string().nullable(), qualityComment: z.string().nullable(), subsidy: z.number().nullable(),
  canEdit: z.boolean(),
});
/** A case with its progress and deadlines. */
export const CaseDetailOut = z.object({
  case: CaseOut,
  progress: z.array(z.object({ id: z.string(), on: z.string(), note: z.string() })),
  /** Its deadlines in the reader's language (core `presentDeadline`). */
  deadlines: z.array(RecordDeadlineOut),
});
export const HelpOut = z.object({ id: z.string(), servedOn: z.string(), channel: z.string(), form: z.string(), matterType: z.string(), personName: z.string().nullable(), summary: z.string(), unitName: z.string() });
export const TeamOut = z.object({ id: z.string(), name: z.string(), formedOn: z.string(), focus: z.string(), unitName: z.string(), lawyers: z.array(z.string()), checkups: z.number() });
export const CheckupOut = z.object({
  id: z.string(), teamId: z.string(), teamName: z.string(), checkedOn: z.string(), enterpriseName: z.string(), creditCode: z.string(), ownership: z.string(),
  issuesFound: z.string(), recommendations: z.string(), followUp: z.string(),
});
