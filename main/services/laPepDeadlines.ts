// Each local authority's termly PEP cut-off dates, per academic year (la_pep_deadlines). The PEP
// schedule, alerts and dashboard read them: a termly PEP is due by the cut-off, else by the end of
// term. The term's own dates are listed beside each cut-off so the form can show that fallback.

import type { z } from 'zod';
import { InvalidError, NotFoundError, type FieldIssue } from '../../db/errors.ts';
import { qb } from '../../db/query.ts';
import type { Register } from '../../db/register.ts';
import { PEP_TERMS, type LaPepDeadlineYear, type laPepDeadlinesInput } from '../api/contract.ts';
import { formatDate } from '../documents/format.ts';

type DeadlinesInput = z.output<typeof laPepDeadlinesInput>;

function requireLa(register: Register, laId: number): void {
  if (!register.one(qb.selectFrom('local_authorities').select('id').where('id', '=', laId))) throw new NotFoundError('That local authority');
}

export function listLaPepDeadlines(register: Register, laId: number, academicYearId?: number): LaPepDeadlineYear[] {
  requireLa(register, laId);
  let years = qb.selectFrom('academic_years').selectAll().orderBy('start_date', 'desc');
  if (academicYearId !== undefined) years = years.where('id', '=', academicYearId);
  const terms = register.all(qb.selectFrom('terms').select(['academic_year_id', 'name', 'start_date', 'end_date']));
  const cutoffs = register.all(qb.selectFrom('la_pep_deadlines').select(['academic_year_id', 'term', 'cutoff_date']).where('la_id', '=', laId));
  return register.all(years).map((y) => ({
    laId,
    academicYearId: y.id,
    label: y.label,
    startDate: y.start_date,
    endDate: y.end_date,
    terms: PEP_TERMS.map((term) => {
      const t = terms.find((x) => x.academic_year_id === y.id && x.name === term);
      const c = cutoffs.find((x) => x.academic_year_id === y.id && x.term === term);
      return { term, cutoffDate: c?.cutoff_date ?? null, termStart: t?.start_date ?? null, termEnd: t?.end_date ?? null };
    }),
  }));
}

/** The form sends ISO dates through the contract; direct callers (CLI, tests) are checked the same way. */
function isRealIsoDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Saves all three terms of one year at once: a term given as null loses its cut-off. */
export function saveLaPepDeadlines(register: Register, input: DeadlinesInput): LaPepDeadlineYear {
  register.transaction(() => {
    // Listing checks the LA exists; the year must be one of the register's.
    const [year] = listLaPepDeadlines(register, input.laId, input.academicYearId);
    if (!year) throw new NotFoundError('That academic year');
    const issues: FieldIssue[] = [];
    for (const t of year.terms) {
      const date = input.cutoffs[t.term];
      if (date === null) continue;
      const path = ['cutoffs', t.term];
      if (!isRealIsoDate(date)) issues.push({ path, message: `The ${t.term} cut-off is not a real date.` });
      else if (date < year.startDate || date > year.endDate) {
        issues.push({ path, message: `The ${t.term} cut-off must fall within ${year.label} (${formatDate(year.startDate)} to ${formatDate(year.endDate)}).` });
      } else if (t.termStart && date < t.termStart) {
        issues.push({ path, message: `The ${t.term} cut-off cannot be before the ${t.term} term starts on ${formatDate(t.termStart)}.` });
      }
    }
    if (issues.length) throw new InvalidError(`Please check the PEP cut-off dates: ${issues[0]!.message}`, issues);
    for (const term of PEP_TERMS) {
      const date = input.cutoffs[term];
      if (date === null) {
        register.run(qb.deleteFrom('la_pep_deadlines').where('la_id', '=', input.laId).where('academic_year_id', '=', input.academicYearId).where('term', '=', term));
      } else {
        register.run(qb.insertInto('la_pep_deadlines').values({ la_id: input.laId, academic_year_id: input.academicYearId, term, cutoff_date: date })
          .onConflict((oc) => oc.columns(['la_id', 'academic_year_id', 'term']).doUpdateSet({ cutoff_date: date })));
      }
    }
    register.audit({ action: 'update', recordType: 'la_pep_deadlines', recordId: input.laId });
  });
  return listLaPepDeadlines(register, input.laId, input.academicYearId)[0]!;
}
