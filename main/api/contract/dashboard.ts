// The dashboard and the full alerts engine (issue 6): every alert across the register (children
// and risks), grouped by urgency, each with the reason, since when, and a link to where to act;
// PEPs due this half term, returns outstanding, the PP+ position, risks due for review and a
// calendar of the next deadlines. The alert thresholds not already in the school settings live here.

import { z } from 'zod';
import type { AlertKind, AlertSeverity, ChildTab } from './children.ts';
import { isoDate, op } from './fields.ts';
import type { PpPlusLaTotals, PpPlusPosition, PpPlusWarning } from './interventions.ts';
import type { Risk } from './risks.ts';

// ---- alerts -----------------------------------------------------------------------------------

/** Issue 4's kinds, plus issue 6's. */
export type RegisterAlertKind =
  | AlertKind
  /** No PEP since the child entered care or joined the school; due within the LA's initial PEP school days. */
  | 'pep-initial-due'
  /** Joined this school while in care: a new PEP within the LA's new-school PEP school days. */
  | 'pep-new-school-due'
  /** The termly PEP review: by the LA's cut-off for the term (else the end of term). */
  | 'pep-review-due'
  /** The term's PEP meeting was held but the PEP is not yet submitted, and the LA's cut-off has passed. */
  | 'pep-not-submitted'
  /** The Virtual School returned the last PEP for changes. */
  | 'pep-returned'
  | 'pep-targets-not-met'
  | 'progress-below-target'
  | 'returns-overdue'
  | 'careers-plan-missing'
  | 'risk-review-due';

export const ALERT_KIND_LABELS: Record<RegisterAlertKind, string> = {
  'suspension-vs-not-informed': 'Virtual School not told of a suspension',
  'suspension-social-worker-not-informed': 'Social worker not told of a suspension',
  'suspension-paperwork': 'Suspension paperwork',
  'attendance-pep-review': 'Attendance below the PEP review threshold',
  'attendance-action-plan': 'Attendance action plan',
  'esw-session-overdue': 'ESW session overdue',
  'ehcp-review': 'EHCP review',
  'pep-initial-due': 'Initial PEP',
  'pep-new-school-due': 'New PEP after a change of school',
  'pep-review-due': 'Termly PEP review',
  'pep-not-submitted': 'PEP not submitted',
  'pep-returned': 'PEP returned by the Virtual School',
  'pep-targets-not-met': 'PEP targets not met',
  'progress-below-target': 'Progress below target',
  'returns-overdue': 'Progress returns overdue',
  'careers-plan-missing': 'No careers / post-16 plan',
  'risk-review-due': 'Risk review due',
};

/** Where the UI opens: the child's file (at a tab), a risk, an assessment window's returns, ... */
export type AlertArea = 'children' | 'risks' | 'progress' | 'interventions' | 'ppplus';
/** Child tabs, plus the PEP, progress and interventions tabs of the child's file, 'returns' of a window and 'review' of a risk. */
export type AlertTab = ChildTab | 'pep' | 'progress' | 'interventions' | 'returns' | 'review';

export interface AlertLink {
  area: AlertArea;
  /** The child, risk or assessment window to open. */
  id: number | null;
  tab: AlertTab | null;
}

export interface RegisterAlert {
  /** Stable while the condition holds, e.g. "pep-review-due:12:2026-Spring". */
  key: string;
  kind: RegisterAlertKind;
  severity: AlertSeverity;
  title: string;
  reason: string;
  /** ISO date the condition started (or the warning period began). */
  since: string;
  /** The deadline the alert is about, when there is one. */
  dueOn: string | null;
  /** Who or what the alert is about: the DT's own screen, so a child is named. */
  subject: { type: 'child'; id: number; name: string } | { type: 'risk'; id: number; name: string };
  childId: number | null;
  riskId: number | null;
  link: AlertLink;
  /** Ids for one-step actions, e.g. startInterventionFromBelowTarget on a below-target alert. */
  refs: { subjectId?: number; windowId?: number; returnIds?: number[] } | null;
}

/** Thresholds of the issue 6 rules (attendance and ESW weeks are in the school settings). */
export interface AlertThresholds {
  /** A PEP due within this many school days raises a warning (overdue is urgent). */
  pepDueSoonSchoolDays: number;
  /** A risk review due within this many days is listed (overdue is a warning; a month overdue, urgent). */
  riskReviewDueSoonDays: number;
  /** Warn this many days before an EHCP annual review. */
  ehcpReviewWarningDays: number;
  /** Count ESW weeks in school weeks (5 school days), so holidays raise no alert; false: calendar weeks. */
  eswCountSchoolWeeks: boolean;
  /** Children in this year group and above need a careers / post-16 plan. */
  careersPlanFromYear: number;
  /** Progress below target alerts for core subjects only (English, maths, science). */
  progressCoreSubjectsOnly: boolean;
  /** PP+: at least this share of the year's allocation spent by the end of the autumn term. */
  ppPlusAutumnMinSpentPercent: number;
  /** PP+: at least this share spent by 1 March (a month before the financial year ends). */
  ppPlusMarchMinSpentPercent: number;
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  pepDueSoonSchoolDays: 10,
  riskReviewDueSoonDays: 14,
  ehcpReviewWarningDays: 30,
  eswCountSchoolWeeks: true,
  careersPlanFromYear: 9,
  progressCoreSubjectsOnly: true,
  ppPlusAutumnMinSpentPercent: 50,
  ppPlusMarchMinSpentPercent: 80,
};

