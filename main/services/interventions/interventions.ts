// Interventions: create, update, delete, rate, list across all children with filters and totals.
// Every write is one transaction with one audit entry on the child's history (childAuditRef), and
// leavers' interventions are read-only (the children guard).

import type { z } from 'zod';
import { type FieldIssue } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type {
  createInterventionInput, InterventionDetail, InterventionList, interventionFilterInput, InterventionPepTarget, rateInterventionInput,
  updateInterventionInput,
} from '../../api/contract/interventions.ts';
import { compareTerms } from '../../api/contract/pepTerms.ts';
import { formatDate } from '../../documents/format.ts';
import { childAuditRef } from '../children/audit.ts';
import { requireEditableChild, throwIfIssues, touchChild } from '../children/guard.ts';
import { financialYearBounds } from '../ppplus/years.ts';
import { interventionQuery, loadInterventionRow, sessionStats, stateOn, toIntervention, totalsOf } from './common.ts';

export type CreateIntervention = z.output<typeof createInterventionInput>;
export type UpdateIntervention = z.output<typeof updateInterventionInput>;
export type InterventionFilter = z.output<typeof interventionFilterInput>;

export const nowIso = (): string => new Date().toISOString();

export function auditIntervention(register: Register, action: 'create' | 'update' | 'delete', childId: number, interventionId: number, kind = 'intervention'): void {
  register.audit({ action, ...childAuditRef(childId, kind, interventionId) });
}

export function getIntervention(register: Register, id: number, asOf: string): InterventionDetail {
  const row = loadInterventionRow(register, id);
  const sessions = register.all(qb.selectFrom('intervention_sessions').select(['id', 'session_date', 'attended', 'note'])
    .where('intervention_id', '=', id).orderBy('session_date'));
  return {
    ...toIntervention(row, sessionStats(register, [id]).get(id), asOf),
    sessions: sessions.map((s) => ({ id: s.id, date: s.session_date, attended: s.attended === 1, note: s.note })),
    pepTargets: supportedPepTargets(register, id),
  };
}

/** The PEP targets linked to the intervention (the link is made on the PEP), latest PEP first. */
function supportedPepTargets(register: Register, id: number): InterventionPepTarget[] {
  const rows = register.all(qb.selectFrom('pep_target_interventions')
    .innerJoin('pep_targets', 'pep_targets.id', 'pep_target_interventions.pep_target_id')
    .innerJoin('peps', 'peps.id', 'pep_targets.pep_id')
    .select(['peps.id as pep_id', 'peps.academic_year', 'peps.term', 'peps.status', 'pep_targets.id as target_id', 'pep_targets.area',
      'pep_targets.target', 'pep_targets.by_when', 'pep_targets.position'])
    .where('pep_target_interventions.intervention_id', '=', id));
  return rows
    .sort((a, b) => compareTerms({ academicYear: b.academic_year, term: b.term }, { academicYear: a.academic_year, term: a.term }) || a.position - b.position)
    .map((r) => ({
      pepId: r.pep_id, academicYear: r.academic_year, term: r.term, pepStatus: r.status, targetId: r.target_id, area: r.area, target: r.target, byWhen: r.by_when,
    }));
}

type Body = Omit<CreateIntervention, 'childId'>;

/** The checks that need the register: the provider and subject exist; recorded sessions still fit the dates. */
function checkAgainstRegister(register: Register, b: Body, selfId: number | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (b.providerId !== null && !register.one(qb.selectFrom('providers').select('id').where('id', '=', b.providerId))) {
    issues.push({ path: ['providerId'], message: 'That provider was not found. Choose one from the list.' });
  }
  if (b.subjectId !== null && !register.one(qb.selectFrom('subjects').select('id').where('id', '=', b.subjectId))) {
    issues.push({ path: ['subjectId'], message: 'That subject was not found. Choose one from the list.' });
  }
  if (selfId !== null) {
    const span = register.one(qb.selectFrom('intervention_sessions').select([(eb) => eb.fn.min('session_date').as('first'), (eb) => eb.fn.max('session_date').as('last')])
      .where('intervention_id', '=', selfId));
    if (span?.first && span.first < b.startDate) {
      issues.push({ path: ['startDate'], message: `A session is recorded on ${formatDate(span.first)}, before this start date. Move the start date, or remove that session first.` });
    }
    if (span?.last && b.endDate !== null && span.last > b.endDate) {
      issues.push({ path: ['endDate'], message: `A session is recorded on ${formatDate(span.last)}, after this end date. Move the end date, or remove that session first.` });
    }
  }
  return issues;
}

