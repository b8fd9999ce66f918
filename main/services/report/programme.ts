// The report's programme sections: Personal Education Plans, Pupil Premium Plus, interventions and
// the risk register. Counts about children go through the same CountSystem as the rest of the
// report; money is printed only when the number of children or interventions behind it is printed.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import {
  FUNDING_SOURCES, type FundingSource, IMPACT_RATINGS, type ImpactRating, INTERVENTION_KINDS, type InterventionKind, RISK_BANDS, RISK_CATEGORIES,
  type GovernorsReport, type ReportTable, type RiskSummary,
} from '../../api/contract.ts';
import { formatPounds } from '../../documents/format.ts';
import { pepReportMetrics } from '../peps/metrics.ts';
import { getPpPlusPosition } from '../ppplus/index.ts';
import { getRiskHeatMap } from '../risks/index.ts';
import type { YearFacts } from './facts.ts';
import type { CountSystem, Suppressed } from './suppression.ts';
import { cell, DASH, groupFigure, pct1, percentCell, round1, type TableSpec, WITHHELD_CELL } from './tables.ts';
import type { YearRow } from './year.ts';

type Spec = (t: TableSpec) => TableSpec;
type Tables = Map<string, ReportTable>;

// ---- PEPs ------------------------------------------------------------------------------------------

/**
 * PEP timeliness and quality from the PEP service's report metrics (looked-after children only).
 * Its count of looked-after children is not printed again: the cohort tables carry that number,
 * and a second copy under another name could undo their suppression.
 */
export function pepSection(register: Register, y: YearRow, today: string, sys: CountSystem, spec: Spec): { render: (s: Suppressed, t: Tables) => GovernorsReport['peps'] } {
  const m = pepReportMetrics(register, y.label, today < y.end_date ? today : y.end_date);
  sys.count('pep.initial.due', m.initialPepsDue);
  sys.count('pep.initial.onTime', m.initialPepsWithinTimescale);
  sys.subset('peps', 'pep.initial.onTime', 'pep.initial.due', { sensitive: true });
  sys.count('pep.reviews.due', m.termlyReviewsDue);
  sys.count('pep.reviews.done', m.termlyReviewsDone);
  sys.subset('peps', 'pep.reviews.done', 'pep.reviews.due', { sensitive: true });
  const ratings = Object.keys(m.qualityRatings);
  const sent = ratings.reduce((n, k) => n + m.qualityRatings[k]!, 0);
  sys.count('pep.sent', sent);
  ratings.forEach((k, i) => sys.count(`pep.quality.${i}`, m.qualityRatings[k]!));
  sys.line('peps.quality', 'pep.sent', ratings.map((_, i) => `pep.quality.${i}`));
  spec({
    id: 'peps', title: 'Timeliness', rowHeader: 'Personal Education Plans', columns: ['Number', 'Share'],
    rows: [
      { label: 'Initial PEPs due in the year', cells: ['pep.initial.due', () => DASH] },
      { label: 'Held within the timescale', cells: ['pep.initial.onTime', (s) => percentCell(s, 'pep.initial.onTime', 'pep.initial.due')] },
      { label: 'Termly PEP reviews due (child × term)', cells: ['pep.reviews.due', () => DASH] },
      { label: 'Reviews sent to the Virtual School', cells: ['pep.reviews.done', (s) => percentCell(s, 'pep.reviews.done', 'pep.reviews.due')] },
    ],
    note: 'Initial PEPs: within each local authority\'s timescale (school days) of entering care or joining the school. Reviews: one per term for each looked-after child on roll by the term\'s deadline.',
  });
  spec({
    id: 'peps.quality', title: 'Quality as rated by the Virtual Schools', rowHeader: 'Quality rating', columns: ['PEPs', 'Share'],
    rows: [
      ...ratings.map((k, i) => ({ label: k, cells: [`pep.quality.${i}`, (s: Suppressed) => percentCell(s, `pep.quality.${i}`, 'pep.sent')] })),
      { label: 'PEPs sent to the Virtual School this year', cells: ['pep.sent', () => DASH], isTotal: true },
    ],
    note: 'Each local authority\'s own quality scale, mapped to green, amber and red.',
  });
  return {
    render: (s, t) => ({
      available: true,
      note: null,
      table: t.get('peps')!,
      quality: t.get('peps.quality')!,
      completeness: groupFigure(s, 'pep.sent', m.completenessAverage, pct1),
    }),
  };
}

// ---- Pupil Premium Plus ------------------------------------------------------------------------------

