import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../../db/index.js';
import { loadCalendar, today as todayFn, type WorkCalendar } from '../../core/calendar/index.js';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors/index.js';
import { inMetricScope, rate, type MetricScope } from '../../core/metrics/index.js';
import { inRegionPaths, mayWriteAt, requireRole, writeUnits, type Actor } from '../../core/scope/index.js';
import { actorRegion, regionByCode, regionById, unitRegion, unitsOfTypesIn } from '../org/lookup.js';
import { factsOf, obligationsOf, type Obligation } from './rules.js';
import { Entries, Rounds, Schemes, Scores, Tasks, UNIT_NOTE_WRITE } from './records.js';
import { officeSql, toRuleEntry } from './service.js';
import type { SchemeInput, ScoreInput, UnitNoteInput } from './schema.js';

/**
 * Assessment (考核) rules, as implemented:
 * - The office defines the year's scheme: an indicator tree (indicator → sub-indicator → item). An
 *   item is scored `auto` (from ledger records), `manual` (by the office, on the unit's note and
 *   evidence) or is a `veto` item (一票否决: when it occurs the unit scores 0 for the round and the year).
 * - Auto item: awarded = points × min(1, value ÷ target), rounded to 0.01; a unit with nothing due in
 *   the round keeps full points. Measures: `plan.onTimeEntryRate` — reporting obligations (one per
 *   task period; a one-off task's completion) falling due in the round's period that were met by
 *   their deadline; `plan.completionRate` — tasks whose completion date falls in the period that
 *   were accepted as done by the period's end. Only the lead unit answers for a task.
 * - Manual item: awarded ≤ points; any deduction needs a written reason.
 * - Round total = Σ item points awarded (0 when vetoed). Year total = Σ round total × round weight ÷ 100.
 *   Ranking: by year total, ties share a rank.
 * - Every deduction carries a reason; auto scores store the records they came from, and `verifyRound`
 *   recomputes them from the rules and records (review refuses a round whose stored scores differ).
 * - Assessed units: departments, subdistrict offices and enforcement teams of the district.
 */
export const ASSESSED_UNIT_TYPES = ['department', 'subdistrict', 'enforcement'];

/** Measures an auto item can use, with labels. */
export const MEASURES = {
  'plan.onTimeEntryRate': { zh: '台账按时报送率', en: 'On-time ledger reporting rate' },
  'plan.completionRate': { zh: '重点任务按期完成率', en: 'Task completion rate' },
} as const;
type Measure = keyof typeof MEASURES;

const SHEET = { zh: '评分表', en: 'Score sheet' };

/** Creates the year's scheme with its tree and rounds (the office, in its region or one below it). */
export async function createScheme(db: Kysely<Database>, actor: Actor, input: z.infer<typeof SchemeInput>) {
  requireRole(actor, 'office');
  const regionId = input.regionId ?? (await actorRegion(db, actor))?.id;
  if (!regionId) throw forbidden();
  for (const r of input.rounds)
    if (r.periodFrom > r.periodTo || !r.periodFrom.startsWith(String(input.year)) || !r.periodTo.startsWith(String(input.year)))
      throw badRequest('ROUND_PERIOD_INVALID', { zh: `轮次“${r.title}”的考核期间应在${input.year}年内且起止有序`, en: 'Round period must be within the year' }, { fields: [{ path: 'rounds', message: '考核期间有误' }] });
  return db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom('plan_assess_schemes').select('id').where('region_id', '=', regionId).where('year', '=', input.year).executeTakeFirst();
    if (dup) throw conflict('SCHEME_EXISTS', { zh: `${input.year}年度考核细则已制定`, en: 'The scheme of this year exists' });
    const s = await Schemes.insert(trx, actor, { region_id: regionId, year: input.year, title: input.title, created_by: actor.userId });
    let i1 = 0;
    for (const ind of input.indicators) {
      const a = await trx.insertInto('plan_assess_indicators').values({ scheme_id: s.id, region_id: regionId, parent_id: null, level: 1, seq: ++i1, title: ind.title, points: null, method: null, measure: null, target: null, guidance: null }).returning('id').executeTakeFirstOrThrow();
      let i2 = 0;
      for (const sub of ind.children) {
        const b = await trx.insertInto('plan_assess_indicators').values({ scheme_id: s.id, region_id: regionId, parent_id: a.id, level: 2, seq: ++i2, title: sub.title, points: null, method: null, measure: null, target: null, guidance: null }).returning('id').executeTakeFirstOrThrow();
        let i3 = 0;
        for (const it of sub.items)
          await trx.insertInto('plan_assess_indicators').values({
            scheme_id: s.id, region_id: regionId, parent_id: b.id, level: 3, seq: ++i3, title: it.title, points: it.points ?? null, method: it.method,
            measure: it.method === 'auto' ? it.measure! : null, target: it.method === 'auto' ? (it.target ?? 100) : null, guidance: it.guidance ?? null,
          }).execute();
      }
    }
    for (const r of input.rounds)
      await trx.insertInto('plan_assess_rounds').values({ scheme_id: s.id, region_id: regionId, kind: r.kind, title: r.title, period_from: r.periodFrom, period_to: r.periodTo, weight: r.weight }).execute();
    await Schemes.audit(trx, actor, 'define', null, { ...s, indicators: input.indicators, rounds: input.rounds });
    return s;
  });
}

