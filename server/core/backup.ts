import fs from 'node:fs';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import { migrateTo } from '../db/migrator.js';
import { migrations as knownMigrations } from '../db/migrations/index.js';
import type { FileStorage } from './files/index.js';

/*
 * A backup is ONE file: gzip of lines, each `KIND<TAB>…`:
 *   H  {header json}                  format, version, creation time, source kind, migrations, tables and columns
 *   R  table  {row as jsonb text}     every row of every table, verbatim as PostgreSQL renders it (UTC)
 *   F  key  index  {base64}           the bytes of every attachment and job file the rows reference, in 1 MiB chunks
 *   M  {manifest json}                per table: rows + sha256; per file: size + sha256; files the database named but storage lacked
 * Rows are copied as PostgreSQL's own jsonb text, so nothing is reinterpreted by JavaScript on the way;
 * the per-table hash is computed identically from the file (JS) and from a database (SQL), which is how
 * both the written file and a restored database are proven equal to the source.
 */

/** The format written now; version 1 (one gzipped JSON, no files) is still restorable. */
const FORMAT = 'fazhi-backup';
const VERSION = 2;
const CHUNK = 1 << 20;

/** First line of a backup. */
export interface BackupHeader {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  source: string;
  migrations: string[];
  /** Tables in foreign-key order (parents first) with the columns the rows carry. */
  tables: { name: string; columns: string[] }[];
}

/** Last line of a backup: what it holds, to check the file and a restored database against. */
export interface BackupManifest {
  tables: { name: string; rows: number; sha256: string }[];
  files: { key: string; size: number; sha256: string }[];
  /** Storage keys the database references whose bytes were not found when the backup was taken. */
  missingFiles: string[];
}

/** What `writeBackup` and `verifyBackup` report. */
export interface BackupSummary {
  header: BackupHeader;
  manifest: BackupManifest;
  rows: number;
  fileBytes: number;
  /** Size of the backup file (compressed). */
  bytes: number;
}

/** What `restoreBackup` restored. */
export interface RestoreReport {
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  perTable: { name: string; rows: number }[];
  /** Files the backup recorded as already missing at backup time (their records restore without bytes). */
  missingFiles: string[];
  /** The target had rows and --force replaced them. */
  replaced: boolean;
}

/** Tables of the public schema in foreign-key order (parents first). */
async function tablesInOrder(db: Kysely<Database> | Transaction<Database>): Promise<string[]> {
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

/** Stored columns of a table (generated columns are recomputed, never inserted). */
async function columnsOf(db: Kysely<Database> | Transaction<Database>, table: string): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select a.attname as name from pg_attribute a
    where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by a.attnum`.execute(db);
  return r.rows.map((x) => x.name);
}

/** The per-table content hash, in SQL: sha256 of the rows' jsonb texts in byte order, one per line. */
async function tableHash(db: Kysely<Database> | Transaction<Database>, table: string): Promise<{ rows: number; sha256: string }> {
  const r = await sql<{ rows: number; sha256: string }>`
    select count(*)::int as rows,
      encode(sha256(convert_to(coalesce(string_agg(x, E'\n' order by x collate "C"), ''), 'UTF8')), 'hex') as sha256
    from (select to_jsonb(t)::text as x from ${sql.table(table)} t) s`.execute(db);
  return r.rows[0];
}

/** Row count and content hash of each table, as a backup records them (to compare two databases). */
export async function contentHashes(db: Kysely<Database>): Promise<Record<string, { rows: number; sha256: string }>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone to 'UTC'`.execute(trx);
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const t of (await tablesInOrder(trx)).sort()) out[t] = await tableHash(trx, t);
    return out;
  });
}

/** The same hash in JavaScript over row texts (UTF-8 byte order is what collate "C" sorts by). */
function hashRows(rows: string[]): string {
  const bufs = rows.map((r) => Buffer.from(r, 'utf8')).sort(Buffer.compare);
  const h = createHash('sha256');
  bufs.forEach((b, i) => {
    if (i) h.update('\n');
    h.update(b);
  });
  return h.digest('hex');
}

