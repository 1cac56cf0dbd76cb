import { describe, expect, it } from 'vitest';
import { WorkCalendar, computeDeadline } from '../../core/calendar/index.js';
import * as clocks from './clocks.js';

const cal = new WorkCalendar();
const due = (c: clocks.Clock) => computeDeadline(cal, c.spec).due;

describe('reconsideration clocks on hand-computed dates', () => {
  it('ends the 5-working-day acceptance review after the extended 2020 Spring Festival', () => {
    // Received Mon 2020-01-20: 01-21=1, 01-22=2, 01-23=3, (01-24…02-02 off, extended), 02-03=4, 02-04=5.
    expect(due(clocks.acceptanceReview('2017', '2020-01-20'))).toBe('2020-02-04');
  });

  it('counts the 调休 working Sunday 2020-01-19 in the acceptance review', () => {
    // Received Thu 2020-01-16: 01-17=1, 01-19 (Sun, 调休上班)=2, 01-20=3, 01-21=4, 01-22=5.
    expect(due(clocks.acceptanceReview('2023', '2020-01-16'))).toBe('2020-01-22');
  });

  it('counts the 调休 working Saturday 2020-10-10', () => {
    // Received Fri 2020-10-09: 10-10 (Sat, 调休上班)=1, 10-12=2, 10-13=3, 10-14=4, 10-15=5.
    expect(due(clocks.acceptanceReview('2017', '2020-10-09'))).toBe('2020-10-15');
  });

  it('sends the copy 7 working days after acceptance across National Day 2020', () => {
    // Accepted Fri 2020-09-25: 09-27 (Sun, 调休)=1, 09-28=2, 09-29=3, 09-30=4, (10-01…10-08 off), 10-09=5, 10-10 (Sat, 调休)=6, 10-12=7.
    expect(due(clocks.copyToRespondent('2017', 'ordinary', '2020-09-25'))).toBe('2020-10-12');
    // Simplified (2023 law): 3 working days: 09-27=1, 09-28=2, 09-29=3.
    expect(due(clocks.copyToRespondent('2023', 'simplified', '2020-09-25'))).toBe('2020-09-29');
  });

  it('counts the respondent answer in natural days under the 2017 law and in working days under the 2023 law', () => {
    // 2017 第23条 十日 = natural days: 2020-09-22 + 10 = 10-02 (holiday) → first working day 10-09.
    const old = computeDeadline(cal, clocks.respondentAnswer('2017', 'ordinary', '2020-09-22').spec);
    expect(old.trace.base).toBe('2020-10-02');
    expect(old.due).toBe('2020-10-09');
    // 2023 第48条 十日 = working days: 09-23=1, 09-24=2, 09-25=3, 09-27=4, 09-28=5, 09-29=6, 09-30=7, 10-09=8, 10-10=9, 10-12=10.
    expect(due(clocks.respondentAnswer('2023', 'ordinary', '2020-09-22'))).toBe('2020-10-12');
    // 2023 第54条 simplified 五日: 09-23, 09-24, 09-25, 09-27, 09-28.
    expect(due(clocks.respondentAnswer('2023', 'simplified', '2020-09-22'))).toBe('2020-09-28');
  });

  it('gives the decision 60 days from a deemed acceptance and rolls over 清明 2020', () => {
    // Deemed accepted 2020-02-04: Feb 5–29 = 25, March = 31 (56), April 1–4 = 60 → 2020-04-04 (Sat, 清明 04-04…04-06) → 04-07.
    const c = computeDeadline(cal, clocks.decision('2017', 'ordinary', '2020-02-04').spec);
    expect(c.trace.base).toBe('2020-04-04');
    expect(c.due).toBe('2020-04-07');
  });

  it('moves the decision by a suspension and by the one extension', () => {
    // Accepted 2020-03-02: +60 = 2020-05-01. Suspended 03-10, resumed 03-20: paused 03-10…03-19 = 10 days → 05-11 (Mon).
    const paused = clocks.decision('2017', 'ordinary', '2020-03-02', [{ from: '2020-03-10', to: '2020-03-19' }]);
    expect(computeDeadline(cal, paused.spec).due).toBe('2020-05-11');
    // Without the pause 05-01 is Labour Day (05-01…05-05) → 05-06.
    expect(due(clocks.decision('2017', 'ordinary', '2020-03-02'))).toBe('2020-05-06');
    // Extended by 30 days: 05-11 + 30 = 06-10 (Wed).
    const ext = computeDeadline(cal, clocks.decision('2017', 'ordinary', '2020-03-02', [{ from: '2020-03-10', to: '2020-03-19' }], 30).spec);
    expect(ext.due).toBe('2020-06-10');
    expect(ext.explain.zh).toContain('中止期间10日不计入');
    expect(ext.explain.zh).toContain('延长30日');
  });

  it('gives a simplified case 30 days (2023 第62条第二款)', () => {
    // 2020-09-01 + 30 = 10-01 (National Day) → 10-09.
    expect(due(clocks.decision('2023', 'simplified', '2020-09-01'))).toBe('2020-10-09');
  });

  it('checks the 60-day application period and rolls it over National Day', () => {
    // Knew 2020-08-03: Aug 4–31 = 28, September = 30 (58), 10-01, 10-02 = 60 → 10-02 (holiday) → 10-09.
    const p = clocks.applicationPeriod(cal, { lawVersion: '2017', knewDate: '2020-08-03', informedOfRights: true, immovable: false });
    expect(p.due).toBe('2020-10-09');
    expect(p.basis).toContain('第九条');
  });

  it('caps the period at one year when the applicant was not informed of the right (2023 第20条第二款)', () => {
    const p = clocks.applicationPeriod(cal, { lawVersion: '2023', knewDate: '2020-03-15', informedOfRights: false, rightsKnownDate: '2021-02-20', immovable: false });
    // From rights known 2021-02-20 + 60 = 2021-04-21, but at most one year from 2020-03-15 = 2021-03-15.
    expect(p.due).toBe('2021-03-15');
  });

  it('gives the applicant 10 working days to correct under the 2023 law, and the notice period in natural days under 2017', () => {
    // Notice received Wed 2020-09-23: 09-24=1, 09-25=2, 09-27=3, 09-28=4, 09-29=5, 09-30=6, 10-09=7, 10-10=8, 10-12=9, 10-13=10.
    expect(due(clocks.correctionSupply('2023', '2020-09-23'))).toBe('2020-10-13');
    // 2017: 10 natural days → 10-03 (holiday) → 10-09.
    expect(due(clocks.correctionSupply('2017', '2020-09-23'))).toBe('2020-10-09');
  });

  it('gives an opinion letter 60 days for the compliance report', () => {
    expect(due(clocks.opinionCompliance('2017', '2020-08-03'))).toBe('2020-10-09');
  });
});

