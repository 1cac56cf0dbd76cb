import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/index.js';
import { anchorAudit, type AuditAnchor } from './index.js';

/** Writes an anchor atomically (temp file + rename), keeping a dated copy beside `latest.json`. */
export function writeAnchor(file: string, anchor: AuditAnchor) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(anchor, null, 1), { mode: 0o600 });
  fs.renameSync(tmp, file);
  if (path.basename(file) === 'latest.json') fs.copyFileSync(file, path.join(path.dirname(file), `${anchor.at.slice(0, 10)}.json`));
}

/**
 * The server anchors the audit chains at start and every `everyMinutes` into `DATA_DIR/audit-anchors/`:
 * outside the database, signed with the audit key. Returns a stop function.
 */
export function scheduleAnchors(db: Db, dataDir: string, log: (e: unknown) => void, everyMinutes = 60): () => void {
  const file = path.join(dataDir, 'audit-anchors', 'latest.json');
  const run = () => anchorAudit(db).then((a) => writeAnchor(file, a)).catch(log);
  void run();
  const timer = setInterval(run, everyMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
