import type { Generated } from 'kysely';
import type { DateStr as DateCol, Timestamp } from '../../db/types.js';
import type { CaseStatus, CaseType } from '../../../common/legalaid.js';

/** A lawyer on the legal-aid roster (the centre's list of lawyers who take assignments). */
export interface LegalaidLawyersTable {
  id: Generated<string>;
  region_id: string;
  /** The legal-aid centre's unit that keeps the roster. */
  unit_id: string;
  name: string;
  firm: string;
  licence_no: string;
  /** First day of practice (法律援助法 第二十六条: 三年以上相关执业经历 for 无期/死刑 cases). */
  practice_since: DateCol;
  created_at: Generated<Timestamp>;
}

/** A legal aid case, from application or notification to quality review. */
export interface LegalaidCasesTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  case_no: string;
  origin: 'application' | 'notification';
  case_type: CaseType;
  service_form: string;
  status: CaseStatus;
  person_name: string;
  id_number: string | null;
  phone: string | null;
  matter: string;
  /** The day the application (or the notification) was received. */
  received_on: DateCol;
  notifying_organ: 'court' | 'procuratorate' | 'police' | null;
  notifying_organ_name: string | null;
  mandatory_category: string | null;
  hardship_basis: 'checked' | 'art32' | 'art42' | null;
  exemption: string | null;
  monthly_income: string | number | null;
  standard_applied: string | number | null;
  decided_on: DateCol | null;
  refusal_reasons: string | null;
  late_reason: string | null;
  objected_on: DateCol | null;
  objection_reasons: string | null;
  objection_reviewed_on: DateCol | null;
  objection_upheld: boolean | null;
  objection_opinion: string | null;
  lawyer_id: string | null;
  assigned_on: DateCol | null;
  possible_sentence: 'life' | 'death' | null;
  closed_on: DateCol | null;
  result: string | null;
  quality_grade: string | null;
  quality_reviewed_on: DateCol | null;
  quality_comment: string | null;
  subsidy: string | number | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A progress note of a case. */
export interface LegalaidCaseProgressTable {
  id: Generated<string>;
  case_id: string;
  on_date: DateCol;
  note: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** One person-time of legal help (consultation, drafting, duty lawyer). */
export interface LegalaidHelpTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  served_on: DateCol;
  channel: 'window' | 'hotline' | 'online';
  form: 'consultation' | 'drafting' | 'duty_lawyer';
  matter_type: string;
  person_name: string | null;
  summary: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A lawyer service team (律师服务团). */
export interface LegalaidTeamsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  name: string;
  formed_on: DateCol;
  focus: Generated<string>;
  created_at: Generated<Timestamp>;
}
export interface LegalaidTeamMembersTable {
  team_id: string;
  lawyer_id: string;
}
/** An enterprise checked (one row per enterprise and district, by credit code). */
export interface LegalaidEnterprisesTable {
  id: Generated<string>;
  region_id: string;
  name: string;
  credit_code: string;
  ownership: 'private' | 'state' | 'other';
}
/** An enterprise check-up (法治体检) by a team. */
export interface LegalaidCheckupsTable {
  id: Generated<string>;
  region_id: string;
  unit_id: string;
  team_id: string;
  enterprise_id: string;
  checked_on: DateCol;
  issues_found: string;
  recommendations: string;
  follow_up: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

declare module '../../db/types.js' {
  interface Database {
    legalaid_lawyers: LegalaidLawyersTable;
    legalaid_cases: LegalaidCasesTable;
    legalaid_case_progress: LegalaidCaseProgressTable;
    legalaid_help: LegalaidHelpTable;
    legalaid_teams: LegalaidTeamsTable;
    legalaid_team_members: LegalaidTeamMembersTable;
    legalaid_enterprises: LegalaidEnterprisesTable;
    legalaid_checkups: LegalaidCheckupsTable;
  }
}

export * from '../../../common/legalaid.js';
