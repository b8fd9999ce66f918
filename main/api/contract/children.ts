// Children's records (issue 4): the Children screen, the child's file and its tabs, the add / edit /
// leave forms, deletion, subject access and CSV exports. The input schemas are shared with the
// renderer's forms (react-hook-form + zod), so every message names the field and says what to do.
// Dates cross the seam as ISO yyyy-mm-dd; the UI shows and accepts dd/mm/yyyy and converts.

import { z } from 'zod';
import {
  type CHILD_STATUSES, EXCLUSION_TYPES, type GENDERS, LEGAL_STATUS_CODES, PLAC_ARRANGEMENTS, PLACEMENT_TYPE_CODES,
  SEN_PRIMARY_NEED_CODES, SEN_PROVISION_CODES, type VOICE_KINDS, codeOf,
} from './codes.ts';
import type { LocalAuthority } from './core.ts';
import type { RegisterAlert } from './dashboard.ts';
import { email, type ExportedFile, id, isoDate, nameField, op, text } from './fields.ts';
import { normaliseUpn, upnProblem } from './upn.ts';

// ---- output types -----------------------------------------------------------------------------

/** The tabs of the child's file; alerts link to one of them. */
export type ChildTab = 'overview' | 'care' | 'education' | 'attendance' | 'voice';

export type AlertSeverity = 'urgent' | 'warning' | 'info';

/** Alert kinds from issue 4's rules; later issues add theirs (PEP due, progress, ...). */
export type AlertKind =
  | 'suspension-vs-not-informed'
  | 'suspension-social-worker-not-informed'
  | 'suspension-paperwork'
  | 'attendance-pep-review'
  | 'attendance-action-plan'
  | 'esw-session-overdue'
  | 'ehcp-review';

/** A derived alert (never stored). Title and reason never name the child: the UI shows the name from childId. */
export interface Alert {
  /** Stable across calls while the condition holds, e.g. "suspension-vs-not-informed:12:40". */
  key: string;
  childId: number;
  kind: AlertKind;
  severity: AlertSeverity;
  title: string;
  reason: string;
  /** ISO date the condition started (or falls due), for sorting and "since" wording. */
  since: string;
  link: { area: 'children'; childId: number; tab: ChildTab };
}

/** Attendance against the school's thresholds: at or below the action-plan figure, below the PEP-review figure. */
export type AttendanceBand = 'ok' | 'action-plan' | 'pep-review';

export type ChildView = 'current' | 'leavers' | 'all';

/** One compact row of the Children grid. */
export interface ChildListRow {
  id: number;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  upn: string | null;
  dateOfBirth: string;
  gender: keyof typeof GENDERS;
  /** 0 is Reception, negative is nursery age; includes the child's year group offset. */
  yearGroup: number;
  yearGroupLabel: string;
  responsibleLaId: number | null;
  responsibleLaName: string | null;
  status: keyof typeof CHILD_STATUSES;
  placArrangement: keyof typeof PLAC_ARRANGEMENTS | null;
  legalStatus: string | null;
  senProvision: keyof typeof SEN_PROVISION_CODES;
  ppPlusEligible: boolean;
  /** The most recent attendance period's percentage, or null when none is recorded. */
  latestAttendancePercent: number | null;
  latestAttendanceBand: AttendanceBand | null;
  alertCount: number;
  urgentAlertCount: number;
  dateJoinedSchool: string;
  leavingDate: string | null;
}

export interface ChildList {
  rows: ChildListRow[];
  counts: { onRoll: number; leavers: number };
}

