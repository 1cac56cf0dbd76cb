/**
 * The record core: one way to scope, read, lock, write, audit and present a record.
 *
 * A module declares each aggregate once with `defineRecord` — its table, entity name, scope columns,
 * write policy and presenter — and gets scoped `list`/`get`, `lockForWrite` (select … for update inside
 * the write scope), audited `insert`/`update`/`remove` in the caller's transaction, and the record-access
 * registration that the shared attachment and history endpoints use. The safe way is the easy way:
 * there is no unscoped read here except `unscoped`, which says why at every call.
 *
 * ```ts
 * export const Cases = defineRecord({
 *   table: 'enforcement_cases', alias: 'c', entity: 'enforcement_case',
 *   label: { zh: '执法案件', en: 'Enforcement case' },
 *   scope: { region: 'region_id', unit: 'unit_id' },
 *   write: DEFAULT_WRITE,
 * });
 * const row = await Cases.get(db, actor, id);                 // 404 for unknown and forbidden alike
 * await db.transaction().execute(async (trx) => {
 *   const before = await Cases.lockForWrite(trx, actor, id);   // 404 / 403, row locked
 *   await Cases.update(trx, actor, before, { status: 'closed' }, 'close'); // audited
 * });
 * ```
 */
import { sql, type Expression, type Selectable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database, Db } from '../db/index.js';
import { recordAudit, recordAuditMany, type AuditEvent } from './audit/index.js';
import { forbidden, notFound, type Msg } from './errors/index.js';
import { paginate, type PageQuery, type PageResult } from './list.js';
import {
  assertMayWriteAt, auditActor, readScope, registerRecordAccess, workScope, writeScope, DEFAULT_WRITE, type Actor, type ScopeCols, type WritePolicy,
} from './scope/index.js';

/** Tables that carry a region (and so can be scoped). */
type ScopedTable = {
  [K in keyof Database]: Database[K] extends { id: unknown; region_id: unknown } ? K : never;
}[keyof Database];

/** How a record is declared. */
export interface RecordSpec<T extends ScopedTable> {
  /** The table. */
  table: T;
  /** The alias the record core uses in its queries (and that `read`/`filters` refer to). */
  alias: string;
  /** Entity name in the audit log, attachments, history and deadlines. */
  entity: string;
  /** What the record is called, for "not found" messages. */
  label: Msg;
  /** Scope columns (without alias): the region, and the owning unit where there is one. */
  scope: { region: string; unit?: string };
  /** Who may write (default: the office region-wide, unit heads and liaisons for their unit). */
  write?: WritePolicy;
  /**
   * A wider read condition than the default scope (e.g. the issuing organ's staff, or an advisor firm
   * assigned a review). Must include the default: it gets `base` to OR with.
   */
  read?: (actor: Actor, alias: string, base: Expression<SqlBool>) => Expression<SqlBool>;
  /**
   * A wider write condition than the default (e.g. the issuing organ's staff also edit). Gets `base`.
   */
  writeWhere?: (actor: Actor, alias: string, base: Expression<SqlBool>, policy: WritePolicy) => Expression<SqlBool>;
  /**
   * Whether attachments may be added to or removed from a record in this state (e.g. not after a
   * review is concluded). Default: yes when the actor may write the record.
   */
  attachable?: (row: Selectable<Database[T]>) => boolean;
}

