// Children with an Education Support Worker should see them at least every N weeks (school
// setting, default 4; ../shared/reference esw_session_at_least_every_weeks_default). Counted in
// calendar days from the last ESW session, or from the day the child joined if there has been none.

import { formatDate } from '../../../documents/format.ts';
import { addDays, daysBetween } from '../../children/dates.ts';
import { lastEswSession } from '../data.ts';
import { makeAlert, type AlertRule } from '../types.ts';
import type { Alert } from '../../../api/contract.ts';

export const eswSessionOverdue: AlertRule = {
  kinds: ['esw-session-overdue'],
  evaluate(ctx) {
    const limit = ctx.settings.eswSessionWeeks * 7;
    const last = lastEswSession(ctx);
    const out: Alert[] = [];
    for (const c of ctx.children) {
      if (!c.esw_name) continue;
      const lastOn = last.get(c.id) ?? null;
      const from = lastOn ?? c.date_joined_school;
      const days = daysBetween(from, ctx.today);
      if (days <= limit) continue;
      const weeks = Math.floor(days / 7);
      out.push(makeAlert('esw-session-overdue', c.id, null, 'warning', 'ESW session overdue',
        lastOn
          ? `The last ESW session was on ${formatDate(lastOn)}, ${weeks} weeks ago; sessions should be at least every ${ctx.settings.eswSessionWeeks} weeks.`
          : `No ESW session is recorded since the child joined on ${formatDate(c.date_joined_school)}; sessions should be at least every ${ctx.settings.eswSessionWeeks} weeks.`,
        addDays(from, limit), 'voice'));
    }
    return out;
  },
};
