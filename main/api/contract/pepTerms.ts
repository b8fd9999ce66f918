// PEP terms (DESIGN.md "PEPs"): a PEP is for one term of one academic year ("2025-26-Autumn").
// Pure rules shared by the register and the renderer, so the PEP list's "current term" is the one
// the register works out. Where the school calendar has no such term, the fallback periods are
// Autumn 1 Sep – 31 Dec, Spring 1 Jan – 31 Mar, Summer 1 Apr – 31 Aug.

import { PEP_TERMS, type PepTermName, type PepTermRef } from './peps.ts';

export const TERM_INDEX: Record<PepTermName, number> = { Autumn: 0, Spring: 1, Summer: 2 };

/** "2025-26-Autumn": the form used by the CLI, file names and the renderer's term pickers. */
export const termKey = (t: PepTermRef): string => `${t.academicYear}-${t.term}`;

/** Reads a term key (any case of the term name); null unless the two years follow on. */
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

/** "2025-26" for the academic year starting in 2025. */
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

/**
 * The PEP term a date (ISO) falls in: this academic year's terms and the next Autumn, in order,
 * the first not yet ended, so a holiday belongs to the term after it. `endOf` gives a term's last
 * day (the school calendar's, else the fallback).
 */
export function termForDate(date: string, endOf: (t: PepTermRef) => string): PepTermRef {
  const y = Number(date.slice(0, 4));
  const startYear = Number(date.slice(5, 7)) >= 9 ? y : y - 1;
  const candidates: PepTermRef[] = [...PEP_TERMS.map((term) => ({ academicYear: yearLabelFor(startYear), term })),
    { academicYear: yearLabelFor(startYear + 1), term: 'Autumn' }];
  return candidates.find((t) => endOf(t) >= date) ?? candidates[candidates.length - 1]!;
}
