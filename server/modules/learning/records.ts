/** The learning module's record on the record core: a study session, test, training, exam or competition. */
import { defineRecord } from '../../core/record.js';
import { DEFAULT_WRITE } from '../../core/scope/index.js';
import './schema.js';

/** An activity, owned by its organising unit: the office region-wide, the unit's head or liaison for their unit. */
export const Activities = defineRecord({
  table: 'learning_activities', alias: 'a', entity: 'learning_activity',
  label: { zh: '学法培训记录', en: 'Learning record' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: DEFAULT_WRITE,
});
