/**
 * Case-file review (案卷评查): the office's campaigns, a reproducible random sample of closed cases,
 * scoring sheets against the campaign's criteria (deductions, veto items forcing 0), grades from
 * configurable bands, problems classified 立卷/实体/程序 with a rectification deadline, unit averages.
 * REFERENCE §5.3 (bands default 优秀 ≥ 90, 合格 60–<90, 不合格 < 60; no national standard).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { addDays } from '../../core/calendar/index.js';
import { badRequest, conflict } from '../../core/errors/index.js';
import type { Actor } from '../../core/scope/index.js';
import { actorRegion, regionById } from '../org/lookup.js';
import { inRegionPaths } from '../../core/scope/index.js';
import { Campaigns, Problems, ReviewFiles } from './records.js';
import type { Bands, CampaignInput, Criterion, Grade, ScoreInput } from './schema.js';

type DbK = Kysely<Database>;

/** The grade of a score under the bands (优秀 ≥ excellent, 合格 ≥ pass, else 不合格). */
export function gradeOf(score: number, bands: Bands): Grade {
  return score >= bands.excellent ? 'excellent' : score >= bands.pass ? 'pass' : 'fail';
}

/** Creates a campaign in the office's region; the criteria's points add up to 100. */
export function createCampaign(db: DbK, actor: Actor, input: CampaignInput) {
  return db.transaction().execute(async (trx) => {
    const total = input.criteria.reduce((s, c) => s + c.max, 0);
    if (Math.abs(total - 100) > 1e-9) {
      throw badRequest('CRITERIA_TOTAL', { zh: `评查项目分值合计应为100分（现为${total}分）`, en: `Criteria must add up to 100 points (now ${total})` }, { fields: [{ path: 'criteria', message: '分值合计应为100分' }] });
    }
    const region = await actorRegion(trx, actor);
    if (!region) throw badRequest('NO_REGION', { zh: '无法确定所属地区', en: 'No region' });
    return Campaigns.insert(trx, actor, {
      region_id: region.id, year: input.year, title: input.title, criteria: JSON.stringify(input.criteria), bands: JSON.stringify(input.bands),
      sample_seed: input.sampleSeed, sample_size: input.sampleSize,
    });
  });
}

/**
 * Draws the sample: closed cases of the campaign's year in its region, ordered by md5(seed ‖ case id) —
 * the same seed always draws the same files. Tops the sample up to its size.
 */
export function drawSample(db: DbK, actor: Actor, campaignId: string) {
  return db.transaction().execute(async (trx) => {
    const c = await Campaigns.lockForWrite(trx, actor, campaignId);
    if (c.status !== 'open') throw conflict('CAMPAIGN_CLOSED', { zh: '评查活动已结束', en: 'The campaign is closed' });
    const region = (await regionById(trx, c.region_id))!;
    const have = await trx.selectFrom('enforcement_review_files').select(sql<number>`count(*)::int`.as('n')).where('campaign_id', '=', c.id).executeTakeFirstOrThrow();
    const need = c.sample_size - Number(have.n);
    if (need <= 0) return [];
    const picked = await trx.selectFrom('enforcement_cases as k').select(['k.id', 'k.unit_id', 'k.region_id'])
      .where(inRegionPaths('k.region_id', [region.path]))
      .where('k.status', '=', 'closed').where('k.closed_on', '>=', `${c.year}-01-01`).where('k.closed_on', '<=', `${c.year}-12-31`)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('enforcement_review_files as f').select('f.id').where('f.campaign_id', '=', c.id).whereRef('f.case_id', '=', 'k.id'))))
      .orderBy(sql`md5(${c.sample_seed} || k.id::text)`).limit(need).execute();
    const out = [];
    for (const k of picked) {
      out.push(await ReviewFiles.insert(trx, actor, { region_id: k.region_id, unit_id: k.unit_id, campaign_id: c.id, case_id: k.id }, 'sample'));
    }
    return out;
  });
}

