import type { FazhiModule } from '../../core/module.js';
import { hasRole } from '../../core/scope/index.js';
import { disputesRoutes } from './routes.js';
import { disputesMetrics } from './metrics.js';
// Record access (attachments, history) of cases, opinion letters and lawsuits is registered by their
// record definitions.
import './records.js';

/** Disputes: administrative reconsideration and litigation, with statutory clocks. */
export const disputesModule: FazhiModule = {
  name: 'disputes',
  routes: disputesRoutes,
  metrics: disputesMetrics,
  abilities: (a) => ({
    'disputes.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison', 'advisor'),
    'disputes.reconsideration.register': hasRole(a, 'office'),
    'disputes.litigation.register': hasRole(a, 'office', 'unit_head', 'liaison'),
    'disputes.stats': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer'),
  }),
};
