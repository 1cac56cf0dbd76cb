import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createHash } from 'node:crypto';
import { anchorAudit, canonical, verifyAnchor, verifyAudit } from './index.js';
import { backup, restore } from '../backup.js';
import { testDatabase } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as('admin');
  const region = await t.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
  for (const name of ['区甲局', '区乙局', '区丙局'])
    expect((await admin.post('/api/v1/units', { name, type: 'department', regionId: region.id })).status).toBe(201);
});
afterAll(async () => t.close());

/** Tampering needs the append-only trigger off, as a database superuser could do. */
async function tamper(q: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.db);
  await q.execute(t.db);
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.db);
}

describe('audit log', () => {
  it('records actor, entity, action and after-state for every write, and the chain verifies', async () => {
    const rows = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'unit').orderBy('seq').execute();
    expect(rows.length).toBe(3);
    expect(rows[0].actor_name).toBe('系统管理员');
    expect((rows[0].after as { name: string }).name).toBe('区甲局');
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('is browsable by the office within its region and not by a liaison', async () => {
    const office = await t.as('office');
    const r = await office.get('/api/v1/audit?entity=unit');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(3);
    expect((await (await t.as('liaison')).get('/api/v1/audit')).status).toBe(403);
    const jf = await t.as('office_jf');
    expect((await jf.get('/api/v1/audit?entity=unit')).body.total).toBe(0);
  });

  it('backs up and restores into an empty database with identical rows and a verifying chain', async () => {
    const buf = await backup(t.db);
    const empty = await testDatabase({ seed: false });
    try {
      const r = await restore(empty.db, buf);
      expect(r.rows).toBeGreaterThan(50);
      for (const table of ['regions', 'units', 'users', 'role_assignments', 'audit_log']) {
        const a = await sql<{ j: unknown }>`select coalesce(jsonb_agg(to_jsonb(x) order by to_jsonb(x)::text), '[]') as j from ${sql.table(table)} x`.execute(t.db);
        const b = await sql<{ j: unknown }>`select coalesce(jsonb_agg(to_jsonb(x) order by to_jsonb(x)::text), '[]') as j from ${sql.table(table)} x`.execute(empty.db);
        expect(b.rows[0].j).toEqual(a.rows[0].j);
      }
      expect((await verifyAudit(empty.db)).ok).toBe(true);
      await expect(restore(empty.db, buf)).rejects.toThrow(/empty database/);
    } finally {
      await empty.close();
    }
  });

  it('names the first altered entry', async () => {
    const target = await t.db.selectFrom('audit_log').select('seq').where('entity', '=', 'unit').orderBy('seq').executeTakeFirstOrThrow();
    await tamper(sql`update audit_log set after = jsonb_set(after, '{name}', '"篡改"') where seq = ${target.seq}`);
    const r = await verifyAudit(t.db);
    expect(r.ok).toBe(false);
    expect(r.firstBad).toMatchObject({ seq: target.seq, problem: 'altered' });
  });

  it('names a chain whose last entries were deleted as truncated, and a gap as missing', async () => {
    const fresh = await createTestApp();
    try {
      const admin = await fresh.as('admin');
      const region = await fresh.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
      for (const name of ['区丁局', '区戊局'])
        expect((await admin.post('/api/v1/units', { name, type: 'department', regionId: region.id })).status).toBe(201);
      const last = await fresh.db.selectFrom('audit_heads').select(['chain', 'seq']).where('chain', '=', region.id).executeTakeFirstOrThrow();
      expect(last.seq).toBeGreaterThanOrEqual(2);
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(fresh.db);
      await sql`delete from audit_log where chain = ${last.chain} and chain_seq = ${last.seq}`.execute(fresh.db);
      expect((await verifyAudit(fresh.db)).firstBad).toEqual({ chain: last.chain, chainSeq: last.seq, problem: 'truncated' });
      // A gap inside the chain is named as the missing position.
      await sql`delete from audit_log where chain = ${last.chain} and chain_seq = 1`.execute(fresh.db);
      expect((await verifyAudit(fresh.db)).firstBad).toEqual({ chain: last.chain, chainSeq: 1, problem: 'missing' });
    } finally {
      await fresh.close();
    }
  });

  it('keeps one chain per region, so one district never waits on another', async () => {
    const chains = await t.db.selectFrom('audit_log').innerJoin('regions', 'regions.id', 'audit_log.region_id').select(['audit_log.chain', 'regions.id']).where('audit_log.entity', '=', 'unit').execute();
    for (const c of chains) expect(c.chain).toBe(c.id);
  });

  it('cannot be re-forged by whoever holds the database: entries are keyed, and a signed anchor catches a cut tail', async () => {
    const fresh = await createTestApp();
    try {
      const admin = await fresh.as('admin');
      const region = await fresh.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
      for (const name of ['区己局', '区庚局', '区辛局'])
        expect((await admin.post('/api/v1/units', { name, type: 'department', regionId: region.id })).status).toBe(201);
      const anchor = await anchorAudit(fresh.db);
      expect((await verifyAnchor(fresh.db, anchor)).ok).toBe(true);
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(fresh.db);
      // Forgery: alter the last entry and re-hash it with SHA-256 as the chain used to be hashed.
      const last = await fresh.db.selectFrom('audit_log').selectAll().where('chain', '=', region.id).orderBy('chain_seq', 'desc').executeTakeFirstOrThrow();
      const after = { ...(last.after as object), name: '伪造局' };
      const forged = createHash('sha256').update(canonical({ chain: last.chain, seq: last.chain_seq, at: last.at.toISOString(), actor_id: last.actor_id, actor_name: last.actor_name, ip: last.ip, entity: last.entity, entity_id: last.entity_id, action: last.action, region_id: last.region_id, unit_id: last.unit_id, before: last.before, after, prev_hash: last.prev_hash })).digest('hex');
      await sql`update audit_log set after = ${JSON.stringify(after)}::jsonb, hash = ${forged} where seq = ${last.seq}`.execute(fresh.db);
      await sql`update audit_heads set hash = ${forged} where chain = ${region.id}`.execute(fresh.db);
      expect((await verifyAudit(fresh.db)).firstBad).toMatchObject({ chain: region.id, chainSeq: last.chain_seq, problem: 'altered' });
      // Truncation that also rewinds the head row: the chain alone verifies, the anchor does not.
      await sql`delete from audit_log where seq = ${last.seq}`.execute(fresh.db);
      await sql`update audit_heads set seq = ${last.chain_seq - 1}, hash = ${last.prev_hash} where chain = ${region.id}`.execute(fresh.db);
      expect((await verifyAudit(fresh.db)).ok).toBe(true);
      expect((await verifyAnchor(fresh.db, anchor)).firstBad).toEqual({ chain: region.id, chainSeq: last.chain_seq, problem: 'truncated' });
      // An anchor edited to match is refused by its signature.
      const edited = { ...anchor, heads: { ...anchor.heads, [region.id]: { seq: last.chain_seq - 1, hash: last.prev_hash } } };
      expect((await verifyAnchor(fresh.db, edited)).firstBad?.problem).toBe('bad-anchor');
    } finally {
      await fresh.close();
    }
  });
});