export interface Child {
  id: number;
  upn: string | null;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  dateOfBirth: string;
  gender: keyof typeof GENDERS;
  ethnicity: string | null;
  yearGroupOffset: number;
  yearGroup: number;
  yearGroupLabel: string;
  status: keyof typeof CHILD_STATUSES;
  placArrangement: keyof typeof PLAC_ARRANGEMENTS | null;
  legalStatus: string | null;
  responsibleLaId: number | null;
  dateIntoCare: string | null;
  dateJoinedSchool: string;
  socialWorkerName: string | null;
  socialWorkerEmail: string | null;
  socialWorkerPhone: string | null;
  iroName: string | null;
  iroEmail: string | null;
  iroPhone: string | null;
  keyAdult: string | null;
  eswName: string | null;
  senProvision: keyof typeof SEN_PROVISION_CODES;
  senPrimaryNeed: string | null;
  ehcpReviewDate: string | null;
  ppPlusEligible: boolean;
  consentInformationSharing: boolean;
  consentNotes: string | null;
  transitionNotes: string | null;
  careersPlan: string | null;
  leavingDate: string | null;
  leavingDestination: string | null;
  retentionReviewDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Placement {
  id: number;
  childId: number;
  placementType: string;
  carerName: string | null;
  carerPhone: string | null;
  carerEmail: string | null;
  startDate: string;
  endDate: string | null;
  notes: string | null;
  /** True for the placement the child is in today. */
  current: boolean;
}

export interface EducationHistoryEntry {
  id: number;
  childId: number;
  schoolName: string;
  schoolUrn: string | null;
  startDate: string | null;
  endDate: string | null;
  reasonForLeaving: string | null;
}

export interface PriorAttainment {
  id: number;
  childId: number;
  measure: string;
  subject: string | null;
  result: string;
  resultNum: number | null;
  assessedOn: string | null;
  notes: string | null;
}

export interface AttendancePeriod {
  id: number;
  childId: number;
  periodStart: string;
  periodEnd: string;
  possibleSessions: number;
  presentSessions: number;
  authorisedAbsence: number;
  unauthorisedAbsence: number;
  /** 'manual', 'import' or 'demo'. */
  source: string;
  /** Present / possible × 100, one decimal place; null when no sessions were possible. */
  percent: number | null;
  band: AttendanceBand | null;
}

export interface Exclusion {
  id: number;
  childId: number;
  kind: keyof typeof EXCLUSION_TYPES;
  startDate: string;
  endDate: string | null;
  schoolDays: number;
  reason: string | null;
  vsInformedOn: string | null;
  socialWorkerInformedOn: string | null;
  paperworkSentOn: string | null;
  reintegrationMeetingOn: string | null;
  /** Informed after the day the suspension started (the expectation is the same day). */
  vsInformedLate: boolean;
  socialWorkerInformedLate: boolean;
  /** Paperwork is due within 48 hours: two calendar days after the start. */
  paperworkDueBy: string;
  paperworkLate: boolean;
}

export interface VoiceEntry {
  id: number;
  childId: number;
  heldOn: string;
  kind: keyof typeof VOICE_KINDS;
  staffName: string | null;
  wishesFeelings: string | null;
  concerns: string | null;
  actions: string | null;
  /** For ESW sessions: days since the previous ESW session (null for the first). */
  daysSincePreviousEswSession: number | null;
}

/** An audit entry about the child: what was done and by whom, never the content. */
export interface ActivityEntry {
  at: string;
  action: string;
  recordType: string | null;
  /** Plain English, e.g. "Placement added". */
  description: string;
  userName: string | null;
}

/** Everything the child's file shows, for all tabs, in one call. */
export interface ChildFile {
  /** The date the derived figures (year group, alerts, gaps) were worked out for. */
  asOf: string;
  child: Child;
  /** False for leavers: their records are read-only. */
  editable: boolean;
  /** Only the DT may delete a child's record. */
  canDelete: boolean;
  localAuthority: LocalAuthority | null;
  placements: {
    /** Newest first. */
    items: Placement[];
    current: Placement | null;
    /** Moves since the first recorded placement (placements − 1). */
    moves: number;
    movesLast12Months: number;
  };
  educationHistory: EducationHistoryEntry[];
  priorAttainment: PriorAttainment[];
  attendance: {
    /** Oldest first, for the trend chart. */
    periods: AttendancePeriod[];
    latest: AttendancePeriod | null;
    /** All periods in the current academic year (September to August) together. */
    yearToDatePercent: number | null;
    thresholds: { actionPlanPercent: number; pepReviewPercent: number };
  };
  exclusions: {
    /** Newest first. */
    items: Exclusion[];
    /** Suspension days in the current academic year (the legal maximum is 45). */
    suspensionDaysThisYear: number;
  };
  voice: {
    /** Newest first. */
    entries: VoiceEntry[];
    lastEswSessionOn: string | null;
    daysSinceLastEswSession: number | null;
    eswSessionWeeks: number;
    eswOverdue: boolean;
  };
  /** Every open alert about this child (all kinds: PEP, progress, attendance, suspensions, ...). */
  alerts: RegisterAlert[];
  /** Null until PEPs are recorded (issue 7). */
  nextPepDue: { date: string; reason: string } | null;
  /** Newest first, at most 20. */
  recentActivity: ActivityEntry[];
}

// ---- field helpers ----------------------------------------------------------------------------

/** Optional free text: blank becomes null. */
const optText = (max: number) => text(max).nullable().default(null).transform((v) => (v === '' ? null : v));
/** Optional date: blank becomes null. */
const optDate = z.union([z.literal('').transform(() => null), isoDate]).nullable().default(null);
const optEmail = email.transform((v) => v ?? null);

/** A UPN: spaces removed and upper-cased, then the check letter verified. Blank is allowed (no UPN yet). */
export const upnField = z.string().max(20, 'A UPN is 13 characters.').nullable().default(null).transform((s, ctx) => {
  if (s === null) return null;
  const upn = normaliseUpn(s);
  if (upn === '') return null;
  const problem = upnProblem(upn);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return upn;
});

/** Adds an issue on `path` (one field), so the form shows it under that field. */
function issue(ctx: z.RefinementCtx, path: string, message: string): void {
  ctx.addIssue({ code: 'custom', path: [path], message });
}

// ---- the child --------------------------------------------------------------------------------

const childFields = {
  upn: upnField,
  legalFirstName: nameField,
  legalLastName: nameField,
  preferredName: optText(100),
  dateOfBirth: isoDate,
  gender: z.enum(['F', 'M', 'X'], { error: 'Choose female, male, or not known / other.' }),
  ethnicity: optText(100),
  yearGroupOffset: z.number().int().min(-3, 'A year group offset is between -3 and 3.').max(3, 'A year group offset is between -3 and 3.').default(0),
  status: z.enum(['CLA', 'PLAC'], { error: 'Choose looked after or previously looked after.' }),
  placArrangement: codeOf(PLAC_ARRANGEMENTS, 'previously looked-after arrangement').nullable().default(null),
  legalStatus: codeOf(LEGAL_STATUS_CODES, 'legal status').nullable().default(null),
  responsibleLaId: id.nullable().default(null),
  dateIntoCare: optDate,
  dateJoinedSchool: isoDate,
  socialWorkerName: optText(100),
  socialWorkerEmail: optEmail,
  socialWorkerPhone: optText(40),
  iroName: optText(100),
  iroEmail: optEmail,
  iroPhone: optText(40),
  keyAdult: optText(100),
  eswName: optText(100),
  senProvision: codeOf(SEN_PROVISION_CODES, 'SEN provision').default('N'),
  senPrimaryNeed: codeOf(SEN_PRIMARY_NEED_CODES, 'primary need').nullable().default(null),
  ehcpReviewDate: optDate,
  ppPlusEligible: z.boolean().default(false),
  consentInformationSharing: z.boolean().default(false),
  consentNotes: optText(2000),
  transitionNotes: optText(4000),
  careersPlan: optText(4000),
};

interface ChildOrderFields {
  dateOfBirth: string;
  dateJoinedSchool: string;
  dateIntoCare: string | null;
  status: 'CLA' | 'PLAC';
  placArrangement: string | null;
  legalStatus: string | null;
  senProvision: string;
  senPrimaryNeed: string | null;
  ehcpReviewDate: string | null;
}

/** Dates in order and fields that only make sense together. Checks needing today's date are in the service. */
function checkChild(c: ChildOrderFields, ctx: z.RefinementCtx): void {
  if (c.dateJoinedSchool <= c.dateOfBirth) issue(ctx, 'dateJoinedSchool', 'The date the child joined the school must be after their date of birth.');
  if (c.dateIntoCare && c.dateIntoCare < c.dateOfBirth) issue(ctx, 'dateIntoCare', 'The date into care cannot be before the date of birth.');
  if (c.status === 'CLA' && c.placArrangement) issue(ctx, 'placArrangement', 'Only a previously looked-after child has a previously looked-after arrangement.');
  if (c.status === 'PLAC' && c.legalStatus) issue(ctx, 'legalStatus', 'A legal status applies only while a child is looked after. Clear it, or change the status.');
  if (c.senProvision === 'N' && c.senPrimaryNeed) issue(ctx, 'senPrimaryNeed', 'A primary need is recorded only with SEN support (K) or an EHC plan (E).');
  if (c.senProvision !== 'E' && c.ehcpReviewDate) issue(ctx, 'ehcpReviewDate', 'An EHCP review date applies only to a child with an EHC plan (E).');
}

export const createChildInput = z.object(childFields).strict().superRefine(checkChild);
/** The whole record, as the edit form submits it. */
export const updateChildInput = z.object({ id, ...childFields }).strict().superRefine(checkChild);

export const markChildLeftInput = z.object({
  id,
  leavingDate: isoDate,
  leavingDestination: text(200).min(1, 'Enter where the child went, e.g. "Sixth form at another school".'),
}).strict();

/** `confirm` must be the child's UPN, or the word DELETE. */
export const deleteChildInput = z.object({ id, confirm: z.string().trim().max(20, 'Type the child\'s UPN or the word DELETE.') }).strict();

// ---- records hanging off the child --------------------------------------------------------------

function endOnOrAfter(startKey: string, endKey: string, message: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const s = v[startKey];
    const e = v[endKey];
    if (typeof s === 'string' && typeof e === 'string' && e < s) issue(ctx, endKey, message);
  };
}

