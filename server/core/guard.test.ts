/**
 * The build fails when a module bypasses the record core: a query on the org tables outside the org
 * module, a region-subtree computed by hand, a nil-UUID placeholder for an empty list, a deprecated
 * id-list scope, or a module-local lock helper. Files still being moved are listed in PENDING, and the
 * list may only shrink: a listed file that no longer breaks a rule fails the test too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../modules');

const RULES: { name: string; re: RegExp; except?: (file: string) => boolean }[] = [
  { name: 'nil-UUID placeholder for an empty list', re: /'00000000-0000-0000-0000-000000000000'/ },
  { name: 'direct query on units/regions outside the org module (use org/lookup.ts)', re: /(selectFrom|updateTable|insertInto|deleteFrom)\(\s*'(units|regions)\b/, except: (f) => f.startsWith('org/') },
  { name: 'region subtree computed outside core (use inRegionPaths)', re: /'path',\s*'like'|path like/ },
  { name: 'deprecated id-list scope (use region paths)', re: /\bregionsByRole\b|\breadRegions\(|\bcanWriteAt\(|\bregionSubtree\(|\.regionIds\b/ },
  { name: 'module-local lock helper (use defineRecord().lockForWrite)', re: /async function lock[A-Z]\w*\(/ },
  { name: 'deadline titled in Chinese only (setDeadlinePre0800 is for migrations before 0800)', re: /\bsetDeadlinePre0800\b/ },
];

/** Files not yet moved onto the record core (shrinks to empty). */
const PENDING = new Set<string>([]);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

function violations(file: string, rel: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return RULES.filter((r) => !(r.except?.(rel) ?? false) && r.re.test(text)).map((r) => r.name);
}

describe('record-core guard', () => {
  const files = walk(ROOT).map((f) => ({ file: f, rel: path.relative(ROOT, f).split(path.sep).join('/') }));

  it('finds no module bypassing the record core (outside the pending list)', () => {
    const bad = files.filter((f) => !PENDING.has(f.rel)).flatMap((f) => violations(f.file, f.rel).map((v) => `${f.rel}: ${v}`));
    expect(bad).toEqual([]);
  });

  it('lists as pending only files that still break a rule', () => {
    const cleared = files.filter((f) => PENDING.has(f.rel) && violations(f.file, f.rel).length === 0).map((f) => f.rel);
    const gone = [...PENDING].filter((p) => !files.some((f) => f.rel === p));
    expect([...cleared, ...gone]).toEqual([]);
  });
});

/**
 * Every audited action named in the code has a zh/en name (the audit log and record history show it,
 * never `set_co_units`): the actions passed to a record's audit/insert/update/remove and `action:` fields.
 */
describe('audited actions have names', () => {
  it('finds no audited action without a label in common/labels.ts', async () => {
    const { ACTION_LABELS } = await import('../../common/labels.js');
    const server = path.resolve(import.meta.dirname, '..');
    const patterns = [
      /\.(?:audit|auditMany)\(\s*\w+,\s*[\w.]+,\s*'([a-z][a-z0-9_]*)'/g,
      /\baction:\s*'([a-z][a-z0-9_]*)'/g,
      /\.(?:insert|insertMany|update|remove)\((?:[^()]|\([^()]*\))*?,\s*'([a-z][a-z0-9_]*)'\s*\)/g,
    ];
    const missing = new Set<string>();
    for (const file of walk(server)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const re of patterns) for (const m of text.matchAll(re)) if (!ACTION_LABELS[m[1]]) missing.add(`${m[1]} (${path.relative(server, file)})`);
    }
    expect([...missing]).toEqual([]);
  });
});
