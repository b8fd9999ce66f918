// The alerts engine: plain functions of the register and a date; thresholds come from the school
// settings and the alert thresholds (./thresholds.ts).
//
//   registerAlerts(register, today, opts?)  every open alert (children and risks), most serious
//                                           first: the dashboard and listAlerts.
//   alertsFor(register, today, childId?)    issue 4's child alerts in the shape of contract/children.ts
//                                           `Alert` (the child's file and the Children grid counts).

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { Alert, AlertKind, AlertSeverity, ChildTab } from '../../api/contract.ts';
import type { RegisterAlert } from '../../api/contract/dashboard.ts';
import { loadSchoolCalendar } from '../calendar/index.ts';
import type { SchoolCalendar } from '../calendar/schoolDays.ts';
import { getSchoolSettings } from '../settings.ts';
import { type PepFacts, type PepFactsSource, pepFactsSource } from './pepSource.ts';
import { pepSchedule } from './pepSchedule.ts';
import { ALERT_RULES, LEGACY_RULES } from './registry.ts';
import { getAlertThresholds } from './thresholds.ts';
import { type AlertChild, type AlertContext, type AlertRule, displayName } from './types.ts';

export type { AlertChild, AlertContext, AlertRule, AlertSettings } from './types.ts';
export { displayName, makeAlert } from './types.ts';
export { getAlertThresholds, updateAlertThresholds } from './thresholds.ts';
export { type PepFacts, type PepFactsSource, setPepFactsSource, pepDataAvailable } from './pepSource.ts';

const SEVERITY_ORDER: Record<AlertSeverity, number> = { urgent: 0, warning: 1, info: 2 };

export function compareAlerts(a: Pick<Alert, 'severity' | 'since' | 'key'>, b: Pick<Alert, 'severity' | 'since' | 'key'>): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.since.localeCompare(b.since) || a.key.localeCompare(b.key);
}

export interface ContextOptions {
  /** Where PEP facts come from (default: the registered source, see ./pepSource.ts). */
  pepFacts?: PepFactsSource;
  /** A calendar already loaded by the caller. */
  calendar?: SchoolCalendar;
}

export function buildAlertContext(register: Register, today: string, childId: number | null = null, opts: ContextOptions = {}): AlertContext {
  const s = getSchoolSettings(register);
  let q = qb.selectFrom('children')
    .select([
      'id', 'status', 'legal_first_name', 'legal_last_name', 'preferred_name', 'date_of_birth', 'year_group_offset', 'date_joined_school',
      'date_into_care', 'responsible_la_id', 'esw_name', 'sen_provision', 'ehcp_review_date', 'careers_plan',
    ])
    .where('leaving_date', 'is', null);
  if (childId !== null) q = q.where('id', '=', childId);
  const children: AlertChild[] = register.all(q);
  const cache = new Map<string, unknown>();
  const once = <T>(key: string, load: () => T): T => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as T;
  };
  return {
    register,
    today,
    childId,
    settings: {
      ...getAlertThresholds(register),
      actionPlanPercent: s.attendanceActionPlanPercent,
      pepReviewPercent: s.attendancePepReviewPercent,
      eswSessionWeeks: s.eswSessionWeeks,
    },
    children,
    childById: new Map(children.map((c) => [c.id, c])),
    calendar: () => once('calendar', () => opts.calendar ?? loadSchoolCalendar(register)),
    pepFacts: () => once('pepFacts', (): ReadonlyMap<number, PepFacts> => {
      const ids = children.filter((c) => c.status === 'CLA').map((c) => c.id);
      return ids.length ? (opts.pepFacts ?? pepFactsSource())(register, ids, today) : new Map();
    }),
    once,
  };
}

/** Runs the rules on a context: names filled in, sorted most serious first. */
export function evaluateRules(ctx: AlertContext, rules: readonly AlertRule[] = ALERT_RULES): RegisterAlert[] {
  const out = rules.flatMap((r) => r.evaluate(ctx));
  for (const a of out) {
    if (a.subject.type === 'child' && !a.subject.name) {
      const c = ctx.childById.get(a.subject.id);
      if (c) a.subject.name = displayName(c);
    }
  }
  return out.sort(compareAlerts);
}

export interface RegisterAlertOptions extends ContextOptions {
  childId?: number;
  rules?: readonly AlertRule[];
}

/** Every open alert on `today` (ISO): children on roll and (unless one child is asked for) risks. */
export function registerAlerts(register: Register, today: string, opts: RegisterAlertOptions = {}): RegisterAlert[] {
  const ctx = buildAlertContext(register, today, opts.childId ?? null, opts);
  return evaluateRules(ctx, opts.rules ?? ALERT_RULES);
}

const LEGACY_KINDS = new Set<string>(LEGACY_RULES.flatMap((r) => r.kinds));
const CHILD_TABS = new Set<string>(['overview', 'care', 'education', 'attendance', 'voice'] satisfies ChildTab[]);

/** A child's alert in contract/children.ts's shape, when its kind and tab fit there. */
export function toChildAlert(a: RegisterAlert): Alert | null {
  if (a.childId === null || !LEGACY_KINDS.has(a.kind) || a.link.area !== 'children' || !CHILD_TABS.has(a.link.tab ?? '')) return null;
  return {
    key: a.key, childId: a.childId, kind: a.kind as AlertKind, severity: a.severity, title: a.title, reason: a.reason, since: a.since,
    link: { area: 'children', childId: a.childId, tab: a.link.tab as ChildTab },
  };
}

/**
 * Issue 4's alerts for one child, or for every child on roll: the child's file and the Children grid.
 * (The full set, issue 6's kinds included, is registerAlerts.)
 */
export function alertsFor(register: Register, today: string, childId?: number, rules: readonly AlertRule[] = LEGACY_RULES): Alert[] {
  const ctx = buildAlertContext(register, today, childId ?? null);
  if (ctx.children.length === 0) return [];
  return evaluateRules(ctx, rules).flatMap((a) => toChildAlert(a) ?? []);
}

/**
 * The next PEP due for one child on roll, for the child's file (ChildFile.nextPepDue): null for a
 * previously looked-after child, a leaver, or a child whose PEP facts are unknown.
 */
export function nextPepDue(register: Register, today: string, childId: number, opts: ContextOptions = {}): { date: string; reason: string } | null {
  const e = pepSchedule(buildAlertContext(register, today, childId, opts)).get(childId);
  return e ? { date: e.dueOn, reason: `${e.basis}${e.estimated ? ' (estimated: the school calendar does not cover these dates)' : ''}.` } : null;
}

/** Alert counts per child, for the Children grid. */
export function alertCounts(alerts: readonly Pick<Alert, 'severity' | 'childId'>[] | readonly Pick<RegisterAlert, 'severity' | 'childId'>[]): Map<number, { all: number; urgent: number }> {
  const out = new Map<number, { all: number; urgent: number }>();
  for (const a of alerts) {
    if (a.childId === null) continue;
    const c = out.get(a.childId) ?? { all: 0, urgent: 0 };
    c.all++;
    if (a.severity === 'urgent') c.urgent++;
    out.set(a.childId, c);
  }
  return out;
}