/**
 * Who reads a scheme, its rounds and published results: region readers of its region (the default
 * scope), and the head or liaison of a unit it assesses — a unit within its region. Advisors and
 * enforcement officers read no unit's ranking (issue 17). Returns the SQL over `s` (a scheme) and,
 * for each of the actor's units, the regions above it, whose schemes assess it.
 */
async function schemeScope(db: Db, actor: Actor) {
  const units = writeUnits(actor, UNIT_NOTE_WRITE);
  const above = new Map<string, string[]>();
  for (const u of units) {
    const r = await unitRegion(db, u);
    if (!r) continue;
    const ids: string[] = [];
    for (const code of r.path.split('/')) {
      const g = await regionByCode(db, code);
      if (g) ids.push(g.id);
    }
    above.set(u, ids);
  }
  const regionIds = [...new Set([...above.values()].flat())];
  const base = Schemes.readWhere(actor, 's');
  const where: Expression<SqlBool> = regionIds.length ? sql<SqlBool>`(${base} or s.region_id in (${sql.join(regionIds)}))` : base;
  const ownUnits = (regionId: string) => [...above.entries()].filter(([, ids]) => ids.includes(regionId)).map(([u]) => u);
  return { where, ownUnits };
}

/** A scheme the actor reads (in one scoped query), with what they may do; 404 otherwise. */
async function schemeOf(db: Db, actor: Actor, schemeId: string) {
  const sc = await schemeScope(db, actor);
  const row = await db
    .selectFrom('plan_assess_schemes as s')
    .selectAll('s')
    .select([sql<boolean>`${officeSql(actor, 's.region_id')}`.as('office'), sql<boolean>`${Schemes.readWhere(actor, 's')}`.as('region_reader')])
    .where('s.id', '=', schemeId)
    .where(sc.where)
    .executeTakeFirst();
  if (!row) throw notFound(Schemes.label);
  const { office, region_reader, ...scheme } = row;
  return { scheme, office: !!office, regionReader: !!region_reader, ownUnits: sc.ownUnits(scheme.region_id) };
}

/** A round the actor reads (scoped in the query), with its scheme's year and what the actor may do; 404 otherwise. */
async function roundOf(db: Db, actor: Actor, roundId: string, opts: { publishedUnlessOffice?: boolean } = {}) {
  const sc = await schemeScope(db, actor);
  const office = officeSql(actor, 'r.region_id');
  const row = await db
    .selectFrom('plan_assess_rounds as r')
    .innerJoin('plan_assess_schemes as s', 's.id', 'r.scheme_id')
    .selectAll('r')
    .select(['s.year', sql<boolean>`${office}`.as('office'), sql<boolean>`${Schemes.readWhere(actor, 's')}`.as('region_reader')])
    .where('r.id', '=', roundId)
    .where(sc.where)
    .$if(!!opts.publishedUnlessOffice, (b) => b.where(sql<SqlBool>`(${office} or r.status = 'published')`))
    .executeTakeFirst();
  if (!row) throw notFound(Rounds.label);
  const { office: o, region_reader, ...round } = row;
  return { round, office: !!o, regionReader: !!region_reader, ownUnits: sc.ownUnits(round.region_id) };
}

/** Schemes the actor reads (by year, newest first). */
export async function listSchemes(db: Db, actor: Actor, year?: number) {
  const sc = await schemeScope(db, actor);
  return db.selectFrom('plan_assess_schemes as s').selectAll('s').where(sc.where).$if(!!year, (q) => q.where('s.year', '=', year!)).orderBy('s.year', 'desc').orderBy('s.id').execute();
}

/** A scheme's tree and rounds. */
export async function getScheme(db: Db, actor: Actor, id: string) {
  const { scheme } = await schemeOf(db, actor, id);
  const nodes = await db.selectFrom('plan_assess_indicators').selectAll().where('scheme_id', '=', id).orderBy('level').orderBy('seq').orderBy('id').execute();
  const rounds = await db.selectFrom('plan_assess_rounds').selectAll().where('scheme_id', '=', id).orderBy('period_from').orderBy('kind').orderBy('id').execute();
  return { scheme, tree: buildTree(nodes), rounds, totalPoints: nodes.filter((n) => n.level === 3).reduce((s, n) => s + Number(n.points ?? 0), 0) };
}

