/** The report module's record on the record core: a region's annual report, read by its region readers, written by its office. */
import { defineRecord } from '../../core/record.js';
import { OFFICE_WRITE } from '../../core/scope/index.js';
import './schema.js';

/** An annual report: the office, leaders and viewers of the region (or above) read it; its office writes it. */
export const Reports = defineRecord({
  table: 'reports', alias: 'r', entity: 'report',
  label: { zh: '年度报告', en: 'Report' },
  scope: { region: 'region_id' },
  write: OFFICE_WRITE,
  // Attachments (the signed original, the secrecy review form) until the report is published.
  attachable: (r) => r.status !== 'published',
});
