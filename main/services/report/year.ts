// The academic year a report or survey is about, and who was on roll during it. Shared by the
// survey and the governors' report so both count the same children.

import type { Selectable } from 'kysely';
import { NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { AcademicYearsTable } from '../../../db/schema.ts';

export type YearRow = Selectable<AcademicYearsTable>;

export function loadYear(register: Register, label: string): YearRow {
  const y = register.one(qb.selectFrom('academic_years').selectAll().where('label', '=', label));
  if (!y) throw new NotFoundError(`The academic year ${label}`);
  return y;
}

export function loadYearById(register: Register, id: number): YearRow {
  const y = register.one(qb.selectFrom('academic_years').selectAll().where('id', '=', id));
  if (!y) throw new NotFoundError('That academic year');
  return y;
}

/** On roll at some point in the year: joined by its last day and not left before its first. */
export function onRollDuring(c: { date_joined_school: string; leaving_date: string | null }, y: { start_date: string; end_date: string }): boolean {
  return c.date_joined_school <= y.end_date && (c.leaving_date === null || c.leaving_date >= y.start_date);
}
