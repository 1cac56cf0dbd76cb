/**
 * The annual report template: prose blocks with metric placeholders.
 *
 * Placeholder syntax: `{{metric.id}}` or `{{metric.id:format}}` where format is
 * - `int` (default for counts): 15
 * - `approx10` / `approx100`: floor to tens / hundreds + 余 — "410余" for 413, "400余" for 412
 * - `percent`: 100%
 * - `wan`: yuan shown in 万元 without the unit (561)
 * - `names`: the names behind the figure (its records' units or titles): "甲和乙", "甲、乙和丙"
 * - `date`: a text fact's dates in Chinese (2019年10月1日)
 * Conditional clause: `[[if:metric.id|text]]` (shown when the figure is above 0) or `[[if:metric.id>1|text]]`;
 * a clause whose figure has no data is left out.
 * The office's own claim, which no record backs: `[[claim|text]]`, and `[[claim:2020|text]]` once the
 * office has confirmed it for 2020. It is highlighted in the editor until confirmed for the report's year.
 * Inline `**text**` marks a run-in sub-heading (一是……。) set in bold.
 */
import { MODULE_LABELS } from '../../../common/labels.js';

/** The five mandatory parts of an annual report (督察规定 第二十四条; REFERENCE §1.3). */
export const PARTS = {
  measures: { zh: '上一年度推进法治政府建设的主要举措和成效', en: 'Main measures and results' },
  shortcomings: { zh: '存在的不足和原因', en: 'Shortcomings and their causes' },
  leaders: { zh: '党政主要负责人履行推进法治建设第一责任人职责情况', en: 'Principal leaders’ first-responsibility duties' },
  nextYear: { zh: '下一年度推进法治政府建设的主要安排', en: 'Main plans for the next year' },
  other: { zh: '其他需要报告的情况', en: 'Other matters to report' },
} as const;
/** A mandatory part key. */
export type Part = keyof typeof PARTS;

/** One block of the report body. */
export interface Block {
  /** Stable id, so edits and snapshots refer to the same block across years. */
  id: string;
  /** h1 = 一、 (黑体); p = paragraph, optionally with a run-in level-2 heading `lead` (（一）…, 楷体). */
  kind: 'h1' | 'p';
  /** Run-in heading of a paragraph, e.g. `（一）加强组织领导，法治创建扎实有力。` */
  lead?: string;
  text: string;
  /** Which mandatory parts this block covers. */
  parts?: Part[];
}

/** Document metadata of the official document (GB/T 9704 elements). */
export interface ReportMeta {
  /** 发文机关标志 without 文件, e.g. 焦作市中站区人民政府 */
  issuer: string;
  /** 发文字号, e.g. 焦中政文〔2021〕3号 */
  docNumber: string;
  /** 签发人 (upward report) */
  signer: string;
  /** 标题 */
  title: string;
  /** 主送机关 */
  addressee: string;
  /** 署名 */
  signature: string;
  /** 成文日期 YYYY-MM-DD */
  issueDate: string;
  /** 印发机关 */
  printOrg: string;
  /** 印发日期 YYYY-MM-DD */
  printDate: string;
  /** 抄送机关 (optional) */
  cc?: string;
}

/** The module that supplies a figure, by the metric id's first segment (for "no data" explanations). */
export const moduleOf = (metricId: string) => MODULE_LABELS[metricId.split('.')[0]] ?? { zh: '相关业务模块', en: 'the module concerned' };

/** Default document metadata for a region and year (the office edits it per year). */
export function defaultMeta(regionName: string, issuerFull: string, year: number): ReportMeta {
  return {
    issuer: issuerFull,
    docNumber: '',
    signer: '',
    title: `${regionName}人民政府关于${year}年度法治政府建设工作情况的报告`,
    addressee: '市政府',
    signature: issuerFull,
    issueDate: `${year + 1}-02-25`,
    printOrg: `${regionName}人民政府办公室`,
    printDate: `${year + 1}-02-25`,
  };
}

/**
 * The default template: the structure and wording of a district's report (seed-report.md,
 * 焦作市中站区 2020), with every figure replaced by its metric. `{year}` and `{region}` are filled in.
 */
