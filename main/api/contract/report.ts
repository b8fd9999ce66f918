// The DT's annual report to governors (issue 8): per academic year, the whole-school figures, the
// national benchmarks (with their year and source), staff training, the narrative sections, the
// report itself (anonymous and suppressed: no child is named, and its type cannot carry a name,
// UPN or date of birth), and its export as PDF and editable .docx.

import { z } from 'zod';
import { type ExportedFile, id, isoDate, op, optionalText, text } from './fields.ts';
import { reportYearLabel } from './survey.ts';

// ---- measures ---------------------------------------------------------------------------------

export type MeasureUnit = '%' | 'points' | 'per 100 pupils';

interface MeasureInfo { label: string; unit: MeasureUnit; max: number; school: boolean; higherIsBetter: boolean }

/** Every figure the report compares: whole-school figures (school: true) and national benchmarks. */
export const REPORT_MEASURES = {
  attendance_percent: { label: 'Attendance', unit: '%', max: 100, school: true, higherIsBetter: true },
  persistent_absence_percent: { label: 'Persistent absence (missed 10% or more of sessions)', unit: '%', max: 100, school: true, higherIsBetter: false },
  missed_25_days_percent: { label: 'Looked after for 12 months or more and missed 25 or more school days', unit: '%', max: 100, school: false, higherIsBetter: false },
  suspension_rate: { label: 'Suspensions per 100 pupils', unit: 'per 100 pupils', max: 1000, school: true, higherIsBetter: false },
  pupils_suspended_percent: { label: 'Pupils with one or more suspensions', unit: '%', max: 100, school: true, higherIsBetter: false },
  permanent_exclusion_rate: { label: 'Permanent exclusions per 100 pupils', unit: 'per 100 pupils', max: 100, school: true, higherIsBetter: false },
  ks2_rwm_expected_percent: { label: 'KS2: expected standard in reading, writing and maths', unit: '%', max: 100, school: true, higherIsBetter: true },
  ks2_reading_expected_percent: { label: 'KS2: expected standard in reading', unit: '%', max: 100, school: true, higherIsBetter: true },
  ks2_maths_expected_percent: { label: 'KS2: expected standard in maths', unit: '%', max: 100, school: true, higherIsBetter: true },
  ks4_attainment8: { label: 'KS4: Attainment 8 (average score)', unit: 'points', max: 90, school: true, higherIsBetter: true },
  ks4_english_maths_4plus_percent: { label: 'KS4: grade 4 or above in English and maths', unit: '%', max: 100, school: true, higherIsBetter: true },
  ks4_english_maths_5plus_percent: { label: 'KS4: grade 5 or above in English and maths', unit: '%', max: 100, school: true, higherIsBetter: true },
} as const satisfies Record<string, MeasureInfo>;
export type ReportMeasure = keyof typeof REPORT_MEASURES;
export const REPORT_MEASURE_KEYS = Object.keys(REPORT_MEASURES) as [ReportMeasure, ...ReportMeasure[]];
export type SchoolMeasure = { [K in ReportMeasure]: (typeof REPORT_MEASURES)[K]['school'] extends true ? K : never }[ReportMeasure];
export const SCHOOL_MEASURE_KEYS = REPORT_MEASURE_KEYS.filter((k) => REPORT_MEASURES[k].school) as [SchoolMeasure, ...SchoolMeasure[]];

export const BENCHMARK_GROUPS = {
  cla: 'Children looked after',
  cla_12_months: 'Children looked after for 12 months or more',
  all_pupils: 'All pupils',
  non_looked_after: 'Pupils not looked after',
} as const;
export type ClaGroup = 'cla' | 'cla_12_months';
export type ComparisonGroup = 'all_pupils' | 'non_looked_after';

// ---- narrative --------------------------------------------------------------------------------

