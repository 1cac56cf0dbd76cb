import { describe, expect, it } from 'vitest';
import { WorkCalendar, computeDeadline, addMonths, lastCoveredYear } from './index.js';

const cal = new WorkCalendar();

describe('working-day calendar (chinese-days + overrides)', () => {
  it('treats the 2020 National Day / Mid-Autumn break as holidays and the 调休 days as workdays', () => {
    for (const d of ['2020-10-01', '2020-10-02', '2020-10-05', '2020-10-08']) expect(cal.isWorkday(d)).toBe(false);
    expect(cal.day('2020-09-27').kind).toBe('makeup'); // Sunday worked
    expect(cal.day('2020-10-10').kind).toBe('makeup'); // Saturday worked
    expect(cal.isWorkday('2020-10-09')).toBe(true);
  });

  it('counts 20 working days from 2020-09-25 to 2020-10-29 across National Day (hand-computed)', () => {
    // 09-27(Sun, makeup)=1, 09-28=2, 09-29=3, 09-30=4, 10-09=5, 10-10(Sat, makeup)=6, 10-12..16=7..11,
    // 10-19..23=12..16, 10-26..29=17..20.
    expect(cal.addWorkdays('2020-09-25', 20)).toBe('2020-10-29');
  });

  it('skips the extended 2020 Spring Festival (01-24 … 02-02)', () => {
    // 5 working days after 2020-01-22: 01-23=1, (01-24..02-02 off), 02-03=2, 02-04=3, 02-05=4, 02-06=5.
    expect(cal.addWorkdays('2020-01-22', 5)).toBe('2020-02-06');
    const c = computeDeadline(cal, { from: '2020-01-22', unit: 'WD', n: 5 });
    expect(c.due).toBe('2020-02-06');
    expect(c.trace.skipped.length).toBeGreaterThanOrEqual(8);
  });

  it('rolls a natural-day period ending on a holiday to the next working day (民法典 第203条)', () => {
    // 15 days after 2020-09-20 is 2020-10-05 (holiday) → 2020-10-09.
    const c = computeDeadline(cal, { from: '2020-09-20', unit: 'ND', n: 15, rollOver: true });
    expect(c.trace.base).toBe('2020-10-05');
    expect(c.due).toBe('2020-10-09');
    expect(c.explain.zh).toContain('顺延至2020-10-09');
  });

  it('does not roll over a natural-day period without rollOver', () => {
    expect(computeDeadline(cal, { from: '2020-09-20', unit: 'ND', n: 15 }).due).toBe('2020-10-05');
  });

  it('ends month periods on the corresponding day or the month end (民法典 第202条)', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2020-03-15', 6)).toBe('2020-09-15');
  });

  it('adds the length of a suspension and an extension', () => {
    // 60 days after 2020-03-01 = 2020-04-30; paused 10 days (04-01..04-10) → 05-10; +30 → 06-09.
    const c = computeDeadline(cal, { from: '2020-03-01', unit: 'ND', n: 60, pauses: [{ from: '2020-04-01', to: '2020-04-10' }], extension: { unit: 'ND', n: 30 } });
    expect(c.trace.pausedDays).toBe(10);
    expect(c.due).toBe('2020-06-09');
  });

  it('lets a local override turn a workday into a holiday and vice versa', () => {
    const local = new WorkCalendar([{ day: '2020-10-09', kind: 'holiday', reason: '本地调整' }, { day: '2020-10-11', kind: 'workday', reason: '本地补班' }]);
    expect(local.isWorkday('2020-10-09')).toBe(false);
    expect(local.isWorkday('2020-10-11')).toBe(true);
    // 2 working days after 2020-10-08: 10-10 (makeup) and 10-11 (override).
    expect(local.addWorkdays('2020-10-08', 2)).toBe('2020-10-11');
  });

  it('marks deadlines in years the national data does not cover as provisional', () => {
    const y = lastCoveredYear();
    const c = computeDeadline(cal, { from: `${y}-12-20`, unit: 'WD', n: 15 });
    expect(c.provisional).toBe(true);
    expect(c.explain.zh).toContain('暂按周一至周五计算');
    expect(computeDeadline(cal, { from: '2020-03-02', unit: 'WD', n: 5 }).provisional).toBe(false);
  });
});
