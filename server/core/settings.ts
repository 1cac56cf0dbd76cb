import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/index.js';
import { recordAudit } from './audit/index.js';
import { badRequest, forbidden } from './errors/index.js';
import { auditActor, type Actor } from './scope/index.js';
import type { Msg } from './errors/index.js';

/** A system setting: key, schema, default, label. Modules declare theirs. */
export interface SettingDef<T = unknown> {
  key: string;
  label: Msg;
  schema: z.ZodType<T>;
  default: T;
}

const defs = new Map<string, SettingDef>();
/** Declares a setting (module start-up). */
export function defineSetting<T>(d: SettingDef<T>): SettingDef<T> {
  defs.set(d.key, d as SettingDef);
  return d;
}

/** Reads a setting (default when unset). */
export async function getSetting<T>(db: Db, def: SettingDef<T>): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', def.key).executeTakeFirst();
  if (!row) return def.default;
  const p = def.schema.safeParse(row.value);
  return p.success ? p.data : def.default;
}

/** All settings with values, for the admin page. */
export async function listSettings(db: Db) {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return [...defs.values()].map((d) => ({
    key: d.key,
    label: d.label,
    value: rows.find((r) => r.key === d.key)?.value ?? d.default,
    default: d.default,
  }));
}

/** Changes a setting (admin), validated by its schema, audited. */
export async function putSetting(db: Kysely<Database>, actor: Actor, key: string, value: unknown) {
  if (!actor.isAdmin) throw forbidden();
  const def = defs.get(key);
  if (!def) throw badRequest('UNKNOWN_SETTING', { zh: `未知设置项 ${key}`, en: `Unknown setting ${key}` });
  const p = def.schema.safeParse(value);
  if (!p.success) throw badRequest('INVALID_SETTING', { zh: `设置值无效：${p.error.issues[0]?.message}`, en: `Invalid value: ${p.error.issues[0]?.message}` });
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    await trx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(p.data) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(p.data), updated_at: new Date() }))
      .execute();
    await recordAudit(trx, auditActor(actor), { entity: 'setting', entityId: key, action: 'update', before: before?.value ?? null, after: p.data });
  });
}

/** The district's display name shown in the header and documents. */
export const SiteName = defineSetting({
  key: 'site.name',
  label: { zh: '系统名称', en: 'Site name' },
  schema: z.string().min(2).max(60),
  default: '法治政府建设综合管理平台',
});
