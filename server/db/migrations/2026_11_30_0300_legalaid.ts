import { sql, type Kysely } from 'kysely';

/**
 * Public legal services: legal aid cases (法律援助法 2021) from application or notification to quality
 * review and subsidy, the lawyer roster, legal help person-times, lawyer service teams and their
 * enterprise check-ups (律师服务团 / 法治体检).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table legalaid_lawyers (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      name text not null,
      firm text not null,
      licence_no text not null,
      practice_since date not null,
      created_at timestamptz not null default now(),
      constraint legalaid_lawyers_licence_unique unique (region_id, licence_no)
    );

    create table legalaid_cases (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      case_no text not null,
      origin text not null check (origin in ('application','notification')),
      case_type text not null check (case_type in ('civil','criminal','administrative')),
      service_form text not null,
      status text not null check (status in ('received','refused','objected','granted','assigned','closed')),
      person_name text not null,
      id_number text,
      phone text,
      matter text not null,
      received_on date not null,
      notifying_organ text check (notifying_organ in ('court','procuratorate','police')),
      notifying_organ_name text,
      mandatory_category text,
      hardship_basis text check (hardship_basis in ('checked','art32','art42')),
      exemption text,
      monthly_income numeric(12,2),
      standard_applied numeric(12,2),
      decided_on date,
      refusal_reasons text,
      late_reason text,
      objected_on date,
      objection_reasons text,
      objection_reviewed_on date,
      objection_upheld boolean,
      objection_opinion text,
      lawyer_id uuid references legalaid_lawyers(id),
      assigned_on date,
      possible_sentence text check (possible_sentence in ('life','death')),
      closed_on date,
      result text,
      quality_grade text check (quality_grade in ('excellent','good','pass','fail')),
      quality_reviewed_on date,
      quality_comment text,
      subsidy numeric(12,2),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      constraint legalaid_cases_no_unique unique (region_id, case_no),
      constraint legalaid_cases_notification check ((origin = 'notification') = (notifying_organ is not null and mandatory_category is not null)),
      constraint legalaid_cases_decision check (decided_on is null or decided_on >= received_on),
      constraint legalaid_cases_refusal_reasons check (status <> 'refused' or refusal_reasons is not null),
      constraint legalaid_cases_assigned check (status not in ('assigned','closed') or (lawyer_id is not null and assigned_on is not null)),
      constraint legalaid_cases_assigned_after check (assigned_on is null or assigned_on >= coalesce(decided_on, received_on)),
      constraint legalaid_cases_closed check (status <> 'closed' or closed_on is not null),
      constraint legalaid_cases_closed_after check (closed_on is null or closed_on >= assigned_on)
    );
    create index legalaid_cases_assigned_idx on legalaid_cases (region_id, assigned_on);
    create index legalaid_cases_status_idx on legalaid_cases (unit_id, status);

    create table legalaid_case_progress (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references legalaid_cases(id) on delete cascade,
      on_date date not null,
      note text not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index legalaid_case_progress_case_idx on legalaid_case_progress (case_id, on_date);

    create table legalaid_help (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      served_on date not null,
      channel text not null check (channel in ('window','hotline','online')),
      form text not null check (form in ('consultation','drafting','duty_lawyer')),
      matter_type text not null,
      person_name text,
      summary text not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index legalaid_help_served_idx on legalaid_help (region_id, served_on);

    create table legalaid_teams (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      name text not null,
      formed_on date not null,
      focus text not null default '',
      created_at timestamptz not null default now(),
      constraint legalaid_teams_name_unique unique (region_id, name)
    );
    create table legalaid_team_members (
      team_id uuid not null references legalaid_teams(id) on delete cascade,
      lawyer_id uuid not null references legalaid_lawyers(id),
      primary key (team_id, lawyer_id)
    );

    create table legalaid_enterprises (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      name text not null,
      credit_code text not null,
      ownership text not null check (ownership in ('private','state','other')),
      constraint legalaid_enterprises_code_unique unique (region_id, credit_code)
    );
    create table legalaid_checkups (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      team_id uuid not null references legalaid_teams(id),
      enterprise_id uuid not null references legalaid_enterprises(id),
      checked_on date not null,
      issues_found text not null,
      recommendations text not null,
      follow_up text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index legalaid_checkups_date_idx on legalaid_checkups (region_id, checked_on);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table legalaid_checkups; drop table legalaid_enterprises; drop table legalaid_team_members; drop table legalaid_teams;
    drop table legalaid_help; drop table legalaid_case_progress; drop table legalaid_cases; drop table legalaid_lawyers;`.execute(db);
}
