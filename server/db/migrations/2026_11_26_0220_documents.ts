import { sql, type Kysely } from 'kysely';

/**
 * Normative documents (行政规范性文件): 审 (drafting, comment, fair-competition and legality review,
 * deliberation), 登 (registration and numbering, publication), 备 (filing with the superior), 纠
 * (correction), validity, relations between documents, and cleanup campaigns.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table normative_documents (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      issuer_unit_id uuid not null references units(id),
      title text not null check (length(title) >= 4),
      summary text,
      affects_rights boolean not null default true,
      market_related boolean not null default false,
      source text not null default 'drafted' check (source in ('drafted','imported')),
      drafted_on date not null,
      status text not null default 'drafting' check (status in ('drafting','in_force','repealed','invalidated','revoked')),
      comment_opened_on date,
      comment_closes_on date,
      comment_min_closes_on date,
      comment_channel text,
      comment_closed_on date,
      comment_count integer check (comment_count is null or comment_count >= 0),
      comment_summary text,
      comment_waiver text,
      fair_competition_on date,
      fair_competition_conclusion text check (fair_competition_conclusion in ('compliant','non_compliant')),
      fair_competition_opinion text,
      deliberated_on date,
      deliberation_meeting text,
      deliberation_minutes text,
      doc_number text,
      doc_code text,
      doc_year integer,
      doc_seq integer check (doc_seq is null or doc_seq > 0),
      reg_year integer,
      reg_seq integer,
      published_on date,
      effective_from date,
      valid_until date,
      filing_due date,
      filing_status text check (filing_status in ('pending','submitted','suspended','accepted')),
      filed_on date,
      filed_with text,
      filing_note text,
      filing_received_on date,
      filing_missing text,
      filing_supply_due date,
      filing_supplied_on date,
      filing_defective boolean not null default false,
      needs_amendment boolean not null default false,
      ended_on date,
      end_reason text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (status = 'drafting' or (published_on is not null and doc_number is not null and effective_from is not null)),
      check ((status in ('repealed','invalidated','revoked')) = (ended_on is not null)),
      check (valid_until is null or effective_from is null or valid_until >= effective_from),
      check (comment_closes_on is null or comment_closes_on >= comment_opened_on),
      check (comment_closed_on is null or comment_opened_on is not null),
      check (filing_status is null or filing_status = 'pending' or filed_on is not null),
      check (filing_status is distinct from 'suspended' or filing_supply_due is not null),
      check (deliberated_on is null or deliberation_meeting is not null)
    );
    create unique index normative_documents_number_idx on normative_documents (region_id, doc_number) where doc_number is not null;
    create unique index normative_documents_reg_idx on normative_documents (region_id, reg_year, reg_seq) where reg_seq is not null;
    create index normative_documents_region_idx on normative_documents (region_id, status);
    create index normative_documents_unit_idx on normative_documents (unit_id);

    create table normative_doc_reviews (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references normative_documents(id),
      region_id uuid not null references regions(id),
      unit_id uuid references units(id),
      reviewer_kind text not null check (reviewer_kind in ('office','advisor')),
      reviewer_name text,
      requested_on date not null,
      due_on date,
      status text not null default 'pending' check (status in ('pending','done')),
      completed_on date,
      conclusion text check (conclusion in ('lawful','unlawful','lawful_after_revision')),
      opinion text,
      queue_ref text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check ((status = 'done') = (completed_on is not null and conclusion is not null and opinion is not null)),
      check (completed_on is null or completed_on >= requested_on),
      check (reviewer_kind = 'office' or unit_id is not null)
    );
    create index normative_doc_reviews_doc_idx on normative_doc_reviews (document_id);
    create index normative_doc_reviews_unit_idx on normative_doc_reviews (unit_id, status);

    create table normative_doc_relations (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      from_document_id uuid not null references normative_documents(id),
      to_document_id uuid not null references normative_documents(id),
      kind text not null check (kind in ('amends','repeals','replaces')),
      on_date date not null,
      created_at timestamptz not null default now(),
      check (from_document_id <> to_document_id),
      unique (from_document_id, to_document_id, kind)
    );
    create index normative_doc_relations_to_idx on normative_doc_relations (to_document_id);

    create table normative_doc_events (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      document_id uuid not null references normative_documents(id),
      region_id uuid not null references regions(id),
      on_date date not null,
      status text not null check (status in ('drafting','in_force','repealed','invalidated','revoked')),
      reason text not null,
      created_at timestamptz not null default now()
    );
    create index normative_doc_events_doc_idx on normative_doc_events (document_id, on_date, seq);

    create table normative_doc_corrections (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references normative_documents(id),
      region_id uuid not null references regions(id),
      unit_id uuid references units(id),
      source text not null check (source in ('filing_review','complaint','citizen_request','reconsideration','self_inspection')),
      received_on date not null,
      description text not null,
      status text not null default 'open' check (status in ('open','closed')),
      outcome text check (outcome in ('no_problem','self_corrected','revoked','repealed')),
      outcome_on date,
      outcome_note text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check ((status = 'closed') = (outcome is not null and outcome_on is not null)),
      check (outcome_on is null or outcome_on >= received_on)
    );
    create index normative_doc_corrections_doc_idx on normative_doc_corrections (document_id);

    create table normative_cleanups (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      title text not null,
      issued_before date not null,
      issuer_unit_id uuid references units(id),
      basis text,
      started_on date not null,
      status text not null default 'open' check (status in ('open','published')),
      published_on date,
      decision_number text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check ((status = 'published') = (published_on is not null)),
      check (published_on is null or published_on >= started_on)
    );
    create index normative_cleanups_region_idx on normative_cleanups (region_id, status);

    create table normative_cleanup_items (
      id uuid primary key default gen_random_uuid(),
      cleanup_id uuid not null references normative_cleanups(id),
      document_id uuid not null references normative_documents(id),
      region_id uuid not null references regions(id),
      unit_id uuid references units(id),
      decision text check (decision in ('keep','amend','repeal','invalidate','extend')),
      reason text,
      new_valid_until date,
      decided_on date,
      decided_by uuid references users(id),
      unique (cleanup_id, document_id),
      check (decision is null or (reason is not null and decided_on is not null)),
      check (decision is distinct from 'extend' or new_valid_until is not null)
    );
    create index normative_cleanup_items_doc_idx on normative_cleanup_items (document_id);
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
