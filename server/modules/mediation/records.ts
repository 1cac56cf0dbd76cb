import { defineRecord } from '../../core/record.js';
import { DEFAULT_WRITE } from '../../core/scope/index.js';
import './schema.js';

/**
 * A committee: owned by its responsible office (a subdistrict office for its subdistrict, village and
 * community committees; the justice bureau for industry ones), so that office's staff keep it.
 */
export const Committees = defineRecord({
  table: 'mediation_committees', alias: 'mc', entity: 'mediation_committee',
  label: { zh: '人民调解委员会', en: 'Mediation committee' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
});
/** A mediator. */
export const Mediators = defineRecord({
  table: 'mediation_mediators', alias: 'mm', entity: 'mediation_mediator',
  label: { zh: '人民调解员', en: 'Mediator' },
  scope: { region: 'region_id', unit: 'unit_id' },
});
/** A dispute: the committee's office records it; the office sees the district. */
export const Disputes = defineRecord({
  table: 'mediation_disputes', alias: 'md', entity: 'mediation_dispute',
  label: { zh: '矛盾纠纷', en: 'Dispute' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
});
