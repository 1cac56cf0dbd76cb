import type { FazhiModule } from '../../core/module.js';
import { hasRole, registerRecordAccess } from '../../core/scope/index.js';
import { learningRoutes } from './routes.js';
import { learningMetrics } from './metrics.js';
import { activityAccess } from './service.js';
import './schema.js';

// Materials (attachments) and history of learning records.
registerRecordAccess('learning_activity', activityAccess);

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
