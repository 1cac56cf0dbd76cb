import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import type { FileStorage } from './files/index.js';
import type { Actor } from './scope/index.js';
import { notFound } from './errors/index.js';

/** What a job's work reports while it runs. */
export type Progress = (done: number, total?: number) => Promise<void>;

/** What a job produces: a file to download and/or a summary. */
export interface JobResult {
  file?: { name: string; mime: string; data: Buffer };
  summary?: unknown;
}

/** Jobs currently running in this process (so tests and shutdown can wait for them). */
const running = new Set<Promise<void>>();

/**
 * Starts a long operation (report rendering, export, big import) for the actor and returns its id at
 * once; the work runs in this process, reporting progress into the `jobs` row. The user can leave the
 * page and come back to the job (GET /api/v1/jobs) to see its progress and download its file.
 */
export async function startJob(
  db: Kysely<Database>,
  storage: FileStorage,
  actor: Actor,
  kind: string,
  title: string,
  work: (progress: Progress) => Promise<JobResult>,
): Promise<string> {
  const row = await db.insertInto('jobs').values({ kind, title, user_id: actor.userId, status: 'running', progress: 0 }).returning('id').executeTakeFirstOrThrow();
  const id = row.id;
  // Progress writes are applied one after another, in the order reported: callers may fire them
  // without waiting (an import reports from inside its transaction), and on a connection pool
  // unordered writes could leave an earlier count last. The final state waits for them all.
  let written: Promise<void> = Promise.resolve();
  const progress: Progress = (done, total) => {
    written = written
      .then(() => db.updateTable('jobs').set({ progress: done, ...(total !== undefined ? { total } : {}) }).where('id', '=', id).execute())
      .then(() => undefined, () => undefined);
    return written;
  };
  const p = (async () => {
    try {
      const r = await work(progress);
      await written;
      let file = {};
      if (r.file) {
        const key = createHash('sha256').update(r.file.data).digest('hex');
        await storage.put(key, r.file.data);
        file = { file_key: key, file_name: r.file.name, file_mime: r.file.mime };
      }
      await db
        .updateTable('jobs')
        .set({ status: 'done', result: JSON.stringify(r.summary ?? null), finished_at: new Date(), ...file })
        .where('id', '=', id)
        .execute();
    } catch (e) {
      await written;
      const msg = e instanceof Error ? ((e as { msg?: { zh: string } }).msg?.zh ?? e.message) : String(e);
      await db.updateTable('jobs').set({ status: 'failed', error: msg.slice(0, 500), finished_at: new Date() }).where('id', '=', id).execute().catch(() => undefined);
    }
  })();
  running.add(p);
  void p.finally(() => running.delete(p));
  return id;
}

/** Waits for the jobs running in this process (tests, graceful shutdown). */
export async function settleJobs() {
  await Promise.allSettled([...running]);
}

/** Jobs left running by a previous process cannot finish: mark them failed at start. */
export async function failInterruptedJobs(db: Kysely<Database>) {
  await db.updateTable('jobs').set({ status: 'failed', error: '服务重启，任务已中断，请重新发起', finished_at: new Date() }).where('status', '=', 'running').execute();
}

/** The actor's recent jobs. */
export async function listJobs(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('jobs')
    .select(['id', 'kind', 'title', 'status', 'progress', 'total', 'error', 'created_at', 'finished_at', 'file_name'])
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
}

/** One of the actor's jobs (404 for anyone else's). */
export async function getJob(db: Kysely<Database>, actor: Actor, id: string) {
  const job = await db.selectFrom('jobs').selectAll().where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!job) throw notFound({ zh: '任务', en: 'Job' });
  return job;
}
