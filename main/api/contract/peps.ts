// Personal Education Plans (issue 7): the PEP list, the PEP editor and its lifecycle, the SMART
// check, each Virtual School's PEP layout, "copy section" text for an LA's online ePEP form, and the
// PDF export. Dates cross the seam as ISO yyyy-mm-dd; money as integer pence.
//
// What is frozen and what is live (DESIGN.md "PEPs"):
// - A PEP keeps a *snapshot* of the register (child and care details, education history,
//   attendance and exclusions for the term, progress by subject with trend, interventions and PP+
//   spend, SEN, the voice log for the term) taken when it is created. While the PEP is a draft or
//   ready, "refresh from the register" takes a new snapshot; once submitted it never changes, so a
//   submitted PEP reads the same however the register changes later.
// - What the DT writes (voice, views, strengths, targets, reviews, actions, attendees) lives in the
//   PEP's own rows, editable only while draft or ready.
// - Only presentation is read live at export: the Virtual School's section order and headings, the
//   file name pattern, the generation date, and the optional password.

import { z } from 'zod';
import type { ActivityEntry } from './children.ts';
import { type ExportedFile, id, isoDate, op, text } from './fields.ts';

// ---- vocabulary -------------------------------------------------------------------------------

export const PEP_TERMS = ['Autumn', 'Spring', 'Summer'] as const;
export type PepTermName = (typeof PEP_TERMS)[number];

export const PEP_STATUSES = ['draft', 'ready', 'submitted', 'approved', 'returned', 'superseded'] as const;
export type PepStatus = (typeof PEP_STATUSES)[number];

export const PEP_STATUS_LABELS: Record<PepStatus, string> = {
  draft: 'Draft',
  ready: 'Ready to submit',
  submitted: 'Submitted to the Virtual School',
  approved: 'Approved by the Virtual School',
  returned: 'Returned by the Virtual School',
  superseded: 'Superseded by a later PEP',
};

/** Statuses the user can move a PEP to (superseded is set by the register when a later PEP is submitted). */
export const PEP_MANUAL_STATUSES = ['draft', 'ready', 'submitted', 'approved', 'returned'] as const;
export type PepManualStatus = (typeof PEP_MANUAL_STATUSES)[number];

export const PEP_KINDS = { initial: 'Initial PEP', review: 'Termly review' } as const;
export type PepKind = keyof typeof PEP_KINDS;

export const TARGET_OUTCOMES = { met: 'Met', partly: 'Partly met', not_met: 'Not met' } as const;
export type TargetOutcome = keyof typeof TARGET_OUTCOMES;

export type PepRag = 'green' | 'amber' | 'red';

/** Suggestions for a target's area (free text is allowed). */
export const PEP_TARGET_AREAS = [
  'English', 'Reading', 'Writing', 'Maths', 'Science', 'Attendance', 'Behaviour for learning',
  'Social, emotional and mental health', 'Communication and interaction', 'Independence and organisation',
  'Careers and post-16', 'Other subject',
] as const;

/** The sections of a PEP, in the default order, with their default headings. */
export const DEFAULT_PEP_SECTIONS = [
  { key: 'details', heading: 'Child and care details' },
  { key: 'meeting', heading: 'PEP meeting and attendees' },
  { key: 'voice', heading: "The child's voice" },
  { key: 'views', heading: "Carer's and social worker's views" },
  { key: 'education_history', heading: 'Education history and prior attainment' },
  { key: 'attendance', heading: 'Attendance and exclusions' },
  { key: 'progress', heading: 'Attainment and progress' },
  { key: 'sen', heading: 'Special educational needs' },
  { key: 'strengths', heading: 'Strengths and barriers to learning' },
  { key: 'transition', heading: 'Transition, careers and post-16 plans' },
  { key: 'previous_targets', heading: 'Review of previous targets' },
  { key: 'targets', heading: 'SMART targets' },
  { key: 'interventions', heading: 'Interventions and Pupil Premium Plus' },
  { key: 'actions', heading: 'Actions' },
] as const;