type Node = { id: string; parent_id: string | null; seq: number; points: number | null; target: number | null };
function buildTree<N extends Node>(nodes: N[]) {
  const kids = (pid: string | null): unknown[] =>
    nodes.filter((n) => n.parent_id === pid).sort((a, b) => a.seq - b.seq).map((n) => ({ ...n, points: n.points === null ? null : Number(n.points), target: n.target === null ? null : Number(n.target), children: kids(n.id) }));
  return kids(null);
}

/** Units assessed in a region (see ASSESSED_UNIT_TYPES); the region comes from a record already read in scope. */
async function unitsAssessedIn(db: Db, regionId: string) {
  const region = await regionById(db, regionId);
  return region ? unitsOfTypesIn(db, region.path, ASSESSED_UNIT_TYPES) : [];
}

/** Units a scheme the actor reads assesses (404 for a scheme out of scope). */
export async function assessedUnits(db: Db, actor: Actor, schemeId: string) {
  const { scheme } = await schemeOf(db, actor, schemeId);
  return unitsAssessedIn(db, scheme.region_id);
}

/**
 * Per lead unit: its tasks of the year's published plans in a region (and below) that the actor
 * reads, with their obligations (rules.ts).
 */
export async function ledgerByUnit(db: Db, actor: Actor, regionId: string, year: number, cal: WorkCalendar) {
  const region = await regionById(db, regionId);
  if (!region) return new Map<string, { id: string; title: string; obligations: Obligation[]; doneDate: string | null }[]>();
  const tasks = await db
    .selectFrom('plan_tasks as t')
    .innerJoin('plan_plans as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.title', 't.unit_id', 't.recurrence', 't.due_date'])
    .where(inRegionPaths('p.region_id', [region.path]))
    .where(Tasks.readWhere(actor))
    .where('p.year', '=', year)
    .where('p.status', '=', 'published')
    .orderBy('t.ord')
    .orderBy('t.id')
    .execute();
  const entries = tasks.length
    ? await db.selectFrom('plan_entries as e')
      .select(['e.id', 'e.task_id', 'e.entry_date', 'e.period_end', 'e.claimed_status', 'e.review', 'e.created_at', 'e.updated_at'])
      .where('e.task_id', 'in', tasks.map((t) => t.id))
      .where(Entries.readWhere(actor))
      .execute()
    : [];
  const byTask = new Map<string, typeof entries>();
  for (const e of entries) byTask.set(e.task_id, [...(byTask.get(e.task_id) ?? []), e]);
  const out = new Map<string, { id: string; title: string; obligations: Obligation[]; doneDate: string | null }[]>();
  for (const t of tasks) {
    const es = (byTask.get(t.id) ?? []).map(toRuleEntry);
    const task = { year, recurrence: t.recurrence, dueDate: t.due_date };
    const f = factsOf({ ...task, published: true }, es, cal);
    out.set(t.unit_id, [...(out.get(t.unit_id) ?? []), { id: t.id, title: t.title, obligations: obligationsOf(task, es, cal), doneDate: f.doneDate }]);
  }
  return out;
}

