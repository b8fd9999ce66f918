// Shared by the progress services: how children appear (full name in the DT's own screens; initials
// and year group in anything that leaves the DT), grade scales and their order, and each item's
// place on the SLA ladder as of a date.

import { NotFoundError } from '../../../db/errors.ts';
import { yearGroup as yearGroupOn } from '../../api/contract/yearGroup.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { GradeScale, ItemStatus, ProgressFlag, SlaInfo } from '../../api/contract.ts';
import type { SchoolCalendar } from '../calendar/schoolDays.ts';
import { slaPosition, type Stage } from '../sla/ladder.ts';

// ---- children --------------------------------------------------------------------------------

export interface ChildInfo {
  id: number;
  name: string;
  initials: string;
  dateOfBirth: string;
  yearGroupOffset: number;
  joined: string;
  leaving: string | null;
}

export function loadChildren(register: Register, ids?: number[]): ChildInfo[] {
  let q = qb.selectFrom('children').select([
    'id', 'legal_first_name', 'legal_last_name', 'preferred_name', 'date_of_birth', 'year_group_offset', 'date_joined_school', 'leaving_date',
  ]);
  if (ids) q = q.where('id', 'in', ids.length ? ids : [-1]);
  return register.all(q.orderBy('legal_last_name').orderBy('legal_first_name').orderBy('id')).map((c) => {
    const first = c.preferred_name?.trim() || c.legal_first_name;
    return {
      id: c.id,
      name: `${first} ${c.legal_last_name}`,
      initials: initials(first, c.legal_last_name),
      dateOfBirth: c.date_of_birth,
      yearGroupOffset: c.year_group_offset,
      joined: c.date_joined_school,
      leaving: c.leaving_date,
    };
  });
}

/** "ZQ" for Zephyrine Quarrington: the only way a child is named outside the DT's own screens. */
export function initials(first: string, last: string): string {
  const letter = (s: string) => (/\p{L}/u.exec(s)?.[0] ?? '').toLocaleUpperCase('en-GB');
  return `${letter(first)}${letter(last)}` || '?';
}

export function yearGroupOf(c: ChildInfo, on: string): number {
  return yearGroupOn(c.dateOfBirth, on, c.yearGroupOffset);
}

export const yearLabel = (n: number): string => (n <= 0 ? (n === 0 ? 'R' : 'N') : `Y${n}`);

/**
 * Children a window expects returns for: joined by the close date, and not left by the close date
 * or by today (whichever is later): a leaver is never asked about.
 */
export function expectedInWindow(c: ChildInfo, closeDate: string, today: string): boolean {
  const cutoff = closeDate > today ? closeDate : today;
  return c.joined <= closeDate && (c.leaving === null || c.leaving > cutoff);
}

// ---- grade scales ----------------------------------------------------------------------------

export interface Scale {
  id: number;
  name: string;
  grades: string[];
  /** Lower-cased grade -> position (0 = lowest). */
  rank: Map<string, number>;
}

export function toScale(row: { id: number; name: string; grades: string }): Scale {
  const grades = JSON.parse(row.grades) as string[];
  return { id: row.id, name: row.name, grades, rank: new Map(grades.map((g, i) => [g.toLowerCase(), i])) };
}

export function loadScales(register: Register): Map<number, Scale> {
  return new Map(register.all(qb.selectFrom('grade_scales').select(['id', 'name', 'grades'])).map((r) => [r.id, toScale(r)]));
}

export function listGradeScales(register: Register): GradeScale[] {
  const used = new Set([
    ...register.all(qb.selectFrom('assessment_windows').select('grade_scale_id as s')).map((r) => r.s),
    ...register.all(qb.selectFrom('assessment_window_scales').select('grade_scale_id as s')).map((r) => r.s),
  ]);
  return register.all(qb.selectFrom('grade_scales').selectAll().orderBy('built_in', 'desc').orderBy('name')).map((r) => ({
    id: r.id, name: r.name, description: r.description, grades: JSON.parse(r.grades) as string[], builtIn: r.built_in === 1, inUse: used.has(r.id),
  }));
}

/** The scale's own spelling of a grade typed in any case, or null when it is not on the scale. */
export function canonicalGrade(scale: Scale, typed: string): string | null {
  const i = scale.rank.get(typed.trim().toLowerCase());
  return i === undefined ? null : scale.grades[i]!;
}

