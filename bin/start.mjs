#!/usr/bin/env node
// `npm start`: builds the web app once if it is missing, then serves web + API (production mode).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { register } from 'tsx/esm/api';
if (!existsSync('dist/web/index.html')) {
  console.log('Building the web app (first start)…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
process.env.NODE_ENV ??= 'production';
register();
await import('../server/main.ts');
