import { defineRecord } from '../../core/record.js';
import { DEFAULT_WRITE } from '../../core/scope/index.js';
import './schema.js';

/** A legal aid case: the handling unit's staff and the office write; region readers read. */
export const Cases = defineRecord({
  table: 'legalaid_cases', alias: 'c', entity: 'legalaid_case',
  label: { zh: '法律援助案件', en: 'Legal aid case' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
  attachable: (row) => row.status !== 'closed' || row.quality_grade === null,
});
/** A lawyer on the roster. */
export const Lawyers = defineRecord({
  table: 'legalaid_lawyers', alias: 'l', entity: 'legalaid_lawyer',
  label: { zh: '法律援助律师', en: 'Legal aid lawyer' },
  scope: { region: 'region_id', unit: 'unit_id' },
});
/** One person-time of legal help. */
export const Help = defineRecord({
  table: 'legalaid_help', alias: 'h', entity: 'legalaid_help',
  label: { zh: '法律帮助记录', en: 'Legal help record' },
  scope: { region: 'region_id', unit: 'unit_id' },
});
/** A lawyer service team. */
export const Teams = defineRecord({
  table: 'legalaid_teams', alias: 't', entity: 'legalaid_team',
  label: { zh: '律师服务团', en: 'Lawyer service team' },
  scope: { region: 'region_id', unit: 'unit_id' },
});
/** An enterprise check-up. */
export const Checkups = defineRecord({
  table: 'legalaid_checkups', alias: 'k', entity: 'legalaid_checkup',
  label: { zh: '法治体检记录', en: 'Enterprise check-up' },
  scope: { region: 'region_id', unit: 'unit_id' },
});
