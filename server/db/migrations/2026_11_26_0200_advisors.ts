import { sql, type Kysely } from 'kysely';

/**
 * Government legal advisors (政府法律顾问): engagements of law firms, advisors and public lawyers,
 * the legality/contract review queue with written opinions, the work log (incl. litigation
 * representation) and the annual assessment. 中办、国办《关于推行法律顾问制度和公职律师公司律师制度的意见》(2016).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table advisor_engagements (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      contract_no text not null,
      signed_on date not null,
      period_from date not null,
      period_to date not null,
      scope text not null,
      fee numeric(14,2) not null check (fee >= 0),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (period_to >= period_from),
      check (signed_on <= period_to)
    );
    create unique index advisor_engagements_no_idx on advisor_engagements (region_id, contract_no);
    create index advisor_engagements_unit_idx on advisor_engagements (unit_id, period_from);

    create table advisors (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      kind text not null check (kind in ('firm_lawyer','public_lawyer')),
      name text not null,
      user_id uuid references users(id),
      certificate_no text not null,
      speciality text not null,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create unique index advisors_certificate_idx on advisors (certificate_no);
    create unique index advisors_user_idx on advisors (user_id) where user_id is not null;

    create table advisor_reviews (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      type text not null check (type in ('contract','normative_document','major_decision','opinion')),
      title text not null,
      summary text not null default '',
      subject_entity text,
      subject_id uuid,
      requested_on date not null,
      requested_by uuid references users(id),
      status text not null default 'pending' check (status in ('pending','assigned','concluded','withdrawn')),
      assigned_firm_id uuid references units(id),
      assigned_advisor_id uuid references advisors(id),
      assigned_on date,
      due_date date,
      conclusion text check (conclusion in ('lawful','unlawful','lawful_if_amended')),
      opinion text,
      reasons text,
      concluded_on date,
      concluded_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (status = 'pending' or status = 'withdrawn' or (assigned_firm_id is not null and assigned_on is not null and due_date is not null)),
      check ((status = 'concluded') = (conclusion is not null and concluded_on is not null and opinion is not null and reasons is not null)),
      check (due_date is null or assigned_on is null or due_date >= assigned_on),
      check (concluded_on is null or concluded_on >= requested_on)
    );
    create index advisor_reviews_region_idx on advisor_reviews (region_id, type, concluded_on);
    create index advisor_reviews_firm_idx on advisor_reviews (assigned_firm_id, status);
    create index advisor_reviews_subject_idx on advisor_reviews (subject_entity, subject_id);

    create table advisor_work_logs (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      advisor_id uuid references advisors(id),
      client_unit_id uuid references units(id),
      kind text not null check (kind in ('litigation','reconsideration','consultation','meeting','training','other')),
      work_date date not null,
      title text not null,
      description text not null default '',
      hours numeric(6,1) check (hours is null or hours >= 0),
      case_ref text,
      court text,
      role text check (role in ('defendant_agent','appellee_agent','appellant_agent','third_party_agent','respondent_agent')),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (kind <> 'litigation' or (case_ref is not null and court is not null and role is not null))
    );
    create index advisor_work_logs_idx on advisor_work_logs (region_id, kind, work_date);

    create table advisor_assessments (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      year integer not null check (year between 2000 and 2100),
      assessed_on date not null,
      criteria jsonb not null,
      total numeric(6,1) not null check (total >= 0),
      max_total numeric(6,1) not null check (max_total > 0 and total <= max_total),
      grade text not null check (grade in ('excellent','competent','basically_competent','incompetent')),
      comment text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (unit_id, year)
    );
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
