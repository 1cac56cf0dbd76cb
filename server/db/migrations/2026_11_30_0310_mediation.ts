import { sql, type Kysely } from 'kysely';

/**
 * People's mediation (人民调解法 2010): committees with their responsible office, mediators, and
 * disputes from receipt to agreement (or failure, or a party's refusal) and judicial confirmation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table mediation_committees (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      -- The office that guides the committee (the subdistrict office's 司法所, or the justice bureau).
      unit_id uuid not null references units(id),
      name text not null,
      kind text not null check (kind in ('subdistrict','village','community','enterprise','industry')),
      established_on date not null,
      created_at timestamptz not null default now(),
      constraint mediation_committees_name_unique unique (region_id, name),
      constraint mediation_committees_scope unique (id, region_id, unit_id)
    );
    create table mediation_mediators (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      unit_id uuid not null,
      committee_id uuid not null,
      name text not null,
      full_time boolean not null,
      created_at timestamptz not null default now(),
      foreign key (committee_id, region_id, unit_id) references mediation_committees (id, region_id, unit_id)
    );
    create table mediation_disputes (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null,
      unit_id uuid not null,
      committee_id uuid not null,
      case_no text not null,
      dispute_type text not null,
      source text not null check (source in ('application','initiative','court','petition','police')),
      referred_by text,
      parties text not null,
      summary text not null,
      received_on date not null,
      mediator_id uuid references mediation_mediators(id),
      status text not null check (status in ('mediating','succeeded','failed','refused')),
      agreement_form text check (agreement_form in ('written','oral')),
      agreement_on date,
      agreement text,
      confirmation_applied_on date,
      confirmation_court text,
      ended_on date,
      advice text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      foreign key (committee_id, region_id, unit_id) references mediation_committees (id, region_id, unit_id),
      constraint mediation_disputes_no_unique unique (committee_id, case_no),
      constraint mediation_disputes_referral check (source in ('application','initiative') or referred_by is not null),
      constraint mediation_disputes_success check (status <> 'succeeded' or (agreement is not null and agreement_on is not null and agreement_form is not null)),
      constraint mediation_disputes_agreement_after check (agreement_on is null or agreement_on >= received_on),
      constraint mediation_disputes_ended check (status = 'mediating' or coalesce(agreement_on, ended_on) is not null)
    );
    create index mediation_disputes_received_idx on mediation_disputes (region_id, received_on);
    create index mediation_disputes_unit_idx on mediation_disputes (unit_id, status);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table mediation_disputes; drop table mediation_mediators; drop table mediation_committees;`.execute(db);
}