/** Storage keys the database references: attachments and the files of finished jobs. */
async function referencedKeys(db: Transaction<Database>): Promise<string[]> {
  const r = await sql<{ key: string }>`
    select storage_key as key from files
    union select file_key from jobs where file_key is not null
    order by 1`.execute(db);
  return r.rows.map((x) => x.key);
}

/** Writes lines into a gzip stream, respecting back-pressure. */
class LineWriter {
  private readonly gz = zlib.createGzip({ level: 6 });
  readonly done: Promise<void>;
  constructor(sink: Writable) {
    this.gz.pipe(sink);
    this.done = finished(sink);
  }
  async line(s: string) {
    if (!this.gz.write(s + '\n')) await new Promise<void>((r) => this.gz.once('drain', () => r()));
  }
  async end() {
    this.gz.end();
    await this.done;
  }
}

/**
 * Writes the whole database and the files it references to `sink` as one backup, from one consistent
 * snapshot. Returns the manifest; a referenced file missing from storage is listed, not fatal (one lost
 * attachment must not stop every nightly backup), and the caller reports it.
 */
async function dump(db: Kysely<Database>, storage: FileStorage | null, sink: Writable, source: string): Promise<BackupManifest> {
  const w = new LineWriter(sink);
  const manifest: BackupManifest = { tables: [], files: [], missingFiles: [] };
  await db.transaction().execute(async (trx) => {
    // One snapshot for every table (PGlite is a single session, where this is a no-op), and timestamps
    // rendered in UTC so the text (and its hash) is the same whatever the server's time zone.
    await sql`set transaction isolation level repeatable read`.execute(trx).catch(() => undefined);
    await sql`set local timezone to 'UTC'`.execute(trx);
    const tables = await tablesInOrder(trx);
    const header: BackupHeader = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      source,
      migrations: (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx)).rows.map((r) => r.name),
      tables: [],
    };
    for (const t of tables) header.tables.push({ name: t, columns: await columnsOf(trx, t) });
    await w.line(`H\t${JSON.stringify(header)}`);
    for (const t of tables) {
      const rows = (await sql<{ r: string }>`select to_jsonb(t)::text as r from ${sql.table(t)} t`.execute(trx)).rows.map((x) => x.r);
      for (const r of rows) await w.line(`R\t${t}\t${r}`);
      const sha256 = hashRows(rows);
      // The SQL hash must agree with the file's: it is what a restored database is checked against.
      const inDb = await tableHash(trx, t);
      if (inDb.rows !== rows.length || inDb.sha256 !== sha256) throw new Error(`Backup of table ${t} does not match the database (${inDb.rows} rows in the database, ${rows.length} written)`);
      manifest.tables.push({ name: t, rows: rows.length, sha256 });
    }
    if (storage) {
      for (const key of await referencedKeys(trx)) {
        let data: Buffer;
        try {
          data = await storage.get(key);
        } catch {
          manifest.missingFiles.push(key);
          continue;
        }
        for (let i = 0, n = 0; i < Math.max(data.length, 1); i += CHUNK, n++) await w.line(`F\t${key}\t${n}\t${data.subarray(i, i + CHUNK).toString('base64')}`);
        manifest.files.push({ key, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
      }
    }
  });
  await w.line(`M\t${JSON.stringify(manifest)}`);
  await w.end();
  return manifest;
}

/** Lines of a backup, from a file path or a buffer. */
async function* lines(src: string | Buffer): AsyncGenerator<string> {
  const raw = typeof src === 'string' ? fs.createReadStream(src) : Readable.from([src]);
  const rl = readline.createInterface({ input: raw.pipe(zlib.createGunzip()), crlfDelay: Infinity });
  for await (const l of rl) yield l;
}

/** Is the data a version-1 backup (a single gzipped JSON object)? */
function isV1(src: string | Buffer): boolean {
  let buf: Buffer;
  if (typeof src === 'string') {
    const fd = fs.openSync(src, 'r');
    buf = Buffer.alloc(64 * 1024);
    buf = buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
    fs.closeSync(fd);
  } else buf = src.subarray(0, 64 * 1024);
  try {
    const head = zlib.gunzipSync(buf, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).subarray(0, 40).toString();
    return head.startsWith('{"format":"fazhi-backup"');
  } catch {
    return false;
  }
}

