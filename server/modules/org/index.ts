import type { FazhiModule } from '../../core/module.js';
import { registerRecordAccess, readScope, writeScope, OFFICE_WRITE } from '../../core/scope/index.js';
import { orgRoutes } from './routes.js';

// A unit record: readable in scope; editable by the office of its region.
registerRecordAccess('unit', async (db, actor, id, mode) => {
  const row = await db
    .selectFrom('units')
    .select(['region_id', 'id'])
    .where('id', '=', id)
    .where(mode === 'read' ? readScope(actor, { region: 'region_id', unit: 'id' }) : writeScope(actor, { region: 'region_id' }, OFFICE_WRITE))
    .executeTakeFirst();
  return row ? { regionId: row.region_id, unitId: row.id } : null;
});

/** Organisation: regions, units, users, role grants. */
export const orgModule: FazhiModule = {
  name: 'org',
  routes: orgRoutes,
  abilities: (a) => ({
    'org.view': a.isAdmin || a.grants.some((g) => g.role === 'office'),
    'org.manageUsers': a.isAdmin,
    'admin.calendar': a.isAdmin,
    'admin.audit': a.isAdmin || a.grants.some((g) => g.role === 'office'),
    'admin.settings': a.isAdmin,
    // The home page of those who read the region's figures (leaders, city viewers) is the metrics dashboard.
    'home.dashboard': a.grants.some((g) => g.role === 'leader' || g.role === 'viewer'),
  }),
};
