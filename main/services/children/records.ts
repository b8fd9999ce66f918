// Records hanging off a child: placements, schools attended, prior attainment, attendance
// periods, suspensions and exclusions, and the voice log. One generic add / update / delete flow
// (leavers refused, one transaction, one audit entry, the child's "updated" time touched) with a
// small spec per kind for its columns and the checks that need the register or today's date.

import type { z } from 'zod';
import { type FieldIssue, NotFoundError } from '../../../db/errors.ts';
import type { Register } from '../../../db/register.ts';
import type {
  addAttendancePeriodInput, addEducationHistoryInput, addExclusionInput, addPlacementInput, addPriorAttainmentInput, addVoiceEntryInput,
} from '../../api/contract.ts';
import { formatDate } from '../../documents/format.ts';
import { auditChild, type ChildRecordKind } from './audit.ts';
import { requireEditableChild, throwIfIssues, touchChild } from './guard.ts';
import type { ChildRow } from './mapping.ts';

type Body<S extends z.ZodType> = Omit<z.output<S>, 'childId'>;
export type PlacementBody = Body<typeof addPlacementInput>;
export type EducationBody = Body<typeof addEducationHistoryInput>;
export type AttainmentBody = Body<typeof addPriorAttainmentInput>;
export type AttendanceBody = Body<typeof addAttendancePeriodInput>;
export type ExclusionBody = Body<typeof addExclusionInput>;
export type VoiceBody = Body<typeof addVoiceEntryInput>;

type Values = Record<string, string | number | null>;

interface Spec<B> {
  kind: ChildRecordKind;
  /** A fixed table name: SQL identifiers here never come from input. */
  table: 'placements' | 'education_history' | 'prior_attainment' | 'attendance_periods' | 'exclusions' | 'voice_log';
  /** "That placement" etc., for Not Found messages. */
  what: string;
  values(body: B, isNew: boolean): Values;
  check?(register: Register, child: ChildRow, body: B, today: string, selfId: number | null): FieldIssue[];
  /** Runs inside the transaction before an insert (e.g. ending the current placement). */
  beforeAdd?(register: Register, child: ChildRow, body: B): void;
}

function childIdOf(register: Register, spec: Pick<Spec<unknown>, 'table' | 'what'>, id: number): number {
  const row = register.sqlite.prepare(`SELECT child_id FROM ${spec.table} WHERE id = ?`).get(id) as { child_id: number } | undefined;
  if (!row) throw new NotFoundError(spec.what);
  return row.child_id;
}

