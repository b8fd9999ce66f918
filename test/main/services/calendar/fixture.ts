// A realistic English school calendar for tests: 2025-26 in full (three terms, half terms, INSET
// days, a bank holiday and a closure day) and only the autumn term of 2026-27, so dates after
// 18/12/2026 fall back to weekdays.

import type { CalendarYearInput } from '../../../../main/services/calendar/schoolDays.ts';

export const YEAR_2025_26 = {
  label: '2025-26',
  startDate: '2025-09-01',
  endDate: '2026-08-31',
  terms: [
    { name: 'Autumn' as const, startDate: '2025-09-01', endDate: '2025-12-19', halfTermStart: '2025-10-27', halfTermEnd: '2025-10-31' },
    { name: 'Spring' as const, startDate: '2026-01-05', endDate: '2026-03-27', halfTermStart: '2026-02-16', halfTermEnd: '2026-02-20' },
    { name: 'Summer' as const, startDate: '2026-04-13', endDate: '2026-07-22', halfTermStart: '2026-05-25', halfTermEnd: '2026-05-29' },
  ],
  closures: [
    { date: '2025-09-01', kind: 'inset' as const, description: 'INSET day' },
    { date: '2025-09-02', kind: 'inset' as const, description: 'INSET day' },
    { date: '2026-01-05', kind: 'inset' as const, description: 'INSET day' },
    { date: '2026-03-02', kind: 'closure' as const, description: 'Polling station' },
    { date: '2026-05-04', kind: 'bank_holiday' as const, description: 'Early May bank holiday' },
  ],
};

export const YEAR_2026_27_AUTUMN_ONLY = {
  label: '2026-27',
  startDate: '2026-09-01',
  endDate: '2027-08-31',
  terms: [
    { name: 'Autumn' as const, startDate: '2026-09-02', endDate: '2026-12-18', halfTermStart: '2026-10-26', halfTermEnd: '2026-10-30' },
  ],
  closures: [{ date: '2026-09-02', kind: 'inset' as const, description: 'INSET day' }],
};

export const YEARS: CalendarYearInput[] = [YEAR_2025_26, YEAR_2026_27_AUTUMN_ONLY];
