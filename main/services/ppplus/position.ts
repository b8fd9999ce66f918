// The PP+ position for a financial year: per child (expected from the LA's rule, recorded
// allocation, spent on PP+-funded interventions), per LA totals, and the warnings (./rules.ts).
// A fixed handful of queries whatever the number of children.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type {
  PpPlusCheckpoint, PpPlusChildRow, PpPlusLaTotals, PpPlusPosition, PpPlusWarning,
} from '../../api/contract/interventions.ts';
import { yearGroup } from '../../api/contract/yearGroup.ts';
import { formatPounds } from '../../documents/format.ts';
import { getAlertThresholds } from '../alerts/thresholds.ts';
import { displayName } from '../alerts/types.ts';
import { eligibility, expectedPence, percentOf } from './rules.ts';
import { financialYearBounds, financialYearOf } from './years.ts';

const SEVERITY = { urgent: 0, warning: 1, info: 2 } as const;

export interface PositionFilter { financialYear?: string; laId?: number; childId?: number; asOf?: string }

/** The checkpoints of the unspent warning for a year: end of the autumn term (school calendar, else 20 December) and 1 March. */
export function checkpointsFor(register: Register, financialYear: string, asOf: string): PpPlusCheckpoint[] {
  const { startYear } = financialYearBounds(financialYear);
  const t = getAlertThresholds(register);
  const autumn = register.one(qb.selectFrom('terms').select('end_date').where('name', '=', 'Autumn')
    .where('start_date', '>=', `${startYear}-08-01`).where('start_date', '<=', `${startYear}-12-31`).orderBy('start_date'));
  const autumnEnd = autumn?.end_date ?? `${startYear}-12-20`;
  return [
    { label: 'End of the autumn term', date: autumnEnd, minSpentPercent: t.ppPlusAutumnMinSpentPercent, passed: asOf > autumnEnd },
    { label: '1 March', date: `${startYear + 1}-03-01`, minSpentPercent: t.ppPlusMarchMinSpentPercent, passed: asOf >= `${startYear + 1}-03-01` },
  ];
}

interface Money { allocated: number; spent: number }

/** The warnings for one child's (or one LA's) figures. */
function warningsFor(m: Money & { expected: number; recorded: boolean }, who: { childId: number | null; laId: number | null; label: string },
  checkpoints: PpPlusCheckpoint[], yearEnded: boolean, financialYear: string): PpPlusWarning[] {
  const out: PpPlusWarning[] = [];
  const w = (kind: PpPlusWarning['kind'], severity: PpPlusWarning['severity'], message: string) => out.push({ kind, severity, childId: who.childId, laId: who.laId, message });
  if (m.spent > m.allocated) {
    w('overspend', 'warning', m.allocated === 0
      ? `${who.label}: PP+-funded interventions cost ${formatPounds(m.spent)} but no PP+ is allocated for ${financialYear}.`
      : `${who.label}: overspent by ${formatPounds(m.spent - m.allocated)} (${formatPounds(m.spent)} spent of ${formatPounds(m.allocated)}).`);
  } else if (m.allocated > 0) {
    const share = (m.spent / m.allocated) * 100;
    const left = m.allocated - m.spent;
    if (yearEnded && left > 0) {
      w('unspent_at_year_end', 'warning', `${who.label}: ${formatPounds(left)} of the ${financialYear} allocation was not spent.`);
    } else {
      const cp = [...checkpoints].reverse().find((c) => c.passed);
      if (cp && share < cp.minSpentPercent) {
        w('unspent', 'warning', `${who.label}: only ${Math.round(share)}% of ${formatPounds(m.allocated)} spent; at least ${cp.minSpentPercent}% is expected by ${cp.label.toLowerCase()}.`);
      }
    }
  }
  if (who.childId !== null && m.expected > 0 && !m.recorded && checkpoints[0]!.passed && !yearEnded) {
    w('no_allocation_recorded', 'info', `${who.label}: nothing recorded from the local authority yet (${formatPounds(m.expected)} expected).`);
  }
  return out;
}