/**
 * Reads a whole backup and checks it against its manifest: every table's row count and hash, every
 * file's size and hash. `onFile` receives each file once its bytes are proven (restore stores them).
 */
export async function verifyBackup(src: string | Buffer, onFile?: (key: string, data: Buffer) => Promise<void>): Promise<BackupSummary> {
  let header: BackupHeader | null = null;
  let manifest: BackupManifest | null = null;
  const rows = new Map<string, string[]>();
  let fileKey: string | null = null;
  let fileParts: Buffer[] = [];
  const files = new Map<string, { size: number; sha256: string }>();
  const closeFile = async () => {
    if (fileKey === null) return;
    const data = Buffer.concat(fileParts);
    files.set(fileKey, { size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    if (onFile) await onFile(fileKey, data);
    fileKey = null;
    fileParts = [];
  };
  const broken = (why: string) => new Error(`备份文件损坏或不完整：${why} / The backup file is damaged or incomplete: ${why}`);
  try {
    for await (const l of lines(src)) {
      const kind = l.slice(0, 1);
      if (!header) {
        if (kind !== 'H') throw new Error('Not a Fazhi backup file');
        header = JSON.parse(l.slice(2)) as BackupHeader;
        if (header.format !== FORMAT) throw new Error('Not a Fazhi backup file');
        if (header.version > VERSION) throw new Error(`This backup was written by a newer Fazhi (format ${header.version}); upgrade first`);
        continue;
      }
      if (kind === 'R') {
        const a = l.indexOf('\t', 2);
        const t = l.slice(2, a);
        let list = rows.get(t);
        if (!list) rows.set(t, (list = []));
        list.push(l.slice(a + 1));
      } else if (kind === 'F') {
        const [, key, , data] = l.split('\t');
        if (key !== fileKey) {
          await closeFile();
          fileKey = key;
        }
        fileParts.push(Buffer.from(data, 'base64'));
      } else if (kind === 'M') {
        await closeFile();
        manifest = JSON.parse(l.slice(2)) as BackupManifest;
      } else throw broken(`unexpected line ${kind}`);
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'Z_BUF_ERROR' || (e as { code?: string }).code === 'Z_DATA_ERROR') throw broken((e as Error).message);
    throw e;
  }
  if (!header) throw broken('empty');
  if (!manifest) throw broken('no manifest at the end');
  let total = 0;
  for (const t of manifest.tables) {
    const got = rows.get(t.name) ?? [];
    // A converted version-1 backup carries counts only (its rows went through JavaScript, not jsonb text).
    if (got.length !== t.rows || (t.sha256 && hashRows(got) !== t.sha256)) throw broken(`table ${t.name}: ${got.length} rows, expected ${t.rows} with sha256 ${t.sha256.slice(0, 12)}…`);
    total += got.length;
  }
  let fileBytes = 0;
  for (const f of manifest.files) {
    const got = files.get(f.key);
    if (!got || got.size !== f.size || got.sha256 !== f.sha256) throw broken(`file ${f.key}`);
    fileBytes += f.size;
  }
  const bytes = typeof src === 'string' ? fs.statSync(src).size : src.length;
  return { header, manifest, rows: total, fileBytes, bytes };
}

/**
 * Writes a backup of the database and the files it references to `out`, through a temporary file that
 * is read back and verified (counts and hashes) before it takes the final name — a backup that exists
 * under its name is complete.
 */
export async function writeBackup(db: Kysely<Database>, storage: FileStorage, out: string, source = 'fazhi'): Promise<BackupSummary> {
  const tmp = `${out}.partial`;
  try {
    const manifest = await dump(db, storage, fs.createWriteStream(tmp), source);
    const summary = await verifyBackup(tmp);
    if (JSON.stringify(summary.manifest) !== JSON.stringify(manifest)) throw new Error('The backup read back differs from what was written');
    fs.renameSync(tmp, out);
    return summary;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** The whole backup in memory (tests, small databases). */
export async function backup(db: Kysely<Database>, storage: FileStorage | null = null): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      cb();
    },
  });
  await dump(db, storage, sink, 'fazhi');
  return Buffer.concat(parts);
}

