import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/index.js';
import { loadConfig } from '../config.js';
import { seedTestWorld } from './fixtures.js';

/** Path of the PGlite template (migrated + test world), built once per run. */
export const TEMPLATE = path.resolve('.tmp/pglite-template.tgz');

/** Builds the embedded-database template once, so each test file starts from it in ~0.5 s. */
export default async function setup() {
  if ((process.env.FAZHI_TEST_DB ?? 'pglite') !== 'pglite') return;
  fs.mkdirSync(path.dirname(TEMPLATE), { recursive: true });
  const cfg = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://' });
  const o = await openDatabase({ dataDir: 'memory://' });
  await seedTestWorld(o.db, cfg);
  const blob = await o.dump!();
  fs.writeFileSync(TEMPLATE, Buffer.from(await blob.arrayBuffer()));
  await o.close();
}
