import { sql, type Kysely } from 'kysely';

/**
 * "一件事" integrated services (REFERENCE §11; 国发〔2024〕3号 「高效办成一件事」): a service bundles items of
 * the power list across units, with its window, the documents asked once, the promised time and its
 * status; the published ones form the public catalogue. A reform task of the plan module can be linked to
 * the services it delivers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table power_services (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      code text not null check (length(trim(code)) > 0),
      name text not null check (length(trim(name)) > 1),
      lead_unit_id uuid not null references units(id),
      service_window text not null check (length(trim(service_window)) > 1),
      documents jsonb not null default '[]',
      promised_days integer not null check (promised_days > 0),
      description text not null default '',
      status text not null default 'draft' check (status in ('draft','published','withdrawn')),
      published_on date,
      withdrawn_on date,
      withdraw_reason text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      constraint power_services_published check (status = 'draft' or published_on is not null),
      constraint power_services_withdrawn check (status <> 'withdrawn' or (withdrawn_on is not null and withdrawn_on >= published_on))
    );
    create unique index power_services_code_uq on power_services (region_id, code);

    create table power_service_items (
      service_id uuid not null references power_services(id) on delete cascade,
      power_item_id uuid not null references power_items(id),
      seq integer not null,
      primary key (service_id, power_item_id)
    );
    create index power_service_items_item_idx on power_service_items (power_item_id);

    create table power_service_tasks (
      service_id uuid not null references power_services(id) on delete cascade,
      task_id uuid not null references plan_tasks(id),
      primary key (service_id, task_id)
    );
    create index power_service_tasks_task_idx on power_service_tasks (task_id);
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {}
