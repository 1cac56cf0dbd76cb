import { describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { runScheduledTasks, startScheduledTasks, type ScheduledTask } from './schedule.js';

const db = {} as Kysely<Database>;

describe('scheduled tasks', () => {
  it('run in order as of the given day; a failing task is reported and does not stop the next', async () => {
    const seen: string[] = [];
    const tasks: ScheduledTask[] = [
      { name: 'a.fails', everyMinutes: 60, run: async () => { throw new Error('boom'); } },
      { name: 'b.counts', everyMinutes: 60, run: async (_db, asOf) => { seen.push(asOf); return 3; } },
    ];
    expect(await runScheduledTasks(db, tasks, '2020-10-10')).toEqual([{ name: 'a.fails', changed: 0, error: 'boom' }, { name: 'b.counts', changed: 3 }]);
    expect(seen).toEqual(['2020-10-10']);
  });
  it('start with a run, repeat on the interval, never overlap a run still going, and stop', async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      let release: () => void = () => {};
      const task: ScheduledTask = { name: 'slow', everyMinutes: 1, run: () => { runs++; return new Promise<number>((r) => { release = () => r(1); }); } };
      const log: string[] = [];
      const stop = startScheduledTasks(db, [task], (r) => log.push(`${r.name}:${r.changed}`));
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(runs).toBe(1); // the first run has not finished: the tick is skipped
      release();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(runs).toBe(2);
      expect(log).toEqual(['slow:1']);
      stop();
      release();
      await vi.advanceTimersByTimeAsync(180_000);
      expect(runs).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
