import type { FazhiModule } from '../../core/module.js';
import { hasRole, registerRecordAccess } from '../../core/scope/index.js';
import { planRoutes } from './routes.js';
import { planMetrics } from './metrics.js';
import { entryAccess, planAccess, planTodos, taskAccess } from './service.js';
import { scoreAccess } from './assess.js';
import './schema.js';

// Attachments (evidence with an effective date) and the history timeline of plan records.
registerRecordAccess('plan', planAccess);
registerRecordAccess('plan_task', taskAccess);
registerRecordAccess('plan_entry', entryAccess);
registerRecordAccess('plan_assess_score', scoreAccess);

/** Annual plans, the task ledger (台账) and the unit assessment (考核). */
export const planModule: FazhiModule = {
  name: 'plan',
  routes: planRoutes,
  metrics: planMetrics,
  todos: (ctx, actor) => planTodos(ctx.db, actor),
  abilities: (a) => ({
    'plan.view': true,
    'plan.manage': hasRole(a, 'office'),
    'plan.report': hasRole(a, 'unit_head', 'liaison'),
    'plan.review': hasRole(a, 'office'),
    'plan.assess': hasRole(a, 'office'),
  }),
};
