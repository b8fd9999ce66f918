// Risk reviews due: each risk that is not closed has a next review date. Information from
// `riskReviewDueSoonDays` days before it (default 14), a warning once overdue, urgent once a month
// (30 days) overdue. Not a child's alert: skipped when one child's alerts are asked for.

import { formatDate } from '../../../documents/format.ts';
import { qb } from '../../../../db/query.ts';
import type { RegisterAlert } from '../../../api/contract/dashboard.ts';
import { riskBand } from '../../../api/contract/risks.ts';
import { addDays, daysBetween } from '../../children/dates.ts';
import type { AlertRule } from '../types.ts';

export const RISK_REVIEW_URGENT_AFTER_DAYS = 30;

export const riskReviewDue: AlertRule = {
  kinds: ['risk-review-due'],
  evaluate(ctx) {
    if (ctx.childId !== null) return [];
    const soon = ctx.settings.riskReviewDueSoonDays;
    const risks = ctx.register.all(qb.selectFrom('risks').select(['id', 'title', 'likelihood', 'impact', 'next_review_date', 'owner'])
      .where('status', '!=', 'closed').where('next_review_date', '<=', addDays(ctx.today, soon)).orderBy('next_review_date').orderBy('id'));
    return risks.map((r): RegisterAlert => {
      const late = daysBetween(r.next_review_date, ctx.today);
      const score = r.likelihood * r.impact;
      const about = `"${r.title}" (score ${score}, ${riskBand(score).replace('_', ' ')}${r.owner ? `, owner ${r.owner}` : ''})`;
      const severity = late > RISK_REVIEW_URGENT_AFTER_DAYS ? 'urgent' : late > 0 ? 'warning' : 'info';
      return {
        key: `risk-review-due:risk:${r.id}`,
        kind: 'risk-review-due',
        severity,
        title: late > 0 ? 'Risk review overdue' : 'Risk review due',
        reason: late > 0
          ? `The review of ${about} was due on ${formatDate(r.next_review_date)}, ${late} day${late === 1 ? '' : 's'} ago.`
          : `The review of ${about} is due on ${formatDate(r.next_review_date)}${late === 0 ? ' (today)' : ` (in ${-late} day${late === -1 ? '' : 's'})`}.`,
        since: late > 0 ? r.next_review_date : addDays(r.next_review_date, -soon),
        dueOn: r.next_review_date,
        subject: { type: 'risk', id: r.id, name: r.title },
        childId: null,
        riskId: r.id,
        link: { area: 'risks', id: r.id, tab: 'review' },
        refs: null,
      };
    });
  },
};
