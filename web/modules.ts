/**
 * The page registry: how a module puts its pages into the shell. ONE entry per module.
 *
 * Contract (add your module's entry to `webModules` at the bottom, nothing else in the shell):
 *
 *   {
 *     key: 'decisions',                 // = the server module name; your strings live under t('decisions.…')
 *     group: 'decisions',               // side-navigation group (see NAV_GROUPS below)
 *     nav: [                            // menu entries, shown only when `me.abilities[ability]` is true
 *       { path: '/decisions', labelKey: 'decisions.nav.list', ability: 'decisions.view' },
 *     ],
 *     routes: [                         // pages; each is its own lazy chunk
 *       { path: '/decisions', element: lazy(() => import('./pages/decisions/List')), ability: 'decisions.view' },
 *       { path: '/decisions/:id', element: lazy(() => import('./pages/decisions/Detail')), ability: 'decisions.view',
 *         labelKey: 'decisions.detail' },   // extra breadcrumb after the menu entry it sits under
 *     ],
 *     i18n: { zh: decisionsZh, en: decisionsEn },   // import from './pages/decisions/i18n'
 *     records: { decision: '/decisions/:id' },      // optional: where to-do/deadline links open
 *   }
 *
 * Rules:
 * - `ability` names come from the server module's `abilities(actor)` (never guess from roles here).
 *   A route whose ability is false shows the 403 page, also when the URL is typed.
 * - Pages are thin: compose `web/components/` (DataTable, SchemaForm, RecordDetail, DeadlineBadge,
 *   StatusTag, ImportDialog) and call the API through `web/api/client`.
 * - Every visible string goes through i18n (`const { t, lang } = useT()`); dates via `formatDate`.
 * - Breadcrumbs come from the nav entry whose path is the longest prefix of the URL, plus the
 *   route's `labelKey` when it differs.
 * - The to-do list is the server's (`GET /api/v1/todos`): register to-dos on the server module.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { adminZh, adminEn } from './pages/admin/i18n';
import { documentsZh, documentsEn } from './pages/documents/i18n';
import { planZh, planEn } from './pages/plan/i18n';
import { learningZh, learningEn } from './pages/learning/i18n';
import { decisionsZh, decisionsEn } from './pages/decisions/i18n';
import { advisorsZh, advisorsEn } from './pages/advisors/i18n';
import { reportZh, reportEn } from './pages/report/i18n';
import { disputesZh, disputesEn } from './pages/disputes/i18n';
import { enforcementZh, enforcementEn } from './pages/enforcement/i18n';
import { legalaidZh, legalaidEn } from './pages/legalaid/i18n';
import { mediationZh, mediationEn } from './pages/mediation/i18n';
import { oversightZh, oversightEn } from './pages/oversight/i18n';
import { powersZh, powersEn } from './pages/powers/i18n';
import { rollupZh, rollupEn } from './pages/rollup/i18n';

/** The side-navigation groups, in the order of the annual report. */
export const NAV_GROUPS = ['lead', 'decisions', 'enforcement', 'oversight', 'services', 'report', 'admin'] as const;
/** A side-navigation group key (labels at `nav.group.<key>`). */
export type NavGroup = (typeof NAV_GROUPS)[number];

/** A menu entry. */
export interface NavEntry {
  path: string;
  labelKey: string;
  ability: string;
}

/** A page of a module. */
export interface RouteEntry {
  path: string;
  element: LazyExoticComponent<ComponentType>;
  /** Ability required to open the page (403 page otherwise). */
  ability?: string;
  /** Breadcrumb label for pages not in the menu (detail pages). */
  labelKey?: string;
}

/** One module's contribution to the web app. */
export interface WebModule {
  key: string;
  group: NavGroup;
  nav: NavEntry[];
  routes: RouteEntry[];
  i18n: { zh: Record<string, unknown>; en: Record<string, unknown> };
  /** Where a record of this module opens, by entity: `{ decision: '/decisions/:id' }` (to-do links). */
  records?: Record<string, string>;
  /** Pages outside the signed-in shell, open without sign-in (public portal); paths start with `/public/`. */
  publicRoutes?: { path: string; element: LazyExoticComponent<ComponentType> }[];
}

/** The page of a record (for to-do and deadline links), or undefined when no module claims the entity. */
export function recordPath(entity: string, id: string): string | undefined {
  for (const m of webModules) {
    const p = m.records?.[entity];
    if (p) return p.replace(':id', encodeURIComponent(id));
  }
  return undefined;
}

