import { z } from 'zod';
import type { FazhiModule } from '../../core/module.js';
import { registerConstraints } from '../../core/errors/database.js';
import { defineSetting, getSetting } from '../../core/settings.js';
import { hasRole } from '../../core/scope/index.js';
import { enforcementRoutes } from './routes.js';
import { enforcementMetrics } from './metrics.js';
import { countExpiring } from './service.js';
import './schema.js';

/**
 * Days ahead a certificate's expiry shows on the to-do list. Validity and renewal lead time vary by
 * province (REFERENCE §5.5: 湖南 renews 6 months before; Henan's decree not retrieved — UNCONFIRMED).
 */
export const CertReminderDays = defineSetting({
  key: 'enforcement.certReminderDays',
  label: { zh: '执法证件到期提醒提前天数', en: 'Days before certificate expiry to remind' },
  schema: z.number().int().min(1).max(365),
  default: 90,
});

registerConstraints({
  enforcement_cases_no_key: { status: 409, code: 'CASE_NO_TAKEN', msg: { zh: '本地区已有相同案号的案件', en: 'A case with this number already exists' } },
  enforcement_certificates_no_key: { status: 409, code: 'CERT_NO_TAKEN', msg: { zh: '该证件号已登记', en: 'This certificate number is already registered' } },
  enforcement_bodies_unit_key: { status: 409, code: 'BODY_EXISTS', msg: { zh: '该单位已登记为执法主体', en: 'The unit is already an enforcement body' } },
  enforcement_item_claims_key: { status: 409, code: 'ALREADY_CLAIMED', msg: { zh: '该单位已认领此监管事项', en: 'The unit has already claimed this item' } },
  enforcement_supervision_items_code_key: { status: 409, code: 'ITEM_CODE_TAKEN', msg: { zh: '目录中已有相同编码的监管事项', en: 'An item with this code exists' } },
  enforcement_review_files_case_key: { status: 409, code: 'FILE_ALREADY_SAMPLED', msg: { zh: '该案卷已在本次评查中', en: 'The file is already in the campaign' } },
  enforcement_exam_results_key: { status: 409, code: 'EXAM_ALREADY_RECORDED', msg: { zh: '该考试科目成绩已登记', en: 'This exam part is already recorded' } },
  enforcement_cases_published: { status: 400, code: 'PUBLICITY_BEFORE_DECISION', msg: { zh: '公示日期不能早于决定日期', en: 'Publicity cannot precede the decision' } },
});

/** Administrative enforcement: bodies, officers and certificates, cases, case-file review, catalogue, risk lists. */
export const enforcementModule: FazhiModule = {
  name: 'enforcement',
  routes: enforcementRoutes,
  metrics: enforcementMetrics,
  async todos(ctx, actor) {
    const days = await getSetting(ctx.db, CertReminderDays);
    const n = await countExpiring(ctx.db, actor, days);
    return n ? [{ module: 'enforcement', kind: 'certificates', title: { zh: `${days}日内到期的行政执法证件`, en: `Enforcement certificates expiring within ${days} days` }, count: n, href: '/enforcement/officers?expiring=1' }] : [];
  },
  abilities: (a) => ({
    'enforcement.view': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison', 'officer'),
    'enforcement.cases': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison', 'officer'),
    'enforcement.fileCase': hasRole(a, 'office', 'unit_head', 'liaison', 'officer'),
    'enforcement.manageOfficers': hasRole(a, 'office', 'unit_head', 'liaison'),
    'enforcement.manageBodies': hasRole(a, 'office'),
    'enforcement.reviews': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison', 'officer'),
    'enforcement.manageReviews': hasRole(a, 'office'),
    'enforcement.catalogue': a.isAdmin || hasRole(a, 'office', 'leader', 'viewer', 'unit_head', 'liaison', 'officer'),
    'enforcement.manageCatalogue': hasRole(a, 'office'),
    'enforcement.claimItems': hasRole(a, 'office', 'unit_head', 'liaison'),
  }),
};
