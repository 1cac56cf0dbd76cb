import type { FazhiModule } from '../core/module.js';
import { registerMetrics } from '../core/metrics/index.js';
import { orgModule } from './org/index.js';
import { planModule } from './plan/index.js';
import { learningModule } from './learning/index.js';
import { advisorsModule } from './advisors/index.js';
import { decisionsModule } from './decisions/index.js';
import { disputesModule } from './disputes/index.js';
import { reportModule } from './report/index.js';
import { documentsModule } from './documents/index.js';
import { enforcementModule } from './enforcement/index.js';
import { legalaidModule } from './legalaid/index.js';
import { mediationModule } from './mediation/index.js';
import { oversightModule } from './oversight/index.js';
import { powersModule } from './powers/index.js';
import { rollupModule } from './rollup/index.js';

/** Every module of the product, in menu order. Add a module here and nowhere else. */
export const modules: FazhiModule[] = [
  orgModule, planModule, learningModule, decisionsModule, advisorsModule, documentsModule, enforcementModule, disputesModule, oversightModule, powersModule, legalaidModule, mediationModule, reportModule, rollupModule,
];

/** Registers every module's metrics (the server does it in buildApp; the CLI calls this). */
export function registerAllMetrics() {
  for (const m of modules) if (m.metrics) registerMetrics(m.metrics);
}
