// When each looked-after child's next PEP is due, per their LA's timescales (DESIGN.md "Local
// authorities"), from the PEP facts (./pepSource.ts) and the school-day calendar:
//
// - No PEP since the trigger date: the trigger is the later of entering care and joining the
//   school. Entering care while on roll gives an *initial* PEP within the LA's initial PEP school
//   days; joining the school while already in care (a change of school) a *new-school* PEP within
//   the LA's new-school PEP school days. Unknown date into care, or both on one day: initial, from
//   joining. A PEP held before the trigger (e.g. at the previous school) does not count.
// - Otherwise the *termly* review: one PEP each term. The term of the last PEP is the term that
//   contains its meeting date (a meeting in a holiday counts for the next term); the next PEP is
//   due in the following term, by the LA's cut-off date for that term (la_pep_deadlines), else by
//   the end of that term. Without a calendar for those dates: 65 school days (13 weeks, counted in
//   weekdays) after the last PEP, marked as estimated.
//
// Previously looked-after children have no statutory PEP: they get no entry. Day counting is
// "within N school days": due on the N-th school day after the trigger (calendar.addSchoolDays).

import { formatDate } from '../../documents/format.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { PepDueKind } from '../../api/contract/dashboard.ts';
import type { SchoolCalendar } from '../calendar/schoolDays.ts';
import type { PepFacts } from './pepSource.ts';
import type { AlertChild, AlertContext } from './types.ts';

/** Reference defaults (initial_pep_within_days_default, new_pep_after_school_change_within_days_default). */
export const DEFAULT_INITIAL_PEP_SCHOOL_DAYS = 20;
export const DEFAULT_NEW_SCHOOL_PEP_SCHOOL_DAYS = 20;
/** Fallback gap for a termly review when the calendar does not cover the next term. */
export const FALLBACK_TERM_SCHOOL_DAYS = 65;

export interface TermRow {
  academicYearId: number;
  academicYearLabel: string;
  name: 'Autumn' | 'Spring' | 'Summer';
  startDate: string;
  endDate: string;
  halfTermStart: string | null;
  halfTermEnd: string | null;
}

export interface LaRule { id: number; name: string; initialDays: number; newSchoolDays: number }

export interface PepCalendarData {
  terms: TermRow[];
  /** `${laId}:${academicYearId}:${term}` → cut-off date. */
  cutoffs: Map<string, string>;
  las: Map<number, LaRule>;
}

export interface PepScheduleEntry {
  childId: number;
  laId: number | null;
  kind: PepDueKind;
  trigger: string;
  dueOn: string;
  /** Weekdays were assumed for part of the count. */
  estimated: boolean;
  basis: string;
  /** For termly reviews: the term the PEP is for, e.g. "Spring 2025-26". */
  term: string | null;
  /** True when the due date is an LA cut-off (rather than a count or the end of term). */
  isCutoff: boolean;
  facts: PepFacts;
}

export function loadPepCalendarData(register: Register): PepCalendarData {
  const terms = register.all(qb.selectFrom('terms').innerJoin('academic_years', 'academic_years.id', 'terms.academic_year_id')
    .select(['terms.academic_year_id', 'academic_years.label', 'terms.name', 'terms.start_date', 'terms.end_date', 'terms.half_term_start', 'terms.half_term_end'])
    .orderBy('terms.start_date')).map((t): TermRow => ({
    academicYearId: t.academic_year_id, academicYearLabel: t.label, name: t.name, startDate: t.start_date, endDate: t.end_date,
    halfTermStart: t.half_term_start, halfTermEnd: t.half_term_end,
  }));
  const cutoffs = new Map(register.all(qb.selectFrom('la_pep_deadlines').select(['la_id', 'academic_year_id', 'term', 'cutoff_date']))
    .map((d) => [`${d.la_id}:${d.academic_year_id}:${d.term}`, d.cutoff_date]));
  const las = new Map(register.all(qb.selectFrom('local_authorities').select(['id', 'name', 'initial_pep_school_days', 'new_school_pep_school_days']))
    .map((l) => [l.id, { id: l.id, name: l.name, initialDays: l.initial_pep_school_days, newSchoolDays: l.new_school_pep_school_days }]));
  return { terms, cutoffs, las };
}

