import { sql, type Kysely } from 'kysely';

/**
 * Plan module: annual plans (法治政府建设工作安排, 依法治区工作要点, 放管服改革重点工作, custom) → key works
 * (重点工作) → tasks (重点任务); the progress ledger (台账); the assessment (考核) scheme, rounds and scores.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table plan_plans (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      year integer not null check (year between 2000 and 2100),
      kind text not null check (kind in ('gov_work','district_points','reform','custom')),
      kind_label text,
      title text not null check (length(title) between 2 and 200),
      doc_no text,
      status text not null default 'draft' check (status in ('draft','published')),
      published_at timestamptz,
      published_by uuid references users(id),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check ((status = 'published') = (published_at is not null)),
      check (kind <> 'custom' or kind_label is not null)
    );
    create index plan_plans_region_idx on plan_plans (region_id, year);

    create table plan_key_works (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plan_plans(id) on delete cascade,
      region_id uuid not null references regions(id),
      seq integer not null check (seq > 0),
      title text not null,
      area text,
      unique (plan_id, seq),
      unique (plan_id, title)
    );

    create table plan_tasks (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plan_plans(id) on delete cascade,
      key_work_id uuid not null references plan_key_works(id) on delete cascade,
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      seq integer not null check (seq > 0),
      -- Ledger order: key work seq * 1000 + task seq.
      ord integer not null,
      title text not null,
      content text,
      expected_outcome text,
      leader text,
      recurrence text not null default 'none' check (recurrence in ('none','quarterly','monthly')),
      due_date date not null,
      -- Facts maintained from the ledger by the service (never typed by a user); status is derived from them.
      current_due date,
      done_date date,
      latest_review text check (latest_review in ('pending','accepted','returned')),
      active_entries integer not null default 0 check (active_entries >= 0),
      created_at timestamptz not null default now(),
      unique (key_work_id, seq)
    );
    create index plan_tasks_plan_idx on plan_tasks (plan_id);
    create index plan_tasks_unit_idx on plan_tasks (unit_id);
    create index plan_tasks_region_idx on plan_tasks (region_id);

    create table plan_task_units (
      task_id uuid not null references plan_tasks(id) on delete cascade,
      unit_id uuid not null references units(id),
      primary key (task_id, unit_id)
    );
    create index plan_task_units_unit_idx on plan_task_units (unit_id);

    create table plan_entries (
      id uuid primary key default gen_random_uuid(),
      task_id uuid not null references plan_tasks(id) on delete cascade,
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      entry_date date not null,
      text text not null check (length(text) >= 2),
      claimed_status text not null check (claimed_status in ('in_progress','done')),
      review text not null default 'pending' check (review in ('pending','accepted','returned')),
      review_comment text,
      reviewed_by uuid references users(id),
      reviewed_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (review = 'pending' or reviewed_at is not null),
      check (review <> 'returned' or review_comment is not null)
    );
    create index plan_entries_task_idx on plan_entries (task_id, entry_date);
    create index plan_entries_region_review_idx on plan_entries (region_id, review);

    create table plan_assess_schemes (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      year integer not null check (year between 2000 and 2100),
      title text not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (region_id, year)
    );

    create table plan_assess_indicators (
      id uuid primary key default gen_random_uuid(),
      scheme_id uuid not null references plan_assess_schemes(id) on delete cascade,
      region_id uuid not null references regions(id),
      parent_id uuid references plan_assess_indicators(id) on delete cascade,
      level integer not null check (level in (1,2,3)),
      seq integer not null,
      title text not null,
      points numeric(6,2),
      method text check (method in ('auto','manual','veto')),
      measure text,
      target numeric(6,2),
      guidance text,
      check ((level = 1) = (parent_id is null)),
      check (level < 3 or method is not null),
      check (method is null or level = 3),
      check (method <> 'auto' or (measure is not null and points > 0)),
      check (method <> 'manual' or points > 0),
      check (method <> 'veto' or points is null)
    );
    create index plan_assess_indicators_scheme_idx on plan_assess_indicators (scheme_id);

    create table plan_assess_rounds (
      id uuid primary key default gen_random_uuid(),
      scheme_id uuid not null references plan_assess_schemes(id) on delete cascade,
      region_id uuid not null references regions(id),
      kind text not null check (kind in ('routine','year_end')),
      title text not null,
      period_from date not null,
      period_to date not null,
      weight numeric(5,2) not null check (weight > 0 and weight <= 100),
      status text not null default 'scoring' check (status in ('scoring','reviewed','published')),
      reviewed_by uuid references users(id),
      reviewed_at timestamptz,
      published_at timestamptz,
      check (period_to >= period_from),
      check (status = 'scoring' or reviewed_at is not null),
      check ((status = 'published') = (published_at is not null))
    );

    create table plan_assess_scores (
      id uuid primary key default gen_random_uuid(),
      round_id uuid not null references plan_assess_rounds(id) on delete cascade,
      item_id uuid not null references plan_assess_indicators(id) on delete cascade,
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      awarded numeric(6,2),
      vetoed boolean,
      reason text,
      basis jsonb,
      unit_note text,
      scored_by uuid references users(id),
      scored_at timestamptz,
      unique (round_id, item_id, unit_id),
      check (awarded is null or awarded >= 0)
    );
    create index plan_assess_scores_unit_idx on plan_assess_scores (round_id, unit_id);
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