const placementBody = {
  placementType: codeOf(PLACEMENT_TYPE_CODES, 'placement type'),
  carerName: optText(200),
  carerPhone: optText(40),
  carerEmail: optEmail,
  startDate: isoDate,
  endDate: optDate,
  notes: optText(2000),
};
const placementOrder = endOnOrAfter('startDate', 'endDate', 'The placement must end on or after the day it started.');
/**
 * Adds a placement. If it has no end date and the child's current placement started earlier,
 * that placement is ended on this one's start date (a placement move).
 */
export const addPlacementInput = z.object({ childId: id, ...placementBody }).strict().superRefine(placementOrder);
export const updatePlacementInput = z.object({ id, ...placementBody }).strict().superRefine(placementOrder);

const educationBody = {
  schoolName: text(200).min(1, 'Enter the name of the school.'),
  schoolUrn: z.union([z.literal('').transform(() => null), z.string().trim().regex(/^\d{6}$/, 'A URN is six digits.')]).nullable().default(null),
  startDate: optDate,
  endDate: optDate,
  reasonForLeaving: optText(500),
};
const educationOrder = endOnOrAfter('startDate', 'endDate', 'The child must have left that school on or after the day they started.');
export const addEducationHistoryInput = z.object({ childId: id, ...educationBody }).strict().superRefine(educationOrder);
export const updateEducationHistoryInput = z.object({ id, ...educationBody }).strict().superRefine(educationOrder);