/** A measure's value for one unit over a period, with the records behind it. */
export function measureUnit(measure: Measure, tasks: { id: string; title: string; obligations: Obligation[]; doneDate: string | null }[], from: string, to: string) {
  if (measure === 'plan.onTimeEntryRate') {
    const due = tasks.flatMap((t) => t.obligations.filter((o) => o.due >= from && o.due <= to).map((o) => ({ task: t, o })));
    const missed = due.filter((d) => !d.o.metOn || d.o.metOn > d.o.due);
    return { value: rate(due.length - missed.length, due.length), met: due.length - missed.length, total: due.length, missed: missed.map((d) => ({ taskId: d.task.id, title: d.task.title, due: d.o.due, metOn: d.o.metOn })) };
  }
  const due = tasks.filter((t) => { const last = t.obligations[t.obligations.length - 1]; return last.due >= from && last.due <= to; });
  const missed = due.filter((t) => !t.doneDate || t.doneDate > to);
  return { value: rate(due.length - missed.length, due.length), met: due.length - missed.length, total: due.length, missed: missed.map((t) => ({ taskId: t.id, title: t.title, due: t.obligations[t.obligations.length - 1].due, metOn: t.doneDate })) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** An auto item's score for a unit: points × min(1, value ÷ target); full points with nothing due. */
export function autoScore(item: { points: number; target: number; measure: Measure }, m: ReturnType<typeof measureUnit>) {
  if (m.value === null) return { awarded: item.points, reason: null, basis: { ...m, note: '本期无应报事项，不扣分' } };
  const awarded = round2(item.points * Math.min(1, m.value / item.target));
  const ded = round2(item.points - awarded);
  const reason = ded > 0
    ? `${MEASURES[item.measure].zh}${m.value}%（${m.met}/${m.total}），低于${item.target}%，扣${ded}分。未达标：${m.missed.slice(0, 5).map((x) => `${x.title}（期限${x.due}${x.metOn ? `，${x.metOn}报送` : '，未报送'}）`).join('；')}${m.missed.length > 5 ? `等${m.missed.length}项` : ''}`
    : null;
  return { awarded, reason, basis: m };
}

/** Locks a round for the office's write (404 out of scope, 403 not the office), with its scheme's year. */
async function roundForWrite(trx: Db, actor: Actor, roundId: string) {
  requireRole(actor, 'office');
  const r = await Rounds.lockForWrite(trx, actor, roundId);
  const s = await trx.selectFrom('plan_assess_schemes').select('year').where('id', '=', r.scheme_id).executeTakeFirstOrThrow();
  return { ...r, year: s.year };
}

/** Computes every auto item for every assessed unit (without writing). */
async function computeAuto(db: Db, actor: Actor, round: { scheme_id: string; region_id: string; period_from: string; period_to: string; year: number }) {
  const items = await db.selectFrom('plan_assess_indicators').selectAll().where('scheme_id', '=', round.scheme_id).where('method', '=', 'auto').orderBy('seq').orderBy('id').execute();
  const units = await unitsAssessedIn(db, round.region_id);
  const ledger = await ledgerByUnit(db, actor, round.region_id, round.year, await loadCalendar(db));
  const out: { unitId: string; itemId: string; awarded: number; reason: string | null; basis: unknown }[] = [];
  for (const u of units)
    for (const it of items) {
      const m = measureUnit(it.measure as Measure, ledger.get(u.id) ?? [], round.period_from, round.period_to);
      out.push({ unitId: u.id, itemId: it.id, ...autoScore({ points: Number(it.points), target: Number(it.target ?? 100), measure: it.measure as Measure }, m) });
    }
  return out;
}

/** (Re)computes the auto items of a round from the ledger and stores them with their basis. */
export async function computeRound(db: Kysely<Database>, actor: Actor, roundId: string) {
  return db.transaction().execute(async (trx) => {
    const r = await roundForWrite(trx, actor, roundId);
    if (r.status !== 'scoring') throw conflict('ROUND_CLOSED', { zh: '该轮次已审核或公布，不能再评分', en: 'The round is closed for scoring' });
    const scores = await computeAuto(trx, actor, r);
    for (const s of scores)
      await trx.insertInto('plan_assess_scores')
        .values({ round_id: roundId, item_id: s.itemId, region_id: r.region_id, unit_id: s.unitId, awarded: s.awarded, vetoed: null, reason: s.reason, basis: JSON.stringify(s.basis), scored_by: null, scored_at: new Date() })
        .onConflict((oc) => oc.columns(['round_id', 'item_id', 'unit_id']).doUpdateSet({ awarded: s.awarded, reason: s.reason, basis: JSON.stringify(s.basis), scored_by: null, scored_at: new Date() }))
        .execute();
    const { year: _y, ...round } = r;
    await Rounds.audit(trx, actor, 'compute', null, { ...round, scores: scores.length, deductions: scores.filter((s) => s.reason).length });
    return { computed: scores.length };
  });
}

/** Recomputes the auto items and compares them with the stored scores (reproducibility check; region readers). */
export async function verifyRound(db: Db, actor: Actor, roundId: string) {
  const r = await db
    .selectFrom('plan_assess_rounds as r')
    .innerJoin('plan_assess_schemes as s', 's.id', 'r.scheme_id')
    .selectAll('r')
    .select(['s.year'])
    .where('r.id', '=', roundId)
    .where(Rounds.readWhere(actor, 'r'))
    .executeTakeFirst();
  if (!r) throw notFound(Rounds.label);
  const fresh = await computeAuto(db, actor, r);
  const stored = await db.selectFrom('plan_assess_scores as sc').innerJoin('plan_assess_indicators as i', 'i.id', 'sc.item_id').select(['sc.unit_id', 'sc.item_id', 'sc.awarded']).where('sc.round_id', '=', roundId).where('i.method', '=', 'auto').execute();
  const key = (u: string, i: string) => `${u}|${i}`;
  const m = new Map(stored.map((s) => [key(s.unit_id, s.item_id), s.awarded === null ? null : Number(s.awarded)]));
  const differences = fresh.filter((f) => m.get(key(f.unitId, f.itemId)) !== f.awarded).map((f) => ({ unitId: f.unitId, itemId: f.itemId, stored: m.get(key(f.unitId, f.itemId)) ?? null, recomputed: f.awarded }));
  return { consistent: differences.length === 0, checked: fresh.length, differences };
}

/** The office scores a manual item (reason required for any deduction) or records a veto item. */
export async function scoreItem(db: Kysely<Database>, actor: Actor, roundId: string, input: z.infer<typeof ScoreInput>) {
  return (await scoreItems(db, actor, roundId, [input]))[0];
}

/**
 * Scores several manual/veto items in one transaction (a whole score sheet at once): every input is
 * checked by the same rules as one score — an automatic item cannot be scored by hand, a deduction
 * needs a reason, a veto needs the facts — and one bad input refuses them all.
 */
export async function scoreItems(db: Kysely<Database>, actor: Actor, roundId: string, inputs: z.infer<typeof ScoreInput>[]) {
  return db.transaction().execute(async (trx) => {
    const r = await roundForWrite(trx, actor, roundId);
    if (r.status !== 'scoring') throw conflict('ROUND_CLOSED', { zh: '该轮次已审核或公布，不能再评分', en: 'The round is closed for scoring' });
    const items = new Map((await trx.selectFrom('plan_assess_indicators').selectAll().where('scheme_id', '=', r.scheme_id).where('level', '=', 3).execute()).map((i) => [i.id, i]));
    const units = new Set((await unitsAssessedIn(trx, r.region_id)).map((u) => u.id));
    const out = [];
    for (const input of inputs) {
      const item = items.get(input.itemId);
      if (!item) throw badRequest('ITEM_NOT_IN_SCHEME', { zh: '评分项不属于本考核细则', en: 'Item not in this scheme' }, { fields: [{ path: 'itemId', message: '评分项不属于本考核细则' }] });
      if (item.method === 'auto') throw conflict('ITEM_IS_AUTOMATIC', { zh: '该项按台账记录自动计分，不能手工评分', en: 'This item is scored automatically' });
      if (!units.has(input.unitId)) throw badRequest('UNIT_NOT_ASSESSED', { zh: '该单位不在考核范围内', en: 'The unit is not assessed' }, { fields: [{ path: 'unitId', message: '该单位不在考核范围内' }] });
      let values: { awarded: number | null; vetoed: boolean | null; reason: string | null };
      if (item.method === 'manual') {
        if (input.awarded === undefined) throw badRequest('AWARDED_REQUIRED', { zh: '请填写得分', en: 'Enter the points awarded' }, { fields: [{ path: 'awarded', message: '请填写得分' }] });
        if (input.awarded > Number(item.points)) throw badRequest('AWARDED_TOO_HIGH', { zh: `得分不能超过该项分值${Number(item.points)}分`, en: 'Above the item points' }, { fields: [{ path: 'awarded', message: `不能超过${Number(item.points)}分` }] });
        if (input.awarded < Number(item.points) && !input.reason) throw badRequest('DEDUCTION_NEEDS_REASON', { zh: '扣分须写明扣分理由', en: 'A deduction needs a reason' }, { fields: [{ path: 'reason', message: '扣分须写明扣分理由' }] });
        values = { awarded: input.awarded, vetoed: null, reason: input.awarded < Number(item.points) ? input.reason! : (input.reason ?? null) };
      } else {
        if (input.vetoed === undefined) throw badRequest('VETOED_REQUIRED', { zh: '请选择是否触发一票否决', en: 'Say whether the veto applies' }, { fields: [{ path: 'vetoed', message: '请选择是否触发一票否决' }] });
        if (input.vetoed && !input.reason) throw badRequest('VETO_NEEDS_REASON', { zh: '一票否决须写明事实和依据', en: 'A veto needs a reason' }, { fields: [{ path: 'reason', message: '一票否决须写明事实和依据' }] });
        values = { awarded: null, vetoed: input.vetoed, reason: input.reason ?? null };
      }
      const before = await trx.selectFrom('plan_assess_scores').selectAll().where('round_id', '=', roundId).where('item_id', '=', item.id).where('unit_id', '=', input.unitId).executeTakeFirst();
      const row = await trx.insertInto('plan_assess_scores')
        .values({ round_id: roundId, item_id: item.id, region_id: r.region_id, unit_id: input.unitId, ...values, basis: null, scored_by: actor.userId, scored_at: new Date() })
        .onConflict((oc) => oc.columns(['round_id', 'item_id', 'unit_id']).doUpdateSet({ ...values, scored_by: actor.userId, scored_at: new Date() }))
        .returningAll().executeTakeFirstOrThrow();
      await Scores.audit(trx, actor, 'score', before ?? null, row);
      out.push(row);
    }
    return out;
  });
}

/** A unit's note on a manual item (evidence goes as attachments to the same score record). */
export async function addUnitNote(db: Kysely<Database>, actor: Actor, roundId: string, input: z.infer<typeof UnitNoteInput>) {
  return db.transaction().execute(async (trx) => {
    const { round: r, ownUnits } = await roundOf(trx, actor, roundId);
    const unitId = actor.unitId && ownUnits.includes(actor.unitId) ? actor.unitId : ownUnits[0];
    const units = await unitsAssessedIn(trx, r.region_id);
    if (!unitId || !units.some((u) => u.id === unitId)) throw notFound(Rounds.label);
    if (!(await mayWriteAt(trx, actor, r.region_id, unitId, UNIT_NOTE_WRITE))) throw forbidden();
    if (r.status !== 'scoring') throw conflict('ROUND_CLOSED', { zh: '该轮次已审核或公布，不能再提交材料', en: 'The round is closed' });
    const item = await trx.selectFrom('plan_assess_indicators').select(['id', 'method']).where('id', '=', input.itemId).where('scheme_id', '=', r.scheme_id).where('level', '=', 3).executeTakeFirst();
    if (!item || item.method !== 'manual') throw badRequest('ITEM_NOT_MANUAL', { zh: '只能对人工评分项提交说明和佐证', en: 'Notes are for manual items' }, { fields: [{ path: 'itemId', message: '只能对人工评分项提交说明和佐证' }] });
    const before = await trx.selectFrom('plan_assess_scores').selectAll().where('round_id', '=', roundId).where('item_id', '=', item.id).where('unit_id', '=', unitId).executeTakeFirst();
    const row = await trx.insertInto('plan_assess_scores')
      .values({ round_id: roundId, item_id: item.id, region_id: r.region_id, unit_id: unitId, awarded: null, vetoed: null, reason: null, basis: null, unit_note: input.note, scored_by: null, scored_at: null })
      .onConflict((oc) => oc.columns(['round_id', 'item_id', 'unit_id']).doUpdateSet({ unit_note: input.note }))
      .returningAll().executeTakeFirstOrThrow();
    await Scores.audit(trx, actor, 'unit_note', before ?? null, row);
    return row;
  });
}

/** Round totals per unit: Σ awarded, 0 when a veto item applies (the round was read in scope by the caller). */
async function roundTotals(db: Db, roundId: string, regionId: string) {
  const units = await unitsAssessedIn(db, regionId);
  const rows = await db.selectFrom('plan_assess_scores').select(['unit_id', sql<number>`coalesce(sum(awarded), 0)`.as('sum'), sql<boolean>`coalesce(bool_or(vetoed), false)`.as('vetoed')]).where('round_id', '=', roundId).groupBy('unit_id').execute();
  const m = new Map(rows.map((r) => [r.unit_id, r]));
  return units.map((u) => {
    const r = m.get(u.id);
    const vetoed = !!r?.vetoed;
    return { unitId: u.id, unitName: u.name, vetoed, total: vetoed ? 0 : round2(Number(r?.sum ?? 0)) };
  });
}

/** Competition ranking (ties share a rank). */
export function rank<T extends { total: number }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((r) => ({ ...r, rank: sorted.findIndex((x) => x.total === r.total) + 1 }));
}

/** Round results with ranking: the office any time; the region's readers and assessed units once published. */
export async function roundResults(db: Db, actor: Actor, roundId: string) {
  const { round } = await roundOf(db, actor, roundId, { publishedUnlessOffice: true });
  return { round, items: rank(await roundTotals(db, roundId, round.region_id)) };
}

/** Year results: Σ round total × weight ÷ 100 over the rounds (others see published rounds only); a veto in any round zeroes the year. */
export async function schemeResults(db: Db, actor: Actor, schemeId: string) {
  const v = await schemeOf(db, actor, schemeId);
  const rounds = await db.selectFrom('plan_assess_rounds').selectAll().where('scheme_id', '=', schemeId).orderBy('period_from').orderBy('id').execute();
  const counted = rounds.filter((r) => v.office || r.status === 'published');
  return { scheme: v.scheme, rounds: counted, complete: counted.length === rounds.length && rounds.every((r) => r.status === 'published'), items: rank(await yearTotals(db, counted)) };
}

/** Year totals over rounds (read in scope by the caller): Σ round total × weight ÷ 100; a veto in any round zeroes the year. */
async function yearTotals(db: Db, rounds: { id: string; region_id: string; weight: number }[]) {
  const totals = new Map<string, { unitId: string; unitName: string; total: number; vetoed: boolean; rounds: Record<string, number> }>();
  for (const r of rounds)
    for (const t of await roundTotals(db, r.id, r.region_id)) {
      const cur = totals.get(t.unitId) ?? { unitId: t.unitId, unitName: t.unitName, total: 0, vetoed: false, rounds: {} };
      cur.rounds[r.id] = t.total;
      cur.vetoed ||= t.vetoed;
      cur.total = cur.vetoed ? 0 : round2(cur.total + (t.total * Number(r.weight)) / 100);
      totals.set(t.unitId, cur);
    }
  return [...totals.values()];
}

/**
 * The year's published rankings in a metric scope (the report's region and below): for each scheme of
 * the year in the scope with at least one published round, the year totals over its published rounds
 * only (what the units and the public have seen), ranked; `complete` when every round is published.
 */
export async function publishedRankings(db: Db, scope: MetricScope, year: number) {
  const schemes = await db.selectFrom('plan_assess_schemes as s').select(['s.id', 's.region_id', 's.title', 's.year'])
    .where('s.year', '=', year).where(inMetricScope(scope, 's.region_id')).orderBy('s.id').execute();
  const out = [];
  for (const s of schemes) {
    const rounds = await db.selectFrom('plan_assess_rounds').selectAll().where('scheme_id', '=', s.id).orderBy('period_from').orderBy('id').execute();
    const published = rounds.filter((r) => r.status === 'published');
    if (!published.length) continue;
    out.push({ scheme: s, rounds: published, complete: published.length === rounds.length, items: rank(await yearTotals(db, published)) });
  }
  return out;
}

/**
 * The units at the bottom of a ranking: the last three places (the last place when fewer than ten
 * units are ranked), ties at the cut included, and every vetoed unit; never a unit with the top score
 * (when all units score alike nobody is at the bottom). Lowest first.
 */
export function bottomOf<T extends { total: number; vetoed: boolean; rank: number }>(items: T[]): T[] {
  if (items.length < 2) return [];
  const sorted = [...items].sort((a, b) => a.total - b.total);
  const top = sorted[sorted.length - 1].total;
  const cut = sorted[Math.min(items.length >= 10 ? 2 : 0, sorted.length - 1)].total;
  return sorted.filter((x) => x.total < top && (x.total <= cut || x.vetoed));
}

/** A unit's score sheet for a round: each item, points, awarded and the reason for any deduction. */
export async function scoreSheet(db: Db, actor: Actor, roundId: string, unitId: string) {
  const v = await roundOf(db, actor, roundId, { publishedUnlessOffice: true }).catch(() => { throw notFound(SHEET); });
  const r = v.round;
  if (!v.regionReader && !v.ownUnits.includes(unitId)) throw notFound(SHEET);
  const unit = (await unitsAssessedIn(db, r.region_id)).find((u) => u.id === unitId);
  if (!unit) throw notFound(SHEET);
  const items = await db.selectFrom('plan_assess_indicators').selectAll().where('scheme_id', '=', r.scheme_id).where('level', '=', 3).orderBy('seq').orderBy('id').execute();
  const parents = await db.selectFrom('plan_assess_indicators').select(['id', 'parent_id', 'title', 'seq', 'level']).where('scheme_id', '=', r.scheme_id).where('level', '<', 3).execute();
  const scores = await db.selectFrom('plan_assess_scores').selectAll().where('round_id', '=', roundId).where('unit_id', '=', unitId).execute();
  const lines = items.map((it) => {
    const sub = parents.find((p) => p.id === it.parent_id);
    const ind = parents.find((p) => p.id === sub?.parent_id);
    const s = scores.find((x) => x.item_id === it.id);
    return {
      itemId: it.id, indicator: ind?.title ?? '', subIndicator: sub?.title ?? '', order: [ind?.seq ?? 0, sub?.seq ?? 0, it.seq], title: it.title, method: it.method, points: it.points === null ? null : Number(it.points),
      awarded: s?.awarded === null || s?.awarded === undefined ? null : Number(s.awarded), vetoed: s?.vetoed ?? null, reason: s?.reason ?? null, basis: s?.basis ?? null, unitNote: s?.unit_note ?? null, scoreId: s?.id ?? null,
      scored: it.method === 'veto' ? s?.vetoed !== null && s?.vetoed !== undefined : s?.awarded !== null && s?.awarded !== undefined,
    };
  }).sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2]);
  const vetoed = lines.some((l) => l.vetoed);
  return { round: r, unit: { id: unit.id, name: unit.name }, lines, vetoed, total: vetoed ? 0 : round2(lines.reduce((s, l) => s + (l.awarded ?? 0), 0)), fullMarks: round2(lines.reduce((s, l) => s + (l.points ?? 0), 0)) };
}

