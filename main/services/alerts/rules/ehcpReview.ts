// An EHC plan is reviewed at least every 12 months: warn ahead (30 days by default: the
// ehcpReviewWarningDays threshold), urgent once overdue, and a gentle note when a child with a plan
// has no review date recorded.

import { formatDate } from '../../../documents/format.ts';
import { addDays, daysBetween } from '../../children/dates.ts';
import { makeAlert, type AlertRule } from '../types.ts';
import type { RegisterAlert } from '../../../api/contract/dashboard.ts';

export const ehcpReview: AlertRule = {
  kinds: ['ehcp-review'],
  evaluate(ctx) {
    const out: RegisterAlert[] = [];
    const warnDays = ctx.settings.ehcpReviewWarningDays;
    for (const c of ctx.children) {
      if (c.sen_provision !== 'E') continue;
      const due = c.ehcp_review_date;
      if (!due) {
        out.push(makeAlert('ehcp-review', c.id, null, 'info', 'No EHCP review date',
          'The child has an EHC plan but no annual review date is recorded.', c.date_joined_school, 'education'));
        continue;
      }
      const daysLeft = daysBetween(ctx.today, due);
      if (daysLeft < 0) {
        out.push(makeAlert('ehcp-review', c.id, null, 'urgent', 'EHCP review overdue',
          `The EHCP annual review was due on ${formatDate(due)}.`, due, 'education', { dueOn: due }));
      } else if (daysLeft <= warnDays) {
        out.push(makeAlert('ehcp-review', c.id, null, 'warning', 'EHCP review due soon',
          `The EHCP annual review is due on ${formatDate(due)}${daysLeft === 0 ? ' (today)' : ` (in ${daysLeft} day${daysLeft === 1 ? '' : 's'})`}.`,
          addDays(due, -warnDays), 'education', { dueOn: due }));
      }
    }
    return out;
  },
};
