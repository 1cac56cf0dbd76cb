import { sql, type Kysely } from 'kysely';

/**
 * People's mediation: the record of mediation sessions (调解记录) and of follow-up visits after an
 * agreement (回访记录). Legal aid and mediation deadlines: one priority scale with the other modules —
 * the statutory time limits of 法律援助法 (7-day decision, 3-day assignment, 5-day objection review)
 * rank 2 like the other statutory limits (filing of normative documents, enforcement decisions), so an
 * older overdue statutory item comes before a fresh legal-aid one; the one-month mediation norm of
 * 司法部令第75号 (「一般在一个月内调结」, a norm, not a statutory limit) ranks 0, below every statutory limit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table mediation_dispute_notes (
      id uuid primary key default gen_random_uuid(),
      dispute_id uuid not null references mediation_disputes(id) on delete cascade,
      kind text not null check (kind in ('session','visit')),
      on_date date not null,
      mediator_id uuid references mediation_mediators(id),
      note text not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index mediation_dispute_notes_dispute_idx on mediation_dispute_notes (dispute_id, on_date);
    update deadlines set priority = 2 where module = 'legalaid' and priority > 2;
    update deadlines set priority = 0 where module = 'mediation' and kind = 'mediation';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table mediation_dispute_notes;
    update deadlines set priority = 3 where module = 'legalaid' and kind = 'assignment';
    update deadlines set priority = 1 where module = 'mediation' and kind = 'mediation';`.execute(db);
}
