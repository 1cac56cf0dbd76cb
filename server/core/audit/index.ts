import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { auditMac } from './key.js';

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
/** The frozen chain of entries written before per-region chains. */
const LEGACY_CHAIN = '';
/** The chain of events that belong to no region (sign-ins, users, system settings). */
export const SYSTEM_CHAIN = 'system';

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
  /** The chain (absent from the hash of legacy entries, which were hashed before chains existed). */
  chain?: string;
  /** Position in the chain. */
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

/**
 * The entry's hash over its canonical form including the previous entry's hash: HMAC-SHA256 under the
 * audit key (kept outside the database) for per-region chains; plain SHA-256 for the frozen legacy chain.
 */
export function entryHash(e: HashInput): string {
  if (e.chain === undefined) return createHash('sha256').update(canonical(e)).digest('hex');
  return auditMac(canonical(e));
}

/**
 * Appends an audit entry in the caller's transaction. Must be called with the same `trx` as the
 * write it records, so both commit or neither does. Entries are chained per region: the append locks
 * only its chain's head row, so districts never wait on each other.
 */
export async function recordAudit(trx: Db, actor: AuditActor, ev: AuditEvent): Promise<void> {
  const chain = ev.regionId ?? SYSTEM_CHAIN;
  await trx.insertInto('audit_heads').values({ chain, seq: 0, hash: GENESIS }).onConflict((oc) => oc.column('chain').doNothing()).execute();
  const head = await trx.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain).forUpdate().executeTakeFirstOrThrow();
  const entry: HashInput = {
    chain,
    seq: head.seq + 1,
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
    prev_hash: head.hash,
  };
  const hash = entryHash(entry);
  await trx
    .insertInto('audit_log')
    .values({
      chain,
      chain_seq: entry.seq,
      at: entry.at,
      actor_id: entry.actor_id,
      actor_name: entry.actor_name,
      ip: entry.ip,
      entity: entry.entity,
      entity_id: entry.entity_id,
      action: entry.action,
      region_id: entry.region_id,
      unit_id: entry.unit_id,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      prev_hash: entry.prev_hash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_heads').set({ seq: entry.seq, hash }).where('chain', '=', chain).execute();
}

/** System-wide entities that change figures (the working calendar moves deadlines; settings name categories). */
const FIGURE_SYSTEM_ENTITIES = ['calendar_override', 'setting'];

/**
 * A number that grows with every audited write in a region's subtree (the sum of those chains' heads) and
 * with every system-wide change that moves figures (calendar, settings) — not with sign-ins. Equal numbers
 * mean no such write happened between two readings: what a cache of figures over that region checks
 * before it answers.
 */
export async function auditVersion(db: Db, regionPath: string): Promise<string> {
  const r = await sql<{ v: string | number; n: string | number; s: string | number | null }>`
    select coalesce(sum(h.seq), 0) as v, count(*) as n,
      (select max(a.seq) from audit_log a where a.entity in (${sql.join(FIGURE_SYSTEM_ENTITIES)})) as s
    from audit_heads h
    where h.chain in (select r.id::text from regions r where r.path = ${regionPath} or r.path like ${`${regionPath}/%`})`.execute(db);
  return `${r.rows[0].v}/${r.rows[0].n}/${r.rows[0].s ?? 0}`;
}

/** Rows per multi-row insert of audit entries (well below PostgreSQL's 65,535 bind parameters at 15 per row). */
const AUDIT_BATCH = 1000;

/**
 * Appends many audit entries in the caller's transaction, as `recordAudit` would one by one, in far
 * fewer round trips: per chain the head is locked once, the entries are hashed in order (each on the
 * previous one's hash, exactly as single appends chain them), written by multi-row inserts, and the head
 * moved once. For bulk writes (imports); the chains verify the same as with single appends.
 */
export async function recordAuditMany(trx: Db, actor: AuditActor, events: AuditEvent[]): Promise<void> {
  const byChain = new Map<string, AuditEvent[]>();
  for (const ev of events) {
    const chain = ev.regionId ?? SYSTEM_CHAIN;
    const list = byChain.get(chain);
    if (list) list.push(ev);
    else byChain.set(chain, [ev]);
  }
  // Chains in a fixed order, so two bulk writers touching the same chains lock them in the same order.
  for (const chain of [...byChain.keys()].sort()) {
    const evs = byChain.get(chain)!;
    await trx.insertInto('audit_heads').values({ chain, seq: 0, hash: GENESIS }).onConflict((oc) => oc.column('chain').doNothing()).execute();
    const head = await trx.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain).forUpdate().executeTakeFirstOrThrow();
    let seq = head.seq;
    let prev = head.hash;
    const at = new Date().toISOString();
    const rows = evs.map((ev) => {
      const entry: HashInput = {
        chain, seq: ++seq, at, actor_id: actor.userId, actor_name: actor.name, ip: actor.ip, entity: ev.entity, entity_id: ev.entityId ?? null,
        action: ev.action, region_id: ev.regionId ?? null, unit_id: ev.unitId ?? null, before: plain(ev.before), after: plain(ev.after), prev_hash: prev,
      };
      const hash = entryHash(entry);
      prev = hash;
      return {
        chain, chain_seq: entry.seq, at: entry.at, actor_id: entry.actor_id, actor_name: entry.actor_name, ip: entry.ip, entity: entry.entity,
        entity_id: entry.entity_id, action: entry.action, region_id: entry.region_id, unit_id: entry.unit_id,
        before: entry.before === null ? null : JSON.stringify(entry.before), after: entry.after === null ? null : JSON.stringify(entry.after),
        prev_hash: entry.prev_hash, hash,
      };
    });
    for (let i = 0; i < rows.length; i += AUDIT_BATCH) await trx.insertInto('audit_log').values(rows.slice(i, i + AUDIT_BATCH)).execute();
    await trx.updateTable('audit_heads').set({ seq, hash: prev }).where('chain', '=', chain).execute();
  }
}

