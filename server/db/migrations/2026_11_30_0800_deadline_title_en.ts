import { sql, type Kysely } from 'kysely';

/**
 * A deadline's title in English beside the Chinese one (issue 16: the to-do list and a record's deadline
 * panel read in the page's language). Rows written before this migration keep a null English title and
 * are shown in Chinese until the next write recomputes them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table deadlines add column title_en text`.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
