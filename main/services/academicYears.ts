// Academic years with their terms and closures: the school-day calendar every deadline uses.

import type { z } from 'zod';
import { InvalidError, NotFoundError, type FieldIssue } from '../../db/errors.ts';
import { qb } from '../../db/query.ts';
import type { Register } from '../../db/register.ts';
import type { AcademicYear, academicYearInput } from '../api/contract.ts';

type YearInput = z.output<typeof academicYearInput>;

export function listAcademicYears(register: Register): AcademicYear[] {
  const years = register.all(qb.selectFrom('academic_years').selectAll().orderBy('start_date', 'desc'));
  const terms = register.all(qb.selectFrom('terms').selectAll().orderBy('start_date'));
  const closures = register.all(qb.selectFrom('calendar_closures').selectAll().orderBy('date'));
  return years.map((y) => ({
    id: y.id,
    label: y.label,
    startDate: y.start_date,
    endDate: y.end_date,
    terms: terms.filter((t) => t.academic_year_id === y.id).map((t) => ({
      name: t.name, startDate: t.start_date, endDate: t.end_date, halfTermStart: t.half_term_start, halfTermEnd: t.half_term_end,
    })),
    closures: closures.filter((c) => c.academic_year_id === y.id).map((c) => ({ date: c.date, kind: c.kind, description: c.description })),
  }));
}

function check(y: YearInput): void {
  const issues: FieldIssue[] = [];
  if (y.startDate >= y.endDate) issues.push({ path: ['endDate'], message: 'The year must end after it starts.' });
  if (!y.startDate.startsWith(y.label.slice(0, 4))) issues.push({ path: ['startDate'], message: `The year ${y.label} should start in ${y.label.slice(0, 4)}.` });
  const seen = new Set<string>();
  y.terms.forEach((t, i) => {
    if (seen.has(t.name)) issues.push({ path: ['terms', i, 'name'], message: `${t.name} term appears twice.` });
    seen.add(t.name);
    if (t.startDate > t.endDate) issues.push({ path: ['terms', i, 'endDate'], message: `${t.name} term must end after it starts.` });
    if (t.startDate < y.startDate || t.endDate > y.endDate) issues.push({ path: ['terms', i, 'startDate'], message: `${t.name} term must fall inside the academic year.` });
    if ((t.halfTermStart == null) !== (t.halfTermEnd == null)) issues.push({ path: ['terms', i, 'halfTermEnd'], message: 'Give both half-term dates, or neither.' });
    if (t.halfTermStart && t.halfTermEnd && (t.halfTermStart > t.halfTermEnd || t.halfTermStart < t.startDate || t.halfTermEnd > t.endDate)) {
      issues.push({ path: ['terms', i, 'halfTermStart'], message: `${t.name} half term must fall inside the term.` });
    }
  });
  const sorted = [...y.terms].sort((a, b) => a.startDate.localeCompare(b.startDate));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.startDate <= sorted[i - 1]!.endDate) issues.push({ path: ['terms'], message: 'Terms must not overlap.' });
  }
  const dates = new Set<string>();
  y.closures.forEach((c, i) => {
    if (c.date < y.startDate || c.date > y.endDate) issues.push({ path: ['closures', i, 'date'], message: 'Closure days must fall inside the academic year.' });
    if (dates.has(c.date)) issues.push({ path: ['closures', i, 'date'], message: 'That closure day is listed twice.' });
    dates.add(c.date);
  });
  if (issues.length) throw new InvalidError(`Please check the academic year: ${issues[0]!.message}`, issues);
}

export function saveAcademicYear(register: Register, y: YearInput): AcademicYear {
  check(y);
  const id = register.transaction(() => {
    let yearId = y.id;
    if (yearId) {
      const found = register.run(qb.updateTable('academic_years').where('id', '=', yearId)
        .set({ label: y.label, start_date: y.startDate, end_date: y.endDate }));
      if (!found.changes) throw new NotFoundError('That academic year');
      register.run(qb.deleteFrom('terms').where('academic_year_id', '=', yearId));
      register.run(qb.deleteFrom('calendar_closures').where('academic_year_id', '=', yearId));
    } else {
      yearId = register.run(qb.insertInto('academic_years').values({ label: y.label, start_date: y.startDate, end_date: y.endDate })).lastInsertRowid;
    }
    for (const t of y.terms) {
      register.run(qb.insertInto('terms').values({
        academic_year_id: yearId, name: t.name, start_date: t.startDate, end_date: t.endDate,
        half_term_start: t.halfTermStart ?? null, half_term_end: t.halfTermEnd ?? null,
      }));
    }
    for (const c of y.closures) {
      register.run(qb.insertInto('calendar_closures').values({ academic_year_id: yearId, date: c.date, kind: c.kind, description: c.description ?? null }));
    }
    register.audit({ action: y.id ? 'update' : 'create', recordType: 'academic_year', recordId: yearId });
    return yearId;
  });
  return listAcademicYears(register).find((a) => a.id === id)!;
}

export function deleteAcademicYear(register: Register, id: number): void {
  register.transaction(() => {
    const r = register.run(qb.deleteFrom('academic_years').where('id', '=', id));
    if (!r.changes) throw new NotFoundError('That academic year');
    register.audit({ action: 'delete', recordType: 'academic_year', recordId: id });
  });
}