/**
 * Scores a file: each item's deduction within its criterion's points; a veto item (e.g. 执法人员少于2人)
 * forces 0 and 不合格. Problems found are recorded with a rectification deadline.
 */
export function scoreFile(db: DbK, actor: Actor, fileId: string, input: ScoreInput) {
  return db.transaction().execute(async (trx) => {
    const f = await ReviewFiles.lockForWrite(trx, actor, fileId);
    const c = await trx.selectFrom('enforcement_review_campaigns').selectAll().where('id', '=', f.campaign_id).executeTakeFirstOrThrow();
    if (c.status !== 'open') throw conflict('CAMPAIGN_CLOSED', { zh: '评查活动已结束，不能再评分', en: 'The campaign is closed' });
    const bad = scoreSheetProblems(c.criteria as unknown as Criterion[], input.items);
    if (bad.length) throw badRequest('SCORE_INVALID', { zh: '评分表填写有误', en: 'The scoring sheet has errors' }, { fields: bad.map((b) => ({ path: `items.${b.index}.${b.field}`, message: b.message })) });
    return writeScore(trx, actor, f, c, input);
  });
}

/** One mistake of a scoring sheet: the item (by its position), the field and the message (zh). */
export interface ScoreProblem { index: number; field: 'code' | 'deduction' | 'vetoed' | 'problem'; message: string }

/**
 * The rules of a scoring sheet against the campaign's criteria (the form and the Excel import alike): a
 * known criterion once, a deduction within its points, a veto only on a veto item, a problem written for
 * every deduction.
 */
export function scoreSheetProblems(criteria: Criterion[], items: ScoreInput['items']): ScoreProblem[] {
  const bad: ScoreProblem[] = [];
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const cr = criteria.find((x) => x.code === it.code);
    if (!cr) bad.push({ index: i, field: 'code', message: `评查项目“${it.code}”不在本次评查标准中` });
    else {
      if (seen.has(it.code)) bad.push({ index: i, field: 'code', message: '同一评查项目只能评分一次' });
      if (it.deduction > cr.max) bad.push({ index: i, field: 'deduction', message: `扣分不能超过该项分值${cr.max}分` });
      if (it.vetoed && !cr.veto) bad.push({ index: i, field: 'vetoed', message: `“${cr.name}”不是否决项` });
      if ((it.deduction > 0 || it.vetoed) && !it.problem) bad.push({ index: i, field: 'problem', message: '扣分项应写明存在的问题' });
    }
    seen.add(it.code);
  });
  return bad;
}

/** The score of a checked sheet: a veto forces 0 and 不合格; otherwise 100 less the deductions, graded by the bands. */
export function scoreOf(items: ScoreInput['items'], bands: Bands): { score: number; grade: Grade } {
  const vetoed = items.some((x) => x.vetoed);
  const deducted = items.reduce((s, x) => s + x.deduction, 0);
  const score = vetoed ? 0 : Math.round((100 - deducted) * 10) / 10;
  return { score, grade: vetoed ? 'fail' : gradeOf(score, bands) };
}

/** Writes a checked sheet on a locked file of an open campaign: the score, the grade, its problems (replaced). */
export async function writeScore(trx: DbK, actor: Actor, f: Selectable<Database['enforcement_review_files']>, c: Selectable<Database['enforcement_review_campaigns']>, input: ScoreInput) {
  const criteria = c.criteria as unknown as Criterion[];
  const { score, grade } = scoreOf(input.items, c.bands as unknown as Bands);
  await trx.deleteFrom('enforcement_review_problems').where('file_id', '=', f.id).execute();
  const problems = input.items.filter((it) => it.deduction > 0 || it.vetoed).map((it) => {
    const cr = criteria.find((x) => x.code === it.code)!;
    return {
      region_id: f.region_id, unit_id: f.unit_id, file_id: f.id, criterion: cr.name, category: cr.category, description: it.problem,
      deduction: it.vetoed ? cr.max : it.deduction, due_on: addDays(input.on, input.rectifyWithinDays),
    };
  });
  if (problems.length) await trx.insertInto('enforcement_review_problems').values(problems).execute();
  return ReviewFiles.update(trx, actor, f, { scores: JSON.stringify(input.items), score, grade, reviewer: input.reviewer, reviewed_on: input.on }, 'score');
}

