// Suspension paperwork (to the carers, the Virtual School and the social worker) is due within 48
// hours (../shared/reference: suspension_paperwork_within_hours_default). With dates only, that is
// by the end of the second day after the start: a warning until then, urgent after.

import { formatDate } from '../../../documents/format.ts';
import { paperworkDueBy } from '../../children/mapping.ts';
import { outstandingExclusions } from '../data.ts';
import { makeAlert, type AlertRule } from '../types.ts';

export const suspensionPaperwork: AlertRule = {
  kinds: ['suspension-paperwork'],
  evaluate(ctx) {
    return outstandingExclusions(ctx).filter((e) => e.paperwork_sent_on === null).map((e) => {
      const due = paperworkDueBy(e.start_date);
      const overdue = ctx.today > due;
      return makeAlert(
        'suspension-paperwork', e.child_id, e.id, overdue ? 'urgent' : 'warning',
        overdue ? 'Suspension paperwork overdue' : 'Suspension paperwork due',
        `${e.kind === 'PERM' ? 'Permanent exclusion' : 'Suspension'} from ${formatDate(e.start_date)}: the paperwork ${overdue ? 'was' : 'is'} due by ${formatDate(due)} (within 48 hours).`,
        e.start_date, 'attendance',
      );
    });
  },
};
