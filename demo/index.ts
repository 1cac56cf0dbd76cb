import type { Kysely } from 'kysely';
import type { Database } from '../server/db/index.js';
import type { Config } from '../server/config.js';
import { hasDemoOrg, seedDemoOrg } from './org.js';
import { seedPlanDemo } from './plan.js';
import { seedLearningDemo } from './learning.js';
import { seedDemoDocuments } from './documents.js';
import { seedDemoReport } from './report.js';
import { seedDisputes } from './disputes.js';
import { seedAdvisors } from './advisors.js';
import { seedDecisions } from './decisions.js';
import { seedEnforcementDemo } from './enforcement.js';
import { seedLegalaidDemo } from './legalaid.js';
import { seedMediationDemo } from './mediation.js';
import { seedAudits, seedOversight } from './oversight.js';
import { seedPowers, seedServices } from './powers.js';
import { seedRollupDemo } from './rollup.js';
import { seedCurrentYear } from './current.js';

/** A module's demo records for the year 2020, created through its services from the seed report's facts. */
export type DemoSeed = (db: Kysely<Database>, cfg: Config) => Promise<void>;

/** Module demo seeds, run in order after the organisation. Modules add theirs here. */
export const demoSeeds: { name: string; seed: DemoSeed }[] = [
  { name: 'plan', seed: seedPlanDemo },
  { name: 'learning', seed: seedLearningDemo },
  { name: 'disputes', seed: seedDisputes },
  { name: 'advisors', seed: seedAdvisors },
  { name: 'decisions', seed: seedDecisions },
  { name: 'documents', seed: seedDemoDocuments },
  { name: 'enforcement', seed: seedEnforcementDemo },
  { name: 'legalaid', seed: seedLegalaidDemo },
  { name: 'mediation', seed: seedMediationDemo },
  { name: 'oversight', seed: seedOversight },
  { name: 'audits', seed: seedAudits },
  { name: 'powers', seed: seedPowers },
  { name: 'services', seed: seedServices },
  // Last of the modules: the year in progress on the loading day (plan, document cleanup).
  { name: 'current', seed: seedCurrentYear },
];

/** Loads the demo district unless it is already there. Returns false when nothing was done. */
export async function loadDemo(db: Kysely<Database>, cfg: Config): Promise<boolean> {
  if (await hasDemoOrg(db)) return false;
  await seedDemoOrg(db, cfg);
  for (const s of demoSeeds) await s.seed(db, cfg);
  // Last: the report is written from every module's records.
  await seedDemoReport(db);
  // The city above with sibling districts (roll-up, late reports, portal across levels).
  await seedRollupDemo(db, cfg);
  return true;
}
