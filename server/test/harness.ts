import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { openDatabase, type Database, type OpenDatabase } from '../db/index.js';
import { loadConfig, type Config } from '../config.js';
import { buildApp } from '../app.js';
import type { App } from '../core/module.js';
import { MemoryStorage } from '../core/files/index.js';
import { seedTestWorld } from './fixtures.js';
import { DEMO_PASSWORD } from '../../demo/org.js';
import { TEMPLATE } from './global-setup.js';

/** Which database the API tests run on: `pglite` (default) or `postgres`. */
export const TEST_DB = (process.env.FAZHI_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
/** Admin URL of the PostgreSQL server used for the postgres run. */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database with the test world: from the PGlite template, or a new PostgreSQL database. */
export async function testDatabase(opts: { seed?: boolean } = {}): Promise<OpenDatabase & { cfg: Config }> {
  const cfg = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://' });
  if (TEST_DB === 'postgres') {
    const name = `fazhi_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    const o = await openDatabase({ databaseUrl: url });
    if (opts.seed !== false) await seedTestWorld(o.db, cfg);
    return {
      ...o,
      cfg,
      close: async () => {
        await o.close();
        const a = new pg.Client({ connectionString: PG_ADMIN_URL });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  if (opts.seed === false) return { ...(await openDatabase({ dataDir: 'memory://' })), cfg };
  const blob = new Blob([fs.readFileSync(TEMPLATE)]);
  return { ...(await openDatabase({ dataDir: 'memory://', loadDataDir: blob })), cfg };
}

/** A signed-in test client. */
export interface Client {
  cookie: string;
  csrf: string;
  get(url: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  post(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  put(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  patch(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  del(url: string): Promise<{ status: number; body: any }>;
}

/** The app on a fresh test database, with helpers to sign in as demo users. */
export interface TestApp {
  app: App;
  db: Kysely<Database>;
  cfg: Config;
  as(username: string, password?: string): Promise<Client>;
  anon(): Client;
  close(): Promise<void>;
}

function parse(body: string) {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Builds the app on a fresh database. */
export async function createTestApp(): Promise<TestApp> {
  const o = await testDatabase();
  const app = await buildApp({ db: o.db, cfg: o.cfg, storage: new MemoryStorage(), webDir: null });
  await app.ready();
  const client = (cookie: string, csrf: string): Client => {
    const call = async (method: string, url: string, body?: unknown) => {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (csrf) headers['x-csrf-token'] = csrf;
      const res = await app.inject({ method: method as 'GET', url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
      return { status: res.statusCode, body: parse(res.body), headers: res.headers as Record<string, unknown> };
    };
    return {
      cookie,
      csrf,
      get: (u) => call('GET', u),
      post: (u, b) => call('POST', u, b ?? {}),
      put: (u, b) => call('PUT', u, b ?? {}),
      patch: (u, b) => call('PATCH', u, b ?? {}),
      del: (u) => call('DELETE', u),
    };
  };
  return {
    app,
    db: o.db,
    cfg: o.cfg,
    anon: () => client('', ''),
    async as(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const sid = res.cookies.find((c) => c.name === 'fazhi_sid')!.value;
      return client(`fazhi_sid=${sid}`, JSON.parse(res.body).csrfToken);
    },
    async close() {
      await app.close();
      await o.close();
    },
  };
}
