// The school-day calendar: every deadline in the app is counted in these days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays, buildSchoolCalendar, dayNumber, isoFromDayNumber,
} from '../../../../main/services/calendar/schoolDays.ts';
import { YEARS } from './fixture.ts';

const cal = buildSchoolCalendar(YEARS);

describe('isSchoolDay', () => {
  it.each([
    ['2025-09-01', false, 'INSET day on the first day of term'],
    ['2025-09-02', false, 'second INSET day'],
    ['2025-09-03', true, 'first day with pupils'],
    ['2025-09-06', false, 'Saturday'],
    ['2025-09-07', false, 'Sunday'],
    ['2025-10-24', true, 'Friday before half term'],
    ['2025-10-27', false, 'October half term (Monday)'],
    ['2025-10-31', false, 'October half term (Friday)'],
    ['2025-11-03', true, 'back after half term'],
    ['2025-12-19', true, 'last day of the autumn term'],
    ['2025-12-22', false, 'Christmas holiday (between terms)'],
    ['2026-01-05', false, 'INSET day starting the spring term'],
    ['2026-01-06', true, 'first spring day with pupils'],
    ['2026-02-16', false, 'February half term'],
    ['2026-03-02', false, 'closure day (polling station)'],
    ['2026-04-06', false, 'Easter holiday'],
    ['2026-04-13', true, 'first day of the summer term'],
    ['2026-05-04', false, 'early May bank holiday'],
    ['2026-05-25', false, 'May half term'],
    ['2026-07-22', true, 'last day of the year'],
    ['2026-07-23', false, 'summer holiday'],
    ['2026-08-31', false, 'last day of the academic year (holiday)'],
    ['2026-09-01', false, 'new academic year, before term starts'],
    ['2026-09-02', false, 'INSET day of the new year'],
    ['2026-09-03', true, 'first day of the new year with pupils'],
    ['2026-10-26', false, 'half term of the new year'],
    ['2026-12-18', true, 'last configured day'],
    ['2027-01-04', true, 'after the configured terms: weekdays assumed'],
    ['2027-01-09', false, 'after the configured terms: Saturday'],
    ['2024-06-03', true, 'before any configured year: weekdays assumed'],
    ['2024-06-01', false, 'before any configured year: Saturday'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(cal.isSchoolDay(date)).toBe(expected);
  });
});

describe('addSchoolDays', () => {
  it.each([
    ['2025-10-23', 1, '2025-10-24', 'Thursday + 1: Friday'],
    ['2025-10-23', 2, '2025-11-03', 'skips the half-term week and the weekend'],
    ['2025-10-24', 0, '2025-10-24', 'n = 0 on a school day: that day'],
    ['2025-10-25', 0, '2025-11-03', 'n = 0 in the holiday: the next school day'],
    ['2025-10-27', 1, '2025-11-03', 'counting from inside half term'],
    ['2025-12-18', 2, '2026-01-06', 'across Christmas and the INSET day'],
    ['2026-02-27', 1, '2026-03-03', 'skips the closure day'],
    ['2026-03-27', 1, '2026-04-13', 'across the Easter holiday'],
    ['2026-04-30', 2, '2026-05-05', 'skips the bank holiday'],
    ['2026-07-21', 2, '2026-09-03', 'across the summer and the year boundary'],
    ['2026-08-31', 1, '2026-09-03', 'from the last day of one year into the next'],
    ['2025-09-01', 5, '2025-09-09', 'from an INSET day'],
    ['2025-11-03', -1, '2025-10-24', 'backwards across half term'],
    ['2026-01-06', -1, '2025-12-19', 'backwards across Christmas'],
    ['2026-12-18', 1, '2026-12-21', 'past the configured calendar: weekdays'],
    ['2024-06-07', 1, '2024-06-10', 'before any configured year: weekdays'],
  ])('%s + %i school days = %s (%s)', (from, n, expected) => {
    expect(cal.addSchoolDays(from, n)).toBe(expected);
  });

  it('rejects a fractional count and a malformed date', () => {
    expect(() => cal.addSchoolDays('2025-10-23', 1.5)).toThrow(RangeError);
    expect(() => cal.addSchoolDays('23/10/2025', 1)).toThrow(RangeError);
    expect(() => cal.addSchoolDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('schoolDaysBetween', () => {
  it.each([
    ['2025-10-23', '2025-11-03', 2],
    ['2025-11-03', '2025-10-23', -2],
    ['2025-10-24', '2025-10-24', 0],
    ['2025-12-19', '2026-01-06', 1],
    ['2025-10-25', '2025-11-02', 0],
    // Autumn 2025: 16 weeks less half term (15 weeks = 75 weekdays) less 2 INSET days, counted after 31/08.
    ['2025-08-31', '2025-12-19', 73],
    // Into the unconfigured part: 18/12 is the last configured day, then Mon–Fri 21–25/12 assumed.
    ['2026-12-17', '2026-12-25', 6],
  ])('(%s, %s] has %i school days', (a, b, n) => {
    expect(cal.schoolDaysBetween(a, b)).toBe(n);
  });
});

describe('coverage flag', () => {
  it('says whether weekdays had to be assumed', () => {
    expect(cal.hasYears).toBe(true);
    expect(cal.isConfigured('2025-09-01', '2026-08-31')).toBe(true);
    expect(cal.isConfigured('2026-07-01', '2026-09-10')).toBe(true);
    expect(cal.isConfigured('2026-12-18')).toBe(true);
    expect(cal.isConfigured('2026-12-01', '2027-01-10')).toBe(false);
    expect(cal.isConfigured('2024-06-01')).toBe(false);
  });

  it('with no years configured, counts weekdays and says so', () => {
    const none = buildSchoolCalendar([]);
    expect(none.hasYears).toBe(false);
    expect(none.isConfigured('2025-10-27')).toBe(false);
    expect(none.isSchoolDay('2025-10-27')).toBe(true);
    expect(none.addSchoolDays('2025-10-24', 1)).toBe('2025-10-27');
    expect(none.schoolDaysBetween('2025-10-24', '2025-11-07')).toBe(10);
  });

  it('treats a year with no terms entered as not configured', () => {
    const empty = buildSchoolCalendar([{ startDate: '2025-09-01', endDate: '2026-08-31', terms: [], closures: [] }]);
    expect(empty.hasYears).toBe(false);
    expect(empty.isSchoolDay('2025-12-24')).toBe(true);
  });
});

describe('properties (against a day-by-day count)', () => {
  const first = dayNumber('2024-01-01');
  const last = dayNumber('2027-12-31');
  const date = fc.integer({ min: first, max: last }).map(isoFromDayNumber);
  const bruteBetween = (a: string, b: string): number => {
    let n = 0;
    for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) if (cal.isSchoolDay(d)) n++;
    return n;
  };

  it('addSchoolDays always lands on a school day, n school days later', () => {
    fc.assert(fc.property(date, fc.integer({ min: -40, max: 40 }), (d, n) => {
      const r = cal.addSchoolDays(d, n);
      expect(cal.isSchoolDay(r)).toBe(true);
      if (n > 0) expect(cal.schoolDaysBetween(d, r)).toBe(n);
      if (n < 0) expect(r < d).toBe(true);
      if (n === 0) expect(r >= d).toBe(true);
    }), { numRuns: 400 });
  });

  it('schoolDaysBetween matches a day-by-day count, and is antisymmetric', () => {
    fc.assert(fc.property(date, fc.integer({ min: 0, max: 500 }), (a, span) => {
      const b = addCalendarDays(a, span);
      expect(cal.schoolDaysBetween(a, b)).toBe(bruteBetween(a, b));
      expect(cal.schoolDaysBetween(b, a)).toBe(0 - bruteBetween(a, b));
    }), { numRuns: 200 });
  });

  it('addSchoolDays(a, schoolDaysBetween(a, b)) is b for any school day b after a', () => {
    fc.assert(fc.property(date, fc.integer({ min: 1, max: 300 }), (a, span) => {
      const b = cal.addSchoolDays(addCalendarDays(a, span), 0);
      expect(cal.addSchoolDays(a, cal.schoolDaysBetween(a, b))).toBe(b);
    }), { numRuns: 300 });
  });
});

describe('speed', () => {
  it('answers 100,000 deadline questions over ten years quickly', () => {
    const years = Array.from({ length: 10 }, (_, i) => {
      const y = 2020 + i;
      return {
        startDate: `${y}-09-01`, endDate: `${y + 1}-08-31`, closures: [{ date: `${y}-09-01` }],
        terms: [
          { startDate: `${y}-09-01`, endDate: `${y}-12-18`, halfTermStart: `${y}-10-26`, halfTermEnd: `${y}-10-30` },
          { startDate: `${y + 1}-01-05`, endDate: `${y + 1}-03-26`, halfTermStart: `${y + 1}-02-15`, halfTermEnd: `${y + 1}-02-19` },
          { startDate: `${y + 1}-04-12`, endDate: `${y + 1}-07-21`, halfTermStart: `${y + 1}-05-31`, halfTermEnd: `${y + 1}-06-04` },
        ],
      };
    });
    const t0 = performance.now();
    const big = buildSchoolCalendar(years);
    let d = '2020-09-01';
    for (let i = 0; i < 100_000; i++) {
      const due = big.addSchoolDays(d, 5);
      big.schoolDaysBetween(d, due);
      d = addCalendarDays('2020-09-01', i % 3500);
    }
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