/** 系统管理 — the admin pages, built on the registry like every module (the example to copy). */
const admin: WebModule = {
  key: 'adminPages',
  group: 'admin',
  nav: [
    { path: '/admin/units', labelKey: 'admin.units', ability: 'org.view' },
    { path: '/admin/users', labelKey: 'admin.users', ability: 'org.manageUsers' },
    { path: '/admin/calendar', labelKey: 'admin.calendar', ability: 'admin.calendar' },
    { path: '/admin/audit', labelKey: 'admin.audit', ability: 'admin.audit' },
    { path: '/admin/settings', labelKey: 'admin.settings', ability: 'admin.settings' },
  ],
  routes: [
    { path: '/admin/units', element: lazy(() => import('./pages/admin/Units')), ability: 'org.view' },
    { path: '/admin/units/:id', element: lazy(() => import('./pages/admin/UnitDetail')), ability: 'org.view', labelKey: 'adminPages.unit.detail' },
    { path: '/admin/users', element: lazy(() => import('./pages/admin/Users')), ability: 'org.manageUsers' },
    { path: '/admin/calendar', element: lazy(() => import('./pages/admin/Calendar')), ability: 'admin.calendar' },
    { path: '/admin/audit', element: lazy(() => import('./pages/admin/Audit')), ability: 'admin.audit' },
    { path: '/admin/settings', element: lazy(() => import('./pages/admin/Settings')), ability: 'admin.settings' },
  ],
  i18n: { zh: adminZh, en: adminEn },
  records: { unit: '/admin/units/:id' },
};

/** 规范性文件 — 审、登、备、纠, legality reviews, cleanup campaigns. */
const documents: WebModule = {
  key: 'documents',
  group: 'decisions',
  nav: [
    { path: '/documents', labelKey: 'documents.nav.list', ability: 'documents.view' },
    { path: '/documents/reviews', labelKey: 'documents.nav.reviews', ability: 'documents.reviews' },
    { path: '/documents/cleanups', labelKey: 'documents.nav.cleanups', ability: 'documents.cleanup' },
  ],
  routes: [
    { path: '/documents', element: lazy(() => import('./pages/documents/List')), ability: 'documents.view' },
    { path: '/documents/reviews', element: lazy(() => import('./pages/documents/Reviews')), ability: 'documents.reviews' },
    { path: '/documents/cleanups', element: lazy(() => import('./pages/documents/Cleanups')), ability: 'documents.cleanup' },
    { path: '/documents/cleanups/:id', element: lazy(() => import('./pages/documents/CleanupDetail')), ability: 'documents.cleanup', labelKey: 'documents.cleanupDetail' },
    { path: '/documents/:id', element: lazy(() => import('./pages/documents/Detail')), ability: 'documents.view', labelKey: 'documents.detail' },
  ],
  i18n: { zh: documentsZh, en: documentsEn },
  records: { normative_document: '/documents/:id', normative_doc_review: '/documents/reviews', normative_doc_correction: '/documents' },
};

/** 工作安排、推进台账、依法行政考核 (seed §一(一), 放管服 §一(五)). */
const plan: WebModule = {
  key: 'plan',
  group: 'lead',
  nav: [
    { path: '/plan/plans', labelKey: 'plan.nav.plans', ability: 'plan.view' },
    { path: '/plan/tasks', labelKey: 'plan.nav.tasks', ability: 'plan.view' },
    { path: '/plan/entries', labelKey: 'plan.nav.entries', ability: 'plan.review' },
    { path: '/plan/assess', labelKey: 'plan.nav.assess', ability: 'plan.view' },
  ],
  routes: [
    { path: '/plan/plans', element: lazy(() => import('./pages/plan/Plans')), ability: 'plan.view' },
    { path: '/plan/plans/:id', element: lazy(() => import('./pages/plan/PlanDetail')), ability: 'plan.view', labelKey: 'plan.plan.detail' },
    { path: '/plan/tasks', element: lazy(() => import('./pages/plan/Tasks')), ability: 'plan.view' },
    { path: '/plan/tasks/:id', element: lazy(() => import('./pages/plan/TaskDetail')), ability: 'plan.view', labelKey: 'plan.tasks.task' },
    { path: '/plan/entries', element: lazy(() => import('./pages/plan/Entries')), ability: 'plan.review' },
    { path: '/plan/assess', element: lazy(() => import('./pages/plan/Assess')), ability: 'plan.view' },
    { path: '/plan/rules', element: lazy(() => import('./pages/plan/Rules')), ability: 'plan.view', labelKey: 'plan.nav.rules' },
  ],
  i18n: { zh: planZh, en: planEn },
  records: { plan_task: '/plan/tasks/:id', plan: '/plan/plans/:id', plan_assess_unit: '/plan/assess' },
};

