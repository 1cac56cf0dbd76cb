import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabase } from '../test/harness.js';
import { LARGE_TABLES, REFERENCE_TABLES } from './scale-keys.js';

/*
 * The schema keeps the keys a province scales out on (docs/ARCHITECTURE.md, "Beyond one machine"):
 * every large table carries its region and its year as not-null columns, is indexed by region first,
 * and every unique key contains the region (so the table can be distributed by region) unless declared.
 */
let o: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  o = await testDatabase({ seed: false });
}, 240_000);
afterAll(async () => o?.close());

async function columns(table: string) {
  const r = await sql<{ name: string; type: string; notnull: boolean }>`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull
    from pg_attribute a where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped`.execute(o.db);
  return new Map(r.rows.map((c) => [c.name, c]));
}
async function indexes(table: string) {
  const r = await sql<{ name: string; unique: boolean; primary: boolean; cols: string[] }>`
    select i.relname as name, ix.indisunique as unique, ix.indisprimary as primary,
      array(select a.attname from unnest(ix.indkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.n order by k.o)::text[] as cols
    from pg_index ix join pg_class i on i.oid = ix.indexrelid where ix.indrelid = ${table}::regclass`.execute(o.db);
  return r.rows;
}

describe('the keys a province scales out on', () => {
  it.each(Object.entries(LARGE_TABLES))('%s carries its region and year, not null, and is indexed by region first', async (table, keys) => {
    const cols = await columns(table);
    expect(cols.get(keys.region)?.notnull, `${table}.${keys.region}`).toBe(true);
    expect(cols.get(keys.year)?.notnull, `${table}.${keys.year}`).toBe(true);
    expect(cols.get(keys.year)?.type, `${table}.${keys.year}`).toMatch(/^(date|timestamp with time zone)$/);
    const idx = await indexes(table);
    expect(idx.some((i) => i.cols[0] === keys.region), `${table}: an index leading with ${keys.region}`).toBe(true);
  });

  it.each(Object.entries(LARGE_TABLES))('%s: every unique key contains the region, except the declared ones', async (table, keys) => {
    const idx = await indexes(table);
    const without = idx.filter((i) => i.unique && !i.primary && !i.cols.includes(keys.region)).map((i) => i.name).sort();
    expect(without).toEqual([...(keys.uniqueWithoutRegion ?? [])].sort());
  });

  it('declares every table that holds records of a district (a region_id column and a date) as large or small', async () => {
    const r = await sql<{ table: string }>`
      select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = 'public'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'region_id' and not a.attisdropped)`.execute(o.db);
    const regional = r.rows.map((x) => x.table).sort();
    // Every declared large table is regional; reference tables are not distributed.
    for (const t of Object.keys(LARGE_TABLES).filter((t) => t !== 'audit_log')) expect(regional).toContain(t);
    for (const t of REFERENCE_TABLES) expect((await columns(t)).size).toBeGreaterThan(0);
  });
});
