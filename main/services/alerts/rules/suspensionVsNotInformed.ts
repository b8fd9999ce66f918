// A looked-after child's suspension or exclusion must be reported to their Virtual School the same
// day (../shared/reference thresholds: suspension_notify_vs_and_social_worker). Until a date is
// recorded, the alert stays. Previously looked-after children carry no such duty, so no alert.

import { formatDate } from '../../../documents/format.ts';
import { outstandingExclusions } from '../data.ts';
import { makeAlert, type AlertRule } from '../types.ts';

export const suspensionVsNotInformed: AlertRule = {
  kinds: ['suspension-vs-not-informed'],
  evaluate(ctx) {
    return outstandingExclusions(ctx)
      .filter((e) => e.vs_informed_on === null && ctx.childById.get(e.child_id)?.status === 'CLA')
      .map((e) => makeAlert(
        'suspension-vs-not-informed', e.child_id, e.id, 'urgent',
        'Virtual School not yet informed',
        `${e.kind === 'PERM' ? 'Permanent exclusion' : 'Suspension'} from ${formatDate(e.start_date)}: the Virtual School should be told the same day. Record the date you told them.`,
        e.start_date, 'attendance',
      ));
  },
};
