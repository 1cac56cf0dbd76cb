import { sql, type Kysely } from 'kysely';

/**
 * One counter row per client address for sign-in throttling, so that counting a failure and reading
 * the count is one atomic statement (an upsert that locks the row). Counting rows of login_failures
 * let 25 concurrent guesses all read "0 so far" and pass.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table login_throttle (
      ip text primary key,
      window_start timestamptz not null,
      failures integer not null check (failures >= 0)
    );
  `.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
