import { sql, type Kysely } from 'kysely';

/**
 * A signed-in attendee of a training or exam may be a registered enforcement officer: the attendance row
 * names the officer, so one officer's trainings and exam results are kept in one place (the attendance
 * list of the learning activity) and shown on the officer's record (issue 11, item 1). Nullable: leaders,
 * mediators and unregistered attendees stay names only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table learning_attendance add column officer_id uuid references enforcement_officers(id) on delete set null;
    create index learning_attendance_officer_idx on learning_attendance (officer_id) where officer_id is not null;
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
