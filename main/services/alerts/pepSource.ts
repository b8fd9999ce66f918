// The seam between the alerts engine and the PEPs (issue 7, migration 005). The PEP rules, the
// dashboard's "PEPs due" and its calendar need a few facts per child; the PEP service provides them
// by registering a PepFactsSource. Until then (or while the `peps` table does not exist) the default
// source says "no PEP yet" for everyone, so every looked-after child's initial PEP deadline shows.
//
// For the PEP engineer: implement `(register, childIds) => Map<childId, PepFacts>` with batch
// queries (one per table, not one per child; childIds can be 1,000 long, so chunk `IN` lists by
// 500), and call `setPepFactsSource(yourSource)` when your module loads, or make
// `defaultPepFactsSource` below delegate to it. Return an entry for every child asked about that
// you know about; a child missing from the map is "unknown" and gets no PEP alerts.

import type { Register } from '../../../db/register.ts';

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

/**
 * Without a `peps` table: "no PEP yet" for every child. With one but no source registered, nothing
 * is known (an empty map), rather than guessing at a schema this module cannot see: PEP alerts
 * then wait for the PEP source, instead of claiming every PEP is missing.
 */
export const defaultPepFactsSource: PepFactsSource = (register, childIds) => {
  if (hasPepsTable(register)) return new Map();
  return new Map(childIds.map((id) => [id, NO_PEP_YET(id)]));
};

let current: PepFactsSource | null = null;

/** Connects the PEP service's source (null restores the default). */
export function setPepFactsSource(source: PepFactsSource | null): void {
  current = source;
}

export function pepFactsSource(): PepFactsSource {
  return current ?? defaultPepFactsSource;
}

/** Whether PEP facts come from real PEP data (a connected source) rather than the default. */
export function pepDataAvailable(register: Register): boolean {
  return current !== null && hasPepsTable(register);
}
