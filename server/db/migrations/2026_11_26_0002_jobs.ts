import { sql, type Kysely } from 'kysely';

/** Long operations: what they are called and the file they produce. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table jobs add column title text;
    alter table jobs add column file_key text;
    alter table jobs add column file_name text;
    alter table jobs add column file_mime text;
    create index jobs_user_idx on jobs (user_id, created_at);
  `.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