export const DEFAULT_BLOCKS: Block[] = [
  {
    id: 'intro',
    kind: 'p',
    parts: ['measures'],
    text: '{year}年，在市委、市政府的坚强领导下，我区坚持以习近平新时代中国特色社会主义思想为指导，认真学习贯彻党的十九大和习近平总书记关于法治政府建设的重要指示精神，全面履行法定职能，深入推进依法行政，积极创建法治政府，努力营造法治环境，为全区经济社会高质量发展提供了强有力的法治保障。现将我区{year}年度法治政府建设工作情况报告如下：',
  },
  { id: 'h-1', kind: 'h1', text: '一、总体工作完成情况', parts: ['measures'] },
  {
    id: 'p-1-1',
    kind: 'p',
    lead: '（一）加强组织领导，法治创建扎实有力。',
    parts: ['measures', 'leaders'],
    text: '坚持把依法行政的法治理念贯彻到政府工作各环节、各领域，全面落实法治政府建设责任，推动依法行政成为政府工作常态。**一是成立机构，健全机制。**在区委全面依法治区委员会的领导下，成立了{region}法治政府建设领导小组，区长任组长，常务副区长、分管副区长为副组长，各职能部门推进依法行政具体工作。同时，明确各级各部门一把手为推进依法行政的第一责任人，对本部门本单位依法行政工作负总责，形成了党委统领、政府依法行政、部门依法履职的工作格局。**二是精细推进，严格考核。**[[claim|聚焦《法治政府建设实施纲要》明确的10个方面内容，]]制定印发了《{year}年{region}全面依法治区工作要点》《{region}{year}年度法治政府建设工作安排》，就法治政府建设梳理明确了{{plan.keyWorks}}项重点工作，细化分解了{{plan.keyTasks}}项重点任务，建立推进台账，细化分解责任，逐项推动落实，确保了法治政府创建各项工作落地见效。把法治政府建设与经济社会发展同部署、同考核，研究制定了依法行政考核细则，平时考核与年终考评相结合，以严格考核压力催生了依法行政动力。**三是以学促履，示范带动。**组织开展法治教育专题报告会，组织全区领导干部集中观看学习习近平法治思想。把依法行政纳入第一议题重要学习内容，建立了政府常务会学法制度，全年组织相关专题学习{{learning.executiveStudySessions}}次，开展依法行政知识测试{{learning.legalTests}}次，有效提升了领导干部法治意识和法治思维。',
  },
  {
    id: 'p-1-2',
    kind: 'p',
    lead: '（二）完善决策机制，政府决策日益规范。',
    parts: ['measures'],
    text: '坚持把科学民主依法决策作为法治政府建设的基础要求，建立完善决策议事程序，确保政府决策科学有效。**一是完善政府决策程序。**[[claim|结合省委巡视反馈意见整改要求，研究制定了《{region}人民政府工作规则》《{region}人民政府“三重一大”议事决策规则》，]]对于重大行政决策项目，严格坚持立项审查、调查研究、听取民意、专家咨询、合法性论证和集体讨论决定“六个环节”，提高了政府决策的质量和水平。**二是落实政府法律顾问制度。**推动政府决策合法性审核制度化、常态化，在政府决策过程中更加注重征求律师意见，[[if:advisors.firmsEngaged|今年[[if:advisors.firmsEngaged>1|分别]]与{{advisors.firmsEngaged:names}}签订法律顾问聘用合同，]][[claim|研究制定了政府法律顾问工作规则和考核办法，]]完善法律顾问日常管理和考核机制，充分发挥政府法律顾问的咨询论证、审核把关作用。全年共代理行政诉讼案件{{advisors.litigationRepresented}}件，审核政府签订合同{{advisors.contractsReviewed}}件，审核规范性文件{{advisors.normativeDocsReviewed}}件。**三是加强规范性文件管理。**制定印发了《关于进一步加强规范性文件制定和监督管理工作的通知》，对规范性文件实行“审、登、备、纠”全流程管理，全年审核办理备案规范性文件{{documents.filed}}件。[[if:documents.cleanup.issuedBefore|结合国家相关法律修订以及民法典的出台等新情况，对{{documents.cleanup.issuedBefore:date}}前发布的规范性文件进行了全面清理，保留规范性文件{{documents.cleanup.kept}}件，废止规范性文件{{documents.cleanup.repealed}}件，宣布失效规范性文件{{documents.cleanup.invalidated}}件。]]',
  },
  {
    id: 'p-1-3',
    kind: 'p',
    lead: '（三）加强执法监督，行政执法更加标准。',
    parts: ['measures'],
    text: '全面落实行政执法责任制，扎实推进行政执法标准化建设，有效提升了执法质量和水平。**一是持续深化行政执法体制改革。**[[claim|挂牌成立了农业综合行政执法大队和市场监管综合执法大队，并借鉴其他地区综合行政执法改革经验，拟定了《{region}街道综合行政执法改革工作指导意见（试行）》，]]将城市管理、市场监管、农业等领域执法资源整合并入街道综合执法队，形成了“一支队伍管全部”的执法格局，解决了多头重复执法问题。**二是全面推进行政执法“三项制度”。**印发《行政执法资料汇编》和《河南省全面推行行政执法三项制度知识手册》，组织全区行政执法人员参加了行政执法公示、执法全过程记录、重大执法决定法制审核“三项制度”网络知识竞赛，推动“三项制度”应知应会、全面落地。**三是加强行政执法监督检查。**针对城市管理、市场监管等重点执法领域，梳理违法风险点，开展分级分类防控，建立了行政相对人违法风险清单制度。加强执法案件审查，全年抽查执法部门执法案卷{{enforcement.caseFilesReviewed}}件，评出优秀案卷{{enforcement.excellentCaseFiles}}件。推进“互联网+监管”系统建设，{{enforcement.supervisionUnits}}家单位认领监管事项{{enforcement.supervisionItemsClaimed}}项，主项覆盖{{enforcement.supervisionMainItemsCovered}}项，覆盖率达{{enforcement.supervisionCoverageRate:percent}}，监管执法人员注册{{enforcement.supervisionOfficersRegistered}}人。[[claim|加强行政执法标准化建设，区城管局成功申创市级行政执法责任制示范点。]]**四是加强行政执法队伍建设。**结合党政机构改革，对行政执法人员实行动态管理，先后组织行政执法培训活动{{learning.enforcementTrainings}}次，培训执法人员{{learning.enforcementTrainees:approx100}}人次；组织{{learning.enforcementExamUnits}}家行政执法单位{{learning.enforcementExamParticipants}}名行政执法人员，参加专业法律知识考试和公共法律知识考试，顺利完成了行政执法证的审核换发工作。',
  },
  {
    id: 'p-1-4',
    kind: 'p',
    lead: '（四）规范权力运行，矛盾纠纷有效化解。',
    parts: ['measures'],
    text: '常态监督权力运行，妥善化解行政争议，促进政府权力规范有序运行。**一是主动接受常态监督。**主动接受人大法律监督、工作监督和政协民主监督，全年办理人大建议、批评、意见{{oversight.npcSuggestions}}件、政协提案{{oversight.cppccProposals}}件，满意率均为{{oversight.satisfactionRate:percent}}。加强审计监督，全年审计政府投资基建项目{{oversight.auditProjects}}个，累计审减金额{{oversight.auditReductionWan}}万元；完成{{oversight.economicResponsibilityAudits}}名领导干部经济责任审计，促进了权力规范运行。**二是实行政府权责清单制度。**顺应党政机构改革要求，对政府各部门权责清单进行统一摸底、全面梳理，目前政府部门保留行政权力事项{{powers.departmentItems}}项，公布街道办事处行政权力事项{{powers.subdistrictItems}}项、公共服务事项{{powers.subdistrictPublicServices}}项。**三是高度重视行政复议。**坚持重依据、重证据、重程序，严把复议案件受理、审查、结案关，探索实践行政复议和解、调解结案、简易程序、实地调查、专家咨询等多种审案方式，公正作出行政复议决定，全年受理行政复议案件{{disputes.reconsideration.accepted}}件，法定期限内结案率达到{{disputes.reconsideration.onTimeRate:percent}}。**四是稳妥处理行政诉讼。**推动行政调解与行政诉讼有机衔接，支持法院依法受理审理行政案件，按照“谁主管、谁应诉”的原则，指导当事部门针对行政诉讼案件，厘清案件事实，依托政府法律顾问，依法做好应诉答辩和举证，全年共办理行政诉讼案件{{disputes.litigation.handled}}件[[if:disputes.litigation.closed|，结案{{disputes.litigation.closed}}件]][[if:disputes.litigation.pendingAppeal|，剩余{{disputes.litigation.pendingAppeal}}件上诉未审结]][[if:disputes.litigation.pendingFirst|，{{disputes.litigation.pendingFirst}}件一审尚未审结]]。',
  },
  {
    id: 'p-1-5',
    kind: 'p',
    lead: '（五）改进政务服务，营商环境优化提升。',
    parts: ['measures'],
    text: '坚持把政务服务作为法治政府建设的突破口，为群众提供优质高效便捷服务。**一是深化放管服改革。**印发了《{region}人民政府推进政府职能转变和“放管服”改革{year}年重点工作》，明确了{{plan.reform.majorItems}}大项{{plan.reform.minorItems}}小项任务，{{plan.reform.claimingUnits}}个部门认领落实、逐项推进。[[claim|建成投用区政务服务中心，在全市率先推行“一件事”集成服务改革，设置了企业开办服务专区和“一件事”服务专区，实现了高频服务事项并联办、零延时。]]**二是完善公共法律服务。**加强区、街道、村（社区）三级公共法律服务体系建设，推行窗口化、综合性、一站式服务模式，全面提升公共法律服务水平[[claim|，区公共法律服务中心被评为市级公共法律服务示范点]]。全年受理指派法律援助案件{{legalaid.casesAssigned}}件（民事案件{{legalaid.civilCases}}件、刑事案件{{legalaid.criminalCases}}件），提供法律帮助{{legalaid.legalHelpPersonTimes}}人次，并组织{{legalaid.lawyerTeams}}个律师服务团对{{legalaid.enterprisesChecked}}个重点民营企业进行了法治体检。**三是发挥人民调解作用。**推动调解委员会街道、村（社区）全覆盖，并完善了调解员管理办法，组织开展调解员培训{{learning.mediatorTrainings}}次，有效提高专职调解员业务素质。持续推进“诉调对接、访调对接、警调对接”，受理调处各类社会矛盾纠纷{{mediation.disputesHandled:approx10}}件，调处成功率达{{mediation.successRate:percent}}。',
  },
  {
    id: 'p-1-6',
    kind: 'p',
    lead: '（六）党政主要负责人履行推进法治建设第一责任人职责情况。',
    parts: ['leaders'],
    text: '[[claim|区政府主要负责同志认真履行推进法治建设第一责任人职责，对法治政府建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。全年主持召开政府常务会议专题学法{{learning.executiveStudySessions}}次，听取法治政府建设工作汇报，研究解决重点难点问题；带头出庭应诉，严格落实重大行政决策合法性审查和集体讨论决定制度。]]',
  },
  { id: 'h-2', kind: 'h1', text: '二、存在问题及下步打算', parts: ['shortcomings', 'nextYear'] },
  {
    id: 'p-2-1',
    kind: 'p',
    parts: ['shortcomings'],
    // The seed's wording, kept as an example the office may keep or replace with candidate problems drawn from the records.
    text: '尽管我区法治政府建设取得了一定成效，但对照法治政府建设示范区创建要求和人民群众新期待，还存在着一些短板弱项，如部分部门落实法治建设第一责任人职责力度还不够，基层执法人员专业化水平有待提高，群众信访不信法的现象还时常出现，提升基层治理法治化的任务还很艰巨等。',
  },
  {
    id: 'p-2-2',
    kind: 'p',
    parts: ['nextYear'],
    text: '下一步，我区将以创建法治政府建设示范区为契机，聚焦学法、用法、执法、守法、普法、护法六个关键环节，全面依法履行政府职能，加强政府政务服务，提高政府办事效率，提升依法行政水平，努力开创依法行政工作新局面，为实现“十四五”开好局、起好步，推动经济社会高质量发展提供强有力的法治保障。',
  },
  { id: 'h-3', kind: 'h1', text: '三、其他需要报告的情况', parts: ['other'] },
  {
    id: 'p-3-1',
    kind: 'p',
    parts: ['other'],
    text: '本报告经保密审查后，于{next}年4月1日前通过区政府门户网站向社会公开，接受人民群众监督。',
  },
  { id: 'closing', kind: 'p', text: '特此报告。' },
];

