// The alert engine's vocabulary. Alerts are derived, never stored (DESIGN.md "Alerts"): each rule is
// a plain function of the register and a date, so the same question always gets the same answer.

import type { Register } from '../../../db/register.ts';
import type { AlertSeverity, ChildTab } from '../../api/contract.ts';
import type { AlertLink, AlertThresholds, RegisterAlert, RegisterAlertKind } from '../../api/contract/dashboard.ts';
import type { SchoolCalendar } from '../calendar/schoolDays.ts';
import type { PepFacts } from './pepSource.ts';

/** The child fields rules commonly need (children on roll); rules load anything else through `once`. */
export interface AlertChild {
  id: number;
  status: 'CLA' | 'PLAC';
  legal_first_name: string;
  legal_last_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  year_group_offset: number;
  date_joined_school: string;
  date_into_care: string | null;
  responsible_la_id: number | null;
  esw_name: string | null;
  sen_provision: 'N' | 'K' | 'E';
  ehcp_review_date: string | null;
  careers_plan: string | null;
}

export interface AlertSettings extends AlertThresholds {
  actionPlanPercent: number;
  pepReviewPercent: number;
  eswSessionWeeks: number;
}

export interface AlertContext {
  readonly register: Register;
  /** ISO date the alerts are worked out for. */
  readonly today: string;
  /** When set, only this child's alerts are wanted: loaders should filter by it. */
  readonly childId: number | null;
  readonly settings: AlertSettings;
  /** Children on roll (leavers have no alerts), filtered to childId when set. */
  readonly children: readonly AlertChild[];
  readonly childById: ReadonlyMap<number, AlertChild>;
  /** The school-day calendar (loaded on first use). */
  calendar(): SchoolCalendar;
  /** PEP facts for the children on roll (from the PEP source; loaded on first use). A child missing from the map: unknown. */
  pepFacts(): ReadonlyMap<number, PepFacts>;
  /** Memoised per evaluation, so rules sharing data (e.g. the suspensions) load it once. */
  once<T>(key: string, load: () => T): T;
}

export interface AlertRule {
  /** The kinds of alert this rule can raise (for documentation and tests). */
  kinds: readonly RegisterAlertKind[];
  evaluate(ctx: AlertContext): RegisterAlert[];
}

/** The child's name as the DT's own screens show it: preferred (else legal) first name and last name. */
export function displayName(c: { legal_first_name: string; legal_last_name: string; preferred_name: string | null }): string {
  return `${c.preferred_name?.trim() || c.legal_first_name} ${c.legal_last_name}`;
}

export interface AlertExtras {
  dueOn?: string | null;
  /** Overrides the link to the child's tab. */
  link?: AlertLink;
  refs?: RegisterAlert['refs'];
}

/**
 * Builds a child's alert with its stable key and link. `part` distinguishes several alerts of one
 * kind for a child. The child's name is filled in by the engine.
 */
export function makeAlert(
  kind: RegisterAlertKind, childId: number, part: string | number | null, severity: AlertSeverity,
  title: string, reason: string, since: string, tab: ChildTab | AlertLink['tab'], extras: AlertExtras = {},
): RegisterAlert {
  return {
    key: part === null ? `${kind}:${childId}` : `${kind}:${childId}:${part}`,
    kind, severity, title, reason, since,
    dueOn: extras.dueOn ?? null,
    subject: { type: 'child', id: childId, name: '' },
    childId,
    riskId: null,
    link: extras.link ?? { area: 'children', id: childId, tab },
    refs: extras.refs ?? null,
  };
}