export type PepSectionKey = (typeof DEFAULT_PEP_SECTIONS)[number]['key'];
export const PEP_SECTION_KEYS = DEFAULT_PEP_SECTIONS.map((s) => s.key) as [PepSectionKey, ...PepSectionKey[]];
/** Sections a Virtual School's layout cannot leave out. */
export const REQUIRED_PEP_SECTIONS: readonly PepSectionKey[] = ['details', 'meeting', 'voice', 'targets'];

export const DEFAULT_PEP_FILENAME_PATTERN = 'PEP_{LA}_{initials}_{term}.pdf';
/** Placeholders a file name pattern may use. None of them is the child's name, UPN or date of birth. */
export const PEP_FILENAME_PLACEHOLDERS = {
  LA: "The local authority's short name, e.g. Northshire",
  LACode: "The local authority's three-digit code (else its short name)",
  initials: "The child's initials, e.g. ZQ",
  term: 'The term, e.g. 2025-26-Autumn',
  year: 'The academic year, e.g. 2025-26',
  termName: 'The term name, e.g. Autumn',
  yearGroup: 'The year group, e.g. Y9',
  childId: "The child's record number in this register",
  date: 'The date of the export, e.g. 2025-12-01',
} as const;

// ---- output types -----------------------------------------------------------------------------

export interface PepTermRef { academicYear: string; term: PepTermName }

export type PepProgressTrend = 'up' | 'same' | 'down';

/** What the register said when the PEP was drafted (or last refreshed). Never changes once submitted. */
export interface PepSnapshot {
  version: 1;
  /** The date the figures are as at: the end of the term, or the day it was taken if earlier. */
  asOf: string;
  school: { name: string; urn: string | null; dtName: string | null; deputyDtName: string | null };
  localAuthority: { id: number; name: string; laCode: string | null; vshName: string | null; vsEmail: string | null; epepSystem: string | null } | null;
  child: {
    legalFirstName: string;
    legalLastName: string;
    preferredName: string | null;
    initials: string;
    dateOfBirth: string;
    gender: string;
    ethnicity: string | null;
    upn: string | null;
    yearGroup: number;
    yearGroupLabel: string;
    status: 'CLA' | 'PLAC';
    statusLabel: string;
    placArrangement: string | null;
    legalStatus: string | null;
    dateIntoCare: string | null;
    dateJoinedSchool: string;
    socialWorker: { name: string | null; email: string | null; phone: string | null };
    iro: { name: string | null; email: string | null; phone: string | null };
    keyAdult: string | null;
    eswName: string | null;
    ppPlusEligible: boolean;
    consentInformationSharing: boolean;
  };
  placement: { type: string; carerName: string | null; startDate: string } | null;
  placementMovesLast12Months: number;
  educationHistory: { schoolName: string; startDate: string | null; endDate: string | null; reasonForLeaving: string | null }[];
  priorAttainment: { measure: string; subject: string | null; result: string; assessedOn: string | null }[];
  attendance: {
    periods: { start: string; end: string; possible: number; present: number; authorised: number; unauthorised: number; percent: number | null }[];
    /** The term's periods together; null when none is recorded. */
    term: { possible: number; present: number; authorised: number; unauthorised: number; percent: number | null } | null;
    yearToDatePercent: number | null;
    thresholds: { actionPlanPercent: number; pepReviewPercent: number };
  };
  exclusions: {
    /** Suspensions and exclusions starting in the term. */
    items: { kind: 'SUSP' | 'PERM'; startDate: string; endDate: string | null; schoolDays: number; reason: string | null }[];
    termDays: number;
    suspensionDaysThisYear: number;
  };
  progress: {
    /** Up to the three latest assessment windows closing by the end of the term, oldest first. */
    windows: { id: number; name: string; closeDate: string; academicYearLabel: string }[];
    subjects: {
      name: string;
      isCore: boolean;
      /** One per window, null where there is no return. */
      entries: ({ current: string | null; target: string | null; predicted: string | null; effort: number | null; flag: 'above' | 'on_track' | 'below' | null } | null)[];
      latestTarget: string | null;
      trend: PepProgressTrend | null;
      latestFlag: 'above' | 'on_track' | 'below' | null;
    }[];
    /** Whether any return with a grade exists for this term's academic year, up to the end of the term. */
    hasReturnsThisPeriod: boolean;
  };
  sen: { provision: 'N' | 'K' | 'E'; provisionLabel: string; primaryNeed: string | null; primaryNeedLabel: string | null; ehcpReviewDate: string | null };
  interventions: {
    items: {
      id: number;
      label: string;
      deliveredBy: string | null;
      subject: string | null;
      startDate: string;
      endDate: string | null;
      sessionsPlanned: number;
      sessionsAttended: number;
      costPence: number;
      fundingSource: 'pp_plus' | 'school' | 'virtual_school';
      impactRating: string;
    }[];
    /** Cost of the interventions running in the term, by who pays. */
    ppPlusPence: number;
    schoolPence: number;
    virtualSchoolPence: number;
    financialYear: string;
    /** PP+ for the child in that financial year: the recorded allocation, else the LA's yearly rule; null when not eligible. */
    ppPlusAllocationPence: number | null;
    ppPlusAllocationSource: 'recorded' | 'la_rule' | null;
  };
  /** Voice-log entries in the term (else the latest three in the six months before it), oldest first. */
  voiceLog: { heldOn: string; kind: string; wishesFeelings: string | null; concerns: string | null }[];
  /** From the child's record. */
  transition: { transitionNotes: string | null; careersPlan: string | null };
}