/** A record definition: every scoped operation on one aggregate. */
export interface RecordDef<T extends ScopedTable> {
  readonly spec: RecordSpec<T>;
  readonly entity: string;
  readonly label: Msg;
  /** The read condition for a query over this table with the given alias. */
  readWhere(actor: Actor, alias?: string): Expression<SqlBool>;
  /** The write condition for a query over this table with the given alias. */
  writeWhere(actor: Actor, alias?: string, policy?: WritePolicy): Expression<SqlBool>;
  /**
   * The reader's own work among what they read (`workScope`): records of the regions they govern and of
   * their units — a city office's to-do counts leave out the districts' records. Added to a read query.
   */
  workWhere(actor: Actor, alias?: string): Expression<SqlBool>;
  /** `select … from table as alias where <read scope>` — the start of every list and look-up. */
  query(db: Db, actor: Actor): SelectQueryBuilder<any, any, any>;
  /** One record in the read scope, or 404 (unknown and forbidden alike). */
  get(db: Db, actor: Actor, id: string): Promise<Selectable<Database[T]>>;
  /** One record in the read scope, or undefined. */
  find(db: Db, actor: Actor, id: string): Promise<Selectable<Database[T]> | undefined>;
  /** A page of records in the read scope; sorting always ends on the id, so no record falls between pages. */
  list<O>(
    db: Db,
    actor: Actor,
    page: PageQuery,
    opts: {
      select: (qb: SelectQueryBuilder<any, any, any>) => SelectQueryBuilder<any, any, O>;
      sortable: Record<string, string>;
      defaultSort: { column: string; order: 'asc' | 'desc' };
    },
  ): Promise<PageResult<O>>;
  /**
   * Locks one record for a write inside a transaction: 404 when the actor cannot read it, 403 when they
   * can read but not write it (under `policy`), otherwise the row, locked until the transaction ends.
   */
  lockForWrite(trx: Db, actor: Actor, id: string, policy?: WritePolicy): Promise<Selectable<Database[T]>>;
  /** Inserts a record after checking the actor may write at its region/unit; audited as `action`. */
  insert(trx: Db, actor: Actor | null, values: Record<string, unknown>, action?: string): Promise<Selectable<Database[T]>>;
  /**
   * Inserts many records at once (bulk imports): the write check once per distinct region/unit, multi-row
   * inserts, and the audit entries appended per chain in one batch (`recordAuditMany`). Rows come back in
   * the order given.
   */
  insertMany(trx: Db, actor: Actor | null, values: Record<string, unknown>[], action?: string): Promise<Selectable<Database[T]>[]>;
  /** Audit entries about many records at once (child-table changes of a bulk write). */
  auditMany(trx: Db, actor: Actor | null, action: string, items: { before: unknown; after: Selectable<Database[T]> | Record<string, unknown> }[]): Promise<void>;
  /** Updates a locked record; audited with before and after. */
  update(trx: Db, actor: Actor | null, before: Selectable<Database[T]>, set: Record<string, unknown>, action?: string): Promise<Selectable<Database[T]>>;
  /** Deletes a locked record; audited with its last state. */
  remove(trx: Db, actor: Actor | null, before: Selectable<Database[T]>, action?: string): Promise<void>;
  /** Records an audit entry about this record (for changes made in child tables). */
  audit(trx: Db, actor: Actor | null, action: string, before: unknown, after: Selectable<Database[T]> | Record<string, unknown>): Promise<void>;
  /**
   * Reads a record by id without scope. Only for system work that has no actor (scheduled jobs, the
   * demo loader, migrations): `why` names the caller, and is required so each use is reviewable.
   */
  unscoped(db: Db, id: string, why: string): Promise<Selectable<Database[T]> | undefined>;
}

const col = (alias: string, c: string) => `${alias}.${c}`;