/** Rows of each table in the backup, streamed table by table in the order written (parents first). */
async function* rowsByTable(src: string | Buffer): AsyncGenerator<{ table: string; rows: string[] }> {
  let current: string | null = null;
  let batch: string[] = [];
  for await (const l of lines(src)) {
    if (l[0] !== 'R') continue;
    const a = l.indexOf('\t', 2);
    const t = l.slice(2, a);
    if (t !== current) {
      if (current !== null) yield { table: current, rows: batch };
      current = t;
      batch = [];
    }
    batch.push(l.slice(a + 1));
  }
  if (current !== null) yield { table: current, rows: batch };
}

/** Options of a restore. */
export interface RestoreOptions {
  /** Where restored files go (null: rows only). */
  storage?: FileStorage | null;
  /** Replace the rows of a non-empty target. */
  force?: boolean;
}

/**
 * Restores a backup into a database — an empty one (just created, or migrated and empty), or with
 * `force` one whose rows are replaced — in one transaction, then proves every table's row count and
 * content hash equal to the backup's before committing. Files are checked against their hashes and
 * stored first (content-addressed, so a failed restore leaves nothing wrong behind).
 * The schema is brought to the backup's migration level when absent; the caller migrates to the
 * latest afterwards (`openDatabase` or `migrateToLatest`), so an older backup's rows are upgraded by
 * the same migrations that upgraded the original.
 */