/** Built-in narrative sections, in report order; each follows the figures it comments on. */
export const NARRATIVE_SECTIONS = {
  summary: { title: 'Summary', hint: 'The year in brief: what went well, what did not, and what governors should note.' },
  cohort: { title: 'About our children', hint: 'Context for the cohort: changes in numbers, new arrivals, local authorities we work with.' },
  attendance: { title: 'Attendance: commentary', hint: 'What the attendance figures show and what is being done for children below 90%.' },
  exclusions: { title: 'Suspensions and exclusions: commentary', hint: 'Patterns, reintegration, and how suspensions are avoided.' },
  attainment: { title: 'Attainment and progress: commentary', hint: 'Results against benchmarks, and progress from starting points.' },
  peps: { title: 'Personal Education Plans: commentary', hint: 'Timeliness and quality of PEPs, and work with Virtual Schools.' },
  ppplus: { title: 'Pupil Premium Plus: use and impact', hint: 'How PP+ was spent and what difference it made.' },
  interventions: { title: 'Interventions: commentary', hint: 'Which interventions worked, and what will change.' },
  pupil_voice: { title: 'What our children told us', hint: 'Themes from the survey and conversations, in general terms: never quote in a way that identifies a child.' },
  training: { title: 'Staff training: commentary', hint: 'Training delivered and its effect; training planned.' },
  risks: { title: 'Risks and how we manage them', hint: 'The main risks to the programme and their mitigations.' },
  priorities: { title: 'Priorities for next year', hint: 'The priorities for the coming year, with owners and how success will be judged.' },
} as const;
export type NarrativeKey = keyof typeof NARRATIVE_SECTIONS;
export const NARRATIVE_KEYS = Object.keys(NARRATIVE_SECTIONS) as [NarrativeKey, ...NarrativeKey[]];

// ---- settings output types --------------------------------------------------------------------

export interface Benchmark {
  measure: ReportMeasure;
  measureLabel: string;
  unit: MeasureUnit;
  claValue: number | null;
  claGroup: ClaGroup;
  comparisonValue: number | null;
  comparisonGroup: ComparisonGroup;
  /** The year the national figure describes, e.g. 2018/19. */
  dataYear: string;
  source: string;
  /** From the reference data, not yet confirmed or edited by the DT for this year. */
  isDefault: boolean;
}

export interface SchoolFigure { measure: SchoolMeasure; label: string; unit: MeasureUnit; max: number; value: number | null }

export interface TrainingEntry {
  id: number;
  deliveredOn: string;
  title: string;
  audience: string | null;
  deliveredBy: string | null;
  attendees: number | null;
  notes: string | null;
}

export interface NarrativeSection {
  /** A built-in key, or 'custom' for the DT's own sections. */
  key: NarrativeKey | 'custom';
  /** Custom sections only. */
  id: number | null;
  title: string;
  body: string;
  hint: string | null;
  updatedAt: string | null;
}

export interface ReportSettings {
  academicYear: { id: number; label: string; startDate: string; endDate: string };
  schoolFigures: SchoolFigure[];
  /** Where the whole-school figures came from, e.g. "MIS, end of summer term". */
  schoolFiguresSource: string | null;
  /** The benchmarks the report uses: the reference defaults until the DT saves their own. */
  benchmarks: Benchmark[];
  benchmarksAreDefaults: boolean;
  /** The reference defaults, for "restore defaults" or adding one back. */
  defaultBenchmarks: Benchmark[];
  training: TrainingEntry[];
  /** Built-in sections in report order (with empty bodies until written), then custom sections. */
  narrative: NarrativeSection[];
}

// ---- the report (anonymous, suppressed) -------------------------------------------------------

/** A printed figure: `value` is null whenever it is not printed ("fewer than 5", "withheld", "–"). */
export interface ReportCell { text: string; value: number | null; suppressed: 'small' | 'secondary' | null }

export interface ReportTable {
  id: string;
  title: string;
  rowHeader: string;
  columns: string[];
  rows: { label: string; cells: ReportCell[]; isTotal: boolean }[];
  /** Too few children to print any breakdown without identifying someone. */
  omitted: boolean;
  note: string | null;
}

