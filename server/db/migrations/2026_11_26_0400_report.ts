import { sql, type Kysely } from 'kysely';

/** Annual reports (region × year), their prose and metadata, and frozen snapshots of their figures. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reports (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      year integer not null check (year between 2000 and 2100),
      template_version text not null,
      status text not null default 'draft' check (status in ('draft','review','secrecy','submitted','published')),
      meta jsonb not null,
      blocks jsonb not null,
      secrecy_reviewer text,
      secrecy_opinion text,
      secrecy_reviewed_at timestamptz,
      submitted_at timestamptz,
      submitted_by uuid references users(id),
      public_url text,
      published_on date,
      late_reason text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (region_id, year),
      check (status not in ('submitted','published') or (submitted_at is not null and secrecy_reviewed_at is not null)),
      check (status <> 'published' or (public_url is not null and published_on is not null))
    );
    create table report_snapshots (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references reports(id),
      kind text not null check (kind in ('review','submission')),
      taken_at timestamptz not null default now(),
      taken_by uuid references users(id),
      figures jsonb not null,
      content_hash text not null
    );
    create index report_snapshots_report_idx on report_snapshots (report_id, taken_at);
  `.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
