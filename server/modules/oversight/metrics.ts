import { sql } from 'kysely';
import { defineCountMetric, inMetricScope, rate, type MetricDef, type MetricRecord, type MetricScope, type Period } from '../../core/metrics/index.js';
import type { Db } from '../../db/index.js';
import { AUDIT_STATUSES, ITEM_STATUSES, RESULT_CLASSES, SATISFACTION } from './schema.js';

const inPeriod = (col: string, p: Period) => sql<boolean>`${sql.ref(col)} between ${p.from} and ${p.to}`;

/** Items (suggestions or proposals) of one kind received in the period. */
function itemCount(id: string, kind: 'npc_suggestion' | 'cppcc_proposal', zh: string, en: string): MetricDef {
  return defineCountMetric({
    id, module: 'oversight', label: { zh, en },
    unit: 'item',
    definition: {
      zh: `${zh}：交本区办理、收到日期在统计期间内的件数（含已退回待重新交办的件），按主办单位统计。`,
      en: `${en}: items received for handling in the period (incl. those returned for re-assignment), by lead unit.`,
    },
    base: (db, scope) =>
      db.selectFrom('oversight_items as i').leftJoin('units as u', 'u.id', 'i.lead_unit_id')
        .where('i.kind', '=', kind).where(inMetricScope(scope, 'i.region_id', 'i.lead_unit_id')),
    idCol: 'i.id', dateCol: 'i.received_on', unitCol: 'i.lead_unit_id', unitNameSql: sql<string>`u.name`,
    entity: 'oversight_item', labelSql: sql<string>`i.session || ' 第' || i.number || '号 ' || i.title`,
    categories: {
      status: { col: 'i.status', label: { zh: '按办理状态', en: 'By status' }, values: ITEM_STATUSES },
      resultClass: { col: 'i.result_class', label: { zh: '按办理结果分类', en: 'By result class' }, values: RESULT_CLASSES },
    },
    nullWhen: 'noRecords',
  });
}

/**
 * A rate over items received in the period, computed from counts in SQL (never averaged): `num` and
 * `den` are SQL conditions on `i`. No item in the denominator → null (no data, never 100 %).
 */
function itemRate(id: string, label: { zh: string; en: string }, definition: { zh: string; en: string }, den: ReturnType<typeof sql<boolean>>, num: ReturnType<typeof sql<boolean>>): MetricDef {
  const base = (db: Db, scope: MetricScope, p: Period) =>
    db.selectFrom('oversight_items as i').where(inMetricScope(scope, 'i.region_id', 'i.lead_unit_id')).where(inPeriod('i.received_on', p)).where(den);
  return {
    id, module: 'oversight', label, unit: 'percent', definition,
    async compute(db, scope, p) {
      const r = await base(db, scope, p)
        .select([sql<number>`count(*)`.as('d'), sql<number>`count(*) filter (where ${num})`.as('n')]).executeTakeFirstOrThrow();
      return rate(Number(r.n), Number(r.d));
    },
    async records(db, scope, p) {
      const rows = await base(db, scope, p).leftJoin('units as u', 'u.id', 'i.lead_unit_id')
        .select(['i.id', 'i.title', 'i.number', 'i.received_on', 'u.name as unit_name']).orderBy('i.received_on').orderBy('i.id').execute();
      return rows.map((r) => ({ id: r.id, entity: 'oversight_item', label: `第${r.number}号 ${r.title}`, date: r.received_on, unitName: r.unit_name }));
    },
    sql(db) {
      const scope: MetricScope = { regionPath: ':regionPath' };
      return base(db, scope, { from: ':from', to: ':to' }).select([sql<number>`count(*)`.as('d'), sql<number>`count(*) filter (where ${num})`.as('n')]).compile().sql;
    },
  };
}

// The satisfaction that counts is the proposer's last word: the second reply's when there was one.
const finalSatisfaction = sql`coalesce(i.second_satisfaction, i.satisfaction)`;

/** Satisfaction rate of suggestions and proposals together (seed: 「满意率均为100%」). */
export const satisfactionRate = itemRate(
  'oversight.satisfactionRate',
  { zh: '建议提案满意率', en: 'Satisfaction with replies to suggestions and proposals' },
  {
    zh: '收到日期在统计期间内、已登记代表（委员）满意度的人大建议和政协提案中，最终意见（有再次答复的以再次答复的意见为准）为“满意”或“基本满意”的件数所占比例；无登记满意度的件时为无数据。',
    en: 'Of suggestions and proposals received in the period whose proposer’s satisfaction is recorded, the share whose final opinion (after a second reply, that one) is satisfied or basically satisfied; no data when none is recorded.',
  },
  sql<boolean>`${finalSatisfaction} is not null`,
  sql<boolean>`${finalSatisfaction} in ('satisfied','basically')`,
);

