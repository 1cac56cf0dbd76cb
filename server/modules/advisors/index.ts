import type { FazhiModule } from '../../core/module.js';
import { hasRole } from '../../core/scope/index.js';
import { advisorRoutes } from './routes.js';
import { advisorMetrics } from './metrics.js';
import { countInbox, countUnassigned } from './service.js';
import './schema.js';
import './records.js';

// Attachments and history of reviews, engagements and work-log entries follow their record definitions
// (records.ts): a review takes attachments from the requesting unit, the office or the assigned advisor
// only while it is open; an engagement from the office; a work-log entry from the office or the firm.

/** Government legal advisors: engagements, advisors, the review queue, work log, assessment. */
export const advisorsModule: FazhiModule = {
  name: 'advisors',
  routes: advisorRoutes,
  metrics: advisorMetrics,
  async todos(ctx, actor) {
    const items = [];
    const inbox = await countInbox(ctx.db, actor);
    if (inbox) items.push({ module: 'advisors', kind: 'inbox', title: { zh: '待出具法律意见的审查事项', en: 'Reviews awaiting your legal opinion' }, count: inbox, href: '/advisors/reviews?status=assigned' });
    const unassigned = await countUnassigned(ctx.db, actor);
    if (unassigned) items.push({ module: 'advisors', kind: 'unassigned', title: { zh: '待指派法律顾问的审查事项', en: 'Reviews awaiting an advisor' }, count: unassigned, href: '/advisors/reviews?status=pending' });
    return items;
  },
  abilities: (a) => ({
    'advisors.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'advisor', 'unit_head', 'liaison'),
    'advisors.manage': hasRole(a, 'office'),
    'advisors.request': hasRole(a, 'office', 'unit_head', 'liaison'),
    'advisors.inbox': hasRole(a, 'advisor'),
  }),
};
