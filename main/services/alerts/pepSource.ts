// The few facts per child that the PEP alert rules, the dashboard's "PEPs due" and its calendar
// need from the PEPs (issue 7). They come straight from the PEP tables (peps/facts.ts); tests may
// substitute a source with setPepFactsSource. A child missing from the map is "unknown" and gets no
// PEP alerts.

import type { Register } from '../../../db/register.ts';
import { localToday } from '../calendar/index.ts';
import { pepFactsFor } from '../peps/facts.ts';

export interface PepFacts {
  childId: number;
  /** The date of the child's most recent PEP meeting held (not one only planned), any status; null: no PEP yet. */
  lastPepMeetingOn: string | null;
  /**
   * That PEP's status: 'draft' | 'ready' | 'submitted' | 'approved' | 'returned' | 'superseded'
   * (DESIGN.md "PEPs"); null with no PEP. 'draft' / 'ready' after the LA's cut-off raise
   * "not submitted"; 'returned' raises "returned by the Virtual School".
   */
  lastPepStatus: string | null;
  /** Targets reviewed at that PEP meeting (the previous PEP's targets) with outcome "not met". */
  targetsNotMetAtLastReview: number;
  /** A careers / post-16 section is filled in on the latest PEP. */
  hasCareersPlan: boolean;
}

/**
 * `today` is the date the alerts are worked out for (optional, so a source written without it
 * still fits): a source should count only meetings held on or before it, so that asking about a
 * past or future date gives the same answer as on that day.
 */
export type PepFactsSource = (register: Register, childIds: readonly number[], today?: string) => Map<number, PepFacts>;

export const NO_PEP_YET = (childId: number): PepFacts => ({
  childId, lastPepMeetingOn: null, lastPepStatus: null, targetsNotMetAtLastReview: 0, hasCareersPlan: false,
});

export function hasPepsTable(register: Register): boolean {
  return register.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'peps'").get() !== undefined;
}

/** The real facts from the PEP tables; "no PEP yet" for everyone in a register without them. */
export const defaultPepFactsSource: PepFactsSource = (register, childIds, today) => {
  if (hasPepsTable(register)) return pepFactsFor(register, childIds, today ?? localToday());
  return new Map(childIds.map((id) => [id, NO_PEP_YET(id)]));
};

let current: PepFactsSource | null = null;

/** Tests: substitute the facts (null restores the real source). */
export function setPepFactsSource(source: PepFactsSource | null): void {
  current = source;
}

export function pepFactsSource(): PepFactsSource {
  return current ?? defaultPepFactsSource;
}

/** Whether PEP facts come from PEP data (the PEP tables or a substitute), not the "no PEP yet" fallback. */
export function pepDataAvailable(register: Register): boolean {
  return current !== null || hasPepsTable(register);
}
