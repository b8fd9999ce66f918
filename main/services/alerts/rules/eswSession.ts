// Children with an Education Support Worker should see them at least every N weeks (school
// setting, default 4; ../shared/reference esw_session_at_least_every_weeks_default), counted from
// the last ESW session, or from the day the child joined if there has been none.
//
// By default the weeks are *school* weeks: N × 5 school days on the school calendar, so half terms
// and the summer holiday do not raise an alert in the first days of term (sessions happen in
// school). Where no calendar is set up, weekdays are counted. The alertThresholds setting
// eswCountSchoolWeeks = false counts calendar weeks (N × 7 days) instead.

import { formatDate } from '../../../documents/format.ts';
import { addDays, daysBetween } from '../../children/dates.ts';
import { lastEswSession } from '../data.ts';
import { makeAlert, type AlertRule } from '../types.ts';
import type { RegisterAlert } from '../../../api/contract/dashboard.ts';

export const eswSessionOverdue: AlertRule = {
  kinds: ['esw-session-overdue'],
  evaluate(ctx) {
    const weeksSetting = ctx.settings.eswSessionWeeks;
    const schoolWeeks = ctx.settings.eswCountSchoolWeeks;
    const last = lastEswSession(ctx);
    const out: RegisterAlert[] = [];
    for (const c of ctx.children) {
      if (!c.esw_name) continue;
      const lastOn = last.get(c.id) ?? null;
      const from = lastOn ?? c.date_joined_school;
      let elapsed: number;
      let dueOn: string;
      if (schoolWeeks) {
        const cal = ctx.calendar();
        const limit = weeksSetting * 5;
        elapsed = cal.schoolDaysBetween(from, ctx.today);
        if (elapsed <= limit) continue;
        dueOn = cal.addSchoolDays(from, limit);
      } else {
        const limit = weeksSetting * 7;
        elapsed = daysBetween(from, ctx.today);
        if (elapsed <= limit) continue;
        dueOn = addDays(from, limit);
      }
      const weeks = Math.floor(elapsed / (schoolWeeks ? 5 : 7));
      const ago = `${weeks} ${schoolWeeks ? 'school ' : ''}week${weeks === 1 ? '' : 's'} ago`;
      out.push(makeAlert('esw-session-overdue', c.id, null, 'warning', 'ESW session overdue',
        lastOn
          ? `The last ESW session was on ${formatDate(lastOn)}, ${ago}; sessions should be at least every ${weeksSetting} ${schoolWeeks ? 'school ' : ''}weeks.`
          : `No ESW session is recorded since the child joined on ${formatDate(c.date_joined_school)}; sessions should be at least every ${weeksSetting} ${schoolWeeks ? 'school ' : ''}weeks.`,
        dueOn, 'voice', { dueOn }));
    }
    return out;
  },
};
