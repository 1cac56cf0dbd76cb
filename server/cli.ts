import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { openDatabase, type OpenDatabase } from './db/index.js';
import { migrateToLatest } from './db/migrator.js';
import { verifyAudit, recordAudit, anchorAudit, verifyAnchor, type AuditAnchor, type VerifyResult } from './core/audit/index.js';
import { auditKeySource, configureAuditKey } from './core/audit/key.js';
import { writeAnchor } from './core/audit/anchor-file.js';
import { restoreBackup, writeBackup } from './core/backup.js';
import { LocalStorage } from './core/files/index.js';
import { loadCalendar, computeDeadline } from './core/calendar/index.js';
import { recomputeOpenDeadlines } from './core/deadlines/index.js';
import { loadDemo } from '../demo/index.js';
import { ROLES, type Role } from '../common/roles.js';
import { hashPassword } from './core/auth/password.js';
import { assertPasswordPolicy } from './core/auth/service.js';
import { addGrant, resetPassword } from './modules/org/service.js';
import { regionByCode, unitsNamedAnywhere } from './modules/org/lookup.js';
import { AppError } from './core/errors/index.js';
import { cliCommands } from './modules/cli.js';
import { provinceDemo } from '../demo/province/cli.js';

const HELP = `fazhi — 法治政府建设综合管理平台 command line

  fazhi migrate                                  apply database migrations
  fazhi demo                                     load the demo district (焦作市中站区, 2020)
  fazhi demo --scale province [--seed N] [--cities N] [--districts N] [--volume F]
                                                 generate the province-scale dataset (示范省 990000: 18 cities, 150 districts, a year of records)
  fazhi user create --username U --name N [--unit UNIT_NAME [--unit-region CODE]] --password P [--role R [--region CODE]]  (without --region the role is over --unit; --unit-region when the unit name exists in several districts)
  fazhi user reset-password --username U --password P
  fazhi user assign --username U --role R (--region CODE | --unit UNIT_NAME [--unit-region CODE])
  fazhi user list
  fazhi calendar list --year Y [--month M]       show working days and holidays
  fazhi calendar override --day D --kind workday|holiday --reason TEXT
  fazhi calendar compute --from D --unit WD|ND|M --n N [--roll]
  fazhi audit verify                             check the hash chain; names the first bad entry
  fazhi backup --out FILE                        database and attachments to one file, verified after writing
  fazhi restore --in FILE [--force]              into an empty database (--force replaces existing data)
${cliCommands.map((c) => `  ${c.usage}`).join('\n')}

Environment: DATA_DIR (default ./data) or DATABASE_URL for PostgreSQL.`;

async function withDb<T>(fn: (o: OpenDatabase) => Promise<T>, migrate = true): Promise<T> {
  const cfg = loadConfig();
  configureAuditKey({ dataDir: cfg.dataDir });
  const o = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, migrate });
  try {
    return await fn(o);
  } finally {
    await o.close();
  }
}

const CLI = { userId: null, name: 'fazhi cli', ip: 'cli' };

