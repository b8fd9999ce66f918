// The risk register: create, update, delete, review, list, heat map and templates. Every write is
// one transaction with one audit entry (record type 'risk', or 'risk.review' as '<riskId>:<reviewId>').
// A new risk's first history entry is its initial assessment, so the history always shows where
// the score started; reviews add entries, while editing a risk corrects it without one.

import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { InvalidError, NotFoundError, type FieldIssue } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { RisksTable } from '../../../db/schema.ts';
import {
  type createRiskFromTemplateInput, type createRiskInput, type HeatMapCell, type reviewRiskInput, RISK_CATEGORIES, type Risk, type RiskBand,
  riskBand, type RiskDetail, type riskFilterInput, type RiskHeatMap, type RiskList, type RiskStatus, type RiskTemplate, type updateRiskInput,
} from '../../api/contract/risks.ts';
import { getAlertThresholds } from '../alerts/thresholds.ts';
import { addDays, daysBetween } from '../children/dates.ts';
import { throwIfIssues } from '../children/guard.ts';
import { RISK_TEMPLATES } from './templates.ts';

type RiskRow = Selectable<RisksTable>;
interface ReviewSummary { count: number; last: string | null; previousScore: number | null }

export const INITIAL_ASSESSMENT_NOTE = 'Initial assessment when the risk was added to the register.';

const emptyBands = (): Record<RiskBand, number> => ({ low: 0, medium: 0, high: 0, very_high: 0 });

function reviewSummaries(register: Register, ids?: number[]): Map<number, ReviewSummary> {
  let q = qb.selectFrom('risk_reviews').select(['risk_id', 'reviewed_on', 'likelihood', 'impact']).orderBy('risk_id').orderBy('reviewed_on').orderBy('id');
  if (ids) q = q.where('risk_id', 'in', ids.length ? ids : [-1]);
  const out = new Map<number, ReviewSummary & { scores: number[] }>();
  for (const r of register.all(q)) {
    const s = out.get(r.risk_id) ?? { count: 0, last: null, previousScore: null, scores: [] };
    s.count++;
    s.last = r.reviewed_on;
    s.scores.push(r.likelihood * r.impact);
    out.set(r.risk_id, s);
  }
  for (const s of out.values()) s.previousScore = s.scores.length >= 2 ? s.scores[s.scores.length - 2]! : null;
  return out;
}

