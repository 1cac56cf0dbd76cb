/**
 * The disputes module's figures. Each counts records in `scope.regionIds` (and `scope.unitId`, the
 * respondent/defendant unit, when set); each says which date places a record in the period.
 * SQL is kept plain so a reviewer sees the definition.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { rate, type MetricDef, type MetricRecord, type MetricScope, type Period } from '../../core/metrics/index.js';
import { RECON_CORRECTIVE } from '../../../common/disputes.js';
import { ENTITY } from './common.js';

const MODULE = 'disputes';

function recon(db: Db, scope: MetricScope) {
  return db
    .selectFrom('reconsideration_cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .where('c.region_id', 'in', scope.regionIds.length ? scope.regionIds : ['00000000-0000-0000-0000-000000000000'])
    .$if(!!scope.unitId, (q) => q.where('c.unit_id', '=', scope.unitId!));
}
function suits(db: Db, scope: MetricScope) {
  return db
    .selectFrom('lawsuits as l')
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .where('l.region_id', 'in', scope.regionIds.length ? scope.regionIds : ['00000000-0000-0000-0000-000000000000'])
    .$if(!!scope.unitId, (q) => q.where('l.unit_id', '=', scope.unitId!));
}

/** Accepted cases: accepted_date (decided or deemed) in the period. */
async function acceptedRows(db: Db, s: MetricScope, p: Period) {
  return recon(db, s)
    .select(['c.id', 'c.case_no', 'c.applicant_name', 'c.accepted_date', 'u.name as unit_name'])
    .where('c.accepted_date', '>=', p.from)
    .where('c.accepted_date', '<=', p.to)
    .orderBy('c.accepted_date')
    .execute();
}
/** Concluded accepted cases: decision_date (any concluding outcome) in the period. */
async function concludedRecon(db: Db, s: MetricScope, p: Period) {
  return recon(db, s)
    .select(['c.id', 'c.case_no', 'c.applicant_name', 'c.decision_date', 'c.outcome', 'c.closed_within_period', 'u.name as unit_name'])
    .where('c.status', '=', 'closed')
    .where('c.decision_date', '>=', p.from)
    .where('c.decision_date', '<=', p.to)
    .orderBy('c.decision_date')
    .execute();
}
/** Lawsuits handled in the period: complaint copy received by its end and not closed before its start. */
async function handledSuits(db: Db, s: MetricScope, p: Period) {
  return suits(db, s)
    .select(['l.id', 'l.case_no', 'l.plaintiff_name', 'l.complaint_received_date', 'l.closed_date', 'l.lost', 'l.final_outcome', 'u.name as unit_name'])
    .where('l.complaint_received_date', '<=', p.to)
    .where((eb) => eb.or([eb('l.closed_date', 'is', null), eb('l.closed_date', '>=', p.from)]))
    .orderBy('l.complaint_received_date')
    .execute();
}

type ReconRec = { id: string; case_no: string; applicant_name: string; unit_name: string };
type SuitRec = { id: string; case_no: string; plaintiff_name: string; unit_name: string };
const reconRecord = (r: ReconRec, date: string | null): MetricRecord => ({ id: r.id, entity: ENTITY.recon, label: `${r.case_no} ${r.applicant_name}`, date, unitName: r.unit_name });
const suitRecord = (r: SuitRec, date: string | null): MetricRecord => ({ id: r.id, entity: ENTITY.lawsuit, label: `${r.case_no} ${r.plaintiff_name}`, date, unitName: r.unit_name });
const isClosedIn = (r: { closed_date: string | null }, p: Period) => !!r.closed_date && r.closed_date >= p.from && r.closed_date <= p.to;
const isPendingAt = (r: { closed_date: string | null }, p: Period) => !r.closed_date || r.closed_date > p.to;

/** Hearings held in the period, per lawsuit, with whether the head appeared at any of them. */
async function hearingCases(db: Db, s: MetricScope, p: Period) {
  return suits(db, s)
    .innerJoin('lawsuit_hearings as h', 'h.lawsuit_id', 'l.id')
    .select(['l.id', 'l.case_no', 'l.plaintiff_name', 'u.name as unit_name', sql<boolean>`bool_or(h.head_appeared)`.as('appeared'), sql<string>`min(h.hearing_date)`.as('first_hearing')])
    .where('h.hearing_date', '>=', p.from)
    .where('h.hearing_date', '<=', p.to)
    .groupBy(['l.id', 'l.case_no', 'l.plaintiff_name', 'u.name'])
    .orderBy('l.case_no')
    .execute();
}

