// Interventions and Pupil Premium Plus (issue 6): the interventions list with its filters and
// totals, an intervention's sessions and quick attendance entry, impact ratings, "start an
// intervention" from a below-target progress flag, and each financial year's PP+ position per child
// and per local authority with its overspend / unspent warnings. Money crosses the seam in pence
// (integers): the UI shows pounds and converts. Dates are ISO yyyy-mm-dd.

import { z } from 'zod';
import { id, isoDate, op, text } from './fields.ts';

// ---- labels -----------------------------------------------------------------------------------

export const INTERVENTION_KINDS = {
  small_group_maths: 'Small-group maths',
  small_group_english: 'Small-group English',
  tuition_1to1: '1:1 tuition',
  mentoring: 'Mentoring',
  esw_sessions: 'Education Support Worker sessions',
  counselling: 'Counselling',
  other: 'Other',
} as const;
export type InterventionKind = keyof typeof INTERVENTION_KINDS;

export const FUNDING_SOURCES = {
  pp_plus: 'Pupil Premium Plus',
  school: 'School budget',
  virtual_school: 'Virtual School (other funding)',
} as const;
export type FundingSource = keyof typeof FUNDING_SOURCES;

export const IMPACT_RATINGS = {
  not_assessed: 'Not assessed yet',
  no_impact: 'No impact',
  some_impact: 'Some impact',
  good_impact: 'Good impact',
  strong_impact: 'Strong impact',
} as const;
export type ImpactRating = keyof typeof IMPACT_RATINGS;

const KIND_KEYS = Object.keys(INTERVENTION_KINDS) as [InterventionKind, ...InterventionKind[]];
const FUNDING_KEYS = Object.keys(FUNDING_SOURCES) as [FundingSource, ...FundingSource[]];
const IMPACT_KEYS = Object.keys(IMPACT_RATINGS) as [ImpactRating, ...ImpactRating[]];

// ---- output types -----------------------------------------------------------------------------

/** Planned: starts after the date asked about; active: running on it; ended: finished before it. */
export type InterventionState = 'planned' | 'active' | 'ended';

