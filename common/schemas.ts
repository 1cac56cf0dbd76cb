import { z } from 'zod';
import { ROLES, UNIT_TYPES } from './roles.js';

/** A uuid id. */
export const Id = z.uuid();
/**
 * Years a date of this platform's records may fall in. Records reach back to units founded after
 * 1949 and deadlines run a few decades ahead; outside this range a date is a typing mistake (and year
 * 0000 or 9999 break PostgreSQL and date arithmetic), so it is refused with a clear message.
 */
export const DATE_MIN_YEAR = 1900;
export const DATE_MAX_YEAR = 2100;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
/**
 * 'YYYY-MM-DD' that is a real date between DATE_MIN_YEAR and DATE_MAX_YEAR. One message per bad date:
 * each check passes what an earlier one already refused (no `abort`, which would also silence the
 * object-level rules of the form that holds the date).
 */
export const DateStr = z
  .string()
  // Messages name the field, in the request's language (common/messages.ts reads these params).
  .regex(ISO_DATE)
  .refine((s) => !ISO_DATE.test(s) || realDate(s), { params: { fz: 'invalidDate' } })
  .refine((s) => !ISO_DATE.test(s) || !realDate(s) || (Number(s.slice(0, 4)) >= DATE_MIN_YEAR && Number(s.slice(0, 4)) <= DATE_MAX_YEAR), {
    params: { fz: 'dateRange', min: DATE_MIN_YEAR, max: DATE_MAX_YEAR },
  });
/** Page/sort query shared by every list endpoint. */
export const ListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().max(100).optional(),
});
/** A paginated answer. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Sign-in request. */
export const LoginInput = z.object({
  username: z.string().trim().min(1, { message: '请输入用户名' }).max(40),
  password: z.string().min(1, { message: '请输入密码' }).max(128),
});
/** Password change request. */
export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

/** Region code: 6, 9 or 12 digits (national administrative division code). */
export const RegionCode = z.string().regex(/^[0-9]{6}([0-9]{3}){0,2}$/, { message: '行政区划代码应为6、9或12位数字' });
/** Create a region. */
export const RegionInput = z.object({
  code: RegionCode,
  name: z.string().trim().min(1).max(60),
  level: z.enum(['province', 'city', 'district', 'subdistrict', 'community']),
  parentId: Id.nullable(),
});

/** Create or edit a unit. */
export const UnitInput = z.object({
  name: z.string().trim().min(2, { message: '单位名称至少2个字' }).max(80),
  shortName: z.string().trim().max(40).nullish(),
  code: z.string().trim().max(40).nullish(),
  type: z.enum(Object.keys(UNIT_TYPES) as [keyof typeof UNIT_TYPES, ...(keyof typeof UNIT_TYPES)[]]),
  regionId: Id,
  parentId: Id.nullish(),
  activeFrom: DateStr.nullish(),
  activeTo: DateStr.nullish(),
  sort: z.number().int().min(0).max(100000).optional(),
});

/** A role grant in a request. */
export const GrantInput = z
  .object({ role: z.enum(ROLES), unitId: Id.nullish(), regionId: Id.nullish() })
  .refine((g) => !!g.unitId !== !!g.regionId, { message: '角色须指定单位或区域之一', path: ['unitId'] });

/** Create a user. */
export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_.-]{3,40}$/, { message: '用户名为3-40位小写字母、数字或 _ . -' }),
  displayName: z.string().trim().min(1).max(40),
  unitId: Id.nullish(),
  phone: z.string().trim().max(30).nullish(),
  password: z.string().min(1).max(128),
  grants: z.array(GrantInput).max(20).default([]),
});
/** Edit a user. */
export const UserPatch = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  unitId: Id.nullish(),
  phone: z.string().trim().max(30).nullish(),
  active: z.boolean().optional(),
});

// ---------------------------------------------------------------- org response contracts

/** A region. */
export const RegionOut = z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string(), parentId: z.string().nullable() });
/** A unit. */
export const UnitOut = z.object({
  id: z.string(), name: z.string(), shortName: z.string().nullable(), code: z.string().nullable(), type: z.string(),
  regionId: z.string(), parentId: z.string().nullable(), activeFrom: z.string().nullable(), activeTo: z.string().nullable(), sort: z.number(),
  regionName: z.string().optional(),
});
/** A role grant. */
export const GrantOut = z.object({ id: z.string(), role: z.string(), unitId: z.string().nullable(), regionId: z.string().nullable() });
/** A user account. */
export const UserOut = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), unitId: z.string().nullable(), unitName: z.string().nullable().optional(),
  active: z.boolean(), locked: z.boolean().optional(), phone: z.string().nullable().optional(), mustChangePassword: z.boolean().optional(),
  grants: z.array(GrantOut).optional(),
});
export type RegionOut = z.infer<typeof RegionOut>;
export type UnitOut = z.infer<typeof UnitOut>;
export type GrantOut = z.infer<typeof GrantOut>;
export type UserOut = z.infer<typeof UserOut>;
/** `GET /api/v1/regions`. */
export const RegionList = z.object({ items: z.array(RegionOut) });
/** `GET /api/v1/units`. */
export const UnitList = z.object({ items: z.array(UnitOut) });
/** `GET /api/v1/users`. */
export const UserList = z.object({ items: z.array(UserOut) });
/** A page of a list endpoint, as the web reads it. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
