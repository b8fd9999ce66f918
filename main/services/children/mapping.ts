// Table rows (snake_case) to the API's shapes (camelCase), and the derived figures every view
// shares: year group, attendance percentage and band.

import type { Selectable } from 'kysely';
import { yearGroup, yearGroupLabel } from '../../api/contract/yearGroup.ts';
import type {
  AttendancePeriodsTable, ChildrenTable, EducationHistoryTable, ExclusionsTable, PlacementsTable, PriorAttainmentTable, VoiceLogTable,
} from '../../../db/schema.ts';
import type {
  AttendanceBand, AttendancePeriod, Child, EducationHistoryEntry, Exclusion, Placement, PriorAttainment, VoiceEntry,
} from '../../api/contract.ts';
import { addDays } from './dates.ts';

export type ChildRow = Selectable<ChildrenTable>;

export interface Thresholds { actionPlanPercent: number; pepReviewPercent: number }

/** Present / possible as a percentage to one decimal place; null when nothing was possible. */
export function attendancePercent(present: number, possible: number): number | null {
  return possible > 0 ? Math.round((present / possible) * 1000) / 10 : null;
}

/**
 * Bands follow ../shared/reference thresholds: an action plan at or below 90%, a PEP review below
 * 85% (both school settings). The rounded percentage is compared, so the band matches what is shown.
 */
export function attendanceBand(percent: number | null, t: Thresholds): AttendanceBand | null {
  if (percent === null) return null;
  if (percent < t.pepReviewPercent) return 'pep-review';
  if (percent <= t.actionPlanPercent) return 'action-plan';
  return 'ok';
}

/** Year group today, or for a leaver the year group they left from (they do not move up after leaving). */
export function childYearGroup(
  c: Pick<ChildRow, 'date_of_birth' | 'year_group_offset' | 'leaving_date'>, today: string,
): { yearGroup: number; yearGroupLabel: string } {
  const on = c.leaving_date !== null && c.leaving_date < today ? c.leaving_date : today;
  const n = yearGroup(c.date_of_birth, on, c.year_group_offset);
  return { yearGroup: n, yearGroupLabel: yearGroupLabel(n) };
}

export function toChild(c: ChildRow, today: string): Child {
  return {
    id: c.id,
    upn: c.upn,
    legalFirstName: c.legal_first_name,
    legalLastName: c.legal_last_name,
    preferredName: c.preferred_name,
    dateOfBirth: c.date_of_birth,
    gender: c.gender,
    ethnicity: c.ethnicity,
    yearGroupOffset: c.year_group_offset,
    ...childYearGroup(c, today),
    status: c.status,
    placArrangement: c.plac_arrangement,
    legalStatus: c.legal_status,
    responsibleLaId: c.responsible_la_id,
    dateIntoCare: c.date_into_care,
    dateJoinedSchool: c.date_joined_school,
    socialWorkerName: c.social_worker_name,
    socialWorkerEmail: c.social_worker_email,
    socialWorkerPhone: c.social_worker_phone,
    iroName: c.iro_name,
    iroEmail: c.iro_email,
    iroPhone: c.iro_phone,
    keyAdult: c.key_adult,
    eswName: c.esw_name,
    senProvision: c.sen_provision,
    senPrimaryNeed: c.sen_primary_need,
    ehcpReviewDate: c.ehcp_review_date,
    ppPlusEligible: c.pp_plus_eligible === 1,
    consentInformationSharing: c.consent_information_sharing === 1,
    consentNotes: c.consent_notes,
    transitionNotes: c.transition_notes,
    careersPlan: c.careers_plan,
    leavingDate: c.leaving_date,
    leavingDestination: c.leaving_destination,
    retentionReviewDate: c.retention_review_date,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function toPlacement(p: Selectable<PlacementsTable>, today: string): Placement {
  return {
    id: p.id,
    childId: p.child_id,
    placementType: p.placement_type,
    carerName: p.carer_name,
    carerPhone: p.carer_phone,
    carerEmail: p.carer_email,
    startDate: p.start_date,
    endDate: p.end_date,
    notes: p.notes,
    current: p.start_date <= today && (p.end_date === null || p.end_date > today),
  };
}

export function toEducation(e: Selectable<EducationHistoryTable>): EducationHistoryEntry {
  return {
    id: e.id, childId: e.child_id, schoolName: e.school_name, schoolUrn: e.school_urn,
    startDate: e.start_date, endDate: e.end_date, reasonForLeaving: e.reason_for_leaving,
  };
}

export function toAttainment(a: Selectable<PriorAttainmentTable>): PriorAttainment {
  return {
    id: a.id, childId: a.child_id, measure: a.measure, subject: a.subject, result: a.result,
    resultNum: a.result_num, assessedOn: a.assessed_on, notes: a.notes,
  };
}

export function toAttendance(a: Selectable<AttendancePeriodsTable>, t: Thresholds): AttendancePeriod {
  const percent = attendancePercent(a.present_sessions, a.possible_sessions);
  return {
    id: a.id, childId: a.child_id, periodStart: a.period_start, periodEnd: a.period_end,
    possibleSessions: a.possible_sessions, presentSessions: a.present_sessions,
    authorisedAbsence: a.authorised_absence, unauthorisedAbsence: a.unauthorised_absence, source: a.source,
    percent, band: attendanceBand(percent, t),
  };
}

/** Suspension paperwork is due within 48 hours: by the end of the second day after the start. */
export const paperworkDueBy = (startDate: string): string => addDays(startDate, 2);

export function toExclusion(e: Selectable<ExclusionsTable>): Exclusion {
  const due = paperworkDueBy(e.start_date);
  return {
    id: e.id, childId: e.child_id, kind: e.kind, startDate: e.start_date, endDate: e.end_date, schoolDays: e.school_days,
    reason: e.reason, vsInformedOn: e.vs_informed_on, socialWorkerInformedOn: e.social_worker_informed_on,
    paperworkSentOn: e.paperwork_sent_on, reintegrationMeetingOn: e.reintegration_meeting_on,
    vsInformedLate: e.vs_informed_on !== null && e.vs_informed_on > e.start_date,
    socialWorkerInformedLate: e.social_worker_informed_on !== null && e.social_worker_informed_on > e.start_date,
    paperworkDueBy: due,
    paperworkLate: e.paperwork_sent_on !== null && e.paperwork_sent_on > due,
  };
}

export function toVoice(v: Selectable<VoiceLogTable>, daysSincePreviousEswSession: number | null): VoiceEntry {
  return {
    id: v.id, childId: v.child_id, heldOn: v.held_on, kind: v.kind, staffName: v.staff_name,
    wishesFeelings: v.wishes_feelings, concerns: v.concerns, actions: v.actions, daysSincePreviousEswSession,
  };
}