const percent = z.number().int().min(0, 'A share is from 0 to 100%.').max(100, 'A share is from 0 to 100%.');

export const alertThresholdsInput = z.object({
  pepDueSoonSchoolDays: z.number().int().min(0).max(60, 'At most 60 school days.'),
  riskReviewDueSoonDays: z.number().int().min(0).max(180, 'At most 180 days.'),
  ehcpReviewWarningDays: z.number().int().min(0).max(180, 'At most 180 days.'),
  eswCountSchoolWeeks: z.boolean(),
  careersPlanFromYear: z.number().int().min(7, 'From Year 7 to Year 13.').max(13, 'From Year 7 to Year 13.'),
  progressCoreSubjectsOnly: z.boolean(),
  ppPlusAutumnMinSpentPercent: percent,
  ppPlusMarchMinSpentPercent: percent,
}).strict().superRefine((v, ctx) => {
  if (v.ppPlusMarchMinSpentPercent < v.ppPlusAutumnMinSpentPercent) {
    ctx.addIssue({ code: 'custom', path: ['ppPlusMarchMinSpentPercent'], message: 'The March share cannot be less than the autumn share.' });
  }
});

// ---- the dashboard ----------------------------------------------------------------------------

export type PepDueKind = 'initial' | 'new_school' | 'termly';

export interface PepDue {
  childId: number;
  childName: string;
  yearGroup: number;
  laId: number | null;
  laName: string | null;
  kind: PepDueKind;
  dueOn: string;
  overdue: boolean;
  /** Plain English, e.g. "Initial PEP within 20 school days of joining on 05/01/2026". */
  basis: string;
  lastPepMeetingOn: string | null;
  /** The due date was counted in weekdays where the school calendar is not set up. */
  estimated: boolean;
  link: AlertLink;
}

export interface ReturnsWindowSummary {
  windowId: number;
  windowName: string;
  academicYearLabel: string;
  closeDate: string;
  outstanding: number;
  overdue: number;
  /** The earliest due date of the outstanding returns. */
  earliestDueOn: string | null;
  byTeacher: { teacherId: number; teacherName: string; outstanding: number; overdue: number; highestStage: 0 | 1 | 2 | 3 }[];
  link: AlertLink;
}

export type DeadlineKind = 'pep' | 'returns' | 'ehcp_review' | 'risk_review' | 'la_cutoff' | 'provider_report';

export interface DeadlineItem {
  date: string;
  kind: DeadlineKind;
  title: string;
  detail: string;
  childId: number | null;
  riskId: number | null;
  laId: number | null;
  windowId: number | null;
  /** Several items of one kind on one day (e.g. returns of a window) are one entry with a count. */
  count: number;
  link: AlertLink | null;
}

export interface Dashboard {
  asOf: string;
  alerts: {
    urgent: RegisterAlert[];
    warning: RegisterAlert[];
    info: RegisterAlert[];
    total: number;
    byKind: Partial<Record<RegisterAlertKind, number>>;
  };
  peps: {
    /** The half term containing asOf (or the next one, in a holiday); null without a school calendar. */
    halfTerm: { label: string; startDate: string; endDate: string } | null;
    /** Due by the end of the half term (overdue ones first). */
    dueThisHalfTerm: PepDue[];
    overdue: number;
    /** False until PEP data exists (no PEPs table, or no PEP source connected): PEP dates then assume no PEP yet. */
    pepDataAvailable: boolean;
  };
  returns: { outstanding: number; overdue: number; windows: ReturnsWindowSummary[] };
  ppPlus: {
    financialYear: string;
    totals: PpPlusPosition['totals'];
    byLa: PpPlusLaTotals[];
    warnings: PpPlusWarning[];
  };
  risks: {
    /** Overdue first, then due within the warning days. */
    dueForReview: Risk[];
    open: number;
    byBand: Record<'low' | 'medium' | 'high' | 'very_high', number>;
  };
  calendar: { from: string; to: string; items: DeadlineItem[] };
}

export const alertFilterInput = z.object({
  today: isoDate.optional(),
  childId: z.number().int().positive().optional(),
  severity: z.enum(['urgent', 'warning', 'info']).optional(),
  kinds: z.array(z.enum(Object.keys(ALERT_KIND_LABELS) as [RegisterAlertKind, ...RegisterAlertKind[]])).max(30).optional(),
}).strict();

// ---- the operations ---------------------------------------------------------------------------

export const dashboardOperations = {
  /** Everything the dashboard shows, for a date (default today). */
  getDashboard: op<Dashboard>()(z.object({ today: isoDate.optional(), calendarWeeks: z.number().int().min(1).max(26).optional() }).strict()),
  /** Every open alert (children and risks), most serious first; optionally one child's, one severity, some kinds. */
  listAlerts: op<RegisterAlert[]>()(alertFilterInput),
  getAlertThresholds: op<AlertThresholds>()(z.object({}).strict()),
  updateAlertThresholds: op<AlertThresholds>()(alertThresholdsInput),
} as const;
