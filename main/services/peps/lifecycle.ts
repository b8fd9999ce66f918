// The PEP lifecycle (DESIGN.md "PEPs"), as a transition table:
//
//   draft ⇄ ready → submitted → approved
//                            ↘ returned → draft
//   submitted | approved | returned → superseded   (by the register, never by hand)
//
// - Marking ready and submitting never wait for completeness: the DT decides (the PEP shows what
//   is missing). There is no way from draft straight to submitted or approved.
// - A PEP is superseded when a later term's PEP for the same child is submitted or approved: the
//   earlier submitted, approved or returned PEPs stop being the live plan. Drafts and ready PEPs of
//   earlier terms are left alone (the DT may still finish or delete them). A later PEP going back
//   to draft does not revive a superseded one.
// - Content can change only in draft and ready. Submitted, approved, returned and superseded PEPs
//   are read-only except for lifecycle fields (dates, the VS's reason, quality rating, feedback);
//   a returned PEP is reopened as a draft to be amended and submitted again.

import { ConflictError } from '../../../db/errors.ts';
import { PEP_STATUS_LABELS, type PepManualStatus, type PepStatus } from '../../api/contract/peps.ts';

export const PEP_TRANSITIONS: Readonly<Record<PepStatus, readonly PepStatus[]>> = {
  draft: ['ready'],
  ready: ['draft', 'submitted'],
  submitted: ['approved', 'returned', 'superseded'],
  approved: ['superseded'],
  returned: ['draft', 'superseded'],
  superseded: [],
};

/** Moves the register makes itself, never offered as a button. */
const SYSTEM_ONLY: readonly PepStatus[] = ['superseded'];

export const EDITABLE_STATUSES: readonly PepStatus[] = ['draft', 'ready'];
/** Statuses that carry the Virtual School's quality rating and feedback. */
export const RATEABLE_STATUSES: readonly PepStatus[] = ['submitted', 'approved', 'returned', 'superseded'];
/** Statuses at which the PEP has gone to the Virtual School. */
export const SENT_STATUSES: readonly PepStatus[] = ['submitted', 'approved', 'returned', 'superseded'];
/** Earlier PEPs in these statuses are superseded when a later one is submitted or approved. */
export const SUPERSEDABLE: readonly PepStatus[] = ['submitted', 'approved', 'returned'];

export function canTransition(from: PepStatus, to: PepStatus, opts: { system?: boolean } = {}): boolean {
  if (!PEP_TRANSITIONS[from].includes(to)) return false;
  return opts.system === true || !SYSTEM_ONLY.includes(to);
}

/** The moves the lifecycle buttons offer from a status. */
export function manualTransitions(from: PepStatus): PepManualStatus[] {
  return PEP_TRANSITIONS[from].filter((to): to is PepManualStatus => !SYSTEM_ONLY.includes(to));
}

export const isEditableStatus = (s: PepStatus): boolean => EDITABLE_STATUSES.includes(s);

/** A Conflict explaining, in plain English, why the move is not allowed. */
export function transitionError(from: PepStatus, to: PepStatus): ConflictError {
  const a = PEP_STATUS_LABELS[from].toLowerCase();
  if (from === to) return new ConflictError(`The PEP is already ${a}.`);
  if (from === 'draft' && (to === 'submitted' || to === 'approved' || to === 'returned')) {
    return new ConflictError('A draft PEP cannot go straight to the Virtual School: mark it ready first, then record it as submitted.');
  }
  if (from === 'ready' && (to === 'approved' || to === 'returned')) {
    return new ConflictError('Record the PEP as submitted to the Virtual School before recording its decision.');
  }
  if (to === 'superseded') return new ConflictError('A PEP is superseded automatically when a later term\'s PEP is submitted.');
  if (from === 'superseded') return new ConflictError('A superseded PEP is kept as it was: it can no longer change status.');
  if (from === 'approved') return new ConflictError('An approved PEP is kept as it was: it can no longer change status.');
  if (from === 'submitted' && (to === 'draft' || to === 'ready')) {
    return new ConflictError('A submitted PEP waits for the Virtual School: record it as approved or returned.');
  }
  if (from === 'returned') return new ConflictError('Reopen the returned PEP as a draft, amend it, then mark it ready and submit it again.');
  return new ConflictError(`A PEP cannot go from ${a} to ${PEP_STATUS_LABELS[to].toLowerCase()}.`);
}

export function assertTransition(from: PepStatus, to: PepStatus, opts: { system?: boolean } = {}): void {
  if (!canTransition(from, to, opts)) throw transitionError(from, to);
}

export function assertEditable(status: PepStatus): void {
  if (isEditableStatus(status)) return;
  if (status === 'returned') throw new ConflictError('This PEP was returned by the Virtual School: reopen it as a draft to amend it.');
  throw new ConflictError(`This PEP is ${PEP_STATUS_LABELS[status].toLowerCase()}, so it is read-only. Only its status, quality rating and feedback can change.`);
}
