import type { FazhiModule } from '../../core/module.js';
import { mediationRoutes } from './routes.js';
import { mediationMetrics } from './metrics.js';
import { countMediating, mediationAbilities, mediationTasks } from './service.js';
import './schema.js';

/** People's mediation: committees, mediators, disputes and agreements. */
export const mediationModule: FazhiModule = {
  name: 'mediation',
  routes: mediationRoutes,
  metrics: mediationMetrics,
  async todos(ctx, actor) {
    if (!mediationAbilities(actor)['mediation.write']) return [];
    const n = await countMediating(ctx.db, actor);
    return n ? [{ module: 'mediation', kind: 'mediating', title: { zh: '调解中的矛盾纠纷', en: 'Disputes under mediation' }, count: n, href: '/mediation/disputes?status=mediating' }] : [];
  },
  abilities: mediationAbilities,
  scheduled: mediationTasks,
};
