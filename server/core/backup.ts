import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/index.js';

/** Tables of the public schema in foreign-key order (parents first). */
async function tablesInOrder(db: Kysely<Database>): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by table_name`.execute(db)
  ).rows.map((r) => r.name);
  const deps = (
    await sql<{ child: string; parent: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`.execute(db)
  ).rows;
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, stack: Set<string>) => {
    if (seen.has(t) || stack.has(t)) return;
    stack.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent, stack);
    seen.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

/** Backup file format: gzipped JSON of every table's rows as jsonb, plus the migration state. */
interface BackupFile {
  format: 'fazhi-backup';
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: unknown[] }[];
}

/** Writes the whole database to one gzipped JSON buffer (rows via to_jsonb, types restored on load). */
export async function backup(db: Kysely<Database>): Promise<Buffer> {
  const tables = await tablesInOrder(db);
  const out: BackupFile = { format: 'fazhi-backup', version: 1, createdAt: new Date().toISOString(), migrations: [], tables: [] };
  out.migrations = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
  await db.transaction().execute(async (trx) => {
    await sql`set transaction isolation level repeatable read`.execute(trx).catch(() => undefined);
    for (const t of tables) {
      const rows = (await sql<{ r: unknown }>`select to_jsonb(t) as r from ${sql.table(t)} t`.execute(trx)).rows.map((x) => x.r);
      out.tables.push({ name: t, rows });
    }
  });
  return zlib.gzipSync(Buffer.from(JSON.stringify(out)));
}

/**
 * Restores a backup into a freshly migrated, empty database, in one transaction: every row
 * identical (jsonb_populate_recordset restores each column's type), so the audit chain verifies.
 */
export async function restore(db: Kysely<Database>, data: Buffer): Promise<{ tables: number; rows: number }> {
  const file = JSON.parse(zlib.gunzipSync(data).toString('utf8')) as BackupFile;
  if (file.format !== 'fazhi-backup') throw new Error('Not a Fazhi backup file');
  const present = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
  const missing = file.migrations.filter((m) => !present.includes(m));
  if (missing.length) throw new Error(`The backup needs newer migrations than this database has: ${missing.join(', ')}`);
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    for (const t of file.tables) {
      const n = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(trx)).rows[0].n;
      if (n > 0) throw new Error(`Restore needs an empty database; table ${t.name} has ${n} rows`);
    }
    for (const t of file.tables) {
      for (let i = 0; i < t.rows.length; i += 1000) {
        const chunk = t.rows.slice(i, i + 1000);
        await sql`insert into ${sql.table(t.name)} select * from jsonb_populate_recordset(null::${sql.table(t.name)}, ${JSON.stringify(chunk)}::jsonb)`.execute(trx);
      }
      rows += t.rows.length;
    }
    // Keep sequences ahead of restored ids.
    const seqs = (
      await sql<{ tbl: string; col: string; seq: string }>`
        select c.relname as tbl, a.attname as col, pg_get_serial_sequence(c.relname::text, a.attname::text) as seq
        from pg_class c join pg_attribute a on a.attrelid = c.oid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and pg_get_serial_sequence(c.relname::text, a.attname::text) is not null`.execute(trx)
    ).rows;
    for (const s of seqs)
      await sql`select setval(${s.seq}, coalesce((select max(${sql.ref(s.col)}) from ${sql.table(s.tbl)}), 0) + 1, false)`.execute(trx);
  });
  return { tables: file.tables.length, rows };
}