export function getPpPlusPosition(register: Register, f: PositionFilter, today: string): PpPlusPosition {
  const asOf = f.asOf ?? today;
  const fy = f.financialYear ?? financialYearOf(asOf);
  const { startDate, endDate } = financialYearBounds(fy);
  const yearEnded = asOf > endDate;
  const checkpoints = checkpointsFor(register, fy, asOf);

  const las = new Map(register.all(qb.selectFrom('local_authorities').select(['id', 'name', 'ppplus_pence_per_year', 'ppplus_payment'])).map((l) => [l.id, l]));
  let cq = qb.selectFrom('children').select([
    'id', 'legal_first_name', 'legal_last_name', 'preferred_name', 'date_of_birth', 'year_group_offset', 'status', 'pp_plus_eligible',
    'date_into_care', 'date_joined_school', 'leaving_date', 'responsible_la_id',
  ]).where('date_joined_school', '<=', endDate).where((eb) => eb.or([eb('leaving_date', 'is', null), eb('leaving_date', '>=', startDate)]));
  if (f.childId !== undefined) cq = cq.where('id', '=', f.childId);
  const children = register.all(cq.orderBy('legal_last_name').orderBy('legal_first_name').orderBy('id'));
  let aq = qb.selectFrom('pp_plus_allocations').selectAll().where('financial_year', '=', fy);
  if (f.childId !== undefined) aq = aq.where('child_id', '=', f.childId);
  const allocations = new Map(register.all(aq).map((a) => [a.child_id, a]));
  let sq = qb.selectFrom('interventions').select(['child_id', (eb) => eb.fn.sum<number>('cost_pence').as('spent'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('funding_source', '=', 'pp_plus').where('start_date', '>=', startDate).where('start_date', '<=', endDate).groupBy('child_id');
  if (f.childId !== undefined) sq = sq.where('child_id', '=', f.childId);
  const spend = new Map(register.all(sq).map((s) => [s.child_id, { spent: Number(s.spent ?? 0), n: s.n }]));

  // Children with allocations or spend but not on roll in the year (e.g. recorded for a leaver) still show.
  const known = new Set(children.map((c) => c.id));
  const extra = [...new Set([...allocations.keys(), ...spend.keys()])].filter((id) => !known.has(id));
  if (extra.length) {
    children.push(...register.all(qb.selectFrom('children').select([
      'id', 'legal_first_name', 'legal_last_name', 'preferred_name', 'date_of_birth', 'year_group_offset', 'status', 'pp_plus_eligible',
      'date_into_care', 'date_joined_school', 'leaving_date', 'responsible_la_id',
    ]).where('id', 'in', extra)));
  }

  const rows: PpPlusChildRow[] = [];
  for (const c of children) {
    const el = eligibility(c, fy);
    const la = c.responsible_la_id === null ? undefined : las.get(c.responsible_la_id);
    const expected = la && c.status === 'CLA' ? expectedPence(la.ppplus_pence_per_year, el.months) : 0;
    const rec = allocations.get(c.id);
    const s = spend.get(c.id);
    if (el.months === 0 && !rec && !s) continue;
    const laId = rec?.la_id ?? (c.status === 'CLA' ? c.responsible_la_id : null);
    if (f.laId !== undefined && laId !== f.laId) continue;
    const allocated = rec ? rec.amount_pence : expected;
    const spent = s?.spent ?? 0;
    const name = displayName(c);
    const row: PpPlusChildRow = {
      childId: c.id, childName: name, yearGroup: yearGroup(c.date_of_birth, asOf, c.year_group_offset), status: c.status,
      laId, laName: laId === null ? null : las.get(laId)?.name ?? null,
      eligible: el.months > 0,
      eligibility: la || c.status !== 'CLA' || el.months === 0 ? el.text : `${el.text} No responsible local authority is recorded, so no allocation is expected.`,
      eligibleMonths: el.months,
      expectedPence: expected,
      recorded: rec ? { id: rec.id, amountPence: rec.amount_pence, receivedOn: rec.received_on, note: rec.note, laId: rec.la_id } : null,
      allocatedPence: allocated,
      spentPence: spent,
      remainingPence: allocated - spent,
      spentPercent: percentOf(spent, allocated),
      interventions: s?.n ?? 0,
      warnings: [],
    };
    row.warnings = warningsFor({ allocated, spent, expected, recorded: !!rec }, { childId: c.id, laId, label: name }, checkpoints, yearEnded, fy);
    rows.push(row);
  }

  const groups = new Map<number | null, PpPlusChildRow[]>();
  for (const r of rows) groups.set(r.laId, [...(groups.get(r.laId) ?? []), r]);
  const byLa: PpPlusLaTotals[] = [...groups].map(([laId, rs]) => {
    const la = laId === null ? undefined : las.get(laId);
    const sum = (k: (r: PpPlusChildRow) => number) => rs.reduce((n, r) => n + k(r), 0);
    const allocated = sum((r) => r.allocatedPence);
    const spent = sum((r) => r.spentPence);
    const laName = la?.name ?? 'No Virtual School (previously looked after, or no LA recorded)';
    return {
      laId, laName, pencePerYear: la?.ppplus_pence_per_year ?? null, payment: la?.ppplus_payment ?? null, children: rs.length,
      expectedPence: sum((r) => r.expectedPence), allocatedPence: allocated,
      receivedPence: sum((r) => (r.recorded?.receivedOn && r.recorded.receivedOn <= asOf ? r.recorded.amountPence : 0)),
      spentPence: spent, remainingPence: allocated - spent, spentPercent: percentOf(spent, allocated),
      warnings: laId === null ? [] : warningsFor({ allocated, spent, expected: 0, recorded: true }, { childId: null, laId, label: laName }, checkpoints, yearEnded, fy),
    };
  }).sort((a, b) => (a.laId === null ? 1 : 0) - (b.laId === null ? 1 : 0) || a.laName.localeCompare(b.laName));

  const total = (k: (l: PpPlusLaTotals) => number) => byLa.reduce((n, l) => n + k(l), 0);
  const allocatedPence = total((l) => l.allocatedPence);
  const spentPence = total((l) => l.spentPence);
  const warnings = [...byLa.flatMap((l) => l.warnings), ...rows.flatMap((r) => r.warnings)]
    .sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity]);

  return {
    financialYear: fy, startDate, endDate, asOf,
    availableYears: availableYears(register, financialYearOf(asOf)),
    children: rows, byLa,
    totals: {
      expectedPence: total((l) => l.expectedPence), allocatedPence, receivedPence: total((l) => l.receivedPence), spentPence,
      remainingPence: allocatedPence - spentPence, spentPercent: percentOf(spentPence, allocatedPence),
    },
    checkpoints, warnings,
  };
}

function availableYears(register: Register, current: string): string[] {
  const years = new Set<string>([current]);
  for (const r of register.all(qb.selectFrom('pp_plus_allocations').select('financial_year').distinct())) years.add(r.financial_year);
  for (const r of register.all(qb.selectFrom('interventions').select('start_date').where('funding_source', '=', 'pp_plus'))) years.add(financialYearOf(r.start_date));
  return [...years].sort().reverse();
}
