// The SLA escalation ladder as of any date: due dates land on school days, each stage starts on
// the right day (before / on / after each boundary, across a half term and a holiday), and a
// return recorded after a chase stops further chasing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSchoolCalendar, dayNumber, isoFromDayNumber } from '../../../../main/services/calendar/schoolDays.ts';
import { dueDate, ladder, replyBy, slaPosition } from '../../../../main/services/sla/ladder.ts';
import { YEARS } from '../calendar/fixture.ts';

const cal = buildSchoolCalendar(YEARS);
const GAP = 3;

describe('due dates', () => {
  it.each([
    ['2025-10-17', 5, '2025-10-24', 'a plain week'],
    ['2025-10-21', 5, '2025-11-04', 'across the October half term'],
    ['2025-12-12', 5, '2025-12-19', 'the last day of term'],
    ['2025-12-15', 5, '2026-01-06', 'across Christmas and the INSET day'],
    ['2025-12-20', 5, '2026-01-12', 'closing on a Saturday in the holiday'],
    ['2026-04-28', 5, '2026-05-06', 'across the bank holiday'],
    ['2026-02-25', 3, '2026-03-03', 'across the closure day'],
    ['2025-10-24', 0, '2025-10-24', 'due the day the window closes'],
    ['2025-10-25', 0, '2025-11-03', 'due "the same day" on a holiday: the next school day'],
  ])('closing %s, due %i school days later: %s (%s)', (close, n, expected) => {
    expect(dueDate(cal, close, n)).toBe(expected);
  });

  it('always land on a school day', () => {
    const date = fc.integer({ min: dayNumber('2025-08-01'), max: dayNumber('2027-03-01') }).map(isoFromDayNumber);
    fc.assert(fc.property(date, fc.integer({ min: 0, max: 30 }), (close, n) => {
      const due = dueDate(cal, close, n);
      expect(cal.isSchoolDay(due)).toBe(true);
      expect(due >= close).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('the ladder as of any date', () => {
  // Due Wednesday 22/10/2025; stage 1 from Thursday 23/10; stage 2 three school days later
  // (24/10, then half term, 03/11, 04/11) on 04/11; stage 3 on 07/11.
  const DUE = '2025-10-22';

  it('has its stage dates on school days, with the gap in school days', () => {
    expect(ladder(cal, DUE, GAP)).toEqual({ dueOn: DUE, stage1On: '2025-10-23', stage2On: '2025-11-04', stage3On: '2025-11-07' });
  });

  it.each([
    ['2025-10-21', 'not_due', 0, 0, null],
    ['2025-10-22', 'due', 0, 0, '2025-10-23'],
    ['2025-10-23', 'late', 1, 1, '2025-11-04'],
    ['2025-10-24', 'late', 1, 2, '2025-11-04'],
    ['2025-10-25', 'late', 1, 2, '2025-11-04'],
    ['2025-10-29', 'late', 1, 2, '2025-11-04'],
    ['2025-11-03', 'late', 1, 3, '2025-11-04'],
    ['2025-11-04', 'late', 2, 4, '2025-11-07'],
    ['2025-11-06', 'late', 2, 6, '2025-11-07'],
    ['2025-11-07', 'late', 3, 7, null],
    ['2025-12-01', 'late', 3, 23, null],
  ] as const)('as of %s: %s, stage %i, %i school days overdue, next stage %s', (asOf, state, stage, overdue, next) => {
    const p = slaPosition(cal, { dueOn: DUE, returnedOn: null }, asOf, GAP);
    expect({ state: p.state, stage: p.stage, overdue: p.schoolDaysOverdue, next: p.nextStageOn }).toEqual({ state, stage, overdue, next });
  });

  it('stays "due" over a holiday until the first school day after the due date', () => {
    // Due on the last day of the autumn term: stage 1 only from 06/01 (05/01 is an INSET day).
    const due = '2025-12-19';
    expect(slaPosition(cal, { dueOn: due, returnedOn: null }, '2025-12-22', GAP)).toMatchObject({ state: 'due', stage: 0 });
    expect(slaPosition(cal, { dueOn: due, returnedOn: null }, '2026-01-05', GAP)).toMatchObject({ state: 'due', stage: 0 });
    expect(slaPosition(cal, { dueOn: due, returnedOn: null }, '2026-01-06', GAP)).toMatchObject({ state: 'late', stage: 1, schoolDaysOverdue: 1 });
    expect(ladder(cal, due, GAP)).toMatchObject({ stage2On: '2026-01-09', stage3On: '2026-01-14' });
  });

  it('follows a different gap', () => {
    expect(ladder(cal, DUE, 1)).toEqual({ dueOn: DUE, stage1On: '2025-10-23', stage2On: '2025-10-24', stage3On: '2025-11-03' });
    expect(slaPosition(cal, { dueOn: DUE, returnedOn: null }, '2025-10-31', 1)).toMatchObject({ stage: 2 });
  });

  it('a stage never goes down as the date moves on, and only changes on school days', () => {
    let previous = 0;
    for (let d = dayNumber('2025-10-01'); d <= dayNumber('2026-02-01'); d++) {
      const iso = isoFromDayNumber(d);
      const { stage } = slaPosition(cal, { dueOn: DUE, returnedOn: null }, iso, GAP);
      expect(stage).toBeGreaterThanOrEqual(previous);
      if (stage !== previous) expect(cal.isSchoolDay(iso)).toBe(true);
      previous = stage;
    }
  });
});

describe('a return stops the chasing', () => {
  const DUE = '2025-10-22';

  it('from the day it is recorded, whatever stage had been reached', () => {
    const returned = '2025-11-05'; // recorded during stage 2
    expect(slaPosition(cal, { dueOn: DUE, returnedOn: returned }, '2025-11-04', GAP)).toMatchObject({ state: 'late', stage: 2 });
    for (const asOf of ['2025-11-05', '2025-11-07', '2026-03-01']) {
      expect(slaPosition(cal, { dueOn: DUE, returnedOn: returned }, asOf, GAP)).toMatchObject({
        state: 'returned', stage: 0, nextStageOn: null, schoolDaysOverdue: 0, returnedLate: true,
      });
    }
  });

  it('and an on-time return was never late', () => {
    expect(slaPosition(cal, { dueOn: DUE, returnedOn: '2025-10-20' }, '2025-12-01', GAP)).toMatchObject({ state: 'returned', returnedLate: false });
    expect(slaPosition(cal, { dueOn: DUE, returnedOn: DUE }, DUE, GAP)).toMatchObject({ state: 'returned', returnedLate: false });
  });
});

describe('reply-by dates', () => {
  it.each([
    ['2025-10-23', '2025-11-04'],
    ['2025-12-17', '2026-01-06'],
    ['2025-10-25', '2025-11-05'],
  ])('a letter on %s asks for a reply by %s', (asOf, expected) => {
    expect(replyBy(cal, asOf, GAP)).toBe(expected);
    expect(cal.isSchoolDay(expected)).toBe(true);
  });
});
