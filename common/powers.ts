import { z } from 'zod';
import { DateStr, Id, ListQuery } from './schemas.js';

/** The power-and-responsibility list (权责清单): labels and schemas shared by server and web. */

/**
 * Categories "9+X" (REFERENCE §8: 河南 county/township 通用目录) plus 公共服务事项, which is listed
 * separately from the administrative powers.
 */
export const POWER_CATEGORIES = {
  licensing: { zh: '行政许可', en: 'Licensing' },
  penalty: { zh: '行政处罚', en: 'Penalty' },
  coercion: { zh: '行政强制', en: 'Coercive measure' },
  levy: { zh: '行政征收', en: 'Levy' },
  benefit: { zh: '行政给付', en: 'Benefit' },
  inspection: { zh: '行政检查', en: 'Inspection' },
  confirmation: { zh: '行政确认', en: 'Confirmation' },
  reward: { zh: '行政奖励', en: 'Reward' },
  adjudication: { zh: '行政裁决', en: 'Adjudication' },
  other: { zh: '其他行政权力', en: 'Other power' },
  public_service: { zh: '公共服务事项', en: 'Public service' },
} as const;
/** A category key. */
export type PowerCategory = keyof typeof POWER_CATEGORIES;
export const POWER_CATEGORY_KEYS = Object.keys(POWER_CATEGORIES) as [PowerCategory, ...PowerCategory[]];

/**
 * Categories of older local lists mapped onto the current ones at import (REFERENCE §8: 淄博 2014 used
 * 行政审批/行政监督/行政收费, 抚州 2017 行政调解).
 */
export const LEGACY_CATEGORIES: Record<string, PowerCategory> = {
  行政审批: 'licensing', 非行政许可审批: 'other', 行政监督: 'inspection', 行政收费: 'levy', 行政调解: 'other', 其他职权: 'other', 其他权力: 'other', 公共服务: 'public_service',
};

/** Kinds of change to the list. */
export const CHANGE_KINDS = {
  add: { zh: '新增', en: 'Added' },
  amend: { zh: '调整', en: 'Amended' },
  remove: { zh: '取消', en: 'Removed' },
  transfer: { zh: '划转', en: 'Transferred' },
} as const;
/** A change kind key. */
export type ChangeKind = keyof typeof CHANGE_KINDS;

const Text = (max: number, min = 1) => z.string().trim().min(min).max(max);

/** The approval every change carries: who approved it (文号) and when it takes effect. */
export const Approval = z.object({
  /** Approval document (e.g. 中站编〔2020〕5号). */
  approvalRef: Text(100, 2),
  approvedOn: DateStr,
  /** The date the list changes. */
  effectiveOn: DateStr,
  reason: z.string().trim().max(1000).default(''),
});

/** The content of a list item. */
export const PowerFields = z.object({
  code: Text(60),
  name: Text(300, 2),
  category: z.enum(POWER_CATEGORY_KEYS),
  /** Legal basis: law and article. */
  basis: Text(4000, 2),
  /** Responsibility items (受理、审查、决定、送达、事后监管…). */
  responsibility: z.string().trim().max(4000).default(''),
  /** Accountability (追责情形). */
  accountability: z.string().trim().max(4000).default(''),
});

/** Adding an item to a unit's list. */
export const AddPowerInput = PowerFields.extend({ unitId: Id }).and(Approval);
export type AddPowerInput = z.infer<typeof AddPowerInput>;
/** Amending an item (a new version from the effective date). */
export const AmendPowerInput = PowerFields.partial().and(Approval);
export type AmendPowerInput = z.infer<typeof AmendPowerInput>;
/** Removing an item from the list. */
export const RemovePowerInput = Approval;
export type RemovePowerInput = z.infer<typeof RemovePowerInput>;
/** Transferring an item to another unit (e.g. a subdistrict's comprehensive enforcement team). */
export const TransferPowerInput = z.object({ toUnitId: Id }).and(Approval);
export type TransferPowerInput = z.infer<typeof TransferPowerInput>;

/** List filters: unit, category, keyword, and the date the list is shown as of. */
export const PowerListQuery = ListQuery.extend({
  unitId: Id.optional(),
  category: z.enum(POWER_CATEGORY_KEYS).optional(),
  level: z.enum(['department', 'subdistrict']).optional(),
  asOf: DateStr.optional(),
});
export type PowerListQuery = z.infer<typeof PowerListQuery>;
/** The public query (portal): the district by its code. */
export const PublicPowerQuery = PowerListQuery.extend({ region: z.string().regex(/^[0-9]{6}$/, { message: '行政区划代码应为6位数字' }) });
export type PublicPowerQuery = z.infer<typeof PublicPowerQuery>;

/** A list item (one version). */
export const PowerOut = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string(), level: z.enum(['department', 'subdistrict']), code: z.string(), name: z.string(),
  category: z.enum(POWER_CATEGORY_KEYS), categoryLabel: z.string(), basis: z.string(), responsibility: z.string(), accountability: z.string(),
  version: z.number(), effectiveFrom: z.string(), effectiveTo: z.string().nullable(),
});
export type PowerOut = z.infer<typeof PowerOut>;
/** A change to the list with its approval. */
export const PowerChangeOut = z.object({
  id: z.string(), kind: z.enum(['add', 'amend', 'remove', 'transfer']), kindLabel: z.string(), itemCode: z.string(), itemName: z.string(),
  unitName: z.string(), toUnitName: z.string().nullable(), approvalRef: z.string(), approvedOn: z.string(), effectiveOn: z.string(), reason: z.string(),
});
export type PowerChangeOut = z.infer<typeof PowerChangeOut>;
/** An item with its version history. */
export const PowerDetailOut = PowerOut.extend({ history: z.array(PowerChangeOut), canChange: z.boolean() });
export type PowerDetailOut = z.infer<typeof PowerDetailOut>;

