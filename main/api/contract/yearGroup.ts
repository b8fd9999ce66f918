// National Curriculum year group from date of birth (England). The school year runs 1 September
// to 31 August and the year group goes by age on 31 August: Reception (year 0) is the year a child
// is 4 on the 31 August before it starts, Year 7 the year they are 11. So everyone born
// 1 September YYYY – 31 August YYYY+1 is in the same year group. Example (secondary transfer
// 2025): born 1 Sep 2013 – 31 Aug 2014 → Year 7 in 2025-26; born 1 Sep 2012 – 31 Aug 2013 → Year 8.
// Pure and free of Node imports, so the renderer and the services share one definition.

/** The calendar year in which the academic year containing `isoDate` started (Sept–Aug). */
export function academicYearStart(isoDate: string): number {
  const [y, m] = parseYm(isoDate);
  return m >= 9 ? y : y - 1;
}

/**
 * Year group on `onDate` (ISO) for a child born on `dateOfBirth` (ISO), plus `offset` for a child
 * taught out of their chronological year group. 0 is Reception; negative means nursery age.
 */
export function yearGroup(dateOfBirth: string, onDate: string, offset = 0): number {
  // Born in the school year starting B: Reception in the year starting B + 5, Year N in B + 5 + N.
  return academicYearStart(onDate) - academicYearStart(dateOfBirth) - 5 + offset;
}

/** "Reception", "Year 7", or "Nursery" for display. */
export function yearGroupLabel(n: number): string {
  if (n < 0) return 'Nursery';
  return n === 0 ? 'Reception' : `Year ${n}`;
}

function parseYm(isoDate: string): [number, number] {
  const m = /^(\d{4})-(\d{2})-\d{2}/.exec(isoDate);
  if (!m) throw new Error('Expected an ISO date (YYYY-MM-DD).');
  return [Number(m[1]), Number(m[2])];
}