/** A placeholder occurrence in a text. */
export interface Placeholder {
  raw: string;
  metricId: string;
  format?: string;
  index: number;
}

const PH = /\{\{\s*([a-zA-Z][\w.]*)\s*(?::\s*([a-z0-9]+))?\s*\}\}/g;

/** Finds the metric placeholders in a text. */
export function placeholders(text: string): Placeholder[] {
  return [...text.matchAll(PH)].map((m) => ({ raw: m[0], metricId: m[1], format: m[2], index: m.index ?? 0 }));
}

/** Fills `{year}`, `{next}` and `{region}` in a block text. */
export function fillVars(text: string, v: { year: number; region: string }): string {
  return text.replaceAll('{year}', String(v.year)).replaceAll('{next}', String(v.year + 1)).replaceAll('{region}', v.region);
}

/** Formats a metric value for the prose. */
export function formatValue(value: number, unit: string, format?: string): string {
  const f = format ?? (unit === 'percent' ? 'percent' : 'int');
  switch (f) {
    case 'approx10':
      return value >= 10 ? `${Math.floor(value / 10) * 10}余` : String(value);
    case 'approx100':
      return value >= 100 ? `${Math.floor(value / 100) * 100}余` : String(value);
    case 'percent': {
      const r = Math.round(value * 10) / 10;
      return `${Number.isInteger(r) ? r : r.toFixed(1)}%`;
    }
    case 'wan':
      return String(Math.round(value / 1000) / 10);
    default:
      return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  }
}

