import { sql, type Kysely } from 'kysely';

/**
 * Province scale: open deadlines are read by region subtree (every user's to-dos), so they get an index
 * leading with the region, like every other large table (server/db/scale-keys.ts); the provincial list of
 * enforcement cases pages by date without sorting a million rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists deadlines_region_idx on deadlines (region_id, status, due_date)`.execute(db);
  // A provincial office's first page of cases (newest first, over every district) without sorting them all.
  await sql`create index if not exists enforcement_cases_filed_idx on enforcement_cases (filed_on, id)`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