function values(b: Body) {
  return {
    kind: b.kind,
    kind_other: b.kind === 'other' ? b.kindOther : null,
    provider_id: b.providerId,
    delivered_by: b.deliveredBy,
    subject_id: b.subjectId,
    start_date: b.startDate,
    end_date: b.endDate,
    sessions_planned: b.sessionsPlanned,
    cost_pence: b.costPence,
    funding_source: b.fundingSource,
    baseline_measure: b.baselineMeasure,
    baseline_value: b.baselineValue,
    outcome_measure: b.outcomeMeasure,
    outcome_value: b.outcomeValue,
    impact_rating: b.impactRating,
    evidence_note: b.evidenceNote,
  };
}

export function createIntervention(register: Register, input: CreateIntervention, today: string): InterventionDetail {
  const id = register.transaction(() => {
    const child = requireEditableChild(register, input.childId);
    const { childId, ...body } = input;
    const issues = checkAgainstRegister(register, body, null);
    if (body.startDate < child.date_of_birth) issues.push({ path: ['startDate'], message: 'An intervention cannot start before the child\'s date of birth.' });
    throwIfIssues(issues);
    const at = nowIso();
    const newId = register.run(qb.insertInto('interventions').values({ child_id: childId, ...values(body), created_at: at, updated_at: at })).lastInsertRowid;
    auditIntervention(register, 'create', childId, newId);
    touchChild(register, childId, at);
    return newId;
  });
  return getIntervention(register, id, today);
}

export function updateIntervention(register: Register, input: UpdateIntervention, today: string): InterventionDetail {
  register.transaction(() => {
    const row = loadInterventionRow(register, input.id);
    requireEditableChild(register, row.child_id);
    const { id, ...body } = input;
    throwIfIssues(checkAgainstRegister(register, body, id));
    const at = nowIso();
    register.run(qb.updateTable('interventions').set({ ...values(body), updated_at: at }).where('id', '=', id));
    auditIntervention(register, 'update', row.child_id, id);
    touchChild(register, row.child_id, at);
  });
  return getIntervention(register, input.id, today);
}

export function deleteIntervention(register: Register, id: number): void {
  register.transaction(() => {
    const row = loadInterventionRow(register, id);
    requireEditableChild(register, row.child_id);
    register.run(qb.deleteFrom('interventions').where('id', '=', id));
    auditIntervention(register, 'delete', row.child_id, id);
    touchChild(register, row.child_id);
  });
}

export function rateInterventionImpact(register: Register, input: z.output<typeof rateInterventionInput>, today: string): InterventionDetail {
  register.transaction(() => {
    const row = loadInterventionRow(register, input.id);
    requireEditableChild(register, row.child_id);
    const at = nowIso();
    register.run(qb.updateTable('interventions').set({
      impact_rating: input.impactRating,
      evidence_note: input.evidenceNote,
      ...(input.outcomeValue !== null ? { outcome_value: input.outcomeValue } : {}),
      updated_at: at,
    }).where('id', '=', input.id));
    auditIntervention(register, 'update', row.child_id, input.id);
    touchChild(register, row.child_id, at);
  });
  return getIntervention(register, input.id, today);
}

/** Every child's interventions matching the filters, newest first, with totals for those rows. */
export function listInterventions(register: Register, f: InterventionFilter, today: string): InterventionList {
  const asOf = f.asOf ?? today;
  let q = interventionQuery();
  if (!f.includeLeavers && f.childId === undefined) q = q.where('c.leaving_date', 'is', null);
  if (f.childId !== undefined) q = q.where('i.child_id', '=', f.childId);
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.providerId !== undefined) q = q.where('i.provider_id', '=', f.providerId);
  if (f.inSchoolOnly) q = q.where('i.provider_id', 'is', null);
  if (f.subjectId !== undefined) q = q.where('i.subject_id', '=', f.subjectId);
  if (f.fundingSource) q = q.where('i.funding_source', '=', f.fundingSource);
  if (f.impactRating) q = q.where('i.impact_rating', '=', f.impactRating);
  if (f.activeOn) {
    const on = f.activeOn;
    q = q.where('i.start_date', '<=', on).where((eb) => eb.or([eb('i.end_date', 'is', null), eb('i.end_date', '>=', on)]));
  }
  if (f.financialYear) {
    const b = financialYearBounds(f.financialYear);
    q = q.where('i.start_date', '>=', b.startDate).where('i.start_date', '<=', b.endDate);
  }
  let rows = register.all(q.orderBy('i.start_date', 'desc').orderBy('i.id', 'desc'));
  if (f.state) rows = rows.filter((r) => stateOn(r.start_date, r.end_date, asOf) === f.state);
  const stats = sessionStats(register, rows.length > 2000 ? undefined : rows.map((r) => r.id));
  const out = rows.map((r) => toIntervention(r, stats.get(r.id), asOf));
  return { asOf, rows: out, totals: totalsOf(out) };
}