async function main(argv: string[]) {
  const [cmd, sub, ...rest] = argv;
  const { values } = parseArgs({
    args: cmd && ['user', 'calendar', 'audit'].includes(cmd) ? rest : [sub, ...rest].filter((x) => x !== undefined),
    options: {
      username: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' }, 'unit-region': { type: 'string' }, password: { type: 'string' },
      role: { type: 'string' }, region: { type: 'string' }, anchor: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' },
      day: { type: 'string' }, kind: { type: 'string' }, reason: { type: 'string' }, from: { type: 'string' },
      n: { type: 'string' }, roll: { type: 'boolean' }, out: { type: 'string' }, in: { type: 'string' }, force: { type: 'boolean' },
      format: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      scale: { type: 'string' }, seed: { type: 'string' }, cities: { type: 'string' }, districts: { type: 'string' }, volume: { type: 'string' },
    },
    allowPositionals: true,
    strict: false,
  });
  const v = values as Record<string, string | boolean | undefined>;
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const need = (k: string) => {
    const x = s(k);
    if (!x) throw new Error(`--${k} is required`);
    return x;
  };
  const cfg = loadConfig();
  const ext = cliCommands.find((c) => c.name === cmd);
  if (ext) return ext.run(s, need);
  switch (cmd) {
    case 'migrate':
      return withDb(async (o) => console.log(`migrations applied: ${(await migrateToLatest(o.db)).length || 'none (up to date)'}`));
    case 'demo':
      if (s('scale') === 'province') return withDb((o) => provinceDemo(o, s));
      if (s('scale') && s('scale') !== 'district') throw new Error('--scale must be district (the default) or province');
      return withDb(async (o) => console.log((await loadDemo(o.db, cfg)) ? 'demo district loaded (410803)' : 'demo district already present'));
    case 'user':
      return withDb(async ({ db }) => {
        if (sub === 'list') {
          const rows = await db.selectFrom('users as u').leftJoin('units as n', 'n.id', 'u.unit_id').select(['u.username', 'u.display_name', 'n.name as unit', 'u.active']).orderBy('u.username').execute();
          for (const r of rows) console.log(`${r.username.padEnd(14)} ${r.display_name}\t${r.unit ?? ''}${r.active ? '' : ' (停用)'}`);
          return;
        }
        const username = need('username').toLowerCase();
        if (sub === 'create') {
          const password = need('password');
          assertPasswordPolicy(password, username, 'password');
          const unitName = s('unit');
          const unit = unitName ? await unitNamed(db, unitName) : undefined;
          const hash = await hashPassword(password, cfg.scryptN);
          const user = await db.transaction().execute(async (trx) => {
            const u = await trx.insertInto('users').values({ username, display_name: need('name'), unit_id: unit?.id ?? null, password_hash: hash, must_change_password: true }).returning('id').executeTakeFirstOrThrow();
            await recordAudit(trx, CLI, { entity: 'user', entityId: u.id, action: 'create', after: { username } });
            return u;
          });
          console.log(`user ${username} created (must change password at first sign-in)`);
          if (s('role')) await assign(db, user.id);
          return;
        }
        const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
        if (!user) throw new Error(`no user ${username}`);
        if (sub === 'reset-password') {
          await resetPassword(db, cfg, null, user.id, need('password'));
          return console.log(`password of ${username} reset; it must be changed at next sign-in`);
        }
        if (sub === 'assign') return assign(db, user.id);
        throw new Error(`unknown: user ${sub ?? ''}`);
        /** A unit by name; a name used in several districts needs --unit-region REGION_CODE (every district has a 区民政局). */
        async function unitNamed(dbx: typeof db, name: string) {
          const inCode = s('unit-region');
          const found = (await unitsNamedAnywhere(dbx, name)).filter((u) => !inCode || u.region_code === inCode);
          if (found.length === 0) throw new Error(`unit not found: ${name}${inCode ? ` in ${inCode}` : ''}`);
          if (found.length > 1) throw new Error(`unit name ${name} is used in ${found.map((u) => u.region_code).join(', ')}: add --unit-region REGION_CODE`);
          return found[0];
        }
        async function assign(dbx: typeof db, userId: string) {
          const role = need('role') as Role;
          if (!ROLES.includes(role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
          const regionCode = s('region');
          const region = regionCode ? await regionByCode(dbx, regionCode) : undefined;
          if (regionCode && !region) throw new Error(`region not found: ${regionCode}`);
          const unit = !regionCode && s('unit') ? await unitNamed(dbx, s('unit')!) : undefined;
          if (!region && !unit) throw new Error('give --region CODE or --unit UNIT_NAME that exists');
          await addGrant(dbx, null, userId, { role, regionId: region?.id ?? null, unitId: unit?.id ?? null });
          console.log(`granted ${role}`);
        }
      });
    case 'calendar':
      return withDb(async ({ db }) => {
        if (sub === 'list') {
          const cal = await loadCalendar(db);
          const year = Number(need('year'));
          const months = s('month') ? [Number(s('month'))] : Array.from({ length: 12 }, (_, i) => i + 1);
          for (const m of months)
            for (const d of cal.month(year, m)) if (d.kind !== 'workday' && d.kind !== 'weekend') console.log(`${d.date}  ${d.workday ? '上班' : '放假'}  ${d.kind}${d.name ? `  ${d.name}` : ''}${d.provisional ? '  (provisional)' : ''}`);
          return;
        }
        if (sub === 'override') {
          const kind = need('kind');
          if (kind !== 'workday' && kind !== 'holiday') throw new Error('--kind workday|holiday');
          const moved = await db.transaction().execute(async (trx) => {
            const values = { day: need('day'), kind: kind as 'workday' | 'holiday', reason: need('reason') };
            await trx.insertInto('calendar_overrides').values(values).onConflict((oc) => oc.column('day').doUpdateSet(values)).execute();
            await recordAudit(trx, CLI, { entity: 'calendar_override', entityId: values.day, action: 'create', after: values });
            return recomputeOpenDeadlines(trx);
          });
          return console.log(`override saved; ${moved} open deadlines moved`);
        }
        if (sub === 'compute') {
          const c = computeDeadline(await loadCalendar(db), { from: need('from'), unit: need('unit') as 'WD', n: Number(need('n')), rollOver: !!v.roll });
          return console.log(`${c.due}${c.provisional ? ' (provisional)' : ''}\n${c.explain.zh}`);
        }
        throw new Error(`unknown: calendar ${sub ?? ''}`);
      });
    case 'audit':
      if (sub === 'anchor')
        return withDb(async ({ db }) => {
          const out = String(values.out ?? path.join(cfg.dataDir, 'audit-anchors', 'latest.json'));
          writeAnchor(out, await anchorAudit(db));
          console.log(`audit anchor written: ${out}`);
        });
      if (sub !== 'verify') throw new Error('usage: fazhi audit verify [--anchor FILE] | fazhi audit anchor [--out FILE]');
      return withDb(async ({ db }) => {
        const report = (r: VerifyResult, what: string) => {
          if (r.ok) return console.log(`${what} OK: ${r.count ? `${r.count} entries in ` : ''}${r.chains} chains (key: ${auditKeySource()})`);
          const b = r.firstBad!;
          console.error(`${what} BROKEN in chain "${b.chain}" at position ${b.chainSeq}${b.seq !== undefined ? ` (entry #${b.seq})` : ''}: ${b.problem} (${r.count} entries verified before it)`);
          process.exitCode = 2;
        };
        report(await verifyAudit(db), 'audit log');
        // The latest anchor written outside the database catches a deleted tail that the head row no longer shows.
        const anchorFile = String(values.anchor ?? path.join(cfg.dataDir, 'audit-anchors', 'latest.json'));
        if (fs.existsSync(anchorFile)) report(await verifyAnchor(db, JSON.parse(fs.readFileSync(anchorFile, 'utf8')) as AuditAnchor), `anchor ${anchorFile}`);
        else if (values.anchor) throw new Error(`anchor file not found: ${anchorFile}`);
      });
    case 'backup':
      return withDb(async ({ db, kind }) => {
        const out = need('out');
        const started = Date.now();
        const r = await writeBackup(db, new LocalStorage(path.join(cfg.dataDir, 'files')), out, kind);
        const mb = (n: number) => (n / 1048576).toFixed(1);
        console.log(`备份完成 backup written: ${out} (${mb(r.bytes)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
        console.log(`  ${r.manifest.tables.length} tables, ${r.rows} rows; ${r.manifest.files.length} files (${mb(r.fileBytes)} MB)`);
        console.log('  verified: the file was read back; every table\'s row count and content hash and every file\'s size and sha256 match');
        if (r.manifest.missingFiles.length) {
          console.error(`警告 WARNING: ${r.manifest.missingFiles.length} attachments referenced by the database were missing from ${path.join(cfg.dataDir, 'files')} and are not in the backup:`);
          for (const k of r.manifest.missingFiles.slice(0, 20)) console.error(`  ${k}`);
          process.exitCode = 3;
        }
      });
    case 'restore':
      return withDb(async ({ db }) => {
        const file = need('in');
        const r = await restoreBackup(db, file, { storage: new LocalStorage(path.join(cfg.dataDir, 'files')), force: !!v.force });
        const later = await migrateToLatest(db);
        console.log(`恢复完成 restored from ${file}${r.replaced ? ' (existing data replaced)' : ''}:`);
        console.log(`  ${r.rows} rows in ${r.tables} tables; ${r.files} files (${(r.fileBytes / 1048576).toFixed(1)} MB) into ${path.join(cfg.dataDir, 'files')}`);
        for (const t of r.perTable.filter((x) => x.rows > 0)) console.log(`    ${t.name.padEnd(32)} ${t.rows}`);
        console.log('  verified: every table\'s row count and content hash equal the backup\'s');
        if (later.length) console.log(`  migrations applied after the restore: ${later.join(', ')}`);
        if (r.missingFiles.length) console.error(`警告 WARNING: ${r.missingFiles.length} attachments were already missing when the backup was taken; their records are restored without content.`);
      }, false);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return console.log(HELP);
    default:
      throw new Error(`unknown command ${cmd}\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  const msg = e instanceof AppError ? `${e.msg.zh} / ${e.msg.en}` : e instanceof Error ? e.message : String(e);
  console.error(msg);
  process.exit(1);
});