/** 受理行政复议案件数. */
export const reconAccepted: MetricDef = {
  id: 'disputes.reconsideration.accepted',
  module: MODULE,
  label: { zh: '受理行政复议案件数', en: 'Reconsideration cases accepted' },
  unit: 'count',
  definition: {
    zh: '本级行政复议机关受理的行政复议案件件数：受理日期（决定受理，或审查期限届满未作出不予受理决定而视为受理之日）在期间内的案件；不含不予受理、视为放弃及仍在审查、补正中的申请。',
    en: 'Applications accepted by the district as reconsideration organ with acceptance date (decided, or deemed on the last day of the review period) in the period; excludes refused, abandoned and still-under-review applications.',
  },
  async compute(db, s, p) {
    const n = (await acceptedRows(db, s, p)).length;
    return n || null;
  },
  async records(db, s, p) {
    return (await acceptedRows(db, s, p)).map((r) => reconRecord(r, r.accepted_date));
  },
};

/** 行政复议法定期限内结案率. */
export const reconOnTimeRate: MetricDef = {
  id: 'disputes.reconsideration.onTimeRate',
  module: MODULE,
  label: { zh: '行政复议法定期限内结案率', en: 'Reconsideration cases concluded within the statutory period' },
  unit: 'percent',
  definition: {
    zh: '期间内审结（作出行政复议决定、驳回申请、终止或制作调解书，以审结日期计）的受理案件中，审结日期不晚于法定审理期限（受理之日起六十日，简易程序三十日；扣除中止期间，加上经批准的延长期限，届满日为节假日的顺延）的件数所占百分比。无审结案件时无数据。',
    en: 'Of accepted cases concluded in the period (by conclusion date), the share concluded on or before the statutory decision deadline (60 days from acceptance, 30 simplified; suspensions excluded; approved extension added; rolled over holidays).',
  },
  async compute(db, s, p) {
    const rows = await concludedRecon(db, s, p);
    return rate(rows.filter((r) => r.closed_within_period).length, rows.length);
  },
  async records(db, s, p) {
    return (await concludedRecon(db, s, p)).map((r) => ({ ...reconRecord(r, r.decision_date), label: `${r.case_no} ${r.applicant_name}（${r.closed_within_period ? '期限内' : '超期'}）` }));
  },
};

/** 行政复议纠错率. */
export const reconCorrectionRate: MetricDef = {
  id: 'disputes.reconsideration.correctionRate',
  module: MODULE,
  label: { zh: '行政复议纠错率', en: 'Reconsideration correction rate' },
  unit: 'percent',
  definition: {
    zh: '期间内审结的受理案件中，决定变更、撤销、部分撤销、确认违法、责令履行或确认无效的件数所占百分比（分母含驳回申请、终止、调解结案）。无审结案件时无数据。',
    en: 'Of accepted cases concluded in the period, the share decided 变更/撤销/部分撤销/确认违法/责令履行/确认无效 (the denominator includes 驳回申请, 终止 and 调解).',
  },
  async compute(db, s, p) {
    const rows = await concludedRecon(db, s, p);
    return rate(rows.filter((r) => RECON_CORRECTIVE.includes(r.outcome ?? '')).length, rows.length);
  },
  async records(db, s, p) {
    return (await concludedRecon(db, s, p)).filter((r) => RECON_CORRECTIVE.includes(r.outcome ?? '')).map((r) => reconRecord(r, r.decision_date));
  },
};

/** 办理行政诉讼案件数. */
export const suitsHandled: MetricDef = {
  id: 'disputes.litigation.handled',
  module: MODULE,
  label: { zh: '办理行政诉讼案件数', en: 'Lawsuits handled' },
  unit: 'count',
  definition: {
    zh: '期间内办理的行政应诉案件件数：收到起诉状副本日期不晚于期间末日，且未在期间开始前结案（含上年结转）。同一案件一审、二审、再审计为一件。',
    en: 'Lawsuits handled in the period: complaint copy received by the period end and not closed before its start (carried-over cases included); one case across its instances counts once.',
  },
  async compute(db, s, p) {
    const n = (await handledSuits(db, s, p)).length;
    return n || null;
  },
  async records(db, s, p) {
    return (await handledSuits(db, s, p)).map((r) => suitRecord(r, r.complaint_received_date));
  },
};

