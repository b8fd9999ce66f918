// alertsFor(register, today, childId?): every open alert, most serious first. Plain functions of
// the register and a date; thresholds come from the school settings.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { Alert, AlertSeverity } from '../../api/contract.ts';
import { getSchoolSettings } from '../settings.ts';
import { ALERT_RULES } from './registry.ts';
import type { AlertChild, AlertContext, AlertRule } from './types.ts';

export type { AlertChild, AlertContext, AlertRule, AlertSettings } from './types.ts';
export { makeAlert } from './types.ts';

const SEVERITY_ORDER: Record<AlertSeverity, number> = { urgent: 0, warning: 1, info: 2 };

export function compareAlerts(a: Alert, b: Alert): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.since.localeCompare(b.since) || a.key.localeCompare(b.key);
}

export function buildAlertContext(register: Register, today: string, childId: number | null = null): AlertContext {
  const s = getSchoolSettings(register);
  let q = qb.selectFrom('children')
    .select(['id', 'status', 'date_joined_school', 'esw_name', 'sen_provision', 'ehcp_review_date'])
    .where('leaving_date', 'is', null);
  if (childId !== null) q = q.where('id', '=', childId);
  const children: AlertChild[] = register.all(q);
  const cache = new Map<string, unknown>();
  return {
    register,
    today,
    childId,
    settings: { actionPlanPercent: s.attendanceActionPlanPercent, pepReviewPercent: s.attendancePepReviewPercent, eswSessionWeeks: s.eswSessionWeeks },
    children,
    childById: new Map(children.map((c) => [c.id, c])),
    once<T>(key: string, load: () => T): T {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key) as T;
    },
  };
}

/** Every open alert on `today` (ISO), for one child or for every child on roll. */
export function alertsFor(register: Register, today: string, childId?: number, rules: readonly AlertRule[] = ALERT_RULES): Alert[] {
  const ctx = buildAlertContext(register, today, childId ?? null);
  if (ctx.children.length === 0) return [];
  return rules.flatMap((r) => r.evaluate(ctx)).sort(compareAlerts);
}

/** Alert counts per child, for the Children grid. */
export function alertCounts(alerts: readonly Alert[]): Map<number, { all: number; urgent: number }> {
  const out = new Map<number, { all: number; urgent: number }>();
  for (const a of alerts) {
    const c = out.get(a.childId) ?? { all: 0, urgent: 0 };
    c.all++;
    if (a.severity === 'urgent') c.urgent++;
    out.set(a.childId, c);
  }
  return out;
}