/** Grade steps of the predicted (else current) grade above (+) or below (-) the target. */
export function stepsFromTarget(scale: Scale, g: { current: string | null; target: string | null; predicted: string | null }): number | null {
  const rank = (v: string | null) => (v === null ? undefined : scale.rank.get(v.toLowerCase()));
  const target = rank(g.target);
  const judged = rank(g.predicted) ?? rank(g.current);
  return target === undefined || judged === undefined ? null : judged - target;
}

export function flagFor(steps: number | null): ProgressFlag | null {
  if (steps === null) return null;
  return steps > 0 ? 'above' : steps === 0 ? 'on_track' : 'below';
}

// ---- windows ---------------------------------------------------------------------------------

export interface WindowRow {
  id: number;
  academic_year_id: number;
  name: string;
  close_date: string;
  grade_scale_id: number;
  overrides: Map<number, number>;
}

export function loadWindow(register: Register, id: number): WindowRow {
  const w = register.one(qb.selectFrom('assessment_windows').selectAll().where('id', '=', id));
  if (!w) throw new NotFoundError('That assessment window');
  const overrides = register.all(qb.selectFrom('assessment_window_scales').select(['year_group', 'grade_scale_id']).where('window_id', '=', id));
  return { ...w, overrides: new Map(overrides.map((o) => [o.year_group, o.grade_scale_id])) };
}

/** The scale a child's grades are in for a window: their year group's override, else the window's. */
export function scaleIdFor(w: WindowRow, yearGroup: number): number {
  return w.overrides.get(yearGroup) ?? w.grade_scale_id;
}

// ---- the SLA, as of a date -------------------------------------------------------------------

export interface SlaSettingsRow { returnDue: number; gap: number; seniorName: string | null; seniorEmail: string | null }

export function loadSla(register: Register): SlaSettingsRow {
  const s = register.one(qb.selectFrom('sla_settings').selectAll().where('id', '=', 1));
  return {
    returnDue: s?.return_due_school_days ?? 5,
    gap: s?.escalation_gap_school_days ?? 3,
    seniorName: s?.senior_leader_name ?? null,
    seniorEmail: s?.senior_leader_email ?? null,
  };
}

export interface ChaseRecord { stage: number; chased_on: string }

/** Chases per return (or report) id, oldest first. */
export function chasesBy(register: Register, column: 'return_id' | 'provider_report_id', ids: number[]): Map<number, ChaseRecord[]> {
  const out = new Map<number, ChaseRecord[]>();
  if (ids.length === 0) return out;
  // Chunked: SQLite limits bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = register.all(qb.selectFrom('chases').select([column, 'stage', 'chased_on']).where(column, 'in', ids.slice(i, i + 500)).orderBy('chased_on'));
    for (const r of rows) {
      const key = r[column as 'return_id'] as number;
      const list = out.get(key) ?? [];
      list.push({ stage: r.stage, chased_on: r.chased_on });
      out.set(key, list);
    }
  }
  return out;
}

export const NOT_REQUESTED: SlaInfo = {
  status: 'not_requested', slaStage: 0, chasedStage: null, lastChasedOn: null, schoolDaysOverdue: 0, nextStageOn: null, returnedLate: null,
};

/** An item's status as of `asOf`: requested → (due) → late → chased stage 1/2/3, or returned. */
export function slaInfo(
  cal: SchoolCalendar,
  item: { dueOn: string | null; returnedOn: string | null },
  chases: ChaseRecord[],
  asOf: string,
  gap: number,
): SlaInfo {
  const sent = chases.filter((c) => c.chased_on <= asOf);
  const chasedStage = sent.length ? (Math.max(...sent.map((c) => c.stage)) as 1 | 2 | 3) : null;
  const lastChasedOn = sent.length ? sent[sent.length - 1]!.chased_on : null;
  if (item.dueOn === null) {
    const returned = item.returnedOn !== null && item.returnedOn <= asOf;
    return { ...NOT_REQUESTED, status: returned ? 'returned' : 'not_requested', chasedStage, lastChasedOn };
  }
  const p = slaPosition(cal, { dueOn: item.dueOn, returnedOn: item.returnedOn }, asOf, gap);
  let status: ItemStatus;
  if (p.state === 'returned') status = 'returned';
  else if (p.state !== 'late') status = 'requested';
  else status = chasedStage === null ? 'late' : (`chased_${chasedStage}` as ItemStatus);
  return {
    status,
    slaStage: p.stage as Stage,
    chasedStage,
    lastChasedOn,
    schoolDaysOverdue: p.schoolDaysOverdue,
    nextStageOn: p.nextStageOn,
    returnedLate: p.returnedLate,
  };
}

export const bool = (n: number): boolean => n === 1;
export const nowIso = (): string => new Date().toISOString();