function toRisk(r: RiskRow, s: ReviewSummary | undefined, asOf: string, soonDays: number): Risk {
  const score = r.likelihood * r.impact;
  const late = daysBetween(r.next_review_date, asOf);
  const reviewState = r.status === 'closed' ? 'ok' : late > 0 ? 'overdue' : -late <= soonDays ? 'due_soon' : 'ok';
  return {
    id: r.id, category: r.category, categoryLabel: RISK_CATEGORIES[r.category], title: r.title, description: r.description,
    likelihood: r.likelihood, impact: r.impact, score, band: riskBand(score), owner: r.owner, mitigations: r.mitigations,
    reviewEveryDays: r.review_every_days, nextReviewDate: r.next_review_date, status: r.status, reviewState,
    daysOverdue: r.status !== 'closed' && late > 0 ? late : 0,
    lastReviewedOn: s?.last ?? null, previousScore: s?.previousScore ?? null, reviews: s?.count ?? 0,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function loadRow(register: Register, id: number): RiskRow {
  const r = register.one(qb.selectFrom('risks').selectAll().where('id', '=', id));
  if (!r) throw new NotFoundError('That risk');
  return r;
}

export function getRisk(register: Register, id: number, today: string): RiskDetail {
  const r = loadRow(register, id);
  const history = register.all(qb.selectFrom('risk_reviews').selectAll().where('risk_id', '=', id).orderBy('reviewed_on', 'desc').orderBy('id', 'desc'));
  const soon = getAlertThresholds(register).riskReviewDueSoonDays;
  return {
    ...toRisk(r, reviewSummaries(register, [id]).get(id), today, soon),
    history: history.map((h) => ({
      id: h.id, reviewedOn: h.reviewed_on, likelihood: h.likelihood, impact: h.impact, score: h.likelihood * h.impact,
      band: riskBand(h.likelihood * h.impact), note: h.note, reviewedBy: h.reviewed_by,
    })),
  };
}

export function listRisks(register: Register, f: z.output<typeof riskFilterInput>, today: string): RiskList {
  const asOf = f.asOf ?? today;
  const soon = getAlertThresholds(register).riskReviewDueSoonDays;
  const all = register.all(qb.selectFrom('risks').selectAll().orderBy('next_review_date').orderBy('id'));
  const summaries = reviewSummaries(register);
  const risks = all.map((r) => toRisk(r, summaries.get(r.id), asOf, soon));
  const status = f.status ?? 'active';
  const rows = risks.filter((r) => (status === 'all' || (status === 'active' ? r.status !== 'closed' : r.status === status))
    && (!f.category || r.category === f.category)
    && (!f.band || r.band === f.band)
    && (!f.dueForReview || r.reviewState !== 'ok'))
    // Overdue first, then by score (highest first), then next review date.
    .sort((a, b) => b.daysOverdue - a.daysOverdue || b.score - a.score || a.nextReviewDate.localeCompare(b.nextReviewDate) || a.id - b.id);
  const byBand = emptyBands();
  for (const r of risks) if (r.status !== 'closed') byBand[r.band]++;
  return {
    asOf,
    rows,
    counts: {
      open: risks.filter((r) => r.status === 'open').length,
      monitoring: risks.filter((r) => r.status === 'monitoring').length,
      closed: risks.filter((r) => r.status === 'closed').length,
      dueForReview: risks.filter((r) => r.reviewState !== 'ok').length,
      byBand,
    },
  };
}

type Body = z.output<typeof createRiskInput>;

function checkDates(b: { nextReviewDate: string | null }, today: string, issues: FieldIssue[]): void {
  if (b.nextReviewDate !== null && b.nextReviewDate < today) {
    issues.push({ path: ['nextReviewDate'], message: 'The next review date cannot be in the past. To record a review that was done, use Review.' });
  }
}

function insertReview(register: Register, riskId: number, on: string, likelihood: number, impact: number, note: string | null): number {
  return register.run(qb.insertInto('risk_reviews').values({
    risk_id: riskId, reviewed_on: on, likelihood, impact, note, reviewed_by: register.session.name,
  })).lastInsertRowid;
}

export function createRisk(register: Register, b: Body, today: string): RiskDetail {
  const issues: FieldIssue[] = [];
  checkDates(b, today, issues);
  throwIfIssues(issues);
  const id = register.transaction(() => {
    const at = new Date().toISOString();
    const newId = register.run(qb.insertInto('risks').values({
      category: b.category, title: b.title, description: b.description, likelihood: b.likelihood, impact: b.impact, owner: b.owner,
      mitigations: b.mitigations, review_every_days: b.reviewEveryDays, next_review_date: b.nextReviewDate ?? addDays(today, b.reviewEveryDays),
      status: b.status, created_at: at, updated_at: at,
    })).lastInsertRowid;
    insertReview(register, newId, today, b.likelihood, b.impact, INITIAL_ASSESSMENT_NOTE);
    register.audit({ action: 'create', recordType: 'risk', recordId: newId });
    return newId;
  });
  return getRisk(register, id, today);
}

export function updateRisk(register: Register, b: z.output<typeof updateRiskInput>, today: string): RiskDetail {
  register.transaction(() => {
    const row = loadRow(register, b.id);
    const issues: FieldIssue[] = [];
    if (b.nextReviewDate !== null && b.nextReviewDate !== row.next_review_date) checkDates(b, today, issues);
    throwIfIssues(issues);
    register.run(qb.updateTable('risks').set({
      category: b.category, title: b.title, description: b.description, likelihood: b.likelihood, impact: b.impact, owner: b.owner,
      mitigations: b.mitigations, review_every_days: b.reviewEveryDays, next_review_date: b.nextReviewDate ?? row.next_review_date,
      status: b.status, updated_at: new Date().toISOString(),
    }).where('id', '=', b.id));
    register.audit({ action: 'update', recordType: 'risk', recordId: b.id });
  });
  return getRisk(register, b.id, today);
}

export function deleteRisk(register: Register, id: number): void {
  register.transaction(() => {
    loadRow(register, id);
    register.run(qb.deleteFrom('risks').where('id', '=', id));
    register.audit({ action: 'delete', recordType: 'risk', recordId: id });
  });
}

/** Appends a review, re-scores the risk and moves the next review on (default: review date + frequency). */
export function reviewRisk(register: Register, r: z.output<typeof reviewRiskInput>, today: string): RiskDetail {
  register.transaction(() => {
    const row = loadRow(register, r.id);
    const on = r.reviewedOn ?? today;
    const issues: FieldIssue[] = [];
    if (on > today) issues.push({ path: ['reviewedOn'], message: 'A review cannot be dated in the future.' });
    const first = register.one(qb.selectFrom('risk_reviews').select((eb) => eb.fn.min('reviewed_on').as('first')).where('risk_id', '=', r.id))?.first;
    if (first && on < first) issues.push({ path: ['reviewedOn'], message: 'A review cannot be dated before the risk\'s first assessment.' });
    const next = r.nextReviewDate ?? addDays(on, row.review_every_days);
    if (next <= on) issues.push({ path: ['nextReviewDate'], message: 'The next review must be after this one.' });
    throwIfIssues(issues);
    const reviewId = insertReview(register, r.id, on, r.likelihood, r.impact, r.note);
    register.run(qb.updateTable('risks').set({
      likelihood: r.likelihood, impact: r.impact, next_review_date: next, updated_at: new Date().toISOString(),
      ...(r.mitigations !== null ? { mitigations: r.mitigations } : {}),
      ...(r.status !== null ? { status: r.status } : {}),
    }).where('id', '=', r.id));
    register.audit({ action: 'create', recordType: 'risk.review', recordId: `${r.id}:${reviewId}` });
  });
  return getRisk(register, r.id, today);
}

/** 5×5 counts of risks (open and monitoring by default): impact 5 in the top row, likelihood 1 to 5 across. */
export function getRiskHeatMap(register: Register, statuses: readonly RiskStatus[] = ['open', 'monitoring']): RiskHeatMap {
  const rows = register.all(qb.selectFrom('risks').select(['id', 'likelihood', 'impact']).where('status', 'in', [...statuses]).orderBy('id'));
  const grid: HeatMapCell[][] = [5, 4, 3, 2, 1].map((impact) => [1, 2, 3, 4, 5].map((likelihood) => ({
    likelihood, impact, score: likelihood * impact, band: riskBand(likelihood * impact), count: 0, riskIds: [] as number[],
  })));
  const byBand = emptyBands();
  for (const r of rows) {
    const cell = grid[5 - r.impact]![r.likelihood - 1]!;
    cell.count++;
    cell.riskIds.push(r.id);
    byBand[cell.band]++;
  }
  return { rows: grid, total: rows.length, byBand, statuses: [...statuses] };
}

export function listRiskTemplates(register: Register): RiskTemplate[] {
  const used = new Set(register.all(qb.selectFrom('risks').select('category').distinct()).map((r) => r.category));
  return RISK_TEMPLATES.map((t) => ({
    key: t.key, category: t.key, title: t.title, description: t.description, likelihood: t.likelihood, impact: t.impact,
    score: t.likelihood * t.impact, band: riskBand(t.likelihood * t.impact), mitigations: t.mitigations, reviewEveryDays: t.reviewEveryDays,
    inUse: used.has(t.key),
  }));
}

export function createRiskFromTemplate(register: Register, t: z.output<typeof createRiskFromTemplateInput>, today: string): RiskDetail {
  const def = RISK_TEMPLATES.find((x) => x.key === t.templateKey);
  if (!def) throw InvalidError.field('templateKey', 'Choose one of the templates.');
  return createRisk(register, {
    category: def.key, title: def.title, description: def.description, likelihood: def.likelihood, impact: def.impact, owner: t.owner,
    mitigations: def.mitigations, reviewEveryDays: def.reviewEveryDays, nextReviewDate: t.nextReviewDate, status: 'open',
  }, today);
}