export interface BenchmarkView {
  claValue: number | null;
  claLabel: string;
  comparisonValue: number | null;
  comparisonLabel: string;
  dataYear: string;
  source: string;
  isDefault: boolean;
}

/** One measure: our figures (suppressed), the whole school's, and the national benchmark. */
export interface Comparison {
  measure: ReportMeasure;
  label: string;
  unit: MeasureUnit;
  ours: { label: string; cell: ReportCell }[];
  school: number | null;
  benchmark: BenchmarkView | null;
  note: string | null;
}

export interface RiskSummary {
  total: number;
  /** Counted from open and monitored risks; closed ones are listed in `closed`. */
  open: number;
  closed: number;
  byBand: { band: 'low' | 'medium' | 'high' | 'very_high'; label: string; count: number }[];
  /** heatMap[likelihood − 1][impact − 1]: open and monitored risks. */
  heatMap: number[][];
  /** Open and monitored risks scoring 10 or more, highest first. */
  highest: { title: string; category: string; likelihood: number; impact: number; score: number; owner: string | null; mitigations: string | null }[];
  reviewsOverdue: number;
}

export interface GovernorsReport {
  academicYear: { label: string; startDate: string; endDate: string };
  school: { name: string; headteacher: string | null; designatedGovernor: string | null; designatedTeacher: string | null };
  /** ISO date the figures were worked out on. */
  asOf: string;
  suppression: { threshold: number; note: string; withheld: boolean };
  cohort: {
    total: ReportCell;
    lookedAfter: ReportCell;
    previouslyLookedAfter: ReportCell;
    byYearGroup: ReportTable;
    byLocalAuthority: ReportTable;
    bySen: ReportTable;
    placArrangements: ReportTable;
    movement: ReportTable;
  };
  attendance: {
    bands: ReportTable;
    summary: ReportTable;
    comparisons: Comparison[];
    nationalIndicator: { eligible: ReportCell; missed25: ReportCell; percent: ReportCell; benchmark: BenchmarkView | null; note: string };
  };
  exclusions: { table: ReportTable; comparisons: Comparison[] };
  attainment: { ks2: ReportTable; ks4: ReportTable; progress: ReportTable; comparisons: Comparison[] };
  peps: { available: boolean; note: string | null; table: ReportTable | null; quality: ReportTable | null; completeness: ReportCell | null };
  ppPlus: { available: boolean; note: string | null; table: ReportTable | null; impact: ReportTable | null };
  interventions: { byKind: ReportTable; costs: ReportTable };
  survey: {
    responses: ReportCell;
    questions: { prompt: string; topic: string; table: ReportTable; note: string | null }[];
    note: string;
  };
  /** Without record ids: the report carries no ids at all. */
  training: Omit<TrainingEntry, 'id'>[];
  risks: RiskSummary;
  narrative: { key: NarrativeKey | 'custom'; title: string; body: string }[];
  /** Where figures come from and how they are worked out. */
  notes: string[];
  /** Things the DT should check before sharing, e.g. a narrative section that looks like it names a child. */
  warnings: ReportWarning[];
}

export interface ReportWarning { where: string; kind: 'name' | 'upn' | 'date_of_birth'; message: string }

// ---- input schemas ----------------------------------------------------------------------------

const measureValue = z.number().finite().min(0, 'A figure cannot be negative.').max(1000, 'That figure is too large.');

export const saveSchoolFiguresInput = z.object({
  year: reportYearLabel,
  /** Every school measure: a figure, or null when not known. Measures left out are cleared. */
  figures: z.partialRecord(z.enum(SCHOOL_MEASURE_KEYS), measureValue.nullable()),
  source: optionalText(300),
}).strict().superRefine((v, ctx) => {
  for (const [k, value] of Object.entries(v.figures)) {
    const m = REPORT_MEASURES[k as SchoolMeasure];
    if (value != null && value > m.max) ctx.addIssue({ code: 'custom', path: ['figures', k], message: `${m.label} must be at most ${m.max}.` });
  }
});