/** Suggestions for the measure field (free text is allowed). */
export const PRIOR_ATTAINMENT_MEASURES = ['KS2', 'KS1', 'Phonics screening', 'GCSE', 'CAT4', 'Reading age', 'Other'] as const;

const attainmentBody = {
  measure: text(50).min(1, 'Enter the measure, e.g. KS2.'),
  subject: optText(100),
  result: text(50).min(1, 'Enter the result.'),
  resultNum: z.number().finite().nullable().default(null),
  assessedOn: optDate,
  notes: optText(1000),
};
function attainmentRange(v: { measure: string; resultNum: number | null }, ctx: z.RefinementCtx): void {
  // Ranges from ../shared/reference thresholds: KS2 scaled scores 80–120, GCSE grades 1–9.
  const m = v.measure.trim().toUpperCase();
  if (v.resultNum === null) return;
  if (m === 'KS2' && (v.resultNum < 80 || v.resultNum > 120)) issue(ctx, 'resultNum', 'A KS2 scaled score is between 80 and 120.');
  if (m === 'GCSE' && (v.resultNum < 1 || v.resultNum > 9 || !Number.isInteger(v.resultNum))) issue(ctx, 'resultNum', 'A GCSE grade is a whole number from 1 to 9.');
}
export const addPriorAttainmentInput = z.object({ childId: id, ...attainmentBody }).strict().superRefine(attainmentRange);
export const updatePriorAttainmentInput = z.object({ id, ...attainmentBody }).strict().superRefine(attainmentRange);