export interface Intervention {
  id: number;
  childId: number;
  /** The DT's own screen: preferred (else legal) first name and last name. */
  childName: string;
  yearGroup: number;
  /** False for leavers: their interventions are read-only. */
  editable: boolean;
  kind: InterventionKind;
  /** "1:1 tuition", or the description of an 'other' intervention. */
  kindLabel: string;
  kindOther: string | null;
  /** Null: delivered in school (see deliveredBy). */
  providerId: number | null;
  providerName: string | null;
  deliveredBy: string | null;
  subjectId: number | null;
  subjectName: string | null;
  startDate: string;
  endDate: string | null;
  state: InterventionState;
  sessionsPlanned: number;
  /** Sessions with attendance recorded (attended or missed). */
  sessionsRecorded: number;
  sessionsAttended: number;
  /** Attended ÷ recorded × 100, one decimal place; null before any session is recorded. */
  attendanceRate: number | null;
  lastSessionOn: string | null;
  costPence: number;
  fundingSource: FundingSource;
  /** The PP+ financial year the cost counts in ('2025-26'): the year of the start date. */
  financialYear: string;
  baselineMeasure: string | null;
  baselineValue: string | null;
  outcomeMeasure: string | null;
  outcomeValue: string | null;
  impactRating: ImpactRating;
  evidenceNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InterventionSession { id: number; date: string; attended: boolean; note: string | null }

/** A PEP target this intervention supports (linked from the PEP's targets; DESIGN.md "PEPs"). */
export interface InterventionPepTarget {
  pepId: number;
  academicYear: string;
  term: 'Autumn' | 'Spring' | 'Summer';
  pepStatus: string;
  targetId: number;
  area: string | null;
  target: string;
  byWhen: string | null;
}

export interface InterventionDetail extends Intervention {
  /** Oldest first. */
  sessions: InterventionSession[];
  /** The PEP targets it supports, latest PEP first. */
  pepTargets: InterventionPepTarget[];
}

export interface InterventionTotals {
  count: number;
  costPence: number;
  /** The part of costPence funded by PP+. */
  ppPlusCostPence: number;
  sessionsPlanned: number;
  sessionsRecorded: number;
  sessionsAttended: number;
  attendanceRate: number | null;
  byImpact: Record<ImpactRating, number>;
  byFunding: Record<FundingSource, { count: number; costPence: number }>;
  byKind: Record<InterventionKind, number>;
}

export interface InterventionList {
  asOf: string;
  rows: Intervention[];
  totals: InterventionTotals;
}

/** One row of the quick attendance screen: an intervention running on the date, and what is recorded. */
export interface SessionDueRow {
  interventionId: number;
  childId: number;
  childName: string;
  yearGroup: number;
  kindLabel: string;
  subjectName: string | null;
  deliveredBy: string | null;
  providerName: string | null;
  sessionsPlanned: number;
  sessionsRecorded: number;
  /** What is already recorded for the date: null when nothing yet. */
  recorded: { attended: boolean; note: string | null } | null;
}

export interface SessionsDue { date: string; rows: SessionDueRow[] }

export interface RecordSessionsResult {
  /** New sessions recorded. */
  added: number;
  /** Sessions already recorded for the date, now changed. */
  updated: number;
  /** Sessions taken off the date (recordDaySessions' removals). */
  removed: number;
  interventions: Intervention[];
}

/** A pre-filled createIntervention input (not saved) from a below-target progress flag. */
export interface InterventionDraft {
  input: z.input<typeof createInterventionInput>;
  /** What the draft was made from, to show beside the form. */
  source: {
    childName: string;
    subjectName: string;
    windowName: string;
    current: string | null;
    target: string | null;
    predicted: string | null;
    /** Grade steps above (+) or below (-) target; null when not judged. */
    steps: number | null;
    flag: 'above' | 'on_track' | 'below' | null;
    /** Interventions already running for this child in this subject. */
    activeInterventions: number;
  };
}

// ---- PP+ --------------------------------------------------------------------------------------

export type PpPlusWarningKind = 'overspend' | 'unspent' | 'no_allocation_recorded' | 'unspent_at_year_end';

export interface PpPlusWarning {
  kind: PpPlusWarningKind;
  severity: 'urgent' | 'warning' | 'info';
  /** A child's row, or null for an LA total. */
  childId: number | null;
  laId: number | null;
  message: string;
}

export interface PpPlusChildRow {
  childId: number;
  childName: string;
  yearGroup: number;
  status: 'CLA' | 'PLAC';
  laId: number | null;
  laName: string | null;
  /** Whether the LA's rule gives this child PP+ for any month of the year. */
  eligible: boolean;
  /** Plain English: why (not) eligible, e.g. "In care, on roll and Reception–Year 11 for 7 of 12 months". */
  eligibility: string;
  eligibleMonths: number;
  /** From the LA's rule, pro-rated by eligible months. */
  expectedPence: number;
  /** What was recorded as allocated (overrides the rule), if anything. */
  recorded: { id: number; amountPence: number; receivedOn: string | null; note: string | null; laId: number } | null;
  /** recorded ?? expected. */
  allocatedPence: number;
  spentPence: number;
  /** allocated − spent (negative when overspent). */
  remainingPence: number;
  /** spent ÷ allocated × 100, one decimal place; null when nothing is allocated. */
  spentPercent: number | null;
  interventions: number;
  warnings: PpPlusWarning[];
}

export interface PpPlusLaTotals {
  laId: number | null;
  laName: string;
  /** Per the LA's settings. */
  pencePerYear: number | null;
  payment: 'termly' | 'annual' | 'on_request' | null;
  children: number;
  expectedPence: number;
  allocatedPence: number;
  /** Allocations with a received date. */
  receivedPence: number;
  spentPence: number;
  remainingPence: number;
  spentPercent: number | null;
  warnings: PpPlusWarning[];
}

export interface PpPlusCheckpoint { label: string; date: string; minSpentPercent: number; passed: boolean }

export interface PpPlusPosition {
  financialYear: string;
  startDate: string;
  endDate: string;
  asOf: string;
  /** Financial years with any allocation, PP+-funded intervention or eligible child, newest first. */
  availableYears: string[];
  children: PpPlusChildRow[];
  byLa: PpPlusLaTotals[];
  totals: { expectedPence: number; allocatedPence: number; receivedPence: number; spentPence: number; remainingPence: number; spentPercent: number | null };
  /** The unspent checkpoints for this year, from the settings. */
  checkpoints: PpPlusCheckpoint[];
  /** Every warning on the page, most serious first. */
  warnings: PpPlusWarning[];
}

export interface PpPlusAllocation {
  id: number;
  childId: number;
  laId: number;
  financialYear: string;
  amountPence: number;
  receivedOn: string | null;
  note: string | null;
}

// ---- field helpers ----------------------------------------------------------------------------

/** Optional free text: blank becomes null. */
const optText = (max: number) => text(max).nullable().default(null).transform((v) => (v === '' ? null : v));
const optDate = z.union([z.literal('').transform(() => null), isoDate]).nullable().default(null);
const pence = (what: string) => z.number().int(`${what} is a whole number of pence.`).min(0, `${what} cannot be negative.`)
  .max(100_000_000, `${what} must be at most £1,000,000.`);

/** '2025-26': April 2025 to March 2026. */
export const financialYearField = z.string().regex(/^\d{4}-\d{2}$/, 'A financial year is written like 2025-26.').refine(
  (l) => (Number(l.slice(0, 4)) + 1) % 100 === Number(l.slice(5)), 'The second year must follow the first, like 2025-26.');

function issue(ctx: z.RefinementCtx, path: string, message: string): void {
  ctx.addIssue({ code: 'custom', path: [path], message });
}

const interventionBody = {
  kind: z.enum(KIND_KEYS, { error: 'Choose the type of intervention.' }),
  kindOther: optText(200),
  providerId: id.nullable().default(null),
  deliveredBy: optText(100),
  subjectId: id.nullable().default(null),
  startDate: isoDate,
  endDate: optDate,
  sessionsPlanned: z.number().int('Sessions planned is a whole number.').min(0, 'Sessions planned cannot be negative.')
    .max(1000, 'Sessions planned must be at most 1,000.').default(0),
  costPence: pence('The cost').default(0),
  fundingSource: z.enum(FUNDING_KEYS, { error: 'Choose how it is funded: PP+, school or Virtual School.' }),
  baselineMeasure: optText(200),
  baselineValue: optText(100),
  outcomeMeasure: optText(200),
  outcomeValue: optText(100),
  impactRating: z.enum(IMPACT_KEYS, { error: 'Choose an impact rating.' }).default('not_assessed'),
  evidenceNote: optText(2000),
};

interface BodyCheck {
  kind: string; kindOther: string | null; providerId: number | null; deliveredBy: string | null;
  startDate: string; endDate: string | null; impactRating: string; evidenceNote: string | null;
}

/** The rules a form can check by itself; those needing the register (child, provider) are in the service. */
function checkBody(v: BodyCheck, ctx: z.RefinementCtx): void {
  if (v.endDate && v.endDate < v.startDate) issue(ctx, 'endDate', 'The intervention must end on or after the day it starts.');
  if (v.kind === 'other' && !v.kindOther) issue(ctx, 'kindOther', 'Describe the intervention when its type is "Other".');
  if (v.providerId === null && !v.deliveredBy) issue(ctx, 'deliveredBy', 'Choose an external provider, or say who delivers it in school.');
  if (v.impactRating !== 'not_assessed' && !v.evidenceNote) issue(ctx, 'evidenceNote', 'Add an evidence note to back up the impact rating.');
}

export const createInterventionInput = z.object({ childId: id, ...interventionBody }).strict().superRefine(checkBody);
/** The whole intervention as the edit form submits it (an intervention never moves to another child). */
export const updateInterventionInput = z.object({ id, ...interventionBody }).strict().superRefine(checkBody);

export const interventionFilterInput = z.object({
  childId: id.optional(),
  kind: z.enum(KIND_KEYS).optional(),
  providerId: id.optional(),
  /** Only those delivered in school (no external provider). */
  inSchoolOnly: z.boolean().optional(),
  subjectId: id.optional(),
  fundingSource: z.enum(FUNDING_KEYS).optional(),
  impactRating: z.enum(IMPACT_KEYS).optional(),
  /** Running on this date (started on or before it, not ended before it). */
  activeOn: isoDate.optional(),
  state: z.enum(['planned', 'active', 'ended']).optional(),
  /** Started in this PP+ financial year. */
  financialYear: financialYearField.optional(),
  /** Leavers' interventions are left out unless asked for. */
  includeLeavers: z.boolean().optional(),
  /** The date `state` is worked out for (default today). */
  asOf: isoDate.optional(),
}).strict();

const sessionEntry = z.object({
  date: isoDate,
  attended: z.boolean({ error: 'Say whether the child attended.' }),
  note: optText(500),
}).strict();

export const recordSessionsInput = z.object({
  interventionId: id,
  sessions: z.array(sessionEntry).min(1, 'Record at least one session.').max(400),
}).strict().superRefine((v, ctx) => {
  const seen = new Set<string>();
  v.sessions.forEach((s, i) => {
    if (seen.has(s.date)) ctx.addIssue({ code: 'custom', path: ['sessions', i, 'date'], message: 'That date is listed twice.' });
    seen.add(s.date);
  });
});

export const recordDaySessionsInput = z.object({
  date: isoDate,
  entries: z.array(z.object({ interventionId: id, attended: z.boolean({ error: 'Say whether the child attended.' }), note: optText(500) }).strict())
    .max(2000),
  /** Interventions whose session on the date is taken off (set back to "No session"), in the same transaction. */
  removals: z.array(id).max(2000).default([]),
}).strict().superRefine((v, ctx) => {
  if (v.entries.length + v.removals.length === 0) ctx.addIssue({ code: 'custom', path: ['entries'], message: 'Record at least one session.' });
  const seen = new Set<number>();
  const check = (interventionId: number, path: (string | number)[]) => {
    if (seen.has(interventionId)) ctx.addIssue({ code: 'custom', path, message: 'That intervention is listed twice.' });
    seen.add(interventionId);
  };
  v.entries.forEach((e, i) => check(e.interventionId, ['entries', i, 'interventionId']));
  v.removals.forEach((r, i) => check(r, ['removals', i]));
});

export const rateInterventionInput = z.object({
  id,
  impactRating: z.enum(IMPACT_KEYS, { error: 'Choose an impact rating.' }),
  evidenceNote: optText(2000),
  outcomeValue: optText(100),
}).strict().superRefine((v, ctx) => {
  if (v.impactRating !== 'not_assessed' && !v.evidenceNote) issue(ctx, 'evidenceNote', 'Add an evidence note to back up the impact rating.');
});

export const recordPpPlusAllocationInput = z.object({
  childId: id,
  financialYear: financialYearField,
  amountPence: pence('The amount'),
  /** Default: the child's responsible local authority. */
  laId: id.nullable().default(null),
  receivedOn: optDate,
  note: optText(500),
}).strict();

const byId = z.object({ id }).strict();

// ---- the operations ---------------------------------------------------------------------------

export const interventionOperations = {
  /** Every child's interventions (leavers' only when asked), filtered, with totals for the filtered rows. */
  listInterventions: op<InterventionList>()(interventionFilterInput),
  getIntervention: op<InterventionDetail>()(byId),
  createIntervention: op<InterventionDetail>()(createInterventionInput),
  updateIntervention: op<InterventionDetail>()(updateInterventionInput),
  /** Deletes the intervention and its sessions. */
  deleteIntervention: op<null>()(byId),
  /** Records (or corrects) attendance of sessions of one intervention, by date. */
  recordInterventionSessions: op<InterventionDetail>()(recordSessionsInput),
  /** Removes recorded sessions of one intervention, by date. */
  deleteInterventionSessions: op<InterventionDetail>()(z.object({ interventionId: id, dates: z.array(isoDate).min(1).max(400) }).strict()),
  /** The quick attendance screen: interventions running on a date (default today), with what is recorded. */
  listSessionsDue: op<SessionsDue>()(z.object({ date: isoDate.optional() }).strict()),
  /** One session each for several interventions on one date, in one transaction. */
  recordDaySessions: op<RecordSessionsResult>()(recordDaySessionsInput),
  rateInterventionImpact: op<InterventionDetail>()(rateInterventionInput),
  /** A pre-filled, unsaved intervention from a child's progress in a subject in a window. */
  startInterventionFromBelowTarget: op<InterventionDraft>()(z.object({ childId: id, subjectId: id, windowId: id }).strict()),

  /** The PP+ position for a financial year (default: the one containing asOf, default today). */
  getPpPlusPosition: op<PpPlusPosition>()(z.object({
    financialYear: financialYearField.optional(), laId: id.optional(), childId: id.optional(), asOf: isoDate.optional(),
  }).strict()),
  listPpPlusAllocations: op<PpPlusAllocation[]>()(z.object({ childId: id.optional(), financialYear: financialYearField.optional() }).strict()),
  /** Records what an LA allocated (or paid) for a child for a year; replaces any earlier record for that year. */
  recordPpPlusAllocation: op<PpPlusAllocation>()(recordPpPlusAllocationInput),
  deletePpPlusAllocation: op<null>()(byId),
} as const;
