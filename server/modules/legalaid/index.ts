import type { FazhiModule } from '../../core/module.js';
import { legalaidRoutes } from './routes.js';
import { legalaidMetrics } from './metrics.js';
import { countOpenCases, legalaidAbilities } from './service.js';
import './schema.js';

/** Public legal services: legal aid cases, legal help, lawyer service teams and enterprise check-ups. */
export const legalaidModule: FazhiModule = {
  name: 'legalaid',
  routes: legalaidRoutes,
  metrics: legalaidMetrics,
  async todos(ctx, actor) {
    if (!legalaidAbilities(actor)['legalaid.write']) return [];
    const n = await countOpenCases(ctx.db, actor);
    return n ? [{ module: 'legalaid', kind: 'open_cases', title: { zh: '待审查、待指派或异议审查中的法律援助案件', en: 'Legal aid cases awaiting review, assignment or objection review' }, count: n, href: '/legalaid/cases?status=received' }] : [];
  },
  abilities: legalaidAbilities,
};
