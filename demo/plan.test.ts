import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../server/test/harness.js';
import { loadDemo } from './index.js';
import { planMetrics } from '../server/modules/plan/metrics.js';
import { learningMetrics } from '../server/modules/learning/metrics.js';
import { metricScopeOf, yearPeriod, type MetricScope } from '../server/core/metrics/index.js';
import { registerAllMetrics } from '../server/modules/index.js';
import { renderDefault } from '../server/modules/report/service.js';
import { exportReport } from '../server/modules/report/export.js';

let o: Awaited<ReturnType<typeof testDatabase>>;
let scope: MetricScope;
beforeAll(async () => {
  o = await testDatabase({ seed: false });
  await loadDemo(o.db, o.cfg);
  const zz = await o.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
  scope = await metricScopeOf(o.db, zz.id);
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

  it('writes the seed’s §一(一) and 放管服 sentences in the demo report', async () => {
    registerAllMetrics();
    const md = (await exportReport(await renderDefault(o.db, '410803', 2020), 'md')).data.toString('utf8').replace(/\s+/g, '');
    expect(md).toContain('梳理明确了10项重点工作，细化分解了40项重点任务');
    expect(md).toContain('全年组织相关专题学习4次，开展依法行政知识测试2次');
    expect(md).toContain('明确了6大项35小项任务，23个部门认领落实');
    expect(md).toContain('先后组织行政执法培训活动4次，培训执法人员400余人次；组织31家行政执法单位267名行政执法人员');
    expect(md).toContain('组织开展调解员培训10次');
  });
});
