import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/index.js';
import type { Config } from '../../config.js';
import { AppError, badRequest, unauthorized } from '../errors/index.js';
import { recordAudit } from '../audit/index.js';
import { buildActor, type Actor } from '../scope/index.js';
import { hashPassword, verifyPassword, DUMMY_HASH_PROMISE } from './password.js';
import { passwordProblems } from '../../../common/roles.js';

/** Consecutive failures that lock an account, and for how long. */
export const ACCOUNT_MAX_FAILURES = 5;
export const ACCOUNT_LOCK_MINUTES = 15;
/** Failures from one IP within the window before it is refused. */
export const IP_MAX_FAILURES = 20;
export const IP_WINDOW_MINUTES = 15;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let dummyHash: Promise<string> | null = null;

/** Result of a successful sign-in. */
export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
}

/**
 * Counts one sign-in attempt against the client address and returns the count in this window, in
 * one statement (the upsert locks the address's row), so concurrent attempts each see their own
 * number. The attempt is charged before the password is checked and refunded on success.
 */
async function chargeAddress(db: Kysely<Database>, ip: string): Promise<number> {
  const r = await sql<{ failures: number }>`
    insert into login_throttle as t (ip, window_start, failures) values (${ip}, now(), 1)
    on conflict (ip) do update set
      failures = case when t.window_start < now() - make_interval(mins => ${IP_WINDOW_MINUTES}) then 1 else t.failures + 1 end,
      window_start = case when t.window_start < now() - make_interval(mins => ${IP_WINDOW_MINUTES}) then now() else t.window_start end
    returning failures`.execute(db);
  return r.rows[0].failures;
}

/**
 * Counts one attempt against the account unless it is locked, and returns the account as it is after
 * the count — one statement, so of N concurrent guesses exactly one sees each number 1…N.
 */
async function chargeAccount(db: Kysely<Database>, username: string) {
  const r = await sql<UserRow & { locked: boolean }>`
    update users set failed_logins = case when locked_until > now() then failed_logins else failed_logins + 1 end
    where username = ${username}
    returning *, coalesce(locked_until > now(), false) as locked`.execute(db);
  return r.rows[0];
}

type UserRow = Selectable<Database['users']>;

const lockedError = (lockedUntil: Date | null) => {
  const minutes = Math.max(1, Math.ceil(((lockedUntil?.getTime() ?? Date.now() + ACCOUNT_LOCK_MINUTES * 60_000) - Date.now()) / 60_000));
  return new AppError(423, 'ACCOUNT_LOCKED', {
    zh: `账号因连续登录失败已被临时锁定，请${minutes}分钟后再试`,
    en: `The account is locked after repeated failures; try again in ${minutes} minutes`,
  });
};

/**
 * Signs a person in. Throttles per client address (more than 20 failures in 15 minutes → 429) and
 * per account (5 consecutive failures → locked for 15 minutes); answers alike for unknown users and
 * wrong passwords. Both counters are charged atomically *before* the slow password check, so a burst
 * of concurrent guesses gets exactly the allowed number checked and the rest refused.
 */
export async function login(
  db: Kysely<Database>,
  cfg: Config,
  input: { username: string; password: string; ip: string; userAgent?: string },
): Promise<LoginResult> {
  if ((await chargeAddress(db, input.ip)) > IP_MAX_FAILURES) {
    throw new AppError(429, 'LOGIN_THROTTLED', {
      zh: `登录失败次数过多，请${IP_WINDOW_MINUTES}分钟后再试`,
      en: `Too many failed sign-ins; try again in ${IP_WINDOW_MINUTES} minutes`,
    });
  }
  const username = input.username.trim().toLowerCase();
  const user = await chargeAccount(db, username);
  if (user?.locked) throw lockedError(user.locked_until);
  // Attempts beyond the allowance that were already in flight when the lock was decided.
  if (user && user.failed_logins > ACCOUNT_MAX_FAILURES) throw lockedError(null);
  dummyHash ??= DUMMY_HASH_PROMISE(cfg.scryptN);
  const ok = user && user.active ? await verifyPassword(input.password, user.password_hash) : await verifyPassword(input.password, await dummyHash).then(() => false);
  if (!user || !ok) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('login_failures').values({ ip: input.ip, username }).execute();
      // The attempt that brought the count to the limit locks the account (only one attempt can).
      if (user && user.failed_logins === ACCOUNT_MAX_FAILURES) {
        await trx
          .updateTable('users')
          .set({ failed_logins: 0, locked_until: new Date(Date.now() + ACCOUNT_LOCK_MINUTES * 60_000) })
          .where('id', '=', user.id)
          .execute();
        await recordAudit(trx, { userId: null, name: null, ip: input.ip }, {
          entity: 'user', entityId: user.id, action: 'lock', after: { lockedMinutes: ACCOUNT_LOCK_MINUTES },
        });
      }
    });
    throw unauthorized('LOGIN_FAILED', { zh: '用户名或密码错误', en: 'Wrong username or password' });
  }
  // A successful sign-in is not a failure: refund the address's charge.
  await sql`update login_throttle set failures = greatest(failures - 1, 0) where ip = ${input.ip}`.execute(db);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const actor = await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sha(token),
        user_id: user.id,
        csrf_token: csrfToken,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        expires_at: new Date(Date.now() + cfg.sessionAbsoluteHours * 3600_000),
      })
      .execute();
    await recordAudit(trx, { userId: user.id, name: user.display_name, ip: input.ip }, {
      entity: 'session', entityId: user.id, action: 'login',
    });
    return buildActor(trx, user, input.ip);
  });
  actor.sessionId = sha(token);
  return { token, csrfToken, actor };
}

