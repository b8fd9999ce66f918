// Moving a PEP through its lifecycle (./lifecycle.ts has the table and the rules), recording the
// Virtual School's decision, quality rating and feedback. Every move is audited (child.PEP_status)
// and kept in pep_status_changes with its date and note (the VS's reason or feedback), which the
// content-free audit log cannot hold.

import { InvalidError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { PepManualStatus, PepStatus } from '../../api/contract/peps.ts';
import { checkRating, getLaPepFormat, parseQaScale, ragOf } from './format.ts';
import { assertTransition, RATEABLE_STATUSES, SUPERSEDABLE } from './lifecycle.ts';
import { auditPep, loadPepRow, type PepRow } from './peps.ts';
import { compareTerms } from './terms.ts';

export interface StatusChangeInput {
  id: number;
  to: PepManualStatus;
  on: string | null;
  reason: string | null;
  qualityRating: string | null;
  feedback: string | null;
}

function scaleFor(register: Register, row: PepRow): string[] {
  const laId = (JSON.parse(row.snapshot) as { localAuthority: { id: number } | null }).localAuthority?.id ?? null;
  if (laId === null) return parseQaScale(null);
  const la = register.one(qb.selectFrom('local_authorities').select('id').where('id', '=', laId));
  return la ? getLaPepFormat(register, laId).qaScale : parseQaScale(null);
}

function recordChange(register: Register, pepId: number, from: PepStatus, to: PepStatus, on: string, note: string | null): void {
  register.run(qb.insertInto('pep_status_changes').values({ pep_id: pepId, from_status: from, to_status: to, on_date: on, note, changed_at: new Date().toISOString() }));
}

/**
 * Changes the PEP's status. Submitting or approving supersedes the child's earlier PEPs that had
 * gone to the Virtual School (submitted, approved or returned).
 */
export function changePepStatus(register: Register, input: StatusChangeInput, today: string): void {
  register.transaction(() => {
    const row = loadPepRow(register, input.id);
    const from = row.status;
    assertTransition(from, input.to);
    const on = input.on ?? today;
    if (on > today) throw InvalidError.field('on', 'The date cannot be in the future.');
    const set: Record<string, unknown> = { status: input.to, updated_at: new Date().toISOString() };
    if (input.to === 'submitted') {
      if (row.meeting_date && on < row.meeting_date) throw InvalidError.field('on', 'The PEP cannot be submitted before its meeting.');
      set.submitted_on = on;
      set.approved_on = null;
    }
    if (input.to === 'approved' || input.to === 'returned') {
      if (row.submitted_on && on < row.submitted_on) throw InvalidError.field('on', "The Virtual School's decision cannot be dated before the PEP was submitted.");
      if (input.to === 'approved') set.approved_on = on;
      else {
        set.returned_on = on;
        set.returned_reason = input.reason;
      }
      if (input.qualityRating) {
        const scale = scaleFor(register, row);
        const rating = checkRating(scale, input.qualityRating);
        set.quality_rating = rating;
        set.quality_rag = ragOf(scale, rating);
      }
      if (input.feedback) set.vs_feedback = input.feedback;
    }
    register.run(qb.updateTable('peps').set(set as never).where('id', '=', row.id));
    recordChange(register, row.id, from, input.to, on, input.to === 'returned' ? input.reason : input.feedback);
    auditPep(register, 'update', row.child_id, row.id, 'PEP_status');

    if (input.to === 'submitted' || input.to === 'approved') {
      const here = { academicYear: row.academic_year, term: row.term };
      const earlier = register.all(qb.selectFrom('peps').selectAll().where('child_id', '=', row.child_id).where('status', 'in', [...SUPERSEDABLE]))
        .filter((p) => compareTerms({ academicYear: p.academic_year, term: p.term }, here) < 0);
      for (const p of earlier) {
        assertTransition(p.status, 'superseded', { system: true });
        register.run(qb.updateTable('peps').set({ status: 'superseded', superseded_on: on, superseded_by: row.id, updated_at: new Date().toISOString() }).where('id', '=', p.id));
        recordChange(register, p.id, p.status, 'superseded', on, null);
        auditPep(register, 'update', p.child_id, p.id, 'PEP_status');
      }
    }
  });
}

/** The Virtual School's quality rating and feedback, once the PEP has been sent to it. */
export function recordPepQuality(register: Register, input: { id: number; qualityRating: string | null; feedback: string | null }): void {
  register.transaction(() => {
    const row = loadPepRow(register, input.id);
    if (!RATEABLE_STATUSES.includes(row.status)) {
      throw InvalidError.field('qualityRating', "The Virtual School's rating is recorded once the PEP has been submitted to it.");
    }
    const scale = scaleFor(register, row);
    const rating = input.qualityRating ? checkRating(scale, input.qualityRating) : null;
    register.run(qb.updateTable('peps').set({
      quality_rating: rating, quality_rag: rating ? ragOf(scale, rating) : null, vs_feedback: input.feedback, updated_at: new Date().toISOString(),
    }).where('id', '=', row.id));
    auditPep(register, 'update', row.child_id, row.id, 'PEP_quality');
  });
}
