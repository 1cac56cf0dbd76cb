import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../server/test/harness.js';
import { loadDemo } from './index.js';
import { regionSubtree } from '../server/modules/org/service.js';
import { planMetrics } from '../server/modules/plan/metrics.js';
import { learningMetrics } from '../server/modules/learning/metrics.js';
import { yearPeriod, type MetricScope } from '../server/core/metrics/index.js';

let o: Awaited<ReturnType<typeof testDatabase>>;
let scope: MetricScope;
beforeAll(async () => {
  o = await testDatabase({ seed: false });
  await loadDemo(o.db, o.cfg);
  const zz = await o.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
  scope = { regionIds: await regionSubtree(o.db, zz.id) };
}, 600_000);
afterAll(async () => o.close());

const metric = async (id: string) => {
  const m = [...planMetrics, ...learningMetrics].find((x) => x.id === id)!;
  return m.compute(o.db, scope, yearPeriod(2020));
};

describe('the demo district’s 2020 figures equal the seed report', () => {
  it.each([
    ['plan.keyWorks', 10], ['plan.keyTasks', 40],
    ['plan.reform.majorItems', 6], ['plan.reform.minorItems', 35], ['plan.reform.claimingUnits', 23],
    ['learning.executiveStudySessions', 4], ['learning.legalTests', 2], ['learning.enforcementTrainings', 4],
    ['learning.enforcementTrainees', 412], ['learning.enforcementExamUnits', 31], ['learning.enforcementExamParticipants', 267],
    ['learning.mediatorTrainings', 10],
  ])('%s = %s', async (id, expected) => {
    expect(await metric(id)).toBe(expected);
  });

  it('has realistic progress: most tasks done, some late, a few still open', async () => {
    expect(await metric('plan.tasksCompleted')).toBe(37);
    expect(await metric('plan.tasksOverdue')).toBe(8); // 3 still open + 5 completed after their deadline
    const scores = await o.db.selectFrom('plan_assess_rounds').select('status').execute();
    expect(scores.map((s) => s.status)).toEqual(['published', 'published']);
    const rows = await o.db.selectFrom('plan_assess_scores').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(2 * 40 * 7);
  });
});