function add<B>(register: Register, spec: Spec<B>, childId: number, body: B, today: string): number {
  return register.transaction(() => {
    const child = requireEditableChild(register, childId);
    throwIfIssues(spec.check?.(register, child, body, today, null) ?? []);
    spec.beforeAdd?.(register, child, body);
    const values = { child_id: childId, ...spec.values(body, true) };
    const cols = Object.keys(values);
    const id = Number(register.sqlite.prepare(`INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...Object.values(values)).lastInsertRowid);
    auditChild(register, 'create', childId, spec.kind, id);
    touchChild(register, childId);
    return childId;
  });
}

function update<B>(register: Register, spec: Spec<B>, id: number, body: B, today: string): number {
  return register.transaction(() => {
    const childId = childIdOf(register, spec, id);
    const child = requireEditableChild(register, childId);
    throwIfIssues(spec.check?.(register, child, body, today, id) ?? []);
    const values = spec.values(body, false);
    register.sqlite.prepare(`UPDATE ${spec.table} SET ${Object.keys(values).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
      .run(...Object.values(values), id);
    auditChild(register, 'update', childId, spec.kind, id);
    touchChild(register, childId);
    return childId;
  });
}

function remove<B>(register: Register, spec: Spec<B>, id: number): number {
  return register.transaction(() => {
    const childId = childIdOf(register, spec, id);
    requireEditableChild(register, childId);
    register.sqlite.prepare(`DELETE FROM ${spec.table} WHERE id = ?`).run(id);
    auditChild(register, 'delete', childId, spec.kind, id);
    touchChild(register, childId);
    return childId;
  });
}

const notInFuture = (issues: FieldIssue[], today: string, field: string, value: string | null, message: string): void => {
  if (value !== null && value > today) issues.push({ path: [field], message });
};

// ---- placements -------------------------------------------------------------------------------

interface Span { id: number; start_date: string; end_date: string | null }

/** Half-open spans [start, end): a move on the same day (one ends as the next starts) is no overlap. */
const overlaps = (aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean =>
  aStart < (bEnd ?? '9999-12-31') && bStart < (aEnd ?? '9999-12-31');

const placementSpec: Spec<PlacementBody> = {
  kind: 'placement',
  table: 'placements',
  what: 'That placement',
  values: (b) => ({
    placement_type: b.placementType, carer_name: b.carerName, carer_phone: b.carerPhone, carer_email: b.carerEmail,
    start_date: b.startDate, end_date: b.endDate, notes: b.notes,
  }),
  check(register, child, b, _today, selfId) {
    const issues: FieldIssue[] = [];
    if (b.startDate < child.date_of_birth) issues.push({ path: ['startDate'], message: 'A placement cannot start before the child\'s date of birth.' });
    const others = (register.sqlite.prepare('SELECT id, start_date, end_date FROM placements WHERE child_id = ? AND id IS NOT ?').all(child.id, selfId) as Span[]);
    for (const p of others) {
      // A new open-ended placement ends the current one (see beforeAdd), so that one cannot clash.
      const endsForMove = selfId === null && b.endDate === null && p.end_date === null && p.start_date < b.startDate;
      if (endsForMove) continue;
      if (overlaps(b.startDate, b.endDate, p.start_date, p.end_date)) {
        issues.push({
          path: ['startDate'],
          message: `This placement overlaps the one from ${formatDate(p.start_date)}${p.end_date ? ` to ${formatDate(p.end_date)}` : ' (still open)'}. Change the dates, or end that placement first.`,
        });
        break;
      }
    }
    return issues;
  },
  beforeAdd(register, child, b) {
    if (b.endDate !== null) return;
    // A placement move: the open placement that started earlier ends the day this one starts.
    const open = register.sqlite.prepare('SELECT id FROM placements WHERE child_id = ? AND end_date IS NULL AND start_date < ?').all(child.id, b.startDate) as { id: number }[];
    for (const p of open) {
      register.sqlite.prepare('UPDATE placements SET end_date = ? WHERE id = ?').run(b.startDate, p.id);
      auditChild(register, 'update', child.id, 'placement', p.id);
    }
  },
};

export const addPlacement = (r: Register, childId: number, b: PlacementBody, today: string) => add(r, placementSpec, childId, b, today);
export const updatePlacement = (r: Register, id: number, b: PlacementBody, today: string) => update(r, placementSpec, id, b, today);
export const deletePlacement = (r: Register, id: number) => remove(r, placementSpec, id);

// ---- education history ------------------------------------------------------------------------

const educationSpec: Spec<EducationBody> = {
  kind: 'education_history',
  table: 'education_history',
  what: 'That school history entry',
  values: (b) => ({ school_name: b.schoolName, school_urn: b.schoolUrn, start_date: b.startDate, end_date: b.endDate, reason_for_leaving: b.reasonForLeaving }),
  check(_register, child, b) {
    const issues: FieldIssue[] = [];
    if (b.startDate && b.startDate < child.date_of_birth) issues.push({ path: ['startDate'], message: 'The start date cannot be before the child\'s date of birth.' });
    return issues;
  },
};

export const addEducationHistory = (r: Register, childId: number, b: EducationBody, today: string) => add(r, educationSpec, childId, b, today);
export const updateEducationHistory = (r: Register, id: number, b: EducationBody, today: string) => update(r, educationSpec, id, b, today);
export const deleteEducationHistory = (r: Register, id: number) => remove(r, educationSpec, id);

// ---- prior attainment -------------------------------------------------------------------------

const attainmentSpec: Spec<AttainmentBody> = {
  kind: 'prior_attainment',
  table: 'prior_attainment',
  what: 'That prior attainment result',
  values: (b) => {
    // A plain number in the result ("104") is also kept as a number, for averages and charts.
    const asNumber = /^\d+(\.\d+)?$/.test(b.result) ? Number(b.result) : null;
    return {
      measure: b.measure, subject: b.subject, result: b.result, result_num: b.resultNum ?? asNumber, assessed_on: b.assessedOn, notes: b.notes,
    };
  },
  check(_register, child, b, today) {
    const issues: FieldIssue[] = [];
    if (b.assessedOn && b.assessedOn < child.date_of_birth) issues.push({ path: ['assessedOn'], message: 'The assessment date cannot be before the child\'s date of birth.' });
    notInFuture(issues, today, 'assessedOn', b.assessedOn, 'The assessment date cannot be in the future.');
    return issues;
  },
};

export const addPriorAttainment = (r: Register, childId: number, b: AttainmentBody, today: string) => add(r, attainmentSpec, childId, b, today);
export const updatePriorAttainment = (r: Register, id: number, b: AttainmentBody, today: string) => update(r, attainmentSpec, id, b, today);
export const deletePriorAttainment = (r: Register, id: number) => remove(r, attainmentSpec, id);

// ---- attendance periods -----------------------------------------------------------------------

const attendanceSpec: Spec<AttendanceBody> = {
  kind: 'attendance_period',
  table: 'attendance_periods',
  what: 'That attendance period',
  // Edited by hand, so the source becomes 'manual' even if the period was imported.
  values: (b) => ({
    period_start: b.periodStart, period_end: b.periodEnd, possible_sessions: b.possibleSessions, present_sessions: b.presentSessions,
    authorised_absence: b.authorisedAbsence, unauthorised_absence: b.unauthorisedAbsence, source: 'manual',
  }),
  check(register, child, b, today, selfId) {
    const issues: FieldIssue[] = [];
    notInFuture(issues, today, 'periodStart', b.periodStart, 'An attendance period cannot start in the future.');
    const clash = register.sqlite.prepare(`
      SELECT period_start, period_end FROM attendance_periods
      WHERE child_id = ? AND id IS NOT ? AND period_start <= ? AND period_end >= ? LIMIT 1`)
      .get(child.id, selfId, b.periodEnd, b.periodStart) as { period_start: string; period_end: string } | undefined;
    if (clash) {
      issues.push({ path: ['periodStart'], message: `This period overlaps the attendance already recorded for ${formatDate(clash.period_start)} to ${formatDate(clash.period_end)}.` });
    }
    return issues;
  },
};

export const addAttendancePeriod = (r: Register, childId: number, b: AttendanceBody, today: string) => add(r, attendanceSpec, childId, b, today);
export const updateAttendancePeriod = (r: Register, id: number, b: AttendanceBody, today: string) => update(r, attendanceSpec, id, b, today);
export const deleteAttendancePeriod = (r: Register, id: number) => remove(r, attendanceSpec, id);

// ---- suspensions and exclusions ---------------------------------------------------------------

const exclusionSpec: Spec<ExclusionBody> = {
  kind: 'exclusion',
  table: 'exclusions',
  what: 'That suspension or exclusion',
  values: (b) => ({
    kind: b.kind, start_date: b.startDate, end_date: b.endDate, school_days: b.schoolDays, reason: b.reason,
    vs_informed_on: b.vsInformedOn, social_worker_informed_on: b.socialWorkerInformedOn,
    paperwork_sent_on: b.paperworkSentOn, reintegration_meeting_on: b.reintegrationMeetingOn,
  }),
  check(_register, child, b, today) {
    const issues: FieldIssue[] = [];
    if (b.startDate < child.date_joined_school) issues.push({ path: ['startDate'], message: 'A suspension from this school cannot start before the child joined it.' });
    notInFuture(issues, today, 'vsInformedOn', b.vsInformedOn, 'The date the Virtual School was told cannot be in the future.');
    notInFuture(issues, today, 'socialWorkerInformedOn', b.socialWorkerInformedOn, 'The date the social worker was told cannot be in the future.');
    notInFuture(issues, today, 'paperworkSentOn', b.paperworkSentOn, 'The date the paperwork was sent cannot be in the future.');
    return issues;
  },
};

export const addExclusion = (r: Register, childId: number, b: ExclusionBody, today: string) => add(r, exclusionSpec, childId, b, today);
export const updateExclusion = (r: Register, id: number, b: ExclusionBody, today: string) => update(r, exclusionSpec, id, b, today);
export const deleteExclusion = (r: Register, id: number) => remove(r, exclusionSpec, id);

// ---- voice log --------------------------------------------------------------------------------

const voiceSpec: Spec<VoiceBody> = {
  kind: 'voice_entry',
  table: 'voice_log',
  what: 'That voice log entry',
  values: (b) => ({
    held_on: b.heldOn, kind: b.kind, staff_name: b.staffName, wishes_feelings: b.wishesFeelings, concerns: b.concerns, actions: b.actions,
  }),
  check(_register, _child, b, today) {
    const issues: FieldIssue[] = [];
    notInFuture(issues, today, 'heldOn', b.heldOn, 'A session cannot be recorded for a future date.');
    return issues;
  },
};

export const addVoiceEntry = (r: Register, childId: number, b: VoiceBody, today: string) => add(r, voiceSpec, childId, b, today);
export const updateVoiceEntry = (r: Register, id: number, b: VoiceBody, today: string) => update(r, voiceSpec, id, b, today);
export const deleteVoiceEntry = (r: Register, id: number) => remove(r, voiceSpec, id);