/**
 * What a unit is missing for full marks in a round, live from the ledger: auto items list the
 * obligations missed or still open; manual items say whether a note/evidence was given and scored.
 */
export async function readiness(db: Db, actor: Actor, roundId: string, unitId: string, today = todayFn()) {
  const v = await roundOf(db, actor, roundId).catch(() => { throw notFound(SHEET); });
  const r = v.round;
  if (!v.regionReader && !v.ownUnits.includes(unitId)) throw notFound(SHEET);
  const units = await unitsAssessedIn(db, r.region_id);
  if (!units.some((u) => u.id === unitId)) throw notFound(SHEET);
  const items = await db.selectFrom('plan_assess_indicators').selectAll().where('scheme_id', '=', r.scheme_id).where('level', '=', 3).orderBy('seq').orderBy('id').execute();
  const ledger = (await ledgerByUnit(db, actor, r.region_id, r.year, await loadCalendar(db))).get(unitId) ?? [];
  const scores = await db.selectFrom('plan_assess_scores').selectAll().where('round_id', '=', roundId).where('unit_id', '=', unitId).execute();
  const lines = items.map((it) => {
    const s = scores.find((x) => x.item_id === it.id);
    if (it.method === 'auto') {
      const m = measureUnit(it.measure as Measure, ledger, r.period_from, r.period_to);
      const sc = autoScore({ points: Number(it.points), target: Number(it.target ?? 100), measure: it.measure as Measure }, m);
      const open = ledger.flatMap((t) => t.obligations.filter((o) => !o.metOn && o.due >= today && o.due >= r.period_from && o.due <= r.period_to).map((o) => `${t.title}：须于${o.due}前报送`));
      const missing = m.missed.filter((x) => x.due < today).map((x) => `${x.title}：期限${x.due}${x.metOn ? `，${x.metOn}才报送` : '，未报送'}`);
      return { itemId: it.id, title: it.title, method: it.method, points: Number(it.points), current: sc.awarded, missingPoints: round2(Number(it.points) - sc.awarded), todo: [...open], lost: missing };
    }
    if (it.method === 'manual') {
      const awarded = s?.awarded === null || s?.awarded === undefined ? null : Number(s.awarded);
      const todo = awarded === null ? [s?.unit_note ? '已提交说明，待依法治区办评分' : '请提交说明和佐证材料'] : [];
      return { itemId: it.id, title: it.title, method: it.method, points: Number(it.points), current: awarded, missingPoints: awarded === null ? Number(it.points) : round2(Number(it.points) - awarded), todo, lost: s?.reason ? [s.reason] : [] };
    }
    return { itemId: it.id, title: it.title, method: it.method, points: null, current: null, missingPoints: 0, todo: [], lost: s?.vetoed ? [`一票否决：${s.reason}`] : [] };
  });
  return { round: r, unitId, lines, missingPoints: round2(lines.reduce((a, l) => a + l.missingPoints, 0)) };
}

