// Progress returns overdue under the SLA (progress service `overdueReturns`): one alert per child
// per assessment window, listing the subjects. A warning while the chase is at stage 1 or 2, urgent
// once any has reached stage 3 (escalation to senior leadership). Links to the window's returns,
// where the chase letters are sent.

import { formatDate } from '../../../documents/format.ts';
import type { RegisterAlert } from '../../../api/contract/dashboard.ts';
import { overdueReturns, type OverdueReturn } from '../../progress/views.ts';
import { makeAlert, type AlertRule } from '../types.ts';

const STAGES = { 1: 'a reminder to the teacher', 2: 'a chase copied to the subject leader', 3: 'escalation to senior leadership' } as const;

export const returnsOverdue: AlertRule = {
  kinds: ['returns-overdue'],
  evaluate(ctx) {
    const all = ctx.once('overdueReturns', () => overdueReturns(ctx.register, ctx.today, ctx.childId ?? undefined));
    const groups = new Map<string, OverdueReturn[]>();
    for (const r of all) {
      if (!ctx.childById.has(r.childId)) continue;
      const key = `${r.childId}:${r.windowId}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const out: RegisterAlert[] = [];
    for (const rs of groups.values()) {
      const first = rs[0]!;
      const stage = Math.max(...rs.map((r) => r.stage)) as 1 | 2 | 3;
      const due = rs.map((r) => r.dueOn).sort()[0]!;
      const subjects = [...new Set(rs.map((r) => r.subjectName))].sort().join(', ');
      const n = rs.length;
      out.push(makeAlert('returns-overdue', first.childId, first.windowId, stage === 3 ? 'urgent' : 'warning',
        `Progress return${n === 1 ? '' : 's'} overdue`,
        `${n} ${first.windowName} return${n === 1 ? ' is' : 's are'} overdue (${subjects}), due by ${formatDate(due)}; the SLA has reached ${STAGES[stage]}.`,
        due, 'progress', {
          dueOn: due,
          link: { area: 'progress', id: first.windowId, tab: 'returns' },
          refs: { windowId: first.windowId, returnIds: rs.map((r) => r.returnId).sort((a, b) => a - b) },
        }));
    }
    return out;
  },
};
