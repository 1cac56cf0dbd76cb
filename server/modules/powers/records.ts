import { defineRecord } from '../../core/record.js';
import { OFFICE_WRITE } from '../../core/scope/index.js';
import './schema.js';

/**
 * A version of a list item. Region staff read their region's list, a unit its own items; only the office
 * (for the 编办's approved changes) writes. The published list is public through `publicPowers`.
 */
export const Powers = defineRecord({
  table: 'power_items',
  alias: 'p',
  entity: 'power_item',
  label: { zh: '权责清单事项', en: 'List item' },
  scope: { region: 'region_id', unit: 'unit_id' },
  write: OFFICE_WRITE,
});

/**
 * An integrated service ("一件事"): the office drafts, edits, publishes and withdraws it; region staff read
 * the region's, the lead unit its own; the published catalogue is public through `publicServices`.
 */
export const Services = defineRecord({
  table: 'power_services',
  alias: 's',
  entity: 'power_service',
  label: { zh: '“一件事”服务', en: 'Integrated service' },
  scope: { region: 'region_id', unit: 'lead_unit_id' },
  write: OFFICE_WRITE,
});
