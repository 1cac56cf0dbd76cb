#!/usr/bin/env node
// The `fazhi` command: runs server/cli.ts through tsx (TypeScript without a build step).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
register();
const here = path.dirname(fileURLToPath(import.meta.url));
await import(path.join(here, '..', 'server', 'cli.ts'));