/** On-time first replies (代表法 第五十一条: 3 or 6 months from assignment). */
export const onTimeReplyRate = itemRate(
  'oversight.onTimeReplyRate',
  { zh: '建议提案按期答复率', en: 'Suggestions and proposals replied on time' },
  { zh: '收到日期在统计期间内并已首次答复的件中，答复日期不晚于答复期限（交办之日起三个月，难度大的六个月）的比例。', en: 'Of items received in the period and replied, the share replied by the due date (3 or 6 months from assignment).' },
  sql<boolean>`i.replied_on is not null`,
  sql<boolean>`i.replied_on <= i.due_date`,
);

/** Contact before reply (见面沟通率). */
export const contactRate = itemRate(
  'oversight.contactRate',
  { zh: '建议提案答复前沟通率', en: 'Replies preceded by contact with the proposer' },
  { zh: '收到日期在统计期间内并已首次答复的件中，答复前登记了与代表（委员）联系沟通的比例。', en: 'Of items received in the period and replied, the share with a recorded contact with the proposer before the reply.' },
  sql<boolean>`i.replied_on is not null`,
  sql<boolean>`exists (select 1 from oversight_contacts c where c.item_id = i.id and c.contacted_on <= i.replied_on)`,
);

/** Audits of a kind concluded in the period. */
function auditCount(id: string, kind: 'investment' | 'economic_responsibility', zh: string, en: string, defZh: string, defEn: string): MetricDef {
  return defineCountMetric({
    id, module: 'oversight', label: { zh, en }, unit: kind === 'investment' ? 'count' : 'person',
    definition: { zh: defZh, en: defEn },
    base: (db, scope) => db.selectFrom('audits as au').innerJoin('units as u', 'u.id', 'au.unit_id')
      .where('au.kind', '=', kind).where('au.concluded_on', 'is not', null).where(inMetricScope(scope, 'au.region_id', 'au.unit_id')),
    idCol: 'au.id', dateCol: 'au.concluded_on', unitCol: 'au.unit_id', unitNameSql: sql<string>`u.name`,
    entity: 'audit', labelSql: kind === 'investment' ? sql<string>`au.project_name` : sql<string>`au.person_name || '（' || au.post || '）'`,
    categories: { status: { col: 'au.status', label: { zh: '按状态', en: 'By status' }, values: AUDIT_STATUSES } },
    nullWhen: 'noRecords',
  });
}

/** 审计政府投资基建项目数. */
export const auditProjects = auditCount('oversight.auditProjects', 'investment', '审计政府投资基建项目数', 'Government-investment projects audited',
  '统计期间内出具审计结论（审定）的政府投资建设项目审计个数，按被审计单位统计。', 'Government-investment project audits concluded in the period, by audited unit.');
/** 领导干部经济责任审计人数. */
export const economicResponsibilityAudits = auditCount('oversight.economicResponsibilityAudits', 'economic_responsibility', '领导干部经济责任审计人数', 'Leading officials audited for economic responsibility',
  '统计期间内出具审计结论的领导干部经济责任审计人数（每名领导干部一项审计）。', 'Economic-responsibility audits of leading officials concluded in the period (one per official).');

const concludedInvestment = (db: Db, scope: MetricScope, p: Period) =>
  db.selectFrom('audits as au').where('au.kind', '=', 'investment').where('au.approved_amount', 'is not', null)
    .where(inMetricScope(scope, 'au.region_id', 'au.unit_id')).where(inPeriod('au.concluded_on', p));

/** A project's line behind the figure: 审减 (or 审增 when approved above submitted) in yuan, 2 decimals. */
export function reductionLabel(project: string, submitted: number, approved: number) {
  const cents = Math.round(submitted * 100) - Math.round(approved * 100);
  return `${project}（${cents < 0 ? '审增' : '审减'}${(Math.abs(cents) / 100).toFixed(2)}元）`;
}

/**
 * 累计审减金额 in 万元: Σ(送审金额 − 审定金额) over project audits concluded in the period (审增 counts
 * negative), amounts kept in yuan and converted once. REFERENCE §7: no statutory definition; the usual one.
 */
export const auditReductionWan: MetricDef = {
  id: 'oversight.auditReductionWan', module: 'oversight',
  label: { zh: '累计审减金额（万元）', en: 'Total audit reduction (10k yuan)' }, unit: 'count',
  definition: {
    zh: '统计期间内出具审计结论的政府投资建设项目审计的审减金额之和（审减金额＝送审金额－审定金额，审增为负），按元精确求和后折合为万元、四舍五入保留两位小数（报告中写作“××万元”，整数不带小数）；无此类审计时为无数据。',
    en: 'Sum over project audits concluded in the period of submitted − approved amount (an increase counts negative), summed exactly in yuan, then in 10k yuan rounded to 2 decimals (the report writes “×× 万元”, whole numbers without decimals); no data when there is none.',
  },
  async compute(db, scope, p) {
    const r = await concludedInvestment(db, scope, p)
      // numeric in SQL: no binary rounding on money; 万元 to 2 decimals.
      .select([sql<number>`count(*)`.as('n'), sql<string>`round(coalesce(sum(au.submitted_amount - au.approved_amount), 0) / 10000, 2)`.as('s')]).executeTakeFirstOrThrow();
    if (!Number(r.n)) return null;
    return Number(r.s);
  },
  async records(db, scope, p) {
    const rows = await concludedInvestment(db, scope, p).innerJoin('units as u', 'u.id', 'au.unit_id')
      .select(['au.id', 'au.project_name', 'au.concluded_on', 'u.name as unit_name', 'au.submitted_amount', 'au.approved_amount']).orderBy('au.concluded_on').orderBy('au.id').execute();
    return rows.map((r) => ({
      id: r.id, entity: 'audit', date: r.concluded_on, unitName: r.unit_name,
      label: reductionLabel(r.project_name ?? '', Number(r.submitted_amount), Number(r.approved_amount)),
    }));
  },
  sql(db) {
    return concludedInvestment(db, { regionPath: ':regionPath' }, { from: ':from', to: ':to' })
      .select(sql<string>`round(coalesce(sum(au.submitted_amount - au.approved_amount), 0) / 10000, 2)`.as('s')).compile().sql;
  },
};

