// ISO calendar-date arithmetic (yyyy-mm-dd), in UTC so daylight saving never shifts a day.
// Services take "today" as a parameter so rules and tests are deterministic; handlers pass localToday().
// The basic helpers are the demo generator's (db/demo/dates.ts, due to move to a shared place).

export { addDays, daysBetween, localToday } from '../demo/dates.ts';

/**
 * Adds whole years. 29 February becomes 28 February in a year without one: for a retention review
 * date, the earlier day is the safe side.
 */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return new Date(Date.UTC(y + years, m - 1, Math.min(d, last))).toISOString().slice(0, 10);
}

/** First day (1 September) of the academic year containing `iso`. */
export function academicYearStartDate(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return `${m >= 9 ? y : y - 1}-09-01`;
}

/** Age in whole years on `on`. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