export interface PepText {
  childVoice: string | null;
  /** Why the child's voice was not recorded (instead of childVoice). */
  childVoiceReason: string | null;
  carerViews: string | null;
  socialWorkerViews: string | null;
  strengths: string | null;
  barriers: string | null;
  senNotes: string | null;
  transitionCareers: string | null;
  attendanceNotes: string | null;
  progressNotes: string | null;
}

export type SmartCriterion = 'specific' | 'measurable' | 'timeBound' | 'owner';

export interface SmartResult {
  /** True when every criterion is met. Never blocks saving: it only prompts. */
  smart: boolean;
  passed: number;
  checks: Record<SmartCriterion, { ok: boolean; prompt: string | null }>;
  /** The prompts of the criteria not met, in order, for a compact display. */
  prompts: string[];
}

export interface PepTarget {
  id: number;
  position: number;
  area: string | null;
  target: string;
  successCriteria: string | null;
  byWhen: string | null;
  who: string | null;
  ppPlusPence: number;
  /** Set when carried forward from a previous target (the review row's id). */
  carriedFromReviewId: number | null;
  interventions: { interventionId: number | null; label: string }[];
  smart: SmartResult;
  /** Filled when a later PEP has reviewed this target. */
  laterReview: { pepId: number; termLabel: string; outcome: TargetOutcome | null; note: string | null } | null;
}

export interface PepReview {
  id: number;
  sourceTargetId: number | null;
  /** The PEP the target was set at, e.g. "Autumn term 2025-26". */
  sourceLabel: string;
  area: string | null;
  target: string;
  successCriteria: string | null;
  byWhen: string | null;
  who: string | null;
  outcome: TargetOutcome | null;
  note: string | null;
  carryForward: boolean;
}

export interface PepAction { id: number; position: number; action: string; owner: string | null; dueOn: string | null; doneOn: string | null }
export interface PepAttendee { id: number; position: number; name: string; role: string | null; present: boolean }

export interface PepCompletenessItem {
  key: string;
  label: string;
  section: PepSectionKey;
  done: boolean;
  /** What to do, when not done. */
  prompt: string | null;
}

export interface PepCompleteness {
  percent: number;
  done: number;
  total: number;
  items: PepCompletenessItem[];
  /** Labels of the items not done. */
  missing: string[];
}

export interface PepStatusChange { from: PepStatus; to: PepStatus; on: string; note: string | null; at: string }

