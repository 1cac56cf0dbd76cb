import type { FazhiModule } from '../../core/module.js';
import { hasRole, readScope, registerRecordAccess } from '../../core/scope/index.js';
import { disputesRoutes } from './routes.js';
import { disputesMetrics } from './metrics.js';
import { canActForRespondent, canManageRecon } from './reconsideration.js';
import { canManageLawsuit, lawsuitReadScope } from './litigation.js';
import { ENTITY } from './common.js';

// Attachments and history of a reconsideration case: readable in scope; written by the office
// (the organ) or the respondent unit (its answer and evidence).
registerRecordAccess(ENTITY.recon, async (db, actor, id, mode) => {
  const c = await db.selectFrom('reconsideration_cases as c').select(['c.region_id', 'c.unit_id']).where('c.id', '=', id).where(readScope(actor, { region: 'c.region_id', unit: 'c.unit_id' })).executeTakeFirst();
  if (!c || (mode === 'write' && !canManageRecon(actor, c) && !canActForRespondent(actor, c))) return null;
  return { regionId: c.region_id, unitId: c.unit_id };
});
// An opinion letter: the addressee unit and the office.
registerRecordAccess(ENTITY.opinion, async (db, actor, id, mode) => {
  const o = await db.selectFrom('reconsideration_opinions as c').select(['c.region_id', 'c.unit_id']).where('c.id', '=', id).where(readScope(actor, { region: 'c.region_id', unit: 'c.unit_id' })).executeTakeFirst();
  if (!o || (mode === 'write' && !canActForRespondent(actor, o))) return null;
  return { regionId: o.region_id, unitId: o.unit_id };
});
// A lawsuit: the office, the defendant unit, and the representing law firm (read).
registerRecordAccess(ENTITY.lawsuit, async (db, actor, id, mode) => {
  const l = await db.selectFrom('lawsuits as l').select(['l.region_id', 'l.unit_id']).where('l.id', '=', id).where(lawsuitReadScope(actor)).executeTakeFirst();
  if (!l || (mode === 'write' && !canManageLawsuit(actor, l))) return null;
  return { regionId: l.region_id, unitId: l.unit_id };
});

/** Disputes: administrative reconsideration and litigation, with statutory clocks. */
export const disputesModule: FazhiModule = {
  name: 'disputes',
  routes: disputesRoutes,
  metrics: disputesMetrics,
  abilities: (a) => ({
    'disputes.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison', 'advisor'),
    'disputes.reconsideration.register': hasRole(a, 'office'),
    'disputes.litigation.register': hasRole(a, 'office', 'unit_head', 'liaison'),
    'disputes.stats': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer'),
  }),
};
