// The SLA escalation ladder, as of any date (DESIGN.md "SLA chase letters"). Pure functions over
// the school-day calendar, shared by progress returns and providers' session reports.
//
//   before the due date ............ not due
//   on the due date (and any non-school days straight after it) ... due
//   first school day after due ..... stage 1: reminder to the teacher (or provider)
//   + gap school days .............. stage 2: chase copied to the subject leader
//   + a further gap ................ stage 3: escalation to senior leadership
//
// A return recorded on or before the as-of date ends the ladder: nothing more is chased from that
// day, whatever stage it had reached. Looking at an earlier date than the return shows the ladder
// as it stood then, so history reads correctly.

import type { SchoolCalendar } from '../calendar/schoolDays.ts';

export type Stage = 0 | 1 | 2 | 3;
export type SlaState = 'not_due' | 'due' | 'late' | 'returned';

export interface Ladder {
  dueOn: string;
  stage1On: string;
  stage2On: string;
  stage3On: string;
}

export interface SlaPosition {
  state: SlaState;
  /** 0 unless late; the stage of the ladder reached by the as-of date. */
  stage: Stage;
  ladder: Ladder;
  /** School days after the due date, up to the as-of date (late items), else 0. */
  schoolDaysOverdue: number;
  /** The day the next stage starts, while still late and below stage 3. */
  nextStageOn: string | null;
  /** For returned items: whether the return came after the due date. */
  returnedLate: boolean | null;
}

/** The due date: `after` school days after the trigger date, always a school day. */
export function dueDate(cal: SchoolCalendar, trigger: string, after: number): string {
  return cal.addSchoolDays(trigger, after);
}

/** The day each stage of the ladder starts, for an item due on `dueOn`. */
export function ladder(cal: SchoolCalendar, dueOn: string, gap: number): Ladder {
  const stage1On = cal.addSchoolDays(dueOn, 1);
  const stage2On = cal.addSchoolDays(stage1On, gap);
  return { dueOn, stage1On, stage2On, stage3On: cal.addSchoolDays(stage2On, gap) };
}

/** Where an item stands on the ladder as of `asOf`. */
export function slaPosition(
  cal: SchoolCalendar,
  item: { dueOn: string; returnedOn: string | null },
  asOf: string,
  gap: number,
): SlaPosition {
  const l = ladder(cal, item.dueOn, gap);
  if (item.returnedOn !== null && item.returnedOn <= asOf) {
    return { state: 'returned', stage: 0, ladder: l, schoolDaysOverdue: 0, nextStageOn: null, returnedLate: item.returnedOn > item.dueOn };
  }
  const base = { ladder: l, returnedLate: null };
  if (asOf < l.dueOn) return { ...base, state: 'not_due', stage: 0, schoolDaysOverdue: 0, nextStageOn: null };
  if (asOf < l.stage1On) return { ...base, state: 'due', stage: 0, schoolDaysOverdue: 0, nextStageOn: l.stage1On };
  const stage: Stage = asOf >= l.stage3On ? 3 : asOf >= l.stage2On ? 2 : 1;
  return {
    ...base,
    state: 'late',
    stage,
    schoolDaysOverdue: cal.schoolDaysBetween(l.dueOn, asOf),
    nextStageOn: stage === 1 ? l.stage2On : stage === 2 ? l.stage3On : null,
  };
}

/** The reply-by date printed on a letter sent on `asOf`: gap school days later. */
export function replyBy(cal: SchoolCalendar, asOf: string, gap: number): string {
  return cal.addSchoolDays(asOf, gap);
}
