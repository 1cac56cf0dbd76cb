import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { badDim, defineCountMetric, inMetricScope, rate, type MetricDef, type MetricScope, type Period } from '../../core/metrics/index.js';
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

/**
 * A share of cases that took a statutory step on time: the cases that took the step (`dateCol` in the
 * period) are the denominator; those whose step day is not after the due date stored when the clock
 * started (the shared calendar's computation, by the configured day unit) are the numerator. A case
 * without its stored deadline counts as late (it never had a clock). No step in the period: no data.
 */
function onTimeRate(spec: {
  id: string; label: { zh: string; en: string }; definition: { zh: string; en: string };
  kind: 'decision' | 'assignment'; dateCol: 'c.decided_on' | 'c.assigned_on'; where?: 'application';
}): MetricDef & { counts(db: Db, s: MetricScope, p: Period): Promise<{ hit: number; n: number }> } {
  const base = (db: Db, s: MetricScope, p: Period) => db.selectFrom('legalaid_cases as c').innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('deadlines as dl', (j) => j.on('dl.entity', '=', 'legalaid_case').onRef('dl.entity_id', '=', 'c.id').on('dl.kind', '=', spec.kind))
    .where(inMetricScope(s, 'c.region_id', 'c.unit_id'))
    .where(spec.dateCol, '>=', p.from).where(spec.dateCol, '<=', p.to)
    .$if(spec.where === 'application', (q) => q.where('c.origin', '=', 'application'));
  const hit = sql<boolean>`coalesce(${sql.ref(spec.dateCol)} <= dl.due_date, false)`;
  const counts = [sql<number>`count(*) filter (where ${hit})`.as('hit'), sql<number>`count(*)`.as('n')] as const;
  /** The numerator (on time) and the denominator of a period. */
  const countsOf = async (db: Db, s: MetricScope, p: Period) => {
    const r = await base(db, s, p).select([...counts]).executeTakeFirst();
    return { hit: Number(r?.hit ?? 0), n: Number(r?.n ?? 0) };
  };
  return {
    id: spec.id, module: 'legalaid', label: spec.label, unit: 'percent', definition: spec.definition,
    dims: [{ dim: 'unit', label: { zh: '按单位', en: 'By unit' } }, { dim: 'caseType', label: { zh: '按案件类型', en: 'By case type' } }],
    counts: countsOf,
    async compute(db, s, p) {
      const c = await countsOf(db, s, p);
      return rate(c.hit, c.n);
    },
    async records(db, s, p) {
      const rows = await base(db, s, p)
        .select(['c.id', 'c.case_no', 'c.person_name', 'u.name as unit_name', sql<string>`to_char(${sql.ref(spec.dateCol)}, 'YYYY-MM-DD')`.as('day'),
          sql<string | null>`to_char(dl.due_date, 'YYYY-MM-DD')`.as('due'), hit.as('hit')])
        .orderBy(spec.dateCol).orderBy('c.id').execute();
      return rows.map((r) => ({
        id: r.id, entity: 'legalaid_case', date: r.day, unitName: r.unit_name,
        label: `${r.case_no} ${r.person_name}（${r.hit ? '期限内' : '超期'}，期限${r.due ?? '未设'}）`,
      }));
    },
    async breakdown(db, s, p, dim) {
      const key = dim === 'unit' ? 'c.unit_id' : dim === 'caseType' ? 'c.case_type' : null;
      if (!key) throw badDim(dim);
      const rows = await base(db, s, p)
        .select([sql<string>`${sql.ref(key)}`.as('key'), (dim === 'unit' ? sql<string>`u.name` : sql<string>`c.case_type`).as('label'), ...counts])
        .groupBy(dim === 'unit' ? ['c.unit_id', 'u.name'] : ['c.case_type']).orderBy(sql`2`).orderBy(sql`1`).execute();
      // A rate per group, each from its own counts (never averaged).
      return rows.map((r: any) => ({ key: r.key, label: dim === 'caseType' ? CASE_TYPES[r.key as keyof typeof CASE_TYPES]?.zh ?? r.key : r.label, value: rate(Number(r.hit), Number(r.n)) ?? 0 }));
    },
    sql(db) {
      return base(db, { regionPath: ':regionPath' }, { from: ':from', to: ':to' }).select([...counts]).compile().sql;
    },
  };
}

/** 审查决定及时率: 法律援助法 第四十三条 (七日内作出是否给予法律援助的决定). */
export const onTimeDecisionRate = onTimeRate({
  id: 'legalaid.onTimeDecisionRate', kind: 'decision', dateCol: 'c.decided_on', where: 'application',
  label: { zh: '法律援助申请按期审查决定率', en: 'Legal aid decisions on time' },
  definition: {
    zh: '期间内作出审查决定（给予或不予法律援助，以决定日期计）的申请中，决定日期不晚于审查期限（法律援助法第四十三条：自收到申请之日起七日内；默认按工作日计，跨法定节假日顺延，单位可在系统设置中调整）的件数所占百分比，保留一位小数。通知辩护（代理）案件无需审查，不计。期间内无决定时无数据。',
    en: 'Of applications decided in the period (granted or refused, by decision date), the share decided by the 7-day limit of art. 43 (working days by default, holidays skipped; unit configurable). Notifications need no decision and are excluded. No decision in the period: no data.',
  },
});

/** 指派及时率: 法律援助法 第四十三条 (决定之日起三日内指派) 与 第三十六条 (收到通知后三日内指派). */
export const onTimeAssignmentRate = onTimeRate({
  id: 'legalaid.onTimeAssignmentRate', kind: 'assignment', dateCol: 'c.assigned_on',
  label: { zh: '法律援助按期指派率', en: 'Legal aid assignments on time' },
  definition: {
    zh: '期间内指派律师（以指派日期计）的案件中，指派日期不晚于指派期限（法律援助法第四十三条：自决定给予法律援助之日起三日内；第三十六条：收到通知之日起三日内；异议成立的自审查决定之日起算；默认按工作日计）的件数所占百分比，保留一位小数。期间内无指派时无数据。',
    en: 'Of cases assigned a lawyer in the period (by assignment date), the share assigned within 3 days of the grant (art. 43), the notification (art. 36) or the upheld objection (working days by default). No assignment in the period: no data.',
  },
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
  onTimeDecisionRate,
  onTimeAssignmentRate,
];
void OWNERSHIPS;
