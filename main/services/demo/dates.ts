// ISO-date arithmetic in UTC, so the generator gives the same dates in every time zone.

const DAY_MS = 86_400_000;

export function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

function toMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error('Expected an ISO date (YYYY-MM-DD).');
  return ms;
}

export function addDays(date: string, days: number): string {
  return new Date(toMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Same day and month `years` later; 29 February becomes 1 March in a non-leap year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return iso(y + years, m, d);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toMs(date)).getUTCDay();
}

export function isWeekday(date: string): boolean {
  const d = dayOfWeek(date);
  return d !== 0 && d !== 6;
}

/** The first date on or after `date` that falls on weekday `dow`. */
export function onOrAfter(date: string, dow: number): string {
  return addDays(date, (dow - dayOfWeek(date) + 7) % 7);
}

/** The last date on or before `date` that falls on weekday `dow`. */
export function onOrBefore(date: string, dow: number): string {
  return addDays(date, -((dayOfWeek(date) - dow + 7) % 7));
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** Easter Sunday (Gregorian; anonymous algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** Today's date where the machine is (the DT's school day), as ISO. */
export function localToday(now = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
