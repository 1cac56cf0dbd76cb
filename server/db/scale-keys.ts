/**
 * The keys a province (and a nation) scales out on — see "Beyond one machine" in docs/ARCHITECTURE.md.
 * Every large table names its region column (the shard key for Citus, the read-replica routing key and
 * the scope of every query) and the date that places a row in a year (the range-partition key).
 * `scale-keys.test.ts` checks the schema keeps them: a new large table, or a new unique key that does not
 * lead with the region, fails the build until it is declared here.
 */

/** A large table: its region column and its year column (both not null). */
export interface ScaleKeys {
  region: string;
  year: string;
  /** Unique keys (index names) that do not yet contain the region column: to widen before distributing. */
  uniqueWithoutRegion?: string[];
}

/** The tables that grow with a district's year of work (rows per district per year in demo/province). */
export const LARGE_TABLES: Record<string, ScaleKeys> = {
  enforcement_cases: { region: 'region_id', year: 'filed_on' },
  mediation_disputes: { region: 'region_id', year: 'received_on', uniqueWithoutRegion: ['mediation_disputes_no_unique'] },
  normative_documents: { region: 'region_id', year: 'drafted_on' },
  legalaid_cases: { region: 'region_id', year: 'received_on' },
  learning_activities: { region: 'region_id', year: 'activity_date' },
  reconsideration_cases: { region: 'region_id', year: 'received_date' },
  lawsuits: { region: 'region_id', year: 'complaint_received_date' },
  plan_tasks: { region: 'region_id', year: 'due_date', uniqueWithoutRegion: ['plan_tasks_key_work_id_seq_key'] },
  plan_entries: { region: 'region_id', year: 'entry_date' },
  deadlines: { region: 'region_id', year: 'due_date', uniqueWithoutRegion: ['deadlines_entity_entity_id_kind_key'] },
  // The audit log is chained per region: `chain` is the region id (or 'system'), the year is `at`.
  audit_log: { region: 'chain', year: 'at', uniqueWithoutRegion: ['audit_log_hash_key'] },
};

/** Tables every node needs whole (Citus reference tables; small, read everywhere). */
export const REFERENCE_TABLES = ['regions', 'units', 'users', 'role_assignments', 'settings', 'calendar_overrides'];