describe('litigation clocks on hand-computed dates', () => {
  it('sets the defence 15 days after the complaint copy, the highest priority, rolled over holidays', () => {
    const d = clocks.defence('2020-09-20');
    expect(d.priority).toBe(clocks.DEFENCE_PRIORITY);
    // 09-20 + 15 = 10-05 (National Day) → 10-09.
    expect(due(d)).toBe('2020-10-09');
    // 01-10 + 15 = 01-25 (Spring Festival, extended to 02-02) → 02-03.
    expect(due(clocks.defence('2020-01-10'))).toBe('2020-02-03');
    // No holiday: 2020-06-01 + 15 = 06-16 (Tue).
    expect(due(clocks.defence('2020-06-01'))).toBe('2020-06-16');
    expect(d.basis).toContain('第六十七条');
  });

  it('gives 15 days to appeal a judgment and 10 a ruling (第85条)', () => {
    expect(due(clocks.appealDecision('judgment', '2020-09-16'))).toBe('2020-10-09'); // 10-01 → 10-09
    expect(due(clocks.appealDecision('ruling', '2020-09-21'))).toBe('2020-10-09'); // 10-01 → 10-09
    expect(due(clocks.appealDecision('judgment', '2020-06-10'))).toBe('2020-06-28'); // 06-25 端午 → 06-26, 06-27 off → 06-28 (Sun, 调休上班)
  });

  it('gives 6 months to apply for retrial (行诉解释 第110条)', () => {
    expect(due(clocks.retrialPeriod('2020-04-08'))).toBe('2020-10-09'); // 10-08 holiday → 10-09
  });
});