/** The content a PEP document is made from (a saved PEP, or a draft built without saving). */
export interface PepContent {
  /** null for a draft built from the register without saving it. */
  id: number | null;
  childId: number;
  academicYear: string;
  term: PepTermName;
  termLabel: string;
  kind: PepKind;
  status: PepStatus;
  period: { start: string; end: string };
  meetingDate: string | null;
  submittedOn: string | null;
  approvedOn: string | null;
  returnedOn: string | null;
  returnedReason: string | null;
  supersededOn: string | null;
  qualityRating: string | null;
  qualityRag: PepRag | null;
  vsFeedback: string | null;
  snapshot: PepSnapshot;
  snapshotTakenAt: string;
  text: PepText;
  previousTargets: PepReview[];
  targets: PepTarget[];
  actions: PepAction[];
  attendees: PepAttendee[];
}

export interface PepFormatSection { key: PepSectionKey; heading: string; defaultHeading: string; included: boolean; required: boolean }

export interface LaPepFormat {
  /** null: the default layout for a child with no responsible LA. */
  laId: number | null;
  laName: string | null;
  isDefault: boolean;
  sections: PepFormatSection[];
  fileNamePattern: string;
  defaultFileNamePattern: string;
  placeholders: Record<keyof typeof PEP_FILENAME_PLACEHOLDERS, string>;
  /** The Virtual School's quality rating scale, best first. */
  qaScale: string[];
}

/** Everything the PEP editor shows, in one call. */
export interface PepDetail extends PepContent {
  id: number;
  childName: string;
  initials: string;
  laId: number | null;
  laName: string | null;
  statusLabel: string;
  /** Content can be changed: a draft or ready PEP of a child still on roll. */
  editable: boolean;
  /** Where the lifecycle buttons can move it now. */
  allowedTransitions: PepManualStatus[];
  /** The LA's cut-off for the term, else the end of term. */
  dueBy: string;
  completeness: PepCompleteness;
  /** For an editable PEP: whether the register now says something different from the snapshot. */
  registerChangedSinceSnapshot: boolean;
  /** What the voice log would prefill now (to re-insert into the child's voice). */
  voicePrefill: string | null;
  /** Usual attendees from the register (DT, carer, social worker, child), to add with one click. */
  suggestedAttendees: { name: string; role: string }[];
  /** The child's interventions, for linking to targets. */
  interventionOptions: { id: number; label: string; fundingSource: string; costPence: number }[];
  /** The LA's quality rating scale, best first. */
  qaScale: string[];
  /** Sections in the Virtual School's order with its headings (hidden ones left out). */
  format: { key: PepSectionKey; heading: string }[];
  statusHistory: PepStatusChange[];
  /** Audit entries about this PEP, newest first (who and when; never content). */
  history: ActivityEntry[];
  createdAt: string;
  updatedAt: string;
}

export interface PepListRow {
  id: number;
  childId: number;
  childName: string;
  initials: string;
  yearGroupLabel: string;
  childStatus: 'CLA' | 'PLAC';
  laId: number | null;
  laName: string | null;
  academicYear: string;
  term: PepTermName;
  termLabel: string;
  kind: PepKind;
  status: PepStatus;
  statusLabel: string;
  meetingDate: string | null;
  submittedOn: string | null;
  dueBy: string;
  /** Not yet submitted and past its due date. */
  overdue: boolean;
  qualityRating: string | null;
  qualityRag: PepRag | null;
  completenessPercent: number;
  missing: string[];
  targets: number;
  smartTargets: number;
  updatedAt: string;
}

export interface PepList {
  /** The term asked about, or the current term when none was given. */
  currentTerm: PepTermRef & { label: string };
  rows: PepListRow[];
  /** With a term filter: looked-after children on roll with no PEP for that term yet. */
  notStarted: { childId: number; childName: string; initials: string; yearGroupLabel: string; laName: string | null; dueBy: string; overdue: boolean }[];
}

export interface PepSectionText { section: PepSectionKey; heading: string; text: string }

// ---- input schemas ----------------------------------------------------------------------------

