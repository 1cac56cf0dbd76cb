import { sql, type Kysely } from 'kysely';

/**
 * Oversight: NPC suggestions (人大代表建议) and CPPCC proposals (政协提案) with their lead and co-handling
 * units, contacts and replies (代表法 第五十一条; REFERENCE §6), and audits — government-investment project
 * audits and economic-responsibility audits of leading officials, with rectification items (审计法 2021,
 * REFERENCE §7).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table oversight_items (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      kind text not null check (kind in ('npc_suggestion','cppcc_proposal')),
      number text not null,
      session text not null,
      title text not null,
      proposers jsonb not null,
      category text not null,
      received_on date not null,
      content text not null default '',
      status text not null default 'registered' check (status in ('registered','assigned','replied','reopened','closed')),
      lead_unit_id uuid references units(id),
      assigned_on date,
      hard boolean not null default false,
      hard_reason text,
      due_date date,
      replied_on date,
      result_class text check (result_class in ('A','B','C','D')),
      reply_text text,
      satisfaction text check (satisfaction in ('satisfied','basically','unsatisfied')),
      satisfaction_on date,
      second_due_date date,
      second_replied_on date,
      second_result_class text check (second_result_class in ('A','B','C','D')),
      second_reply_text text,
      second_satisfaction text check (second_satisfaction in ('satisfied','basically','unsatisfied')),
      second_satisfaction_on date,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      constraint oversight_items_number_uq unique (region_id, kind, session, number),
      constraint oversight_items_hard_reason check (not hard or coalesce(length(trim(hard_reason)), 0) > 0),
      constraint oversight_items_reply_needs_lead check (replied_on is null or lead_unit_id is not null),
      constraint oversight_items_satisfaction_after_reply check (satisfaction is null or replied_on is not null),
      constraint oversight_items_second_after_unsatisfied check (second_replied_on is null or satisfaction = 'unsatisfied'),
      constraint oversight_items_proposers check (jsonb_typeof(proposers) = 'array' and jsonb_array_length(proposers) > 0)
    );
    create index oversight_items_region_idx on oversight_items (region_id, kind, received_on);
    create index oversight_items_lead_idx on oversight_items (lead_unit_id);

    create table oversight_assignments (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references oversight_items(id) on delete cascade,
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      role text not null check (role in ('lead','co')),
      assigned_on date not null,
      status text not null default 'active' check (status in ('active','returned')),
      returned_on date,
      return_reason text,
      return_by date,
      opinion text,
      opinion_on date,
      opinion_due date,
      created_at timestamptz not null default now(),
      constraint oversight_assignments_returned check (status <> 'returned' or (returned_on is not null and coalesce(length(trim(return_reason)), 0) > 0))
    );
    create unique index oversight_assignments_active_unit_uq on oversight_assignments (item_id, unit_id) where status = 'active';
    create unique index oversight_assignments_one_lead_uq on oversight_assignments (item_id) where status = 'active' and role = 'lead';
    create index oversight_assignments_unit_idx on oversight_assignments (unit_id, status);

    create table oversight_contacts (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references oversight_items(id) on delete cascade,
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      contacted_on date not null,
      method text not null check (method in ('face_to_face','phone','letter','site_visit')),
      note text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index oversight_contacts_item_idx on oversight_contacts (item_id);

    create table audits (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      kind text not null check (kind in ('investment','economic_responsibility')),
      audit_no text not null,
      title text not null,
      unit_id uuid not null references units(id),
      status text not null default 'planned' check (status in ('planned','noticed','reported','concluded','published')),
      notice_on date,
      start_on date not null,
      report_sent_on date,
      comments_due date,
      comments_on date,
      comments text,
      concluded_on date,
      findings text,
      published_on date,
      publication_ref text,
      project_name text,
      submitted_amount numeric(16,2),
      approved_amount numeric(16,2),
      is_increase boolean not null default false,
      person_name text,
      post text,
      period_from date,
      period_to date,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      constraint audits_no_uq unique (region_id, audit_no),
      constraint audits_investment_fields check (kind <> 'investment' or (project_name is not null and submitted_amount is not null and submitted_amount >= 0)),
      constraint audits_approved_not_above_submitted check (approved_amount is null or approved_amount >= 0 and (approved_amount <= submitted_amount or is_increase)),
      constraint audits_er_fields check (kind <> 'economic_responsibility' or (person_name is not null and post is not null and period_from is not null and period_to is not null and period_to >= period_from)),
      constraint audits_concluded check (status not in ('concluded','published') or concluded_on is not null),
      constraint audits_published check (status <> 'published' or published_on is not null)
    );
    create index audits_region_idx on audits (region_id, kind, concluded_on);

    create table audit_rectifications (
      id uuid primary key default gen_random_uuid(),
      audit_id uuid not null references audits(id) on delete cascade,
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      issue text not null,
      requirement text not null default '',
      due_on date not null,
      status text not null default 'open' check (status in ('open','done')),
      reported_on date,
      report text,
      created_at timestamptz not null default now(),
      constraint audit_rectifications_done check (status <> 'done' or (reported_on is not null and coalesce(length(trim(report)), 0) > 0))
    );
    create index audit_rectifications_audit_idx on audit_rectifications (audit_id);
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {}
