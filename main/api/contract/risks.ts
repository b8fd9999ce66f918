// The DT's risk register (issue 6): programme risks scored likelihood × impact on a 5×5 matrix,
// with owner, mitigations, a review cycle and the history of each review; a heat map of the open
// risks; and the six risks a DT typically starts with, offered as templates.

import { z } from 'zod';
import { id, isoDate, op, text } from './fields.ts';

// ---- labels and bands -------------------------------------------------------------------------

export const RISK_CATEGORIES = {
  statutory_compliance: 'Statutory compliance',
  information_sharing: 'Partnership information sharing',
  succession: 'Succession (DT absence)',
  spending: 'Spending',
  policy_validation: 'Policy validation',
  data: 'Data',
  other: 'Other',
} as const;
export type RiskCategory = keyof typeof RISK_CATEGORIES;

export const RISK_STATUSES = { open: 'Open', monitoring: 'Monitoring', closed: 'Closed' } as const;
export type RiskStatus = keyof typeof RISK_STATUSES;

export const LIKELIHOOD_LABELS = { 1: 'Rare', 2: 'Unlikely', 3: 'Possible', 4: 'Likely', 5: 'Almost certain' } as const;
export const IMPACT_LABELS = { 1: 'Negligible', 2: 'Minor', 3: 'Moderate', 4: 'Major', 5: 'Severe' } as const;

export type RiskBand = 'low' | 'medium' | 'high' | 'very_high';

/**
 * Score bands of the 5×5 matrix (score = likelihood × impact, 1–25): 1–4 low, 5–9 medium,
 * 10–16 high, 20–25 very high. No product falls in 11, 13, 14 or 17–19, so every cell is in exactly
 * one band. These are the bands many UK school and local-authority risk registers use; the NHS
 * (NPSA 2008) matrix bands differently (1–3, 4–6, 8–12, 15–25), so the bands are one table here.
 */
export const RISK_BANDS: readonly { band: RiskBand; label: string; min: number; max: number }[] = [
  { band: 'low', label: 'Low', min: 1, max: 4 },
  { band: 'medium', label: 'Medium', min: 5, max: 9 },
  { band: 'high', label: 'High', min: 10, max: 16 },
  { band: 'very_high', label: 'Very high', min: 20, max: 25 },
];

export function riskBand(score: number): RiskBand {
  // 11, 13, 14 and 17–19 are not products of two numbers from 1 to 5; if asked, they go with the band below.
  let band: RiskBand = 'low';
  for (const b of RISK_BANDS) if (score >= b.min) band = b.band;
  return band;
}

// ---- output types -----------------------------------------------------------------------------

/** Where the next review stands on the date asked about. */
export type ReviewState = 'ok' | 'due_soon' | 'overdue';

export interface Risk {
  id: number;
  category: RiskCategory;
  categoryLabel: string;
  title: string;
  description: string | null;
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  owner: string | null;
  mitigations: string | null;
  reviewEveryDays: number;
  nextReviewDate: string;
  status: RiskStatus;
  /** Closed risks are never due. */
  reviewState: ReviewState;
  /** Days past the next review date (0 when not overdue). */
  daysOverdue: number;
  lastReviewedOn: string | null;
  /** Score at the previous review (or when created, if never reviewed): for the trend arrow. */
  previousScore: number | null;
  reviews: number;
  createdAt: string;
  updatedAt: string;
}

export interface RiskReview {
  id: number;
  reviewedOn: string;
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  note: string | null;
  reviewedBy: string | null;
}

export interface RiskDetail extends Risk {
  /** Newest first. */
  history: RiskReview[];
}

export interface RiskList {
  asOf: string;
  rows: Risk[];
  counts: { open: number; monitoring: number; closed: number; dueForReview: number; byBand: Record<RiskBand, number> };
}

export interface HeatMapCell { likelihood: number; impact: number; score: number; band: RiskBand; count: number; riskIds: number[] }

export interface RiskHeatMap {
  /** Five rows, impact 5 (top) down to 1; each row five cells, likelihood 1 to 5. */
  rows: HeatMapCell[][];
  total: number;
  byBand: Record<RiskBand, number>;
  /** Which statuses were counted (open and monitoring by default: everything not closed). */
  statuses: RiskStatus[];
}

