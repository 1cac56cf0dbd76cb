import type { FazhiModule } from '../../core/module.js';
import { canWriteAt, hasRole, readScope, registerRecordAccess, OFFICE_WRITE, DEFAULT_WRITE } from '../../core/scope/index.js';
import { advisorRoutes } from './routes.js';
import { advisorMetrics } from './metrics.js';
import { advisorFirms, countInbox, countUnassigned, reviewReadScope } from './service.js';
import './schema.js';

// A review request: readable in review scope; attachments (the written opinion, the draft under review)
// may be added by the requesting unit, the office, or the assigned advisor while it is open.
registerRecordAccess('advisor_review', async (db, actor, id) => {
  const r = await db
    .selectFrom('advisor_reviews as r')
    .select(['r.region_id', 'r.unit_id'])
    .where('r.id', '=', id)
    .where(reviewReadScope(actor))
    .executeTakeFirst();
  return r ? { regionId: r.region_id, unitId: r.unit_id } : null;
});
// An engagement contract (scan of the signed contract): the office writes, the firm reads.
registerRecordAccess('advisor_engagement', async (db, actor, id, mode) => {
  const r = await db.selectFrom('advisor_engagements').select(['region_id', 'unit_id']).where('id', '=', id)
    .where(mode === 'read' ? readScope(actor, { region: 'region_id', unit: 'unit_id' }) : readScope(actor, { region: 'region_id' })).executeTakeFirst();
  if (!r || (mode === 'write' && !canWriteAt(actor, r.region_id, null, OFFICE_WRITE))) return null;
  return { regionId: r.region_id, unitId: r.unit_id };
});
// A work-log entry (e.g. the judgment or the power of attorney): the office and the firm.
registerRecordAccess('advisor_work_log', async (db, actor, id, mode) => {
  const r = await db.selectFrom('advisor_work_logs').select(['region_id', 'unit_id']).where('id', '=', id)
    .where(readScope(actor, { region: 'region_id', unit: 'unit_id' })).executeTakeFirst();
  if (!r) return null;
  if (mode === 'write' && !canWriteAt(actor, r.region_id, null, OFFICE_WRITE) && !advisorFirms(actor).includes(r.unit_id)) return null;
  return { regionId: r.region_id, unitId: r.unit_id };
});

/** Government legal advisors: engagements, advisors, the review queue, work log, assessment. */
export const advisorsModule: FazhiModule = {
  name: 'advisors',
  routes: advisorRoutes,
  metrics: advisorMetrics,
  async todos(ctx, actor) {
    const items = [];
    const inbox = await countInbox(ctx.db, actor);
    if (inbox) items.push({ module: 'advisors', kind: 'inbox', title: '待出具法律意见的审查事项', count: inbox, href: '/advisors/reviews?status=assigned' });
    const unassigned = await countUnassigned(ctx.db, actor);
    if (unassigned) items.push({ module: 'advisors', kind: 'unassigned', title: '待指派法律顾问的审查事项', count: unassigned, href: '/advisors/reviews?status=pending' });
    return items;
  },
  abilities: (a) => ({
    'advisors.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'advisor', 'unit_head', 'liaison'),
    'advisors.manage': hasRole(a, 'office'),
    'advisors.request': hasRole(a, 'office', 'unit_head', 'liaison'),
    'advisors.inbox': hasRole(a, 'advisor'),
  }),
};
void DEFAULT_WRITE;
