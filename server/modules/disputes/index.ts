import type { FazhiModule } from '../../core/module.js';
import { hasRole } from '../../core/scope/index.js';
import { disputesRoutes } from './routes.js';
import { disputesMetrics } from './metrics.js';
import { settleLapsedReviews } from './reconsideration.js';
// Record access (attachments, history) of cases, opinion letters and lawsuits is registered by their
// record definitions.
import './records.js';

/** Disputes: administrative reconsideration and litigation, with statutory clocks. */
export const disputesModule: FazhiModule = {
  name: 'disputes',
  routes: disputesRoutes,
  metrics: disputesMetrics,
  // Lapsed 5-day reviews are recorded as accepted (行政复议法 第三十条) so their deadlines leave the to-do
  // lists; reads never write.
  scheduled: [{ name: 'disputes.settleLapsedReviews', everyMinutes: 60, run: (db, asOf) => settleLapsedReviews(db, asOf) }],
  abilities: (a) => ({
    'disputes.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison', 'advisor'),
    'disputes.reconsideration.register': hasRole(a, 'office'),
    'disputes.litigation.register': hasRole(a, 'office', 'unit_head', 'liaison'),
    'disputes.stats': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer'),
  }),
};