export async function restoreBackup(db: Kysely<Database>, src: string | Buffer, opts: RestoreOptions = {}): Promise<RestoreReport> {
  if (isV1(src)) return restoreV1(db, typeof src === 'string' ? fs.readFileSync(src) : src, opts);
  // Pass 1: the file is whole and matches its manifest; files go to storage as they are proven.
  const summary = await verifyBackup(src, opts.storage ? (key, data) => opts.storage!.put(key, data) : undefined);
  const { header, manifest } = summary;
  const unknown = header.migrations.filter((m) => !(m in knownMigrations));
  if (unknown.length) throw new Error(`The backup was taken by a newer Fazhi (migrations ${unknown.join(', ')}); upgrade this installation first`);
  const hasSchema = (await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'kysely_migration'`.execute(db)).rows[0].n > 0;
  if (!hasSchema && header.migrations.length) await migrateTo(db, header.migrations[header.migrations.length - 1]);
  const present = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
  const missing = header.migrations.filter((m) => !present.includes(m));
  if (missing.length) throw new Error(`The database lacks migrations the backup needs: ${missing.join(', ')}; run fazhi migrate first`);

  const perTable: RestoreReport['perTable'] = [];
  let replaced = false;
  await db.transaction().execute(async (trx) => {
    await sql`set local timezone to 'UTC'`.execute(trx);
    const targetTables = await tablesInOrder(trx);
    const nonEmpty: string[] = [];
    for (const t of targetTables) {
      const n = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(trx)).rows[0].n;
      if (n > 0) nonEmpty.push(`${t} (${n})`);
    }
    if (nonEmpty.length && !opts.force)
      throw new Error(`目标数据库不是空库，未做任何改动；确认要覆盖请加 --force。Restore needs an empty database; these tables have rows: ${nonEmpty.slice(0, 8).join(', ')}${nonEmpty.length > 8 ? ', …' : ''}. Use --force to replace them.`);
    // Our own triggers (append-only audit log and any later ones) guard live use, not a verbatim copy.
    for (const t of targetTables) await sql`alter table ${sql.table(t)} disable trigger user`.execute(trx);
    if (nonEmpty.length) {
      await sql.raw(`truncate ${targetTables.map((t) => `"${t}"`).join(', ')} restart identity cascade`).execute(trx);
      replaced = true;
    }
    const columns = new Map(header.tables.map((t) => [t.name, t.columns]));
    const selfRef = new Set(
      (await sql<{ t: string }>`select c.conrelid::regclass::text as t from pg_constraint c join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = 'public' and c.conrelid = c.confrelid`.execute(trx)).rows.map((r) => r.t),
    );
    for await (const { table, rows } of rowsByTable(src)) {
      if (!targetTables.includes(table)) throw new Error(`The backup has a table this database lacks: ${table}`);
      // Only the columns the backup carries: a column added by a later migration takes its default.
      const target = new Set(await columnsOf(trx, table));
      const cols = (columns.get(table) ?? []).filter((c) => target.has(c));
      const list = sql.join(cols.map((c) => sql.id(c)));
      // A table referencing itself goes in one statement (its foreign keys are checked at the end of it).
      const size = selfRef.has(table) ? rows.length : 2000;
      for (let i = 0; i < rows.length; i += size) {
        const chunk = `[${rows.slice(i, i + size).join(',')}]`;
        // OVERRIDING SYSTEM VALUE: identity columns declared `generated always` (e.g. normative_doc_events.seq) keep their values.
        await sql`insert into ${sql.table(table)} (${list}) overriding system value select ${list} from jsonb_populate_recordset(null::${sql.table(table)}, ${chunk}::jsonb)`.execute(trx);
      }
      perTable.push({ name: table, rows: rows.length });
    }
    // Keep every sequence (serial and identity) ahead of the restored ids.
    const seqs = (
      await sql<{ tbl: string; col: string; seq: string }>`
        select c.relname as tbl, a.attname as col, pg_get_serial_sequence(quote_ident(c.relname), a.attname::text) as seq
        from pg_class c join pg_attribute a on a.attrelid = c.oid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
          and pg_get_serial_sequence(quote_ident(c.relname), a.attname::text) is not null`.execute(trx)
    ).rows;
    for (const s of seqs)
      await sql`select setval(${s.seq}, coalesce((select max(${sql.ref(s.col)}) from ${sql.table(s.tbl)}), 0) + 1, false)`.execute(trx);
    for (const t of targetTables) await sql`alter table ${sql.table(t)} enable trigger user`.execute(trx);
    // Proof before commit: each table's count and content hash in the database equal the backup's.
    for (const t of manifest.tables) {
      const got = await tableHash(trx, t.name);
      if (got.rows !== t.rows || (t.sha256 && got.sha256 !== t.sha256)) throw new Error(`Restored table ${t.name} differs from the backup (${got.rows} rows, expected ${t.rows}); nothing was restored`);
    }
  });
  return {
    tables: manifest.tables.length,
    rows: summary.rows,
    files: manifest.files.length,
    fileBytes: summary.fileBytes,
    perTable,
    missingFiles: manifest.missingFiles,
    replaced,
  };
}

/** Compatibility: restores from an in-memory backup (either format). */
export async function restore(db: Kysely<Database>, data: Buffer, opts: RestoreOptions = {}): Promise<RestoreReport> {
  return restoreBackup(db, data, opts);
}

/** Version-1 backups: one gzipped JSON of every table's rows, no files. Converted and restored the same way. */
async function restoreV1(db: Kysely<Database>, data: Buffer, opts: RestoreOptions): Promise<RestoreReport> {
  const file = JSON.parse(zlib.gunzipSync(data).toString('utf8')) as { format: string; migrations: string[]; tables: { name: string; rows: unknown[] }[] };
  if (file.format !== FORMAT) throw new Error('Not a Fazhi backup file');
  const header: BackupHeader = {
    format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), source: 'v1', migrations: file.migrations,
    tables: file.tables.map((t) => ({ name: t.name, columns: [...new Set(t.rows.flatMap((r) => Object.keys(r as object)))] })),
  };
  // Hashes of v1 rows cannot be compared byte for byte (they went through JavaScript): counts only.
  const out: string[] = [`H\t${JSON.stringify(header)}`];
  const manifest: BackupManifest = { tables: [], files: [], missingFiles: [] };
  for (const t of file.tables) {
    const rows = t.rows.map((r) => JSON.stringify(r));
    for (const r of rows) out.push(`R\t${t.name}\t${r}`);
    manifest.tables.push({ name: t.name, rows: rows.length, sha256: '' });
  }
  out.push(`M\t${JSON.stringify(manifest)}`);
  return restoreBackup(db, zlib.gzipSync(Buffer.from(out.join('\n') + '\n')), opts);
}
