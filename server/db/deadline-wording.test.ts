import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/harness.js';
import { closeDeadline, setDeadline } from '../core/deadlines/index.js';
import { rewriteDeadlineWording } from './migrations/2026_11_30_0870_deadline_wording.js';

/*
 * Deadlines written before the wording was corrected keep their stored explanation; the migration rewrites
 * it from the stored spec (a plan's date: 确定的期限为…, not 自…次日起算0日), open and met alike, date unchanged.
 */
let o: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  o = await testDatabase();
}, 240_000);
afterAll(async () => o?.close());

describe('stored deadline wording', () => {
  it('rewrites an old plan deadline’s 次日起算 explanation (open and met) and leaves a current one alone', async () => {
    const region = await o.db.selectFrom('regions').select('id').where('code', '=', '410803').executeTakeFirstOrThrow();
    const base = { module: 'plan', entity: 'plan_task', kind: 'task', title: { zh: '完成重点任务：测试', en: 'Complete the key task: test' }, regionId: region.id, unitId: null, basis: '工作安排确定的完成时限' };
    // 2020-10-01 is National Day: the fixed date moves to the first working day after the holiday.
    const spec = { from: '2020-10-01', unit: 'ND' as const, n: 0, rollOver: true };
    for (const id of ['00000000-0000-4000-8000-000000000871', '00000000-0000-4000-8000-000000000872', '00000000-0000-4000-8000-000000000873'])
      await setDeadline(o.db, { ...base, entityId: id, spec });
    await closeDeadline(o.db, 'plan_task', '00000000-0000-4000-8000-000000000872', 'task');
    const old = { explain: { zh: '自2020-10-01次日起算0日，届满日2020-10-01；2020-10-01为法定休假日，顺延至2020-10-09', en: '0 days counted from the day after 2020-10-01: 2020-10-01; 2020-10-01 is a holiday, moved to 2020-10-09' }, trace: [] };
    await o.db.updateTable('deadlines').set({ computation: JSON.stringify(old) }).where('entity_id', 'in', ['00000000-0000-4000-8000-000000000871', '00000000-0000-4000-8000-000000000872']).execute();

    expect(await rewriteDeadlineWording(o.db)).toBe(2);
    const rows = await o.db.selectFrom('deadlines').select(['entity_id', 'status', 'due_date', 'computation']).where('entity', '=', 'plan_task').orderBy('entity_id').execute();
    expect(rows.map((r) => r.status)).toEqual(['open', 'done', 'open']);
    for (const r of rows) {
      const explain = (r.computation as { explain: { zh: string; en: string } }).explain;
      expect(r.due_date).toBe('2020-10-09');
      expect(explain.zh).toMatch(/^确定的期限为2020-10-01；2020-10-01为法定休假日（国庆节）?，顺延至2020-10-09/);
      expect(explain.zh).not.toContain('次日起算');
      expect(explain.en).toMatch(/^Date fixed: 2020-10-01/);
    }
    expect(await rewriteDeadlineWording(o.db)).toBe(0);
  });
});
