// A looked-after child's social worker must be told of a suspension or exclusion the same day.

import { formatDate } from '../../../documents/format.ts';
import { outstandingExclusions } from '../data.ts';
import { makeAlert, type AlertRule } from '../types.ts';

export const suspensionSocialWorkerNotInformed: AlertRule = {
  kinds: ['suspension-social-worker-not-informed'],
  evaluate(ctx) {
    return outstandingExclusions(ctx)
      .filter((e) => e.social_worker_informed_on === null && ctx.childById.get(e.child_id)?.status === 'CLA')
      .map((e) => makeAlert(
        'suspension-social-worker-not-informed', e.child_id, e.id, 'urgent',
        'Social worker not yet informed',
        `${e.kind === 'PERM' ? 'Permanent exclusion' : 'Suspension'} from ${formatDate(e.start_date)}: the social worker should be told the same day. Record the date you told them.`,
        e.start_date, 'attendance',
      ));
  },
};
