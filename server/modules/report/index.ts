import type { FazhiModule } from '../../core/module.js';
import { hasRole } from '../../core/scope/index.js';
import { reportRoutes } from './routes.js';

/** The annual report: template, figures from metrics, workflow, snapshots, renderers. */
export const reportModule: FazhiModule = {
  name: 'report',
  routes: reportRoutes,
  abilities: (a) => ({
    'report.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer'),
    'report.edit': hasRole(a, 'office'),
    'dashboard.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer'),
  }),
  async todos(ctx, actor) {
    if (!hasRole(actor, 'office')) return [];
    const regions = actor.regionsByRole.office ?? [];
    if (!regions.length) return [];
    const rows = await ctx.db.selectFrom('reports').select(['id', 'year', 'status']).where('region_id', 'in', regions).where('status', 'in', ['draft', 'review', 'secrecy', 'submitted']).execute();
    return rows.map((r) => ({
      module: 'report',
      kind: r.status,
      title: r.status === 'submitted' ? `${r.year}年度法治政府建设报告待公开（4月1日前）` : `${r.year}年度法治政府建设报告待办理`,
      count: 1,
      href: `/report/${r.id}`,
    }));
  },
};
