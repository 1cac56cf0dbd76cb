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
    // The reports the office itself writes: its own regions' (a district's draft is on the district's
    // list; the level above follows it as a report deadline of the roll-up).
    const paths = writeRegionPaths(actor, OFFICE_WRITE);
    if (!paths.length) return [];
    const rows = await ctx.db.selectFrom('reports as r').innerJoin('regions as rg', 'rg.id', 'r.region_id').select(['r.id', 'r.year', 'r.status'])
      .where('rg.path', 'in', paths).where('r.status', 'in', ['draft', 'review', 'secrecy', 'submitted']).orderBy('r.year').orderBy('r.id').execute();
    return rows.map((r) => ({
      module: 'report',
      kind: r.status,
      title: r.status === 'submitted'
        ? { zh: `${r.year}年度法治政府建设报告待公开（4月1日前）`, en: `Publish the ${r.year} report (before 1 April)` }
        : { zh: `${r.year}年度法治政府建设报告待办理`, en: `Finish the ${r.year} report` },
      count: 1,
      href: `/report/${r.id}`,
    }));
  },
};
