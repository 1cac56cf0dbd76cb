import type { FazhiModule } from '../../core/module.js';
import { hasRole } from '../../core/scope/index.js';
import { learningRoutes } from './routes.js';
import { learningMetrics } from './metrics.js';
// The record registers its access for materials (attachments) and history.
import './records.js';

/** Law study, knowledge tests, trainings, exams and competitions. */
export const learningModule: FazhiModule = {
  name: 'learning',
  routes: learningRoutes,
  metrics: learningMetrics,
  abilities: (a) => ({
    'learning.view': true,
    'learning.record': hasRole(a, 'office', 'unit_head', 'liaison'),
  }),
};
