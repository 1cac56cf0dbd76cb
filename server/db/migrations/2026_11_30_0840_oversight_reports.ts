import { sql, type Kysely } from 'kysely';

/**
 * The year's handling report of NPC suggestions and CPPCC proposals (办理情况报告, 代表法 第五十一条:
 * 「应当予以公开」): figures generated from the records (never typed), reviewed, then published on the portal.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table oversight_reports (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      year integer not null check (year between 2000 and 2100),
      title text not null,
      foreword text not null default '',
      figures jsonb not null,
      generated_at timestamptz not null,
      status text not null default 'draft' check (status in ('draft','reviewed','published')),
      reviewed_on date,
      reviewed_by uuid references users(id),
      review_opinion text,
      published_on date,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      constraint oversight_reports_reviewed check (status = 'draft' or reviewed_on is not null),
      constraint oversight_reports_published check (status <> 'published' or published_on is not null)
    );
    create unique index oversight_reports_year_uq on oversight_reports (region_id, year);
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {}