/** Declares a record (see the module comment). Registers its record access for attachments and history. */
export function defineRecord<T extends ScopedTable>(spec: RecordSpec<T>): RecordDef<T> {
  type Row = Selectable<Database[T]>;
  const policyOf = (p?: WritePolicy) => p ?? spec.write ?? DEFAULT_WRITE;
  const colsOf = (alias: string): ScopeCols => ({ region: col(alias, spec.scope.region), unit: spec.scope.unit ? col(alias, spec.scope.unit) : undefined });
  const notFoundErr = () => notFound(spec.label);

  const readWhere = (actor: Actor, alias = spec.alias) => {
    const base = readScope(actor, colsOf(alias));
    return spec.read ? spec.read(actor, alias, base) : base;
  };
  const writeWhere = (actor: Actor, alias = spec.alias, policy?: WritePolicy) => {
    const p = policyOf(policy);
    const base = writeScope(actor, colsOf(alias), p);
    return spec.writeWhere ? spec.writeWhere(actor, alias, base, p) : base;
  };
  const from = (db: Db) => (db as any).selectFrom(`${spec.table} as ${spec.alias}`) as SelectQueryBuilder<any, any, any>;
  const query = (db: Db, actor: Actor) => from(db).where(readWhere(actor));
  const find = async (db: Db, actor: Actor, id: string) =>
    (await query(db, actor).selectAll(spec.alias).where(col(spec.alias, 'id'), '=', id).executeTakeFirst()) as Row | undefined;

  const audit = async (trx: Db, actor: Actor | null, action: string, before: unknown, after: Record<string, unknown>) => {
    const a = after as Record<string, unknown>;
    await recordAudit(trx, auditActor(actor), {
      entity: spec.entity,
      entityId: String(a.id),
      action,
      regionId: (a[spec.scope.region] as string) ?? null,
      unitId: spec.scope.unit ? ((a[spec.scope.unit] as string | null) ?? null) : null,
      before,
      after,
    });
  };

  const eventOf = (action: string, before: unknown, after: Record<string, unknown>): AuditEvent => ({
    entity: spec.entity,
    entityId: String(after.id),
    action,
    regionId: (after[spec.scope.region] as string) ?? null,
    unitId: spec.scope.unit ? ((after[spec.scope.unit] as string | null) ?? null) : null,
    before,
    after,
  });
  /** Rows per multi-row insert (bind parameters stay far below PostgreSQL's limit for any table). */
  const INSERT_BATCH = 500;

  const def: RecordDef<T> = {
    spec,
    entity: spec.entity,
    label: spec.label,
    readWhere,
    writeWhere,
    workWhere: (actor, alias = spec.alias) => workScope(actor, colsOf(alias)),
    query,
    find,
    async get(db, actor, id) {
      const row = await find(db, actor, id);
      if (!row) throw notFoundErr();
      return row;
    },
    async list(db, actor, page, opts) {
      const qb = opts.select(query(db, actor));
      return paginate(qb, page, opts.sortable, opts.defaultSort, col(spec.alias, 'id'));
    },
    async lockForWrite(trx, actor, id, policy) {
      const row = (await from(trx)
        .selectAll(spec.alias)
        .select(sql<boolean>`${writeWhere(actor, spec.alias, policy)}`.as('__may_write'))
        .where(col(spec.alias, 'id'), '=', id)
        .where(readWhere(actor))
        .forUpdate(spec.alias as any)
        .executeTakeFirst()) as (Row & { __may_write?: boolean }) | undefined;
      if (!row) throw notFoundErr();
      const { __may_write, ...rest } = row;
      if (!__may_write) throw forbidden();
      return rest as unknown as Row;
    },
    async insert(trx, actor, values, action = 'create') {
      if (actor) {
        const regionId = values[spec.scope.region] as string;
        const unitId = spec.scope.unit ? ((values[spec.scope.unit] as string | null | undefined) ?? null) : null;
        await assertMayWriteAt(trx, actor, regionId, unitId, policyOf());
      }
      const row = (await (trx as any).insertInto(spec.table).values(values).returningAll().executeTakeFirstOrThrow()) as Row;
      await audit(trx, actor, action, null, row as Record<string, unknown>);
      return row;
    },
    async insertMany(trx, actor, values, action = 'create') {
      if (actor) {
        const places = new Map<string, [string, string | null]>();
        for (const v of values) {
          const regionId = v[spec.scope.region] as string;
          const unitId = spec.scope.unit ? ((v[spec.scope.unit] as string | null | undefined) ?? null) : null;
          places.set(`${regionId}|${unitId ?? ''}`, [regionId, unitId]);
        }
        for (const [regionId, unitId] of places.values()) await assertMayWriteAt(trx, actor, regionId, unitId, policyOf());
      }
      const rows: Row[] = [];
      for (let i = 0; i < values.length; i += INSERT_BATCH)
        rows.push(...((await (trx as any).insertInto(spec.table).values(values.slice(i, i + INSERT_BATCH)).returningAll().execute()) as Row[]));
      await recordAuditMany(trx, auditActor(actor), rows.map((r) => eventOf(action, null, r as Record<string, unknown>)));
      return rows;
    },
    auditMany: (trx, actor, action, items) =>
      recordAuditMany(trx, auditActor(actor), items.map((it) => eventOf(action, it.before, it.after as Record<string, unknown>))),
    async update(trx, actor, before, set, action = 'update') {
      const id = (before as { id: string }).id;
      const after = (await (trx as any).updateTable(spec.table).set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow()) as Row;
      await audit(trx, actor, action, before, after as Record<string, unknown>);
      return after;
    },
    async remove(trx, actor, before, action = 'delete') {
      const b = before as Record<string, unknown>;
      await (trx as any).deleteFrom(spec.table).where('id', '=', b.id).execute();
      await recordAudit(trx, auditActor(actor), {
        entity: spec.entity,
        entityId: String(b.id),
        action,
        regionId: (b[spec.scope.region] as string) ?? null,
        unitId: spec.scope.unit ? ((b[spec.scope.unit] as string | null) ?? null) : null,
        before,
        after: null,
      });
    },
    audit: (trx, actor, action, before, after) => audit(trx, actor, action, before, after as Record<string, unknown>),
    async unscoped(db, id, why) {
      if (!why) throw new Error('unscoped read needs a reason');
      return (await from(db).selectAll(spec.alias).where(col(spec.alias, 'id'), '=', id).executeTakeFirst()) as Row | undefined;
    },
  };

  registerRecordAccess(spec.entity, async (db, actor, id, mode) => {
    const row = (await from(db)
      .selectAll(spec.alias)
      .select(sql<boolean>`${writeWhere(actor)}`.as('__may_write'))
      .where(col(spec.alias, 'id'), '=', id)
      .where(readWhere(actor))
      .executeTakeFirst()) as (Record<string, unknown> & { __may_write?: boolean }) | undefined;
    if (!row) return null;
    if (mode === 'write') {
      if (!row.__may_write) return null;
      const { __may_write: _w, ...rest } = row;
      if (spec.attachable && !spec.attachable(rest as Row)) return null;
    }
    return { regionId: row[spec.scope.region] as string, unitId: spec.scope.unit ? ((row[spec.scope.unit] as string | null) ?? null) : null };
  });

  return def;
}