export const benchmarkInput = z.object({
  measure: z.enum(REPORT_MEASURE_KEYS),
  claValue: measureValue.nullable(),
  claGroup: z.enum(['cla', 'cla_12_months']),
  comparisonValue: measureValue.nullable(),
  comparisonGroup: z.enum(['all_pupils', 'non_looked_after']),
  dataYear: text(20).min(1, 'Enter the year the figure describes, e.g. 2023/24.'),
  source: text(300).min(1, 'Enter where the figure comes from.'),
}).strict().superRefine((b, ctx) => {
  if (b.claValue === null && b.comparisonValue === null) ctx.addIssue({ code: 'custom', path: ['claValue'], message: 'Enter at least one of the two figures.' });
  const max = REPORT_MEASURES[b.measure].max;
  for (const f of ['claValue', 'comparisonValue'] as const) {
    const v = b[f];
    if (v !== null && v > max) ctx.addIssue({ code: 'custom', path: [f], message: `That figure must be at most ${max}.` });
  }
});

export const saveBenchmarksInput = z.object({
  year: reportYearLabel,
  benchmarks: z.array(benchmarkInput).max(REPORT_MEASURE_KEYS.length),
}).strict().superRefine((v, ctx) => {
  const seen = new Set<string>();
  v.benchmarks.forEach((b, i) => {
    if (seen.has(b.measure)) ctx.addIssue({ code: 'custom', path: ['benchmarks', i, 'measure'], message: 'Each measure can have one benchmark.' });
    seen.add(b.measure);
  });
});

export const trainingInput = z.object({
  id: id.optional(),
  year: reportYearLabel,
  deliveredOn: isoDate,
  title: text(200).min(1, 'Enter what the training was.'),
  audience: optionalText(200),
  deliveredBy: optionalText(200),
  attendees: z.number().int().min(0).max(10_000).nullable().optional(),
  notes: optionalText(2000),
}).strict();

export const narrativeInput = z.object({
  year: reportYearLabel,
  key: z.enum(NARRATIVE_KEYS),
  body: text(20_000),
}).strict();

export const customSectionInput = z.object({
  year: reportYearLabel,
  id: id.optional(),
  title: text(200).min(1, 'Give the section a title.'),
  body: text(20_000),
}).strict();

const byYear = z.object({ year: reportYearLabel }).strict();

// ---- the operations ---------------------------------------------------------------------------

export const reportOperations = {
  getReportSettings: op<ReportSettings>()(byYear),
  saveSchoolFigures: op<ReportSettings>()(saveSchoolFiguresInput),
  /** Replaces the year's benchmarks with exactly these (the defaults stop applying). */
  saveBenchmarks: op<ReportSettings>()(saveBenchmarksInput),
  /** Goes back to the reference defaults for the year. */
  resetBenchmarks: op<ReportSettings>()(byYear),
  saveTraining: op<ReportSettings>()(trainingInput),
  deleteTraining: op<ReportSettings>()(z.object({ id }).strict()),
  saveNarrativeSection: op<ReportSettings>()(narrativeInput),
  saveCustomSection: op<ReportSettings>()(customSectionInput),
  deleteCustomSection: op<ReportSettings>()(z.object({ id }).strict()),
  /** Puts the year's custom sections in the given order (all their ids, each once). */
  reorderCustomSections: op<ReportSettings>()(z.object({ year: reportYearLabel, ids: z.array(id).max(100) }).strict()),

  /** The report's figures for a year, anonymous and suppressed, as the documents print them. */
  getGovernorsReport: op<GovernorsReport>()(byYear),
  /** PDF (A4, OFFICIAL-SENSITIVE) or an editable .docx; audited as an export. */
  exportGovernorsReport: op<{ files: ExportedFile[]; warnings: ReportWarning[] }>()(z.object({
    year: reportYearLabel,
    format: z.enum(['pdf', 'docx']),
  }).strict()),
} as const;
