import { AppError, type Msg } from './index.js';

/**
 * Database constraint violations as callers' mistakes (409/400 with a code and a zh/en message),
 * never a 500. Modules name their constraints' messages once (`registerConstraints`); an unnamed
 * constraint still gets a generic, understandable message.
 */
interface ConstraintMessage {
  status: 400 | 409;
  code: string;
  msg: Msg;
}

const byConstraint = new Map<string, ConstraintMessage>();

/** Registers the message of named constraints (unique indexes, CHECKs, foreign keys). */
export function registerConstraints(messages: Record<string, ConstraintMessage>) {
  for (const [name, m] of Object.entries(messages)) byConstraint.set(name, m);
}

/** The subset of a `pg`/PGlite error we read. */
interface PgError {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

const GENERIC: Record<string, ConstraintMessage> = {
  // unique_violation
  '23505': { status: 409, code: 'DUPLICATE', msg: { zh: '已存在相同的记录，不能重复登记', en: 'A record with the same key already exists' } },
  // check_violation: a state invariant of the record does not hold
  '23514': { status: 409, code: 'INVALID_STATE', msg: { zh: '该操作不符合记录的状态或填报规则', en: 'The change breaks a rule of the record' } },
  // foreign_key_violation: a referenced record is missing, or the record is still referenced
  '23503': { status: 409, code: 'REFERENCED', msg: { zh: '所关联的记录不存在，或该记录仍被其他记录引用', en: 'A referenced record is missing or the record is still in use' } },
  // not_null_violation
  '23502': { status: 400, code: 'REQUIRED', msg: { zh: '必填项未填写', en: 'A required value is missing' } },
  // exclusion_violation (overlapping periods)
  '23P01': { status: 409, code: 'OVERLAP', msg: { zh: '与已有记录的期间重叠', en: 'Overlaps an existing record' } },
};

/** Maps a database error to an AppError, or null when it is not a constraint violation. */
export function fromDatabaseError(err: unknown): AppError | null {
  const e = err as PgError;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string') return null;
  const generic = GENERIC[e.code];
  if (!generic) return null;
  const named = e.constraint ? byConstraint.get(e.constraint) : undefined;
  const m = named ?? generic;
  return new AppError(m.status, m.code, m.msg, e.constraint ? { constraint: e.constraint } : null);
}
