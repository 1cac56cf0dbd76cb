import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/harness.js';
import { recordAudit, recordAuditMany, verifyAudit } from './index.js';

/* Batched appends (imports) chain exactly as single appends do, per region, interleaved with them. */
let o: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  o = await testDatabase();
}, 240_000);
afterAll(async () => o?.close());

describe('recordAuditMany', () => {
  it('appends a batch to each region’s chain in order, between single appends, and every chain verifies', async () => {
    const regions = await o.db.selectFrom('regions').select('id').where('code', 'in', ['410803', '410802']).orderBy('code').execute();
    const [a, b] = regions.map((r) => r.id);
    const actor = { userId: null, name: 'test', ip: null };
    const seqOf = async (chain: string) => (await o.db.selectFrom('audit_heads').select('seq').where('chain', '=', chain).executeTakeFirst())?.seq ?? 0;
    const a0 = await seqOf(a);
    const b0 = await seqOf(b);
    await o.db.transaction().execute(async (trx) => {
      await recordAudit(trx, actor, { entity: 'test', entityId: null, action: 'single', regionId: a, after: { n: 0 } });
      await recordAuditMany(trx, actor, [
        ...Array.from({ length: 1500 }, (_, i) => ({ entity: 'test', action: 'bulk', regionId: a, after: { n: i + 1 } })),
        ...Array.from({ length: 7 }, (_, i) => ({ entity: 'test', action: 'bulk', regionId: b, after: { n: i } })),
        { entity: 'test', action: 'bulk', regionId: null, after: { system: true } },
      ]);
      await recordAudit(trx, actor, { entity: 'test', entityId: null, action: 'single', regionId: a, after: { n: 1501 } });
    });
    expect(await seqOf(a)).toBe(a0 + 1502);
    expect(await seqOf(b)).toBe(b0 + 7);
    const rows = await o.db.selectFrom('audit_log').select(['chain_seq', 'after']).where('chain', '=', a).where('chain_seq', '>', a0).orderBy('chain_seq').execute();
    expect(rows.map((r) => (r.after as { n: number }).n)).toEqual(Array.from({ length: 1502 }, (_, i) => i));
    const v = await verifyAudit(o.db);
    expect(v.ok).toBe(true);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const before = await o.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(o.db.transaction().execute(async (trx) => {
      await recordAuditMany(trx, { userId: null, name: 'test', ip: null }, [{ entity: 'test', action: 'bulk', regionId: null, after: {} }]);
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    const after = await o.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await verifyAudit(o.db)).ok).toBe(true);
  });
});