/** Records the unit's rectification of a problem. */
export function rectifyProblem(db: DbK, actor: Actor, problemId: string, input: { on: string; measure: string }) {
  return db.transaction().execute(async (trx) => {
    const p = await Problems.lockForWrite(trx, actor, problemId);
    if (p.rectified_on) throw conflict('ALREADY_RECTIFIED', { zh: '该问题已整改', en: 'Already rectified' });
    return Problems.update(trx, actor, p, { rectified_on: input.on, measure: input.measure }, 'rectify');
  });
}

/** Campaigns in scope with their counts. */
export async function listCampaigns(db: Db, actor: Actor) {
  return Campaigns.query(db, actor).selectAll('rc').select([
    sql<number>`(select count(*)::int from enforcement_review_files f where f.campaign_id = rc.id)`.as('files'),
    sql<number>`(select count(*)::int from enforcement_review_files f where f.campaign_id = rc.id and f.reviewed_on is not null)`.as('scored'),
    sql<number>`(select count(*)::int from enforcement_review_files f where f.campaign_id = rc.id and f.grade = 'excellent')`.as('excellent'),
  ]).orderBy('rc.year', 'desc').orderBy('rc.id').execute() as Promise<(Database['enforcement_review_campaigns'] & { id: string; status: string; files: number; scored: number; excellent: number })[]>;
}

/** The files of a campaign the actor may read (the office all, a unit its own), with their problems. */
export async function listFiles(db: Db, actor: Actor, campaignId: string) {
  await Campaigns.get(db, actor, campaignId).catch(async (e) => {
    // A unit reads its own files even without reading the campaign.
    const any = await ReviewFiles.query(db, actor).select('rf.id').where('rf.campaign_id', '=', campaignId).executeTakeFirst();
    if (!any) throw e;
  });
  const files = await ReviewFiles.query(db, actor).innerJoin('enforcement_cases as k', 'k.id', 'rf.case_id').innerJoin('units as u', 'u.id', 'rf.unit_id')
    .selectAll('rf').select(['k.case_no', 'k.title as case_title', 'k.system', 'u.name as unit_name'])
    .where('rf.campaign_id', '=', campaignId).orderBy('u.name').orderBy('k.case_no').orderBy('rf.id').execute();
  const problems = files.length ? await db.selectFrom('enforcement_review_problems').selectAll().where('file_id', 'in', files.map((f: any) => f.id as string)).orderBy('id').execute() : [];
  return files.map((f: any) => ({ ...f, problems: problems.filter((p) => p.file_id === f.id) }));
}

/** Unit averages and ranking of a campaign (a unit's grade by its average, same bands). */
export async function unitAverages(db: Db, actor: Actor, campaignId: string) {
  const c = await Campaigns.get(db, actor, campaignId);
  const rows = await db.selectFrom('enforcement_review_files as f').innerJoin('units as u', 'u.id', 'f.unit_id')
    .select(['f.unit_id', 'u.name', sql<number>`count(*)::int`.as('files'), sql<number>`round(avg(f.score), 1)`.as('average')])
    .where('f.campaign_id', '=', c.id).where('f.reviewed_on', 'is not', null)
    .groupBy(['f.unit_id', 'u.name']).orderBy(sql`4`, 'desc').orderBy('u.name').execute();
  const bands = c.bands as unknown as Bands;
  let rank = 0;
  let prev: number | null = null;
  return rows.map((r, i) => {
    const avg = Number(r.average);
    if (avg !== prev) rank = i + 1;
    prev = avg;
    return { unitId: r.unit_id, unitName: r.name, files: Number(r.files), average: avg, grade: gradeOf(avg, bands), rank };
  });
}