/** Review: the office checks every manual and veto item is scored and the auto scores reproduce; scoring → reviewed. */
export async function reviewRound(db: Kysely<Database>, actor: Actor, roundId: string) {
  return db.transaction().execute(async (trx) => {
    const { year: _y, ...r } = await roundForWrite(trx, actor, roundId);
    if (r.status !== 'scoring') throw conflict('ROUND_NOT_SCORING', { zh: '只有评分中的轮次可以审核', en: 'Only a round being scored can be reviewed' });
    const items = await trx.selectFrom('plan_assess_indicators').select(['id', 'method', 'title']).where('scheme_id', '=', r.scheme_id).where('level', '=', 3).execute();
    const units = await unitsAssessedIn(trx, r.region_id);
    const scores = await trx.selectFrom('plan_assess_scores').select(['unit_id', 'item_id', 'awarded', 'vetoed']).where('round_id', '=', roundId).execute();
    const has = new Set(scores.filter((s) => s.awarded !== null || s.vetoed !== null).map((s) => `${s.unit_id}|${s.item_id}`));
    const missing = units.flatMap((u) => items.filter((i) => !has.has(`${u.id}|${i.id}`)).map((i) => ({ unit: u.name, item: i.title })));
    if (missing.length)
      throw conflict('ROUND_INCOMPLETE', { zh: `尚有${missing.length}项未评分（如${missing[0].unit}“${missing[0].item}”），不能审核`, en: `${missing.length} scores missing` }, { missing: missing.slice(0, 100) });
    const check = await verifyRound(trx, actor, roundId);
    if (!check.consistent)
      throw conflict('SCORES_STALE', { zh: '台账记录在计算后发生变化，自动评分与记录不一致，请重新计算后再审核', en: 'Records changed since the automatic scores were computed; recompute first' }, check);
    return Rounds.update(trx, actor, r, { status: 'reviewed', reviewed_by: actor.userId, reviewed_at: new Date() }, 'review');
  });
}

/** Publication of a reviewed round's scores and ranking; units then see their sheets. */
export async function publishRound(db: Kysely<Database>, actor: Actor, roundId: string) {
  return db.transaction().execute(async (trx) => {
    const { year: _y, ...r } = await roundForWrite(trx, actor, roundId);
    if (r.status !== 'reviewed') throw conflict('ROUND_NOT_REVIEWED', { zh: '考核结果须经审核后方可公布', en: 'Scores must be reviewed before publication' });
    return Rounds.update(trx, actor, r, { status: 'published', published_at: new Date() }, 'publish');
  });
}
