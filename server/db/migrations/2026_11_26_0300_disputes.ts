import { sql, type Kysely } from 'kysely';

/**
 * Disputes: administrative reconsideration (the district government as 行政复议机关) and
 * administrative litigation (district agencies as defendants), with their sub-records.
 * State invariants are CHECKs: a closed case has a closing date and an outcome; an accepted case has
 * an acceptance date; at most one extension (a column, not a table).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reconsideration_cases (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      case_no text not null,
      law_version text not null check (law_version in ('2017','2023')),
      procedure text not null default 'ordinary' check (procedure in ('ordinary','simplified')),
      applicant_name text not null,
      applicant_type text not null check (applicant_type in ('natural','legal','other')),
      applicant_contact text,
      act_challenged text not null,
      case_type text not null,
      act_date date,
      knew_date date not null,
      received_date date not null,
      informed_of_rights boolean not null default true,
      rights_known_date date,
      immovable boolean not null default false,
      apply_deadline date not null,
      timely boolean not null,
      delay_reason text,
      status text not null check (status in ('received','correction','accepted','suspended','closed','refused','abandoned')),
      acceptance_mode text check (acceptance_mode in ('decided','deemed')),
      accepted_date date,
      refused_date date,
      refusal_reason text,
      correction_notice_date date,
      correction_received_date date,
      correction_items text,
      correction_supplied_date date,
      abandoned_date date,
      copy_sent_date date,
      respondent_received_date date,
      answer_date date,
      extension_days integer check (extension_days between 1 and 30),
      extension_approved_date date,
      extension_approver text,
      extension_notice_date date,
      extension_reason text,
      outcome text check (outcome in ('变更','撤销','部分撤销','确认违法','责令履行','确认无效','维持','驳回复议请求','行政协议决定','驳回申请','终止','调解书')),
      termination_reason text,
      decision_date date,
      decision_summary text,
      decision_due date,
      closed_within_period boolean,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (region_id, case_no),
      check (received_date >= knew_date),
      check (status <> 'accepted' or (accepted_date is not null and acceptance_mode is not null)),
      check (status <> 'closed' or (outcome is not null and decision_date is not null and accepted_date is not null and closed_within_period is not null)),
      check (status <> 'refused' or refused_date is not null),
      check (status <> 'abandoned' or abandoned_date is not null),
      check (outcome <> '终止' or termination_reason is not null),
      check (extension_days is null or (extension_approved_date is not null and extension_approver is not null and extension_notice_date is not null and procedure = 'ordinary')),
      check (procedure = 'ordinary' or law_version = '2023')
    );
    create index reconsideration_cases_scope_idx on reconsideration_cases (region_id, unit_id);
    create index reconsideration_cases_received_idx on reconsideration_cases (received_date);

    create table reconsideration_suspensions (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references reconsideration_cases(id),
      from_date date not null,
      resumed_date date,
      reason_item integer check (reason_item between 1 and 10),
      reason text not null,
      created_at timestamptz not null default now(),
      check (resumed_date is null or resumed_date > from_date)
    );
    create unique index reconsideration_one_open_suspension on reconsideration_suspensions (case_id) where resumed_date is null;

    create table reconsideration_hearings (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references reconsideration_cases(id),
      hearing_date date not null,
      notice_date date not null,
      place text,
      respondent_head_attended boolean not null,
      respondent_attendee text,
      notes text,
      created_at timestamptz not null default now(),
      check (notice_date <= hearing_date)
    );

    create table reconsideration_opinions (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references reconsideration_cases(id),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      kind text not null check (kind in ('opinion','suggestion')),
      issued_date date not null,
      received_date date not null,
      content text not null,
      compliance_date date,
      compliance_note text,
      created_at timestamptz not null default now(),
      check (received_date >= issued_date),
      check (compliance_date is null or compliance_note is not null)
    );

    create table lawsuits (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      case_no text not null,
      court_name text not null,
      plaintiff_name text not null,
      plaintiff_type text not null check (plaintiff_type in ('natural','legal','other')),
      act_challenged text not null,
      case_type text not null,
      filed_date date,
      complaint_received_date date not null,
      defence_filed_date date,
      evidence_submitted boolean,
      stage text not null check (stage in ('first','appeal','retrial')),
      status text not null check (status in ('defence','pending','judged','closed')),
      advisor_unit_id uuid references units(id),
      advisor_name text,
      last_outcome text,
      last_judgment_kind text check (last_judgment_kind in ('judgment','ruling')),
      last_served_date date,
      agency_appeal_decision text check (agency_appeal_decision in ('appeal','accept')),
      agency_appeal_decision_date date,
      appeal_by text check (appeal_by in ('defendant','plaintiff','both')),
      appeal_date date,
      effective_date date,
      final_outcome text,
      lost boolean,
      closed_date date,
      performance_due date,
      performance_date date,
      performance_note text,
      retrial_application_date date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (region_id, case_no),
      check (filed_date is null or complaint_received_date >= filed_date),
      check (status <> 'closed' or (closed_date is not null and final_outcome is not null and lost is not null)),
      check (status <> 'judged' or (last_outcome is not null and last_served_date is not null)),
      check (advisor_name is null or advisor_unit_id is not null)
    );
    create index lawsuits_scope_idx on lawsuits (region_id, unit_id);
    create index lawsuits_advisor_idx on lawsuits (advisor_unit_id);

    create table lawsuit_hearings (
      id uuid primary key default gen_random_uuid(),
      lawsuit_id uuid not null references lawsuits(id),
      stage text not null check (stage in ('first','appeal','retrial')),
      hearing_date date not null,
      court_notice_served boolean not null default false,
      head_appeared boolean not null,
      head_name text,
      head_position text check (head_position in ('正职','副职','分管副职级','其他分管负责人')),
      absence_reason text check (absence_reason in ('不可抗力','意外事件','需要履行他人不能代替的公务','其他正当事由')),
      absence_detail text,
      delegate_name text,
      lawyer_name text,
      notes text,
      created_at timestamptz not null default now(),
      check (not head_appeared or (head_name is not null and head_position is not null)),
      check (head_appeared or (absence_reason is not null and delegate_name is not null))
    );
    create index lawsuit_hearings_idx on lawsuit_hearings (lawsuit_id);

    create table lawsuit_judgments (
      id uuid primary key default gen_random_uuid(),
      lawsuit_id uuid not null references lawsuits(id),
      stage text not null check (stage in ('first','appeal','retrial')),
      kind text not null check (kind in ('judgment','ruling')),
      outcome text not null,
      served_date date not null,
      summary text,
      created_at timestamptz not null default now()
    );
    create index lawsuit_judgments_idx on lawsuit_judgments (lawsuit_id);
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
