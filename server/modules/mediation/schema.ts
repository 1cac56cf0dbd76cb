import type { Generated } from 'kysely';
import type { DateStr as DateCol, Timestamp } from '../../db/types.js';
import type { DisputeStatus } from '../../../common/mediation.js';

/** A people's mediation committee and the office responsible for it. */
export interface MediationCommitteesTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  name: string;
  kind: 'subdistrict' | 'village' | 'community' | 'enterprise' | 'industry';
  established_on: DateCol;
  created_at: Generated<Timestamp>;
}
/** A mediator (人民调解员) of a committee. */
export interface MediationMediatorsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  committee_id: string;
  name: string;
  full_time: boolean;
  created_at: Generated<Timestamp>;
}
/** A dispute before a committee. Region and unit are the committee's (enforced by a composite key). */
export interface MediationDisputesTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  committee_id: string;
  case_no: string;
  dispute_type: string;
  source: 'application' | 'initiative' | 'court' | 'petition' | 'police';
  referred_by: string | null;
  parties: string;
  summary: string;
  received_on: DateCol;
  mediator_id: string | null;
  status: DisputeStatus;
  agreement_form: 'written' | 'oral' | null;
  /** The day the agreement took effect (第二十九条: signatures and seal; 第三十条: oral, on agreement). */
  agreement_on: DateCol | null;
  agreement: string | null;
  confirmation_applied_on: DateCol | null;
  confirmation_court: string | null;
  ended_on: DateCol | null;
  advice: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A mediation session or a follow-up visit on a dispute. */
export interface MediationDisputeNotesTable {
  id: Generated<string>;
  dispute_id: string;
  kind: 'session' | 'visit';
  on_date: DateCol;
  mediator_id: string | null;
  note: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

declare module '../../db/types.js' {
  interface Database {
    mediation_dispute_notes: MediationDisputeNotesTable;
    mediation_committees: MediationCommitteesTable;
    mediation_mediators: MediationMediatorsTable;
    mediation_disputes: MediationDisputesTable;
  }
}

export * from '../../../common/mediation.js';
