/**
 * Scheduled system tasks: work the server does on its own, on a timer, with no user behind it (a time
 * limit that passed, a status that follows from the calendar). A module lists its tasks in
 * `FazhiModule.scheduled`; the server runs each once at start and then every `everyMinutes`, one task
 * at a time (never two sweeps at once on the embedded database's single connection). Each run is
 * logged with what it changed. Tests and tools run them with `runScheduledTasks`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { today } from './calendar/index.js';

/** A task a module asks the server to run on a timer. */
export interface ScheduledTask {
  /** `module.what`, e.g. `mediation.lapseConfirmationWindows` (for the log). */
  name: string;
  /** Minutes between runs. */
  everyMinutes: number;
  /** Does the work as of a day (Asia/Shanghai) and returns how many records it changed. */
  run(db: Kysely<Database>, asOf: string): Promise<number>;
}

/** What one run of one task did. */
export interface TaskRun {
  name: string;
  changed: number;
  error?: string;
}

/** Runs the tasks once, in order; a failing task is reported and does not stop the others. */
export async function runScheduledTasks(db: Kysely<Database>, tasks: readonly ScheduledTask[], asOf: string = today()): Promise<TaskRun[]> {
  const out: TaskRun[] = [];
  for (const t of tasks) {
    try {
      out.push({ name: t.name, changed: await t.run(db, asOf) });
    } catch (e) {
      out.push({ name: t.name, changed: 0, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/**
 * Starts the timers: every task once now, then on its interval. Runs never overlap (a tick that finds
 * the previous run still going is skipped). Returns a stop function (timers are unref'd, so they never
 * keep the process alive).
 */
export function startScheduledTasks(db: Kysely<Database>, tasks: readonly ScheduledTask[], log: (r: TaskRun) => void): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const t of tasks) {
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        for (const r of await runScheduledTasks(db, [t])) log(r);
      } finally {
        busy = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), t.everyMinutes * 60_000);
    timer.unref();
    timers.push(timer);
  }
  return () => timers.forEach((x) => clearInterval(x));
}
