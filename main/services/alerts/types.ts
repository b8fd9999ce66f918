// The alert engine's vocabulary. Alerts are derived, never stored (DESIGN.md "Alerts"): each rule is
// a plain function of the register and a date, so the same question always gets the same answer.

import type { Register } from '../../../db/register.ts';
import type { Alert, AlertKind, AlertSeverity, ChildTab } from '../../api/contract.ts';

/** The child fields rules commonly need; rules load anything else through `once`. */
export interface AlertChild {
  id: number;
  status: 'CLA' | 'PLAC';
  date_joined_school: string;
  esw_name: string | null;
  sen_provision: 'N' | 'K' | 'E';
  ehcp_review_date: string | null;
}

export interface AlertSettings {
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
  /** Memoised per evaluation, so rules sharing data (e.g. the suspensions) load it once. */
  once<T>(key: string, load: () => T): T;
}

export interface AlertRule {
  /** The kinds of alert this rule can raise (for documentation and tests). */
  kinds: readonly AlertKind[];
  evaluate(ctx: AlertContext): Alert[];
}

/** Builds an alert with its stable key and link. `part` distinguishes several alerts of one kind for a child. */
export function makeAlert(
  kind: AlertKind, childId: number, part: string | number | null, severity: AlertSeverity,
  title: string, reason: string, since: string, tab: ChildTab,
): Alert {
  return {
    key: part === null ? `${kind}:${childId}` : `${kind}:${childId}:${part}`,
    childId, kind, severity, title, reason, since,
    link: { area: 'children', childId, tab },
  };
}