const IMPACT_KEYS = Object.keys(IMPACT_RATINGS) as ImpactRating[];

/** The financial year (April to March) that shares the academic year's label: 2025-26 → 1 April 2025 to 31 March 2026. */
export function financialYearFor(y: YearRow): { label: string; start: string; end: string } {
  const first = Number(y.label.slice(0, 4));
  return { label: y.label, start: `${first}-04-01`, end: `${first + 1}-03-31` };
}

export function ppPlusSection(register: Register, y: YearRow, today: string, sys: CountSystem, spec: Spec): { render: (s: Suppressed, t: Tables) => GovernorsReport['ppPlus'] } {
  const fy = financialYearFor(y);
  // The PP+ service's position: per child, the allocation recorded (else expected from the LA's rule) and the spend.
  const position = getPpPlusPosition(register, { financialYear: fy.label, asOf: today < fy.end ? today : fy.end }, today);
  const withAllocation = position.children.filter((c) => c.allocatedPence > 0);
  const funded = register.all(qb.selectFrom('interventions').select(['cost_pence', 'impact_rating'])
    .where('funding_source', '=', 'pp_plus').where('start_date', '>=', fy.start).where('start_date', '<=', fy.end));
  const cla = withAllocation.filter((c) => c.status === 'CLA').length;
  sys.count('pp.children.CLA', cla);
  sys.count('pp.children.PLAC', withAllocation.length - cla);
  sys.count('pp.children.total', withAllocation.length);
  sys.line('ppplus', 'pp.children.total', ['pp.children.CLA', 'pp.children.PLAC']);
  sys.count('pp.interventions', funded.length);
  for (const k of IMPACT_KEYS) sys.count(`pp.impact.${k}`, funded.filter((f) => f.impact_rating === k).length);
  sys.line('ppplus.impact', 'pp.interventions', IMPACT_KEYS.map((k) => `pp.impact.${k}`));

  const allocated = position.totals.allocatedPence;
  const received = position.totals.receivedPence;
  const spent = position.totals.spentPence;
  const money = (key: string, pence: number) => (s: Suppressed) => groupFigure(s, key, pence, (v) => formatPounds(v));
  spec({
    id: 'ppplus', title: `Pupil Premium Plus, financial year ${fy.label}`, rowHeader: 'Pupil Premium Plus', columns: ['Figure'],
    rows: [
      { label: 'Children with a PP+ allocation', cells: ['pp.children.total'] },
      { label: '… of whom looked after', cells: ['pp.children.CLA'] },
      { label: '… of whom previously looked after', cells: ['pp.children.PLAC'] },
      { label: 'Allocated', cells: [money('pp.children.total', allocated)] },
      { label: 'Received so far', cells: [money('pp.children.total', received)] },
      { label: 'Spent on PP+-funded interventions', cells: [money('pp.interventions', spent)] },
      { label: 'Share of the allocation spent', cells: [(s) => (s.printed('pp.children.total') && s.printed('pp.interventions') && allocated > 0 ? cell(pct1(round1((spent / allocated) * 100)), round1((spent / allocated) * 100)) : allocated === 0 ? DASH : WITHHELD_CELL)] },
    ],
    note: `Financial year ${fy.label} runs from 1 April ${fy.start.slice(0, 4)} to 31 March ${fy.end.slice(0, 4)}. An allocation is the amount recorded from the local authority, else the amount its PP+ rule gives. Amounts are shown only when the number of children or interventions behind them is shown.`,
  });
  spec({
    id: 'ppplus.impact', title: 'Impact of PP+-funded interventions', rowHeader: 'Impact rating', columns: ['Interventions', 'Share'],
    rows: [
      ...IMPACT_KEYS.map((k) => ({ label: IMPACT_RATINGS[k], cells: [`pp.impact.${k}`, (s: Suppressed) => percentCell(s, `pp.impact.${k}`, 'pp.interventions')] })),
      { label: 'Total', cells: ['pp.interventions', () => DASH], isTotal: true },
    ],
  });
  return {
    render: (_s, t) => ({
      available: true,
      note: withAllocation.length === 0 && funded.length === 0 ? `No PP+ allocations or PP+-funded interventions are recorded for ${fy.label}.` : null,
      table: t.get('ppplus')!, impact: t.get('ppplus.impact')!,
    }),
  };
}

// ---- interventions ---------------------------------------------------------------------------------

