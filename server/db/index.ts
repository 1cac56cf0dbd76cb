import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { Database } from './types.js';
import { migrateToLatest } from './migrator.js';

export type { Database } from './types.js';
/** Either the database handle or an open transaction: services accept both. */
export type Db = Kysely<Database> | Transaction<Database>;

/**
 * Type normalisation, once for both drivers: `pg` returns int8 (count) and numeric as strings and
 * date as a local-midnight Date; PGlite-through-pg does the same. We want numbers for counts and
 * money (yuan with 2 decimals fits a double exactly enough for display and sums are done in SQL),
 * and plain 'YYYY-MM-DD' strings for dates so no time zone can shift a statutory date.
 */
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers: Record<number, (v: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [DATE]: (v) => v,
};
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const own = parsers[oid];
    if (own && format !== 'binary') return own;
    return (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

/** Options for opening the database. */
export interface OpenOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** Directory of the embedded database (ignored for PostgreSQL). `memory://` keeps it in memory. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests). */
  loadDataDir?: Blob | File;
  /** Run migrations after opening (default true). */
  migrate?: boolean;
}

/** An open database with its close function. */
export interface OpenDatabase {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** Dumps the embedded data dir (PGlite only; used to build test templates). */
  dump?(): Promise<Blob>;
}

/** Thrown when another process holds the embedded data directory. */
export class DataDirLockedError extends Error {
  constructor(
    public readonly lockFile: string,
    public readonly pid: number,
  ) {
    super(
      `数据目录正被另一个进程使用(pid ${pid})，请先停止该进程。The data directory is in use by another process (pid ${pid}); stop it first. Lock: ${lockFile}`,
    );
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds: a second open of the same directory in one process is refused too. */
const heldLocks = new Set<string>();

/** Reads the lock's owner pid and the file's inode (which names this lock "generation"), or null when absent. */
function readLock(lockFile: string): { pid: number; ino: number } | null {
  let fd: number;
  try {
    fd = fs.openSync(lockFile, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const ino = fs.fstatSync(fd).ino;
    const pid = Number(fs.readFileSync(fd, 'utf8').trim());
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : 0, ino };
  } finally {
    fs.closeSync(fd);
  }
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * PGlite has no lock between processes (two writers corrupt it), so the embedded directory is
 * guarded by a lock file holding the owner's pid. Every step is atomic so that several processes
 * starting together cannot both win:
 * - the lock appears with its content already in it (written to a private file, then `link`ed into
 *   place, which fails if a lock exists) — a reader never sees an empty lock and thinks it stale;
 * - a stale lock (its pid is dead) is removed only by the one process that creates the reaper file
 *   named after that lock's pid and inode (`O_EXCL`), and only if the lock is still that same file;
 *   everyone else waits and then races on the atomic create again.
 */
export function acquireDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'fazhi.lock');
  if (heldLocks.has(lockFile)) throw new DataDirLockedError(lockFile, process.pid);
  const mine = `${lockFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      try {
        fs.linkSync(mine, lockFile);
        heldLocks.add(lockFile);
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          process.off('exit', release);
          heldLocks.delete(lockFile);
          // Only our own lock: a live owner's lock is never reaped, so it is still ours here.
          if (readLock(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
        };
        process.once('exit', release);
        return release;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const held = readLock(lockFile);
      if (!held) continue; // released meanwhile: race for it again
      // Our own pid in a lock we do not hold is a leftover of a previous life (containers reuse pids).
      if (held.pid && held.pid !== process.pid && pidAlive(held.pid)) throw new DataDirLockedError(lockFile, held.pid);
      const reaper = `${lockFile}.reap-${held.pid}-${held.ino}`;
      try {
        fs.writeFileSync(reaper, String(process.pid), { flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        // Another process is removing this stale lock; a reaper file this old means it died doing so.
        const st = fs.statSync(reaper, { throwIfNoEntry: false });
        if (st && Date.now() - st.mtimeMs > 5_000)
          throw new Error(`数据目录锁的清理被中断。请确认没有 Fazhi 进程在运行后，删除 ${lockFile} 及 ${reaper}。A stale-lock takeover was interrupted: make sure no Fazhi process runs, then delete ${lockFile} and ${reaper}.`, { cause: e });
        sleepSync(5);
        continue;
      }
      try {
        const again = readLock(lockFile);
        if (again && again.ino === held.ino && again.pid === held.pid) fs.unlinkSync(lockFile);
      } finally {
        fs.rmSync(reaper, { force: true });
      }
    }
    throw new Error(`Could not lock ${lockFile}`);
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/** Opens the embedded or the PostgreSQL database, takes the lock, and migrates. */
export async function openDatabase(opts: OpenOptions): Promise<OpenDatabase> {
  let result: OpenDatabase;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, types, max: 10 });
    // An idle connection closed by the server (restart, admin) must not crash the process; the pool
    // replaces it on the next query.
    pool.on('error', (e) => console.error(`database connection lost: ${e.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    result = { db, kind: 'postgres', close: () => db.destroy() };
  } else {
    const dataDir = opts.dataDir ?? './data';
    const memory = dataDir.startsWith('memory://');
    let release = () => {};
    let pgDir = dataDir;
    if (!memory) {
      release = acquireDirLock(dataDir);
      pgDir = path.join(dataDir, 'pgdata');
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    let pglite: InstanceType<typeof PGlite>;
    try {
      pglite = await PGlite.create(memory ? undefined : pgDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
    } catch (e) {
      release();
      throw e;
    }
    const cfg = createPgConfig(pglite);
    // Pool of one: PGlite is a single session, so transactions must be serialised.
    const pool = new pg.Pool({ ...(cfg as object), max: 1, types } as pg.PoolConfig);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    result = {
      db,
      kind: 'pglite',
      close: async () => {
        await db.destroy();
        await pglite.close();
        release();
      },
      dump: () => pglite.dumpDataDir('none') as Promise<Blob>,
    };
  }
  if (opts.migrate !== false) {
    try {
      await migrateToLatest(result.db);
    } catch (e) {
      await result.close();
      throw e;
    }
  }
  return result;
}
