// Loading interventions with everything their rows show (child, provider, subject, session counts),
// in a fixed number of queries whatever the number of interventions.

import type { Selectable } from 'kysely';
import { NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { InterventionsTable } from '../../../db/schema.ts';
import {
  type FundingSource, type ImpactRating, INTERVENTION_KINDS, type Intervention, type InterventionKind, type InterventionState,
  type InterventionTotals,
} from '../../api/contract/interventions.ts';
import { yearGroup } from '../../api/contract/yearGroup.ts';
import { displayName } from '../alerts/types.ts';
import { financialYearOf } from '../ppplus/years.ts';

export type InterventionRow = Selectable<InterventionsTable> & {
  legal_first_name: string;
  legal_last_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  year_group_offset: number;
  leaving_date: string | null;
  provider_name: string | null;
  subject_name: string | null;
};

export interface SessionStats { recorded: number; attended: number; last: string | null }

/** The base query: interventions joined to their child, provider and subject. */
export function interventionQuery() {
  return qb.selectFrom('interventions as i')
    .innerJoin('children as c', 'c.id', 'i.child_id')
    .leftJoin('providers as p', 'p.id', 'i.provider_id')
    .leftJoin('subjects as s', 's.id', 'i.subject_id')
    .selectAll('i')
    .select(['c.legal_first_name', 'c.legal_last_name', 'c.preferred_name', 'c.date_of_birth', 'c.year_group_offset', 'c.leaving_date',
      'p.name as provider_name', 's.name as subject_name']);
}

/** Session counts per intervention: for the given ids (chunked), or for all when ids is omitted. */
export function sessionStats(register: Register, ids?: readonly number[]): Map<number, SessionStats> {
  const out = new Map<number, SessionStats>();
  const load = (chunk?: readonly number[]) => {
    let q = qb.selectFrom('intervention_sessions')
      .select(['intervention_id', (eb) => eb.fn.countAll<number>().as('recorded'), (eb) => eb.fn.sum<number>('attended').as('attended'),
        (eb) => eb.fn.max('session_date').as('last')])
      .groupBy('intervention_id');
    if (chunk) q = q.where('intervention_id', 'in', chunk.length ? chunk : [-1]);
    for (const r of register.all(q)) out.set(r.intervention_id, { recorded: r.recorded, attended: Number(r.attended ?? 0), last: r.last });
  };
  if (!ids) load();
  else for (let i = 0; i < ids.length; i += 500) load(ids.slice(i, i + 500));
  return out;
}

export function stateOn(startDate: string, endDate: string | null, on: string): InterventionState {
  if (startDate > on) return 'planned';
  if (endDate !== null && endDate < on) return 'ended';
  return 'active';
}

export const rate = (attended: number, recorded: number): number | null => (recorded === 0 ? null : Math.round((attended / recorded) * 1000) / 10);

export function toIntervention(r: InterventionRow, stats: SessionStats | undefined, asOf: string): Intervention {
  const s = stats ?? { recorded: 0, attended: 0, last: null };
  return {
    id: r.id,
    childId: r.child_id,
    childName: displayName(r),
    yearGroup: yearGroup(r.date_of_birth, asOf, r.year_group_offset),
    editable: r.leaving_date === null,
    kind: r.kind,
    kindLabel: r.kind === 'other' ? (r.kind_other ?? INTERVENTION_KINDS.other) : INTERVENTION_KINDS[r.kind],
    kindOther: r.kind_other,
    providerId: r.provider_id,
    providerName: r.provider_name,
    deliveredBy: r.delivered_by,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    startDate: r.start_date,
    endDate: r.end_date,
    state: stateOn(r.start_date, r.end_date, asOf),
    sessionsPlanned: r.sessions_planned,
    sessionsRecorded: s.recorded,
    sessionsAttended: s.attended,
    attendanceRate: rate(s.attended, s.recorded),
    lastSessionOn: s.last,
    costPence: r.cost_pence,
    fundingSource: r.funding_source,
    financialYear: financialYearOf(r.start_date),
    baselineMeasure: r.baseline_measure,
    baselineValue: r.baseline_value,
    outcomeMeasure: r.outcome_measure,
    outcomeValue: r.outcome_value,
    impactRating: r.impact_rating,
    evidenceNote: r.evidence_note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function loadInterventionRow(register: Register, id: number): InterventionRow {
  const r = register.one(interventionQuery().where('i.id', '=', id));
  if (!r) throw new NotFoundError('That intervention');
  return r;
}

export function totalsOf(rows: readonly Intervention[]): InterventionTotals {
  const zeroImpact: Record<ImpactRating, number> = { not_assessed: 0, no_impact: 0, some_impact: 0, good_impact: 0, strong_impact: 0 };
  const byFunding: Record<FundingSource, { count: number; costPence: number }> = {
    pp_plus: { count: 0, costPence: 0 }, school: { count: 0, costPence: 0 }, virtual_school: { count: 0, costPence: 0 },
  };
  const byKind = Object.fromEntries(Object.keys(INTERVENTION_KINDS).map((k) => [k, 0])) as Record<InterventionKind, number>;
  let cost = 0;
  let planned = 0;
  let recorded = 0;
  let attended = 0;
  for (const r of rows) {
    cost += r.costPence;
    planned += r.sessionsPlanned;
    recorded += r.sessionsRecorded;
    attended += r.sessionsAttended;
    zeroImpact[r.impactRating]++;
    byFunding[r.fundingSource].count++;
    byFunding[r.fundingSource].costPence += r.costPence;
    byKind[r.kind]++;
  }
  return {
    count: rows.length, costPence: cost, ppPlusCostPence: byFunding.pp_plus.costPence, sessionsPlanned: planned, sessionsRecorded: recorded,
    sessionsAttended: attended, attendanceRate: rate(attended, recorded), byImpact: zeroImpact, byFunding, byKind,
  };
}
