import { sql, type Kysely } from 'kysely';

/** Learning module: law study sessions, knowledge tests, trainings, exams and competitions, with attendance. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table learning_activities (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      unit_id uuid not null references units(id),
      kind text not null check (kind in ('executive_study','lecture','group_viewing','test','training','exam','competition')),
      audience text check (audience in ('leaders','enforcement','mediator','staff','other')),
      activity_date date not null,
      topic text not null check (length(topic) >= 2),
      speaker text,
      location text,
      participant_count integer check (participant_count >= 0),
      notes text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (kind not in ('training','exam') or audience is not null)
    );
    create index learning_activities_region_idx on learning_activities (region_id, activity_date);

    create table learning_attendance (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references learning_activities(id) on delete cascade,
      region_id uuid not null references regions(id),
      unit_id uuid references units(id),
      person_name text not null,
      score numeric(5,1) check (score is null or (score >= 0 and score <= 100)),
      passed boolean
    );
    create index learning_attendance_activity_idx on learning_attendance (activity_id);
  `.execute(db);
}

/** Forward-only project: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
