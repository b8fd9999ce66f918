// PEP targets not met at the last review: the DT should look again at the support (and at how
// PP+ is being spent) before the next PEP. Looked-after children only (PEPs are for them).

import { formatDate } from '../../../documents/format.ts';
import type { RegisterAlert } from '../../../api/contract/dashboard.ts';
import { makeAlert, type AlertRule } from '../types.ts';

export const pepTargetsNotMet: AlertRule = {
  kinds: ['pep-targets-not-met'],
  evaluate(ctx) {
    const out: RegisterAlert[] = [];
    for (const [childId, f] of ctx.pepFacts()) {
      const c = ctx.childById.get(childId);
      if (!c || c.status !== 'CLA' || f.targetsNotMetAtLastReview <= 0 || f.lastPepMeetingOn === null) continue;
      const n = f.targetsNotMetAtLastReview;
      out.push(makeAlert('pep-targets-not-met', childId, f.lastPepMeetingOn, 'warning', 'PEP targets not met',
        `${n} PEP target${n === 1 ? ' was' : 's were'} not met at the review on ${formatDate(f.lastPepMeetingOn)}: review the support and the interventions behind ${n === 1 ? 'it' : 'them'}.`,
        f.lastPepMeetingOn, 'pep', { link: { area: 'children', id: childId, tab: 'pep' } }));
    }
    return out;
  },
};
