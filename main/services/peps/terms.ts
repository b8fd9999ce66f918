// A register's PEP term calendar: each term's period from the school calendar (else the fallback
// in contract/pepTerms.ts, where the pure term rules live, shared with the renderer), and when a
// PEP is due: by the child's LA's cut-off for the term (la_pep_deadlines), else by the end of term.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { PepTermRef } from '../../api/contract/peps.ts';
import { fallbackPeriod, termForDate, termKey, type TermPeriod } from '../../api/contract/pepTerms.ts';

// The pure term rules live in the contract, shared with the renderer.
export {
  compareTerms, fallbackPeriod, nextTerm, parseTermKey, previousTerm, TERM_INDEX, termKey, termLabel, type TermPeriod, yearLabelFor,
} from '../../api/contract/pepTerms.ts';

export interface TermCalendar {
  period(t: PepTermRef): TermPeriod;
  /** The term containing the date; in a holiday, the term that comes next. */
  termFor(date: string): PepTermRef;
  /** The LA's cut-off for the term, else the end of the term. */
  dueBy(laId: number | null, t: PepTermRef): { date: string; isCutoff: boolean };
}

/** Loads the configured terms and LA cut-offs once (a few hundred rows at most). */
export function loadTermCalendar(register: Register): TermCalendar {
  const terms = register.all(qb.selectFrom('terms').innerJoin('academic_years', 'academic_years.id', 'terms.academic_year_id')
    .select(['academic_years.label', 'terms.name', 'terms.start_date', 'terms.end_date']).orderBy('terms.start_date'));
  const periods = new Map(terms.map((t) => [termKey({ academicYear: t.label, term: t.name }), { start: t.start_date, end: t.end_date, configured: true }]));
  const cutoffs = new Map(register.all(qb.selectFrom('la_pep_deadlines').innerJoin('academic_years', 'academic_years.id', 'la_pep_deadlines.academic_year_id')
    .select(['la_pep_deadlines.la_id', 'academic_years.label', 'la_pep_deadlines.term', 'la_pep_deadlines.cutoff_date']))
    .map((d) => [`${d.la_id}:${d.label}-${d.term}`, d.cutoff_date]));
  const period = (t: PepTermRef): TermPeriod => periods.get(termKey(t)) ?? fallbackPeriod(t);
  return {
    period,
    termFor: (date) => termForDate(date, (t) => period(t).end),
    dueBy(laId, t) {
      const cut = laId === null ? undefined : cutoffs.get(`${laId}:${termKey(t)}`);
      return cut ? { date: cut, isCutoff: true } : { date: period(t).end, isCutoff: false };
    },
  };
}
