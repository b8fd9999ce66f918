// A realistic English school calendar for one academic year: three terms with half-terms, five
// INSET days and the bank holidays that fall in term time. Term dates follow the usual pattern of
// English local authorities (each LA publishes its own; these are typical, not any LA's real ones).

import { addDays, easterSunday, iso, isWeekday, onOrAfter, onOrBefore } from './dates.ts';

const MON = 1;
const FRI = 5;

export interface DemoTerm {
  name: 'Autumn' | 'Spring' | 'Summer';
  startDate: string;
  endDate: string;
  halfTermStart: string;
  halfTermEnd: string;
}

export interface DemoClosure {
  date: string;
  kind: 'inset' | 'bank_holiday' | 'closure';
  description: string;
}

export interface DemoYear {
  /** Calendar year the academic year starts in. */
  start: number;
  label: string;
  startDate: string;
  endDate: string;
  terms: DemoTerm[];
  closures: DemoClosure[];
}

/** The last Monday of a month. */
function lastMonday(year: number, month: number): string {
  return onOrBefore(addDays(iso(year, month + 1, 1), -1), MON);
}

export function schoolYear(start: number): DemoYear {
  const end = start + 1;
  // Autumn: staff back on the first weekday of September (two INSET days), half-term in the week
  // of the last Monday in October, break up on the last Friday at least two days before Christmas Eve.
  const autumnStart = isWeekday(iso(start, 9, 1)) ? iso(start, 9, 1) : onOrAfter(iso(start, 9, 1), MON);
  const octHalf = lastMonday(start, 10);
  const autumnEnd = onOrBefore(iso(start, 12, 22), FRI);
  // Spring: back on the first Monday on or after 4 January; half-term in the third week of
  // February; the Easter holiday is the fortnight around Good Friday and Easter Monday.
  const springStart = onOrAfter(iso(end, 1, 4), MON);
  const febHalf = addDays(onOrAfter(iso(end, 2, 1), MON), 14);
  const easterHolidayStart = addDays(easterSunday(end), -6);
  const springEnd = addDays(easterHolidayStart, -3);
  // Summer: back two weeks after the Easter holiday starts; half-term in the week of the spring
  // bank holiday (last Monday in May); break up around 22 July.
  const summerStart = addDays(easterHolidayStart, 14);
  const mayHalf = lastMonday(end, 5);
  const julyEnd = iso(end, 7, 22);
  const summerEnd = isWeekday(julyEnd) ? julyEnd : onOrBefore(julyEnd, FRI);

  const terms: DemoTerm[] = [
    { name: 'Autumn', startDate: autumnStart, endDate: autumnEnd, halfTermStart: octHalf, halfTermEnd: addDays(octHalf, 4) },
    { name: 'Spring', startDate: springStart, endDate: springEnd, halfTermStart: febHalf, halfTermEnd: addDays(febHalf, 4) },
    { name: 'Summer', startDate: summerStart, endDate: summerEnd, halfTermStart: mayHalf, halfTermEnd: addDays(mayHalf, 4) },
  ];

  const closures: DemoClosure[] = [
    { date: autumnStart, kind: 'inset', description: 'INSET day: safeguarding and whole-school training' },
    { date: nextWeekday(autumnStart), kind: 'inset', description: 'INSET day: department planning' },
    { date: addDays(octHalf, 7), kind: 'inset', description: 'INSET day' },
    { date: springStart, kind: 'inset', description: 'INSET day' },
    { date: addDays(mayHalf, 7), kind: 'inset', description: 'INSET day' },
  ];
  // The early May bank holiday falls in the summer term unless Easter is very late.
  const earlyMay = onOrAfter(iso(end, 5, 1), MON);
  if (earlyMay >= summerStart && earlyMay <= summerEnd) {
    closures.push({ date: earlyMay, kind: 'bank_holiday', description: 'Early May bank holiday' });
  }
  closures.sort((a, b) => a.date.localeCompare(b.date));

  return {
    start,
    label: `${start}-${String(end % 100).padStart(2, '0')}`,
    startDate: iso(start, 9, 1),
    endDate: iso(end, 8, 31),
    terms,
    closures,
  };
}

function nextWeekday(date: string): string {
  let d = addDays(date, 1);
  while (!isWeekday(d)) d = addDays(d, 1);
  return d;
}

export interface HalfTermPeriod {
  yearLabel: string;
  term: DemoTerm['name'];
  half: 1 | 2;
  start: string;
  end: string;
}

/** The six half-terms of a year (term start → Friday before half-term; Monday after → term end). */
export function halfTerms(year: DemoYear): HalfTermPeriod[] {
  return year.terms.flatMap((t) => [
    { yearLabel: year.label, term: t.name, half: 1 as const, start: t.startDate, end: addDays(t.halfTermStart, -3) },
    { yearLabel: year.label, term: t.name, half: 2 as const, start: addDays(t.halfTermEnd, 3), end: t.endDate },
  ]);
}

/** A set of every day pupils are in school, for counting sessions and placing events. */
export class SchoolDays {
  private readonly days: string[] = [];
  private readonly set = new Set<string>();

  constructor(years: DemoYear[]) {
    for (const y of years) {
      const closed = new Set(y.closures.map((c) => c.date));
      for (const p of halfTerms(y)) {
        for (let d = p.start; d <= p.end; d = addDays(d, 1)) {
          if (isWeekday(d) && !closed.has(d)) {
            this.days.push(d);
            this.set.add(d);
          }
        }
      }
    }
    this.days.sort();
  }

  has(date: string): boolean {
    return this.set.has(date);
  }

  /** School days in [from, to], inclusive. */
  between(from: string, to: string): string[] {
    return this.days.slice(this.lowerBound(from), this.lowerBound(addDays(to, 1)));
  }

  /** The first school day on or after `date`, or null past the end of the calendar. */
  onOrAfter(date: string): string | null {
    return this.days[this.lowerBound(date)] ?? null;
  }

  /** The school day `n` school days after `date` (n = 0: `date` itself if a school day). */
  plus(date: string, n: number): string | null {
    return this.days[this.lowerBound(date) + n] ?? null;
  }

  /** Index of the first school day >= date (binary search: demo registers can be large). */
  private lowerBound(date: string): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.days[mid]! < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