export interface RiskTemplate {
  key: RiskCategory;
  category: RiskCategory;
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  mitigations: string;
  reviewEveryDays: number;
  /** True when a risk already exists in this category (the template can still be used again). */
  inUse: boolean;
}

// ---- input schemas ----------------------------------------------------------------------------

const optText = (max: number) => text(max).nullable().default(null).transform((v) => (v === '' ? null : v));
const score = (what: string) => z.number().int(`${what} is a whole number from 1 to 5.`).min(1, `${what} is from 1 to 5.`).max(5, `${what} is from 1 to 5.`);
const categoryKeys = Object.keys(RISK_CATEGORIES) as [RiskCategory, ...RiskCategory[]];
const statusKeys = Object.keys(RISK_STATUSES) as [RiskStatus, ...RiskStatus[]];
const reviewEveryDays = z.number().int('Review every is a whole number of days.').min(1, 'Review at least every 730 days and at most daily.')
  .max(730, 'Review at least every 730 days (two years).');

const riskBody = {
  category: z.enum(categoryKeys, { error: 'Choose a category.' }),
  title: text(200).min(1, 'Give the risk a short title.'),
  description: optText(4000),
  likelihood: score('Likelihood'),
  impact: score('Impact'),
  owner: optText(100),
  mitigations: optText(4000),
  reviewEveryDays: reviewEveryDays.default(90),
  /** Default: today + reviewEveryDays. */
  nextReviewDate: isoDate.nullable().default(null),
  status: z.enum(statusKeys, { error: 'Choose open, monitoring or closed.' }).default('open'),
};

export const createRiskInput = z.object(riskBody).strict();
export const updateRiskInput = z.object({ id, ...riskBody }).strict();

export const reviewRiskInput = z.object({
  id,
  /** Default today; never in the future. */
  reviewedOn: isoDate.nullable().default(null),
  likelihood: score('Likelihood'),
  impact: score('Impact'),
  note: text(2000).min(1, 'Say what the review found and what changed.'),
  /** Replaces the mitigations when given. */
  mitigations: optText(4000),
  /** Changes the status when given (e.g. close a risk that is no longer live). */
  status: z.enum(statusKeys).nullable().default(null),
  /** Default: the review date + the risk's review frequency. */
  nextReviewDate: isoDate.nullable().default(null),
}).strict();

export const riskFilterInput = z.object({
  /** 'active' (the default) is open and monitoring. */
  status: z.enum(['active', 'open', 'monitoring', 'closed', 'all']).optional(),
  category: z.enum(categoryKeys).optional(),
  band: z.enum(['low', 'medium', 'high', 'very_high']).optional(),
  /** Only risks whose review is overdue or due within the settings' warning days. */
  dueForReview: z.boolean().optional(),
  asOf: isoDate.optional(),
}).strict();

export const createRiskFromTemplateInput = z.object({
  templateKey: z.enum(categoryKeys.filter((c) => c !== 'other') as [RiskCategory, ...RiskCategory[]], { error: 'Choose one of the templates.' }),
  owner: optText(100),
  /** Default: today + the template's review frequency. */
  nextReviewDate: isoDate.nullable().default(null),
}).strict();

const byId = z.object({ id }).strict();

// ---- the operations ---------------------------------------------------------------------------

export const riskOperations = {
  listRisks: op<RiskList>()(riskFilterInput),
  getRisk: op<RiskDetail>()(byId),
  createRisk: op<RiskDetail>()(createRiskInput),
  updateRisk: op<RiskDetail>()(updateRiskInput),
  /** Removes the risk and its history (closing it keeps both). */
  deleteRisk: op<null>()(byId),
  /** Appends a review to the history, re-scores the risk and moves the next review date on. */
  reviewRisk: op<RiskDetail>()(reviewRiskInput),
  getRiskHeatMap: op<RiskHeatMap>()(z.object({ statuses: z.array(z.enum(statusKeys)).min(1).max(3).optional() }).strict()),
  listRiskTemplates: op<RiskTemplate[]>()(z.object({}).strict()),
  createRiskFromTemplate: op<RiskDetail>()(createRiskFromTemplateInput),
} as const;
