import path from 'node:path';

/** Typed runtime configuration, read once from the environment. */
export interface Config {
  /** HTTP port (default 3000). */
  port: number;
  /**
   * Interface to listen on. Default 127.0.0.1 whenever the demo (public passwords) may be loaded, so a
   * demo is never reachable from the network by accident; a production deployment sets FAZHI_DEMO=0 and
   * HOST=0.0.0.0 (or the address a reverse proxy reaches) itself.
   */
  host: string;
  /** Directory for the embedded database, uploaded files and locks. */
  dataDir: string;
  /** PostgreSQL connection string; when set the embedded database is not used. */
  databaseUrl?: string;
  /** production | development | test */
  env: 'production' | 'development' | 'test';
  /** Load the demo district when the database is empty. */
  demo: boolean;
  /** Session idle timeout in minutes. */
  sessionIdleMinutes: number;
  /** Session absolute lifetime in hours. */
  sessionAbsoluteHours: number;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  /** scrypt cost parameter N (memory-hard; 2^15 ≈ 32 MiB per hash). */
  scryptN: number;
  /** Largest accepted upload in bytes (documents, images, spreadsheets). */
  maxUploadBytes: number;
  /** Largest accepted audio or video attachment in bytes (on-site recordings, 执法记录仪视频). */
  maxMediaUploadBytes: number;
  /** Log level for pino (the log file, or the console when LOG_FILE is unset in production). */
  logLevel: string;
  /**
   * Where the one-line-per-request log goes. Default: DATA_DIR/logs/fazhi.log for the embedded
   * database (the console then shows warnings and errors only); `-` sends everything to the console.
   */
  logFile: string | null;
  /** Level at the console when the log goes to a file (default warn). */
  consoleLogLevel: string;
  /**
   * The reverse proxies whose X-Forwarded-For we believe (addresses or CIDRs, comma-separated; false =
   * none, the socket's address is the client). Behind a proxy every request comes from the proxy, so
   * sign-in throttling per address would block everyone at once unless the proxy is trusted; trusting
   * a header from anyone else would let a client choose its own address.
   */
  trustProxy: false | string;
  /** Serve the OpenAPI document and its UI at /api/docs (API_DOCS=0 turns it off in production). */
  apiDocs: boolean;
}

/**
 * TRUST_PROXY: unset/0/false → trust no proxy; 1/true → a proxy on this host (loopback); otherwise
 * the proxies' addresses or CIDRs. A bare hop count is not offered: it cannot tell a proxy from a
 * client sending its own header (fastify refuses it for that reason).
 */
function trustProxy(value: string | undefined): false | string {
  const v = value?.trim();
  if (!v || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return 'loopback';
  return v;
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`Invalid number in environment: ${value}`);
  return n;
}

/** Reads the configuration from `process.env` (or a given record, for tests). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const mode = (env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development') as Config['env'];
  return {
    port: int(env.PORT, 3000),
    host: env.HOST || (env.FAZHI_DEMO !== '0' ? '127.0.0.1' : '0.0.0.0'),
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    env: mode,
    demo: env.FAZHI_DEMO !== '0',
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12),
    secureCookies: env.SECURE_COOKIES === '1',
    scryptN: int(env.SCRYPT_N, mode === 'test' ? 1024 : 32768),
    maxUploadBytes: int(env.MAX_UPLOAD_BYTES, 20 * 1024 * 1024),
    maxMediaUploadBytes: int(env.MAX_MEDIA_UPLOAD_BYTES, 200 * 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info'),
    logFile: env.LOG_FILE === '-' || mode === 'test' ? null : env.LOG_FILE || (env.DATA_DIR?.startsWith('memory://') ? null : path.join(path.resolve(env.DATA_DIR ?? './data'), 'logs', 'fazhi.log')),
    consoleLogLevel: env.CONSOLE_LOG_LEVEL ?? 'warn',
    trustProxy: trustProxy(env.TRUST_PROXY),
    apiDocs: env.API_DOCS !== '0',
  };
}