/**
 * The phrase that introduces each placeholder in the default template (the text back to the previous
 * punctuation), used to spot a typed number that contradicts the metric ("审核政府签订合同 7 件").
 */
export function placeholderPhrases(blocks: Block[]): { metricId: string; phrase: string }[] {
  const out: { metricId: string; phrase: string }[] = [];
  for (const b of blocks) {
    const text = stripMarkup(b.text);
    for (const p of placeholders(text)) {
      if (p.format === 'names' || p.format === 'date') continue;
      const before = text.slice(0, p.index).replace(/\*\*/g, '');
      const cut = Math.max(...['，', '。', '；', '、', '：', '（', '）', '*', '}'].map((c) => before.lastIndexOf(c)));
      const phrase = before.slice(cut + 1).replace(/\{[a-z]+\}/g, '').trim();
      if (phrase.length >= 2) out.push({ metricId: p.metricId, phrase });
    }
  }
  return out;
}

/** Conditional clauses `[[if:metric.id|text]]`, `[[if:metric.id>1|text]]` (innermost first, so they nest). */
const IF = /\[\[if:\s*([a-zA-Z][\w.]*)\s*(?:(>=|>|=)\s*(\d+))?\s*\|((?:(?!\[\[|\]\]).)*)\]\]/gs;

