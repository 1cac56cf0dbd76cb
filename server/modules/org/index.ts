import type { FazhiModule } from '../../core/module.js';
import { orgRoutes } from './routes.js';

// A unit's attachments and history follow its record definition (records.ts): read in scope, edited by the office of its region.
import './records.js';

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
