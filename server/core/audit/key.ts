/**
 * The audit key: entries of the per-region chains are hashed with HMAC-SHA256 under a key kept OUTSIDE the
 * database (a file beside the data directory, or the AUDIT_KEY environment variable), so whoever holds the
 * database alone cannot re-hash an altered chain (issue: the unkeyed SHA-256 chain was re-forged by a
 * superuser and still verified). Signed anchors of the chain heads, written outside the database, catch
 * a deleted tail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createHmac, randomBytes } from 'node:crypto';

let key: Buffer | null = null;
let source = 'none';

/** Where the key comes from: `AUDIT_KEY` (hex, ≥ 32 bytes) or `AUDIT_KEY_FILE` (default `DATA_DIR/audit.key`, created 0600 on first use). */
export function configureAuditKey(opts: { env?: Record<string, string | undefined>; dataDir?: string; ephemeral?: boolean }) {
  const env = opts.env ?? process.env;
  if (env.AUDIT_KEY) {
    const k = Buffer.from(env.AUDIT_KEY, 'hex');
    if (k.length < 32) throw new Error('AUDIT_KEY must be at least 32 bytes of hex (64 hex digits)');
    key = k;
    source = 'env AUDIT_KEY';
    return;
  }
  if (opts.ephemeral || !opts.dataDir || opts.dataDir.startsWith('memory:')) {
    // In-memory databases: a key for this process only.
    key ??= randomBytes(32);
    source = 'ephemeral';
    return;
  }
  const file = env.AUDIT_KEY_FILE ?? path.join(opts.dataDir, 'audit.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length < 32) throw new Error(`${file}: the audit key must be at least 32 bytes of hex`);
  source = file;
}

/**
 * The key used when none was configured: tests and benchmarks, whose template databases are written by
 * another process. It protects nothing — `npm start` and the CLI always configure a real key first.
 */
const UNCONFIGURED = createHash('sha256').update('fazhi: no audit key configured (tests only)').digest();

/** HMAC-SHA256 of a text under the audit key. */
export function auditMac(text: string): string {
  return createHmac('sha256', key ?? UNCONFIGURED).update(text).digest('hex');
}

/** Where the key in use came from (for `fazhi audit verify`). */
export const auditKeySource = () => source;