/** Result of verifying every chain. */
export interface VerifyResult {
  ok: boolean;
  /** Entries verified. */
  count: number;
  /** Chains verified. */
  chains: number;
  /**
   * The first problem found: an entry whose content or link is wrong (`seq` is its global number), a
   * gap in a chain (`chainSeq` is the missing position), or a chain whose head row names entries that
   * are no longer there (truncated tail).
   */
  firstBad?: { chain: string; chainSeq: number; seq?: number; problem: 'altered' | 'missing' | 'broken-link' | 'truncated' | 'bad-anchor' };
  /** Each chain's last hash: keep them outside the database to detect a truncated tail later. */
  heads?: Record<string, string>;
}

/** Walks every chain in order; names the first altered, missing or truncated entry. */
export async function verifyAudit(db: Db): Promise<VerifyResult> {
  const headRows = await db.selectFrom('audit_heads').select(['chain', 'seq', 'hash']).execute();
  const logChains = await db.selectFrom('audit_log').select('chain').distinct().execute();
  const chains = [...new Set([...headRows.map((h) => h.chain), ...logChains.map((c) => c.chain)])].sort();
  let count = 0;
  const heads: Record<string, string> = {};
  for (const chain of chains) {
    let prev = GENESIS;
    let expected = 1;
    let cursor = 0;
    for (;;) {
      const rows = await db.selectFrom('audit_log').selectAll().where('chain', '=', chain).where('chain_seq', '>', cursor).orderBy('chain_seq').limit(2000).execute();
      if (rows.length === 0) break;
      cursor = rows[rows.length - 1].chain_seq;
      for (const r of rows) {
        const bad = (problem: NonNullable<VerifyResult['firstBad']>['problem'], chainSeq = r.chain_seq, seq: number | null = r.seq) =>
          ({ ok: false, count, chains: chains.length, firstBad: { chain, chainSeq, ...(seq !== null ? { seq } : {}), problem } }) as VerifyResult;
        // The entry at `expected` is gone: its global number is unknown.
        if (r.chain_seq !== expected) return bad('missing', expected, null);
        if (r.prev_hash !== prev) return bad('broken-link');
        const h = entryHash({
          ...(chain === LEGACY_CHAIN ? {} : { chain }),
          seq: chain === LEGACY_CHAIN ? r.seq : r.chain_seq,
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
        if (h !== r.hash) return bad('altered');
        prev = r.hash;
        expected++;
        count++;
      }
    }
    const head = headRows.find((x) => x.chain === chain);
    if (head && (head.seq !== expected - 1 || head.hash !== (expected === 1 ? GENESIS : prev)))
      return { ok: false, count, chains: chains.length, firstBad: { chain, chainSeq: expected, problem: 'truncated' } };
    heads[chain] = prev;
  }
  return { ok: true, count, chains: chains.length, heads };
}

/** A signed record of every chain's head at a moment, kept outside the database. */
export interface AuditAnchor {
  at: string;
  heads: Record<string, { seq: number; hash: string }>;
  /** HMAC of `at` and `heads` under the audit key. */
  mac: string;
}

/** The current heads, signed. Write it where the database owner cannot rewrite it (a file, the level above). */
export async function anchorAudit(db: Db): Promise<AuditAnchor> {
  const rows = await db.selectFrom('audit_heads').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
  const heads = Object.fromEntries(rows.filter((r) => r.seq > 0).map((r) => [r.chain, { seq: r.seq, hash: r.hash }]));
  const at = new Date().toISOString();
  return { at, heads, mac: auditMac(canonical({ at, heads })) };
}

/**
 * Checks the log against an anchor: its signature, and for every anchored chain that the entry at the
 * anchored position is still there with the anchored hash (a deleted tail is `truncated`, a re-hashed one `altered`).
 */
export async function verifyAnchor(db: Db, anchor: AuditAnchor): Promise<VerifyResult> {
  if (auditMac(canonical({ at: anchor.at, heads: anchor.heads })) !== anchor.mac)
    return { ok: false, count: 0, chains: 0, firstBad: { chain: '*', chainSeq: 0, problem: 'bad-anchor' } };
  const chains = Object.keys(anchor.heads).sort();
  for (const chain of chains) {
    const h = anchor.heads[chain];
    const row = await db.selectFrom('audit_log').select(['seq', 'hash']).where('chain', '=', chain).where('chain_seq', '=', h.seq).executeTakeFirst();
    if (!row) return { ok: false, count: 0, chains: chains.length, firstBad: { chain, chainSeq: h.seq, problem: 'truncated' } };
    if (row.hash !== h.hash) return { ok: false, count: 0, chains: chains.length, firstBad: { chain, chainSeq: h.seq, seq: row.seq, problem: 'altered' } };
  }
  return { ok: true, count: 0, chains: chains.length };
}
