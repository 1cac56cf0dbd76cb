import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/calendar/index.js';
import { deriveStatus, factsOf, obligationsOf, periodEnds, type RuleEntry } from './rules.js';
import { rollUp } from './service.js';

const cal = new WorkCalendar();
const at = (s: string) => new Date(`${s}T10:00:00+08:00`);
const entry = (id: string, entryDate: string, review: RuleEntry['review'], claimedStatus: RuleEntry['claimedStatus'] = 'in_progress', created = entryDate): RuleEntry => ({ id, entryDate, review, claimedStatus, createdAt: at(created) });

describe('deadlines of tasks across holidays', () => {
  it('moves a completion date on National Day 2020 to the first working day after the holiday (10-09)', () => {
    const f = factsOf({ year: 2020, recurrence: 'none', dueDate: '2020-10-01', published: true }, [], cal);
    expect(f.currentDue).toBe('2020-10-09');
  });
  it('moves a completion date in the extended 2020 Spring Festival (01-31) to 02-03', () => {
    const f = factsOf({ year: 2020, recurrence: 'none', dueDate: '2020-01-31', published: true }, [], cal);
    expect(f.currentDue).toBe('2020-02-03');
  });
  it('keeps a date that is a 调休 working Sunday (2020-06-28)', () => {
    expect(factsOf({ year: 2020, recurrence: 'none', dueDate: '2020-06-28', published: true }, [], cal).currentDue).toBe('2020-06-28');
  });
});

describe('derived status', () => {
  const base = { year: 2020, recurrence: 'none' as const, dueDate: '2020-10-01', published: true };
  it('is due soon up to the moved deadline and overdue the day after it', () => {
    const f = factsOf(base, [], cal);
    expect(deriveStatus(f, '2020-09-30')).toBe('not_started'); // 10-09 is 9 days away
    expect(deriveStatus(f, '2020-10-06')).toBe('due_soon'); // 10-09 ≤ 10-06 + 3
    expect(deriveStatus(f, '2020-10-09')).toBe('due_soon'); // the last day itself is still in time
    expect(deriveStatus(f, '2020-10-10')).toBe('overdue');
  });
  it('is in progress with a pending entry, returned when the latest entry was returned, done once completion is accepted', () => {
    const e1 = entry('a', '2020-05-01', 'accepted');
    expect(deriveStatus(factsOf(base, [e1], cal), '2020-06-01')).toBe('in_progress');
    const e2 = entry('b', '2020-06-01', 'returned', 'done');
    expect(deriveStatus(factsOf(base, [e1, e2], cal), '2020-06-02')).toBe('returned');
    // returned but also past the deadline: overdue outranks returned
    expect(deriveStatus(factsOf(base, [e1, e2], cal), '2020-10-12')).toBe('overdue');
    const e2fixed = { ...e2, review: 'pending' as const, createdAt: at('2020-06-03') };
    expect(deriveStatus(factsOf(base, [e1, e2fixed], cal), '2020-06-04')).toBe('in_progress'); // a claimed completion is not done until accepted
    const e2ok = { ...e2fixed, review: 'accepted' as const };
    const f = factsOf(base, [e1, e2ok], cal);
    expect(f.doneDate).toBe('2020-06-01');
    expect(f.currentDue).toBeNull();
    expect(deriveStatus(f, '2021-01-01')).toBe('done');
  });
  it('is not started in a draft plan whatever the date', () => {
    expect(deriveStatus(factsOf({ ...base, published: false }, [], cal), '2021-01-01')).toBe('not_started');
  });
});