/** Optional free text: blank becomes null. */
const optText = (max: number) => text(max).nullable().default(null).transform((v) => (v === '' ? null : v));
/** Free text that may be left out (unchanged): blank becomes null. */
const keepText = (max: number) => text(max).nullable().optional().transform((v) => (v === '' ? null : v));
const optDate = z.union([z.literal('').transform(() => null), isoDate]).nullable().default(null);

export const pepAcademicYear = z.string().regex(/^\d{4}-\d{2}$/, 'Academic year is written like 2025-26.')
  .refine((l) => (Number(l.slice(0, 4)) + 1) % 100 === Number(l.slice(5)), 'The second year must follow the first, like 2025-26.');
export const pepTermName = z.enum(PEP_TERMS, { error: 'Choose Autumn, Spring or Summer.' });
const pepStatus = z.enum(PEP_STATUSES);
const pence = z.number().int('Enter whole pence.').min(0, 'The amount cannot be negative.').max(10_000_000, 'The amount must be at most £100,000.');

export const listPepsInput = z.object({
  childId: id.nullable().default(null),
  academicYear: pepAcademicYear.nullable().default(null),
  term: pepTermName.nullable().default(null),
  status: pepStatus.nullable().default(null),
}).strict().superRefine((v, ctx) => {
  if ((v.academicYear === null) !== (v.term === null)) ctx.addIssue({ code: 'custom', path: ['term'], message: 'Give both the academic year and the term, or neither.' });
});

export const createPepInput = z.object({
  childId: id,
  academicYear: pepAcademicYear,
  term: pepTermName,
  /** Default: initial when the child has no earlier PEP, else a termly review. */
  kind: z.enum(['initial', 'review']).nullable().default(null),
}).strict();

/** Fields left out are unchanged. */
export const updatePepInput = z.object({
  id,
  kind: z.enum(['initial', 'review']).optional(),
  meetingDate: z.union([z.literal('').transform(() => null), isoDate]).nullable().optional(),
  childVoice: keepText(8000),
  childVoiceReason: keepText(2000),
  carerViews: keepText(8000),
  socialWorkerViews: keepText(8000),
  strengths: keepText(8000),
  barriers: keepText(8000),
  senNotes: keepText(8000),
  transitionCareers: keepText(8000),
  attendanceNotes: keepText(4000),
  progressNotes: keepText(4000),
}).strict();

export const savePepTargetInput = z.object({
  pepId: id,
  /** Absent to add a target. */
  id: id.optional(),
  area: optText(100),
  target: text(2000).min(1, 'Write the target.'),
  successCriteria: optText(2000),
  byWhen: optDate,
  who: optText(200),
  ppPlusPence: pence.default(0),
  interventionIds: z.array(id).max(20).default([]),
}).strict();

export const reviewPreviousTargetInput = z.object({
  /** The review row (from PepDetail.previousTargets). */
  id,
  outcome: z.enum(['met', 'partly', 'not_met'], { error: 'Choose met, partly met or not met.' }).nullable(),
  note: optText(2000),
  /** Carry the target forward into this PEP's targets. Default: yes when partly or not met. */
  carryForward: z.boolean().nullable().default(null),
}).strict();

export const savePepActionInput = z.object({
  pepId: id,
  id: id.optional(),
  action: text(1000).min(1, 'Write the action.'),
  owner: optText(200),
  dueOn: optDate,
  doneOn: optDate,
}).strict();

export const setPepAttendeesInput = z.object({
  pepId: id,
  attendees: z.array(z.object({
    name: text(200).min(1, 'Enter the name.'),
    role: optText(200),
    present: z.boolean().default(true),
  }).strict()).max(30),
}).strict();

export const changePepStatusInput = z.object({
  id,
  to: z.enum(PEP_MANUAL_STATUSES, { error: 'Choose draft, ready, submitted, approved or returned.' }),
  /** The date it happened (submitted, approved, returned); default today. */
  on: isoDate.nullable().default(null),
  /** Required when returned: the Virtual School's reason. */
  reason: optText(2000),
  qualityRating: optText(100),
  feedback: optText(4000),
}).strict().superRefine((v, ctx) => {
  if (v.to === 'returned' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: "Enter the Virtual School's reason for returning the PEP." });
});

