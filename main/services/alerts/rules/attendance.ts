// Attendance in the child's latest recorded period against the school's thresholds: below the PEP
// review figure (default 85%) calls for a PEP review, at or below the action-plan figure (default
// 90%) for an attendance action plan. One alert per child, the more serious one.

import { formatDate, formatPercent } from '../../../documents/format.ts';
import { attendanceBand, attendancePercent } from '../../children/mapping.ts';
import { latestAttendance } from '../data.ts';
import { makeAlert, type AlertRule } from '../types.ts';
import type { RegisterAlert } from '../../../api/contract/dashboard.ts';

export const attendanceThresholds: AlertRule = {
  kinds: ['attendance-pep-review', 'attendance-action-plan'],
  evaluate(ctx) {
    const out: RegisterAlert[] = [];
    for (const [childId, p] of latestAttendance(ctx)) {
      const percent = attendancePercent(p.present_sessions, p.possible_sessions);
      const band = attendanceBand(percent, ctx.settings);
      const period = `${formatDate(p.period_start)} to ${formatDate(p.period_end)}`;
      if (band === 'pep-review') {
        out.push(makeAlert('attendance-pep-review', childId, null, 'urgent', 'Attendance below the PEP review threshold',
          `${formatPercent(percent)} for ${period}, below ${ctx.settings.pepReviewPercent}%: review the PEP with the Virtual School.`,
          p.period_end, 'attendance'));
      } else if (band === 'action-plan') {
        out.push(makeAlert('attendance-action-plan', childId, null, 'warning', 'Attendance needs an action plan',
          `${formatPercent(percent)} for ${period}, at or below ${ctx.settings.actionPlanPercent}%: agree an attendance action plan.`,
          p.period_end, 'attendance'));
      }
    }
    return out;
  },
};
