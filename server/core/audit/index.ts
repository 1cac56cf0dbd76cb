import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';

/** Who did it, from where. */
export interface AuditActor {
  userId: string | null;
  name: string | null;
  ip: string | null;
}

/** One audit event: the entity touched and its state before and after. */
export interface AuditEvent {
  entity: string;
  entityId?: string | null;
  action: string;
  regionId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);
/** Advisory lock key serialising appends so the chain has no forks. */
const AUDIT_LOCK = 7_040_803;

/** JSON with sorted keys, so jsonb's reordering cannot change a hash. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Turns Dates into ISO strings etc. — what jsonb will give back. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

interface HashInput {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  region_id: string | null;
  unit_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
}

/** sha256 over the canonical entry including the previous entry's hash. */
export function entryHash(e: HashInput): string {
  return createHash('sha256').update(canonical(e)).digest('hex');
}

/**
 * Appends an audit entry in the caller's transaction. Must be called with the same `trx` as the
 * write it records, so both commit or neither does.
 */
export async function recordAudit(trx: Db, actor: AuditActor, ev: AuditEvent): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const entry: HashInput = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor_id: actor.userId,
    actor_name: actor.name,
    ip: actor.ip,
    entity: ev.entity,
    entity_id: ev.entityId ?? null,
    action: ev.action,
    region_id: ev.regionId ?? null,
    unit_id: ev.unitId ?? null,
    before: plain(ev.before),
    after: plain(ev.after),
    prev_hash: last?.hash ?? GENESIS,
  };
  const hash = entryHash(entry);
  await trx
    .insertInto('audit_log')
    .values({
      ...entry,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      hash,
    })
    .execute();
}

/** Result of verifying the chain. */
export interface VerifyResult {
  ok: boolean;
  count: number;
  /** First entry whose content or link is wrong, or the first missing seq. */
  firstBad?: { seq: number; problem: 'altered' | 'missing' | 'broken-link' };
  /** Hash of the last entry: keep it outside the database to detect a truncated tail later. */
  head?: string;
}

/** Walks the chain in order; names the first altered or missing entry. */
export async function verifyAudit(db: Db): Promise<VerifyResult> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  const page = 2000;
  let cursor = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', cursor).orderBy('seq').limit(page).execute();
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1].seq;
    for (const r of rows) {
      if (r.seq !== expectedSeq) return { ok: false, count, firstBad: { seq: expectedSeq, problem: 'missing' } };
      if (r.prev_hash !== prev) return { ok: false, count, firstBad: { seq: r.seq, problem: 'broken-link' } };
      const h = entryHash({
        seq: r.seq,
        at: r.at.toISOString(),
        actor_id: r.actor_id,
        actor_name: r.actor_name,
        ip: r.ip,
        entity: r.entity,
        entity_id: r.entity_id,
        action: r.action,
        region_id: r.region_id,
        unit_id: r.unit_id,
        before: r.before,
        after: r.after,
        prev_hash: r.prev_hash,
      });
      if (h !== r.hash) return { ok: false, count, firstBad: { seq: r.seq, problem: 'altered' } };
      prev = r.hash;
      expectedSeq++;
      count++;
    }
  }
  return { ok: true, count, head: prev };
}
