import type { FazhiModule } from '../../core/module.js';
import { registerConstraints } from '../../core/errors/database.js';
import { hasRole } from '../../core/scope/index.js';
import { powersRoutes } from './routes.js';
import { powersMetrics } from './metrics.js';
import './schema.js';

registerConstraints({
  power_services_code_uq: { status: 409, code: 'SERVICE_CODE_TAKEN', msg: { zh: '本辖区已有相同编码的“一件事”', en: 'A service with this code already exists in the district' } },
  power_items_code_uq: { status: 409, code: 'POWER_CODE_TAKEN', msg: { zh: '该单位清单中已有相同编码的现行事项', en: 'The unit’s list already has a current item with this code' } },
});

/** The power-and-responsibility list (权责清单). */
export const powersModule: FazhiModule = {
  name: 'powers',
  routes: powersRoutes,
  metrics: powersMetrics,
  abilities: (a) => ({
    'powers.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison', 'officer'),
    'powers.manage': hasRole(a, 'office'),
    // "一件事" services: region readers and the units (a unit sees the services it leads).
    'powers.services': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison'),
  }),
};
