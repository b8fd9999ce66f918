// National benchmark defaults, copied from ../shared/reference/england-codes.json
// ("national_benchmarks_defaults"); test/main/services/report/settings.test.ts checks they match.
// Bundled as code (no run-time file reads). They are editable defaults, never hard truth: the DT
// confirms or replaces them per academic year, and the report always shows their year and source.

import type { ClaGroup, ComparisonGroup, ReportMeasure } from '../../api/contract.ts';

export interface ReferenceBenchmark {
  measure: ReportMeasure;
  /** The key in the reference file. */
  referenceKey: string;
  dataYear: string;
  claValue: number | null;
  claGroup: ClaGroup;
  comparisonValue: number | null;
  comparisonGroup: ComparisonGroup;
  source: string;
}

export const REFERENCE_BENCHMARKS: readonly ReferenceBenchmark[] = [
  {
    measure: 'ks4_attainment8', referenceKey: 'ks4_attainment8', dataYear: '2016/17',
    claValue: 19.3, claGroup: 'cla', comparisonValue: 44.5, comparisonGroup: 'non_looked_after',
    source: 'DfE national statistics, as cited by a school DT',
  },
  {
    measure: 'ks4_attainment8', referenceKey: 'ks4_attainment8', dataYear: '2018/19',
    claValue: 19.1, claGroup: 'cla', comparisonValue: 44.6, comparisonGroup: 'all_pupils',
    source: 'DfE Outcomes for children in need, including children looked after',
  },
  {
    measure: 'ks2_rwm_expected_percent', referenceKey: 'ks2_rwm_expected_standard_percent', dataYear: '2018/19',
    claValue: 37, claGroup: 'cla_12_months', comparisonValue: 65, comparisonGroup: 'all_pupils',
    source: 'DfE Outcomes for children in need, including children looked after',
  },
  {
    measure: 'persistent_absence_percent', referenceKey: 'persistent_absence_percent', dataYear: '2018/19',
    claValue: 10.9, claGroup: 'cla_12_months', comparisonValue: null, comparisonGroup: 'all_pupils',
    source: 'DfE Outcomes for children in need, including children looked after',
  },
];

/** The default per measure: the most recent year in the reference data. */
export function defaultBenchmarks(): ReferenceBenchmark[] {
  const latest = new Map<ReportMeasure, ReferenceBenchmark>();
  for (const b of REFERENCE_BENCHMARKS) {
    const seen = latest.get(b.measure);
    if (!seen || b.dataYear > seen.dataYear) latest.set(b.measure, b);
  }
  return [...latest.values()];
}