// ————————————————————————————— "一件事" integrated services —————————————————————————————

/** States of an integrated service: drafted by the office, published in the catalogue, withdrawn from it. */
export const SERVICE_STATUSES = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} as const;
/** A service status key. */
export type ServiceStatus = keyof typeof SERVICE_STATUSES;
const SERVICE_STATUS_KEYS = Object.keys(SERVICE_STATUSES) as [ServiceStatus, ...ServiceStatus[]];

/** Limits shared by the form and the server. */
export const SERVICE_LIMITS = { minItems: 2, maxItems: 50, maxDocuments: 60, maxPromisedDays: 365, maxTasks: 20 } as const;

/** An integrated service ("一件事") as the office drafts or edits it. */
export const ServiceInput = z
  .object({
    /** Catalogue code (e.g. YJS-001), unique in the district. */
    code: Text(40),
    /** The service (企业开办、新生儿出生…). */
    name: Text(100, 2),
    /** The unit that runs the window (牵头单位). */
    leadUnitId: Id,
    /** Where it is handled (办理窗口). */
    window: Text(200, 2),
    /** The documents asked once for the whole bundle (一次告知、一表申请). */
    documents: z.array(Text(200)).min(1, { message: '请至少列出一项申请材料' }).max(SERVICE_LIMITS.maxDocuments),
    /** Promised time in working days (承诺时限). */
    promisedDays: z.number({ message: '请填写承诺时限（工作日）' }).int({ message: '承诺时限应为整数天' }).min(1, { message: '承诺时限应为正数' }).max(SERVICE_LIMITS.maxPromisedDays),
    /** The power-list items bundled (current versions), in the order they are handled. */
    powerItemIds: z.array(Id).min(SERVICE_LIMITS.minItems, { message: `“一件事”应至少整合${SERVICE_LIMITS.minItems}个清单事项` }).max(SERVICE_LIMITS.maxItems),
    /** Reform tasks of the plan that this service delivers. */
    taskIds: z.array(Id).max(SERVICE_LIMITS.maxTasks).default([]),
    description: z.string().trim().max(4000).default(''),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.powerItemIds).size !== v.powerItemIds.length) ctx.addIssue({ code: 'custom', path: ['powerItemIds'], message: '清单事项重复' });
    if (new Set(v.taskIds).size !== v.taskIds.length) ctx.addIssue({ code: 'custom', path: ['taskIds'], message: '改革任务重复' });
    if (new Set(v.documents.map((d) => d.trim())).size !== v.documents.length) ctx.addIssue({ code: 'custom', path: ['documents'], message: '申请材料重复' });
  });
export type ServiceInput = z.infer<typeof ServiceInput>;

/** Publishing a service in the catalogue. */
export const PublishServiceInput = z.object({ publishedOn: DateStr });
export type PublishServiceInput = z.infer<typeof PublishServiceInput>;
/** Withdrawing a published service, with the reason. */
export const WithdrawServiceInput = z.object({ withdrawnOn: DateStr, reason: Text(500, 2) });
export type WithdrawServiceInput = z.infer<typeof WithdrawServiceInput>;

/** Service list filters. */
export const ServiceListQuery = ListQuery.extend({
  status: z.enum(SERVICE_STATUS_KEYS).optional(),
  unitId: Id.optional(),
  /** The services a plan reform task delivers. */
  taskId: Id.optional(),
});
export type ServiceListQuery = z.infer<typeof ServiceListQuery>;
/** The public catalogue: the district by its code. */
export const PublicServiceQuery = ListQuery.extend({ region: z.string().regex(/^[0-9]{6}$/, { message: '行政区划代码应为6位数字' }) });
export type PublicServiceQuery = z.infer<typeof PublicServiceQuery>;

/** A bundled item as a service shows it (with its unit, and whether the version is still the current one). */
export const ServiceItemOut = z.object({
  id: z.string(), code: z.string(), name: z.string(), category: z.enum(POWER_CATEGORY_KEYS), categoryLabel: z.string(), unitId: z.string(), unitName: z.string(),
  basis: z.string(), current: z.boolean(),
});
/** A linked reform task. */
export const ServiceTaskOut = z.object({ id: z.string(), title: z.string(), planTitle: z.string(), unitName: z.string() });
/** A service in a list or the catalogue. */
export const ServiceSummaryOut = z.object({
  id: z.string(), code: z.string(), name: z.string(), leadUnitId: z.string(), leadUnitName: z.string(), window: z.string(), promisedDays: z.number(),
  status: z.enum(SERVICE_STATUS_KEYS), statusLabel: z.string(), publishedOn: z.string().nullable(), itemCount: z.number(), unitCount: z.number(),
  documentCount: z.number(),
});
export type ServiceSummaryOut = z.infer<typeof ServiceSummaryOut>;
/** A service with its items, documents and linked tasks. */
export const ServiceOut = ServiceSummaryOut.extend({
  documents: z.array(z.string()), description: z.string(), withdrawnOn: z.string().nullable(), withdrawReason: z.string().nullable(),
  items: z.array(ServiceItemOut), tasks: z.array(ServiceTaskOut),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean(), withdraw: z.boolean() }),
});
export type ServiceOut = z.infer<typeof ServiceOut>;
/** A service in the public catalogue (no internal links). */
export const PublicServiceOut = ServiceSummaryOut.extend({ documents: z.array(z.string()), description: z.string(), items: z.array(ServiceItemOut.omit({ current: true })) });
export type PublicServiceOut = z.infer<typeof PublicServiceOut>;
