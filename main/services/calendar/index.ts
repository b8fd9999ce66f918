// The school-day calendar of a register: its academic years, terms and closures, loaded once per
// question (cheap: a few hundred rows) and turned into the pure calendar of ./schoolDays.ts.

import type { Register } from '../../../db/register.ts';
import { listAcademicYears } from '../academicYears.ts';
import { buildSchoolCalendar, type SchoolCalendar } from './schoolDays.ts';

export * from './schoolDays.ts';

export function loadSchoolCalendar(register: Register): SchoolCalendar {
  return buildSchoolCalendar(listAcademicYears(register));
}

/** Today's date on this computer, as ISO 'YYYY-MM-DD' (the DT's local day, not UTC). */
export { localToday } from '../demo/dates.ts';
