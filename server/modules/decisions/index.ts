import type { FazhiModule } from '../../core/module.js';
import { hasRole } from '../../core/scope/index.js';
import { decisionRoutes } from './routes.js';
import { decisionMetrics } from './metrics.js';
import { officeQueue } from './service.js';
import './schema.js';
import './records.js';

// A decision's attachments (draft, minutes, expert opinions, risk report…) and history follow its record
// definition (records.ts): readable in scope, added by the 承办单位 or the office until archived.

/** Major administrative decisions: catalogue and the statutory procedure. */
export const decisionsModule: FazhiModule = {
  name: 'decisions',
  routes: decisionRoutes,
  metrics: decisionMetrics,
  async todos(ctx, actor) {
    const q = await officeQueue(ctx.db, actor);
    const items = [];
    if (q.toDecide) items.push({ module: 'decisions', kind: 'to_decide', title: { zh: '合法性审查已通过、待提交集体讨论的重大行政决策', en: 'Major decisions past legality review, awaiting collective deliberation' }, count: q.toDecide, href: '/decisions?state=legality_passed' });
    if (q.toPublish) items.push({ module: 'decisions', kind: 'to_publish', title: { zh: '已集体讨论决定、待公布的重大行政决策', en: 'Major decisions deliberated, awaiting publication' }, count: q.toPublish, href: '/decisions?state=decided' });
    return items;
  },
  abilities: (a) => ({
    'decisions.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison'),
    'decisions.launch': hasRole(a, 'office', 'unit_head', 'liaison'),
    'decisions.manageCatalogue': hasRole(a, 'office'),
  }),
};
