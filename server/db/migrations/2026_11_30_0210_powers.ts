import { sql, type Kysely } from 'kysely';

/**
 * The power-and-responsibility list (权责清单, REFERENCE §8): one row per version of an item, valid from
 * its effective date until the next change, so the list as of any date can be shown; every change
 * (add, amend, remove, transfer) with its approval and effective date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table power_items (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      list_level text not null check (list_level in ('department','subdistrict')),
      code text not null,
      name text not null,
      category text not null check (category in ('licensing','penalty','coercion','levy','benefit','inspection','confirmation','reward','adjudication','other','public_service')),
      basis text not null,
      responsibility text not null default '',
      accountability text not null default '',
      version integer not null default 1,
      predecessor_id uuid references power_items(id),
      effective_from date not null,
      effective_to date,
      created_at timestamptz not null default now(),
      constraint power_items_period check (effective_to is null or effective_to > effective_from)
    );
    create unique index power_items_code_uq on power_items (unit_id, code) where effective_to is null;
    create index power_items_region_idx on power_items (region_id, effective_from);
    create index power_items_unit_idx on power_items (unit_id);

    create table power_changes (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      kind text not null check (kind in ('add','amend','remove','transfer')),
      item_id uuid not null references power_items(id),
      new_item_id uuid references power_items(id),
      to_unit_id uuid references units(id),
      approval_ref text not null check (length(trim(approval_ref)) > 1),
      approved_on date not null,
      effective_on date not null,
      reason text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index power_changes_item_idx on power_changes (item_id);
    create index power_changes_new_item_idx on power_changes (new_item_id);
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {}
