// Each Virtual School's termly PEP cut-off dates (DESIGN.md "Local authorities"): a termly PEP is
// due by the LA's cut-off for that term, else by the end of term. Entered per LA and academic year.

import { z } from 'zod';
import { id, isoDate, op } from './fields.ts';
import type { PepTermName } from './peps.ts';

export interface LaPepCutoff {
  term: PepTermName;
  /** The LA's cut-off, or null: then the PEP is due by the end of term. */
  cutoffDate: string | null;
  /** The term's dates from the school calendar; null when the year has no such term set up. */
  termStart: string | null;
  termEnd: string | null;
}

export interface LaPepDeadlineYear {
  laId: number;
  academicYearId: number;
  label: string;
  startDate: string;
  endDate: string;
  /** Always Autumn, Spring, Summer in that order. */
  terms: LaPepCutoff[];
}

const cutoff = isoDate.nullable();

export const laPepDeadlinesInput = z.object({
  laId: id,
  academicYearId: id,
  /** All three terms at once: null removes that term's cut-off. */
  cutoffs: z.object({ Autumn: cutoff, Spring: cutoff, Summer: cutoff }).strict(),
}).strict();

export const laPepDeadlineOperations = {
  /** Every academic year, newest first, with this LA's cut-off (or none) for each term. */
  listLaPepDeadlines: op<LaPepDeadlineYear[]>()(z.object({ laId: id }).strict()),
  saveLaPepDeadlines: op<LaPepDeadlineYear>()(laPepDeadlinesInput),
} as const;
