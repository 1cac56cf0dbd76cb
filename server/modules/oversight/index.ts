import type { FazhiModule } from '../../core/module.js';
import { registerConstraints } from '../../core/errors/database.js';
import { hasRole } from '../../core/scope/index.js';
import { oversightRoutes } from './routes.js';
import { oversightMetrics } from './metrics.js';
import { countOpenForUnits } from './suggestions.js';
import './schema.js';

registerConstraints({
  oversight_items_number_uq: { status: 409, code: 'ITEM_NUMBER_TAKEN', msg: { zh: '该届次已有相同编号的建议或提案', en: 'An item with this number already exists in the session' } },
  audits_no_uq: { status: 409, code: 'AUDIT_NO_TAKEN', msg: { zh: '审计项目编号已存在', en: 'The audit number is already used' } },
  oversight_assignments_active_unit_uq: { status: 409, code: 'UNIT_ALREADY_ASSIGNED', msg: { zh: '该单位已承办本件', en: 'The unit already handles this item' } },
  oversight_reports_year_uq: { status: 409, code: 'REPORT_YEAR_TAKEN', msg: { zh: '该年度的办理情况报告已生成，请在原报告上重新生成', en: 'The report of this year already exists; regenerate it' } },
  audits_approved_not_above_submitted: { status: 400, code: 'APPROVED_ABOVE_SUBMITTED', msg: { zh: '审定金额大于送审金额，如属审增请勾选“审增”', en: 'The approved amount exceeds the submitted one' } },
});

/** Oversight: NPC suggestions and CPPCC proposals, audits. */
export const oversightModule: FazhiModule = {
  name: 'oversight',
  routes: oversightRoutes,
  metrics: oversightMetrics,
  async todos(ctx, actor) {
    const n = await countOpenForUnits(ctx.db, actor);
    return n ? [{ module: 'oversight', kind: 'items', title: { zh: '本单位承办中的建议提案', en: 'Suggestions and proposals your unit is handling' }, count: n, href: '/oversight/items?mine=1' }] : [];
  },
  abilities: (a) => ({
    'oversight.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison'),
    'oversight.manage': hasRole(a, 'office'),
    // The year's handling report: the office composes it; region readers read it.
    'oversight.reports': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer'),
  }),
};