describe('recurring tasks', () => {
  it('has one period per quarter ending on the quarter ends', () => {
    expect(periodEnds(2020, 'quarterly', '2020-12-31')).toEqual(['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31']);
    expect(periodEnds(2020, 'monthly', '2020-03-31')).toEqual(['2020-01-31', '2020-02-29', '2020-03-31']);
  });
  it('matches each report to the period it names, a late report meeting its period late, and points the deadline at the first unreported period', () => {
    const task = { year: 2020, recurrence: 'quarterly' as const, dueDate: '2020-12-31' };
    const late = { ...entry('late', '2020-07-05', 'pending'), periodEnd: '2020-06-30' };
    const es = [entry('q1', '2020-03-20', 'accepted'), late, entry('bad', '2020-07-06', 'returned', 'in_progress', '2020-07-06')];
    const ob = obligationsOf(task, es, cal);
    expect(ob.map((o) => [o.due, o.metOn])).toEqual([
      ['2020-03-31', '2020-03-20'],
      ['2020-06-30', '2020-07-05'], // Q2 met late by the July report that says it is Q2's; the returned entry does not count
      ['2020-09-30', null],
      ['2020-12-31', null],
    ]);
    const f = factsOf({ ...task, published: true }, es, cal);
    expect(f.currentDue).toBe('2020-09-30');
    expect(f.latestReview).toBe('returned');
    expect(f.activeEntries).toBe(2);
    expect(deriveStatus(f, '2020-10-01')).toBe('overdue');
  });
  it('counts a quarterly task\'s 12-28 report for Q4 on time, not as a late Q3 report (issue 15)', () => {
    // Q1 03-30, Q2 06-29, nothing for Q3, then 12-28 with no period named: the period containing
    // 12-28 is Q4 (10-01..12-31, due 12-31, a Thursday): Q4 met on time, Q3 unmet.
    const task = { year: 2020, recurrence: 'quarterly' as const, dueDate: '2020-12-31' };
    const es = [entry('q1', '2020-03-30', 'accepted'), entry('q2', '2020-06-29', 'accepted'), entry('dec', '2020-12-28', 'pending')];
    const ob = obligationsOf(task, es, cal);
    expect(ob.map((o) => [o.periodEnd, o.due, o.metOn])).toEqual([
      ['2020-03-31', '2020-03-31', '2020-03-30'],
      ['2020-06-30', '2020-06-30', '2020-06-29'],
      ['2020-09-30', '2020-09-30', null],
      ['2020-12-31', '2020-12-31', '2020-12-28'],
    ]);
    // On time per period: 3 of 4 periods met by their deadline (Q3 missed).
    expect(ob.filter((o) => o.metOn && o.metOn <= o.due).length).toBe(3);
    // Two reports for the same period meet it once, on the earlier date; the other period stays unmet.
    const twice = obligationsOf(task, [entry('a', '2020-11-02', 'pending'), entry('b', '2020-12-01', 'accepted')], cal);
    expect(twice.map((o) => o.metOn)).toEqual([null, null, null, '2020-11-02']);
    // A Q3 report filed on National Day's next working day (10-09) for Q3 meets Q3 late (due 09-30).
    const q3late = obligationsOf(task, [{ ...entry('c', '2020-10-09', 'pending'), periodEnd: '2020-09-30' }], cal);
    expect(q3late[2]).toMatchObject({ due: '2020-09-30', metOn: '2020-10-09' });
  });
  it('moves a monthly period end on a holiday to the next working day: 2020-01-31 (Spring Festival) is due 02-03', () => {
    const task = { year: 2020, recurrence: 'monthly' as const, dueDate: '2020-03-31' };
    const ob = obligationsOf(task, [entry('jan', '2020-02-03', 'pending')], cal);
    // 02-03 falls in February's period by date (February ends Saturday 02-29: due Monday 03-02);
    // named for January it meets January on its (moved) last day.
    expect(ob.map((o) => [o.due, o.metOn])).toEqual([['2020-02-03', null], ['2020-03-02', '2020-02-03'], ['2020-03-31', null]]);
    const named = obligationsOf(task, [{ ...entry('jan', '2020-02-03', 'pending'), periodEnd: '2020-01-31' }], cal);
    expect(named[0]).toMatchObject({ due: '2020-02-03', metOn: '2020-02-03' });
  });
});

describe('roll-up', () => {
  it('counts done tasks over all tasks and is complete only when every task is done', () => {
    expect(rollUp(['done', 'done', 'overdue', 'in_progress'])).toEqual({ total: 4, done: 2, overdue: 1, complete: false, progress: 50 });
    expect(rollUp(['done', 'done'])).toMatchObject({ complete: true, progress: 100 });
    expect(rollUp([])).toMatchObject({ complete: false, progress: null });
  });
});
