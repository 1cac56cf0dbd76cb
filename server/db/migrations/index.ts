import type { Migration } from 'kysely';
import * as core from './2026_11_26_0001_core.js';
import * as jobs from './2026_11_26_0002_jobs.js';
import * as plan from './2026_11_26_0100_plan.js';
import * as learning from './2026_11_26_0110_learning.js';
import * as advisors from './2026_11_26_0200_advisors.js';
import * as decisions from './2026_11_26_0210_decisions.js';
import * as documents from './2026_11_26_0220_documents.js';
import * as disputes from './2026_11_26_0300_disputes.js';
import * as report from './2026_11_26_0400_report.js';
import * as recordCore from './2026_11_30_0001_record_core.js';
import * as loginThrottle from './2026_11_30_0010_login_throttle.js';
import * as disputes2017 from './2026_11_30_0410_disputes_2017_acceptance.js';
import * as planPeriods from './2026_11_30_0420_plan_periods.js';
import * as reportProse from './2026_11_30_0600_report_prose.js';
import * as enforcement from './2026_11_30_0100_enforcement.js';
import * as learningOfficerLink from './2026_11_30_0650_learning_officer_link.js';
import * as legalaid from './2026_11_30_0300_legalaid.js';
import * as mediation from './2026_11_30_0310_mediation.js';
import * as aidmed from './2026_11_30_0750_aidmed.js';
import * as deadlineTitleEn from './2026_11_30_0800_deadline_title_en.js';
import * as oversight from './2026_11_30_0200_oversight.js';
import * as powers from './2026_11_30_0210_powers.js';
import * as powerServices from './2026_11_30_0830_power_services.js';
import * as oversightReports from './2026_11_30_0840_oversight_reports.js';
import * as scaleKeys from './2026_11_30_0550_scale_keys.js';
import * as deadlineWording from './2026_11_30_0870_deadline_wording.js';

/** Every migration, by name; names sort in the order they run. Never edit a landed one. */
export const migrations: Record<string, Migration> = {
  '2026_11_26_0001_core': core,
  '2026_11_26_0002_jobs': jobs,
  '2026_11_26_0100_plan': plan,
  '2026_11_26_0110_learning': learning,
  '2026_11_26_0200_advisors': advisors,
  '2026_11_26_0210_decisions': decisions,
  '2026_11_26_0220_documents': documents,
  '2026_11_26_0300_disputes': disputes,
  '2026_11_26_0400_report': report,
  '2026_11_30_0001_record_core': recordCore,
  '2026_11_30_0010_login_throttle': loginThrottle,
  '2026_11_30_0410_disputes_2017_acceptance': disputes2017,
  '2026_11_30_0420_plan_periods': planPeriods,
  '2026_11_30_0100_enforcement': enforcement,
  '2026_11_30_0300_legalaid': legalaid,
  '2026_11_30_0310_mediation': mediation,
  '2026_11_30_0750_aidmed': aidmed,
  '2026_11_30_0800_deadline_title_en': deadlineTitleEn,
  '2026_11_30_0200_oversight': oversight,
  '2026_11_30_0210_powers': powers,
  '2026_11_30_0830_power_services': powerServices,
  '2026_11_30_0840_oversight_reports': oversightReports,
  '2026_11_30_0550_scale_keys': scaleKeys,
  '2026_11_30_0600_report_prose': reportProse,
  '2026_11_30_0650_learning_officer_link': learningOfficerLink,
  '2026_11_30_0870_deadline_wording': deadlineWording,
};
