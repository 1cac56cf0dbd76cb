import { z } from 'zod';
import { ImportResultOut, JobStartedOut, MIME, xlsxResponse } from '../../../common/core-api.js';
import type { Kysely, Transaction } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/index.js';
import type { App, AppContext } from '../module.js';
import { activeActorOf } from '../http.js';
import { badRequest } from '../errors/index.js';
import { startJob } from '../jobs.js';
import type { Actor } from '../scope/index.js';
import { exportXlsx, parseXlsx, type CellError, type SheetDef } from './index.js';

/** How a module imports one sheet: check rows against the actor's scope, then write them all. */
export interface ImportSpec<Row> {
  sheet: SheetDef<Row>;
  /** Most rows one file may carry (default 5,000). */
  maxRows?: number;
  /** Throws 403 if the actor may not import at all. */
  authorize(actor: Actor): void;
  /**
   * Checks every row (scope, references, duplicates) and returns the problems; runs inside the
   * transaction, so it sees exactly what `commit` will write against.
   */
  check(trx: Transaction<Database>, actor: Actor, rows: { rowNumber: number; value: Row }[]): Promise<CellError[]>;
  /**
   * Writes all rows (and their audit entries), in as few statements as it can (multi-row inserts,
   * `insertMany`): the transaction holds a connection — on the embedded database the only one — until it
   * ends. Called only when there is no error; `progress` reports rows written.
   */
  commit(trx: Transaction<Database>, actor: Actor, rows: { rowNumber: number; value: Row }[], progress?: (done: number, total: number) => Promise<void>): Promise<void>;
}

/** Result of an import call (dry run or commit); its wire contract is `ImportResultOut`. */
export type ImportResult = z.output<typeof ImportResultOut>;

/**
 * Runs an import all-or-nothing. The file is read in a worker (see parseXlsx); the rows are then
 * checked WITHOUT a transaction, so a dry run or a file with mistakes never holds a database
 * connection (on the embedded database there is only one, shared by every user) for the length of the
 * check. A clean file is then checked again and written inside one transaction — the second check is
 * what makes the write safe against changes made meanwhile. A dry run never writes.
 */
export async function runImport<Row>(
  db: Kysely<Database>,
  actor: Actor,
  spec: ImportSpec<Row>,
  data: Buffer,
  dryRun: boolean,
  lang: 'zh' | 'en' = 'zh',
  progress?: ImportProgress,
): Promise<ImportResult> {
  spec.authorize(actor);
  const parsed = await parseXlsx(spec.sheet, data, spec.maxRows, { lang });
  // Never awaited inside the transaction: on the embedded database a progress write from another
  // connection would wait for the very transaction it reports on.
  const report = (done: number, total: number) => {
    if (progress) void Promise.resolve(progress(done, total)).catch(() => undefined);
  };
  report(0, parsed.rows.length);
  const result: ImportResult = { dryRun, rowCount: parsed.rows.length, errors: [...parsed.errors], committed: 0 };
  if (parsed.rows.length === 0 && parsed.errors.length === 0)
    throw badRequest('IMPORT_EMPTY', { zh: '文件中没有数据行', en: 'The file has no data rows' });
  // Checks only read; run outside a transaction they take the connection one query at a time.
  result.errors.push(...(await spec.check(db as unknown as Transaction<Database>, actor, parsed.rows)));
  result.errors.sort((a, b) => a.row - b.row);
  if (dryRun || result.errors.length) return result;
  const ROLLBACK = Symbol('rollback');
  try {
    await db.transaction().execute(async (trx) => {
      const late = await spec.check(trx, actor, parsed.rows);
      if (late.length) {
        result.errors.push(...late);
        throw ROLLBACK;
      }
      await spec.commit(trx, actor, parsed.rows, async (done, total) => report(done, total));
      result.committed = parsed.rows.length;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  if (result.committed) report(result.committed, result.committed);
  return result;
}

/** Rows written so far of the rows to write (an import's progress). */
export type ImportProgress = (done: number, total: number) => unknown;

/** The uploaded spreadsheet of an import request (multipart), at most `max` bytes. */
export async function uploadedFile(req: FastifyRequest, max: number): Promise<Buffer> {
  const part = await req.file({ limits: { fileSize: max } });
  if (!part) throw badRequest('FILE_MISSING', { zh: '请选择要导入的 Excel 文件', en: 'Choose an Excel file to import' });
  return part.toBuffer();
}

/**
 * Registers `POST {path}?dryRun=1|0[&job=1]` (multipart xlsx) and `GET {path}/template` for an import.
 * Every module's import goes through here. With `job=1` the import runs as a background job (202 with
 * its id): `GET /api/v1/jobs/:id` shows rows written of rows to write, and the import's result when done.
 */
export function importRoutes<Row>(app: App, ctx: AppContext, path: string, spec: ImportSpec<Row>) {
  app.post(path, { schema: { tags: ['import'], querystring: ImportQuery.extend({ job: z.enum(['0', '1']).optional() }), response: { 200: ImportResultOut, 202: JobStartedOut } } }, async (req, reply) => {
    const actor = activeActorOf(req);
    spec.authorize(actor);
    const data = await uploadedFile(req, ctx.cfg.maxUploadBytes);
    const dryRun = req.query.dryRun === '1';
    if (req.query.job !== '1') return runImport(ctx.db, actor, spec, data, dryRun, req.lang);
    const title = `${dryRun ? '检查' : '导入'}“${spec.sheet.name}”`;
    const jobId = await startJob(ctx.db, ctx.storage, actor, 'import', title, async (progress) => ({
      summary: await runImport(ctx.db, actor, spec, data, dryRun, req.lang, progress),
    }));
    return reply.code(202).send({ jobId });
  });
  app.get(`${path}/template`, { schema: { tags: ['import'], response: xlsxResponse('导入模板（.xlsx）') } }, async (req, reply) => {
    const actor = activeActorOf(req);
    spec.authorize(actor);
    const buf = await exportXlsx(spec.sheet, []);
    return sendXlsx(reply, `${spec.sheet.name}-导入模板.xlsx`, buf);
  });
}

/** Contracts for modules' import and export routes. */
export { fileResponse, xlsxResponse, ImportResultOut } from '../../../common/core-api.js';
/** `?dryRun=1` (default: check only) or `?dryRun=0` (write). */
export const ImportQuery = z.object({ dryRun: z.enum(['0', '1']).default('1') });

/** Sends an xlsx download. */
export function sendXlsx(reply: import('fastify').FastifyReply, filename: string, buf: Buffer) {
  reply.header('content-type', MIME.xlsx);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  return reply.send(buf);
}
