import { sql, type Kysely } from 'kysely';

/**
 * Issue 15 (defects 3 and 4, items 5–10):
 * - A legal advisor's litigation work-log entry links to the lawsuit (the disputes module's record)
 *   instead of copying its case number: `advisor_work_logs.lawsuit_id`. An entry without the link keeps
 *   its typed case number and court (entries made before the link existed).
 * - A district government's normative document is filed twice (上一级人民政府 and 本级人大常委会):
 *   the second filing is tracked in its own columns (`npc_filing_*`), the first stays in `filing_*`;
 *   each names the body it goes to (`filing_authority`, `npc_filing_authority`), decided at issue by the
 *   issuing body (a department's → 本级人民政府; the government's → 上一级人民政府 + 本级人大常委会).
 * - A report's acknowledged warnings (each with the reason) are kept on the report and frozen with the
 *   submission snapshot together with the warnings the report had when submitted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table advisor_work_logs add column lawsuit_id uuid references lawsuits(id);
    alter table advisor_work_logs drop constraint if exists advisor_work_logs_check;
    alter table advisor_work_logs add constraint advisor_work_logs_litigation_check
      check (kind <> 'litigation' or (role is not null and (lawsuit_id is not null or (case_ref is not null and court is not null))));
    create index advisor_work_logs_lawsuit_idx on advisor_work_logs (lawsuit_id) where lawsuit_id is not null;

    alter table normative_documents add column filing_authority text;
    alter table normative_documents add column npc_filing_authority text;
    alter table normative_documents add column npc_filing_due date;
    alter table normative_documents add column npc_filing_status text check (npc_filing_status in ('pending','submitted'));
    alter table normative_documents add column npc_filed_on date;
    alter table normative_documents add column npc_filed_with text;
    alter table normative_documents add constraint normative_documents_npc_filing_check
      check ((npc_filing_status = 'submitted') = (npc_filed_on is not null));

    alter table reports add column acknowledgements jsonb not null default '[]'::jsonb;
    alter table report_snapshots add column warnings jsonb not null default '[]'::jsonb;
  `.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
