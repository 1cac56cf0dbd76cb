import type { Migration } from 'kysely';
import * as core from './2026_11_26_0001_core.js';
import * as documents from './2026_11_26_0220_documents.js';
import * as disputes from './2026_11_26_0300_disputes.js';
import * as report from './2026_11_26_0400_report.js';

/** Every migration, by name; names sort in the order they run. Never edit a landed one. */
export const migrations: Record<string, Migration> = {
  '2026_11_26_0001_core': core,
  '2026_11_26_0220_documents': documents,
  '2026_11_26_0300_disputes': disputes,
  '2026_11_26_0400_report': report,
};
