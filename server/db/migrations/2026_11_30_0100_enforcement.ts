import { sql, type Kysely } from 'kysely';

/**
 * Administrative enforcement (行政执法): enforcement bodies with the dated history of the fields they
 * cover, officers with certificates, exam results and training hours; cases under the three systems
 * (行政处罚/许可/强制/检查) with their officers; case-file review campaigns with scored files and
 * problems to rectify; the 互联网+监管 supervision catalogue with claims; violation-risk lists.
 * 国办发〔2018〕118号; 行政处罚法(2021); REFERENCE §5.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table enforcement_bodies (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      kind text not null check (kind in ('department','team','subdistrict','other')),
      legal_basis text not null default '',
      created_at timestamptz not null default now(),
      constraint enforcement_bodies_unit_key unique (unit_id)
    );

    create table enforcement_body_fields (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      body_id uuid not null references enforcement_bodies(id) on delete cascade,
      field text not null,
      valid_from date not null,
      valid_to date,
      note text not null default '',
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    );
    create unique index enforcement_body_fields_open_key on enforcement_body_fields (body_id, field) where valid_to is null;

    create table enforcement_officers (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      name text not null,
      user_id uuid references users(id),
      legal_reviewer boolean not null default false,
      legal_qualification boolean not null default false,
      supervision_registered_on date,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create index enforcement_officers_unit_idx on enforcement_officers (unit_id, name);
    create unique index enforcement_officers_user_key on enforcement_officers (user_id) where user_id is not null;

    create table enforcement_certificates (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      officer_id uuid not null references enforcement_officers(id),
      cert_no text not null,
      kind text not null check (kind in ('enforcement','supervision')),
      field text not null,
      issued_on date not null,
      expires_on date not null,
      status text not null default 'valid' check (status in ('valid','renewed','suspended','revoked')),
      ended_on date,
      replaces_id uuid references enforcement_certificates(id),
      created_at timestamptz not null default now(),
      constraint enforcement_certificates_no_key unique (cert_no),
      constraint enforcement_certificates_dates check (expires_on > issued_on)
    );
    create index enforcement_certificates_officer_idx on enforcement_certificates (officer_id, expires_on);

    create table enforcement_exam_results (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      officer_id uuid not null references enforcement_officers(id),
      exam_date date not null,
      part text not null check (part in ('public','special')),
      score numeric(5,1) not null check (score >= 0 and score <= 100),
      passed boolean not null,
      created_at timestamptz not null default now(),
      constraint enforcement_exam_results_key unique (officer_id, exam_date, part)
    );

    create table enforcement_trainings (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      officer_id uuid not null references enforcement_officers(id),
      trained_on date not null,
      topic text not null,
      hours numeric(5,1) not null check (hours > 0 and hours <= 24),
      created_at timestamptz not null default now()
    );
    create index enforcement_trainings_officer_idx on enforcement_trainings (officer_id, trained_on);

    create table enforcement_cases (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      system text not null check (system in ('penalty','license','coercion','inspection')),
      case_no text not null,
      title text not null,
      party_name text not null,
      party_kind text not null check (party_kind in ('person','organisation')),
      cause text not null default '',
      filed_on date not null,
      status text not null default 'filed' check (status in ('filed','investigating','in_review','reviewed','decided','served','executed','closed')),
      major boolean not null default false,
      major_reasons text[] not null default '{}',
      investigated_on date,
      review_submitted_on date,
      reviewer_id uuid references enforcement_officers(id),
      review_conclusion text check (review_conclusion in ('pass','fail')),
      review_opinion text,
      reviewed_on date,
      decided_on date,
      decision text check (decision in ('penalty','no_penalty','granted','refused','measure','compliant','violation')),
      decision_no text,
      signed_by text,
      fine numeric(14,2),
      served_on date,
      party_present boolean,
      executed_on date,
      paid_on date,
      late_fee numeric(14,2),
      closed_on date,
      published_on date,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      constraint enforcement_cases_no_key unique (region_id, case_no),
      constraint enforcement_cases_fine check (fine is null or fine >= 0),
      constraint enforcement_cases_decided check (decided_on is null or decided_on >= filed_on),
      constraint enforcement_cases_published check (published_on is null or (decided_on is not null and published_on >= decided_on))
    );
    create index enforcement_cases_unit_idx on enforcement_cases (unit_id, filed_on);
    create index enforcement_cases_region_idx on enforcement_cases (region_id, filed_on, id);
    create index enforcement_cases_closed_idx on enforcement_cases (region_id, closed_on) where closed_on is not null;

    create table enforcement_case_officers (
      case_id uuid not null references enforcement_cases(id) on delete cascade,
      officer_id uuid not null references enforcement_officers(id),
      certificate_id uuid not null references enforcement_certificates(id),
      primary key (case_id, officer_id)
    );

    create table enforcement_review_campaigns (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      year integer not null check (year between 2000 and 2100),
      title text not null,
      criteria jsonb not null,
      bands jsonb not null,
      sample_seed text not null,
      sample_size integer not null check (sample_size > 0),
      status text not null default 'open' check (status in ('open','closed')),
      created_at timestamptz not null default now()
    );

    create table enforcement_review_files (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      campaign_id uuid not null references enforcement_review_campaigns(id) on delete cascade,
      case_id uuid not null references enforcement_cases(id),
      scores jsonb,
      score numeric(5,1),
      grade text check (grade in ('excellent','pass','fail')),
      reviewer text,
      reviewed_on date,
      created_at timestamptz not null default now(),
      constraint enforcement_review_files_case_key unique (campaign_id, case_id),
      check (score is null or (score >= 0 and score <= 100))
    );
    create index enforcement_review_files_reviewed_idx on enforcement_review_files (region_id, reviewed_on);

    create table enforcement_review_problems (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      file_id uuid not null references enforcement_review_files(id) on delete cascade,
      criterion text not null,
      category text not null check (category in ('filing','substantive','procedural')),
      description text not null,
      deduction numeric(5,1) not null,
      due_on date not null,
      rectified_on date,
      measure text
    );

    create table enforcement_supervision_items (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      code text not null,
      name text not null,
      parent_id uuid references enforcement_supervision_items(id),
      competent text not null default '',
      listed_on date not null default current_date,
      created_at timestamptz not null default now(),
      constraint enforcement_supervision_items_code_key unique (region_id, code)
    );
    create index enforcement_supervision_items_parent_idx on enforcement_supervision_items (parent_id);

    create table enforcement_item_claims (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      item_id uuid not null references enforcement_supervision_items(id),
      claimed_on date not null,
      implementation_list_on date,
      withdrawn_on date,
      created_at timestamptz not null default now(),
      constraint enforcement_item_claims_key unique (unit_id, item_id),
      check (implementation_list_on is null or implementation_list_on >= claimed_on)
    );

    create table enforcement_risks (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      risk_point text not null,
      forms text not null,
      legal_basis text not null,
      consequence text not null,
      level text not null check (level in ('high','medium','low')),
      prevention text not null,
      published boolean not null default false,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward only');
}