/** 学法用法与培训 (seed §一(一), §一(三), §一(五)). */
const learning: WebModule = {
  key: 'learning',
  group: 'lead',
  nav: [{ path: '/learning', labelKey: 'learning.nav.list', ability: 'learning.view' }],
  routes: [
    { path: '/learning', element: lazy(() => import('./pages/learning/Activities')), ability: 'learning.view' },
    { path: '/learning/:id', element: lazy(() => import('./pages/learning/ActivityDetail')), ability: 'learning.view', labelKey: 'learning.detail.title' },
  ],
  i18n: { zh: learningZh, en: learningEn },
  records: { learning_activity: '/learning/:id' },
};

/** 重大行政决策 — catalogue and the procedure. */
const decisions: WebModule = {
  key: 'decisions',
  group: 'decisions',
  nav: [
    { path: '/decisions', labelKey: 'decisions.nav.list', ability: 'decisions.view' },
    { path: '/decisions/catalogues', labelKey: 'decisions.nav.catalogues', ability: 'decisions.view' },
  ],
  routes: [
    { path: '/decisions', element: lazy(() => import('./pages/decisions/List')), ability: 'decisions.view' },
    { path: '/decisions/catalogues', element: lazy(() => import('./pages/decisions/Catalogues')), ability: 'decisions.view' },
    { path: '/decisions/:id', element: lazy(() => import('./pages/decisions/Detail')), ability: 'decisions.view', labelKey: 'decisions.detail' },
  ],
  i18n: { zh: decisionsZh, en: decisionsEn },
  records: { decision: '/decisions/:id' },
};

/** 政府法律顾问 — the review queue, engagements and assessment, work log. */
const advisors: WebModule = {
  key: 'advisors',
  group: 'decisions',
  nav: [
    { path: '/advisors/reviews', labelKey: 'advisors.nav.reviews', ability: 'advisors.view' },
    { path: '/advisors/firms', labelKey: 'advisors.nav.firms', ability: 'advisors.view' },
    { path: '/advisors/worklogs', labelKey: 'advisors.nav.worklogs', ability: 'advisors.view' },
  ],
  routes: [
    { path: '/advisors/reviews', element: lazy(() => import('./pages/advisors/Reviews')), ability: 'advisors.view' },
    { path: '/advisors/reviews/:id', element: lazy(() => import('./pages/advisors/ReviewDetail')), ability: 'advisors.view', labelKey: 'advisors.detail' },
    { path: '/advisors/firms', element: lazy(() => import('./pages/advisors/Firms')), ability: 'advisors.view' },
    { path: '/advisors/worklogs', element: lazy(() => import('./pages/advisors/WorkLogs')), ability: 'advisors.view' },
  ],
  i18n: { zh: advisorsZh, en: advisorsEn },
  records: { advisor_review: '/advisors/reviews/:id' },
};

/** 人大建议、政协提案和审计监督 (seed §一(四)一是). */
const oversight: WebModule = {
  key: 'oversight',
  group: 'oversight',
  nav: [
    { path: '/oversight/items', labelKey: 'oversight.nav.items', ability: 'oversight.view' },
    { path: '/oversight/audits', labelKey: 'oversight.nav.audits', ability: 'oversight.view' },
    { path: '/oversight/reports', labelKey: 'oversight.nav.reports', ability: 'oversight.reports' },
  ],
  routes: [
    { path: '/oversight/items', element: lazy(() => import('./pages/oversight/Items')), ability: 'oversight.view' },
    { path: '/oversight/items/:id', element: lazy(() => import('./pages/oversight/ItemDetail')), ability: 'oversight.view', labelKey: 'oversight.detail' },
    { path: '/oversight/audits', element: lazy(() => import('./pages/oversight/Audits')), ability: 'oversight.view' },
    { path: '/oversight/audits/:id', element: lazy(() => import('./pages/oversight/AuditDetail')), ability: 'oversight.view', labelKey: 'oversight.auditDetail' },
    { path: '/oversight/reports', element: lazy(() => import('./pages/oversight/Reports')), ability: 'oversight.reports' },
    { path: '/oversight/reports/:id', element: lazy(() => import('./pages/oversight/ReportDetail')), ability: 'oversight.reports', labelKey: 'oversight.reports.detail' },
  ],
  i18n: { zh: oversightZh, en: oversightEn },
  records: { oversight_item: '/oversight/items/:id', oversight_assignment: '/oversight/items', audit: '/oversight/audits/:id', audit_rectification: '/oversight/audits', oversight_report: '/oversight/reports/:id' },
  publicRoutes: [{ path: '/public/oversight-reports', element: lazy(() => import('./pages/oversight/PublicReports')) }],
};