/**
 * Per-process cache of resolved sessions (a few seconds), so a request costs one query instead of
 * four. Any change to users, grants or sessions clears it (`invalidateSessionCache`), and the TTL
 * bounds staleness across processes sharing a PostgreSQL server.
 */
const SESSION_CACHE_MS = 10_000;
const sessionCache = new Map<string, { at: number; lastSeen: number; expires: number; actor: Actor; csrfToken: string }>();

/** Forgets every cached session (call after any change to users, grants or sessions). */
export function invalidateSessionCache() {
  sessionCache.clear();
}

/** A loaded session: the actor and its CSRF token. */
export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
}

/**
 * Resolves a session cookie. Expired sessions (idle or absolute) are deleted and answer
 * `SESSION_EXPIRED` so the UI can send the user back to sign-in.
 */
export async function loadSession(db: Kysely<Database>, cfg: Config, token: string, ip: string | null): Promise<LoadedSession> {
  const id = sha(token);
  const now0 = Date.now();
  const hit = sessionCache.get(id);
  if (hit && now0 - hit.at < SESSION_CACHE_MS && hit.expires > now0 && hit.lastSeen + cfg.sessionIdleMinutes * 60_000 > now0) {
    return { actor: { ...hit.actor, ip }, csrfToken: hit.csrfToken };
  }
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as sid', 's.csrf_token', 's.last_seen_at', 's.expires_at', 'u.id', 'u.username', 'u.display_name', 'u.unit_id', 'u.must_change_password', 'u.active'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) throw unauthorized('SESSION_EXPIRED', { zh: '登录已失效，请重新登录', en: 'Your session has ended; please sign in again' });
  const now = Date.now();
  const idleLimit = row.last_seen_at.getTime() + cfg.sessionIdleMinutes * 60_000;
  if (!row.active || row.expires_at.getTime() < now || idleLimit < now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    throw unauthorized('SESSION_EXPIRED', { zh: '登录已超时，请重新登录', en: 'Your session has expired; please sign in again' });
  }
  if (now - row.last_seen_at.getTime() > 30_000) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id', '=', id).execute();
  }
  const actor = await buildActor(db, row, ip);
  actor.sessionId = id;
  sessionCache.set(id, { at: now, lastSeen: now, expires: row.expires_at.getTime(), actor, csrfToken: row.csrf_token });
  if (sessionCache.size > 10_000) sessionCache.clear();
  return { actor, csrfToken: row.csrf_token };
}

/** Ends a session. */
export async function logout(db: Kysely<Database>, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (actor.sessionId) await trx.deleteFrom('sessions').where('id', '=', actor.sessionId).execute();
    await recordAudit(trx, { userId: actor.userId, name: actor.displayName, ip: actor.ip }, {
      entity: 'session', entityId: actor.userId, action: 'logout',
    });
  });
  invalidateSessionCache();
}

/** Throws 400 naming the policy rules a new password breaks. */
export function assertPasswordPolicy(password: string, username: string, field = 'newPassword'): void {
  const problems = passwordProblems(password, username);
  if (problems.length)
    throw badRequest('PASSWORD_POLICY', { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') }, {
      fields: problems.map((p) => ({ path: field, message: p.zh })),
    });
}

/** Changes the actor's own password after checking the current one; ends their other sessions. */
export async function changePassword(
  db: Kysely<Database>,
  cfg: Config,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.password_hash)))
    throw badRequest('WRONG_PASSWORD', { zh: '当前密码不正确', en: 'The current password is wrong' }, {
      fields: [{ path: 'currentPassword', message: '当前密码不正确' }],
    });
  assertPasswordPolicy(input.newPassword, user.username);
  if (input.currentPassword === input.newPassword)
    throw badRequest('PASSWORD_UNCHANGED', { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' });
  const hash = await hashPassword(input.newPassword, cfg.scryptN);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: false, password_changed_at: new Date() })
      .where('id', '=', actor.userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', actor.userId).where('id', '!=', actor.sessionId ?? '').execute();
    await recordAudit(trx, { userId: actor.userId, name: actor.displayName, ip: actor.ip }, {
      entity: 'user', entityId: actor.userId, action: 'change_password',
    });
  });
  invalidateSessionCache();
}