/** 行政诉讼结案数. */
export const suitsClosed: MetricDef = {
  id: 'disputes.litigation.closed',
  module: MODULE,
  label: { zh: '行政诉讼结案数', en: 'Lawsuits closed' },
  unit: 'count',
  definition: {
    zh: '期间内办理的行政应诉案件中，裁判发生法律效力（一审判决、裁定上诉期满未上诉，二审终审裁判送达，准予撤诉等）而结案、结案日期在期间内的件数。期间内无办理案件时无数据。',
    en: 'Handled lawsuits whose decision became final (closing date) in the period.',
  },
  async compute(db, s, p) {
    const rows = await handledSuits(db, s, p);
    return rows.length ? rows.filter((r) => isClosedIn(r, p)).length : null;
  },
  async records(db, s, p) {
    return (await handledSuits(db, s, p)).filter((r) => isClosedIn(r, p)).map((r) => suitRecord(r, r.closed_date));
  },
};

/** 行政诉讼未结案数. */
export const suitsPending: MetricDef = {
  id: 'disputes.litigation.pending',
  module: MODULE,
  label: { zh: '行政诉讼未结案数', en: 'Lawsuits pending at period end' },
  unit: 'count',
  definition: {
    zh: '期间内办理的行政应诉案件中，至期间末日尚未结案（一审、二审或再审审理中，或上诉期内）的件数。期间内无办理案件时无数据。',
    en: 'Handled lawsuits not closed at the period end (pending at any instance or within an appeal period).',
  },
  async compute(db, s, p) {
    const rows = await handledSuits(db, s, p);
    return rows.length ? rows.filter((r) => isPendingAt(r, p)).length : null;
  },
  async records(db, s, p) {
    return (await handledSuits(db, s, p)).filter((r) => isPendingAt(r, p)).map((r) => suitRecord(r, r.complaint_received_date));
  },
};

/** 行政诉讼败诉率. */
export const suitsLossRate: MetricDef = {
  id: 'disputes.litigation.lossRate',
  module: MODULE,
  label: { zh: '行政诉讼败诉率', en: 'Lawsuit loss rate' },
  unit: 'percent',
  definition: {
    zh: '期间内结案的行政应诉案件中，生效裁判为撤销、部分撤销、判决履行法定职责或给付义务、确认违法、确认无效、变更、行政协议责任或行政赔偿（即被诉行政机关败诉）的件数所占百分比；驳回诉讼请求、驳回起诉、准予撤诉等不计败诉。无结案时无数据。',
    en: 'Of lawsuits closed in the period, the share whose effective outcome went against the agency (annulment, order to perform, confirmation of illegality or nullity, variation, agreement liability, compensation).',
  },
  async compute(db, s, p) {
    const closed = (await handledSuits(db, s, p)).filter((r) => isClosedIn(r, p));
    return rate(closed.filter((r) => r.lost).length, closed.length);
  },
  async records(db, s, p) {
    return (await handledSuits(db, s, p)).filter((r) => isClosedIn(r, p) && r.lost).map((r) => suitRecord(r, r.closed_date));
  },
};

/** 行政机关负责人出庭应诉率. */
export const suitsHeadAppearanceRate: MetricDef = {
  id: 'disputes.litigation.headAppearanceRate',
  module: MODULE,
  label: { zh: '行政机关负责人出庭应诉率', en: 'Agency-head court appearance rate' },
  unit: 'percent',
  definition: {
    zh: '期间内开庭审理的行政应诉案件（以开庭日期计，同一案件计一件）中，被诉行政机关负责人（正职、副职、分管副职级或其他分管负责人）至少出庭一次的案件所占百分比。无开庭案件时无数据。',
    en: 'Of lawsuits with a hearing in the period (one per case), the share where the defendant\'s head appeared at least once.',
  },
  async compute(db, s, p) {
    const rows = await hearingCases(db, s, p);
    return rate(rows.filter((r) => r.appeared).length, rows.length);
  },
  async records(db, s, p) {
    return (await hearingCases(db, s, p)).map((r) => ({ ...suitRecord(r, r.first_hearing), label: `${r.case_no} ${r.plaintiff_name}（${r.appeared ? '负责人出庭' : '负责人未出庭'}）` }));
  },
};

/** Every metric of the module. */
export const disputesMetrics: MetricDef[] = [reconAccepted, reconOnTimeRate, reconCorrectionRate, suitsHandled, suitsClosed, suitsPending, suitsLossRate, suitsHeadAppearanceRate];