/** 权责清单 (seed §一(四)二是). */
const powers: WebModule = {
  key: 'powers',
  group: 'oversight',
  nav: [
    { path: '/powers', labelKey: 'powers.nav.list', ability: 'powers.view' },
    { path: '/powers/services', labelKey: 'powers.nav.services', ability: 'powers.services' },
  ],
  routes: [
    { path: '/powers', element: lazy(() => import('./pages/powers/List')), ability: 'powers.view' },
    { path: '/powers/services', element: lazy(() => import('./pages/powers/Services')), ability: 'powers.services' },
    { path: '/powers/services/:id', element: lazy(() => import('./pages/powers/ServiceDetail')), ability: 'powers.services', labelKey: 'powers.services.detail' },
  ],
  i18n: { zh: powersZh, en: powersEn },
  records: { power_service: '/powers/services/:id' },
  publicRoutes: [
    { path: '/public/powers', element: lazy(() => import('./pages/powers/Public')) },
    { path: '/public/services', element: lazy(() => import('./pages/powers/PublicServices')) },
  ],
};

/** Every module's pages, in menu order within each group. Add your module here (one entry). */
/** 年度报告 — the annual report (editor, viewer, workflow), the indicator dashboard and the public portal. */
const report: WebModule = {
  key: 'report',
  group: 'report',
  nav: [
    { path: '/report', labelKey: 'report.nav.list', ability: 'report.view' },
    { path: '/report/dashboard', labelKey: 'report.nav.dashboard', ability: 'dashboard.view' },
  ],
  routes: [
    { path: '/report', element: lazy(() => import('./pages/report/List')), ability: 'report.view' },
    { path: '/report/dashboard', element: lazy(() => import('./pages/report/Dashboard')), ability: 'dashboard.view' },
    { path: '/report/:id', element: lazy(() => import('./pages/report/Detail')), ability: 'report.view', labelKey: 'report.detail' },
  ],
  i18n: { zh: reportZh, en: reportEn },
  records: { report: '/report/:id' },
  publicRoutes: [
    { path: '/public/reports', element: lazy(() => import('./pages/report/Public')) },
    { path: '/public/reports/:id', element: lazy(() => import('./pages/report/Public')) },
  ],
};

/** 行政复议与行政应诉 (权力监督与矛盾化解). */
const disputes: WebModule = {
  key: 'disputes',
  group: 'oversight',
  nav: [
    { path: '/disputes/reconsiderations', labelKey: 'disputes.nav.recon', ability: 'disputes.view' },
    { path: '/disputes/lawsuits', labelKey: 'disputes.nav.suits', ability: 'disputes.view' },
    { path: '/disputes/stats', labelKey: 'disputes.nav.stats', ability: 'disputes.stats' },
  ],
  routes: [
    { path: '/disputes/reconsiderations', element: lazy(() => import('./pages/disputes/ReconList')), ability: 'disputes.view' },
    { path: '/disputes/reconsiderations/:id', element: lazy(() => import('./pages/disputes/ReconDetail')), ability: 'disputes.view', labelKey: 'disputes.recon.detail' },
    { path: '/disputes/lawsuits', element: lazy(() => import('./pages/disputes/SuitList')), ability: 'disputes.view' },
    { path: '/disputes/lawsuits/:id', element: lazy(() => import('./pages/disputes/SuitDetail')), ability: 'disputes.view', labelKey: 'disputes.suit.detail' },
    { path: '/disputes/stats', element: lazy(() => import('./pages/disputes/Stats')), ability: 'disputes.stats' },
  ],
  i18n: { zh: disputesZh, en: disputesEn },
  records: { reconsideration_case: '/disputes/reconsiderations/:id', lawsuit: '/disputes/lawsuits/:id' },
};

