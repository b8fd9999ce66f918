// PEP due or overdue, per the child's LA timescales (../pepSchedule.ts has the rules): urgent once
// the due date has passed, a warning from `pepDueSoonSchoolDays` school days before it (default
// 10), nothing earlier. The same rule watches the last PEP's paperwork: still a draft (or ready but
// not submitted) as the LA's cut-off for its term approaches or passes, or returned by the Virtual
// School for changes. Looked-after children only: a previously looked-after child has no statutory PEP.

import { formatDate } from '../../../documents/format.ts';
import type { RegisterAlert, RegisterAlertKind } from '../../../api/contract/dashboard.ts';
import { loadPepCalendarData, pepSchedule, termDeadline, termLabel, termOf } from '../pepSchedule.ts';
import { makeAlert, type AlertRule } from '../types.ts';

const TITLES: Record<'initial' | 'new_school' | 'termly', [RegisterAlertKind, string]> = {
  initial: ['pep-initial-due', 'Initial PEP'],
  new_school: ['pep-new-school-due', 'New PEP after a change of school'],
  termly: ['pep-review-due', 'Termly PEP review'],
};

const inDays = (n: number): string => (n === 0 ? 'today' : `in ${n} school day${n === 1 ? '' : 's'}`);

export const pepDue: AlertRule = {
  kinds: ['pep-initial-due', 'pep-new-school-due', 'pep-review-due', 'pep-not-submitted', 'pep-returned'],
  evaluate(ctx) {
    const out: RegisterAlert[] = [];
    const soon = ctx.settings.pepDueSoonSchoolDays;
    const cal = ctx.calendar();
    const link = (childId: number) => ({ link: { area: 'children' as const, id: childId, tab: 'pep' as const } });
    for (const e of pepSchedule(ctx).values()) {
      const [kind, what] = TITLES[e.kind];
      const part = e.kind === 'termly' ? (e.term ?? e.dueOn) : e.trigger;
      const estimate = e.estimated ? ' (estimated: the school calendar does not cover these dates)' : '';
      if (ctx.today > e.dueOn) {
        out.push(makeAlert(kind, e.childId, part, 'urgent', `${what} overdue`,
          `${e.basis}: it was due by ${formatDate(e.dueOn)}${estimate}.`, e.dueOn, 'pep', { dueOn: e.dueOn, ...link(e.childId) }));
        continue;
      }
      const left = cal.schoolDaysBetween(ctx.today, e.dueOn);
      if (left > soon) continue;
      const from = cal.addSchoolDays(e.dueOn, -soon);
      out.push(makeAlert(kind, e.childId, part, 'warning', `${what} due`,
        `${e.basis}: due by ${formatDate(e.dueOn)} (${inDays(left)})${estimate}.`,
        from > e.trigger ? from : e.trigger, 'pep', { dueOn: e.dueOn, ...link(e.childId) }));
    }

    // The last PEP's paperwork.
    const data = ctx.once('pepCalendarData', () => loadPepCalendarData(ctx.register));
    for (const [childId, f] of ctx.pepFacts()) {
      const c = ctx.childById.get(childId);
      if (!c || c.status !== 'CLA' || f.lastPepMeetingOn === null) continue;
      if (f.lastPepStatus === 'returned') {
        out.push(makeAlert('pep-returned', childId, f.lastPepMeetingOn, 'warning', 'PEP returned by the Virtual School',
          `The PEP from the meeting on ${formatDate(f.lastPepMeetingOn)} was returned for changes: amend it and submit it again.`,
          f.lastPepMeetingOn, 'pep', link(childId)));
        continue;
      }
      if (f.lastPepStatus !== 'draft' && f.lastPepStatus !== 'ready') continue;
      const at = termOf(data.terms, f.lastPepMeetingOn);
      const term = at ? data.terms[at.index] : undefined;
      if (!term) continue;
      const d = termDeadline(data, c.responsible_la_id, term);
      const deadline = d.isCutoff ? `the Virtual School's cut-off for the ${termLabel(term)} term, ${formatDate(d.date)}` : `the end of the ${termLabel(term)} term, ${formatDate(d.date)}`;
      const state = f.lastPepStatus === 'draft' ? 'is still a draft' : 'is ready but not submitted';
      if (ctx.today > d.date) {
        out.push(makeAlert('pep-not-submitted', childId, f.lastPepMeetingOn, 'urgent', 'PEP not submitted',
          `The PEP from the meeting on ${formatDate(f.lastPepMeetingOn)} ${state}; it was due by ${deadline}.`, d.date, 'pep', { dueOn: d.date, ...link(childId) }));
      } else if (cal.schoolDaysBetween(ctx.today, d.date) <= soon) {
        out.push(makeAlert('pep-not-submitted', childId, f.lastPepMeetingOn, 'warning', 'PEP to submit',
          `The PEP from the meeting on ${formatDate(f.lastPepMeetingOn)} ${state}; submit it by ${deadline}.`, f.lastPepMeetingOn, 'pep',
          { dueOn: d.date, ...link(childId) }));
      }
    }
    return out;
  },
};
