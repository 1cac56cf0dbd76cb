import type { FazhiModule } from '../../core/module.js';
import { mayRollup } from './service.js';
import { rollupRoutes } from './routes.js';
import { syncReportDeadlines } from './deadlines.js';

/**
 * The levels above a district: the roll-up of every figure for the regions beneath a city or province,
 * where their annual reports stand (with the reporting deadline as the city's to-do), and the public
 * portal across levels. The city's own report is the report module's, its placeholders naming rolled-up
 * figures with a level modifier (`below.…`, `own.…`, see core/metrics).
 */
export const rollupModule: FazhiModule = {
  name: 'rollup',
  routes: rollupRoutes,
  // Each region's report deadline with the region above, kept up to date (reads never write).
  scheduled: [{ name: 'rollup.syncReportDeadlines', everyMinutes: 60, run: (db) => syncReportDeadlines(db) }],
  abilities: (a) => ({ 'rollup.view': mayRollup(a) }),
};
