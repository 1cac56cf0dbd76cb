import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { badRequest, notFound, AppError } from '../errors/index.js';
import { recordAudit } from '../audit/index.js';
import { auditActor, readScope, resolveRecord, type Actor } from '../scope/index.js';

/** Where file bytes live. Local disk now; an object store implements the same three calls. */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

/**
 * The record of a file exists but its bytes do not (lost disk, restore without files): the user gets
 * 404 with a message to call the administrator; the error handler logs it for the operator.
 */
export const fileContentMissing = (key: string) =>
  new AppError(404, 'FILE_CONTENT_MISSING', {
    zh: '该文件的内容已缺失，请联系系统管理员从备份中恢复',
    en: 'The content of this file is missing; ask the administrator to restore it from a backup',
  }, { storageKey: key });

/** Stores files under `DATA_DIR/files/<aa>/<sha256>` (content-addressed, so duplicates share bytes). */
export class LocalStorage implements FileStorage {
  constructor(private readonly root: string) {}
  private file(key: string) {
    if (!/^[a-f0-9]{64}$/.test(key)) throw new Error('bad storage key');
    return path.join(this.root, key.slice(0, 2), key);
  }
  async put(key: string, data: Buffer) {
    const f = this.file(key);
    await fs.mkdir(path.dirname(f), { recursive: true });
    const tmp = `${f}.${process.pid}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, f);
  }
  async get(key: string) {
    try {
      return await fs.readFile(this.file(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw fileContentMissing(key);
      throw e;
    }
  }
  async remove(key: string) {
    await fs.rm(this.file(key), { force: true });
  }
}

/** In-memory storage (tests, memory:// databases). */
export class MemoryStorage implements FileStorage {
  private readonly map = new Map<string, Buffer>();
  async put(key: string, data: Buffer) {
    this.map.set(key, data);
  }
  async get(key: string) {
    const b = this.map.get(key);
    if (!b) throw fileContentMissing(key);
    return b;
  }
  async remove(key: string) {
    this.map.delete(key);
  }
}

/** Accepted types, detected from the content, never from the name. */
export const ALLOWED_MIME: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/zip': 'ZIP',
  'application/x-cfb': 'DOC/XLS',
  'application/ofd': 'OFD',
  // Audio-video records of enforcement (执法记录仪视频, 询问录音): the formats recorders and phones write.
  'video/mp4': 'MP4',
  'video/quicktime': 'MOV',
  'audio/mpeg': 'MP3',
  'audio/x-m4a': 'M4A',
  'audio/wav': 'WAV',
};

/** Audio and video: larger than documents, so they have their own size limit. */
export const isMedia = (mime: string) => mime.startsWith('video/') || mime.startsWith('audio/');

/** Detects the real type of the bytes and checks it against the allowed list. */
export async function detectType(data: Buffer): Promise<string> {
  const t = await fileTypeFromBuffer(data);
  const mime = t?.mime ?? 'application/octet-stream';
  if (!ALLOWED_MIME[mime])
    throw badRequest('FILE_TYPE_NOT_ALLOWED', {
      zh: `不支持的文件类型（检测为 ${mime}），仅支持 PDF、图片、Word、Excel 及音视频（MP4、MOV、MP3、M4A、WAV）`,
      en: `File type not allowed (detected ${mime}); PDF, images, Word, Excel, and audio or video (MP4, MOV, MP3, M4A, WAV) only`,
    });
  return mime;
}

const tooLarge = (max: number) =>
  new AppError(413, 'FILE_TOO_LARGE', {
    zh: `文件超过${Math.round(max / 1048576)}MB上限`,
    en: `File exceeds ${Math.round(max / 1048576)} MB`,
  });

/** Saves an uploaded file attached to a record the actor may edit; audited. */
export async function attachFile(
  db: Kysely<Database>,
  storage: FileStorage,
  actor: Actor,
  input: {
    ownerEntity: string; ownerId: string; name: string; data: Buffer; effectiveDate?: string | null;
    /** Size limit of documents and images. */
    maxBytes: number;
    /** Size limit of audio and video (defaults to `maxBytes`). */
    maxMediaBytes?: number;
  },
) {
  // Checked before any byte is stored: a name PostgreSQL cannot hold (NUL) would fail the insert and
  // leave the stored bytes orphaned.
  if ([...input.name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
    throw badRequest('FILE_NAME_INVALID', { zh: '文件名中含有控制字符，请重命名后再上传', en: 'The file name contains control characters; rename the file and upload it again' });
  if (input.data.length === 0) throw badRequest('FILE_EMPTY', { zh: '文件为空', en: 'The file is empty' });
  const maxMedia = input.maxMediaBytes ?? input.maxBytes;
  if (input.data.length > Math.max(input.maxBytes, maxMedia)) throw tooLarge(Math.max(input.maxBytes, maxMedia));
  const mime = await detectType(input.data);
  const max = isMedia(mime) ? maxMedia : input.maxBytes;
  if (input.data.length > max) throw tooLarge(max);
  const owner = await resolveRecord(db, actor, input.ownerEntity, input.ownerId, 'write');
  if (!owner) throw notFound();
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  await storage.put(sha256, input.data);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('files')
      .values({
        owner_entity: input.ownerEntity,
        owner_id: input.ownerId,
        region_id: owner.regionId,
        unit_id: owner.unitId,
        name: input.name.slice(0, 200),
        mime,
        size: input.data.length,
        sha256,
        storage_key: sha256,
        effective_date: input.effectiveDate ?? null,
        uploaded_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), {
      entity: 'file', entityId: row.id, action: 'upload', regionId: row.region_id, unitId: row.unit_id,
      after: { name: row.name, mime, size: row.size, sha256, owner: `${input.ownerEntity}:${input.ownerId}` },
    });
    return row;
  });
}

/** Files of a record the actor may read. */
export async function listFiles(db: Db, actor: Actor, ownerEntity: string, ownerId: string) {
  if (!(await resolveRecord(db, actor, ownerEntity, ownerId, 'read'))) throw notFound();
  return db
    .selectFrom('files')
    .select(['id', 'name', 'mime', 'size', 'sha256', 'effective_date', 'uploaded_at', 'uploaded_by'])
    .where('owner_entity', '=', ownerEntity)
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .orderBy('uploaded_at')
    .execute();
}

/** One file's bytes, if the actor may read the record it belongs to (scope in the SQL, then the owner check). */
export async function readFile(db: Db, storage: FileStorage, actor: Actor, fileId: string) {
  const row = await db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', fileId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([readScope(actor, { region: 'region_id', unit: 'unit_id' }), eb('uploaded_by', '=', actor.userId)]))
    .executeTakeFirst();
  if (!row) throw notFound({ zh: '文件', en: 'File' });
  if (!(await resolveRecord(db, actor, row.owner_entity, row.owner_id, 'read'))) throw notFound({ zh: '文件', en: 'File' });
  return { row, data: await storage.get(row.storage_key) };
}
