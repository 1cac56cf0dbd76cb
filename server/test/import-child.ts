// Test helper process: imports a units spreadsheet into an embedded data dir, slowly, so the test can kill it.
import fs from 'node:fs';
import { openDatabase } from '../db/index.js';
import { runImport } from '../core/excel/routes.js';
import { unitsImport } from '../modules/org/excel.js';
import { buildActor } from '../core/scope/index.js';

const [dir, file] = process.argv.slice(2);
const o = await openDatabase({ dataDir: dir });
const user = await o.db.selectFrom('users').selectAll().where('username', '=', 'office').executeTakeFirstOrThrow();
const actor = await buildActor(o.db, user, '127.0.0.1');
console.log('importing');
await runImport(o.db, actor, unitsImport, fs.readFileSync(file), false);
console.log('done');
await o.close();
