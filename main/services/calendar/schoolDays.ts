// The school-day calendar every deadline is counted in (DESIGN.md "School settings"): a school day
// is a weekday inside a term, outside that term's half-term break, and not a closure day (INSET,
// bank holiday, other closure). Days between terms are holidays.
//
// Where no academic year is configured (or a year's later terms are not entered yet) the calendar
// falls back to counting weekdays, so deadlines are still computed; `isConfigured` says whether a
// range was fully covered, so callers can flag a date as an estimate.
//
// Pure: built once from the configured years (a sorted array and a set of day numbers), then every
// question is a set lookup or a binary search. Dates are ISO 'YYYY-MM-DD', compared as UTC days.

export interface CalendarTermInput {
  startDate: string;
  endDate: string;
  halfTermStart?: string | null;
  halfTermEnd?: string | null;
}

export interface CalendarYearInput {
  startDate: string;
  endDate: string;
  terms: readonly CalendarTermInput[];
  closures: readonly { date: string }[];
}

export interface SchoolCalendar {
  /** True for a weekday in term time that is not a half-term or closure day. */
  isSchoolDay(date: string): boolean;
  /**
   * Counting forward from `date` (exclusive): the n-th school day after it. n = 0 gives `date` itself
   * when it is a school day, else the next school day. Negative n counts backwards. The result is
   * always a school day.
   */
  addSchoolDays(date: string, n: number): string;
  /**
   * School days in (a, b]: after a, up to and including b. Negative when b is before a, so that
   * addSchoolDays(a, schoolDaysBetween(a, b)) === b whenever b is a school day.
   */
  schoolDaysBetween(a: string, b: string): number;
  /** Whether every date in [a, b] lies in a configured part of the calendar (false: weekdays were assumed). */
  isConfigured(a: string, b?: string): boolean;
  /** Whether any academic year with terms is configured at all. */
  readonly hasYears: boolean;
}

const DAY_MS = 86_400_000;

/** Memo of parsed dates: the SLA ladder asks about the same few dates thousands of times a call. */
const MEMO_LIMIT = 50_000;
const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 (UTC) for an ISO date; throws on anything else. */
export function dayNumber(date: string): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  // Round trip, so 2025-02-30 is refused rather than read as 2 March.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError('Expected an ISO date (YYYY-MM-DD).');
  const day = Math.round(ms / DAY_MS);
  if (dayNumbers.size >= MEMO_LIMIT) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

export function isoFromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar-day arithmetic on ISO dates. */
export function addCalendarDays(date: string, n: number): string {
  return isoFromDayNumber(dayNumber(date) + n);
}

const mod = (a: number, m: number): number => ((a % m) + m) % m;

/** 1970-01-01 was a Thursday; 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: number): number {
  return mod(day + 4, 7);
}

const isWeekdayNum = (day: number): boolean => {
  const d = dayOfWeek(day);
  return d !== 0 && d !== 6;
};

/** Weekdays in [origin, day] for a fixed Monday origin; differences give weekdays in (a, b]. */
function weekdayCount(day: number): number {
  const m = day + 3; // 1969-12-29 (day -3) was a Monday
  return Math.floor(m / 7) * 5 + Math.min(mod(m, 7) + 1, 5);
}

/** Index of the first element >= x in a sorted array. */
function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Range { from: number; to: number }

export function buildSchoolCalendar(years: readonly CalendarYearInput[]): SchoolCalendar {
  const ranges: Range[] = [];
  const schoolDays: number[] = [];
  for (const y of years) {
    if (y.terms.length === 0) continue;
    const yearStart = dayNumber(y.startDate);
    const termEnds = y.terms.map((t) => dayNumber(t.endDate));
    // The year is configured up to the end of its last entered term; once all three terms are in,
    // the summer holiday to the end of the year is known too.
    const to = y.terms.length >= 3 ? Math.max(dayNumber(y.endDate), ...termEnds) : Math.max(...termEnds);
    ranges.push({ from: Math.min(yearStart, ...y.terms.map((t) => dayNumber(t.startDate))), to });
    const closed = new Set(y.closures.map((c) => dayNumber(c.date)));
    for (const t of y.terms) {
      const hs = t.halfTermStart ? dayNumber(t.halfTermStart) : null;
      const he = t.halfTermEnd ? dayNumber(t.halfTermEnd) : null;
      for (let d = dayNumber(t.startDate), end = dayNumber(t.endDate); d <= end; d++) {
        if (!isWeekdayNum(d) || closed.has(d)) continue;
        if (hs !== null && he !== null && d >= hs && d <= he) continue;
        schoolDays.push(d);
      }
    }
  }
  // Merge overlapping or touching ranges so coverage checks are one binary search.
  ranges.sort((a, b) => a.from - b.from);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  const days = Int32Array.from(new Set(schoolDays)).sort();
  const daySet = new Set(days);
  const starts = merged.map((r) => r.from);

  const rangeOf = (day: number): Range | null => {
    const i = lowerBound(starts, day + 1) - 1;
    const r = i >= 0 ? merged[i]! : null;
    return r && day <= r.to ? r : null;
  };
  const isSchool = (day: number): boolean => (rangeOf(day) ? daySet.has(day) : isWeekdayNum(day));

  /** School days in (a, b] for a <= b. */
  const countBetween = (a: number, b: number): number => {
    let n = weekdayCount(b) - weekdayCount(a);
    for (const r of merged) {
      const lo = Math.max(a, r.from - 1);
      const hi = Math.min(b, r.to);
      if (lo >= hi) continue;
      // Inside a configured range, swap the assumed weekdays for the real school days.
      n -= weekdayCount(hi) - weekdayCount(lo);
      n += lowerBound(days, hi + 1) - lowerBound(days, lo + 1);
    }
    return n;
  };

  const added = new Map<string, string>();

  return {
    hasYears: merged.length > 0,
    isSchoolDay: (date) => isSchool(dayNumber(date)),
    addSchoolDays: (date, n) => {
      if (!Number.isSafeInteger(n)) throw new RangeError('The number of school days must be a whole number.');
      // The calendar never changes once built, so answers are kept: returns share a few due dates.
      const key = `${date}|${n}`;
      const known = added.get(key);
      if (known !== undefined) return known;
      let d = dayNumber(date);
      if (n === 0) {
        while (!isSchool(d)) d++;
      } else {
        const step = n > 0 ? 1 : -1;
        for (let left = Math.abs(n); left > 0;) {
          d += step;
          if (isSchool(d)) left--;
        }
      }
      const result = isoFromDayNumber(d);
      if (added.size >= MEMO_LIMIT) added.clear();
      added.set(key, result);
      return result;
    },
    schoolDaysBetween: (a, b) => {
      const x = dayNumber(a);
      const y = dayNumber(b);
      return x <= y ? countBetween(x, y) : 0 - countBetween(y, x);
    },
    isConfigured: (a, b = a) => {
      const x = dayNumber(a);
      const y = dayNumber(b);
      const r = rangeOf(Math.min(x, y));
      return r !== null && Math.max(x, y) <= r.to;
    },
  };
}