/** The term containing the date, else the next one to start (a holiday belongs to the coming term). */
export function termOf(terms: readonly TermRow[], date: string): { index: number; inTerm: boolean } | null {
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (date >= t.startDate && date <= t.endDate) return { index: i, inTerm: true };
    if (t.startDate > date) return { index: i, inTerm: false };
  }
  return null;
}

export const termLabel = (t: TermRow): string => `${t.name} ${t.academicYearLabel}`;

/** The LA's cut-off for the term, else the term's last day. */
export function termDeadline(data: PepCalendarData, laId: number | null, t: TermRow): { date: string; isCutoff: boolean } {
  const cut = laId === null ? undefined : data.cutoffs.get(`${laId}:${t.academicYearId}:${t.name}`);
  return cut ? { date: cut, isCutoff: true } : { date: t.endDate, isCutoff: false };
}

export function scheduleFor(c: AlertChild, facts: PepFacts, data: PepCalendarData, cal: SchoolCalendar): PepScheduleEntry | null {
  if (c.status !== 'CLA') return null;
  const la = c.responsible_la_id === null ? undefined : data.las.get(c.responsible_la_id);
  const laId = c.responsible_la_id;
  const joined = c.date_joined_school;
  const intoCare = c.date_into_care;
  let kind: PepDueKind;
  let trigger: string;
  let days: number;
  let basis: string;
  if (intoCare !== null && intoCare > joined) {
    kind = 'initial';
    trigger = intoCare;
    days = la?.initialDays ?? DEFAULT_INITIAL_PEP_SCHOOL_DAYS;
    basis = `Initial PEP within ${days} school days of entering care on ${formatDate(intoCare)}`;
  } else if (intoCare !== null && intoCare < joined) {
    kind = 'new_school';
    trigger = joined;
    days = la?.newSchoolDays ?? DEFAULT_NEW_SCHOOL_PEP_SCHOOL_DAYS;
    basis = `New PEP within ${days} school days of joining the school on ${formatDate(joined)}`;
  } else {
    kind = 'initial';
    trigger = joined;
    days = la?.initialDays ?? DEFAULT_INITIAL_PEP_SCHOOL_DAYS;
    basis = `Initial PEP within ${days} school days of joining the school on ${formatDate(joined)}`;
  }
  const last = facts.lastPepMeetingOn;
  if (last === null || last < trigger) {
    const dueOn = cal.addSchoolDays(trigger, days);
    return { childId: c.id, laId, kind, trigger, dueOn, estimated: !cal.isConfigured(trigger, dueOn), basis, term: null, isCutoff: false, facts };
  }
  // Termly review: the term after the last PEP's term.
  // A PEP in a holiday counts for the coming term, so either way the next one is due the term after.
  const at = termOf(data.terms, last);
  const next = at ? data.terms[at.index + 1] : undefined;
  if (next) {
    const d = termDeadline(data, laId, next);
    return {
      childId: c.id, laId, kind: 'termly', trigger: last, dueOn: d.date, estimated: false,
      basis: `Termly PEP review for the ${termLabel(next)} term: ${d.isCutoff ? `the Virtual School's cut-off is ${formatDate(d.date)}` : `by the end of term, ${formatDate(d.date)}`}`,
      term: termLabel(next), isCutoff: d.isCutoff, facts,
    };
  }
  const dueOn = cal.addSchoolDays(last, FALLBACK_TERM_SCHOOL_DAYS);
  return {
    childId: c.id, laId, kind: 'termly', trigger: last, dueOn, estimated: true,
    basis: `Termly PEP review: the school calendar does not cover the next term, so about 13 school weeks after the last PEP on ${formatDate(last)}`,
    term: null, isCutoff: false, facts,
  };
}

/** The next PEP due for every looked-after child on roll whose PEP facts are known. */
export function pepSchedule(ctx: AlertContext): Map<number, PepScheduleEntry> {
  return ctx.once('pepSchedule', () => {
    const data = ctx.once('pepCalendarData', () => loadPepCalendarData(ctx.register));
    const cal = ctx.calendar();
    const facts = ctx.pepFacts();
    const out = new Map<number, PepScheduleEntry>();
    for (const c of ctx.children) {
      const f = facts.get(c.id);
      if (!f) continue;
      const e = scheduleFor(c, f, data, cal);
      if (e) out.set(c.id, e);
    }
    return out;
  });
}
