import { sql, type Kysely } from 'kysely';

/**
 * Province scale: open deadlines are read by region subtree (every user's to-dos), so they get an index
 * leading with the region, like every other large table (server/db/scale-keys.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists deadlines_region_idx on deadlines (region_id, status, due_date)`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