const sessions = (what: string) => z.number().int(`${what} must be a whole number.`).min(0, `${what} cannot be negative.`).max(1000, `${what} must be at most 1,000.`);
const attendanceBody = {
  periodStart: isoDate,
  periodEnd: isoDate,
  possibleSessions: sessions('Possible sessions'),
  presentSessions: sessions('Present sessions'),
  authorisedAbsence: sessions('Authorised absence').default(0),
  unauthorisedAbsence: sessions('Unauthorised absence').default(0),
};
function attendanceCheck(
  v: { periodStart: string; periodEnd: string; possibleSessions: number; presentSessions: number; authorisedAbsence: number; unauthorisedAbsence: number },
  ctx: z.RefinementCtx,
): void {
  if (v.periodEnd < v.periodStart) issue(ctx, 'periodEnd', 'The period must end on or after the day it starts.');
  if (v.presentSessions + v.authorisedAbsence + v.unauthorisedAbsence > v.possibleSessions) {
    issue(ctx, 'presentSessions', 'Present, authorised and unauthorised sessions add up to more than the possible sessions.');
  }
}
export const addAttendancePeriodInput = z.object({ childId: id, ...attendanceBody }).strict().superRefine(attendanceCheck);
export const updateAttendancePeriodInput = z.object({ id, ...attendanceBody }).strict().superRefine(attendanceCheck);

const exclusionBody = {
  kind: codeOf(EXCLUSION_TYPES, 'type (suspension or permanent exclusion)'),
  startDate: isoDate,
  endDate: optDate,
  schoolDays: z.number().min(0, 'School days cannot be negative.').max(200, 'School days must be at most 200.')
    .multipleOf(0.5, 'School days are whole or half days, e.g. 0.5 or 2.'),
  reason: optText(1000),
  vsInformedOn: optDate,
  socialWorkerInformedOn: optDate,
  paperworkSentOn: optDate,
  reintegrationMeetingOn: optDate,
};
function exclusionCheck(v: { kind: string; startDate: string; endDate: string | null; schoolDays: number; reintegrationMeetingOn: string | null }, ctx: z.RefinementCtx): void {
  if (v.endDate && v.endDate < v.startDate) issue(ctx, 'endDate', 'The suspension must end on or after the day it starts.');
  if (v.kind === 'SUSP' && v.schoolDays > 45) issue(ctx, 'schoolDays', 'A suspension is at most 45 school days.');
  if (v.reintegrationMeetingOn && v.reintegrationMeetingOn < v.startDate) {
    issue(ctx, 'reintegrationMeetingOn', 'The reintegration meeting cannot be before the suspension starts.');
  }
}
export const addExclusionInput = z.object({ childId: id, ...exclusionBody }).strict().superRefine(exclusionCheck);
export const updateExclusionInput = z.object({ id, ...exclusionBody }).strict().superRefine(exclusionCheck);

