import { sql, type Kysely } from 'kysely';

/** Core: organisation, users and sessions, audit log, calendar overrides, files, settings, deadlines. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table regions (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
      name text not null,
      level text not null check (level in ('province','city','district','subdistrict','community')),
      parent_id uuid references regions(id),
      path text not null unique,
      created_at timestamptz not null default now()
    );
    create index regions_path_idx on regions (path text_pattern_ops);

    create table units (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      parent_id uuid references units(id),
      code text,
      name text not null,
      short_name text,
      type text not null check (type in ('government','department','subdistrict','enforcement','law_firm','mediation','court','procuratorate','npc','cppcc','other')),
      active_from date,
      active_to date,
      sort integer not null default 0,
      created_at timestamptz not null default now(),
      check (active_to is null or active_from is null or active_to >= active_from)
    );
    create unique index units_region_name_idx on units (region_id, name);
    create index units_region_idx on units (region_id);

    create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null unique check (username ~ '^[a-z0-9_.-]{3,40}$'),
      display_name text not null,
      unit_id uuid references units(id),
      password_hash text not null,
      must_change_password boolean not null default false,
      password_changed_at timestamptz,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      active boolean not null default true,
      phone text,
      created_at timestamptz not null default now()
    );

    create table role_assignments (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('admin','office','unit_head','liaison','advisor','officer','leader','viewer')),
      unit_id uuid references units(id),
      region_id uuid references regions(id),
      created_at timestamptz not null default now(),
      check ((unit_id is null) <> (region_id is null))
    );
    create unique index role_assignments_uniq on role_assignments (user_id, role, coalesce(unit_id, region_id));

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      ip text,
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);

    create table login_failures (
      id bigserial primary key,
      ip text not null,
      username text,
      at timestamptz not null default now()
    );
    create index login_failures_ip_idx on login_failures (ip, at);

    create table audit_log (
      seq bigint primary key,
      at timestamptz not null,
      actor_id uuid,
      actor_name text,
      ip text,
      entity text not null,
      entity_id text,
      action text not null,
      region_id uuid,
      unit_id uuid,
      before jsonb,
      after jsonb,
      prev_hash text not null,
      hash text not null unique
    );
    create index audit_entity_idx on audit_log (entity, entity_id);
    create index audit_at_idx on audit_log (at);
    create index audit_actor_idx on audit_log (actor_id);

    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = '42501';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();

    create table calendar_overrides (
      day date primary key,
      kind text not null check (kind in ('workday','holiday')),
      reason text not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );

    create table files (
      id uuid primary key default gen_random_uuid(),
      owner_entity text not null,
      owner_id uuid not null,
      region_id uuid not null references regions(id),
      unit_id uuid references units(id),
      name text not null,
      mime text not null,
      size integer not null check (size > 0),
      sha256 text not null check (length(sha256) = 64),
      storage_key text not null,
      effective_date date,
      uploaded_by uuid references users(id),
      uploaded_at timestamptz not null default now(),
      deleted_at timestamptz
    );
    create index files_owner_idx on files (owner_entity, owner_id);

    create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );

    create table deadlines (
      id uuid primary key default gen_random_uuid(),
      module text not null,
      entity text not null,
      entity_id uuid not null,
      kind text not null,
      title text not null,
      region_id uuid not null references regions(id),
      unit_id uuid references units(id),
      assignee_id uuid references users(id),
      spec jsonb not null,
      due_date date not null,
      computation jsonb not null,
      basis text not null,
      provisional boolean not null default false,
      priority integer not null default 0,
      status text not null default 'open' check (status in ('open','done','cancelled')),
      done_at timestamptz,
      created_at timestamptz not null default now(),
      unique (entity, entity_id, kind)
    );
    create index deadlines_open_idx on deadlines (status, due_date);

    create table jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      user_id uuid references users(id),
      status text not null default 'running' check (status in ('running','done','failed')),
      progress integer not null default 0,
      total integer,
      result jsonb,
      error text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
