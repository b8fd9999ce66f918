// The governors' report's charts, built from its (already suppressed) comparisons: attendance and
// attainment against the whole school and national benchmarks, and the risk heat map. A figure the
// report does not print is not drawn either: its bar says why instead.

import type { Comparison, GovernorsReport, ReportCell } from '../../api/contract.ts';
import { type BarGroup, barChart, describeBars } from './barChart.ts';
import { riskHeatMap } from './heatMap.ts';

const OURS_COLOUR: Record<string, number> = { 'Our looked-after children': 0, 'Looked after 12 months or more': 5, 'All our children': 1 };

function missing(c: ReportCell): string {
  if (c.suppressed) return 'not shown: small numbers';
  return 'no data';
}

const fmt = (v: number, unit: string): string => (unit === '%' ? `${v.toFixed(1)}%` : v.toFixed(1));

export function comparisonGroup(c: Comparison, opts: { showSchool?: boolean } = {}): BarGroup | null {
  const bars: BarGroup['bars'] = c.ours.map((o) => ({
    label: o.label, value: o.cell.value, text: o.cell.value === null ? missing(o.cell) : fmt(o.cell.value, c.unit), colour: OURS_COLOUR[o.label] ?? 1,
  }));
  // Nothing of ours to compare: leave the measure out of the chart (the table still lists it).
  if (bars.every((b) => b.value === null && b.text === 'no data')) return null;
  if (opts.showSchool ?? true) {
    bars.push({ label: 'Whole school', value: c.school, text: c.school === null ? 'not entered' : fmt(c.school, c.unit), colour: 2 });
  }
  const b = c.benchmark;
  if (b?.claValue != null) bars.push({ label: `National: ${shortGroup(b.claLabel)} (${b.dataYear})`, value: b.claValue, text: fmt(b.claValue, c.unit), colour: 3 });
  if (b?.comparisonValue != null) bars.push({ label: `National: ${shortGroup(b.comparisonLabel)} (${b.dataYear})`, value: b.comparisonValue, text: fmt(b.comparisonValue, c.unit), colour: 4 });
  return { label: c.label, bars };
}

function shortGroup(label: string): string {
  return label.replace('Children looked after for 12 months or more', 'looked after 12m+').replace('Children looked after', 'looked after')
    .replace('All pupils', 'all pupils').replace('Pupils not looked after', 'not looked after');
}

export function attendanceChart(r: GovernorsReport): string | null {
  const groups = r.attendance.comparisons.map((c) => comparisonGroup(c)).filter((g): g is BarGroup => g !== null);
  const ni = r.attendance.nationalIndicator;
  if (ni.eligible.value !== 0) {
    const bars: BarGroup['bars'] = [{ label: 'Looked after 12 months or more', value: ni.percent.value, text: ni.percent.value === null ? missing(ni.percent) : fmt(ni.percent.value, '%'), colour: 5 }];
    if (ni.benchmark?.claValue != null) bars.push({ label: `National (${ni.benchmark.dataYear})`, value: ni.benchmark.claValue, text: fmt(ni.benchmark.claValue, '%'), colour: 3 });
    groups.push({ label: 'Missed 25 or more school days (looked after 12 months or more)', bars });
  }
  if (groups.length === 0) return null;
  return barChart({
    title: 'Attendance and absence against the whole school and national figures',
    description: `Bar chart. ${describeBars(groups)}.`,
    groups,
  });
}

export function attainmentChart(r: GovernorsReport): string | null {
  const groups = r.attainment.comparisons.filter((c) => c.unit === '%').map((c) => comparisonGroup(c)).filter((g): g is BarGroup => g !== null);
  if (groups.length === 0) return null;
  return barChart({
    title: 'Attainment against the whole school and national benchmarks',
    description: `Bar chart. ${describeBars(groups)}.`,
    groups,
  });
}

export function heatMapChart(r: GovernorsReport): string {
  return riskHeatMap(r.risks.heatMap);
}
