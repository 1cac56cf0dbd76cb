import { sql, type Kysely } from 'kysely';

/**
 * Record core: the audit chain is kept per region (chain = the event's region id, 'system' for events
 * without one), each with its head row, so appends in one district never wait on another's. Entries
 * written before this migration stay one frozen chain named '' and verify with their old hashes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table audit_log disable trigger audit_log_no_update;
    alter table audit_log add column chain text not null default '';
    alter table audit_log add column chain_seq bigint;
    update audit_log set chain_seq = seq;
    alter table audit_log alter column chain_seq set not null;
    alter table audit_log alter column chain drop default;
    alter table audit_log enable trigger audit_log_no_update;
    create unique index audit_chain_seq_idx on audit_log (chain, chain_seq);
    create sequence audit_log_seq_seq owned by audit_log.seq;
    select setval('audit_log_seq_seq', coalesce((select max(seq) from audit_log), 0) + 1, false);
    alter table audit_log alter column seq set default nextval('audit_log_seq_seq');

    create table audit_heads (
      chain text primary key,
      seq bigint not null,
      hash text not null
    );
    insert into audit_heads (chain, seq, hash)
      select '', chain_seq, hash from audit_log where chain = '' order by chain_seq desc limit 1;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward only');
}