/** 公共法律服务 — 法律援助、法律帮助、律师服务团与法治体检. */
const legalaid: WebModule = {
  key: 'legalaid',
  group: 'services',
  nav: [
    { path: '/legalaid/cases', labelKey: 'legalaid.nav.cases', ability: 'legalaid.view' },
    { path: '/legalaid/services', labelKey: 'legalaid.nav.services', ability: 'legalaid.view' },
  ],
  routes: [
    { path: '/legalaid/cases', element: lazy(() => import('./pages/legalaid/Cases')), ability: 'legalaid.view' },
    { path: '/legalaid/cases/:id', element: lazy(() => import('./pages/legalaid/CaseDetail')), ability: 'legalaid.view', labelKey: 'legalaid.detail.title' },
    { path: '/legalaid/services', element: lazy(() => import('./pages/legalaid/Services')), ability: 'legalaid.view' },
  ],
  i18n: { zh: legalaidZh, en: legalaidEn },
  records: { legalaid_case: '/legalaid/cases/:id' },
};

/** 人民调解 — committees, mediators, disputes and agreements. */
const mediation: WebModule = {
  key: 'mediation',
  group: 'services',
  nav: [
    { path: '/mediation/disputes', labelKey: 'mediation.nav.disputes', ability: 'mediation.view' },
    { path: '/mediation/committees', labelKey: 'mediation.nav.committees', ability: 'mediation.view' },
  ],
  routes: [
    { path: '/mediation/disputes', element: lazy(() => import('./pages/mediation/Disputes')), ability: 'mediation.view' },
    { path: '/mediation/disputes/:id', element: lazy(() => import('./pages/mediation/DisputeDetail')), ability: 'mediation.view', labelKey: 'mediation.detail.title' },
    { path: '/mediation/committees', element: lazy(() => import('./pages/mediation/Committees')), ability: 'mediation.view' },
  ],
  i18n: { zh: mediationZh, en: mediationEn },
  records: { mediation_dispute: '/mediation/disputes/:id' },
};

/** 行政执法 — cases under the three systems, bodies and officers, case-file review, the supervision catalogue and risk lists. */
const enforcement: WebModule = {
  key: 'enforcement',
  group: 'enforcement',
  nav: [
    { path: '/enforcement/cases', labelKey: 'enforcement.nav.cases', ability: 'enforcement.cases' },
    { path: '/enforcement/officers', labelKey: 'enforcement.nav.officers', ability: 'enforcement.view' },
    { path: '/enforcement/reviews', labelKey: 'enforcement.nav.reviews', ability: 'enforcement.reviews' },
    { path: '/enforcement/catalogue', labelKey: 'enforcement.nav.catalogue', ability: 'enforcement.catalogue' },
  ],
  routes: [
    { path: '/enforcement/cases', element: lazy(() => import('./pages/enforcement/Cases')), ability: 'enforcement.cases' },
    { path: '/enforcement/cases/:id', element: lazy(() => import('./pages/enforcement/CaseDetail')), ability: 'enforcement.cases', labelKey: 'enforcement.detail' },
    { path: '/enforcement/officers', element: lazy(() => import('./pages/enforcement/Officers')), ability: 'enforcement.view' },
    { path: '/enforcement/officers/:id', element: lazy(() => import('./pages/enforcement/OfficerDetail')), ability: 'enforcement.view', labelKey: 'enforcement.officerDetail' },
    { path: '/enforcement/reviews', element: lazy(() => import('./pages/enforcement/Reviews')), ability: 'enforcement.reviews' },
    { path: '/enforcement/catalogue', element: lazy(() => import('./pages/enforcement/Catalogue')), ability: 'enforcement.catalogue' },
  ],
  i18n: { zh: enforcementZh, en: enforcementEn },
  records: { enforcement_case: '/enforcement/cases/:id', enforcement_officer: '/enforcement/officers/:id' },
  publicRoutes: [{ path: '/public/enforcement', element: lazy(() => import('./pages/enforcement/Public')) }],
};

/** 汇总统计 — the levels above a district: roll-up of the regions beneath, their reports, the portal across levels. */
const rollup: WebModule = {
  key: 'rollup',
  group: 'report',
  nav: [{ path: '/rollup', labelKey: 'rollup.nav.rollup', ability: 'rollup.view' }],
  routes: [{ path: '/rollup', element: lazy(() => import('./pages/rollup/Rollup')), ability: 'rollup.view' }],
  i18n: { zh: rollupZh, en: rollupEn },
  records: { region_annual_report: '/rollup?tab=reports' },
  publicRoutes: [{ path: '/public/regions/:code', element: lazy(() => import('./pages/rollup/PublicPortal')) }],
};

/** Every module's pages, in menu order within each group. Add your module here (one entry). */
export const webModules: WebModule[] = [plan, learning, decisions, advisors, documents, enforcement, disputes, oversight, powers, legalaid, mediation, report, rollup, admin];