export const recordPepQualityInput = z.object({
  id,
  qualityRating: optText(100),
  feedback: optText(4000),
}).strict();

export const checkSmartTargetInput = z.object({
  area: optText(100),
  target: text(2000).default(''),
  successCriteria: optText(2000),
  byWhen: optDate,
  who: optText(200),
  /** The PEP meeting date: a by-when date before it is flagged. */
  notBefore: optDate,
}).strict();

export const pepSectionTextInput = z.object({ id, section: z.enum(PEP_SECTION_KEYS) }).strict();

export const exportPepInput = z.object({
  pepId: id,
  /** Optional password to open the PDF (for sending by email). */
  password: z.string().min(6, 'A PDF password must be at least 6 characters.').max(100, 'A PDF password must be at most 100 characters.')
    .nullable().optional().or(z.literal('').transform(() => null)),
}).strict();

export const laPepFormatInput = z.object({
  laId: id,
  /** Every section once, in order; null restores the default layout. */
  sections: z.array(z.object({
    key: z.enum(PEP_SECTION_KEYS),
    heading: text(120).min(1, 'Enter a heading.'),
    included: z.boolean().default(true),
  }).strict()).max(PEP_SECTION_KEYS.length).nullable(),
  /** null or blank: the default pattern. */
  fileNamePattern: optText(200),
}).strict();

const byId = z.object({ id }).strict();

// ---- the operations ---------------------------------------------------------------------------

/** Every change to a PEP returns the whole refreshed PEP, so the editor can replace its cache. */
export const pepOperations = {
  /** The PEP list: per child and term, with status and completeness; with a term, the children not started. */
  listPeps: op<PepList>()(listPepsInput),
  /** Everything the PEP editor shows. */
  getPep: op<PepDetail>()(byId),
  /** Drafts a PEP for a child and term from the register (snapshot, voice prefill, previous targets to review). */
  createPep: op<PepDetail>()(createPepInput),
  updatePep: op<PepDetail>()(updatePepInput),
  /** Takes a new snapshot of the register (draft or ready only); what the DT wrote is kept. */
  refreshPepSnapshot: op<PepDetail>()(byId),
  /** Drafts only. */
  deletePep: op<null>()(byId),

  savePepTarget: op<PepDetail>()(savePepTargetInput),
  deletePepTarget: op<PepDetail>()(byId),
  /** Records the outcome of a previous PEP's target; partly or not met carries it forward by default. */
  reviewPreviousTarget: op<PepDetail>()(reviewPreviousTargetInput),
  savePepAction: op<PepDetail>()(savePepActionInput),
  deletePepAction: op<PepDetail>()(byId),
  /** Replaces the attendee list. */
  setPepAttendees: op<PepDetail>()(setPepAttendeesInput),

  /** Lifecycle buttons: draft ⇄ ready → submitted → approved | returned → draft. */
  changePepStatus: op<PepDetail>()(changePepStatusInput),
  /** The Virtual School's quality rating and feedback on a submitted, approved, returned or superseded PEP. */
  recordPepQuality: op<PepDetail>()(recordPepQualityInput),

  /** The SMART check of one target as typed (prompts only; nothing is saved). */
  checkSmartTarget: op<SmartResult>()(checkSmartTargetInput),
  /** Plain text of one section, for pasting into the Virtual School's online ePEP form. */
  getPepSectionText: op<PepSectionText>()(pepSectionTextInput),
  /** The PEP as a PDF named by the LA's pattern, optionally password-protected (audited as an export). */
  exportPep: op<{ files: ExportedFile[] }>()(exportPepInput),

  /** A Virtual School's PEP layout (section order and headings, file name pattern, quality scale). */
  getLaPepFormat: op<LaPepFormat>()(z.object({ laId: id }).strict()),
  saveLaPepFormat: op<LaPepFormat>()(laPepFormatInput),
} as const;