/** Rectification items due in the period reported done by their deadline. */
export const rectificationRate: MetricDef = {
  id: 'oversight.rectificationRate', module: 'oversight',
  label: { zh: '审计整改按期完成率', en: 'Audit rectifications done on time' }, unit: 'percent',
  definition: { zh: '整改期限在统计期间内的审计整改事项中，在期限内报告完成的比例；无整改事项时为无数据。', en: 'Of rectification items due in the period, the share reported done by their deadline; no data when there is none.' },
  async compute(db, scope, p) {
    const r = await db.selectFrom('audit_rectifications as r').where(inMetricScope(scope, 'r.region_id', 'r.unit_id')).where(inPeriod('r.due_on', p))
      .select([sql<number>`count(*)`.as('d'), sql<number>`count(*) filter (where r.status = 'done' and r.reported_on <= r.due_on)`.as('n')]).executeTakeFirstOrThrow();
    return rate(Number(r.n), Number(r.d));
  },
  async records(db, scope, p) {
    const rows = await db.selectFrom('audit_rectifications as r').innerJoin('units as u', 'u.id', 'r.unit_id').where(inMetricScope(scope, 'r.region_id', 'r.unit_id')).where(inPeriod('r.due_on', p))
      .select(['r.id', 'r.issue', 'r.due_on', 'u.name as unit_name']).orderBy('r.due_on').orderBy('r.id').execute();
    return rows.map((r) => ({ id: r.id, entity: 'audit_rectification', label: r.issue, date: r.due_on, unitName: r.unit_name }));
  },
};

/** Every figure of the oversight module. */
export const oversightMetrics: MetricDef[] = [
  itemCount('oversight.npcSuggestions', 'npc_suggestion', '办理人大建议数', 'NPC suggestions handled'),
  itemCount('oversight.cppccProposals', 'cppcc_proposal', '办理政协提案数', 'CPPCC proposals handled'),
  satisfactionRate, onTimeReplyRate, contactRate,
  auditProjects, auditReductionWan, economicResponsibilityAudits, rectificationRate,
];

/** A suggestion or proposal whose proposer was not satisfied with the first reply, with the second reply's outcome. */
export interface UnsatisfiedItem extends MetricRecord {
  itemKind: 'npc_suggestion' | 'cppcc_proposal';
  /** Still unsatisfied after the second reply. */
  stillUnsatisfied: boolean;
}

/**
 * Suggestions and proposals of the scope received in the period (the satisfaction rate's base) whose
 * proposer recorded 不满意 with the first reply, ordered by receipt: the second reply's satisfaction
 * (再次答复) when recorded, otherwise whether the second reply is still due.
 */
export async function unsatisfiedItems(db: Db, scope: MetricScope, p: Period): Promise<UnsatisfiedItem[]> {
  const rows = await db.selectFrom('oversight_items as i').leftJoin('units as u', 'u.id', 'i.lead_unit_id')
    .where(inMetricScope(scope, 'i.region_id', 'i.lead_unit_id')).where(inPeriod('i.received_on', p))
    .where('i.satisfaction', '=', 'unsatisfied')
    .select(['i.id', 'i.kind', 'i.session', 'i.number', 'i.title', 'i.second_satisfaction', 'u.name as unit_name',
      sql<string>`to_char(i.received_on, 'YYYY-MM-DD')`.as('received'), sql<string | null>`to_char(i.second_due_date, 'YYYY-MM-DD')`.as('second_due'),
      sql<string | null>`to_char(i.second_replied_on, 'YYYY-MM-DD')`.as('second_replied')])
    .orderBy('i.received_on').orderBy('i.id').execute();
  return rows.map((r) => {
    const then = r.second_satisfaction ? `再次答复后${SATISFACTION[r.second_satisfaction].zh}` : r.second_replied ? `${r.second_replied}再次答复` : `再次答复期限${r.second_due ?? '未定'}`;
    return {
      id: r.id, entity: 'oversight_item', label: `${r.session} 第${r.number}号 ${r.title}（首次答复不满意，${then}）`, date: r.received, unitName: r.unit_name,
      itemKind: r.kind, stillUnsatisfied: r.second_satisfaction === 'unsatisfied',
    };
  });
}
