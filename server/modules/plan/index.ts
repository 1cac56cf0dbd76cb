import type { FazhiModule } from '../../core/module.js';
import { hasRole } from '../../core/scope/index.js';
import { planRoutes } from './routes.js';
import { planMetrics } from './metrics.js';
import { planTodos } from './service.js';
// The records register their access for attachments (evidence with an effective date) and history.
import { Plans } from './records.js';

/** Annual plans, the task ledger (台账) and the unit assessment (考核). */
export const planModule: FazhiModule = {
  name: 'plan',
  routes: planRoutes,
  metrics: planMetrics,
  todos: (ctx, actor) => planTodos(ctx.db, actor),
  // Years with a published plan the reader can see (the year pickers list them; the report year opens).
  async years(ctx, actor) {
    const rows = await Plans.query(ctx.db, actor).select('p.year').where('p.status', '=', 'published').distinct().execute();
    return { years: rows.map((r) => Number(r.year)) };
  },
  abilities: (a) => ({
    // The plan's readers: the region's staff and the units that report on it. An advisor's firm or an
    // enforcement team has no records here, so the menu does not offer the plan pages to them.
    'plan.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison'),
    'plan.manage': hasRole(a, 'office'),
    'plan.report': hasRole(a, 'unit_head', 'liaison'),
    'plan.review': hasRole(a, 'office'),
    'plan.assess': hasRole(a, 'office'),
  }),
};