export function interventionsSection(register: Register, y: YearRow, facts: YearFacts, sys: CountSystem, spec: Spec): void {
  const rows = register.all(qb.selectFrom('interventions').select(['id', 'kind', 'impact_rating', 'funding_source', 'cost_pence'])
    .where('start_date', '<=', facts.upTo).where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', y.start_date)])));
  const ids = rows.map((r) => r.id);
  const sessions = register.all(qb.selectFrom('intervention_sessions').select(['intervention_id', 'attended'])
    .where('intervention_id', 'in', ids.length ? ids : [-1]).where('session_date', '>=', y.start_date).where('session_date', '<=', facts.upTo));
  const kinds = Object.keys(INTERVENTION_KINDS) as InterventionKind[];
  sys.table('interventions.kind', {
    rows: kinds, cols: IMPACT_KEYS,
    value: (k, i) => rows.filter((r) => r.kind === k && r.impact_rating === i).length,
    key: (k, i) => `int.${k}.${i}`, rowTotal: (k) => `int.${k}.total`, colTotal: (i) => `int.all.${i}`, grand: 'int.all.total',
  });
  spec({
    id: 'interventions.kind', title: 'Interventions during the year, by impact', rowHeader: 'Intervention',
    columns: [...IMPACT_KEYS.map((k) => IMPACT_RATINGS[k]), 'Total'],
    rows: [...kinds, 'all'].map((k) => ({
      label: k === 'all' ? 'Total' : INTERVENTION_KINDS[k as InterventionKind], isTotal: k === 'all',
      cells: [...IMPACT_KEYS.map((i) => `int.${k}.${i}`), `int.${k}.total`],
    })),
    note: 'Interventions running at any time in the year; impact as rated by the Designated Teacher from the baseline and outcome measures.',
  });

  const sources = Object.keys(FUNDING_SOURCES) as FundingSource[];
  for (const f of sources) sys.count(`int.fund.${f}`, rows.filter((r) => r.funding_source === f).length);
  sys.line('interventions.costs', 'int.all.total', sources.map((f) => `int.fund.${f}`));
  const attendance = (f: FundingSource | 'all') => {
    const mine = new Set(rows.filter((r) => f === 'all' || r.funding_source === f).map((r) => r.id));
    const ss = sessions.filter((x) => mine.has(x.intervention_id));
    return ss.length ? round1((ss.filter((x) => x.attended === 1).length / ss.length) * 100) : null;
  };
  const cost = (f: FundingSource | 'all') => rows.filter((r) => f === 'all' || r.funding_source === f).reduce((n, r) => n + r.cost_pence, 0);
  spec({
    id: 'interventions.costs', title: 'Interventions by funding', rowHeader: 'Funded by', columns: ['Interventions', 'Cost', 'Sessions attended'],
    rows: [...sources, 'all' as const].map((f) => {
      const key = f === 'all' ? 'int.all.total' : `int.fund.${f}`;
      return {
        label: f === 'all' ? 'Total' : FUNDING_SOURCES[f], isTotal: f === 'all',
        cells: [key, (s: Suppressed) => groupFigure(s, key, cost(f), (v) => formatPounds(v)), (s: Suppressed) => groupFigure(s, key, attendance(f), pct1)],
      };
    }),
  });
}

// ---- the risk register (about the programme, not children: not suppressed) -------------------------

/** Open and monitored risks (the risk service's heat map), bands as the risk register defines them. */
export function riskSummary(register: Register, today: string): RiskSummary {
  const risks = register.all(qb.selectFrom('risks').selectAll().orderBy('id'));
  const live = risks.filter((r) => r.status !== 'closed');
  const map = getRiskHeatMap(register, ['open', 'monitoring']);
  const heatMap = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0));
  for (const row of map.rows) for (const c of row) heatMap[c.likelihood - 1]![c.impact - 1] = c.count;
  return {
    total: risks.length,
    open: map.total,
    closed: risks.length - live.length,
    byBand: RISK_BANDS.map((b) => ({ band: b.band, label: `${b.label} (${b.min}–${b.max})`, count: map.byBand[b.band] })),
    heatMap,
    highest: live.filter((r) => r.likelihood * r.impact >= 10)
      .sort((a, b) => b.likelihood * b.impact - a.likelihood * a.impact || a.id - b.id)
      .map((r) => ({
        title: r.title, category: RISK_CATEGORIES[r.category], likelihood: r.likelihood, impact: r.impact,
        score: r.likelihood * r.impact, owner: r.owner, mitigations: r.mitigations,
      })),
    reviewsOverdue: live.filter((r) => r.next_review_date < today).length,
  };
}

