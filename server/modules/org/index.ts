import type { FazhiModule } from '../../core/module.js';
import { orgRoutes } from './routes.js';

/** Organisation: regions, units, users, role grants. */
export const orgModule: FazhiModule = {
  name: 'org',
  routes: orgRoutes,
  abilities: (a) => ({
    'org.view': a.isAdmin || a.grants.some((g) => g.role === 'office'),
    'org.manageUsers': a.isAdmin,
  }),
};
