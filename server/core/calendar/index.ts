import chineseDays from 'chinese-days';
import type { Db } from '../../db/index.js';

/** 'YYYY-MM-DD' in the district's calendar. */
export type Day = string;

/** How one day is treated, and why. */
export interface DayInfo {
  date: Day;
  workday: boolean;
  /** holiday = statutory holiday; makeup = 调休 working weekend day; weekend; workday; override-* = local. */
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup' | 'override-workday' | 'override-holiday';
  /** Holiday name (zh) or override reason. */
  name?: string;
  /** True when the national data does not cover the year (Mon–Fri assumed). */
  provisional: boolean;
}

/** Local overrides the admin maintains (e.g. a local holiday, or a correction before the package updates). */
export interface Override {
  day: Day;
  kind: 'workday' | 'holiday';
  reason: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Adds n natural days to a date string, in UTC arithmetic (no time zone can shift it). */
export function addDays(day: Day, n: number): Day {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Natural days from a to b (b − a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * 民法典 第二百零二条: a month period ends on the corresponding day of the final month; without
 * one, on that month's last day.
 */
export function addMonths(day: Day, n: number): Day {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Today in Asia/Shanghai. */
export function today(now: Date = new Date()): Day {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

let coveredCache: number | null = null;
/** Last year the bundled national holiday data covers (chinese-days publishes each year in November). */
export function lastCoveredYear(): number {
  if (coveredCache !== null) return coveredCache;
  let y = 2004;
  while (chineseDays.getHolidaysInRange(`${y + 1}-01-01`, `${y + 1}-12-31`, false).length > 0) y++;
  coveredCache = y;
  return y;
}

/**
 * The working-day calendar: national holidays and 调休 from `chinese-days`, then local overrides.
 * One instance per set of overrides; load it with `loadCalendar`.
 */
export class WorkCalendar {
  private readonly overrides: Map<Day, Override>;
  constructor(overrides: Override[] = []) {
    this.overrides = new Map(overrides.map((o) => [o.day, o]));
  }

  /** Details of one day. */
  day(date: Day): DayInfo {
    if (!ISO.test(date)) throw new Error(`Bad date ${date}`);
    const provisional = Number(date.slice(0, 4)) > lastCoveredYear();
    const o = this.overrides.get(date);
    if (o) return { date, workday: o.kind === 'workday', kind: `override-${o.kind}`, name: o.reason, provisional };
    const detail = chineseDays.getDayDetail(date);
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = dow === 0 || dow === 6;
    const named = detail.name.includes(',') ? detail.name.split(',')[1] : undefined;
    if (detail.work) return { date, workday: true, kind: weekend ? 'makeup' : 'workday', name: weekend ? named : undefined, provisional };
    return { date, workday: false, kind: named ? 'holiday' : 'weekend', name: named, provisional };
  }

  /** Whether the day is a working day (工作日). */
  isWorkday(date: Day): boolean {
    return this.day(date).workday;
  }

  /** Every day of a month, for the calendar page. */
  month(year: number, month: number): DayInfo[] {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const out: DayInfo[] = [];
    for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) out.push(this.day(d));
    return out;
  }

  /** The first working day on or after `date`. */
  nextWorkdayOnOrAfter(date: Day): Day {
    let d = date;
    for (let i = 0; i < 400 && !this.isWorkday(d); i++) d = addDays(d, 1);
    return d;
  }

  /** The n-th working day after `date` (the start day is excluded). */
  addWorkdays(date: Day, n: number): Day {
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  /** Working days in (a, b]. */
  workdaysBetween(a: Day, b: Day): number {
    let n = 0;
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (this.isWorkday(d)) n++;
    return n;
  }
}

/** Loads the calendar with the database's overrides. */
export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  const rows = await db.selectFrom('calendar_overrides').select(['day', 'kind', 'reason']).execute();
  return new WorkCalendar(rows);
}

/** A pause of a running period (e.g. 行政复议 中止): the clock stops on `from` and resumes after `to`. */
export interface Pause {
  from: Day;
  to: Day;
  reason?: string;
}

/**
 * What a deadline is computed from. Stored with the deadline so it can be recomputed when the
 * calendar changes and explained to the user.
 * - WD: n working days after `from` (start day excluded; 行政复议法(2023) 第88条, 行政处罚法 第85条).
 * - ND: n natural days after `from` (民法典 第201条: start day excluded).
 * - M: n months after `from` (民法典 第202条).
 * With `rollOver` (ND/M), a last day that is not a working day moves to the next working day
 * (民法典 第203条; 民事诉讼法 第85条; 行诉解释 第48条).
 */
export interface DeadlineSpec {
  from: Day;
  unit: 'WD' | 'ND' | 'M';
  n: number;
  rollOver?: boolean;
  /** Periods during which the clock stopped; the deadline moves by the length of each. */
  pauses?: Pause[];
  /** Additional period granted (e.g. one extension of ≤30 days), same unit rules. */
  extension?: { unit: 'WD' | 'ND'; n: number; reason?: string };
}

/** A computed deadline with the trace of how it was computed. */
export interface Computed {
  due: Day;
  provisional: boolean;
  /** Step-by-step explanation in zh and en. */
  explain: { zh: string; en: string };
  /** Machine trace stored with the deadline. */
  trace: {
    spec: DeadlineSpec;
    base: Day;
    rolledFrom?: Day;
    pausedDays: number;
    skipped: { date: Day; name?: string }[];
    calendarCoveredUntil: number;
  };
}

function unitZh(u: DeadlineSpec['unit'], n: number) {
  return u === 'WD' ? `${n}个工作日` : u === 'ND' ? `${n}日` : `${n}个月`;
}
function unitEn(u: DeadlineSpec['unit'], n: number) {
  return u === 'WD' ? `${n} working days` : u === 'ND' ? `${n} days` : `${n} months`;
}

/** Computes a deadline from its spec on the given calendar. */
export function computeDeadline(cal: WorkCalendar, spec: DeadlineSpec): Computed {
  const skipped: { date: Day; name?: string }[] = [];
  let due: Day;
  if (spec.unit === 'WD') {
    due = cal.addWorkdays(spec.from, spec.n);
  } else if (spec.unit === 'ND') {
    due = addDays(spec.from, spec.n);
  } else {
    due = addMonths(spec.from, spec.n);
  }
  const base = due;
  if (spec.unit === 'WD') {
    for (let d = addDays(spec.from, 1); d <= due; d = addDays(d, 1)) {
      const info = cal.day(d);
      if (!info.workday && info.kind !== 'weekend') skipped.push({ date: d, name: info.name });
    }
  }
  let pausedDays = 0;
  for (const p of spec.pauses ?? []) {
    const len = spec.unit === 'WD' ? cal.workdaysBetween(addDays(p.from, -1), p.to) : daysBetween(p.from, p.to) + 1;
    pausedDays += len;
    due = spec.unit === 'WD' ? cal.addWorkdays(due, len) : addDays(due, len);
  }
  if (spec.extension) {
    due = spec.extension.unit === 'WD' ? cal.addWorkdays(due, spec.extension.n) : addDays(due, spec.extension.n);
  }
  let rolledFrom: Day | undefined;
  if (spec.rollOver && !cal.isWorkday(due)) {
    rolledFrom = due;
    due = cal.nextWorkdayOnOrAfter(due);
  }
  const covered = lastCoveredYear();
  const provisional = Number(due.slice(0, 4)) > covered;
  // n = 0: a date fixed by a plan or decision (not a period counted from an event).
  const zh: string[] = [spec.n === 0 ? `确定的期限为${base}` : `自${spec.from}次日起算${unitZh(spec.unit, spec.n)}，届满日${base}`];
  const en: string[] = [spec.n === 0 ? `Date fixed: ${base}` : `${unitEn(spec.unit, spec.n)} counted from the day after ${spec.from}: ${base}`];
  if (skipped.length) {
    zh.push(`（不计节假日${skipped.length}天）`);
    en.push(` (${skipped.length} holiday days not counted)`);
  }
  if (pausedDays) {
    zh.push(`；中止期间${pausedDays}${spec.unit === 'WD' ? '个工作日' : '日'}不计入`);
    en.push(`; ${pausedDays} ${spec.unit === 'WD' ? 'working days' : 'days'} paused`);
  }
  if (spec.extension) {
    zh.push(`；延长${spec.extension.n}${spec.extension.unit === 'WD' ? '个工作日' : '日'}`);
    en.push(`; extended by ${spec.extension.n} ${spec.extension.unit === 'WD' ? 'working days' : 'days'}`);
  }
  if (rolledFrom) {
    // A Saturday or Sunday is a 休息日; a public holiday (and its bridging days) a 法定休假日 (民法典 第二百零三条 says 法定休假日).
    const info = cal.day(rolledFrom);
    const weekend = info.kind === 'weekend';
    zh.push(`；${rolledFrom}为${weekend ? '休息日' : `法定休假日${info.name ? `（${info.name}）` : ''}`}，顺延至${due}`);
    en.push(`; ${rolledFrom} is a ${weekend ? 'weekend day' : 'public holiday'}, moved to ${due}`);
  }
  if (provisional) {
    zh.push(`（${due.slice(0, 4)}年节假日安排尚未发布，暂按周一至周五计算）`);
    en.push(` (the ${due.slice(0, 4)} holiday schedule is not yet published; Mon–Fri assumed)`);
  }
  return {
    due,
    provisional,
    explain: { zh: zh.join(''), en: en.join('') },
    trace: { spec, base, rolledFrom, pausedDays, skipped, calendarCoveredUntil: covered },
  };
}
