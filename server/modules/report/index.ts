import type { FazhiModule } from '../../core/module.js';
import { hasRole, inRegionPaths, readRegionPaths } from '../../core/scope/index.js';
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
  // Reports in the actor's read scope: the latest unpublished one is the year being worked on.
  async years(ctx, actor) {
    const paths = readRegionPaths(actor);
    const rows = await ctx.db
      .selectFrom('reports')
      .select(['year', 'status'])
      .$if(paths !== null, (q) => q.where(inRegionPaths('region_id', paths!)))
      .orderBy('year', 'desc')
      .execute();
    const open = rows.filter((r) => r.status !== 'published');
    return { years: rows.map((r) => r.year), working: (open[0] ?? rows[0])?.year ?? null };
  },
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
