/** Before/after comparison of an audit entry, field by field (pure; used by history and the audit log). */

/** One field of a diff. */
export interface DiffRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

const show = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Fields whose values never mean anything to a reader. */
const NOISE = new Set(['password_hash', 'hash', 'prev_hash']);

/** Fields of `before` and `after` (objects, or anything else as one "value" row), changed ones first. */
export function diffEntries(before: unknown, after: unknown): DiffRow[] {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v });
  const b = obj(before);
  const a = obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !NOISE.has(k));
  const rows = keys.map((k) => ({ field: k, before: show(b[k]), after: show(a[k]), changed: show(b[k]) !== show(a[k]) }));
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
