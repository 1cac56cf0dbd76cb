import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../server/db/index.js';
import { loadConfig } from '../server/config.js';
import { loadDemo } from '../demo/index.js';

/** The demo district as a PGlite dump, built once per run; each journey's server starts from it. */
export const DEMO_TEMPLATE = path.resolve('.tmp/e2e-demo.tgz');

/** Loads the demo once (≈ a minute with every module) instead of once per test file. */
export default async function setup() {
  fs.mkdirSync(path.dirname(DEMO_TEMPLATE), { recursive: true });
  const cfg = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
  const o = await openDatabase({ dataDir: 'memory://' });
  await loadDemo(o.db, cfg);
  const blob = await o.dump!();
  fs.writeFileSync(DEMO_TEMPLATE, Buffer.from(await blob.arrayBuffer()));
  await o.close();
}
