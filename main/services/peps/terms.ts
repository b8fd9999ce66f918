// PEP terms: a PEP is for one term of one academic year ("2025-26-Autumn"). Its period is the
// term's dates from the school calendar; where the calendar has no such term, the fallback is
// Autumn 1 Sep – 31 Dec, Spring 1 Jan – 31 Mar, Summer 1 Apr – 31 Aug. It is due by the child's
// LA's cut-off for the term (la_pep_deadlines), else by the end of the term.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import { PEP_TERMS, type PepTermName, type PepTermRef } from '../../api/contract/peps.ts';

export const TERM_INDEX: Record<PepTermName, number> = { Autumn: 0, Spring: 1, Summer: 2 };

/** "2025-26-Autumn": the form used by the CLI and in file names. */
export const termKey = (t: PepTermRef): string => `${t.academicYear}-${t.term}`;

export function parseTermKey(s: string): PepTermRef | null {
  const m = /^(\d{4})-(\d{2})-(Autumn|Spring|Summer)$/i.exec(s.trim());
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) return null;
  const term = PEP_TERMS.find((t) => t.toLowerCase() === m[3]!.toLowerCase())!;
  return { academicYear: `${m[1]}-${m[2]}`, term };
}

/** "Autumn term 2025-26". */
export const termLabel = (t: PepTermRef): string => `${t.term} term ${t.academicYear}`;

/** Orders terms in time: negative when a is earlier. */
export function compareTerms(a: PepTermRef, b: PepTermRef): number {
  return a.academicYear.localeCompare(b.academicYear) || TERM_INDEX[a.term] - TERM_INDEX[b.term];
}

export const yearLabelFor = (startYear: number): string => `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;

export function nextTerm(t: PepTermRef): PepTermRef {
  if (t.term === 'Summer') return { academicYear: yearLabelFor(Number(t.academicYear.slice(0, 4)) + 1), term: 'Autumn' };
  return { academicYear: t.academicYear, term: PEP_TERMS[TERM_INDEX[t.term] + 1]! };
}

export function previousTerm(t: PepTermRef): PepTermRef {
  if (t.term === 'Autumn') return { academicYear: yearLabelFor(Number(t.academicYear.slice(0, 4)) - 1), term: 'Summer' };
  return { academicYear: t.academicYear, term: PEP_TERMS[TERM_INDEX[t.term] - 1]! };
}

export interface TermPeriod { start: string; end: string; configured: boolean }

export function fallbackPeriod(t: PepTermRef): TermPeriod {
  const y = Number(t.academicYear.slice(0, 4));
  if (t.term === 'Autumn') return { start: `${y}-09-01`, end: `${y}-12-31`, configured: false };
  if (t.term === 'Spring') return { start: `${y + 1}-01-01`, end: `${y + 1}-03-31`, configured: false };
  return { start: `${y + 1}-04-01`, end: `${y + 1}-08-31`, configured: false };
}

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
    termFor(date) {
      const y = Number(date.slice(0, 4));
      const startYear = Number(date.slice(5, 7)) >= 9 ? y : y - 1;
      // This academic year's terms and the next Autumn, in order: the first not yet ended.
      const candidates: PepTermRef[] = [...PEP_TERMS.map((term) => ({ academicYear: yearLabelFor(startYear), term })),
        { academicYear: yearLabelFor(startYear + 1), term: 'Autumn' }];
      return candidates.find((t) => period(t).end >= date) ?? candidates[candidates.length - 1]!;
    },
    dueBy(laId, t) {
      const cut = laId === null ? undefined : cutoffs.get(`${laId}:${termKey(t)}`);
      return cut ? { date: cut, isCutoff: true } : { date: period(t).end, isCutoff: false };
    },
  };
}
