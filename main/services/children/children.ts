// The child's record: list, create, update, leave, undo a leaving, delete.
// Every write is one transaction with one audit entry (type and id only, never content).

import type { z } from 'zod';
import { ConflictError, type FieldIssue, InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { ChildList, ChildListRow, ChildView, createChildInput, markChildLeftInput, updateChildInput } from '../../api/contract.ts';
import { normaliseUpn } from '../../api/contract.ts';
import { latestAttendance, latestAttendancePeriods } from '../alerts/data.ts';
import { alertCounts, buildAlertContext, evaluateRules } from '../alerts/index.ts';
import { getSchoolSettings } from '../settings.ts';
import { auditChild } from './audit.ts';
import { addYears, ageOn } from './dates.ts';
import { loadChild, nextChildId, requireEditableChild, throwIfIssues } from './guard.ts';
import { attendanceBand, attendancePercent, childYearGroup } from './mapping.ts';

export type CreateChild = z.output<typeof createChildInput>;
export type UpdateChild = z.output<typeof updateChildInput>;
export type MarkChildLeft = z.output<typeof markChildLeftInput>;

// ---- list -------------------------------------------------------------------------------------

/** The Children grid: a fixed number of queries whatever the number of children. */
export function listChildren(register: Register, view: ChildView, today: string): ChildList {
  const settings = getSchoolSettings(register);
  const t = { actionPlanPercent: settings.attendanceActionPlanPercent, pepReviewPercent: settings.attendancePepReviewPercent };
  let q = qb.selectFrom('children as c').leftJoin('local_authorities as la', 'la.id', 'c.responsible_la_id')
    .select([
      'c.id', 'c.legal_first_name', 'c.legal_last_name', 'c.preferred_name', 'c.upn', 'c.date_of_birth', 'c.gender',
      'c.year_group_offset', 'c.responsible_la_id', 'la.name as la_name', 'c.status', 'c.plac_arrangement', 'c.legal_status',
      'c.sen_provision', 'c.pp_plus_eligible', 'c.date_joined_school', 'c.leaving_date',
    ])
    .orderBy('c.legal_last_name').orderBy('c.legal_first_name').orderBy('c.id');
  if (view === 'current') q = q.where('c.leaving_date', 'is', null);
  if (view === 'leavers') q = q.where('c.leaving_date', 'is not', null);
  const rows = register.all(q);

  // For the current view every listed child is on roll: the alerts' own latest periods (loaded
  // once, for the attendance rule) serve the grid too; otherwise leavers need theirs as well.
  const alertCtx = view === 'leavers' ? null : buildAlertContext(register, today);
  const counts = alertCounts(alertCtx ? evaluateRules(alertCtx) : []);
  const periods = alertCtx && view === 'current' ? latestAttendance(alertCtx) : latestAttendancePeriods(register, { onRollOnly: false });
  const totals = register.sqlite.prepare('SELECT count(*) FILTER (WHERE leaving_date IS NULL) AS onRoll, count(leaving_date) AS leavers FROM children')
    .get() as ChildList['counts'];

  return {
    rows: rows.map((c): ChildListRow => {
      const p = periods.get(c.id);
      const percent = p ? attendancePercent(p.present_sessions, p.possible_sessions) : null;
      const a = counts.get(c.id);
      return {
        id: c.id,
        legalFirstName: c.legal_first_name,
        legalLastName: c.legal_last_name,
        preferredName: c.preferred_name,
        upn: c.upn,
        dateOfBirth: c.date_of_birth,
        gender: c.gender,
        ...childYearGroup(c, today),
        responsibleLaId: c.responsible_la_id,
        responsibleLaName: c.la_name,
        status: c.status,
        placArrangement: c.plac_arrangement,
        legalStatus: c.legal_status,
        senProvision: c.sen_provision,
        ppPlusEligible: c.pp_plus_eligible === 1,
        latestAttendancePercent: percent,
        latestAttendanceBand: attendanceBand(percent, t),
        alertCount: a?.all ?? 0,
        urgentAlertCount: a?.urgent ?? 0,
        dateJoinedSchool: c.date_joined_school,
        leavingDate: c.leaving_date,
      };
    }),
    counts: totals,
  };
}

// ---- create and update ------------------------------------------------------------------------

function childValues(c: CreateChild) {
  return {
    upn: c.upn,
    legal_first_name: c.legalFirstName,
    legal_last_name: c.legalLastName,
    preferred_name: c.preferredName,
    date_of_birth: c.dateOfBirth,
    gender: c.gender,
    ethnicity: c.ethnicity,
    year_group_offset: c.yearGroupOffset,
    status: c.status,
    plac_arrangement: c.placArrangement,
    legal_status: c.legalStatus,
    responsible_la_id: c.responsibleLaId,
    date_into_care: c.dateIntoCare,
    date_joined_school: c.dateJoinedSchool,
    social_worker_name: c.socialWorkerName,
    social_worker_email: c.socialWorkerEmail,
    social_worker_phone: c.socialWorkerPhone,
    iro_name: c.iroName,
    iro_email: c.iroEmail,
    iro_phone: c.iroPhone,
    key_adult: c.keyAdult,
    esw_name: c.eswName,
    sen_provision: c.senProvision,
    sen_primary_need: c.senPrimaryNeed,
    ehcp_review_date: c.ehcpReviewDate,
    pp_plus_eligible: c.ppPlusEligible ? 1 : 0,
    consent_information_sharing: c.consentInformationSharing ? 1 : 0,
    consent_notes: c.consentNotes,
    transition_notes: c.transitionNotes,
    careers_plan: c.careersPlan,
  };
}

/** Checks that need the register or today's date; the contract has already checked the rest. */
function checkChild(register: Register, c: CreateChild, today: string, selfId: number | null): void {
  const issues: FieldIssue[] = [];
  if (c.dateOfBirth > today) issues.push({ path: ['dateOfBirth'], message: 'The date of birth cannot be in the future.' });
  else if (ageOn(c.dateOfBirth, today) < 2 || ageOn(c.dateOfBirth, today) > 25) {
    issues.push({ path: ['dateOfBirth'], message: 'Check the date of birth: a pupil here would be between 2 and 25 years old.' });
  }
  if (c.dateIntoCare && c.dateIntoCare > today) issues.push({ path: ['dateIntoCare'], message: 'The date into care cannot be in the future.' });
  if (c.upn) {
    const clash = register.one(qb.selectFrom('children').select('id').where('upn', '=', c.upn));
    if (clash && clash.id !== selfId) issues.push({ path: ['upn'], message: 'Another child in the register already has this UPN.' });
  }
  if (c.responsibleLaId !== null && !register.one(qb.selectFrom('local_authorities').select('id').where('id', '=', c.responsibleLaId))) {
    issues.push({ path: ['responsibleLaId'], message: 'That local authority is not in the register. Choose one from the list.' });
  }
  throwIfIssues(issues);
}

/** Adds a child; returns their id. */
export function createChild(register: Register, input: CreateChild, today: string): number {
  return register.transaction(() => {
    checkChild(register, input, today, null);
    const id = nextChildId(register);
    const now = new Date().toISOString();
    register.run(qb.insertInto('children').values({ id, ...childValues(input), created_at: now, updated_at: now }));
    auditChild(register, 'create', id);
    return id;
  });
}

/** Replaces the child's details with the edit form's. Refused for leavers. */
export function updateChild(register: Register, input: UpdateChild, today: string): number {
  return register.transaction(() => {
    requireEditableChild(register, input.id);
    checkChild(register, input, today, input.id);
    register.run(qb.updateTable('children').set({ ...childValues(input), updated_at: new Date().toISOString() }).where('id', '=', input.id));
    auditChild(register, 'update', input.id);
    return input.id;
  });
}

// ---- leaving ----------------------------------------------------------------------------------

/** Records the leaving and sets the retention review date (date of birth + the school's retention years). */
export function markChildLeft(register: Register, input: MarkChildLeft, today: string): number {
  return register.transaction(() => {
    const c = requireEditableChild(register, input.id);
    const issues: FieldIssue[] = [];
    if (input.leavingDate < c.date_joined_school) issues.push({ path: ['leavingDate'], message: 'The leaving date cannot be before the child joined the school.' });
    if (input.leavingDate > today) issues.push({ path: ['leavingDate'], message: 'Record the leaving on or after the day the child leaves: the date cannot be in the future.' });
    throwIfIssues(issues);
    const years = getSchoolSettings(register).retentionYearsAfterDob;
    register.run(qb.updateTable('children').set({
      leaving_date: input.leavingDate,
      leaving_destination: input.leavingDestination,
      retention_review_date: addYears(c.date_of_birth, years),
      updated_at: new Date().toISOString(),
    }).where('id', '=', input.id));
    auditChild(register, 'update', input.id, 'leaving');
    return input.id;
  });
}

/** DT only: undoes a leaving recorded by mistake, so the record can be edited again. */
export function cancelChildLeaving(register: Register, id: number): number {
  register.requireDt();
  return register.transaction(() => {
    const c = loadChild(register, id);
    if (c.leaving_date === null) throw new ConflictError('This child has not been marked as left.');
    register.run(qb.updateTable('children').set({
      leaving_date: null, leaving_destination: null, retention_review_date: null, updated_at: new Date().toISOString(),
    }).where('id', '=', id));
    auditChild(register, 'delete', id, 'leaving');
    return id;
  });
}

// ---- deletion ---------------------------------------------------------------------------------

/**
 * DT only. Deletes the child and, by ON DELETE CASCADE, everything hanging off them. The register
 * runs with secure_delete on, so freed pages are zeroed; the audit keeps only "child N deleted".
 * `confirm` must be the child's UPN or the word DELETE, so a slip of the mouse cannot delete.
 */
export function deleteChild(register: Register, id: number, confirm: string): void {
  register.requireDt();
  register.transaction(() => {
    const c = register.one(qb.selectFrom('children').select(['id', 'upn']).where('id', '=', id));
    if (!c) throw new NotFoundError('That child');
    const typed = confirm.trim();
    if (typed !== 'DELETE' && !(c.upn && normaliseUpn(typed) === c.upn)) {
      throw InvalidError.field('confirm', 'To confirm, type the child\'s UPN or the word DELETE in capitals.');
    }
    register.run(qb.deleteFrom('children').where('id', '=', id));
    auditChild(register, 'delete', id);
  });
  // Old page images stay in the write-ahead log until a checkpoint: move them into the (zeroed)
  // main file and truncate the log now rather than whenever SQLite next gets round to it.
  try {
    register.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Busy (another reader): SQLite checkpoints later on its own; the deletion itself is committed.
  }
}