/** The metric ids a text's conditional clauses test (evaluated with the figures). */
export function conditionIds(text: string): string[] {
  return [...text.matchAll(/\[\[if:\s*([a-zA-Z][\w.]*)/g)].map((m) => m[1]);
}

/**
 * Keeps or drops each conditional clause by its figure: shown when the value is above the threshold
 * (above 0 when none is given); a clause whose figure has no data is dropped.
 */
export function expandConditionals(text: string, value: (metricId: string) => number | null): string {
  let out = text;
  for (let i = 0; i < 10; i++) {
    const next = out.replace(IF, (_m, id: string, op: string | undefined, n: string | undefined, inner: string) => {
      const v = value(id);
      if (v === null) return '';
      const k = n === undefined ? 0 : Number(n);
      const keep = op === '>=' ? v >= k : op === '=' ? v === k : v > k;
      return keep ? inner : '';
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

/** A claim `[[claim|…]]` / `[[claim:2020|…]]`: the office's own text, and the year it was confirmed for. */
export const CLAIM = /\[\[claim(?::(\d{4}))?\|((?:(?!\[\[claim|\]\]).)*)\]\]/gs;

/** The claims of a text. */
export function claimsOf(text: string): { raw: string; confirmedFor: number | null; text: string; index: number }[] {
  return [...text.matchAll(CLAIM)].map((m) => ({ raw: m[0], confirmedFor: m[1] ? Number(m[1]) : null, text: m[2], index: m.index ?? 0 }));
}

/** Marks every claim of a block text confirmed for a year (or, with `only`, the claim with that text). */
export function confirmClaims(text: string, year: number, only?: string): string {
  return text.replace(CLAIM, (raw, _y: string | undefined, inner: string) => (only === undefined || inner === only ? `[[claim:${year}|${inner}]]` : raw));
}

/** Joins names as officials write a list: 甲; 甲和乙; 甲、乙和丙. */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;
}

/** YYYY-MM-DD → 2019年10月1日. */
export const zhDay = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

/** A text without its clause and claim markup (the words as they would read with every clause shown). */
export function stripMarkup(text: string): string {
  return text.replace(/\[\[(?:if:[^|]*|claim(?::\d{4})?)\|/g, '').replace(/\]\]/g, '');
}
