import { sql } from 'kysely';
import { defineCountMetric, inMetricScope, type MetricDef } from '../../core/metrics/index.js';
import { CASE_TYPES, HELP_CHANNELS, HELP_FORMS, MATTER_TYPES, OWNERSHIPS, ORIGINS } from './schema.js';
import './schema.js';

const caseCategories = {
  caseType: { col: 'c.case_type', label: { zh: '按案件类型', en: 'By case type' }, values: CASE_TYPES },
  origin: { col: 'c.origin', label: { zh: '按案件来源', en: 'By origin' }, values: ORIGINS },
};

/** Cases with a lawyer assigned, optionally of one type; the assignment date places a case in the period. */
const assigned = (id: string, type: 'civil' | 'criminal' | null, label: { zh: string; en: string }, definition: { zh: string; en: string }) =>
  defineCountMetric({
    id, module: 'legalaid', label, definition, entity: 'legalaid_case', idCol: 'c.id', dateCol: 'c.assigned_on', unitCol: 'c.unit_id',
    unitNameSql: sql<string>`u.name`, labelSql: sql<string>`c.case_no || ' ' || c.person_name`,
    base: (db, scope) => db.selectFrom('legalaid_cases as c').innerJoin('units as u', 'u.id', 'c.unit_id')
      .where(inMetricScope(scope, 'c.region_id', 'c.unit_id')).where('c.assigned_on', 'is not', null)
      .$if(!!type, (q) => q.where('c.case_type', '=', type!)),
    categories: caseCategories,
    nullWhen: 'noRecords',
  });

/** The legal-aid module's figures (seed §一(五) 二是). */
export const legalaidMetrics: MetricDef[] = [
  assigned('legalaid.casesAssigned', null, { zh: '受理指派法律援助案件数', en: 'Legal aid cases assigned' }, {
    zh: '法律援助案件中已指派律师承办的件数（申请经审查决定给予援助的和公检法机关通知辩护/代理的），按指派日期计入年度；不予援助、未指派的不计。',
    en: 'Legal aid cases with a lawyer assigned (granted applications and notifications), by assignment date; refused or unassigned cases excluded.',
  }),
  assigned('legalaid.civilCases', 'civil', { zh: '民事法律援助案件数', en: 'Civil legal aid cases' }, {
    zh: '已指派律师的民事法律援助案件件数，按指派日期计入年度。', en: 'Civil legal aid cases with a lawyer assigned, by assignment date.',
  }),
  assigned('legalaid.criminalCases', 'criminal', { zh: '刑事法律援助案件数', en: 'Criminal legal aid cases' }, {
    zh: '已指派律师的刑事法律援助案件件数（含通知辩护），按指派日期计入年度。', en: 'Criminal legal aid cases with a lawyer assigned (notifications included), by assignment date.',
  }),
  defineCountMetric({
    id: 'legalaid.legalHelpPersonTimes', module: 'legalaid', unit: 'person_time',
    label: { zh: '提供法律帮助人次', en: 'Legal help (person-times)' },
    definition: { zh: '法律咨询、代拟法律文书、值班律师法律帮助的服务人次（每条记录为一人次），按服务日期计入年度；窗口、12348热线、网络平台均计。', en: 'Person-times of consultation, drafting and duty-lawyer help (one record = one person-time), by service date, all channels.' },
    entity: 'legalaid_help', idCol: 'h.id', dateCol: 'h.served_on', unitCol: 'h.unit_id', unitNameSql: sql<string>`u.name`,
    labelSql: sql<string>`h.summary`,
    base: (db, scope) => db.selectFrom('legalaid_help as h').innerJoin('units as u', 'u.id', 'h.unit_id').where(inMetricScope(scope, 'h.region_id', 'h.unit_id')),
    categories: {
      channel: { col: 'h.channel', label: { zh: '按渠道', en: 'By channel' }, values: HELP_CHANNELS },
      form: { col: 'h.form', label: { zh: '按服务形式', en: 'By form' }, values: HELP_FORMS },
      matterType: { col: 'h.matter_type', label: { zh: '按事项类型', en: 'By matter' }, values: MATTER_TYPES },
    },
    nullWhen: 'noRecords',
  }),
  defineCountMetric({
    id: 'legalaid.lawyerTeams', module: 'legalaid',
    label: { zh: '律师服务团数', en: 'Lawyer service teams' },
    definition: { zh: '年度内开展过至少一次企业法治体检的律师服务团个数（按体检日期计入年度）。', en: 'Lawyer service teams that carried out at least one enterprise check-up in the year.' },
    entity: 'legalaid_team', idCol: 't.id', dateCol: 'k.checked_on', labelSql: sql<string>`t.name`,
    base: (db, scope) => db.selectFrom('legalaid_teams as t').innerJoin('legalaid_checkups as k', 'k.team_id', 't.id').where(inMetricScope(scope, 't.region_id', 't.unit_id')),
    nullWhen: 'noRecords',
  }),
  defineCountMetric({
    id: 'legalaid.enterprisesChecked', module: 'legalaid',
    label: { zh: '法治体检民营企业数', en: 'Private enterprises checked' },
    definition: { zh: '年度内经律师服务团法治体检的民营企业家数（同一企业多次体检计一家，按统一社会信用代码识别）。', en: 'Private enterprises given a check-up in the year (an enterprise counted once, by credit code).' },
    entity: 'legalaid_enterprise', idCol: 'e.id', dateCol: 'k.checked_on', unitCol: 'k.unit_id', labelSql: sql<string>`e.name`,
    base: (db, scope) => db.selectFrom('legalaid_checkups as k').innerJoin('legalaid_enterprises as e', 'e.id', 'k.enterprise_id')
      .where(inMetricScope(scope, 'k.region_id', 'k.unit_id')).where('e.ownership', '=', 'private'),
    nullWhen: 'noRecords',
  }),
];
void OWNERSHIPS;
