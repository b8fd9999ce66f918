// From Year 9 (alert threshold careersPlanFromYear), a looked-after child's PEP should carry a
// careers / post-16 plan: recorded on the child's record (careers_plan) or in the latest PEP
// (PepFacts.hasCareersPlan). Information until Year 11, then a warning (post-16 choices are due).
// Previously looked-after children have no PEP, so no alert.

import { yearGroup } from '../../../api/contract/yearGroup.ts';
import type { RegisterAlert } from '../../../api/contract/dashboard.ts';
import { makeAlert, type AlertRule } from '../types.ts';

export const careersPlanMissing: AlertRule = {
  kinds: ['careers-plan-missing'],
  evaluate(ctx) {
    const from = ctx.settings.careersPlanFromYear;
    const facts = ctx.pepFacts();
    const out: RegisterAlert[] = [];
    for (const c of ctx.children) {
      if (c.status !== 'CLA') continue;
      if (c.careers_plan?.trim() || facts.get(c.id)?.hasCareersPlan) continue;
      const yg = yearGroup(c.date_of_birth, ctx.today, c.year_group_offset);
      if (yg < from) continue;
      // Since 1 September of the year they reached the threshold year group (or joining, if later).
      const ayStart = Number(ctx.today.slice(5, 7)) >= 9 ? Number(ctx.today.slice(0, 4)) : Number(ctx.today.slice(0, 4)) - 1;
      const reached = `${ayStart - (yg - from)}-09-01`;
      const since = reached > c.date_joined_school ? reached : c.date_joined_school;
      out.push(makeAlert('careers-plan-missing', c.id, null, yg >= 11 ? 'warning' : 'info', 'No careers / post-16 plan',
        `In Year ${yg} with no careers or post-16 plan recorded: add one to the child's record or the PEP.`,
        since, 'education'));
    }
    return out;
  },
};
