import type { FazhiModule } from '../../core/module.js';
import { hasRole, inRegionPaths, readRegionPaths, writeRegionPaths, OFFICE_WRITE } from '../../core/scope/index.js';
import './records.js';
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
    // The reports the office writes: its regions and below, by path.
    const paths = writeRegionPaths(actor, OFFICE_WRITE);
    if (!paths.length) return [];
    const rows = await ctx.db.selectFrom('reports as r').select(['r.id', 'r.year', 'r.status'])
      .where(inRegionPaths('r.region_id', paths)).where('r.status', 'in', ['draft', 'review', 'secrecy', 'submitted']).orderBy('r.year').orderBy('r.id').execute();
    return rows.map((r) => ({
      module: 'report',
      kind: r.status,
      title: r.status === 'submitted' ? `${r.year}年度法治政府建设报告待公开（4月1日前）` : `${r.year}年度法治政府建设报告待办理`,
      count: 1,
      href: `/report/${r.id}`,
    }));
  },
};