const voiceBody = {
  heldOn: isoDate,
  kind: z.enum(['esw_session', 'conversation', 'other'], { error: 'Choose ESW session, conversation or other.' }),
  staffName: optText(100),
  wishesFeelings: optText(4000),
  concerns: optText(4000),
  actions: optText(4000),
};
function voiceCheck(v: { wishesFeelings: string | null; concerns: string | null; actions: string | null }, ctx: z.RefinementCtx): void {
  if (!v.wishesFeelings && !v.concerns && !v.actions) issue(ctx, 'wishesFeelings', 'Record the child\'s wishes and feelings, any concerns, or the actions agreed.');
}
export const addVoiceEntryInput = z.object({ childId: id, ...voiceBody }).strict().superRefine(voiceCheck);
export const updateVoiceEntryInput = z.object({ id, ...voiceBody }).strict().superRefine(voiceCheck);

const byId = z.object({ id }).strict();
const childView = z.enum(['current', 'leavers', 'all'], { error: 'Choose current, leavers or all.' }).default('current');

// ---- the operations ---------------------------------------------------------------------------

/** Every mutation of a child returns the whole refreshed file, so the UI can replace its cache. */
export const childrenOperations = {
  /** The Children grid: compact rows for one view, with counts for the view switcher. */
  listChildren: op<ChildList>()(z.object({ view: childView }).strict()),
  /** Everything for every tab of the child's file. */
  getChild: op<ChildFile>()(byId),
  createChild: op<ChildFile>()(createChildInput),
  updateChild: op<ChildFile>()(updateChildInput),
  /** Records the leaving date and destination and sets the retention review date; the record becomes read-only. */
  markChildLeft: op<ChildFile>()(markChildLeftInput),
  /** DT only: undoes a leaving recorded by mistake. */
  cancelChildLeaving: op<ChildFile>()(byId),
  /** DT only; secure delete of the child and everything hanging off them. */
  deleteChild: op<null>()(deleteChildInput),

  addPlacement: op<ChildFile>()(addPlacementInput),
  updatePlacement: op<ChildFile>()(updatePlacementInput),
  deletePlacement: op<ChildFile>()(byId),
  addEducationHistory: op<ChildFile>()(addEducationHistoryInput),
  updateEducationHistory: op<ChildFile>()(updateEducationHistoryInput),
  deleteEducationHistory: op<ChildFile>()(byId),
  addPriorAttainment: op<ChildFile>()(addPriorAttainmentInput),
  updatePriorAttainment: op<ChildFile>()(updatePriorAttainmentInput),
  deletePriorAttainment: op<ChildFile>()(byId),
  addAttendancePeriod: op<ChildFile>()(addAttendancePeriodInput),
  updateAttendancePeriod: op<ChildFile>()(updateAttendancePeriodInput),
  deleteAttendancePeriod: op<ChildFile>()(byId),
  addExclusion: op<ChildFile>()(addExclusionInput),
  updateExclusion: op<ChildFile>()(updateExclusionInput),
  deleteExclusion: op<ChildFile>()(byId),
  addVoiceEntry: op<ChildFile>()(addVoiceEntryInput),
  updateVoiceEntry: op<ChildFile>()(updateVoiceEntryInput),
  deleteVoiceEntry: op<ChildFile>()(byId),

  /** Everything held about one child, as a PDF and a JSON file (audited as an export). */
  subjectAccessExport: op<{ files: ExportedFile[] }>()(z.object({ childId: id }).strict()),
  /** The Children grid as CSV, with formula-like cells neutralised (audited as an export). */
  exportChildrenCsv: op<{ files: ExportedFile[] }>()(z.object({ view: childView }).strict()),
} as const;
